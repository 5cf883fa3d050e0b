/**
 * `Buffer.concat` for the request path. Node 20's own falls into a deoptimization loop in a
 * long-running server: V8 keeps its optimized code, which bails out on every call at a branch it
 * has no type feedback for (`--log-deopt` showed one bail-out per streamed request, 1.3 per request
 * in `scripts/bench/first-token.mjs`). This one is a plain copy loop.
 */
export function joinBuffers(parts: readonly Uint8Array[], total?: number): Buffer {
  let length = 0;
  if (total === undefined) for (const p of parts) length += p.length;
  else length = total; // the sum of the parts' lengths, when the caller has it
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
