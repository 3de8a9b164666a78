// Settings in the URL: round trips, and each bad field falls back to its default with a message.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  parseSettingsQuery,
  settingsToQuery,
  type Settings,
} from '../../../src/store';
import { createLabStore } from '../../../src/store';
import { inProcess, ManualScheduler, memoryPersistence } from './harness';

const custom: Settings = {
  nodes: 7,
  seed: 42,
  electionTimeoutMs: [200, 400],
  heartbeatMs: 40,
  latencyMs: [5, 30],
  lossPercent: 10,
  preVote: true,
  checkQuorum: true,
};

describe('settings in the URL', () => {
  it.each([
    ['the defaults', DEFAULT_SETTINGS],
    ['a custom cluster', custom],
  ])('%s survive a round trip', (_, s) => {
    expect(parseSettingsQuery(settingsToQuery(s))).toEqual({
      settings: s,
      errors: [],
      badFields: [],
    });
  });

  it('writes the documented short form', () => {
    expect(settingsToQuery(DEFAULT_SETTINGS)).toBe(
      'n=5&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=0&cq=0',
    );
  });

  it.each([
    ['n=12', 'nodes', /"n=12": nodes must be a whole number from 1 to 9/],
    ['n=abc', 'nodes', /"n=abc" is not a valid value/],
    ['et=300-150', 'electionTimeoutMs', /min \(300\) is above max \(150\)/],
    ['hb=500', 'heartbeatMs', /must be less than the minimum election timeout/],
    ['lat=x', 'latencyMs', /"lat=x" is not a valid value/],
    ['loss=150', 'lossPercent', /message loss must be 0 to 100/],
    ['pv=yes', 'preVote', /"pv=yes" is not a valid value/],
  ] as const)('%s is rejected with a message and %s keeps its default', (query, field, message) => {
    const { settings, errors, badFields } = parseSettingsQuery(`seed=9&${query}`);
    expect(settings[field]).toEqual(DEFAULT_SETTINGS[field]);
    expect(settings.seed).toBe(9);
    expect(badFields).toEqual([query]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('a store started from a bad link says so and runs with the defaults', async () => {
    const store = createLabStore({
      runtime: inProcess,
      scheduler: new ManualScheduler(),
      persistence: memoryPersistence('?n=0&seed=3'),
    });
    await store.getState().start();
    expect(store.getState().status).toBe('running');
    expect(store.getState().frame!.nodes).toHaveLength(5);
    expect(store.getState().notice?.text).toMatch(/n=0/);
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
    expect(persistence.query).toBe('n=4&seed=1&et=150-300&hb=50&lat=10-20&loss=0&pv=1&cq=0');
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
