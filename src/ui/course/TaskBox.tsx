// "Your turn" (UI layer): the goal, a hint offered after a while, and "Show me", which rebuilds
// the step and plays a known solution. The goal is detected live by the lesson slice.
import { useEffect, useState } from 'react';
import type { Task, Words } from '../../course';
import type { LessonState } from '../../store';
import { useIntents, useT } from '../labContext';

/** Real seconds before the hint is offered: long enough to try, short enough not to give up. */
const HINT_AFTER_MS = 20_000;

export function TaskBox({
  lesson,
  task,
  say,
}: {
  lesson: LessonState;
  task: Task;
  say(words: Words): string;
}) {
  const t = useT();
  const lab = useIntents();
  const [offered, setOffered] = useState(false);
  const [hint, setHint] = useState(false);
  // The player mounts one box per step (keyed), so the clock starts with each step.
  useEffect(() => {
    const timer = window.setTimeout(() => setOffered(true), HINT_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, []);
  const solved = lesson.phase === 'solved';
  return (
    <div
      className="rl-task"
      role="group"
      aria-label={t('course.task')}
      data-solved={solved ? '' : undefined}
    >
      <p className="rl-task-kicker">{t('course.task')}</p>
      <p className="rl-task-goal">{say(task.goal)}</p>
      {!solved && <p className="rl-hint">{t('course.taskHow')}</p>}
      {hint && <p className="rl-task-hint">{say(task.hint)}</p>}
      {lesson.shown && !solved && <p className="rl-hint">{t('course.showing')}</p>}
      {!solved && (
        <div className="rl-task-buttons">
          {offered && !hint && (
            <button type="button" className="rl-button" onClick={() => setHint(true)}>
              {t('course.hint')}
            </button>
          )}
          <button
            type="button"
            className="rl-button"
            disabled={lesson.phase === 'building' || lesson.shown}
            onClick={() => void lab.showSolution()}
          >
            {t('course.showMe')}
          </button>
        </div>
      )}
    </div>
  );
}
