// Public face of the pure Raft core; other layers import only from here.
export * from './types';
export * from './messages';
export type { RaftNode, Input, Output, Transfer } from './context';
export { createNode, step, stepOwned, nextWakeAt, persistentStateOf, canStand } from './node';
export { acceptsChange, answersClient } from './membership';
export type { StepResult } from './node';
export type { RaftLog } from './log';
export { lastIndex, lastTerm, termAt, entryAt, toArray, isAtLeastAsUpToDate } from './log';
export type { Progress } from './progress';
export { checkInvariants, setInvariantChecks } from './invariants';
export type { Configuration, VoteResult } from './tracker';
export {
  voteResult,
  bootConfigState,
  configurationOf,
  isVoter,
  isMember,
  votesIn,
} from './tracker';
export { majority, failuresTolerated, quorumIndex } from './quorum';
export { nextRandom, randomIntBetween, deriveSeed } from './random';
export { applyCommand, describeCommand, describeClientCommand } from './stateMachine';
export type { KeyValue, KeyWriter } from './stateMachine';
export { LayeredMap } from './layeredMap';
