// Checks a staged disk for setDisk (simulator layer) as a whole before any of it is written:
// term, vote and every log entry, with commands held to what a client write may carry.
import type { Command, Entry, NodeId } from '../../raft';
import { asNodeId, asTerm } from '../../raft';
import type { World } from '../world';
import { describeValue, isDense, isPlainObject, MAX_TEXT, refuse, strayKeys } from './validate';

/** A disk as a script stages it (`setDisk`); a log read back from `sim.node(id).log` fits too. */
export interface StagedDisk {
  readonly currentTerm: number;
  readonly votedFor: number | null;
  readonly log: readonly { readonly term: number; readonly command: Command }[];
}

/** What a disk holds once checked: fresh objects, so the caller's later edits change nothing. */
export interface CheckedDisk {
  readonly currentTerm: number;
  readonly votedFor: NodeId | null;
  readonly log: Entry[];
}

const DISK_KEYS = ['currentTerm', 'votedFor', 'log'];
// `index` is allowed so a log read from `sim.node(id).log` can be staged again as it is.
const ENTRY_KEYS = ['term', 'command', 'index'];
const COMMAND_KEYS = { set: ['kind', 'key', 'value'], delete: ['kind', 'key'], noop: ['kind'] };

function badDisk(detail: string): never {
  refuse({ code: 'badDisk', detail }, `bad disk: ${detail}`);
}

/**
 * Replaces crashed node `id`'s whole disk, to stage a scenario such as the paper's Figure 7:
 * refused while the node runs, and checked whole before any of it is written.
 */
export function performSetDisk(world: World, id: NodeId, disk: unknown): void {
  refuseIfRunning(world, id);
  writeDisk(world, id, checkDisk(disk, world.ids.length));
}

function refuseIfRunning(world: World, id: NodeId): void {
  if (world.node(id).alive) {
    refuse(
      { code: 'stillRunning', node: id },
      `S${id} is running; crash it before replacing its disk`,
    );
  }
}

/** Writes a checked disk onto crashed node `id` (refused while it runs); one trace event. */
export function writeDisk(world: World, id: NodeId, checked: CheckedDisk): void {
  refuseIfRunning(world, id);
  const r = world.node(id);
  world.writeDisk(r, checked.currentTerm, checked.votedFor, checked.log);
  const text = `S${id} disk set: term ${checked.currentTerm}, log ${checked.log.length}`;
  world.action('fault', id, text, {
    do: 'setDisk',
    node: id,
    term: checked.currentTerm,
    logLength: checked.log.length,
  });
}

/**
 * Example: `{ currentTerm: 3, votedFor: null, log: [{ term: 1, command: { kind: 'noop' } }] }`.
 * Terms of entries run 1…currentTerm and never decrease; votedFor is null or a server.
 */
export function checkDisk(disk: unknown, size: number): CheckedDisk {
  if (!isPlainObject(disk))
    badDisk(`a disk is { currentTerm, votedFor, log }, not ${describeValue(disk)}`);
  const stray = strayKeys(disk, DISK_KEYS);
  if (stray.length) badDisk(`unknown field ${stray[0]}`);
  const currentTerm = disk.currentTerm;
  if (typeof currentTerm !== 'number' || !Number.isSafeInteger(currentTerm) || currentTerm < 0) {
    badDisk(`currentTerm must be a whole number ≥ 0, not ${describeValue(currentTerm)}`);
  }
  const votedFor = disk.votedFor;
  if (votedFor !== null) {
    if (
      typeof votedFor !== 'number' ||
      !Number.isInteger(votedFor) ||
      votedFor < 1 ||
      votedFor > size
    ) {
      badDisk(`votedFor must be null or one of S1…S${size}, not ${describeValue(votedFor)}`);
    }
  }
  const log = disk.log;
  if (!Array.isArray(log) || !isDense(log)) badDisk('log must be a list of entries without holes');
  let previous = 0;
  const entries = log.map((e: unknown, i): Entry => {
    const entry = checkEntry(e, i + 1, currentTerm);
    if (entry.term < previous) {
      badDisk(`entry ${i + 1} has term ${entry.term}, below the term before it`);
    }
    previous = entry.term;
    return entry;
  });
  return { currentTerm, votedFor: votedFor === null ? null : asNodeId(votedFor), log: entries };
}

function checkEntry(e: unknown, index: number, currentTerm: number): Entry {
  if (!isPlainObject(e))
    badDisk(`entry ${index} must be { term, command }, not ${describeValue(e)}`);
  const stray = strayKeys(e, ENTRY_KEYS);
  if (stray.length) badDisk(`entry ${index} has an unknown field ${stray[0]}`);
  if (Object.hasOwn(e, 'index') && e.index !== index) {
    badDisk(`entry ${index} says it is at index ${describeValue(e.index)}`);
  }
  const term = e.term;
  if (typeof term !== 'number' || !Number.isInteger(term) || term < 1 || term > currentTerm) {
    badDisk(
      `term of entry ${index} must be a whole number from 1 to ${currentTerm}, not ${describeValue(term)}`,
    );
  }
  return { term: asTerm(term), command: checkCommand(e.command, index) };
}

function checkCommand(c: unknown, index: number): Command {
  const where = `the command of entry ${index}`;
  if (!isPlainObject(c) || typeof c.kind !== 'string' || !Object.hasOwn(COMMAND_KEYS, c.kind)) {
    badDisk(`${where} must be a set, delete or noop command, not ${describeValue(c)}`);
  }
  const kind = c.kind as keyof typeof COMMAND_KEYS;
  const stray = strayKeys(c, COMMAND_KEYS[kind]);
  if (stray.length) badDisk(`${where} has an unknown field ${stray[0]}`);
  if (kind === 'noop') return { kind };
  const key = checkDiskText(c.key, `${where}: key`);
  if (kind === 'delete') return { kind, key };
  return { kind, key, value: checkDiskText(c.value, `${where}: value`) };
}

function checkDiskText(text: unknown, what: string): string {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) {
    badDisk(`${what} must be text of 1 to ${MAX_TEXT} characters, not ${describeValue(text)}`);
  }
  return text;
}
