// The in-process host behind the asynchronous interface: same contract as the worker host, no
// threads. The page uses it to compare against workers, tests use it without a browser.
import type { NodeId } from '../raft';
import type { AsyncNodeHost, BootRequest, HostFault, InputResult, NodeBatch } from '../sim';
import { InProcessHost } from '../sim';

export class InProcessAsyncHost implements AsyncNodeHost {
  private readonly host = new InProcessHost();

  async boot(request: BootRequest): Promise<HostFault | null> {
    this.host.boot(request);
    return null;
  }

  async stepAll(batches: readonly NodeBatch[]): Promise<(InputResult[] | HostFault)[]> {
    return batches.map((b) => this.host.step(b));
  }

  crash(id: NodeId): void {
    this.host.crash(id);
  }
}
