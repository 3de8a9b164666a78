// Lesson 14 (course layer): the disruptive server. A server cut off alone keeps timing out and
// inflates its term; when it returns, that term deposes a healthy leader. With PreVote (a server
// first asks whether it could win) and CheckQuorum (a leader that has lost its majority steps
// down, and servers that hear a leader ignore would-be disruptors) the same story passes quietly.
// The lone server's term is watched rising twice: each rise costs an election timeout.
import type { Condition, Cue, Lesson, LessonSettings } from '../types';

const SEED = 14;
const PLAIN: LessonSettings = { nodes: 5, seed: SEED };
const GUARDED: LessonSettings = { ...PLAIN, preVote: true, checkQuorum: true };

/** Names the leader and a follower, cuts the follower off alone, and writes while it is away. */
const CUT_OFF_LONE: readonly Cue[] = [
  { do: 'mark', name: 'chief', pick: 'leader' },
  { do: 'mark', name: 'lone', pick: 'follower', nth: 0 },
  { do: 'partition', groups: [['lone'], 'rest'] },
  { do: 'write', key: 'x', value: '1' },
];

const newElection: Condition = { kind: 'term', risesBy: 1 };
const chiefStepsDown: Condition = { kind: 'role', node: 'chief', role: 'follower' };

export const disruptiveServer: Lesson = {
  id: 'disruptive-server',
  title: { en: 'The disruptive server', zh: '捣乱的服务器' },
  teaches: {
    en: 'A server cut off alone inflates its term and deposes a healthy leader when it returns; PreVote and CheckQuorum stop both.',
    zh: '被单独隔离的服务器会不断抬高任期（term），回来时把健康的领导者（leader）拉下台；预投票（PreVote）和 CheckQuorum 能阻止这两件事。',
  },
  settings: PLAIN,
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. Then one follower will be cut off from all the others.',
        zh: '五台服务器选出一个领导者（leader）。接下来一个跟随者（follower）会和其他所有服务器断开。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: '{lone} is cut off alone, and a client writes x=1, which commits without it.',
        zh: '{lone} 被单独隔离，客户端写入 x=1，它不参与也能提交（commit）。',
      },
      cues: CUT_OFF_LONE,
      until: { kind: 'term', risesBy: 2 },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'lone' },
        { kind: 'field', field: 'currentTerm', node: 'lone' },
      ],
      predict: {
        question: {
          en: 'What will happen to {lone}’s term while it is alone?',
          zh: '{lone} 被隔离期间，它的任期（term）会怎样？',
        },
        answers: [
          {
            id: 'same',
            text: { en: 'It will stay as it is', zh: '保持不变' },
            when: { kind: 'not', of: newElection },
          },
          {
            id: 'rises',
            text: {
              en: 'It will go up with every election timeout',
              zh: '每次选举超时（election timeout）都会加一',
            },
            when: { kind: 'term', risesBy: 2 },
          },
        ],
        correct: 'rises',
        why: {
          en: 'Hearing no leader, {lone} stands for election again and again, each time in a new term. Nobody answers, so nobody tells it to stop.',
          zh: '收不到领导者的消息，{lone} 一次又一次参选，每次都进入新任期。没有人回应它，也就没人让它停下来。',
        },
      },
    },
    {
      text: {
        en: 'The network heals. {lone} returns with a term above {chief}’s, but without x=1.',
        zh: '网络恢复了。{lone} 带着高于 {chief} 的任期回来，但它没有 x=1。',
      },
      cues: [{ do: 'heal' }],
      until: chiefStepsDown,
      maxMs: 500,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'field', field: 'currentTerm', node: 'chief' },
        { kind: 'field', field: 'currentTerm', node: 'lone' },
      ],
      predict: {
        question: {
          en: 'What will {chief} do when it meets {lone}’s higher term?',
          zh: '{chief} 遇到 {lone} 更高的任期时会怎么做？',
        },
        answers: [
          {
            id: 'stays',
            text: { en: 'Ignore it and keep leading', zh: '不理会，继续领导' },
            when: { kind: 'role', node: 'chief', role: 'leader' },
          },
          {
            id: 'stepsDown',
            text: { en: 'Step down and become a follower', zh: '退位，变回跟随者' },
            when: chiefStepsDown,
          },
        ],
        correct: 'stepsDown',
        why: {
          en: 'A higher term in any message makes a leader step down: {lone}’s reply to a heartbeat carried its term. {lone} cannot win, since it lacks x=1, so a server with x=1 must win an election in a still higher term, perhaps {chief} again. The whole cluster stops and votes for nothing.',
          zh: '任何消息里出现更高的任期都会让领导者退位：{lone} 对心跳（heartbeat）的回复带着它的任期。{lone} 缺少 x=1，赢不了，于是要由一台有 x=1 的服务器在更高的任期赢得选举，可能又是 {chief}。整个集群白白停下来重新投票。',
        },
      },
    },
    {
      text: {
        en: 'A fresh cluster with PreVote and CheckQuorum on. With PreVote a server raises its term only after a majority says it could win. With CheckQuorum a leader that loses its majority steps down.',
        zh: '换一个新集群，打开预投票（PreVote）和 CheckQuorum。有了预投票，服务器要先得到多数派（majority）认可能赢，才会抬高任期。有了 CheckQuorum，失去多数派的领导者会自行退位。',
      },
      settings: GUARDED,
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'Again {lone} is cut off alone, and x=1 commits without it.',
        zh: '同样，{lone} 被单独隔离，x=1 不需要它也提交了。',
      },
      cues: CUT_OFF_LONE,
      until: { kind: 'role', node: 'lone', role: 'precandidate' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'lone' },
        { kind: 'field', field: 'currentTerm', node: 'lone' },
      ],
      predict: {
        question: {
          en: 'When {lone}’s election timer runs out, will its term go up this time?',
          zh: '{lone} 的选举计时器到期时，这次它的任期会上升吗？',
        },
        answers: [
          { id: 'rises', text: { en: 'Yes, as before', zh: '会，和之前一样' }, when: newElection },
          {
            id: 'same',
            text: {
              en: 'No: it only asks, and nobody answers',
              zh: '不会：它只是先问一问，而没有人回应',
            },
            when: { kind: 'not', of: newElection },
          },
        ],
        correct: 'same',
        why: {
          en: 'With PreVote, {lone} becomes a pre-candidate and only asks whether it could win. Without a majority of yeses it never raises its term, however often its timer runs out.',
          zh: '有了预投票，{lone} 只成为预候选人（pre-candidate）去征询意见。得不到多数派同意，它就不会抬高任期，无论计时器到期多少次。',
        },
      },
    },
    {
      text: {
        en: 'The network heals, and {lone} returns with the same term as {chief}.',
        zh: '网络恢复了，{lone} 带着和 {chief} 相同的任期回来。',
      },
      cues: [{ do: 'heal' }],
      until: { kind: 'logsAgree' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'node', node: 'lone' },
      ],
      predict: {
        question: {
          en: 'Will {chief} go on leading this time?',
          zh: '这次 {chief} 会继续当领导者吗？',
        },
        answers: [
          {
            id: 'stays',
            text: {
              en: 'Yes: {lone} will simply catch up',
              zh: '会：{lone} 只是追上进度',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'role', node: 'chief', role: 'leader' },
                { kind: 'not', of: newElection },
              ],
            },
          },
          {
            id: 'election',
            text: { en: 'No: there will be another election', zh: '不会：又要重新选举' },
            when: newElection,
          },
        ],
        correct: 'stays',
        why: {
          en: '{lone}’s term never rose, so nothing it sends can depose {chief}. The leader’s next heartbeat brings it x=1.',
          zh: '{lone} 的任期从未上升，它发出的任何消息都不会让 {chief} 退位。领导者的下一次心跳就把 x=1 带给了它。',
        },
      },
    },
    {
      text: {
        en: 'Your turn: see CheckQuorum act on the leader itself.',
        zh: '轮到你了：看看 CheckQuorum 如何作用于领导者本身。',
      },
      until: {
        kind: 'all',
        of: [
          { kind: 'not', of: { kind: 'role', node: 'chief', role: 'leader' } },
          { kind: 'newLeader', not: 'chief' },
        ],
      },
      focus: [{ kind: 'node', node: 'chief' }],
      task: {
        goal: {
          en: 'Make {chief} step down by itself while another server takes over.',
          zh: '让 {chief} 自行退位，同时由另一台服务器接任。',
        },
        hint: {
          en: 'Drag across empty space to split the network with {chief} alone on one side. Without CheckQuorum it would go on believing it leads; with it, it steps down within an election timeout.',
          zh: '在空白处拖动以分割网络，让 {chief} 单独在一边。没有 CheckQuorum 时它会一直以为自己是领导者；有了它，一个选举超时之内就会退位。',
        },
        done: {
          kind: 'all',
          of: [
            { kind: 'not', of: { kind: 'role', node: 'chief', role: 'leader' } },
            { kind: 'newLeader', not: 'chief' },
          ],
        },
        solution: [{ do: 'partition', groups: [['chief'], 'rest'] }],
        maxMs: 1500,
      },
    },
  ],
};
