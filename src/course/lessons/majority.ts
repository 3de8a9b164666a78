// Lesson 1 (course layer): why a cluster keeps copies, and what a majority is — writes commit
// while a majority stands and stop the moment it does not.
import type { Lesson } from '../types';

export const majority: Lesson = {
  id: 'majority',
  title: { en: 'Why a majority', zh: '为什么是多数派' },
  teaches: {
    en: 'Copies on several servers survive a crash; a write is safe once a majority stores it.',
    zh: '数据存在多台服务器上，一台宕机也不会丢；写入被多数派保存后才算安全。',
  },
  settings: { nodes: 5, seed: 1 },
  steps: [
    {
      text: {
        en: 'One server alone is a single point of failure: if it crashes, the data is gone. So Raft keeps a copy on each of these five servers.',
        zh: '只有一台服务器时，它一宕机数据就没了，这叫单点故障。所以 Raft 在这五台服务器上各存一份副本。',
      },
      until: { kind: 'leaderElected' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'The servers chose {leader} as leader. A client write goes to it, and it copies the write to the others.',
        zh: '服务器们选出了 {leader} 作领导者（leader）。客户端的写入发给它，再由它复制给其他服务器。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'write', key: 'x', value: '1' },
      ],
      until: { kind: 'committed', request: 'last' },
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'client' },
      ],
    },
    {
      text: {
        en: 'A majority of five is three. Two followers now crash, leaving three servers running.',
        zh: '五台的多数派（majority）是三台。现在两个跟随者宕机，只剩三台在运行。',
      },
      cues: [
        { do: 'mark', name: 'down1', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'down2', pick: 'follower', nth: 1 },
        { do: 'crash', node: 'down1' },
        { do: 'crash', node: 'down2' },
        { do: 'write', key: 'y', value: '2' },
      ],
      until: { kind: 'replied', request: 'last' },
      focus: [
        { kind: 'node', node: 'down1' },
        { kind: 'node', node: 'down2' },
        { kind: 'entry', node: 'all', index: 'last' },
      ],
      predict: {
        question: {
          en: '{down1} and {down2} are down. Will the write y=2 commit?',
          zh: '{down1} 和 {down2} 已宕机。写入 y=2 能提交吗？',
        },
        answers: [
          {
            id: 'yes',
            text: {
              en: 'Yes: three of five is still a majority',
              zh: '能：五台中的三台仍是多数派',
            },
            when: { kind: 'committed', request: 'last', count: 1 },
          },
          {
            id: 'no',
            text: { en: 'No: every server must store it', zh: '不能：必须每台都保存' },
            when: { kind: 'not', of: { kind: 'committed', request: 'last', count: 1 } },
          },
        ],
        correct: 'yes',
        why: {
          en: 'The leader needs copies on a majority, itself included: three of five. The two crashed servers are not needed.',
          zh: '领导者只需要多数派（包括它自己）保存：五台中的三台。两台宕机的服务器不是必需的。',
        },
      },
    },
    {
      text: {
        en: 'A third server crashes. Two of five are left: no longer a majority.',
        zh: '第三台服务器宕机了。五台只剩两台，已不是多数派。',
      },
      cues: [
        { do: 'mark', name: 'down3', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'last', pick: 'follower', nth: 1 },
        { do: 'crash', node: 'down3' },
        { do: 'write', key: 'z', value: '3' },
      ],
      until: { kind: 'logLength', node: 'last', atLeast: 4 },
      focus: [
        { kind: 'node', node: 'down3' },
        { kind: 'field', field: 'commitIndex', node: 'chief' },
        { kind: 'entry', node: 'chief', index: 'last' },
      ],
      predict: {
        question: {
          en: 'Only {chief} and {last} run. {last} has stored z=3. Is it committed?',
          zh: '只有 {chief} 和 {last} 在运行，{last} 已保存 z=3。它提交了吗？',
        },
        answers: [
          {
            id: 'yes',
            text: {
              en: 'Yes: both running servers store it',
              zh: '提交了：两台运行中的服务器都保存了',
            },
            when: { kind: 'committed', request: 'last', count: 1 },
          },
          {
            id: 'no',
            text: { en: 'No: two is not a majority of five', zh: '没有：二不是五的多数' },
            when: { kind: 'not', of: { kind: 'committed', request: 'last', count: 1 } },
          },
        ],
        correct: 'no',
        why: {
          en: 'Two copies out of five could all be lost, so the leader does not commit: the write waits until a majority runs again.',
          zh: '五份中只有两份，可能全部丢失，所以领导者不提交：写入要等到多数派重新运行。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: bring the cluster back so that z=3 commits.',
        zh: '轮到你了：让集群恢复，使 z=3 提交。',
      },
      until: { kind: 'committed', request: 'last', count: 1 },
      maxMs: 10_000,
      focus: [{ kind: 'entry', node: 'chief', index: 'last' }],
      task: {
        goal: {
          en: 'Restart crashed servers until z=3 is committed.',
          zh: '重启宕机的服务器，直到 z=3 被提交。',
        },
        hint: {
          en: 'One more running server makes three of five. Click a crashed server and choose Restart.',
          zh: '再多一台运行就是五分之三。点击一台宕机的服务器，选择“重启”。',
        },
        done: { kind: 'committed', request: 'last', count: 1 },
        solution: [{ do: 'restart', node: 'down3' }],
      },
    },
  ],
};
