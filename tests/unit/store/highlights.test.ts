// What the screen highlights (selectHighlights): a lesson's focus lands in the set the drawing,
// the log strip and the inspector read, and the servers and entries a fired checker names land
// in `broken`, apart from the lesson's pointer. First on small state-like objects, then on a real
// cluster with "one vote per term" switched off, where two timers fired at once elect two leaders.
import { describe, expect, it } from 'vitest';
import type { Frame, LabState } from '../../../src/store';
import {
  FrameList,
  NO_HIGHLIGHTS,
  entryKey,
  fieldKey,
  linkKey,
  selectFrame,
  selectHighlights,
} from '../../../src/store';
import type { Finding } from '../../../src/sim';
import { startedStore } from './harness';

type Focus = NonNullable<LabState['lesson']>['focus'];

/** A violation as the simulator reports it, with only what the highlights read filled in. */
const violation = (seq: number, finding: Finding) =>
  ({ rule: 'x', ruleId: 'electionSafety', at: 10, seq, event: '', detail: '', finding }) as const;

/** A state holding one frame (on screen) with these violations, and a lesson with this focus. */
function stateWith(focus: Focus | null, violations: unknown[] = []): LabState {
  const frame = { seq: 4, violations } as unknown as Frame;
  return {
    history: FrameList.of([frame]),
    cursor: 4,
    lesson: focus ? { focus } : null,
  } as unknown as LabState;
}

const sorted = (set: ReadonlySet<string | number>) => [...set].sort();

describe('keys', () => {
  it.each([
    ['a link is named lower id first', linkKey(3, 1), '1-3'],
    ['the same link either way round', linkKey(1, 3), '1-3'],
    ['an entry by server and index', entryKey(2, 5), '2:5'],
    ["one server's field", fieldKey('commitIndex', 2), 'commitIndex@2'],
    ["any server's field", fieldKey('votedFor'), 'votedFor'],
    ['a field with node null is any server’s', fieldKey('votedFor', null), 'votedFor'],
  ])('%s', (_, key, expected) => {
    expect(key).toBe(expected);
  });
});

describe('selectHighlights: the lesson’s pointer', () => {
  it('points at nothing without a lesson or a violation', () => {
    expect(selectHighlights(stateWith(null))).toBe(NO_HIGHLIGHTS);
    expect(selectHighlights(stateWith([]))).toBe(NO_HIGHLIGHTS);
  });

  it('puts each kind of focus in its own set, and nothing in broken', () => {
    const h = selectHighlights(
      stateWith([
        { kind: 'node', node: 2 },
        { kind: 'link', a: 3, b: 1 },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'entry', node: 1, index: 2 },
        { kind: 'snapshot', node: 3, index: 4 },
        { kind: 'field', field: 'commitIndex', node: 2 },
        { kind: 'field', field: 'votedFor', node: null },
        { kind: 'client' },
      ]),
    );
    expect([...h.nodes]).toEqual([2]);
    expect([...h.links]).toEqual(['1-3']);
    expect([...h.messages]).toEqual(['AppendEntries']);
    expect([...h.entries]).toEqual(['1:2']);
    expect([...h.snapshots]).toEqual([3]);
    expect(sorted(h.fields)).toEqual(['commitIndex@2', 'votedFor']);
    expect(h.client).toBe(true);
    expect(h.broken.nodes.size + h.broken.entries.size).toBe(0);
  });

  it('points at a server’s snapshot block, not at the client nor at an entry', () => {
    const h = selectHighlights(stateWith([{ kind: 'snapshot', node: 2, index: 5 }]));
    expect([...h.snapshots]).toEqual([2]);
    expect(h.client).toBe(false);
    expect(h.entries.size + h.nodes.size).toBe(0);
  });

  it('is the same object while neither the focus nor the violations change', () => {
    const focus: Focus = [{ kind: 'node', node: 1 }];
    const s = stateWith(focus);
    const first = selectHighlights(s);
    expect(selectHighlights(s)).toBe(first);
    expect(selectHighlights(stateWith([{ kind: 'node', node: 3 }]))).not.toBe(first);
  });
});

describe('selectHighlights: what a fired checker names', () => {
  it.each([
    [
      'two leaders of one term mark both servers and no entry',
      { code: 'twoLeaders', term: 1, first: 2, second: 1 },
      [1, 2],
      [],
    ],
    [
      'a leader lacking a committed entry marks that server and the index it lacks',
      { code: 'leaderLacksCommitted', node: 3, term: 2, index: 4, committedTerm: 1 },
      [3],
      ['3:4'],
    ],
    [
      'two servers applying different commands mark both servers at that index',
      {
        code: 'appliedDifferent',
        node: 1,
        index: 2,
        command: 'set x=1',
        term: 1,
        other: 3,
        otherCommand: 'set x=2',
        otherTerm: 2,
      },
      [1, 3],
      ['1:2', '3:2'],
    ],
  ] as const)('%s', (_, finding, nodes, entries) => {
    const h = selectHighlights(stateWith(null, [violation(7, finding as Finding)]));
    expect(sorted(h.broken.nodes)).toEqual(nodes);
    expect(sorted(h.broken.entries)).toEqual(entries);
    // The alarm is not the lesson's pointer.
    expect(h.nodes.size + h.entries.size).toBe(0);
  });

  it('keeps the lesson’s pointer and the alarm apart when both are on screen', () => {
    const h = selectHighlights(
      stateWith(
        [{ kind: 'node', node: 3 }],
        [violation(7, { code: 'twoLeaders', term: 1, first: 2, second: 1 })],
      ),
    );
    expect([...h.nodes]).toEqual([3]);
    expect(sorted(h.broken.nodes)).toEqual([1, 2]);
  });
});

describe('selectHighlights on a cluster without "one vote per term" (§5.2)', () => {
  it('marks both leaders from the event that elected the second, and not before it', async () => {
    const { store } = await startedStore('n=3&seed=7&off=oneVotePerTerm');
    await store.getState().timeoutNode(1);
    await store.getState().timeoutNode(2);
    await store.getState().advanceBy(300);
    const v = selectFrame(store.getState())!.violations[0]!;
    expect(v.ruleId).toBe('electionSafety');
    expect(sorted(selectHighlights(store.getState()).broken.nodes)).toEqual([1, 2]);

    await store.getState().seekTo(v.seq);
    expect(selectHighlights(store.getState())).toBe(NO_HIGHLIGHTS);
    await store.getState().seekTo(v.seq + 1);
    expect(selectFrame(store.getState())!.violations).toEqual([v]);
    expect(sorted(selectHighlights(store.getState()).broken.nodes)).toEqual([1, 2]);
  });

  it('marks nothing when every rule is on: the same two timers elect one leader', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().timeoutNode(1);
    await store.getState().timeoutNode(2);
    await store.getState().advanceBy(300);
    expect(selectFrame(store.getState())!.violations).toEqual([]);
    expect(selectHighlights(store.getState())).toBe(NO_HIGHLIGHTS);
  });
});
