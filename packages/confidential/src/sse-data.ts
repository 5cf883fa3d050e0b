/** Server-sent events as they arrive: each complete event's `data:` lines, joined by line feeds. */
export class SseDataSplitter {
  private pending = '';

  /** The data of every event that `text` completes (an event with no data gives ''). */
  push(text: string): string[] {
    this.pending += text;
    const out: string[] = [];
    for (let cut = this.pending.indexOf('\n\n'); cut !== -1; cut = this.pending.indexOf('\n\n')) {
      const event = this.pending.slice(0, cut);
      this.pending = this.pending.slice(cut + 2);
      out.push(
        event
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(l[5] === ' ' ? 6 : 5))
          .join('\n'),
      );
    }
    return out;
  }
}
