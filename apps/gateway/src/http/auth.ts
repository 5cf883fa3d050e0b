/**
 * Bearer authentication and domain resolution for every API route family:
 *   /v1/...                     the key's own domain
 *   /proxy/{domain_id}/v1/...   a named domain; the key must belong to it (a superadmin may act in any)
 *   /admin/v1/...               the platform API; roles are checked by each handler
 * The route (and the domain a proxy path names) comes from the path gate of the server kit
 * (`routeOf`), the one matcher both lanes use; a request it did not match never gets here.
 * Keys are never echoed, in errors or logs.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, pathOf, routeOf, unknownUrl } from '@cordon/server-kit';
import type { RequestContext } from './request-context.js';

export type Role = 'member' | 'admin' | 'superadmin';

export interface AuthenticatedKey {
  id: string;
  domain_id: string;
  role: Role;
  name?: string;
}

export interface AuthContext {
  key: AuthenticatedKey;
  /** The domain this request acts in. */
  domainId: string;
}

export interface AuthDeps {
  authenticate(secret: string): Promise<{ ok: true; key: AuthenticatedKey } | { ok: false; reason: string }> | { ok: true; key: AuthenticatedKey } | { ok: false; reason: string };
  getDomain(id: string): Promise<{ id: string; disabled: boolean } | null> | { id: string; disabled: boolean } | null;
}

export const NO_KEY =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
const BAD_KEY = 'Incorrect API key provided. You can create and manage keys with the admin API or the `cordon keys` command.';

export function unauthorized(message = BAD_KEY): ApiError {
  return new ApiError(401, message, 'invalid_api_key', null, { 'www-authenticate': 'Bearer' }, 'invalid_request_error');
}

/** The secret of an `Authorization: Bearer <secret>` header; null for any other spelling. */
export function bearerToken(header: string | undefined): string | null {
  const m = header === undefined ? null : /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/** Resolves the caller of a request into its context (key, domain), or throws the OpenAI-shaped 401/403/404. */
export function authenticator(deps: AuthDeps): (req: IncomingMessage, ctx: RequestContext) => Promise<void> {
  return async (req, ctx) => {
    const route = routeOf(req);
    if (!route) throw unknownUrl(req.method, pathOf(req.url ?? ''));
    const header = req.headers.authorization;
    if (header === undefined || header === '') throw unauthorized(NO_KEY);
    const secret = bearerToken(header);
    if (secret === null) throw unauthorized(BAD_KEY);
    const result = await deps.authenticate(secret);
    if (!result.ok) throw unauthorized(result.reason === 'expired' ? 'The API key provided has expired.' : result.reason === 'revoked' ? 'The API key provided has been revoked.' : BAD_KEY);
    const key = result.key;
    let domainId = key.domain_id;
    const wanted = route.proxyDomain;
    if (wanted !== undefined) {
      if (wanted !== key.domain_id && key.role !== 'superadmin') {
        throw new ApiError(403, 'This API key may not act in that domain.', 'domain_forbidden', 'domain_id');
      }
      domainId = wanted;
    }
    const domain = await deps.getDomain(domainId);
    if (!domain) throw new ApiError(404, `Unknown domain: '${domainId.slice(0, 64)}'.`, 'domain_not_found', 'domain_id');
    if (domain.disabled && !(route.op.family === 'admin' && key.role === 'superadmin')) {
      throw new ApiError(403, 'This domain is disabled.', 'domain_disabled', 'domain_id');
    }
    ctx.authenticate({ key, domainId });
  };
}

/** 403 unless the caller has one of the roles. */
export function requireRole(auth: AuthContext, ...roles: Role[]): void {
  if (!roles.includes(auth.key.role)) {
    throw new ApiError(403, `This operation needs the ${roles.join(' or ')} role.`, 'insufficient_role');
  }
}
