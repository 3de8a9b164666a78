// Label placement: for every cluster size, box and text scale, no two labels overlap, none
// leaves the box, none covers a node or the client; when room runs out, the lowest priority goes.
import { describe, expect, it } from 'vitest';
import type { LabelKind, LabelRequest } from '../../../src/layout/labels';
import { placeLabels } from '../../../src/layout/labels';
import { ringLayout } from '../../../src/layout/ring';
import {
  distanceToRect,
  rectHitsCircle,
  rectInside,
  rectsOverlap,
} from '../../../src/layout/rects';
import { everyLabel, grownLabels, plainLabels, ringSizes, textSize } from './drawingFixture';

const BOXES = [
  { width: 1000, height: 470 },
  { width: 640, height: 300 },
  { width: 900, height: 260 },
  { width: 420, height: 640 },
  { width: 3700, height: 1900 },
];
const SCALES = [1, 1.5, 2];
const rows = BOXES.flatMap((box) =>
  SCALES.flatMap((scale) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ ...box, scale, n }))),
);

function plan(n: number, width: number, height: number, scale: number, labels = everyLabel) {
  const ring = ringLayout(n, width, height, ringSizes(scale));
  return { ring, plan: placeLabels(ring, labels(n, scale)) };
}

describe('placeLabels', () => {
  it.each(rows)(
    '$n nodes in $width×$height at ×$scale: no overlap, inside the box, off nodes and client',
    ({ n, width, height, scale }) => {
      const { ring, plan: p } = plan(n, width, height, scale);
      const rects = p.placed.map((l) => l.rect);
      for (const [i, a] of rects.entries()) {
        expect(rectInside(a, { x: 0, y: 0, width, height })).toBe(true);
        expect(rectsOverlap(a, ring.clientBox)).toBe(false);
        for (const s of ring.nodes)
          expect(rectHitsCircle(a, { ...s, r: ring.haloRadius })).toBe(false);
        for (const b of rects.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
      }
      expect(p.placed.length + p.dropped.length).toBe(everyLabel(n, scale).length);
    },
  );

  it.each([1, 3, 5, 9])(
    'shows every role, term and the hint of %i nodes in a 1280×720 pane',
    (n) => {
      const { plan: p } = plan(n, 1000, 470, 1, plainLabels);
      expect(p.dropped).toEqual([]);
    },
  );

  it.each([6, 7, 9])(
    'shows every role, term and membership tag of %i grown nodes in a 1280×720 pane',
    (n) => {
      const { plan: p } = plan(n, 1000, 470, 1, grownLabels);
      // The hint, last in priority, may give way to an added server's words.
      expect(p.dropped.filter((key) => key !== 'hint')).toEqual([]);
      expect(p.placed.filter((l) => l.kind === 'member')).toHaveLength(n - 5);
    },
  );

  it('keeps a membership tag before a term line when room runs out', () => {
    const { plan: p } = plan(9, 640, 300, 1);
    const gone = (kind: string) => p.dropped.filter((k) => k.endsWith(`.${kind}`)).length;
    expect(gone('term')).toBeGreaterThan(0);
    expect(gone('member')).toBeLessThan(gone('term'));
  });

  it.each(rows)(
    '$n nodes in $width×$height at ×$scale: a node shows no other line without its role',
    ({ n, width, height, scale }) => {
      const { plan: p } = plan(n, width, height, scale);
      const roles = new Set(p.placed.filter((l) => l.kind === 'role').map((l) => l.owner));
      for (const l of p.placed) if (l.owner > 0) expect(roles.has(l.owner)).toBe(true);
    },
  );

  it.each([
    { n: 9, width: 640, height: 300, scale: 1 },
    { n: 9, width: 1000, height: 470, scale: 2 },
  ])(
    'drops lower priorities first when $n nodes crowd $width×$height at ×$scale',
    ({ n, width, height, scale }) => {
      const { plan: p } = plan(n, width, height, scale);
      expect(p.dropped).toContain('hint');
      // A role is dropped only where no spot reads as its node's; terms go before roles.
      const gone = (kind: string) => p.dropped.filter((k) => k.endsWith(`.${kind}`)).length;
      expect(gone('term')).toBeGreaterThan(gone('role'));
      expect(p.placed.filter((l) => l.kind === 'role').length).toBeGreaterThanOrEqual(n - 2);
    },
  );

  it.each(rows)(
    '$n nodes in $width×$height at ×$scale: every node’s line is clearly nearer that node than any other',
    ({ n, width, height, scale }) => {
      const { ring, plan: p } = plan(n, width, height, scale);
      for (const l of p.placed) {
        if (l.owner === 0) continue;
        const own = ring.nodes[l.owner - 1]!;
        const mine = distanceToRect(own, l.rect);
        for (const other of ring.nodes) {
          if (other === own) continue;
          expect(mine * 1.25, `${l.key} beside S${other.id}`).toBeLessThanOrEqual(
            distanceToRect(other, l.rect),
          );
        }
      }
    },
  );

  it('stacks a node’s second line under its first, lined up with it', () => {
    const { ring, plan: p } = plan(5, 1000, 470, 1, plainLabels);
    const right = ring.nodes[1]!;
    const role = p.placed.find((l) => l.key === 'S2.role')!;
    const term = p.placed.find((l) => l.key === 'S2.term')!;
    expect(role.rect.x).toBeGreaterThan(right.x);
    expect(role.anchor).toBe('start');
    expect(term.rect.x).toBe(role.rect.x);
    expect(term.rect.y).toBeCloseTo(role.rect.y + role.rect.height + 3);
  });

  // The leader just crashed, in a short wide drawing (a projector in presentation mode): its
  // role went under the node and its disk beside it, which left their block no room above or
  // below; what the crash lost still fits along the disk line, and is shown.
  it.each([
    [1264, 240, 18],
    [880, 200, 14],
  ])(
    'a crashed node’s loss finds room along one of its lines (%i×%i, %i px)',
    (width, height, px) => {
      const line = (id: number, kind: LabelKind, text: string): LabelRequest => ({
        key: `S${id}.${kind}`,
        kind,
        owner: id,
        sizes: [textSize(text, kind === 'role' ? px + 1 : px)],
      });
      const requests = [1, 2, 3, 4, 5].flatMap((id) =>
        id === 3
          ? [
              line(3, 'role', 'crashed'),
              line(3, 'term', 'disk: term 1 · vote S3 · log 3'),
              line(3, 'lost', 'lost: leader · commit 3 · 2 keys'),
            ]
          : [
              line(id, 'role', id === 4 ? 'leader' : 'follower'),
              line(id, 'term', 'term 2 · voted S4'),
            ],
      );
      const ring = ringLayout(5, width, height, ringSizes(px / 14));
      const p = placeLabels(ring, requests);
      const lost = p.placed.find((l) => l.key === 'S3.lost');
      expect(lost, `dropped: ${p.dropped.join(', ')}`).toBeDefined();
      const disk = p.placed.find((l) => l.key === 'S3.term')!;
      // Flush with the disk line, right above or below it.
      expect([disk.rect.x, disk.rect.x + disk.rect.width - lost!.rect.width]).toContain(
        lost!.rect.x,
      );
      expect(Math.abs(lost!.rect.y - disk.rect.y)).toBe(disk.rect.height + 3);
      const rects = p.placed.map((l) => l.rect);
      for (const [i, a] of rects.entries()) {
        expect(rectInside(a, { x: 0, y: 0, width, height })).toBe(true);
        for (const s of ring.nodes)
          expect(rectHitsCircle(a, { ...s, r: ring.haloRadius })).toBe(false);
        for (const b of rects.slice(i + 1)) expect(rectsOverlap(a, b)).toBe(false);
      }
    },
  );

  it('puts the top node’s lines above it, centred', () => {
    const { ring, plan: p } = plan(5, 1000, 470, 1, plainLabels);
    const role = p.placed.find((l) => l.key === 'S1.role')!;
    const term = p.placed.find((l) => l.key === 'S1.term')!;
    expect(term.rect.y + term.rect.height).toBeLessThan(ring.nodes[0]!.y - ring.haloRadius);
    expect(role.anchor).toBe('middle');
  });

  it('places the same labels the same way every time', () => {
    expect(plan(7, 800, 360, 1.5).plan).toEqual(plan(7, 800, 360, 1.5).plan);
  });

  it('wraps the hint onto its second size when one line does not fit', () => {
    const { plan: p } = plan(5, 1000, 470, 1, plainLabels);
    expect(p.placed.find((l) => l.key === 'hint')?.variant).toBe(1);
  });

  const ring = ringLayout(3, 800, 400);
  const ok: LabelRequest = { key: 'a', kind: 'role', owner: 1, sizes: [{ width: 10, height: 10 }] };
  it.each([
    { says: 'a repeated key', reqs: [ok, ok], message: /"a" appears twice/ },
    {
      says: 'an owner not on the ring',
      reqs: [{ ...ok, owner: 4 }],
      message: /node 4, but the ring has nodes 1…3/,
    },
    {
      says: 'an unknown kind',
      reqs: [{ ...ok, kind: 'shout' as never }],
      message: /unknown kind "shout"/,
    },
    { says: 'no size to try', reqs: [{ ...ok, sizes: [] }], message: /needs positive sizes/ },
    {
      says: 'a negative size',
      reqs: [{ ...ok, sizes: [{ width: -3, height: 9 }] }],
      message: /needs positive sizes/,
    },
  ])('refuses $says with a clear message, placing nothing', ({ reqs, message }) => {
    let result: unknown = 'untouched';
    expect(() => {
      result = placeLabels(ring, reqs);
    }).toThrow(message);
    expect(result).toBe('untouched');
  });
});
