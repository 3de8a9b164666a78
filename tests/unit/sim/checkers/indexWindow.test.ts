// The checkers' per-index memory forgets what every server has compacted (§5).
import { describe, expect, it } from 'vitest';
import { IndexWindow } from '../../../../src/sim/checkers/indexWindow';

const filled = (n: number) => {
  const w = new IndexWindow<string>();
  for (let i = 1; i <= n; i++) w.set(i, `e${i}`);
  return w;
};

describe('IndexWindow: values by index that forget below a rising floor', () => {
  it.each([
    ['an index above the floor keeps its value', 6, 7, 'e7'],
    ['the floor itself is forgotten', 6, 6, undefined],
    ['an index below the floor is forgotten', 6, 2, undefined],
    ['forgetting past the end forgets everything', 20, 9, undefined],
  ])('%s', (_, upTo, index, value) => {
    const w = filled(9);
    w.forgetUpTo(upTo);
    expect(w.get(index)).toBe(value);
  });

  it('holds only what is above the floor, so memory follows the window, not the history', () => {
    const w = new IndexWindow<number>();
    for (let i = 1; i <= 10_000; i++) {
      w.set(i, i);
      if (i % 1000 === 0) w.forgetUpTo(i - 500);
    }
    expect(w.size).toBe(500);
    expect(w.get(9_600)).toBe(9_600);
  });

  it('a floor that would go down changes nothing, and a forgotten index cannot be set again', () => {
    const w = filled(9);
    w.forgetUpTo(5);
    w.forgetUpTo(3);
    w.set(4, 'again');
    expect([w.get(4), w.get(6), w.size]).toEqual([undefined, 'e6', 4]);
  });
});
