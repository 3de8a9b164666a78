// Lesson 4 (course layer): the leader fails — heartbeats stop, the first timer to run out wins a
// new term, and an old leader (restarted, or cut off and reconnected) follows the higher term.
import type { Lesson } from '../types';

export const leaderCrash: Lesson = {
  id: 'leader-crash',
  title: { en: 'When the leader fails', zh: '领导者失效时' },
  teaches: {
    en: 'When heartbeats stop, a follower wins a new term; an old leader that comes back sees the higher term and follows.',
    zh: '心跳（heartbeat）一停，就会有跟随者（follower）赢得新的任期（term）；旧领导者（leader）回来后看到更高的任期，就转为跟随者。',
  },
  settings: { nodes: 5, seed: 2 },
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. As long as its heartbeats arrive, no follower’s election timer runs out: watch {watch}’s.',
        zh: '五台服务器选出一个领导者（leader）。只要它的心跳（heartbeat）不断到达，跟随者（follower）的选举计时器（election timer）就不会到期，看看 {watch} 的。',
      },
      cues: [{ do: 'mark', name: 'watch', pick: 'node', node: 1 }],
      until: { kind: 'logsAgree' },
      focus: [
        { kind: 'node', node: 'leader' },
        { kind: 'field', field: 'electionDeadline', node: 'watch' },
      ],
    },
    {
      text: {
        en: 'The leader, {old}, crashes. No more heartbeats reach the followers, so nothing resets their timers.',
        zh: '领导者 {old} 宕机了。再也没有心跳到达跟随者，也就没有什么会重置它们的计时器。',
      },
      cues: [
        { do: 'mark', name: 'old', pick: 'leader' },
        { do: 'crash', node: 'old' },
      ],
      until: { kind: 'newLeader', not: 'old' },
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'field', field: 'electionDeadline', node: 'watch' },
      ],
      predict: {
        question: {
          en: '{old} is down. What will the four other servers do?',
          zh: '{old} 宕机了。其余四台服务器会怎么做？',
        },
        answers: [
          {
            id: 'wait',
            text: {
              en: 'Wait for {old} to come back',
              zh: '等 {old} 回来',
            },
            when: { kind: 'not', of: { kind: 'newLeader', not: 'old' } },
          },
          {
            id: 'elect',
            text: {
              en: 'Elect a new leader among themselves',
              zh: '在它们之中选出新的领导者',
            },
            when: { kind: 'newLeader', not: 'old' },
          },
        ],
        correct: 'elect',
        why: {
          en: 'The first timer to run out made its server a candidate in a new term. Four servers still run, and three of them are a majority of five, so it could win.',
          zh: '第一个到期的计时器让它的服务器在新的任期（term）成为候选人（candidate）。还有四台在运行，其中三台就是五台的多数派（majority），所以它能赢。',
        },
      },
    },
    {
      text: {
        en: '{next} leads the new term, and its heartbeats now reset the followers’ timers. Meanwhile {old}’s term, vote and log wait on its disk.',
        zh: '{next} 成为新任期的领导者。现在由它的心跳重置跟随者的计时器；{old} 的任期、投票和日志（log）都还留在它的磁盘上。',
      },
      cues: [{ do: 'mark', name: 'next', pick: 'leader' }],
      until: { kind: 'commitRises', count: 4 },
      focus: [
        { kind: 'node', node: 'next' },
        { kind: 'message', message: 'AppendEntries' },
        { kind: 'field', field: 'currentTerm', node: 'next' },
      ],
    },
    {
      text: {
        en: '{old} restarts. Its disk still says the term it led, and like every server that boots, it starts as a follower.',
        zh: '{old} 重启了。它的磁盘上还是它当领导者时的任期；和每台刚启动的服务器一样，它以跟随者身份启动。',
      },
      cues: [{ do: 'restart', node: 'old' }],
      until: { kind: 'logsAgree' },
      focus: [
        { kind: 'node', node: 'old' },
        { kind: 'field', field: 'currentTerm', node: 'old' },
        { kind: 'message', message: 'AppendEntries' },
      ],
      predict: {
        question: {
          en: 'What will {old} do now that it is back?',
          zh: '{old} 回来后会做什么？',
        },
        answers: [
          {
            id: 'lead',
            text: {
              en: 'Take the lead back: it was leader before',
              zh: '夺回领导权：它以前就是领导者',
            },
            when: { kind: 'role', node: 'old', role: 'leader' },
          },
          {
            id: 'follow',
            text: {
              en: 'Take {next}’s higher term and follow it',
              zh: '接受 {next} 更高的任期，跟随它',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'role', node: 'old', role: 'follower' },
                { kind: 'not', of: { kind: 'term', risesBy: 1 } },
              ],
            },
          },
          {
            id: 'elect',
            text: {
              en: 'Start an election to win its place back',
              zh: '发起选举，夺回原来的位置',
            },
            when: { kind: 'term', risesBy: 1 },
          },
        ],
        correct: 'follow',
        why: {
          en: '{next}’s next AppendEntries carries a higher term than {old}’s. A server that sees a higher term takes it at once and follows the leader of that term.',
          zh: '{next} 的下一条追加条目（AppendEntries）带着比 {old} 更高的任期。服务器一看到更高的任期就立即采用它，并跟随那个任期的领导者。',
        },
      },
    },
    {
      text: {
        en: 'A leader can also be cut off without crashing. Now {boss} is alone behind a partition: its heartbeats reach no one, so the other four’s timers will run out.',
        zh: '领导者也可能没有宕机，只是被隔开了。现在 {boss} 被网络分区（partition）单独隔开：它的心跳谁也收不到，其余四台的计时器迟早会到期。',
      },
      cues: [
        { do: 'mark', name: 'boss', pick: 'leader' },
        { do: 'partition', groups: [['boss'], 'rest'] },
      ],
      until: { kind: 'newLeader', not: 'boss' },
      focus: [
        { kind: 'node', node: 'boss' },
        { kind: 'field', field: 'currentTerm', node: 'boss' },
      ],
      predict: {
        question: {
          en: 'The other four will elect a new leader in a higher term. Once they have, will {boss}, cut off, still believe it leads?',
          zh: '其余四台会在更高的任期选出新的领导者。等它们选出来时，被隔开的 {boss} 还会认为自己是领导者吗？',
        },
        answers: [
          {
            id: 'still',
            text: {
              en: 'Yes: nothing will tell it otherwise',
              zh: '会：不会有任何消息告诉它情况变了',
            },
            when: { kind: 'role', node: 'boss', role: 'leader' },
          },
          {
            id: 'knows',
            text: {
              en: 'No: it will notice and step down',
              zh: '不会：它会察觉并退位',
            },
            when: { kind: 'not', of: { kind: 'role', node: 'boss', role: 'leader' } },
          },
        ],
        correct: 'still',
        why: {
          en: 'A server learns of a new term only from a message, and none reaches {boss}. Two servers believe they lead, in different terms; only the newer one can commit, since only it reaches a majority.',
          zh: '服务器只能从消息中得知新的任期，而没有消息能到达 {boss}。此时有两台服务器都认为自己是领导者，但任期不同；只有新的那个能联系上多数派，所以只有它能提交（commit）。',
        },
      },
    },
    {
      text: {
        en: 'Your turn. When the network heals, {boss}’s heartbeats still carry its old term: the others refuse them, and they reset no one’s timer.',
        zh: '轮到你了。网络恢复后，{boss} 的心跳带的仍是旧任期：其他服务器会拒绝它们，这些心跳也不会重置任何人的计时器。',
      },
      until: { kind: 'role', node: 'boss', role: 'follower' },
      focus: [
        { kind: 'node', node: 'boss' },
        { kind: 'field', field: 'currentTerm', node: 'boss' },
        { kind: 'message', message: 'AppendEntriesReply' },
      ],
      task: {
        goal: {
          en: 'Reconnect {boss} and watch it step down to follower.',
          zh: '让 {boss} 重新连上集群，看它退回跟随者。',
        },
        hint: {
          en: 'Press "Heal network". The first message {boss} gets from the others carries their higher term.',
          zh: '点击“恢复网络”。{boss} 从其他服务器收到的第一条消息就带着它们更高的任期。',
        },
        done: { kind: 'role', node: 'boss', role: 'follower' },
        solution: [{ do: 'heal' }],
        maxMs: 1_000,
      },
    },
  ],
};
