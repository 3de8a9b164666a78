// Term colours (layout layer): ten distinct hues that cycle, and ink that reads on each.
import { describe, expect, it } from 'vitest';
import { inkOn, termColor } from '../../../src/layout/termColor';

describe('termColor', () => {
  it('gives ten consecutive terms ten different colours', () => {
    const colours = Array.from({ length: 10 }, (_, term) => termColor(term));
    expect(new Set(colours).size).toBe(10);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each([
    [1, 11],
    [0, 10],
    [9, 109],
  ])('gives term %i and term %i the same colour', (a, b) => {
    expect(termColor(a)).toBe(termColor(b));
  });

  it('starts with the palette blue for term 0 and orange for term 1', () => {
    expect([termColor(0), termColor(1)]).toEqual(['#4e79a7', '#f28e2c']);
  });
});

describe('inkOn', () => {
  it.each([
    ['#ffffff', '#111'],
    ['#000000', '#fff'],
    ['#edc949', '#111'],
    ['#4e79a7', '#fff'],
  ])('writes on %s in %s', (background, ink) => {
    expect(inkOn(background)).toBe(ink);
  });
});
