/** Engine `llama-cpp` (GGUF models in this process): see engine.ts. */
export { LlamaCppEngine } from './engine.js';
export type { LlamaCppOptions } from './models.js';
