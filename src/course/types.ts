// What a lesson is, as data (course layer): narration in two languages, the actions that set
// each step up, the condition that finishes it, what to point at, and optional questions and
// tasks. The runner (runner.ts) plays this against any simulation, headless or in the browser.
import type {
  Membership,
  MessageKind,
  ReasonCode,
  Role,
  RuleId,
  RuleSwitches,
  SimAction,
  StagedDisk,
} from '../sim';

/** One text in both languages the app speaks. `{name}` is a server the lesson named (e.g. S3). */
export interface Words {
  readonly en: string;
  readonly zh: string;
}

/**
 * A server in a lesson: a fixed id, `'leader'` (the leader the cluster follows, at the moment the
 * reference is read), or a name a `mark` cue gave earlier. Names keep a lesson true whichever
 * server the seed makes leader.
 */
export type NodeRef = number | string;

/** Which server a `mark` cue names. */
export type Pick =
  | { readonly pick: 'leader' }
  /** The nth (0-based) live voter (of the configuration in use), not the leader nor excluded, by id. */
  | { readonly pick: 'follower'; readonly nth?: number; readonly except?: readonly NodeRef[] }
  | { readonly pick: 'node'; readonly node: NodeRef }
  /** The nth (0-based) live server in `role`, by id (e.g. the candidate of an election). */
  | { readonly pick: 'role'; readonly role: Role; readonly nth?: number };

/** How a read is made safe (thesis §6.4): `readIndex`, `lease`, or `local` (unchecked). */
export type ReadMode = NonNullable<Extract<SimAction, { do: 'read' }>['mode']>;

/** An action of a step, with servers by reference; the runner turns each into a SimAction. */
export type Cue =
  | { readonly do: 'crash' | 'restart' | 'timeout'; readonly node: NodeRef }
  /** Groups of servers; `'rest'` stands for every server no other group names. */
  | { readonly do: 'partition'; readonly groups: readonly (readonly NodeRef[] | 'rest')[] }
  | { readonly do: 'cut' | 'restore'; readonly a: NodeRef; readonly b: NodeRef }
  | { readonly do: 'heal' }
  | { readonly do: 'drop'; readonly rate: number }
  | { readonly do: 'write'; readonly key: string; readonly value: string; readonly via?: NodeRef }
  /** Appends `value` to the key's string (§6.3): a write applied twice would show. */
  | { readonly do: 'append'; readonly key: string; readonly value: string; readonly via?: NodeRef }
  /** A client read (§6.4), counted among the lesson's requests; `readIndex` unless `mode` says. */
  | { readonly do: 'read'; readonly key: string; readonly via?: NodeRef; readonly mode?: ReadMode }
  /** The server snapshots what it has applied (§5) when it next steps; its log then starts after. */
  | { readonly do: 'compact'; readonly node: NodeRef }
  | { readonly do: 'setDisk'; readonly node: NodeRef; readonly disk: StagedDisk }
  /** Names a server for later cues, conditions, highlights and narration. */
  | ({ readonly do: 'mark'; readonly name: string } & Pick)
  /** Lets the cluster run until `until` holds (at most `maxMs`): part of setting a scene up. */
  | { readonly do: 'wait'; readonly until: Condition; readonly maxMs?: number }
  /**
   * Membership (thesis ch. 4) and leadership transfer (§3.10), each a client request the lesson
   * counts among its own. A new server gets the next id; `name` marks it for later references.
   */
  | { readonly do: 'addServer'; readonly voter?: boolean; readonly name?: string }
  | { readonly do: 'removeServer'; readonly node: NodeRef }
  /** Joint consensus (§4.3): the voters become exactly these, through C_old,new. */
  | { readonly do: 'changeVoters'; readonly voters: readonly NodeRef[] }
  | { readonly do: 'transferLeadership'; readonly to: NodeRef };

/** What a server is in the configuration in use (the leader's): as the read model says. */
export type { Membership };

/**
 * What the simulation must do for a step to be finished, checked after every instant. Requests
 * are the lesson's own — writes, reads and membership requests alike, in the order its cues
 * sent them: `'last'` the newest, a number the nth (1-based) since the start.
 */
export type Condition =
  /** A leader the cluster follows (a majority alive in its term). */
  | { readonly kind: 'leaderElected' }
  /** A leader the cluster follows that is not `not`. */
  | { readonly kind: 'newLeader'; readonly not: NodeRef }
  | { readonly kind: 'role'; readonly node: NodeRef; readonly role: Role }
  /** At least `count` live servers believe they lead, at the same moment. */
  | { readonly kind: 'leaders'; readonly count: number }
  /** At least `count` live servers are in `role` at the same moment. */
  | { readonly kind: 'roleCount'; readonly role: Role; readonly count: number }
  /**
   * Leader `leader` knows `node` holds its log up to `atLeast` (its matchIndex for it): the
   * follower's reply has arrived, not just the entry.
   */
  | {
      readonly kind: 'matchIndex';
      readonly leader: NodeRef;
      readonly node: NodeRef;
      readonly atLeast: number;
    }
  /** The highest term of any live server is at least `term`, or above the step's start + `by`. */
  | { readonly kind: 'term'; readonly atLeast?: number; readonly risesBy?: number }
  | { readonly kind: 'nodeTerm'; readonly node: NodeRef; readonly atLeast: number }
  /** The server's term reached the highest term of the step's start + `by`: it heard of a newer term. */
  | { readonly kind: 'nodeTermRises'; readonly node: NodeRef; readonly by: number }
  /** The request's entry is committed on at least `count` servers (default: all live ones). */
  | { readonly kind: 'committed'; readonly request: 'last' | number; readonly count?: number }
  /**
   * The client heard back: acknowledged (`ok`) or given up (`failed`); either when not said.
   * Every field given must hold: `value`, a read answered with it (null: no such key);
   * `failure`, refused or given up for that reason; `duplicate`, whether a write was answered
   * with its session's saved reply (§6.3) because a copy of it had been applied already.
   */
  | {
      readonly kind: 'replied';
      readonly request: 'last' | number;
      readonly status?: 'ok' | 'failed';
      readonly value?: string | null;
      readonly failure?: ReasonCode;
      readonly duplicate?: boolean;
    }
  /**
   * A read of `key` sent since the step started — the lesson's or the student's own — was
   * answered: with `value` when given; `safe`, in a mode that checks leadership (not `local`).
   */
  | {
      readonly kind: 'readAnswered';
      readonly key: string;
      readonly value?: string | null;
      readonly safe?: boolean;
    }
  /** At least `count` disks, running or crashed, hold the request's entry (committed or not). */
  | { readonly kind: 'stored'; readonly request: 'last' | number; readonly count: number }
  /** The client sent the request again (§6.3) at least `atLeast` times (default 1). */
  | { readonly kind: 'retried'; readonly request: 'last' | number; readonly atLeast?: number }
  /** `node`'s log (after its snapshot) holds at least `atLeast` entries of the request's write. */
  | {
      readonly kind: 'copies';
      readonly request: 'last' | number;
      readonly node: NodeRef;
      readonly atLeast: number;
    }
  /** A copy of the request's write was applied as a duplicate: its session skipped it (§6.3). */
  | { readonly kind: 'duplicateFiltered'; readonly request: 'last' | number }
  /** The state machine of `node` (or of every live server) maps `key` to `value` (null: no key). */
  | {
      readonly kind: 'stateMachine';
      readonly node: NodeRef | 'all';
      readonly key: string;
      readonly value: string | null;
    }
  /**
   * `node` has a snapshot (§5) covering index `atLeast` (default 1) and, when given, the
   * request's entry: its log starts after it.
   */
  | {
      readonly kind: 'snapshotAt';
      readonly node: NodeRef;
      readonly atLeast?: number;
      readonly request?: 'last' | number;
    }
  /**
   * At least `count` (default 1) live servers committed past the highest commit index of the
   * step's start: any write commits, the student's own included.
   */
  | { readonly kind: 'commitRises'; readonly count?: number }
  /** The request's entry was overwritten before it committed. */
  | { readonly kind: 'replaced'; readonly request: 'last' | number }
  /** Every live server holds the same log as the leader and has committed all of it. */
  | { readonly kind: 'logsAgree' }
  | { readonly kind: 'commitIndex'; readonly node: NodeRef; readonly atLeast: number }
  | { readonly kind: 'logLength'; readonly node: NodeRef; readonly atLeast: number }
  /** A checker reported a violation (of `rule`, when given). */
  | { readonly kind: 'violation'; readonly rule?: RuleId }
  | { readonly kind: 'alive'; readonly node: NodeRef; readonly alive: boolean }
  /**
   * The configuration in use (the leader's; thesis §4.1), or the one server `node` uses: its
   * voters (C_new during a joint change) are exactly `voters`, include every one of `includes`,
   * none of `excludes`, number `count`; `joint` says whether a joint change (§4.3) is under way.
   * Every field given must hold.
   */
  | {
      readonly kind: 'configuration';
      readonly node?: NodeRef;
      readonly voters?: readonly NodeRef[];
      readonly includes?: readonly NodeRef[];
      readonly excludes?: readonly NodeRef[];
      readonly count?: number;
      readonly joint?: boolean;
      /** Only once the leader's configuration entry is committed: the change is done. */
      readonly committed?: boolean;
    }
  /** What `node` is in the configuration in use: a voter, a learner, or outside it. */
  | { readonly kind: 'member'; readonly node: NodeRef; readonly is: Membership }
  /** Leader `node` is handing leadership over (§3.10), to `to` when given. */
  | { readonly kind: 'transferring'; readonly node: NodeRef; readonly to?: NodeRef }
  | { readonly kind: 'all'; readonly of: readonly Condition[] }
  | { readonly kind: 'any'; readonly of: readonly Condition[] }
  | { readonly kind: 'not'; readonly of: Condition };

/** A field of the inspector, by the name it has there (Figure 2's words). */
export type FieldName =
  | 'currentTerm'
  | 'votedFor'
  | 'log'
  | 'commitIndex'
  | 'lastApplied'
  | 'electionDeadline'
  | 'heartbeatDeadline'
  | 'votes'
  | 'nextIndex'
  | 'matchIndex';

/** Something on screen a step points at. */
export type Focus =
  | { readonly kind: 'node'; readonly node: NodeRef }
  | { readonly kind: 'link'; readonly a: NodeRef; readonly b: NodeRef }
  | { readonly kind: 'message'; readonly message: MessageKind }
  /** A log cell; `'all'` marks that index in every row, `'last'` each row's last entry. */
  | {
      readonly kind: 'entry';
      readonly node: NodeRef | 'all';
      readonly index: number | 'last';
    }
  | { readonly kind: 'field'; readonly field: FieldName; readonly node?: NodeRef }
  /** A server's snapshot (§5): the block before its first remaining entry; none, nothing shown. */
  | { readonly kind: 'snapshot'; readonly node: NodeRef }
  | { readonly kind: 'client' };

/** A question asked before the world moves on; the answer that happened is read, not written. */
export interface Prediction {
  readonly question: Words;
  /** 2–4 answers; each says by a condition, read when the step finishes, whether it happened. */
  readonly answers: readonly {
    readonly id: string;
    readonly text: Words;
    readonly when: Condition;
  }[];
  /** The answer the lesson expects to happen; the course tests prove the simulation agrees. */
  readonly correct: string;
  /** Why it went that way, shown with the reveal. */
  readonly why: Words;
}

/** "Your turn": the student acts on the live cluster until `done` holds. */
export interface Task {
  readonly goal: Words;
  readonly hint: Words;
  readonly done: Condition;
  /** A known solution, as cues, that "Show me" plays; also how walking past the step goes on. */
  readonly solution: readonly Cue[];
  /** How long the solution may take to reach `done`, in virtual ms. */
  readonly maxMs?: number;
}

export interface Step {
  readonly text: Words;
  /**
   * This step starts on a fresh cluster with these settings (e.g. the same test on 3, 4, 5 and
   * 6 servers); later steps go on from it. The first step uses the lesson's settings.
   */
  readonly settings?: LessonSettings;
  /** Done on entering the step, before anything plays (and before a prediction is asked). */
  readonly cues?: readonly Cue[];
  /** The step is finished when this holds (for a task step: when the task is done). */
  readonly until: Condition;
  /** The most virtual ms `until` may take; the course tests hold every step to it. */
  readonly maxMs?: number;
  readonly focus?: readonly Focus[];
  readonly predict?: Prediction;
  readonly task?: Task;
}

/** The cluster a lesson starts from: the settings the Settings panel and the link carry. */
export interface LessonSettings {
  readonly nodes: number;
  readonly seed: number;
  readonly electionTimeoutMs?: readonly [number, number];
  readonly heartbeatMs?: number;
  readonly latencyMs?: readonly [number, number];
  readonly preVote?: boolean;
  readonly checkQuorum?: boolean;
  /** Chance that any one message is lost, 0…1 (default 0). */
  readonly dropRate?: number;
  /** Thesis §5: a server compacts once it applied this many entries since its last snapshot. */
  readonly snapshotEvery?: number;
  /** Thesis §6.3: a client sends an unanswered request again after this many ms (0: never). */
  readonly clientRetryMs?: number;
  /** Most entries one AppendEntries carries (default 64); 1 stages the paper's Figure 8. */
  readonly maxEntriesPerAppend?: number;
  readonly rules?: Partial<RuleSwitches>;
}

export interface Lesson {
  /** Used in links (`?lesson=…`): keep it. */
  readonly id: string;
  readonly title: Words;
  /** One sentence: what the lesson teaches, for the course page. */
  readonly teaches: Words;
  readonly settings: LessonSettings;
  readonly steps: readonly Step[];
}
