export * from './generated/index.js';
export * from './lib/index.js';
