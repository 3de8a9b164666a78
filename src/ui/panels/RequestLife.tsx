// One client request's life (UI layer): sent → (forwarded) → appended at i → stored on k of N →
// committed → applied → acknowledged; or replaced (another entry won its index); or failed with
// its reason, and then perhaps committed later anyway. A read never touches the log: its path
// follows its mode (thesis §6.4), and a local read wears an "unsafe" tag and says that nothing
// was checked; under a lease, the clocks' drift is named. Each resend (§6.3), a write's session
// and the duplicates it filtered are noted below. A leadership transfer appends nothing: it is
// sent → (forwarded) → TimeoutNow sent. The stage is the simulator's; this only highlights the
// steps it has reached.
import type { RequestFrame } from '../../store';
import { describeReason } from '../i18n/codes';
import type { Translate } from '../i18n/types';
import { commandText } from './messageText';
import type { Step, Voters } from './requestSteps';
import { entrySteps, readSteps, routeSteps, sessionNotes } from './requestSteps';

interface Props extends Voters {
  request: RequestFrame;
  t: Translate;
}

function stepsOf(r: RequestFrame, voters: Voters, t: Translate): Step[] {
  const steps = routeSteps(r, t);
  const command = r.command;
  if (command.kind === 'transferLeadership') {
    const sent = r.stage === 'acknowledged';
    steps.push({
      key: 'transfer',
      text: t(sent ? 'member.request.transferSent' : 'member.request.transferWaiting', {
        to: command.to,
      }),
      done: sent,
    });
  } else if (command.kind === 'read') {
    steps.push(...readSteps(r, voters, t));
  } else {
    steps.push(...entrySteps(r, voters, t));
  }
  return steps;
}

export function RequestLife({ request: r, t, ...voters }: Props) {
  const steps = stepsOf(r, voters, t);
  const notes = sessionNotes(r, t);
  const mode = r.read?.mode;
  return (
    <li className={`rl-request rl-request-${r.stage}`} data-request={r.id}>
      <div className="rl-request-head">
        <strong>#{r.id}</strong> <code>{commandText(r.command, t)}</code>{' '}
        {mode === 'local' && <span className="rl-unsafe-tag">{t('read.life.unsafe')}</span>}{' '}
        <span className="rl-request-stage">{t(`app.request.stage.${r.stage}`)}</span>
      </div>
      <ol className="rl-request-steps">
        {steps.map((s) => (
          <li
            key={s.key}
            className={[s.done ? 'rl-step-done' : 'rl-step-todo', s.tone ? 'rl-step-unsafe' : '']
              .filter(Boolean)
              .join(' ')}
          >
            {s.text}
          </li>
        ))}
      </ol>
      {mode === 'lease' && <p className="rl-request-note">{t('read.life.drift')}</p>}
      {notes.map((n) => (
        <p key={n} className="rl-request-note">
          {n}
        </p>
      ))}
      {r.stage === 'replaced' && (
        <div className="rl-request-error">{t('app.request.replaced', { index: r.index ?? 0 })}</div>
      )}
      {r.stage === 'failed' && r.failure && (
        <div className="rl-request-error">
          {t('app.request.failed', { reason: describeReason(r.failure, t) })}
        </div>
      )}
      {r.committedAfterFailure && (
        <div className="rl-request-late">
          {t('app.request.lateCommit', { index: r.index ?? 0 })}
        </div>
      )}
    </li>
  );
}
