/**
 * Where OpenAI-compatible servers differ from OpenAI on the wire, and what Cordon does about it.
 * Measured against llama.cpp's own `llama-server` (test/e2e/llama-server-upstream.test.ts).
 */

/**
 * Top-level fields of an answer or chunk that only the upstream's dialect has (llama.cpp: `timings`
 * on the last chunk or the whole answer, `prompt_progress`, `__verbose`). Cordon builds its own
 * envelope for whole answers, so they never reach a client there; in a passed-through stream they
 * ride the final usage chunk, which Cordon parses anyway, and are dropped from it.
 */
const UPSTREAM_ONLY_FIELDS = ['timings', 'prompt_progress', '__verbose'] as const;

/** Deletes the upstream-only fields; true when there was one. */
export function dropUpstreamOnlyFields(obj: Record<string, unknown>): boolean {
  let found = false;
  for (const k of UPSTREAM_ONLY_FIELDS) {
    if (k in obj) {
      delete obj[k];
      found = true;
    }
  }
  return found;
}

/** Upstream error `type`s (with no string `code`) that mean an OpenAI error `code`. */
const ERROR_CODES: Record<string, string> = {
  // llama-server: a prompt longer than the slot's context (HTTP 400).
  exceed_context_size_error: 'context_length_exceeded',
};

/** The OpenAI `code` of an upstream `{"error": {...}}`: its own when a string, else one its `type` means. */
export function errorCodeOf(e: Record<string, unknown>): string | null {
  if (typeof e.code === 'string') return e.code;
  return typeof e.type === 'string' ? (ERROR_CODES[e.type] ?? null) : null;
}
