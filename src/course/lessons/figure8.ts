// Lesson 12 (course layer): the paper's Figure 8 — why a leader never commits an entry of an
// earlier term by counting its copies (§5.4.2). The history is played live with the paper's
// terms and short logs: S5 overwrites entries that a majority held, which is harmless with the
// rule on and loses a committed entry with it off.
import type { Condition, Cue, Lesson, LessonSettings } from '../types';

// Long election timeouts: only the timers the lesson fires go off while the history plays.
// One entry per AppendEntries and rare heartbeats: between heartbeats a leader sends a follower
// its next entry only when the reply for the last one comes back. So when S3 stores entry 3, S1
// has already heard that S3 stores entry 2 — a majority (S1, S2, S3) holds an entry of term 2 —
// while S3 still has nothing of term 4 and can vote for S5 later.
const SETTINGS: LessonSettings = {
  nodes: 5,
  seed: 8,
  electionTimeoutMs: [1000, 2000],
  heartbeatMs: 500,
  maxEntriesPerAppend: 1,
};

const leads = (node: number): Condition => ({ kind: 'role', node, role: 'leader' });

/**
 * (a) S2 leads term 1 and entry 1 reaches everyone; S1 wins term 2 and is cut off with S2 at
 * once, so its no-op (entry 2) and a client write (entry 3) go to S2 only.
 */
const PANEL_A: readonly Cue[] = [
  { do: 'timeout', node: 2 },
  { do: 'wait', until: { kind: 'logsAgree' }, maxMs: 1000 },
  { do: 'timeout', node: 1 },
  { do: 'wait', until: leads(1), maxMs: 500 },
  { do: 'partition', groups: [[1, 2], 'rest'] },
  { do: 'write', key: 'x', value: '2', via: 1 },
];
const A_DONE: Condition = { kind: 'logLength', node: 2, atLeast: 3 };

/** (b) The network heals and S5 stands for term 3: S3 and S4 vote for it, S1 and S2 refuse. */
const PANEL_B: readonly Cue[] = [{ do: 'heal' }, { do: 'timeout', node: 5 }];
const B_DONE = leads(5);

/**
 * (c) S5 is cut off the instant it wins, while the AppendEntries carrying its no-op are in
 * flight, so all four are lost, and it crashes; S4 crashes too. S1 stands for term 4 and wins
 * with S2 and S3.
 */
const PANEL_C: readonly Cue[] = [
  { do: 'partition', groups: [[5], 'rest'] },
  { do: 'crash', node: 5 },
  { do: 'crash', node: 4 },
  { do: 'timeout', node: 1 },
];
const C_DONE = leads(1);

/** S3 holds entry 3, so S1 heard it store entry 2 (see SETTINGS above). */
const MAJORITY_HOLDS: Condition = { kind: 'logLength', node: 3, atLeast: 3 };

/**
 * (d) S1 is cut off (whatever it sent is lost) and crashes; S4 and S5 come back, and S5 stands
 * twice: term 4 fails (S2 and S3 voted for S1 in it), term 5 wins with S3 and S4.
 */
const PANEL_D: readonly Cue[] = [
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
  of: [leads(5), { kind: 'commitIndex', node: 5, atLeast: 3 }],
};

const s1Committed: Condition = { kind: 'commitIndex', node: 1, atLeast: 2 };
const noViolation: Condition = { kind: 'not', of: { kind: 'violation' } };

export const figure8: Lesson = {
  id: 'figure-8',
  title: { en: 'Figure 8: committing old entries', zh: '图 8：提交旧任期的条目' },
  teaches: {
    en: 'A leader commits only by counting copies of an entry from its own term; an older entry on a majority can still be overwritten, and counting it would lose committed data.',
    zh: '领导者（leader）只能通过统计自己任期（term）条目的副本来提交（commit）；旧任期的条目即使在多数派（majority）上也可能被覆盖，按副本数提交它会丢失已提交的数据。',
  },
  settings: SETTINGS,
  steps: [
    {
      text: {
        en: 'The paper’s Figure 8, played live. Every server holds entry 1 from term 1. S1 has just won term 2 and is cut off with S2, so its entries 2 and 3 reach S2 only.',
        zh: '现场重演论文的图 8。每台服务器都有任期（term）1 的第 1 条日志（log）条目（entry）。S1 刚赢得任期 2 当上领导者（leader），却和 S2 一起被隔离，所以它的第 2、3 条只传到了 S2。',
      },
      cues: PANEL_A,
      until: A_DONE,
      maxMs: 500,
      focus: [
        { kind: 'node', node: 1 },
        { kind: 'entry', node: 2, index: 'last' },
      ],
    },
    {
      text: {
        en: 'The network heals and S5 stands for term 3. S1 and S2 refuse, as their logs are newer, but S3 and S4 vote for it. S5 wins and appends entry 2 of term 3.',
        zh: '网络恢复，S5 以任期 3 参选。S1 和 S2 的日志更新，所以拒绝；S3 和 S4 投票（vote）给它。S5 当选，追加了任期 3 的第 2 条。',
      },
      cues: PANEL_B,
      until: B_DONE,
      maxMs: 500,
      focus: [
        { kind: 'node', node: 5 },
        { kind: 'message', message: 'RequestVote' },
      ],
    },
    {
      text: {
        en: 'S5 is cut off at once, so the four messages carrying its entry are lost on the way and only S5 holds it. Then S5 crashes, and S4 goes down too. S1 stands for term 4 and wins with S2 and S3. Like every new leader, it appends a no-op entry of its own term.',
        zh: 'S5 随即被隔离，载着它那条条目的四条消息都在路上丢失了，只有 S5 自己有这一条。接着 S5 宕机，S4 也停了。S1 以任期 4 参选，靠 S2 和 S3 当选。和每个新领导者一样，它先追加一条自己任期的空操作（no-op）条目。',
      },
      cues: PANEL_C,
      until: C_DONE,
      maxMs: 500,
      focus: [
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'entry', node: 5, index: 2 },
        { kind: 'node', node: 1 },
        // S1's no-op, once it has appended it.
        { kind: 'entry', node: 1, index: 4 },
      ],
    },
    {
      text: {
        en: 'S1 sends S3 the entries it lacks, one per message. When S3 stores entry 3, S1 has heard that S3 stores entry 2: S1, S2 and S3, a majority, hold it.',
        zh: 'S1 把 S3 缺的条目发给它，每条消息一条。S3 存下第 3 条时，S1 已经得知 S3 存好了第 2 条：S1、S2、S3 这个多数派（majority）都有它了。',
      },
      until: MAJORITY_HOLDS,
      maxMs: 500,
      focus: [
        { kind: 'entry', node: 3, index: 'last' },
        { kind: 'field', field: 'commitIndex', node: 1 },
      ],
      predict: {
        question: {
          en: 'Once S1 hears that a majority stores entry 2, will it commit it?',
          zh: '一旦 S1 得知多数派存有第 2 条，它会提交（commit）这一条吗？',
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes: a majority holds it', zh: '会：多数派已经有了' },
            when: s1Committed,
          },
          {
            id: 'no',
            text: {
              en: 'No: it is from term 2, not from S1’s term 4',
              zh: '不会：它来自任期 2，不是 S1 的任期 4',
            },
            when: { kind: 'not', of: s1Committed },
          },
        ],
        correct: 'no',
        why: {
          en: 'A leader counts copies only of entries from its own term (§5.4.2). S1’s term-4 no-op is on S1 and S2 alone, so its commitIndex stays at 1.',
          zh: '领导者只统计自己任期条目的副本（§5.4.2）。S1 任期 4 的空操作只在 S1 和 S2 上，所以它的提交索引（commitIndex）仍是 1。',
        },
      },
    },
    {
      text: {
        en: 'S1 is cut off and crashes. S4 and S5 come back, and S5 stands again until it reaches term 5.',
        zh: 'S1 被隔离并宕机。S4 和 S5 回来了，S5 再次参选，直到任期 5。',
      },
      cues: PANEL_D,
      until: S5_LEADS,
      maxMs: 500,
      focus: [
        { kind: 'node', node: 5 },
        { kind: 'entry', node: 'all', index: 2 },
      ],
      predict: {
        question: {
          en: 'S5 lacks entries 2 and 3, which three servers hold. Will it win term 5?',
          zh: 'S5 没有三台服务器都存着的第 2、3 条。它会赢得任期 5 吗？',
        },
        answers: [
          {
            id: 'wins',
            text: {
              en: 'Yes, and it will overwrite entries 2 and 3 on the others',
              zh: '会，而且会覆盖其他服务器上的第 2、3 条',
            },
            when: { kind: 'all', of: [S5_LEADS, noViolation] },
          },
          {
            id: 'loses',
            text: {
              en: 'No: entries on a majority cannot be overwritten',
              zh: '不会：多数派上的条目不会被覆盖',
            },
            when: { kind: 'not', of: leads(5) },
          },
        ],
        correct: 'wins',
        why: {
          en: 'S5’s last entry is from term 3, newer than S3’s term 2 and S4’s term 1. Losing entries 2 and 3 does no harm: S1 never committed them, so no client was told they were done.',
          zh: 'S5 最后一条来自任期 3，比 S3 的任期 2、S4 的任期 1 都新。丢掉第 2、3 条没有害处：S1 从未提交它们，没有客户端被告知写入成功。',
        },
      },
    },
    {
      text: {
        en: 'The same history again, with the current-term rule (§5.4.2) switched off: a leader may commit any entry a majority holds. S1 has won term 4 again, and S3 has just stored entry 2.',
        zh: '重演同样的历史，但关掉“只按当前任期提交”这条规则（§5.4.2）：领导者只要看到条目在多数派上就可以提交。S1 再次赢得任期 4，S3 刚存下第 2 条。',
      },
      settings: { ...SETTINGS, rules: { currentTermCommit: false } },
      cues: [
        ...PANEL_A,
        { do: 'wait', until: A_DONE, maxMs: 500 },
        ...PANEL_B,
        { do: 'wait', until: B_DONE, maxMs: 500 },
        ...PANEL_C,
        { do: 'wait', until: { kind: 'logLength', node: 3, atLeast: 2 }, maxMs: 500 },
      ],
      until: MAJORITY_HOLDS,
      maxMs: 500,
      focus: [
        { kind: 'field', field: 'commitIndex', node: 1 },
        { kind: 'entry', node: 3, index: 'last' },
      ],
      predict: {
        question: {
          en: 'Without the rule, will S1 commit entry 2 when S3’s reply arrives?',
          zh: '没有这条规则，S3 的回复到达后，S1 会提交第 2 条吗？',
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
          en: 'Three of five hold it, so S1 counts it committed and applies it. It tells S3 so in the message that carries entry 3.',
          zh: '五台中有三台存着它，所以 S1 认为它已提交并应用它，又在发送第 3 条的消息里告诉了 S3。',
        },
      },
    },
    {
      text: {
        en: 'As before, S1 is cut off and crashes, and S5 comes back to stand for term 5.',
        zh: '和之前一样，S1 被隔离并宕机，S5 回来参选任期 5。',
      },
      cues: PANEL_D,
      until: { kind: 'all', of: [{ kind: 'violation' }, S5_LEADS] },
      maxMs: 500,
      focus: [
        { kind: 'node', node: 5 },
        { kind: 'entry', node: 'all', index: 2 },
      ],
      predict: {
        question: {
          en: 'S5 will win and overwrite entries 2 and 3 again. What will the safety checkers say?',
          zh: 'S5 会再次获胜并覆盖第 2、3 条。安全检查器会怎么说？',
        },
        answers: [
          {
            id: 'fine',
            text: { en: 'Nothing: no harm done', zh: '没有报警：没有造成损害' },
            when: noViolation,
          },
          {
            id: 'lost',
            text: { en: 'A committed entry was lost', zh: '一条已提交的条目丢失了' },
            when: { kind: 'violation' },
          },
        ],
        correct: 'lost',
        why: {
          en: 'S1 and S3 had committed entry 2, yet the new leader does not hold it. This is why Raft commits an old entry only together with an entry of the leader’s own term.',
          zh: 'S1 和 S3 已经提交了第 2 条，新领导者却没有它。这就是 Raft 只让旧条目随领导者自己任期的条目一起提交的原因。',
        },
      },
    },
  ],
};
