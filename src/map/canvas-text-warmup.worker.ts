// Draws one letter on a canvas and says so; see warmCanvasText in boot.ts for why.
const context = new OffscreenCanvas(8, 8).getContext('2d', { willReadFrequently: true });
if (context) {
  context.font = '10px sans-serif';
  context.fillText('a', 0, 8);
  context.getImageData(0, 0, 1, 1);
}
(globalThis as unknown as { postMessage(message: string): void }).postMessage('drawn');
