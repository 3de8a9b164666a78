// Lesson 19 (course layer): the stale read from a deposed leader (Raft thesis §6.4). A leader cut
// off in a minority goes on believing it leads; a `local` read there returns a value the majority
// has already overwritten, and the linearizability checker says so. A `readIndex` read asks a
// majority first and is turned away; a `lease` read needs CheckQuorum, and its lease runs out
// before anyone else can be elected.
import type { Condition, Cue, Lesson, LessonSettings } from '../types';

const SEED = 19;
const PLAIN: LessonSettings = { nodes: 5, seed: SEED };
const GUARDED: LessonSettings = { ...PLAIN, checkQuorum: true };

/** Names the leader and one follower, and commits x=1 on every server. */
const WRITE_FIRST: readonly Cue[] = [
  { do: 'mark', name: 'old', pick: 'leader' },
  { do: 'mark', name: 'buddy', pick: 'follower', nth: 0 },
  { do: 'write', key: 'x', value: '1' },
  { do: 'wait', until: { kind: 'committed', request: 'last' }, maxMs: 1000 },
];

/** Cuts the leader off with one follower: two of five, a minority. */
const SPLIT: Cue = { do: 'partition', groups: [['old', 'buddy'], 'rest'] };

const answered = (value: string): Condition => ({
  kind: 'replied',
  request: 'last',
  status: 'ok',
  value,
});
const refused: Condition = { kind: 'replied', request: 'last', status: 'failed' };

/** "Will {old} answer x=1 or x=2?": the three things a read can come to. */
const WHICH_VALUE = [
  { id: 'stale', text: { en: 'It answers x=1', zh: '回答 x=1' }, when: answered('1') },
  { id: 'fresh', text: { en: 'It answers x=2', zh: '回答 x=2' }, when: answered('2') },
  {
    id: 'refused',
    text: { en: 'It will not answer with a value', zh: '它不会给出值' },
    when: refused,
  },
];

const newLeaderElected: Condition = { kind: 'newLeader', not: 'old' };
const oldStepsDown: Condition = { kind: 'not', of: { kind: 'role', node: 'old', role: 'leader' } };
const safeFreshRead: Condition = { kind: 'readAnswered', key: 'x', value: '2', safe: true };

export const staleRead: Lesson = {
  id: 'stale-read',
  title: { en: 'The stale read', zh: '过期的读' },
  teaches: {
    en: 'A leader cut off in a minority still answers local reads with old values; readIndex confirms leadership with a majority first, and a lease (with CheckQuorum) runs out before a new leader can exist.',
    zh: '被隔离在少数派中的旧领导者（Leader）仍会用旧值回答本地读；读索引（ReadIndex）先让多数派确认领导权，而租约（Lease，需配合 CheckQuorum）在新领导者可能出现之前就已到期。',
  },
  settings: PLAIN,
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. So far the course has only written. Now clients read too, and a read never enters the log: some server answers from its own state machine. The question is which server may answer, and when.',
        zh: '五台服务器选出一个领导者（Leader）。到目前为止，课程里只有写。现在客户端也要读了，而读请求不进入日志（Log）：某台服务器直接用自己的状态机（State Machine）作答。问题在于：哪台服务器可以作答，什么时候可以。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'A client writes x=1 through {old}, and it commits everywhere. Then the network splits: {old} and {buddy} on one side, the other three on the other.',
        zh: '客户端通过 {old} 写入 x=1，所有服务器都提交（Commit）了它。随后网络分裂：{old} 和 {buddy} 在一边，其余三台在另一边。',
      },
      cues: [...WRITE_FIRST, SPLIT],
      until: newLeaderElected,
      maxMs: 3000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'node', node: 'buddy' },
      ],
    },
    {
      text: {
        en: 'The three servers on the majority side elected {chief}. A client writes x=2 there, and it commits on three of five servers. {old} hears nothing of it, and with no CheckQuorum it still believes it leads.',
        zh: '多数派一边的三台服务器选出了 {chief}。客户端在那边写入 x=2，它在五台中的三台上提交了。{old} 对此一无所知；没有 CheckQuorum，它仍以为自己是领导者。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'write', key: 'x', value: '2' },
      ],
      until: { kind: 'replied', request: 'last', status: 'ok' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'node', node: 'old' },
        { kind: 'entry', node: 'chief', index: 'last' },
      ],
    },
    {
      text: {
        en: 'The client has been told x=2 is written. Now a client reads x from {old} in local mode: {old} answers at once from its own state machine, checking nothing.',
        zh: '客户端已被告知 x=2 写入成功。现在另一个客户端以本地（local）模式向 {old} 读取 x：{old} 不做任何检查，立刻用自己的状态机作答。',
      },
      cues: [{ do: 'read', key: 'x', via: 'old', mode: 'local' }],
      until: { kind: 'replied', request: 'last' },
      maxMs: 500,
      focus: [{ kind: 'node', node: 'old' }, { kind: 'client' }],
      predict: {
        question: {
          en: 'Will {old} answer x=1 or x=2?',
          zh: '{old} 会回答 x=1 还是 x=2？',
        },
        answers: WHICH_VALUE,
        correct: 'stale',
        why: {
          en: '{old} never received x=2, so its state machine still says x=1. A client that was told x=2 is written now reads x=1: the store went back in time. That breaks linearizability, and the Linearizability checker fires: the read missed a write that had finished before the read began.',
          zh: '{old} 从未收到 x=2，它的状态机里仍是 x=1。一个客户端已被告知 x=2 写入成功，现在却读到 x=1：存储仿佛回到了过去。这违反了线性一致性（Linearizability），线性一致性检查器报警：这次读漏掉了一个在它开始之前就已完成的写。',
        },
      },
    },
    {
      text: {
        en: 'The same read in readIndex mode. {old} notes its commit index as the read index, then sends a round of heartbeats: it may answer only once a majority has acknowledged one sent after the read arrived.',
        zh: '同样的读，换成读索引（ReadIndex）模式。{old} 把自己的提交索引（commitIndex）记为读索引，然后发出一轮心跳（Heartbeat）：只有当多数派确认了读请求到达之后发出的心跳，它才可以作答。',
      },
      cues: [{ do: 'read', key: 'x', via: 'old', mode: 'readIndex' }],
      until: { kind: 'replied', request: 'last' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'client' },
      ],
      predict: {
        question: {
          en: 'What will {old} do with the readIndex read?',
          zh: '{old} 会怎么处理这个读索引读？',
        },
        answers: WHICH_VALUE,
        correct: 'refused',
        why: {
          en: 'Only {buddy} answers the heartbeats: two of five is no majority. After one election timeout {old} gives up and refuses the read: leadership not confirmed. It still does not know it was deposed, but it no longer needs to: it never answers without proof.',
          zh: '只有 {buddy} 回应了心跳：五台中的两台不是多数派。一个选举超时（Election Timeout）之后，{old} 放弃并拒绝了这次读：领导权未获确认。它仍不知道自己已被取代，但已无需知道：没有证据，它就绝不作答。',
        },
      },
    },
    {
      text: {
        en: 'readIndex costs a round of heartbeats per read. A lease saves it: after a majority acknowledges a heartbeat, the leader trusts its leadership for a minimum election timeout from when it sent it. But {old} turns a lease read away at once: this cluster runs without CheckQuorum.',
        zh: '读索引每次读都要一轮心跳。租约（Lease）可以省掉它：多数派确认一次心跳后，领导者从发出那次心跳起，在一个最短选举超时内相信自己仍是领导者。但 {old} 立刻拒绝了租约读：这个集群没有开启 CheckQuorum。',
      },
      cues: [{ do: 'read', key: 'x', via: 'old', mode: 'lease' }],
      until: { kind: 'replied', request: 'last', failure: 'leaseNeedsCheckQuorum' },
      maxMs: 500,
      focus: [{ kind: 'node', node: 'old' }, { kind: 'client' }],
    },
    {
      text: {
        en: 'A fresh cluster with CheckQuorum on. With CheckQuorum a server that has heard from its leader within the minimum election timeout will not vote for anyone else, and a leader that hears no majority for an election timeout steps down. So while a lease holds, no other leader can be elected: that is what the lease relies on. (Here the clocks never drift; real leases must allow for that.)',
        zh: '换一个新集群，开启 CheckQuorum。有了 CheckQuorum，在最短选举超时内收到过领导者消息的服务器不会投票给别人；一个选举超时内联系不上多数派的领导者会自行退位。所以租约有效期间，不可能选出别的领导者：租约正依赖这一点。（这里的时钟从不漂移；真实系统的租约必须为此留出余量。）',
      },
      settings: GUARDED,
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'Again x=1 commits, and {old} and {buddy} are cut off. Just after the split, before anything else happens, a client reads x from {old} with a lease.',
        zh: '同样，x=1 提交了，{old} 和 {buddy} 被隔离。刚一分裂，还没发生别的事，客户端就以租约模式向 {old} 读取 x。',
      },
      cues: [...WRITE_FIRST, SPLIT, { do: 'read', key: 'x', via: 'old', mode: 'lease' }],
      until: { kind: 'replied', request: 'last' },
      maxMs: 500,
      focus: [{ kind: 'node', node: 'old' }, { kind: 'client' }],
      predict: {
        question: {
          en: '{old} is cut off but does not know it yet. Will it answer the lease read?',
          zh: '{old} 已被隔离，但它还不知道。它会回答这个租约读吗？',
        },
        answers: [
          {
            id: 'answers',
            text: { en: 'Yes, x=1', zh: '会，x=1' },
            when: answered('1'),
          },
          { id: 'refuses', text: { en: 'No, it refuses', zh: '不会，它拒绝' }, when: refused },
        ],
        correct: 'answers',
        why: {
          en: 'A majority acknowledged a heartbeat less than a minimum election timeout ago, so the lease holds. That is safe: those servers will vote for no one else until the same time has passed, so x=1 is still the latest value. No checker fires.',
          zh: '多数派在不到一个最短选举超时之前确认过心跳，所以租约仍然有效。这是安全的：在同样的时间过去之前，那些服务器不会投票给别人，所以 x=1 仍是最新的值。没有检查器报警。',
        },
      },
    },
    {
      text: {
        en: 'The three on the majority side wait for their election timers to run out, then elect a new leader. Meanwhile {old} hears from no majority, and CheckQuorum makes it step down by itself.',
        zh: '多数派一边的三台服务器等到选举计时器（Election Timer）到期，再选出新的领导者。与此同时，{old} 联系不上多数派，CheckQuorum 让它自行退位。',
      },
      until: { kind: 'all', of: [newLeaderElected, oldStepsDown] },
      maxMs: 3000,
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'field', field: 'electionDeadline' },
      ],
    },
    {
      text: {
        en: 'A client writes x=2 through {chief}, and it commits. Then a client reads x from {old} with a lease once more.',
        zh: '客户端通过 {chief} 写入 x=2，它提交了。随后客户端再次以租约模式向 {old} 读取 x。',
      },
      cues: [
        { do: 'mark', name: 'chief', pick: 'leader' },
        { do: 'write', key: 'x', value: '2' },
        { do: 'wait', until: { kind: 'replied', request: 'last', status: 'ok' }, maxMs: 1000 },
        { do: 'read', key: 'x', via: 'old', mode: 'lease' },
      ],
      until: { kind: 'replied', request: 'last' },
      maxMs: 1000,
      focus: [{ kind: 'node', node: 'old' }, { kind: 'client' }],
      predict: {
        question: {
          en: 'Will {old} answer x=1 or x=2 this time?',
          zh: '这次 {old} 会回答 x=1 还是 x=2？',
        },
        answers: WHICH_VALUE,
        correct: 'refused',
        why: {
          en: 'The lease ran out before the majority side could elect {chief}, and CheckQuorum then made {old} step down. A follower passes a lease read to its leader; {old} knows none, so it refuses. The Linearizability checker stays quiet: no client ever read x=1 after x=2 was written.',
          zh: '在多数派选出 {chief} 之前，租约就已到期，随后 CheckQuorum 让 {old} 退位。跟随者（Follower）会把租约读转给它的领导者；{old} 不知道领导者是谁，于是拒绝。线性一致性检查器没有报警：x=2 写入之后，没有任何客户端读到 x=1。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: read x so that the answer is sure to be the latest value.',
        zh: '轮到你了：读取 x，并确保读到的是最新的值。',
      },
      until: safeFreshRead,
      focus: [{ kind: 'node', node: 'chief' }, { kind: 'client' }],
      task: {
        goal: {
          en: 'Get x=2 from a read in readIndex or lease mode.',
          zh: '用读索引或租约模式的读，读到 x=2。',
        },
        hint: {
          en: 'In the Client tab, read x in readIndex or lease mode through a server on the majority side: {chief} or one of its followers. A read through {old} or {buddy} is turned away.',
          zh: '在“客户端”标签页中，以读索引或租约模式，通过多数派一边的服务器读取 x：{chief} 或它的跟随者。通过 {old} 或 {buddy} 的读会被拒绝。',
        },
        done: safeFreshRead,
        solution: [{ do: 'read', key: 'x', via: 'chief', mode: 'readIndex' }],
        maxMs: 1000,
      },
    },
  ],
};
