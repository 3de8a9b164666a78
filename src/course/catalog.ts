// The course in order (course layer): every lesson by its id, which links use (?lesson=…).
import type { Lesson } from './types';
import { majority } from './lessons/majority';
import { PART_ONE } from './lessons/partOne';
import { PART_TWO } from './lessons/partTwo';
import { PART_THREE } from './lessons/partThree';
import { PART_FOUR } from './lessons/partFour';

export const LESSONS: readonly Lesson[] = [
  majority,
  ...PART_ONE,
  ...PART_TWO,
  ...PART_THREE,
  ...PART_FOUR,
];

/** The lesson with this id, or null; only the catalog's own ids count (never `toString`). */
export function lessonById(id: unknown): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
