// The key-value state machine that committed commands drive, with the client sessions that
// make a retried write apply once (thesis §6.3). Every server keeps one in its node value; hosts
// mirror the keys from the core's `apply` outputs to show them.
import { LayeredMap } from './layeredMap';
import type { ClientCommand, Command, ConfigChange, Entry, LogIndex, NodeId, Term } from './types';

/** A state machine's keys: cheap to copy once per step that applies (see layeredMap.ts). */
export type KeyValue = LayeredMap<string, string>;

/** What applying a command needs of a key-value map: a `Map` or the core's own keys. */
export interface KeyWriter {
  get(key: string): string | undefined;
  set(key: string, value: string): unknown;
  delete(key: string): unknown;
}

/** The reply a session saved for its latest write, to answer a duplicate with (§6.3). */
export interface SavedReply {
  readonly seq: number;
  readonly index: LogIndex;
  readonly term: Term;
}

/**
 * A server's state machine: the keys, and per client the latest write it applied. Treated as
 * immutable: a step that applies copies it once (see applyEntry's caller) and old node values
 * keep theirs.
 */
export interface Machine {
  /** Read it as a `ReadonlyMap`; only a step's own copy (copyMachine) is ever written. */
  readonly kv: KeyValue;
  readonly sessions: LayeredMap<number, SavedReply>;
}

/** The state machine one step may change. */
export interface MachineDraft {
  kv: KeyValue;
  sessions: LayeredMap<number, SavedReply>;
}

export const EMPTY_MACHINE: Machine = { kv: new LayeredMap(), sessions: new LayeredMap() };

/**
 * A copy the caller may change (for one step), made of two LayeredMap copies (layeredMap.ts): a
 * copy of every key per applying step was the largest cost of a busy cluster's run.
 */
export function copyMachine(m: Machine): MachineDraft {
  return { kv: m.kv.copy(), sessions: m.sessions.copy() };
}

/**
 * Applies one committed command; no-ops and configuration entries leave the keys as they are.
 * Example: "a" holds "x"; append a "y" → "xy"; delete a → no key "a".
 */
export function applyCommand(kv: KeyWriter, command: Command): void {
  if (command.kind === 'set') kv.set(command.key, command.value);
  else if (command.kind === 'delete') kv.delete(command.key);
  else if (command.kind === 'append')
    kv.set(command.key, (kv.get(command.key) ?? '') + command.value);
}

/**
 * Applies the committed entry at `index` unless its session already applied that write or a
 * later one (§6.3); returns the saved reply of the write it duplicates, or null when applied.
 * Example: client 3's seq 5 applied at index 9; a retry of seq 5 at index 12 → the reply of 9.
 */
export function applyEntry(m: MachineDraft, index: LogIndex, entry: Entry): SavedReply | null {
  const session = entry.session;
  if (session !== undefined) {
    const saved = m.sessions.get(session.client);
    if (saved !== undefined && saved.seq >= session.seq) return saved;
    m.sessions.set(session.client, { seq: session.seq, index, term: entry.term });
  }
  applyCommand(m.kv, entry.command);
  return null;
}

/**
 * Stable text for a command, as the trace and the UI show it: `set x=1`, `delete x`, `no-op`,
 * and for a configuration entry its change: `config +S4 learner`, `config S4 votes`,
 * `config −S2`, `config joint {1,2,3}→{3,4,5}`, `config {3,4,5}`.
 */
export function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'set':
      return `set ${command.key}=${command.value}`;
    case 'delete':
      return `delete ${command.key}`;
    case 'append':
      return `append ${command.key}+=${command.value}`;
    case 'noop':
      return 'no-op';
    case 'config':
      return `config ${describeChange(command.change, command.config.voters, command.config.old)}`;
  }
}

function describeChange(
  change: ConfigChange,
  voters: readonly NodeId[],
  old: readonly NodeId[] | null,
): string {
  const set = (ids: readonly NodeId[]) => `{${ids.join(',')}}`;
  switch (change.op) {
    case 'addLearner':
      return `+S${change.id} learner`;
    case 'promote':
      return `S${change.id} votes`;
    case 'remove':
      return `−S${change.id}`;
    case 'enterJoint':
      return `joint ${set(old ?? [])}→${set(voters)}`;
    case 'leaveJoint':
      return set(voters);
  }
}

/** Stable text for anything a client asks: a command, or a membership request. */
export function describeClientCommand(command: ClientCommand): string {
  switch (command.kind) {
    case 'addServer':
      return `add S${command.id}${command.voter ? '' : ' as a learner'}`;
    case 'removeServer':
      return `remove S${command.id}`;
    case 'changeVoters':
      return `voters → {${command.voters.join(',')}}`;
    case 'transferLeadership':
      return `transfer leadership to S${command.to}`;
    case 'read':
      return `read ${command.key} (${command.mode})`;
    default:
      return describeCommand(command);
  }
}
