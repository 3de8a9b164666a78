// Public face of the simulator: the scripting API and what the hosts and the UI need.
export { createSimulation, Simulation, SimulationBase } from './simulation';
export type { NodeSnapshot, RequestSnapshot } from './api/read';
export { MAX_RUN_MS, MAX_TEXT, describeValue, isPlainObject, strayKeys } from './api/validate';
export type { StagedDisk } from './api/disk';
export type { SimOptions, SimOptionsInput } from './options';
export { DEFAULT_OPTIONS, MAX_NODES, RULE_NAMES, resolveOptions } from './options';
export type { Choice, Dispatch, Flight, Violation, ClientRequestState } from './world';
export { World } from './world';
export type {
  NodeHost,
  NodeStatus,
  NodeBatch,
  InputResult,
  BootRequest,
  ProgressView,
} from './host';
export { InProcessHost, statusOf, bootNode, stepBatch } from './host';
export type { ActionDetail, TraceEvent, Brief, LossReason } from './trace';
export { describeEvent, describeMessage, nodeName, runtimeFaults } from './trace';
export { runChaos } from './chaos';
export { AsyncSimulation } from './asyncSimulation';
export type { AsyncNodeHost, HostFault } from './asyncSimulation';
export { runScript, applyAction, writeLoad } from './script';
export type { ScriptStep, SimAction } from './script';
// Core vocabulary the upper layers show, re-exported so they depend on the simulator alone.
export type { Command, Entry, Message, MessageKind, Role, RuleSwitches } from '../raft';
export { majority, failuresTolerated, describeCommand } from '../raft';
// The read model: every viewer's one picture of nodes, requests and the cluster; coded reasons.
export type {
  ClusterFacts,
  LostState,
  Membership,
  NodeView,
  RequestStage,
  RequestView,
} from './read/readModel';
export { entryFate, logVariants } from './read/readModel';
export type { RejectionCode, RejectionView } from './read/rejections';
export { RejectionTracker } from './read/rejections';
export type { Reason, ReasonCode } from './read/reasons';
export { REASON_CODES, SimError, isSimError } from './read/reasons';
export type { Finding, FindingCode, Involved, RuleId } from './read/rules';
export { FINDING_CODES, RULE_IDS, involvedIn } from './read/rules';
export { small } from './small';
