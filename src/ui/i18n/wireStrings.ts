// Strings for messages a person touched (UI layer): the event log's words for holding,
// releasing, dropping and copying a message, manual delivery, and the loss reason "dropped by
// hand", in English and 中文.
import type { Strings } from './types';

const en: Record<string, string> = {
  'app.ev.act.hold': 'Message #{id} ({message}, {from} → {to}) held at {to}’s door',
  'app.ev.act.release': 'Held message #{id} ({message}, {from} → {to}) released: it arrives now',
  'app.ev.act.dropMessage': 'Message #{id} ({message}, {from} → {to}) dropped by hand',
  'app.ev.act.duplicate':
    'Message #{id} ({message}, {from} → {to}) duplicated: copy #{copy} is on its way',
  'app.ev.act.releaseAll': 'Every held message released: {ids}',
  'app.ev.act.manualOn': 'Manual delivery on: every message waits at its receiver’s door',
  'app.ev.act.manualOff': 'Manual delivery off',
  'app.ev.act.manualOffReleased': 'Manual delivery off; released {ids}',
  'app.ev.reason.droppedbyhand': 'dropped by hand',
  'visual.loss.droppedbyhand': 'dropped by hand',
  'app.notice.notAChoice': 'That is not one of the events that can happen next.',
  'app.notice.heartbeatNotFirst':
    'S{node}’s heartbeat cannot come before the timers due earlier: pick the first timer first.',
};

const zh: Record<string, string> = {
  'app.ev.act.hold': '消息 #{id}（{message}，{from} → {to}）被扣在 {to} 门口',
  'app.ev.act.release': '放行被扣住的消息 #{id}（{message}，{from} → {to}）：它现在送达',
  'app.ev.act.dropMessage': '手动丢弃消息 #{id}（{message}，{from} → {to}）',
  'app.ev.act.duplicate': '复制消息 #{id}（{message}，{from} → {to}）：副本 #{copy} 已发出',
  'app.ev.act.releaseAll': '放行所有被扣住的消息：{ids}',
  'app.ev.act.manualOn': '手动投递开启：每条消息都在接收方门口等待',
  'app.ev.act.manualOff': '手动投递关闭',
  'app.ev.act.manualOffReleased': '手动投递关闭；放行 {ids}',
  'app.ev.reason.droppedbyhand': '被手动丢弃',
  'visual.loss.droppedbyhand': '被手动丢弃',
  'app.notice.notAChoice': '这不是接下来可能发生的事件之一。',
  'app.notice.heartbeatNotFirst': 'S{node} 的心跳不能早于先到期的定时器：请先选第一个定时器。',
};

export const wireStrings: Strings = { en, zh };
