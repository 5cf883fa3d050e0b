/**
 * Which fields of a request stay in clear, and the protocol's names: no cryptography here, so the
 * gateway (which never opens anything) imports this part alone (`@cordon/confidential/fields`).
 */
/** The operations a request may be sealed for (paths without the server prefix). */
export type SealedOperation = '/chat/completions' | '/completions' | '/embeddings' | '/responses';

/**
 * The operations an engine host opens sealed requests for, longest first ('/chat/completions' ends
 * with '/completions'). The Responses API has its clear fields below; no host serves it sealed yet.
 */
export const SEALED_OPERATIONS = ['/chat/completions', '/completions', '/embeddings'] as const satisfies readonly SealedOperation[];
export type ServedSealedOperation = (typeof SEALED_OPERATIONS)[number];

/** A request path as its base and the sealed operation it ends with ('/proxy/d/v1/embeddings': '/proxy/d/v1', '/embeddings'), or null. */
export function splitSealedPath(path: string): { base: string; op: ServedSealedOperation } | null {
  for (const op of SEALED_OPERATIONS) if (path.endsWith(op)) return { base: path.slice(0, -op.length), op };
  return null;
}

const SAMPLING = ['model', 'stream', 'stream_options', 'n', 'temperature', 'top_p', 'seed', 'stop', 'frequency_penalty', 'presence_penalty', 'logprobs', 'top_logprobs'];

/**
 * The fields left in clear, per operation, for routing, limits and metering: an allow-list, so a
 * field Cordon does not know is sealed.
 */
export const CLEAR_FIELDS: Record<SealedOperation, readonly string[]> = {
  '/chat/completions': [...SAMPLING, 'max_tokens', 'max_completion_tokens', 'parallel_tool_calls', 'service_tier', 'reasoning_effort'],
  '/completions': [...SAMPLING, 'max_tokens', 'echo', 'best_of'],
  '/embeddings': ['model', 'encoding_format', 'dimensions'],
  '/responses': ['model', 'stream', 'max_output_tokens', 'temperature', 'top_p', 'store', 'service_tier'],
};

export const ENVELOPE_FIELD = 'cordon_encrypted';
/** The client's clock, sealed with the fields (replay protection). */
export const SENT_AT = 'cordon_sent_at';

/** The header that marks a sealed request. */
export const SEALED_HEADER = 'x-cordon-encrypted';


/**
 * Added by the gateway beside the envelope (not bound to it): the domain's output guardrails, for
 * the engine host to apply to the answer it seals. The host takes it off before opening the request.
 */
export const OUTPUT_POLICY_FIELD = 'cordon_output_policy';
