// Lesson 8 (course layer): the election restriction (§5.4.1). The paper's Figure 7 logs are
// staged on seven servers, and timers are fired by hand: a longer log with an older last term
// loses, a shorter one with a newer last term wins, and the winner's log replaces the rest.
// Nothing moves on the staged logs until a timer fires, so the first step fires S7's at once.
import type { Condition, Cue, Lesson, LessonSettings } from '../types';

/** Figure 7: the terms of each server's log, S1 the paper's leader and S2–S7 its (a)–(f). */
const FIGURE_7: readonly (readonly number[])[] = [
  [1, 1, 1, 4, 4, 5, 5, 6, 6, 6],
  [1, 1, 1, 4, 4, 5, 5, 6, 6],
  [1, 1, 1, 4],
  [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  [1, 1, 1, 4, 4, 4, 4],
  [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
];

/** Every server is down, holds its Figure 7 log in term 7, and comes back with no leader. */
function stageFigure7(): Cue[] {
  const ids = FIGURE_7.map((_, i) => i + 1);
  return [
    ...ids.map((node): Cue => ({ do: 'crash', node })),
    ...FIGURE_7.map((terms, i): Cue => ({
      do: 'setDisk',
      node: i + 1,
      disk: {
        currentTerm: 7,
        votedFor: null,
        // The command depends only on (index, term), as Log Matching requires.
        log: terms.map((term, k) => ({
          term,
          command: { kind: 'set', key: `i${k + 1}`, value: `t${term}` },
        })),
      },
    })),
    ...ids.map((node): Cue => ({ do: 'restart', node })),
  ];
}

// Long election timeouts: nobody stands unless the lesson (or the student) fires a timer.
const SETTINGS: LessonSettings = { nodes: 7, seed: 8, electionTimeoutMs: [2000, 3000] };

const leads = (node: number): Condition => ({ kind: 'role', node, role: 'leader' });

export const restriction: Lesson = {
  id: 'restriction',
  title: { en: 'Who may win an election', zh: '谁能赢得选举' },
  teaches: {
    en: 'A server wins only if its log is at least as up to date as a majority’s: the later last term wins, and length counts only between equal last terms.',
    zh: '只有日志（log）至少和多数派（majority）一样新的服务器才能当选：先比最后一条的任期（term），任期相同才比长度。',
  },
  settings: SETTINGS,
  steps: [
    {
      text: {
        en: 'These seven servers hold the logs of the paper’s Figure 7: each cell is an entry, coloured by the term it was written in, and none of them leads. A voter refuses a candidate whose log is less up to date than its own (§5.4.1). It compares the terms of the last entries first; only when they are equal does the longer log count.',
        zh: '这七台服务器存着论文图 7 中的日志（log）：每一格是一条条目（entry），颜色表示写入它时的任期（term），目前没有领导者（leader）。投票者（voter）会拒绝日志不如自己新的候选人（candidate），这就是选举限制（election restriction，§5.4.1）。先比较最后一条条目的任期；只有任期相同时，才比谁的日志更长。',
      },
      cues: [...stageFigure7(), { do: 'timeout', node: 7 }],
      until: {
        kind: 'all',
        of: [1, 2, 3, 4, 5, 6].map((node) => ({ kind: 'nodeTerm', node, atLeast: 8 })),
      },
      maxMs: 500,
      focus: [
        { kind: 'entry', node: 'all', index: 'last' },
        { kind: 'node', node: 7 },
        { kind: 'message', message: 'RequestVote' },
      ],
      predict: {
        question: {
          en: 'S7’s timer went off first, and it now stands for term 8 with 11 entries, one more than S1. Will it win?',
          zh: 'S7 的计时器最先到期，它正以任期 8 参选，手里有 11 条条目，比 S1 还多一条。它会赢吗？',
        },
        answers: [
          {
            id: 'wins',
            text: { en: 'Yes: the longest log wins', zh: '会：日志最长的就赢' },
            when: leads(7),
          },
          {
            id: 'refused',
            text: {
              en: 'No: its last entry is from term 3, older than everyone else’s',
              zh: '不会：它最后一条来自任期 3，比其他人的都旧',
            },
            when: { kind: 'not', of: leads(7) },
          },
        ],
        correct: 'refused',
        why: {
          en: 'Every other server’s last entry has a term of 4 or more, so each finds S7’s log less up to date and refuses. Length only breaks a tie in the last term.',
          zh: '其他每台服务器最后一条的任期都至少是 4，所以都认为 S7 的日志更旧而拒绝投票。长度只在最后任期相同时才起作用。',
        },
      },
    },
    {
      text: {
        en: 'Now S2 stands. It holds only 9 entries, fewer than S1, S4, S5 or S7, but its last entry is from term 6. Three logs end in older terms: S3’s and S6’s with an entry of term 4, S7’s with one of term 3.',
        zh: '现在 S2 参选。它只有 9 条条目，比 S1、S4、S5、S7 都少，但它最后一条来自任期 6。有三份日志结尾的任期更旧：S3 和 S6 的最后一条来自任期 4，S7 的来自任期 3。',
      },
      cues: [{ do: 'timeout', node: 2 }],
      until: { kind: 'leaderElected' },
      maxMs: 500,
      focus: [
        { kind: 'node', node: 2 },
        { kind: 'entry', node: 2, index: 'last' },
        { kind: 'message', message: 'RequestVote' },
      ],
      predict: {
        question: {
          en: 'Will S2 win, with its shorter log?',
          zh: '日志更短的 S2 会赢吗？',
        },
        answers: [
          {
            id: 'wins',
            text: {
              en: 'Yes: S3, S6 and S7 find its log up to date',
              zh: '会：S3、S6 和 S7 认为它的日志足够新',
            },
            when: leads(2),
          },
          {
            id: 'refused',
            text: { en: 'No: longer logs will refuse it', zh: '不会：日志更长的服务器都会拒绝它' },
            when: { kind: 'not', of: leads(2) },
          },
        ],
        correct: 'wins',
        why: {
          en: 'S3 and S6 end in term 4 and S7 in term 3, all older than 6, so they vote for S2: with its own vote that is 4 of 7, a majority.',
          zh: 'S3 和 S6 的最后任期是 4，S7 是 3，都比 6 旧，所以它们投给 S2；加上它自己共 4 票，是七台中的多数派（majority）。',
        },
      },
    },
    {
      text: {
        en: 'S2 leads and makes every log equal to its own. The entries it removes were on at most three of seven servers, never a majority, so none of them can have been committed.',
        zh: 'S2 当上领导者，把每台的日志改成和自己一样。被删掉的条目最多只在七台中的三台上，从未达到多数派，所以都不可能已经提交（commit）。',
      },
      until: { kind: 'logsAgree' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 2 },
        { kind: 'entry', node: 'all', index: 10 },
        { kind: 'message', message: 'AppendEntries' },
      ],
    },
    {
      text: {
        en: 'Your turn, on the Figure 7 logs again. The longest log does not decide an election; the last term does. The logs end in these terms: S1 6, S2 6, S3 4, S4 6, S5 7, S6 4, S7 3.',
        zh: '轮到你了，还是图 7 的日志。决定选举的不是日志长度，而是最后一条的任期。各日志最后一条的任期：S1 是 6，S2 是 6，S3 是 4，S4 是 6，S5 是 7，S6 是 4，S7 是 3。',
      },
      settings: SETTINGS,
      cues: stageFigure7(),
      until: { kind: 'any', of: [leads(1), leads(2)] },
      focus: [{ kind: 'entry', node: 'all', index: 'last' }],
      task: {
        goal: {
          en: 'Get a leader elected whose log is shorter than S7’s.',
          zh: '选出一个日志比 S7 短的领导者。',
        },
        hint: {
          en: 'Click a server and choose “Fire election timer now”. S3 and S6 are short but end in term 4, which most servers find too old. Which logs shorter than S7’s end in term 6?',
          zh: '点击一台服务器，选择“立即触发选举计时器”。S3 和 S6 的日志短，但最后任期是 4，多数服务器嫌它太旧。比 S7 短的日志里，哪些以任期 6 结尾？',
        },
        done: { kind: 'any', of: [leads(1), leads(2)] },
        solution: [{ do: 'timeout', node: 1 }],
        maxMs: 1000,
      },
    },
  ],
};
