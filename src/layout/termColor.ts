// Layout layer: one colour per term, so entries of the same term read as one band across logs.
// A d3 ordinal scale over a colour-blind-friendly categorical scheme, cycling after ten terms.
import { scaleOrdinal } from 'd3-scale';

/**
 * The Tableau 10 palette, as d3-scale-chromatic names it `schemeTableau10`. Written out because
 * that package ships one module whose other 60 schemes a bundler cannot drop (about 5 KB gzipped
 * for these ten colours).
 */
const tableau10 = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
];

const scale = scaleOrdinal<number, string>()
  .domain([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  .range(tableau10);

/** Colour for a term, e.g. termColor(1) and termColor(11) share one hue. */
export function termColor(term: number): string {
  return scale(((term % 10) + 10) % 10);
}

/** Black or white text, whichever reads better on `hex` (by relative luminance). */
export function inkOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 150 ? '#111' : '#fff';
}
