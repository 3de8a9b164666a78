// The safety alarm's headline (describeAlarmHeadline): a broken promise of Raft, except a stale
// read (Linearizability, thesis §6.4) that a local read returned — a local read checks nothing,
// so Raft never promised it. First on small violations and requests, then on a seeded cluster
// where the leader cut off in a minority answers a local read with the value it had.
import { describe, expect, it } from 'vitest';
import type { Frame, LabStore } from '../../../src/store';
import { frameAt, selectFrame } from '../../../src/store';
import type { Finding } from '../../../src/sim';
import { makeTranslate } from '../../../src/ui/i18n';
import type { FindRequest } from '../../../src/ui/panels/alarmHeadline';
import { describeAlarmHeadline } from '../../../src/ui/panels/alarmHeadline';
import { startedStore } from '../store/harness';

type Violation = Frame['violations'][number];
type Mode = 'readIndex' | 'lease' | 'local';

const en = makeTranslate('en');
const zh = makeTranslate('zh');

const staleRead = (request: number, seq = 9): Violation =>
  ({
    rule: 'Linearizability',
    ruleId: 'linearizability',
    at: 100,
    seq,
    event: '',
    detail: '',
    finding: { code: 'staleRead', request, key: 'x', value: '"1"', expected: '"2"', missed: 1 },
  }) as unknown as Violation;

const twoLeaders = {
  rule: 'Election Safety',
  ruleId: 'electionSafety',
  at: 50,
  seq: 4,
  event: '',
  detail: '',
  finding: { code: 'twoLeaders', term: 1, first: 1, second: 2 } as Finding,
} as unknown as Violation;

/** Requests by id, each a read in the given mode (or, for `write`, no read at all). */
const requests =
  (modes: Record<number, Mode | 'write'>): FindRequest =>
  (id) => {
    const mode = modes[id];
    if (mode === undefined) return undefined;
    return { id, read: mode === 'write' ? null : { mode } } as unknown as ReturnType<FindRequest>;
  };

const promised = (count: number) => en('app.safety.alarm', { count });
const unchecked = (reads: number) => en('app.safety.alarmLocalRead', { reads });

describe('the headline', () => {
  it.each<[string, Violation[], FindRequest, string]>([
    [
      'a local read that went stale was never promised',
      [staleRead(2)],
      requests({ 2: 'local' }),
      unchecked(1),
    ],
    [
      'two local reads that went stale were never promised',
      [staleRead(2), staleRead(3)],
      requests({ 2: 'local', 3: 'local' }),
      unchecked(2),
    ],
    [
      'a ReadIndex read that went stale broke a promise',
      [staleRead(2)],
      requests({ 2: 'readIndex' }),
      promised(1),
    ],
    [
      'a lease read that went stale broke a promise',
      [staleRead(2)],
      requests({ 2: 'lease' }),
      promised(1),
    ],
    [
      'a local and a lease read that went stale broke a promise',
      [staleRead(2), staleRead(3)],
      requests({ 2: 'local', 3: 'lease' }),
      promised(1),
    ],
    [
      'a local stale read beside two leaders broke a promise',
      [staleRead(2), twoLeaders],
      requests({ 2: 'local' }),
      promised(2),
    ],
    ['two leaders broke a promise', [twoLeaders], requests({}), promised(1)],
    [
      'a stale read whose request is not found broke a promise',
      [staleRead(2)],
      requests({}),
      promised(1),
    ],
  ])('%s', (_, violations, find, headline) => {
    expect(describeAlarmHeadline(violations, find, en)).toBe(headline);
  });

  it('says in English and 简体中文 that a local read checks nothing, and Raft never promised it', () => {
    const find = requests({ 2: 'local' });
    expect(describeAlarmHeadline([staleRead(2)], find, en)).toBe(
      'STALE READ — a local read checks nothing: Raft never promised this read.',
    );
    expect(describeAlarmHeadline([staleRead(2)], find, zh)).toBe(
      '读到旧值——本地读取不做任何检查：Raft 从未对这 1 次读取作过保证。',
    );
  });

  it('looks the read up by the finding’s request id and the event that broke the rule', () => {
    const asked: [number, number][] = [];
    describeAlarmHeadline([staleRead(7, 42)], (id, seq) => (asked.push([id, seq]), undefined), en);
    expect(asked).toEqual([[7, 42]]);
  });
});

describe('on a seeded cluster: the leader of a minority answers a read (§6.4)', () => {
  const frame = (store: LabStore) => selectFrame(store.getState())!;

  /** x=1 everywhere; the leader is cut off with one follower, and the majority writes x=2. */
  async function deposed() {
    const { store } = await startedStore('n=5&seed=7');
    await store.getState().fastForward('leader');
    await store.getState().advanceBy(100);
    const leader = frame(store).facts.leader!;
    await store.getState().writeKey('x', '1');
    await store.getState().fastForward('requestsSettled');
    await store.getState().advanceBy(100);
    const minority = [leader, leader === 1 ? 2 : 1];
    const majority = [1, 2, 3, 4, 5].filter((id) => !minority.includes(id));
    await store.getState().partitionNodes([minority, majority]);
    await store.getState().advanceBy(1000);
    await store.getState().writeKey('x', '2', frame(store).facts.leader!);
    await store.getState().fastForward('requestsSettled');
    return { store, leader };
  }

  /** The lookup the alarm uses: the frame on screen, else the frame of the breaking event. */
  const lookup =
    (store: LabStore): FindRequest =>
    (id, seq) =>
      frame(store).requests.find((r) => r.id === id) ??
      frameAt(store.getState(), seq + 1)?.requests.find((r) => r.id === id);

  it('a local read returns x=1: the headline says Raft never promised it', async () => {
    const { store, leader } = await deposed();
    await store.getState().readKey('x', { mode: 'local', via: leader });
    await store.getState().fastForward('requestsSettled');
    const { violations } = frame(store);
    expect(violations.map((v) => v.ruleId)).toEqual(['linearizability']);
    expect(describeAlarmHeadline(violations, lookup(store), en)).toBe(unchecked(1));
  });

  it('the same read, once a dozen later requests pushed it off the frame, is still found', async () => {
    const { store, leader } = await deposed();
    await store.getState().readKey('x', { mode: 'local', via: leader });
    await store.getState().fastForward('requestsSettled');
    const stale = frame(store).violations[0]!;
    for (let i = 0; i < 13; i++) await store.getState().writeKey('y', String(i));
    await store.getState().fastForward('requestsSettled');
    expect(frame(store).requests.some((r) => r.id === Number(stale.finding.request))).toBe(false);
    expect(describeAlarmHeadline([stale], lookup(store), en)).toBe(unchecked(1));
  });
});
