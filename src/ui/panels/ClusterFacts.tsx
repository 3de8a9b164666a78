// The cluster facts line (UI layer): virtual time, the leader the cluster follows (or the
// server that only thinks it leads), the majority and how many failures this size survives,
// the message loss when there is any, and the one-sentence reason odd sizes are preferred.
// Every number comes from the simulator (the frame's facts, majority(), failuresTolerated()).
import { MAX_NODES, failuresTolerated, lossPercentOf, majority } from '../../store';
import { useFrame, useIntents, useT } from '../labContext';
import { ClockText } from './ClockText';

export function ClusterFacts() {
  const t = useT();
  const frame = useFrame();
  const lab = useIntents();
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
      <span className="rl-fact" title={why}>
        {t('app.facts.majority', { majority: f.majority, n })}
      </span>
      <span className="rl-fact">{t('app.facts.survives', { count: f.tolerated })}</span>
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
