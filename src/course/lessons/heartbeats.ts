// Lesson 6 (course layer): heartbeats are AppendEntries with no entries — checked like any other,
// carrying the leader's commit index — so a follower commits a moment after the leader does.
import type { Lesson } from '../types';

/** x=1 is the lesson's one write; the leader's empty entry sits before it at index 1. */
const X_INDEX = 2;

export const heartbeats: Lesson = {
  id: 'heartbeats',
  title: { en: 'What a heartbeat carries', zh: '心跳里装着什么' },
  teaches: {
    en: 'A heartbeat is an AppendEntries with no entries: it is checked like any other, and it tells followers what the leader has committed.',
    zh: '心跳（heartbeat）就是不带条目的追加条目（AppendEntries）：它和其他追加条目一样要经过检查，也把领导者（leader）已提交（commit）的位置告诉跟随者（follower）。',
  },
  settings: { nodes: 5, seed: 4 },
  steps: [
    {
      text: {
        en: '{lead} has just won term 1. Its first AppendEntries carries one entry, the empty entry that opens its term, with prevLogIndex 0: it goes at the very start of each log. After that, every 50 ms, {lead} sends AppendEntries with no entries: heartbeats. A heartbeat still carries prevLogIndex and prevLogTerm, naming the entry new ones would follow (here index 1 of term 1), and each follower checks that its own log holds it.',
        zh: '{lead} 刚赢下任期（term）1。它的第一条追加条目（AppendEntries）带着一个条目，也就是开启这个任期的空条目，prevLogIndex 为 0：它放在每份日志（log）的最开头。此后 {lead} 每 50 毫秒发一次不带条目的追加条目，这就是心跳（heartbeat）。心跳照样带着 prevLogIndex 和 prevLogTerm，指明新条目应当接在哪一条之后（这里是任期 1 的第 1 条）；每个跟随者（follower）都会检查自己的日志里有没有这一条。',
      },
      // Opens on the new leader, so the AppendEntries on screen are the ones the text describes.
      cues: [
        { do: 'wait', until: { kind: 'leaderElected' } },
        { do: 'mark', name: 'lead', pick: 'leader' },
      ],
      until: { kind: 'logsAgree' },
      focus: [
        { kind: 'node', node: 'lead' },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'message', message: 'AppendEntriesReply' },
        { kind: 'entry', node: 'all', index: 1 },
      ],
    },
    {
      text: {
        en: 'A client writes x=1 through {lead}. Once a majority stores it, {lead} commits it, applies it to its key-value store and sends the client its answer, all in the same moment. Meanwhile watch {f}’s commitIndex.',
        zh: '客户端经 {lead} 写入 x=1。一旦多数派（majority）保存了它，{lead} 就在同一时刻提交（commit）它、把它应用到自己的键值存储，并把回复发给客户端。同时留意 {f} 的提交索引（commitIndex）。',
      },
      cues: [
        { do: 'mark', name: 'f', pick: 'follower' },
        { do: 'write', key: 'x', value: '1' },
      ],
      until: { kind: 'replied', request: 'last' },
      focus: [
        { kind: 'client' },
        { kind: 'field', field: 'commitIndex', node: 'lead' },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'entry', node: 'f', index: X_INDEX },
      ],
      predict: {
        question: {
          en: 'When the client hears back from {lead}, will {f} have committed x=1 too?',
          zh: '客户端收到 {lead} 的回复时，{f} 也会已经提交了 x=1 吗？',
        },
        answers: [
          {
            id: 'yes',
            text: {
              en: 'Yes: everyone will commit together',
              zh: '会：大家会一起提交',
            },
            when: { kind: 'commitIndex', node: 'f', atLeast: X_INDEX },
          },
          {
            id: 'no',
            text: {
              en: 'Not yet: no one will have told {f}',
              zh: '还不会：那时还没人告诉 {f}',
            },
            when: { kind: 'not', of: { kind: 'commitIndex', node: 'f', atLeast: X_INDEX } },
          },
        ],
        correct: 'no',
        why: {
          en: '{f} stored x=1 before {lead} committed it. A follower learns the commit index only from the leader’s next AppendEntries, and none has reached {f} since.',
          zh: '{f} 保存 x=1 时，{lead} 还没有提交它。跟随者只能从领导者（leader）的下一条追加条目得知提交索引，而在那之后还没有消息到达 {f}。',
        },
      },
    },
    {
      text: {
        en: 'The next heartbeat will carry {lead}’s commit index, and {f} will then commit x=1 and apply it. Committed on the leader, answered to the client, committed on a follower: three different moments.',
        zh: '下一次心跳会带上 {lead} 的提交索引，{f} 收到后就会提交并应用 x=1。领导者提交、回复客户端、跟随者提交：这是三个不同的时刻。',
      },
      until: { kind: 'commitIndex', node: 'f', atLeast: X_INDEX },
      focus: [
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
      ],
    },
    {
      text: {
        en: 'Your turn. Heartbeats are also what keep followers from starting elections: each one from the current leader resets the follower’s election timer.',
        zh: '轮到你了。心跳也让跟随者不去发起选举：每一条来自当前领导者的心跳都会重置跟随者的选举计时器（election timer）。',
      },
      until: { kind: 'term', risesBy: 1 },
      focus: [
        { kind: 'field', field: 'electionDeadline', node: 'f' },
        { kind: 'link', a: 'lead', b: 'f' },
      ],
      task: {
        goal: {
          en: 'Stop {lead}’s heartbeats from reaching {f}, and watch {f}’s election timer run out.',
          zh: '让 {lead} 的心跳到不了 {f}，看着 {f} 的选举计时器走完。',
        },
        hint: {
          en: 'Click the link between {lead} and {f} to cut it. {f} can still talk to the others.',
          zh: '点击 {lead} 和 {f} 之间的链路把它切断。{f} 仍然能和其他服务器通信。',
        },
        done: { kind: 'term', risesBy: 1 },
        solution: [{ do: 'cut', a: 'lead', b: 'f' }],
        maxMs: 1_000,
      },
    },
  ],
};
