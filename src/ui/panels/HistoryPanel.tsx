// The History tab (UI layer): every branch of the run as a tree, each named by where it left its
// parent and what was done there, the one on screen marked, a button to switch to each; and two
// branches picked to compare. The store keeps the tree and rebuilds a branch; this only shows it.
import { useMemo, useState } from 'react';
import type { BranchInfo } from '../../store';
import { selectHeadSeq } from '../../store';
import { useIntents, useLab, useT } from '../labContext';
import type { BranchRow } from './branchText';
import { branchName, treeRows } from './branchText';
import { ComparisonView } from './ComparisonView';
import './history.css';

export function HistoryPanel() {
  const t = useT();
  const branches = useLab((s) => s.branches);
  const comparison = useLab((s) => s.comparison);
  const rows = useMemo(() => treeRows(branches), [branches]);
  return (
    <section className="rl-history" aria-labelledby="rl-history-title">
      <h3 id="rl-history-title">{t('history.title')}</h3>
      <p className="rl-hint">{t('history.intro')}</p>
      <ol className="rl-branch-list" aria-label={t('history.list')}>
        {rows.map((row) => (
          <BranchItem key={row.branch.id} row={row} />
        ))}
      </ol>
      {branches.length > 1 && <CompareForm rows={rows} />}
      {comparison && <ComparisonView comparison={comparison} />}
    </section>
  );
}

/** One branch: its name, its size and digest (live for the one on screen), and Switch. */
function BranchItem({ row }: { row: BranchRow }) {
  const t = useT();
  const lab = useIntents();
  const { branch, depth } = row;
  const current = useLab((s) => s.branchId === branch.id);
  const liveHead = useLab(selectHeadSeq);
  const liveDigest = useLab((s) => s.traceHash);
  const name = branchName(branch, t);
  const head = current ? liveHead : branch.head;
  const digest = current ? liveDigest : branch.digest;
  return (
    <li
      className={current ? 'rl-branch rl-branch-current' : 'rl-branch'}
      style={{ marginInlineStart: `${depth * 1.1}em` }}
      aria-current={current ? 'true' : undefined}
      data-branch={branch.id}
    >
      <div className="rl-branch-text">
        <span className="rl-branch-name">
          <span className="rl-branch-id">{t('history.branch', { id: branch.id })}</span> {name}
        </span>
        <span className="rl-branch-detail">
          {t('history.detail', { count: head, digest })}
          {current && <strong className="rl-branch-here"> · {t('history.current')}</strong>}
        </span>
      </div>
      <button
        type="button"
        className="rl-button rl-button-small"
        disabled={current}
        aria-label={t('history.switchTo', { id: branch.id, name })}
        onClick={() => void lab.switchBranch(branch.id)}
      >
        {t('history.switch')}
      </button>
    </li>
  );
}

/** Two branches to compare: by default the one on screen and the one it left. */
function CompareForm({ rows }: { rows: readonly BranchRow[] }) {
  const t = useT();
  const lab = useIntents();
  const current = useLab((s) => s.branches.find((b) => b.id === s.branchId));
  const ids = rows.map((r) => r.branch.id);
  const [picked, setPicked] = useState<readonly [number | null, number | null]>([null, null]);
  const fallback = defaultPair(current, ids);
  const a = picked[0] !== null && ids.includes(picked[0]) ? picked[0] : fallback[0];
  const b = picked[1] !== null && ids.includes(picked[1]) ? picked[1] : fallback[1];
  const pick = (which: 0 | 1) => (e: { target: { value: string } }) =>
    setPicked(which === 0 ? [Number(e.target.value), b] : [a, Number(e.target.value)]);
  const options = rows.map(({ branch }) => (
    <option key={branch.id} value={branch.id}>
      {t('history.branch', { id: branch.id })}
    </option>
  ));
  return (
    <form
      className="rl-compare-form"
      aria-label={t('history.compare.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void lab.compareBranches(a, b);
      }}
    >
      <h4>{t('history.compare.title')}</h4>
      <label>
        {t('history.compare.a')}
        <select value={a} onChange={pick(0)}>
          {options}
        </select>
      </label>
      <label>
        {t('history.compare.b')}
        <select value={b} onChange={pick(1)}>
          {options}
        </select>
      </label>
      <button type="submit" className="rl-button rl-button-small" disabled={a === b}>
        {t('history.compare.button')}
      </button>
    </form>
  );
}

function defaultPair(current: BranchInfo | undefined, ids: readonly number[]): [number, number] {
  const here = current?.id ?? ids[ids.length - 1]!;
  const other = current?.parent ?? ids.find((id) => id !== here) ?? here;
  return [other, here];
}
