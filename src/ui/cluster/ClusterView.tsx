// The cluster as an SVG drawn in the CSS pixels of the box it gets: nodes on a ring, the links
// between them, partition regions, messages in flight, the client and every label, each placed
// by the layout from the box's size and the measured text (so the text size setting and
// presentation mode reach the drawing as real px). Presentational: it reads a Frame, and from the
// store only what to highlight (a lesson's focus, what a failed check names), and reports what the
// person did (select, node actions, partition strokes, link clicks).
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent, ReactNode, RefObject } from 'react';
import type { Frame } from '../../store/frame';
import type { Highlights } from '../../store';
import { selectHighlights } from '../../store';
import { useLab } from '../labContext';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import type { Point, RingLayout, RingSizes } from '../../layout/ring';
import { DEFAULT_RING_SIZES, ringLayout } from '../../layout/ring';
import { placeLabels } from '../../layout/labels';
import { isStroke, splitGroups } from '../../layout/partition';
import { LinkLayer } from './LinkLayer';
import { PartitionRegions, StrokePreview } from './PartitionRegions';
import { NodeGlyph } from './NodeGlyph';
import { NodeTimers } from './NodeTimers';
import { FlightLayer } from './FlightLayer';
import { NodeMenu } from './NodeMenu';
import type { NodeAction } from './NodeMenu';
import { LabelLayer } from './LabelLayer';
import type { LabelText } from './drawingLabels';
import { drawingLabels, labelRequests, nodeClass, PAD_X } from './drawingLabels';
import type { DrawingText } from './useDrawingText';
import { useDrawingText } from './useDrawingText';
import { memberTagText } from '../membershipText';

export interface ClusterViewProps {
  frame: Frame;
  reducedMotion: boolean;
  t: Translate;
  selection: Selection;
  onSelect(sel: Selection): void;
  onNodeAction(id: number, action: NodeAction): void;
  onPartition(groups: number[][]): void;
  onToggleLink(a: number, b: number): void;
}

interface Box {
  readonly width: number;
  readonly height: number;
}

/** The element's content box in CSS px, kept current by a ResizeObserver. */
function useBox(ref: RefObject<HTMLElement | null>): Box | null {
  const [box, setBox] = useState<Box | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const width = Math.floor(el.clientWidth);
      const height = Math.floor(el.clientHeight);
      setBox((old) =>
        old?.width === width && old.height === height
          ? old
          : width > 0 && height > 0
            ? { width, height }
            : null,
      );
    };
    read();
    const watch = new ResizeObserver(read);
    watch.observe(el);
    return () => watch.disconnect();
  }, [ref]);
  return box;
}

/** What the ring must make room for, from the measured fonts. */
function ringSizes(m: DrawingText | null, t: Translate): RingSizes {
  if (!m) return DEFAULT_RING_SIZES;
  // A name's ink: its width, and the height of capitals and digits (names have no descenders),
  // so the body holds the letters themselves rather than the font's whole line box.
  const name = (cls: 'rl-node-name' | 'rl-node-name-compact') => ({
    width: m.width(cls, 'S9') + 4,
    height: Math.ceil(m.styles[cls].px * 0.75) + 2,
  });
  const typical = `${t('visual.node.term', { term: 88 })} · ${t('visual.node.votedFor', { name: 'S8' })}`;
  const client = m.styles['rl-client-label'];
  return {
    name: name('rl-node-name'),
    nameCompact: name('rl-node-name-compact'),
    line: m.styles['rl-node-role'].height,
    label: m.width('rl-node-info', typical) + 2 * PAD_X,
    client: {
      width: Math.ceil(m.width('rl-client-label', t('visual.cluster.client'))) + 24,
      height: client.height + 12,
    },
  };
}

export function ClusterView(props: ClusterViewProps) {
  const { frame, reducedMotion, t, selection, onNodeAction, onPartition } = props;
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const probeRef = useRef<SVGGElement>(null);
  // The latest callbacks, behind stable wrappers, so memoized layers skip re-rendering even
  // when the parent passes fresh arrow functions on every animation frame.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const select = useCallback((sel: Selection) => latest.current.onSelect(sel), []);
  const toggleLink = useCallback((a: number, b: number) => latest.current.onToggleLink(a, b), []);
  const box = useBox(stageRef);
  const highlights = useLab(selectHighlights);
  const metrics = useDrawingText(probeRef, `Hg ${t('visual.cluster.client')}`);
  const sizes = useMemo(() => ringSizes(metrics, t), [metrics, t]);
  const n = frame.nodes.length;
  const layout = useMemo(
    () => (box ? ringLayout(n, box.width, box.height, sizes) : null),
    [n, box, sizes],
  );
  // Placement runs only when a word, the box or the fonts change: texts are compared by value.
  const textKey = JSON.stringify(drawingLabels(frame, t));
  const texts = useMemo(() => JSON.parse(textKey) as LabelText[], [textKey]);
  const plan = useMemo(
    () => (layout && metrics ? placeLabels(layout, labelRequests(texts, metrics)) : null),
    [layout, metrics, texts],
  );
  const textByKey = useMemo(() => new Map(texts.map((l) => [l.key, l])), [texts]);
  const classKey = frame.nodes.map(nodeClass).join('|');
  const ownerClass = useMemo(
    () => new Map(classKey.split('|').map((c, i) => [i + 1, c])),
    [classKey],
  );
  const [menu, setMenu] = useState<number | null>(null);
  const [stroke, setStroke] = useState<Point[] | null>(null);

  const toView = (e: PointerEvent): Point | null => {
    const m = svgRef.current?.getScreenCTM();
    if (!m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return { x: Math.round(p.x), y: Math.round(p.y) };
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    const p = toView(e);
    if (!p) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setMenu(null);
    setStroke([p]);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!stroke) return;
    const p = toView(e);
    const last = stroke[stroke.length - 1]!;
    if (p && Math.hypot(p.x - last.x, p.y - last.y) > 4) setStroke([...stroke, p]);
  };
  const onPointerUp = () => {
    if (layout && stroke && isStroke(stroke)) {
      const groups = splitGroups(layout.nodes, frame.network.groups, [stroke]);
      if (groups.length >= 2 && groups.length !== (frame.network.groups?.length ?? 1))
        onPartition(groups);
    }
    setStroke(null);
  };

  const activate = useCallback(
    (id: number) => {
      setMenu((open) => (open === id ? null : id));
      select({ kind: 'node', id });
    },
    [select],
  );
  const closeMenu = () => {
    const id = menu;
    setMenu(null);
    if (id !== null) svgRef.current?.querySelector<SVGGElement>(`[data-node="${id}"]`)?.focus();
  };
  const menuNode = menu === null ? undefined : frame.nodes[menu - 1];
  const menuSpot = menu === null ? undefined : layout?.nodes[menu - 1];
  const selectedNode = selection?.kind === 'node' ? selection.id : null;
  const markScale = metrics
    ? Math.min(3, Math.max(1, (metrics.styles['rl-msg-glyph'].px / 14) * 1.3))
    : 1.3;
  const badge = metrics ? Math.max(9, metrics.styles['rl-fault-badge-text'].height * 0.6) : 12;

  return (
    <div className={reducedMotion ? 'rl-cluster rl-reduced' : 'rl-cluster'}>
      <div className="rl-cluster-stage" ref={stageRef}>
        <svg
          ref={svgRef}
          className="rl-cluster-svg"
          width={box?.width ?? 0}
          height={box?.height ?? 0}
          viewBox={box ? `0 0 ${box.width} ${box.height}` : undefined}
          role="group"
          aria-label={t('visual.cluster.label')}
        >
          <g ref={probeRef} className="rl-measure" aria-hidden="true" />
          {layout && (
            <Drawing
              {...{ frame, layout, t, selectedNode, menu, activate, toggleLink, select }}
              {...{ reducedMotion, selection, markScale, badge, texts, highlights }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={() => setStroke(null)}
            >
              {plan && metrics && (
                <>
                  <ClientBox layout={layout} metrics={metrics} focus={highlights.client} t={t} />
                  <LabelLayer
                    plan={plan}
                    texts={textByKey}
                    ownerClass={ownerClass}
                    metrics={metrics}
                  />
                </>
              )}
            </Drawing>
          )}
          {stroke && <StrokePreview points={stroke} />}
        </svg>
        {menuNode && menuSpot && layout && (
          <NodeMenu
            node={menuNode}
            x={menuSpot.x}
            y={menuSpot.y}
            clear={layout.haloRadius}
            width={layout.width}
            height={layout.height}
            leader={frame.facts.leader}
            t={t}
            onAction={(action) => {
              setMenu(null);
              onNodeAction(menuNode.id, action);
            }}
            onClose={closeMenu}
          />
        )}
      </div>
    </div>
  );
}

function ClientBox({
  layout,
  metrics,
  focus,
  t,
}: {
  layout: RingLayout;
  metrics: DrawingText;
  /** A lesson points at the client: a thick dashed outline around its box. */
  focus: boolean;
  t: Translate;
}) {
  const b = layout.clientBox;
  const style = metrics.styles['rl-client-label'];
  return (
    <g
      className={focus ? 'rl-client rl-client-focus' : 'rl-client'}
      data-highlight={focus ? 'focus' : undefined}
    >
      {focus && (
        <rect
          x={b.x - 3}
          y={b.y - 3}
          width={b.width + 6}
          height={b.height + 6}
          rx={10}
          className="rl-client-ring"
        />
      )}
      <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={8} className="rl-client-body" />
      <text
        className="rl-client-label"
        x={b.x + b.width / 2}
        y={b.y + (b.height - style.height) / 2 + style.ascent}
        textAnchor="middle"
      >
        {t('visual.cluster.client')}
      </text>
    </g>
  );
}

interface DrawingProps {
  frame: Frame;
  layout: RingLayout;
  t: Translate;
  reducedMotion: boolean;
  selection: Selection;
  selectedNode: number | null;
  menu: number | null;
  markScale: number;
  badge: number;
  texts: readonly LabelText[];
  highlights: Highlights;
  /** The client box and the labels: drawn above the nodes, below the messages. */
  children: ReactNode;
  activate(id: number): void;
  toggleLink(a: number, b: number): void;
  select(sel: Selection): void;
  onPointerDown(e: PointerEvent<SVGRectElement>): void;
  onPointerMove(e: PointerEvent): void;
  onPointerUp(): void;
  onPointerCancel(): void;
}

/** The drawing back to front: background, regions, links, timers, nodes, labels, messages. */
function Drawing(p: DrawingProps) {
  const { frame, layout, t } = p;
  const details = (id: number) =>
    p.texts
      .filter((l) => l.owner === id)
      .map((l) => l.variants[0]!.join(' '))
      .join('\n');
  return (
    <>
      <rect
        className="rl-cluster-bg"
        width={layout.width}
        height={layout.height}
        onPointerDown={p.onPointerDown}
        onPointerMove={p.onPointerMove}
        onPointerUp={p.onPointerUp}
        onPointerCancel={p.onPointerCancel}
      />
      <PartitionRegions layout={layout} groups={frame.network.groups} />
      <LinkLayer
        layout={layout}
        groups={frame.network.groups}
        cuts={frame.network.cuts}
        dropRate={frame.network.dropRate}
        highlighted={p.highlights.links}
        t={t}
        onToggleLink={p.toggleLink}
      />
      <NodeTimers
        nodes={frame.nodes}
        flights={frame.flights}
        layout={layout}
        reducedMotion={p.reducedMotion}
      />
      {frame.nodes.map((node) => {
        const spot = layout.nodes[node.id - 1];
        return spot ? (
          <NodeGlyph
            key={node.id}
            node={node}
            spot={spot}
            layout={layout}
            badge={p.badge}
            details={details(node.id)}
            tag={memberTagText(node, frame.facts, t)}
            selected={p.selectedNode === node.id}
            menuOpen={p.menu === node.id}
            focus={p.highlights.nodes.has(node.id)}
            broken={p.highlights.broken.nodes.has(node.id)}
            reducedMotion={p.reducedMotion}
            t={t}
            onActivate={p.activate}
          />
        ) : null;
      })}
      {p.children}
      <FlightLayer
        flights={frame.flights}
        layout={layout}
        markScale={p.markScale}
        selection={p.selection}
        emphasized={p.highlights.messages}
        t={t}
        onSelect={p.select}
      />
    </>
  );
}
