// Actions given as data (a script step, a recorded intent): `applyAction` checks the whole action
// — a plain object, a known `do`, exactly its own fields, each valid — before anything changes.
import { describe, expect, it } from 'vitest';
import { applyAction, createSimulation } from '../../../../src/sim';
import type { ReasonCode, SimAction } from '../../../../src/sim';
import { sentences } from '../harness';
import { crashedIn, expectRefused } from './refusal';

type Row = { says: string; action: unknown; code: ReasonCode };

/** A class instance that looks like an action: not plain data, so not one. */
class Heal {
  readonly do = 'heal';
}

const ROWS: Row[] = [
  // Not an object at all
  { says: 'null', action: null, code: 'badAction' },
  { says: 'undefined', action: undefined, code: 'badAction' },
  { says: 'a number', action: 5, code: 'badAction' },
  { says: "the text 'crash'", action: 'crash', code: 'badAction' },
  { says: 'a list', action: [{ do: 'heal' }], code: 'badAction' },
  { says: 'a class instance', action: new Heal(), code: 'badAction' },
  {
    says: "an object that inherits its 'do'",
    action: Object.create({ do: 'heal' }),
    code: 'badAction',
  },
  // An unknown `do`
  { says: 'no do at all', action: { node: 1 }, code: 'badAction' },
  { says: "do: 'explode'", action: { do: 'explode' }, code: 'badAction' },
  { says: "do: 'toString'", action: { do: 'toString' }, code: 'badAction' },
  { says: "do: 'constructor'", action: { do: 'constructor' }, code: 'badAction' },
  { says: "do: '__proto__'", action: { do: '__proto__' }, code: 'badAction' },
  { says: 'do: 5', action: { do: 5 }, code: 'badAction' },
  { says: "do: 'Crash' (case matters)", action: { do: 'Crash', node: 1 }, code: 'badAction' },
  // Unknown keys, prototype keys among them
  {
    says: 'crash with an extra field',
    action: { do: 'crash', node: 1, force: true },
    code: 'badAction',
  },
  { says: 'heal with a node', action: { do: 'heal', node: 1 }, code: 'badAction' },
  { says: 'a script step with its time', action: { at: 5, do: 'heal' }, code: 'badAction' },
  {
    says: 'an own __proto__ key',
    action: JSON.parse('{"do":"heal","__proto__":{"node":1}}'),
    code: 'badAction',
  },
  { says: 'an own constructor key', action: { do: 'heal', constructor: 1 }, code: 'badAction' },
  { says: 'a symbol key', action: { do: 'heal', [Symbol('x')]: 1 }, code: 'badAction' },
  // Missing fields
  { says: 'crash without a node', action: { do: 'crash' }, code: 'badAction' },
  { says: 'cut without b', action: { do: 'cut', a: 1 }, code: 'badAction' },
  { says: 'restore without a or b', action: { do: 'restore' }, code: 'badAction' },
  { says: 'write without a value', action: { do: 'write', key: 'k' }, code: 'badAction' },
  { says: 'delete without a key', action: { do: 'delete' }, code: 'badAction' },
  { says: 'drop without a rate', action: { do: 'drop' }, code: 'badAction' },
  { says: 'partition without groups', action: { do: 'partition' }, code: 'badAction' },
  // Fields of the wrong type or value say what is wrong with them, as a direct call would
  { says: "crash node '1'", action: { do: 'crash', node: '1' }, code: 'unknownNode' },
  { says: 'restart node 1.5', action: { do: 'restart', node: 1.5 }, code: 'unknownNode' },
  { says: 'timeout node -0', action: { do: 'timeout', node: -0 }, code: 'unknownNode' },
  { says: 'crash node null', action: { do: 'crash', node: null }, code: 'unknownNode' },
  { says: 'cut a link to itself', action: { do: 'cut', a: 2, b: 2 }, code: 'sameNodeLink' },
  { says: 'restore a link to itself', action: { do: 'restore', a: 1, b: 1 }, code: 'sameNodeLink' },
  { says: 'cut to S6', action: { do: 'cut', a: 1, b: 6 }, code: 'unknownNode' },
  { says: "drop rate '0.5'", action: { do: 'drop', rate: '0.5' }, code: 'badDropRate' },
  { says: 'drop rate 2', action: { do: 'drop', rate: 2 }, code: 'badDropRate' },
  { says: 'write key 5', action: { do: 'write', key: 5, value: 'v' }, code: 'badText' },
  { says: 'write value null', action: { do: 'write', key: 'k', value: null }, code: 'badText' },
  {
    says: 'write through S0',
    action: { do: 'write', key: 'k', value: 'v', via: 0 },
    code: 'unknownNode',
  },
  {
    says: 'delete through null',
    action: { do: 'delete', key: 'k', via: null },
    code: 'unknownNode',
  },
  {
    says: "partition groups 'all'",
    action: { do: 'partition', groups: 'all' },
    code: 'badPartition',
  },
  {
    says: 'partition leaving nodes out',
    action: { do: 'partition', groups: [[1], [2]] },
    code: 'partitionMissing',
  },
];

describe('applyAction refuses anything but a well-formed action, changing nothing', () => {
  it.each(sentences(ROWS))('%s', (_says, { action, code }) => {
    expectRefused((sim) => applyAction(sim, action as SimAction), code);
  });

  it("refuses what the cluster's state forbids, as the direct calls do", () => {
    expectRefused((s) => applyAction(s, { do: 'crash', node: crashedIn(s) }), 'alreadyCrashed');
    expectRefused((s) => applyAction(s, { do: 'restart', node: s.leader()! }), 'stillRunning');
    expectRefused((s) => applyAction(s, { do: 'timeout', node: crashedIn(s) }), 'nodeCrashed');
  });

  it('takes a well-formed action as the direct call would, to the same digest', () => {
    const direct = createSimulation({ seed: 4, nodes: 3 });
    const data = createSimulation({ seed: 4, nodes: 3 });
    direct.runFor(500);
    data.runFor(500);
    direct.write('k', 'v', 2);
    applyAction(data, { do: 'write', key: 'k', value: 'v', via: 2 });
    direct.partition([[1], [2, 3]]);
    applyAction(
      data,
      Object.assign(Object.create(null), { do: 'partition', groups: [[1], [2, 3]] }),
    );
    direct.remove('k');
    applyAction(data, { do: 'delete', key: 'k', via: undefined });
    direct.runFor(500);
    data.runFor(500);
    expect(data.traceHash()).toBe(direct.traceHash());
    expect(data.traceLines()).toEqual(direct.traceLines());
  });
});
