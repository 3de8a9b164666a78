// Log windowing: the newest 24 indexes show; older ones are counted, and markers are placed.
import { describe, expect, it } from 'vitest';
import { logWindow, markerPlace } from '../../../src/layout/logWindow';

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
