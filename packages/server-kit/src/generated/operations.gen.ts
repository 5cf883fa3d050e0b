// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.

import type { operations } from '@cordon/contract';
import { bindHandler, type BoundHandler, type Handler, type OperationDef } from '../runtime.js';

/** Every operation of the contract, keyed by operationId: the route table. */
export const operationDefs = {
  listModels: { operationId: "listModels", method: "get", specPath: "/models", family: "openai", routes: ["/v1/models","/proxy/:domain_id/v1/models"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  retrieveModel: { operationId: "retrieveModel", method: "get", specPath: "/models/{model}", family: "openai", routes: ["/v1/models/:model","/proxy/:domain_id/v1/models/:model"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  createChatCompletion: { operationId: "createChatCompletion", method: "post", specPath: "/chat/completions", family: "openai", routes: ["/v1/chat/completions","/proxy/:domain_id/v1/chat/completions"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 200, streams: true },
  createCompletion: { operationId: "createCompletion", method: "post", specPath: "/completions", family: "openai", routes: ["/v1/completions","/proxy/:domain_id/v1/completions"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 200, streams: true },
  createEmbedding: { operationId: "createEmbedding", method: "post", specPath: "/embeddings", family: "openai", routes: ["/v1/embeddings","/proxy/:domain_id/v1/embeddings"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 200, streams: false },
  createResponse: { operationId: "createResponse", method: "post", specPath: "/responses", family: "openai", routes: ["/v1/responses","/proxy/:domain_id/v1/responses"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 200, streams: true },
  getResponse: { operationId: "getResponse", method: "get", specPath: "/responses/{response_id}", family: "openai", routes: ["/v1/responses/:response_id","/proxy/:domain_id/v1/responses/:response_id"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  deleteResponse: { operationId: "deleteResponse", method: "delete", specPath: "/responses/{response_id}", family: "openai", routes: ["/v1/responses/:response_id","/proxy/:domain_id/v1/responses/:response_id"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  createTranscription: { operationId: "createTranscription", method: "post", specPath: "/audio/transcriptions", family: "openai", routes: ["/v1/audio/transcriptions","/proxy/:domain_id/v1/audio/transcriptions"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: ["multipart/form-data"], bodyRequired: true, jsonBodyRequired: false, successStatus: 200, streams: true },
  createTranslation: { operationId: "createTranslation", method: "post", specPath: "/audio/translations", family: "openai", routes: ["/v1/audio/translations","/proxy/:domain_id/v1/audio/translations"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: ["multipart/form-data"], bodyRequired: true, jsonBodyRequired: false, successStatus: 200, streams: false },
  getAttestation: { operationId: "getAttestation", method: "get", specPath: "/attestation", family: "openai", routes: ["/v1/attestation","/proxy/:domain_id/v1/attestation"], servers: [{"url":"{base}/v1","prefix":"/v1","variables":[]},{"url":"{base}/proxy/{domain_id}/v1","prefix":"/proxy/{domain_id}/v1","variables":["domain_id"]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  listDomains: { operationId: "listDomains", method: "get", specPath: "/admin/v1/domains", family: "admin", routes: ["/admin/v1/domains"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  createDomain: { operationId: "createDomain", method: "post", specPath: "/admin/v1/domains", family: "admin", routes: ["/admin/v1/domains"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 201, streams: false },
  getDomain: { operationId: "getDomain", method: "get", specPath: "/admin/v1/domains/{domain_id}", family: "admin", routes: ["/admin/v1/domains/:domain_id"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  updateDomain: { operationId: "updateDomain", method: "patch", specPath: "/admin/v1/domains/{domain_id}", family: "admin", routes: ["/admin/v1/domains/:domain_id"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: false, successStatus: 200, streams: false },
  getDomainPolicy: { operationId: "getDomainPolicy", method: "get", specPath: "/admin/v1/domains/{domain_id}/policy", family: "admin", routes: ["/admin/v1/domains/:domain_id/policy"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  setDomainPolicy: { operationId: "setDomainPolicy", method: "put", specPath: "/admin/v1/domains/{domain_id}/policy", family: "admin", routes: ["/admin/v1/domains/:domain_id/policy"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: false, successStatus: 200, streams: false },
  listKeys: { operationId: "listKeys", method: "get", specPath: "/admin/v1/keys", family: "admin", routes: ["/admin/v1/keys"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  createKey: { operationId: "createKey", method: "post", specPath: "/admin/v1/keys", family: "admin", routes: ["/admin/v1/keys"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 201, streams: false },
  getKey: { operationId: "getKey", method: "get", specPath: "/admin/v1/keys/{key_id}", family: "admin", routes: ["/admin/v1/keys/:key_id"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  revokeKey: { operationId: "revokeKey", method: "post", specPath: "/admin/v1/keys/{key_id}/revoke", family: "admin", routes: ["/admin/v1/keys/:key_id/revoke"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  rotateKey: { operationId: "rotateKey", method: "post", specPath: "/admin/v1/keys/{key_id}/rotate", family: "admin", routes: ["/admin/v1/keys/:key_id/rotate"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  listRegistryModels: { operationId: "listRegistryModels", method: "get", specPath: "/admin/v1/models", family: "admin", routes: ["/admin/v1/models"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  createRegistryModel: { operationId: "createRegistryModel", method: "post", specPath: "/admin/v1/models", family: "admin", routes: ["/admin/v1/models"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: true, successStatus: 201, streams: false },
  getRegistryModel: { operationId: "getRegistryModel", method: "get", specPath: "/admin/v1/models/{model}", family: "admin", routes: ["/admin/v1/models/:model"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  deleteRegistryModel: { operationId: "deleteRegistryModel", method: "delete", specPath: "/admin/v1/models/{model}", family: "admin", routes: ["/admin/v1/models/:model"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
  updateRegistryModel: { operationId: "updateRegistryModel", method: "patch", specPath: "/admin/v1/models/{model}", family: "admin", routes: ["/admin/v1/models/:model"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: ["application/json"], bodyRequired: true, jsonBodyRequired: false, successStatus: 200, streams: false },
  getUsage: { operationId: "getUsage", method: "get", specPath: "/admin/v1/usage", family: "admin", routes: ["/admin/v1/usage"], servers: [{"url":"{base}","prefix":"","variables":[]}], requestContentTypes: [], bodyRequired: false, jsonBodyRequired: false, successStatus: 200, streams: false },
} as const satisfies Record<string, OperationDef>;

export type OperationId = keyof typeof operationDefs;

/** One typed handler slot per operation; `C` is the per-request context. An operation without a handler answers 501. */
export interface Handlers<C> {
  /** GET /models — List models */
  listModels?: Handler<operations["listModels"], C>;
  /** GET /models/{model} — Retrieve a model */
  retrieveModel?: Handler<operations["retrieveModel"], C>;
  /** POST /chat/completions — Create chat completion */
  createChatCompletion?: Handler<operations["createChatCompletion"], C>;
  /** POST /completions — Create completion */
  createCompletion?: Handler<operations["createCompletion"], C>;
  /** POST /embeddings — Create embeddings */
  createEmbedding?: Handler<operations["createEmbedding"], C>;
  /** POST /responses — Create a model response */
  createResponse?: Handler<operations["createResponse"], C>;
  /** GET /responses/{response_id} — Get a model response */
  getResponse?: Handler<operations["getResponse"], C>;
  /** DELETE /responses/{response_id} — Delete a model response */
  deleteResponse?: Handler<operations["deleteResponse"], C>;
  /** POST /audio/transcriptions — Create transcription */
  createTranscription?: Handler<operations["createTranscription"], C>;
  /** POST /audio/translations — Create translation */
  createTranslation?: Handler<operations["createTranslation"], C>;
  /** GET /attestation — Get the engine host's key and evidence */
  getAttestation?: Handler<operations["getAttestation"], C>;
  /** GET /admin/v1/domains — List domains */
  listDomains?: Handler<operations["listDomains"], C>;
  /** POST /admin/v1/domains — Create a domain */
  createDomain?: Handler<operations["createDomain"], C>;
  /** GET /admin/v1/domains/{domain_id} — Get a domain */
  getDomain?: Handler<operations["getDomain"], C>;
  /** PATCH /admin/v1/domains/{domain_id} — Update a domain */
  updateDomain?: Handler<operations["updateDomain"], C>;
  /** GET /admin/v1/domains/{domain_id}/policy — Get a domain policy */
  getDomainPolicy?: Handler<operations["getDomainPolicy"], C>;
  /** PUT /admin/v1/domains/{domain_id}/policy — Set a domain policy */
  setDomainPolicy?: Handler<operations["setDomainPolicy"], C>;
  /** GET /admin/v1/keys — List keys */
  listKeys?: Handler<operations["listKeys"], C>;
  /** POST /admin/v1/keys — Create a key */
  createKey?: Handler<operations["createKey"], C>;
  /** GET /admin/v1/keys/{key_id} — Get a key */
  getKey?: Handler<operations["getKey"], C>;
  /** POST /admin/v1/keys/{key_id}/revoke — Revoke a key */
  revokeKey?: Handler<operations["revokeKey"], C>;
  /** POST /admin/v1/keys/{key_id}/rotate — Rotate a key */
  rotateKey?: Handler<operations["rotateKey"], C>;
  /** GET /admin/v1/models — List registry models */
  listRegistryModels?: Handler<operations["listRegistryModels"], C>;
  /** POST /admin/v1/models — Register a model */
  createRegistryModel?: Handler<operations["createRegistryModel"], C>;
  /** GET /admin/v1/models/{model} — Get a registry model */
  getRegistryModel?: Handler<operations["getRegistryModel"], C>;
  /** DELETE /admin/v1/models/{model} — Remove a registry model */
  deleteRegistryModel?: Handler<operations["deleteRegistryModel"], C>;
  /** PATCH /admin/v1/models/{model} — Update a registry model */
  updateRegistryModel?: Handler<operations["updateRegistryModel"], C>;
  /** GET /admin/v1/usage — Get usage */
  getUsage?: Handler<operations["getUsage"], C>;
}

/** Each given handler bound to its operation's types, by operationId (what the adapters call). */
export function bindHandlers<C>(handlers: Handlers<C>): Partial<Record<OperationId, BoundHandler<C>>> {
  return {
    listModels: handlers.listModels && bindHandler(handlers.listModels),
    retrieveModel: handlers.retrieveModel && bindHandler(handlers.retrieveModel),
    createChatCompletion: handlers.createChatCompletion && bindHandler(handlers.createChatCompletion),
    createCompletion: handlers.createCompletion && bindHandler(handlers.createCompletion),
    createEmbedding: handlers.createEmbedding && bindHandler(handlers.createEmbedding),
    createResponse: handlers.createResponse && bindHandler(handlers.createResponse),
    getResponse: handlers.getResponse && bindHandler(handlers.getResponse),
    deleteResponse: handlers.deleteResponse && bindHandler(handlers.deleteResponse),
    createTranscription: handlers.createTranscription && bindHandler(handlers.createTranscription),
    createTranslation: handlers.createTranslation && bindHandler(handlers.createTranslation),
    getAttestation: handlers.getAttestation && bindHandler(handlers.getAttestation),
    listDomains: handlers.listDomains && bindHandler(handlers.listDomains),
    createDomain: handlers.createDomain && bindHandler(handlers.createDomain),
    getDomain: handlers.getDomain && bindHandler(handlers.getDomain),
    updateDomain: handlers.updateDomain && bindHandler(handlers.updateDomain),
    getDomainPolicy: handlers.getDomainPolicy && bindHandler(handlers.getDomainPolicy),
    setDomainPolicy: handlers.setDomainPolicy && bindHandler(handlers.setDomainPolicy),
    listKeys: handlers.listKeys && bindHandler(handlers.listKeys),
    createKey: handlers.createKey && bindHandler(handlers.createKey),
    getKey: handlers.getKey && bindHandler(handlers.getKey),
    revokeKey: handlers.revokeKey && bindHandler(handlers.revokeKey),
    rotateKey: handlers.rotateKey && bindHandler(handlers.rotateKey),
    listRegistryModels: handlers.listRegistryModels && bindHandler(handlers.listRegistryModels),
    createRegistryModel: handlers.createRegistryModel && bindHandler(handlers.createRegistryModel),
    getRegistryModel: handlers.getRegistryModel && bindHandler(handlers.getRegistryModel),
    deleteRegistryModel: handlers.deleteRegistryModel && bindHandler(handlers.deleteRegistryModel),
    updateRegistryModel: handlers.updateRegistryModel && bindHandler(handlers.updateRegistryModel),
    getUsage: handlers.getUsage && bindHandler(handlers.getUsage),
  };
}
