/**
 * Notification channels, the part of Store.listen/notify that every store shares: the names and
 * payloads both stores accept, and the handlers subscribed in this process, by channel.
 */
import { StoreError } from './types.js';

/** PostgreSQL's identifier limit is 63 bytes; these characters need no escaping anywhere. */
const CHANNEL = /^[A-Za-z_][A-Za-z0-9_:.-]{0,62}$/;
/** PostgreSQL's limit on a NOTIFY payload is 8000 bytes (less than that, in fact, by one). */
export const MAX_PAYLOAD_BYTES = 7999;

export function checkChannel(channel: string): void {
  if (typeof channel !== 'string' || !CHANNEL.test(channel)) {
    throw new StoreError(`Not a valid notification channel name: ${JSON.stringify(String(channel).slice(0, 80))} (letters, digits, '_', ':', '.', '-'; at most 63).`);
  }
}

export function checkPayload(payload: string): void {
  if (typeof payload !== 'string' || Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    throw new StoreError(`A notification payload is a string of at most ${MAX_PAYLOAD_BYTES} bytes.`);
  }
}

interface Subscription {
  fn: (payload: string) => void;
  onReconnect?: () => void;
}

export class Channels {
  private readonly byChannel = new Map<string, Set<Subscription>>();

  /** Subscribes; returns whether it is the channel's first subscriber, and the way to unsubscribe. */
  add(channel: string, fn: (payload: string) => void, onReconnect?: () => void): { first: boolean; remove: () => boolean } {
    let subs = this.byChannel.get(channel);
    const first = !subs;
    if (!subs) this.byChannel.set(channel, (subs = new Set()));
    const sub: Subscription = { fn, ...(onReconnect ? { onReconnect } : {}) };
    subs.add(sub);
    let removed = false;
    /** Returns true when that was the channel's last subscriber. */
    const remove = () => {
      if (removed) return false;
      removed = true;
      subs.delete(sub);
      if (subs.size > 0 || this.byChannel.get(channel) !== subs) return false;
      this.byChannel.delete(channel);
      return true;
    };
    return { first, remove };
  }

  /** The channels someone listens on. */
  names(): string[] {
    return [...this.byChannel.keys()];
  }

  has(channel: string): boolean {
    return this.byChannel.has(channel);
  }

  /** Calls every handler of the channel, later (never on the caller's stack); exceptions are ignored. */
  deliver(channel: string, payload: string): void {
    const subs = this.byChannel.get(channel);
    if (!subs) return;
    for (const s of [...subs]) setImmediate(() => callQuietly(() => s.fn(payload)));
  }

  /** Tells every subscriber that notifications may have been missed. */
  reconnected(): void {
    for (const subs of this.byChannel.values()) {
      for (const s of subs) {
        const cb = s.onReconnect;
        if (cb) setImmediate(() => callQuietly(cb));
      }
    }
  }
}

function callQuietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // A handler's failure is its own (documented on Store.listen).
  }
}
