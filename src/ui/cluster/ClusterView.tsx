// The cluster as an SVG that scales to its container: nodes on a ring, the links between them,
// partition regions, messages in flight and the client. Purely presentational: it reads a Frame
// and reports what the person did (select, node actions, partition strokes, link clicks).
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import type { Frame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import type { Point } from '../../layout/ring';
import { VIEW_HEIGHT, VIEW_WIDTH, ringLayout } from '../../layout/ring';
import { isStroke, splitGroups } from '../../layout/partition';
import { LinkLayer } from './LinkLayer';
import { PartitionRegions, StrokePreview } from './PartitionRegions';
import { NodeGlyph } from './NodeGlyph';
import { NodeTimers } from './NodeTimers';
import { FlightLayer } from './FlightLayer';
import { NodeMenu } from './NodeMenu';
import type { NodeAction } from './NodeMenu';

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

export function ClusterView(props: ClusterViewProps) {
  const { frame, reducedMotion, t, selection, onNodeAction, onPartition } = props;
  const svgRef = useRef<SVGSVGElement>(null);
  // The latest callbacks, behind stable wrappers, so memoized layers skip re-rendering even
  // when the parent passes fresh arrow functions on every animation frame.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const select = useCallback((sel: Selection) => latest.current.onSelect(sel), []);
  const toggleLink = useCallback((a: number, b: number) => latest.current.onToggleLink(a, b), []);
  const layout = useMemo(() => ringLayout(frame.nodes.length), [frame.nodes.length]);
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
    if (stroke && isStroke(stroke)) {
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
  const menuSpot = menu === null ? undefined : layout.nodes[menu - 1];
  const selectedNode = selection?.kind === 'node' ? selection.id : null;

  return (
    <div className={reducedMotion ? 'rl-cluster rl-reduced' : 'rl-cluster'}>
      <div
        className="rl-cluster-stage"
        style={{ ['--rl-view-aspect' as string]: VIEW_WIDTH / VIEW_HEIGHT }}
      >
        <svg
          ref={svgRef}
          className="rl-cluster-svg"
          viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
          preserveAspectRatio="xMidYMid meet"
          role="group"
          aria-label={t('visual.cluster.label')}
        >
          <rect
            className="rl-cluster-bg"
            width={VIEW_WIDTH}
            height={VIEW_HEIGHT}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setStroke(null)}
          />
          <PartitionRegions layout={layout} groups={frame.network.groups} />
          <LinkLayer
            layout={layout}
            groups={frame.network.groups}
            cuts={frame.network.cuts}
            t={t}
            onToggleLink={toggleLink}
          />
          <g className="rl-client" transform={`translate(${layout.client.x},${layout.client.y})`}>
            <rect x={-44} y={-24} width={88} height={48} rx={8} className="rl-client-body" />
            <text className="rl-client-label" dy="0.35em" textAnchor="middle">
              {t('visual.cluster.client')}
            </text>
          </g>
          <NodeTimers
            nodes={frame.nodes}
            flights={frame.flights}
            layout={layout}
            reducedMotion={reducedMotion}
          />
          {frame.nodes.map((node) => {
            const spot = layout.nodes[node.id - 1];
            return spot ? (
              <NodeGlyph
                key={node.id}
                node={node}
                spot={spot}
                layout={layout}
                selected={selectedNode === node.id}
                menuOpen={menu === node.id}
                t={t}
                onActivate={activate}
              />
            ) : null;
          })}
          <FlightLayer
            flights={frame.flights}
            layout={layout}
            selection={selection}
            t={t}
            onSelect={select}
          />
          {stroke && <StrokePreview points={stroke} />}
        </svg>
        {menuNode && menuSpot && (
          <NodeMenu
            node={menuNode}
            left={(menuSpot.x / VIEW_WIDTH) * 100}
            top={(menuSpot.y / VIEW_HEIGHT) * 100}
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
