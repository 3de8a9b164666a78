// Where a server's configuration comes from (thesis §4.1): the latest configuration entry in its
// log, committed or not, else the one it booted with. Kept beside the log so every write to the
// log (an append, a leader's overwrite, a truncation) updates it in one place: setLog.
import type { RaftLog } from './log';
import { entryAt, lastIndex } from './log';
import type { ConfigState, LogIndex } from './types';
import { asIndex } from './types';

export interface LoggedConfig {
  readonly state: ConfigState;
  /** The index of the entry that holds it; 0 for the boot configuration. */
  readonly index: LogIndex;
}

/**
 * The latest configuration entry at or before `at`, or `boot` (index 0) when there is none.
 * Example: entries 1…9 with configurations at 3 and 7, at = 6 → the one at 3.
 */
export function configAtOrBefore(log: RaftLog, at: number, boot: ConfigState): LoggedConfig {
  for (let i = Math.min(at, lastIndex(log)); i >= 1; i--) {
    const command = entryAt(log, i)!.command;
    if (command.kind === 'config') return { state: command.config, index: asIndex(i) };
  }
  return { state: boot, index: asIndex(0) };
}

/**
 * The configuration after the log became `log`, whose entries from `changedFrom` on are new,
 * given the one in use before (`current`). Only the new entries are read, unless the change
 * removed the entry `current` came from: then the log is read back from the cut.
 */
export function configAfterWrite(
  log: RaftLog,
  changedFrom: number,
  current: LoggedConfig,
  boot: ConfigState,
): LoggedConfig {
  const last = lastIndex(log);
  for (let i = last; i >= changedFrom; i--) {
    const command = entryAt(log, i)!.command;
    if (command.kind === 'config') return { state: command.config, index: asIndex(i) };
  }
  if (current.index < changedFrom) return current;
  return configAtOrBefore(log, changedFrom - 1, boot);
}
