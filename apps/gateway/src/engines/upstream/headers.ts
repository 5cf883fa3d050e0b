/** Which headers cross the gateway: client headers sent upstream, upstream headers returned to the client. */

/** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones the gateway owns; never forwarded. */
export const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'trailers',
  'transfer-encoding', 'upgrade', 'host',
]);
const GATEWAY_OWNED = new Set(['authorization', 'cookie', 'x-api-key', 'api-key', 'x-request-id', 'user-agent']);

/** Client headers safe to send upstream: no hop-by-hop, no credentials of the client. */
export function forwardableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const connectionListed = new Set(
    String(headers['connection'] ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (v === undefined || HOP_BY_HOP.has(name) || GATEWAY_OWNED.has(name) || connectionListed.has(name)) continue;
    out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Upstream response headers safe to hand back to the client. */
export function returnableHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (v === undefined || HOP_BY_HOP.has(name) || name === 'set-cookie' || name === 'content-length') continue;
    out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
