import type { ImageLayout, LayoutItem, Measure } from './image-layout.ts';
import { IMAGE_FONT } from './image-layout.ts';

// The PNG: the layout's text and legend drawn on a canvas around the map's own pixels, at a
// scale of device pixels per CSS pixel. Browser only (canvas); the layout itself is tested apart.

const fontOf = (size: number, weight: 400 | 600) => `${weight} ${size}px ${IMAGE_FONT}`;

/** The app's own font, loaded (from the app's origin) before any text is measured or drawn. */
export async function loadImageFonts(): Promise<void> {
  if (!document.fonts) return;
  await Promise.all([document.fonts.load(fontOf(16, 400)), document.fonts.load(fontOf(16, 600))]).catch(
    () => undefined,
  );
}

/** Measures with a canvas in the image's font, so the PNG wraps text as it will draw it. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text, size, weight) => {
    if (!context) return text.length * size * 0.55;
    context.font = fontOf(size, weight);
    return context.measureText(text).width;
  };
}

function drawItem(context: CanvasRenderingContext2D, item: LayoutItem) {
  if (item.type === 'text') {
    context.font = fontOf(item.size, item.weight);
    context.fillStyle = item.color;
    context.fillText(item.text, item.x, item.y);
  } else if (item.type === 'rect') {
    context.fillStyle = item.fill;
    context.fillRect(item.x, item.y, item.width, item.height);
    if (item.stroke) {
      context.strokeStyle = item.stroke;
      context.lineWidth = 1;
      context.strokeRect(item.x + 0.5, item.y + 0.5, item.width - 1, item.height - 1);
    }
  } else {
    context.beginPath();
    context.arc(item.cx, item.cy, item.r, 0, 2 * Math.PI);
    context.fillStyle = item.fill;
    context.fill();
    context.strokeStyle = item.stroke;
    context.lineWidth = item.strokeWidth;
    context.stroke();
  }
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))),
      'image/png',
    ),
  );
}

/** The composed PNG, `scale` device pixels per CSS pixel of the layout. */
export async function composePng(layout: ImageLayout, map: CanvasImageSource, scale: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw the image');
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, layout.width, layout.height);
  context.textBaseline = 'alphabetic';
  context.drawImage(map, layout.map.x, layout.map.y, layout.map.width, layout.map.height);
  for (const item of layout.items) drawItem(context, item);
  return toBlob(canvas);
}

/** A PNG of an SVG document (the SVG export) where no live map can be copied: no WebGL. */
export async function rasteriseSvg(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw the image');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return toBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}
