/*
 * Cooperation Atlas embed loader. A page that includes this script gets every
 * <iframe data-cooperation-atlas> sized to the height its content asks for, through the embed's
 * { source: "cooperation-atlas", type: "height", height } messages.
 *
 * A classic script (no module, no build step), wrapped so that including it twice is harmless.
 * No eval and no markup: it runs under a host's strict Content Security Policy (a height set
 * through the CSSOM needs no 'unsafe-inline').
 */
(() => {
  if (window.__cooperationAtlasLoader) return;
  window.__cooperationAtlasLoader = true;

  const MIN_HEIGHT = 150;
  const MAX_HEIGHT = 5000;

  const originOf = (url) => {
    try {
      return new URL(url, document.baseURI).origin;
    } catch {
      return '';
    }
  };

  /** The embed iframe whose window sent a message, or null. Frames added later are found too. */
  const frameOf = (source) => {
    for (const frame of document.querySelectorAll('iframe[data-cooperation-atlas]')) {
      if (frame.contentWindow === source) return frame;
    }
    return null;
  };

  /** The frame's page must still be the embed it was given, not a page it navigated to. */
  const fromItsEmbed = (frame, origin) => {
    if (origin === originOf(frame.src)) return true;
    // A frame sandboxed without allow-same-origin has an opaque origin, reported as "null".
    return origin === 'null' && frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'cooperation-atlas' || data.type !== 'height')
      return;
    if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    const frame = frameOf(event.source);
    if (!frame || !fromItsEmbed(frame, event.origin)) return;
    const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, data.height)));
    frame.style.height = `${height}px`;
  });
})();
