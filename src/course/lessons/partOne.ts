// Lessons 2–7 (course layer): elections and log replication.
import type { Lesson } from '../types';

export const PART_ONE: readonly Lesson[] = [];
