/**
 * Sealed (end-to-end encrypted) requests on the gateway (docs/confidential.md, 4): the gateway
 * never opens them. It checks the envelope and the clear fields, resolves the model for the key's
 * domain, admits the request on its clear fields (a domain whose policy reads text refuses it),
 * forwards the body as it came to the model's engine host, relays the sealed answer as it comes,
 * and meters the usage the host reports in clear. `GET /v1/attestation` hands a client the
 * evidence of the host that serves a model.
 */
import { ApiError, type FastRequest, type GatewayResponse, type SealedRoutes } from '@cordon/server-kit';
import { CLEAR_FIELDS, ENVELOPE_FIELD, OUTPUT_POLICY_FIELD, SEALED_HEADER, SEALED_OPERATIONS, type ServedSealedOperation } from '@cordon/confidential/fields';
import type { Usage } from '../../engines/types.js';
import type { RequestContext } from '../../http/request-context.js';
import type { Capability } from '../../engines/engine-set.js';
import { forwardAsIs, type UsageTap } from '../../pipeline/forward.js';
import { requestJson } from '../../engines/upstream/request.js';
import { isRecord, usageInJson } from '../../records.js';
import type { GatewayDeps, GatewayHandlers } from '../deps.js';
import { modelNotFound, resolveModel } from './resolve.js';

/** Each operation an engine host opens sealed (all of them: the key type says so): its operationId, capability and usage endpoint. */
const SEALED_BY_OP: Record<ServedSealedOperation, { operationId: string; capability: Capability; endpoint: string }> = {
  '/chat/completions': { operationId: 'createChatCompletion', capability: 'chat', endpoint: 'chat.completions' },
  '/completions': { operationId: 'createCompletion', capability: 'completions', endpoint: 'completions' },
  '/embeddings': { operationId: 'createEmbedding', capability: 'embeddings', endpoint: 'embeddings' },
};
/** The same, by operationId, with the path the host serves the operation on. */
const SEALED = new Map(SEALED_OPERATIONS.map((op) => [SEALED_BY_OP[op].operationId, { op, ...SEALED_BY_OP[op] }]));

const B64U = /^[A-Za-z0-9_-]+$/;
/** The largest answer whose usage is read (a sealed JSON answer is read whole for it). */
const USAGE_READ_LIMIT = 64 * 1024 * 1024;

const invalid = (message: string, param: string) => new ApiError(400, message, 'invalid_value', param);

/** The envelope's shape and the clear fields (an allow-list): what the gateway can check of a sealed body. */
function checkSealed(operationId: string, body: unknown): ApiError | null {
  const s = SEALED.get(operationId);
  if (!s) {
    // The Responses API stores answers (`store`, `previous_response_id`): not for ciphertext yet.
    return new ApiError(400, 'This operation does not take encrypted requests yet: send it in clear.', 'unsupported_value', ENVELOPE_FIELD);
  }
  if (!isRecord(body)) return invalid('The body must be a JSON object.', ENVELOPE_FIELD);
  const env = body[ENVELOPE_FIELD];
  if (!isRecord(env) || env.version !== 1) return invalid(`'${ENVELOPE_FIELD}' must be an object with version 1, key_id, enc and ciphertext.`, ENVELOPE_FIELD);
  if (typeof env.key_id !== 'string' || !/^[0-9a-f]{64}$/.test(env.key_id)) return invalid(`'${ENVELOPE_FIELD}.key_id' must be the host key's SHA-256 in hex.`, `${ENVELOPE_FIELD}.key_id`);
  for (const k of ['enc', 'ciphertext']) {
    const v = env[k];
    if (typeof v !== 'string' || !B64U.test(v)) return invalid(`'${ENVELOPE_FIELD}.${k}' must be base64url.`, `${ENVELOPE_FIELD}.${k}`);
  }
  const clear = new Set(CLEAR_FIELDS[s.op]);
  for (const k of Object.keys(body)) {
    if (k !== ENVELOPE_FIELD && !clear.has(k)) return invalid(`'${k}' cannot be sent in clear with an encrypted request: seal it.`, k);
  }
  if (typeof body.model !== 'string' || body.model === '') return invalid("'model' must be a model id.", 'model');
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') return invalid("'stream' must be a boolean.", 'stream');
  for (const k of ['max_tokens', 'max_completion_tokens', 'n']) {
    const v = body[k];
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isInteger(v) || v < 1)) return invalid(`'${k}' must be a positive integer.`, k);
  }
  return null;
}

const violationsIn = (json: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(json);
    const v = isRecord(parsed) ? parsed.violations : null;
    return Array.isArray(v) ? v.filter((r): r is string => typeof r === 'string').slice(0, 100) : [];
  } catch {
    return [];
  }
};

/**
 * What the host reports in clear: the usage beside a sealed JSON answer or the stream chunk that
 * carried it, and the names of the output rules it applied (`violations`).
 */
function sealedUsageTap(streamed: boolean): UsageTap & { violations(): string[] } {
  let text = '';
  let usage: Usage | null = null;
  const rules: string[] = [];
  return {
    push(chunk) {
      // Sealed answers are ASCII (JSON around base64url): a chunk boundary never splits a character.
      text += chunk.toString('latin1');
      if (!streamed) {
        if (text.length > USAGE_READ_LIMIT) text = '';
        return;
      }
      for (let cut = text.indexOf('\n\n'); cut !== -1; cut = text.indexOf('\n\n')) {
        const event = text.slice(0, cut);
        text = text.slice(cut + 2);
        if (event.startsWith('data: {') && event.includes('"usage"')) usage = usageInJson(event.slice(6)) ?? usage;
        if (event.startsWith('data: {') && event.includes('"violations"')) rules.push(...violationsIn(event.slice(6)));
      }
    },
    usage: () => (streamed ? usage : usageInJson(text)),
    violations: () => (streamed ? rules : violationsIn(text)),
  };
}

/** The fast lane's sealed routes (server-kit's SealedRoutes). */
export function sealedRoutes(deps: GatewayDeps): SealedRoutes<RequestContext> {
  return {
    header: SEALED_HEADER,
    operations: new Set([...SEALED.keys(), 'createResponse']),
    check: checkSealed,
    async handler(req: FastRequest, res: GatewayResponse, ctx: RequestContext, operationId: string) {
      const s = SEALED.get(operationId)!;
      const body = isRecord(req.body) ? req.body : {};
      const first = await resolveModel(deps, ctx, String(body.model), s.capability);
      const forwardBody = first.engine.forwardBody?.bind(first.engine);
      // Only a Cordon engine host opens sealed requests: the embedded engines' models run in one; an
      // openai-compatible upstream may be one (registered with its token); anything else refuses them.
      if (!first.engine.attestation || !forwardBody) {
        throw new ApiError(400, `The model '${first.model.id}' does not run in a Cordon engine host, so it cannot take encrypted requests.`, 'model_not_supported', 'model');
      }
      const { [ENVELOPE_FIELD]: envelope, ...clear } = body;
      const sealedBytes = isRecord(envelope) && typeof envelope.ciphertext === 'string' ? envelope.ciphertext.length : 0;
      const streamed = body.stream === true;
      const { admission, outputRules } = await deps.enforcer.admitSealed(ctx, { body: clear, sealedBytes });
      // The domain's output rules go to the host, which reads the answer (it takes them off the body before opening it).
      const forwarded = outputRules ? Object.assign({}, body, { [OUTPUT_POLICY_FIELD]: outputRules }) : body;
      const tap = sealedUsageTap(streamed);
      try {
        await forwardAsIs(deps, res, ctx, first.model, forwardBody, {
          endpoint: s.endpoint,
          streamed,
          admission,
          path: s.op,
          headers: { 'content-type': 'application/json', [SEALED_HEADER]: '1' },
          // requestJson: a clear field nested thousands deep is the client's 400, not a stack overflow.
          body: Buffer.from(requestJson(forwarded)),
          usageTap: tap,
        });
      } finally {
        // The rules the host reports it applied (names only), counted as the gateway's own are.
        for (const rule of tap.violations()) deps.enforcer.violation(ctx, rule, 'output');
      }
    },
  };
}

/** GET /v1/attestation?model=<id>&nonce=<base64url>: the evidence of the engine host that serves the model. */
export function attestationHandlers(deps: GatewayDeps): Pick<GatewayHandlers, 'getAttestation'> {
  return {
    async getAttestation(req, res, ctx) {
      const { model: id, nonce } = req.query;
      const model = await deps.platform.registry.getForDomain(id, ctx.auth.domainId);
      if (!model) throw modelNotFound(id);
      ctx.model = model.id;
      const engine = deps.engines.for(model);
      if (!engine.attestation) throw new ApiError(400, `The model '${model.id}' does not run in a Cordon engine host, so it has no host key.`, 'model_not_supported', 'model');
      res.json(await engine.attestation(model, nonce, ctx));
    },
  };
}
