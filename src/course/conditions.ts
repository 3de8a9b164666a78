// When a step is finished (course layer): each Condition read off the simulation's read model
// after an instant. Nothing here changes the world; an unknown server makes a condition false.
import type { ClusterFacts, NodeView, RequestView } from '../sim';
import type { Condition, NodeRef } from './types';

/** The reads a condition needs, which the sync and the worker-driven simulations both offer. */
export interface SimReads {
  readonly now: number;
  nodeIds(): number[];
  facts(): ClusterFacts;
  nodeView(id: number): NodeView;
  requestViews(limit: number): RequestView[];
  violations(): readonly { readonly ruleId: string }[];
}

/** What a condition may refer to besides the world: the lesson's names and writes so far. */
export interface Scene {
  /** Resolves a server reference now, or null when it names no server (e.g. no leader). */
  node(ref: NodeRef): number | null;
  /** The lesson's nth write (1-based) or its newest, as a request id; null before any. */
  request(which: 'last' | number): number | null;
  /** The highest term when the step started. */
  readonly startTerm: number;
  /** The highest commit index of any server when the step started. */
  readonly startCommit: number;
  /** The virtual time the step started at. */
  readonly startAt: number;
}

/** More requests than any lesson writes, so a lookup by id never misses one. */
const REQUEST_WINDOW = 256;

function requestView(sim: SimReads, scene: Scene, which: 'last' | number): RequestView | null {
  const id = scene.request(which);
  if (id === null) return null;
  return sim.requestViews(REQUEST_WINDOW).find((r) => r.id === id) ?? null;
}

function live(sim: SimReads): NodeView[] {
  return sim
    .nodeIds()
    .map((id) => sim.nodeView(id))
    .filter((v) => v.alive);
}

/** How many servers hold the request's entry (same index and term) and have committed it. */
function committedOn(sim: SimReads, r: RequestView): number {
  if (r.index === null || r.term === null) return 0;
  const { index, term } = r;
  return live(sim).filter((v) => {
    // Inside a snapshot (§5) the entry is committed and held; its term is no longer there to read.
    const held = index <= v.logBase || v.log[index - 1 - v.logBase]?.term === term;
    return v.commitIndex >= index && held;
  }).length;
}

function logsAgree(sim: SimReads): boolean {
  const leader = sim.facts().leader;
  if (leader === null) return false;
  const lead = sim.nodeView(leader);
  const last = lead.logBase + lead.log.length;
  const termOf = (v: typeof lead, i: number) =>
    i === v.logBase ? (v.snapshot?.lastIncludedTerm ?? 0) : v.log[i - 1 - v.logBase]?.term;
  return live(sim).every((v) => {
    if (v.commitIndex !== last || v.logBase + v.log.length !== last) return false;
    // Compare the indexes both still hold (what a snapshot covers is committed, so the same).
    for (let i = Math.max(v.logBase, lead.logBase) + 1; i <= last; i++) {
      if (termOf(v, i) !== termOf(lead, i)) return false;
    }
    return true;
  });
}

type RepliedCondition = Extract<Condition, { kind: 'replied' }>;

/** Whether the request has settled as `c` says: every field it gives must hold. */
function settledAs(c: RepliedCondition, r: RequestView | null): boolean {
  if (r === null || (r.stage !== 'acknowledged' && r.stage !== 'failed')) return false;
  const ok = r.stage === 'acknowledged';
  return (
    (c.status === undefined || ok === (c.status === 'ok')) &&
    (c.value === undefined || (ok && r.read?.value === c.value)) &&
    (c.failure === undefined || r.failure?.code === c.failure) &&
    (c.duplicate === undefined || (ok && r.answeredAsDuplicate === c.duplicate))
  );
}

type ReadCondition = Extract<Condition, { kind: 'readAnswered' }>;

/** Any read of the key sent since the step started — the student's too — answered as `c` says. */
function readAnswered(c: ReadCondition, sim: SimReads, scene: Scene): boolean {
  return sim.requestViews(REQUEST_WINDOW).some((r) => {
    const read = r.read;
    if (read === null || r.command.kind !== 'read' || r.command.key !== c.key) return false;
    return (
      r.sentAt >= scene.startAt &&
      r.stage === 'acknowledged' &&
      (c.value === undefined || read.value === c.value) &&
      (c.safe === undefined || (read.mode !== 'local') === c.safe)
    );
  });
}

/** How many entries of the request's write `v`'s log holds after its snapshot (a retry adds one). */
function copiesIn(v: NodeView, r: RequestView): number {
  return v.log.filter((e) => e.requestId === r.id).length;
}

type SnapshotCondition = Extract<Condition, { kind: 'snapshotAt' }>;

/** Whether `c.node`'s snapshot covers index `atLeast` and the request's entry, when given. */
function snapshotCovers(c: SnapshotCondition, sim: SimReads, scene: Scene): boolean {
  const id = scene.node(c.node);
  if (id === null) return false;
  const covered = sim.nodeView(id).snapshot?.lastIncludedIndex ?? 0;
  if (covered < (c.atLeast ?? 1)) return false;
  if (c.request === undefined) return true;
  const index = requestView(sim, scene, c.request)?.index ?? null;
  return index !== null && covered >= index;
}

type ConfigurationCondition = Extract<Condition, { kind: 'configuration' }>;

/**
 * The configuration in use (or `c.node`'s own) against every field `c` gives. A reference to no
 * server in a list makes the condition false, as an unknown server does everywhere.
 */
function configurationHolds(c: ConfigurationCondition, sim: SimReads, scene: Scene): boolean {
  let voters: readonly number[];
  let joint: boolean;
  if (c.node === undefined) {
    const facts = sim.facts();
    if (c.committed !== undefined && facts.configCommitted !== c.committed) return false;
    [voters, joint] = [facts.voters, facts.joint !== null];
  } else {
    const id = scene.node(c.node);
    if (id === null) return false;
    const view = sim.nodeView(id);
    [voters, joint] = [view.voters, view.joint !== null];
  }
  const ids = (refs: readonly NodeRef[] | undefined) => (refs ?? []).map((r) => scene.node(r));
  const [exact, includes, excludes] = [ids(c.voters), ids(c.includes), ids(c.excludes)];
  if ([...exact, ...includes, ...excludes].includes(null)) return false;
  return (
    (c.voters === undefined ||
      (exact.length === voters.length && exact.every((id) => voters.includes(id!)))) &&
    includes.every((id) => voters.includes(id!)) &&
    excludes.every((id) => !voters.includes(id!)) &&
    (c.count === undefined || voters.length === c.count) &&
    (c.joint === undefined || joint === c.joint)
  );
}

export function holds(c: Condition, sim: SimReads, scene: Scene): boolean {
  const view = (ref: NodeRef) => {
    const id = scene.node(ref);
    return id === null ? null : sim.nodeView(id);
  };
  switch (c.kind) {
    case 'leaderElected':
      return sim.facts().leader !== null;
    case 'newLeader': {
      const leader = sim.facts().leader;
      return leader !== null && leader !== scene.node(c.not);
    }
    case 'role': {
      const v = view(c.node);
      return v !== null && v.alive && v.role === c.role;
    }
    case 'leaders':
      return live(sim).filter((v) => v.role === 'leader').length >= c.count;
    case 'roleCount':
      return live(sim).filter((v) => v.role === c.role).length >= c.count;
    case 'matchIndex': {
      const leader = view(c.leader);
      const node = scene.node(c.node);
      if (!leader?.alive || leader.role !== 'leader' || node === null) return false;
      return (leader.progress.find((p) => p.id === node)?.matchIndex ?? -1) >= c.atLeast;
    }
    case 'term': {
      const highest = sim.facts().highestTerm;
      return (
        highest >= (c.atLeast ?? 0) &&
        (c.risesBy === undefined || highest >= scene.startTerm + c.risesBy)
      );
    }
    case 'nodeTerm':
      return (view(c.node)?.term ?? -1) >= c.atLeast;
    case 'nodeTermRises':
      return (view(c.node)?.term ?? -1) >= scene.startTerm + c.by;
    case 'committed': {
      const r = requestView(sim, scene, c.request);
      return r !== null && committedOn(sim, r) >= (c.count ?? live(sim).length);
    }
    case 'replied':
      return settledAs(c, requestView(sim, scene, c.request));
    case 'readAnswered':
      return readAnswered(c, sim, scene);
    case 'stored':
      return (requestView(sim, scene, c.request)?.storedOn ?? 0) >= c.count;
    case 'retried':
      return (requestView(sim, scene, c.request)?.retries.length ?? 0) >= (c.atLeast ?? 1);
    case 'copies': {
      const [v, r] = [view(c.node), requestView(sim, scene, c.request)];
      return v !== null && r !== null && copiesIn(v, r) >= c.atLeast;
    }
    case 'duplicateFiltered':
      return (requestView(sim, scene, c.request)?.duplicateAt.length ?? 0) > 0;
    case 'stateMachine': {
      const nodes = c.node === 'all' ? live(sim) : [view(c.node)];
      // A crashed server has no state machine to read (its disk holds only log and snapshot).
      const holdsValue = (v: NodeView | null) =>
        v?.alive === true && (v.kv.get(c.key) ?? null) === c.value;
      return nodes.length > 0 && nodes.every(holdsValue);
    }
    case 'snapshotAt':
      return snapshotCovers(c, sim, scene);
    case 'commitRises':
      return live(sim).filter((v) => v.commitIndex > scene.startCommit).length >= (c.count ?? 1);
    case 'replaced':
      return requestView(sim, scene, c.request)?.stage === 'replaced';
    case 'logsAgree':
      return logsAgree(sim);
    case 'commitIndex':
      return (view(c.node)?.commitIndex ?? -1) >= c.atLeast;
    case 'logLength':
      return (view(c.node) ? view(c.node)!.logBase + view(c.node)!.log.length : -1) >= c.atLeast;
    case 'violation':
      return sim.violations().some((v) => c.rule === undefined || v.ruleId === c.rule);
    case 'alive': {
      const v = view(c.node);
      return v !== null && v.alive === c.alive;
    }
    case 'configuration':
      return configurationHolds(c, sim, scene);
    case 'member':
      return view(c.node)?.member === c.is;
    case 'transferring': {
      const v = view(c.node);
      if (!v?.alive || v.role !== 'leader' || v.transferTo === null) return false;
      return c.to === undefined || v.transferTo === scene.node(c.to);
    }
    case 'all':
      return c.of.every((x) => holds(x, sim, scene));
    case 'any':
      return c.of.some((x) => holds(x, sim, scene));
    case 'not':
      return !holds(c.of, sim, scene);
  }
}
