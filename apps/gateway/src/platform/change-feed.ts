/**
 * Change announcements between the instances that share one store. After a write has committed, the
 * service that made it announces the changed row's id on its channel (Store.notify; through a
 * transaction's handle, PostgreSQL sends it at commit and never on rollback); every instance's
 * services follow their channel (Store.listen) and drop what they cached about that id, so a
 * revoked key, a disabled domain, a changed model or policy takes effect everywhere at once.
 *
 * Payloads are ids (a key id, a domain id, a model id), never a secret. The caches keep their short
 * TTLs as the safety net: a notification sent while an instance's listening connection was down is
 * lost, so on reconnect each follower drops everything it cached.
 */
import type { Store } from './store/types.js';
import { errField, type PlatformLog } from './log.js';

export const CHANGE_CHANNELS = {
  keys: 'cordon.keys',
  domains: 'cordon.domains',
  models: 'cordon.models',
  policies: 'cordon.policies',
} as const;
export type ChangeChannel = (typeof CHANGE_CHANNELS)[keyof typeof CHANGE_CHANNELS];

/**
 * Announces that `id` changed. The write itself has succeeded: a failed announcement is logged,
 * not thrown (the other instances then see the change when their cache entry expires).
 */
export async function announceChange(store: Store, channel: ChangeChannel, id: string, log?: PlatformLog): Promise<void> {
  try {
    await store.notify(channel, id);
  } catch (err) {
    log?.warn({ err: errField(err), channel, id }, 'could not announce a change to the other instances; they see it when their cache expires');
  }
}

export interface ChangeFollower {
  /** One id changed (in this process or another). */
  changed(id: string): void;
  /** Notifications may have been missed: drop everything. */
  missed(): void;
}

/** Follows `channel` until the returned function is called. */
export function followChanges(store: Store, channel: ChangeChannel, follower: ChangeFollower): Promise<() => Promise<void>> {
  return store.listen(channel, (id) => follower.changed(id), () => follower.missed());
}
