// The space-time diagram's index over seeded runs: every message between servers becomes one
// arrow from its send to its delivery or loss, the window query returns exactly what overlaps,
// held and dropped messages read as such, and a history trimmed at the front or grown in pieces
// gives the same arrows as one read whole.
import { describe, expect, it } from 'vitest';
import type { Frame, LabStore } from '../../../src/store';
import { FrameList } from '../../../src/store';
import type { Arrow, DiagramHistory } from '../../../src/layout/spaceTime';
import { SpaceTimeIndex, seqAtTime, tierOf } from '../../../src/layout/spaceTime';
import { marksOf } from '../../../src/layout/spaceTimeMarks';
import { settle, startedStore } from '../store/harness';

const frames = (store: LabStore): Frame[] => store.getState().history.slice(0);
const all = (index: SpaceTimeIndex) => index.window(-Infinity, Infinity);
const byKey = (arrows: readonly Arrow[]) => [...arrows].sort((a, b) => a.key - b.key);
const isServer = (m: { from: number; to: number }) => m.from !== 0 && m.to !== 0;

async function run(query: string, ms: number, more?: (s: LabStore) => Promise<void>) {
  const { store } = await startedStore(query);
  await store.getState().advanceBy(ms);
  if (more) await more(store);
  await settle(store);
  return store;
}

/** A small deterministic generator for the windows a test asks about. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('arrows of a seeded run', () => {
  it('one arrow per message between servers, from its send to its delivery', async () => {
    const store = await run('n=3&seed=7', 1500);
    const index = new SpaceTimeIndex();
    index.update(store.getState().history);
    const arrows = all(index).arrows;
    const hs = frames(store);
    // Every flight a frame carried between servers, by id, as first seen.
    const flights = new Map<number, { flight: Frame['flights'][number]; seq: number }>();
    for (const f of hs)
      for (const fl of f.flights)
        if (isServer(fl.message) && !flights.has(fl.id))
          flights.set(fl.id, { flight: fl, seq: f.seq });
    expect(flights.size).toBeGreaterThan(20);
    const keyed = new Map(arrows.map((a) => [a.key, a]));
    for (const [id, { flight, seq }] of flights) {
      const a = keyed.get(id)!;
      expect(a, `flight ${id}`).toBeDefined();
      expect([a.from, a.to, a.sentAt, a.sendSeq, a.flight]).toEqual([
        flight.message.from,
        flight.message.to,
        flight.sentAt,
        seq,
        id,
      ]);
    }
    // Every delivery between servers ends exactly one arrow, at that event.
    const deliveries = hs.filter(
      (f) => f.event?.kind === 'step' && f.event.message && isServer(f.event.message),
    );
    expect(deliveries.length).toBeGreaterThan(10);
    for (const f of deliveries) {
      const e = f.event as Extract<Frame['event'], { kind: 'step' }>;
      const ended = arrows.filter((a) => a.message === e.message && a.endSeq === f.seq);
      expect(ended.length).toBe(1);
      expect(ended[0]!.fate).toBe('delivered');
      expect(ended[0]!.endAt).toBe(e.at);
    }
    expect(arrows.filter((a) => a.fate === 'delivered').length).toBe(deliveries.length);
    // What is still on the wire at the newest frame is flying.
    const wire = new Set(
      hs[hs.length - 1]!.flights.filter((x) => isServer(x.message)).map((x) => x.id),
    );
    expect(new Set(arrows.filter((a) => a.fate === 'flying').map((a) => a.key))).toEqual(wire);
    expect(index.arrowCount).toBe(arrows.length);
  });

  it('a lost message ends at its loss time, with its reason', async () => {
    const store = await run('n=5&seed=3&loss=30', 1200, async (s) => {
      await s.getState().partitionNodes([
        [1, 2],
        [3, 4, 5],
      ]);
      await s.getState().advanceBy(400);
    });
    const index = new SpaceTimeIndex();
    index.update(store.getState().history);
    const arrows = all(index).arrows;
    const losses = frames(store).filter(
      (f) => f.event?.kind === 'lost' && isServer(f.event.message),
    );
    const reasons = new Set(losses.map((f) => (f.event as { reason: string }).reason));
    expect(reasons).toEqual(new Set(['dropped', 'partitioned']));
    for (const f of losses) {
      const e = f.event as Extract<Frame['event'], { kind: 'lost' }>;
      const a = arrows.find((x) => x.message === e.message && x.endSeq === f.seq)!;
      expect(a).toBeDefined();
      expect([a.fate, a.endAt, a.lossReason]).toEqual(['lost', e.at, e.reason]);
      expect(a.endAt).toBeGreaterThanOrEqual(a.sentAt);
    }
    expect(arrows.filter((a) => a.fate === 'lost').length).toBe(losses.length);
  });
});

describe('the window query', () => {
  it('returns exactly the arrows, marks and lane spans that overlap [t0, t1]', async () => {
    const store = await run('n=5&seed=11&loss=10', 3000, async (s) => {
      await s.getState().crashNode(2);
      await s.getState().advanceBy(500);
      await s.getState().restartNode(2);
      await s.getState().advanceBy(500);
    });
    const index = new SpaceTimeIndex();
    index.update(store.getState().history);
    const everything = all(index);
    expect(everything.marks.some((m) => m.kind === 'crash' && m.node === 2)).toBe(true);
    const random = lcg(42);
    for (let i = 0; i < 60; i++) {
      const a = Math.floor(random() * (index.headAt + 100)) - 50;
      const t0 = a;
      const t1 = a + Math.floor(random() * random() * 800);
      const w = index.window(t0, t1);
      const arrows = everything.arrows.filter((x) => x.sentAt <= t1 && x.endAt >= t0);
      expect(byKey(w.arrows).map((x) => x.key)).toEqual(byKey(arrows).map((x) => x.key));
      expect(w.marks).toEqual(everything.marks.filter((m) => m.at >= t0 && m.at <= t1));
      for (const [lane, spans] of everything.lanes.entries()) {
        const want = spans.filter((s) => s.start <= t1 && (s.end ?? Infinity) >= t0);
        expect(w.lanes[lane]).toEqual(want);
      }
    }
  });

  it('finds the frame on screen at a time by binary search', async () => {
    const store = await run('n=3&seed=7', 800);
    const h = store.getState().history;
    const hs = frames(store);
    for (const t of [-5, 0, 137, 400, 799, 10_000]) {
      const expected = [...hs].reverse().find((f) => f.at <= t)?.seq ?? hs[0]!.seq;
      expect(seqAtTime(h, t)).toBe(expected);
    }
    expect(seqAtTime(h, NaN)).toBe(hs[0]!.seq);
  });

  it.each([
    ['NaN', NaN, 10],
    ['an inverted window', 500, 100],
    ['a start of +Infinity', Infinity, Infinity - 1],
  ])('of %s is empty and changes nothing', async (_name, t0, t1) => {
    const store = await run('n=3&seed=7', 600);
    const index = new SpaceTimeIndex();
    index.update(store.getState().history);
    const before = [index.version, index.arrowCount, all(index)];
    const w = index.window(t0, t1);
    expect(w.arrows.length + w.marks.length).toBe(0);
    expect([index.version, index.arrowCount, all(index)]).toEqual(before);
  });

  it('sorts arrows into tiers by how long they last', () => {
    expect([0, 1, 2, 3, 4, 15, 16, 17].map(tierOf)).toEqual([0, 0, 1, 2, 2, 4, 4, 5]);
  });
});

describe('held and dropped messages', () => {
  it('a held message waits at the door until released; a dropped one dies by hand', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().fastForward('leader');
    await store.getState().writeKey('x', '1');
    await settle(store);
    const wire = () =>
      store
        .getState()
        .history.last()!
        .flights.filter((f) => f.lostAt === null);
    const [held, dropped] = wire();
    await store.getState().holdMessage(held!.id);
    const index = new SpaceTimeIndex();
    index.update(store.getState().history);
    const waiting = all(index).arrows.find((a) => a.key === held!.id)!;
    expect([waiting.fate, waiting.held]).toEqual(['flying', true]);
    await store.getState().dropMessage(dropped!.id);
    await store.getState().advanceBy(300);
    const releasedAt = store.getState().history.last()!.at;
    await store.getState().releaseMessage(held!.id);
    await store.getState().advanceBy(50);
    index.update(store.getState().history);
    const arrows = all(index).arrows;
    const a = arrows.find((x) => x.key === held!.id)!;
    expect([a.fate, a.held, a.endAt]).toEqual(['delivered', true, releasedAt]);
    expect(a.endAt).toBeGreaterThan(a.arriveAt);
    const d = arrows.find((x) => x.key === dropped!.id)!;
    expect([d.fate, d.lossReason]).toEqual(['lost', 'dropped by hand']);
    const kinds = all(index).marks.map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['hold', 'drop', 'release']));
  });
});

describe('a history read in pieces', () => {
  const summary = (index: SpaceTimeIndex, from: number) =>
    byKey(all(index).arrows)
      .filter((a) => a.sendSeq >= from)
      .map((a) => [a.key, a.sentAt, a.endAt, a.fate, a.endSeq]);

  it('grown a few frames at a time gives what one reading gives', async () => {
    const store = await run('n=5&seed=5&loss=10', 1500);
    const hs = frames(store);
    const whole = new SpaceTimeIndex();
    whole.update(FrameList.of(hs));
    const grown = new SpaceTimeIndex();
    let list = FrameList.of(hs.slice(0, 1));
    grown.update(list);
    for (let i = 1; i < hs.length; i += 7) {
      list = list.append(hs.slice(i, i + 7));
      expect(grown.update(list)).toBe(true);
    }
    expect(grown.update(list)).toBe(false);
    expect(summary(grown, 0)).toEqual(summary(whole, 0));
    expect(all(grown).marks).toEqual(all(whole).marks);
    expect(all(grown).lanes).toEqual(all(whole).lanes);
  });

  it('trimmed at the front: the kept frames give the same arrows, those on the wire included', async () => {
    const store = await run('n=5&seed=5&loss=10', 1500);
    const hs = frames(store);
    const whole = new SpaceTimeIndex();
    whole.update(FrameList.of(hs));
    const cut = Math.floor(hs.length / 3);
    const trimmed = FrameList.of(hs).dropOldest(cut);
    const index = new SpaceTimeIndex();
    index.update(trimmed);
    expect(index.firstSeq).toBe(hs[cut]!.seq);
    // Arrows first carried by a kept frame are the same; those on the wire at the cut keep their send.
    const firstSeq = hs[cut]!.seq;
    expect(summary(index, firstSeq + 1)).toEqual(summary(whole, firstSeq + 1));
    const onWire = hs[cut]!.flights.filter((f) => isServer(f.message));
    for (const f of onWire) {
      const a = all(index).arrows.find((x) => x.key === f.id)!;
      expect(a.sentAt).toBe(f.sentAt);
    }
    // Trimming a history already read keeps reading it as it grows.
    const grownIndex = new SpaceTimeIndex();
    const full = FrameList.of(hs.slice(0, cut * 2));
    grownIndex.update(full);
    const version = grownIndex.version;
    grownIndex.update(full.dropOldest(cut).append(hs.slice(cut * 2)));
    expect(grownIndex.version).toBe(version + 1);
    expect(summary(grownIndex, 0)).toEqual(summary(whole, 0));
  });

  it('an unrelated history (a rebuilt cluster) is read afresh', async () => {
    const a = await run('n=3&seed=7', 600);
    const b = await run('n=5&seed=9', 300);
    const index = new SpaceTimeIndex();
    index.update(a.getState().history);
    index.update(b.getState().history);
    const fresh = new SpaceTimeIndex();
    fresh.update(b.getState().history);
    expect(summary(index, 0)).toEqual(summary(fresh, 0));
    expect(index.laneCount).toBe(5);
  });
});

describe('marks read off events', () => {
  const at = { seq: 4, at: 100 };
  it.each([
    [
      'a step to candidate',
      {
        kind: 'step',
        node: 2,
        before: { role: 'follower', term: 1, commitIndex: 0 },
        after: { role: 'candidate', term: 2, commitIndex: 0 },
      },
      ['election'],
    ],
    [
      'a step to leader that commits',
      {
        kind: 'step',
        node: 2,
        before: { role: 'candidate', term: 2, commitIndex: 0 },
        after: { role: 'leader', term: 2, commitIndex: 1 },
      },
      ['leader', 'commit'],
    ],
    ['a crash', { kind: 'action', node: 3, detail: { do: 'crash', node: 3 } }, ['crash']],
    [
      'a partition',
      { kind: 'action', node: null, detail: { do: 'partition', groups: [[1], [2, 3]] } },
      ['partition'],
    ],
    ['a detail of the wrong shape', { kind: 'action', node: null, detail: 'crash' }, []],
    ['a prototype key', { kind: 'action', node: null, detail: { do: '__proto__' } }, []],
    [
      'a message action without a receiver',
      { kind: 'action', node: null, detail: { do: 'hold', message: 3 } },
      [],
    ],
    [
      'a step with a fractional node',
      {
        kind: 'step',
        node: 1.5,
        before: { role: 'follower', term: 1, commitIndex: 0 },
        after: { role: 'candidate', term: 2, commitIndex: 0 },
      },
      [],
    ],
  ])('%s', (_name, event, kinds) => {
    const marks = marksOf({ ...at, ...event } as Parameters<typeof marksOf>[0], 7);
    expect(marks.map((m) => m.kind)).toEqual(kinds);
    for (const m of marks) expect([m.seq, m.at]).toEqual([7, 100]);
  });
});

// A DiagramHistory of plain frames, to check the index does not depend on FrameList itself.
export const asHistory = (list: Frame[], lineage = 1): DiagramHistory => ({
  length: list.length,
  lineage,
  get: (i) => list[i],
});
