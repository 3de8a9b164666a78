// What can happen next, for a person who picks (simulator layer): in manual delivery every
// message waits at its receiver's door, so the next events are each held delivery and each
// running server's timer, listed in the order they would come on their own.
import type { MessageKind, NodeId } from '../../raft';
import type { Flight } from './flights';

/**
 * One event a person can make happen next. `at` is when it would happen by itself: a held
 * message's arrival time, a timer's deadline. `earliest` marks the timer that comes first.
 */
export type Choice =
  | {
      readonly kind: 'deliver';
      readonly message: number;
      readonly from: number;
      readonly to: number;
      readonly messageKind: MessageKind;
      readonly at: number;
    }
  | {
      readonly kind: 'timer';
      readonly node: NodeId;
      readonly at: number;
      /** A leader's timer sends heartbeats; anyone else's starts an election. */
      readonly timer: 'election' | 'heartbeat';
      readonly earliest: boolean;
    };

/** The timers of running servers: node, deadline, and whether it leads. */
export interface TimerState {
  readonly node: NodeId;
  readonly at: number;
  readonly leader: boolean;
}

/** Held deliveries and timers in the order they would come (ties: deliveries, then by id). */
export function listChoices(held: Iterable<Flight>, timers: readonly TimerState[]): Choice[] {
  const choices: Choice[] = [];
  for (const f of held) {
    const m = f.message;
    choices.push({
      kind: 'deliver',
      message: f.id,
      from: m.from,
      to: m.to,
      messageKind: m.kind,
      at: f.arriveAt,
    });
  }
  let first = -1;
  for (const t of timers) if (first < 0 || t.at < first) first = t.at;
  for (const t of timers) {
    const timer = t.leader ? 'heartbeat' : 'election';
    choices.push({ kind: 'timer', node: t.node, at: t.at, timer, earliest: t.at === first });
  }
  return choices.sort((a, b) => a.at - b.at || rank(a) - rank(b));
}

/** Deliveries before timers at one instant, each kind by its id. */
function rank(c: Choice): number {
  return c.kind === 'deliver' ? c.message : 1e9 + c.node;
}
