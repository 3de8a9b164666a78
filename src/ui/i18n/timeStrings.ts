// Words for the time controls: keys, the clock, the past and its confirmation, undo (UI layer).
import type { Strings } from './types';

export const timeStrings: Strings = {
  en: {
    'time.past': 'In the past',
    'time.pastHint': 'acting here starts a new future',
    'time.toNow': 'Back to now',
    'time.toNowTitle': 'Show the newest event',
    'time.more': 'Speed and pausing',

    'time.keys': 'Keys',
    'time.keysTitle': 'Keyboard shortcuts',
    'time.keysNote':
      'While you type in a text field or choose in a list, keys type and choose as usual; Space still ticks a checkbox.',
    'time.keyName.space': 'Space',
    'time.keyName.left': '←',
    'time.keyName.right': '→',
    'time.keyName.present': 'P',
    'time.keyName.steps': 'PageDown PageUp',
    'time.keyName.tabs': '↑ ↓ Home End',
    'time.keyName.links': '← → ↑ ↓, Enter',
    'time.keyName.escape': 'Esc',
    'time.keyName.sliders': '↑ ↓ PgUp PgDn Home End',
    'time.key.space': 'Play or pause',
    'time.key.left': 'Back one event',
    'time.key.right': 'Forward one event; at the newest, compute the next',
    'time.key.present': 'Presentation mode on or off',
    'time.key.steps': "A lesson's next or previous step (a presenter's remote sends these)",
    'time.key.tabs': 'On a panel tab: the previous, next, first or last tab',
    'time.key.links': 'On a link of the cluster: the next link; Enter cuts or restores it',
    'time.key.escape': 'Close a menu, this list or the drawer',
    'time.key.sliders': 'On a slider (speed, timeline): move it',

    'time.rewrite.title': 'Start a new future here?',
    'time.rewrite.body':
      'The {count} events after this point stay in a branch of their own (History tab), and a new future starts here.',
    'time.rewrite.body#one':
      'The one event after this point stays in a branch of its own (History tab), and a new future starts here.',
    'time.rewrite.undoHint': 'Undo, or the History tab, brings the old future back.',
    'time.rewrite.dontAsk': 'Don’t ask again',
    'time.rewrite.confirm': 'Start a new future',
    'time.rewrite.cancel': 'Cancel',

    'time.undo.text':
      'New future after event {from}: the {count} later events wait in another branch.',
    'time.undo.text#one':
      'New future after event {from}: the 1 later event waits in another branch.',
    'time.undo.button': 'Undo',
    'time.undo.dismiss': 'Keep the new future',

    'time.events.future': 'Show the future',
    'time.events.hidden': '{count} later events hidden, so they do not spoil a prediction.',
    'time.events.hidden#one': '1 later event hidden, so it does not spoil a prediction.',
    'time.events.futureRow': 'later: {text}',
  },
  zh: {
    'time.past': '正在回看过去',
    'time.pastHint': '在此操作将开启新的未来',
    'time.toNow': '回到现在',
    'time.toNowTitle': '显示最新的事件',
    'time.more': '速度与暂停',

    'time.keys': '快捷键',
    'time.keysTitle': '键盘快捷键',
    'time.keysNote': '在文本框中输入或在列表中选择时，按键照常使用；空格仍可勾选复选框。',
    'time.keyName.space': '空格',
    'time.keyName.left': '←',
    'time.keyName.right': '→',
    'time.keyName.steps': 'PageDown PageUp',
    'time.keyName.present': 'P',
    'time.keyName.tabs': '↑ ↓ Home End',
    'time.keyName.links': '← → ↑ ↓、Enter',
    'time.keyName.escape': 'Esc',
    'time.keyName.sliders': '↑ ↓、翻页键、Home End',
    'time.key.space': '播放或暂停',
    'time.key.left': '后退一个事件',
    'time.key.right': '前进一个事件；在最新事件处计算下一个',
    'time.key.present': '开关演示模式',
    'time.key.steps': '课程的下一步或上一步（演示遥控器发送这两个键）',
    'time.key.tabs': '在面板标签上：上一个、下一个、第一个或最后一个标签',
    'time.key.links': '在集群的链路上：下一条链路；Enter 切断或恢复它',
    'time.key.escape': '关闭菜单、本列表或抽屉',
    'time.key.sliders': '在滑块（速度、时间线）上：移动它',

    'time.rewrite.title': '在这里开启新的未来？',
    'time.rewrite.body':
      '此后的 {count} 个事件会保留在一个单独的分支里（“历史”标签页），并从这里开启新的未来。',
    'time.rewrite.undoHint': '撤销，或在“历史”标签页里，都能找回原来的未来。',
    'time.rewrite.dontAsk': '不再询问',
    'time.rewrite.confirm': '开启新的未来',
    'time.rewrite.cancel': '取消',

    'time.undo.text':
      '已从第 {from} 个事件之后开启新的未来：其后的 {count} 个事件保留在另一个分支里。',
    'time.undo.button': '撤销',
    'time.undo.dismiss': '保留新的未来',

    'time.events.future': '显示未来',
    'time.events.hidden': '已隐藏其后的 {count} 个事件，以免提前透露答案。',
    'time.events.futureRow': '之后：{text}',
  },
};
