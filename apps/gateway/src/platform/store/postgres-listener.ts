/**
 * LISTEN/NOTIFY for the PostgreSQL store: one dedicated connection (outside the pool) that LISTENs
 * on every channel someone in this process subscribed to and hands each notification to its
 * handlers. It is opened by the first listen(); if it drops, it reconnects (with backoff), LISTENs
 * again on every channel and tells the subscribers (notifications sent meanwhile are lost).
 */
import pg from 'pg';
import { Channels } from './channels.js';
import type { PlatformLog } from '../log.js';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5000;

/** A channel name as an identifier (checkChannel allows nothing that needs escaping but the quote itself). */
const ident = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

export class PostgresListener {
  private readonly channels = new Channels();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = FIRST_RETRY_MS;
  private closed = false;
  /** Serializes LISTEN/UNLISTEN with (re)connecting, so a channel's state is never lost in between. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly log?: PlatformLog,
  ) {}

  /** Subscribes; resolves once the connection LISTENs on the channel. */
  async add(channel: string, fn: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
    const { first, remove } = this.channels.add(channel, fn, onReconnect);
    if (first) {
      try {
        await this.serially(async () => {
          const client = await this.connected();
          if (this.channels.has(channel)) await client.query(`LISTEN ${ident(channel)}`);
        });
      } catch (err) {
        remove();
        throw err;
      }
    }
    return async () => {
      if (!remove()) return;
      await this.serially(async () => {
        // Only when no one subscribed again meanwhile, and on a live connection (a new one
        // LISTENs only on the channels in use).
        if (this.channels.has(channel) || !this.client) return;
        await this.client.query(`UNLISTEN ${ident(channel)}`).catch(() => undefined);
      });
    };
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The live connection, opening one (and LISTENing on every channel in use) if there is none. */
  private connected(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    client.on('notification', (msg) => this.channels.deliver(msg.channel, msg.payload ?? ''));
    // An error on an idle connection is followed by 'end'; both mean "reconnect".
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.channels.names()) await client.query(`LISTEN ${ident(channel)}`);
    } catch (err) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error('The store is closed.');
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    return client;
  }

  private lost(client: pg.Client, err?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.on('error', () => undefined);
    if (this.closed) return;
    this.log?.warn({ err: err?.message }, 'the PostgreSQL notification connection was lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.closed || this.channels.names().length === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.serially(() => this.connected())
        .then(() => {
          this.log?.info({}, 'the PostgreSQL notification connection is back');
          this.channels.reconnected();
        })
        .catch(() => {
          this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
          this.scheduleReconnect();
        });
    }, this.retryMs);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const pending = this.connecting;
    if (pending) await pending.catch(() => undefined);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
