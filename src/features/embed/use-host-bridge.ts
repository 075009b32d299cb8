import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';
import type { EmbedMessage, ViewParams } from './embed-messages.ts';
import {
  heightMessage,
  parseHostRequest,
  readyMessage,
  replyOrigin,
  stateMessage,
} from './embed-messages.ts';

export interface HostBridgeOptions {
  /** The embedding page, or null when the embed is opened on its own (nothing is posted then). */
  parent: Window | null;
  /** The embed's whole content: its height is the height the iframe should have. */
  rootRef: RefObject<HTMLElement | null>;
  /** True once the embed is usable (the map ready, or known not to be drawable). */
  ready: boolean;
  /** The current view as URL parameters. */
  params: ViewParams;
  /** Applies a host's parameters (validated like the URL) and returns the resulting view. */
  applyParams: (params: Readonly<Record<string, unknown>>) => ViewParams;
}

const keyOf = (params: ViewParams) => JSON.stringify(params);

/**
 * The embed's side of the host protocol (embed-messages.ts): `ready` once, `height` on every
 * change of the content's height, `state` on every change of the view, and answers to the
 * parent's `set` and `get`. Only the parent window is listened to: a sibling frame or a popup
 * shares the message channel but not the right to drive the view.
 */
export function useHostBridge({ parent, rootRef, ready, params, applyParams }: HostBridgeOptions) {
  // Broadcasts use "*": the embed cannot know its host's origin in advance, and nothing it sends
  // is private (the view is in the iframe's own URL; the height is the iframe's own size).
  const post = (message: EmbedMessage) => parent?.postMessage(message, '*');

  const current = useRef(params);
  current.current = params;
  /** The last view the host was told about: an answer to `set` is not repeated as a change. */
  const told = useRef(keyOf(params));
  const height = useRef(0);
  const readyPosted = useRef(false);
  const latestApply = useRef(applyParams);
  latestApply.current = applyParams;

  useEffect(() => {
    const root = rootRef.current;
    if (!parent || !root) return;
    const measure = () => {
      const next = Math.ceil(root.getBoundingClientRect().height);
      if (next === height.current || next === 0) return;
      height.current = next;
      parent.postMessage(heightMessage(next), '*');
    };
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    measure();
    return () => observer.disconnect();
  }, [parent, rootRef]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: posts once, when the embed first becomes usable.
  useEffect(() => {
    if (!ready || readyPosted.current) return;
    readyPosted.current = true;
    post(readyMessage());
    // The starting view, and the height again for a loader script that arrived after the first one.
    told.current = keyOf(current.current);
    post(stateMessage(current.current));
    if (height.current > 0) post(heightMessage(height.current));
  }, [ready]);

  const key = keyOf(params);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the params.
  useEffect(() => {
    if (!readyPosted.current || key === told.current) return;
    told.current = key;
    post(stateMessage(current.current));
  }, [key]);

  useEffect(() => {
    if (!parent) return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== parent) return;
      const request = parseHostRequest(event.data);
      if (!request) return;
      let state = current.current;
      if (request.type === 'set') {
        state = latestApply.current(request.state);
        current.current = state;
      }
      told.current = keyOf(state);
      parent.postMessage(stateMessage(state), replyOrigin(event.origin));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [parent]);
}
