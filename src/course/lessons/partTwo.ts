// Lessons 8–14 (course layer): safety, partitions, sizes and the rules that make Raft correct.
import type { Lesson } from '../types';
import { crashState } from './crashState';
import { disruptiveServer } from './disruptiveServer';
import { figure8 } from './figure8';
import { oddSizes } from './oddSizes';
import { partitionMajority } from './partitionMajority';
import { partitionMinority } from './partitionMinority';
import { restriction } from './restriction';

export const PART_TWO: readonly Lesson[] = [
  restriction,
  partitionMajority,
  partitionMinority,
  oddSizes,
  figure8,
  crashState,
  disruptiveServer,
];
