// Partition strokes: nodes are grouped by which side of each stroke they lie on.
import { describe, expect, it } from 'vitest';
import { isStroke, linkBroken, sideOfStroke, splitGroups } from '../../../src/layout/partition';

// Five nodes: three on the left (x < 100), two on the right; two on top (y < 100).
const nodes = [
  { id: 1, x: 50, y: 50 },
  { id: 2, x: 150, y: 50 },
  { id: 3, x: 150, y: 150 },
  { id: 4, x: 50, y: 150 },
  { id: 5, x: 40, y: 100 },
];
const vertical = [
  { x: 100, y: 0 },
  { x: 100, y: 200 },
];
const horizontal = [
  { x: 0, y: 100 },
  { x: 200, y: 100 },
];
const shortVertical = [
  { x: 100, y: 90 },
  { x: 100, y: 110 },
];
const bent = [
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 200, y: 120 },
];

describe('sideOfStroke', () => {
  it.each([
    { p: { x: 10, y: 10 }, stroke: vertical, side: 1 },
    { p: { x: 190, y: 10 }, stroke: vertical, side: -1 },
    { p: { x: 190, y: 190 }, stroke: shortVertical, side: -1 },
  ])('puts $p.x,$p.y on side $side', ({ p, stroke, side }) => {
    expect(sideOfStroke(p, stroke)).toBe(side);
  });
});

describe('splitGroups', () => {
  it.each([
    {
      says: 'one vertical stroke splits left from right',
      groups: null,
      strokes: [vertical],
      expected: [
        [1, 4, 5],
        [2, 3],
      ],
    },
    {
      says: 'a short stroke still splits the whole plane',
      groups: null,
      strokes: [shortVertical],
      expected: [
        [1, 4, 5],
        [2, 3],
      ],
    },
    {
      says: 'two crossing strokes make quadrants',
      groups: null,
      strokes: [vertical, horizontal],
      expected: [[1], [2], [3], [4, 5]],
    },
    {
      says: 'a bent stroke follows its bend: S3 below the bend joins the left',
      groups: null,
      strokes: [bent],
      expected: [[1, 3, 4, 5], [2]],
    },
    {
      says: 'a new stroke refines existing groups',
      groups: [
        [1, 4, 5],
        [2, 3],
      ],
      strokes: [horizontal],
      expected: [[1], [2], [3], [4, 5]],
    },
    {
      says: 'a stroke missing every node leaves one group',
      groups: null,
      strokes: [
        [
          { x: 300, y: 0 },
          { x: 300, y: 200 },
        ],
      ],
      expected: [[1, 2, 3, 4, 5]],
    },
  ])('$says', ({ groups, strokes, expected }) => {
    expect(splitGroups(nodes, groups, strokes)).toEqual(expected);
  });

  it.each([
    { stroke: [{ x: 0, y: 0 }], ok: false },
    {
      stroke: [
        { x: 0, y: 0 },
        { x: 5, y: 5 },
      ],
      ok: false,
    },
    { stroke: vertical, ok: true },
  ])('counts a stroke of $stroke.length points as a cut: $ok', ({ stroke, ok }) => {
    expect(isStroke(stroke)).toBe(ok);
  });
});

describe('linkBroken', () => {
  it.each([
    { a: 1, b: 2, groups: null, cuts: [], broken: false },
    { a: 1, b: 2, groups: null, cuts: [[2, 1]] as [number, number][], broken: true },
    { a: 1, b: 2, groups: [[1], [2, 3]], cuts: [], broken: true },
    { a: 2, b: 3, groups: [[1], [2, 3]], cuts: [], broken: false },
  ])('S$a–S$b broken: $broken', ({ a, b, groups, cuts, broken }) => {
    expect(linkBroken(a, b, groups, cuts)).toBe(broken);
  });
});
