// The safety properties the checkers own, as stable ids (simulator layer), and the coded findings
// a violation carries. The UI names each rule and words each finding in the reader's language.

export const RULE_IDS = [
  'electionSafety',
  'leaderAppendOnly',
  'logMatching',
  'leaderCompleteness',
  'stateMachineSafety',
  'noLostWrites',
  'ackedOnMajority',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export const FINDING_CODES = [
  'twoLeaders', // electionSafety: { term, first, second }
  'leaderRewrote', // leaderAppendOnly: { node, term, index }
  'logsDiffer', // logMatching: { node, index, term }
  'leaderLacksCommitted', // leaderCompleteness: { node, term, index, committedTerm }
  'appliedDifferent', // stateMachineSafety: { node, index, other }
  'leaderLacksAck', // noLostWrites: { node, request, index, term, ackAt }
  'ackedWithoutMajority', // ackedOnMajority: { request, index, storedOn, needed }
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** What a checker found, as a code and its parameters. */
export interface Finding {
  readonly code: FindingCode;
  readonly [param: string]: string | number;
}
