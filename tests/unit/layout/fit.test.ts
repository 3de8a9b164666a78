// The drawing in small boxes at large text: a node's name fits inside its body, the fault badge
// and the messages waiting at a node's rim keep off the name, no label reaches a node's rings,
// and nodes never overlap, shrinking their bodies (and names) when the box is crowded.
import { describe, expect, it } from 'vitest';
import { badgeOffset, ringLayout } from '../../../src/layout/ring';
import { placeLabels } from '../../../src/layout/labels';
import { rimOf } from '../../../src/layout/messagePath';
import { rectAround, rectHitsCircle, rectsOverlap } from '../../../src/layout/rects';
import { everyLabel, ringSizes } from './drawingFixture';

const nameRect = (l: ReturnType<typeof ringLayout>, x = 0, y = 0) => rectAround({ x, y }, l.name);

describe('a 1300×200 box at text scale 2 with 5 nodes', () => {
  const sizes = ringSizes(2);
  const l = ringLayout(5, 1300, 200, sizes);

  it('draws each name no wider or taller than the node body', () => {
    const font = l.compactNames ? sizes.nameCompact : sizes.name;
    expect(l.name.width).toBeCloseTo(font.width * l.nameScale, 1);
    expect(l.name.width).toBeLessThanOrEqual(2 * l.nodeRadius);
    expect(l.name.height).toBeLessThanOrEqual(2 * l.nodeRadius);
  });

  it('keeps the fault badge off the name', () => {
    for (const badge of [9, 12, 20]) {
      const at = badgeOffset(l, badge);
      expect(rectHitsCircle(nameRect(l), { ...at, r: badge })).toBe(false);
    }
  });

  it('stops a message mark waiting at the rim clear of the name', () => {
    const reach = 18 * 2.6;
    for (const s of l.nodes) {
      const rim = rimOf(l, s.id, reach);
      for (let a = 0; a < 16; a++) {
        const angle = (a / 16) * 2 * Math.PI;
        const mark = { x: rim * Math.cos(angle), y: rim * Math.sin(angle), r: reach };
        expect(rectHitsCircle(nameRect(l), mark)).toBe(false);
      }
    }
  });

  it('stops a message mark waiting at the client clear of the client’s box', () => {
    const reach = 18 * 2.6;
    const rim = rimOf(l, 0, reach);
    for (let a = 0; a < 16; a++) {
      const angle = (a / 16) * 2 * Math.PI;
      const mark = {
        x: l.client.x + rim * Math.cos(angle),
        y: l.client.y + rim * Math.sin(angle),
        r: reach,
      };
      expect(rectHitsCircle(l.clientBox, mark)).toBe(false);
    }
  });

  it('places no label over any node’s outer ring', () => {
    const plan = placeLabels(l, everyLabel(5, 2));
    for (const p of plan.placed)
      for (const s of l.nodes)
        expect(rectHitsCircle(p.rect, { x: s.x, y: s.y, r: l.haloRadius })).toBe(false);
  });
});

describe('crowded boxes shrink nodes instead of overlapping them', () => {
  for (const [n, w, h, scale] of [
    [9, 600, 200, 1],
    [9, 600, 200, 2],
    [9, 480, 160, 2],
    [5, 400, 120, 2],
  ] as const) {
    it(`${n} nodes in ${w}×${h} at text scale ${scale}: bodies and names pairwise apart`, () => {
      const l = ringLayout(n, w, h, ringSizes(scale));
      const s = l.nodes;
      for (let i = 0; i < s.length; i++) {
        expect(l.name.width).toBeLessThanOrEqual(2 * l.nodeRadius);
        for (let j = i + 1; j < s.length; j++) {
          const d = Math.hypot(s[i]!.x - s[j]!.x, s[i]!.y - s[j]!.y);
          expect(d).toBeGreaterThan(2 * l.nodeRadius);
          expect(rectsOverlap(nameRect(l, s[i]!.x, s[i]!.y), nameRect(l, s[j]!.x, s[j]!.y))).toBe(
            false,
          );
        }
      }
    });
  }
});
