// One index of one server's log in the strip (UI layer): the term with the n and m markers beside
// it and the command below (in a compact strip, all on one line), the command whole when the
// column is wide enough and cut with an ellipsis when not (the hover title and the inspector
// always have all of it).
import type { LogView } from '../../store/frame';
import type { Translate } from '../i18n/types';
import { commandText } from '../panels/messageText';
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
  t: Translate;
}

export function LogCell({ index, entry, committed, commitEdge, match, next, t }: Props) {
  const classes = ['rl-log-cell'];
  if (commitEdge) classes.push('rl-log-commit-edge');
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
      <td className={[...classes, 'rl-log-empty'].join(' ')}>
        <span className="rl-log-in">
          <span className="rl-log-mark-box">{marks}</span>
        </span>
      </td>
    );
  }
  const color = termColor(entry.term);
  const command = commandText(entry.command, t);
  const state = t(committed ? 'visual.log.committed' : 'visual.log.uncommitted');
  const title = t('visual.log.entryLabel', { index, term: entry.term, command, state });
  classes.push(committed ? 'rl-log-committed' : 'rl-log-uncommitted');
  return (
    <td
      className={classes.join(' ')}
      title={title}
      aria-label={title}
      style={
        committed
          ? { background: color, color: inkOn(color) }
          : { borderColor: color, ['--rl-term' as string]: color }
      }
    >
      <span className="rl-log-in">
        <span className="rl-log-term">{entry.term}</span>
        <span className="rl-log-mark-box">{marks}</span>
        <span className="rl-log-cmd">{command}</span>
      </span>
    </td>
  );
}
