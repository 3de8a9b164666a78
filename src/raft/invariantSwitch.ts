// Whether `step` asserts the core's invariants after every input, and with what. The checks
// themselves live in invariants.ts, which installs them here when switched on: a production
// build that never switches them on never loads them (this module alone is what step imports).
import type { RaftNode } from './context';

type Assert = (node: RaftNode, inputKind: string) => void;

let installed: Assert | null = null;

/** The assertion `step` runs after every input, or null while checks are off. */
export function invariantAssertion(): Assert | null {
  return installed;
}

/** Installs the assertion (invariants.ts's setInvariantChecks is the way in), or removes it. */
export function installInvariantAssertion(assert: Assert | null): void {
  installed = assert;
}
