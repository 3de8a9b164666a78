// Lessons 8–14 (course layer): safety, partitions, sizes and the rules that make Raft correct.
import type { Lesson } from '../types';
import { partitionMajority } from './partitionMajority';
import { partitionMinority } from './partitionMinority';
import { restriction } from './restriction';

export const PART_TWO: readonly Lesson[] = [restriction, partitionMajority, partitionMinority];
