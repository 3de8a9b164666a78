// Layout layer: the shapes the space-time diagram reads and the shapes it computes. What it reads
// is a structural view of the store's frames (seq, at, event, nodes, flights), so layout needs no
// store import; what it computes (arrows, marks, lane spans) the UI draws as they are.
import type { Message, Role } from '../raft';

/** A node as an event saw it before or after (the simulator's Brief). */
export interface DiagramBrief {
  readonly role: Role;
  readonly term: number;
  readonly commitIndex: number;
}

/** The fields of a trace event the diagram reads; every other field is ignored. */
export interface DiagramEvent {
  readonly kind: string;
  readonly seq: number;
  readonly at: number;
  readonly node?: number | null;
  readonly input?: string;
  readonly message?: Message | null;
  readonly before?: DiagramBrief;
  readonly after?: DiagramBrief;
  readonly reason?: string;
  readonly action?: string;
  /** An action's detail (as data); read field by field, never trusted to have a shape. */
  readonly detail?: unknown;
}

export interface DiagramFlight {
  readonly id: number;
  readonly message: Message;
  readonly sentAt: number;
  readonly arriveAt: number;
  readonly lostAt: number | null;
  readonly lossReason: string | null;
  readonly held: boolean;
}

export interface DiagramNode {
  readonly id: number;
  readonly role: Role;
  readonly term: number;
  readonly alive: boolean;
}

export interface DiagramFrame {
  readonly seq: number;
  readonly at: number;
  readonly event: DiagramEvent | null;
  readonly nodes: readonly DiagramNode[];
  readonly flights: readonly DiagramFlight[];
}

/** A history of frames by position (the store's FrameList fits this shape). */
export interface DiagramHistory {
  readonly length: number;
  /** Lists grown from one start share a lineage; a rebuilt history has a new one. */
  readonly lineage: number;
  get(i: number): DiagramFrame | undefined;
}

/**
 * One message between two servers. Times are virtual ms; `endAt` is when it was delivered or
 * died, or, while it is still on the wire at the newest frame, when it is due (`fate` 'flying').
 */
export interface Arrow {
  /** The flight id; a message that died in the instant it was sent has -(its loss's seq). */
  readonly key: number;
  /** The flight id the inspector knows it by, or null when no frame ever carried it. */
  readonly flight: number | null;
  readonly message: Message;
  readonly from: number;
  readonly to: number;
  readonly sentAt: number;
  /** The first frame that carries it (where the inspector can show it). */
  readonly sendSeq: number;
  /** When it would reach the receiver's door by itself. */
  readonly arriveAt: number;
  readonly endAt: number;
  /** The frame of its delivery or loss; null while flying. */
  readonly endSeq: number | null;
  readonly fate: 'flying' | 'delivered' | 'lost';
  readonly lossReason: string | null;
  /** It waited at the receiver's door (held by a person, or manual delivery). */
  readonly held: boolean;
}

export type MarkKind =
  | 'preVote'
  | 'election'
  | 'leader'
  | 'stepDown'
  | 'commit'
  | 'crash'
  | 'restart'
  | 'fault'
  | 'partition'
  | 'heal'
  | 'cut'
  | 'restore'
  | 'hold'
  | 'release'
  | 'drop'
  | 'duplicate'
  | 'releaseAll'
  | 'manual';

/** Something that happened at one instant: on a server's lane, or (node null) to the whole cluster. */
export interface Mark {
  readonly kind: MarkKind;
  readonly seq: number;
  readonly at: number;
  readonly node: number | null;
  /** A term (elections, leaders, step-downs), a commitIndex, a message id, or manual on (1) / off (0). */
  readonly value: number | null;
  /** A cut's or restore's other end. */
  readonly peer: number | null;
  /** A partition's groups. */
  readonly groups: readonly (readonly number[])[] | null;
}

/** A stretch of one server's lane with one role, term and liveness; `end` null runs to the newest frame. */
export interface LaneSpan {
  readonly node: number;
  readonly start: number;
  readonly end: number | null;
  readonly seq: number;
  readonly role: Role;
  readonly term: number;
  readonly alive: boolean;
}

/** What overlaps one window of time. */
export interface DiagramWindow {
  readonly arrows: readonly Arrow[];
  readonly marks: readonly Mark[];
  /** Per lane (index = node id - 1), its spans overlapping the window, oldest first. */
  readonly lanes: readonly (readonly LaneSpan[])[];
}
