// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.

import type { Router } from 'express';
import type { operations } from '@cordon/contract';
import type { Handler, OperationDef, WrapHandler } from '../runtime.js';

/** Every operation of the contract, keyed by operationId. */
export const operationDefs = {
  listModels: { operationId: "listModels", method: "get", specPath: "/models", family: "openai", routes: ["/v1/models","/proxy/:domain_id/v1/models"], requestContentTypes: [], successStatus: 200, streams: false },
  retrieveModel: { operationId: "retrieveModel", method: "get", specPath: "/models/{model}", family: "openai", routes: ["/v1/models/:model","/proxy/:domain_id/v1/models/:model"], requestContentTypes: [], successStatus: 200, streams: false },
  createChatCompletion: { operationId: "createChatCompletion", method: "post", specPath: "/chat/completions", family: "openai", routes: ["/v1/chat/completions","/proxy/:domain_id/v1/chat/completions"], requestContentTypes: ["application/json"], successStatus: 200, streams: true },
  createCompletion: { operationId: "createCompletion", method: "post", specPath: "/completions", family: "openai", routes: ["/v1/completions","/proxy/:domain_id/v1/completions"], requestContentTypes: ["application/json"], successStatus: 200, streams: true },
  createEmbedding: { operationId: "createEmbedding", method: "post", specPath: "/embeddings", family: "openai", routes: ["/v1/embeddings","/proxy/:domain_id/v1/embeddings"], requestContentTypes: ["application/json"], successStatus: 200, streams: false },
  createResponse: { operationId: "createResponse", method: "post", specPath: "/responses", family: "openai", routes: ["/v1/responses","/proxy/:domain_id/v1/responses"], requestContentTypes: ["application/json"], successStatus: 200, streams: true },
  getResponse: { operationId: "getResponse", method: "get", specPath: "/responses/{response_id}", family: "openai", routes: ["/v1/responses/:response_id","/proxy/:domain_id/v1/responses/:response_id"], requestContentTypes: [], successStatus: 200, streams: false },
  deleteResponse: { operationId: "deleteResponse", method: "delete", specPath: "/responses/{response_id}", family: "openai", routes: ["/v1/responses/:response_id","/proxy/:domain_id/v1/responses/:response_id"], requestContentTypes: [], successStatus: 200, streams: false },
  createTranscription: { operationId: "createTranscription", method: "post", specPath: "/audio/transcriptions", family: "openai", routes: ["/v1/audio/transcriptions","/proxy/:domain_id/v1/audio/transcriptions"], requestContentTypes: ["multipart/form-data"], successStatus: 200, streams: true },
  createTranslation: { operationId: "createTranslation", method: "post", specPath: "/audio/translations", family: "openai", routes: ["/v1/audio/translations","/proxy/:domain_id/v1/audio/translations"], requestContentTypes: ["multipart/form-data"], successStatus: 200, streams: false },
  listDomains: { operationId: "listDomains", method: "get", specPath: "/admin/v1/domains", family: "admin", routes: ["/admin/v1/domains"], requestContentTypes: [], successStatus: 200, streams: false },
  createDomain: { operationId: "createDomain", method: "post", specPath: "/admin/v1/domains", family: "admin", routes: ["/admin/v1/domains"], requestContentTypes: ["application/json"], successStatus: 201, streams: false },
  getDomain: { operationId: "getDomain", method: "get", specPath: "/admin/v1/domains/{domain_id}", family: "admin", routes: ["/admin/v1/domains/:domain_id"], requestContentTypes: [], successStatus: 200, streams: false },
  updateDomain: { operationId: "updateDomain", method: "patch", specPath: "/admin/v1/domains/{domain_id}", family: "admin", routes: ["/admin/v1/domains/:domain_id"], requestContentTypes: ["application/json"], successStatus: 200, streams: false },
  getDomainPolicy: { operationId: "getDomainPolicy", method: "get", specPath: "/admin/v1/domains/{domain_id}/policy", family: "admin", routes: ["/admin/v1/domains/:domain_id/policy"], requestContentTypes: [], successStatus: 200, streams: false },
  setDomainPolicy: { operationId: "setDomainPolicy", method: "put", specPath: "/admin/v1/domains/{domain_id}/policy", family: "admin", routes: ["/admin/v1/domains/:domain_id/policy"], requestContentTypes: ["application/json"], successStatus: 200, streams: false },
  listKeys: { operationId: "listKeys", method: "get", specPath: "/admin/v1/keys", family: "admin", routes: ["/admin/v1/keys"], requestContentTypes: [], successStatus: 200, streams: false },
  createKey: { operationId: "createKey", method: "post", specPath: "/admin/v1/keys", family: "admin", routes: ["/admin/v1/keys"], requestContentTypes: ["application/json"], successStatus: 201, streams: false },
  getKey: { operationId: "getKey", method: "get", specPath: "/admin/v1/keys/{key_id}", family: "admin", routes: ["/admin/v1/keys/:key_id"], requestContentTypes: [], successStatus: 200, streams: false },
  revokeKey: { operationId: "revokeKey", method: "post", specPath: "/admin/v1/keys/{key_id}/revoke", family: "admin", routes: ["/admin/v1/keys/:key_id/revoke"], requestContentTypes: [], successStatus: 200, streams: false },
  rotateKey: { operationId: "rotateKey", method: "post", specPath: "/admin/v1/keys/{key_id}/rotate", family: "admin", routes: ["/admin/v1/keys/:key_id/rotate"], requestContentTypes: [], successStatus: 200, streams: false },
  listRegistryModels: { operationId: "listRegistryModels", method: "get", specPath: "/admin/v1/models", family: "admin", routes: ["/admin/v1/models"], requestContentTypes: [], successStatus: 200, streams: false },
  createRegistryModel: { operationId: "createRegistryModel", method: "post", specPath: "/admin/v1/models", family: "admin", routes: ["/admin/v1/models"], requestContentTypes: ["application/json"], successStatus: 201, streams: false },
  getRegistryModel: { operationId: "getRegistryModel", method: "get", specPath: "/admin/v1/models/{model}", family: "admin", routes: ["/admin/v1/models/:model"], requestContentTypes: [], successStatus: 200, streams: false },
  deleteRegistryModel: { operationId: "deleteRegistryModel", method: "delete", specPath: "/admin/v1/models/{model}", family: "admin", routes: ["/admin/v1/models/:model"], requestContentTypes: [], successStatus: 200, streams: false },
  updateRegistryModel: { operationId: "updateRegistryModel", method: "patch", specPath: "/admin/v1/models/{model}", family: "admin", routes: ["/admin/v1/models/:model"], requestContentTypes: ["application/json"], successStatus: 200, streams: false },
  getUsage: { operationId: "getUsage", method: "get", specPath: "/admin/v1/usage", family: "admin", routes: ["/admin/v1/usage"], requestContentTypes: [], successStatus: 200, streams: false },
} as const satisfies Record<string, OperationDef>;

export type OperationId = keyof typeof operationDefs;

/** One typed handler slot per operation. An operation without a handler answers 501. */
export interface Handlers {
  /** GET /models — List models */
  listModels?: Handler<operations["listModels"]>;
  /** GET /models/{model} — Retrieve a model */
  retrieveModel?: Handler<operations["retrieveModel"]>;
  /** POST /chat/completions — Create chat completion */
  createChatCompletion?: Handler<operations["createChatCompletion"]>;
  /** POST /completions — Create completion */
  createCompletion?: Handler<operations["createCompletion"]>;
  /** POST /embeddings — Create embeddings */
  createEmbedding?: Handler<operations["createEmbedding"]>;
  /** POST /responses — Create a model response */
  createResponse?: Handler<operations["createResponse"]>;
  /** GET /responses/{response_id} — Get a model response */
  getResponse?: Handler<operations["getResponse"]>;
  /** DELETE /responses/{response_id} — Delete a model response */
  deleteResponse?: Handler<operations["deleteResponse"]>;
  /** POST /audio/transcriptions — Create transcription */
  createTranscription?: Handler<operations["createTranscription"]>;
  /** POST /audio/translations — Create translation */
  createTranslation?: Handler<operations["createTranslation"]>;
  /** GET /admin/v1/domains — List domains */
  listDomains?: Handler<operations["listDomains"]>;
  /** POST /admin/v1/domains — Create a domain */
  createDomain?: Handler<operations["createDomain"]>;
  /** GET /admin/v1/domains/{domain_id} — Get a domain */
  getDomain?: Handler<operations["getDomain"]>;
  /** PATCH /admin/v1/domains/{domain_id} — Update a domain */
  updateDomain?: Handler<operations["updateDomain"]>;
  /** GET /admin/v1/domains/{domain_id}/policy — Get a domain policy */
  getDomainPolicy?: Handler<operations["getDomainPolicy"]>;
  /** PUT /admin/v1/domains/{domain_id}/policy — Set a domain policy */
  setDomainPolicy?: Handler<operations["setDomainPolicy"]>;
  /** GET /admin/v1/keys — List keys */
  listKeys?: Handler<operations["listKeys"]>;
  /** POST /admin/v1/keys — Create a key */
  createKey?: Handler<operations["createKey"]>;
  /** GET /admin/v1/keys/{key_id} — Get a key */
  getKey?: Handler<operations["getKey"]>;
  /** POST /admin/v1/keys/{key_id}/revoke — Revoke a key */
  revokeKey?: Handler<operations["revokeKey"]>;
  /** POST /admin/v1/keys/{key_id}/rotate — Rotate a key */
  rotateKey?: Handler<operations["rotateKey"]>;
  /** GET /admin/v1/models — List registry models */
  listRegistryModels?: Handler<operations["listRegistryModels"]>;
  /** POST /admin/v1/models — Register a model */
  createRegistryModel?: Handler<operations["createRegistryModel"]>;
  /** GET /admin/v1/models/{model} — Get a registry model */
  getRegistryModel?: Handler<operations["getRegistryModel"]>;
  /** DELETE /admin/v1/models/{model} — Remove a registry model */
  deleteRegistryModel?: Handler<operations["deleteRegistryModel"]>;
  /** PATCH /admin/v1/models/{model} — Update a registry model */
  updateRegistryModel?: Handler<operations["updateRegistryModel"]>;
  /** GET /admin/v1/usage — Get usage */
  getUsage?: Handler<operations["getUsage"]>;
}

/** Registers every route of the contract on `router`, each through `wrap`. */
export function registerRoutes(router: Router, handlers: Handlers, wrap: WrapHandler): void {
  router.get("/v1/models", wrap(operationDefs.listModels, handlers.listModels as Handler<any> | undefined));
  router.get("/proxy/:domain_id/v1/models", wrap(operationDefs.listModels, handlers.listModels as Handler<any> | undefined));
  router.get("/v1/models/:model", wrap(operationDefs.retrieveModel, handlers.retrieveModel as Handler<any> | undefined));
  router.get("/proxy/:domain_id/v1/models/:model", wrap(operationDefs.retrieveModel, handlers.retrieveModel as Handler<any> | undefined));
  router.post("/v1/chat/completions", wrap(operationDefs.createChatCompletion, handlers.createChatCompletion as Handler<any> | undefined));
  router.post("/proxy/:domain_id/v1/chat/completions", wrap(operationDefs.createChatCompletion, handlers.createChatCompletion as Handler<any> | undefined));
  router.post("/v1/completions", wrap(operationDefs.createCompletion, handlers.createCompletion as Handler<any> | undefined));
  router.post("/proxy/:domain_id/v1/completions", wrap(operationDefs.createCompletion, handlers.createCompletion as Handler<any> | undefined));
  router.post("/v1/embeddings", wrap(operationDefs.createEmbedding, handlers.createEmbedding as Handler<any> | undefined));
  router.post("/proxy/:domain_id/v1/embeddings", wrap(operationDefs.createEmbedding, handlers.createEmbedding as Handler<any> | undefined));
  router.post("/v1/responses", wrap(operationDefs.createResponse, handlers.createResponse as Handler<any> | undefined));
  router.post("/proxy/:domain_id/v1/responses", wrap(operationDefs.createResponse, handlers.createResponse as Handler<any> | undefined));
  router.get("/v1/responses/:response_id", wrap(operationDefs.getResponse, handlers.getResponse as Handler<any> | undefined));
  router.get("/proxy/:domain_id/v1/responses/:response_id", wrap(operationDefs.getResponse, handlers.getResponse as Handler<any> | undefined));
  router.delete("/v1/responses/:response_id", wrap(operationDefs.deleteResponse, handlers.deleteResponse as Handler<any> | undefined));
  router.delete("/proxy/:domain_id/v1/responses/:response_id", wrap(operationDefs.deleteResponse, handlers.deleteResponse as Handler<any> | undefined));
  router.post("/v1/audio/transcriptions", wrap(operationDefs.createTranscription, handlers.createTranscription as Handler<any> | undefined));
  router.post("/proxy/:domain_id/v1/audio/transcriptions", wrap(operationDefs.createTranscription, handlers.createTranscription as Handler<any> | undefined));
  router.post("/v1/audio/translations", wrap(operationDefs.createTranslation, handlers.createTranslation as Handler<any> | undefined));
  router.post("/proxy/:domain_id/v1/audio/translations", wrap(operationDefs.createTranslation, handlers.createTranslation as Handler<any> | undefined));
  router.get("/admin/v1/domains", wrap(operationDefs.listDomains, handlers.listDomains as Handler<any> | undefined));
  router.post("/admin/v1/domains", wrap(operationDefs.createDomain, handlers.createDomain as Handler<any> | undefined));
  router.get("/admin/v1/domains/:domain_id", wrap(operationDefs.getDomain, handlers.getDomain as Handler<any> | undefined));
  router.patch("/admin/v1/domains/:domain_id", wrap(operationDefs.updateDomain, handlers.updateDomain as Handler<any> | undefined));
  router.get("/admin/v1/domains/:domain_id/policy", wrap(operationDefs.getDomainPolicy, handlers.getDomainPolicy as Handler<any> | undefined));
  router.put("/admin/v1/domains/:domain_id/policy", wrap(operationDefs.setDomainPolicy, handlers.setDomainPolicy as Handler<any> | undefined));
  router.get("/admin/v1/keys", wrap(operationDefs.listKeys, handlers.listKeys as Handler<any> | undefined));
  router.post("/admin/v1/keys", wrap(operationDefs.createKey, handlers.createKey as Handler<any> | undefined));
  router.get("/admin/v1/keys/:key_id", wrap(operationDefs.getKey, handlers.getKey as Handler<any> | undefined));
  router.post("/admin/v1/keys/:key_id/revoke", wrap(operationDefs.revokeKey, handlers.revokeKey as Handler<any> | undefined));
  router.post("/admin/v1/keys/:key_id/rotate", wrap(operationDefs.rotateKey, handlers.rotateKey as Handler<any> | undefined));
  router.get("/admin/v1/models", wrap(operationDefs.listRegistryModels, handlers.listRegistryModels as Handler<any> | undefined));
  router.post("/admin/v1/models", wrap(operationDefs.createRegistryModel, handlers.createRegistryModel as Handler<any> | undefined));
  router.get("/admin/v1/models/:model", wrap(operationDefs.getRegistryModel, handlers.getRegistryModel as Handler<any> | undefined));
  router.delete("/admin/v1/models/:model", wrap(operationDefs.deleteRegistryModel, handlers.deleteRegistryModel as Handler<any> | undefined));
  router.patch("/admin/v1/models/:model", wrap(operationDefs.updateRegistryModel, handlers.updateRegistryModel as Handler<any> | undefined));
  router.get("/admin/v1/usage", wrap(operationDefs.getUsage, handlers.getUsage as Handler<any> | undefined));
}
