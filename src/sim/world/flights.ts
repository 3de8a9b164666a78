// Who receives a message, when, and whether it is lost (simulator layer): each send draws its
// latency and its fate from the world's PRNG at the moment it is sent, in a fixed order, and
// queues one event — its delivery, or the moment it dies on the wire. A person may also hold a
// message at its receiver's door, release it, drop it or send a copy; none of that draws from
// the PRNG, so the rest of the run keeps its random fates.
import type { ConfigState, Message } from '../../raft';
import type { Network } from '../network';
import type { Prng } from '../prng';
import type { LossReason } from '../trace';
import { small } from '../small';
import type { Queued, Schedule } from './schedule';
import { flightEvent } from './schedule';

/** A message on the wire. `lostAt` is set when it dies before arriving. */
export interface Flight {
  readonly id: number;
  readonly message: Message;
  readonly sentAt: number;
  /** When it arrives by itself; a held message waits at the door past it until released. */
  readonly arriveAt: number;
  lostAt: number | null;
  lossReason: LossReason | null;
  /** Waiting at its receiver's door until a person releases it (not in the queue meanwhile). */
  held: boolean;
  /**
   * The ticket of the queued event that stands for it (its delivery or loss); 0 while held.
   * Holding, releasing or dropping a message issues a new ticket, so an event still in the queue
   * with an older one is stale and skipped.
   */
  ticket: number;
  /**
   * A leader's reply telling a client its request succeeded: the configuration the leader
   * counted when it answered (thesis §4.1), for the checkers; null for every other message.
   */
  readonly answeredWith: ConfigState | null;
}

export class Flights {
  /** The chance that the wire drops a message, 0…1 (the API validates it). */
  dropRate: number;
  private nextMessageId = 1;
  private nextTicket = 1;
  /** Per client→server link (from * 16 + to), when its last request arrives. */
  private readonly clientArrival = new Map<number, number>();
  /** Messages waiting at their receivers' doors, by id in the order they were held. */
  readonly held = new Map<number, Flight>();
  /** Manual delivery: every message that would arrive waits at the door instead. */
  manual = false;

  constructor(
    private readonly prng: Prng,
    private readonly network: Network,
    private readonly schedule: Schedule,
    private readonly latencyMs: readonly [number, number],
    dropRate: number,
  ) {
    this.dropRate = dropRate;
  }

  /** Puts a message on the wire: its latency, and whether (and where) it dies, are drawn now. */
  send(message: Message, now: number, answeredWith: ConfigState | null = null): void {
    const [min, max] = this.latencyMs;
    // Two draws per send, always in this order; a dropped message takes a third (where it dies).
    const latency = this.prng.intBetween(min, max);
    const dropped = this.prng.chance(this.dropRate);
    let arriveAt = now + latency;
    if (message.kind === 'ClientRequest') {
      // A client's requests to one server arrive in the order they were sent.
      const link = message.from * 16 + message.to;
      arriveAt = Math.max(arriveAt, this.clientArrival.get(link) ?? 0);
      this.clientArrival.set(link, arriveAt);
    }
    const flight = this.newFlight(message, now, arriveAt, answeredWith);
    if (!this.network.linkUp(message.from, message.to)) {
      flight.lostAt = small(now + Math.floor(latency / 2));
      flight.lossReason = 'partitioned';
    } else if (dropped) {
      flight.lostAt = small(now + Math.floor((latency * (this.prng.next() % 100)) / 100));
      flight.lossReason = 'dropped';
    }
    if (flight.lostAt !== null) this.queue(flight, 'lose', flight.lostAt);
    else if (this.manual) this.hold(flight);
    else this.queue(flight, 'deliver', arriveAt);
  }

  /** The message waits at its receiver's door; its queued delivery no longer counts. */
  hold(flight: Flight): void {
    flight.ticket = 0;
    flight.held = true;
    this.held.set(flight.id, flight);
  }

  /** A held message arrives now. */
  release(flight: Flight, now: number): void {
    this.held.delete(flight.id);
    flight.held = false;
    this.queue(flight, 'deliver', now);
  }

  /** A person drops the message: it dies now, wherever it was. */
  drop(flight: Flight, now: number): void {
    this.held.delete(flight.id);
    flight.held = false;
    flight.lostAt = now;
    flight.lossReason = 'dropped by hand';
    this.queue(flight, 'lose', now);
  }

  /**
   * A second copy of the message, sent now with the original's latency (no draw from the PRNG);
   * it waits at the door from the start when the original does, or in manual delivery.
   */
  duplicate(flight: Flight, now: number): Flight {
    const arriveAt = now + (flight.arriveAt - flight.sentAt);
    const copy = this.newFlight(flight.message, now, arriveAt, flight.answeredWith);
    if (flight.held || this.manual) this.hold(copy);
    else this.queue(copy, 'deliver', copy.arriveAt);
    return copy;
  }

  private newFlight(
    message: Message,
    now: number,
    arriveAt: number,
    answeredWith: ConfigState | null,
  ): Flight {
    const id = this.nextMessageId++;
    return {
      id,
      message,
      sentAt: now,
      arriveAt,
      lostAt: null,
      lossReason: null,
      held: false,
      ticket: 0,
      answeredWith,
    };
  }

  private queue(flight: Flight, kind: 'deliver' | 'lose', at: number): void {
    const ticket = this.nextTicket++;
    flight.ticket = ticket;
    this.schedule.add(flightEvent(kind, at, flight, ticket));
  }
}

/** Whether a queued delivery or loss still stands for its flight (see `Flight.ticket`). */
export function stands(e: { readonly flight: Flight; readonly ticket: number }): boolean {
  return e.flight.ticket === e.ticket;
}

/**
 * Messages on the wire, by id in the order they were sent: each queued delivery or loss that
 * still stands, and each message held at a door.
 */
export function flightsIn(
  queued: readonly Queued[],
  held: ReadonlyMap<number, Flight>,
): ReadonlyMap<number, Flight> {
  const list: Flight[] = [...held.values()];
  for (const e of queued) {
    if ((e.kind === 'deliver' || e.kind === 'lose') && stands(e)) list.push(e.flight);
  }
  list.sort((a, b) => a.id - b.id);
  return new Map(list.map((f) => [f.id, f]));
}
