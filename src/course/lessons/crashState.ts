// Lesson 13 (course layer): what survives a crash. currentTerm, votedFor and the log are on disk;
// commitIndex, the role and the state machine live in memory and are rebuilt after a restart.
// A server that forgot its vote (one vote per term switched off) lets two leaders win one term,
// which the Election Safety checker catches. The crashed server's label shows what its disk kept
// the moment it crashes, so the question waits for the restart, which the label cannot answer.
import type { Condition, Lesson } from '../types';

const twoLeaders: Condition = { kind: 'leaders', count: 2 };

/** {f} holds the no-op, x=1 and y=2 (entries 1–3): the leader's message brought y=2. */
const hasMissedEntry: Condition = { kind: 'logLength', node: 'f', atLeast: 3 };

/**
 * {chief} crashed and came back, and with no leader's heartbeats a new election in a higher
 * term found a leader (perhaps {chief} again: its disk kept a complete log).
 */
const reElected: Condition = {
  kind: 'all',
  of: [
    { kind: 'alive', node: 'chief', alive: true },
    { kind: 'term', risesBy: 1 },
    { kind: 'leaderElected' },
  ],
};

export const crashState: Lesson = {
  id: 'crash-state',
  title: { en: 'What survives a crash', zh: '宕机后还剩下什么' },
  teaches: {
    en: 'A server keeps its term, its vote and its log on disk; commitIndex and the state machine are rebuilt after a restart, and a forgotten vote could elect two leaders in one term.',
    zh: '服务器把任期（term）、选票（vote）和日志（log）存在磁盘上；提交索引（commitIndex）和状态机（state machine）在重启后重建；如果忘了自己投过的票，同一任期可能选出两个领导者（leader）。',
  },
  settings: { nodes: 5, seed: 13 },
  steps: [
    {
      text: {
        en: '{chief} has just been elected leader. Each server writes its currentTerm, votedFor and log to disk before it answers anyone; commitIndex, lastApplied and the key-value state machine live only in memory. Here they are for {f}.',
        zh: '{chief} 刚当选领导者（leader）。每台服务器在回复任何消息之前，都先把当前任期（currentTerm）、投票对象（votedFor）和日志（log）写入磁盘；提交索引（commitIndex）、已应用索引（lastApplied）和键值状态机（state machine）只在内存里。这里显示的是 {f} 的这些字段。',
      },
      cues: [
        // The election itself is the subject of earlier lessons: it runs before the step opens.
        { do: 'wait', until: { kind: 'leaderElected' } },
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'mark', name: 'f', pick: 'follower', nth: 0 },
      ],
      until: { kind: 'logsAgree' },
      maxMs: 500,
      focus: [
        { kind: 'field', field: 'currentTerm', node: 'f' },
        { kind: 'field', field: 'votedFor', node: 'f' },
        { kind: 'field', field: 'log', node: 'f' },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
      ],
    },
    {
      text: {
        en: 'A client writes x=1. It commits, and every server applies it to its state machine.',
        zh: '客户端写入 x=1。它被提交（commit），每台服务器都把它应用到状态机。',
      },
      cues: [{ do: 'write', key: 'x', value: '1' }],
      until: { kind: 'committed', request: 'last' },
      maxMs: 1000,
      focus: [
        { kind: 'entry', node: 'all', index: 2 },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
      ],
    },
    {
      text: {
        en: 'Now {f} crashes, and a client writes y=2 while it is down. The label under {f} shows what its disk kept: its term, its vote and its two entries. Its commitIndex, its role and x=1 in its state machine were in memory, and the crash wiped them.',
        zh: '现在 {f} 宕机了，客户端在它宕机期间写入 y=2。{f} 下方的标签列出了磁盘保留的内容：任期、投票和两条条目（entry）。它的提交索引、角色和状态机里的 x=1 都在内存里，宕机时被清空了。',
      },
      cues: [
        { do: 'crash', node: 'f' },
        { do: 'write', key: 'y', value: '2' },
      ],
      until: { kind: 'committed', request: 'last' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'f' },
        { kind: 'field', field: 'log', node: 'f' },
        { kind: 'entry', node: 'all', index: 3 },
      ],
    },
    {
      text: {
        en: '{f} restarts from its disk: term, vote and two entries, with commitIndex 0 and an empty state machine. It missed y=2.',
        zh: '{f} 从磁盘重启：任期、投票和两条条目都在，但提交索引为 0，状态机是空的。它还错过了 y=2。',
      },
      cues: [{ do: 'restart', node: 'f' }],
      until: { kind: 'commitIndex', node: 'f', atLeast: 2 },
      maxMs: 500,
      focus: [
        { kind: 'node', node: 'f' },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
      ],
      predict: {
        question: {
          en: 'x=1 is in {f}’s log, and it was committed before the crash. When will {f} apply it again?',
          zh: 'x=1 就在 {f} 的日志里，宕机前也已提交。{f} 什么时候会重新应用它？',
        },
        answers: [
          {
            id: 'own',
            text: {
              en: 'At once, from its own log',
              zh: '马上，照自己的日志来',
            },
            when: { kind: 'not', of: hasMissedEntry },
          },
          {
            id: 'leader',
            text: {
              en: 'Once the leader tells it the commit index',
              zh: '等领导者告诉它提交索引之后',
            },
            when: hasMissedEntry,
          },
        ],
        correct: 'leader',
        why: {
          en: 'An entry on disk may never have committed, so a restarted server cannot tell from its own log. Once {chief}’s AppendEntries bring it y=2 and commitIndex 3, {f} applies x=1 and y=2 in order.',
          zh: '磁盘上的条目未必提交过，所以重启的服务器无法凭自己的日志判断。等 {chief} 的追加条目（AppendEntries）消息带来 y=2 和提交索引 3，{f} 才按顺序应用 x=1 和 y=2。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: the role is in memory too. A leader that restarts comes back as a follower, with only its disk.',
        zh: '轮到你了：角色也只在内存里。领导者重启后回来时是跟随者（follower），只带着磁盘上的内容。',
      },
      until: reElected,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'field', field: 'currentTerm', node: 'chief' },
        { kind: 'field', field: 'votedFor', node: 'chief' },
      ],
      task: {
        goal: {
          en: 'Crash the leader {chief}, restart it, and let the cluster elect a leader again.',
          zh: '让领导者 {chief} 宕机，再重启它，然后等集群重新选出领导者。',
        },
        hint: {
          en: 'Click {chief} and choose Crash, then Restart. With no leader sending heartbeats, an election timer soon runs out; a server with a complete log wins the higher term, perhaps {chief} itself.',
          zh: '点击 {chief}，选择“宕机”，再选“重启”。没有领导者发心跳（heartbeat），很快就有选举计时器到期；一台日志完整的服务器会赢得更高的任期，可能就是 {chief} 自己。',
        },
        done: reElected,
        solution: [
          { do: 'crash', node: 'chief' },
          { do: 'restart', node: 'chief' },
        ],
        maxMs: 1000,
      },
    },
    {
      text: {
        en: 'Why must the vote be on disk? A server that forgot it after a crash could vote twice in one term. Here every server forgets its votes, and S1 and S2 stand at the same instant.',
        zh: '为什么投票必须写入磁盘？宕机后忘了投票的服务器可能在同一任期投两次票。这里每台服务器都会忘记自己的投票，S1 和 S2 在同一时刻参选。',
      },
      settings: { nodes: 3, seed: 13, rules: { oneVotePerTerm: false } },
      cues: [
        { do: 'timeout', node: 1 },
        { do: 'timeout', node: 2 },
      ],
      until: { kind: 'violation', rule: 'electionSafety' },
      maxMs: 500,
      focus: [
        { kind: 'field', field: 'votedFor', node: 1 },
        { kind: 'field', field: 'votedFor', node: 2 },
        { kind: 'field', field: 'votedFor', node: 3 },
      ],
      predict: {
        question: {
          en: 'Both ask the other two servers for their votes in term 1. How many leaders will term 1 have?',
          zh: '两台都向另外两台服务器请求任期 1 的选票。任期 1 会有几个领导者？',
        },
        answers: [
          {
            id: 'one',
            text: { en: 'One', zh: '一个' },
            when: { kind: 'not', of: twoLeaders },
          },
          { id: 'two', text: { en: 'Two', zh: '两个' }, when: twoLeaders },
        ],
        correct: 'two',
        why: {
          en: 'With no vote remembered, every request is granted: S1 and S2 even vote for each other, and S3 votes for both. Each candidate counts two of three votes, so both lead term 1. Two leaders in one term break Election Safety, and the checker reports it.',
          zh: '谁也记不住投过的票，于是每个请求都被批准：S1 和 S2 甚至互相投票，S3 也两边都投。每个候选人（candidate）都数到三票中的两票，于是都成了任期 1 的领导者。同一任期两个领导者违反了选举安全性（Election Safety），检查器报告了它。',
        },
      },
    },
  ],
};
