// Lesson 1 (course layer): why a cluster keeps copies, and what a majority is — writes commit
// while a majority stands and stop the moment it does not.
import type { Lesson } from '../types';

export const majority: Lesson = {
  id: 'majority',
  title: { en: 'Why a majority', zh: '为什么是多数派' },
  teaches: {
    en: 'Copies on several servers survive a crash; a write is safe once a majority stores it.',
    zh: '数据存在多台服务器上，一台宕机也不会丢；写入被多数派（majority）保存后才算安全。',
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
        en: 'The servers picked {leader} to be their leader. Client writes go to it, and it copies each one to the others, its followers. Once enough servers store a write, it is committed: it will not be lost.',
        zh: '服务器们选了 {leader} 当领导者（leader）。客户端的写入都发给它，由它复制给其他服务器，也就是它的跟随者（follower）。一次写入被足够多的服务器保存后，就提交（commit）了：不会再丢失。',
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
        en: 'How many is enough? A majority: of five servers, three. Two followers now crash, leaving three running, and a client writes y=2.',
        zh: '多少台才算足够？要多数派（majority）：五台中的三台。现在两个跟随者宕机，只剩三台在运行，客户端又写入 y=2。',
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
        // y=2 is the third entry (after the leader's empty one and x=1); 'last' would be x=1.
        { kind: 'entry', node: 'all', index: 3 },
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
        en: 'A third server, {down3}, crashes, and a client writes z=3. Two of five are left: no longer a majority.',
        zh: '第三台服务器 {down3} 也宕机了，客户端又写入 z=3。五台只剩两台，已经不是多数派了。',
      },
      cues: [
        { do: 'mark', name: 'down3', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'last', pick: 'follower', nth: 1 },
        { do: 'crash', node: 'down3' },
        { do: 'write', key: 'z', value: '3' },
      ],
      // Ends once {chief} has heard {last}'s reply, so the commit that does not come is shown.
      until: { kind: 'matchIndex', leader: 'chief', node: 'last', atLeast: 4 },
      focus: [
        { kind: 'node', node: 'down3' },
        { kind: 'field', field: 'commitIndex', node: 'chief' },
        { kind: 'entry', node: 'all', index: 4 },
      ],
      predict: {
        question: {
          en: 'Only {chief} and {last} are running. When {chief} hears that {last} has stored z=3, will z=3 be committed?',
          zh: '只有 {chief} 和 {last} 在运行。等 {chief} 得知 {last} 已经保存了 z=3，z=3 会被提交吗？',
        },
        answers: [
          {
            id: 'yes',
            text: {
              en: 'Yes: every running server will store it',
              zh: '会：运行中的服务器都会保存它',
            },
            when: { kind: 'committed', request: 'last', count: 1 },
          },
          {
            id: 'no',
            text: { en: 'No: two of five is not a majority', zh: '不会：两台不到五台的多数' },
            when: { kind: 'not', of: { kind: 'committed', request: 'last', count: 1 } },
          },
        ],
        correct: 'no',
        why: {
          en: 'Two copies out of five could both be lost, so {chief} does not commit: its commitIndex stays where it was, and z=3 waits until a majority runs again.',
          zh: '五份里只有两份，可能一起丢失，所以 {chief} 不提交：它的提交索引（commitIndex）停在原处，z=3 要等到多数派重新运行。',
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
