export * from './errors.js';
export * from './suite.js';
export * from './base64url.js';
export * from './canonical-json.js';
export * from './replay.js';
export * from './answer.js';
export * from './request.js';
export * from './attestation.js';
