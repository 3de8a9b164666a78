// The consistency script the worker parity suites replay: log compaction (on its own every few
// entries and by hand), a restart from a snapshot that then needs InstallSnapshot, reads in all
// three modes through leader and followers, appends and writes under some loss with client
// retries (thesis ch. 5–6). Every step is valid whatever the core did before it: compactions go
// to servers that are up, and reads and writes name no leader.
import type { ScriptStep, SimOptionsInput } from '../../../src/sim';
import { writeLoad } from '../../../src/sim';

/** The options the script is made for: compaction every 7 entries, retries after 120 ms. */
export const CONSISTENCY_OPTIONS: SimOptionsInput = {
  nodes: 5,
  snapshotEvery: 7,
  clientRetryMs: 120,
  checkQuorum: true,
  dropRate: 0.05,
};

const MODES = ['readIndex', 'lease', 'local'] as const;

/**
 * Five servers, 4.5 virtual seconds: writes every 60 ms and appends every 90 ms from 300 ms on;
 * S2 down from 1200 to 2400 ms (it comes back to a leader that compacted past it); S4 and S5
 * apart from 2800 to 3300 ms; each server compacts by hand once while it is up; a read every
 * 110 ms, cycling through the modes and through S1…S5.
 */
export function consistencyScript(): ScriptStep[] {
  const steps: ScriptStep[] = [...writeLoad(300, 4000, 60)];
  for (let at = 345, i = 1; at < 4000; at += 90, i++) {
    steps.push({ at, do: 'append', key: `a${i % 3}`, value: `${i};` });
  }
  for (let at = 410, i = 0; at < 4200; at += 110, i++) {
    steps.push({ at, do: 'read', key: `k${i % 16}`, mode: MODES[i % 3]!, via: 1 + (i % 5) });
  }
  steps.push(
    { at: 1000, do: 'compact', node: 1 },
    { at: 1200, do: 'crash', node: 2 },
    { at: 1500, do: 'compact', node: 3 },
    { at: 2000, do: 'compact', node: 4 },
    { at: 2400, do: 'restart', node: 2 },
    { at: 2600, do: 'compact', node: 2 },
    {
      at: 2800,
      do: 'partition',
      groups: [
        [1, 2, 3],
        [4, 5],
      ],
    },
    { at: 3000, do: 'compact', node: 5 },
    { at: 3300, do: 'heal' },
  );
  return steps;
}
