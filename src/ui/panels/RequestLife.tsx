// One client request's life (UI layer): sent → (forwarded) → appended at i → stored on k of N →
// committed → applied → acknowledged; or replaced (another entry won its index); or failed with
// its reason, and then perhaps committed later anyway. A leadership transfer appends nothing: it
// is sent → (forwarded) → TimeoutNow sent. The stage is the simulator's; this only highlights
// the steps it has reached.
import type { RequestFrame, RequestStage } from '../../store';
import { describeReason } from '../i18n/codes';
import type { Translate } from '../i18n/types';
import { commandText } from './messageText';

const ORDER: readonly RequestStage[] = ['sent', 'appended', 'committed', 'applied', 'acknowledged'];

interface Props {
  request: RequestFrame;
  /** Voters in use and their majority, from the frame's facts. */
  nodes: number;
  majority: number;
  /**
   * Whether every server on the ring is a voter. When some are not, the disks holding an entry
   * may include learners and removed servers, so "k of n voters" could not be told from the count.
   */
  allVote: boolean;
  t: Translate;
}

export function RequestLife({ request: r, nodes, majority, allVote, t }: Props) {
  const steps: Step[] = [{ key: 'sent', text: t('app.request.sent', { via: r.via }), done: true }];
  if (r.forwardedTo.length) {
    steps.push({
      key: 'forwarded',
      text: t('app.request.forwarded', { to: r.forwardedTo.map((id) => `S${id}`).join(' → ') }),
      done: true,
    });
  }
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
  } else {
    steps.push(...entrySteps(r, { nodes, majority, allVote }, t));
  }
  return (
    <li className={`rl-request rl-request-${r.stage}`}>
      <div className="rl-request-head">
        <strong>#{r.id}</strong> <code>{commandText(r.command, t)}</code>{' '}
        <span className="rl-request-stage">{t(`app.request.stage.${r.stage}`)}</span>
      </div>
      <ol className="rl-request-steps">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'rl-step-done' : 'rl-step-todo'}>
            {s.text}
          </li>
        ))}
      </ol>
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

type Step = { key: string; text: string; done: boolean };

/** The life of a request's entry: appended at i → stored on k of N → committed → applied → acknowledged. */
function entrySteps(
  r: RequestFrame,
  { nodes, majority, allVote }: Pick<Props, 'nodes' | 'majority' | 'allVote'>,
  t: Translate,
): Step[] {
  const reached = ORDER.indexOf(
    r.stage === 'forwarded' ? 'sent' : r.stage === 'replaced' ? 'appended' : r.stage,
  );
  const at = (stage: RequestStage) => reached >= ORDER.indexOf(stage);
  return [
    {
      key: 'appended',
      text:
        r.index === null
          ? t('app.request.notAppended')
          : t('app.request.appended', { index: r.index, term: r.term ?? 0 }),
      done: r.index !== null,
    },
    allVote
      ? {
          key: 'stored',
          text: t('app.request.stored', { k: r.storedOn, n: nodes }),
          done: r.storedOn >= majority,
        }
      : {
          key: 'stored',
          text: t('member.request.stored', { k: r.storedOn }),
          done: at('committed'),
        },
    { key: 'committed', text: t('app.request.committed'), done: at('committed') },
    { key: 'applied', text: t('app.request.applied'), done: at('applied') },
    { key: 'acknowledged', text: t('app.request.acknowledged'), done: at('acknowledged') },
  ];
}
