// Where a server's configuration comes from (thesis §4.1): the latest configuration entry in its
// log, committed or not, else the one it booted with. Kept beside the log so every write to the
// log (an append, a leader's overwrite, a truncation) updates it in one place: setLog.
import type { RaftLog } from './log';
import { entryAt, lastIndex } from './log';
import type { Configuration } from './tracker';
import { votesIn } from './tracker';
import type { ConfigState, LogIndex, NodeId } from './types';
import { asIndex } from './types';

export interface LoggedConfig {
  readonly state: ConfigState;
  /** The index of the entry that holds it; 0 for the boot configuration. */
  readonly index: LogIndex;
}

/**
 * The latest configuration entry at or before `at`, or `before` when the log holds none there:
 * the snapshot's configuration, or the boot one (index 0).
 * Example: entries 1…9 with configurations at 3 and 7, at = 6 → the one at 3.
 */
export function configAtOrBefore(log: RaftLog, at: number, before: LoggedConfig): LoggedConfig {
  for (let i = Math.min(at, lastIndex(log)); i > log.base; i--) {
    const command = entryAt(log, i)!.command;
    if (command.kind === 'config') return { state: command.config, index: asIndex(i) };
  }
  return before;
}

/**
 * The configuration after the log became `log`, whose entries from `changedFrom` on are new,
 * given the one in use before (`current`). Only the new entries are read, unless the change
 * removed the entry `current` came from: then the log is read back from the cut (and only then
 * is the boot configuration, `boot()`, built: this runs on every write to the log).
 */
export function configAfterWrite(
  log: RaftLog,
  changedFrom: number,
  current: LoggedConfig,
  boot: () => LoggedConfig,
): LoggedConfig {
  const last = lastIndex(log);
  for (let i = last; i >= changedFrom && i > log.base; i--) {
    const command = entryAt(log, i)!.command;
    if (command.kind === 'config') return { state: command.config, index: asIndex(i) };
  }
  if (current.index < changedFrom) return current;
  return configAtOrBefore(log, changedFrom - 1, boot());
}

/** What `mayStand` reads of a node. */
interface StandingFacts {
  readonly id: NodeId;
  readonly config: Configuration;
  readonly configIndex: LogIndex;
  readonly commitIndex: LogIndex;
  readonly log: RaftLog;
}

/**
 * Whether this server may stand for election: a voter of the configuration it uses, or (thesis
 * §4.2.2) a voter of the one before while the change that removed it is not yet committed — a
 * removed leader that lost office must still be able to win and finish its own removal, without
 * counting its own vote. A learner, a server never in a configuration, or one whose removal is
 * committed never stands. Example: C_old {1,2}, S1 appends C_new {2} and loses office: S1 stands.
 */
export function mayStand(n: StandingFacts, boot: () => LoggedConfig): boolean {
  if (n.config.selfVotes) return true;
  if (n.configIndex <= n.commitIndex || n.config.state.learners.includes(n.id)) return false;
  const before = configAtOrBefore(n.log, n.configIndex - 1, boot()).state;
  return votesIn(before, n.id);
}
