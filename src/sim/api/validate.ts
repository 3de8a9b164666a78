// Argument checks at the scripting API's boundary (simulator layer): each one either returns the
// value in the type the world wants or throws a SimError with a code and an English message.
// They read nothing but their arguments, so a refused call can never have changed anything.
import type { NodeId } from '../../raft';
import { asNodeId } from '../../raft';
import type { Reason } from '../read/reasons';
import { SimError } from '../read/reasons';

/**
 * The longest one run may last: a day of virtual time. Far past any lesson or sweep (the
 * store's replay waits at most ten hours), and it keeps `now` where `now + 1 > now` holds:
 * a run of 1e300 ms used to leave the clock where a timer set to "now + 1" fired forever.
 */
export const MAX_RUN_MS = 24 * 60 * 60 * 1000;

/** The longest key or value a client may write (the UI's field allows the same). */
export const MAX_TEXT = 64;

export function refuse(reason: Reason, message: string): never {
  throw new SimError(reason, message);
}

/** A value as a person would type it back: strings quoted, -0 kept, objects by their kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** A plain object: made by `{}` or JSON, not an array, a class instance, a date or a function. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The object's own keys that are not in `allowed`, symbols included. Only own properties
 * count: `toString` or `constructor` are on every object's prototype and name nothing here.
 */
export function strayKeys(value: object, allowed: readonly string[]): string[] {
  return Reflect.ownKeys(value)
    .filter((k) => typeof k !== 'string' || !allowed.includes(k))
    .map((k) => String(k));
}

/** A server of a cluster of `size`: a whole number 1…size (so not '1', true, 1.5 or -0). */
export function checkNodeId(id: unknown, size: number): NodeId {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > size) {
    const node = describeValue(id);
    refuse(
      { code: 'unknownNode', node, size },
      `unknown node ${node}: this cluster has S1…S${size}`,
    );
  }
  return asNodeId(id);
}

/** A key or a value of a client write: 1 to 64 characters of text. */
export function checkText(name: 'key' | 'value', text: unknown): string {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) {
    refuse(
      { code: 'badText', name, max: MAX_TEXT },
      `${name} must be text of 1 to ${MAX_TEXT} characters, not ${describeValue(text)}`,
    );
  }
  return text;
}

export function checkDropRate(p: unknown): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    const value = describeValue(p);
    refuse({ code: 'badDropRate', value }, `dropRate must be a number from 0 to 1, not ${value}`);
  }
  return p;
}

/** How long one run lasts: whole milliseconds, 0…MAX_RUN_MS. */
export function checkDuration(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) {
    const value = describeValue(ms);
    refuse(
      { code: 'badDuration', value },
      `a duration must be a whole number of milliseconds ≥ 0, not ${value}`,
    );
  }
  if (ms > MAX_RUN_MS) {
    refuse(
      { code: 'durationTooLong', value: String(ms), max: MAX_RUN_MS },
      `one run lasts at most ${MAX_RUN_MS} ms (a virtual day), not ${ms}; run again to go on`,
    );
  }
  return ms;
}

/** runUntil's condition: a function of the simulation. */
export function checkPredicate<T>(predicate: unknown): (sim: T) => boolean {
  if (typeof predicate !== 'function') {
    refuse(
      { code: 'badPredicate' },
      `runUntil needs a function of the simulation, e.g. (s) => s.leader() !== null, not ${describeValue(predicate)}`,
    );
  }
  return predicate as (sim: T) => boolean;
}

/** Two different servers at the ends of one link. */
export function checkLink(a: unknown, b: unknown, size: number): [NodeId, NodeId] {
  const from = checkNodeId(a, size);
  const to = checkNodeId(b, size);
  if (from === to) {
    refuse(
      { code: 'sameNodeLink', node: from },
      `a link needs two different nodes, not S${from} twice`,
    );
  }
  return [from, to];
}

/**
 * Partition groups: a list of non-empty lists of node ids without holes, every node in exactly
 * one group. Example for five nodes: [[1, 2], [3, 4, 5]].
 */
export function checkGroups(groups: unknown, size: number): NodeId[][] {
  const shape = 'partition takes a list of non-empty groups, e.g. [[1, 2], [3, 4, 5]]';
  if (!Array.isArray(groups) || groups.length === 0 || !isDense(groups)) {
    refuse({ code: 'badPartition' }, shape);
  }
  const seen = new Set<NodeId>();
  const checked = groups.map((group: unknown) => {
    if (!Array.isArray(group) || group.length === 0 || !isDense(group)) {
      refuse({ code: 'badPartition' }, `${shape}; a group with a hole or no node is not one`);
    }
    return group.map((member: unknown) => {
      const id = checkNodeId(member, size);
      if (seen.has(id))
        refuse({ code: 'nodeInTwoGroups', node: id }, `S${id} is in two partition groups`);
      seen.add(id);
      return id;
    });
  });
  const missing: number[] = [];
  for (let id = 1; id <= size; id++) if (!seen.has(asNodeId(id))) missing.push(id);
  if (missing.length) {
    const nodes = missing.map((id) => `S${id}`).join(', ');
    refuse(
      { code: 'partitionMissing', nodes },
      `every node must be in one group; missing ${nodes}`,
    );
  }
  return checked;
}

/** No holes: `[1, , 2]` has length 3 but only two elements, and `flat()` would hide that. */
export function isDense(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (!(i in list)) return false;
  return true;
}
