// The key-value state machine that committed commands drive. Hosts own a map each and apply
// the core's `apply` outputs to it in index order.
import type { ClientCommand, Command, ConfigChange, NodeId } from './types';

export type KeyValue = Map<string, string>;

/** Applies one committed command; no-ops and configuration entries leave the state machine as it is. */
export function applyCommand(kv: KeyValue, command: Command): void {
  if (command.kind === 'set') kv.set(command.key, command.value);
  else if (command.kind === 'delete') kv.delete(command.key);
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
    default:
      return describeCommand(command);
  }
}
