// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.
export interface paths {
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List models
         * @description Lists the models the calling key's domain may use.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a model
         * @description Returns a model the calling key's domain may use; 404 `model_not_found` for any other.
         */
        get: operations["retrieveModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create chat completion
         * @description Creates a model response for the conversation. With `stream: true` the response is a stream
         *     of Server-Sent Events: each event is `data: <chat.completion.chunk JSON>`, the first delta
         *     carries `role`, the last choice chunk carries `finish_reason`, and the stream ends with
         *     `data: [DONE]`. With `stream_options.include_usage` one more chunk, with empty `choices` and
         *     the `usage` of the whole request, comes before `[DONE]`. Tool calls stream as
         *     `delta.tool_calls` fragments. Unknown request fields are passed on to upstream engines.
         */
        post: operations["createChatCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create completion
         * @description Legacy text completion for a prompt. With `stream: true` the response is a stream of
         *     Server-Sent Events, each `data: <text_completion JSON>`, ending with `data: [DONE]`; with
         *     `stream_options.include_usage` a last event with empty `choices` carries the usage.
         */
        post: operations["createCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create embeddings
         * @description Creates an embedding vector for each input. `dimensions` truncates and re-normalizes; `base64` returns little-endian float32.
         */
        post: operations["createEmbedding"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a model response
         * @description Generates a model response from text or a list of input items (messages, function calls and
         *     function call outputs), with function tools and structured output (`text.format`).
         *
         *     Responses are stored in the calling key's domain unless `store: false`; a stored response can
         *     be retrieved, deleted, and continued with `previous_response_id` (for example to send
         *     `function_call_output` items after a function call). With `stream: true` the answer is
         *     `text/event-stream`: typed Server-Sent Events (`event: <type>`, `data: <json>`, see
         *     `ResponseStreamEvent`), each with a `sequence_number` counting from 0, ending with
         *     `response.completed`, `response.incomplete` or `response.failed`.
         */
        post: operations["createResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/responses/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a model response
         * @description Retrieves a stored response of the calling key's domain. A response of any other domain, or one created with `store: false`, is 404.
         */
        get: operations["getResponse"];
        put?: never;
        post?: never;
        /**
         * Delete a model response
         * @description Deletes a stored response of the calling key's domain; it can no longer be retrieved or continued. A response of any other domain is 404.
         */
        delete: operations["deleteResponse"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audio/transcriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create transcription
         * @description Transcribes audio into the input language, with a model that has the `transcription`
         *     capability. The answer depends on `response_format`: `json` (default) and `verbose_json`
         *     (segments with timings, and words with `timestamp_granularities[]=word`) are
         *     `application/json`; `text`, `srt` and `vtt` are `text/plain`. With `stream: true` the answer
         *     is `text/event-stream`: `transcript.text.delta` events, then one `transcript.text.done`.
         *
         *     Files over 25 MB get 413; a file that is not audio gets 400; a compressed format without its
         *     decoder (ffmpeg) installed gets 415.
         */
        post: operations["createTranscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audio/translations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create translation
         * @description Translates audio into English, with a model that has the `transcription` capability. The
         *     answer depends on `response_format`: `json` (default) and `verbose_json` (segments with
         *     timings) are `application/json`; `text`, `srt` and `vtt` are `text/plain`.
         *
         *     Files over 25 MB get 413; a file that is not audio gets 400; a compressed format without its
         *     decoder (ffmpeg) installed gets 415.
         */
        post: operations["createTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/attestation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the engine host's key and evidence
         * @description Cordon's extension for confidential inference (docs/confidential.md): the public key of the
         *     engine host that serves `model`, with evidence binding it to the caller's `nonce`. A client
         *     verifies the evidence, then seals requests to that key (header `x-cordon-encrypted: 1`, the
         *     protected fields in `cordon_encrypted`); the gateway routes them without being able to read them.
         *     Evidence of type `none` (no TEE) proves nothing about the machine and clients refuse it unless
         *     told otherwise. 400 `model_not_supported` for a model that does not run in an engine host.
         */
        get: operations["getAttestation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List domains
         * @description Lists every domain. Superadmin only.
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Create a domain
         * @description Creates a domain (tenant). The `id` slug is made from the name when absent; an existing id is 409. Superadmin only.
         */
        post: operations["createDomain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/domains/{domain_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a domain
         * @description Gets a domain. A superadmin may read any domain; a domain admin only its own (any other is 404).
         */
        get: operations["getDomain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a domain
         * @description Renames, disables or enables a domain. A disabled domain's keys get 403 on every request. Superadmin only.
         */
        patch: operations["updateDomain"];
        trace?: never;
    };
    "/admin/v1/domains/{domain_id}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a domain policy
         * @description Gets the domain's guardrails and rate limits, with every default filled in. Superadmin, or the domain's admin.
         */
        get: operations["getDomainPolicy"];
        /**
         * Set a domain policy
         * @description Replaces the domain's guardrails and rate limits; missing parts take their defaults (nothing blocked, no limits), so `{}` resets the policy; an empty or absent body is 400 `missing_body`, never read as `{}`. Takes effect on the next request. Superadmin only.
         */
        put: operations["setDomainPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List keys
         * @description Lists keys (never their secrets), oldest first, a page at a time. A superadmin sees every domain's keys (or one domain's, with `domain_id`); a domain admin sees its own domain's keys, except superadmin keys.
         */
        get: operations["listKeys"];
        put?: never;
        /**
         * Create a key
         * @description Creates a personal access token. The secret is in this response only; it is stored as a hash. A superadmin may create any key in any domain; a domain admin member and admin keys in its own domain. A domain holds at most `CORDON_KEYS_MAX_PER_DOMAIN` keys (1000 by default) that are neither revoked nor expired; one more is a 400 with the code `key_limit_reached`.
         */
        post: operations["createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a key
         * @description Gets one key (never its secret). A domain admin may read its own domain's keys (not superadmin keys); any other is 404.
         */
        get: operations["getKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys/{key_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a key
         * @description Revokes a key; it gets 401 from its next request on. Revoking a revoked key changes nothing. A superadmin may revoke any key; a domain admin only member keys of its domain and its own key (another admin's key gets 403).
         */
        post: operations["revokeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/keys/{key_id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a key
         * @description Gives the key a new secret (shown once in this response); the old secret stops working at once. The key keeps its id, name, role and expiry. A superadmin may rotate any key; a domain admin only member keys of its domain and its own key (another admin's key gets 403).
         */
        post: operations["rotateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List registry models
         * @description Lists every model in the platform-wide registry, with its engine state in this gateway process. Superadmin only.
         */
        get: operations["listRegistryModels"];
        put?: never;
        /**
         * Register a model
         * @description Adds a model to the registry; an existing id is 409. File engines need `settings.path`, upstream engines `settings.targets` (400 otherwise). The model is loaded on first use. Superadmin only.
         */
        post: operations["createRegistryModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/v1/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a registry model
         * @description Gets one registry model, with its engine state in this gateway process. Superadmin only.
         */
        get: operations["getRegistryModel"];
        put?: never;
        post?: never;
        /**
         * Remove a registry model
         * @description Removes a model from the registry; the engine drops what it holds for it. Superadmin only.
         */
        delete: operations["deleteRegistryModel"];
        options?: never;
        head?: never;
        /**
         * Update a registry model
         * @description Changes a registry model; absent fields are left as they are. The engine drops what it holds for the model (it is loaded again, with the new settings, on next use). Superadmin only.
         */
        patch: operations["updateRegistryModel"];
        trace?: never;
    };
    "/admin/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get usage
         * @description Gets usage totals (requests, tokens, errors) by day, model and key. A superadmin sees all domains (or one, with `domain_id`); a domain admin its own domain.
         */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The error object, as OpenAI returns it.
         * @example {
         *       "message": "The model `gpt-x` does not exist or you do not have access to it.",
         *       "type": "invalid_request_error",
         *       "param": "model",
         *       "code": "model_not_found"
         *     }
         */
        Error: {
            /** @description A human-readable description. Never contains secrets or prompt text. */
            message: string;
            /** @description The error class, e.g. `invalid_request_error`, `authentication_error`, `permission_error`, `not_found_error`, `rate_limit_error`, `server_error`. */
            type: string;
            /** @description The request parameter the error is about, if any. */
            param: string | null;
            /** @description A machine-readable code, e.g. `invalid_api_key`, `model_not_found`, `rate_limit_exceeded`. */
            code: string | null;
        };
        /**
         * @description Every error Cordon returns.
         * @example {
         *       "error": {
         *         "message": "Incorrect API key provided.",
         *         "type": "invalid_request_error",
         *         "param": null,
         *         "code": "invalid_api_key"
         *       }
         *     }
         */
        ErrorResponse: {
            error: components["schemas"]["Error"];
        };
        /**
         * @description A model the calling domain may use (OpenAI's Model, plus Cordon's `capabilities`).
         * @example {
         *       "id": "cordon-demo",
         *       "object": "model",
         *       "created": 1763870400,
         *       "owned_by": "cordon",
         *       "capabilities": [
         *         "chat",
         *         "completions",
         *         "embeddings"
         *       ]
         *     }
         */
        Model: {
            /** @description The model identifier, used as `model` in requests. */
            id: string;
            /**
             * @description Always `model`.
             * @enum {string}
             */
            object: "model";
            /** @description Unix time (seconds) when the model was registered. */
            created: number;
            /** @description The organization that owns the model. */
            owned_by: string;
            /** @description What the model can do through this gateway. */
            capabilities?: ("chat" | "completions" | "embeddings" | "transcription")[];
        };
        ListModelsResponse: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Model"][];
        };
        /**
         * @description A text content part.
         * @example {
         *       "type": "text",
         *       "text": "Hello"
         *     }
         */
        ChatCompletionRequestMessageContentPartText: {
            /** @enum {string} */
            type: "text";
            text: string;
        };
        /**
         * @description Instructions from the system. `developer` and `system` messages are treated alike by local models.
         * @example {
         *       "role": "system",
         *       "content": "You are a helpful assistant."
         *     }
         */
        ChatCompletionRequestSystemMessage: {
            /** @enum {string} */
            role: "system";
            /** @description The contents of the system message. */
            content: string | components["schemas"]["ChatCompletionRequestMessageContentPartText"][];
            /** @description An optional name for the participant. */
            name?: string;
        };
        /**
         * @description Instructions from the developer. `developer` and `system` messages are treated alike by local models.
         * @example {
         *       "role": "developer",
         *       "content": "You are a helpful assistant."
         *     }
         */
        ChatCompletionRequestDeveloperMessage: {
            /** @enum {string} */
            role: "developer";
            /** @description The contents of the developer message. */
            content: string | components["schemas"]["ChatCompletionRequestMessageContentPartText"][];
            /** @description An optional name for the participant. */
            name?: string;
        };
        /**
         * @description An image content part (for vision models).
         * @example {
         *       "type": "image_url",
         *       "image_url": {
         *         "url": "data:image/png;base64,iVBORw0KGgo="
         *       }
         *     }
         */
        ChatCompletionRequestMessageContentPartImage: {
            /** @enum {string} */
            type: "image_url";
            image_url: {
                /** @description A URL or a base64 data URL of the image. */
                url: string;
                /**
                 * @default auto
                 * @enum {string}
                 */
                detail: "auto" | "low" | "high";
            };
        };
        /**
         * @description An audio content part (for audio-input models).
         * @example {
         *       "type": "input_audio",
         *       "input_audio": {
         *         "data": "UklGRg==",
         *         "format": "wav"
         *       }
         *     }
         */
        ChatCompletionRequestMessageContentPartAudio: {
            /** @enum {string} */
            type: "input_audio";
            input_audio: {
                /** @description Base64 encoded audio data. */
                data: string;
                /** @enum {string} */
                format: "wav" | "mp3";
            };
        };
        /**
         * @example {
         *       "type": "text",
         *       "text": "Describe this."
         *     }
         */
        ChatCompletionRequestUserMessageContentPart: components["schemas"]["ChatCompletionRequestMessageContentPartText"] | components["schemas"]["ChatCompletionRequestMessageContentPartImage"] | components["schemas"]["ChatCompletionRequestMessageContentPartAudio"];
        /**
         * @description Messages sent by an end user, containing prompts or additional context.
         * @example {
         *       "role": "user",
         *       "content": "What is the capital of France?"
         *     }
         */
        ChatCompletionRequestUserMessage: {
            /** @enum {string} */
            role: "user";
            /** @description The text contents of the message, or an array of content parts (text, image, audio). Text-only models answer 400 to image and audio parts. */
            content: string | components["schemas"]["ChatCompletionRequestUserMessageContentPart"][];
            /** @description An optional name for the participant. */
            name?: string;
        };
        /**
         * @description A call to a function tool the model made.
         * @example {
         *       "id": "call_abc123",
         *       "type": "function",
         *       "function": {
         *         "name": "get_weather",
         *         "arguments": "{\"city\":\"Paris\"}"
         *       }
         *     }
         */
        ChatCompletionMessageToolCall: {
            /** @description The ID of the tool call. */
            id: string;
            /**
             * @description The type of the tool. Currently, only `function` is supported.
             * @enum {string}
             */
            type: "function";
            /** @description The function that the model called. */
            function: {
                /** @description The name of the function to call. */
                name: string;
                /** @description The arguments to call the function with, as JSON generated by the model. */
                arguments: string;
            };
        };
        /**
         * @description A message the model sent earlier in the conversation.
         * @example {
         *       "role": "assistant",
         *       "content": null,
         *       "tool_calls": [
         *         {
         *           "id": "call_abc123",
         *           "type": "function",
         *           "function": {
         *             "name": "get_weather",
         *             "arguments": "{\"city\":\"Paris\"}"
         *           }
         *         }
         *       ]
         *     }
         */
        ChatCompletionRequestAssistantMessage: {
            /** @enum {string} */
            role: "assistant";
            /** @description The contents of the message. Required unless `tool_calls` is given. */
            content?: string | null | components["schemas"]["ChatCompletionRequestMessageContentPartText"][];
            /** @description The refusal message by the assistant. */
            refusal?: string | null;
            name?: string;
            /** @description The tool calls the model made. */
            tool_calls?: components["schemas"]["ChatCompletionMessageToolCall"][];
        };
        /**
         * @description The result of a tool call.
         * @example {
         *       "role": "tool",
         *       "tool_call_id": "call_abc123",
         *       "content": "{\"temperature\": 21}"
         *     }
         */
        ChatCompletionRequestToolMessage: {
            /** @enum {string} */
            role: "tool";
            /** @description The contents of the tool message. */
            content: string | components["schemas"]["ChatCompletionRequestMessageContentPartText"][];
            /** @description The tool call this message responds to. */
            tool_call_id: string;
        };
        /**
         * @description A message in the conversation, by role.
         * @example {
         *       "role": "user",
         *       "content": "Hello!"
         *     }
         */
        ChatCompletionRequestMessage: components["schemas"]["ChatCompletionRequestSystemMessage"] | components["schemas"]["ChatCompletionRequestDeveloperMessage"] | components["schemas"]["ChatCompletionRequestUserMessage"] | components["schemas"]["ChatCompletionRequestAssistantMessage"] | components["schemas"]["ChatCompletionRequestToolMessage"];
        /**
         * @description Options for streaming responses. Only set this when `stream` is true.
         * @example {
         *       "include_usage": true
         *     }
         */
        ChatCompletionStreamOptions: {
            /** @description If set, an additional chunk is streamed before `data [DONE]`, with an empty `choices` array and the token usage of the whole request. */
            include_usage?: boolean;
        } | null;
        /**
         * @description Up to 4 sequences (of at most 1000 characters each) where the model will stop generating further tokens. The returned text will not contain the stop sequence.
         * @example [
         *       "\n\n"
         *     ]
         */
        StopConfiguration: null | string | string[];
        /**
         * @description Default response format, plain text.
         * @example {
         *       "type": "text"
         *     }
         */
        ResponseFormatText: {
            /** @enum {string} */
            type: "text";
        };
        /**
         * @description Structured output. The output is JSON that validates against the given schema.
         * @example {
         *       "type": "json_schema",
         *       "json_schema": {
         *         "name": "person",
         *         "strict": true,
         *         "schema": {
         *           "type": "object",
         *           "properties": {
         *             "name": {
         *               "type": "string"
         *             }
         *           },
         *           "required": [
         *             "name"
         *           ]
         *         }
         *       }
         *     }
         */
        ResponseFormatJsonSchema: {
            /** @enum {string} */
            type: "json_schema";
            json_schema: {
                /** @description The name of the response format. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
                name: string;
                description?: string;
                /** @description The JSON Schema the output must follow. */
                schema?: {
                    [key: string]: unknown;
                };
                /** @description Whether to enforce strict schema adherence. */
                strict?: boolean | null;
            };
        };
        /**
         * @description JSON mode. The output is a valid JSON object.
         * @example {
         *       "type": "json_object"
         *     }
         */
        ResponseFormatJsonObject: {
            /** @enum {string} */
            type: "json_object";
        };
        /**
         * @description The parameters the function accepts, as a JSON Schema object.
         * @example {
         *       "type": "object",
         *       "properties": {
         *         "city": {
         *           "type": "string"
         *         }
         *       },
         *       "required": [
         *         "city"
         *       ]
         *     }
         */
        FunctionParameters: {
            [key: string]: unknown;
        };
        /**
         * @example {
         *       "name": "get_weather",
         *       "parameters": {
         *         "type": "object",
         *         "properties": {
         *           "city": {
         *             "type": "string"
         *           }
         *         }
         *       }
         *     }
         */
        FunctionObject: {
            /** @description The name of the function to be called. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
            name: string;
            /** @description What the function does, used by the model to choose when and how to call it. */
            description?: string;
            parameters?: components["schemas"]["FunctionParameters"];
            /** @description Whether to enforce strict schema adherence when generating the call. */
            strict?: boolean | null;
        };
        /**
         * @description A function the model may call.
         * @example {
         *       "type": "function",
         *       "function": {
         *         "name": "get_weather",
         *         "description": "Current weather for a city.",
         *         "parameters": {
         *           "type": "object",
         *           "properties": {
         *             "city": {
         *               "type": "string"
         *             }
         *           },
         *           "required": [
         *             "city"
         *           ]
         *         }
         *       }
         *     }
         */
        ChatCompletionTool: {
            /**
             * @description The type of the tool. Currently, only `function` is supported.
             * @enum {string}
             */
            type: "function";
            function: components["schemas"]["FunctionObject"];
        };
        /**
         * @description Forces the model to call a specific function.
         * @example {
         *       "type": "function",
         *       "function": {
         *         "name": "get_weather"
         *       }
         *     }
         */
        ChatCompletionNamedToolChoice: {
            /** @enum {string} */
            type: "function";
            function: {
                /** @description The name of the function to call. */
                name: string;
            };
        };
        /**
         * @description Controls which (if any) tool is called by the model. `none`: the model will not call a tool;
         *     `auto`: the model may call tools; `required`: the model must call one or more tools. A named
         *     tool forces that tool.
         * @example auto
         */
        ChatCompletionToolChoiceOption: ("none" | "auto" | "required") | components["schemas"]["ChatCompletionNamedToolChoice"];
        /**
         * @description Up to 16 key-value pairs (keys up to 64 characters, values up to 512) for your own bookkeeping.
         * @example {
         *       "project": "demo"
         *     }
         */
        Metadata: {
            [key: string]: string;
        } | null;
        /**
         * @description A chat completion request. Fields that are not described here are accepted and passed on to
         *     upstream engines unchanged (for example vLLM's `top_k` or `guided_json`).
         * @example {
         *       "model": "cordon-demo",
         *       "messages": [
         *         {
         *           "role": "system",
         *           "content": "You are a helpful assistant."
         *         },
         *         {
         *           "role": "user",
         *           "content": "Hello!"
         *         }
         *       ],
         *       "temperature": 0.7,
         *       "max_completion_tokens": 64
         *     }
         */
        CreateChatCompletionRequest: {
            /** @description ID of the model to use (see `GET /models`). */
            model: string;
            /** @description The messages of the conversation so far (at most 2048; `CORDON_MAX_MESSAGES` may lower it). */
            messages: components["schemas"]["ChatCompletionRequestMessage"][];
            /**
             * @description Sampling temperature between 0 and 2. 0 is greedy.
             * @default 1
             */
            temperature: number | null;
            /**
             * @description Nucleus sampling; the model considers the tokens with top_p probability mass.
             * @default 1
             */
            top_p: number | null;
            /**
             * @description How many chat completion choices to generate for each input message.
             * @default 1
             */
            n: number | null;
            /**
             * @description If true, the response is a stream of Server-Sent Events (`chat.completion.chunk` objects), ending with `data [DONE]`.
             * @default false
             */
            stream: boolean | null;
            stream_options?: components["schemas"]["ChatCompletionStreamOptions"];
            stop?: components["schemas"]["StopConfiguration"];
            /** @description Deprecated in favour of `max_completion_tokens`; the maximum number of tokens to generate. */
            max_tokens?: number | null;
            /** @description An upper bound for the number of tokens that can be generated. */
            max_completion_tokens?: number | null;
            /**
             * @description Positive values penalize tokens that already appeared in the text so far.
             * @default 0
             */
            presence_penalty: number | null;
            /**
             * @description Positive values penalize tokens by how often they appeared in the text so far.
             * @default 0
             */
            frequency_penalty: number | null;
            /** @description Maps token IDs to a bias from -100 to 100 added to the logits before sampling (at most 1024 entries). */
            logit_bias?: {
                [key: string]: number;
            } | null;
            /**
             * @description Whether to return log probabilities of the output tokens.
             * @default false
             */
            logprobs: boolean | null;
            /** @description The number of most likely tokens to return at each position (requires `logprobs`). */
            top_logprobs?: number | null;
            /** @description Sampling with the same seed and parameters returns the same result. */
            seed?: number | null;
            /** @description The format of the output. `json_schema` enables structured outputs; `json_object` JSON mode. */
            response_format?: components["schemas"]["ResponseFormatText"] | components["schemas"]["ResponseFormatJsonSchema"] | components["schemas"]["ResponseFormatJsonObject"];
            /** @description The tools (functions) the model may call. A max of 128 functions are supported. */
            tools?: components["schemas"]["ChatCompletionTool"][];
            tool_choice?: components["schemas"]["ChatCompletionToolChoiceOption"];
            /**
             * @description Whether to enable parallel function calling during tool use.
             * @default true
             */
            parallel_tool_calls: boolean;
            /** @description A stable identifier for your end user. */
            user?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @description A chat completion message generated by the model.
         * @example {
         *       "role": "assistant",
         *       "content": "Hello! How can I help you today?",
         *       "refusal": null
         *     }
         */
        ChatCompletionResponseMessage: {
            /** @enum {string} */
            role: "assistant";
            /** @description The contents of the message. */
            content: string | null;
            /** @description The refusal message generated by the model. */
            refusal: string | null;
            /** @description The tool calls generated by the model. */
            tool_calls?: components["schemas"]["ChatCompletionMessageToolCall"][];
            /** @description Annotations for the message (for example URL citations). */
            annotations?: Record<string, never>[];
        };
        /**
         * @description The log probability of one output token, with the most likely alternatives.
         * @example {
         *       "token": "Hello",
         *       "logprob": -0.31,
         *       "bytes": [
         *         72,
         *         101,
         *         108,
         *         108,
         *         111
         *       ],
         *       "top_logprobs": [
         *         {
         *           "token": "Hello",
         *           "logprob": -0.31,
         *           "bytes": [
         *             72,
         *             101,
         *             108,
         *             108,
         *             111
         *           ]
         *         }
         *       ]
         *     }
         */
        ChatCompletionTokenLogprob: {
            /** @description The token. */
            token: string;
            /** @description The log probability of this token. */
            logprob: number;
            /** @description The UTF-8 bytes of the token, or null if it has none. */
            bytes: number[] | null;
            /** @description The most likely tokens at this position, with their log probabilities. */
            top_logprobs: {
                token: string;
                logprob: number;
                bytes: number[] | null;
            }[];
        };
        /**
         * @description Log probability information for the choice.
         * @example {
         *       "content": null,
         *       "refusal": null
         *     }
         */
        ChatCompletionLogprobs: {
            content: components["schemas"]["ChatCompletionTokenLogprob"][] | null;
            refusal: components["schemas"]["ChatCompletionTokenLogprob"][] | null;
        } | null;
        /**
         * @description Usage statistics for the request, counted with the model's own tokenizer.
         * @example {
         *       "prompt_tokens": 12,
         *       "completion_tokens": 5,
         *       "total_tokens": 17
         *     }
         */
        CompletionUsage: {
            /** @description Number of tokens in the generated completion. */
            completion_tokens: number;
            /** @description Number of tokens in the prompt. */
            prompt_tokens: number;
            /** @description Total number of tokens used in the request (prompt + completion). */
            total_tokens: number;
            /** @description Breakdown of tokens used in a completion. */
            completion_tokens_details?: {
                accepted_prediction_tokens?: number;
                audio_tokens?: number;
                reasoning_tokens?: number;
                rejected_prediction_tokens?: number;
            };
            /** @description Breakdown of tokens used in the prompt. */
            prompt_tokens_details?: {
                audio_tokens?: number;
                cached_tokens?: number;
            };
        };
        /**
         * @description A chat completion.
         * @example {
         *       "id": "chatcmpl-9x8y7z",
         *       "object": "chat.completion",
         *       "created": 1763870400,
         *       "model": "cordon-demo",
         *       "system_fingerprint": "cordon_llama-cpp",
         *       "choices": [
         *         {
         *           "index": 0,
         *           "message": {
         *             "role": "assistant",
         *             "content": "Hello! How can I help you today?",
         *             "refusal": null
         *           },
         *           "logprobs": null,
         *           "finish_reason": "stop"
         *         }
         *       ],
         *       "usage": {
         *         "prompt_tokens": 19,
         *         "completion_tokens": 9,
         *         "total_tokens": 28
         *       }
         *     }
         */
        CreateChatCompletionResponse: {
            /** @description A unique identifier for the chat completion. */
            id: string;
            /** @enum {string} */
            object: "chat.completion";
            /** @description Unix time (seconds) when the chat completion was created. */
            created: number;
            /** @description The model used for the chat completion. */
            model: string;
            /** @description The backend configuration that produced the answer. */
            system_fingerprint?: string;
            service_tier?: string | null;
            /** @description The completion choices; more than one if `n` is greater than 1. */
            choices: {
                /**
                 * @description `stop` at a natural stop point or a stop sequence, `length` at the token limit, `content_filter` when a guardrail cut the output, `tool_calls` when the model called a tool.
                 * @enum {string}
                 */
                finish_reason: "stop" | "length" | "tool_calls" | "content_filter" | "function_call";
                index: number;
                message: components["schemas"]["ChatCompletionResponseMessage"];
                logprobs: components["schemas"]["ChatCompletionLogprobs"];
            }[];
            usage?: components["schemas"]["CompletionUsage"];
        };
        /**
         * @description A fragment of a tool call in a streamed delta. Fragments with the same `index` form one call.
         * @example {
         *       "index": 0,
         *       "id": "call_abc123",
         *       "type": "function",
         *       "function": {
         *         "name": "get_weather",
         *         "arguments": ""
         *       }
         *     }
         */
        ChatCompletionMessageToolCallChunk: {
            index: number;
            /** @description The ID of the tool call (in the first fragment). */
            id?: string;
            /** @enum {string} */
            type?: "function";
            function?: {
                /** @description The name of the function (in the first fragment). */
                name?: string;
                /** @description A piece of the JSON arguments. */
                arguments?: string;
            };
        };
        /**
         * @description A chat completion delta generated by streamed model responses.
         * @example {
         *       "content": "Hello"
         *     }
         */
        ChatCompletionStreamResponseDelta: {
            /**
             * @description The role of the author of this message (in the first delta).
             * @enum {string}
             */
            role?: "developer" | "system" | "user" | "assistant" | "tool";
            /** @description The next piece of the message. */
            content?: string | null;
            refusal?: string | null;
            tool_calls?: components["schemas"]["ChatCompletionMessageToolCallChunk"][];
        };
        /**
         * @description One Server-Sent Event of a streamed chat completion (`data: <chunk>`). All chunks share the
         *     `id`. The first delta carries the role, the last choice chunk the `finish_reason`; with
         *     `stream_options.include_usage` a final chunk has empty `choices` and the `usage`. The stream
         *     ends with `data: [DONE]`.
         * @example {
         *       "id": "chatcmpl-9x8y7z",
         *       "object": "chat.completion.chunk",
         *       "created": 1763870400,
         *       "model": "cordon-demo",
         *       "choices": [
         *         {
         *           "index": 0,
         *           "delta": {
         *             "role": "assistant",
         *             "content": "Hello"
         *           },
         *           "finish_reason": null
         *         }
         *       ]
         *     }
         */
        CreateChatCompletionStreamResponse: {
            id: string;
            /** @enum {string} */
            object: "chat.completion.chunk";
            created: number;
            model: string;
            system_fingerprint?: string;
            service_tier?: string | null;
            choices: {
                delta: components["schemas"]["ChatCompletionStreamResponseDelta"];
                logprobs?: components["schemas"]["ChatCompletionLogprobs"];
                /** @enum {string|null} */
                finish_reason: "stop" | "length" | "tool_calls" | "content_filter" | "function_call" | null;
                index: number;
            }[];
            /** @description Only in the last chunk, when `stream_options.include_usage` is true. */
            usage?: null | components["schemas"]["CompletionUsage"];
        };
        /**
         * @description A legacy text completion request. Unknown fields are passed on to upstream engines.
         * @example {
         *       "model": "cordon-demo",
         *       "prompt": "Once upon a time",
         *       "max_tokens": 16,
         *       "temperature": 0
         *     }
         */
        CreateCompletionRequest: {
            /** @description ID of the model to use. */
            model: string;
            /** @description The prompt(s) to complete, as a string, an array of strings, an array of tokens, or an array of token arrays. */
            prompt: string | string[] | number[] | number[][];
            /** @description The suffix that comes after a completion of inserted text. */
            suffix?: string | null;
            /**
             * @description Echo back the prompt in addition to the completion.
             * @default false
             */
            echo: boolean | null;
            /** @default 1 */
            best_of: number | null;
            /** @description Include the log probabilities of the `logprobs` most likely tokens. */
            logprobs?: number | null;
            /**
             * @description The maximum number of tokens to generate.
             * @default 16
             */
            max_tokens: number | null;
            /** @default 1 */
            n: number | null;
            stop?: components["schemas"]["StopConfiguration"];
            /**
             * @description Stream back partial progress as Server-Sent Events, ending with `data [DONE]`.
             * @default false
             */
            stream: boolean | null;
            stream_options?: components["schemas"]["ChatCompletionStreamOptions"];
            /** @default 1 */
            temperature: number | null;
            /** @default 1 */
            top_p: number | null;
            seed?: number | null;
            /** @default 0 */
            presence_penalty: number | null;
            /** @default 0 */
            frequency_penalty: number | null;
            /** @description Maps token IDs to a bias from -100 to 100 added to the logits before sampling (at most 1024 entries). */
            logit_bias?: {
                [key: string]: number;
            } | null;
            user?: string;
        };
        /**
         * @description A text completion (also the shape of each streamed event).
         * @example {
         *       "id": "cmpl-9x8y7z",
         *       "object": "text_completion",
         *       "created": 1763870400,
         *       "model": "cordon-demo",
         *       "choices": [
         *         {
         *           "index": 0,
         *           "text": " there was a gateway.",
         *           "logprobs": null,
         *           "finish_reason": "length"
         *         }
         *       ],
         *       "usage": {
         *         "prompt_tokens": 4,
         *         "completion_tokens": 16,
         *         "total_tokens": 20
         *       }
         *     }
         */
        CreateCompletionResponse: {
            id: string;
            /** @enum {string} */
            object: "text_completion";
            created: number;
            model: string;
            system_fingerprint?: string;
            choices: {
                /**
                 * @description Null in streamed events until the last one of the choice.
                 * @enum {string|null}
                 */
                finish_reason: "stop" | "length" | "content_filter" | null;
                index: number;
                logprobs: {
                    text_offset?: number[];
                    token_logprobs?: number[];
                    tokens?: string[];
                    top_logprobs?: {
                        [key: string]: number;
                    }[];
                } | null;
                text: string;
            }[];
            usage?: components["schemas"]["CompletionUsage"];
        };
        /**
         * @description An embeddings request. Unknown fields are passed on to upstream engines.
         * @example {
         *       "model": "cordon-demo",
         *       "input": "The food was delicious.",
         *       "encoding_format": "float"
         *     }
         */
        CreateEmbeddingRequest: {
            /** @description Text to embed, as a string, an array of strings, an array of tokens, or an array of token arrays. */
            input: string | string[] | number[] | number[][];
            /** @description ID of the model to use. */
            model: string;
            /**
             * @description The format to return the embeddings in (base64 is little-endian float32).
             * @default float
             * @enum {string}
             */
            encoding_format: "float" | "base64";
            /** @description The number of dimensions of the output embeddings (truncated and re-normalized). */
            dimensions?: number;
            user?: string;
        };
        /**
         * @description An embedding vector.
         * @example {
         *       "object": "embedding",
         *       "index": 0,
         *       "embedding": [
         *         0.0023,
         *         -0.0094,
         *         0.0157
         *       ]
         *     }
         */
        Embedding: {
            /** @description The index of the input this embedding belongs to. */
            index: number;
            /** @description The vector, as floats, or as base64 of little-endian float32 when `encoding_format` is `base64`. */
            embedding: number[] | string;
            /** @enum {string} */
            object: "embedding";
        };
        /**
         * @example {
         *       "object": "list",
         *       "model": "cordon-demo",
         *       "data": [
         *         {
         *           "object": "embedding",
         *           "index": 0,
         *           "embedding": [
         *             0.0023,
         *             -0.0094,
         *             0.0157
         *           ]
         *         }
         *       ],
         *       "usage": {
         *         "prompt_tokens": 6,
         *         "total_tokens": 6
         *       }
         *     }
         */
        CreateEmbeddingResponse: {
            /** @enum {string} */
            object: "list";
            model: string;
            data: components["schemas"]["Embedding"][];
            usage: {
                prompt_tokens: number;
                total_tokens: number;
            };
        };
        /**
         * Input text
         * @description A text input to the model.
         * @example {
         *       "type": "input_text",
         *       "text": "Hello"
         *     }
         */
        ResponseInputText: {
            /**
             * @description The type of the input item. Always `input_text`.
             * @enum {string}
             */
            type: "input_text";
            /** @description The text input to the model. */
            text: string;
        };
        /**
         * @description An annotation that applies to a span of output text (OpenAI's `file_citation`, `url_citation`,
         *     `container_file_citation` or `file_path`). Passed through from upstreams that produce them.
         * @example {
         *       "type": "url_citation",
         *       "url": "https://example.com/unicorns",
         *       "title": "Unicorns",
         *       "start_index": 0,
         *       "end_index": 20
         *     }
         */
        ResponseAnnotation: {
            /**
             * @description The type of the annotation.
             * @enum {string}
             */
            type: "file_citation" | "url_citation" | "container_file_citation" | "file_path";
            /** @description The URL of a web resource (`url_citation`). */
            url?: string;
            /** @description The title of the web resource (`url_citation`). */
            title?: string;
            /** @description The index of the first character of the citation in the text. */
            start_index?: number;
            /** @description The index of the last character of the citation in the text. */
            end_index?: number;
            /** @description The ID of the file (`file_citation`, `container_file_citation`, `file_path`). */
            file_id?: string;
            /** @description The index of the file in the list of files. */
            index?: number;
        };
        /**
         * @description The log probability the model assigned to a token, with the most likely alternatives.
         * @example {
         *       "token": "Hello",
         *       "logprob": -0.31,
         *       "top_logprobs": [
         *         {
         *           "token": "Hello",
         *           "logprob": -0.31
         *         },
         *         {
         *           "token": "Hi",
         *           "logprob": -1.42
         *         }
         *       ]
         *     }
         */
        ResponseLogProb: {
            /** @description A text token. */
            token: string;
            /** @description The log probability of this token. */
            logprob: number;
            /** @description The UTF-8 bytes of the token. */
            bytes?: number[];
            /** @description The log probabilities of up to 20 of the most likely tokens. */
            top_logprobs?: {
                token?: string;
                logprob?: number;
                bytes?: number[];
            }[];
        };
        /**
         * Output text
         * @description A text output from the model.
         * @example {
         *       "type": "output_text",
         *       "text": "Hello! How can I help?",
         *       "annotations": [],
         *       "logprobs": []
         *     }
         */
        ResponseOutputText: {
            /**
             * @description The type of the output text. Always `output_text`.
             * @enum {string}
             */
            type: "output_text";
            /** @description The text output from the model. */
            text: string;
            /** @description The annotations of the text output (Cordon's engines produce none). */
            annotations: components["schemas"]["ResponseAnnotation"][];
            /** @description The log probabilities of the output tokens, when requested. */
            logprobs: components["schemas"]["ResponseLogProb"][];
        };
        /**
         * Input message
         * @description A message input to the model with a role indicating instruction following hierarchy. Instructions
         *     given with the `developer` or `system` role take precedence over the `user` role. Messages with the
         *     `assistant` role are presumed to have been generated by the model in previous interactions.
         * @example {
         *       "type": "message",
         *       "role": "user",
         *       "content": [
         *         {
         *           "type": "input_text",
         *           "text": "Hello"
         *         }
         *       ]
         *     }
         */
        ResponseInputMessage: {
            /**
             * @description The type of the message input. Always `message`.
             * @enum {string}
             */
            type?: "message";
            /**
             * @description The role of the message input.
             * @enum {string}
             */
            role: "user" | "assistant" | "system" | "developer";
            /** @description Text input to the model, or a list of text parts (`input_text`; `output_text` for replayed assistant messages). */
            content: string | (components["schemas"]["ResponseInputText"] | components["schemas"]["ResponseOutputText"])[];
            /**
             * @description The status of the item. Populated when items are returned via the API.
             * @enum {string}
             */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /**
         * Output message
         * @description An output message from the model.
         * @example {
         *       "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "type": "message",
         *       "role": "assistant",
         *       "status": "completed",
         *       "content": [
         *         {
         *           "type": "output_text",
         *           "text": "Hello! How can I help?",
         *           "annotations": [],
         *           "logprobs": []
         *         }
         *       ]
         *     }
         */
        ResponseOutputMessage: {
            /** @description The unique ID of the output message. */
            id: string;
            /**
             * @description The type of the output message. Always `message`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "message";
            /**
             * @description The role of the output message. Always `assistant`.
             * @enum {string}
             */
            role: "assistant";
            /**
             * @description The status of the message.
             * @enum {string}
             */
            status: "in_progress" | "completed" | "incomplete";
            /** @description The content of the output message. */
            content: components["schemas"]["ResponseOutputText"][];
        };
        /**
         * Function tool call
         * @description A call to a function tool the model made, in the output (or replayed in the input).
         * @example {
         *       "id": "fc_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "type": "function_call",
         *       "call_id": "call_abc123",
         *       "name": "get_weather",
         *       "arguments": "{\"city\":\"Paris\"}",
         *       "status": "completed"
         *     }
         */
        ResponseFunctionToolCall: {
            /** @description The unique ID of the function tool call item. */
            id?: string;
            /**
             * @description Always `function_call`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "function_call";
            /** @description The unique ID of the function tool call generated by the model; the `function_call_output` answers it. */
            call_id: string;
            /** @description The name of the function to run. */
            name: string;
            /** @description A JSON string of the arguments to pass to the function. */
            arguments: string;
            /**
             * @description The status of the item. Populated when items are returned via the API.
             * @enum {string}
             */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /**
         * Function tool call output
         * @description The output of a function tool call, sent back by the client.
         * @example {
         *       "type": "function_call_output",
         *       "call_id": "call_abc123",
         *       "output": "{\"temperature\": 21}"
         *     }
         */
        ResponseFunctionCallOutput: {
            /** @description The unique ID of the function tool call output. Populated when this item is returned via the API. */
            id?: string | null;
            /**
             * @description Always `function_call_output`.
             * @enum {string}
             */
            type: "function_call_output";
            /** @description The `call_id` of the function tool call this output answers. */
            call_id: string;
            /** @description The output of the function tool call, usually a JSON string. (Cordon accepts text outputs only.) */
            output: string;
            /**
             * @description The status of the item. Populated when items are returned via the API.
             * @enum {string|null}
             */
            status?: "in_progress" | "completed" | "incomplete" | null;
        };
        /**
         * @description An input item: a message (from the user, system, developer, or a replayed assistant message),
         *     an output message of an earlier response, a function call the model made, or a function call's
         *     output. (`anyOf`, not `oneOf`: a replayed assistant output message is also a valid input message.)
         * @example {
         *       "role": "user",
         *       "content": "Hello"
         *     }
         */
        ResponseInputItem: components["schemas"]["ResponseInputMessage"] | components["schemas"]["ResponseOutputMessage"] | components["schemas"]["ResponseFunctionToolCall"] | components["schemas"]["ResponseFunctionCallOutput"];
        /**
         * Function
         * @description Defines a function in your own code the model can choose to call.
         * @example {
         *       "type": "function",
         *       "name": "get_weather",
         *       "description": "Current weather for a city.",
         *       "parameters": {
         *         "type": "object",
         *         "properties": {
         *           "city": {
         *             "type": "string"
         *           }
         *         },
         *         "required": [
         *           "city"
         *         ]
         *       },
         *       "strict": false
         *     }
         */
        ResponseFunctionTool: {
            /**
             * @description The type of the function tool. Always `function`.
             * @enum {string}
             */
            type: "function";
            /** @description The name of the function to call (a-z, A-Z, 0-9, underscores and dashes, at most 64 characters, as for chat tools). */
            name: string;
            /** @description A description of the function, used by the model to decide whether and how to call it. */
            description?: string | null;
            /** @description A JSON Schema object describing the parameters of the function. */
            parameters?: {
                [key: string]: unknown;
            } | null;
            /** @description Whether to enforce strict parameter validation. */
            strict?: boolean | null;
        };
        /**
         * @description How the model should select which tool (or tools) to use. `none`: the model will not call any tool
         *     and generates a message; `auto`: the model may call tools or answer; `required`: the model must
         *     call one or more tools. A named function forces that function.
         * @example auto
         */
        ResponseToolChoice: ("none" | "auto" | "required") | {
            /**
             * @description Always `function`.
             * @enum {string}
             */
            type: "function";
            /** @description The name of the function to call. */
            name: string;
        };
        /**
         * JSON schema
         * @description JSON Schema response format (Structured Outputs). The output is JSON that validates against `schema`.
         * @example {
         *       "type": "json_schema",
         *       "name": "person",
         *       "strict": true,
         *       "schema": {
         *         "type": "object",
         *         "properties": {
         *           "name": {
         *             "type": "string"
         *           }
         *         },
         *         "required": [
         *           "name"
         *         ],
         *         "additionalProperties": false
         *       }
         *     }
         */
        TextResponseFormatJsonSchema: {
            /**
             * @description Always `json_schema`.
             * @enum {string}
             */
            type: "json_schema";
            /** @description The name of the response format. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters. */
            name: string;
            /** @description What the response format is for, used by the model to decide how to respond in the format. */
            description?: string;
            /** @description The JSON Schema the output must follow. */
            schema: {
                [key: string]: unknown;
            };
            /**
             * @description Whether to enforce strict schema adherence.
             * @default false
             */
            strict: boolean | null;
        };
        /**
         * @description The format the model must output. `{"type": "json_schema"}` enables Structured Outputs (the output
         *     matches the supplied JSON Schema); `{"type": "json_object"}` is JSON mode (the output is valid JSON).
         *     The default is `{"type": "text"}`.
         * @example {
         *       "type": "json_object"
         *     }
         */
        TextResponseFormatConfiguration: {
            /**
             * @description Always `text`.
             * @enum {string}
             */
            type: "text";
        } | components["schemas"]["TextResponseFormatJsonSchema"] | {
            /**
             * @description Always `json_object`.
             * @enum {string}
             */
            type: "json_object";
        };
        /**
         * @description Configuration for a text response from the model. Can be plain text or structured JSON data.
         * @example {
         *       "format": {
         *         "type": "text"
         *       }
         *     }
         */
        ResponseTextConfig: {
            format?: components["schemas"]["TextResponseFormatConfiguration"];
        };
        /**
         * @description A Responses API request (OpenAI's `CreateResponse`, restricted to text and function tools).
         *     Unknown fields are accepted and passed on to upstream engines that speak the Responses API.
         * @example {
         *       "model": "cordon-demo",
         *       "instructions": "You are terse.",
         *       "input": "Tell me a three sentence bedtime story about a unicorn.",
         *       "max_output_tokens": 64
         *     }
         */
        CreateResponse: {
            /** @description ID of the model to use, like `cordon-demo`. */
            model: string;
            /** @description Text, or a list of input items (messages, function calls and their outputs) used to generate a response. */
            input: components["schemas"]["ResponseInputItem"][] | string;
            /**
             * @description A system (or developer) message inserted into the model's context. With `previous_response_id`,
             *     the instructions of the previous response are not carried over.
             */
            instructions?: string | null;
            /** @description The function tools the model may call while generating a response (at most 128). */
            tools?: components["schemas"]["ResponseFunctionTool"][];
            tool_choice?: components["schemas"]["ResponseToolChoice"];
            /**
             * @description Whether to allow the model to run tool calls in parallel.
             * @default true
             */
            parallel_tool_calls: boolean | null;
            text?: components["schemas"]["ResponseTextConfig"];
            /** @description An upper bound for the number of tokens that can be generated for a response. */
            max_output_tokens?: number | null;
            /**
             * @description Sampling temperature between 0 and 2. Higher values make the output more random. Alter this or `top_p`, not both.
             * @default 1
             */
            temperature: number | null;
            /**
             * @description Nucleus sampling; 0.1 means only the tokens comprising the top 10% probability mass are considered.
             * @default 1
             */
            top_p: number | null;
            metadata?: components["schemas"]["Metadata"];
            /**
             * @description Whether to store the generated response (in the calling domain) for later retrieval and for `previous_response_id`.
             * @default true
             */
            store: boolean | null;
            /** @description The ID of a stored response of the calling domain to continue (multi-turn conversations). */
            previous_response_id?: string | null;
            /**
             * @description If true, the response is streamed as typed Server-Sent Events (see `ResponseStreamEvent`).
             * @default false
             */
            stream: boolean | null;
            /** @description A stable identifier for your end-user (deprecated by OpenAI, accepted and echoed). */
            user?: string;
        };
        /**
         * @description An output item of a response.
         * @example {
         *       "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "type": "message",
         *       "role": "assistant",
         *       "status": "completed",
         *       "content": []
         *     }
         */
        ResponseOutputItem: components["schemas"]["ResponseOutputMessage"] | components["schemas"]["ResponseFunctionToolCall"];
        /**
         * @description The error that made the response fail, or null. OpenAI's codes include `server_error`,
         *     `rate_limit_exceeded` and `invalid_prompt`; Cordon also uses its own error codes (for example
         *     `model_unavailable`), so `code` is any string.
         * @example {
         *       "code": "server_error",
         *       "message": "The engine failed while generating the response."
         *     }
         */
        ResponseError: {
            /** @description The error code for the response. */
            code: string;
            /** @description A human-readable description of the error. */
            message: string;
        } | null;
        /**
         * @description Token usage of a response, with breakdowns of input and output tokens.
         * @example {
         *       "input_tokens": 36,
         *       "input_tokens_details": {
         *         "cached_tokens": 0,
         *         "cache_write_tokens": 0
         *       },
         *       "output_tokens": 87,
         *       "output_tokens_details": {
         *         "reasoning_tokens": 0
         *       },
         *       "total_tokens": 123
         *     }
         */
        ResponseUsage: {
            /** @description The number of input tokens. */
            input_tokens: number;
            /** @description A detailed breakdown of the input tokens. */
            input_tokens_details: {
                /** @description The number of tokens retrieved from the prompt cache. */
                cached_tokens: number;
                /** @description The number of input tokens written to the prompt cache. */
                cache_write_tokens: number;
            };
            /** @description The number of output tokens. */
            output_tokens: number;
            /** @description A detailed breakdown of the output tokens. */
            output_tokens_details: {
                /** @description The number of reasoning tokens. */
                reasoning_tokens: number;
            };
            /** @description The total number of tokens used. */
            total_tokens: number;
        };
        /**
         * @description A model response (OpenAI's response object).
         * @example {
         *       "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *       "object": "response",
         *       "created_at": 1763870400,
         *       "status": "completed",
         *       "model": "cordon-demo",
         *       "output": [
         *         {
         *           "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *           "type": "message",
         *           "role": "assistant",
         *           "status": "completed",
         *           "content": [
         *             {
         *               "type": "output_text",
         *               "text": "Once upon a time, a unicorn slept.",
         *               "annotations": [],
         *               "logprobs": []
         *             }
         *           ]
         *         }
         *       ],
         *       "output_text": "Once upon a time, a unicorn slept.",
         *       "error": null,
         *       "incomplete_details": null,
         *       "instructions": null,
         *       "metadata": {},
         *       "tools": [],
         *       "tool_choice": "auto",
         *       "text": {
         *         "format": {
         *           "type": "text"
         *         }
         *       },
         *       "temperature": 1,
         *       "top_p": 1,
         *       "max_output_tokens": null,
         *       "parallel_tool_calls": true,
         *       "previous_response_id": null,
         *       "store": true,
         *       "usage": {
         *         "input_tokens": 36,
         *         "input_tokens_details": {
         *           "cached_tokens": 0,
         *           "cache_write_tokens": 0
         *         },
         *         "output_tokens": 9,
         *         "output_tokens_details": {
         *           "reasoning_tokens": 0
         *         },
         *         "total_tokens": 45
         *       }
         *     }
         */
        Response: {
            /** @description Unique identifier for this response. */
            id: string;
            /**
             * @description Always `response`.
             * @enum {string}
             */
            object: "response";
            /** @description Unix timestamp (in seconds) of when this response was created. */
            created_at: number;
            /** @description Unix timestamp (in seconds) of when this response was completed. Only present when the status is `completed`. */
            completed_at?: number | null;
            /**
             * @description The status of the response generation.
             * @enum {string}
             */
            status: "completed" | "failed" | "in_progress" | "cancelled" | "queued" | "incomplete";
            /** @description Model ID used to generate the response. */
            model: string;
            /** @description The content items generated by the model (messages and function calls), in order. */
            output: components["schemas"]["ResponseOutputItem"][];
            /** @description Convenience property with the aggregated text of all `output_text` parts in `output`. */
            output_text?: string | null;
            error: components["schemas"]["ResponseError"];
            /** @description Details about why the response is incomplete. */
            incomplete_details: {
                /**
                 * @description The reason why the response is incomplete.
                 * @enum {string}
                 */
                reason?: "max_output_tokens" | "content_filter";
            } | null;
            /** @description The system (or developer) message inserted into the model's context. */
            instructions: string | null;
            metadata: components["schemas"]["Metadata"];
            /** @description The tools the model could call. */
            tools: components["schemas"]["ResponseFunctionTool"][];
            tool_choice: components["schemas"]["ResponseToolChoice"];
            text?: components["schemas"]["ResponseTextConfig"];
            /** @description The sampling temperature used. */
            temperature: number | null;
            /** @description The nucleus sampling value used. */
            top_p: number | null;
            /** @description The upper bound for the number of generated tokens. */
            max_output_tokens?: number | null;
            /**
             * @description Whether the model may run tool calls in parallel.
             * @default true
             */
            parallel_tool_calls: boolean;
            /** @description The ID of the response this one continues. */
            previous_response_id?: string | null;
            /** @description Whether the response is stored. */
            store?: boolean;
            /** @description The end-user identifier sent with the request. */
            user?: string | null;
            /** @description Token usage; null (or absent) until the response is complete. */
            usage?: components["schemas"]["ResponseUsage"] | null;
        };
        /**
         * response.created
         * @description Emitted when a response is created (first event).
         * @example {
         *       "type": "response.created",
         *       "sequence_number": 0,
         *       "response": {
         *         "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *         "object": "response",
         *         "created_at": 1763870400,
         *         "status": "in_progress",
         *         "model": "cordon-demo",
         *         "output": [],
         *         "error": null,
         *         "incomplete_details": null,
         *         "instructions": null,
         *         "metadata": {},
         *         "tools": [],
         *         "tool_choice": "auto",
         *         "text": {
         *           "format": {
         *             "type": "text"
         *           }
         *         },
         *         "temperature": 1,
         *         "top_p": 1,
         *         "max_output_tokens": null,
         *         "parallel_tool_calls": true,
         *         "previous_response_id": null,
         *         "store": true,
         *         "usage": null
         *       }
         *     }
         */
        ResponseCreatedEvent: {
            /**
             * @description The type of the event. Always `response.created`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.created";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The response that was created. */
            response: components["schemas"]["Response"];
        };
        /**
         * response.in_progress
         * @description Emitted when the response is in progress.
         * @example {
         *       "type": "response.in_progress",
         *       "sequence_number": 1,
         *       "response": {
         *         "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *         "object": "response",
         *         "created_at": 1763870400,
         *         "status": "in_progress",
         *         "model": "cordon-demo",
         *         "output": [],
         *         "error": null,
         *         "incomplete_details": null,
         *         "instructions": null,
         *         "metadata": {},
         *         "tools": [],
         *         "tool_choice": "auto",
         *         "text": {
         *           "format": {
         *             "type": "text"
         *           }
         *         },
         *         "temperature": 1,
         *         "top_p": 1,
         *         "max_output_tokens": null,
         *         "parallel_tool_calls": true,
         *         "previous_response_id": null,
         *         "store": true,
         *         "usage": null
         *       }
         *     }
         */
        ResponseInProgressEvent: {
            /**
             * @description The type of the event. Always `response.in_progress`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.in_progress";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The response that is in progress. */
            response: components["schemas"]["Response"];
        };
        /**
         * response.output_item.added
         * @description Emitted when a new output item is added.
         * @example {
         *       "type": "response.output_item.added",
         *       "sequence_number": 2,
         *       "output_index": 0,
         *       "item": {
         *         "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *         "type": "message",
         *         "role": "assistant",
         *         "status": "in_progress",
         *         "content": []
         *       }
         *     }
         */
        ResponseOutputItemAddedEvent: {
            /**
             * @description The type of the event. Always `response.output_item.added`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.output_item.added";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The index of the output item that was added. */
            output_index: number;
            /** @description The output item that was added. */
            item: components["schemas"]["ResponseOutputItem"];
        };
        /**
         * response.content_part.added
         * @description Emitted when a new content part is added.
         * @example {
         *       "type": "response.content_part.added",
         *       "sequence_number": 3,
         *       "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "part": {
         *         "type": "output_text",
         *         "text": "",
         *         "annotations": [],
         *         "logprobs": []
         *       }
         *     }
         */
        ResponseContentPartAddedEvent: {
            /**
             * @description The type of the event. Always `response.content_part.added`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.content_part.added";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The ID of the output item that the content part was added to. */
            item_id: string;
            /** @description The index of the output item that the content part was added to. */
            output_index: number;
            /** @description The index of the content part that was added. */
            content_index: number;
            /** @description The content part that was added. */
            part: components["schemas"]["ResponseOutputText"];
        };
        /**
         * response.output_text.delta
         * @description Emitted when there is an additional text delta.
         * @example {
         *       "type": "response.output_text.delta",
         *       "sequence_number": 4,
         *       "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "delta": "Once",
         *       "logprobs": []
         *     }
         */
        ResponseTextDeltaEvent: {
            /**
             * @description The type of the event. Always `response.output_text.delta`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.output_text.delta";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The ID of the output item that the text delta was added to. */
            item_id: string;
            /** @description The index of the output item that the text delta was added to. */
            output_index: number;
            /** @description The index of the content part that the text delta was added to. */
            content_index: number;
            /** @description The text delta that was added. */
            delta: string;
            /** @description The log probabilities of the tokens in the delta (empty unless requested). */
            logprobs: components["schemas"]["ResponseLogProb"][];
        };
        /**
         * response.output_text.done
         * @description Emitted when the text of a content part is finalized.
         * @example {
         *       "type": "response.output_text.done",
         *       "sequence_number": 5,
         *       "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "text": "Once upon a time, a unicorn slept.",
         *       "logprobs": []
         *     }
         */
        ResponseTextDoneEvent: {
            /**
             * @description The type of the event. Always `response.output_text.done`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.output_text.done";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The ID of the output item whose text is finalized. */
            item_id: string;
            /** @description The index of the output item whose text is finalized. */
            output_index: number;
            /** @description The index of the content part whose text is finalized. */
            content_index: number;
            /** @description The text content that is finalized. */
            text: string;
            /** @description The log probabilities of the tokens (empty unless requested). */
            logprobs: components["schemas"]["ResponseLogProb"][];
        };
        /**
         * response.content_part.done
         * @description Emitted when a content part is done.
         * @example {
         *       "type": "response.content_part.done",
         *       "sequence_number": 6,
         *       "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "part": {
         *         "type": "output_text",
         *         "text": "Once upon a time, a unicorn slept.",
         *         "annotations": [],
         *         "logprobs": []
         *       }
         *     }
         */
        ResponseContentPartDoneEvent: {
            /**
             * @description The type of the event. Always `response.content_part.done`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.content_part.done";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The ID of the output item that the content part belongs to. */
            item_id: string;
            /** @description The index of the output item that the content part belongs to. */
            output_index: number;
            /** @description The index of the content part that is done. */
            content_index: number;
            /** @description The content part that is done. */
            part: components["schemas"]["ResponseOutputText"];
        };
        /**
         * response.output_item.done
         * @description Emitted when an output item is marked done.
         * @example {
         *       "type": "response.output_item.done",
         *       "sequence_number": 7,
         *       "output_index": 0,
         *       "item": {
         *         "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *         "type": "message",
         *         "role": "assistant",
         *         "status": "completed",
         *         "content": [
         *           {
         *             "type": "output_text",
         *             "text": "Once upon a time, a unicorn slept.",
         *             "annotations": [],
         *             "logprobs": []
         *           }
         *         ]
         *       }
         *     }
         */
        ResponseOutputItemDoneEvent: {
            /**
             * @description The type of the event. Always `response.output_item.done`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.output_item.done";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The index of the output item that was marked done. */
            output_index: number;
            /** @description The output item that was marked done. */
            item: components["schemas"]["ResponseOutputItem"];
        };
        /**
         * response.function_call_arguments.delta
         * @description Emitted when there is a partial function-call arguments delta.
         * @example {
         *       "type": "response.function_call_arguments.delta",
         *       "sequence_number": 8,
         *       "item_id": "fc_67ccd2bf17f0819081ff3bb2cf6508e7",
         *       "output_index": 0,
         *       "delta": "{\"city\":"
         *     }
         */
        ResponseFunctionCallArgumentsDeltaEvent: {
            /**
             * @description The type of the event. Always `response.function_call_arguments.delta`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.function_call_arguments.delta";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The ID of the function call item the delta is added to. */
            item_id: string;
            /** @description The index of the output item the delta is added to. */
            output_index: number;
            /** @description The function-call arguments delta that is added. */
            delta: string;
        };
        /**
         * response.function_call_arguments.done
         * @description Emitted when function-call arguments are finalized.
         * @example {
         *       "type": "response.function_call_arguments.done",
         *       "sequence_number": 9,
         *       "item_id": "fc_67ccd2bf17f0819081ff3bb2cf6508e7",
         *       "output_index": 0,
         *       "name": "get_weather",
         *       "arguments": "{\"city\":\"Paris\"}"
         *     }
         */
        ResponseFunctionCallArgumentsDoneEvent: {
            /**
             * @description The type of the event. Always `response.function_call_arguments.done`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.function_call_arguments.done";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The ID of the function call item. */
            item_id: string;
            /** @description The index of the output item. */
            output_index: number;
            /** @description The name of the function that was called. */
            name: string;
            /** @description The function-call arguments (a JSON string). */
            arguments: string;
        };
        /**
         * response.completed
         * @description Emitted when the model response is complete (last event).
         * @example {
         *       "type": "response.completed",
         *       "sequence_number": 10,
         *       "response": {
         *         "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *         "object": "response",
         *         "created_at": 1763870400,
         *         "status": "completed",
         *         "model": "cordon-demo",
         *         "output": [
         *           {
         *             "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *             "type": "message",
         *             "role": "assistant",
         *             "status": "completed",
         *             "content": [
         *               {
         *                 "type": "output_text",
         *                 "text": "Once upon a time, a unicorn slept.",
         *                 "annotations": [],
         *                 "logprobs": []
         *               }
         *             ]
         *           }
         *         ],
         *         "error": null,
         *         "incomplete_details": null,
         *         "instructions": null,
         *         "metadata": {},
         *         "tools": [],
         *         "tool_choice": "auto",
         *         "text": {
         *           "format": {
         *             "type": "text"
         *           }
         *         },
         *         "temperature": 1,
         *         "top_p": 1,
         *         "max_output_tokens": null,
         *         "parallel_tool_calls": true,
         *         "previous_response_id": null,
         *         "store": true,
         *         "usage": {
         *           "input_tokens": 36,
         *           "input_tokens_details": {
         *             "cached_tokens": 0,
         *             "cache_write_tokens": 0
         *           },
         *           "output_tokens": 9,
         *           "output_tokens_details": {
         *             "reasoning_tokens": 0
         *           },
         *           "total_tokens": 45
         *         },
         *         "output_text": "Once upon a time, a unicorn slept."
         *       }
         *     }
         */
        ResponseCompletedEvent: {
            /**
             * @description The type of the event. Always `response.completed`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.completed";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The completed response. */
            response: components["schemas"]["Response"];
        };
        /**
         * response.failed
         * @description Emitted when a response fails (last event, after `error`).
         * @example {
         *       "type": "response.failed",
         *       "sequence_number": 11,
         *       "response": {
         *         "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *         "object": "response",
         *         "created_at": 1763870400,
         *         "status": "failed",
         *         "model": "cordon-demo",
         *         "output": [],
         *         "error": {
         *           "code": "server_error",
         *           "message": "The engine failed while generating the response."
         *         },
         *         "incomplete_details": null,
         *         "instructions": null,
         *         "metadata": {},
         *         "tools": [],
         *         "tool_choice": "auto",
         *         "text": {
         *           "format": {
         *             "type": "text"
         *           }
         *         },
         *         "temperature": 1,
         *         "top_p": 1,
         *         "max_output_tokens": null,
         *         "parallel_tool_calls": true,
         *         "previous_response_id": null,
         *         "store": true,
         *         "usage": null
         *       }
         *     }
         */
        ResponseFailedEvent: {
            /**
             * @description The type of the event. Always `response.failed`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.failed";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The response that failed. */
            response: components["schemas"]["Response"];
        };
        /**
         * response.incomplete
         * @description Emitted when a response finishes as incomplete (last event), for example at `max_output_tokens`.
         * @example {
         *       "type": "response.incomplete",
         *       "sequence_number": 12,
         *       "response": {
         *         "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *         "object": "response",
         *         "created_at": 1763870400,
         *         "status": "incomplete",
         *         "model": "cordon-demo",
         *         "output": [
         *           {
         *             "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *             "type": "message",
         *             "role": "assistant",
         *             "status": "completed",
         *             "content": [
         *               {
         *                 "type": "output_text",
         *                 "text": "Once upon a time, a",
         *                 "annotations": [],
         *                 "logprobs": []
         *               }
         *             ]
         *           }
         *         ],
         *         "error": null,
         *         "incomplete_details": {
         *           "reason": "max_output_tokens"
         *         },
         *         "instructions": null,
         *         "metadata": {},
         *         "tools": [],
         *         "tool_choice": "auto",
         *         "text": {
         *           "format": {
         *             "type": "text"
         *           }
         *         },
         *         "temperature": 1,
         *         "top_p": 1,
         *         "max_output_tokens": 16,
         *         "parallel_tool_calls": true,
         *         "previous_response_id": null,
         *         "store": true,
         *         "usage": {
         *           "input_tokens": 36,
         *           "input_tokens_details": {
         *             "cached_tokens": 0,
         *             "cache_write_tokens": 0
         *           },
         *           "output_tokens": 16,
         *           "output_tokens_details": {
         *             "reasoning_tokens": 0
         *           },
         *           "total_tokens": 52
         *         },
         *         "output_text": "Once upon a time, a"
         *       }
         *     }
         */
        ResponseIncompleteEvent: {
            /**
             * @description The type of the event. Always `response.incomplete`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "response.incomplete";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The response that was incomplete. */
            response: components["schemas"]["Response"];
        };
        /**
         * error
         * @description Emitted when an error occurs during the stream; `response.failed` follows.
         * @example {
         *       "type": "error",
         *       "sequence_number": 13,
         *       "code": "server_error",
         *       "message": "The engine failed while generating the response.",
         *       "param": null
         *     }
         */
        ResponseErrorEvent: {
            /**
             * @description The type of the event. Always `error`. (enum property replaced by openapi-typescript)
             * @enum {string}
             */
            type: "error";
            /** @description The position of this event in the stream, counting from 0. */
            sequence_number: number;
            /** @description The error code. */
            code: string | null;
            /** @description The error message. */
            message: string;
            /** @description The error parameter. */
            param: string | null;
        };
        /**
         * @description One Server-Sent Event of a streamed response: `event: <type>` and `data: <this object as JSON>`. In order:
         *     `response.created`, `response.in_progress`, then for each output item `response.output_item.added`,
         *     for a message `response.content_part.added`, `response.output_text.delta`..., `response.output_text.done`,
         *     `response.content_part.done`, for a function call `response.function_call_arguments.delta`...,
         *     `response.function_call_arguments.done`, then `response.output_item.done`; last `response.completed`
         *     or `response.incomplete` (or `error` followed by `response.failed`). `sequence_number` counts from 0.
         * @example {
         *       "type": "response.output_text.delta",
         *       "sequence_number": 4,
         *       "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "delta": "Once",
         *       "logprobs": []
         *     }
         */
        ResponseStreamEvent: components["schemas"]["ResponseCreatedEvent"] | components["schemas"]["ResponseInProgressEvent"] | components["schemas"]["ResponseOutputItemAddedEvent"] | components["schemas"]["ResponseContentPartAddedEvent"] | components["schemas"]["ResponseTextDeltaEvent"] | components["schemas"]["ResponseTextDoneEvent"] | components["schemas"]["ResponseContentPartDoneEvent"] | components["schemas"]["ResponseOutputItemDoneEvent"] | components["schemas"]["ResponseFunctionCallArgumentsDeltaEvent"] | components["schemas"]["ResponseFunctionCallArgumentsDoneEvent"] | components["schemas"]["ResponseCompletedEvent"] | components["schemas"]["ResponseFailedEvent"] | components["schemas"]["ResponseIncompleteEvent"] | components["schemas"]["ResponseErrorEvent"];
        /**
         * @description The confirmation that a stored response was deleted, as OpenAI returns it.
         * @example {
         *       "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *       "object": "response",
         *       "deleted": true
         *     }
         */
        DeletedResponse: {
            /** @description The ID of the deleted response. */
            id: string;
            /**
             * @description Always `response`.
             * @enum {string}
             */
            object: "response";
            /**
             * @description Always true.
             * @enum {boolean}
             */
            deleted: true;
        };
        /**
         * @description The format of the output: `json` and `verbose_json` (with segments, timings and words) are `application/json`; `text`, `srt` and `vtt` are `text/plain`.
         * @default json
         * @example json
         * @enum {string}
         */
        AudioResponseFormat: "json" | "text" | "srt" | "verbose_json" | "vtt";
        /**
         * @description A transcription request, sent as `multipart/form-data`. Unknown fields are accepted (and passed on
         *     to upstream engines). Arrays are sent as repeated fields, as the OpenAI SDKs do
         *     (`timestamp_granularities[]=word`).
         * @example {
         *       "file": "speech.wav",
         *       "model": "cordon-demo",
         *       "language": "en",
         *       "response_format": "verbose_json",
         *       "timestamp_granularities": [
         *         "word",
         *         "segment"
         *       ]
         *     }
         */
        CreateTranscriptionRequest: {
            /**
             * Format: binary
             * @description The audio file object (not file name) to transcribe, at most 25 MB. WAV is decoded in the
             *     gateway; flac, mp3, mp4, mpeg, mpga, m4a, ogg and webm need ffmpeg installed (415 otherwise).
             */
            file: string;
            /** @description ID of a model with the `transcription` capability. */
            model: string;
            /** @description The language of the input audio in ISO-639-1 format (e.g. `en`); improves accuracy and latency. */
            language?: string;
            /** @description An optional text to guide the model's style or continue a previous audio segment. It should match the audio language. */
            prompt?: string;
            response_format?: components["schemas"]["AudioResponseFormat"];
            /**
             * @description The sampling temperature, between 0 and 1. At 0 the model raises the temperature by itself (log probability thresholds) when needed.
             * @default 0
             */
            temperature: number;
            /**
             * @description The timestamp granularities to populate: `word`, `segment`, or both. `response_format` must be
             *     `verbose_json`. Sent as `timestamp_granularities[]`.
             * @default [
             *       "segment"
             *     ]
             */
            timestamp_granularities: ("word" | "segment")[];
            /**
             * @description If true, the transcript is streamed as Server-Sent Events, `transcript.text.delta` events then one `transcript.text.done`.
             * @default false
             */
            stream: boolean | null;
        };
        /**
         * @description The log probability of a transcript token.
         * @example {
         *       "token": " Hello",
         *       "logprob": -0.12,
         *       "bytes": [
         *         32,
         *         72,
         *         101,
         *         108,
         *         108,
         *         111
         *       ]
         *     }
         */
        TranscriptLogProb: {
            /** @description The token. */
            token?: string;
            /** @description The log probability of the token. */
            logprob?: number;
            /** @description The bytes of the token. */
            bytes?: number[];
        };
        /**
         * Token usage
         * @description Usage statistics for models billed by token usage.
         * @example {
         *       "type": "tokens",
         *       "input_tokens": 14,
         *       "input_token_details": {
         *         "text_tokens": 0,
         *         "audio_tokens": 14
         *       },
         *       "output_tokens": 4,
         *       "total_tokens": 18
         *     }
         */
        TranscriptionUsageTokens: {
            /**
             * @description Always `tokens`.
             * @enum {string}
             */
            type: "tokens";
            /** @description Number of input tokens. */
            input_tokens: number;
            /** @description Details about the input tokens. */
            input_token_details?: {
                /** @description Number of text tokens. */
                text_tokens?: number;
                /** @description Number of audio tokens. */
                audio_tokens?: number;
            };
            /** @description Number of output tokens generated. */
            output_tokens: number;
            /** @description Total number of tokens used (input + output). */
            total_tokens: number;
        };
        /**
         * Duration usage
         * @description Usage statistics for models billed by audio input duration.
         * @example {
         *       "type": "duration",
         *       "seconds": 3.2
         *     }
         */
        TranscriptionUsageDuration: {
            /**
             * @description Always `duration`.
             * @enum {string}
             */
            type: "duration";
            /** @description Duration of the input audio in seconds. */
            seconds: number;
        };
        /**
         * @description Usage statistics of a transcription, by tokens or by audio duration.
         * @example {
         *       "type": "duration",
         *       "seconds": 3.2
         *     }
         */
        TranscriptionUsage: components["schemas"]["TranscriptionUsageTokens"] | components["schemas"]["TranscriptionUsageDuration"];
        /**
         * @description A transcription (`response_format` `json`).
         * @example {
         *       "text": "Hello there.",
         *       "usage": {
         *         "type": "duration",
         *         "seconds": 3.2
         *       }
         *     }
         */
        CreateTranscriptionResponseJson: {
            /** @description The transcribed text. */
            text: string;
            /** @description The log probabilities of the tokens in the transcription, when the engine reports them. */
            logprobs?: components["schemas"]["TranscriptLogProb"][];
            usage?: components["schemas"]["TranscriptionUsage"];
        };
        /**
         * @description A word of a transcript with its timing.
         * @example {
         *       "word": "Hello",
         *       "start": 0,
         *       "end": 0.4
         *     }
         */
        TranscriptionWord: {
            /** @description The text content of the word. */
            word: string;
            /** @description Start time of the word in seconds. */
            start: number;
            /** @description End time of the word in seconds. */
            end: number;
        };
        /**
         * @description A segment of a transcript, with its timing and decoding statistics. Cordon's embedded whisper.cpp
         *     engine reports no per-segment token ids or log probabilities: from it `tokens` is empty and
         *     `avg_logprob` and `no_speech_prob` are 0; `compression_ratio` is computed from the text. Word
         *     timings (`timestamp_granularities[]=word`) are estimated from the segment's timing.
         * @example {
         *       "id": 0,
         *       "seek": 0,
         *       "start": 0,
         *       "end": 3.2,
         *       "text": " Hello there.",
         *       "tokens": [
         *         50364,
         *         2425,
         *         456,
         *         13
         *       ],
         *       "temperature": 0,
         *       "avg_logprob": -0.28,
         *       "compression_ratio": 0.9,
         *       "no_speech_prob": 0.01
         *     }
         */
        TranscriptionSegment: {
            /** @description Unique identifier of the segment. */
            id: number;
            /** @description Seek offset of the segment. */
            seek: number;
            /** @description Start time of the segment in seconds. */
            start: number;
            /** @description End time of the segment in seconds. */
            end: number;
            /** @description Text content of the segment. */
            text: string;
            /** @description Token IDs of the text content. */
            tokens: number[];
            /** @description Temperature used for generating the segment. */
            temperature: number;
            /** @description Average log probability of the segment. Below -1, consider the logprobs failed. */
            avg_logprob: number;
            /** @description Compression ratio of the segment. Above 2.4, consider the compression failed. */
            compression_ratio: number;
            /** @description Probability of no speech in the segment. Above 1.0 with `avg_logprob` below -1, consider the segment silent. */
            no_speech_prob: number;
        };
        /**
         * @description A transcription with timings (`response_format` `verbose_json`).
         * @example {
         *       "task": "transcribe",
         *       "language": "english",
         *       "duration": 3.2,
         *       "text": "Hello there.",
         *       "words": [
         *         {
         *           "word": "Hello",
         *           "start": 0,
         *           "end": 0.4
         *         },
         *         {
         *           "word": "there",
         *           "start": 0.4,
         *           "end": 0.9
         *         }
         *       ],
         *       "segments": [
         *         {
         *           "id": 0,
         *           "seek": 0,
         *           "start": 0,
         *           "end": 3.2,
         *           "text": " Hello there.",
         *           "tokens": [
         *             50364,
         *             2425,
         *             456,
         *             13
         *           ],
         *           "temperature": 0,
         *           "avg_logprob": -0.28,
         *           "compression_ratio": 0.9,
         *           "no_speech_prob": 0.01
         *         }
         *       ],
         *       "usage": {
         *         "type": "duration",
         *         "seconds": 3.2
         *       }
         *     }
         */
        CreateTranscriptionResponseVerboseJson: {
            /**
             * @description Always `transcribe`.
             * @enum {string}
             */
            task?: "transcribe";
            /** @description The language of the input audio. */
            language: string;
            /** @description The duration of the input audio, in seconds. */
            duration: number;
            /** @description The transcribed text. */
            text: string;
            /** @description Extracted words and their timestamps (with `timestamp_granularities[]=word`). */
            words?: components["schemas"]["TranscriptionWord"][];
            /** @description Segments of the transcribed text and their details (with `timestamp_granularities[]=segment`, the default). */
            segments?: components["schemas"]["TranscriptionSegment"][];
            usage?: components["schemas"]["TranscriptionUsageDuration"];
        };
        /**
         * transcript.text.delta
         * @description Emitted when there is an additional text delta. The first event of a streamed transcription.
         * @example {
         *       "type": "transcript.text.delta",
         *       "delta": " Hello"
         *     }
         */
        TranscriptTextDeltaEvent: {
            /**
             * @description Always `transcript.text.delta`.
             * @enum {string}
             */
            type: "transcript.text.delta";
            /** @description The text delta that was additionally transcribed. */
            delta: string;
            /** @description The log probabilities of the delta, when the engine reports them. */
            logprobs?: components["schemas"]["TranscriptLogProb"][];
        };
        /**
         * transcript.text.done
         * @description Emitted when the transcription is complete, with the complete transcript. The last event.
         * @example {
         *       "type": "transcript.text.done",
         *       "text": "Hello there."
         *     }
         */
        TranscriptTextDoneEvent: {
            /**
             * @description Always `transcript.text.done`.
             * @enum {string}
             */
            type: "transcript.text.done";
            /** @description The text that was transcribed. */
            text: string;
            /** @description The log probabilities of the tokens in the transcription, when the engine reports them. */
            logprobs?: components["schemas"]["TranscriptLogProb"][];
            usage?: components["schemas"]["TranscriptionUsageTokens"];
        };
        /**
         * @description One Server-Sent Event of a streamed transcription (`data: <this object as JSON>`):
         *     `transcript.text.delta` events, then one `transcript.text.done`.
         * @example {
         *       "type": "transcript.text.delta",
         *       "delta": " Hello"
         *     }
         */
        CreateTranscriptionResponseStreamEvent: components["schemas"]["TranscriptTextDeltaEvent"] | components["schemas"]["TranscriptTextDoneEvent"];
        /**
         * @description A translation request (audio in any supported language to English text), sent as
         *     `multipart/form-data`. Unknown fields are accepted (and passed on to upstream engines).
         * @example {
         *       "file": "speech.wav",
         *       "model": "cordon-demo",
         *       "response_format": "json"
         *     }
         */
        CreateTranslationRequest: {
            /**
             * Format: binary
             * @description The audio file object (not file name) to translate, at most 25 MB, in the same formats as transcriptions.
             */
            file: string;
            /** @description ID of a model with the `transcription` capability. */
            model: string;
            /** @description An optional text to guide the model's style or continue a previous audio segment. It should be in English. */
            prompt?: string;
            response_format?: components["schemas"]["AudioResponseFormat"];
            /**
             * @description The sampling temperature, between 0 and 1. At 0 the model raises the temperature by itself (log probability thresholds) when needed.
             * @default 0
             */
            temperature: number;
        };
        /**
         * @description A translation (`response_format` `json`).
         * @example {
         *       "text": "Hello there."
         *     }
         */
        CreateTranslationResponseJson: {
            /** @description The translated (English) text. */
            text: string;
        };
        /**
         * @description A translation with timings (`response_format` `verbose_json`).
         * @example {
         *       "task": "translate",
         *       "language": "english",
         *       "duration": 2.1,
         *       "text": "Good morning.",
         *       "segments": [
         *         {
         *           "id": 0,
         *           "seek": 0,
         *           "start": 0,
         *           "end": 2.1,
         *           "text": " Good morning.",
         *           "tokens": [
         *             50364,
         *             2205,
         *             2446,
         *             13
         *           ],
         *           "temperature": 0,
         *           "avg_logprob": -0.31,
         *           "compression_ratio": 0.8,
         *           "no_speech_prob": 0.02
         *         }
         *       ]
         *     }
         */
        CreateTranslationResponseVerboseJson: {
            /**
             * @description Always `translate`.
             * @enum {string}
             */
            task?: "translate";
            /** @description The language of the output translation (always `english`). */
            language: string;
            /** @description The duration of the input audio, in seconds. */
            duration: number;
            /** @description The translated text. */
            text: string;
            /** @description Segments of the translated text and their details. */
            segments?: components["schemas"]["TranscriptionSegment"][];
        };
        /** @description An engine host's public key and the evidence that binds it to the caller's nonce (docs/confidential.md). */
        Attestation: {
            /** @enum {string} */
            object: "cordon.attestation";
            /**
             * @description The protocol version.
             * @enum {integer}
             */
            version: 1;
            /** @description The HPKE suite (RFC 9180) requests are sealed with. */
            suite: {
                /** @enum {string} */
                kem: "X-Wing";
                /** @enum {string} */
                kdf: "HKDF-SHA256";
                /** @enum {string} */
                aead: "AES-256-GCM";
            };
            /** @description Lowercase hex SHA-256 of the public key. */
            key_id: string;
            /** @description The X-Wing public key (1216 bytes), base64url. */
            public_key: string;
            /** @description The caller's nonce, echoed. */
            nonce: string;
            evidence: {
                /**
                 * @description `none`: no TEE (binds the key to the nonce, proves nothing about the machine); `sev-snp`, `tdx`: a hardware report.
                 * @enum {string}
                 */
                type: "none" | "sev-snp" | "tdx";
                /** @description SHA-512 of "cordon-attestation-v1", a zero byte, the public key and the nonce; the REPORT_DATA the hardware signs. */
                report_data: string;
                /** @description The hardware report (SEV-SNP attestation report or TDX quote), base64url. */
                report?: string;
            };
        };
        /**
         * @description A domain (tenant). Everything of one domain is invisible from every other.
         * @example {
         *       "id": "acme",
         *       "object": "domain",
         *       "name": "ACME Corp",
         *       "disabled": false,
         *       "created_at": 1763870400
         *     }
         */
        Domain: {
            /** @description The domain's slug, used in `/proxy/{domain_id}/v1`. */
            id: string;
            /** @enum {string} */
            object: "domain";
            name: string;
            /** @description A disabled domain's keys get 403 on every request. */
            disabled: boolean;
            /** @description Unix time (seconds). */
            created_at: number;
        };
        /**
         * @description A list of domains.
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "default",
         *           "object": "domain",
         *           "name": "Default",
         *           "disabled": false,
         *           "created_at": 1763870400
         *         }
         *       ]
         *     }
         */
        DomainList: {
            /**
             * @description Always `list`.
             * @enum {string}
             */
            object: "list";
            /** @description The domains. */
            data: components["schemas"]["Domain"][];
        };
        /**
         * @description A new domain.
         * @example {
         *       "id": "acme",
         *       "name": "ACME Corp"
         *     }
         */
        CreateDomainRequest: {
            /** @description The slug (lower-case letters, digits and dashes, at most 63 characters), used in `/proxy/{domain_id}/v1`. Made from the name when absent. */
            id?: string;
            /** @description The domain's display name. */
            name: string;
        };
        /**
         * @description Changes to a domain; absent fields are left as they are.
         * @example {
         *       "disabled": true
         *     }
         */
        UpdateDomainRequest: {
            /** @description The domain's display name. */
            name?: string;
            /** @description Disable (true) or enable (false) the domain. A disabled domain's keys get 403 on every request. */
            disabled?: boolean;
        };
        /**
         * @description A named regular expression that a guardrail matches against text.
         * @example {
         *       "name": "project-codename",
         *       "pattern": "\\bblue\\s*falcon\\b",
         *       "flags": "i"
         *     }
         */
        GuardrailPattern: {
            /** @description The rule's name, reported (never the matched text) when it fires. */
            name: string;
            /** @description A regular expression in RE2 syntax, matched in linear time (JavaScript spellings such as `\s`, `\uXXXX` and `(?<name>…)` mean what they mean in JavaScript). Backreferences and lookarounds are refused with 400, as are patterns longer than 2,000 characters or compiling to more than 1,000 RE2 instructions (for example `\w{1001}`). */
            pattern: string;
            /** @description Regular expression flags: any of `i`, `m`, `s`, `u`. */
            flags?: string;
        };
        /**
         * @description `block`: refuse the text (400 `content_policy_violation` on input; `content_filter` on output); `mask`: replace the match with `[REDACTED:<kind>]`; `allow`: do nothing.
         * @example mask
         * @enum {string}
         */
        PiiAction: "block" | "mask" | "allow";
        /**
         * @description What to do with each kind of personal data found in the text.
         * @example {
         *       "email": "mask",
         *       "phone": "allow",
         *       "credit_card": "block",
         *       "iban": "mask",
         *       "ip_address": "allow",
         *       "us_ssn": "block",
         *       "custom": [
         *         {
         *           "name": "employee_id",
         *           "pattern": "\\bEMP-\\d{6}\\b",
         *           "action": "mask"
         *         }
         *       ]
         *     }
         */
        PiiPolicy: {
            email?: components["schemas"]["PiiAction"];
            phone?: components["schemas"]["PiiAction"];
            credit_card?: components["schemas"]["PiiAction"];
            iban?: components["schemas"]["PiiAction"];
            ip_address?: components["schemas"]["PiiAction"];
            us_ssn?: components["schemas"]["PiiAction"];
            /** @description Your own kinds of personal data, each a named regular expression with its action (at most 100). */
            custom?: {
                /** @description The kind's name, used in `[REDACTED:<name>]` and in reports. */
                name: string;
                /** @description A regular expression in RE2 syntax, matched in linear time (as in `GuardrailPattern`). */
                pattern: string;
                action: components["schemas"]["PiiAction"];
            }[];
        };
        /**
         * @description Rate limits of one scope (a key, or a whole domain); null (or absent) for no limit.
         * @example {
         *       "requests_per_minute": 60,
         *       "tokens_per_minute": 100000,
         *       "concurrent_requests": 4
         *     }
         */
        RateLimits: {
            /** @description Requests per sliding minute. */
            requests_per_minute?: number | null;
            /** @description Tokens (input and output) per sliding minute. */
            tokens_per_minute?: number | null;
            /** @description Requests in flight at once. */
            concurrent_requests?: number | null;
        };
        /**
         * @description A domain's guardrails and rate limits. Missing parts take their defaults (nothing blocked, no limits).
         * @example {
         *       "guardrails": {
         *         "input": {
         *           "max_chars": 100000,
         *           "max_tokens": null,
         *           "blocked_terms": [
         *             "project-x"
         *           ],
         *           "blocked_patterns": [],
         *           "injection_detection": true,
         *           "pii": {
         *             "email": "mask",
         *             "phone": "allow",
         *             "credit_card": "block",
         *             "iban": "mask",
         *             "ip_address": "allow",
         *             "us_ssn": "block",
         *             "custom": []
         *           }
         *         },
         *         "output": {
         *           "blocked_terms": [],
         *           "blocked_patterns": [],
         *           "pii": {
         *             "email": "mask",
         *             "phone": "allow",
         *             "credit_card": "mask",
         *             "iban": "mask",
         *             "ip_address": "allow",
         *             "us_ssn": "mask",
         *             "custom": []
         *           }
         *         }
         *       },
         *       "limits": {
         *         "key": {
         *           "requests_per_minute": 60,
         *           "tokens_per_minute": 100000,
         *           "concurrent_requests": 4
         *         },
         *         "domain": {
         *           "requests_per_minute": 600,
         *           "tokens_per_minute": 1000000,
         *           "concurrent_requests": 32
         *         },
         *         "on_store_failure": "open"
         *       }
         *     }
         */
        Policy: {
            /** @description Rules applied to prompts before they reach an engine (`input`) and to generated text (`output`). */
            guardrails?: {
                /** @description Rules for prompts. A blocked prompt gets 400 `content_policy_violation` and never reaches an engine. */
                input?: {
                    /** @description The largest prompt, in characters; null for no limit. */
                    max_chars?: number | null;
                    /** @description The largest prompt, in tokens; null for no limit. */
                    max_tokens?: number | null;
                    /** @description Words or phrases that block a prompt (case-insensitive, whole words; at most 1,000 of at most 200 characters). */
                    blocked_terms?: string[];
                    /** @description Regular expressions that block a prompt (at most 100). */
                    blocked_patterns?: components["schemas"]["GuardrailPattern"][];
                    /** @description Refuse prompts that match the maintained prompt-injection and jailbreak patterns. */
                    injection_detection?: boolean;
                    pii?: components["schemas"]["PiiPolicy"];
                };
                /** @description Rules for generated text. Blocked output ends the answer with `finish_reason` `content_filter`. */
                output?: {
                    /** @description Words or phrases that must not appear in generated text (at most 1,000 of at most 200 characters). */
                    blocked_terms?: string[];
                    /** @description Regular expressions that must not match generated text (at most 100). */
                    blocked_patterns?: components["schemas"]["GuardrailPattern"][];
                    pii?: components["schemas"]["PiiPolicy"];
                };
            };
            /** @description Rate limits. A request over a limit gets 429 with `Retry-After` and never reaches an engine. */
            limits?: {
                /** @description Limits of each key of the domain. */
                key?: components["schemas"]["RateLimits"];
                /** @description Limits of the domain as a whole. */
                domain?: components["schemas"]["RateLimits"];
                /**
                 * @description What to do when the shared limit store (Redis) is unreachable.
                 * @enum {string}
                 */
                on_store_failure?: "open" | "closed";
            };
        };
        /**
         * @description A personal access token (API key). The secret itself is never returned here; it is shown once, when the key is created or rotated.
         * @example {
         *       "id": "k3j9x2m4p7q1",
         *       "object": "api_key",
         *       "domain_id": "acme",
         *       "name": "ci-bot",
         *       "role": "member",
         *       "prefix": "cdn_k3j9x2m4",
         *       "created_at": 1763870400,
         *       "expires_at": null,
         *       "last_used_at": 1763874000,
         *       "revoked_at": null
         *     }
         */
        Key: {
            /** @description The key's id (not its secret). */
            id: string;
            /**
             * @description Always `api_key`.
             * @enum {string}
             */
            object: "api_key";
            /** @description The domain the key belongs to and acts in. */
            domain_id: string;
            /** @description A name for people, e.g. what the key is for. */
            name: string;
            /**
             * @description `member`: inference only; `admin`: also manages its own domain's keys and reads its policy and usage; `superadmin`: the whole platform.
             * @enum {string}
             */
            role: "member" | "admin" | "superadmin";
            /** @description The first characters of the secret, to recognise the key in lists and logs. */
            prefix: string;
            /** @description Unix time (seconds) when the key was created. */
            created_at: number;
            /** @description Unix time (seconds) after which the key stops working; null for never. */
            expires_at: number | null;
            /** @description Unix time (seconds) of the key's last authenticated request (approximate); null if never used. */
            last_used_at: number | null;
            /** @description Unix time (seconds) when the key was revoked; null if it was not. */
            revoked_at: number | null;
        };
        /**
         * @description A page of keys, oldest first.
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "k3j9x2m4p7q1",
         *           "object": "api_key",
         *           "domain_id": "acme",
         *           "name": "ci-bot",
         *           "role": "member",
         *           "prefix": "cdn_k3j9x2m4",
         *           "created_at": 1763870400,
         *           "expires_at": null,
         *           "last_used_at": 1763874000,
         *           "revoked_at": null
         *         }
         *       ],
         *       "first_id": "k3j9x2m4p7q1",
         *       "last_id": "k3j9x2m4p7q1",
         *       "has_more": false
         *     }
         */
        KeyList: {
            /**
             * @description Always `list`.
             * @enum {string}
             */
            object: "list";
            /** @description The keys. */
            data: components["schemas"]["Key"][];
            /** @description The id of the first key on this page (null when the page is empty). */
            first_id: string | null;
            /** @description The id of the last key on this page; pass it as `after` for the next page. */
            last_id: string | null;
            /** @description Whether more keys follow this page. */
            has_more: boolean;
        };
        /**
         * @description A new key.
         * @example {
         *       "domain_id": "acme",
         *       "name": "ci-bot",
         *       "role": "member",
         *       "expires_at": null
         *     }
         */
        CreateKeyRequest: {
            /** @description The key's domain; the caller's own domain when absent. Only a superadmin may name another domain. */
            domain_id?: string;
            /** @description A name for people, e.g. what the key is for. */
            name: string;
            /**
             * @description The key's role. Only a superadmin may create `superadmin` keys.
             * @default member
             * @enum {string}
             */
            role: "member" | "admin" | "superadmin";
            /** @description Unix time (seconds), in the future, after which the key stops working; null or absent for never. */
            expires_at?: number | null;
        };
        /**
         * @description A key with its secret. The secret is shown this once (on create and rotate) and stored only as a hash.
         * @example {
         *       "id": "k3j9x2m4p7q1",
         *       "object": "api_key",
         *       "domain_id": "acme",
         *       "name": "ci-bot",
         *       "role": "member",
         *       "prefix": "cdn_k3j9x2m4",
         *       "created_at": 1763870400,
         *       "expires_at": null,
         *       "last_used_at": null,
         *       "revoked_at": null,
         *       "secret": "cdn_k3j9x2m4p7q1_3q2-7wFh0vS8r5YdXcZk1bN4mP6tJ9aLeG0uQiWoR2s"
         *     }
         */
        CreatedKey: components["schemas"]["Key"] & {
            /** @description The secret to send as `Authorization: Bearer <secret>`. Shown only in this response. */
            secret: string;
        };
        /**
         * @description Engine settings. File engines (`llama-cpp`, `whisper`) need `path`; upstream engines
         *     (`openai-compatible`, `ollama`) need `targets`. Other engine-specific settings are kept as given.
         * @example {
         *       "targets": [
         *         {
         *           "base_url": "http://10.0.0.5:8000/v1",
         *           "model": "meta-llama/Llama-3.1-8B-Instruct",
         *           "api_key_env": "CORDON_UPSTREAM_KEY_VLLM"
         *         }
         *       ],
         *       "fallback_model": "cordon-demo"
         *     }
         */
        RegistryModelSettings: {
            /** @description The model file (GGUF for llama-cpp, ggml `.bin` for whisper). */
            path?: string;
            /** @description Upstream replicas, balanced by least outstanding requests. */
            targets?: {
                /**
                 * Format: uri
                 * @description The upstream's base URL, e.g. `http://10.0.0.5:8000/v1`. When the gateway sets `CORDON_UPSTREAM_HOSTS`, its host (or host:port) must be in that list, else 400 naming this field.
                 */
                base_url: string;
                /** @description The model's name upstream. */
                model: string;
                /** @description The name of the environment variable that holds the upstream's API key (never the key itself). Only names the gateway allows (`CORDON_UPSTREAM_KEY_ENV_ALLOW`; by default those starting with `CORDON_UPSTREAM_KEY_`), else 400 naming this field; the gateway's own `CORDON_` settings never. */
                api_key_env?: string;
            }[];
            /** @description Another registered model to use when every target fails before the first byte. */
            fallback_model?: string;
            /** @description The context window, in tokens (file engines). */
            context_size?: number;
            /** @description The upstream speaks the Responses API itself; pass Responses requests through instead of translating them to chat. */
            native_responses?: boolean;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description What the model can do through this gateway: `chat` (chat completions and the Responses API), `completions`, `embeddings`, `transcription` (audio transcriptions and translations).
         * @example [
         *       "chat",
         *       "completions"
         *     ]
         */
        Capabilities: ("chat" | "completions" | "embeddings" | "transcription")[];
        /**
         * @description The engine's view of the model in this gateway process.
         * @example {
         *       "state": "failed",
         *       "reason": "The model file is not a GGUF file."
         *     }
         */
        ModelState: {
            /**
             * @description `unloaded`: not in memory (loaded on first use); `loading`; `ready`; `failed`: see `reason`.
             * @enum {string}
             */
            state: "unloaded" | "loading" | "ready" | "failed";
            /** @description Why the model failed to load. */
            reason?: string;
        };
        /**
         * @description A model in the platform-wide registry, and the engine that serves it.
         * @example {
         *       "id": "cordon-demo",
         *       "object": "registry_model",
         *       "engine": "llama-cpp",
         *       "settings": {
         *         "path": "/srv/cordon/data/models/cordon-demo.gguf",
         *         "context_size": 2048
         *       },
         *       "capabilities": [
         *         "chat",
         *         "completions",
         *         "embeddings"
         *       ],
         *       "owned_by": "cordon",
         *       "created": 1763870400,
         *       "domains": null,
         *       "status": {
         *         "state": "ready"
         *       }
         *     }
         */
        RegistryModel: {
            /** @description The model's ID, what clients send as `model`. */
            id: string;
            /**
             * @description Always `registry_model`.
             * @enum {string}
             */
            object: "registry_model";
            /**
             * @description `llama-cpp` and `whisper` run a model file in the gateway; `openai-compatible` and `ollama` forward to upstream servers.
             * @enum {string}
             */
            engine: "llama-cpp" | "whisper" | "openai-compatible" | "ollama";
            settings: components["schemas"]["RegistryModelSettings"];
            capabilities: components["schemas"]["Capabilities"];
            /** @description The organization that owns the model, as `/v1/models` shows it. */
            owned_by: string;
            /** @description Unix time (seconds) when the model was registered. */
            created: number;
            /** @description The domains that may use the model; null for all domains. */
            domains: string[] | null;
            status?: components["schemas"]["ModelState"];
        };
        /**
         * @description The models in the registry.
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "id": "cordon-demo",
         *           "object": "registry_model",
         *           "engine": "llama-cpp",
         *           "settings": {
         *             "path": "/srv/cordon/data/models/cordon-demo.gguf"
         *           },
         *           "capabilities": [
         *             "chat",
         *             "completions",
         *             "embeddings"
         *           ],
         *           "owned_by": "cordon",
         *           "created": 1763870400,
         *           "domains": null,
         *           "status": {
         *             "state": "ready"
         *           }
         *         }
         *       ]
         *     }
         */
        RegistryModelList: {
            /**
             * @description Always `list`.
             * @enum {string}
             */
            object: "list";
            /** @description The registry models. */
            data: components["schemas"]["RegistryModel"][];
        };
        /**
         * @description A model to add to the registry.
         * @example {
         *       "id": "cordon-demo",
         *       "engine": "llama-cpp",
         *       "settings": {
         *         "path": "/srv/cordon/data/models/cordon-demo.gguf"
         *       },
         *       "capabilities": [
         *         "chat",
         *         "completions",
         *         "embeddings"
         *       ],
         *       "domains": null
         *     }
         */
        CreateRegistryModelRequest: {
            /** @description The model's ID, what clients will send as `model`. */
            id: string;
            /**
             * @description The engine that serves the model.
             * @enum {string}
             */
            engine: "llama-cpp" | "whisper" | "openai-compatible" | "ollama";
            settings: components["schemas"]["RegistryModelSettings"];
            capabilities: components["schemas"]["Capabilities"];
            /**
             * @description The organization that owns the model, as `/v1/models` shows it.
             * @default cordon
             */
            owned_by: string;
            /** @description The domains that may use the model; null or absent for all domains. */
            domains?: string[] | null;
        };
        /**
         * @description The confirmation that a model was removed from the registry.
         * @example {
         *       "id": "cordon-demo",
         *       "object": "registry_model",
         *       "deleted": true
         *     }
         */
        DeletedRegistryModel: {
            /** @description The ID of the removed model. */
            id: string;
            /**
             * @description Always `registry_model`.
             * @enum {string}
             */
            object: "registry_model";
            /**
             * @description Always true.
             * @enum {boolean}
             */
            deleted: true;
        };
        /**
         * @description Changes to a registry model; absent fields are left as they are. `settings` replaces the settings as a whole.
         * @example {
         *       "domains": [
         *         "acme"
         *       ]
         *     }
         */
        UpdateRegistryModelRequest: {
            /**
             * @description The engine that serves the model.
             * @enum {string}
             */
            engine?: "llama-cpp" | "whisper" | "openai-compatible" | "ollama";
            settings?: components["schemas"]["RegistryModelSettings"];
            capabilities?: components["schemas"]["Capabilities"];
            /** @description The organization that owns the model. */
            owned_by?: string;
            /** @description The domains that may use the model; null for all domains. */
            domains?: string[] | null;
        };
        /**
         * @description Usage totals, one row per group (`group_by`), and the totals of all rows.
         * @example {
         *       "object": "list",
         *       "data": [
         *         {
         *           "day": "2026-11-23",
         *           "model": "cordon-demo",
         *           "key_id": "k3j9x2m4p7q1",
         *           "domain_id": "acme",
         *           "requests": 12,
         *           "input_tokens": 340,
         *           "output_tokens": 910,
         *           "errors": 0
         *         }
         *       ],
         *       "totals": {
         *         "requests": 12,
         *         "input_tokens": 340,
         *         "output_tokens": 910
         *       }
         *     }
         */
        UsageReport: {
            /**
             * @description Always `list`.
             * @enum {string}
             */
            object: "list";
            /** @description One row per group; a grouping field is present only when grouped by it. */
            data: {
                /** @description The day (UTC), `YYYY-MM-DD`; with `group_by=day`. */
                day?: string;
                /** @description The model; with `group_by=model`. */
                model?: string;
                /** @description The key; with `group_by=key`. */
                key_id?: string;
                /** @description The key's domain; with `group_by=key`. */
                domain_id?: string;
                /** @description Requests served. */
                requests: number;
                /** @description Input (prompt) tokens, as the engines reported them. */
                input_tokens: number;
                /** @description Output (generated) tokens, as the engines reported them. */
                output_tokens: number;
                /** @description Requests that ended in an error. */
                errors: number;
            }[];
            /** @description The sums over all rows. */
            totals: {
                /** @description Requests served. */
                requests: number;
                /** @description Input tokens. */
                input_tokens: number;
                /** @description Output tokens. */
                output_tokens: number;
            };
        };
    };
    responses: {
        /** @description Any other error (for example 501 for an operation this gateway does not implement, 502 or 504 from an upstream). */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "This operation is not implemented by this gateway.",
                 *         "type": "server_error",
                 *         "param": null,
                 *         "code": "not_implemented"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request is malformed or a parameter is invalid. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Missing required parameter: messages.",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": null
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The API key is missing, malformed, unknown, revoked or expired. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Incorrect API key provided.",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": "invalid_api_key"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The key may not do this, or may not act in this domain; or, with code `engine_crash_limit` and `Retry-After`, it is refused this model for a while because its requests crashed the model's engine twice in 10 minutes. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "This key may not act in this domain.",
                 *         "type": "permission_error",
                 *         "param": null,
                 *         "code": "forbidden"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The resource does not exist, or is not visible to the calling domain. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "The model `gpt-x` does not exist or you do not have access to it.",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": "model_not_found"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request body is larger than the configured limit. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Request body too large.",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": "payload_too_large"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request's content type is not supported by this operation. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Unsupported content type: text/plain.",
                 *         "type": "invalid_request_error",
                 *         "param": null,
                 *         "code": "unsupported_media_type"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description A rate limit was exceeded. The request never reached an engine. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "x-ratelimit-limit-requests": components["headers"]["x-ratelimit-limit-requests"];
                "x-ratelimit-remaining-requests": components["headers"]["x-ratelimit-remaining-requests"];
                "x-ratelimit-reset-requests": components["headers"]["x-ratelimit-reset-requests"];
                "x-ratelimit-limit-tokens": components["headers"]["x-ratelimit-limit-tokens"];
                "x-ratelimit-remaining-tokens": components["headers"]["x-ratelimit-remaining-tokens"];
                "x-ratelimit-reset-tokens": components["headers"]["x-ratelimit-reset-tokens"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "Rate limit reached for requests per minute. Limit 60, used 60. Try again in 1s.",
                 *         "type": "rate_limit_error",
                 *         "param": null,
                 *         "code": "rate_limit_exceeded"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description An unexpected error inside the gateway. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "The server had an error while processing your request.",
                 *         "type": "server_error",
                 *         "param": null,
                 *         "code": null
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The engine is overloaded, not ready, or failed to load the model. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": {
                 *         "message": "The model is loading; try again shortly.",
                 *         "type": "server_error",
                 *         "param": null,
                 *         "code": "model_unavailable"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /**
         * @description The ID of the model.
         * @example cordon-demo
         */
        ModelId: string;
        /**
         * @description The ID of the response.
         * @example resp_67ccd2bed1ec8190b14f964abc054267
         */
        ResponseId: string;
        /**
         * @description The domain's id.
         * @example acme
         */
        DomainId: string;
        /**
         * @description The key's id (not its secret).
         * @example k3j9x2m4p7q1
         */
        KeyId: string;
        /**
         * @description The ID of the model in the registry (what clients send as `model`).
         * @example cordon-demo
         */
        RegistryModelId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying.
         * @example 2
         */
        "Retry-After": number;
        /**
         * @description The maximum number of requests allowed per minute.
         * @example 60
         */
        "x-ratelimit-limit-requests": number;
        /**
         * @description The remaining number of requests in the current window.
         * @example 59
         */
        "x-ratelimit-remaining-requests": number;
        /**
         * @description The time until the requests limit resets, as OpenAI writes it (for example `1s`, `6m0s`).
         * @example 1s
         */
        "x-ratelimit-reset-requests": string;
        /**
         * @description The maximum number of tokens allowed per minute.
         * @example 60
         */
        "x-ratelimit-limit-tokens": number;
        /**
         * @description The remaining number of tokens in the current window.
         * @example 59
         */
        "x-ratelimit-remaining-tokens": number;
        /**
         * @description The time until the tokens limit resets, as OpenAI writes it (for example `1s`, `6m0s`).
         * @example 1s
         */
        "x-ratelimit-reset-tokens": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "cordon-demo",
                     *           "object": "model",
                     *           "created": 1763870400,
                     *           "owned_by": "cordon",
                     *           "capabilities": [
                     *             "chat",
                     *             "completions",
                     *             "embeddings"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListModelsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    retrieveModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the model.
                 * @example cordon-demo
                 */
                model: components["parameters"]["ModelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cordon-demo",
                     *       "object": "model",
                     *       "created": 1763870400,
                     *       "owned_by": "cordon",
                     *       "capabilities": [
                     *         "chat",
                     *         "completions",
                     *         "embeddings"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Model"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createChatCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChatCompletionRequest"];
            };
        };
        responses: {
            /** @description A chat completion, or (with `stream: true`) a stream of chunks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "chatcmpl-9x8y7z",
                     *       "object": "chat.completion",
                     *       "created": 1763870400,
                     *       "model": "cordon-demo",
                     *       "choices": [
                     *         {
                     *           "index": 0,
                     *           "message": {
                     *             "role": "assistant",
                     *             "content": "Hello! How can I help you today?",
                     *             "refusal": null
                     *           },
                     *           "logprobs": null,
                     *           "finish_reason": "stop"
                     *         }
                     *       ],
                     *       "usage": {
                     *         "prompt_tokens": 19,
                     *         "completion_tokens": 9,
                     *         "total_tokens": 28
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateChatCompletionResponse"];
                    /**
                     * @example {
                     *       "id": "chatcmpl-9x8y7z",
                     *       "object": "chat.completion.chunk",
                     *       "created": 1763870400,
                     *       "model": "cordon-demo",
                     *       "choices": [
                     *         {
                     *           "index": 0,
                     *           "delta": {
                     *             "role": "assistant",
                     *             "content": "Hello"
                     *           },
                     *           "finish_reason": null
                     *         }
                     *       ]
                     *     }
                     */
                    "text/event-stream": components["schemas"]["CreateChatCompletionStreamResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createCompletion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model": "cordon-demo",
                 *       "prompt": "Once upon a time",
                 *       "max_tokens": 16
                 *     }
                 */
                "application/json": components["schemas"]["CreateCompletionRequest"];
            };
        };
        responses: {
            /** @description A completion, or (with `stream: true`) a stream of completion events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cmpl-9x8y7z",
                     *       "object": "text_completion",
                     *       "created": 1763870400,
                     *       "model": "cordon-demo",
                     *       "choices": [
                     *         {
                     *           "index": 0,
                     *           "text": " there was a gateway.",
                     *           "logprobs": null,
                     *           "finish_reason": "length"
                     *         }
                     *       ],
                     *       "usage": {
                     *         "prompt_tokens": 4,
                     *         "completion_tokens": 16,
                     *         "total_tokens": 20
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateCompletionResponse"];
                    /**
                     * @example {
                     *       "id": "cmpl-9x8y7z",
                     *       "object": "text_completion",
                     *       "created": 1763870400,
                     *       "model": "cordon-demo",
                     *       "choices": [
                     *         {
                     *           "index": 0,
                     *           "text": " there",
                     *           "logprobs": null,
                     *           "finish_reason": null
                     *         }
                     *       ]
                     *     }
                     */
                    "text/event-stream": components["schemas"]["CreateCompletionResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createEmbedding: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model": "cordon-demo",
                 *       "input": [
                 *         "The food was delicious.",
                 *         "The service was slow."
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateEmbeddingRequest"];
            };
        };
        responses: {
            /** @description The embeddings, in input order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "model": "cordon-demo",
                     *       "data": [
                     *         {
                     *           "object": "embedding",
                     *           "index": 0,
                     *           "embedding": [
                     *             0.0023,
                     *             -0.0094,
                     *             0.0157
                     *           ]
                     *         },
                     *         {
                     *           "object": "embedding",
                     *           "index": 1,
                     *           "embedding": [
                     *             -0.0112,
                     *             0.0051,
                     *             0.0203
                     *           ]
                     *         }
                     *       ],
                     *       "usage": {
                     *         "prompt_tokens": 11,
                     *         "total_tokens": 11
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateEmbeddingResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createResponse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateResponse"];
            };
        };
        responses: {
            /** @description The response, or (with `stream: true`) a stream of typed events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                     *       "object": "response",
                     *       "created_at": 1763870400,
                     *       "status": "completed",
                     *       "model": "cordon-demo",
                     *       "output": [
                     *         {
                     *           "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                     *           "type": "message",
                     *           "role": "assistant",
                     *           "status": "completed",
                     *           "content": [
                     *             {
                     *               "type": "output_text",
                     *               "text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                     *               "annotations": [],
                     *               "logprobs": []
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "output_text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                     *       "error": null,
                     *       "incomplete_details": null,
                     *       "instructions": null,
                     *       "metadata": {},
                     *       "tools": [],
                     *       "tool_choice": "auto",
                     *       "text": {
                     *         "format": {
                     *           "type": "text"
                     *         }
                     *       },
                     *       "temperature": 1,
                     *       "top_p": 1,
                     *       "max_output_tokens": null,
                     *       "parallel_tool_calls": true,
                     *       "previous_response_id": null,
                     *       "store": true,
                     *       "usage": {
                     *         "input_tokens": 36,
                     *         "input_tokens_details": {
                     *           "cached_tokens": 0,
                     *           "cache_write_tokens": 0
                     *         },
                     *         "output_tokens": 14,
                     *         "output_tokens_details": {
                     *           "reasoning_tokens": 0
                     *         },
                     *         "total_tokens": 50
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Response"];
                    "text/event-stream": components["schemas"]["ResponseStreamEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the response.
                 * @example resp_67ccd2bed1ec8190b14f964abc054267
                 */
                response_id: components["parameters"]["ResponseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                     *       "object": "response",
                     *       "created_at": 1763870400,
                     *       "status": "completed",
                     *       "model": "cordon-demo",
                     *       "output": [
                     *         {
                     *           "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                     *           "type": "message",
                     *           "role": "assistant",
                     *           "status": "completed",
                     *           "content": [
                     *             {
                     *               "type": "output_text",
                     *               "text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                     *               "annotations": [],
                     *               "logprobs": []
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "output_text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                     *       "error": null,
                     *       "incomplete_details": null,
                     *       "instructions": null,
                     *       "metadata": {},
                     *       "tools": [],
                     *       "tool_choice": "auto",
                     *       "text": {
                     *         "format": {
                     *           "type": "text"
                     *         }
                     *       },
                     *       "temperature": 1,
                     *       "top_p": 1,
                     *       "max_output_tokens": null,
                     *       "parallel_tool_calls": true,
                     *       "previous_response_id": null,
                     *       "store": true,
                     *       "usage": {
                     *         "input_tokens": 36,
                     *         "input_tokens_details": {
                     *           "cached_tokens": 0,
                     *           "cache_write_tokens": 0
                     *         },
                     *         "output_tokens": 14,
                     *         "output_tokens_details": {
                     *           "reasoning_tokens": 0
                     *         },
                     *         "total_tokens": 50
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Response"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    deleteResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the response.
                 * @example resp_67ccd2bed1ec8190b14f964abc054267
                 */
                response_id: components["parameters"]["ResponseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The response was deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                     *       "object": "response",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createTranscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CreateTranscriptionRequest"];
            };
        };
        responses: {
            /** @description The transcript, in the requested format, or (with `stream: true`) a stream of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTranscriptionResponseJson"] | components["schemas"]["CreateTranscriptionResponseVerboseJson"];
                    "text/plain": string;
                    "text/event-stream": components["schemas"]["CreateTranscriptionResponseStreamEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createTranslation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "file": "speech.wav",
                 *       "model": "cordon-demo",
                 *       "response_format": "json"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["CreateTranslationRequest"];
            };
        };
        responses: {
            /** @description The English text, in the requested format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTranslationResponseJson"] | components["schemas"]["CreateTranslationResponseVerboseJson"];
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getAttestation: {
        parameters: {
            query: {
                /**
                 * @description The model whose engine host's key is wanted.
                 * @example cordon-demo
                 */
                model: string;
                /**
                 * @description 32 random bytes, base64url without padding, fresh for every call.
                 * @example q4b8Hc2mD0yq7QW3cF1xq1l2m3n4o5p6q7r8s9t0u1s
                 */
                nonce: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The host's key and its evidence. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "cordon.attestation",
                     *       "version": 1,
                     *       "suite": {
                     *         "kem": "X-Wing",
                     *         "kdf": "HKDF-SHA256",
                     *         "aead": "AES-256-GCM"
                     *       },
                     *       "key_id": "307f6d6fdfb1699ca0b1e3442df8fff7952ff077b4045e34c62f88887e708036",
                     *       "public_key": "59sQ-DgcwyPJTNnJ7uFhQimBwLIsguJP4psmVIXBvryXCCuP7ohMz_iI4XikGtacPClruEZDmhmqo1J0f3i0zaFwBMgxprhj6RWv7BnAA4XDIyqcNTlpW1iot5oNvLYI1ygdZ6MrgZgc3Hqb9Owx4XGlDtgrvHgSxrWGQkRZ2sqAHzpEybYxzaoqZdyn5FaQMtt_ppwY7apFI3Kw9UOpVFNCwPp_zikeKTe7Wos7GayCN9QJOWCKkElsfjqj38mmdZa9TDd-zIMuzfRG-bZgWosBWtqv5igeRBcbuLuY3AibBmVL61d8gDIcJ_kRR-cZgqSeQQDJY3lmpUiwCBEcAQiHfrSfmIuN_YUpH7qFx8Q6yMUMBiE5lHgfAZqKFeGjR4RZ3UZeP4h2uLBl4_lesrQE_7EboYpL-Oy16IAdSls1ArUXN3ZW6_i5kUA5O8OX9YRaojW2DgdjbJoQrGybh3IRQPJzKfI-DqrJ2NmvxPoqstlTPjFV1_dLydhjRdpcEEnNIMAux-VuzEFq0dybewWfbbuXn3pnKvFsPFjFj5Jw0NU3vSRi8QIQuAmUoedlUVZtdqAbbjh3CLpKfJXGFFcJbneJ4_qbEmDB2qVvaZG5HGVqZIyIBvuvFYyJHCNJ9XcFDkutvKtSAxeuZMNk9MYUx2Gv0pLKZSWt9YkxZqqWpyyHA2muYiGDagqeI9MEMdpyoRkIsRkBRxx-fCOXh7katZwWf-zA01ON0lsJEHy8uDllg4AOhgAHqJmi9AUX8IYIesEPgZuOcdC4xZltOSQ-8mik-Na8aJQt6soeLJtai_jL2pMR-oZicDlhPOcRMNYYOUxkPFEYbWUmEsNyVkJiuFdSGeeD1vXGRIKDkHSS74Orvfx-XEI000KWfCyRSuy_67NzIyu4iTQyuACH6Ic0ofdtPlQLVyKllIOE_qo5R3Al3FJUTFE1ZPsltiUusFSOQoxVP3MftSOWOwRo2dmBk9AXwOKQX_yT_MxAFgM8vCo_3NaLLxs21lmHTvZ74ZJSvYRw5Tazk1EmlhRFN-I1EtwHsdEmNTdPEEMmlRybquHOU2agfdd0qTYfdUzEprmgKfCDkNhZ8QsHNKo4LGVEqTmthQXFRbxUhROCh2Usk7QS8riaZpEgXQG-bhvHP9ASlXOiPyKmy1G4KcNF0GGePtZ3izsERoMNSTlVyHQG5jTA4nZerCiPYlgP-ZyffBKXj5tugfx3f9VJP4kOtPYP4Ma7sFJDSxQIfMYMyKjH6WKMfgezgZtuLGRUu6VypemKI_y6A8nFqGk0zaU_yXZmwpa9OWRswpuQx4wd1kcAhwp5doZHZEIwBStCIMC37TlG95lM7YBBK1u2UEZk9-Bd52heKIywxxdtjTs5besmOZPIGtvIydq5yIcxVzG2S-PGrGjBsVNFhvGc0BqWyNxAILRg6ZOtIhRuKTB3MCxGaOiB7TAYbzGJkPm9kla-A8iXgslXbGurWwlnf6rM2buP7NyDNDsC5pynAzkrHqRxHBQVVoSF5ZZGXyGexoNZU2__OeL4q76gwvSIIYcKEjvkbh-VwbhHCxrO6QYMsaYTqNHwjgI83v6DdGoaEdkCkC9AqFAWv9J4A1hLVF6BMQ",
                     *       "nonce": "q4b8Hc2mD0yq7QW3cF1xq1l2m3n4o5p6q7r8s9t0u1s",
                     *       "evidence": {
                     *         "type": "none",
                     *         "report_data": "6a85cc3bba54ae7320a81ebebdbc64c2350374b9c948d08975ec06d058a8eb9e5be06eac6b90c7e4a95eb51686798b0b4f86e51c9e4185d692092d3a4ab073b7"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Attestation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    listDomains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domains. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "default",
                     *           "object": "domain",
                     *           "name": "Default",
                     *           "disabled": false,
                     *           "created_at": 1763870400
                     *         },
                     *         {
                     *           "id": "acme",
                     *           "object": "domain",
                     *           "name": "ACME Corp",
                     *           "disabled": false,
                     *           "created_at": 1763870400
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["DomainList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createDomain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "acme",
                 *       "name": "ACME Corp"
                 *     }
                 */
                "application/json": components["schemas"]["CreateDomainRequest"];
            };
        };
        responses: {
            /** @description The new domain. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "acme",
                     *       "object": "domain",
                     *       "name": "ACME Corp",
                     *       "disabled": false,
                     *       "created_at": 1763870400
                     *     }
                     */
                    "application/json": components["schemas"]["Domain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain's id.
                 * @example acme
                 */
                domain_id: components["parameters"]["DomainId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "acme",
                     *       "object": "domain",
                     *       "name": "ACME Corp",
                     *       "disabled": false,
                     *       "created_at": 1763870400
                     *     }
                     */
                    "application/json": components["schemas"]["Domain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    updateDomain: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain's id.
                 * @example acme
                 */
                domain_id: components["parameters"]["DomainId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDomainRequest"];
            };
        };
        responses: {
            /** @description The updated domain. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "acme",
                     *       "object": "domain",
                     *       "name": "ACME Corp",
                     *       "disabled": true,
                     *       "created_at": 1763870400
                     *     }
                     */
                    "application/json": components["schemas"]["Domain"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getDomainPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain's id.
                 * @example acme
                 */
                domain_id: components["parameters"]["DomainId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guardrails": {
                     *         "input": {
                     *           "max_chars": 100000,
                     *           "max_tokens": null,
                     *           "blocked_terms": [
                     *             "project-x"
                     *           ],
                     *           "blocked_patterns": [
                     *             {
                     *               "name": "project-codename",
                     *               "pattern": "\\bblue\\s*falcon\\b",
                     *               "flags": "i"
                     *             }
                     *           ],
                     *           "injection_detection": true,
                     *           "pii": {
                     *             "email": "mask",
                     *             "phone": "allow",
                     *             "credit_card": "block",
                     *             "iban": "mask",
                     *             "ip_address": "allow",
                     *             "us_ssn": "block",
                     *             "custom": []
                     *           }
                     *         },
                     *         "output": {
                     *           "blocked_terms": [],
                     *           "blocked_patterns": [],
                     *           "pii": {
                     *             "email": "mask",
                     *             "phone": "allow",
                     *             "credit_card": "mask",
                     *             "iban": "mask",
                     *             "ip_address": "allow",
                     *             "us_ssn": "mask",
                     *             "custom": []
                     *           }
                     *         }
                     *       },
                     *       "limits": {
                     *         "key": {
                     *           "requests_per_minute": 60,
                     *           "tokens_per_minute": 100000,
                     *           "concurrent_requests": 4
                     *         },
                     *         "domain": {
                     *           "requests_per_minute": 600,
                     *           "tokens_per_minute": 1000000,
                     *           "concurrent_requests": 32
                     *         },
                     *         "on_store_failure": "open"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    setDomainPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The domain's id.
                 * @example acme
                 */
                domain_id: components["parameters"]["DomainId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "guardrails": {
                 *         "input": {
                 *           "max_chars": 100000,
                 *           "max_tokens": null,
                 *           "blocked_terms": [
                 *             "project-x"
                 *           ],
                 *           "blocked_patterns": [
                 *             {
                 *               "name": "project-codename",
                 *               "pattern": "\\bblue\\s*falcon\\b",
                 *               "flags": "i"
                 *             }
                 *           ],
                 *           "injection_detection": true,
                 *           "pii": {
                 *             "email": "mask",
                 *             "phone": "allow",
                 *             "credit_card": "block",
                 *             "iban": "mask",
                 *             "ip_address": "allow",
                 *             "us_ssn": "block",
                 *             "custom": []
                 *           }
                 *         },
                 *         "output": {
                 *           "blocked_terms": [],
                 *           "blocked_patterns": [],
                 *           "pii": {
                 *             "email": "mask",
                 *             "phone": "allow",
                 *             "credit_card": "mask",
                 *             "iban": "mask",
                 *             "ip_address": "allow",
                 *             "us_ssn": "mask",
                 *             "custom": []
                 *           }
                 *         }
                 *       },
                 *       "limits": {
                 *         "key": {
                 *           "requests_per_minute": 60,
                 *           "tokens_per_minute": 100000,
                 *           "concurrent_requests": 4
                 *         },
                 *         "domain": {
                 *           "requests_per_minute": 600,
                 *           "tokens_per_minute": 1000000,
                 *           "concurrent_requests": 32
                 *         },
                 *         "on_store_failure": "open"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Policy"];
            };
        };
        responses: {
            /** @description The policy now in force, with defaults filled in. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guardrails": {
                     *         "input": {
                     *           "max_chars": 100000,
                     *           "max_tokens": null,
                     *           "blocked_terms": [
                     *             "project-x"
                     *           ],
                     *           "blocked_patterns": [
                     *             {
                     *               "name": "project-codename",
                     *               "pattern": "\\bblue\\s*falcon\\b",
                     *               "flags": "i"
                     *             }
                     *           ],
                     *           "injection_detection": true,
                     *           "pii": {
                     *             "email": "mask",
                     *             "phone": "allow",
                     *             "credit_card": "block",
                     *             "iban": "mask",
                     *             "ip_address": "allow",
                     *             "us_ssn": "block",
                     *             "custom": []
                     *           }
                     *         },
                     *         "output": {
                     *           "blocked_terms": [],
                     *           "blocked_patterns": [],
                     *           "pii": {
                     *             "email": "mask",
                     *             "phone": "allow",
                     *             "credit_card": "mask",
                     *             "iban": "mask",
                     *             "ip_address": "allow",
                     *             "us_ssn": "mask",
                     *             "custom": []
                     *           }
                     *         }
                     *       },
                     *       "limits": {
                     *         "key": {
                     *           "requests_per_minute": 60,
                     *           "tokens_per_minute": 100000,
                     *           "concurrent_requests": 4
                     *         },
                     *         "domain": {
                     *           "requests_per_minute": 600,
                     *           "tokens_per_minute": 1000000,
                     *           "concurrent_requests": 32
                     *         },
                     *         "on_store_failure": "open"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Policy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    listKeys: {
        parameters: {
            query?: {
                /**
                 * @description Only keys of this domain. A domain admin may only name its own domain.
                 * @example acme
                 */
                domain_id?: string;
                /**
                 * @description A cursor for the next page, the `last_id` of the page before; the listing continues after that key. A key outside this listing is a 400.
                 * @example k3j9x2m4p7q1
                 */
                after?: string;
                /**
                 * @description The most keys on this page; `has_more` says whether more follow.
                 * @example 20
                 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "k3j9x2m4p7q1",
                     *           "object": "api_key",
                     *           "domain_id": "acme",
                     *           "name": "ci-bot",
                     *           "role": "member",
                     *           "prefix": "cdn_k3j9x2m4",
                     *           "created_at": 1763870400,
                     *           "expires_at": null,
                     *           "last_used_at": 1763874000,
                     *           "revoked_at": null
                     *         }
                     *       ],
                     *       "first_id": "k3j9x2m4p7q1",
                     *       "last_id": "k3j9x2m4p7q1",
                     *       "has_more": false
                     *     }
                     */
                    "application/json": components["schemas"]["KeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateKeyRequest"];
            };
        };
        responses: {
            /** @description The new key, with its secret (shown once). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "k3j9x2m4p7q1",
                     *       "object": "api_key",
                     *       "domain_id": "acme",
                     *       "name": "ci-bot",
                     *       "role": "member",
                     *       "prefix": "cdn_k3j9x2m4",
                     *       "created_at": 1763870400,
                     *       "expires_at": null,
                     *       "last_used_at": null,
                     *       "revoked_at": null,
                     *       "secret": "cdn_k3j9x2m4p7q1_3q2-7wFh0vS8r5YdXcZk1bN4mP6tJ9aLeG0uQiWoR2s"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (not its secret).
                 * @example k3j9x2m4p7q1
                 */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "k3j9x2m4p7q1",
                     *       "object": "api_key",
                     *       "domain_id": "acme",
                     *       "name": "ci-bot",
                     *       "role": "member",
                     *       "prefix": "cdn_k3j9x2m4",
                     *       "created_at": 1763870400,
                     *       "expires_at": null,
                     *       "last_used_at": 1763874000,
                     *       "revoked_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["Key"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (not its secret).
                 * @example k3j9x2m4p7q1
                 */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "k3j9x2m4p7q1",
                     *       "object": "api_key",
                     *       "domain_id": "acme",
                     *       "name": "ci-bot",
                     *       "role": "member",
                     *       "prefix": "cdn_k3j9x2m4",
                     *       "created_at": 1763870400,
                     *       "expires_at": null,
                     *       "last_used_at": 1763874000,
                     *       "revoked_at": 1763880000
                     *     }
                     */
                    "application/json": components["schemas"]["Key"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    rotateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id (not its secret).
                 * @example k3j9x2m4p7q1
                 */
                key_id: components["parameters"]["KeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key, with its new secret (shown once). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "k3j9x2m4p7q1",
                     *       "object": "api_key",
                     *       "domain_id": "acme",
                     *       "name": "ci-bot",
                     *       "role": "member",
                     *       "prefix": "cdn_k3j9x2m4",
                     *       "created_at": 1763870400,
                     *       "expires_at": null,
                     *       "last_used_at": 1763874000,
                     *       "revoked_at": null,
                     *       "secret": "cdn_k3j9x2m4p7q1_Zt8pQ2nV5xK1mB7rC4wH9sJ3dL6fA0gE2yU8iO5eT1k"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    listRegistryModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registry models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "id": "cordon-demo",
                     *           "object": "registry_model",
                     *           "engine": "llama-cpp",
                     *           "settings": {
                     *             "path": "/srv/cordon/data/models/cordon-demo.gguf",
                     *             "context_size": 2048
                     *           },
                     *           "capabilities": [
                     *             "chat",
                     *             "completions",
                     *             "embeddings"
                     *           ],
                     *           "owned_by": "cordon",
                     *           "created": 1763870400,
                     *           "domains": null,
                     *           "status": {
                     *             "state": "ready"
                     *           }
                     *         },
                     *         {
                     *           "id": "llama-3.1-8b",
                     *           "object": "registry_model",
                     *           "engine": "openai-compatible",
                     *           "settings": {
                     *             "targets": [
                     *               {
                     *                 "base_url": "http://10.0.0.5:8000/v1",
                     *                 "model": "meta-llama/Llama-3.1-8B-Instruct",
                     *                 "api_key_env": "CORDON_UPSTREAM_KEY_VLLM"
                     *               }
                     *             ],
                     *             "fallback_model": "cordon-demo"
                     *           },
                     *           "capabilities": [
                     *             "chat",
                     *             "completions"
                     *           ],
                     *           "owned_by": "cordon",
                     *           "created": 1763870400,
                     *           "domains": [
                     *             "acme"
                     *           ],
                     *           "status": {
                     *             "state": "ready"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["RegistryModelList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    createRegistryModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRegistryModelRequest"];
            };
        };
        responses: {
            /** @description The registered model. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cordon-demo",
                     *       "object": "registry_model",
                     *       "engine": "llama-cpp",
                     *       "settings": {
                     *         "path": "/srv/cordon/data/models/cordon-demo.gguf",
                     *         "context_size": 2048
                     *       },
                     *       "capabilities": [
                     *         "chat",
                     *         "completions",
                     *         "embeddings"
                     *       ],
                     *       "owned_by": "cordon",
                     *       "created": 1763870400,
                     *       "domains": null,
                     *       "status": {
                     *         "state": "unloaded"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RegistryModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getRegistryModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the model in the registry (what clients send as `model`).
                 * @example cordon-demo
                 */
                model: components["parameters"]["RegistryModelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The registry model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cordon-demo",
                     *       "object": "registry_model",
                     *       "engine": "llama-cpp",
                     *       "settings": {
                     *         "path": "/srv/cordon/data/models/cordon-demo.gguf",
                     *         "context_size": 2048
                     *       },
                     *       "capabilities": [
                     *         "chat",
                     *         "completions",
                     *         "embeddings"
                     *       ],
                     *       "owned_by": "cordon",
                     *       "created": 1763870400,
                     *       "domains": null,
                     *       "status": {
                     *         "state": "ready"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RegistryModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    deleteRegistryModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the model in the registry (what clients send as `model`).
                 * @example cordon-demo
                 */
                model: components["parameters"]["RegistryModelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cordon-demo",
                     *       "object": "registry_model",
                     *       "deleted": true
                     *     }
                     */
                    "application/json": components["schemas"]["DeletedRegistryModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    updateRegistryModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the model in the registry (what clients send as `model`).
                 * @example cordon-demo
                 */
                model: components["parameters"]["RegistryModelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRegistryModelRequest"];
            };
        };
        responses: {
            /** @description The updated registry model. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "cordon-demo",
                     *       "object": "registry_model",
                     *       "engine": "llama-cpp",
                     *       "settings": {
                     *         "path": "/srv/cordon/data/models/cordon-demo.gguf",
                     *         "context_size": 2048
                     *       },
                     *       "capabilities": [
                     *         "chat",
                     *         "completions",
                     *         "embeddings"
                     *       ],
                     *       "owned_by": "cordon",
                     *       "created": 1763870400,
                     *       "domains": [
                     *         "acme"
                     *       ],
                     *       "status": {
                     *         "state": "ready"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RegistryModel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
    getUsage: {
        parameters: {
            query?: {
                /**
                 * @description Only this domain. A domain admin may only name its own domain (and always gets only its own).
                 * @example acme
                 */
                domain_id?: string;
                /**
                 * @description Unix time (seconds), inclusive.
                 * @example 1763856000
                 */
                start?: number;
                /**
                 * @description Unix time (seconds), exclusive.
                 * @example 1763942400
                 */
                end?: number;
                /**
                 * @description Group rows by these, repeated (`group_by=day&group_by=model`); all three when absent.
                 * @example [
                 *       "day",
                 *       "model"
                 *     ]
                 */
                group_by?: ("day" | "model" | "key")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The usage report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "object": "list",
                     *       "data": [
                     *         {
                     *           "day": "2026-11-23",
                     *           "model": "cordon-demo",
                     *           "key_id": "k3j9x2m4p7q1",
                     *           "domain_id": "acme",
                     *           "requests": 12,
                     *           "input_tokens": 340,
                     *           "output_tokens": 910,
                     *           "errors": 0
                     *         },
                     *         {
                     *           "day": "2026-11-23",
                     *           "model": "cordon-demo",
                     *           "key_id": "p8r2t6w1z4c7",
                     *           "domain_id": "acme",
                     *           "requests": 3,
                     *           "input_tokens": 60,
                     *           "output_tokens": 120,
                     *           "errors": 1
                     *         }
                     *       ],
                     *       "totals": {
                     *         "requests": 15,
                     *         "input_tokens": 400,
                     *         "output_tokens": 1030
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UsageReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
            default: components["responses"]["Error"];
        };
    };
}
