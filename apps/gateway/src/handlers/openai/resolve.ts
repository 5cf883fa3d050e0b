/** Resolves the model a request names, in the caller's domain: 404 model_not_found for unknown and forbidden alike. */
import { ApiError } from '@cordon/server-kit';
import type { RequestContext } from '../../http/request-context.js';
import { requireCapability, type Capability } from '../../engines/engine-set.js';
import type { Engine, ModelEntry } from '../../engines/types.js';
import type { HandlerDeps } from '../deps.js';

export function modelNotFound(id: string): ApiError {
  const shown = String(id).slice(0, 256);
  return new ApiError(404, `The model '${shown}' does not exist or you do not have access to it.`, 'model_not_found', 'model');
}

export async function resolveModel(
  deps: HandlerDeps,
  ctx: RequestContext,
  modelId: string,
  capability: Capability,
): Promise<{ model: ModelEntry; engine: Engine; domainId: string; keyId: string }> {
  const auth = ctx.auth;
  const model = await deps.platform.registry.getForDomain(modelId, auth.domainId);
  if (!model) throw modelNotFound(modelId);
  ctx.model = model.id;
  requireCapability(model, capability);
  const engine = deps.engines.for(model);
  return { model, engine, domainId: auth.domainId, keyId: auth.key.id };
}
