// Lesson 9 (course layer): a partition that leaves the leader with a majority. Clients notice
// nothing, the cut-off minority keeps standing for election in rising terms and never wins, and
// on healing its high term forces one new election that a server with the whole log wins.
// The minority's term is watched rising twice: each rise costs an election timeout of waiting.
import type { Condition, Lesson } from '../types';

const loneLeads: Condition = {
  kind: 'any',
  of: [
    { kind: 'role', node: 'lone1', role: 'leader' },
    { kind: 'role', node: 'lone2', role: 'leader' },
  ],
};

export const partitionMajority: Lesson = {
  id: 'partition-majority',
  title: { en: 'A partition: the leader keeps a majority', zh: '网络分区：领导者仍有多数派' },
  teaches: {
    en: 'When the network splits and the leader’s side is a majority, writes go on committing, and the minority cannot elect a leader.',
    zh: '网络分裂时，如果领导者（leader）所在的一边是多数派（majority），写入照常提交（commit），少数派选不出领导者。',
  },
  settings: { nodes: 5, seed: 9 },
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. Then the network will split them into a group of three and a group of two.',
        zh: '五台服务器选出一个领导者（leader）。接下来网络会把它们分成三台和两台两组。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'A partition: {chief}, {a} and {b} can still talk to each other, but not to {lone1} and {lone2}, who only hear each other.',
        zh: '网络分区（partition）：{chief}、{a}、{b} 之间仍能通信，但联系不上 {lone1} 和 {lone2}；后两台只能互相通信。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'mark', name: 'a', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'b', pick: 'follower', nth: 1 },
        { do: 'mark', name: 'lone1', pick: 'follower', nth: 2 },
        { do: 'mark', name: 'lone2', pick: 'follower', nth: 3 },
        { do: 'partition', groups: [['chief', 'a', 'b'], 'rest'] },
      ],
      until: { kind: 'term', risesBy: 2 },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'lone1' },
        { kind: 'node', node: 'lone2' },
        { kind: 'field', field: 'currentTerm', node: 'lone1' },
        { kind: 'field', field: 'currentTerm', node: 'lone2' },
      ],
      predict: {
        question: {
          en: '{lone1} and {lone2} stop hearing heartbeats from {chief}. What will they do?',
          zh: '{lone1} 和 {lone2} 收不到 {chief} 的心跳（heartbeat）了。它们会怎么做？',
        },
        answers: [
          {
            id: 'wait',
            text: { en: 'Wait for the leader', zh: '等领导者回来' },
            when: { kind: 'not', of: { kind: 'term', risesBy: 1 } },
          },
          {
            id: 'elect',
            text: { en: 'Elect one of the two', zh: '两台中选出一个领导者' },
            when: loneLeads,
          },
          {
            id: 'retry',
            text: { en: 'Stand again and again, never winning', zh: '一次次参选，总也赢不了' },
            when: {
              kind: 'all',
              of: [
                { kind: 'term', risesBy: 1 },
                { kind: 'not', of: loneLeads },
              ],
            },
          },
        ],
        correct: 'retry',
        why: {
          en: 'Each time an election timer runs out, its server stands in a new term, but two votes out of five are not a majority, so nobody on that side can win.',
          zh: '每当选举计时器到期，那台服务器就以新的任期（term）参选；但五票中只有两票，不是多数派（majority），所以这一边谁也赢不了。',
        },
      },
    },
    {
      text: {
        en: 'Clients notice nothing: {chief} still reaches a majority: itself, {a} and {b}. The higher terms on the other side cannot reach it.',
        zh: '客户端察觉不到任何变化：{chief} 仍能联系到多数派——它自己、{a} 和 {b}。另一边更高的任期传不过来。',
      },
      until: { kind: 'commitRises', count: 3 },
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'client' },
        { kind: 'field', field: 'commitIndex', node: 'chief' },
      ],
      task: {
        goal: {
          en: 'Write a value through the leader and get it committed while the partition lasts.',
          zh: '在分区期间，通过领导者写入一个值，并让它提交（commit）。',
        },
        hint: {
          en: 'Press Write, or click {chief} and choose “Write through this node”. Three of five servers can still store it.',
          zh: '点“写入”，或点击 {chief} 选择“经此节点写入”。五台中仍有三台能保存它。',
        },
        done: { kind: 'commitRises', count: 3 },
        solution: [{ do: 'write', key: 'x', value: '1', via: 'chief' }],
        maxMs: 1000,
      },
    },
    {
      text: {
        en: 'The network heals. {lone1} and {lone2} come back with a higher term than {chief}’s, but without the new write.',
        zh: '网络恢复了。{lone1} 和 {lone2} 带着比 {chief} 更高的任期回来，但它们没有那条新写入。',
      },
      cues: [{ do: 'heal' }],
      until: { kind: 'logsAgree' },
      maxMs: 3000,
      focus: [
        { kind: 'field', field: 'currentTerm', node: 'lone1' },
        { kind: 'field', field: 'currentTerm', node: 'chief' },
        { kind: 'entry', node: 'all', index: 'last' },
      ],
      predict: {
        question: {
          en: 'What will happen when they meet again?',
          zh: '它们重新相遇时会发生什么？',
        },
        answers: [
          {
            id: 'nothing',
            text: { en: '{chief} will lead on in its term', zh: '{chief} 在原任期里继续领导' },
            when: { kind: 'not', of: { kind: 'term', risesBy: 1 } },
          },
          {
            id: 'lone',
            text: { en: 'A returning server will lead', zh: '回来的两台之一会当领导者' },
            when: loneLeads,
          },
          {
            id: 'election',
            text: {
              en: 'A new election, won by a server with the write',
              zh: '重新选举，由一台有那条写入的服务器获胜',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'term', risesBy: 1 },
                { kind: 'not', of: loneLeads },
              ],
            },
          },
        ],
        correct: 'election',
        why: {
          en: 'Any message with a higher term makes {chief} step down, so an election follows. The returning servers lack the committed write, and the election restriction keeps them from winning.',
          zh: '任何带更高任期的消息都会让 {chief} 退位，于是重新选举。回来的两台缺少已提交的写入，选举限制（election restriction）让它们赢不了。',
        },
      },
    },
  ],
};
