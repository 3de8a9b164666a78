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
  'configurationsOverlap',
  'linearizability',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export const FINDING_CODES = [
  'twoLeaders', // electionSafety: { term, first, second }
  'leaderRewrote', // leaderAppendOnly: { node, term, index }
  'logsDiffer', // logMatching: { node, index, term }
  'leaderLacksCommitted', // leaderCompleteness: { node, term, index, committedTerm }
  'appliedDifferent', // stateMachineSafety: { node, index, command, term, other, otherCommand, otherTerm }
  'leaderLacksAck', // noLostWrites: { node, request, index, term, ackAt }
  'ackedWithoutMajority', // ackedOnMajority: { request, index, storedOn, needed }
  // configurationsOverlap: { node, term, uses, committed, first, second } – voter lists as "1,2,3"
  // ("1,2,3→3,4,5" when joint); first and second are disjoint majorities of each
  'disjointMajorities',
  // linearizability: { request, key, value, expected, missed, missedAt, invokedAt, answeredAt } –
  // value and expected as shown ("x", or "no key"); missed is -1 when no one write can be named
  'staleRead',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

/** What a checker found, as a code and its parameters. */
export interface Finding {
  readonly code: FindingCode;
  readonly [param: string]: string | number;
}

/** The finding in one English sentence, for scripts, the CLI and test failures. */
export function describeFinding(f: Finding): string {
  const p = f as Readonly<Record<string, string | number>>;
  switch (f.code) {
    case 'twoLeaders':
      return `S${p.first} and S${p.second} were both leader in term ${p.term}`;
    case 'leaderRewrote':
      return `leader S${p.node} of term ${p.term} changed or removed entries up to index ${p.index}`;
    case 'logsDiffer':
      return `S${p.node} holds an entry at index ${p.index}, term ${p.term} whose earlier entries differ from another log's`;
    case 'leaderLacksCommitted':
      return `leader S${p.node} of term ${p.term} lacks the entry committed at index ${p.index} in term ${p.committedTerm}`;
    case 'appliedDifferent':
      return `S${p.node} applied "${p.command}" (term ${p.term}) at index ${p.index}, but S${p.other} applied "${p.otherCommand}" (term ${p.otherTerm})`;
    case 'leaderLacksAck':
      return `new leader S${p.node} lacks write #${p.request}, acknowledged at index ${p.index} (term ${p.term}) at t=${p.ackAt}ms`;
    case 'ackedWithoutMajority':
      return `write #${p.request} was acknowledged at index ${p.index} while on ${p.storedOn} ${p.storedOn === 1 ? 'disk' : 'disks'}, short of a majority of ${p.needed}`;
    case 'disjointMajorities':
      return `leader S${p.node} of term ${p.term} counts voters {${p.uses}} while {${p.committed}} is committed: {${p.first}} and {${p.second}} are majorities that do not meet`;
    case 'staleRead':
      return Number(p.missed) > 0
        ? `read #${p.request} of ${p.key} (sent t=${p.invokedAt}ms, answered t=${p.answeredAt}ms) returned ${p.value}, missing write #${p.missed} acknowledged at t=${p.missedAt}ms`
        : `read #${p.request} of ${p.key} (sent t=${p.invokedAt}ms, answered t=${p.answeredAt}ms) returned ${p.value}, which no order of the writes allows`;
  }
}

/** The servers and log entries a finding is about, for a screen to point at. */
export interface Involved {
  readonly nodes: readonly number[];
  readonly entries: readonly { readonly node: number; readonly index: number }[];
}

/** What a finding names: its servers (node, first, second, other) and the entries at its index. */
export function involvedIn(f: Finding): Involved {
  const p = f as Readonly<Record<string, string | number>>;
  const nodes = ['node', 'first', 'second', 'other']
    .map((k) => p[k])
    .filter((v): v is number => typeof v === 'number');
  const index = typeof p.index === 'number' ? p.index : null;
  return {
    nodes,
    entries: index === null ? [] : nodes.map((node) => ({ node, index })),
  };
}
