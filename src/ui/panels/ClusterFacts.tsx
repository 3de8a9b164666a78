// The cluster facts line (UI layer): virtual time, the leader the cluster follows (or the
// server that only thinks it leads), the majority of the voters in use and how many failures
// they survive — during a joint change the majority of each half instead — the learners, the
// message loss when there is any, and the one-sentence reason odd sizes are preferred. Every
// number comes from the simulator (the frame's facts, majority(), failuresTolerated()).
import type { ClusterFacts as Facts } from '../../sim';
import { MAX_NODES, failuresTolerated, lossPercentOf, majority } from '../../store';
import type { Translate } from '../i18n/types';
import { idSet, nameList } from '../membershipText';
import { useFrame, useIntents, useLab, useT } from '../labContext';
import { ClockText } from './ClockText';

export function ClusterFacts() {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
  const zh = useLab((s) => s.language === 'zh');
  if (!frame) return <div className="rl-facts" />;
  const f = frame.facts;
  const n = f.size;
  const next = n + 1;
  const nextTolerated = failuresTolerated(next);
  const why =
    n >= MAX_NODES
      ? t('app.facts.whyMax', { n, majority: f.majority, tolerated: f.tolerated })
      : t(nextTolerated === f.tolerated ? 'app.facts.whyEven' : 'app.facts.whyOdd', {
          n,
          majority: f.majority,
          tolerated: f.tolerated,
          next,
          nextMajority: majority(next),
          nextTolerated,
        });
  const lossPercent = lossPercentOf(frame);
  return (
    <div className="rl-facts" aria-label={t('app.facts.label')} role="group">
      <span className="rl-fact">
        <span className="rl-fact-name">{t('app.facts.time')}</span>{' '}
        <ClockText label={t('app.facts.time')} />
      </span>
      <span className="rl-fact" data-testid="leader-fact">
        {f.leader !== null
          ? t('app.facts.leader', { id: f.leader, term: f.leaderTerm ?? 0 })
          : f.highestTerm > 0
            ? t('shell.noLeaderTerm', { term: f.highestTerm })
            : t('app.facts.noLeader')}
      </span>
      {f.claimant !== null && (
        <span className="rl-fact rl-fact-claimant" data-testid="claimant-fact">
          {t('shell.claimant', { id: f.claimant, term: f.claimantTerm ?? 0 })}
        </span>
      )}
      <MajorityFacts facts={f} servers={frame.nodes.length} why={why} zh={zh} t={t} />
      {lossPercent > 0 && (
        <span className="rl-fact rl-fact-loss" data-testid="loss-fact">
          {t('shell.loss', { percent: lossPercent })}{' '}
          <button
            type="button"
            className="rl-button rl-button-small"
            onClick={() => void lab.setLossPercent(0)}
          >
            {t('shell.lossOff')}
          </button>
        </span>
      )}
      <span className="rl-fact-why">{why}</span>
    </div>
  );
}

/**
 * The majority of the voters in use and the failures they survive ("of 5", or "of 6 voters" once
 * some servers do not vote); during a joint change (§4.3) the majority of each half, since both
 * are needed; and the learners, named.
 */
function MajorityFacts(props: {
  facts: Facts;
  servers: number;
  why: string;
  zh: boolean;
  t: Translate;
}) {
  const { facts: f, servers, why, zh, t } = props;
  const n = f.size;
  const plain = servers === n && f.learners.length === 0;
  return (
    <>
      {f.joint ? (
        <span className="rl-fact rl-fact-joint" title={t('member.facts.jointTitle')}>
          {/* Two halves that each stay on one line: a narrow bar breaks between them. */}
          <span>
            {t('member.facts.jointOld', {
              oldMajority: f.joint.oldMajority,
              old: idSet(f.joint.old),
            })}
          </span>
          {/* A space between the halves in English; Chinese breaks after its comma. */}
          {zh ? <wbr /> : ' '}
          <span>
            {t('member.facts.jointNew', { majority: f.majority, new: idSet(f.joint.new) })}
          </span>
        </span>
      ) : (
        <span className="rl-fact" title={why}>
          {t(plain ? 'app.facts.majority' : 'member.facts.voters', { majority: f.majority, n })}
        </span>
      )}
      <span className="rl-fact">{t('app.facts.survives', { count: f.tolerated })}</span>
      {f.learners.length > 0 && (
        <span className="rl-fact rl-fact-learners">
          {t('member.facts.learners', { list: nameList(f.learners, t) })}
        </span>
      )}
    </>
  );
}
