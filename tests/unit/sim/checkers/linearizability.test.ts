// The linearizability checker on client histories: hand-written histories that read as sentences,
// the bounds on its work (counted, never timed), and seeded histories taken from real sequential
// executions, which must always pass and must fail once one read's answer is corrupted.
import { describe, expect, it } from 'vitest';
import type { LinOp, LinViolation } from '../../../../src/sim/checkers/linearizability';
import {
  describeViolation,
  linearizabilityChecker,
} from '../../../../src/sim/checkers/linearizability';

type Checker = ReturnType<typeof linearizabilityChecker>;

/**
 * Feeds a history written one event per clause: "0 invoke 1 set x a" (at t=0 request #1 asks to
 * set x to a), "5 ok 1", "9 ok 2 a" (read #2 returned a; "null" for no value), "7 fail 3".
 */
function run(history: string, checker: Checker = linearizabilityChecker()) {
  const violations: LinViolation[] = [];
  for (const clause of history.split(';').map((c) => c.trim())) {
    const [at, verb, id, ...rest] = clause.split(/\s+/);
    if (verb === 'invoke') {
      const [kind, key, value] = rest as [LinOp['kind'], string, string?];
      checker.invoke({ id: Number(id), kind, key, value }, Number(at));
    } else if (verb === 'ok') {
      const result = rest[0] === undefined ? undefined : rest[0] === 'null' ? null : rest[0];
      const v = checker.ok(Number(id), Number(at), result);
      if (v) violations.push(v);
    } else if (verb === 'fail') {
      const v = checker.fail(Number(id), Number(at));
      if (v) violations.push(v);
    } else throw new Error(`unknown clause "${clause}"`);
  }
  return { checker, violations };
}

const LINEARIZABLE: readonly Partial<LinViolation>[] = [];

describe('a register per key: which answers a linearizable store could give', () => {
  it.each([
    [
      'a sequential history of sets, appends, deletes and reads is linearizable',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 read x; 3 ok 2 a; 4 invoke 3 append x b; 5 ok 3; ' +
        '6 invoke 4 read x; 7 ok 4 ab; 8 invoke 5 delete x; 9 ok 5; 10 invoke 6 read x; 11 ok 6 null',
      LINEARIZABLE,
    ],
    [
      'a read of a key never written returns the initial null',
      '0 invoke 1 read x; 1 ok 1 null',
      LINEARIZABLE,
    ],
    [
      'a read of a key never written that returns a value is a violation naming no write',
      '0 invoke 1 read x; 1 ok 1 a',
      [{ read: 1, returned: 'a', missed: -1, missedAt: -1, expected: null }],
    ],
    [
      'a stale read after an acknowledged write is a violation naming that write and its times',
      '0 invoke 1 set x a; 4 ok 1; 6 invoke 2 read x; 9 ok 2 null',
      [
        {
          read: 2,
          key: 'x',
          invokedAt: 6,
          answeredAt: 9,
          returned: null,
          missed: 1,
          missedAt: 4,
          expected: 'a',
        },
      ],
    ],
    [
      'a read after an acknowledged delete that returns the old value is a violation',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 delete x; 3 ok 2; 4 invoke 3 read x; 5 ok 3 a',
      [{ read: 3, returned: 'a', missed: 2, missedAt: 3, expected: null }],
    ],
    [
      'a read concurrent with a write may return the old value',
      '0 invoke 1 set x a; 1 invoke 2 read x; 3 ok 2 null; 5 ok 1',
      LINEARIZABLE,
    ],
    [
      'a read concurrent with a write may return the new value',
      '0 invoke 1 set x a; 1 invoke 2 read x; 3 ok 2 a; 5 ok 1',
      LINEARIZABLE,
    ],
    [
      'a read may return the value from before a write that finished while it was pending',
      '0 invoke 1 read x; 1 invoke 2 set x a; 2 ok 2; 10 ok 1 null',
      LINEARIZABLE,
    ],
    [
      'a read may return a value overwritten while it was pending',
      '0 invoke 1 set x a; 1 invoke 2 read x; 2 ok 1; 3 invoke 3 set x b; 4 ok 3; 10 ok 2 a',
      LINEARIZABLE,
    ],
    [
      'once a read returned the new value, a later read may not return the old one',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 set x b; 3 invoke 3 read x; 4 ok 3 b; ' +
        '5 invoke 4 read x; 6 ok 4 a; 9 ok 2',
      [{ read: 4, returned: 'a', missed: -1, expected: 'b' }],
    ],
    [
      'a failed write may never take effect',
      '0 invoke 1 set x a; 5 fail 1; 10 invoke 2 read x; 11 ok 2 null',
      LINEARIZABLE,
    ],
    [
      'a failed write may take effect long after the client gave up',
      '0 invoke 1 set x a; 5 fail 1; 10 invoke 2 read x; 11 ok 2 null; 20 invoke 3 read x; 21 ok 3 a',
      LINEARIZABLE,
    ],
    [
      'a failed write may take effect after a later acknowledged write',
      '0 invoke 1 set x a; 5 fail 1; 6 invoke 2 set x b; 7 ok 2; 8 invoke 3 read x; 9 ok 3 a',
      LINEARIZABLE,
    ],
    [
      'an older failed write may still take effect after a later one failed',
      '0 invoke 1 set x a; 1 fail 1; 2 invoke 2 set x b; 3 fail 2; 4 invoke 3 set x c; 5 ok 3; ' +
        '6 invoke 4 read x; 7 ok 4 a; 8 invoke 5 read x; 9 ok 5 b',
      LINEARIZABLE,
    ],
    [
      'an older failed append may still take effect after a later one failed',
      '0 invoke 1 append x a; 1 fail 1; 2 invoke 2 append x b; 3 fail 2; 4 invoke 3 set x c; ' +
        '5 ok 3; 6 invoke 4 read x; 7 ok 4 ca',
      LINEARIZABLE,
    ],
    [
      'a failed write cannot take effect before it was sent',
      '0 invoke 1 read x; 1 ok 1 a; 2 invoke 2 set x a; 3 fail 2',
      [{ read: 1, returned: 'a', missed: -1 }],
    ],
    [
      'a failed write takes effect at most once',
      '0 invoke 1 set x a; 1 fail 1; 2 invoke 2 set x b; 3 ok 2; 4 invoke 3 read x; 5 ok 3 a; ' +
        '6 invoke 4 set x c; 7 ok 4; 8 invoke 5 read x; 9 ok 5 a',
      [{ read: 5, returned: 'a', missed: 4, missedAt: 7, expected: 'c' }],
    ],
    [
      'a failed read is dropped and constrains nothing',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 read x; 3 fail 2; 4 invoke 3 read x; 5 ok 3 a',
      LINEARIZABLE,
    ],
    [
      'two concurrent appends may be seen in one order',
      '0 invoke 1 append x a; 1 invoke 2 append x b; 2 ok 1; 3 ok 2; 4 invoke 3 read x; 5 ok 3 ab',
      LINEARIZABLE,
    ],
    [
      'two concurrent appends may be seen in the other order',
      '0 invoke 1 append x a; 1 invoke 2 append x b; 2 ok 1; 3 ok 2; 4 invoke 3 read x; 5 ok 3 ba',
      LINEARIZABLE,
    ],
    [
      'two concurrent appends may not lose one',
      '0 invoke 1 append x a; 1 invoke 2 append x b; 2 ok 1; 3 ok 2; 4 invoke 3 read x; 5 ok 3 a',
      [
        {
          read: 3,
          returned: 'a',
          missed: 2,
          missedAt: 3,
          expected: expect.stringMatching(/^(ab|ba)$/),
        },
      ],
    ],
    [
      'an append acknowledged once and applied twice is a violation',
      '0 invoke 1 append x x; 1 ok 1; 2 invoke 2 read x; 3 ok 2 xx',
      [{ read: 2, returned: 'xx', missed: 1, missedAt: 1, expected: 'x' }],
    ],
    [
      'a read of a value never written is a violation',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 read x; 3 ok 2 z',
      [{ read: 2, returned: 'z', missed: 1, expected: 'a' }],
    ],
    [
      "a read served by a deposed leader (w1's value after w2 was acknowledged) is a violation",
      '0 invoke 1 set x a; 5 ok 1; 6 invoke 2 set x b; 10 ok 2; 12 invoke 3 read x; 14 ok 3 a',
      [
        {
          read: 3,
          invokedAt: 12,
          answeredAt: 14,
          returned: 'a',
          missed: 2,
          missedAt: 10,
          expected: 'b',
        },
      ],
    ],
    [
      'keys are independent: each read sees its own key',
      '0 invoke 1 set x a; 1 invoke 2 set y b; 2 ok 1; 3 ok 2; 4 invoke 3 read x; 5 ok 3 a; ' +
        '6 invoke 4 read y; 7 ok 4 b',
      LINEARIZABLE,
    ],
    [
      "keys are independent: a read of x may not return y's value",
      '0 invoke 1 set x a; 1 invoke 2 set y b; 2 ok 1; 3 ok 2; 4 invoke 3 read x; 5 ok 3 b',
      [{ read: 3, key: 'x', returned: 'b', missed: 1, expected: 'a' }],
    ],
    [
      'one stale read is one report, not a cascade',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 set x b; 3 ok 2; 4 invoke 3 read x; 5 ok 3 a; ' +
        '6 invoke 4 read x; 7 ok 4 b; 8 invoke 5 read x; 9 ok 5 b',
      [{ read: 3, missed: 2 }],
    ],
    [
      'a lost append is one report: later reads of what the store went on to hold are not reported',
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 append x b; 3 ok 2; 4 invoke 3 read x; 5 ok 3 a; ' +
        '6 invoke 4 append x c; 7 ok 4; 8 invoke 5 read x; 9 ok 5 ac',
      [{ read: 3, returned: 'a', missed: 2, expected: 'ab' }],
    ],
  ] as const)('%s', (_claim, history, expected) => {
    const { violations } = run(history);
    expect(violations.map(describeViolation)).toHaveLength(expected.length);
    violations.forEach((v, i) => expect(v).toMatchObject(expected[i]!));
  });

  it('describes a violation in one sentence naming the read, the missed write and the times', () => {
    const { violations } = run('0 invoke 1 set x a; 4 ok 1; 6 invoke 2 read x; 9 ok 2 null');
    expect(describeViolation(violations[0]!)).toBe(
      'read #2 of x, invoked at t=6ms after write #1 was acknowledged at t=4ms, returned nothing ' +
        'at t=9ms; a linearizable read could have returned "a"',
    );
  });
});

describe('when a violation is decided', () => {
  it('a read answered while an earlier read of its key is pending is decided when that one answers', () => {
    const checker = linearizabilityChecker();
    const { violations } = run(
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 read x; 3 invoke 3 read x; 4 ok 3 z',
      checker,
    );
    // Read #3 waits behind read #2, whose answer is not known yet: nothing is decided.
    expect(violations).toEqual([]);
    expect(checker.ok(2, 5, 'a')).toMatchObject({ read: 3, answeredAt: 4, returned: 'z' });
  });

  it('a read that fails lets the reads queued behind it be decided, and fail reports them', () => {
    const checker = linearizabilityChecker();
    run('0 invoke 1 set x a; 1 ok 1; 2 invoke 2 read x; 3 invoke 3 read x; 4 ok 3 z', checker);
    expect(checker.fail(2, 5)).toMatchObject({ read: 3, returned: 'z' });
  });

  it('two violations decided at once are returned one per call', () => {
    const checker = linearizabilityChecker();
    run(
      '0 invoke 1 set x a; 1 ok 1; 2 invoke 2 read x; 3 invoke 3 read x; 4 ok 3 z; ' +
        '5 invoke 4 read x; 6 ok 4 y; 7 invoke 5 set y b',
      checker,
    );
    expect(checker.ok(2, 8, 'a')).toMatchObject({ read: 3 });
    // Set #5 is on another key and decides nothing: it hands over the one left waiting.
    expect(checker.ok(5, 9)).toMatchObject({ read: 4 });
    checker.invoke({ id: 6, kind: 'read', key: 'y' }, 10);
    expect(checker.ok(6, 11, 'b')).toBeNull();
  });

  it.each([
    ['an answer to a request never invoked', '0 ok 7'],
    ['a second answer to one request', '0 invoke 1 set x a; 1 ok 1; 2 ok 1'],
    ['a request invoked twice while pending', '0 invoke 1 set x a; 1 invoke 1 set x b'],
    ['an event earlier than the one before', '5 invoke 1 set x a; 4 ok 1'],
    ['a set without a value', '0 invoke 1 set x'],
  ])('%s is a bug in the caller and throws', (_claim, history) => {
    expect(() => run(history)).toThrow(/linearizability/);
  });
});

/** mulberry32: a tiny seeded PRNG, so every generated history is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  readonly op: LinOp;
  readonly invokedAt: number;
  readonly answeredAt: number;
  /** When it took effect in the real execution; null if never (a failed read, some failed writes). */
  readonly effectAt: number | null;
  readonly fails: boolean;
  result: string | null;
}

interface Shape {
  readonly clients: number;
  readonly keys: number;
  readonly failRate: number;
}

/**
 * A history taken from a real sequential execution: each client sends one request at a time and
 * each request takes effect at a random moment inside its interval, so intervals of different
 * clients overlap. A failed write takes effect at a random later moment, or never.
 */
function plan(seed: number, count: number, shape: Shape): Planned[] {
  const rng = mulberry32(seed);
  const clock = new Array<number>(shape.clients).fill(0);
  const planned: Planned[] = [];
  for (let id = 1; id <= count; id++) {
    const client = id % shape.clients;
    const invokedAt = clock[client]! + rng() * 5;
    const answeredAt = invokedAt + 1 + rng() * 20;
    clock[client] = answeredAt;
    const r = rng();
    const kind = r < 0.4 ? 'read' : r < 0.8 ? 'set' : r < 0.95 ? 'append' : 'delete';
    const key = `k${Math.floor(rng() * shape.keys)}`;
    const value = kind === 'set' ? `s${id}` : kind === 'append' ? `a${id}` : undefined;
    const fails = rng() < shape.failRate;
    const span = answeredAt - invokedAt;
    let effectAt: number | null = invokedAt + rng() * span;
    if (fails) effectAt = kind !== 'read' && rng() < 0.5 ? invokedAt + rng() * 3 * span : null;
    planned.push({
      op: { id, kind, key, value },
      invokedAt,
      answeredAt,
      effectAt,
      fails,
      result: null,
    });
  }
  const store = new Map<string, string>();
  const effects = planned.filter((p) => p.effectAt !== null);
  for (const p of effects.sort((a, b) => a.effectAt! - b.effectAt!)) {
    const { kind, key, value } = p.op;
    if (kind === 'read') p.result = store.get(key) ?? null;
    else if (kind === 'delete') store.delete(key);
    else store.set(key, (kind === 'append' ? (store.get(key) ?? '') : '') + value!);
  }
  return planned;
}

/** Feeds a planned history in time order; read `corrupt` answers a value nobody wrote. */
function feed(checker: Checker, planned: readonly Planned[], corrupt = -1): LinViolation[] {
  const events = planned.flatMap((p) => [
    { at: p.invokedAt, p, answer: false },
    { at: p.answeredAt, p, answer: true },
  ]);
  const violations: LinViolation[] = [];
  for (const { at, p, answer } of events.sort((a, b) => a.at - b.at)) {
    if (!answer) checker.invoke(p.op, at);
    else if (p.fails) checker.fail(p.op.id, at);
    else if (p.op.kind !== 'read') checker.ok(p.op.id, at);
    else {
      const v = checker.ok(p.op.id, at, p.op.id === corrupt ? '#never' : p.result);
      if (v) violations.push(v);
    }
  }
  return violations;
}

const SWEEP: Shape = { clients: 4, keys: 2, failRate: 0.05 };
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('histories from real executions', () => {
  it.each(SEEDS)('seed %i: a history a sequential store produced always passes', (seed) => {
    const checker = linearizabilityChecker();
    const violations = feed(checker, plan(seed, 400, SWEEP));
    expect(violations.map(describeViolation)).toEqual([]);
    // Every read was really checked: no key was given up.
    expect(checker.gaveUp).toBe(0);
  });

  it.each(SEEDS)(
    'seed %i: the same history with one read answering a value never written fails there',
    (seed) => {
      const planned = plan(seed, 400, SWEEP);
      const reads = planned.filter((p) => p.op.kind === 'read' && !p.fails);
      const corrupt = reads[Math.floor(mulberry32(seed)() * reads.length)]!.op.id;
      const violations = feed(linearizabilityChecker(), planned, corrupt);
      expect(violations[0]).toMatchObject({ read: corrupt, returned: '#never' });
    },
  );
});

/**
 * Thirty requests of `kind` on key x sent at once (and a read with them when `withRead`), all
 * answered with `outcome`; then 100 sequential requests on x (a set and a read of it, 50 times)
 * and a final read answering a value nobody wrote. Counts the work of the burst and of the 100.
 */
function burstThenCalm(
  kind: 'set' | 'append',
  outcome: 'fail' | 'ok',
  withRead: boolean,
  maxConfigurations: number,
) {
  const checker = linearizabilityChecker({ maxConfigurations });
  let t = 0;
  for (let id = 1; id <= 30; id++) checker.invoke({ id, kind, key: 'x', value: `w${id}` }, t++);
  if (withRead) checker.invoke({ id: 31, kind: 'read', key: 'x' }, t++);
  for (let id = 1; id <= 30; id++) checker[outcome](id, t++);
  if (withRead) checker.ok(31, t++, 'w1');
  const burstWork = checker.work;
  const gaveUp = checker.gaveUp;
  const reported: LinViolation[] = [];
  for (let round = 0; round < 50; round++) {
    const set = 100 + 2 * round;
    checker.invoke({ id: set, kind: 'set', key: 'x', value: `q${round}` }, t++);
    checker.ok(set, t++);
    checker.invoke({ id: set + 1, kind: 'read', key: 'x' }, t++);
    const v = checker.ok(set + 1, t++, `q${round}`);
    if (v) reported.push(v);
  }
  const calmWork = checker.work - burstWork;
  checker.invoke({ id: 999, kind: 'read', key: 'x' }, t++);
  const never = checker.ok(999, t, 'never');
  return { burstWork, calmWork, gaveUp, reported, never };
}

describe('the bound: work is counted and stays bounded', () => {
  // Only the latest failed write is followed exactly; the others are relaxed into one stand-in
  // value. A failure costs a count or two (the configurations re-filed). A calm request's search
  // starts from at most 3 configurations (the failed write applied or not, the stand-in) and
  // builds at most 3 from each (this request, the failed write, the stand-in): 12 builds, plus
  // the few of filing the result, so 15 counts each.
  it.each([
    ['sets', 'set', false],
    ['appends', 'append', false],
    ['sets with a read among them', 'set', true],
    ['appends with a read among them', 'append', true],
  ] as const)(
    '30 concurrent failed %s cost a few counts each, are never given up, and checking goes on',
    (_what, kind, withRead) => {
      const r = burstThenCalm(kind, 'fail', withRead, 2_000);
      expect(r.gaveUp).toBe(0);
      expect(r.burstWork).toBeLessThanOrEqual(31 * 2);
      expect(r.calmWork).toBeLessThanOrEqual(100 * 15);
      expect(r.reported).toEqual([]);
      expect(r.never).toMatchObject({ returned: 'never', expected: 'q49' });
    },
  );

  // Thirty acknowledged writes at once can be ordered in 2^30 (sets) or 30! (appends) ways: the
  // first search that builds more than maxConfigurations = 200 gives the key up, and later answers
  // run no search. Each build costs one count plus one per comparison with a configuration of the
  // same value and live writes (distinct writes: nearly always none), so under 2 counts per build
  // allowed. Once nothing on x is pending, x restarts from "any value"; a set makes it exact
  // again, so a calm request costs about 3 counts, under 10.
  it.each([
    ['sets', 'set', false],
    ['appends', 'append', false],
    ['sets with a read among them', 'set', true],
    ['appends with a read among them', 'append', true],
  ] as const)(
    '30 concurrent acknowledged %s give the key up once, at bounded cost, and checking resumes',
    (_what, kind, withRead) => {
      const r = burstThenCalm(kind, 'ok', withRead, 200);
      expect(r.gaveUp).toBe(1);
      expect(r.burstWork).toBeLessThanOrEqual(2 * 200);
      expect(r.calmWork).toBeLessThanOrEqual(100 * 10);
      expect(r.reported).toEqual([]);
      expect(r.never).toMatchObject({ returned: 'never', expected: 'q49' });
    },
  );

  it('a key given up does not stop another key from being checked', () => {
    const checker = linearizabilityChecker({ maxConfigurations: 200 });
    for (let id = 1; id <= 30; id++)
      checker.invoke({ id, kind: 'append', key: 'x', value: `w${id}` }, id);
    const { violations } = run(
      '40 invoke 41 set y a; 41 ok 41; 42 invoke 42 set y b; 43 ok 42; 44 invoke 43 read y; 45 ok 43 a',
      checker,
    );
    for (let id = 1; id <= 30; id++) checker.ok(id, 50 + id);
    expect(checker.gaveUp).toBe(1);
    expect(violations).toMatchObject([{ key: 'y', read: 43, missed: 42 }]);
  });
});

describe('a long history costs work in proportion to its length', () => {
  // 20,000 requests by 4 clients on 3 keys, 2% of them failed: the work per request is a small
  // constant (about 26 measured), and the last fifth of the run costs about what the first did.
  it('20,000 requests: under 40 counts each, and no growth from the first fifth to the last', () => {
    const planned = plan(2026, 20_000, { clients: 4, keys: 3, failRate: 0.02 });
    const checker = linearizabilityChecker();
    const fifths: number[] = [];
    let answered = 0;
    let before = 0;
    const events = planned.flatMap((p) => [
      { at: p.invokedAt, p, answer: false },
      { at: p.answeredAt, p, answer: true },
    ]);
    for (const { at, p, answer } of events.sort((a, b) => a.at - b.at)) {
      if (!answer) {
        checker.invoke(p.op, at);
        continue;
      }
      if (p.fails) checker.fail(p.op.id, at);
      else checker.ok(p.op.id, at, p.op.kind === 'read' ? p.result : undefined);
      if (++answered % 4_000 === 0) {
        fifths.push(checker.work - before);
        before = checker.work;
      }
    }
    expect(checker.gaveUp).toBe(0);
    expect(checker.work / planned.length).toBeLessThan(40);
    expect(fifths[4]!).toBeLessThan(1.5 * fifths[0]!);
  });
});
