// Creates the real module worker for one node; Vite bundles node.worker.ts as its own chunk.
import type { WorkerLike } from './workerHost';

export function createNodeWorker(): WorkerLike {
  return new Worker(new URL('./node.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}
