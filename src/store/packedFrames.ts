// Frames and node frames as the history keeps them (store layer): the fields that move with
// nearly every event sit in the object itself, the rest in one steady part shared by every frame
// until one of them changes. Ten virtual minutes make about 170,000 frames and 110,000 node
// frames; most differ from the one before only in a few fields. Both read exactly like the plain
// shapes they implement (the steady fields are getters), and JSON gives the plain shapes too.
import type { FlightSpan } from './flightSpans';
import { flightsOf } from './flightSpans';
import type { FlightFrame, Frame, NodeFrame } from './frame';

/** A node's fields that change with a heartbeat, an append or a commit (thousands a minute). */
type NodeMoving =
  | 'commitIndex'
  | 'lastApplied'
  | 'electionDeadline'
  | 'electionTimeoutMs'
  | 'heartbeatDeadline'
  | 'progress'
  | 'log'
  | 'kv';

/** The rest: role, term, votes, faults, membership … (a few times a minute, if at all). */
export type NodeSteady = Omit<NodeFrame, NodeMoving>;

/**
 *   node frame 812  { steady: A, commitIndex: 40, log: … }   (A: leader, term 3)
 *   node frame 813  { steady: A, commitIndex: 41, log: … }   the same A, not a copy
 */
export class PackedNodeFrame implements NodeFrame {
  declare readonly id: NodeFrame['id'];
  declare readonly alive: NodeFrame['alive'];
  declare readonly fault: NodeFrame['fault'];
  declare readonly role: NodeFrame['role'];
  declare readonly term: NodeFrame['term'];
  declare readonly votedFor: NodeFrame['votedFor'];
  declare readonly leaderId: NodeFrame['leaderId'];
  declare readonly votes: NodeFrame['votes'];
  declare readonly logBase: NodeFrame['logBase'];
  declare readonly snapshot: NodeFrame['snapshot'];
  declare readonly reads: NodeFrame['reads'];
  declare readonly truncations: NodeFrame['truncations'];
  declare readonly lost: NodeFrame['lost'];
  declare readonly cutOff: NodeFrame['cutOff'];
  declare readonly voters: NodeFrame['voters'];
  declare readonly learners: NodeFrame['learners'];
  declare readonly joint: NodeFrame['joint'];
  declare readonly member: NodeFrame['member'];
  declare readonly transferTo: NodeFrame['transferTo'];
  declare readonly canStand: NodeFrame['canStand'];
  declare readonly rejection: NodeFrame['rejection'];

  constructor(
    readonly steady: NodeSteady,
    readonly commitIndex: number,
    readonly lastApplied: number,
    readonly electionDeadline: number,
    readonly electionTimeoutMs: number,
    readonly heartbeatDeadline: number,
    readonly progress: NodeFrame['progress'],
    readonly log: NodeFrame['log'],
    readonly kv: NodeFrame['kv'],
  ) {}

  /** The same steady part and every moving field the same (identity, not contents). */
  sameAs(other: PackedNodeFrame): boolean {
    return (
      this.steady === other.steady &&
      this.commitIndex === other.commitIndex &&
      this.lastApplied === other.lastApplied &&
      this.electionDeadline === other.electionDeadline &&
      this.electionTimeoutMs === other.electionTimeoutMs &&
      this.heartbeatDeadline === other.heartbeatDeadline &&
      this.progress === other.progress &&
      this.log === other.log &&
      this.kv === other.kv
    );
  }

  toJSON(): NodeFrame {
    const { steady, ...moving } = this;
    return { ...steady, ...moving };
  }
}

/** Every steady field of a node frame, named once: the getters below and frame comparisons. */
export const NODE_STEADY_KEYS = keysOf<NodeSteady>({
  id: true,
  alive: true,
  fault: true,
  role: true,
  term: true,
  votedFor: true,
  leaderId: true,
  votes: true,
  logBase: true,
  snapshot: true,
  reads: true,
  truncations: true,
  lost: true,
  cutOff: true,
  voters: true,
  learners: true,
  joint: true,
  member: true,
  transferTo: true,
  canStand: true,
  rejection: true,
});

readThrough<NodeSteady>(PackedNodeFrame.prototype, NODE_STEADY_KEYS);

/** A frame's fields that change rarely: the client count, network, facts, checkers, choices. */
export type FrameSteady = Omit<Frame, 'seq' | 'at' | 'event' | 'nodes' | 'flights' | 'requests'>;

/**
 *   frame 812  { seq: 812, at: 4310, event: …, nodes: …, steady: B }   (B: 47 requests, no cuts)
 *   frame 813  { seq: 813, at: 4311, event: …, nodes: …, steady: B }   the same B
 *
 * Its flights are read from a span shared by up to 128 frames (see flightSpans).
 */
export class PackedFrame implements Frame {
  declare readonly requestCount: Frame['requestCount'];
  declare readonly network: Frame['network'];
  declare readonly facts: Frame['facts'];
  declare readonly violations: Frame['violations'];
  declare readonly choices: Frame['choices'];

  constructor(
    readonly seq: number,
    readonly at: number,
    readonly event: Frame['event'],
    readonly nodes: Frame['nodes'],
    /** Its flights: the span that gives them (see flightSpans), or a list of its own. */
    readonly flightsKept: FlightSpan | readonly FlightFrame[],
    readonly requests: Frame['requests'],
    readonly steady: FrameSteady,
  ) {}

  get flights(): readonly FlightFrame[] {
    return flightsOf(this, this.seq, this.flightsKept);
  }

  toJSON(): Frame {
    const { steady, flightsKept: _, ...moving } = this;
    return { ...moving, flights: this.flights, ...steady };
  }
}

readThrough<FrameSteady>(
  PackedFrame.prototype,
  keysOf<FrameSteady>({
    requestCount: true,
    network: true,
    facts: true,
    violations: true,
    choices: true,
  }),
);

/**
 * Defines a getter on `proto` for every steady field, reading `this.steady`. The fields come as
 * a list keysOf made, so a field added to the read model cannot be missed.
 */
function readThrough<S extends object>(proto: object, keys: readonly (keyof S)[]): void {
  for (const key of keys) {
    Object.defineProperty(proto, key, {
      get(this: { readonly steady: S }) {
        return this.steady[key];
      },
    });
  }
}

/** The keys of `S`, from a record that must name every one of them (and nothing else). */
function keysOf<S extends object>(keys: {
  readonly [K in keyof S]-?: true;
}): readonly (keyof S)[] {
  return Object.freeze(Object.keys(keys) as (keyof S)[]);
}
