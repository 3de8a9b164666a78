// Coded reasons (simulator layer): why an action was refused, why a client request failed, why a
// runtime stopped. Every layer above passes these along as data; only the UI turns a code into
// words, in the reader's language. The English `message` of a SimError is for scripts and logs.

/**
 * Every code the simulator can give, with the parameters it carries. A code's parameters are
 * plain strings and numbers so they cross a worker boundary and fill a translation template.
 */
export const REASON_CODES = [
  // Refused actions and bad arguments
  'unknownNode', // { node: string, size: number } – node is the value as given
  'alreadyCrashed', // { node }
  'stillRunning', // { node } – restart or setDisk on a running node
  'nodeCrashed', // { node } – timeout or write through a crashed node
  'badDuration', // { value: string }
  'durationTooLong', // { value: string, max: number }
  'badText', // { name: string, max: number }
  'badPartition', // {} – not a list of non-empty lists of node ids
  'nodeInTwoGroups', // { node }
  'partitionMissing', // { nodes: string } – e.g. "S4, S5"
  'sameNodeLink', // { node }
  'badDropRate', // { value: string }
  'busy', // {} – the simulation is running; act between runs
  'unknownRequest', // { value: string }
  'badDisk', // { detail: string } – which field of a staged disk is wrong, in English
  'badPredicate', // {} – runUntil needs a function
  'badAction', // { value: string } – not an action of the SimAction vocabulary
  'badOptions', // { detail: string } – simulation options: which option and why, in English
  // Client request outcomes
  'noLeaderKnown', // { node } – the server that answered knew no leader
  'clientTimeout', // { ms }
  // A node's runtime (a worker) failed
  'runtimeFailed', // { detail: string } – the runtime's own message, untranslated
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  readonly code: ReasonCode;
  readonly [param: string]: string | number;
}

/** An error the simulator throws on purpose: a refused action or a bad argument. */
export class SimError extends Error {
  constructor(
    readonly reason: Reason,
    message: string,
  ) {
    super(message);
    this.name = 'SimError';
  }
}

export function isSimError(e: unknown): e is SimError {
  return e instanceof SimError;
}
