// Lessons 19–21 (course layer): what a Raft-backed store promises its clients — linearizable
// reads, log compaction and client sessions (Raft thesis ch. 5 and 6).
import type { Lesson } from '../types';
import { duplicateWrite } from './duplicateWrite';
import { snapshotRepair } from './snapshotRepair';
import { staleRead } from './staleRead';

export const PART_FOUR: readonly Lesson[] = [staleRead, snapshotRepair, duplicateWrite];
