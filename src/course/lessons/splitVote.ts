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
        en: 'Most elections take one round. The timers have random lengths, so one server runs out first and asks for votes before anyone else stands.',
        zh: '大多数选举一轮就结束。选举计时器（election timer）的长度是随机的，所以总有一台服务器先到期，在别人参选之前就把票要走了。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'field', field: 'electionDeadline' }],
    },
    {
      text: {
        en: 'Now we fire the election timers of {a}, {b}, {c} and {d} at the same moment. All four become candidates in term 2, and each votes for itself.',
        zh: '现在我们在同一时刻触发 {a}、{b}、{c}、{d} 的选举计时器。四台同时成为任期（term）2 的候选人（candidate），各自先投自己一票。',
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
        { kind: 'field', field: 'votes' },
        { kind: 'field', field: 'votedFor' },
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
              en: 'Yes: one of them gathers three votes',
              zh: '能：其中一台会凑到三票',
            },
            when: wonNewTerm,
          },
          {
            id: 'split',
            text: {
              en: 'No: the votes split, and a new term starts',
              zh: '不能：选票被瓜分，新的任期开始',
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
          en: 'Each candidate spent its one vote on itself and refuses the others. Only {old} had a vote left, so no one could reach three of five.',
          zh: '每个候选人都把自己那一票投给了自己，并拒绝别人。只有 {old} 还有一票可投，所以谁也凑不到五分之三。',
        },
      },
    },
    {
      text: {
        en: 'Term 2 is wasted. Refusing a vote resets no timer, so each server keeps the random timer it drew last: a candidate when it stood, {old} when it granted its vote. Whichever runs out first asks for votes in term 3.',
        zh: '任期 2 白白浪费了。拒绝投票不会重置计时器，所以每台服务器都保留最近一次抽到的随机时长：候选人是参选时抽的，{old} 是投票时抽的。谁先到期，谁就在任期 3 拉票。',
      },
      until: { kind: 'leaderElected' },
      focus: [
        { kind: 'field', field: 'electionDeadline' },
        { kind: 'field', field: 'currentTerm' },
      ],
    },
    {
      settings: { nodes: 5, seed: 1, electionTimeoutMs: [150, 150] },
      text: {
        en: 'What if the timers were not random? In this new cluster every election timer lasts exactly 150 ms, and all five servers start together.',
        zh: '如果计时器不是随机的呢？在这个新集群里，每个选举计时器都正好是 150 毫秒，五台服务器同时启动。',
      },
      until: {
        kind: 'any',
        of: [{ kind: 'leaderElected' }, { kind: 'term', atLeast: 3 }],
      },
      focus: [{ kind: 'field', field: 'electionDeadline' }],
      predict: {
        question: {
          en: 'Every timer lasts exactly 150 ms. Will these servers have a leader before term 3 starts?',
          zh: '每个计时器都正好是 150 毫秒。在任期 3 开始之前，这些服务器能选出领导者（leader）吗？',
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes, in term 1 or term 2', zh: '能，在任期 1 或任期 2' },
            when: { kind: 'leaderElected' },
          },
          {
            id: 'no',
            text: {
              en: 'No: every server stands at once, every time',
              zh: '不能：每次都是所有服务器同时参选',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'not', of: { kind: 'leaderElected' } },
                { kind: 'term', atLeast: 3 },
              ],
            },
          },
        ],
        correct: 'no',
        why: {
          en: 'All five timers run out at the same instant, so all five stand and vote for themselves, and nobody has a vote to give. They all restart the same 150 ms, so it happens again.',
          zh: '五个计时器在同一瞬间到期，五台都参选并投给自己，谁也没有票可以给别人。它们又都重新等同样的 150 毫秒，于是同样的事一再发生。',
        },
      },
    },
    {
      text: {
        en: 'Your turn. Left alone, these servers would split the vote forever. Break the tie.',
        zh: '轮到你了。如果不管它们，这些服务器会永远瓜分选票。打破这个僵局吧。',
      },
      until: { kind: 'leaderElected' },
      focus: [{ kind: 'field', field: 'electionDeadline' }],
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
        solution: [
          { do: 'mark', name: 'breaker', pick: 'follower' },
          { do: 'timeout', node: 'breaker' },
        ],
        maxMs: 1_000,
      },
    },
  ],
};
