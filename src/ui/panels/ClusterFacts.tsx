// The cluster facts line (UI layer): virtual time, the leader and its term, the majority and
// how many failures this size survives, with the one-sentence reason odd sizes are preferred.
// Every number comes from the simulator (the frame's facts, majority(), failuresTolerated()).
import { MAX_NODES, failuresTolerated, majority } from '../../store';
import { useFrame, useT } from '../labContext';
import { ClockText } from './ClockText';

export function ClusterFacts() {
  const t = useT();
  const frame = useFrame();
  if (!frame) return <div className="rl-facts" />;
  const f = frame.facts;
  const n = f.size;
  const next = n + 1;
  const nextTolerated = failuresTolerated(next);
  return (
    <div className="rl-facts" aria-label={t('app.facts.label')} role="group">
      <span className="rl-fact">
        <span className="rl-fact-name">{t('app.facts.time')}</span>{' '}
        <ClockText label={t('app.facts.time')} />
      </span>
      <span className="rl-fact" data-testid="leader-fact">
        {f.leader === null
          ? t('app.facts.noLeader')
          : t('app.facts.leader', { id: f.leader, term: f.leaderTerm ?? 0 })}
      </span>
      <span className="rl-fact">{t('app.facts.majority', { majority: f.majority, n })}</span>
      <span className="rl-fact">{t('app.facts.survives', { count: f.tolerated })}</span>
      <span className="rl-fact-why">
        {n >= MAX_NODES
          ? t('app.facts.whyMax', { n, majority: f.majority, tolerated: f.tolerated })
          : t(nextTolerated === f.tolerated ? 'app.facts.whyEven' : 'app.facts.whyOdd', {
              n,
              majority: f.majority,
              tolerated: f.tolerated,
              next,
              nextMajority: majority(next),
              nextTolerated,
            })}
      </span>
    </div>
  );
}
