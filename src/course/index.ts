// Public face of the course layer: the lessons as data and the runner that plays them on a
// simulation. It imports the simulator only, so tests play lessons headless and the store
// plays them in the browser; the UI only draws them.
export type {
  Condition,
  Cue,
  FieldName,
  Focus,
  Lesson,
  LessonSettings,
  Membership,
  NodeRef,
  Prediction,
  ReadMode,
  Step,
  Task,
  Words,
} from './types';
export type { CourseSim, ShownFocus } from './runner';
export {
  DEFAULT_STEP_MS,
  LessonError,
  LessonRun,
  fillNames,
  lessonOptions,
  reachStep,
  settingsAt,
  stepBound,
  worldStart,
} from './runner';
export { holds } from './conditions';
export type { Scene, SimReads } from './conditions';
export { LESSONS, lessonById } from './catalog';
