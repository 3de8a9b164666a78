// Lesson 3 (course layer): split votes — candidates of one term share out the votes so no one
// wins, the term is wasted, and random timers are what make the next term end differently.
import type { Condition, Lesson } from '../types';

/**
 * Someone leads a term newer than the step's start. The fired timers only act once the world
 * runs, so at the step's first instant the old leader still counts and must not end it.
 */
const wonNewTerm: Condition = {
  kind: 'all',
  of: [{ kind: 'leaderElected' }, { kind: 'term', risesBy: 1 }],
};

/** All five servers stand in term 2 at once: every one has reached term 2 and is a candidate. */
const allStandAgain: Condition = {
  kind: 'all',
  of: [
    ...[1, 2, 3, 4, 5].map((node) => ({ kind: 'nodeTerm', node, atLeast: 2 }) as const),
    { kind: 'roleCount', role: 'candidate', count: 5 },
  ],
};

export const splitVote: Lesson = {
  id: 'split-vote',
  title: { en: 'Split votes', zh: '选票被瓜分' },
  teaches: {
    en: 'When several candidates stand in one term the votes can split so no one wins; random timers make the next term end differently.',
    zh: '同一任期（term）里有几个候选人（candidate）时，选票可能被瓜分，谁也赢不了；随机的计时器让下一个任期有不同的结局。',
  },
  settings: { nodes: 5, seed: 1 },
  steps: [
    {
      text: {
        en: 'Most elections take one round. The timers have random lengths, so one server runs out first (here {early}) and asks for votes before anyone else stands.',
        zh: '大多数选举一轮就结束。选举计时器（election timer）的长度是随机的，所以总有一台服务器先到期（这里是 {early}），在别人参选之前就把票要走了。',
      },
      cues: [{ do: 'mark', name: 'early', pick: 'node', node: 2 }],
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'field', field: 'electionDeadline', node: 'early' }],
    },
    {
      text: {
        en: 'Now we fire the election timers of {a}, {b}, {c} and {d} at the same moment. All four become candidates in term 2, and each votes for itself. Watch {a}’s votes and {old}’s votedFor, then the timers once the votes are in.',
        zh: '现在我们在同一时刻触发 {a}、{b}、{c}、{d} 的选举计时器。四台同时成为任期（term）2 的候选人（candidate），各自先投自己一票。留意 {a} 收到的票和 {old} 的 votedFor；票都投完后，再看各台的计时器。',
      },
      cues: [
        { do: 'mark', name: 'old', pick: 'leader' },
        { do: 'mark', name: 'a', pick: 'follower', nth: 0 },
        { do: 'mark', name: 'b', pick: 'follower', nth: 1 },
        { do: 'mark', name: 'c', pick: 'follower', nth: 2 },
        { do: 'mark', name: 'd', pick: 'follower', nth: 3 },
        { do: 'timeout', node: 'a' },
        { do: 'timeout', node: 'b' },
        { do: 'timeout', node: 'c' },
        { do: 'timeout', node: 'd' },
      ],
      until: { kind: 'any', of: [wonNewTerm, { kind: 'term', risesBy: 2 }] },
      focus: [
        { kind: 'message', message: 'RequestVote' },
        { kind: 'message', message: 'RequestVoteReply' },
        { kind: 'field', field: 'votes', node: 'a' },
        { kind: 'field', field: 'votedFor', node: 'old' },
      ],
      predict: {
        question: {
          en: 'Four timers fire at once, so four servers stand as candidates in term 2. Will anyone win term 2?',
          zh: '四个计时器同时触发，于是四台服务器都成为任期 2 的候选人。有人能赢下任期 2 吗？',
        },
        answers: [
          {
            id: 'win',
            text: {
              en: 'Yes: one of them will gather three votes',
              zh: '能：其中一台会凑到三票',
            },
            when: wonNewTerm,
          },
          {
            id: 'split',
            text: {
              en: 'No: the votes will split, and a new term will start',
              zh: '不能：选票会被瓜分，然后开始新的任期',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'not', of: { kind: 'leaderElected' } },
                { kind: 'term', risesBy: 2 },
              ],
            },
          },
        ],
        correct: 'split',
        why: {
          en: 'Each candidate spent its one vote on itself and refused the others. Only {old} had a vote left, so no one could reach three of five, and term 2 ended with no leader when the first timer ran out.',
          zh: '每个候选人都把自己那一票投给了自己，并拒绝了别人。只有 {old} 还有一票可投，所以谁也凑不到五分之三；第一个计时器到期时，任期 2 就这样没有领导者（leader）地结束了。',
        },
      },
    },
    {
      text: {
        en: 'Term 2 is wasted. Refusing a vote resets no timer, so each server kept the random length it drew last: the candidates when they stood, {old} when it granted its vote. {old}’s ran out first, so it now asks for votes in term 3, and no one else is standing.',
        zh: '任期 2 白白浪费了。拒绝投票不会重置计时器，所以每台服务器都保留着最近一次抽到的随机时长：候选人是参选时抽的，{old} 是投票时抽的。{old} 的最先到期，于是它现在在任期 3 拉票，而别人都没有参选。',
      },
      // {old} must be the one that wins: the narration names it.
      until: {
        kind: 'all',
        of: [{ kind: 'role', node: 'old', role: 'leader' }, { kind: 'logsAgree' }],
      },
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'message', message: 'RequestVote' },
        { kind: 'field', field: 'currentTerm', node: 'old' },
      ],
    },
    {
      settings: { nodes: 5, seed: 1, electionTimeoutMs: [150, 150] },
      text: {
        en: 'What if the timers were not random? In this new cluster every election timer lasts exactly 150 ms. The five servers started together, so their timers ran out at the same instant: all five are candidates in term 1, each with its own vote. Compare {p}’s and {q}’s electionDeadline.',
        zh: '如果计时器不是随机的呢？在这个新集群里，每个选举计时器都正好是 150 毫秒。五台服务器同时启动，计时器也在同一瞬间到期：五台都成了任期 1 的候选人，各自投了自己一票。对比一下 {p} 和 {q} 的 electionDeadline。',
      },
      // The first 150 ms only drain five identical timers: the step opens when they run out.
      cues: [
        { do: 'wait', until: { kind: 'roleCount', role: 'candidate', count: 5 }, maxMs: 200 },
        { do: 'mark', name: 'p', pick: 'node', node: 1 },
        { do: 'mark', name: 'q', pick: 'node', node: 2 },
      ],
      until: { kind: 'any', of: [{ kind: 'leaderElected' }, allStandAgain] },
      maxMs: 400,
      focus: [
        { kind: 'field', field: 'electionDeadline', node: 'p' },
        { kind: 'field', field: 'electionDeadline', node: 'q' },
      ],
      predict: {
        question: {
          en: 'Term 1 will find no winner. Each candidate restarted its timer as it stood, and every timer lasts exactly 150 ms. Will anyone win term 2?',
          zh: '任期 1 不会有赢家。每个候选人参选时都重启了计时器，而每个计时器都正好是 150 毫秒。任期 2 会有人当选领导者（leader）吗？',
        },
        answers: [
          {
            id: 'yes',
            text: {
              en: 'Yes: this time one of them will stand first',
              zh: '会：这次会有一台先参选',
            },
            when: { kind: 'leaderElected' },
          },
          {
            id: 'no',
            text: {
              en: 'No: all five will stand again at the same instant',
              zh: '不会：五台又会在同一瞬间一起参选',
            },
            when: {
              kind: 'all',
              of: [{ kind: 'not', of: { kind: 'leaderElected' } }, allStandAgain],
            },
          },
        ],
        correct: 'no',
        why: {
          en: 'All five timers started together and last the same 150 ms, so they ran out at the same instant again: all five stood in term 2 and voted for themselves, and nobody had a vote to give. Nothing will ever make one of them early.',
          zh: '五个计时器同时开始、长度都是 150 毫秒，所以又在同一瞬间到期：五台都在任期 2 参选并投给自己，谁也没有票可以给别人。没有任何东西会让其中一台提前。',
        },
      },
    },
    {
      text: {
        en: 'Your turn. Left alone, these servers would split the vote forever. Break the tie.',
        zh: '轮到你了。如果不管它们，这些服务器会永远瓜分选票。打破这个僵局吧。',
      },
      until: { kind: 'leaderElected' },
      focus: [{ kind: 'field', field: 'electionDeadline', node: 'p' }],
      task: {
        goal: {
          en: 'Get the cluster to elect a leader.',
          zh: '让集群选出一个领导者。',
        },
        hint: {
          en: 'Click any server and choose "Fire election timer now" right after all five become candidates again: it stands in a newer term while the others wait out their 150 ms, and they all vote for it.',
          zh: '在五台刚刚又一起成为候选人之后，点击任意一台服务器，选择“立即触发选举计时器”：它会进入更新的任期参选，而其他服务器还要等满 150 毫秒，于是它们都会投给它。',
        },
        done: { kind: 'leaderElected' },
        solution: [{ do: 'timeout', node: 'p' }],
        maxMs: 1_000,
      },
    },
  ],
};
