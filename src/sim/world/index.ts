// The simulated world (simulator layer), split by the question each file answers; World
// coordinates them. This index is what the rest of the simulator imports.
export { World } from './world';
export type { Dispatch } from './world';
export type { NodeRecord, LostState } from './disks';
export type { Flight } from './flights';
export type { Choice } from './choices';
export type { ClientRequestState } from './clients';
export type { Violation } from './checkerSuite';
export type { WindowPlan } from './lookahead';
export type { Listener, ListenOptions } from './recorder';
