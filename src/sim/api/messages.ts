// Touching messages on the wire (simulator layer): hold one at its receiver's door, release it,
// drop it, send a copy, or switch manual delivery, where every message waits to be picked. Each
// is checked against the wire before anything changes and recorded as an action, so a run with
// holds and drops replays, branches and shares like any other.
import type { World } from '../world';
import type { Flight } from '../world/flights';
import { describeMessage } from '../trace';
import { describeValue, refuse } from './validate';

/** A message id as given: a whole number ≥ 1 (so not '3', 3.5, NaN or -0). */
export function checkMessageId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    const value = describeValue(id);
    refuse({ code: 'unknownMessage', value }, `no message ${value} is on the wire`);
  }
  return id;
}

/** Manual delivery's switch: exactly true or false. */
export function checkSwitch(on: unknown): boolean {
  if (typeof on === 'boolean') return on;
  const value = describeValue(on);
  refuse(
    { code: 'badAction', value, detail: 'manual takes on: true or false' },
    `manual delivery is switched with true or false, not ${value}`,
  );
}

/** The message `id` while it is on the wire and not dying there: in flight or held. */
function liveFlight(world: World, id: number): Flight {
  const flight = world.flights.get(id);
  if (!flight)
    refuse({ code: 'unknownMessage', value: `#${id}` }, `no message #${id} is on the wire`);
  if (flight.lostAt !== null) {
    refuse({ code: 'messageLost', message: id }, `message #${id} is already lost on the wire`);
  }
  return flight;
}

type Touch = 'hold' | 'release' | 'dropMessage' | 'duplicate';

const VERB: Readonly<Record<Touch, string>> = {
  hold: 'held at the door',
  release: 'released',
  dropMessage: 'dropped by hand',
  duplicate: 'duplicated',
};

/**
 * Holds, releases, drops or copies message `id`; the trace says which, as text and data.
 * Returns the copy's id for a duplicate, else null.
 */
export function touchMessage(world: World, touch: Touch, id: number): number | null {
  const flight = liveFlight(world, id);
  const wire = world.flightsOut;
  let copy: number | undefined;
  if (touch === 'hold') {
    if (flight.held) refuse({ code: 'alreadyHeld', message: id }, `message #${id} is held already`);
    wire.hold(flight);
  } else if (touch === 'release') {
    if (!flight.held) refuse({ code: 'notHeld', message: id }, `message #${id} is not held`);
    wire.release(flight, world.now);
  } else if (touch === 'dropMessage') {
    wire.drop(flight, world.now);
  } else {
    copy = wire.duplicate(flight, world.now).id;
  }
  const m = flight.message;
  const what = `message #${id} ${describeMessage(m)} S${m.from}→S${m.to}`;
  const text = copy === undefined ? `${what} ${VERB[touch]}` : `${what} ${VERB[touch]} as #${copy}`;
  const detail = { do: touch, message: id, kind: m.kind, from: m.from, to: m.to };
  world.action('message', null, text, copy === undefined ? detail : { ...detail, copy });
  return copy ?? null;
}

/** Every held message arrives now, in the order they were held. */
export function releaseAll(world: World): void {
  const held = [...world.flightsOut.held.values()];
  if (held.length === 0) refuse({ code: 'nothingHeld' }, 'no message is held');
  for (const f of held) world.flightsOut.release(f, world.now);
  const ids = held.map((f) => f.id);
  world.action('message', null, `released ${ids.map((id) => `#${id}`).join(', ')}`, {
    do: 'releaseAll',
    messages: ids,
  });
}

/**
 * Manual delivery on: every message on the wire that is not dying, and every one sent later,
 * waits at its receiver's door. Off: every held message is released now.
 */
export function setManual(world: World, on: boolean): void {
  const wire = world.flightsOut;
  if (wire.manual === on) {
    const code = on ? 'manualAlreadyOn' : 'manualAlreadyOff';
    refuse({ code }, `manual delivery is already ${on ? 'on' : 'off'}`);
  }
  let released: number[] = [];
  if (on) {
    for (const f of world.flights.values()) if (f.lostAt === null && !f.held) wire.hold(f);
  } else {
    released = [...wire.held.keys()];
    for (const f of [...wire.held.values()]) wire.release(f, world.now);
  }
  wire.manual = on;
  const text = on
    ? 'manual delivery on'
    : `manual delivery off${released.length ? `; released ${released.map((id) => `#${id}`).join(', ')}` : ''}`;
  world.action('message', null, text, { do: 'manual', on, released });
}
