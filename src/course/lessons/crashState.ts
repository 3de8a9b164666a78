// Lesson 13 (course layer): what survives a crash. currentTerm, votedFor and the log are on disk;
// commitIndex and the state machine live in memory and are rebuilt from the leader after a
// restart. A server that forgot its vote (one vote per term switched off) lets two leaders win
// one term, which the Election Safety checker catches.
import type { Condition, Lesson } from '../types';

const twoLeaders: Condition = { kind: 'leaders', count: 2 };

export const crashState: Lesson = {
  id: 'crash-state',
  title: { en: 'What survives a crash', zh: '宕机后还剩下什么' },
  teaches: {
    en: 'A server keeps its term, its vote and its log on disk; commitIndex and the state machine are rebuilt after a restart, and a forgotten vote could elect two leaders in one term.',
    zh: '服务器把任期、选票和日志存在磁盘上；提交索引和状态机在重启后重建；如果忘了自己投过的票，同一任期可能选出两个领导者。',
  },
  settings: { nodes: 5, seed: 13 },
  steps: [
    {
      text: {
        en: 'Each server writes its currentTerm, votedFor and log to disk before it answers anyone. commitIndex, lastApplied and the key-value state machine live only in memory.',
        zh: '每台服务器在回复任何消息之前，都先把当前任期（currentTerm）、投票对象（votedFor）和日志（log）写入磁盘。提交索引（commitIndex）、已应用索引（lastApplied）和键值状态机（state machine）只在内存里。',
      },
      until: { kind: 'logsAgree' },
      focus: [
        { kind: 'field', field: 'currentTerm' },
        { kind: 'field', field: 'votedFor' },
        { kind: 'field', field: 'log' },
        { kind: 'field', field: 'commitIndex' },
        { kind: 'field', field: 'lastApplied' },
      ],
    },
    {
      text: {
        en: 'A client writes x=1. It commits, and every server applies it to its state machine.',
        zh: '客户端写入 x=1。它被提交（commit），每台服务器都把它应用到状态机。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'mark', name: 'f', pick: 'follower', nth: 0 },
        { do: 'write', key: 'x', value: '1' },
      ],
      until: { kind: 'committed', request: 'last' },
      maxMs: 1000,
      focus: [
        { kind: 'entry', node: 'all', index: 'last' },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
      ],
    },
    {
      text: {
        en: 'Now {f} crashes, and a client writes y=2 while it is down.',
        zh: '现在 {f} 宕机了，客户端在它宕机期间写入 y=2。',
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
        { kind: 'field', field: 'commitIndex', node: 'f' },
      ],
      predict: {
        question: {
          en: 'What does {f} still hold while it is down?',
          zh: '{f} 宕机期间还保留着什么？',
        },
        answers: [
          {
            id: 'everything',
            text: {
              en: 'Everything, commitIndex included',
              zh: '全部，包括提交索引',
            },
            when: { kind: 'commitIndex', node: 'f', atLeast: 2 },
          },
          {
            id: 'disk',
            text: {
              en: 'Its term, its vote and its log, but not its commitIndex',
              zh: '任期（term）、投票和日志，但没有提交索引',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'logLength', node: 'f', atLeast: 2 },
                { kind: 'nodeTerm', node: 'f', atLeast: 1 },
                { kind: 'not', of: { kind: 'commitIndex', node: 'f', atLeast: 1 } },
              ],
            },
          },
          {
            id: 'nothing',
            text: { en: 'Nothing: it starts empty', zh: '什么都没有：一切从零开始' },
            when: { kind: 'not', of: { kind: 'logLength', node: 'f', atLeast: 1 } },
          },
        ],
        correct: 'disk',
        why: {
          en: 'Term, vote and log were on disk. commitIndex, lastApplied and the state machine were in memory, and the crash wiped them.',
          zh: '任期、投票和日志都在磁盘上；提交索引、已应用索引和状态机在内存里，宕机时被清空了。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: bring {f} back. It starts with commitIndex 0 and an empty state machine, and learns how far to apply from the leader.',
        zh: '轮到你了：让 {f} 回来。它重启时提交索引为 0、状态机为空，要从领导者（leader）那里得知该应用到哪里。',
      },
      until: { kind: 'commitIndex', node: 'f', atLeast: 3 },
      focus: [
        { kind: 'node', node: 'f' },
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
      ],
      task: {
        goal: {
          en: 'Restart {f} and watch it catch up: x=1 and y=2 applied again.',
          zh: '重启 {f}，看它追上进度：重新应用 x=1 和 y=2。',
        },
        hint: {
          en: 'Click {f} and choose Restart. The leader’s next heartbeat brings the missing entry and the commit index.',
          zh: '点击 {f}，选择“重启”。领导者的下一次心跳（heartbeat）会带来缺少的条目和提交索引。',
        },
        done: { kind: 'commitIndex', node: 'f', atLeast: 3 },
        solution: [{ do: 'restart', node: 'f' }],
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
        { kind: 'node', node: 1 },
        { kind: 'node', node: 2 },
        { kind: 'field', field: 'votedFor', node: 3 },
      ],
      predict: {
        question: {
          en: 'Both ask S3 for its vote in term 1. How many leaders will term 1 have?',
          zh: '两台都向 S3 请求任期 1 的选票。任期 1 会有几个领导者？',
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
          en: 'S3 grants both, so each candidate counts two of three votes. Two leaders in one term break Election Safety, and the checker reports it.',
          zh: 'S3 两边都投了，于是每个候选者（candidate）都拿到三票中的两票。同一任期两个领导者违反了选举安全性（Election Safety），检查器报告了它。',
        },
      },
    },
  ],
};
