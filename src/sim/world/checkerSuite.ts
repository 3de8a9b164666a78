// The checker suite (simulator layer): runs every checker's hooks as the world changes and turns
// what they find into violations that name the event which broke the rule. Findings of one event
// wait here until the world has built that event, then become violations together.
import type { Entry, LogIndex, Message, NodeId } from '../../raft';
import type { Acknowledged, Checker, ClientOp, ClusterView } from '../checkers';
import type { ClientRequestState } from './clients';
import { allCheckers } from '../checkers';
import type { Finding, RuleId } from '../read/rules';
import { describeFinding } from '../read/rules';
import type { TraceEvent } from '../trace';
import { describeEvent } from '../trace';

export interface Violation {
  /** The property's English name, e.g. "Election Safety". */
  readonly rule: string;
  readonly ruleId: RuleId;
  readonly at: number;
  /** The number of the event that broke it (its frame is seq + 1). */
  readonly seq: number;
  /** That event in one English line. */
  readonly event: string;
  /** What was found, in one English sentence. */
  readonly detail: string;
  /** What was found, as a code and its parameters. */
  readonly finding: Finding;
}

interface Found {
  readonly checker: Checker;
  readonly finding: Finding;
}

export class CheckerSuite {
  readonly violations: Violation[] = [];
  private readonly checkers: Checker[];
  // Each hook's checkers, listed once so the per-event loops call only checkers that listen.
  private readonly stepHooks: Checker[];
  private readonly logWriteHooks: Checker[];
  private readonly commitHooks: Checker[];
  private readonly applyHooks: Checker[];
  private readonly ackHooks: Checker[];
  private readonly clientHooks: Checker[];
  private readonly compactionHooks: Checker[];
  /** What the hooks found since the last event was reported. */
  private found: Found[] = [];
  /** Per node id, whether it led at the last step the step hooks heard of. */
  private readonly led: boolean[] = [];

  /** `bootVoters`: the servers the cluster started with, its configuration before any change. */
  constructor(
    private readonly view: ClusterView,
    bootVoters: readonly NodeId[],
  ) {
    this.checkers = allCheckers(bootVoters);
    this.stepHooks = this.checkers.filter((c) => c.afterStep);
    this.logWriteHooks = this.checkers.filter((c) => c.afterLogWrite);
    this.commitHooks = this.checkers.filter((c) => c.afterCommit);
    this.applyHooks = this.checkers.filter((c) => c.afterApply);
    this.ackHooks = this.checkers.filter((c) => c.afterAck);
    this.clientHooks = this.checkers.filter((c) => c.afterClient);
    this.compactionHooks = this.checkers.filter((c) => c.afterCompaction);
  }

  /** Whether the event being applied broke a rule (then its event object must be built). */
  get hasFindings(): boolean {
    return this.found.length > 0;
  }

  /** See Checker.afterStep for which steps its hooks hear of. */
  afterStep(id: NodeId, becameLeader: boolean): void {
    const leads = this.view.node(id).status?.role === 'leader';
    if (!leads && this.led[id] !== true) return;
    this.led[id] = leads;
    for (const c of this.stepHooks) this.note(c, c.afterStep!(this.view, id, becameLeader));
  }

  afterLogWrite(id: NodeId, from: number): void {
    for (const c of this.logWriteHooks) this.note(c, c.afterLogWrite!(this.view, id, from));
  }

  afterCommit(id: NodeId, from: number, to: number): void {
    for (const c of this.commitHooks) this.note(c, c.afterCommit!(this.view, id, from, to));
  }

  afterApply(id: NodeId, index: LogIndex, entry: Entry): void {
    for (const c of this.applyHooks) this.note(c, c.afterApply!(id, index, entry));
  }

  afterAck(ack: Acknowledged): void {
    for (const c of this.ackHooks) this.note(c, c.afterAck!(this.view, ack));
  }

  /** Every server's snapshot covers `upTo` now (§5). */
  afterCompaction(upTo: number): void {
    for (const c of this.compactionHooks) c.afterCompaction!(upTo);
  }

  /** A client sent `request` at `at`. */
  afterInvoke(request: ClientRequestState, at: number): void {
    this.afterClient({ kind: 'invoke', requestId: request.id, command: request.command, at });
  }

  /** A server's answer settled a request. */
  afterAnswer(m: Extract<Message, { kind: 'ClientReply' }>, at: number): void {
    const { requestId } = m;
    if (!m.ok) return this.afterClient({ kind: 'fail', requestId, at });
    const op: ClientOp =
      m.proof === undefined
        ? { kind: 'ok', requestId, at }
        : { kind: 'ok', requestId, at, value: m.value ?? null };
    this.afterClient(op);
  }

  /** The client stopped waiting for a request. */
  afterClientGaveUp(requestId: number, at: number): void {
    this.afterClient({ kind: 'fail', requestId, at });
  }

  private afterClient(op: ClientOp): void {
    for (const c of this.clientHooks) this.note(c, c.afterClient!(op));
  }

  /** Turns what was found into violations of `event`, which happened at `at`. */
  report(event: TraceEvent, at: number): void {
    if (this.found.length === 0) return;
    const found = this.found;
    this.found = [];
    for (const f of found) {
      this.violations.push({
        rule: f.checker.rule,
        ruleId: f.checker.id,
        at,
        seq: event.seq,
        event: describeEvent(event),
        detail: describeFinding(f.finding),
        finding: f.finding,
      });
    }
  }

  private note(checker: Checker, finding: Finding | null): void {
    if (finding !== null) this.found.push({ checker, finding });
  }
}
