// Lessons 15–18 (course layer): changing the cluster itself — membership changes and leadership
// transfer (Raft thesis ch. 4, §3.10).
import type { Lesson } from '../types';
import { addServer } from './addServer';
import { oneChange } from './oneChange';
import { removeLeader } from './removeLeader';
import { transfer } from './transfer';

export const PART_THREE: readonly Lesson[] = [oneChange, addServer, removeLeader, transfer];
