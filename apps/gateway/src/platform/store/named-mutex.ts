/** In-process mutual exclusion by name: the part of Store.withLock that every store shares. */
export class NamedMutex {
  /** Per name: a promise that settles when the current holder (and everyone queued) is done. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `fn` once every earlier `run` of the same name has finished; callers queue in order. */
  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.tails.set(name, tail);
    await before;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
