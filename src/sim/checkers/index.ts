// Every safety checker the simulator runs after each event, one property per file.
import { ackedOnMajority } from './ackedOnMajority';
import type { Checker } from './checker';
export { digestOf, entryOf, lastIndexOf } from './checker';
import { electionSafety } from './electionSafety';
import { leaderAppendOnly } from './leaderAppendOnly';
import { leaderCompleteness } from './leaderCompleteness';
import { logMatching } from './logMatching';
import { noLostWrites } from './noLostWrites';
import { stateMachineSafety } from './stateMachineSafety';
import { configurationsOverlap } from './configurationsOverlap';
import { linearizable } from './linearizable';
import type { NodeId } from '../../raft';

export type { Acknowledged, Checker, ClientOp, ClusterView, Metered, NodeView } from './checker';

/** Every checker, for a cluster that starts with voters `bootVoters`. */
export function allCheckers(bootVoters: readonly NodeId[]): Checker[] {
  return [
    electionSafety(),
    leaderAppendOnly(),
    logMatching(),
    leaderCompleteness(),
    stateMachineSafety(),
    noLostWrites(),
    ackedOnMajority(),
    configurationsOverlap(bootVoters),
    linearizable(),
  ];
}
