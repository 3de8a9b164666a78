// The simulator's codes in words (UI layer): why an action was refused or a request failed
// (reason.*), the safety rules by id (rule.*) and what a checker found (finding.*), plus what
// can be wrong with a link (app.link.*). The simulator passes codes and parameters; the words
// live here, in both languages. An English `{detail}` from a runtime is shown in English only.
import type { Strings } from './types';

const en: Record<string, string> = {
  'reason.unknownNode': 'There is no node {node}: this cluster has S1 to S{size}.',
  'reason.unknownNode#size=one': 'There is no node {node}: this cluster has only S{size}.',
  'reason.alreadyCrashed': 'S{node} is already crashed.',
  'reason.stillRunning': 'S{node} is running: only a crashed node can be restarted.',
  'reason.nodeCrashed': 'S{node} is crashed: restart it first.',
  'reason.badDuration': 'A duration must be a number of milliseconds of 0 or more, not {value}.',
  'reason.durationTooLong': 'A run of {value} ms is too long: at most {max} ms at a time.',
  'reason.badText': 'The {name} must be 1 to {max} characters long.',
  'reason.badText#max=one': 'The {name} must be exactly {max} character long.',
  'reason.badPartition': 'A partition is a list of groups, each holding at least one node.',
  'reason.nodeInTwoGroups': 'S{node} cannot be in two groups of one partition.',
  'reason.partitionMissing': 'Every node needs a group in the partition; missing: {nodes}.',
  'reason.sameNodeLink': 'A link joins two different nodes, not S{node} with itself.',
  'reason.badDropRate': 'Message loss must be between 0 and 100 %, not {value}.',
  'reason.busy': 'The cluster is running a step: try again in a moment.',
  'reason.unknownRequest': 'There is no client request {value}.',
  'reason.badDisk': 'That disk is not valid: {detail}.',
  'reason.badPredicate': 'Running until a condition needs a condition to check.',
  'reason.badAction': 'That is not an action the lab knows: {value}.',
  'reason.badOptions': 'These cluster settings are not valid: {detail}.',
  'reason.tooManyServers': 'A cluster has at most {max} servers.',
  'reason.tooManyServers#max=one': 'A cluster has at most {max} server.',
  'reason.badVoters': 'Those are not valid new voters: {detail}.',
  'reason.notInCluster': 'S{node} is not in the configuration in use: add it first.',
  'reason.notAVoter':
    'S{node} is not a voter: only a voter stands for election or takes over leadership.',
  'reason.alreadyLeads': 'S{node} is the leader already.',
  'reason.noLeaderNow': 'There is no leader to hand leadership over right now.',
  'reason.lastVoter': 'S{node} is the only voter: removing it would leave none.',
  'reason.sameVoters': 'Those are the voters already.',
  'reason.noLeaderKnown': 'S{node} knew no leader to pass it to',
  'reason.transferring': 'S{node} is handing leadership over and takes no requests meanwhile',
  'reason.changeInProgress':
    'S{node} cannot start a change yet: the last one, or an entry of its own term, is not committed (§4.1)',
  'reason.notMember': 'the server named is not in the configuration S{node} uses',
  'reason.alreadyMember': 'the server named is in the configuration S{node} uses already',
  'reason.notVoter': 'S{node} hands leadership only to a voter',
  'reason.isLeader': 'S{node} leads already',
  'reason.noVoters': 'S{node} refused: no voter would be left',
  'reason.noChange': 'S{node} uses those voters already',
  'reason.notCaughtUp':
    'S{node} refused: a learner named as a new voter has not caught up yet (§4.2.1); try again once it has',
  'reason.removedWhileJoining':
    'the server this request added was removed before it could vote (S{node} answered)',
  'reason.transferTimedOut':
    'S{node} gave up: the new leader did not catch up within an election timeout',
  'reason.badReadMode': 'A read’s mode is ReadIndex, lease or local, not {value}.',
  'reason.leaseNeedsCheckQuorum':
    'S{node} takes no lease reads without CheckQuorum: no voter would honour its lease, so no lease is safe (§6.4.1)',
  'reason.leaseExpired':
    'S{node} could not hold a lease within an election timeout: a majority did not renew it (§6.4.1)',
  'reason.leadershipUnconfirmed':
    'S{node} could not confirm it still leads: no majority answered its heartbeats within an election timeout (§6.4)',
  'reason.leadershipLost':
    'S{node} stopped leading, or its term changed, before it could answer the read (§6.4)',
  'reason.clientTimeout': 'no reply within {ms} ms',
  'reason.runtimeFailed': 'the node’s worker failed: {detail}',
  'reason.runtimeTimedOut':
    'the node’s worker did not answer within {ms} ms: the computer was too busy (or the worker hung), not a Raft failure; restart the node to go on',
  'reason.unknownMessage': 'No message {value} is on the wire now.',
  'reason.messageLost': 'Message #{message} is already lost on the wire.',
  'reason.alreadyHeld': 'Message #{message} is already waiting at its receiver’s door.',
  'reason.notHeld': 'Message #{message} is not held, so there is nothing to release.',
  'reason.nothingHeld': 'No message is held, so there is nothing to release.',
  'reason.manualAlreadyOn': 'Manual delivery is already on.',
  'reason.manualAlreadyOff': 'Manual delivery is already off.',

  'rule.electionSafety': 'Election Safety',
  'rule.leaderAppendOnly': 'Leader Append-Only',
  'rule.logMatching': 'Log Matching',
  'rule.leaderCompleteness': 'Leader Completeness',
  'rule.stateMachineSafety': 'State Machine Safety',
  'rule.noLostWrites': 'No Lost Writes',
  'rule.ackedOnMajority': 'Acknowledged on a Majority',
  'app.safety.rule.ackedOnMajority':
    'A write is acknowledged only once a majority of disks hold it (§5.3, §5.4).',
  'rule.configurationsOverlap': 'Configurations Overlap',
  'app.safety.rule.configurationsOverlap':
    'A leader never counts voters whose majorities need not meet a majority of the committed configuration (thesis §4.1, §4.3).',
  'rule.linearizability': 'Linearizability',
  'app.safety.rule.linearizability':
    'A read never misses a write acknowledged before it was sent: reads and writes fit one order (thesis §6.4).',

  'finding.twoLeaders': 'S{first} and S{second} were both leader in term {term}.',
  'finding.leaderRewrote':
    'Leader S{node} of term {term} changed or removed entries up to index {index}.',
  'finding.logsDiffer':
    'S{node} holds the entry at index {index}, term {term}, but the entries before it differ from another log’s.',
  'finding.leaderLacksCommitted':
    'Leader S{node} of term {term} lacks the entry committed at index {index} in term {committedTerm}.',
  'finding.appliedDifferent':
    'S{node} applied “{command}” (term {term}) at index {index}, but S{other} applied “{otherCommand}” (term {otherTerm}).',
  'finding.leaderLacksAck':
    'New leader S{node} lacks write #{request}, acknowledged at index {index} (term {term}) at {ackAt} ms.',
  'finding.ackedWithoutMajority':
    'Write #{request} was acknowledged at index {index} while only {storedOn} disks held it (a majority is {needed}).',
  'finding.disjointMajorities':
    'Leader S{node} of term {term} counts the voters {{uses}} while {{committed}} is committed: {{first}} and {{second}} are majorities that share no server.',
  'finding.staleRead':
    'Read #{request} ({command}) returned {value}, missing write #{missed}, acknowledged at {missedAt} ms, before the read was sent at {invokedAt} ms; it should return {expected}.',
  'finding.staleRead.unnamed':
    'Read #{request} ({command}, sent at {invokedAt} ms, answered at {answeredAt} ms) returned {value}, which no order of the writes allows; it could return {expected}.',
  'finding.ackedWithoutMajority#storedOn=one':
    'Write #{request} was acknowledged at index {index} while only {storedOn} disk held it (a majority is {needed}).',

  'app.link.repeated': '{param} appears more than once ({value}); the default is used.',
  'app.link.badValue': '{param}={value} is not a valid value; the default is used.',
  'app.link.conflict': '{param}={value} does not fit with the other settings; the default is used.',
  'app.link.unknown': '{param} is not a setting of this lab and was ignored.',
  'app.notice.unexpected': 'Something unexpected went wrong: {message}',
  'app.list.separator': ', ',
};

const zh: Record<string, string> = {
  'reason.unknownNode': '没有节点 {node}：这个集群只有 S1 到 S{size}。',
  'reason.alreadyCrashed': 'S{node} 已经宕机了。',
  'reason.stillRunning': 'S{node} 正在运行：只有宕机的节点才能重启。',
  'reason.nodeCrashed': 'S{node} 已宕机：请先重启它。',
  'reason.badDuration': '时长必须是不小于 0 的毫秒数，而不是 {value}。',
  'reason.durationTooLong': '一次运行 {value} 毫秒太长：每次最多 {max} 毫秒。',
  'reason.badText': '键或值的长度必须是 1 到 {max} 个字符。',
  'reason.badPartition': '分区是由若干组构成的列表，每组至少有一个节点。',
  'reason.nodeInTwoGroups': 'S{node} 不能同时属于一个分区中的两组。',
  'reason.partitionMissing': '分区必须给每个节点分组；缺少：{nodes}。',
  'reason.sameNodeLink': '链路连接两个不同的节点，S{node} 不能连接自己。',
  'reason.badDropRate': '丢包率必须在 0 到 100 % 之间，而不是 {value}。',
  'reason.busy': '集群正在运行一步：请稍后再试。',
  'reason.unknownRequest': '没有客户端请求 {value}。',
  'reason.badDisk': '这个磁盘内容无效。',
  'reason.badPredicate': '“运行直到条件成立”需要一个要检查的条件。',
  'reason.badAction': '这不是本实验认识的操作：{value}。',
  'reason.badOptions': '这些集群设置无效。',
  'reason.tooManyServers': '一个集群最多有 {max} 台服务器。',
  'reason.badVoters': '新的投票成员无效：至少要有一台服务器，且不能重复。',
  'reason.notInCluster': 'S{node} 不在当前使用的配置中：请先添加它。',
  'reason.notAVoter': 'S{node} 不是投票成员：只有投票成员才能参选或接任领导者 Leader。',
  'reason.alreadyLeads': 'S{node} 已经是领导者 Leader 了。',
  'reason.noLeaderNow': '现在没有可以交出领导权的领导者 Leader。',
  'reason.lastVoter': 'S{node} 是唯一的投票成员：移除它就一个都不剩了。',
  'reason.sameVoters': '投票成员已经就是这些了。',
  'reason.noLeaderKnown': 'S{node} 不知道该转给哪个领导者 Leader',
  'reason.transferring': 'S{node} 正在移交领导权，期间不接受请求',
  'reason.changeInProgress': 'S{node} 还不能开始变更：上一次变更或它自己任期的条目尚未提交（§4.1）',
  'reason.notMember': '所指的服务器不在 S{node} 所用的配置中',
  'reason.alreadyMember': '所指的服务器已在 S{node} 所用的配置中',
  'reason.notVoter': 'S{node} 只能把领导权交给投票成员',
  'reason.isLeader': 'S{node} 已经是领导者 Leader',
  'reason.noVoters': 'S{node} 拒绝了：那样就没有投票成员了',
  'reason.noChange': 'S{node} 用的已经是这些投票成员',
  'reason.notCaughtUp':
    'S{node} 拒绝了：被选为新投票成员的学习者（Learner）还没追上日志（§4.2.1），等它追上后再试',
  'reason.removedWhileJoining': '这个请求添加的服务器在获得投票权之前就被移除了（由 S{node} 答复）',
  'reason.transferTimedOut': 'S{node} 放弃了：新领导者没能在一个选举超时内追上日志',
  'reason.badReadMode':
    '读取方式只能是读索引（ReadIndex）、租约（Lease）或本地读，而不是 {value}。',
  'reason.leaseNeedsCheckQuorum':
    'S{node} 没有开启法定人数检查，不接受租约（Lease）读：投票者不会尊重它的租约，任何租约都不安全（§6.4.1）',
  'reason.leaseExpired':
    'S{node} 在一个选举超时内没能保住租约（Lease）：多数派没有为它续约（§6.4.1）',
  'reason.leadershipUnconfirmed':
    'S{node} 无法确认自己仍是领导者（Leader）：一个选举超时内没有多数派回应它的心跳（§6.4）',
  'reason.leadershipLost': 'S{node} 在答复这次读取之前就不再领导了，或它的任期（Term）变了（§6.4）',
  'reason.clientTimeout': '{ms} 毫秒内没有回复',
  'reason.runtimeFailed': '该节点的工作线程出错了',
  'reason.runtimeTimedOut':
    '该节点的工作线程 {ms} 毫秒内没有回应：是这台电脑太忙（或线程卡住了），不是 Raft 的问题；重启该节点即可继续',
  'reason.unknownMessage': '网络上现在没有消息 {value}。',
  'reason.messageLost': '消息 #{message} 已经在网络上丢失了。',
  'reason.alreadyHeld': '消息 #{message} 已经在接收方门口等待了。',
  'reason.notHeld': '消息 #{message} 没有被扣住，无须放行。',
  'reason.nothingHeld': '没有被扣住的消息，无须放行。',
  'reason.manualAlreadyOn': '手动投递已经开着。',
  'reason.manualAlreadyOff': '手动投递已经关了。',

  'rule.electionSafety': '选举安全 Election Safety',
  'rule.leaderAppendOnly': '领导者只追加 Leader Append-Only',
  'rule.logMatching': '日志匹配 Log Matching',
  'rule.leaderCompleteness': '领导者完整性 Leader Completeness',
  'rule.stateMachineSafety': '状态机安全 State Machine Safety',
  'rule.noLostWrites': '写入不丢失 No Lost Writes',
  'rule.ackedOnMajority': '确认前已存到多数派 Acknowledged on a Majority',
  'app.safety.rule.ackedOnMajority':
    '只有当多数派 Majority 的磁盘都存有一条写入时，才能向客户端确认它（§5.3、§5.4）。',
  'rule.configurationsOverlap': '配置多数派相交 Configurations Overlap',
  'app.safety.rule.configurationsOverlap':
    '领导者 Leader 所计数的投票成员，其多数派必须与已提交配置的多数派相交（论文 §4.1、§4.3）。',
  'rule.linearizability': '线性一致性（Linearizability）',
  'app.safety.rule.linearizability':
    '读取绝不会漏掉在它发出之前就已确认的写入：所有读写能排成同一个顺序（论文 §6.4）。',

  'finding.twoLeaders': 'S{first} 和 S{second} 在任期 Term {term} 中都成了领导者 Leader。',
  'finding.leaderRewrote': '任期 {term} 的领导者 S{node} 修改或删除了索引 {index} 及之前的条目。',
  'finding.logsDiffer':
    'S{node} 在索引 {index} 处有任期 {term} 的条目，但它之前的条目与另一份日志不同。',
  'finding.leaderLacksCommitted':
    '任期 {term} 的领导者 S{node} 缺少任期 {committedTerm} 中已在索引 {index} 提交的条目。',
  'finding.appliedDifferent':
    'S{node} 在索引 {index} 应用了“{command}”（任期 {term}），而 S{other} 应用的是“{otherCommand}”（任期 {otherTerm}）。',
  'finding.leaderLacksAck':
    '新领导者 S{node} 缺少写入 #{request}：它已在 {ackAt} 毫秒时于索引 {index}（任期 {term}）确认。',
  'finding.ackedWithoutMajority':
    '写入 #{request} 在索引 {index} 被确认时只有 {storedOn} 个磁盘存有它（多数派是 {needed} 个）。',
  'finding.staleRead':
    '读取 #{request}（{command}）返回了 {value}，漏掉了写入 #{missed}：它在 {missedAt} 毫秒已确认，早于读取发出的 {invokedAt} 毫秒；应返回 {expected}。',
  'finding.staleRead.unnamed':
    '读取 #{request}（{command}，{invokedAt} 毫秒发出，{answeredAt} 毫秒答复）返回了 {value}，任何写入顺序都解释不了；它可以返回 {expected}。',
  'finding.disjointMajorities':
    '任期 {term} 的领导者 S{node} 按投票成员 {{uses}} 计数，而已提交的配置是 {{committed}}：{{first}} 和 {{second}} 都是多数派，却没有一台共同的服务器。',

  'app.link.repeated': '{param} 出现了不止一次（{value}），已改用默认值。',
  'app.link.badValue': '{param}={value} 不是有效的值，已改用默认值。',
  'app.link.conflict': '{param}={value} 与其他设置不相容，已改用默认值。',
  'app.link.unknown': '{param} 不是本实验的设置，已忽略。',
  'app.notice.unexpected': '出现了意外错误：{message}',
  'app.list.separator': '、',
};

export const reasonStrings: Strings = { en, zh };
