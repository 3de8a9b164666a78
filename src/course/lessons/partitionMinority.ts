// Lesson 10 (course layer): a partition that leaves the leader in the minority. The majority
// elects a new leader in a higher term, so two servers believe they lead; only the new one can
// commit, and on healing the old leader steps down and its uncommitted write is replaced.
import type { Lesson } from '../types';

export const partitionMinority: Lesson = {
  id: 'partition-minority',
  title: { en: 'A partition: the leader is cut off', zh: '网络分区：领导者被隔离' },
  teaches: {
    en: 'A leader cut off in a minority cannot commit; the majority elects a new leader in a higher term, and on healing the old leader’s uncommitted entries are replaced while committed ones stay.',
    zh: '被隔离在少数派中的领导者（leader）无法提交（commit）；多数派（majority）以更高的任期（term）选出新领导者；恢复后旧领导者未提交的条目被替换，已提交的条目不会丢。',
  },
  settings: { nodes: 5, seed: 10 },
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. This time the network will cut the leader off with only one follower.',
        zh: '五台服务器选出一个领导者（leader）。这次网络会把领导者和仅仅一个跟随者（follower）隔离出去。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'A partition: {old} and {buddy} on one side, the other three on the other. {old} still believes it leads.',
        zh: '网络分区（partition）：{old} 和 {buddy} 在一边，另外三台在另一边。{old} 仍然以为自己是领导者。',
      },
      cues: [
        { do: 'mark', name: 'old', pick: 'leader' },
        { do: 'mark', name: 'buddy', pick: 'follower', nth: 0 },
        { do: 'partition', groups: [['old', 'buddy'], 'rest'] },
      ],
      until: { kind: 'leaders', count: 2 },
      maxMs: 1500,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'node', node: 'buddy' },
        { kind: 'field', field: 'currentTerm', node: 'old' },
      ],
      predict: {
        question: {
          en: 'The three servers on the other side no longer hear from {old}. What will they do?',
          zh: '另一边的三台服务器收不到 {old} 的消息了。它们会怎么做？',
        },
        answers: [
          {
            id: 'wait',
            text: { en: 'Wait for {old} to come back', zh: '等 {old} 回来' },
            when: { kind: 'not', of: { kind: 'newLeader', not: 'old' } },
          },
          {
            id: 'elect',
            text: {
              en: 'Elect a new leader in a higher term',
              zh: '以更高的任期（term）选出新的领导者',
            },
            when: { kind: 'newLeader', not: 'old' },
          },
        ],
        correct: 'elect',
        why: {
          en: 'Three of five is a majority, so one of them wins an election. Now two servers believe they lead, in different terms.',
          zh: '五台中的三台是多数派（majority），所以其中一台能赢得选举。现在有两台服务器都以为自己是领导者，但任期不同。',
        },
      },
    },
    {
      text: {
        en: 'A client writes x=1 through {old}, and another writes y=2 through the new leader {fresh}.',
        zh: '一个客户端通过 {old} 写入 x=1，另一个通过新领导者 {fresh} 写入 y=2。',
      },
      cues: [
        { do: 'mark', name: 'fresh', pick: 'leader' },
        { do: 'write', key: 'x', value: '1', via: 'old' },
        { do: 'write', key: 'y', value: '2', via: 'fresh' },
      ],
      until: {
        kind: 'all',
        of: [
          { kind: 'committed', request: 2, count: 3 },
          { kind: 'logLength', node: 'buddy', atLeast: 2 },
        ],
      },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'node', node: 'fresh' },
        { kind: 'entry', node: 'all', index: 'last' },
      ],
      predict: {
        question: {
          en: 'Which of the two writes will commit?',
          zh: '两条写入中哪条会被提交（commit）？',
        },
        answers: [
          {
            id: 'both',
            text: { en: 'Both', zh: '两条都会' },
            when: {
              kind: 'all',
              of: [
                { kind: 'committed', request: 1, count: 1 },
                { kind: 'committed', request: 2, count: 1 },
              ],
            },
          },
          {
            id: 'x',
            text: { en: 'Only x=1, through the first leader', zh: '只有经旧领导者的 x=1' },
            when: {
              kind: 'all',
              of: [
                { kind: 'committed', request: 1, count: 1 },
                { kind: 'not', of: { kind: 'committed', request: 2, count: 1 } },
              ],
            },
          },
          {
            id: 'y',
            text: { en: 'Only y=2, through the new leader', zh: '只有经新领导者的 y=2' },
            when: {
              kind: 'all',
              of: [
                { kind: 'not', of: { kind: 'committed', request: 1, count: 1 } },
                { kind: 'committed', request: 2, count: 1 },
              ],
            },
          },
        ],
        correct: 'y',
        why: {
          en: '{old} can copy x=1 only to {buddy}: two of five. {fresh} reaches three, a majority, so y=2 commits.',
          zh: '{old} 只能把 x=1 复制给 {buddy}，五台中两台；{fresh} 能联系到三台，是多数派，所以 y=2 提交了。',
        },
      },
    },
    {
      text: {
        en: 'The network heals. {old} meets servers with a higher term than its own.',
        zh: '网络恢复了。{old} 遇到了任期比自己更高的服务器。',
      },
      cues: [{ do: 'heal' }],
      until: { kind: 'logsAgree' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'entry', node: 'old', index: 'last' },
        { kind: 'field', field: 'currentTerm', node: 'old' },
      ],
      predict: {
        question: {
          en: 'What will become of x=1, stored on {old} and {buddy}?',
          zh: '存在 {old} 和 {buddy} 上的 x=1 会怎样？',
        },
        answers: [
          {
            id: 'commits',
            text: { en: 'It will commit after all', zh: '最终还是会提交' },
            when: { kind: 'committed', request: 1, count: 1 },
          },
          {
            id: 'replaced',
            text: {
              en: 'The new leader’s entries will replace it',
              zh: '会被新领导者的条目（entry）替换',
            },
            when: { kind: 'replaced', request: 1 },
          },
        ],
        correct: 'replaced',
        why: {
          en: 'Seeing the higher term, {old} steps down and follows {fresh}. Its x=1 was never committed, so the new leader overwrites it; the committed y=2 is on every server.',
          zh: '看到更高的任期，{old} 退位并跟随 {fresh}。它的 x=1 从未提交，所以被新领导者覆盖；已提交的 y=2 出现在每台服务器上。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: the cluster is whole again, led by {fresh}.',
        zh: '轮到你了：集群又合为一体，由 {fresh} 领导。',
      },
      until: { kind: 'leaders', count: 2 },
      focus: [{ kind: 'node', node: 'fresh' }],
      task: {
        goal: {
          en: 'Get two leaders at once, in different terms.',
          zh: '让集群同时出现两个领导者，任期不同。',
        },
        hint: {
          en: 'Drag across empty space to split the network, with the leader on the smaller side, alone or with one other server. Then wait for the others to elect.',
          zh: '在空白处拖动以分割网络，让领导者落在较小的一边，单独或和另一台一起。然后等其余服务器选举。',
        },
        done: { kind: 'leaders', count: 2 },
        solution: [{ do: 'partition', groups: [['fresh'], 'rest'] }],
        maxMs: 1500,
      },
    },
  ],
};
