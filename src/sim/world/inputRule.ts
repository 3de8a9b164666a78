// Which queued event becomes which node input (simulator layer): the one rule that both the
// dispatch of an instant (World.nextDispatch) and the lookahead planner (planWindow) follow, so
// the inputs a window prefetches are by construction the inputs its instants hand out.
import type { Input, NodeId } from '../../raft';
import { CLIENT_ID } from '../../raft';
import type { LossReason } from '../trace';
import type { Queued, Schedule } from './schedule';

/** What the rule reads of the world: who is up, which links work, where the timers are. */
export interface InputContext {
  readonly schedule: Schedule;
  isAlive(id: NodeId): boolean;
  linkUp(from: NodeId, to: NodeId): boolean;
  /**
   * The node's next deadline strictly after `t`, or -1. A node's timer stands for its earliest
   * deadline; a leader under CheckQuorum keeps a second one (its quorum check beside its
   * heartbeat), which can fall due soon after the first fires.
   */
  nextDeadlineAfter(id: NodeId, t: number): number;
}

/**
 * Why a queued event gives no node input: it is stale ('none'), it is for the client, or the
 * message dies now (a loss reason: 'receiver down', 'partitioned', or a loss drawn at send time).
 */
export type NoInput =
  'none' | 'client reply' | 'client timeout' | 'client retry' | LossReason | 'lost on the wire';

/** The node a queued event is addressed to (meaningful when `inputOf` gives an input). */
export function addresseeOf(e: Queued): NodeId {
  return e.kind === 'deliver' || e.kind === 'lose'
    ? e.flight.message.to
    : (e as { node: NodeId }).node;
}

/**
 * The node input that event `e` stands for, judged against the world as it is now. A reminder
 * tick stands for its node's timer wherever that timer now is: the input's `now` is the timer's
 * time, which may lie after `e.at` (the reminder then moves on; see Schedule).
 */
export function inputOf(e: Queued, ctx: InputContext): Input | NoInput {
  switch (e.kind) {
    case 'tick': {
      if (!ctx.schedule.isReminder(e) || !ctx.isAlive(e.node)) return 'none';
      const at = ctx.schedule.timerOf(e.node);
      return at < 0 ? 'none' : { kind: 'tick', now: at };
    }
    case 'forceTimeout':
      return ctx.isAlive(e.node) ? { kind: 'timeout', now: e.at } : 'none';
    case 'compact':
      return ctx.isAlive(e.node) ? { kind: 'compact', now: e.at } : 'none';
    case 'deliver': {
      if (e.flight.ticket !== e.ticket) return 'none';
      const m = e.flight.message;
      if (m.to === CLIENT_ID) return 'client reply';
      if (!ctx.isAlive(m.to)) return 'receiver down';
      if (!ctx.linkUp(m.from, m.to)) return 'partitioned';
      return { kind: 'message', now: e.at, message: m };
    }
    case 'lose':
      return e.flight.ticket === e.ticket ? 'lost on the wire' : 'none';
    case 'clientTimeout':
      return 'client timeout';
    case 'clientRetry':
      return 'client retry';
  }
}

/** The place (seq) among its instant's events of the input `inputOf` gave for `e`. */
export function inputSeqOf(e: Queued, ctx: InputContext): number {
  return e.kind === 'tick' ? ctx.schedule.timerSeqOf(e.node) : e.seq;
}
