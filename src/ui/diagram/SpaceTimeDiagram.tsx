// The space-time diagram (UI layer): a lane per server with virtual time running along it, each
// message an arrow from its send to its delivery or loss, marks for elections, commits, crashes
// and network changes, terms as bands of colour, and the instant on screen as a line. Clicking
// seeks there (an arrow: inspects its message at its send); the wheel, a drag or +/− and ←/→
// (while the diagram has focus) zoom and pan in time; "Follow" keeps the present in view.
import { useId, useRef, useState } from 'react';
import type { MouseEvent, KeyboardEvent, ReactNode } from 'react';
import type { Arrow } from '../../layout/spaceTime';
import { seqAtTime } from '../../layout/spaceTime';
import { nearestArrow, nearestMark } from '../../layout/spaceTimeView';
import { useIntents, useLab, useLabStore, useT } from '../labContext';
import { DiagramArrows } from './DiagramArrows';
import { DiagramAxis, NowLine } from './DiagramAxis';
import { DiagramKey } from './DiagramKey';
import { DiagramLanes, LaneLabels } from './DiagramLanes';
import { DiagramMarks } from './DiagramMarks';
import { DiagramToolbar } from './DiagramToolbar';
import { ArrowTip } from './ArrowTip';
import { timeText } from './diagramText';
import { useDiagramView } from './useDiagramView';
import type { Measure } from '../useRoom';
import { useRoom } from '../useRoom';

/** How near (px) a pointer must come to an arrow or a mark to pick it. */
const REACH = 8;

/** The plot's box as laid out: its client width and height. */
const plotBox: Measure = (el) => ({ width: el.clientWidth, height: el.clientHeight });

export function SpaceTimeDiagram({ toggle }: { toggle: ReactNode }) {
  const t = useT();
  const lab = useIntents();
  const store = useLabStore();
  const selection = useLab((s) => s.selection);
  const plotRef = useRef<HTMLDivElement>(null);
  const emRef = useRef<HTMLSpanElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const room = useRoom(plotRef, emRef, plotBox);
  const v = useDiagramView(svgRef, room);
  const [hover, setHover] = useState<{ arrow: Arrow; x: number; y: number } | null>(null);
  const [keyOpen, setKeyOpen] = useState(false);
  const id = useId().replace(/:/g, '');
  const em = room.em || 14;
  const { box, view } = v;
  const right = box.width - box.right;
  const nowX = view(v.cursorAt);
  const anchorX = nowX >= box.gutter && nowX <= right ? nowX : (box.gutter + right) / 2;
  const zoomBy = (factor: number) => v.zoom.zoomBy(factor, anchorX);
  const panBy = (direction: -1 | 1) => {
    v.setFollow(false);
    // An eighth of the window: one bucket of arrows comes into view per press (see placedCache).
    v.zoom.panBy(direction * (right - box.gutter) * 0.125);
  };

  const pointIn = (e: MouseEvent): [number, number] => {
    const r = svgRef.current!.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const [px, py] = pointIn(e);
    const arrow = nearestArrow(v.placed, px - v.x, py, REACH)?.arrow;
    if (arrow && arrow.flight !== null) {
      lab.selectItem({ kind: 'flight', id: arrow.flight });
      lab.showPanel('inspect');
      return void lab.seekTo(arrow.sendSeq);
    }
    if (arrow) return void lab.seekTo(arrow.endSeq ?? arrow.sendSeq);
    if (px < box.gutter) {
      const node = Math.ceil((py - box.axis) / ((box.height - box.axis - 4) / box.lanes));
      if (node >= 1 && node <= box.lanes) {
        lab.selectItem({ kind: 'node', id: node });
        lab.showPanel('inspect');
      }
      return;
    }
    const mark = nearestMark(v.marks, view, v.y, px, py, REACH);
    void lab.seekTo(mark ? mark.seq : seqAtTime(store.getState().history, view.invert(px)));
  };
  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const [px, py] = pointIn(e);
    const hit = nearestArrow(v.placed, px - v.x, py, REACH);
    setHover((old) =>
      !hit ? null : old?.arrow === hit.arrow ? old : { arrow: hit.arrow, x: px, y: py },
    );
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / 1.5);
    else if (e.key === 'ArrowLeft') panBy(-1);
    else if (e.key === 'ArrowRight') panBy(1);
    else if (e.key === 'End') v.setFollow(true);
    else return;
    // Keeps the global ← → (step one event) from acting too.
    e.preventDefault();
  };

  const step = (v.t1 - v.t0) / 10;
  const from = timeText(v.t0, step, t);
  const to = timeText(v.t1, step, t);
  const label = `${t('diagram.label', { from, to, count: v.total })} ${t('diagram.keysHint')}`;
  const selected = selection?.kind === 'flight' ? selection.id : null;
  return (
    <section className="rl-st" aria-label={t('diagram.switch.diagram')}>
      <DiagramToolbar
        t={t}
        follow={v.follow}
        onFollow={() => v.setFollow(!v.follow)}
        onZoom={zoomBy}
        onPan={panBy}
        windowText={t('diagram.window', { from, to })}
        hidden={v.hidden}
        keyOpen={keyOpen}
        onKey={() => setKeyOpen(!keyOpen)}
        keyId={`${id}-key`}
        toggle={toggle}
      />
      {keyOpen && <DiagramKey t={t} id={`${id}-key`} />}
      <div className="rl-st-plot" ref={plotRef}>
        <span className="rl-st-em" ref={emRef} aria-hidden="true" />
        <svg
          ref={svgRef}
          className="rl-st-svg"
          width={box.width}
          height={box.height}
          role="img"
          aria-label={label}
          tabIndex={0}
          onClick={onClick}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(null)}
          onKeyDown={onKeyDown}
        >
          <clipPath id={`${id}-clip`}>
            <rect
              x={box.gutter}
              y={0}
              width={Math.max(0, right - box.gutter)}
              height={box.height}
            />
          </clipPath>
          <DiagramAxis box={box} view={view} em={em} t={t} />
          <g clipPath={`url(#${id}-clip)`}>
            <DiagramLanes
              box={box}
              view={view}
              lanes={v.lanes}
              headAt={v.index.headAt}
              em={em}
              t={t}
            />
            <g transform={`translate(${v.x},0)`} data-pan="">
              <DiagramArrows
                buckets={v.buckets}
                placed={v.placed}
                selected={selected}
                hover={hover?.arrow.key ?? null}
              />
              <DiagramMarks box={box} view={v.content} marks={v.marks} t={t} />
            </g>
            <NowLine box={box} x={nowX} />
          </g>
          <LaneLabels box={box} lanes={v.lanes} cursorAt={v.cursorAt} em={em} />
        </svg>
        {hover && (
          <ArrowTip
            arrow={hover.arrow}
            x={hover.x}
            y={hover.y}
            box={box}
            headAt={v.index.headAt}
            t={t}
          />
        )}
      </div>
    </section>
  );
}
