// Lesson 18 (course layer): leadership transfer (Raft thesis §3.10). The leader stops taking
// requests, brings the chosen server's log up to date, then sends it TimeoutNow; the target
// stands at once, in the next term, before any other timer runs out, and wins.
import type { Condition, Lesson } from '../types';

/** The lesson's requests: a=1 (1), b=2 (2), the transfer (3), c=3 (4). */
const TRANSFER = 3;

const heirLeads: Condition = { kind: 'role', node: 'heir', role: 'leader' };
const chiefLeads: Condition = { kind: 'role', node: 'chief', role: 'leader' };

/**
 * The cluster follows a leader of a term after the step's start: the election the transfer
 * causes is over (a candidate's higher term alone is not enough).
 */
const newTermLeader: Condition = { kind: 'nodeTermRises', node: 'leader', by: 1 };

export const transfer: Lesson = {
  id: 'leadership-transfer',
  title: { en: 'Handing leadership over', zh: '移交领导权' },
  teaches: {
    en: 'A leader hands over by bringing the chosen server up to date and sending it TimeoutNow, so it wins at once; meanwhile the leader takes no requests.',
    zh: '领导者（Leader）移交领导权时，先让选定的服务器追上日志，再给它发送立即超时（TimeoutNow）消息，让它立刻赢得选举；在此期间领导者不接受请求。',
  },
  settings: { nodes: 5, seed: 18 },
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. Sometimes the leader must go, for instance before its machine is restarted for an upgrade. Waiting for it to crash would cost an election timeout with no leader; it can hand over instead.',
        zh: '五台服务器选出一个领导者（Leader）。有时领导者必须离开，比如它的机器要重启升级。如果等它宕机，集群要空等一个选举超时（Election Timeout）才有新领导者；它可以主动移交。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: '{chief} will hand leadership to {heir}. But first {heir} crashes, and a client writes a=1 and b=2, which commit without it.',
        zh: '{chief} 将把领导权交给 {heir}。但在此之前 {heir} 宕机了，客户端写入 a=1 和 b=2，它们不需要 {heir} 也提交（Commit）了。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'mark', name: 'heir', pick: 'follower', nth: 0 },
        { do: 'crash', node: 'heir' },
        { do: 'write', key: 'a', value: '1' },
        { do: 'write', key: 'b', value: '2' },
      ],
      until: { kind: 'committed', request: 'last', count: 4 },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'heir' },
        { kind: 'entry', node: 'all', index: 'last' },
      ],
    },
    {
      text: {
        en: '{heir} restarts, two entries behind, and a client asks {chief} to hand leadership to it. While {chief} does, a client writes c=3.',
        zh: '{heir} 重启了，日志（Log）落后两个条目；客户端请 {chief} 把领导权交给它。就在 {chief} 移交期间，客户端写入 c=3。',
      },
      cues: [
        { do: 'restart', node: 'heir' },
        { do: 'transferLeadership', to: 'heir' },
        { do: 'wait', until: { kind: 'transferring', node: 'chief', to: 'heir' }, maxMs: 500 },
        { do: 'write', key: 'c', value: '3' },
      ],
      until: { kind: 'replied', request: 'last' },
      maxMs: 1000,
      focus: [{ kind: 'node', node: 'chief' }, { kind: 'client' }],
      predict: {
        question: {
          en: 'What will {chief} do with c=3 while it hands over?',
          zh: '{chief} 在移交期间会怎么处理 c=3？',
        },
        answers: [
          {
            id: 'commit',
            text: { en: 'Commit it as usual', zh: '照常提交' },
            when: { kind: 'replied', request: 'last', status: 'ok' },
          },
          {
            id: 'refuse',
            text: { en: 'Turn it away', zh: '拒绝它' },
            when: { kind: 'replied', request: 'last', status: 'failed' },
          },
        ],
        correct: 'refuse',
        why: {
          en: 'A leader handing over takes no requests: every new entry would be one more that {heir} must hold before it can take over, and the hand-over could go on for ever. The client tries again with the next leader.',
          zh: '正在移交的领导者不接受请求：每多一个新条目，{heir} 接手前就要多追一个，移交可能永远完不成。客户端稍后向新的领导者重试。',
        },
      },
    },
    {
      text: {
        en: '{chief} sends {heir} the entries it lacks. As soon as {heir}’s log matches its own, {chief} sends it TimeoutNow.',
        zh: '{chief} 把 {heir} 缺少的条目发给它。一旦 {heir} 的日志与自己的一致，{chief} 就给它发送立即超时（TimeoutNow）消息。',
      },
      until: {
        kind: 'all',
        of: [newTermLeader, { kind: 'replied', request: TRANSFER, status: 'ok' }],
      },
      maxMs: 150,
      focus: [
        { kind: 'node', node: 'heir' },
        { kind: 'message', message: 'TimeoutNow' },
        { kind: 'field', field: 'matchIndex', node: 'chief' },
      ],
      predict: {
        question: {
          en: 'Who will lead next?',
          zh: '接下来谁会成为领导者？',
        },
        answers: [
          {
            id: 'heir',
            text: { en: '{heir}, the server it chose', zh: '它选中的 {heir}' },
            when: heirLeads,
          },
          {
            id: 'chief',
            text: { en: '{chief} again', zh: '还是 {chief}' },
            when: chiefLeads,
          },
          {
            id: 'other',
            text: {
              en: 'Whichever server’s timer runs out first',
              zh: '选举计时器最先到期的那台',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'leaderElected' },
                { kind: 'not', of: heirLeads },
                { kind: 'not', of: chiefLeads },
              ],
            },
          },
        ],
        correct: 'heir',
        why: {
          en: 'TimeoutNow tells {heir} to stand at once, as if its election timer had run out. It starts the next term before any other server’s timer runs out, and its log is as new as anyone’s, so the others vote for it. The whole hand-over took less than one election timeout.',
          zh: '立即超时消息让 {heir} 立刻参选，就像它的选举计时器（Election Timer）到期了一样。它在其他服务器的计时器到期之前就进入下一个任期（Term），日志也和大家一样新，所以大家都投票给它。整个移交用时不到一个选举超时。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: {heir} leads, and {chief} follows.',
        zh: '轮到你了：{heir} 是领导者，{chief} 是跟随者（Follower）。',
      },
      until: chiefLeads,
      focus: [{ kind: 'node', node: 'chief' }],
      task: {
        goal: {
          en: 'Hand leadership back to {chief}.',
          zh: '把领导权交回给 {chief}。',
        },
        hint: {
          en: 'Click {chief} in the drawing and choose “Hand leadership to this server”.',
          zh: '在图中点击 {chief}，选择“把领导权交给它”。',
        },
        done: chiefLeads,
        solution: [{ do: 'transferLeadership', to: 'chief' }],
        maxMs: 1000,
      },
    },
  ],
};
