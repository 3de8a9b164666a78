// Lessons 2–7 (course layer): elections and log replication.
import type { Lesson } from '../types';
import { election } from './election';
import { splitVote } from './splitVote';

export const PART_ONE: readonly Lesson[] = [election, splitVote];
