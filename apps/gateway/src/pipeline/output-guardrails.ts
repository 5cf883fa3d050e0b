/**
 * The output guardrails of the pipeline: the domain's output rules applied to each choice's text as
 * it streams. PII is masked; a blocked term ends that choice with finish_reason content_filter (and,
 * when every choice is blocked, stops the engine).
 */
import type { Usage } from '../engines/types.js';
import type { Admission } from '../policy/enforcer.js';

/** What an engine call yields: pieces of choices, and the usage at the end. */
export type PieceEvent<C> = { type: 'choice'; choice: C } | { type: 'usage'; usage: Usage };

/** How to read and rewrite the text of one choice piece (chat: delta.content; completions: text). */
export interface ChoiceText<C> {
  index(c: C): number;
  text(c: C): string | null | undefined;
  finish(c: C): string | null;
  /** The piece with its text replaced (and, for a blocked output, finish_reason content_filter); null to drop it. */
  rewrite(c: C, text: string, finish: string | null): C | null;
}

export async function* filterOutput<C>(
  events: AsyncIterable<PieceEvent<C>>,
  admission: Admission,
  g: ChoiceText<C>,
  onViolation: (rule: string) => void,
  choices = 1,
): AsyncGenerator<PieceEvent<C>> {
  const filters = new Map<number, ReturnType<Admission['outputFilter']>>();
  const stopped = new Set<number>();
  for await (const ev of events) {
    if (ev.type === 'usage') {
      yield ev;
      continue;
    }
    const c = ev.choice;
    const i = g.index(c);
    if (stopped.has(i)) continue;
    let f = filters.get(i);
    if (f === undefined) {
      f = admission.outputFilter();
      filters.set(i, f);
    }
    if (!f) {
      yield ev;
      continue;
    }
    const raw = g.text(c);
    let out = raw ? f.push(raw) : { text: '' };
    const fin = g.finish(c);
    if (!out.blocked && fin) {
      const rest = f.end();
      out = { text: out.text + rest.text, blocked: rest.blocked, masked: [...(out.masked ?? []), ...(rest.masked ?? [])] };
    }
    for (const rule of out.masked ?? []) onViolation(rule);
    if (out.blocked) {
      onViolation(out.blocked);
      stopped.add(i);
      const last = g.rewrite(c, out.text, 'content_filter');
      if (last) yield { type: 'choice', choice: last };
      if (stopped.size >= choices) return; // every choice is blocked: stop the engine
      continue;
    }
    const next = g.rewrite(c, out.text, fin);
    if (next) yield { type: 'choice', choice: next };
  }
}
