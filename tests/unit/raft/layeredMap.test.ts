import { describe, expect, it } from 'vitest';
import { LayeredMap, nextRandom } from '../../../src/raft';

/** Seeded draws in [0, n). */
function draws(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    const [value, next] = nextRandom(state);
    state = next;
    return value % n;
  };
}

const same = (layered: LayeredMap<string, string>, map: Map<string, string>) => {
  expect([...layered]).toEqual([...map]);
  expect([...layered.keys()]).toEqual([...map.keys()]);
  expect([...layered.values()]).toEqual([...map.values()]);
  expect(layered.size).toBe(map.size);
};

describe('LayeredMap', () => {
  it('iterates as a Map does: a changed key keeps its place, one set again after a delete goes last', () => {
    const m = new LayeredMap([
      ['a', '1'],
      ['b', '2'],
    ]).copy();
    m.set('b', '3');
    m.delete('a');
    m.set('c', '4');
    m.set('a', '5');
    expect([...m]).toEqual([
      ['b', '3'],
      ['c', '4'],
      ['a', '5'],
    ]);
    expect(m.get('a')).toBe('5');
    expect(m.has('a')).toBe(true);
    expect(m.delete('zz')).toBe(false);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'matches a Map over 3,000 random sets, deletes and copies, and a copy never changes its original (seed %i)',
    (seed) => {
      const draw = draws(seed);
      let layered = new LayeredMap<string, string>();
      let map = new Map<string, string>();
      // Every 50th version is kept with a Map of what it held then, and checked at the end.
      const kept: [LayeredMap<string, string>, [string, string][]][] = [];
      for (let i = 0; i < 3000; i++) {
        const key = `k${draw(40)}`;
        const op = draw(10);
        if (op < 6) {
          layered.set(key, `v${i}`);
          map.set(key, `v${i}`);
        } else if (op < 9) {
          expect(layered.delete(key)).toBe(map.delete(key));
        } else if (op < 10 && kept.length > 0 && draw(4) === 0) {
          // Go back to a kept version and change a copy of it instead.
          const [version, entries] = kept[draw(kept.length)]!;
          layered = version.copy();
          map = new Map(entries);
        } else {
          kept.push([layered, [...map]]);
          layered = layered.copy();
          map = new Map(map);
        }
        expect(layered.get(key)).toBe(map.get(key));
        expect(layered.has(key)).toBe(map.has(key));
        if (i % 50 === 0) same(layered, map);
      }
      same(layered, map);
      expect(kept.length).toBeGreaterThan(100);
      for (const [version, entries] of kept) expect([...version]).toEqual(entries);
    },
  );

  it('two copies of one version change apart from each other and from it', () => {
    const original = new LayeredMap([['a', '1']]);
    original.set('b', '2');
    const left = original.copy();
    const right = original.copy();
    left.set('c', 'left');
    right.set('c', 'right');
    right.delete('a');
    expect([...original]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect([...left]).toEqual([
      ['a', '1'],
      ['b', '2'],
      ['c', 'left'],
    ]);
    expect([...right]).toEqual([
      ['b', '2'],
      ['c', 'right'],
    ]);
    expect([left.size, right.size, original.size]).toEqual([3, 2, 2]);
  });

  it('one version changed many times in a row (a server catching up) reads right all along', () => {
    const draw = draws(99);
    const layered = new LayeredMap<string, string>().copy();
    const map = new Map<string, string>();
    for (let i = 0; i < 20_000; i++) {
      const key = `k${draw(300)}`;
      if (draw(4) === 0) expect(layered.delete(key)).toBe(map.delete(key));
      else {
        layered.set(key, `v${i}`);
        map.set(key, `v${i}`);
      }
      if (i % 997 === 0) expect(layered.get(key)).toBe(map.get(key));
    }
    same(layered, map);
  });

  it('forEach hands value, key and the map itself', () => {
    const m = new LayeredMap([['x', '1']]);
    const seen: unknown[] = [];
    m.forEach((v, k, self) => seen.push(v, k, self === m));
    expect(seen).toEqual(['1', 'x', true]);
  });
});
