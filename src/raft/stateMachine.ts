// The key-value state machine that committed commands drive. Hosts own a map each and apply
// the core's `apply` outputs to it in index order.
import type { Command } from './types';

export type KeyValue = Map<string, string>;

export function applyCommand(kv: KeyValue, command: Command): void {
  if (command.kind === 'set') kv.set(command.key, command.value);
  else if (command.kind === 'delete') kv.delete(command.key);
}

/** Stable text for a command, as the trace and the UI show it: `set x=1`, `delete x`, `no-op`. */
export function describeCommand(command: Command): string {
  switch (command.kind) {
    case 'set':
      return `set ${command.key}=${command.value}`;
    case 'delete':
      return `delete ${command.key}`;
    case 'noop':
      return 'no-op';
  }
}
