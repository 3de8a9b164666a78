// Words for what a Raft-backed store promises its clients (UI layer; Raft thesis ch. 5 and 6):
// snapshots in the logs, the node menu and the event log; InstallSnapshot and the ReadIndex
// messages; reads in their three modes, client sessions, retries and duplicates in the client
// panel; the linearizability alarm's timeline; and the two settings (snapshot every, retry).
// In Chinese each new protocol word keeps its English gloss: 快照（Snapshot）, 读索引（ReadIndex）,
// 租约（Lease）, 会话（Session）, 线性一致性（Linearizability）.
import type { Strings } from './types';

const en: Record<string, string> = {
  // Snapshots (§5): the strip's block, the Logs tab, the inspector, the node's disk.
  'snap.strip.upTo': 'snapshot ≤ {index}',
  'snap.strip.term': 'term {term}',
  'snap.strip.label': 'snapshot ≤ {index}, term {term}',
  'snap.strip.older': 'snapshot ≤ {index}',
  'snap.logs.column': 'Snapshot',
  'snap.logs.cell': '≤ {index} (term {term})',
  'snap.logs.row': 'snapshot up to index {index}',
  'snap.logs.rowNote': 'replaces the log up to here; indexes go on after it',
  'snap.field.snapshot': 'snapshot on disk: last index and term it covers',
  'snap.node.disk': 'disk: term {term} · vote {vote} · snapshot ≤ {snapshot} · log to {length}',
  'snap.node.diskHead': 'disk: term {term} · vote {vote}',
  'snap.node.diskTail': 'snapshot ≤ {snapshot} · log to {length}',
  'snap.menu.compact': 'Take a snapshot now',
  'snap.key.snapshot': 'snapshot',
  'snap.key.snapshotHint':
    'a server replaced its log up to this index with a snapshot of its state machine (§5)',

  // The messages and their looks.
  'app.msg.InstallSnapshot': 'InstallSnapshot',
  'app.msg.InstallSnapshot.a': 'an InstallSnapshot',
  'app.msg.ReadIndex': 'ReadIndex request',
  'app.msg.ReadIndex.a': 'a ReadIndex request',
  'app.msg.ReadIndexReply': 'ReadIndex reply',
  'app.msg.ReadIndexReply.a': 'a ReadIndex reply',
  'app.msgSum.installSnapshot':
    '{name}: term {term}, the snapshot up to index {index} of term {snapTerm}',
  'app.msgSum.readIndex': '{name}: term {term}, for read #{id}',
  'app.msgSum.readIndexReply':
    '{name}: term {term}, read #{id} may answer once index {index} is applied; confirmed by {k} servers',
  'app.msgSum.readIndexReply#k=one':
    '{name}: term {term}, read #{id} may answer once index {index} is applied; confirmed by {k} server',
  'app.msgSum.replyRead': '{name} #{id}: read {value} ({mode})',
  'app.msgSum.replyDuplicate':
    '{name} #{id}: succeeded at index {index}, answered from the session’s saved reply',
  'visual.look.installSnapshot': 'InstallSnapshot',
  'visual.look.readIndex': 'ReadIndex',
  'visual.look.readIndexReply': 'ReadIndex reply',
  'visual.lookInfo.installSnapshot':
    'the leader’s snapshot, for a follower that needs entries it no longer has',
  'visual.lookInfo.readIndex': 'a follower asks the leader for the read index',
  'visual.lookInfo.readIndexReply': 'the read index (the number), once a majority confirmed',

  // Reads (§6.4) and sessions (§6.3).
  'read.mode.readIndex': 'ReadIndex',
  'read.mode.lease': 'lease',
  'read.mode.local': 'local, unchecked',
  // {command} is the command as written, like `set x=1`: `read x`.
  'read.command': '{command} · {mode}',
  'read.noKey': 'no such key',
  'read.sessionValue': 'client {client}, request {seq}',
  'read.field.reads': 'reads it holds (§6.4)',
  'read.field.waiting': '#{id} {mode}: waiting to note a read index (for {from})',
  'read.field.noted': '#{id} {mode}: read index {index}, waiting to be confirmed (for {from})',
  'read.field.safe': '#{id} {mode}: read index {index}, confirmed (for {from})',
  'read.field.lastIncludedIndex': 'last index the snapshot covers',
  'read.field.lastIncludedTerm': 'term of that entry',
  'read.field.data': 'the state machine it holds',
  'read.field.dataValue': '{count} keys',
  'read.field.dataValue#one': '{count} key',
  'read.field.readIndex': 'the commit index the read must see',
  'read.field.confirmedBy': 'servers that confirmed the leader',
  'read.field.session': 'client session (at most once)',
  'read.field.value': 'value read',
  'read.field.mode': 'how the read was checked',
  'read.field.leaseUntil': 'the lease held until',
  'read.field.duplicate': 'answered from the session’s saved reply',

  // The client panel.
  'read.client.mode': 'Read mode',
  'read.client.modeOption.readIndex': 'ReadIndex — the leader confirms it still leads',
  'read.client.modeOption.lease': 'lease — the leader trusts its lease',
  'read.client.modeOption.local': 'local — unsafe: nothing is checked',
  'read.client.hint':
    'A read is not written to the log. ReadIndex asks a majority whether the leader still leads; a lease read trusts the heartbeats a majority answered lately; a local read just answers from that server’s state machine, however stale.',
  'read.client.retryOff': 'Clients do not retry (Settings: client retries after 0 ms).',
  'read.client.retryOn': 'A client resends an unanswered request after {ms} ms, with its session.',
  'read.life.noted': 'read index noted: {index}',
  'read.life.notNoted': 'read index not noted yet',
  'read.life.confirmed': 'leadership confirmed by {k} of {n}',
  'read.life.notConfirmed': 'waiting for a majority to confirm leadership',
  'read.life.applied': 'applied up to the read index',
  'read.life.notApplied': 'waiting to apply up to the read index',
  'read.life.lease': 'lease valid until {until} ms',
  'read.life.noLease': 'waiting for a lease a majority renewed',
  'read.life.drift':
    'clocks here never drift — a real cluster must allow for drift and end the lease early',
  'read.life.local': 'answered from {node}’s own state machine — nothing checked',
  'read.life.answered': 'answered {value}',
  'read.life.notAnswered': 'not answered yet',
  'read.life.unsafe': 'unsafe',
  'read.life.session': 'session: client {client}, request {seq}',
  'read.life.retry': 'no answer: resent at {at} ms to S{to}',
  'read.life.duplicates': 'applied once; {count} copies, at indexes {indexes}, were duplicates',
  'read.life.duplicates#one': 'applied once; the copy at index {indexes} was a duplicate',
  'read.life.savedReply': 'answered from the session’s saved reply',
  'app.request.stage.noted': 'read index noted',
  'app.request.stage.confirmed': 'confirmed',

  // The event log.
  'app.events.kind.snapshot': 'snapshots',
  'app.ev.compacted': '{node} took a snapshot up to {index}: its log now starts after it',
  'app.ev.snapshotInstalled':
    "{node} installed {from}'s snapshot up to {index} (term {term}): its state machine is now the snapshot's and its log starts after it",
  'app.ev.snapshotInstalledKept':
    "{node} installed {from}'s snapshot up to {index} (term {term}) and kept its own entries after it, which match (§5.1)",
  'app.ev.snapshotKept':
    '{node} had committed up to {index} already and kept its own state ({from} sent a snapshot)',
  'app.ev.readIndexAsked': '{node} was asked by {from} for the read index of read #{id}',
  'app.ev.readIndexGot':
    '{node} learned from {from} that read #{id} may answer once index {index} is applied (confirmed by {k} servers)',
  'app.ev.readIndexGot#k=one':
    '{node} learned from {from} that read #{id} may answer once index {index} is applied (confirmed by {k} server)',
  'app.ev.readAnswered.readIndex':
    '{node} answered read #{id} ({command}) with {value}: a majority confirmed the read index and it is applied',
  'app.ev.readAnswered.lease':
    '{node} answered read #{id} ({command}) with {value} while its lease held',
  'app.ev.readAnswered.local':
    '{node} answered read #{id} ({command}) with {value} from its own state machine — nothing checked',
  'app.ev.readAskedLeader':
    '{node} asked its leader {to} for the read index of read #{id} ({command})',
  'app.ev.readHeld': '{node} holds read #{id} ({command}) until it is safe to answer',
  'app.ev.requestDuplicate':
    '{node} had applied request #{id} ({command}) already: it answered with the session’s saved reply (index {index})',
  'app.ev.readOk': 'The client got its answer: read #{id} returned {value} ({by})',
  'app.ev.readOkBare': 'The client got its answer to read #{id} ({by})',
  'app.ev.clientOkDuplicate':
    'The client got its reply: request #{id} succeeded at index {index}, answered from the session’s saved reply ({by})',
  'app.ev.act.read': 'The client sent read #{id} ({command}) to {via}',
  'app.ev.act.compact': '{node} was told to take a snapshot now (up to {index})',
  'app.ev.act.restartSnapshot':
    '{node} restarted from its disk and loaded its snapshot up to {index}: its state machine and commit index start there (term {term}, log to {length})',

  // The linearizability alarm's timeline.
  'lin.timeline.label': 'Timeline of the stale read',
  'lin.timeline.write': 'write #{id} {command}',
  'lin.timeline.writeUnknown': 'write #{id}',
  'lin.timeline.read': 'read #{id} of {key} → {value}',
  'lin.timeline.readAt': 'answered by {node}',
  'lin.timeline.acked': 'acknowledged at {at} ms',
  'lin.timeline.sent': 'sent at {at} ms',
  'lin.timeline.tick': '{ms} ms',
  'lin.timeline.note':
    'The write was acknowledged before the read was sent, so a linearizable read must see it; this one returned {value}.',

  // Settings.
  'app.settings.snapshotEvery': 'Snapshot after this many applied entries (0 = never)',
  'app.settings.clientRetry': 'Client resends after (ms, 0 = never)',
};

const zh: Record<string, string> = {
  'snap.strip.upTo': '快照 ≤ {index}',
  'snap.strip.term': '任期 {term}',
  'snap.strip.label': '快照（Snapshot）≤ {index}，任期 {term}',
  'snap.strip.older': '快照 ≤ {index}',
  'snap.logs.column': '快照',
  'snap.logs.cell': '≤ {index}（任期 {term}）',
  'snap.logs.row': '到索引 {index} 为止的快照（Snapshot）',
  'snap.logs.rowNote': '取代了到此为止的日志；之后的索引接着往下数',
  'snap.field.snapshot': '磁盘上的快照：它覆盖的最后索引与任期',
  'snap.node.disk': '磁盘：任期 {term} · 投票 {vote} · 快照 ≤ {snapshot} · 日志到 {length}',
  'snap.node.diskHead': '磁盘：任期 {term} · 投票 {vote}',
  'snap.node.diskTail': '快照 ≤ {snapshot} · 日志到 {length}',
  'snap.menu.compact': '立即生成快照（Snapshot）',
  'snap.key.snapshot': '快照',
  'snap.key.snapshotHint': '服务器把到这个索引为止的日志换成了状态机的快照（Snapshot，§5）',

  'app.msg.InstallSnapshot': '安装快照请求 InstallSnapshot',
  'app.msg.InstallSnapshot.a': '安装快照请求 InstallSnapshot',
  'app.msg.ReadIndex': '读索引请求 ReadIndex',
  'app.msg.ReadIndex.a': '读索引请求 ReadIndex',
  'app.msg.ReadIndexReply': '读索引回复',
  'app.msg.ReadIndexReply.a': '读索引回复',
  'app.msgSum.installSnapshot': '{name}：任期 {term}，到索引 {index}（任期 {snapTerm}）的快照',
  'app.msgSum.readIndex': '{name}：任期 {term}，为读取 #{id}',
  'app.msgSum.readIndexReply':
    '{name}：任期 {term}，读取 #{id} 在索引 {index} 应用后即可答复；已由 {k} 台服务器确认',
  'app.msgSum.replyRead': '{name} #{id}：读到 {value}（{mode}）',
  'app.msgSum.replyDuplicate': '{name} #{id}：成功，索引 {index}，用会话（Session）保存的应答答复',
  'visual.look.installSnapshot': 'InstallSnapshot 安装快照',
  'visual.look.readIndex': 'ReadIndex 读索引',
  'visual.look.readIndexReply': '读索引回复',
  'visual.lookInfo.installSnapshot': '领导者的快照，发给缺少已被压缩条目的跟随者',
  'visual.lookInfo.readIndex': '跟随者向领导者询问读索引',
  'visual.lookInfo.readIndexReply': '读索引（数字），已由多数派确认',

  'read.mode.readIndex': '读索引（ReadIndex）',
  'read.mode.lease': '租约（Lease）',
  'read.mode.local': '本地读，不做检查',
  'read.command': '{command} · {mode}',
  'read.noKey': '没有这个键',
  'read.sessionValue': '客户端 {client}，第 {seq} 个请求',
  'read.field.reads': '它持有的读取（§6.4）',
  'read.field.waiting': '#{id} {mode}：等待记下读索引（替 {from}）',
  'read.field.noted': '#{id} {mode}：读索引 {index}，等待确认（替 {from}）',
  'read.field.safe': '#{id} {mode}：读索引 {index}，已确认（替 {from}）',
  'read.field.lastIncludedIndex': '快照覆盖的最后索引',
  'read.field.lastIncludedTerm': '该条目的任期',
  'read.field.data': '快照里的状态机',
  'read.field.dataValue': '{count} 个键',
  'read.field.readIndex': '读取必须看到的提交索引',
  'read.field.confirmedBy': '确认了领导者身份的服务器',
  'read.field.session': '客户端会话（至多应用一次）',
  'read.field.value': '读到的值',
  'read.field.mode': '这次读取如何检查',
  'read.field.leaseUntil': '租约有效至',
  'read.field.duplicate': '用会话保存的应答答复',

  'read.client.mode': '读取方式',
  'read.client.modeOption.readIndex': '读索引（ReadIndex）——领导者先确认自己仍在领导',
  'read.client.modeOption.lease': '租约（Lease）——领导者信任自己的租约',
  'read.client.modeOption.local': '本地读——不安全：什么都不检查',
  'read.client.hint':
    '读取不写入日志。读索引（ReadIndex）先问多数派领导者是否仍在领导；租约（Lease）读信任多数派最近回应过的心跳；本地读直接用那台服务器自己的状态机答复，不管它有多旧。',
  'read.client.retryOff': '客户端不重试（设置里“客户端重发间隔”为 0）。',
  'read.client.retryOn': '客户端在 {ms} 毫秒内没收到应答就带着会话（Session）重发请求。',
  'read.life.noted': '已记下读索引：{index}',
  'read.life.notNoted': '尚未记下读索引',
  'read.life.confirmed': '领导者身份已由 {n} 个中的 {k} 个确认',
  'read.life.notConfirmed': '等待多数派确认领导者身份',
  'read.life.applied': '已应用到读索引',
  'read.life.notApplied': '等待应用到读索引',
  'read.life.lease': '租约（Lease）有效至 {until} 毫秒',
  'read.life.noLease': '等待多数派续约',
  'read.life.drift': '这里的时钟从不漂移——真实集群必须考虑时钟漂移，提前结束租约',
  'read.life.local': '由 {node} 自己的状态机答复——什么都没检查',
  'read.life.answered': '答复：{value}',
  'read.life.notAnswered': '尚未答复',
  'read.life.unsafe': '不安全',
  'read.life.session': '会话（Session）：客户端 {client}，第 {seq} 个请求',
  'read.life.retry': '没有应答：{at} 毫秒时重发给 S{to}',
  'read.life.duplicates': '只应用了一次；索引 {indexes} 处的 {count} 个副本是重复的',
  'read.life.savedReply': '用会话保存的应答答复',
  'app.request.stage.noted': '已记下读索引',
  'app.request.stage.confirmed': '已确认',

  'app.events.kind.snapshot': '快照',
  'app.ev.compacted': '{node} 生成了到索引 {index} 的快照（Snapshot）：它的日志从此之后开始',
  'app.ev.snapshotInstalled':
    '{node} 安装了 {from} 的快照（到索引 {index}，任期 {term}）：状态机换成了快照里的状态，日志从快照之后开始',
  'app.ev.snapshotInstalledKept':
    '{node} 安装了 {from} 的快照（到索引 {index}，任期 {term}），并保留了快照之后与之匹配的条目（§5.1）',
  'app.ev.snapshotKept': '{node} 早已提交到索引 {index}，保留了自己的状态（{from} 发来了快照）',
  'app.ev.readIndexAsked': '{from} 向 {node} 询问读取 #{id} 的读索引（ReadIndex）',
  'app.ev.readIndexGot':
    '{node} 从 {from} 得知：读取 #{id} 在索引 {index} 应用后即可答复（已由 {k} 台服务器确认）',
  'app.ev.readAnswered.readIndex':
    '{node} 答复了读取 #{id}（{command}）：{value}；多数派已确认读索引，且已应用到该处',
  'app.ev.readAnswered.lease':
    '{node} 在租约（Lease）有效期内答复了读取 #{id}（{command}）：{value}',
  'app.ev.readAnswered.local':
    '{node} 用自己的状态机答复了读取 #{id}（{command}）：{value}——什么都没检查',
  'app.ev.readAskedLeader': '{node} 向它的领导者 {to} 询问读取 #{id}（{command}）的读索引',
  'app.ev.readHeld': '{node} 暂存读取 #{id}（{command}），等到安全时再答复',
  'app.ev.requestDuplicate':
    '{node} 已经应用过请求 #{id}（{command}）：它用会话（Session）保存的应答答复（索引 {index}）',
  'app.ev.readOk': '客户端收到答复：读取 #{id} 返回 {value}（{by}）',
  'app.ev.readOkBare': '客户端收到了读取 #{id} 的答复（{by}）',
  'app.ev.clientOkDuplicate':
    '客户端收到应答：请求 #{id} 成功，索引 {index}，用会话保存的应答答复（{by}）',
  'app.ev.act.read': '客户端向 {via} 发送了读取 #{id}（{command}）',
  'app.ev.act.compact': '让 {node} 立即生成快照（到索引 {index}）',
  'app.ev.act.restartSnapshot':
    '{node} 从磁盘重启，载入了到索引 {index} 的快照：状态机和提交索引从那里开始（任期 {term}，日志到 {length}）',

  'lin.timeline.label': '过期读取的时间线',
  'lin.timeline.write': '写入 #{id} {command}',
  'lin.timeline.writeUnknown': '写入 #{id}',
  'lin.timeline.read': '读取 #{id}（键 {key}）→ {value}',
  'lin.timeline.readAt': '由 {node} 答复',
  'lin.timeline.acked': '{at} 毫秒时确认',
  'lin.timeline.sent': '{at} 毫秒时发出',
  'lin.timeline.tick': '{ms} 毫秒',
  'lin.timeline.note':
    '写入在读取发出之前就已确认，线性一致的读取必须看到它；这次却返回了 {value}。',

  'app.settings.snapshotEvery': '每应用多少条目生成一次快照（0 = 从不）',
  'app.settings.clientRetry': '客户端重发间隔（毫秒，0 = 不重发）',
};

export const consistencyStrings: Strings = { en, zh };
