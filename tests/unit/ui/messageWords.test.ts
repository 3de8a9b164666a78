// What the screen says and draws for messages a person touches, from a real seeded run through
// the store: the manual delivery list worded in order in both languages, a held message's
// fields and menu, a loss by hand, and held messages queued back from their receiver's door.
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../../src/sim';
import type { LabStore } from '../../../src/store';
import { selectFrame } from '../../../src/store';
import type { FlightFrame } from '../../../src/store/frame';
import { makeTranslate } from '../../../src/ui/i18n';
import { choiceText } from '../../../src/ui/panels/ManualDelivery';
import { messageActions, messageTitle } from '../../../src/ui/cluster/MessageMenu';
import { doorSpots } from '../../../src/ui/cluster/HeldMessages';
import { flightFields } from '../../../src/ui/inspect/flightFields';
import { messagePath } from '../../../src/layout/messagePath';
import { settle, startedStore } from '../store/harness';

const en = makeTranslate('en');
const zh = makeTranslate('zh');
const frame = (store: LabStore) => selectFrame(store.getState())!;

async function manualRun(): Promise<LabStore> {
  const { store } = await startedStore('n=3&seed=7');
  await store.getState().fastForward('leader');
  await store.getState().writeKey('x', '1');
  await settle(store);
  await store.getState().setManualDelivery(true);
  return store;
}

describe('manual delivery words', () => {
  it('words every listed choice in order, in English and 中文, with no missing key', async () => {
    const store = await manualRun();
    const f = frame(store);
    expect(f.choices.length).toBeGreaterThan(3);
    for (const t of [en, zh]) {
      const texts = f.choices.map((c) => choiceText(c, f, t));
      expect(texts.filter((s) => s.includes('⟦'))).toEqual([]);
    }
    const texts = f.choices.map((c) => choiceText(c, f, en));
    const times = texts.map((s) => Number(/t=(\d+) ms/.exec(s)![1]));
    expect(times).toEqual(f.choices.map((c) => c.at));
    expect(texts.filter((s) => s.startsWith('Let time run to '))).toHaveLength(1);
    const deliver = f.choices.find((c) => c.kind === 'deliver')!;
    expect(choiceText(deliver, f, en)).toMatch(
      new RegExp(
        `^Deliver #${deliver.kind === 'deliver' && deliver.message} .+ S\\d → S\\d \\(due t=\\d+ ms\\)$`,
      ),
    );
  });

  it('a later heartbeat is worded without a verb: it cannot be picked', () => {
    const f = { flights: [] } as unknown as Parameters<typeof choiceText>[1];
    const timer = (node: number, at: number, kind: 'election' | 'heartbeat', earliest: boolean) =>
      ({ kind: 'timer', node, at, timer: kind, earliest }) as unknown as Choice;
    const later = timer(2, 450, 'heartbeat', false);
    const first = timer(3, 430, 'election', true);
    expect(choiceText(later, f, en)).toBe('S2’s heartbeat (due t=450 ms)');
    expect(choiceText(first, f, en)).toBe('Let time run to S3’s election timer (t=430 ms)');
    expect(choiceText(timer(3, 430, 'election', false), f, en)).toBe(
      'Fire S3’s election timer (due t=430 ms)',
    );
  });
});

describe('a held message on screen', () => {
  it('says held in its fields, offers Release, and is named by id, kind and route', async () => {
    const store = await manualRun();
    const held = frame(store).flights.find((f) => f.held)!;
    expect(messageActions(held)).toEqual(['release', 'drop', 'duplicate']);
    expect(messageActions({ ...held, held: false })).toEqual(['hold', 'drop', 'duplicate']);
    const field = flightFields(held, en).find((x) => x.name === 'held');
    expect(field?.value).toBe(`yes: waiting at S${held.message.to}’s door until released`);
    expect(flightFields({ ...held, held: false }, en).some((x) => x.name === 'held')).toBe(false);
    expect(messageTitle(held, en)).toMatch(
      new RegExp(`^Message #${held.id} .+ S${held.message.from} → S${held.message.to}$`),
    );
  });

  it('a message dropped by hand is lost "dropped by hand" in both languages', async () => {
    const { store } = await startedStore('n=3&seed=7');
    await store.getState().fastForward('leader');
    const id = frame(store).flights.find((f) => f.lostAt === null)!.id;
    await store.getState().dropMessage(id);
    await store.getState().advanceBy(0);
    const lost = store
      .getState()
      .history.slice(0)
      .flatMap((f) => f.flights)
      .find((f) => f.id === id && f.lostAt !== null)!;
    expect(lost.lossReason).toBe('dropped by hand');
    const value = (t: typeof en) => flightFields(lost, t).find((x) => x.name === 'lostAt')!.value;
    expect(value(en)).toContain('dropped by hand');
    expect(value(zh)).toContain('被手动丢弃');
  });
});

describe('held messages wait at the door', () => {
  const path = messagePath({ x: 0, y: 0 }, { x: 300, y: 0 }, 0);
  const flight = (id: number, from: number, to: number) =>
    ({ id, message: { from, to }, held: true }) as unknown as FlightFrame;

  it.each([
    ['the first on a link waits at the path end', 0, 300],
    ['the second waits one gap (32 × scale) behind it', 1, 300 - 64],
    ['the third two gaps behind', 2, 300 - 128],
  ])('%s', (_, place, x) => {
    const held = [flight(1, 1, 2), flight(2, 1, 2), flight(3, 1, 2)];
    const routes = new Map(held.map((f) => [f.id, path]));
    const spot = doorSpots(held, routes, 2).get(place + 1)!;
    expect(spot.x).toBeCloseTo(x);
    expect(spot.y).toBeCloseTo(0);
  });

  it('queues per link: a message on another link starts its own queue at the door', () => {
    const held = [flight(1, 1, 2), flight(2, 3, 2)];
    const spots = doorSpots(held, new Map(held.map((f) => [f.id, path])), 1);
    expect(spots.get(2)!.x).toBeCloseTo(300);
  });
});
