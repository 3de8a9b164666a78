// The space-time diagram's words (UI layer): virtual times at the precision the zoom needs, an
// arrow's tooltip (the message summary in the reader's language, then where and when it went),
// and a mark's title. The words live in i18n/diagramStrings.ts.
import type { Arrow, Mark } from '../../layout/spaceTime';
import type { Translate } from '../i18n/types';
import { messageSummary } from '../panels/messageText';

/**
 * A virtual time with as many decimals as a step of `stepMs` needs: 1,250 ms at a 50 ms step,
 * "1.25 s" at 250 ms once steps reach a second or spans pass ten seconds.
 */
export function timeText(ms: number, stepMs: number, t: Translate): string {
  if (stepMs >= 1000 || Math.abs(ms) >= 10_000) {
    const decimals = Math.min(3, Math.max(0, -Math.floor(Math.log10(Math.max(1, stepMs) / 1000))));
    return t('diagram.s', {
      s: (ms / 1000).toFixed(stepMs >= 1000 ? decimals : Math.max(1, decimals)),
    });
  }
  return t('diagram.ms', { ms: Math.round(ms) });
}

const at = (ms: number, t: Translate) => t('visual.field.at', { ms });

/** The tooltip of an arrow: what the message carries, then its path and times. */
export function arrowTip(
  a: Arrow,
  t: Translate,
  headAt: number,
): { summary: string; route: string } {
  const base = { from: `S${a.from}`, to: `S${a.to}`, sent: at(a.sentAt, t) };
  const door = t('diagram.ms', { ms: Math.min(a.arriveAt, a.endAt) });
  let route: string;
  if (a.fate === 'lost') {
    const reason = t(`visual.loss.${(a.lossReason ?? 'dropped').replaceAll(' ', '')}`);
    route = t('diagram.tip.lost', { ...base, end: at(a.endAt, t), reason });
  } else if (a.fate === 'flying') {
    route =
      a.held && headAt >= a.arriveAt
        ? t('diagram.tip.heldNow', { ...base, door })
        : t('diagram.tip.flying', { ...base, end: at(a.endAt, t) });
  } else if (a.endAt > a.arriveAt) {
    route = t('diagram.tip.waited', { ...base, door, end: at(a.endAt, t) });
  } else {
    route = t('diagram.tip.delivered', { ...base, end: at(a.endAt, t) });
  }
  return { summary: messageSummary(a.message, t), route };
}

/** A mark's title: "election for term 3", "link to S2 cut", "manual delivery on". */
export function markTitle(m: Mark, t: Translate): string {
  const kind = m.kind === 'manual' ? (m.value === 1 ? 'manualOn' : 'manualOff') : m.kind;
  const where = m.node === null ? '' : `S${m.node} `;
  return `${where}${t(`diagram.mark.${kind}`, { value: m.value ?? '', peer: m.peer ?? '' })}`;
}
