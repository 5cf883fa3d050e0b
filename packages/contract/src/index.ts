export type { paths, components, operations } from './generated/types.gen.js';
export { openapiSpec } from './generated/spec.gen.js';
import type { components } from './generated/types.gen.js';
export type Schemas = components['schemas'];
