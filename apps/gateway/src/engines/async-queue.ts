/**
 * A push-based async iterable: callbacks push, the consumer iterates; return() cancels the producer.
 * There is no backpressure into the producer: the engines push from synchronous native callbacks
 * (llama.cpp tokens, whisper segments) that cannot wait. While the consumer waits (a client that
 * is not reading), items pile up here, bounded by the work itself (max_tokens and the context for a
 * generation, the audio's length for a transcription); the consumer's write timeout ends the wait,
 * and its return() aborts the producer and drops what was queued.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private failure: { err: unknown } | null = null;
  private ended = false;
  private onCancel: (() => void) | null = null;
  private rejectWaiting: ((err: unknown) => void) | null = null;

  /** Called once if the consumer stops iterating before the end. */
  cancelled(fn: () => void): void {
    this.onCancel = fn;
  }

  push(item: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      this.rejectWaiting = null;
      w({ value: item, done: false });
    } else this.items.push(item);
  }

  end(): void {
    this.ended = true;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w({ value: undefined, done: true });
    }
  }

  fail(err: unknown): void {
    if (this.ended) return;
    this.failure = { err };
    this.ended = true;
    if (this.rejectWaiting) {
      const r = this.rejectWaiting;
      this.waiting = null;
      this.rejectWaiting = null;
      r(err);
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.items.length) return Promise.resolve({ value: this.items.shift()!, done: false });
        if (this.failure) return Promise.reject(this.failure.err);
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          this.waiting = resolve;
          this.rejectWaiting = reject;
        });
      },
      return: () => {
        this.items = [];
        if (!this.ended) {
          this.ended = true;
          this.onCancel?.();
        }
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
