// The key-value state machine that committed commands drive, with the client sessions that
// make a retried write apply once (thesis §6.3). Every server keeps one in its node value; hosts
// mirror the keys from the core's `apply` outputs to show them.
import type { ClientCommand, Command, ConfigChange, Entry, LogIndex, NodeId, Term } from './types';

export type KeyValue = Map<string, string>;

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
  readonly kv: ReadonlyMap<string, string>;
  readonly sessions: ReadonlyMap<number, SavedReply>;
}

export const EMPTY_MACHINE: Machine = { kv: new Map(), sessions: new Map() };

/** A copy the caller may change (for one step). */
export function copyMachine(m: Machine): { kv: KeyValue; sessions: Map<number, SavedReply> } {
  return { kv: new Map(m.kv), sessions: new Map(m.sessions) };
}

/**
 * Applies one committed command; no-ops and configuration entries leave the keys as they are.
 * Example: "a" holds "x"; append a "y" → "xy"; delete a → no key "a".
 */
export function applyCommand(kv: KeyValue, command: Command): void {
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
export function applyEntry(
  m: { kv: KeyValue; sessions: Map<number, SavedReply> },
  index: LogIndex,
  entry: Entry,
): SavedReply | null {
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
