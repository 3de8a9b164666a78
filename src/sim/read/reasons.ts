// Coded reasons (simulator layer): why an action was refused, why a client request failed, why a
// runtime stopped. Every layer above passes these along as data; only the UI turns a code into
// words, in the reader's language. The English `message` of a SimError is for scripts and logs.

/**
 * Every code the simulator can give, with the parameters it carries. A code's parameters are
 * plain strings and numbers so they cross a worker boundary and fill a translation template.
 */
export const REASON_CODES = [
  // Refused actions and bad arguments (thrown as a SimError; see src/sim/api/validate.ts)
  'unknownNode', // { node: string, size: number } – node is the value as given ('"1"', '1.5', '-0')
  'alreadyCrashed', // { node } – crash on a crashed node
  'stillRunning', // { node } – restart or setDisk on a running node
  'nodeCrashed', // { node } – timeout on a crashed node (a write through one is sent, and lost)
  'badDuration', // { value: string } – not whole milliseconds ≥ 0 (a fraction, NaN, Infinity, text)
  'durationTooLong', // { value: string, max: number } – one run lasts at most `max` ms (a day)
  'badText', // { name: 'key' | 'value', max: number } – not text of 1…max characters
  'badPartition', // {} – not a list of non-empty lists of node ids without holes
  'nodeInTwoGroups', // { node }
  'partitionMissing', // { nodes: string } – e.g. "S4, S5"
  'sameNodeLink', // { node } – cut, cutOneWay or restoreLink with both ends the same node
  'badDropRate', // { value: string } – not a number from 0 to 1
  'busy', // {} – the simulation is running; act between runs
  'unknownRequest', // { value: string }
  'badDisk', // { detail: string } – which field of a staged disk is wrong, in English
  'badPredicate', // {} – runUntil needs a function
  'badReadMode', // { value: string } – a read's mode is 'readIndex', 'lease' or 'local'
  // { value: string, detail: string } – not an action of the SimAction vocabulary: not a plain
  // object, an unknown `do`, a field it does not take, or a missing field; detail says which, in
  // English. A field of a known action that is wrong gives that field's own code instead.
  'badAction',
  // { option: string, detail: string } – option names it ('nodes', 'rules.oneVotePerTerm', or ''
  // when the options are not an object at all); detail says why, in English
  'badOptions',
  // Membership calls the cluster's configuration forbids (thrown, see src/sim/api/membership.ts)
  'tooManyServers', // { max } – addServer past the ninth server
  'badVoters', // { detail: string } – changeVoters needs a non-empty list of distinct server ids
  'notInCluster', // { node } – not a voter or learner of the configuration in use
  'notAVoter', // { node } – transfer to, or time out, a server that has no vote
  'alreadyLeads', // { node } – transfer to the leader itself
  'noLeaderNow', // {} – transfer with no leader to hand over
  'lastVoter', // { node } – removing the only voter
  'sameVoters', // {} – changeVoters with the voters already in use
  // Client request outcomes
  'noLeaderKnown', // { node } – the server that answered knew no leader
  // A leader refused a membership request or a write; node is the server that answered
  'transferring', // { node } – it is handing leadership over and takes no requests meanwhile
  'changeInProgress', // { node } – the last membership change is not committed yet (§4.1)
  'notMember', // { node } – the server named is not in its configuration
  'alreadyMember', // { node } – the server named is in it already
  'notVoter', // { node } – leadership can only go to a voter
  'isLeader', // { node } – leadership would go to the leader itself
  'noVoters', // { node } – the change would leave no voter
  'noChange', // { node } – the voters asked for are the voters in use
  'notCaughtUp', // { node } – a learner named as a new voter has not caught up yet (§4.2.1)
  'removedWhileJoining', // { node } – the server this request added was removed before it could vote
  'transferTimedOut', // { node } – the target did not catch up within an election timeout
  // A read refused (thesis §6.4); node is the server that answered
  'leaseNeedsCheckQuorum', // { node } – lease reads need CheckQuorum, or no voter honours the lease
  'leaseExpired', // { node } – the leader's lease did not hold within an election timeout
  'leadershipUnconfirmed', // { node } – no majority confirmed the leader within an election timeout
  'leadershipLost', // { node } – the server's term changed or it stopped leading first
  'clientTimeout', // { ms }
  // Touching a message (thrown, see src/sim/api/messages.ts)
  'unknownMessage', // { value: string } – no message with that id is on the wire
  'messageLost', // { message } – it is already dying on the wire (lost or dropped)
  'alreadyHeld', // { message } – hold on a message that waits at the door already
  'notHeld', // { message } – release on a message that is not held
  'nothingHeld', // {} – release all with no message held
  'manualAlreadyOn', // {} – manual delivery switched on while on
  'manualAlreadyOff', // {} – manual delivery switched off while off
  // A node's runtime (a worker) failed
  'runtimeFailed', // { detail: string } – the runtime's own message, untranslated
  // { ms } – it did not start or answer within its allowance of `ms` wall-clock ms: the machine
  // was too busy (or the worker hung); not a Raft event
  'runtimeTimedOut',
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
