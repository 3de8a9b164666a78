// Layout layer: the marks one trace event puts on the space-time diagram — elections, new
// leaders, step-downs and commits from a server's step, crashes, restarts, faults, network
// changes and a person's touches on messages from actions. Read off the event as data; an event
// of a shape it does not know marks nothing.
import type { DiagramEvent, Mark, MarkKind } from './spaceTimeTypes';

type Extra = Partial<Pick<Mark, 'value' | 'peer' | 'groups'>>;

const mark = (kind: MarkKind, e: DiagramEvent, seq: number, node: number | null, x: Extra = {}) =>
  ({
    kind,
    seq,
    at: e.at,
    node,
    value: x.value ?? null,
    peer: x.peer ?? null,
    groups: x.groups ?? null,
  }) satisfies Mark;

/** The marks of the event that made frame `seq`, in the order they read. */
export function marksOf(e: DiagramEvent, seq: number): Mark[] {
  if (e.kind === 'step') return stepMarks(e, seq);
  if (e.kind === 'action') return actionMarks(e, seq);
  return [];
}

/**
 * A step's role change (a pre-vote, an election, a new leader, a step-down) and its commit:
 *   follower → candidate, term 3   → election (value 3)
 *   candidate → leader             → leader (value 3)
 */
function stepMarks(e: DiagramEvent, seq: number): Mark[] {
  const { before, after } = e;
  const node = num(e.node);
  if (!before || !after || node === null) return [];
  const out: Mark[] = [];
  const moved = before.role !== after.role || before.term !== after.term;
  if (moved && after.role === 'precandidate')
    out.push(mark('preVote', e, seq, node, { value: after.term }));
  else if (moved && after.role === 'candidate')
    out.push(mark('election', e, seq, node, { value: after.term }));
  else if (moved && after.role === 'leader')
    out.push(mark('leader', e, seq, node, { value: after.term }));
  else if (before.role !== after.role && after.role === 'follower')
    out.push(mark('stepDown', e, seq, node, { value: after.term }));
  if (after.commitIndex > before.commitIndex)
    out.push(mark('commit', e, seq, node, { value: after.commitIndex }));
  return out;
}

const MESSAGE_MARKS: Record<string, MarkKind> = {
  hold: 'hold',
  release: 'release',
  dropMessage: 'drop',
  duplicate: 'duplicate',
};

function actionMarks(e: DiagramEvent, seq: number): Mark[] {
  const d = (typeof e.detail === 'object' && e.detail !== null ? e.detail : {}) as Record<
    string,
    unknown
  >;
  const node = num(d.node) ?? num(e.node);
  switch (d.do) {
    case 'crash':
    case 'restart':
    case 'fault':
      return node === null ? [] : [mark(d.do, e, seq, node)];
    case 'partition':
      return [mark('partition', e, seq, null, { groups: groupsOf(d.groups) })];
    case 'heal':
      return [mark('heal', e, seq, null)];
    case 'cut':
    case 'restore': {
      const a = num(d.a);
      const b = num(d.b);
      return a === null || b === null ? [] : [mark(d.do, e, seq, a, { peer: b })];
    }
    case 'hold':
    case 'release':
    case 'dropMessage':
    case 'duplicate': {
      const to = num(d.to);
      const kind = MESSAGE_MARKS[d.do]!;
      return to === null
        ? []
        : [mark(kind, e, seq, to, { value: num(d.message), peer: num(d.from) })];
    }
    case 'releaseAll':
      return [mark('releaseAll', e, seq, null)];
    case 'manual':
      return [mark('manual', e, seq, null, { value: d.on === true ? 1 : 0 })];
    default:
      return [];
  }
}

/** A whole, non-negative number, or null. */
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

function groupsOf(v: unknown): readonly (readonly number[])[] | null {
  if (!Array.isArray(v)) return null;
  const groups = v.map((g: unknown) =>
    Array.isArray(g) ? g.filter((x: unknown): x is number => num(x) !== null) : [],
  );
  return groups;
}
