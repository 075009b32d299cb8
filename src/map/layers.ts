import type {
  BackgroundLayerSpecification,
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

// Every layer of the map as a typed constant: the one place to read what is drawn and how.

export const SOURCE = { countries: 'countries', countryPoints: 'country-points', events: 'events' } as const;
export const LABEL_FONT = 'Noto Sans Regular';
export const HOST_ISO3 = 'CHN';

export const COLORS = {
  ocean: '#dde6ee',
  land: '#f6f4ef',
  border: '#b7b2a8',
  host: '#b3202a',
  hostFill: '#f1d4cf',
  label: '#4a4f55',
  labelHalo: '#ffffff',
  point: '#1d4e89',
  pointStroke: '#ffffff',
} as const;

export const backgroundLayer: BackgroundLayerSpecification = {
  id: 'ocean',
  type: 'background',
  paint: { 'background-color': COLORS.ocean },
};

export const countryFillLayer: FillLayerSpecification = {
  id: 'country-fill',
  type: 'fill',
  source: SOURCE.countries,
  paint: {
    'fill-color': ['case', ['==', ['get', 'iso3'], HOST_ISO3], COLORS.hostFill, COLORS.land],
  },
};

export const countryBorderLayer: LineLayerSpecification = {
  id: 'country-border',
  type: 'line',
  source: SOURCE.countries,
  paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 5, 1] },
};

export const hostOutlineLayer: LineLayerSpecification = {
  id: 'host-outline',
  type: 'line',
  source: SOURCE.countries,
  filter: ['==', ['get', 'iso3'], HOST_ISO3],
  paint: { 'line-color': COLORS.host, 'line-width': 1.5 },
};

export const countryLabelLayer: SymbolLayerSpecification = {
  id: 'country-label',
  type: 'symbol',
  source: SOURCE.countryPoints,
  minzoom: 2,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': [LABEL_FONT],
    'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 14],
    'text-max-width': 7,
    'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
    'text-radial-offset': 0.6,
  },
  paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.2 },
};

export const eventPointLayer: CircleLayerSpecification = {
  id: 'event-points',
  type: 'circle',
  source: SOURCE.events,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 0, 4.5, 4, 7, 8, 10],
    'circle-color': COLORS.point,
    'circle-stroke-color': COLORS.pointStroke,
    'circle-stroke-width': 1.2,
  },
};
