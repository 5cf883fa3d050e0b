/** GET /v1/models and GET /v1/models/{model}: what the caller's domain may use. */
import type { ModelEntry } from '../../engines/types.js';
import type { GatewayHandlers, HandlerDeps } from '../deps.js';
import { modelNotFound } from './resolve.js';

export const toOpenAiModel = (m: ModelEntry) => ({ id: m.id, object: 'model' as const, created: m.created, owned_by: m.owned_by, capabilities: m.capabilities });

export function modelHandlers(deps: HandlerDeps): Pick<GatewayHandlers, 'listModels' | 'retrieveModel'> {
  return {
    async listModels(_req, res, ctx) {
      const { domainId } = ctx.auth;
      const models = await deps.platform.registry.listForDomain(domainId);
      res.json({ object: 'list', data: models.map(toOpenAiModel) });
    },
    async retrieveModel(req, res, ctx) {
      const { domainId } = ctx.auth;
      const model = await deps.platform.registry.getForDomain(req.params.model, domainId);
      if (!model) throw modelNotFound(req.params.model);
      res.json(toOpenAiModel(model));
    },
  };
}
