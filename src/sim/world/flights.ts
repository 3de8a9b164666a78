// Who receives a message, when, and whether it is lost (simulator layer): each send draws its
// latency and its fate from the world's PRNG at the moment it is sent, in a fixed order, and
// queues one event — its delivery, or the moment it dies on the wire.
import type { Message } from '../../raft';
import type { Network } from '../network';
import type { Prng } from '../prng';
import type { LossReason } from '../trace';
import type { Queued, Schedule } from './schedule';

/** A message on the wire. `lostAt` is set when it dies before arriving. */
export interface Flight {
  readonly id: number;
  readonly message: Message;
  readonly sentAt: number;
  readonly arriveAt: number;
  lostAt: number | null;
  lossReason: LossReason | null;
}

export class Flights {
  /** The chance that the wire drops a message, 0…1 (the API validates it). */
  dropRate: number;
  private nextMessageId = 1;
  /** Per client→server link (from * 16 + to), when its last request arrives. */
  private readonly clientArrival = new Map<number, number>();

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
  send(message: Message, now: number): void {
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
    const flight: Flight = {
      id: this.nextMessageId++,
      message,
      sentAt: now,
      arriveAt,
      lostAt: null,
      lossReason: null,
    };
    if (!this.network.linkUp(message.from, message.to)) {
      flight.lostAt = now + Math.floor(latency / 2);
      flight.lossReason = 'partitioned';
    } else if (dropped) {
      flight.lostAt = now + Math.floor((latency * (this.prng.next() % 100)) / 100);
      flight.lossReason = 'dropped';
    }
    const at = flight.lostAt ?? arriveAt;
    this.schedule.add({ kind: flight.lostAt === null ? 'deliver' : 'lose', at, seq: 0, flight });
  }
}

/** Messages on the wire, by id in the order they were sent: each is a queued delivery or loss. */
export function flightsIn(queued: readonly Queued[]): ReadonlyMap<number, Flight> {
  const list: Flight[] = [];
  for (const e of queued) {
    if (e.kind === 'deliver' || e.kind === 'lose') list.push(e.flight);
  }
  list.sort((a, b) => a.id - b.id);
  return new Map(list.map((f) => [f.id, f]));
}
