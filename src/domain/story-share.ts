import type { StoryDocument } from './story-document.ts';

// A share link carries the whole story in the URL's fragment (`#story=`), which browsers never
// send to a server: deflate-raw with the browser's own CompressionStream (no library needed; it
// is async, which suits a click and a page load), then base64url so it survives copy and paste.

export const SHARE_PARAM = 'story';

export class StoryLinkError extends Error {}

const TRUNCATED =
  'This story link is incomplete or damaged: part of it was probably cut off when it was copied. Ask for the link again, or for the .story.json file.';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new StoryLinkError(TRUNCATED);
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeStory(story: StoryDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(story));
  return toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** The story's JSON text; a cut or altered link is a StoryLinkError with words for the reader. */
export async function decodeStory(encoded: string): Promise<string> {
  if (!encoded) throw new StoryLinkError('This story link is empty: the story part of it is missing.');
  const bytes = fromBase64Url(encoded);
  let inflated: Uint8Array;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } catch {
    throw new StoryLinkError(TRUNCATED);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new StoryLinkError(TRUNCATED);
  }
}

/** The encoded story in a URL fragment such as `#story=...`, or null when there is none. */
export function storyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

/** A link that opens the story in presenter mode on the same data. */
export function shareUrl(base: URL, encoded: string, dataId: string): string {
  const url = new URL(base.origin + base.pathname);
  url.searchParams.set('mode', 'present');
  if (dataId !== 'events') url.searchParams.set('data', dataId);
  url.hash = `${SHARE_PARAM}=${encoded}`;
  return url.href;
}
