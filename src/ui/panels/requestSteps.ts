// The steps of one client request's life, as words (UI layer): a write's entry (appended at i →
// stored on k of N → committed → applied → acknowledged), a read's path by its mode (thesis §6.4:
// read index noted → leadership confirmed by k of n → applied → answered; or a lease valid until
// t; or local, nothing checked), and what the client and its session add (§6.3: each resend and
// to whom, the duplicates filtered).
// The stages and facts are the simulator's (RequestView); this only picks the words.
import type { RequestFrame, RequestStage } from '../../store';
import type { Translate } from '../i18n/types';
import { valueText } from './messageText';

export interface Step {
  readonly key: string;
  readonly text: string;
  readonly done: boolean;
  /** `unsafe`: a local read's answer, which nothing checked. */
  readonly tone?: 'unsafe';
}

/** Voters in use and their majority, and whether every server on the ring is one of them. */
export interface Voters {
  readonly nodes: number;
  readonly majority: number;
  readonly allVote: boolean;
}

const ORDER: readonly RequestStage[] = ['sent', 'appended', 'committed', 'applied', 'acknowledged'];

/** sent to S{via} → forwarded, both done. */
export function routeSteps(r: RequestFrame, t: Translate): Step[] {
  const steps: Step[] = [{ key: 'sent', text: t('app.request.sent', { via: r.via }), done: true }];
  if (r.forwardedTo.length) {
    steps.push({
      key: 'forwarded',
      text: t('app.request.forwarded', { to: r.forwardedTo.map((id) => `S${id}`).join(' → ') }),
      done: true,
    });
  }
  return steps;
}

/** A write's entry: appended at i → stored on k of N → committed → applied → acknowledged. */
export function entrySteps(r: RequestFrame, { nodes, majority, allVote }: Voters, t: Translate) {
  const reached = ORDER.indexOf(
    r.stage === 'forwarded' ? 'sent' : r.stage === 'replaced' ? 'appended' : r.stage,
  );
  const at = (stage: RequestStage) => reached >= ORDER.indexOf(stage);
  const steps: Step[] = [
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
  return steps;
}

/** The server a local read asked: the last one the client sent it to (it is never forwarded). */
const askedLast = (r: RequestFrame) => r.retries.at(-1)?.to ?? r.via;

/**
 * A read's path by its mode. ReadIndex: read index noted (i) → leadership confirmed by k of n
 * → applied → answered v. Lease: lease valid until t → answered v. Local: answered from S3's
 * own state machine — nothing checked → answered v.
 */
export function readSteps(r: RequestFrame, { nodes }: Pick<Voters, 'nodes'>, t: Translate) {
  const read = r.read;
  if (read === null) return [];
  const answered = r.stage === 'acknowledged';
  const answer: Step = {
    key: 'answered',
    text: answered
      ? t('read.life.answered', { value: valueText(read.value, t) })
      : t('read.life.notAnswered'),
    done: answered,
  };
  if (read.mode === 'local') {
    const node = `S${askedLast(r)}`;
    return [
      {
        key: 'local',
        text: t('read.life.local', { node }),
        done: answered,
        tone: 'unsafe' as const,
      },
      answer,
    ];
  }
  const noted = read.index >= 0;
  const steps: Step[] = [
    {
      key: 'noted',
      text: noted ? t('read.life.noted', { index: read.index }) : t('read.life.notNoted'),
      done: noted,
    },
  ];
  if (read.mode === 'lease') {
    const held = read.leaseUntil >= 0;
    steps.push({
      key: 'lease',
      text: held ? t('read.life.lease', { until: read.leaseUntil }) : t('read.life.noLease'),
      done: held,
    });
  } else {
    const by = read.confirmedBy;
    steps.push(
      {
        key: 'confirmed',
        text: by
          ? t('read.life.confirmed', { k: by.length, n: nodes })
          : t('read.life.notConfirmed'),
        done: by !== null,
      },
      {
        key: 'applied',
        text: t(answered ? 'read.life.applied' : 'read.life.notApplied'),
        done: answered,
      },
    );
  }
  return [...steps, answer];
}

/**
 * What the client and its session did (§6.3): each resend and to whom, the session's id, the
 * copies it filtered, a saved reply. Notes, not steps of the path: the forwards are not timed,
 * so a resend cannot be placed among them.
 */
export function sessionNotes(r: RequestFrame, t: Translate): string[] {
  const notes: string[] = r.retries.map((retry) => t('read.life.retry', retry));
  if (r.session) notes.push(t('read.life.session', { ...r.session }));
  if (r.duplicateAt.length > 0)
    notes.push(
      t('read.life.duplicates', {
        count: r.duplicateAt.length,
        indexes: r.duplicateAt.join(t('app.list.separator')),
      }),
    );
  if (r.answeredAsDuplicate) notes.push(t('read.life.savedReply'));
  return notes;
}
