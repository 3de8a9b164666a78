// Linearizability of the key-value store as its clients saw it (simulator layer: a checker outside
// the nodes that reads only the client history, fed one event at a time). Each key is a register
// checked on its own, since linearizability is local. The search is the just-in-time one of Wing &
// Gong and Lowe, as Knossos' "linear" checker and Porcupine run it.
//
// Past 250 lines on purpose: the search, its pruning and its two bounds are one argument.
//
// A key keeps the configurations its history so far allows: a value, the pending writes already
// applied and the pending reads already placed. An answer keeps the configurations that explain
// it, applying pending writes just in time where needed:
//
//   set x=a [0,10] · read x [2,4] → a   at t=4 the set is applied and the read placed after it;
//   at t=10 the set is answered: applied in every configuration, it is simply done.
//
// A read is not placed at its own response. It changes nothing, but a write that finishes while
// the read is pending must be placed before that write's response, possibly after the read:
//
//   read x [0,10] → null · set x=a [1,2]   linearizable (the read at t=0.5), yet from t=2 on every
//   configuration holds a.
//
// So a read is placed in its interval as soon as a configuration holds its answer (placing it
// early never hurts: it changes nothing), which needs the answer at its invocation. A key's events
// after the invocation of a read not answered yet wait in a queue; when it answers they run, as
// Knossos and Porcupine run a whole history. A violation is thus reported by the call that decides
// it: the read's own answer, or that of an earlier read on its key still pending then.
import type { Metered } from './checker';

export interface LinOp {
  readonly id: number;
  readonly kind: 'set' | 'delete' | 'append' | 'read';
  readonly key: string;
  /** The value a set writes or an append adds. */
  readonly value?: string;
}

export interface LinViolation {
  /** The read's id. */
  readonly read: number;
  readonly key: string;
  readonly invokedAt: number;
  readonly answeredAt: number;
  /** What the read returned. */
  readonly returned: string | null;
  /** The latest write on the key acknowledged before the read was invoked, or -1. */
  readonly missed: number;
  /** When that write was acknowledged, or -1. */
  readonly missedAt: number;
  /** A value a linearizable read could have returned (the state after the missed write when known). */
  readonly expected: string | null;
}

export interface LinearizabilityOptions {
  /** Configurations one key may hold, or one search may visit, before the key is given up. */
  readonly maxConfigurations?: number;
}

export interface LinearizabilityChecker extends Metered {
  /**
   * The client sent the request. Every request must later be answered by ok or fail: a key's
   * events after an unanswered read wait for its answer.
   */
  invoke(op: LinOp, at: number): void;
  /**
   * The client heard success; a read passes what it returned. Returns a violation this call let
   * the checker decide, if any (one per call; a second one found at once waits for the next call).
   */
  ok(id: number, at: number, result?: string | null): LinViolation | null;
  /** The client gave up or was refused: a write may still take effect once, later, or never. */
  fail(id: number, at: number): LinViolation | null;
  /** Configurations built or compared, so tests bound cost by counting. */
  readonly work: number;
  /** Keys that ever hit the bound (each is unchecked until none of its requests is pending). */
  readonly gaveUp: number;
}

const DEFAULT_MAX_CONFIGURATIONS = 2_000;
/**
 * Failed writes per key followed exactly (at most once): the latest one. Older ones are relaxed
 * (see relax()): each failed write followed exactly is one more write every search may apply,
 * which measured two to three times the work per request in the seeded histories of the tests.
 */
const EXACT_FAILED_WRITES = 1;

/**
 * A value as a configuration holds it, as one comparable string: 'n' null, 's…' that string, or a
 * stand-in followed by the appends made since: 'A…' what some relaxed failed write left, '*…'
 * anything (a key restarted after it was given up).
 */
type Held = string;
const NULL_HELD: Held = 'n';
const RELAXED: Held = 'A';
const UNKNOWN: Held = '*';

const hold = (v: string | null): Held => (v === null ? NULL_HELD : `s${v}`);
/** The plain value, or undefined for a stand-in. */
const unhold = (h: Held): string | null | undefined =>
  h === NULL_HELD ? null : h[0] === 's' ? h.slice(1) : undefined;

function written(h: Held, op: LinOp): Held {
  if (op.kind === 'set') return hold(op.value ?? '');
  if (op.kind === 'delete') return NULL_HELD;
  return h === NULL_HELD ? hold(op.value ?? '') : h + (op.value ?? '');
}

/** One way the key's history so far could have gone. */
interface Configuration {
  readonly value: Held;
  /** Pending writes applied, ascending. */
  readonly applied: readonly number[];
  /** Pending reads placed (the key held their answer during their interval), ascending. */
  readonly placed: readonly number[];
}

interface LastAck {
  readonly id: number;
  readonly at: number;
  /** The key's value right after the write, or null when it is not known. */
  readonly after: Held | null;
}

/** A request as the client made it; a read's answer is filled in when it comes. */
interface Request {
  readonly op: LinOp;
  answer?: { readonly result: string | null } | 'failed';
}

interface QueuedEvent {
  readonly kind: 'invoke' | 'ok' | 'fail';
  readonly at: number;
  readonly request: Request;
}

interface PendingOp {
  readonly op: LinOp;
  readonly invokedAt: number;
  /** For a read, its answer. */
  readonly result: string | null;
  /** A write whose client gave up, still followed exactly: it may take effect once, or never. */
  failed: boolean;
  /** For a read: the latest write on its key acknowledged before it was invoked. */
  readonly missed: LastAck | null;
}

interface KeyState {
  readonly key: string;
  /** Events not run yet: from the invocation of a read whose answer is not known. */
  readonly queue: QueuedEvent[];
  /** Requests run and not answered, and failed writes followed exactly; in invocation order. */
  readonly pending: Map<number, PendingOp>;
  /** Null while the key is given up. */
  configurations: Configuration[] | null;
  /** Pending requests that have not failed; a given-up key restarts when this reaches 0. */
  live: number;
  /** What relaxed failed sets and deletes write (held), and what relaxed failed appends add. */
  readonly relaxedValues: Set<Held>;
  readonly relaxedSuffixes: Set<string>;
  /** The lengths of those suffixes, so a lookup costs one probe per length, not per suffix. */
  readonly relaxedSuffixLengths: Set<number>;
  lastAck: LastAck | null;
}

interface Tally {
  readonly max: number;
  work: number;
  readonly gaveUp: Set<string>;
}

/** Whether a read could have returned `x` while the key held `h`. */
function couldReturn(key: KeyState, tally: Tally, h: Held, x: string | null): boolean {
  const tag = h[0];
  if (tag !== RELAXED && tag !== UNKNOWN) return h === hold(x);
  const suffix = h.slice(1);
  if (x === null) return suffix === '' && (tag === UNKNOWN || key.relaxedValues.has(NULL_HELD));
  if (!x.endsWith(suffix)) return false;
  if (tag === UNKNOWN) return true;
  const before = x.slice(0, x.length - suffix.length);
  if (key.relaxedValues.has(hold(before))) return true;
  if (before === '' && key.relaxedValues.has(NULL_HELD)) return true;
  for (const length of key.relaxedSuffixLengths) {
    tally.work++;
    if (length <= before.length && key.relaxedSuffixes.has(before.slice(-length))) return true;
  }
  return false;
}

/** `ids` (ascending) with `id` in its place: a copy, one pass, no sort. */
function insert(ids: readonly number[], id: number): number[] {
  const out = new Array<number>(ids.length + 1);
  let i = 0;
  for (; i < ids.length && ids[i]! <= id; i++) out[i] = ids[i]!;
  out[i] = id;
  for (; i < ids.length; i++) out[i + 1] = ids[i]!;
  return out;
}
const remove = (ids: readonly number[], id: number) => ids.filter((i) => i !== id);
/** `c` once a write is done or relaxed, or once a read has answered: no longer pending. */
const withoutApplied = (c: Configuration, id: number) => ({ ...c, applied: remove(c.applied, id) });
const withoutPlaced = (c: Configuration, id: number) => ({ ...c, placed: remove(c.placed, id) });

/**
 * A set of configurations that keeps only those no other covers. A covers B when both hold the
 * same value and applied the same live writes, A applied only failed writes B applied too (a
 * failed write need never happen, so one still to come only adds choices), and A placed every read
 * B placed. Whatever B can still explain, A can.
 */
function configurationSet(key: KeyState, tally: Tally) {
  const groups = new Map<string, Configuration[]>();
  const members = new Set<Configuration>();
  let added = 0;
  const failed = (id: number) => key.pending.get(id)?.failed === true;
  const covers = (a: Configuration, b: Configuration): boolean => {
    tally.work++;
    return (
      a.applied.every((id) => !failed(id) || b.applied.includes(id)) &&
      b.placed.every((id) => a.placed.includes(id))
    );
  };
  return {
    members,
    /** Configurations added so far, including those dropped since. */
    get added() {
      return added;
    },
    /** Adds `c` unless a member covers it, dropping the members it covers; says if it added. */
    add(c: Configuration): boolean {
      tally.work++;
      const group = `${c.applied.filter((id) => !failed(id)).join(',')}|${c.value}`;
      const list = groups.get(group) ?? [];
      if (list.some((m) => covers(m, c))) return false;
      const kept = list.filter((m) => !covers(c, m));
      for (const m of list) if (!kept.includes(m)) members.delete(m);
      kept.push(c);
      groups.set(group, kept);
      members.add(c);
      added++;
      return true;
    },
  };
}

/** `c` once the key holds `value`, with every pending read that could answer it placed. */
function advance(
  key: KeyState,
  tally: Tally,
  c: Configuration,
  value: Held,
  applied: readonly number[],
): Configuration {
  let placed = c.placed;
  for (const p of key.pending.values()) {
    if (p.op.kind !== 'read' || placed.includes(p.op.id)) continue;
    if (couldReturn(key, tally, value, p.result)) placed = insert(placed, p.op.id);
  }
  return { value, applied, placed };
}

/** Each pending write applied next, and a relaxed failed write taking effect (if any). */
function successors(key: KeyState, tally: Tally, c: Configuration): Configuration[] {
  const next: Configuration[] = [];
  for (const { op } of key.pending.values()) {
    if (op.kind === 'read' || c.applied.includes(op.id)) continue;
    next.push(advance(key, tally, c, written(c.value, op), insert(c.applied, op.id)));
  }
  const relaxed = key.relaxedValues.size + key.relaxedSuffixes.size > 0;
  if (relaxed && c.value !== RELAXED) next.push(advance(key, tally, c, RELAXED, c.applied));
  return next;
}

/**
 * The configurations reachable now in which `reached` holds, applying pending writes in every
 * order and stopping at the first configuration that reaches (writes still pending can be applied
 * later just as well: that is the just-in-time rule). Null once it has built more than the bound,
 * so one search builds at most max + 1 configurations and expands each into at most one per
 * pending write, plus one.
 */
function search(
  key: KeyState,
  tally: Tally,
  reached: (c: Configuration) => boolean,
): Configuration[] | null {
  const visited = configurationSet(key, tally);
  const frontier = key.configurations!.filter((c) => visited.add(c));
  const found: Configuration[] = [];
  while (frontier.length > 0) {
    const c = frontier.pop()!;
    if (!visited.members.has(c)) continue; // a configuration found later covers it
    if (reached(c)) {
      found.push(c);
      continue;
    }
    for (const next of successors(key, tally, c)) if (visited.add(next)) frontier.push(next);
    if (visited.added > tally.max) return null;
  }
  return found.filter((c) => visited.members.has(c));
}

/**
 * Follows a failed write loosely from now on: it may take effect any number of times, at any time.
 * That allows more than "once", never less, so it can hide a violation but never invent one, and
 * it costs one extra successor per configuration however many failed writes there are. No rule
 * that drops a failed write outright is sound: it may take effect at any later time (a read much
 * later may see it), so its effect must stay possible.
 */
function relax(key: KeyState, p: PendingOp): void {
  key.pending.delete(p.op.id);
  if (p.op.kind === 'append') {
    key.relaxedSuffixes.add(p.op.value ?? '');
    key.relaxedSuffixLengths.add((p.op.value ?? '').length);
  } else key.relaxedValues.add(written(NULL_HELD, p.op));
}

function giveUp(key: KeyState, tally: Tally): void {
  key.configurations = null;
  tally.gaveUp.add(key.key);
  for (const p of [...key.pending.values()]) if (p.failed) relax(key, p);
}

/** Makes `configurations` the key's, pruned, or gives the key up when they exceed the bound. */
function settle(key: KeyState, tally: Tally, configurations: readonly Configuration[]): void {
  const set = configurationSet(key, tally);
  for (const c of configurations) set.add(c);
  if (set.members.size > tally.max) return giveUp(key, tally);
  key.configurations = [...set.members];
  // A failed write applied in every configuration has happened and cannot happen again: done.
  for (const p of [...key.pending.values()]) {
    const id = p.op.id;
    if (!p.failed || !key.configurations.every((c) => c.applied.includes(id))) continue;
    key.pending.delete(id);
    key.configurations = key.configurations.map((c) => withoutApplied(c, id));
  }
}

function beginRequest(key: KeyState, tally: Tally, request: Request, at: number): void {
  const { op, answer } = request;
  key.live++;
  const result = typeof answer === 'object' ? answer.result : null;
  const missed = op.kind === 'read' ? key.lastAck : null;
  key.pending.set(op.id, { op, invokedAt: at, result, failed: false, missed });
  if (op.kind !== 'read' || key.configurations === null) return;
  const placedNow = (c: Configuration) => couldReturn(key, tally, c.value, result);
  const next = key.configurations.map((c) =>
    placedNow(c) ? { ...c, placed: insert(c.placed, op.id) } : c,
  );
  settle(key, tally, next);
}

function acknowledgeWrite(key: KeyState, tally: Tally, op: LinOp, at: number): void {
  if (aloneOnKey(key, tally, op)) {
    // The search below, worked out: the one configuration applies the one pending write.
    tally.work += 3; // the configurations the search and settle would have added
    key.pending.delete(op.id);
    const c = key.configurations![0]!;
    const value = written(c.value, op);
    key.configurations = [{ value, applied: [], placed: c.placed }];
    const after = op.kind !== 'append' || unhold(value) !== undefined ? value : null;
    key.lastAck = { id: op.id, at, after };
    return;
  }
  if (key.configurations !== null) {
    const found = search(key, tally, (c) => c.applied.includes(op.id));
    key.pending.delete(op.id);
    if (found === null) giveUp(key, tally);
    else
      settle(
        key,
        tally,
        found.map((c) => withoutApplied(c, op.id)),
      );
  } else key.pending.delete(op.id);
  let after: Held | null = written(NULL_HELD, op);
  if (op.kind === 'append') {
    // The value after an append depends on what came before: known when all configurations agree.
    const values = new Set(key.configurations?.map((c) => c.value));
    const [only] = values;
    after = values.size === 1 && unhold(only!) !== undefined ? only! : null;
  }
  key.lastAck = { id: op.id, at, after };
}

/**
 * Whether the write `op` is acknowledged on a key that has one configuration, with nothing
 * applied, and no other request pending or relaxed: the common case of a healthy cluster (a
 * client writes, hears back, writes again). The search from that configuration then builds
 * exactly one successor — the write applied — which settles as the key's one configuration; the
 * write is not failed, so the two sit in different groups and neither covers the other.
 */
function aloneOnKey(key: KeyState, tally: Tally, op: LinOp): boolean {
  const configurations = key.configurations;
  return (
    configurations !== null &&
    configurations.length === 1 &&
    configurations[0]!.applied.length === 0 &&
    key.pending.size === 1 &&
    key.pending.get(op.id)?.failed === false &&
    key.relaxedValues.size + key.relaxedSuffixes.size === 0 &&
    tally.max >= 2
  );
}

function answerRead(key: KeyState, tally: Tally, p: PendingOp, at: number): LinViolation | null {
  const id = p.op.id;
  const before = key.configurations;
  if (before === null) {
    key.pending.delete(id);
    return null;
  }
  const found = search(key, tally, (c) => c.placed.includes(id));
  key.pending.delete(id);
  if (found === null) {
    giveUp(key, tally);
    return null;
  }
  if (found.length > 0) {
    settle(
      key,
      tally,
      found.map((c) => withoutPlaced(c, id)),
    );
    return null;
  }
  // Go on as if either the history so far or this read's answer were right, so one stale read
  // is one report rather than the first of a cascade.
  const answered = before.map((c) => advance(key, tally, c, hold(p.result), c.applied));
  settle(
    key,
    tally,
    [...before, ...answered].map((c) => withoutPlaced(c, id)),
  );
  return violationOf(key, p, at, before);
}

function failWrite(key: KeyState, tally: Tally, p: PendingOp): void {
  if (key.configurations === null) return relax(key, p);
  p.failed = true;
  const failed = [...key.pending.values()].filter((q) => q.failed);
  let configurations = key.configurations;
  for (const q of failed.slice(0, Math.max(0, failed.length - EXACT_FAILED_WRITES))) {
    relax(key, q);
    configurations = configurations.map((c) => withoutApplied(c, q.op.id));
  }
  settle(key, tally, configurations);
}

function violationOf(
  key: KeyState,
  p: PendingOp,
  at: number,
  before: readonly Configuration[],
): LinViolation {
  const missed = p.missed;
  const after = missed?.after == null ? undefined : unhold(missed.after);
  // A write whose value the read did return was not missed (the read erred some other way).
  const named = missed !== null && after !== p.result ? missed : null;
  // Every configuration at the answer is a state the read could have been placed in.
  const possible = before.map((c) => unhold(c.value)).filter((v) => v !== undefined);
  const expected = named !== null && after !== undefined ? after : (possible[0] ?? null);
  return {
    read: p.op.id,
    key: key.key,
    invokedAt: p.invokedAt,
    answeredAt: at,
    returned: p.result,
    missed: named?.id ?? -1,
    missedAt: named?.at ?? -1,
    expected,
  };
}

/** Runs one event of the key's history; a read's answer is known by now. */
function run(key: KeyState, tally: Tally, e: QueuedEvent): LinViolation | null {
  const { op, answer } = e.request;
  // A read that never answered constrains nothing.
  if (answer === 'failed' && op.kind === 'read') return null;
  if (e.kind === 'invoke') {
    beginRequest(key, tally, e.request, e.at);
    return null;
  }
  key.live--;
  const p = key.pending.get(op.id)!;
  let violation: LinViolation | null = null;
  if (e.kind === 'fail') failWrite(key, tally, p);
  else if (op.kind === 'read') violation = answerRead(key, tally, p, e.at);
  else acknowledgeWrite(key, tally, op, e.at);
  // A given-up key with nothing in flight starts again from "any value" (see Held).
  if (key.configurations === null && key.live === 0)
    key.configurations = [{ value: UNKNOWN, applied: [], placed: [] }];
  return violation;
}

/** Runs the key's queued events up to the invocation of a read whose answer is not known yet. */
function drain(key: KeyState, tally: Tally, found: LinViolation[]): void {
  let head = 0;
  for (; head < key.queue.length; head++) {
    const e = key.queue[head]!;
    const blocked = e.kind === 'invoke' && e.request.op.kind === 'read' && !e.request.answer;
    if (blocked) break;
    const violation = run(key, tally, e);
    if (violation) found.push(violation);
  }
  // Usually every event ran: empty the queue without the list splice would hand back.
  if (head === key.queue.length) while (key.queue.length > 0) key.queue.pop();
  else key.queue.splice(0, head);
}

/** The violation in one English sentence, for scripts, the CLI and test failures. */
export function describeViolation(v: LinViolation): string {
  const show = (x: string | null) => (x === null ? 'nothing' : `"${x}"`);
  const missed =
    v.missed < 0 ? '' : ` after write #${v.missed} was acknowledged at t=${v.missedAt}ms`;
  return (
    `read #${v.read} of ${v.key}, invoked at t=${v.invokedAt}ms${missed}, returned ` +
    `${show(v.returned)} at t=${v.answeredAt}ms; a linearizable read could have returned ` +
    show(v.expected)
  );
}

function newKey(key: string): KeyState {
  return {
    key,
    queue: [],
    pending: new Map(),
    configurations: [{ value: NULL_HELD, applied: [], placed: [] }],
    live: 0,
    relaxedValues: new Set(),
    relaxedSuffixes: new Set(),
    relaxedSuffixLengths: new Set(),
    lastAck: null,
  };
}

export function linearizabilityChecker(
  options: LinearizabilityOptions = {},
): LinearizabilityChecker {
  const tally: Tally = {
    max: options.maxConfigurations ?? DEFAULT_MAX_CONFIGURATIONS,
    work: 0,
    gaveUp: new Set(),
  };
  const keys = new Map<string, KeyState>();
  /** Requests invoked and not yet answered or failed, with their key. */
  const open = new Map<number, [Request, KeyState]>();
  /** Violations decided but not returned yet, oldest first. */
  const decided: LinViolation[] = [];
  let lastAt = -Infinity;

  const tick = (at: number): void => {
    if (at < lastAt) throw new Error(`linearizability: t=${at} comes before t=${lastAt}`);
    lastAt = at;
  };

  const answer = (id: number, at: number, kind: 'ok' | 'fail', result: string | null) => {
    tick(at);
    const [request, key] = open.get(id) ?? [];
    if (!request || !key) throw new Error(`linearizability: request #${id} is not pending`);
    open.delete(id);
    if (request.op.kind === 'read') request.answer = kind === 'ok' ? { result } : 'failed';
    key.queue.push({ kind, at, request });
    drain(key, tally, decided);
    return decided.shift() ?? null;
  };

  return {
    get work() {
      return tally.work;
    },
    get gaveUp() {
      return tally.gaveUp.size;
    },
    invoke(op, at) {
      tick(at);
      if (open.has(op.id)) throw new Error(`linearizability: request #${op.id} is already pending`);
      if ((op.kind === 'set' || op.kind === 'append') && op.value === undefined)
        throw new Error(`linearizability: ${op.kind} #${op.id} has no value`);
      const key = keys.get(op.key) ?? newKey(op.key);
      keys.set(op.key, key);
      const request: Request = { op };
      open.set(op.id, [request, key]);
      key.queue.push({ kind: 'invoke', at, request });
      drain(key, tally, decided);
    },
    ok: (id, at, result) => answer(id, at, 'ok', result ?? null),
    fail: (id, at) => answer(id, at, 'fail', null),
  };
}
