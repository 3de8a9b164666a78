// The Logs tab (UI layer): what the strip under the cluster cannot fit. First each server's
// indexes as numbers (commitIndex, lastApplied and, as the leader sees them, nextIndex and
// matchIndex); then every entry by index, newest first, with its whole command and the servers
// that hold it. Two servers with different terms at one index get two rows, marked as a
// conflict, so log repair (§5.3) reads as "which copy wins".
import type { Frame, NodeFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import { describeCommand } from '../../sim';
import { inkOn, termColor } from '../../layout/termColor';

/** Newest indexes listed; older ones are counted below the table. */
const MAX_INDEXES = 40;

interface Props {
  frame: Frame;
  t: Translate;
  onSelect(sel: Selection): void;
}

export function LogEntries({ frame, t, onSelect }: Props) {
  const leader =
    frame.nodes.find((n) => n.alive && n.role === 'leader' && n.id === frame.leader) ?? null;
  return (
    <div className="rl-log-entries">
      <Progress nodes={frame.nodes} leader={leader} t={t} onSelect={onSelect} />
      <Entries nodes={frame.nodes} t={t} />
    </div>
  );
}

function Progress({
  nodes,
  leader,
  t,
  onSelect,
}: {
  nodes: readonly NodeFrame[];
  leader: NodeFrame | null;
  t: Translate;
  onSelect(sel: Selection): void;
}) {
  const progress = new Map((leader?.progress ?? []).map((p) => [p.id, p]));
  return (
    <table className="rl-progress">
      <caption>
        {t('app.logs.progress')}
        <span className="rl-entry-state">{t('app.logs.progressNote')}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('visual.log.node')}</th>
          <th scope="col">{t('app.logs.length')}</th>
          {/* Paper words, allowed to break before "Index"/"Applied" in a narrow panel. */}
          <th scope="col">
            commit
            <wbr />
            Index
          </th>
          <th scope="col">
            last
            <wbr />
            Applied
          </th>
          <th scope="col">
            next
            <wbr />
            Index
          </th>
          <th scope="col">
            match
            <wbr />
            Index
          </th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => {
          const p = leader && n.id !== leader.id ? progress.get(n.id) : undefined;
          return (
            <tr key={n.id} className={n.alive ? undefined : 'rl-log-crashed'}>
              <th scope="row">
                <button
                  type="button"
                  className="rl-log-name"
                  onClick={() => onSelect({ kind: 'node', id: n.id })}
                >
                  <span
                    className={`rl-log-dot ${n.alive ? `rl-role-${n.role}` : 'rl-crashed'}`}
                    aria-hidden="true"
                  />
                  S{n.id}
                </button>
              </th>
              <td>{n.log.length}</td>
              <td>{n.commitIndex}</td>
              <td>{n.lastApplied}</td>
              <td>{p ? p.nextIndex : '—'}</td>
              <td>{p ? p.matchIndex : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface Variant {
  index: number;
  term: number;
  command: string;
  holders: number[];
  committed: boolean;
  conflict: boolean;
}

/**
 * One row per distinct (index, term) across the logs, newest index first. Same index and term
 * means the same entry and the same log before it (§5.3, Log Matching), so a copy is committed
 * when any server holding it has committed that far.
 */
function variantsOf(nodes: readonly NodeFrame[]): { rows: Variant[]; older: number } {
  const longest = Math.max(0, ...nodes.map((n) => n.log.length));
  const first = Math.max(1, longest - MAX_INDEXES + 1);
  const rows: Variant[] = [];
  for (let i = longest; i >= first; i--) {
    const byTerm = new Map<number, Variant>();
    for (const n of nodes) {
      const entry = i <= n.log.length ? n.log.entries[i - 1] : undefined;
      if (!entry) continue;
      const v = byTerm.get(entry.term) ?? {
        index: i,
        term: entry.term,
        command: describeCommand(entry.command),
        holders: [],
        committed: false,
        conflict: false,
      };
      v.holders.push(n.id);
      if (n.commitIndex >= i) v.committed = true;
      byTerm.set(entry.term, v);
    }
    const here = [...byTerm.values()].sort((a, b) => b.term - a.term);
    for (const v of here) rows.push({ ...v, conflict: here.length > 1 });
  }
  return { rows, older: first - 1 };
}

function Entries({ nodes, t }: { nodes: readonly NodeFrame[]; t: Translate }) {
  const { rows, older } = variantsOf(nodes);
  if (rows.length === 0) return <p className="rl-empty">{t('visual.log.empty')}</p>;
  return (
    <>
      <table className="rl-entries">
        <caption>{t('app.logs.entries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('app.logs.index')}</th>
            <th scope="col">{t('app.logs.term')}</th>
            <th scope="col">{t('app.logs.command')}</th>
            <th scope="col">{t('app.logs.holders')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            const color = termColor(v.term);
            return (
              <tr
                key={`${v.index}-${v.term}`}
                className={v.conflict ? 'rl-entry rl-entry-conflict' : 'rl-entry'}
              >
                <th scope="row">{v.index}</th>
                <td>
                  <span
                    className={v.committed ? 'rl-entry-term' : 'rl-entry-term rl-entry-open'}
                    style={
                      v.committed
                        ? { background: color, color: inkOn(color) }
                        : { borderColor: color, color }
                    }
                  >
                    {v.term}
                  </span>
                </td>
                <td>
                  <code>{v.command}</code>
                  <span className="rl-entry-state">
                    {t(v.committed ? 'visual.log.committed' : 'visual.log.uncommitted')}
                    {v.conflict ? ` · ${t('app.logs.conflict')}` : ''}
                  </span>
                </td>
                <td>
                  {v.holders.map((id) => `S${id}`).join(' ')}
                  <span className="rl-entry-state">
                    {t('app.logs.holdersCount', { k: v.holders.length, n: nodes.length })}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {older > 0 && <p className="rl-hint">{t('visual.log.hidden', { count: older })}</p>}
    </>
  );
}
