// Lesson 21 (course layer): the retried write (Raft thesis §6.3). A client that hears nothing
// cannot tell a lost request from a lost answer, so it sends the same request again; the log then
// holds two copies. Each write carries its client's session (client id and sequence number), and
// the state machine applies a sequence number once, answering the copy with the saved reply.
import type { Condition, Lesson } from '../types';

/** The lesson's requests: the append of "x" (1), then the student's own, if any. */
const APPEND = 1;

const appendedTwice: Condition = { kind: 'copies', request: APPEND, node: 'chief', atLeast: 2 };

export const duplicateWrite: Lesson = {
  id: 'duplicate-write',
  title: { en: 'The retried write', zh: '重试的写' },
  teaches: {
    en: 'A client that never heard back sends its write again, and the log holds it twice; the client’s session makes the state machine apply it once and answer the copy with the saved reply.',
    zh: '客户端没收到回复就会重发写请求，于是日志里出现两份；客户端的会话（Session）让状态机只应用一次，并用保存的回复回答那份副本。',
  },
  settings: { nodes: 5, seed: 21, clientRetryMs: 200 },
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. Clients here do not give up easily: one that hears nothing for 200 ms sends its request again.',
        zh: '五台服务器选出一个领导者（Leader）。这里的客户端不轻易放弃：200 毫秒内没有收到回复，就重发请求。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'A client appends "x" to the key k through {chief}. Just as two followers have stored the entry and answered, the network starts losing every message sent. {chief} hears from its majority, commits the entry and applies it: k is now "x". Its answer to the client is lost.',
        zh: '客户端通过 {chief} 向键 k 追加“x”。就在两个跟随者（Follower）存下这个条目并回复之后，网络开始丢失此后发出的每一条消息。{chief} 收到了多数派的回复，提交（Commit）并应用了这个条目：k 现在是“x”。它给客户端的回复却丢了。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'append', key: 'k', value: 'x', via: 'chief' },
        { do: 'wait', until: { kind: 'stored', request: APPEND, count: 3 }, maxMs: 500 },
        { do: 'drop', rate: 1 },
      ],
      until: { kind: 'stateMachine', node: 'chief', key: 'k', value: 'x' },
      maxMs: 500,
      focus: [{ kind: 'entry', node: 'chief', index: 'last' }, { kind: 'client' }],
    },
    {
      text: {
        en: 'The network recovers. The client has heard nothing: its write may never have arrived, or its answer may have been lost. It cannot tell which, so after 200 ms it sends the same request again.',
        zh: '网络恢复了。客户端什么也没收到：可能是写请求没送到，也可能是回复丢了。它分辨不出是哪一种，于是 200 毫秒后重发同一个请求。',
      },
      cues: [{ do: 'drop', rate: 0 }],
      until: { kind: 'all', of: [{ kind: 'retried', request: APPEND }, appendedTwice] },
      maxMs: 1000,
      focus: [{ kind: 'node', node: 'chief' }, { kind: 'client' }],
      predict: {
        question: {
          en: '{chief} has applied this append already. What will it do with the copy?',
          zh: '{chief} 已经应用过这次追加。它会怎么处理这份副本？',
        },
        answers: [
          {
            id: 'again',
            text: {
              en: 'Append it to its log again',
              zh: '再次把它追加到日志里',
            },
            when: appendedTwice,
          },
          {
            id: 'skip',
            text: {
              en: 'Recognize it and leave the log alone',
              zh: '认出它，日志保持不变',
            },
            when: { kind: 'not', of: appendedTwice },
          },
        ],
        correct: 'again',
        why: {
          en: 'A leader appends whatever clients send: checking every request against everything ever committed is not its job, and a leader elected meanwhile might not even hold the first copy yet. The log now holds the same append twice. What happens to it is up to the state machine.',
          zh: '领导者会追加客户端发来的任何请求：拿每个请求去比对所有已提交的内容不是它的职责，何况期间新当选的领导者可能还没有第一份副本。现在日志里有两份同样的追加，怎么处理交给状态机（State Machine）决定。',
        },
      },
    },
    {
      text: {
        en: 'Both copies commit, and every server applies both entries in order.',
        zh: '两份副本都提交了，每台服务器都按顺序应用这两个条目。',
      },
      until: {
        kind: 'all',
        of: [
          { kind: 'replied', request: APPEND, status: 'ok', duplicate: true },
          { kind: 'duplicateFiltered', request: APPEND },
          { kind: 'logsAgree' },
        ],
      },
      maxMs: 1000,
      focus: [
        { kind: 'entry', node: 'chief', index: 'last' },
        { kind: 'field', field: 'lastApplied' },
        { kind: 'client' },
      ],
      predict: {
        question: {
          en: 'What will k hold on every server?',
          zh: '每台服务器上的 k 会是什么？',
        },
        answers: [
          {
            id: 'once',
            text: { en: '"x": the append counts once', zh: '“x”：追加只算一次' },
            when: { kind: 'stateMachine', node: 'all', key: 'k', value: 'x' },
          },
          {
            id: 'twice',
            text: { en: '"xx": the append counts twice', zh: '“xx”：追加算了两次' },
            when: { kind: 'stateMachine', node: 'all', key: 'k', value: 'xx' },
          },
        ],
        correct: 'once',
        why: {
          en: 'Every write carries its client’s session: a client id and a sequence number. Each state machine remembers, per client, the last number it applied and the reply it gave. When the copy comes up, that number is already applied: the copy changes nothing, and {chief} answers the client with the saved reply, as if the first answer had arrived.',
          zh: '每个写请求都带着客户端的会话（Session）：客户端编号和序列号。每个状态机都为每个客户端记住它应用过的最后一个序列号和当时的回复。轮到那份副本时，这个序列号已经应用过：副本什么也不改变，{chief} 用保存的回复回答客户端，就像第一次的回复已经送到一样。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: "xx" is not wrong in itself. It is what two appends of "x" should give.',
        zh: '轮到你了：“xx”本身并没有错，它正是两次追加“x”应有的结果。',
      },
      until: { kind: 'stateMachine', node: 'all', key: 'k', value: 'xx' },
      focus: [{ kind: 'client' }],
      task: {
        goal: {
          en: 'Make k hold "xx" on every server, honestly.',
          zh: '让每台服务器上的 k 都变成“xx”，用正当的方式。',
        },
        hint: {
          en: 'In the Client tab, append "x" to k once more. A new request gets a new sequence number, so the session applies it.',
          zh: '在“客户端”标签页中，再向 k 追加一次“x”。新请求有新的序列号，所以会话会应用它。',
        },
        done: { kind: 'stateMachine', node: 'all', key: 'k', value: 'xx' },
        solution: [{ do: 'append', key: 'k', value: 'x', via: 'chief' }],
        maxMs: 1000,
      },
    },
  ],
};
