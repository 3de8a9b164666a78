// "Try this" (UI layer): each idea of the seed notes as a short explanation and a button that
// sets it up through the store, so every idea is one or two clicks away.
import { useState } from 'react';
import { lineForError } from '../../store';
import { useLabStore, useT } from '../labContext';
import { LESSONS, LessonProblem, type Lesson } from './lessons';

export function LessonsPanel() {
  const t = useT();
  const store = useLabStore();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (id: string, go: Lesson['run']) => {
    setBusy(id);
    try {
      await go(store);
    } catch (e) {
      store.getState().showNotice('error', e instanceof LessonProblem ? e.line : lineForError(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="rl-lessons" aria-label={t('app.lessons.title')}>
      <p className="rl-hint">{t('app.lessons.intro')}</p>
      <ol className="rl-lesson-list">
        {LESSONS.map((lesson) => (
          <li key={lesson.id} className="rl-lesson">
            <h3>{t(`app.lesson.${lesson.id}.title`)}</h3>
            <p>{t(`app.lesson.${lesson.id}.text`)}</p>
            <div className="rl-lesson-buttons">
              <button
                type="button"
                className="rl-button rl-button-primary"
                disabled={busy !== null}
                onClick={() => void run(lesson.id, lesson.run)}
              >
                {t(`app.lesson.${lesson.id}.button`)}
              </button>
              {lesson.variants?.map((v) => (
                <button
                  key={v.id}
                  type="button"
                  className="rl-button"
                  disabled={busy !== null}
                  onClick={() => void run(v.id, v.run)}
                >
                  {t(`app.lesson.${lesson.id}.${v.id}`)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
