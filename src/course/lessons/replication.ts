// Lesson 5 (course layer): log replication — a client write appended by the leader, copied in
// AppendEntries, committed once a majority stores it, applied, and only then answered.
import type { Lesson } from '../types';

export const replication: Lesson = {
  id: 'replication',
  title: { en: 'Replicating the log', zh: '复制日志' },
  teaches: {
    en: 'A write is appended by the leader, copied to the followers, committed once a majority stores it, applied, and only then answered.',
    zh: '写入先由领导者（leader）追加到日志（log），再复制给跟随者（follower）；多数派（majority）保存后才提交（commit）、应用，然后才回复客户端。',
  },
  settings: { nodes: 5, seed: 3 },
  steps: [
    {
      text: {
        en: 'Each server keeps a log: a numbered list of commands. The leader elected here starts its term by putting one empty entry of its own term in every log.',
        zh: '每台服务器都有一份日志（log）：一列带编号的命令。这里选出的领导者（leader）在任期（term）开始时，先把一个属于自己任期的空条目放进每份日志。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'entry', node: 'all', index: 1 }],
    },
    {
      text: {
        en: 'A client asks {lead} to set x=1. {lead} appends it at the end of its own log, then sends it to every follower in AppendEntries; each follower stores it and replies.',
        zh: '客户端请 {lead} 写入 x=1。{lead} 先把它追加到自己日志的末尾，再用追加条目（AppendEntries）发给每个跟随者（follower）；跟随者保存后回复。',
      },
      cues: [
        { do: 'mark', name: 'lead', pick: 'leader' },
        { do: 'write', key: 'x', value: '1' },
      ],
      until: { kind: 'replied', request: 'last' },
      focus: [
        { kind: 'client' },
        // x=1 goes in at index 2, after the leader's empty entry; 'last' would be that entry.
        { kind: 'entry', node: 'all', index: 2 },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'message', message: 'AppendEntriesReply' },
        { kind: 'field', field: 'matchIndex', node: 'lead' },
      ],
      predict: {
        question: {
          en: 'When will {lead} answer the client?',
          zh: '{lead} 会在什么时候回复客户端？',
        },
        answers: [
          {
            id: 'appended',
            text: {
              en: 'As soon as x=1 is in its own log',
              zh: 'x=1 一进入它自己的日志就回复',
            },
            when: {
              kind: 'not',
              of: { kind: 'committed', request: 'last', count: 1 },
            },
          },
          {
            id: 'committed',
            text: {
              en: 'Once a majority stores x=1 and {lead} has committed and applied it',
              zh: '等多数派（majority）保存了 x=1，{lead} 提交（commit）并应用之后',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'committed', request: 'last', count: 1 },
                { kind: 'not', of: { kind: 'committed', request: 'last' } },
              ],
            },
          },
          {
            id: 'everywhere',
            text: {
              en: 'Only after every server has committed x=1',
              zh: '等每台服务器都提交了 x=1 之后',
            },
            when: { kind: 'committed', request: 'last' },
          },
        ],
        correct: 'committed',
        why: {
          en: 'With copies on three of five servers, {lead} committed x=1 and applied it to its key-value store; only then did it reply. It did not wait for the last followers, which learn of the commit later.',
          zh: '五台中有三台保存了副本，{lead} 就提交了 x=1，并把它应用到自己的键值存储；然后才回复。它没有等最后几个跟随者，它们稍后才得知提交。',
        },
      },
    },
    {
      text: {
        en: 'The followers learn that x=1 is committed from {lead}’s next AppendEntries, which carries its commit index. Then each applies x=1 to its own key-value store: watch {f}’s commitIndex and lastApplied.',
        zh: '跟随者要从 {lead} 的下一条追加条目里得知 x=1 已提交，这条消息带着领导者的提交索引（commitIndex）。之后每个跟随者把 x=1 应用到自己的键值存储：留意 {f} 的 commitIndex 和 lastApplied。',
      },
      cues: [{ do: 'mark', name: 'f', pick: 'follower' }],
      until: { kind: 'committed', request: 'last' },
      focus: [
        { kind: 'field', field: 'commitIndex', node: 'f' },
        { kind: 'field', field: 'lastApplied', node: 'f' },
        { kind: 'message', message: 'AppendEntries' },
      ],
    },
    {
      text: {
        en: 'Your turn. Send a write of your own and follow it from the client to the leader’s log, to the followers, to the commit and back to the client.',
        zh: '轮到你了。自己发一个写入，跟着它走一遍：从客户端到领导者的日志，到各个跟随者，到提交，再回到客户端。',
      },
      until: { kind: 'commitRises', count: 5 },
      focus: [{ kind: 'client' }, { kind: 'field', field: 'commitIndex', node: 'lead' }],
      task: {
        goal: {
          en: 'Write any value and get it committed on all five servers.',
          zh: '写入任意一个值，让它在全部五台服务器上都提交。',
        },
        hint: {
          en: 'Use the write button, or click {lead} and choose "Write through this node". The followers commit it on the heartbeat after {lead} does.',
          zh: '使用写入按钮，或点击 {lead} 选择“经此节点写入”。跟随者在 {lead} 提交之后的下一次心跳（heartbeat）时才提交。',
        },
        done: { kind: 'commitRises', count: 5 },
        solution: [{ do: 'write', key: 'z', value: '3' }],
        maxMs: 1_000,
      },
    },
  ],
};
