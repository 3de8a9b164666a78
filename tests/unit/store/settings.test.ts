// Settings in the URL: round trips, and each bad field falls back to its default with a message.
import { describe, expect, it } from 'vitest';
import { selectFrame } from '../../../src/store';
import {
  DEFAULT_SETTINGS,
  parseSettingsQuery,
  settingsToQuery,
  type Settings,
} from '../../../src/store';
import { createLabStore } from '../../../src/store';
import { settingsFromOptions, settingsToOptions } from '../../../src/store/settings';
import { resolveOptions } from '../../../src/sim';
import { inProcess, ManualScheduler, memoryPersistence } from './harness';
import { makeTranslate } from '../../../src/ui/i18n';

/** A small seeded generator, so the random round trips are the same on every run. */
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

const custom: Settings = {
  nodes: 7,
  seed: 42,
  electionTimeoutMs: [200, 400],
  heartbeatMs: 40,
  latencyMs: [5, 30],
  lossPercent: 10,
  preVote: true,
  checkQuorum: true,
  maxEntriesPerAppend: 1,
  snapshotEvery: 100,
  clientRetryMs: 300,
  rules: {
    electionRestriction: true,
    currentTermCommit: false,
    truncateOnlyOnConflict: true,
    oneVotePerTerm: false,
    oneChangeAtATime: true,
  },
};

describe('settings in the URL', () => {
  it.each([
    ['the defaults', DEFAULT_SETTINGS],
    ['a custom cluster', custom],
  ])('%s survive a round trip', (_, s) => {
    expect(parseSettingsQuery(settingsToQuery(s))).toEqual({ settings: s, problems: [] });
  });

  it.each([
    ['the defaults', DEFAULT_SETTINGS],
    ['a custom cluster', custom],
  ])('%s come back whole from the options they give the simulator', (_, s) => {
    expect(settingsFromOptions(resolveOptions(settingsToOptions(s)))).toEqual(s);
  });

  it('writes batch= only when it is not the usual 64, and reads it back', () => {
    expect(settingsToQuery(custom)).toContain('&batch=1&');
    expect(settingsToQuery(DEFAULT_SETTINGS)).not.toContain('batch=');
    expect(parseSettingsQuery('batch=5').settings.maxEntriesPerAppend).toBe(5);
  });

  it.each(['0', '-1', '1.5', 'NaN', '100001', '1e3', ''])(
    'batch=%s is reported and the usual 64 stays',
    (value) => {
      const parsed = parseSettingsQuery(`batch=${value}`);
      expect(parsed.settings.maxEntriesPerAppend).toBe(64);
      expect(parsed.problems.map((p) => p.param)).toEqual(['batch']);
    },
  );

  it('writes snap= and retry= only when they are on, and reads them back', () => {
    expect(settingsToQuery(custom)).toContain('&batch=1&snap=100&retry=300&');
    expect(settingsToQuery(DEFAULT_SETTINGS)).not.toMatch(/snap=|retry=/);
    const { settings, problems } = parseSettingsQuery('snap=1000&retry=250');
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, snapshotEvery: 1000, clientRetryMs: 250 });
    expect(settingsToOptions(settings)).toMatchObject({ snapshotEvery: 1000, clientRetryMs: 250 });
  });

  // A bad snap= or retry= is named and falls back to 0 (off); every other setting stands.
  it.each([
    ['snap=-1', 'snapshotEvery', 'badValue'],
    ['snap=1.5', 'snapshotEvery', 'badValue'],
    ['snap=abc', 'snapshotEvery', 'badValue'],
    ['snap=', 'snapshotEvery', 'badValue'],
    ['snap=1e3', 'snapshotEvery', 'badValue'],
    ['snap=1000001', 'snapshotEvery', 'conflict'],
    ['retry=-5', 'clientRetryMs', 'badValue'],
    ['retry=0.5', 'clientRetryMs', 'badValue'],
    ['retry=never', 'clientRetryMs', 'badValue'],
    ['retry=86400001', 'clientRetryMs', 'conflict'],
  ] as const)('%s is reported as %s… (%s) and changes nothing else', (query, field, code) => {
    const { settings, problems } = parseSettingsQuery(`n=3&seed=9&pv=1&${query}`);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, nodes: 3, seed: 9, preVote: true });
    expect(settings[field]).toBe(0);
    const [param, value] = query.split('=');
    expect(problems).toEqual([{ code, param, value }]);
  });

  it.each([
    ['snap=10&snap=20', 'snap', '10, 20'],
    ['retry=100&retry=100', 'retry', '100, 100'],
  ])('%s is reported as repeated and none of its values is used', (query, param, value) => {
    const { settings, problems } = parseSettingsQuery(`seed=9&${query}&lat=5-9`);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, seed: 9, latencyMs: [5, 9] });
    expect(problems).toEqual([{ code: 'repeated', param, value }]);
  });

  it.each(['snapshot=100', 'retries=300', 'snapEvery=5'])(
    'the unknown %s is reported, and a good snap= beside it still counts',
    (unknown) => {
      const { settings, problems } = parseSettingsQuery(`${unknown}&snap=50`);
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, snapshotEvery: 50 });
      const [param, value] = unknown.split('=');
      expect(problems).toEqual([{ code: 'unknown', param, value }]);
    },
  );

  it('writes switched-off rules as one off= list, and nothing when every rule is on', () => {
    expect(settingsToQuery(custom)).toMatch(/&off=currentTermCommit,oneVotePerTerm$/);
    expect(settingsToQuery(DEFAULT_SETTINGS)).not.toContain('off=');
  });

  it('carries the thesis rule one change at a time (§4.1) as off=oneChangeAtATime', () => {
    const rules = { ...DEFAULT_SETTINGS.rules, oneChangeAtATime: false };
    const query = settingsToQuery({ ...DEFAULT_SETTINGS, rules });
    expect(query).toMatch(/&off=oneChangeAtATime$/);
    expect(parseSettingsQuery(query)).toEqual({
      settings: { ...DEFAULT_SETTINGS, rules },
      problems: [],
    });
    expect(settingsToOptions({ ...DEFAULT_SETTINGS, rules }).rules).toMatchObject({
      oneChangeAtATime: false,
    });
  });

  it.each([
    ['an unknown rule', 'off=fastPath'],
    ['a rule named twice', 'off=oneVotePerTerm,oneVotePerTerm'],
    ['a prototype key', 'off=constructor'],
    ['a trailing comma', 'off=oneVotePerTerm,'],
  ])('%s in off= is reported and every rule stays on', (_, query) => {
    const parsed = parseSettingsQuery(query);
    expect(parsed.settings.rules).toEqual(DEFAULT_SETTINGS.rules);
    expect(parsed.problems).toEqual([{ code: 'badValue', param: 'off', value: query.slice(4) }]);
  });

  it('off= given twice is reported as repeated and changes nothing', () => {
    const parsed = parseSettingsQuery('off=oneVotePerTerm&off=currentTermCommit');
    expect(parsed.settings.rules).toEqual(DEFAULT_SETTINGS.rules);
    expect(parsed.problems.map((p) => p.code)).toEqual(['repeated']);
  });

  it('writes the documented short form', () => {
    expect(settingsToQuery(DEFAULT_SETTINGS)).toBe(
      'n=5&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0',
    );
  });

  it('200 seeded random valid settings survive a round trip', () => {
    const rng = mulberry32(20_26);
    const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
    for (let i = 0; i < 200; i++) {
      const hb = int(1, 200);
      const etMin = int(hb + 1, hb + 500);
      const latMin = int(0, 50);
      const s: Settings = {
        nodes: int(1, 9),
        seed: int(0, 2 ** 31),
        electionTimeoutMs: [etMin, int(etMin, etMin + 1000)],
        heartbeatMs: hb,
        latencyMs: [latMin, int(latMin, latMin + 100)],
        lossPercent: int(0, 100),
        preVote: rng() < 0.5,
        checkQuorum: rng() < 0.5,
        maxEntriesPerAppend: rng() < 0.5 ? 64 : int(1, 100_000),
        snapshotEvery: rng() < 0.5 ? 0 : int(1, 1_000_000),
        clientRetryMs: rng() < 0.5 ? 0 : int(1, 86_400_000),
        rules: {
          electionRestriction: rng() < 0.8,
          currentTermCommit: rng() < 0.8,
          truncateOnlyOnConflict: rng() < 0.8,
          oneVotePerTerm: rng() < 0.8,
          oneChangeAtATime: rng() < 0.8,
        },
      };
      expect(parseSettingsQuery(settingsToQuery(s)), settingsToQuery(s)).toEqual({
        settings: s,
        problems: [],
      });
    }
  });

  it('a link the app writes survives a reload whatever the order: et=40-80 with hb=30', () => {
    const written = settingsToQuery({
      ...DEFAULT_SETTINGS,
      heartbeatMs: 30,
      electionTimeoutMs: [40, 80],
    });
    expect(written).toContain('et=40-80&hb=30');
    for (const q of [written, 'et=40-80&hb=30', 'hb=30&et=40-80']) {
      const { settings, problems } = parseSettingsQuery(q);
      expect(problems).toEqual([]);
      expect(settings.electionTimeoutMs).toEqual([40, 80]);
      expect(settings.heartbeatMs).toBe(30);
    }
  });

  it('a repeated parameter is reported, and none of its values is used', () => {
    const { settings, problems } = parseSettingsQuery('n=3&n=7&seed=4');
    expect(settings.nodes).toBe(DEFAULT_SETTINGS.nodes);
    expect(settings.seed).toBe(4);
    expect(problems).toEqual([{ code: 'repeated', param: 'n', value: '3, 7' }]);
  });

  it('an unknown parameter is reported and changes nothing', () => {
    const { settings, problems } = parseSettingsQuery('nodes=7&seed=4');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, seed: 4 });
    expect(problems).toEqual([{ code: 'unknown', param: 'nodes', value: '7' }]);
  });

  it.each([
    ['n=12', 'nodes', 'conflict'],
    ['n=0', 'nodes', 'conflict'],
    ['n=abc', 'nodes', 'badValue'],
    ['n=3.5', 'nodes', 'badValue'],
    ['n=-3', 'nodes', 'badValue'],
    ['n=NaN', 'nodes', 'badValue'],
    ['n=', 'nodes', 'badValue'],
    ['n=99999999999999999999', 'nodes', 'badValue'],
    ['et=300-150', 'electionTimeoutMs', 'conflict'],
    ['et=0-0', 'electionTimeoutMs', 'conflict'],
    ['et=150', 'electionTimeoutMs', 'badValue'],
    ['hb=500', 'heartbeatMs', 'conflict'],
    ['hb=1e3', 'heartbeatMs', 'badValue'],
    ['lat=x', 'latencyMs', 'badValue'],
    ['loss=150', 'lossPercent', 'conflict'],
    ['loss=0.5', 'lossPercent', 'badValue'],
    ['pv=yes', 'preVote', 'badValue'],
    ['cq=true', 'checkQuorum', 'badValue'],
  ] as const)('%s is reported as %s… and %s keeps its default', (query, field, code) => {
    const { settings, problems } = parseSettingsQuery(`seed=9&${query}`);
    expect(settings[field]).toEqual(DEFAULT_SETTINGS[field]);
    expect(settings.seed).toBe(9);
    const [param, value] = query.split('=');
    expect(problems).toEqual([{ code, param, value }]);
  });

  it('when fields do not fit together, the fewest fall back: et=40-80 alone conflicts with the default heartbeat', () => {
    const { settings, problems } = parseSettingsQuery('et=40-80&lat=5-9');
    expect(settings.electionTimeoutMs).toEqual(DEFAULT_SETTINGS.electionTimeoutMs);
    expect(settings.latencyMs).toEqual([5, 9]);
    expect(problems).toEqual([{ code: 'conflict', param: 'et', value: '40-80' }]);
  });

  it('a store started from a bad link says so and runs with the defaults', async () => {
    const store = createLabStore({
      runtime: inProcess,
      scheduler: new ManualScheduler(),
      persistence: memoryPersistence('?n=0&seed=3'),
    });
    await store.getState().start();
    expect(store.getState().status).toBe('running');
    expect(selectFrame(store.getState())!.nodes).toHaveLength(5);
    expect(store.getState().notice).toMatchObject({
      kind: 'error',
      key: 'app.notice.linkSettings',
      params: { fields: 'n=0' },
      details: [{ key: 'app.link.conflict', params: { param: 'n', value: '0' } }],
    });
    // Every placeholder of the headline and its lines is filled, in both languages.
    const notice = store.getState().notice!;
    for (const language of ['en', 'zh'] as const) {
      const t = makeTranslate(language);
      const words = [notice, ...(notice.details ?? [])].map((line) => t(line.key, line.params));
      expect(words.join(' ')).not.toMatch(/[{}]/);
      expect(words.join(' ')).toContain('n=0');
    }
  });

  it('applySettings writes the URL; newSeed draws a new seed; preferences persist', async () => {
    const persistence = memoryPersistence('n=3');
    const store = createLabStore({
      runtime: inProcess,
      scheduler: new ManualScheduler(),
      persistence,
      randomSeed: () => 77,
    });
    await store.getState().start();
    await store.getState().applySettings({ nodes: 4, preVote: true });
    expect(persistence.query).toBe(
      'n=4&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=1&cq=0&lang=en',
    );
    await store.getState().newSeed();
    expect(parseSettingsQuery(persistence.query).settings.seed).toBe(77);
    store.getState().setLanguage('zh');
    store.getState().setTheme('dark');
    const again = createLabStore({
      runtime: inProcess,
      scheduler: new ManualScheduler(),
      persistence,
    });
    expect(again.getState().language).toBe('zh');
    expect(again.getState().theme).toBe('dark');
    expect(again.getState().settings.seed).toBe(77);
  });
});
