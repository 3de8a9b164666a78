// Lesson 2 (course layer): roles, terms and the election — random timers, a candidate asking
// for votes, one vote per term, and the heartbeats that keep a leader in office.
import type { Condition, Lesson } from '../types';

/** Every one of the five servers is a candidate at once. */
const allCandidates: Condition = {
  kind: 'all',
  of: [1, 2, 3, 4, 5].map((node) => ({ kind: 'role', node, role: 'candidate' }) as const),
};

export const election: Lesson = {
  id: 'election',
  title: { en: 'Electing a leader', zh: '选举领导者' },
  teaches: {
    en: 'A server whose random election timer runs out asks for votes in a new term, and wins with a majority.',
    zh: '随机选举计时器先到期的服务器在新的任期（term）里拉票，得到多数派（majority）的票就成为领导者（leader）。',
  },
  settings: { nodes: 5, seed: 1 },
  steps: [
    {
      text: {
        en: 'Every server starts as a follower in term 0. Each runs an election timer of random length, 150 to 300 ms here, and draws a new length whenever the timer is reset. Open {watch}’s timer and term to follow one of them.',
        zh: '每台服务器启动时都是跟随者（follower），处在任期（term）0。每台都有一个随机长度的选举计时器（election timer），这里是 150 到 300 毫秒；计时器每次被重置，都会重新抽一个长度。打开 {watch} 的计时器和任期，跟着其中一台看。',
      },
      cues: [{ do: 'mark', name: 'watch', pick: 'node', node: 2 }],
      until: { kind: 'term', atLeast: 1 },
      focus: [
        { kind: 'field', field: 'electionDeadline', node: 'watch' },
        { kind: 'field', field: 'currentTerm', node: 'watch' },
      ],
      predict: {
        question: {
          en: 'Five timers are running down. What will happen when the first one runs out?',
          zh: '五个计时器都在倒数。第一个到期时会发生什么？',
        },
        answers: [
          {
            id: 'leader',
            text: {
              en: 'That server becomes leader at once',
              zh: '那台服务器立刻成为领导者（leader）',
            },
            when: { kind: 'leaderElected' },
          },
          {
            id: 'candidate',
            text: {
              en: 'That server becomes a candidate and asks the others for votes',
              zh: '那台服务器成为候选人（candidate），向其他服务器拉票',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'term', atLeast: 1 },
                { kind: 'not', of: { kind: 'leaderElected' } },
                { kind: 'not', of: allCandidates },
              ],
            },
          },
          {
            id: 'everyone',
            text: {
              en: 'All five start an election together',
              zh: '五台一起发起选举',
            },
            when: allCandidates,
          },
        ],
        correct: 'candidate',
        why: {
          en: 'Only the server whose timer ran out acts: it becomes a candidate. The others still have time left on their timers.',
          zh: '只有计时器到期的那台会行动：它成为候选人。其他服务器的计时器还没走完。',
        },
      },
    },
    {
      text: {
        en: '{cand}’s timer ran out first, so {cand} became a candidate: it moved to term 1, voted for itself and sent RequestVote to the other four. Watch {cand}’s votes and {voter}’s votedFor.',
        zh: '{cand} 的计时器最先到期，于是 {cand} 成为候选人（candidate）：它进入任期 1，先投自己一票，再向其余四台发送请求投票（RequestVote）。留意 {cand} 收到的票（votes）和 {voter} 的 votedFor。',
      },
      cues: [
        { do: 'mark', name: 'cand', pick: 'role', role: 'candidate' },
        { do: 'mark', name: 'voter', pick: 'role', role: 'follower' },
      ],
      until: { kind: 'leaderElected' },
      focus: [
        { kind: 'message', message: 'RequestVote' },
        { kind: 'message', message: 'RequestVoteReply' },
        { kind: 'field', field: 'votes', node: 'cand' },
        { kind: 'field', field: 'votedFor', node: 'voter' },
      ],
      predict: {
        question: {
          en: 'Each follower has one vote in term 1 and gives it to the first candidate that asks. Will {cand} win term 1?',
          zh: '每个跟随者在任期 1 只有一票，投给第一个来要票的候选人。{cand} 会赢下任期 1 吗？',
        },
        answers: [
          {
            id: 'yes',
            text: {
              en: 'Yes: it will get votes from a majority',
              zh: '会：它会得到多数派的票',
            },
            when: {
              kind: 'all',
              of: [{ kind: 'leaderElected' }, { kind: 'not', of: { kind: 'term', atLeast: 2 } }],
            },
          },
          {
            id: 'no',
            text: {
              en: 'No: another term will be needed',
              zh: '不会：还得再选一个任期',
            },
            when: { kind: 'term', atLeast: 2 },
          },
        ],
        correct: 'yes',
        why: {
          en: 'No one else had stood, so every follower granted its vote, and granting a vote resets its timer. Three votes of five, its own included, is a majority.',
          zh: '没有别的服务器参选，所以每个跟随者都投了票；投出一票也会重置它的计时器。五票中拿到三票（包括自己那票）就是多数派（majority）。',
        },
      },
    },
    {
      text: {
        en: '{first} leads term 1. Every 50 ms it sends each follower an AppendEntries, a heartbeat, and each heartbeat resets that follower’s timer: watch {voter}’s. The first one also carries an empty entry of term 1.',
        zh: '{first} 成为任期 1 的领导者。它每 50 毫秒给每个跟随者发一条追加条目（AppendEntries），也就是心跳（heartbeat）；每次心跳都会重置那个跟随者的计时器，看看 {voter} 的。第一条还带着一个任期 1 的空条目。',
      },
      cues: [{ do: 'mark', name: 'first', pick: 'leader' }],
      until: { kind: 'commitRises', count: 5 },
      focus: [
        { kind: 'node', node: 'first' },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'field', field: 'electionDeadline', node: 'voter' },
      ],
    },
    {
      text: {
        en: 'Your turn. A timer is reset only when its server grants a vote or hears from the leader of its current term. Refusing a vote does not reset it, and neither does a message from an older term. Keep an eye on {voter}’s timer and term.',
        zh: '轮到你了。只有投出一票，或收到当前任期领导者的消息，计时器才会重置。拒绝投票不会重置它，来自旧任期的消息也不会。留意 {voter} 的计时器和任期。',
      },
      until: { kind: 'newLeader', not: 'first' },
      focus: [
        { kind: 'field', field: 'electionDeadline', node: 'voter' },
        { kind: 'field', field: 'currentTerm', node: 'voter' },
      ],
      task: {
        goal: {
          en: 'Make a follower start an election and take over from {first}.',
          zh: '让一个跟随者发起选举，从 {first} 手里接过领导权。',
        },
        hint: {
          en: 'Click a follower, {voter} for instance, and choose "Fire election timer now". A leader has no election timer, so firing it on {first} does nothing.',
          zh: '点击一个跟随者（比如 {voter}），选择“立即触发选举计时器”。领导者没有选举计时器，对 {first} 这样做不会有任何效果。',
        },
        done: { kind: 'newLeader', not: 'first' },
        solution: [{ do: 'timeout', node: 'voter' }],
        maxMs: 1_000,
      },
    },
  ],
};
