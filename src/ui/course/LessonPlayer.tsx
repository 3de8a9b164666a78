// The lesson player (UI layer): the open lesson's step — its narration, what it waits for, its
// question or task — with Back, Next, a step list, Restart and "Explore from here". It sits in
// its own column beside the cluster (above it on narrow screens), so it never covers a server.
import type { Words } from '../../course';
import { LESSONS, fillNames, lessonById } from '../../course';
import type { LessonState } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import { PredictionBox } from './PredictionBox';
import { StepList } from './StepList';
import { TaskBox } from './TaskBox';
import { untilText } from './untilText';

/** `onOpenPanels` opens the side panels' drawer, where the inspector lives during a lesson. */
export function LessonPlayer({ onOpenPanels }: { onOpenPanels(): void }) {
  const t = useT();
  const lesson = useLab((s) => s.lesson);
  const language = useLab((s) => s.language);
  const lab = useIntents();
  if (!lesson) return null;
  const l = lessonById(lesson.id);
  const step = l?.steps[lesson.step];
  if (!l || !step) return null;
  const name = (ref: number | string) =>
    typeof ref === 'number' ? `S${ref}` : fillNames(`{${ref}}`, (n) => lesson.names[n] ?? null);
  const say = (w: Words) => fillNames(w[language], (n) => lesson.names[n] ?? null);
  const last = lesson.step === l.steps.length - 1;
  const busy = lesson.phase === 'building';
  const index = LESSONS.findIndex((x) => x.id === lesson.id);
  return (
    <section className="rl-player" aria-label={t('course.player')} data-phase={lesson.phase}>
      <header className="rl-player-head">
        <h2>
          <span className="rl-course-n">{t('course.lessonNumber', { n: index + 1 })}</span>{' '}
          {l.title[language]}
        </h2>
        <p className="rl-player-count" aria-live="polite">
          {t('course.stepOf', { step: lesson.step + 1, count: l.steps.length })}
        </p>
      </header>
      <StepList count={l.steps.length} current={lesson.step} disabled={busy} />
      {/* The step's own content scrolls; the header and the buttons stay in view. */}
      <div className="rl-player-body">
        <p className="rl-narration" lang={language === 'zh' ? 'zh-CN' : 'en'}>
          {say(step.text)}
        </p>
        <LookAt lesson={lesson} onOpenPanels={onOpenPanels} />
        {step.predict && <PredictionBox lesson={lesson} prediction={step.predict} say={say} />}
        {step.task && (
          <TaskBox key={`${lesson.id}:${lesson.step}`} lesson={lesson} task={step.task} say={say} />
        )}
        <PhaseLine
          lesson={lesson}
          last={last}
          until={untilText(step.task?.done ?? step.until, t, name)}
        />
      </div>
      <nav className="rl-player-nav" aria-label={t('course.player')} title={t('course.remote')}>
        <button
          type="button"
          className="rl-button"
          disabled={busy || lesson.step === 0}
          onClick={() => void lab.previousStep()}
        >
          {t('course.back')}
        </button>
        <button
          type="button"
          className="rl-button rl-button-primary"
          disabled={busy || last}
          onClick={() => void lab.nextStep()}
        >
          {t('course.next')}
        </button>
        <button
          type="button"
          className="rl-button"
          disabled={busy}
          onClick={() => void lab.restartLesson()}
        >
          {t('course.restart')}
        </button>
        <button
          type="button"
          className="rl-button"
          title={t('course.exploreTitle')}
          disabled={busy}
          onClick={() => lab.exploreFromHere()}
        >
          {t('course.explore')}
        </button>
      </nav>
    </section>
  );
}

/** What is happening in the step now, in one line. */
function PhaseLine({ lesson, last, until }: { lesson: LessonState; last: boolean; until: string }) {
  const t = useT();
  const playing = useLab((s) => s.playing);
  let text: string | null = null;
  if (lesson.phase === 'building') text = t('course.building');
  else if (lesson.phase === 'playing')
    text = playing ? t('course.playing', { until }) : t('course.paused');
  else if (lesson.phase === 'done') text = last ? t('course.lastFinished') : t('course.finished');
  else if (lesson.phase === 'solved') text = last ? t('course.lastSolved') : t('course.solved');
  if (text === null) return null;
  return (
    <p className="rl-player-phase" role="status">
      {text}
    </p>
  );
}

/** The inspector fields the step points at, with a button per server that opens its fields. */
function LookAt({ lesson, onOpenPanels }: { lesson: LessonState; onOpenPanels(): void }) {
  const t = useT();
  const lab = useIntents();
  const fields = lesson.focus.filter((f) => f.kind === 'field');
  if (fields.length === 0) return null;
  // A field of no server in particular opens on the leader's (or the first server's).
  const fallback = lesson.names.leader ?? 1;
  const open = (node: number) => {
    lab.selectItem({ kind: 'node', id: node });
    lab.showPanel('inspect');
    onOpenPanels();
  };
  const nodes = [...new Set(fields.map((f) => f.node ?? fallback))];
  return (
    <div className="rl-look">
      <span>
        {t('course.lookAt')}{' '}
        {fields.map((f, i) => (
          <span key={`${f.field}@${f.node}`}>
            {i > 0 && ', '}
            <code>{f.field}</code>
            {f.node !== null && ` (S${f.node})`}
          </span>
        ))}
      </span>
      {nodes.map((node) => (
        <button
          key={node}
          type="button"
          className="rl-button rl-button-small"
          onClick={() => open(node)}
        >
          {t('course.inspect', { node: `S${node}` })}
        </button>
      ))}
    </div>
  );
}
