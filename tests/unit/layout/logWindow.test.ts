// Log windowing and column widths: the newest indexes that fit show; older ones are counted,
// markers are placed, and cells take the widest width that shows every index needed.
import { describe, expect, it } from 'vitest';
import {
  HEAD_EM_MAX,
  HEAD_EM_MIN,
  LOG_COLUMNS,
  MIN_COLUMNS,
  logWindow,
  markerPlace,
  stripColumns,
  stripDensity,
} from '../../../src/layout/logWindow';

describe('logWindow', () => {
  it.each([
    { longest: 0, first: 1, last: 0, hidden: 0 },
    { longest: 5, first: 1, last: 5, hidden: 0 },
    { longest: 24, first: 1, last: 24, hidden: 0 },
    { longest: 25, first: 2, last: 25, hidden: 1 },
    { longest: 100, first: 77, last: 100, hidden: 76 },
  ])('a longest log of $longest shows $first…$last, $hidden hidden', ({ longest, ...w }) => {
    expect(logWindow(longest)).toEqual(w);
  });

  it.each([
    { index: 0, kind: 'none' },
    { index: 10, kind: 'before' },
    { index: 80, kind: 'inside' },
    { index: 101, kind: 'after' },
  ])('a marker at $index is $kind the window 77…100', ({ index, kind }) => {
    expect(markerPlace(index, logWindow(100)).kind).toBe(kind);
  });
});

describe('stripColumns', () => {
  it.each([
    // width px, em px, needed → cell em, columns
    { width: 864, em: 13, needed: 3, cellEm: 13, columns: 3 },
    { width: 864, em: 13, needed: 6, cellEm: 6.5, columns: 6 },
    { width: 1000, em: 13, needed: 4, cellEm: 9, columns: 5 },
    { width: 1000, em: 13, needed: 5, cellEm: 9, columns: 5 },
    { width: 1000, em: 13, needed: 8, cellEm: 4.75, columns: 10 },
    { width: 1000, em: 13, needed: 30, cellEm: 4.75, columns: 10 },
    // Term-only cells only when they show the whole log: 12 fit in 845 px, 30 do not.
    { width: 845, em: 13, needed: 12, cellEm: 3.25, columns: 12 },
    { width: 845, em: 13, needed: 30, cellEm: 4.75, columns: 8 },
    { width: 1000, em: 18, needed: 4, cellEm: 6.5, columns: 5 },
    { width: 2600, em: 13, needed: 3, cellEm: 13, columns: 13 },
    { width: 300, em: 13, needed: 9, cellEm: 4.75, columns: 3 },
  ])(
    '$width px of $em px text showing $needed indexes: $columns columns of $cellEm em',
    ({ width, em, needed, cellEm, columns }) => {
      expect(stripColumns(width, em, needed)).toMatchObject({ cellEm, columns });
    },
  );

  it('gives the row header a share of the width, within its bounds', () => {
    expect(stripColumns(700, 13, 1).headEm).toBeCloseTo(15.08, 2);
    expect(stripColumns(400, 13, 1).headEm).toBe(HEAD_EM_MIN);
    expect(stripColumns(4000, 13, 1).headEm).toBe(HEAD_EM_MAX);
  });

  it('never shows more than LOG_COLUMNS however wide', () => {
    expect(stripColumns(20000, 11, 100).columns).toBe(LOG_COLUMNS);
  });

  it.each([
    ['no width yet', 0, 13],
    ['a NaN width', Number.NaN, 13],
    ['a zero text size', 1000, 0],
    ['an infinite width', Infinity, 13],
  ])('falls back to the narrowest three columns for %s', (_, width, em) => {
    expect(stripColumns(width, em, 5)).toMatchObject({ cellEm: 4.75, columns: MIN_COLUMNS });
  });
});

describe('stripDensity', () => {
  it.each([
    { nodes: 5, height: 720, em: 13, density: 'roomy' },
    { nodes: 9, height: 720, em: 13, density: 'compact' },
    { nodes: 9, height: 1080, em: 13, density: 'roomy' },
    { nodes: 5, height: 720, em: 18, density: 'compact' },
    { nodes: 3, height: 360, em: 13, density: 'compact' },
    { nodes: 1, height: 720, em: 26, density: 'roomy' },
  ])(
    '$nodes servers in a $height px window with $em px text: $density rows',
    ({ nodes, height, em, density }) => {
      expect(stripDensity(nodes, height, em)).toBe(density);
    },
  );

  it('is roomy until it can measure (no height or text size yet)', () => {
    expect(stripDensity(9, 0, 13)).toBe('roomy');
    expect(stripDensity(9, 720, Number.NaN)).toBe('roomy');
  });
});
