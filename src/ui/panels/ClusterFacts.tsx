// The cluster facts line (UI layer): virtual time, the leader and its term, the majority and
// how many failures this size survives, with the one-sentence reason odd sizes are preferred.
import { useLab, useT } from '../labContext';
import { formatMs } from './format';

export function ClusterFacts() {
  const t = useT();
  const frame = useLab((s) => s.frame);
  const viewTime = useLab((s) => s.viewTime);
  if (!frame) return <div className="rl-facts" />;
  const n = frame.nodes.length;
  const next = n + 1;
  const nextTolerated = Math.floor((next - 1) / 2);
  return (
    <div className="rl-facts" aria-label={t('app.facts.label')} role="group">
      <span className="rl-fact">
        <span className="rl-fact-name">{t('app.facts.time')}</span>{' '}
        <output aria-label={t('app.facts.time')}>{formatMs(viewTime)}</output>
      </span>
      <span className="rl-fact" data-testid="leader-fact">
        {frame.leader === null
          ? t('app.facts.noLeader')
          : t('app.facts.leader', { id: frame.leader, term: frame.leaderTerm ?? 0 })}
      </span>
      <span className="rl-fact">{t('app.facts.majority', { majority: frame.majority, n })}</span>
      <span className="rl-fact">{t('app.facts.survives', { count: frame.tolerated })}</span>
      <span className="rl-fact-why">
        {n >= 9
          ? t('app.facts.whyMax', { n, majority: frame.majority, tolerated: frame.tolerated })
          : t(nextTolerated === frame.tolerated ? 'app.facts.whyEven' : 'app.facts.whyOdd', {
              n,
              majority: frame.majority,
              tolerated: frame.tolerated,
              next,
              nextMajority: Math.floor(next / 2) + 1,
              nextTolerated,
            })}
      </span>
    </div>
  );
}
