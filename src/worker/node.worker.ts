// A module Web Worker hosting one Raft node. It holds the node's value and runs the pure core
// on each batch it is handed; it has no Raft logic of its own and decides nothing. Requests come
// by postMessage until the host opens a shared-memory lane; from then on the worker waits for
// them in the lane (sharedLane.ts) and goes back to its event loop only when told a request
// comes by postMessage after all (one too long for the lane).
import { setInvariantChecks } from '../raft';
import { NodeCell } from './nodeCell';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { PROTOCOL_VERSION, decode, encode } from './protocol';
import { WorkerLane } from './sharedLane';

const scope = self as unknown as {
  postMessage(message: string): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

// Development builds assert the core's invariants after every step; production skips the cost
// (and leaves the checks out of its bundle).
if (import.meta.env.DEV) setInvariantChecks(true);

const cell = new NodeCell();
/** Set by a 'throw' sabotage: the next step throws, as a buggy runtime would. */
let throwNext = false;
let lane: WorkerLane | null = null;

scope.onmessage = (event) => {
  const request = decode<WorkerRequest>(event.data);
  if (request.v === PROTOCOL_VERSION && request.kind === 'lane') {
    lane ??= new WorkerLane(request.lane);
    reply({ v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr });
  } else {
    reply(respond(request));
  }
  if (lane !== null) serve(lane);
};

/**
 * Answers the lane's requests until one says to read the next from postMessage. Whatever a
 * request throws leaves the loop as it would leave onmessage: the host hears of the error.
 */
function serve(from: WorkerLane): void {
  for (let text = from.next(); text !== null; text = from.next()) {
    const answer = encode(respond(decode<WorkerRequest>(text)));
    if (!from.answer(answer)) scope.postMessage(answer);
  }
}

function respond(request: WorkerRequest): WorkerResponse {
  if (request.v !== PROTOCOL_VERSION) {
    return {
      v: PROTOCOL_VERSION,
      kind: 'error',
      corr: request.corr,
      message: `protocol ${request.v} is not ${PROTOCOL_VERSION}`,
    };
  }
  switch (request.kind) {
    case 'boot': {
      const status = cell.boot(request.request);
      return { v: PROTOCOL_VERSION, kind: 'booted', corr: request.corr, status };
    }
    case 'step': {
      if (throwNext) throw new Error('sabotaged: this worker throws on purpose');
      const results = cell.step(request.batch.inputs);
      if (results === null) return notBooted(request.corr, 'stepped');
      return { v: PROTOCOL_VERSION, kind: 'stepped', corr: request.corr, results };
    }
    case 'replay': {
      const status = cell.replay(request.inputs);
      if (status === null) return notBooted(request.corr, 'replayed');
      return { v: PROTOCOL_VERSION, kind: 'replayed', corr: request.corr, status };
    }
    case 'ping':
    case 'lane':
      return { v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr };
    case 'inspect': {
      const node = cell.inspect();
      if (node === null) return notBooted(request.corr, 'inspected');
      return { v: PROTOCOL_VERSION, kind: 'inspected', corr: request.corr, node };
    }
    case 'sabotage':
      if (request.how === 'hang') {
        // Busy forever: only terminate() ends this thread.
        for (;;) {
          /* hang */
        }
      }
      throwNext = true;
      return { v: PROTOCOL_VERSION, kind: 'pong', corr: request.corr };
  }
}

/** The answer to a request that needs a node, before any node booted. */
function notBooted(corr: number, what: string): WorkerResponse {
  return { v: PROTOCOL_VERSION, kind: 'error', corr, message: `${what} before boot` };
}

function reply(message: WorkerResponse): void {
  scope.postMessage(encode(message));
}

reply({ v: PROTOCOL_VERSION, kind: 'ready' });
