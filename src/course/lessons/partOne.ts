// Lessons 2–7 (course layer): elections and log replication.
import type { Lesson } from '../types';
import { election } from './election';
import { heartbeats } from './heartbeats';
import { leaderCrash } from './leaderCrash';
import { repair } from './repair';
import { replication } from './replication';
import { splitVote } from './splitVote';

export const PART_ONE: readonly Lesson[] = [
  election,
  splitVote,
  leaderCrash,
  replication,
  heartbeats,
  repair,
];
