import { describe, expect, it } from 'vitest';
import {
  EMBED_SOURCE,
  heightMessage,
  isPlainObject,
  parseHostRequest,
  readyMessage,
  replyOrigin,
  stateMessage,
} from './embed-messages.ts';

describe('parseHostRequest', () => {
  it('accepts set with a plain-object state and get', () => {
    expect(parseHostRequest({ target: EMBED_SOURCE, type: 'set', state: { kind: 'exercise' } })).toEqual({
      target: EMBED_SOURCE,
      type: 'set',
      state: { kind: 'exercise' },
    });
    expect(parseHostRequest({ target: EMBED_SOURCE, type: 'get' })).toEqual({
      target: EMBED_SOURCE,
      type: 'get',
    });
  });

  it('tolerates extra keys on the envelope but does not pass them on', () => {
    expect(parseHostRequest({ target: EMBED_SOURCE, type: 'get', id: 7 })).toEqual({
      target: EMBED_SOURCE,
      type: 'get',
    });
  });

  it.each([
    ['null', null],
    ['a string', 'cooperation-atlas:get'],
    ['a number', 42],
    ['an array', [EMBED_SOURCE, 'get']],
    ['another target', { target: 'other-widget', type: 'get' }],
    ['our own outgoing shape', { source: EMBED_SOURCE, type: 'state', state: {} }],
    ['an unknown type', { target: EMBED_SOURCE, type: 'reset' }],
    ['set without state', { target: EMBED_SOURCE, type: 'set' }],
    ['set with a string state', { target: EMBED_SOURCE, type: 'set', state: 'kind=exercise' }],
    ['set with an array state', { target: EMBED_SOURCE, type: 'set', state: [['kind', 'exercise']] }],
    ['set with a null state', { target: EMBED_SOURCE, type: 'set', state: null }],
    ['set with a Date state', { target: EMBED_SOURCE, type: 'set', state: new Date() }],
    ['set with a Map state', { target: EMBED_SOURCE, type: 'set', state: new Map([['kind', 'exercise']]) }],
  ])('ignores %s', (_name, data) => {
    expect(parseHostRequest(data)).toBeUndefined();
  });
});

describe('isPlainObject', () => {
  it('is true only for object literals and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new (class Thing {})())).toBe(false);
    expect(isPlainObject(() => undefined)).toBe(false);
  });
});

describe('outgoing messages', () => {
  it('are plain objects tagged with the source', () => {
    expect(readyMessage()).toEqual({ source: EMBED_SOURCE, type: 'ready' });
    expect(heightMessage(812)).toEqual({ source: EMBED_SOURCE, type: 'height', height: 812 });
    const state = { kind: 'exercise' };
    const message = stateMessage(state);
    expect(message).toEqual({ source: EMBED_SOURCE, type: 'state', state: { kind: 'exercise' } });
    // A copy: a later change to the caller's object does not rewrite a message in flight.
    state.kind = 'patrol';
    expect(message).toEqual({ source: EMBED_SOURCE, type: 'state', state: { kind: 'exercise' } });
  });
});

describe('replyOrigin', () => {
  it('answers the requester by origin, or "*" for an opaque origin', () => {
    expect(replyOrigin('https://news.example')).toBe('https://news.example');
    expect(replyOrigin('null')).toBe('*');
    expect(replyOrigin('')).toBe('*');
  });
});
