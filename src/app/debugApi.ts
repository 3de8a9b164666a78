// A small handle on `window.raftLab` for browser tests and benchmarks: start clusters through
// real workers or in-process, replay scripts, read digests. The UI does not depend on it.
import type { ScriptStep, SimOptionsInput } from '../sim';
import { runScript, runtimeFaults, writeLoad } from '../sim';
import { createNodeWorker } from '../worker/createNodeWorker';
import type { WorkerAllowances } from '../worker/nodeWorker';
import type { WorkerLike } from '../worker/workerHost';
import type { WorkerCluster } from './runtime';
import { startInProcessCluster, startWorkerCluster } from './runtime';

export interface RaftLabDebug {
  /**
   * `brokenNodes` get a worker whose script does not exist, to show a load failure;
   * `laneBytes` sets each worker's shared-memory lane (0: postMessage only); `allowances`
   * how long a worker may take to start and to answer; `replayHere`: the nodes run in this
   * thread until `host.goLive()`, as a rebuild's do.
   */
  startWorkerCluster(
    options: SimOptionsInput,
    brokenNodes?: number[],
    laneBytes?: number,
    allowances?: Partial<WorkerAllowances>,
    replayHere?: boolean,
  ): Promise<WorkerCluster>;
  startInProcessCluster: typeof startInProcessCluster;
  runScript: typeof runScript;
  writeLoad: typeof writeLoad;
  /**
   * Runs `script` to `endMs` through workers; resolves the trace digest (rejects, naming them,
   * when a worker failed), then stops the workers.
   */
  digestThroughWorkers(
    options: SimOptionsInput,
    script: ScriptStep[],
    endMs: number,
  ): Promise<string>;
  digestInProcess(options: SimOptionsInput, script: ScriptStep[], endMs: number): Promise<string>;
  /** The benchmarks of `npm run bench:browser`, loaded on demand. */
  benchmarks(): Promise<typeof import('./benchmarks')>;
}

declare global {
  interface Window {
    raftLab?: RaftLabDebug;
  }
}

export function installDebugApi(): void {
  window.raftLab = {
    startWorkerCluster: (options, brokenNodes = [], laneBytes, allowances, replayHere) =>
      startWorkerCluster(
        options,
        (id) =>
          brokenNodes.includes(id)
            ? (new Worker('/no-such-worker.js', { type: 'module' }) as unknown as WorkerLike)
            : createNodeWorker(),
        laneBytes,
        allowances,
        replayHere,
      ),
    startInProcessCluster,
    runScript,
    writeLoad,
    async digestThroughWorkers(options, script, endMs) {
      const { sim, host } = await startWorkerCluster(options);
      try {
        await runScript(sim, script, endMs);
        // A worker that failed (or missed its allowance on a busy machine) makes another run:
        // say which and why rather than leave only a digest that differs.
        const faults = runtimeFaults(sim.trace());
        if (faults.length > 0) throw new Error(`a worker failed: ${faults.join('; ')}`);
        return sim.traceHash();
      } finally {
        host.dispose();
      }
    },
    async digestInProcess(options, script, endMs) {
      const sim = await startInProcessCluster(options);
      await runScript(sim, script, endMs);
      return sim.traceHash();
    },
    benchmarks: () => import('./benchmarks'),
  };
}
