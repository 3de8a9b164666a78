// Messages in flight, each at (viewTime − sentAt)/(arriveAt − sentAt) along its curved path.
// Departure ports are computed once per layout and routes once per set of flights (messages sent
// at one instant fan out, see messagePath.ts); an animation frame only moves transforms. A lost message
// stops where it died and shows a fading red burst, kept briefly after the simulator has
// dropped it from the frame (useGhosts). It follows the view clock itself, so a tick moves only messages.
// Messages of a kind a lesson points at are drawn with a ring (FlightDot). A held message waits
// at its receiver's door (HeldMessages). Clicking a message inspects it and opens its menu
// (MessageMenu), drawn over the drawing beside the message.
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import type { FlightFrame } from '../../store/frame';
import type { Selection } from '../../store/selection';
import type { Translate } from '../i18n/types';
import type { MessageKind } from '../../sim';
import type { RingLayout } from '../../layout/ring';
import { flightProgress, flightRoutes, pointAt, portTable } from '../../layout/messagePath';
import { burstPath, crossPath } from '../../layout/shapes';
import { FlightDot } from './FlightDot';
import { HeldMessages, doorSpots } from './HeldMessages';
import { MessageMenu } from './MessageMenu';
import { useMessageMenu } from './useMessageMenu';
import { burstSpan, useGhosts } from './useGhosts';
import { useViewTime } from '../labContext';
import './messages.css';

interface Props {
  flights: readonly FlightFrame[];
  layout: RingLayout;
  /** Size of a message mark relative to 100 % text (see FlightMark). */
  markScale: number;
  selection: Selection;
  /** The kinds of message a lesson points at. */
  emphasized: ReadonlySet<MessageKind>;
  t: Translate;
  onSelect(sel: Selection): void;
}

const BURST = burstPath(9, 20);
const CROSS = crossPath(9);

export function FlightLayer(props: Props) {
  const { flights, layout, markScale, selection, emphasized, t, onSelect } = props;
  const viewTime = useViewTime();
  const ghosts = useGhosts(flights, viewTime);
  // Ports a mark's width apart (an AppendEntries mark is 30 wide at scale 1); marks stop their
  // reach (half an AppendEntries mark's diagonal, 18 at scale 1) clear of a node's name.
  const reach = 18 * markScale;
  const ports = useMemo(() => portTable(layout, 24 * markScale, reach), [layout, markScale, reach]);
  const all = useMemo(() => [...flights, ...ghosts], [flights, ghosts]);
  const routes = useMemo(
    () =>
      flightRoutes(
        layout,
        ports,
        all.map((f) => ({ id: f.id, from: f.message.from, to: f.message.to, sentAt: f.sentAt })),
        0.1,
        reach,
      ),
    [layout, ports, all, reach],
  );
  const selected = selection?.kind === 'flight' ? selection.id : null;
  const held = useMemo(() => flights.filter((f) => f.held), [flights]);
  const { ref, open, stage, activate, close, act } = useMessageMenu(flights, onSelect);
  // Where the open menu's message is drawn: at its door when held, else along its path.
  const menuFlight = flights.find((f) => f.id === open && f.lostAt === null);
  const menuPath = menuFlight && routes.get(menuFlight.id);
  const menuSpot =
    !menuFlight || !menuPath
      ? null
      : menuFlight.held
        ? doorSpots(held, routes, markScale).get(menuFlight.id)
        : pointAt(menuPath, flightProgress(menuFlight, viewTime).t);
  return (
    <g className="rl-flights" ref={ref}>
      <HeldMessages
        held={held}
        routes={routes}
        scale={markScale}
        selected={selected}
        menu={open}
        emphasized={emphasized}
        t={t}
        onActivate={activate}
      />
      {menuFlight &&
        menuSpot &&
        stage &&
        createPortal(
          <MessageMenu
            flight={menuFlight}
            x={menuSpot.x}
            y={menuSpot.y}
            clear={reach}
            width={layout.width}
            height={layout.height}
            t={t}
            onAction={(action) => act(menuFlight.id, action)}
            onClose={close}
          />,
          stage,
        )}
      {all.map((f) => {
        const path = routes.get(f.id);
        if (!path || f.held || viewTime < f.sentAt) return null;
        const { t: at, dead } = flightProgress(f, viewTime);
        const p = pointAt(path, at);
        if (dead) {
          const fade = 1 - (viewTime - f.lostAt!) / burstSpan(f);
          if (fade <= 0) return null;
          return (
            <g
              key={f.id}
              className="rl-dead"
              transform={`translate(${p.x},${p.y}) scale(${markScale})`}
              opacity={fade}
              aria-hidden="true"
            >
              <path className="rl-dead-burst" d={BURST} />
              <path className="rl-dead-cross" d={CROSS} />
            </g>
          );
        }
        return (
          <FlightDot
            key={f.id}
            flight={f}
            x={p.x}
            y={p.y}
            scale={markScale}
            selected={selected === f.id}
            focus={emphasized.has(f.message.kind)}
            menuOpen={open === f.id}
            t={t}
            onActivate={activate}
          />
        );
      })}
    </g>
  );
}
