/**
 * The platform (admin) API. Roles:
 *   superadmin: everything, in every domain;
 *   admin:      its own domain's keys (not superadmin keys), policy (read) and usage; it may create
 *               member and admin keys, but rotate or revoke only member keys and its own key;
 *   member:     nothing here (403).
 * Anything of another domain is 404 to a domain admin, so nothing of one domain is visible from another.
 */
import { ApiError } from '@cordon/server-kit';
import { requireRole, type AuthContext } from '../../http/auth.js';
import type { RequestContext } from '../../http/request-context.js';
import type { components } from '@cordon/contract';
import type { ModelEntry, ModelState } from '../../engines/types.js';
import type { GatewayDeps, GatewayHandlers } from '../deps.js';
import { compileGuardrails, GuardrailConfigError } from '../../guardrails/index.js';
import { fullPolicy } from '../../platform/policies.js';
import { mayManageKey } from '../../platform/keys.js';

/** Keys on a page of listKeys when the caller names no `limit` (the contract's default). */
const KEYS_PAGE_DEFAULT = 100;

const notFound = (what: string, id: string, param: string) =>
  new ApiError(404, `No ${what} found with id '${String(id).slice(0, 128)}'.`, `${what.replace(/ /g, '_')}_not_found`, param);

/** A domain admin may only touch its own domain; anything else looks like it does not exist. */
function ownDomain(auth: AuthContext, domainId: string, what = 'domain', param = 'domain_id'): void {
  if (auth.key.role === 'superadmin') return;
  requireRole(auth, 'admin');
  if (domainId !== auth.key.domain_id) throw notFound(what, domainId, param);
}

export function toRegistryModel(m: ModelEntry, status?: ModelState): components['schemas']['RegistryModel'] {
  return { object: 'registry_model', ...m, ...(status ? { status } : {}) };
}

export function adminHandlers(deps: GatewayDeps): Partial<GatewayHandlers> {
  const { platform } = deps;
  const modelStatus = (m: ModelEntry) => deps.engines.get(m.engine)?.status(m);

  const keyInScope = async (auth: AuthContext, keyId: string) => {
    const key = await platform.keys.get(keyId);
    if (!key) throw notFound('key', keyId, 'key_id');
    if (auth.key.role !== 'superadmin') {
      requireRole(auth, 'admin');
      if (key.domain_id !== auth.key.domain_id || key.role === 'superadmin') throw notFound('key', keyId, 'key_id');
    }
    return key;
  };

  /**
   * A write the caller may make counts against its domain's admin writes per minute (superadmins: no limit).
   * Only the key writes are open to keys that are not a superadmin's; the rest answer 403 first.
   */
  const admitWrite = (ctx: RequestContext) => deps.enforcer.admitAdminWrite(ctx, deps.config.operations.adminWritesPerMinute);

  /** A key the caller may rotate or revoke (see mayManageKey); 403 for another admin's key. */
  const manageableKey = async (auth: AuthContext, keyId: string) => {
    const key = await keyInScope(auth, keyId);
    if (!mayManageKey(auth.key, key)) {
      throw new ApiError(403, "A domain admin may rotate or revoke only member keys and its own key, not another admin's.", 'insufficient_role', 'key_id');
    }
    return key;
  };

  return {
    // ---- domains
    async listDomains(_req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      res.json({ object: 'list', data: await platform.domains.list() });
    },
    async createDomain(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      res.status(201).json(await platform.domains.create(req.body));
    },
    async getDomain(req, res, ctx) {
      const auth = ctx.auth;
      ownDomain(auth, req.params.domain_id);
      const domain = await platform.domains.get(req.params.domain_id);
      if (!domain) throw notFound('domain', req.params.domain_id, 'domain_id');
      res.json(domain);
    },
    async updateDomain(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      const domain = await platform.domains.update(req.params.domain_id, req.body);
      if (!domain) throw notFound('domain', req.params.domain_id, 'domain_id');
      res.json(domain);
    },
    async getDomainPolicy(req, res, ctx) {
      const auth = ctx.auth;
      ownDomain(auth, req.params.domain_id);
      if (!(await platform.domains.get(req.params.domain_id))) throw notFound('domain', req.params.domain_id, 'domain_id');
      res.json(await platform.policies.get(req.params.domain_id));
    },
    async setDomainPolicy(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      if (!(await platform.domains.get(req.params.domain_id))) throw notFound('domain', req.params.domain_id, 'domain_id');
      try {
        compileGuardrails(fullPolicy(req.body).guardrails); // refuse a policy that would not compile
      } catch (err) {
        if (err instanceof GuardrailConfigError) throw new ApiError(400, err.message, 'invalid_value', err.param);
        throw err;
      }
      res.json(await platform.policies.set(req.params.domain_id, req.body));
    },

    // ---- keys
    async listKeys(req, res, ctx) {
      const auth = ctx.auth;
      let domainId = typeof req.query.domain_id === 'string' ? req.query.domain_id : undefined;
      if (auth.key.role !== 'superadmin') {
        requireRole(auth, 'admin');
        if (domainId && domainId !== auth.key.domain_id) throw notFound('domain', domainId, 'domain_id');
        domainId = auth.key.domain_id;
      }
      const limit = req.query.limit ?? KEYS_PAGE_DEFAULT;
      const keys = await platform.keys.list({
        domain_id: domainId,
        exclude_role: auth.key.role === 'superadmin' ? undefined : 'superadmin',
        after: req.query.after,
        limit: limit + 1,
      });
      const data = keys.slice(0, limit);
      res.json({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: keys.length > limit });
    },
    async createKey(req, res, ctx) {
      const auth = ctx.auth;
      const body = req.body as { domain_id?: string; name: string; role?: 'member' | 'admin' | 'superadmin'; expires_at?: number | null };
      const domainId = body.domain_id ?? auth.key.domain_id;
      const role = body.role ?? 'member';
      if (auth.key.role !== 'superadmin') {
        requireRole(auth, 'admin');
        if (domainId !== auth.key.domain_id) throw notFound('domain', domainId, 'domain_id');
        if (role === 'superadmin') throw new ApiError(403, 'Only a superadmin may create superadmin keys.', 'insufficient_role', 'role');
      }
      if (!(await platform.domains.get(domainId))) throw notFound('domain', domainId, 'domain_id');
      if (body.expires_at != null && body.expires_at <= Math.floor(Date.now() / 1000)) {
        throw new ApiError(400, "'expires_at' must be in the future.", 'invalid_value', 'expires_at');
      }
      await admitWrite(ctx);
      const { key, secret } = await platform.keys.create({ domain_id: domainId, name: body.name, role, expires_at: body.expires_at ?? null });
      res.status(201).json({ ...key, secret });
    },
    async getKey(req, res, ctx) {
      res.json(await keyInScope(ctx.auth, req.params.key_id));
    },
    async revokeKey(req, res, ctx) {
      await manageableKey(ctx.auth, req.params.key_id);
      await admitWrite(ctx);
      const key = await platform.keys.revoke(req.params.key_id);
      if (!key) throw notFound('key', req.params.key_id, 'key_id');
      res.json(key);
    },
    async rotateKey(req, res, ctx) {
      await manageableKey(ctx.auth, req.params.key_id);
      await admitWrite(ctx);
      const { key, secret } = await platform.keys.rotate(req.params.key_id);
      res.json({ ...key, secret });
    },

    // ---- the model registry (superadmin only)
    async listRegistryModels(_req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      const models = await platform.registry.list();
      res.json({ object: 'list', data: models.map((m) => toRegistryModel(m, modelStatus(m))) });
    },
    async createRegistryModel(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      const m = await platform.registry.add(req.body, deps.config.upstreams);
      res.status(201).json(toRegistryModel(m, modelStatus(m)));
    },
    async getRegistryModel(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      const m = await platform.registry.get(req.params.model);
      if (!m) throw notFound('model', req.params.model, 'model');
      res.json(toRegistryModel(m, modelStatus(m)));
    },
    async updateRegistryModel(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      const m = await platform.registry.update(req.params.model, req.body, deps.config.upstreams);
      if (!m) throw notFound('model', req.params.model, 'model');
      res.json(toRegistryModel(m, modelStatus(m)));
    },
    async deleteRegistryModel(req, res, ctx) {
      requireRole(ctx.auth, 'superadmin');
      const removed = await platform.registry.remove(req.params.model);
      if (!removed) throw notFound('model', req.params.model, 'model');
      res.json({ id: req.params.model, object: 'registry_model', deleted: true });
    },

    // ---- usage
    async getUsage(req, res, ctx) {
      const auth = ctx.auth;
      const q = req.query as { domain_id?: string; start?: number; end?: number; group_by?: string | string[] };
      let domainId = q.domain_id;
      if (auth.key.role !== 'superadmin') {
        requireRole(auth, 'admin');
        if (domainId && domainId !== auth.key.domain_id) throw notFound('domain', domainId, 'domain_id');
        domainId = auth.key.domain_id;
      }
      await platform.usage.flush();
      const groupBy = (q.group_by === undefined ? ['day', 'model', 'key'] : Array.isArray(q.group_by) ? q.group_by : [q.group_by]) as Array<'day' | 'model' | 'key'>;
      res.json(await platform.usage.report({ domain_id: domainId, start: q.start, end: q.end, group_by: groupBy }));
    },
  };
}
