// A run as a link and as a file: randomized runs round-trip exactly (seeded, property-style),
// every kind of malformed input is refused with a code that names it, and a run shared from one
// store opens in a fresh store at the same digest and cursor; a refused one changes nothing.
import { describe, expect, it } from 'vitest';
import type { SimAction } from '../../../src/sim';
import { MAX_RUN_MS } from '../../../src/sim';
import { Prng } from '../../../src/sim/prng';
import type { LabStore, RecordedAction, Settings } from '../../../src/store';
import { DEFAULT_SETTINGS, selectFrame, selectHeadSeq } from '../../../src/store';
import type { BranchInfo } from '../../../src/store/labTypes';
import { SHARED_KINDS } from '../../../src/store/runActions';
import type { RunFile } from '../../../src/store/runCodec';
import { settle, startedStore, visible } from './harness';
import {
  MAX_RUN_QUERY_CHARS,
  decodeRunFile,
  decodeRunParam,
  encodeRunFile,
  readRunQuery,
  runToQuery,
} from '../../../src/store/runCodec';

const CASES = 300;

/** Random values for one case, all from one seed. */
class Gen {
  private readonly prng: Prng;
  constructor(seed: number) {
    this.prng = new Prng(seed);
  }
  int(min: number, max: number): number {
    return this.prng.intBetween(min, max);
  }
  flag(): boolean {
    return this.int(0, 1) === 1;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!;
  }
  /** 1…64 characters, sometimes beyond ASCII (a CJK character, an emoji's surrogate pair). */
  text(): string {
    const parts = ['a', 'k', '7', ' ', '中', '键', 'é', '😀', '&', '=', '%', '.'];
    let s = '';
    const length = this.int(1, 12);
    while (s.length < length) s += this.pick(parts);
    return s.slice(0, 64).replace(/[\uD800-\uDBFF]$/, 'x');
  }
  node(): number {
    return this.int(1, 9);
  }
}

function randomAction(g: Gen, kind: SimAction['do']): SimAction {
  const via = () => (g.flag() ? { via: g.node() } : {});
  switch (kind) {
    case 'crash':
    case 'restart':
    case 'timeout':
    case 'compact':
    case 'removeServer':
      return { do: kind, node: g.node() };
    case 'partition': {
      const ids = Array.from({ length: g.int(2, 9) }, (_, i) => i + 1);
      const cut = g.int(1, ids.length - 1);
      return { do: kind, groups: [ids.slice(0, cut), ids.slice(cut)] };
    }
    case 'cut':
    case 'restore':
      return { do: kind, a: g.node(), b: g.node() };
    case 'heal':
    case 'releaseAll':
      return { do: kind };
    case 'drop':
      return { do: kind, rate: g.flag() ? g.int(0, 100) / 100 : g.int(0, 1_000_000) / 1_000_000 };
    case 'write':
    case 'append':
      return { do: kind, key: g.text(), value: g.text(), ...via() };
    case 'delete':
      return { do: kind, key: g.text(), ...via() };
    case 'read':
      return {
        do: kind,
        key: g.text(),
        ...via(),
        ...(g.flag() ? { mode: g.pick(['readIndex', 'lease', 'local'] as const) } : {}),
      };
    case 'setDisk':
      return {
        do: kind,
        node: g.node(),
        disk: {
          currentTerm: g.int(0, 9),
          votedFor: g.flag() ? null : g.node(),
          log: Array.from({ length: g.int(0, 5) }, () => ({
            term: g.int(1, 9),
            command: g.pick([
              { kind: 'noop' } as const,
              { kind: 'set', key: g.text(), value: g.text() } as const,
              { kind: 'delete', key: g.text() } as const,
            ]),
          })),
        },
      };
    case 'addServer':
      return g.flag() ? { do: kind } : { do: kind, voter: g.flag() };
    case 'changeVoters':
      return { do: kind, voters: Array.from({ length: g.int(1, 9) }, () => g.node()) };
    case 'transferLeadership':
      return { do: kind, to: g.node() };
    case 'hold':
    case 'release':
    case 'dropMessage':
    case 'duplicate':
      return { do: kind, message: g.int(0, 2_000_000) };
    case 'manual':
      return { do: kind, on: g.flag() };
  }
}

function randomActions(
  g: Gen,
  count: number,
): { actions: RecordedAction[]; head: number; computedTo: number } {
  let eventCount = g.int(0, 50);
  let at = g.int(0, 500);
  const actions: RecordedAction[] = [];
  for (let i = 0; i < count; i++) {
    // Often the same instant (0 more events or ms), sometimes far on.
    eventCount += g.pick([0, 0, 1, g.int(1, 300), g.int(1, 100_000)]);
    at += g.pick([0, 0, 1, g.int(1, 2_000), g.int(1, 60_000)]);
    actions.push({ action: randomAction(g, g.pick(SHARED_KINDS)), at, eventCount });
  }
  return {
    actions,
    head: eventCount + g.int(1, 5_000),
    computedTo: Math.min(MAX_RUN_MS, at + g.int(0, 5_000)),
  };
}

function randomSettings(g: Gen): Settings {
  const min = g.int(100, 300);
  return {
    ...DEFAULT_SETTINGS,
    nodes: g.int(1, 9),
    seed: g.int(0, 1_000_000) - (g.flag() ? 500_000 : 0),
    electionTimeoutMs: [min, min + g.int(1, 300)],
    lossPercent: g.pick([0, 0, g.int(0, 100)]),
    preVote: g.flag(),
    checkQuorum: g.flag(),
    snapshotEvery: g.pick([0, g.int(1, 200)]),
    clientRetryMs: g.pick([0, g.int(50, 2000)]),
  };
}

const hex = (g: Gen) => Array.from({ length: 8 }, () => '0123456789abcdef'[g.int(0, 15)]).join('');

function randomRun(seed: number): RunFile {
  const g = new Gen(seed);
  const { actions, head, computedTo } = randomActions(g, g.int(0, 60));
  const branchCount = g.int(0, 4);
  const branches: BranchInfo[] = Array.from({ length: branchCount }, (_, i) => {
    const run = randomActions(g, g.int(0, 5));
    return {
      id: i + 1,
      parent: i === 0 ? null : g.int(1, i),
      from: 0,
      at: 0,
      action: i === 0 ? null : randomAction(g, g.pick(SHARED_KINDS)),
      ...run,
      cursor: g.int(0, run.head),
      digest: hex(g),
    };
  });
  return {
    settings: randomSettings(g),
    actions,
    head,
    computedTo,
    cursor: g.int(0, head),
    digest: hex(g),
    branches,
    branchId: branchCount ? g.int(1, branchCount) : 1,
  };
}

describe('round trips (seeded, property-style)', () => {
  it(`a link gives back every field of ${CASES} random runs, every action kind among them`, () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= CASES; seed++) {
      const { branches: _b, branchId: _id, ...run } = randomRun(seed);
      run.actions.forEach((r) => seen.add(r.action.do));
      const query = runToQuery(run);
      const back = readRunQuery(query);
      expect(back, `seed ${seed}`).toEqual({ ok: true, run });
      // The link is made of characters a query carries as they are.
      expect(query.split('&run=')[1]).toMatch(/^1\.[A-Za-z0-9_-]*$/);
    }
    expect([...seen].sort()).toEqual([...SHARED_KINDS].sort());
  });

  it(`a file gives back every field of ${CASES} random runs with their branches`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const file = randomRun(seed);
      expect(decodeRunFile(encodeRunFile(file)), `seed ${seed}`).toEqual({ ok: true, run: file });
    }
  });

  it('a loss rate that is not a whole percent comes back exactly (0.07, 1/3)', () => {
    for (const rate of [0.07, 1 / 3, 0.1 + 0.2, 1e-9, 1]) {
      const run = {
        ...randomRun(1),
        actions: [{ action: { do: 'drop', rate } as const, at: 1, eventCount: 1 }],
      };
      const back = readRunQuery(runToQuery(run));
      expect(back?.ok && back.run.actions[0]!.action).toEqual({ do: 'drop', rate });
    }
  });
});

/** A small valid run to break in one place at a time. */
const BASE: RunFile = {
  settings: DEFAULT_SETTINGS,
  actions: [
    { action: { do: 'crash', node: 2 }, at: 400, eventCount: 30 },
    { action: { do: 'write', key: 'x', value: '1' }, at: 900, eventCount: 80 },
  ],
  head: 120,
  computedTo: 1500,
  cursor: 100,
  digest: '0123abcd',
  branches: [],
  branchId: 1,
};
const baseFile = () => JSON.parse(encodeRunFile(BASE)) as Record<string, unknown>;
/** The base file with one edit; the JSON is broken on purpose, so any field may be set. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withField = (edit: (f: Record<string, any>) => void) => {
  const f = baseFile();
  edit(f);
  return JSON.stringify(f);
};

describe('a malformed file is refused by name', () => {
  const { settings: _s, branches: _b, branchId: _i, ...run } = BASE;
  const branch = (over: Partial<BranchInfo> = {}) => ({
    id: 1,
    parent: null,
    from: 0,
    at: 0,
    action: null,
    ...run,
    ...over,
  });
  it.each<[string, unknown, Record<string, unknown>]>([
    ['not text at all', 42, { code: 'notJson' }],
    [
      'a run longer than an hour of virtual time',
      withField((f) => (f.computedTo = 60 * 60 * 1000 + 1)),
      { code: 'outOfRange', field: 'computedTo' },
    ],
    [
      'settings that carry a run of their own',
      withField((f) => (f.settings = `${String(f.settings)}&run=1.AA`)),
      { code: 'badSettings', param: 'run', value: '1.AA', why: 'unknown' },
    ],
    [
      'settings that carry a lesson',
      withField((f) => (f.settings = `${String(f.settings)}&lesson=election`)),
      { code: 'badSettings', param: 'lesson', value: 'election', why: 'unknown' },
    ],
    ['not JSON', 'hello', { code: 'notJson' }],
    ['cut off in the middle', encodeRunFile(BASE).slice(0, 200), { code: 'notJson' }],
    ['JSON but a list', '[1,2]', { code: 'notRunFile' }],
    ['another format', withField((f) => (f.format = 'other')), { code: 'notRunFile' }],
    ['no version', withField((f) => delete f.version), { code: 'badVersion', found: 'undefined' }],
    ['a version as text', withField((f) => (f.version = '1')), { code: 'badVersion', found: '1' }],
    [
      'a fractional version',
      withField((f) => (f.version = 1.5)),
      { code: 'badVersion', found: '1.5' },
    ],
    ['version 0', withField((f) => (f.version = 0)), { code: 'badVersion', found: '0' }],
    [
      'a future version',
      withField((f) => (f.version = 3)),
      { code: 'futureVersion', found: 3, known: 1 },
    ],
    [
      'an unknown field',
      withField((f) => (f.extra = 1)),
      { code: 'unknownField', field: 'file.extra' },
    ],
    [
      'a "__proto__" field',
      encodeRunFile(BASE).replace('{', '{"__proto__": {"x": 1},'),
      { code: 'unknownField', field: 'file.__proto__' },
    ],
    [
      'a missing field',
      withField((f) => delete f.cursor),
      { code: 'missingField', field: 'cursor' },
    ],
    [
      'a cursor as text',
      withField((f) => (f.cursor = '5')),
      { code: 'badField', field: 'cursor', want: 'count' },
    ],
    [
      'a negative head',
      withField((f) => (f.head = -1)),
      { code: 'badField', field: 'head', want: 'count' },
    ],
    [
      'a fractional time',
      withField((f) => (f.actions[0].at = 1.5)),
      { code: 'badField', field: 'actions[0].at', want: 'count' },
    ],
    [
      'a huge event count',
      withField((f) => (f.actions[0].eventCount = 1e300)),
      { code: 'badField', field: 'actions[0].eventCount', want: 'count' },
    ],
    [
      'NaN (as JSON writes it: null)',
      withField((f) => (f.computedTo = NaN)),
      { code: 'badField', field: 'computedTo', want: 'count' },
    ],
    [
      'a digest that is not 8 hex digits',
      withField((f) => (f.digest = 'XYZ')),
      { code: 'badField', field: 'digest', want: 'digest' },
    ],
    [
      'actions not a list',
      withField((f) => (f.actions = {})),
      { code: 'badField', field: 'actions', want: 'list' },
    ],
    [
      'an unknown action',
      withField((f) => (f.actions[0].action = { do: 'explode' })),
      { code: 'unknownAction', field: 'actions[0].action.do', value: 'explode' },
    ],
    [
      'an action with a stray field',
      withField((f) => (f.actions[0].action.extra = 1)),
      { code: 'unknownField', field: 'actions[0].action.extra' },
    ],
    [
      'an action with a "constructor" field',
      withField((f) => (f.actions[0].action.constructor = 1)),
      { code: 'unknownField', field: 'actions[0].action.constructor' },
    ],
    [
      'an action missing a field',
      withField((f) => delete f.actions[0].action.node),
      { code: 'missingField', field: 'actions[0].action.node' },
    ],
    [
      'a server 0',
      withField((f) => (f.actions[0].action.node = 0)),
      { code: 'badField', field: 'actions[0].action.node', want: 'node' },
    ],
    [
      'a key too long',
      withField((f) => (f.actions[1].action.key = 'k'.repeat(65))),
      { code: 'badField', field: 'actions[1].action.key', want: 'text' },
    ],
    [
      'actions out of order in time',
      withField((f) => (f.actions[1].at = 100)),
      { code: 'outOfOrder', field: 'actions[1]' },
    ],
    [
      'actions out of order in events',
      withField((f) => (f.actions[1].eventCount = 10)),
      { code: 'outOfOrder', field: 'actions[1]' },
    ],
    [
      'an action after the end',
      withField((f) => (f.actions[1].eventCount = 120)),
      { code: 'outOfRange', field: 'actions[1]' },
    ],
    [
      'a cursor after the end',
      withField((f) => (f.cursor = 121)),
      { code: 'outOfRange', field: 'cursor' },
    ],
    [
      'more than a day of virtual time',
      withField((f) => (f.computedTo = MAX_RUN_MS + 1)),
      { code: 'outOfRange', field: 'computedTo' },
    ],
    [
      'a settings parameter unknown',
      withField((f) => (f.settings += '&nodes=7')),
      { code: 'badSettings', param: 'nodes', value: '7', why: 'unknown' },
    ],
    [
      'a setting repeated',
      withField((f) => (f.settings += '&n=7')),
      { code: 'badSettings', param: 'n', value: '5, 7', why: 'repeated' },
    ],
    [
      'a setting unreadable',
      withField((f) => (f.settings = 'n=five')),
      { code: 'badSettings', param: 'n', value: 'five', why: 'badValue' },
    ],
    [
      'two branches with one id',
      withField((f) => (f.branches = [branch(), branch()])),
      { code: 'duplicateId', field: 'branches[1].id' },
    ],
    [
      'a parent after its child',
      withField(
        (f) =>
          (f.branches = [branch(), branch({ id: 2, parent: 3 }), branch({ id: 3, parent: 1 })]),
      ),
      { code: 'outOfRange', field: 'branches[1].parent' },
    ],
    [
      'the branch on screen not listed',
      withField((f) => ((f.branches = [branch()]), (f.branchId = 2))),
      { code: 'outOfRange', field: 'branchId' },
    ],
    [
      'a branch with a stray field',
      withField((f) => (f.branches = [{ ...branch(), more: 1 }])),
      { code: 'unknownField', field: 'branches[0].more' },
    ],
  ])('%s', (_name, text, problem) => {
    const copy = typeof text === 'string' ? `${text}` : text;
    expect(decodeRunFile(text)).toEqual({ ok: false, problem });
    // Decoding reads its input and nothing else.
    expect(text).toEqual(copy);
  });

  it('the unbroken file reads (so each row above fails for its own reason)', () => {
    expect(decodeRunFile(encodeRunFile(BASE))).toEqual({ ok: true, run: BASE });
  });
});

describe('a malformed link is refused by name', () => {
  const query = runToQuery(BASE);
  const param = query.split('&run=')[1]!;
  const payload = param.slice(2);
  it.each<[string, string, Record<string, unknown>]>([
    ...[1, 2, 3, 4, 9].map((n): [string, string, Record<string, unknown>] => [
      `cut off by ${n} characters`,
      query.slice(0, -n),
      { code: 'truncated' },
    ]),
    ['with bytes added', `${query}AA`, { code: 'trailing' }],
    ['version 0', query.replace('run=1.', 'run=0.'), { code: 'badVersion', found: '0' }],
    [
      'no version',
      query.replace('run=1.', 'run='),
      { code: 'badVersion', found: payload.slice(0, 20) },
    ],
    [
      'a version that is no number',
      query.replace('run=1.', 'run=v1.'),
      { code: 'badVersion', found: 'v1' },
    ],
    [
      'a future version',
      query.replace('run=1.', 'run=2.'),
      { code: 'futureVersion', found: 2, known: 1 },
    ],
    [
      'a letter base64url does not have',
      query.replace(payload, `${payload.slice(0, 5)}!${payload.slice(6)}`),
      { code: 'badEncoding' },
    ],
    ['run given twice', `${query}&run=${param}`, { code: 'repeated', param: 'run' }],
    [
      'a setting unreadable',
      query.replace('n=5', 'n=five'),
      { code: 'badSettings', param: 'n', value: 'five', why: 'badValue' },
    ],
    [
      'longer than a link may be',
      query.replace(payload, 'A'.repeat(MAX_RUN_QUERY_CHARS)),
      { code: 'tooLarge', max: MAX_RUN_QUERY_CHARS },
    ],
  ])('%s', (_name, text, problem) => {
    expect(readRunQuery(text)).toEqual({ ok: false, problem });
  });

  it('no run parameter: no run (the link is a plain settings link)', () => {
    expect(readRunQuery('n=5&seed=1')).toBeNull();
  });

  it('an unknown action code, a varint past 2^53 and a bad flag byte are refused', () => {
    // head=1, computedTo=1, cursor=0, digest, 1 action, Δ0, Δ0, code 31.
    const bytes = (list: number[]) => `1.${Buffer.from(list).toString('base64url')}`;
    const start = [1, 1, 0, 0, 0, 0, 0, 1, 0, 0];
    expect(decodeRunParam(bytes([...start, 31]))).toEqual({
      ok: false,
      problem: { code: 'unknownAction', field: 'actions[0].action.do', value: '31' },
    });
    expect(decodeRunParam(bytes([...Array(9).fill(0xff), 1]))).toEqual({
      ok: false,
      problem: { code: 'badField', field: 'head', want: 'count' },
    });
    expect(decodeRunParam(bytes([...start, 24, 2]))).toEqual({
      ok: false,
      problem: { code: 'badField', field: 'actions[0].action.on', want: 'flag' },
    });
    expect(decodeRunParam(bytes([...start, 24, 1]))).toMatchObject({ ok: true });
  });

  it('a second spelling of a count (an empty last group, a run of continuations) is refused', () => {
    const bytes = (list: number[]) => `1.${Buffer.from(list).toString('base64url')}`;
    const head = { ok: false, problem: { code: 'badField', field: 'head', want: 'count' } };
    // head 0 written as 0x80 0x00 instead of 0x00.
    expect(decodeRunParam(bytes([0x80, 0x00, 1, 0, 0, 0, 0, 0, 1, 0]))).toEqual(head);
    // 300 continuation bytes: the number would pass 2^53 long before; it is refused, not NaN.
    expect(decodeRunParam(bytes([...Array(300).fill(0x80), 1]))).toEqual(head);
  });

  it('every bit flip of a link is read or refused with a code, never thrown', () => {
    const bytes = Buffer.from(payload, 'base64url');
    let refused = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Buffer.from(bytes);
        flipped[i] = flipped[i]! ^ (1 << bit);
        const result = decodeRunParam(`1.${flipped.toString('base64url')}`);
        if (!result.ok) refused++;
        else expect(result.run.cursor).toBeLessThanOrEqual(result.run.head);
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

describe('encoding refuses what a run cannot carry', () => {
  it.each<[string, Partial<RunFile>]>([
    [
      'an action of no known kind',
      { actions: [{ action: { do: 'explode' } as unknown as SimAction, at: 1, eventCount: 1 }] },
    ],
    ['a fractional time', { actions: [{ action: { do: 'heal' }, at: 1.5, eventCount: 1 }] }],
    [
      'a key with half an emoji',
      { actions: [{ action: { do: 'write', key: '\uD83D', value: 'v' }, at: 1, eventCount: 1 }] },
    ],
    ['a digest not yet known', { digest: '' }],
  ])('%s', (_name, patch) => {
    expect(() => runToQuery({ ...BASE, ...patch })).toThrow();
    expect(() => encodeRunFile({ ...BASE, ...patch })).toThrow();
  });
});

/** A store with a run worth sharing: a leader, a crash, writes, a partition healed, a held message, a restart. */
async function sharedRun() {
  const { store } = await startedStore('n=3&seed=7');
  const lab = () => store.getState();
  await lab().fastForward('leader');
  await lab().writeKey('a', '1');
  await lab().advanceBy(200);
  await lab().crashNode(2);
  await lab().appendValue('a', '中');
  await lab().partitionNodes([[1], [2, 3]]);
  await lab().advanceBy(300);
  await lab().healNetwork();
  await lab().restartNode(2);
  await lab().setLossPercent(7);
  await lab().timeoutNode(3);
  const onWire = () => selectFrame(lab())!.flights.find((f) => f.lostAt === null && !f.held);
  for (let i = 0; i < 50 && !onWire(); i++) await lab().advanceBy(5);
  await lab().holdMessage(onWire()!.id);
  await lab().advanceBy(150);
  await lab().releaseAll();
  await lab().readKey('a', { mode: 'lease' });
  await lab().advanceBy(400);
  await lab().seekTo(lab().cursor - 25);
  await settle(store);
  expect(lab().notice).toBeNull();
  return { store, lab };
}

/** What a refused link or file must leave exactly as it was. */
function runState(store: LabStore) {
  const s = store.getState();
  return {
    traceHash: s.traceHash,
    history: s.history,
    historyLength: s.history.length,
    actions: s.actions,
    cursor: s.cursor,
    settings: s.settings,
    computedTo: s.computedTo,
    branches: s.branches,
  };
}

describe('a shared run in the store', () => {
  it('a link opened in a fresh store rebuilds the same run: digest, head, cursor, actions', async () => {
    const { lab } = await sharedRun();
    const link = lab().runLink()!;
    expect(link).toMatch(/^n=3&seed=7&.*&run=1\./);
    expect(lab().actions.length).toBeGreaterThanOrEqual(10);
    const opened = await startedStore(link);
    await settle(opened.store);
    const o = opened.store.getState();
    expect(o.notice).toBeNull();
    expect(o.traceHash).toBe(lab().traceHash);
    expect(selectHeadSeq(o)).toBe(selectHeadSeq(lab()));
    expect(o.cursor).toBe(lab().cursor);
    expect(o.actions).toEqual(lab().actions);
    expect(visible(opened.store)).toEqual(visible({ getState: lab } as LabStore));
  });

  it('an exported file imported into another store rebuilds the same run and its branches', async () => {
    const { lab } = await sharedRun();
    const text = lab().exportRun();
    const other = await startedStore('n=5&seed=1');
    expect(await other.store.getState().importRun(text)).toBe(true);
    const o = other.store.getState();
    expect(o.settings).toEqual(lab().settings);
    expect(o.traceHash).toBe(lab().traceHash);
    expect(o.cursor).toBe(lab().cursor);
    expect(o.actions).toEqual(lab().actions);
    expect(o.branchId).toBe(lab().branchId);
    expect(o.branches.map((b) => b.id)).toEqual(lab().branches.map((b) => b.id));
  });

  it('a link whose digest was changed opens the plain cluster of its settings, and says why', async () => {
    const { lab } = await sharedRun();
    const link = lab().runLink()!;
    const text = JSON.parse(lab().exportRun()) as Record<string, unknown>;
    const wrong = (text.digest as string) === '00000000' ? '11111111' : '00000000';
    const tampered = runToQuery({ ...decoded(link), digest: wrong });
    const opened = await startedStore(tampered);
    await settle(opened.store);
    const o = opened.store.getState();
    expect(o.actions).toEqual([]);
    expect(o.settings).toEqual(lab().settings);
    expect(o.notice).toMatchObject({ kind: 'error' });
    expect(JSON.stringify(o.notice)).toContain(wrong);
  });

  it('a file keeps the history tree: the other branch of an imported run switches in at its digest', async () => {
    const { lab } = await sharedRun();
    await lab().crashNode(1);
    await lab().advanceBy(100);
    expect(lab().branches.length).toBe(2);
    const first = lab().branches.find((b) => b.id !== lab().branchId)!;
    const other = await startedStore('n=3&seed=7');
    expect(await other.store.getState().importRun(lab().exportRun())).toBe(true);
    const o = () => other.store.getState();
    expect(o().branchId).toBe(lab().branchId);
    expect(o().traceHash).toBe(lab().traceHash);
    await o().switchBranch(first.id);
    expect(o().notice).toBeNull();
    expect(o().branchId).toBe(first.id);
    expect(o().traceHash).toBe(first.digest);
    expect(o().actions).toEqual(first.actions);
  });

  it.each([
    [
      'run given twice',
      (link: string) => `${link}&run=${link.split('&run=')[1]}`,
      'share.problem.repeated',
    ],
    [
      'a future version',
      (link: string) => link.replace('run=1.', 'run=4.'),
      'share.problem.futureVersion',
    ],
    ['cut off', (link: string) => link.slice(0, -5), 'share.problem.truncated'],
  ])(
    'a link with %s opens the plain cluster of its settings and names the problem',
    async (_name, spoil, key) => {
      const { lab } = await sharedRun();
      const opened = await startedStore(spoil(lab().runLink()!));
      await settle(opened.store);
      const o = opened.store.getState();
      expect(o.status).toBe('running');
      expect(o.actions).toEqual([]);
      expect(o.settings).toEqual(lab().settings);
      expect(o.notice).toMatchObject({ kind: 'error', key: 'share.refused' });
      expect(o.notice!.details![0]!.key).toBe(key);
    },
  );

  const badFiles = (good: string): [string, unknown][] => {
    const file = JSON.parse(good) as Record<string, unknown> & {
      actions: { action: Record<string, unknown> }[];
    };
    const digest = file.digest === '00000000' ? '11111111' : '00000000';
    const crashNine = {
      ...file,
      actions: [{ at: 1, eventCount: 1, action: { do: 'crash', node: 9 } }, ...file.actions],
    };
    return [
      ['a number', 42],
      ['null', null],
      ['an object, not text', {}],
      ['not JSON', 'raft'],
      ['cut off', good.slice(0, good.length / 2)],
      ['a future version', JSON.stringify({ ...file, version: 2 })],
      ['a tampered digest', JSON.stringify({ ...file, digest })],
      ['a tampered action', good.replace('"key": "a"', '"key": "b"')],
      ['an action the cluster refuses (S9 of 3)', JSON.stringify(crashNine)],
      ['a "__proto__" key', good.replace('{', '{"__proto__": {"polluted": 1},')],
    ];
  };

  it('a refused file changes nothing: digest, history, actions, cursor, settings, branches', async () => {
    const { store, lab } = await sharedRun();
    const good = lab().exportRun();
    for (const [name, text] of badFiles(good)) {
      const before = runState(store);
      const noticeCount = lab().noticeCount;
      expect(await lab().importRun(text as string), name).toBe(false);
      expect(runState(store), name).toEqual(before);
      expect(lab().history, name).toBe(before.history);
      expect(lab().noticeCount, name).toBe(noticeCount + 1);
      expect(lab().notice?.kind, name).toBe('error');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

function decoded(link: string) {
  const read = readRunQuery(link);
  if (!read?.ok) throw new Error('the link did not read');
  return read.run;
}
