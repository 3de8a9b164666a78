// Words for membership changes and leadership transfer (UI layer; Raft thesis ch. 4, §3.10): the
// tags a learner or a server outside the configuration wears in the drawing, the node menu's and
// the toolbar's actions, the membership form, the facts of a joint configuration, configuration
// entries and membership requests as the log and the client show them, the TimeoutNow message,
// and the event log's sentences for all of these.
import type { Strings } from './types';

const en: Record<string, string> = {
  'member.tag.learner': 'learner · cannot vote',
  'member.tag.removed': 'removed',
  'member.tag.joining': 'not added yet',
  'member.tag.oldOnly': 'votes in the old half',
  'member.tag.newOnly': 'votes in the new half',
  'member.tag.transfer': 'handing over to S{to}',
  'member.nodeLabel': '{label}, {tag}',

  'member.menu.remove': 'Remove from the cluster',
  'member.menu.transfer': 'Hand leadership to this server',

  'member.tools.add': 'Add server',
  'member.tools.addTitle': 'Start S{id}, empty, and ask the leader to add it as a voter',
  'member.tools.full': 'A cluster has at most {max} servers.',
  'member.tools.full#max=one': 'A cluster has at most {max} server.',

  'member.panel.title': 'Membership',
  'member.panel.inUse': 'In use: voters {voters}',
  'member.panel.inUseLearners': 'In use: voters {voters}; learners {learners}',
  'member.panel.inUseJoint': 'In use: joint {old} → {new}',
  'member.panel.addVoter': 'Add S{id} as a voter',
  'member.panel.addLearner': 'Add S{id} as a learner',
  'member.panel.voters': 'New voters',
  'member.panel.change': 'Change voters',
  'member.panel.hint':
    'Adding: the new server first catches up as a learner (it gets the log but has no vote), then the leader makes it a voter. Changing several voters at once goes through a joint configuration: until the new one is committed, every decision needs a majority of the old voters and a majority of the new ones (§4.3). Remove a server or hand leadership over from its menu in the drawing.',

  'member.facts.voters': 'Majority: {majority} of {n} voters',
  'member.facts.voters#n=one': 'Majority: {majority} of {n} voter',
  'member.facts.jointOld': 'Joint: {oldMajority} of {old}',
  'member.facts.jointNew': 'and {majority} of {new}',
  'member.facts.jointTitle':
    'During a joint change (§4.3) an election or a commit needs a majority of the old voters and, separately, a majority of the new ones.',
  'member.facts.learners': 'Learners: {list}',

  'member.cmd.addLearner': '+S{id} learner',
  'member.cmd.promote': 'S{id} votes',
  'member.cmd.remove': '−S{id}',
  'member.cmd.enterJoint': 'joint {old}→{new}',
  'member.cmd.leaveJoint': 'config {new}',
  'member.cmdShort.addLearner': '+S{id}',
  'member.cmdShort.promote': 'S{id} votes',
  'member.cmdShort.remove': '−S{id}',
  'member.cmdShort.enterJoint': 'joint →{new}',
  'member.cmdShort.leaveJoint': '{new}',
  'member.log.config': 'configuration entry',

  'member.req.addServer': 'add S{id}',
  'member.req.addLearner': 'add S{id} as a learner',
  'member.req.removeServer': 'remove S{id}',
  'member.req.changeVoters': 'voters → {voters}',
  'member.req.transferLeadership': 'hand leadership to S{to}',
  'member.request.transferSent': 'TimeoutNow sent to S{to}',
  'member.request.stored': 'on {k} servers’ disks',
  'member.request.stored#k=one': 'on {k} server’s disk',
  'member.request.transferWaiting': 'waiting for S{to} to catch up',

  'member.field.voters': 'voters of its configuration',
  'member.field.learners': 'learners of its configuration',
  'member.field.joint': 'joint change: old → new voters',
  'member.field.member': 'in the configuration in use',
  'member.field.transferTo': 'handing leadership to',
  'member.field.transfer': 'sent after a TimeoutNow',
  'member.value.voter': 'voter',
  'member.value.learner': 'learner (no vote)',
  'member.value.outside': 'not a member',
  'member.short.learner': 'learner',
  'member.short.outside': 'outside',

  'app.events.kind.membership': 'membership',
  'app.marker.membership': 'membership change',
  'app.marker.memberships': 'membership changes',

  'app.ev.act.addServer':
    '{node} started with an empty disk; the client asked {via} to add it as a voter (request #{id})',
  'app.ev.act.addLearner':
    '{node} started with an empty disk; the client asked {via} to add it as a learner (request #{id})',
  'app.ev.act.removeServer': 'The client asked {via} to remove {node} (request #{id})',
  'app.ev.act.changeVoters': 'The client asked {via} to make the voters {voters} (request #{id})',
  'app.ev.act.transferLeadership':
    'The client asked leader {via} to hand leadership to {node} (request #{id})',
  'app.ev.requestRefusedWhy': '{node} refused request #{id} ({command}): {reason}',
  'app.ev.transferStarted':
    '{node} began handing leadership to {to} (request #{id}): it takes no requests until {to} holds its whole log',
  'app.ev.transferSent':
    '{node} sent TimeoutNow to {to}, which holds its whole log (request #{id})',
  'app.ev.timeoutNow':
    '{node} got TimeoutNow from {from}: it stands for election at once (term {term})',
  'app.ev.timeoutNowIgnored': '{node} ignored TimeoutNow from {from}',
  'app.msg.TimeoutNow': 'TimeoutNow',
  'app.msg.TimeoutNow.a': 'a TimeoutNow',
  'app.msgSum.timeoutNow': '{name}: stand for election now, term {term}',

  'visual.look.timeoutNow': 'TimeoutNow',
  'visual.lookInfo.timeoutNow': 'the leader hands over: stand for election now',
  'visual.legend.learnerName': 'learner',
  'visual.legend.learner': 'dotted teal ring: gets the log, has no vote',
  'visual.legend.outsideName': 'outside',
  'visual.legend.outside': 'faded: removed from the configuration, or not added yet',
};

const zh: Record<string, string> = {
  'member.tag.learner': '学习者（Learner）· 无投票权',
  'member.tag.removed': '已移出集群',
  'member.tag.joining': '尚未加入',
  'member.tag.oldOnly': '只在旧配置中投票',
  'member.tag.newOnly': '只在新配置中投票',
  'member.tag.transfer': '正把领导权交给 S{to}',
  'member.nodeLabel': '{label}，{tag}',

  'member.menu.remove': '从集群中移除',
  'member.menu.transfer': '把领导权交给它',

  'member.tools.add': '添加服务器',
  'member.tools.addTitle': '启动一台空的 S{id}，并请领导者把它加为投票成员',
  'member.tools.full': '一个集群最多有 {max} 台服务器。',

  'member.panel.title': '集群成员',
  'member.panel.inUse': '当前配置：投票成员 {voters}',
  'member.panel.inUseLearners': '当前配置：投票成员 {voters}；学习者 {learners}',
  'member.panel.inUseJoint': '当前配置：联合配置 {old} → {new}',
  'member.panel.addVoter': '把 S{id} 加为投票成员',
  'member.panel.addLearner': '把 S{id} 加为学习者',
  'member.panel.voters': '新的投票成员',
  'member.panel.change': '更换投票成员',
  'member.panel.hint':
    '添加：新服务器先作为学习者追上日志（收到日志但没有投票权），然后领导者（Leader）把它升为投票成员。一次更换多个投票成员要经过联合配置：在新配置提交之前，每个决定既要旧投票成员的多数派（Majority），也要新投票成员的多数派（§4.3）。要移除一台服务器或移交领导权，请在图中点开它的菜单。',

  'member.facts.voters': '多数派 Majority：{n} 个投票成员中的 {majority} 个',
  'member.facts.jointOld': '联合：旧 {old} 要 {oldMajority} 个，',
  'member.facts.jointNew': '新 {new} 要 {majority} 个',
  'member.facts.jointTitle':
    '联合变更期间（§4.3），选举或提交既要旧投票成员的多数派，也要新投票成员的多数派，两者分别计算。',
  'member.facts.learners': '学习者：{list}',

  'member.cmd.addLearner': '+S{id} 学习者',
  'member.cmd.promote': 'S{id} 获得投票权',
  'member.cmd.remove': '−S{id}',
  'member.cmd.enterJoint': '联合 {old}→{new}',
  'member.cmd.leaveJoint': '配置 {new}',
  'member.cmdShort.addLearner': '+S{id}',
  'member.cmdShort.promote': 'S{id} 投票',
  'member.cmdShort.remove': '−S{id}',
  'member.cmdShort.enterJoint': '联合 →{new}',
  'member.cmdShort.leaveJoint': '{new}',
  'member.log.config': '配置条目',

  'member.req.addServer': '添加 S{id}',
  'member.req.addLearner': '添加 S{id} 为学习者',
  'member.req.removeServer': '移除 S{id}',
  'member.req.changeVoters': '投票成员 → {voters}',
  'member.req.transferLeadership': '把领导权交给 S{to}',
  'member.request.transferSent': '已向 S{to} 发出 TimeoutNow',
  'member.request.stored': '已存到 {k} 台服务器的磁盘',
  'member.request.transferWaiting': '等待 S{to} 追上日志',

  'member.field.voters': '它所用配置的投票成员',
  'member.field.learners': '它所用配置的学习者',
  'member.field.joint': '联合变更：旧投票成员 → 新投票成员',
  'member.field.member': '在当前使用的配置中的身份',
  'member.field.transferTo': '正把领导权交给',
  'member.field.transfer': '因 TimeoutNow 而发起',
  'member.value.voter': '投票成员',
  'member.value.learner': '学习者（不投票）',
  'member.value.outside': '不是成员',
  'member.short.learner': '学习者',
  'member.short.outside': '配置外',

  'app.events.kind.membership': '成员变更',
  'app.marker.membership': '成员变更',
  'app.marker.memberships': '成员变更',

  'app.ev.act.addServer': '{node} 以空磁盘启动；客户端请 {via} 把它加为投票成员（请求 #{id}）',
  'app.ev.act.addLearner': '{node} 以空磁盘启动；客户端请 {via} 把它加为学习者（请求 #{id}）',
  'app.ev.act.removeServer': '客户端请 {via} 移除 {node}（请求 #{id}）',
  'app.ev.act.changeVoters': '客户端请 {via} 把投票成员改为 {voters}（请求 #{id}）',
  'app.ev.act.transferLeadership': '客户端请领导者 {via} 把领导权交给 {node}（请求 #{id}）',
  'app.ev.requestRefusedWhy': '{node} 拒绝了请求 #{id}（{command}）：{reason}',
  'app.ev.transferStarted':
    '{node} 开始把领导权交给 {to}（请求 #{id}）：在 {to} 拥有它的全部日志之前，它不接受请求',
  'app.ev.transferSent': '{node} 向已拥有它全部日志的 {to} 发出 TimeoutNow（请求 #{id}）',
  'app.ev.timeoutNow': '{node} 收到 {from} 的 TimeoutNow：立即参选（任期 {term}）',
  'app.ev.timeoutNowIgnored': '{node} 忽略了 {from} 的 TimeoutNow',
  'app.msg.TimeoutNow': '立即超时（TimeoutNow）',
  'app.msg.TimeoutNow.a': '立即超时（TimeoutNow）',
  'app.msgSum.timeoutNow': '{name}：立即参选，任期 {term}',

  'visual.look.timeoutNow': '立即超时（TimeoutNow）',
  'visual.lookInfo.timeoutNow': '领导者交出领导权：让对方立即参选',
  'visual.legend.learnerName': '学习者（Learner）',
  'visual.legend.learner': '青色点线圈：接收日志，但没有投票权',
  'visual.legend.outsideName': '配置之外',
  'visual.legend.outside': '褪色：已移出配置，或尚未加入',
};

export const membershipStrings: Strings = { en, zh };
