import type { CountryPoint } from '../../domain/event-features.ts';
import { placeEvents } from '../../domain/event-features.ts';
import { partnerEventCounts } from '../../domain/event-filter.ts';
import type { AtlasEvent } from '../../domain/event-schema.ts';
import type { Basemap } from '../../domain/world-projection.ts';
import {
  projectWorld,
  WORLD_FRAME_D,
  WORLD_VIEW_HEIGHT,
  WORLD_VIEW_WIDTH,
  worldCountryShapes,
} from '../../domain/world-projection.ts';
import { COLORS, HOST_ISO3 } from '../../map/layers.ts';
import type { ImageLayout, LayoutItem } from './image-layout.ts';
import { IMAGE_FONT } from './image-layout.ts';

// The image as an SVG document for a graphics desk: every country a <path>, every event a
// <circle>, every line of text a <text>, in named groups, so each can be restyled in an editor.

/** The world drawing's size, the map area an SVG export is laid out around. */
export const SVG_MAP_SIZE = { width: WORLD_VIEW_WIDTH, height: WORLD_VIEW_HEIGHT };

// Characters XML 1.0 does not allow at all (C0 controls but tab and line ends, lone surrogates,
// U+FFFE/U+FFFF): dropped, or the document would not parse. Everything else is escaped.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching these is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r\n?|\n/g, ' ');
}

const attrs = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${xmlEscape(String(value))}"`)
    .join(' ');

const round = (n: number) => Math.round(n * 10) / 10;

function itemSvg(item: LayoutItem): string {
  if (item.type === 'text') {
    return `<text ${attrs({ class: item.role, x: round(item.x), y: round(item.y), 'font-size': item.size, 'font-weight': item.weight, fill: item.color })}>${xmlEscape(item.text)}</text>`;
  }
  if (item.type === 'rect') {
    return `<rect ${attrs({ x: round(item.x), y: round(item.y), width: item.width, height: item.height, fill: item.fill, stroke: item.stroke })}/>`;
  }
  return `<circle ${attrs({ cx: round(item.cx), cy: round(item.cy), r: item.r, fill: item.fill, stroke: item.stroke, 'stroke-width': item.strokeWidth })}/>`;
}

export interface SvgMapInput {
  basemap: Basemap;
  events: readonly AtlasEvent[];
  countryPoints: ReadonlyMap<string, CountryPoint>;
  /** The choropleth colour of a count of events, or null for none. */
  colorFor: (count: number) => string | null;
  /** Lines from China to the selection's partners, as on the map. */
  links: GeoJSON.FeatureCollection<GeoJSON.LineString>;
  selectedEventId: string | null;
}

/** The map part: ocean, countries, links, events; in the world drawing's own units. */
export function svgMap(input: SvgMapInput): string {
  const counts = partnerEventCounts(input.events);
  const shapes = worldCountryShapes(input.basemap, (iso3) => input.countryPoints.get(iso3)?.name);
  const countries = shapes.map(({ iso3, name, d }) => {
    const count = counts.get(iso3) ?? 0;
    const fill = iso3 === HOST_ISO3 ? COLORS.hostFill : (input.colorFor(count) ?? COLORS.land);
    return `<path ${attrs({ id: `country-${iso3}`, d, fill })}><title>${xmlEscape(name)}</title></path>`;
  });
  const host = shapes.find((s) => s.iso3 === HOST_ISO3);
  const links = input.links.features.map((feature) => {
    const [a, b] = feature.geometry.coordinates as [[number, number], [number, number]];
    const [x1, y1] = projectWorld(a[0], a[1]);
    const [x2, y2] = projectWorld(b[0], b[1]);
    return `<line ${attrs({ x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2) })}/>`;
  });
  const points = placeEvents(input.events, input.countryPoints).map(({ event, lon, lat }) => {
    const [cx, cy] = projectWorld(lon, lat);
    const selected = event.id === input.selectedEventId;
    const precision = event.date.precision;
    const fill = selected
      ? COLORS.selected
      : precision === 'year'
        ? COLORS.pointStroke
        : precision === 'month'
          ? COLORS.pointMonth
          : COLORS.point;
    const stroke = selected ? '#7a3400' : precision === 'year' ? COLORS.point : COLORS.pointStroke;
    return `<circle ${attrs({ cx: round(cx), cy: round(cy), r: selected ? 6 : 4.5, fill, stroke, 'stroke-width': precision === 'year' ? 2 : 1.2, 'data-event-id': event.id })}><title>${xmlEscape(event.title)}</title></circle>`;
  });
  return [
    `<path id="ocean" ${attrs({ d: WORLD_FRAME_D, fill: COLORS.ocean })}/>`,
    `<g id="countries" stroke="${COLORS.border}" stroke-width="0.5" fill-rule="evenodd">${countries.join('')}</g>`,
    host
      ? `<path id="china-outline" ${attrs({ d: host.d, fill: 'none', stroke: COLORS.host, 'stroke-width': 1.5 })}/>`
      : '',
    `<g id="links" stroke="${COLORS.link}" stroke-width="1.5" stroke-dasharray="4 3">${links.join('')}</g>`,
    `<g id="events">${points.join('')}</g>`,
  ].join('\n');
}

/** The whole document: the layout's text and legend around the map drawn at its map area. */
export function svgImage(layout: ImageLayout, title: string, map: string): string {
  const scale = layout.map.width / WORLD_VIEW_WIDTH;
  const group = (role: string) =>
    layout.items
      .filter((item) => (item.type === 'text' ? item.role === role : role === 'legend'))
      .map(itemSvg)
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" ${attrs({ width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}`, 'font-family': IMAGE_FONT })}>`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect id="background" width="100%" height="100%" fill="#ffffff"/>`,
    `<g id="heading">${group('title')}${group('subtitle')}</g>`,
    `<g id="map" transform="translate(${layout.map.x} ${layout.map.y}) scale(${round(scale * 1000) / 1000})">`,
    map,
    '</g>',
    `<g id="legend">${group('legend')}</g>`,
    `<g id="credits">${group('credit')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
