// The one place that wires concrete hosts to the simulator: a cluster whose nodes each run in a
// real Web Worker, or (for comparison and replay) in this thread behind the same interface.
import type { SimOptionsInput } from '../sim';
import { AsyncSimulation } from '../sim';
import { createNodeWorker } from '../worker/createNodeWorker';
import { InProcessAsyncHost } from '../worker/inProcessAsyncHost';
import type { WorkerAllowances } from '../worker/nodeWorker';
import type { WorkerFactory } from '../worker/workerHost';
import { WorkerHost } from '../worker/workerHost';

export interface WorkerCluster {
  readonly sim: AsyncSimulation;
  readonly host: WorkerHost;
}

/**
 * Builds a cluster with one worker per node and starts them all at once.
 * `laneBytes`: each worker's shared-memory lane (0: postMessage only); by default a lane when
 * the page can share memory. `allowances`: how long a worker may take to start and to answer
 * (WorkerHost's defaults unless given). `replayHere`: the nodes run in this thread until
 * `host.goLive()` (for a rebuild; see WorkerHost.replayHere).
 */
export async function startWorkerCluster(
  options: SimOptionsInput,
  factory: WorkerFactory = createNodeWorker,
  laneBytes?: number,
  allowances?: Partial<WorkerAllowances>,
  replayHere = false,
): Promise<WorkerCluster> {
  const host = new WorkerHost(factory, allowances, laneBytes);
  if (replayHere) host.replayHere();
  const sim = new AsyncSimulation(options, host);
  await sim.settle();
  return { sim, host };
}

export async function startInProcessCluster(options: SimOptionsInput): Promise<AsyncSimulation> {
  const sim = new AsyncSimulation(options, new InProcessAsyncHost());
  await sim.settle();
  return sim;
}
