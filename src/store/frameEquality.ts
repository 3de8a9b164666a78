// When a new frame may share the previous frame's pieces (store layer): equality of the read
// model's parts, each as cheap as it can be, since the projector asks for every node and every
// recent request after every event. The two widest shapes, a node's steady part and a request,
// are compared field by field in written-out code; their tests change each field in turn, and
// those tests name every field of the shape, so a new field cannot slip past unseen.
import type { RequestView } from '../sim';
import type { NodeFrame } from './frame';
import type { NodeSteady } from './packedFrames';

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** A frame's frozen keys against a server's live map. */
export function sameKv(
  a: Readonly<Record<string, string>>,
  b: ReadonlyMap<string, string>,
): boolean {
  const keys = Object.keys(a);
  if (keys.length !== b.size) return false;
  for (const k of keys) if (b.get(k) !== a[k]) return false;
  return true;
}

/** Shallow equality of two flat records (or both null). */
export function sameRecord<T extends object>(a: T | null, b: T | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** Two joint configurations, equal list by list (or both null). */
export function sameJoint(
  a: { readonly old: readonly number[]; readonly new: readonly number[] } | null,
  b: { readonly old: readonly number[]; readonly new: readonly number[] } | null,
): boolean {
  if (a === null || b === null) return a === b;
  return sameList(a.old, b.old) && sameList(a.new, b.new);
}

function sameConfirmations(a: readonly number[] | null, b: readonly number[] | null): boolean {
  return a === b || (a !== null && b !== null && sameList(a, b));
}

/** Reads held by a server (§6.4), equal field by field (each step reports fresh objects). */
export function sameReads(a: NodeFrame['reads'], b: NodeFrame['reads']): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((r, i) => {
        const o = b[i]!;
        return (
          r.requestId === o.requestId &&
          r.mode === o.mode &&
          r.index === o.index &&
          r.leaseUntil === o.leaseUntil &&
          r.origin === o.origin &&
          sameConfirmations(r.confirmedBy, o.confirmedBy)
        );
      }))
  );
}

/**
 * Two steady parts of a node frame: each field the same value. The projector builds `b` afresh
 * from the read model, reusing `a`'s lists and records when their contents are equal, so
 * identity is the test for every field.
 */
export function sameSteady(a: NodeSteady, b: NodeSteady): boolean {
  return (
    a.id === b.id &&
    a.alive === b.alive &&
    a.fault === b.fault &&
    a.role === b.role &&
    a.term === b.term &&
    a.votedFor === b.votedFor &&
    a.leaderId === b.leaderId &&
    a.votes === b.votes &&
    a.logBase === b.logBase &&
    a.snapshot === b.snapshot &&
    a.reads === b.reads &&
    a.truncations === b.truncations &&
    a.lost === b.lost &&
    a.cutOff === b.cutOff &&
    a.voters === b.voters &&
    a.learners === b.learners &&
    a.joint === b.joint &&
    a.member === b.member &&
    a.transferTo === b.transferTo &&
    a.canStand === b.canStand &&
    a.rejection === b.rejection
  );
}

function sameRetries(a: RequestView['retries'], b: RequestView['retries']): boolean {
  return a.length === b.length && a.every((x, i) => x.at === b[i]!.at && x.to === b[i]!.to);
}

/** A request's read progress (§6.4), equal field by field (the read model makes it afresh). */
function sameRead(a: RequestView['read'], b: RequestView['read']): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.mode === b.mode &&
    a.index === b.index &&
    a.leaseUntil === b.leaseUntil &&
    a.value === b.value &&
    sameConfirmations(a.confirmedBy, b.confirmedBy)
  );
}

/**
 * Whether a request's frame still shows the simulator's view of it. Lists the simulator grows
 * in place (forwardedTo, retries, duplicateAt) and records it makes afresh (failure, read) are
 * compared by content, the rest by value.
 */
export function sameRequest(a: RequestView, b: RequestView): boolean {
  return (
    a.id === b.id &&
    a.command === b.command &&
    a.via === b.via &&
    a.sentAt === b.sentAt &&
    a.stage === b.stage &&
    sameList(a.forwardedTo, b.forwardedTo) &&
    a.index === b.index &&
    a.term === b.term &&
    a.storedOn === b.storedOn &&
    sameRecord(a.failure, b.failure) &&
    a.settledAt === b.settledAt &&
    a.committedAfterFailure === b.committedAfterFailure &&
    sameRetries(a.retries, b.retries) &&
    a.session === b.session &&
    sameList(a.duplicateAt, b.duplicateAt) &&
    a.answeredAsDuplicate === b.answeredAsDuplicate &&
    sameRead(a.read, b.read)
  );
}

/**
 * A request's frame for `r`: the simulator's lists that grow in place are copied (else an
 * earlier frame would show later resends); a record is kept from `old` when its content is the
 * same.
 */
export function requestFrame(r: RequestView, old: RequestView | undefined): RequestView {
  return {
    ...r,
    forwardedTo:
      old && sameList(old.forwardedTo, r.forwardedTo) ? old.forwardedTo : [...r.forwardedTo],
    retries:
      old && sameRetries(old.retries, r.retries) ? old.retries : r.retries.map((x) => ({ ...x })),
    duplicateAt:
      old && sameList(old.duplicateAt, r.duplicateAt) ? old.duplicateAt : [...r.duplicateAt],
    failure: old && sameRecord(old.failure, r.failure) ? old.failure : r.failure,
    read: old && sameRead(old.read, r.read) ? old.read : r.read,
  };
}
