// The Logs tab (UI layer): what the strip under the cluster cannot fit. First each server's
// indexes as numbers (commitIndex, lastApplied and, as the leader sees them, nextIndex and
// matchIndex); then every entry by index, newest first, with its whole command and the servers
// that hold it. Two servers with different terms at one index get two rows, marked as a
// conflict, so log repair (§5.3) reads as "which copy wins". The rows are the simulator's
// logVariants; this only draws them. A snapshot (§5) is a row of its own below the entries it
// replaced, naming the servers that hold it, and each server's snapshot has a column above.
import type { Frame, NodeFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import { lastIndexOf, logVariants } from '../../store';
import { commandText } from '../panels/messageText';
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
    frame.nodes.find((n) => n.alive && n.role === 'leader' && n.id === frame.facts.leader) ?? null;
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
          <th scope="col">{t('snap.logs.column')}</th>
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
              <td>{lastIndexOf(n.log)}</td>
              <td>
                {n.snapshot
                  ? t('snap.logs.cell', {
                      index: n.snapshot.lastIncludedIndex,
                      term: n.snapshot.lastIncludedTerm,
                    })
                  : '—'}
              </td>
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

function Entries({ nodes, t }: { nodes: readonly NodeFrame[]; t: Translate }) {
  // The simulator's side-by-side view; a frame's log view is cut to its own length first.
  const { rows, older } = logVariants(
    nodes.map((n) => ({
      id: n.id,
      commitIndex: n.commitIndex,
      logBase: n.log.base,
      log: n.log.entries.slice(0, n.log.length),
    })),
    MAX_INDEXES,
  );
  const snapshots = snapshotRows(nodes);
  if (rows.length === 0 && snapshots.length === 0)
    return <p className="rl-empty">{t('visual.log.empty')}</p>;
  // Newest first: a snapshot up to i goes below the entries after i, above those at i and before.
  const below = (i: number) => snapshots.filter((s) => s.index === i - 1);
  const first = snapshots.filter((s) => s.index >= (rows[0]?.index ?? 0));
  const rest = snapshots.filter(
    (s) => !first.includes(s) && !rows.some((r) => r.index - 1 === s.index),
  );
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
          {first.map((s) => (
            <SnapshotRow key={`snap-${s.index}-${s.term}`} row={s} n={nodes.length} t={t} />
          ))}
          {rows.map((v, k) => {
            const color = termColor(v.term);
            const last = rows[k + 1]?.index !== v.index;
            return [
              <tr
                key={`${v.index}-${v.term}`}
                className={[
                  'rl-entry',
                  v.conflict ? 'rl-entry-conflict' : '',
                  v.command.kind === 'config' ? 'rl-entry-config' : '',
                ].join(' ')}
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
                  <code>{commandText(v.command, t)}</code>
                  <span className="rl-entry-state">
                    {t(v.committed ? 'visual.log.committed' : 'visual.log.uncommitted')}
                    {v.command.kind === 'config' ? ` · ${t('member.log.config')}` : ''}
                    {v.conflict ? ` · ${t('app.logs.conflict')}` : ''}
                  </span>
                </td>
                <td>
                  {v.holders.map((id) => `S${id}`).join(' ')}
                  <span className="rl-entry-state">
                    {t('app.logs.holdersCount', { k: v.holders.length, n: nodes.length })}
                  </span>
                </td>
              </tr>,
              ...(last
                ? below(v.index).map((s) => (
                    <SnapshotRow key={`snap-${s.index}-${s.term}`} row={s} n={nodes.length} t={t} />
                  ))
                : []),
            ];
          })}
          {rest.map((s) => (
            <SnapshotRow key={`snap-${s.index}-${s.term}`} row={s} n={nodes.length} t={t} />
          ))}
        </tbody>
      </table>
      {older > 0 && <p className="rl-hint">{t('visual.log.hidden', { count: older })}</p>}
    </>
  );
}

interface SnapshotRowData {
  readonly index: number;
  readonly term: number;
  readonly holders: readonly number[];
}

/** One row per distinct snapshot (last index and term), with the servers that hold it. */
function snapshotRows(nodes: readonly NodeFrame[]): SnapshotRowData[] {
  const byKey = new Map<string, { index: number; term: number; holders: number[] }>();
  for (const n of nodes) {
    if (!n.snapshot) continue;
    const { lastIncludedIndex: index, lastIncludedTerm: term } = n.snapshot;
    const row = byKey.get(`${index}@${term}`) ?? { index, term, holders: [] };
    row.holders.push(n.id);
    byKey.set(`${index}@${term}`, row);
  }
  return [...byKey.values()].sort((a, b) => b.index - a.index);
}

function SnapshotRow({ row, n, t }: { row: SnapshotRowData; n: number; t: Translate }) {
  return (
    <tr className="rl-entry rl-entry-snapshot">
      <th scope="row">≤ {row.index}</th>
      <td>
        <span className="rl-entry-term rl-entry-snapterm">{row.term}</span>
      </td>
      <td>
        <span className="rl-entry-snapname">{t('snap.logs.row', { index: row.index })}</span>
        <span className="rl-entry-state">{t('snap.logs.rowNote')}</span>
      </td>
      <td>
        {row.holders.map((id) => `S${id}`).join(' ')}
        <span className="rl-entry-state">
          {t('app.logs.holdersCount', { k: row.holders.length, n })}
        </span>
      </td>
    </tr>
  );
}
