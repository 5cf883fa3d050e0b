/** Engines `openai-compatible` and `ollama` (OpenAI-wire upstreams): see openai-compatible.ts. */
export { OpenAICompatibleEngine, clientWantsUsage, type RawSseStream, type UpstreamEngineOptions } from './openai-compatible.js';
export { AllTargetsFailedError, isAllTargetsFailed, UpstreamError } from './errors.js';
export { DEFAULT_TUNING, socketTarget, type ResolvedTarget, type UpstreamSettings, type UpstreamTarget, type UpstreamTuning } from './settings.js';
export { PoolSet } from './pools.js';
export { SseParser } from './sse.js';
export { RawSseRewriter } from './raw.js';
export { forwardableHeaders, returnableHeaders } from './headers.js';
export type { ForwardedResponse, ForwardBody } from '../types.js';
