// Lesson 15 (course layer): why a configuration changes one server at a time (Raft thesis §4.1,
// §4.3). With the rule on, a leader turns a second change away until the first commits; with it
// off, two quick removals let it count three voters while five are committed, and a split along
// the two majorities that do not meet lets each side elect and commit. Joint consensus, with the
// rule back on, survives the same split.
import type { Condition, Cue, Lesson, LessonSettings } from '../types';

const SEED = 15;
const SAFE: LessonSettings = { nodes: 5, seed: SEED };
const UNSAFE: LessonSettings = { ...SAFE, rules: { oneChangeAtATime: false } };

/** The leader, the two followers that stay, and the two that go, by id. */
const NAME_THEM: readonly Cue[] = [
  { do: 'wait', until: { kind: 'logsAgree' } },
  { do: 'mark', name: 'chief', pick: 'leader' },
  { do: 'mark', name: 'keep1', pick: 'follower', nth: 0 },
  { do: 'mark', name: 'keep2', pick: 'follower', nth: 1 },
  { do: 'mark', name: 'gone1', pick: 'follower', nth: 2 },
  { do: 'mark', name: 'gone2', pick: 'follower', nth: 3 },
];

/** Two removals in a row: the lesson's requests 1 and 2. */
const REMOVE_BOTH: readonly Cue[] = [
  { do: 'removeServer', node: 'gone1' },
  { do: 'removeServer', node: 'gone2' },
];

/**
 * The split the lesson stages on purpose, along the two majorities that need not meet: before
 * the requests reach the leader, so the far side never hears of either removal.
 */
const SPLIT: Cue = { do: 'partition', groups: [['chief', 'keep1'], 'rest'] };

const THREE = ['chief', 'keep1', 'keep2'];
/** The joint configuration, entry of the fresh cluster's first request, committed anywhere. */
const jointCommitted: Condition = { kind: 'committed', request: 1, count: 1 };
const chiefUses = (count: number): Condition => ({ kind: 'configuration', node: 'chief', count });

export const oneChange: Lesson = {
  id: 'one-change-at-a-time',
  title: { en: 'One change at a time', zh: '一次只改一台' },
  teaches: {
    en: 'A leader changes the voters one server at a time, or through a joint configuration, so that the majorities of the old and new configurations always meet.',
    zh: '领导者（Leader）每次只增减一个投票成员（Voter），或者经过联合配置（Joint Configuration）来更换，这样新旧配置的多数派（Majority）始终有交集。',
  },
  settings: SAFE,
  steps: [
    {
      text: {
        en: 'Five servers elect a leader. Which servers vote is the configuration, and it is kept as an entry in the log. Each server uses the newest configuration in its own log as soon as it stores it, committed or not.',
        zh: '五台服务器选出一个领导者（Leader）。有投票权的服务器叫投票成员（Voter），它们的名单叫配置（Configuration），配置本身就是日志（Log）里的一个条目。每台服务器一存下新的配置条目就立刻使用它，不管它是否已提交（Commit）。',
      },
      until: { kind: 'logsAgree' },
      focus: [{ kind: 'node', node: 'leader' }],
    },
    {
      text: {
        en: 'A client asks {chief} to remove {gone1}, and straight after, to remove {gone2}.',
        zh: '客户端请 {chief} 移除 {gone1}，紧接着又请它移除 {gone2}。',
      },
      cues: [...NAME_THEM, ...REMOVE_BOTH],
      until: {
        kind: 'all',
        of: [
          { kind: 'replied', request: 1, status: 'ok' },
          { kind: 'replied', request: 2 },
        ],
      },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'entry', node: 'all', index: 'last' },
        { kind: 'client' },
      ],
      predict: {
        question: {
          en: 'The first removal is not committed yet when the second arrives. What will {chief} do with the second?',
          zh: '第二个请求到达时，第一次移除还没有提交。{chief} 会怎么处理第二个请求？',
        },
        answers: [
          {
            id: 'both',
            text: {
              en: 'Take it too: three voters will be left',
              zh: '也接受：只剩三个投票成员',
            },
            when: { kind: 'configuration', excludes: ['gone1', 'gone2'] },
          },
          {
            id: 'refuse',
            text: {
              en: 'Turn it away: one change at a time',
              zh: '拒绝它：一次只做一个变更',
            },
            when: {
              kind: 'all',
              of: [
                { kind: 'replied', request: 2, status: 'failed' },
                { kind: 'configuration', includes: ['gone2'] },
              ],
            },
          },
        ],
        correct: 'refuse',
        why: {
          en: '{chief} starts a change only once the one before it is committed. The client may ask again once {gone1} is out. Next, the same two requests with that rule switched off.',
          zh: '{chief} 只有在上一个变更提交之后才开始下一个。等 {gone1} 移除完成，客户端可以再请求一次。接下来把这条规则关掉，再发同样两个请求。',
        },
      },
    },
    {
      text: {
        en: 'A fresh cluster with the one-change rule switched off. The same two removals go to {chief}, and as they travel, the network splits: {chief} and {keep1} on one side; {keep2}, {gone1} and {gone2} on the other.',
        zh: '换一个新集群，并关掉“一次只改一台”这条规则。同样的两个移除请求发给 {chief}；就在请求途中，网络分裂了：{chief} 和 {keep1} 在一边，{keep2}、{gone1}、{gone2} 在另一边。',
      },
      settings: UNSAFE,
      cues: [...NAME_THEM, SPLIT, ...REMOVE_BOTH],
      until: { kind: 'violation', rule: 'configurationsOverlap' },
      maxMs: 1000,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'entry', node: 'chief', index: 'last' },
      ],
      predict: {
        question: {
          en: '{chief} will store both removals, neither committed. How many voters will it count then?',
          zh: '{chief} 会存下两次移除，都还没有提交。那时它会按几个投票成员来计算？',
        },
        answers: [
          {
            id: 'five',
            text: { en: 'Five: nothing is committed yet', zh: '五个：还什么都没提交' },
            when: chiefUses(5),
          },
          {
            id: 'four',
            text: { en: 'Four: only the first removal counts', zh: '四个：只算第一次移除' },
            when: chiefUses(4),
          },
          {
            id: 'three',
            text: {
              en: 'Three: {chief}, {keep1} and {keep2}',
              zh: '三个：{chief}、{keep1}、{keep2}',
            },
            when: { kind: 'configuration', node: 'chief', voters: THREE },
          },
        ],
        correct: 'three',
        why: {
          en: 'A server uses the newest configuration in its log at once. So {chief} needs only two of {chief}, {keep1} and {keep2}, while {keep2}, {gone1} and {gone2} never heard of any change and still count five. {chief} and {keep1} are a majority of the three; {keep2}, {gone1} and {gone2} are a majority of the five. No server is in both, and the checker Configurations Overlap says so.',
          zh: '服务器立刻使用日志里最新的配置。所以 {chief} 只需要 {chief}、{keep1}、{keep2} 中的两个；而 {keep2}、{gone1}、{gone2} 根本不知道有过变更，仍按五个来算。{chief} 和 {keep1} 是三个中的多数派（Majority）；{keep2}、{gone1}、{gone2} 是五个中的多数派。没有一台服务器同时属于两者，检查器“配置多数派相交”（Configurations Overlap）报告了这一点。',
        },
      },
    },
    {
      text: {
        en: 'A client writes x=1 to {chief}. On the far side no heartbeat arrives, and {keep2}, {gone1} and {gone2} still count five voters.',
        zh: '客户端向 {chief} 写入 x=1。另一边收不到心跳（Heartbeat），而 {keep2}、{gone1}、{gone2} 仍按五个投票成员计算。',
      },
      cues: [{ do: 'write', key: 'x', value: '1' }],
      until: { kind: 'violation', rule: 'stateMachineSafety' },
      maxMs: 2000,
      focus: [
        { kind: 'node', node: 'keep2' },
        { kind: 'node', node: 'gone1' },
        { kind: 'node', node: 'gone2' },
        { kind: 'field', field: 'commitIndex', node: 'chief' },
      ],
      predict: {
        question: {
          en: 'Will the far side elect a leader of its own?',
          zh: '另一边会选出自己的领导者吗？',
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes: three of five', zh: '会：五个中的三个' },
            when: { kind: 'leaders', count: 2 },
          },
          {
            id: 'no',
            text: { en: 'No: {chief} still leads', zh: '不会：{chief} 仍是领导者' },
            when: { kind: 'not', of: { kind: 'leaders', count: 2 } },
          },
        ],
        correct: 'yes',
        why: {
          en: 'Both sides have a majority of the configuration they use. {chief} committed the removals and x=1 with {keep1}; the far side elected a leader in a higher term and committed its own entry at the same index. Two servers now apply different entries at one index: the state machines have split.',
          zh: '两边各自拥有它所用配置的多数派。{chief} 和 {keep1} 一起提交了两次移除和 x=1；另一边在更高的任期（Term）选出领导者，并在同一个位置提交了自己的条目。现在两台服务器在同一位置应用了不同的条目：状态机分裂了。',
        },
      },
    },
    {
      text: {
        en: 'A fresh cluster, the rule back on. This time one request asks for the voters {chief}, {keep1} and {keep2}, and the network splits the same way. The leader first appends a joint configuration, old and new together: until it is left, every election and every commit needs a majority of the old five and, separately, a majority of the new three.',
        zh: '再换一个新集群，规则重新打开。这次用一个请求把投票成员改为 {chief}、{keep1}、{keep2}，网络照样分裂。领导者先追加一个联合配置（Joint Configuration）：新旧配置同时有效，在离开它之前，每次选举和每次提交既要旧的五个中的多数派，也要新的三个中的多数派，两者分别计算。这就是联合共识（Joint Consensus）。',
      },
      settings: SAFE,
      cues: [
        ...NAME_THEM,
        SPLIT,
        { do: 'changeVoters', voters: THREE },
        { do: 'wait', until: { kind: 'configuration', node: 'chief', joint: true }, maxMs: 500 },
      ],
      until: { kind: 'leaders', count: 2 },
      maxMs: 2000,
      focus: [
        { kind: 'node', node: 'chief' },
        { kind: 'entry', node: 'chief', index: 'last' },
      ],
      predict: {
        question: {
          en: '{chief} and {keep1} are a majority of the new voters. Will {chief} commit the joint configuration?',
          zh: '{chief} 和 {keep1} 是新投票成员中的多数派。{chief} 能提交这个联合配置吗？',
        },
        answers: [
          {
            id: 'yes',
            text: { en: 'Yes: two of the new three', zh: '能：新的三个中的两个' },
            when: jointCommitted,
          },
          {
            id: 'no',
            text: {
              en: 'No: it lacks a majority of the old five',
              zh: '不能：缺少旧的五个中的多数派',
            },
            when: { kind: 'not', of: jointCommitted },
          },
        ],
        correct: 'no',
        why: {
          en: 'Two of five is no majority, so the joint entry stays uncommitted and {chief} can commit nothing. The far side elects a leader with the old configuration, which is allowed: the entry it will overwrite was never committed. At most one side can decide.',
          zh: '五个中的两个不是多数派，所以联合配置条目一直不能提交，{chief} 什么也提交不了。另一边用旧配置选出领导者，这是允许的：它将覆盖的那个条目从未提交过。任何时候最多只有一边能做决定。',
        },
      },
    },
    {
      text: {
        en: 'Your turn. The network heals. {far}, elected by the far side, leads all five, and its log replaced {chief}’s uncommitted joint entry: the voters are still the old five.',
        zh: '轮到你了。网络恢复了。另一边选出的 {far} 带领全部五台服务器，它的日志替换了 {chief} 那个未提交的联合配置条目：投票成员仍是原来的五个。',
      },
      cues: [
        { do: 'heal' },
        { do: 'wait', until: { kind: 'logsAgree' }, maxMs: 2000 },
        { do: 'mark', name: 'far', pick: 'leader' },
      ],
      until: {
        kind: 'configuration',
        excludes: ['gone1', 'gone2'],
        count: 3,
        joint: false,
      },
      focus: [
        { kind: 'node', node: 'gone1' },
        { kind: 'node', node: 'gone2' },
      ],
      task: {
        goal: {
          en: 'Remove {gone1} and {gone2}, safely, so that three voters are left.',
          zh: '安全地移除 {gone1} 和 {gone2}，只留下三个投票成员。',
        },
        hint: {
          en: 'Open Panels, then the Client tab: under Membership, tick only three servers as the new voters and press Change voters. Or remove {gone1} from its menu in the drawing, wait until that request is answered, then remove {gone2}.',
          zh: '打开“面板”，进入“客户端”标签页，在“集群成员”一栏中只勾选三台服务器作为新的投票成员，然后点击“更换投票成员”。也可以在图中点开 {gone1} 的菜单把它移除，等这个请求得到答复，再移除 {gone2}。',
        },
        done: {
          kind: 'configuration',
          excludes: ['gone1', 'gone2'],
          count: 3,
          joint: false,
          committed: true,
        },
        solution: [{ do: 'changeVoters', voters: THREE }],
        maxMs: 1000,
      },
    },
  ],
};
