// The course page (UI layer): every lesson in order with what it teaches, its length and how far
// the student got; one button opens it at the start or where they left off.
import { LESSONS } from '../../course';
import { useIntents, useLab, useT } from '../labContext';

export function CoursePanel() {
  const t = useT();
  const language = useLab((s) => s.language);
  const progress = useLab((s) => s.progress);
  const open = useLab((s) => s.lesson?.id ?? null);
  const lab = useIntents();
  return (
    <section className="rl-course" aria-label={t('course.title')}>
      <p className="rl-hint">{t('course.intro', { count: LESSONS.length })}</p>
      <ol className="rl-course-list">
        {LESSONS.map((lesson, i) => {
          const p = progress[lesson.id];
          const count = lesson.steps.length;
          const status = !p
            ? t('course.notStarted')
            : p.done
              ? t('course.done')
              : t('course.reached', { step: p.reached + 1, count });
          const label = !p
            ? t('course.start')
            : p.done
              ? t('course.again')
              : t('course.continue', { step: p.reached + 1 });
          const title = lesson.title[language];
          return (
            <li
              key={lesson.id}
              className={open === lesson.id ? 'rl-course-item rl-course-open' : 'rl-course-item'}
              data-done={p?.done ? '' : undefined}
            >
              <h3>
                <span className="rl-course-n">{t('course.lessonNumber', { n: i + 1 })}</span>{' '}
                {title}
              </h3>
              <p>{lesson.teaches[language]}</p>
              <p className="rl-course-meta">
                {t('course.steps', { count })} · {status}
              </p>
              <button
                type="button"
                className="rl-button rl-button-primary"
                aria-label={`${label}: ${title}`}
                onClick={() => void lab.openLesson(lesson.id, p && !p.done ? p.reached : 0)}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
