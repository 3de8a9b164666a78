// Which lesson step the link opens (store layer): ?lesson=restriction&step=4 opens the fourth
// step of that lesson in that step's state. Steps count from 1 in links. A link that names no
// lesson of the course, or a step it does not have, is reported and changes nothing more: an
// unknown lesson opens the free lab, a bad step opens the lesson's first step.
import { lessonById } from '../course';
import type { LinkProblem } from './settings';

export const LESSON_PARAMS = ['lesson', 'step'] as const;

export interface LessonLink {
  readonly id: string;
  /** 0-based. */
  readonly step: number;
}

/** Reads `lesson` and `step`; null when the link names no lesson (or a bad one). */
export function parseLessonQuery(search: string): {
  link: LessonLink | null;
  problems: LinkProblem[];
} {
  const params = new URLSearchParams(search);
  const problems: LinkProblem[] = [];
  const one = (param: (typeof LESSON_PARAMS)[number]): string | null => {
    const all = params.getAll(param);
    if (all.length > 1) problems.push({ code: 'repeated', param, value: all.join(', ') });
    return all.length === 1 ? all[0]! : null;
  };
  const id = one('lesson');
  const stepText = one('step');
  const lesson = id === null ? null : lessonById(id.trim());
  if (id !== null && !lesson) problems.push({ code: 'badValue', param: 'lesson', value: id });
  if (!lesson) {
    if (stepText !== null && id === null) {
      problems.push({ code: 'conflict', param: 'step', value: stepText });
    }
    return { link: null, problems };
  }
  let step = 0;
  if (stepText !== null) {
    const n = /^\d{1,3}$/.test(stepText.trim()) ? Number(stepText.trim()) : NaN;
    if (n >= 1 && n <= lesson.steps.length) step = n - 1;
    else problems.push({ code: 'badValue', param: 'step', value: stepText });
  }
  return { link: { id: lesson.id, step }, problems };
}

/** The lesson part of a link: lesson=id&step=n (1-based). */
export function lessonToQuery(link: LessonLink): string {
  return `lesson=${encodeURIComponent(link.id)}&step=${link.step + 1}`;
}
