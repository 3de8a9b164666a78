// The history tree: acting in the past keeps the old run as a branch; switching puts a branch
// back exactly (same frames on screen, same trace digest), whether it was kept running or is
// rebuilt from its actions; two branches compare by their first differing event and side by
// side at one virtual time; bad ids and arguments change nothing.
import { describe, expect, it, vi } from 'vitest';
import type { Kernel } from '../../../src/store/kernel';
import type { BranchInfo, LabState } from '../../../src/store/labTypes';
import type { LabStore } from '../../../src/store';
import { frameAt, selectHeadSeq } from '../../../src/store';
import { rebuildRun } from '../../../src/store/branches';
import { selectBranches } from '../../../src/store/branchTree';
import { startedStore, visible } from './harness';

// The kernel createLabStore makes, kept so rebuildRun (a building block for links and files)
// can be called as the store's own code calls it.
const kernels: Kernel[] = [];
vi.mock('../../../src/store/kernel', async (original) => {
  const real = await original<typeof import('../../../src/store/kernel')>();
  return {
    ...real,
    createKernel: (...args: Parameters<typeof real.createKernel>) => {
      const k = real.createKernel(...args);
      kernels.push(k);
      return k;
    },
  };
});

/** A store with a leader, a write, 300 ms more, and the screen 40 events back. */
async function inThePast(query = 'n=5&seed=3') {
  const started = await startedStore(query);
  const lab = () => started.store.getState();
  await lab().fastForward('leader');
  await lab().writeKey('a', '1');
  await lab().advanceBy(300);
  await lab().seekTo(lab().cursor - 40);
  return { ...started, lab, kernel: kernels[kernels.length - 1]! };
}

/** What must come back when a branch is put on screen again. */
function screen(store: LabStore) {
  const s = store.getState();
  return {
    branchId: s.branchId,
    head: selectHeadSeq(s),
    cursor: s.cursor,
    computedTo: s.computedTo,
    traceHash: s.traceHash,
    actions: s.actions,
    frame: visible(store),
  };
}

/** Everything a refused call must leave as it was. */
function everything(store: LabStore) {
  const s = store.getState();
  return {
    history: s.history,
    branches: s.branches,
    branchId: s.branchId,
    comparison: s.comparison,
    traceHash: s.traceHash,
    cursor: s.cursor,
    actions: s.actions,
  };
}

const branch = (s: LabState, id: number): BranchInfo => selectBranches(s).find((b) => b.id === id)!;

/** A run as a link or a file would carry it, taken from a store. */
const runOf = (s: LabState) => ({
  settings: s.settings,
  actions: s.actions,
  head: selectHeadSeq(s),
  computedTo: s.computedTo,
  cursor: s.cursor,
  digest: s.traceHash,
});

describe('acting in the past', () => {
  it('keeps the run it left as a branch and starts a child branch named by what was done', async () => {
    const { store, lab } = await inThePast();
    const left = screen(store);
    expect(lab().branches.map((b) => b.id)).toEqual([1]);

    await lab().crashNode(1);
    const s = lab();
    expect(s.branches.map((b) => [b.id, b.parent])).toEqual([
      [1, null],
      [2, 1],
    ]);
    expect(s.branchId).toBe(2);
    const old = s.branches[0]!;
    expect(old).toMatchObject({
      head: left.head,
      cursor: left.cursor,
      computedTo: left.computedTo,
      digest: left.traceHash,
    });
    expect(old.actions).toBe(left.actions);
    const child = s.branches[1]!;
    expect(child.action).toEqual({ do: 'crash', node: 1 });
    expect(child.from).toBe(s.undoable!.from);
    expect(child.at).toBe(s.actions.at(-1)!.at);
    expect(branch(s, 2).actions).toEqual([
      ...left.actions.filter((a) => a.eventCount < child.from),
      s.actions.at(-1),
    ]);
  });

  it('a new cluster, new settings or a lesson start a fresh tree', async () => {
    const { lab } = await inThePast();
    await lab().crashNode(1);
    await lab().start();
    expect(lab().branches.map((b) => b.id)).toEqual([1]);
    expect(lab().branchId).toBe(1);

    const branchOff = async () => {
      await lab().advanceBy(400);
      await lab().seekTo(lab().cursor - 10);
      await lab().crashNode(2);
      expect(lab().branches).toHaveLength(2);
    };
    await branchOff();
    await lab().applySettings({ heartbeatMs: 60 });
    expect(lab().branches).toHaveLength(1);
    await branchOff();
    await lab().openLesson('election');
    expect(lab().branches).toHaveLength(1);
  });
});

describe('switching branches', () => {
  it('back and forth puts each branch back exactly, with its digest', async () => {
    const { store, lab } = await inThePast();
    const first = screen(store);
    await lab().crashNode(1);
    await lab().advanceBy(200);
    await lab().seekTo(lab().cursor - 5);
    const second = screen(store);
    expect(second.traceHash).not.toBe(first.traceHash);

    for (let round = 0; round < 2; round++) {
      await lab().switchBranch(1);
      expect(screen(store)).toEqual(first);
      await lab().switchBranch(2);
      expect(screen(store)).toEqual(second);
    }
  });

  it('a branch that is not kept running is rebuilt from its actions to the same digest', async () => {
    const { store, lab } = await inThePast();
    const first = screen(store);
    const firstHistory = lab().history;
    await lab().crashNode(1);
    await lab().advanceBy(200);
    await lab().seekTo(lab().cursor - 30);
    await lab().timeoutNode(3);
    expect(lab().branchId).toBe(3);
    expect(lab().branches.map((b) => b.parent)).toEqual([null, 1, 2]);
    const third = screen(store);

    // Branch 2 is the one kept running; branch 1 must be rebuilt.
    await lab().switchBranch(1);
    expect(lab().history).not.toBe(firstHistory);
    expect(screen(store)).toEqual(first);
    for (let seq = selectHeadSeq(lab()) - 50; seq <= selectHeadSeq(lab()); seq++) {
      expect(frameAt(lab(), seq)!.event).toEqual(frameAt({ history: firstHistory }, seq)!.event);
    }
    await lab().switchBranch(3);
    expect(screen(store)).toEqual(third);
  });

  it('a rebuilt branch runs on exactly as the original would have', async () => {
    const { lab } = await inThePast();
    const reference = await inThePast();
    await lab().crashNode(1);
    await lab().seekTo(3);
    await lab().crashNode(2);
    await lab().switchBranch(1);
    for (const l of [lab, reference.lab]) {
      await l().seekTo(selectHeadSeq(l()));
      await l().advanceBy(500);
    }
    expect(lab().traceHash).toBe(reference.lab().traceHash);
    expect(selectHeadSeq(lab())).toBe(selectHeadSeq(reference.lab()));
  });

  it('nothing is discarded: every branch made stays listed and comes back', async () => {
    const { store, lab } = await inThePast();
    const shown = new Map<number, ReturnType<typeof screen>>();
    const moves = [
      () => lab().crashNode(1),
      () =>
        lab().partitionNodes([
          [1, 2],
          [3, 4, 5],
        ]),
      () => lab().writeKey('b', '2'),
      () => lab().timeoutNode(4),
    ];
    for (const move of moves) {
      await lab().seekTo(lab().cursor - 20);
      // Each branch is left here, and comes back here.
      shown.set(lab().branchId, screen(store));
      await move();
      await lab().advanceBy(100);
    }
    shown.set(lab().branchId, screen(store));
    expect(lab().branches.map((b) => b.id)).toEqual([1, 2, 3, 4, 5]);
    for (const id of [3, 1, 5, 2, 4]) {
      await lab().switchBranch(id);
      expect(screen(store)).toEqual(shown.get(id));
    }
  });

  it('undo goes back to the branch just left, and the new one stays listed', async () => {
    const { store, lab } = await inThePast();
    const first = screen(store);
    await lab().crashNode(1);
    await lab().advanceBy(100);
    const second = screen(store);
    await lab().undoRewrite();
    expect(screen(store)).toEqual(first);
    expect(lab().undoable).toBeNull();
    expect(lab().branches.map((b) => b.id)).toEqual([1, 2]);
    await lab().switchBranch(2);
    expect(screen(store)).toEqual(second);
  });

  it('a branch whose rebuild misses its digest is a notice, and the screen stays as it was', async () => {
    const { store, lab } = await inThePast();
    await lab().crashNode(1);
    await lab().seekTo(5);
    await lab().crashNode(2);
    // Branch 1 is not kept running: make its record claim another digest.
    const tampered = lab().branches.map((b) => (b.id === 1 ? { ...b, digest: 'deadbeef' } : b));
    store.setState({ branches: tampered });
    const before = everything(store);
    await lab().switchBranch(1);
    expect(lab().notice).toMatchObject({ kind: 'error', key: 'history.notice.switchRefused' });
    expect(lab().notice!.details![0]).toMatchObject({ key: 'history.notice.digestMismatch' });
    expect(everything(store)).toEqual(before);
    expect(lab().history).toBe(before.history);
  });

  it.each([
    ['an unknown id', 99],
    ['zero', 0],
    ['a negative id', -1],
    ['a fraction', 1.5],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a string', '1'],
    ['a prototype key', '__proto__'],
    ['an object', { id: 1 }],
    ['nothing', undefined],
  ])('switching to %s is a notice and changes nothing', async (_, id) => {
    const { store, lab } = await inThePast();
    await lab().crashNode(1);
    const before = everything(store);
    await lab().switchBranch(id as number);
    expect(lab().notice).toMatchObject({ kind: 'error', key: 'history.notice.unknownBranch' });
    expect(everything(store)).toEqual(before);
    expect(lab().history).toBe(before.history);
  });

  it('switching to the branch on screen does nothing', async () => {
    const { store, lab } = await inThePast();
    await lab().crashNode(1);
    const before = everything(store);
    await lab().switchBranch(2);
    expect(everything(store)).toEqual(before);
    expect(lab().notice).toBeNull();
  });
});

describe('comparing two branches', () => {
  /** Branch 1, and branch 2 that crashed S1 40 events back and ran on 600 ms. */
  async function twoBranches() {
    const started = await inThePast();
    const { lab } = started;
    const firstHistory = lab().history;
    await lab().crashNode(1);
    await lab().advanceBy(600);
    return { ...started, firstHistory };
  }

  it('finds the first event where the two traces differ, in either order', async () => {
    const { store, lab, firstHistory } = await twoBranches();
    // The first difference, found frame by frame in the two histories the store showed.
    const secondHistory = lab().history;
    let expected = 1;
    while (
      JSON.stringify(frameAt({ history: firstHistory }, expected)!.event) ===
      JSON.stringify(frameAt({ history: secondHistory }, expected)!.event)
    )
      expected++;

    await lab().compareBranches(1, 2);
    const c = lab().comparison!;
    expect(c.firstDifference).toBe(expected);
    expect(c.events[0]).toEqual(frameAt({ history: firstHistory }, expected)!.event);
    expect(c.events[1]).toEqual(frameAt({ history: secondHistory }, expected)!.event);
    expect(c.events[1]).toMatchObject({ kind: 'action', detail: { do: 'crash', node: 1 } });
    expect(c.divergedAt).toBe(Math.min(c.events[0]!.at, c.events[1]!.at));
    expect(c.at).toBeGreaterThan(c.divergedAt!);
    expect(c.sides.map((s) => s.branch)).toEqual([1, 2]);
    expect(c.sides[0].logs[0]!.alive).toBe(true);
    expect(c.sides[1].logs[0]!.alive).toBe(false);

    await lab().compareBranches(2, 1);
    expect(lab().comparison!.firstDifference).toBe(expected);
    expect(lab().comparison!.sides.map((s) => s.branch)).toEqual([2, 1]);
    lab().closeComparison();
    expect(store.getState().comparison).toBeNull();
  });

  it('shows each branch at the asked time as its own history showed it then', async () => {
    const { lab, firstHistory } = await twoBranches();
    const at = lab().computedTo - 50;
    await lab().compareBranches(1, 2, at);
    const c = lab().comparison!;
    expect(c.at).toBe(at);
    const histories = [firstHistory, lab().history];
    for (const [i, side] of c.sides.entries()) {
      // The last frame at or before `at` is how that branch stood then.
      const h = { history: histories[i]! };
      let seq = selectHeadSeq(h);
      while (frameAt(h, seq)!.at > at) seq--;
      const frame = frameAt(h, seq)!;
      expect(side.leader).toBe(frame.facts.leader);
      for (const node of frame.nodes) {
        const log = side.logs.find((l) => l.id === node.id)!;
        expect([log.alive, log.role, log.term, log.commitIndex]).toEqual([
          node.alive,
          node.role,
          node.term,
          node.commitIndex,
        ]);
        expect(log.entries.map((e) => e.term)).toEqual(
          node.log.entries.slice(0, node.log.length).map((e) => e.term),
        );
      }
    }
  });

  it('two runs with the same actions do not differ', async () => {
    const { lab } = await inThePast();
    // Running on from the past is a branch with the same actions (the write came earlier).
    await lab().advanceBy(50);
    expect(lab().branches).toHaveLength(2);
    expect(lab().actions).toEqual(lab().branches[0]!.actions);
    await lab().compareBranches(1, 2);
    expect(lab().comparison).toMatchObject({ firstDifference: null, events: [null, null] });
  });

  it.each([
    ['a branch with itself', [1, 1]],
    ['an unknown branch', [1, 9]],
    ['ids that are not numbers', ['1', '2']],
    ['a prototype key', ['__proto__', 2]],
    ['a negative time', [1, 2, -5]],
    ['a fractional time', [1, 2, 10.5]],
    ['NaN for the time', [1, 2, NaN]],
    ['a time past both runs', [1, 2, 1e12]],
    ['a time that is a string', [1, 2, '100']],
  ])('comparing %s is a notice and changes nothing', async (_, args) => {
    const { store, lab } = await twoBranches();
    await lab().compareBranches(1, 2);
    const before = everything(store);
    const [a, b, at] = args as [number, number, number | undefined];
    await lab().compareBranches(a, b, at);
    expect(lab().notice).toMatchObject({ kind: 'error' });
    expect(lab().notice!.key).toMatch(/^history\.notice\.badCompare/);
    expect(everything(store)).toEqual(before);
  });
});

describe('rebuildRun (links and files)', () => {
  it('rebuilds a run from another store to the same frame and digest, in a fresh tree', async () => {
    const source = await inThePast();
    await source.lab().crashNode(2);
    await source.lab().advanceBy(150);
    await source.lab().seekTo(source.lab().cursor - 7);
    const target = await inThePast('n=3&seed=11');
    await target.lab().crashNode(1);
    expect(await rebuildRun(target.kernel, runOf(source.lab()))).toBe(true);
    expect(screen(target.store)).toEqual({ ...screen(source.store), branchId: 1 });
    expect(target.lab().settings).toEqual(source.lab().settings);
    expect(target.lab().branches).toHaveLength(1);
    expect(target.lab().undoable).toBeNull();
  });

  it('puts back a whole tree with the run, and its other branches can be switched to', async () => {
    const source = await inThePast();
    await source.lab().crashNode(2);
    const first = screen(source.store);
    await source.lab().switchBranch(1);
    const tree = { branches: selectBranches(source.lab()), branchId: 1 };
    const target = await inThePast('n=3&seed=11');
    expect(await rebuildRun(target.kernel, runOf(source.lab()), tree)).toBe(true);
    expect(target.lab().branches.map((b) => b.id)).toEqual([1, 2]);
    await target.lab().switchBranch(2);
    expect(screen(target.store)).toEqual(first);
  });

  it.each([
    ['another digest', (r: Record<string, unknown>) => ({ ...r, digest: '00000000' })],
    ['a digest that is not one', (r: Record<string, unknown>) => ({ ...r, digest: 'x' })],
    ['a negative head', (r: Record<string, unknown>) => ({ ...r, head: -1 })],
    ['a cursor past the head', (r: Record<string, unknown>) => ({ ...r, cursor: 1e9 })],
    ['a fractional time', (r: Record<string, unknown>) => ({ ...r, computedTo: 1.5 })],
    ['an endless time', (r: Record<string, unknown>) => ({ ...r, computedTo: Infinity })],
    ['actions that are not a list', (r: Record<string, unknown>) => ({ ...r, actions: {} })],
    [
      'an action the simulator refuses',
      (r: Record<string, unknown>) => ({
        ...r,
        actions: [{ action: { do: 'crash', node: 42 }, at: 1, eventCount: 1 }],
      }),
    ],
    [
      'actions that go back in time',
      (r: Record<string, unknown>) => ({ ...r, actions: [...(r.actions as unknown[])].reverse() }),
    ],
    [
      'settings that are not a cluster',
      (r: Record<string, unknown>) => ({ ...r, settings: { nodes: 'x' } }),
    ],
    ['nothing', () => null],
  ])('refuses %s with a notice and changes nothing', async (_, spoil) => {
    const source = await inThePast();
    await source.lab().crashNode(2);
    const target = await inThePast('n=3&seed=11');
    const before = everything(target.store);
    const settings = target.lab().settings;
    const run = spoil(runOf(source.lab()) as unknown as Record<string, unknown>);
    expect(await rebuildRun(target.kernel, run as never)).toBe(false);
    expect(target.lab().notice).toMatchObject({ kind: 'error', key: 'history.notice.badRun' });
    expect(everything(target.store)).toEqual(before);
    expect(target.lab().settings).toBe(settings);
  });

  it('a run said to last far longer than its events is refused as soon as it passes its head, not computed to the end', async () => {
    const source = await inThePast();
    const target = await inThePast('n=3&seed=11');
    const built: { now: number }[] = [];
    const make = target.kernel.deps.runtime;
    vi.spyOn(target.kernel.deps, 'runtime').mockImplementation(async (options) => {
      const runtime = await make(options);
      built.push(runtime.sim);
      return runtime;
    });
    const far = 50 * 60 * 1000;
    const run = { ...runOf(source.lab()), computedTo: far };
    expect(await rebuildRun(target.kernel, run)).toBe(false);
    expect(built).toHaveLength(1);
    // It stopped within a few heartbeats of the real run's end, long before the time it was told.
    expect(built[0]!.now).toBeLessThan(source.lab().computedTo + 1000);
  });

  it('refuses a tree whose branch refers to a parent it does not list', async () => {
    const source = await inThePast();
    await source.lab().crashNode(2);
    const branches = selectBranches(source.lab()).map((b) =>
      b.id === 2 ? { ...b, parent: 7 } : b,
    );
    const target = await inThePast('n=3&seed=11');
    const before = everything(target.store);
    const ok = await rebuildRun(target.kernel, runOf(source.lab()), { branches, branchId: 2 });
    expect(ok).toBe(false);
    expect(everything(target.store)).toEqual(before);
  });
});

describe('a rebuild computes where it is fastest, then goes live', () => {
  /**
   * Wraps `kernel`'s runtime factory: each runtime made says whether it was made to replay, and
   * its goLive records the event count it was called at and answers `failed`.
   */
  function watchRuntimes(kernel: Kernel, failed: { id: number }[] | Error = []) {
    const made: { replay: boolean; liveAt: number[]; disposed: boolean }[] = [];
    const make = kernel.deps.runtime;
    vi.spyOn(kernel.deps, 'runtime').mockImplementation(async (options, replay) => {
      const runtime = await make(options, replay);
      const seen = { replay: replay === true, liveAt: [] as number[], disposed: false };
      made.push(seen);
      return {
        ...runtime,
        dispose: () => void (seen.disposed = true),
        goLive: async () => {
          seen.liveAt.push(runtime.sim.eventCount());
          if (failed instanceof Error) throw failed;
          return failed;
        },
      };
    });
    return made;
  }

  it('a cluster started fresh is not a replay', async () => {
    const { kernel, lab } = await inThePast();
    const made = watchRuntimes(kernel);
    await lab().newSeed();
    expect(made.map((m) => m.replay)).toEqual([false]);
  });

  it('acting in the past replays, goes live at the landing point, then acts', async () => {
    const { kernel, lab } = await inThePast();
    const made = watchRuntimes(kernel);
    await lab().crashNode(1);
    expect(made).toHaveLength(1);
    expect(made[0]!.replay).toBe(true);
    // Live before the crash was applied: the crash is the branch's first act, at `from`.
    expect(made[0]!.liveAt).toEqual([lab().undoable!.from]);
  });

  it('a rebuilt link or file goes live once it reached its digest', async () => {
    const source = await inThePast();
    await source.lab().crashNode(2);
    const target = await inThePast('n=3&seed=11');
    const made = watchRuntimes(target.kernel);
    const run = runOf(source.lab());
    expect(await rebuildRun(target.kernel, run)).toBe(true);
    expect(made.map((m) => [m.replay, m.liveAt])).toEqual([[true, [run.head]]]);
  });

  it('switching to a branch that is not kept running replays it, then goes live at its head', async () => {
    const { kernel, lab } = await inThePast();
    await lab().crashNode(1);
    await lab().advanceBy(200);
    await lab().seekTo(lab().cursor - 30);
    await lab().timeoutNode(3);
    const first = branch(lab(), 1);
    const made = watchRuntimes(kernel);
    await lab().switchBranch(1);
    expect(lab().branchId).toBe(1);
    expect(made.map((m) => [m.replay, m.liveAt])).toEqual([[true, [first.head]]]);
  });

  it('a move that fails is a notice naming the servers, and the run on screen stays', async () => {
    const { kernel, lab, store } = await inThePast();
    const made = watchRuntimes(kernel, [{ id: 2 }, { id: 4 }]);
    const before = everything(store);
    await lab().crashNode(1);
    expect(lab().notice).toMatchObject({
      kind: 'error',
      key: 'history.notice.handOverFailed',
      params: { servers: 'S2, S4' },
    });
    expect(everything(store)).toEqual(before);
    expect(made[0]!.disposed).toBe(true);

    const source = await inThePast();
    await source.lab().crashNode(2);
    const run = runOf(source.lab());
    expect(await rebuildRun(kernel, run)).toBe(false);
    expect(lab().notice).toMatchObject({
      key: 'history.notice.badRun',
      details: [{ key: 'history.notice.handOverFailed', params: { servers: 'S2, S4' } }],
    });
    expect(everything(store)).toEqual(before);
    expect(made.map((m) => m.disposed)).toEqual([true, true]);
  });

  it('a move that throws is a notice too, and its cluster is stopped', async () => {
    const { kernel, lab, store } = await inThePast();
    const made = watchRuntimes(kernel, new Error('the workers are gone'));
    const before = everything(store);
    await lab().crashNode(1);
    expect(lab().notice).toMatchObject({
      kind: 'error',
      key: 'app.notice.unexpected',
      params: { message: 'the workers are gone' },
    });
    expect(everything(store)).toEqual(before);
    const source = await inThePast();
    await source.lab().crashNode(2);
    expect(await rebuildRun(kernel, runOf(source.lab()))).toBe(false);
    expect(everything(store)).toEqual(before);
    expect(made.map((m) => m.disposed)).toEqual([true, true]);
  });
});
