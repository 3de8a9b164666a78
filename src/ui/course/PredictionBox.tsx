// A step's question (UI layer): asked before the world moves on; the student picks, the step
// plays, and the reveal names the answer that happened — read off the simulation, not assumed.
import { useEffect, useRef } from 'react';
import type { Prediction, Words } from '../../course';
import type { LessonState } from '../../store';
import { useIntents, useT } from '../labContext';

export function PredictionBox({
  lesson,
  prediction,
  say,
}: {
  lesson: LessonState;
  prediction: Prediction;
  say(words: Words): string;
}) {
  const t = useT();
  const lab = useIntents();
  const asking = lesson.phase === 'ask';
  const revealed = lesson.phase === 'done' && lesson.happened !== null;
  // Once answered, the reveal scrolls into view in the player: on a small screen it sits below
  // the narration and the answers, and a student alone would miss it. (The question itself is
  // not scrolled to: the narration above it comes first.)
  const reveal = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (revealed) reveal.current?.scrollIntoView?.({ block: 'nearest' });
  }, [revealed]);
  const textOf = (id: string | null) => {
    const a = prediction.answers.find((x) => x.id === id);
    return a ? say(a.text) : '';
  };
  return (
    <div className="rl-predict" role="group" aria-label={t('course.predict')}>
      <p className="rl-predict-kicker">{t('course.predict')}</p>
      <p className="rl-predict-question">{say(prediction.question)}</p>
      <div className="rl-predict-answers">
        {prediction.answers.map((a) => {
          const picked = lesson.answer === a.id;
          const happened = revealed && lesson.happened === a.id;
          return (
            <button
              key={a.id}
              type="button"
              className="rl-answer"
              aria-pressed={picked}
              data-happened={happened ? '' : undefined}
              disabled={!asking}
              onClick={() => lab.answerPrediction(a.id)}
            >
              {say(a.text)}
            </button>
          );
        })}
      </div>
      {asking && <p className="rl-hint">{t('course.askHow')}</p>}
      {lesson.answer !== null && !revealed && (
        <p className="rl-predict-said">
          {t('course.yourAnswer', { answer: textOf(lesson.answer) })}
        </p>
      )}
      {revealed && (
        <div className="rl-reveal" role="status" ref={reveal}>
          <p>
            <strong>
              {lesson.answer === lesson.happened ? t('course.right') : t('course.wrong')}
            </strong>{' '}
            {t('course.happened', { answer: textOf(lesson.happened) })}
          </p>
          <p>{say(prediction.why)}</p>
        </div>
      )}
    </div>
  );
}
