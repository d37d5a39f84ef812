import { pattern, patterns, type RechartsFill } from 'recharts';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies. Each series also has its own
// texture or line style, so it still reads in greyscale print.
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  sky: '#56B4E9',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
  grey: '#999999',
} as const;

// Budget solid, allocated hatched, disbursed cross-hatched.
export const SERIES_FILL: Record<'budget' | 'allocated' | 'disbursed', string | RechartsFill> = {
  budget: PALETTE.blue,
  allocated: { color: PALETTE.orange, definition: pattern({ ...patterns.diagonal, color: '#000000', opacity: 0.35 }) },
  disbursed: { color: PALETTE.green, definition: pattern({ ...patterns.crosshatch, color: '#ffffff', opacity: 0.7 }) },
};

export const SLICE_COLORS: readonly string[] = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.green,
  PALETTE.vermillion,
  PALETTE.sky,
  PALETTE.purple,
  PALETTE.yellow,
  PALETTE.black,
  PALETTE.grey,
];

export const CHART_HEIGHT = 320;

// Legend text in the page's text colour: a yellow or sky-blue label on white is hard to read.
export const legendText = (value: unknown) => <span style={{ color: '#333' }}>{String(value)}</span>;
