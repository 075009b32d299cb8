// The embed's postMessage protocol, as pure data: what the embed sends to its host page and the
// only two requests it accepts from it. README "Embedding" documents it for embedders; the loader
// (public/embed.js) reads the `height` message.

export const EMBED_SOURCE = 'cooperation-atlas';

/** A view as URL parameters: `serializeViewState`'s output, so `{}` is the default view. */
export type ViewParams = Record<string, string>;

export type EmbedMessage =
  | { source: typeof EMBED_SOURCE; type: 'ready' }
  | { source: typeof EMBED_SOURCE; type: 'height'; height: number }
  | { source: typeof EMBED_SOURCE; type: 'state'; state: ViewParams };

export type HostRequest =
  | { target: typeof EMBED_SOURCE; type: 'set'; state: Readonly<Record<string, unknown>> }
  | { target: typeof EMBED_SOURCE; type: 'get' };

export const readyMessage = (): EmbedMessage => ({ source: EMBED_SOURCE, type: 'ready' });
export const heightMessage = (height: number): EmbedMessage => ({
  source: EMBED_SOURCE,
  type: 'height',
  height,
});
export const stateMessage = (state: ViewParams): EmbedMessage => ({
  source: EMBED_SOURCE,
  type: 'state',
  state: { ...state },
});

/** An object literal's shape: not null, an array, a Date, a Map or any other class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A host's request, or undefined for anything else: another library's messages share the
 * channel, so whatever is not exactly ours is ignored, never an error. Extra keys on the
 * envelope are tolerated; what `state` holds is validated later, like the URL.
 */
export function parseHostRequest(data: unknown): HostRequest | undefined {
  if (!isPlainObject(data) || data.target !== EMBED_SOURCE) return undefined;
  if (data.type === 'get') return { target: EMBED_SOURCE, type: 'get' };
  if (data.type === 'set' && isPlainObject(data.state))
    return { target: EMBED_SOURCE, type: 'set', state: data.state };
  return undefined;
}

/**
 * Where to send an answer: the requester's origin, so an answer never reaches a page the parent
 * has navigated to since. An opaque origin ("null": a sandboxed or file: host) cannot be named
 * as a target, and the view is public data, so it is answered with "*".
 */
export function replyOrigin(origin: string): string {
  return origin && origin !== 'null' ? origin : '*';
}
