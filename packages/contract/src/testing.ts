/**
 * Validation against the contract, for tests: every JSON body and every stream event the gateway
 * sends must validate against the schema the contract gives for that operation. The validator
 * itself lives in validator.ts (production code uses it from there).
 */
export { createContractValidator, type ContractValidator } from './validator.js';
