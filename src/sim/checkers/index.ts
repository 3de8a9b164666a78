// Every safety checker the simulator runs after each event, one property per file.
import { ackedOnMajority } from './ackedOnMajority';
import type { Checker } from './checker';
import { electionSafety } from './electionSafety';
import { leaderAppendOnly } from './leaderAppendOnly';
import { leaderCompleteness } from './leaderCompleteness';
import { logMatching } from './logMatching';
import { noLostWrites } from './noLostWrites';
import { stateMachineSafety } from './stateMachineSafety';

export type { Acknowledged, Checker, ClusterView, Metered, NodeView } from './checker';

export function allCheckers(): Checker[] {
  return [
    electionSafety(),
    leaderAppendOnly(),
    logMatching(),
    leaderCompleteness(),
    stateMachineSafety(),
    noLostWrites(),
    ackedOnMajority(),
  ];
}
