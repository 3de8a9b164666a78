// Words for the cluster drawing: labels, the hint, messages and loss on the network (UI layer).
import type { Strings } from './types';

export const drawingStrings: Strings = {
  en: {
    'drawing.loss': 'message loss {percent} %',
    'drawing.hint.drag': 'Drag across empty space to split the network',
    'drawing.hint.link': 'click a link to cut it',
    'drawing.legend.lossyName': 'lossy network',
    'drawing.legend.lossy':
      'faded, dashed links and a "message loss" label: any message may be dropped',
    'drawing.legend.faultName': 'runtime fault',
    'drawing.legend.fault':
      'purple "!" on a node: its worker failed or stopped answering; Inspect says why',
    'drawing.legend.client': 'sends writes to a node and waits for the answer',
    'drawing.legend.wordsName': 'words beside a node',
    'drawing.legend.words':
      'role, term and vote; when crowded the lesser lines give way, and Inspect keeps them all',
  },
  zh: {
    'drawing.loss': '消息丢失率 {percent}%',
    'drawing.hint.drag': '在空白处拖动以分割网络',
    'drawing.hint.link': '点击链路可切断',
    'drawing.legend.lossyName': '有丢失的网络',
    'drawing.legend.lossy': '链路变淡、变为虚线，并标出“消息丢失率”：任何消息都可能被丢弃',
    'drawing.legend.faultName': '运行故障',
    'drawing.legend.fault': '节点上的紫色“!”：它的工作线程出错或不再回应，“详情”中说明原因',
    'drawing.legend.client': '向某个节点发送写请求并等待回答',
    'drawing.legend.wordsName': '节点旁的文字',
    'drawing.legend.words': '角色、任期和投票；空间不够时次要的行让位，“详情”中全部保留',
  },
};
