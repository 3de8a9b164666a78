// A stand-in for node.worker.ts without a thread, for worker parity tests: the worker host talks
// to it over the real wire (every request and answer JSON-encoded by protocol.ts).
import { NodeCell } from '../../../src/worker/nodeCell';
import type { WorkerRequest, WorkerResponse } from '../../../src/worker/protocol';
import { PROTOCOL_VERSION, decode, encode } from '../../../src/worker/protocol';
import type { WorkerLike } from '../../../src/worker/workerHost';

/**
 * A stand-in for node.worker.ts without a thread: it answers in a later task, and it sees and
 * says only strings, so whatever JSON cannot carry (a Map, undefined in a list, Infinity) is lost
 * here as it would be in a browser. Like the real worker it holds its node and decides nothing.
 */
export class WireWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  private readonly cell = new NodeCell();
  private live = true;

  constructor() {
    this.reply({ v: PROTOCOL_VERSION, kind: 'ready' });
  }

  postMessage(message: string | WorkerRequest): void {
    const request = decode<WorkerRequest>(typeof message === 'string' ? message : encode(message));
    if (request.kind === 'boot') {
      const status = this.cell.boot(request.request);
      this.reply({ v: PROTOCOL_VERSION, kind: 'booted', corr: request.corr, status });
    } else if (request.kind === 'step') {
      const results = this.cell.step(request.batch.inputs)!;
      this.reply({ v: PROTOCOL_VERSION, kind: 'stepped', corr: request.corr, results });
    } else if (request.kind === 'inspect' && this.cell.inspect() !== null) {
      const node = this.cell.inspect()!;
      this.reply({ v: PROTOCOL_VERSION, kind: 'inspected', corr: request.corr, node });
    } else if (request.kind === 'replay') {
      const status = this.cell.replay(request.inputs)!;
      this.reply({ v: PROTOCOL_VERSION, kind: 'replayed', corr: request.corr, status });
    } else {
      this.reply({
        v: PROTOCOL_VERSION,
        kind: 'error',
        corr: request.corr,
        message: 'unused here',
      });
    }
  }

  terminate(): void {
    this.live = false;
  }

  private reply(response: WorkerResponse): void {
    const data = encode(response);
    setTimeout(() => {
      if (this.live) this.onmessage?.({ data } as MessageEvent<unknown>);
    }, 0);
  }
}
