// One side of a comparison (UI layer): a branch at the compared time — its leader, and each
// server's role, term, commit index and log, an entry marked where the other branch's log holds
// something else at that index (or nothing).
import type { BranchSide } from '../../store';
import { useT } from '../labContext';
import { commandText } from './messageText';

type Log = BranchSide['logs'][number];

/** The term the other branch's server holds at `index`, or null. */
const termAt = (log: Log | undefined, index: number): number | null =>
  log?.entries.find((e) => e.index === index)?.term ?? null;

export function BranchSideView({ side, other }: { side: BranchSide; other: BranchSide }) {
  const t = useT();
  const title = t('history.branch', { id: side.branch });
  return (
    <section className="rl-cmp-side" aria-label={title} data-branch={side.branch}>
      <h5>{title}</h5>
      <p className="rl-cmp-leader">
        {side.leader === null
          ? t('history.side.noLeader')
          : t('history.side.leader', { leader: side.leader, term: side.leaderTerm ?? 0 })}
      </p>
      <ul className="rl-cmp-servers">
        {side.logs.map((log) => {
          const theirs = other.logs.find((l) => l.id === log.id);
          return (
            <li key={log.id} className={log.alive ? undefined : 'rl-cmp-down'}>
              <span className="rl-cmp-server">
                {log.alive
                  ? t('history.side.server', {
                      id: log.id,
                      role: t(`visual.role.${log.role}`),
                      term: log.term,
                      commit: log.commitIndex,
                    })
                  : t('history.side.down', { id: log.id })}
              </span>
              <ol className="rl-cmp-log" aria-label={t('history.side.log', { id: log.id })}>
                {log.entries.length === 0 && <li>{t('history.side.empty')}</li>}
                {log.entries.map((e) => {
                  // Under the other's snapshot its term is not listed: not marked.
                  const hidden = theirs !== undefined && e.index <= theirs.logBase;
                  const differs = !hidden && termAt(theirs, e.index) !== e.term;
                  const text = t('history.side.entry', {
                    index: e.index,
                    term: e.term,
                    command: commandText(e.command, t),
                  });
                  return (
                    <li
                      key={e.index}
                      className={differs ? 'rl-cmp-entry rl-cmp-diff' : 'rl-cmp-entry'}
                      title={text}
                      aria-label={differs ? `${text} (${t('history.side.differs')})` : text}
                    >
                      {e.term}
                    </li>
                  );
                })}
              </ol>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
