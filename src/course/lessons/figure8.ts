// Lesson 12 (course layer): the paper's Figure 8 — why a leader never commits an entry of an
// earlier term by counting its copies (§5.4.2). A staged history in which S5 overwrites entries
// that a majority held: harmless with the rule on, a lost committed entry with it off.
import type { Condition, Cue, Lesson, LessonSettings } from '../types';
import type { StagedDisk } from '../../sim';
import { DEFAULT_OPTIONS } from '../../sim';

// Every new leader appends a no-op of its term at once, so its older entries normally travel in
// the same message as the no-op and could only ever be counted with it. But a leader sends at most
// BATCH entries per message: S3 lacks two full batches of term-2 entries, so S1 sends those first
// and the no-op after. S3 receiving the second batch proves S1 heard that S3 stores the first —
// a majority then holds entries 2…FIRST_END — while S3 still has nothing of term 4 and can vote
// for S5 later.
const BATCH = DEFAULT_OPTIONS.maxEntriesPerAppend;
/** Entries S1 appended in term 2 that reached only S2. */
const TERM_2_ENTRIES = 2 * BATCH;
/** The last index of the first batch S3 receives (index 1 it already holds). */
const FIRST_END = 1 + BATCH;
const LAST_OLD = 1 + TERM_2_ENTRIES;

const noop = { kind: 'noop' } as const;

function disk(currentTerm: number, votedFor: number | null, tail: StagedDisk['log']): StagedDisk {
  return { currentTerm, votedFor, log: [{ term: 1, command: noop }, ...tail] };
}

const term2 = Array.from({ length: TERM_2_ENTRIES }, (_, i) => ({
  term: 2,
  command: { kind: 'set', key: `k${i + 2}`, value: 'v' } as const,
}));

/**
 * (a) S1 led term 2 and stored its entries on S2 only; (b) S5 led term 3 with the votes of S3 and
 * S4 and stored its no-op on itself only. S1, S2 and S3 are running again; S4 and S5 are down.
 */
const STAGE: readonly Cue[] = [
  ...[1, 2, 3, 4, 5].map((node): Cue => ({ do: 'crash', node })),
  // S1 heard S5 ask for votes in term 3 (and refused: its own log was more up to date).
  { do: 'setDisk', node: 1, disk: disk(3, null, term2) },
  { do: 'setDisk', node: 2, disk: disk(2, 1, term2) },
  { do: 'setDisk', node: 3, disk: disk(3, 5, []) },
  { do: 'setDisk', node: 4, disk: disk(3, 5, []) },
  { do: 'setDisk', node: 5, disk: disk(3, 5, [{ term: 3, command: noop }]) },
  ...[1, 2, 3].map((node): Cue => ({ do: 'restart', node })),
];

/** S1 stands and wins term 4 with the votes of S2 and S3. */
const S1_WINS: readonly Cue[] = [
  { do: 'timeout', node: 1 },
  { do: 'wait', until: { kind: 'role', node: 1, role: 'leader' }, maxMs: 500 },
];

/** S3 has the second batch, so S1 heard it store the first (see BATCH above). */
const MAJORITY_HOLDS: Condition = { kind: 'logLength', node: 3, atLeast: FIRST_END + 1 };

/**
 * S1 is cut off (whatever it sent is lost) and crashes; S4 and S5 come back, and S5 stands twice:
 * term 4 fails (S3 voted for S1 in it), term 5 wins with S3 and S4.
 */
const S5_RETURNS: readonly Cue[] = [
  { do: 'partition', groups: [[1], 'rest'] },
  { do: 'crash', node: 1 },
  { do: 'restart', node: 4 },
  { do: 'restart', node: 5 },
  { do: 'timeout', node: 5 },
  { do: 'wait', until: { kind: 'nodeTerm', node: 4, atLeast: 4 }, maxMs: 500 },
  { do: 'timeout', node: 5 },
];

const S5_LEADS: Condition = {
  kind: 'all',
  of: [
    { kind: 'role', node: 5, role: 'leader' },
    { kind: 'commitIndex', node: 5, atLeast: 3 },
  ],
};

const s1Committed: Condition = { kind: 'commitIndex', node: 1, atLeast: 2 };

// Long election timeouts: only the timers the lesson fires go off. Rare heartbeats: S1 sends
// only in answer to replies, so the batches go out in the order explained at BATCH above.
const SETTINGS: LessonSettings = {
  nodes: 5,
  seed: 12,
  electionTimeoutMs: [2000, 3000],
  heartbeatMs: 400,
};

export const figure8: Lesson = {
  id: 'figure-8',
  title: { en: 'Figure 8: committing old entries', zh: '图 8：提交旧任期的条目' },
  teaches: {
    en: 'A leader commits only by counting copies of an entry from its own term; an older entry on a majority can still be overwritten, and counting it would lose committed data.',
    zh: '领导者只能通过统计自己任期条目的副本来提交；旧任期的条目即使在多数派上也可能被覆盖，按副本数提交它会丢失已提交的数据。',
  },
  settings: SETTINGS,
  steps: [
    {
      text: {
        en: `A staged history, as in the paper’s Figure 8. S1 led term 2 and stored ${TERM_2_ENTRIES} entries on S2 only. S5 then led term 3 with the votes of S3 and S4, and stored one entry on itself.`,
        zh: `这是按论文图 8 布置好的历史。S1 曾是任期（term）2 的领导者（leader），写了 ${TERM_2_ENTRIES} 条日志（log）条目，只传到了 S2。之后 S5 靠 S3 和 S4 的选票当上任期 3 的领导者，只在自己这里写了一条。`,
      },
      cues: STAGE,
      until: { kind: 'term', atLeast: 3 },
      focus: [
        { kind: 'entry', node: 'all', index: 'last' },
        { kind: 'node', node: 5 },
      ],
    },
    {
      text: {
        en: 'S1 comes back and stands in term 4. S2 and S3 vote for it, and like every new leader it appends a no-op entry of its own term.',
        zh: 'S1 回来后以任期 4 参选。S2 和 S3 投票给它；和每个新领导者一样，它先追加一条自己任期的空操作（no-op）条目。',
      },
      cues: [{ do: 'timeout', node: 1 }],
      until: { kind: 'role', node: 1, role: 'leader' },
      maxMs: 500,
      focus: [
        { kind: 'node', node: 1 },
        { kind: 'entry', node: 1, index: 'last' },
      ],
    },
    {
      text: {
        en: `S1 sends S3 what it lacks, at most ${BATCH} entries per message, the no-op last. Once S3 stores the first batch, S1, S2 and S3 — a majority — hold entries 2 to ${FIRST_END}.`,
        zh: `S1 把 S3 缺的条目发给它，每条消息最多 ${BATCH} 条，空操作在最后。S3 存下第一批后，S1、S2、S3 这个多数派（majority）都有了第 2 到 ${FIRST_END} 条。`,
      },
      until: MAJORITY_HOLDS,
      maxMs: 500,
      focus: [
        { kind: 'node', node: 3 },
        { kind: 'entry', node: 3, index: 'last' },
        { kind: 'field', field: 'commitIndex', node: 1 },
      ],
      predict: {
        question: {
          en: `Once S1 hears that a majority stores entries 2 to ${FIRST_END}, will it commit them?`,
          zh: `一旦 S1 得知多数派存有第 2 到 ${FIRST_END} 条，它会提交（commit）它们吗？`,
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes: a majority holds them', zh: '会：多数派已经有了' },
            when: s1Committed,
          },
          {
            id: 'no',
            text: {
              en: 'No: they are from term 2, not from S1’s term 4',
              zh: '不会：它们来自任期 2，不是 S1 的任期 4',
            },
            when: { kind: 'not', of: s1Committed },
          },
        ],
        correct: 'no',
        why: {
          en: 'A leader counts copies only of entries from its own term (§5.4.2). S1’s term-4 no-op is on S1 and S2 alone, so its commitIndex stays where it was.',
          zh: '领导者只统计自己任期条目的副本（§5.4.2）。S1 的任期 4 空操作只在 S1 和 S2 上，所以它的提交索引（commitIndex）不动。',
        },
      },
    },
    {
      text: {
        en: 'S1 is cut off and crashes. S4 and S5 come back, and S5 stands again until it reaches term 5.',
        zh: 'S1 被隔离并宕机。S4 和 S5 回来了，S5 一再参选，直到任期 5。',
      },
      cues: S5_RETURNS,
      until: S5_LEADS,
      maxMs: 500,
      focus: [
        { kind: 'node', node: 5 },
        { kind: 'entry', node: 'all', index: 2 },
      ],
      predict: {
        question: {
          en: `S5 lacks entries 2 to ${LAST_OLD} that three servers hold. Can it win term 5?`,
          zh: `S5 没有三台服务器都存着的第 2 到 ${LAST_OLD} 条。它能赢得任期 5 吗？`,
        },
        answers: [
          {
            id: 'wins',
            text: {
              en: 'Yes: S3 and S4 find its log up to date, and it overwrites the others’ logs',
              zh: '能：S3 和 S4 认为它的日志够新，它会覆盖其他人的日志',
            },
            when: { kind: 'all', of: [S5_LEADS, { kind: 'not', of: { kind: 'violation' } }] },
          },
          {
            id: 'loses',
            text: {
              en: 'No: entries on a majority cannot be overwritten',
              zh: '不能：多数派上的条目不会被覆盖',
            },
            when: { kind: 'not', of: { kind: 'role', node: 5, role: 'leader' } },
          },
        ],
        correct: 'wins',
        why: {
          en: `S5’s last entry is from term 3, newer than S3’s term 2 and S4’s term 1. Losing entries 2 to ${LAST_OLD} is harmless: S1 never committed them, so no client was told they were done.`,
          zh: `S5 最后一条来自任期 3，比 S3 的任期 2、S4 的任期 1 都新。丢掉第 2 到 ${LAST_OLD} 条没有害处：S1 从未提交它们，没有客户端被告知写入成功。`,
        },
      },
    },
    {
      text: {
        en: 'The same history again, with the current-term rule (§5.4.2) switched off: a leader may commit any entry that a majority holds. S1 wins term 4 again and sends S3 its first batch.',
        zh: '重演同样的历史，但关掉“只按当前任期提交”这条规则（§5.4.2）：领导者只要看到条目在多数派上就可以提交。S1 再次赢得任期 4，把第一批条目发给 S3。',
      },
      settings: { ...SETTINGS, rules: { currentTermCommit: false } },
      cues: [...STAGE, ...S1_WINS],
      until: MAJORITY_HOLDS,
      maxMs: 500,
      focus: [
        { kind: 'field', field: 'commitIndex', node: 1 },
        { kind: 'entry', node: 3, index: 'last' },
      ],
      predict: {
        question: {
          en: `Without the rule, will S1 commit entries 2 to ${FIRST_END} this time?`,
          zh: `没有这条规则，S1 这次会提交第 2 到 ${FIRST_END} 条吗？`,
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes, by counting three copies', zh: '会：数到了三份副本' },
            when: s1Committed,
          },
          {
            id: 'no',
            text: { en: 'No, still not', zh: '不会，仍然不会' },
            when: { kind: 'not', of: s1Committed },
          },
        ],
        correct: 'yes',
        why: {
          en: 'Three of five hold them, so S1 counts them committed, applies them and tells S3 so in the same message that carries the second batch.',
          zh: '五台中有三台存着它们，所以 S1 认为它们已提交，应用到状态机，并在发送第二批的消息里把这件事告诉 S3。',
        },
      },
    },
    {
      text: {
        en: 'As before, S1 is cut off and crashes, and S5 comes back to stand for term 5.',
        zh: '和之前一样，S1 被隔离并宕机，S5 回来参选任期 5。',
      },
      cues: S5_RETURNS,
      until: { kind: 'all', of: [{ kind: 'violation' }, S5_LEADS] },
      maxMs: 500,
      focus: [
        { kind: 'node', node: 5 },
        { kind: 'entry', node: 'all', index: 2 },
      ],
      predict: {
        question: {
          en: `S5 will win and overwrite entries 2 to ${LAST_OLD} again. What will the safety checkers say?`,
          zh: `S5 会再次获胜并覆盖第 2 到 ${LAST_OLD} 条。安全检查器会怎么说？`,
        },
        answers: [
          {
            id: 'fine',
            text: { en: 'Nothing: no harm done', zh: '没有报警：没有造成损害' },
            when: { kind: 'not', of: { kind: 'violation' } },
          },
          {
            id: 'lost',
            text: { en: 'A committed entry was lost', zh: '一条已提交的条目丢失了' },
            when: { kind: 'violation' },
          },
        ],
        correct: 'lost',
        why: {
          en: `S1 and S3 had committed and applied entries 2 to ${FIRST_END}, yet the new leader does not hold them. This is why Raft commits an old entry only together with an entry of the leader’s own term.`,
          zh: `S1 和 S3 已经提交并应用了第 2 到 ${FIRST_END} 条，新领导者却没有它们。这就是 Raft 只让旧条目随领导者自己任期的条目一起提交的原因。`,
        },
      },
    },
  ],
};
