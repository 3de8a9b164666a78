// One index of one server's log in the strip (UI layer): the term with the n and m markers beside
// it and the command below (in a compact strip, all on one line), the command whole when the
// column is wide enough and cut with an ellipsis when not (the hover title and the inspector
// always have all of it). A configuration entry wears a teal inner frame, the membership colour,
// committed or not. A cell a lesson points at gets a dashed outline on a highlighter glow;
// one a failed safety check names, a solid alarm outline (also where the entry is missing).
import type { LogView } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { commandText } from '../panels/messageText';
import { configEntryText } from '../membershipText';
import { inkOn, termColor } from '../../layout/termColor';

type Entry = LogView['entries'][number];

interface Props {
  index: number;
  entry: Entry | undefined;
  committed: boolean;
  commitEdge: boolean;
  match: boolean;
  /** The n marker here: at nextIndex, or where the leader just backed it off to. */
  next: 'here' | 'moved' | null;
  /** Pointed at by a lesson (`focus`) or named by a failed safety check (`broken`). */
  mark: CellMark;
  t: Translate;
}

export type CellMark = 'focus' | 'broken' | null;

export function LogCell({ index, entry, committed, commitEdge, match, next, mark, t }: Props) {
  const classes = ['rl-log-cell'];
  if (commitEdge) classes.push('rl-log-commit-edge');
  if (mark) classes.push(`rl-log-${mark}`);
  const markText = mark && t(`rules.mark.${mark}`);
  const marks = (
    <>
      {match && <span className="rl-log-marks">m</span>}
      {next && (
        <span
          className={next === 'moved' ? 'rl-log-marks rl-log-marks-moved' : 'rl-log-marks'}
          title={next === 'moved' ? t('log.marker.movedNext', { index }) : undefined}
        >
          n
        </span>
      )}
    </>
  );
  if (!entry) {
    return (
      <td
        className={[...classes, 'rl-log-empty'].join(' ')}
        data-highlight={mark ?? undefined}
        title={markText || undefined}
      >
        <span className="rl-log-in">
          <span className="rl-log-mark-box">{marks}</span>
        </span>
      </td>
    );
  }
  const color = termColor(entry.term);
  const command = commandText(entry.command, t);
  // A configuration entry shows its short form in the cell ("+S4", "joint →{3,4,5}").
  const shown = entry.command.kind === 'config' ? configEntryText(entry.command, t, true) : command;
  const state = t(committed ? 'visual.log.committed' : 'visual.log.uncommitted');
  const config = entry.command.kind === 'config';
  const label = t('visual.log.entryLabel', { index, term: entry.term, command, state });
  const title = [label, config && t('member.log.config'), markText].filter(Boolean).join(' · ');
  classes.push(committed ? 'rl-log-committed' : 'rl-log-uncommitted');
  if (config) classes.push('rl-log-config');
  return (
    <td
      className={classes.join(' ')}
      title={title}
      aria-label={title}
      data-highlight={mark ?? undefined}
      style={
        committed
          ? { background: color, color: inkOn(color) }
          : { borderColor: color, ['--rl-term' as string]: color }
      }
    >
      <span className="rl-log-in">
        <span className="rl-log-term">{entry.term}</span>
        <span className="rl-log-mark-box">{marks}</span>
        <span className="rl-log-cmd">{shown}</span>
      </span>
    </td>
  );
}
