// Sharing a run (store layer): the run on screen as a link or a file (runCodec.ts), and a link
// or a file opened as the run it carries. The codec refuses what is malformed; the run is then
// rebuilt off screen by branches.ts's rebuildRun and must reach the digest it carries, so a
// refused link or file leaves the run on screen as it was, and a notice says why.
import { rebuildRun } from './branches';
import type { Kernel } from './kernel';
import { notify } from './kernel';
import type { BranchInfo, LabState, ShareIntents } from './labTypes';
import type { SharedRun } from './runCodec';
import { MAX_SHARED_RUN_MS } from './runParams';
import {
  MAX_RUN_QUERY_CHARS,
  decodeRunFile,
  encodeRunFile,
  readRunQuery,
  runToQuery,
} from './runCodec';
import type { RunProblem } from './runProblems';
import { problemLines } from './runProblems';
import { restart } from './runtime';
import { selectHeadSeq } from './selectors';

/** The run on screen, as a link or a file carries it. */
export function currentRun(s: LabState): SharedRun {
  return {
    settings: s.settings,
    actions: s.actions,
    cursor: s.cursor,
    head: selectHeadSeq(s),
    computedTo: s.computedTo,
    digest: s.traceHash,
  };
}

/** Every branch of the history tree, the one on screen as it stands now. */
function currentTree(s: LabState): { branches: BranchInfo[]; branchId: number } {
  const here = currentRun(s);
  const branches = s.branches.map((b) =>
    b.id === s.branchId
      ? {
          ...b,
          actions: here.actions,
          head: here.head,
          computedTo: here.computedTo,
          cursor: here.cursor,
          digest: here.digest,
        }
      : b,
  );
  return { branches, branchId: s.branchId };
}

/** Says what is wrong with a link or a file; nothing else changes. */
function refuse(k: Kernel, problem: RunProblem): void {
  const { line, details } = problemLines(problem);
  notify(k, 'error', { key: 'share.refused' }, [line, ...details]);
}

export function shareIntents(k: Kernel): ShareIntents {
  return {
    runLink() {
      const s = k.get();
      if (s.status !== 'running' || !s.traceHash) return null;
      if (s.computedTo > MAX_SHARED_RUN_MS) return null;
      const query = runToQuery(currentRun(s));
      return query.length <= MAX_RUN_QUERY_CHARS ? query : null;
    },
    exportRun() {
      const s = k.get();
      return encodeRunFile({ ...currentRun(s), ...currentTree(s) });
    },
    importRun(text) {
      const decoded = decodeRunFile(text);
      if (!decoded.ok) {
        refuse(k, decoded.problem);
        return Promise.resolve(false);
      }
      const { branches, branchId, ...run } = decoded.run;
      return rebuildRun(k, run, branches.length ? { branches, branchId } : undefined);
    },
  };
}

/**
 * The start of a store opened from a link: a link with a run starts the cluster its settings
 * give and rebuilds the run on it; a refused run leaves that cluster, with a notice saying why.
 * Only the first start reads the link: starting again is a plain start.
 */
export function startFromRunLink(k: Kernel, query: string): Pick<LabState, 'start'> {
  let pending = readRunQuery(query);
  return {
    async start() {
      const link = pending;
      pending = null;
      await restart(k);
      if (!link) return;
      if (!link.ok) return refuse(k, link.problem);
      // A long run takes a while to compute again: the cluster of its settings shows meanwhile.
      notify(k, 'info', { key: 'share.opening' });
      const opening = k.get().noticeCount;
      const shown = await rebuildRun(k, link.run);
      if (shown && k.get().noticeCount === opening) k.set({ notice: null });
    },
  };
}
