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
         * @description Generates a response from text or a list of input items, with function tools and structured
         *     output. Responses are stored (per domain) unless `store: false`, and can be continued with
         *     `previous_response_id`. With `stream: true` the response is a stream of typed
         *     Server-Sent Events (see ResponseStreamEvent), each with a `sequence_number`.
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
         * @description Retrieves a stored response of the calling domain; 404 for any other.
         */
        get: operations["getResponse"];
        put?: never;
        post?: never;
        /**
         * Delete a model response
         * @description Deletes a stored response of the calling domain; 404 for any other.
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
         * @description Transcribes audio into the input language. The response is JSON (`json`, `verbose_json` with segments and timings) or plain
         *     text (`text`, `srt`, `vtt`). Files over 25 MB get 413; a file that is not audio gets 400;
         *     a compressed format without its decoder installed gets 415 naming the decoder.
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
         * @description Translates audio into English. The response is JSON (`json`, `verbose_json` with segments and timings) or plain
         *     text (`text`, `srt`, `vtt`). Files over 25 MB get 413; a file that is not audio gets 400;
         *     a compressed format without its decoder installed gets 415 naming the decoder.
         */
        post: operations["createTranslation"];
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
         * @description Every domain. Superadmin only.
         */
        get: operations["listDomains"];
        put?: never;
        /**
         * Create a domain
         * @description Creates a domain. Superadmin only.
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
         * @description A superadmin may read any domain; a domain admin its own.
         */
        get: operations["getDomain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a domain
         * @description Renames, disables or enables a domain. Superadmin only. A disabled domain's keys get 403.
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
         * @description The domain's guardrails and rate limits, with defaults filled in. Superadmin, or the domain's admin.
         */
        get: operations["getDomainPolicy"];
        /**
         * Set a domain policy
         * @description Replaces the domain's guardrails and rate limits. Superadmin only. Takes effect on the next request.
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
         * @description Keys (never their secrets). A superadmin sees every domain's (or one, with `domain_id`); a domain admin its own domain's.
         */
        get: operations["listKeys"];
        put?: never;
        /**
         * Create a key
         * @description Creates a personal access token. The secret is in this response only; it is stored as a hash. A domain admin may create member and admin keys in its own domain.
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
         * @description One key (never its secret).
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
         * @description Revokes a key; it stops working on the next request.
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
         * @description Gives the key a new secret (shown once); the old one stops working at once.
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
         * @description Every model in the platform-wide registry, with its engine state. Superadmin only.
         */
        get: operations["listRegistryModels"];
        put?: never;
        /**
         * Register a model
         * @description Adds a model to the registry. Superadmin only.
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
         * @description One registry entry, with its engine state. Superadmin only.
         */
        get: operations["getRegistryModel"];
        put?: never;
        post?: never;
        /**
         * Remove a registry model
         * @description Removes a model from the registry. Superadmin only.
         */
        delete: operations["deleteRegistryModel"];
        options?: never;
        head?: never;
        /**
         * Update a registry model
         * @description Changes a registry entry. Superadmin only.
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
         * @description Usage totals by day, model and key. A superadmin sees all domains (or one, with `domain_id`); a domain admin its own.
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
         * @description Up to 4 sequences where the model will stop generating further tokens. The returned text will not contain the stop sequence.
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
            /** @description The messages of the conversation so far. */
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
            /** @description Maps token IDs to a bias from -100 to 100 added to the logits before sampling. */
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
            /** @description The tools (functions) the model may call. */
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
         * @example {
         *       "type": "input_text",
         *       "text": "Hello"
         *     }
         */
        ResponseInputText: {
            /** @enum {string} */
            type: "input_text";
            text: string;
        };
        /**
         * @description Text output from the model.
         * @example {
         *       "type": "output_text",
         *       "text": "Hello! How can I help?",
         *       "annotations": []
         *     }
         */
        ResponseOutputText: {
            /** @enum {string} */
            type: "output_text";
            text: string;
            annotations: Record<string, never>[];
            logprobs?: Record<string, never>[];
        };
        /**
         * @description A message in the input, from the user, system, developer or (replayed) assistant.
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
            /** @enum {string} */
            type?: "message";
            /** @enum {string} */
            role: "user" | "system" | "developer" | "assistant";
            content: string | (components["schemas"]["ResponseInputText"] | components["schemas"]["ResponseOutputText"])[];
        };
        /**
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
         *           "annotations": []
         *         }
         *       ]
         *     }
         */
        ResponseOutputMessage: {
            id: string;
            /** @enum {string} */
            type: "message";
            /** @enum {string} */
            role: "assistant";
            /** @enum {string} */
            status: "in_progress" | "completed" | "incomplete";
            content: components["schemas"]["ResponseOutputText"][];
        };
        /**
         * @description A call to a function tool, in the output (or replayed in the input).
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
            id?: string;
            /** @enum {string} */
            type: "function_call";
            /** @description The ID that the function_call_output answers. */
            call_id: string;
            name: string;
            /** @description JSON arguments. */
            arguments: string;
            /** @enum {string} */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /**
         * @description The output of a function tool call, sent back by the client.
         * @example {
         *       "type": "function_call_output",
         *       "call_id": "call_abc123",
         *       "output": "{\"temperature\": 21}"
         *     }
         */
        ResponseFunctionCallOutput: {
            id?: string;
            /** @enum {string} */
            type: "function_call_output";
            call_id: string;
            output: string;
            /** @enum {string} */
            status?: "in_progress" | "completed" | "incomplete";
        };
        /**
         * @description An input item.
         * @example {
         *       "role": "user",
         *       "content": "Hello"
         *     }
         */
        ResponseInputItem: components["schemas"]["ResponseInputMessage"] | components["schemas"]["ResponseOutputMessage"] | components["schemas"]["ResponseFunctionToolCall"] | components["schemas"]["ResponseFunctionCallOutput"];
        /**
         * @description A function the model may call.
         * @example {
         *       "type": "function",
         *       "name": "get_weather",
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
            /** @enum {string} */
            type: "function";
            name: string;
            description?: string | null;
            parameters?: {
                [key: string]: unknown;
            } | null;
            strict?: boolean | null;
        };
        /**
         * @description How the model chooses tools.
         * @example auto
         */
        ResponseToolChoice: ("none" | "auto" | "required") | {
            /** @enum {string} */
            type: "function";
            name: string;
        };
        /**
         * @description Configuration for text output.
         * @example {
         *       "format": {
         *         "type": "text"
         *       }
         *     }
         */
        ResponseTextConfig: {
            /** @description `text`, `json_object`, or `json_schema` (structured output). */
            format?: {
                /** @enum {string} */
                type: "text";
            } | {
                /** @enum {string} */
                type: "json_object";
            } | {
                /** @enum {string} */
                type: "json_schema";
                name: string;
                description?: string;
                schema: {
                    [key: string]: unknown;
                };
                strict?: boolean | null;
            };
        };
        /**
         * @description A Responses API request. Unknown fields are passed on to upstream engines that speak the Responses API.
         * @example {
         *       "model": "cordon-demo",
         *       "instructions": "You are terse.",
         *       "input": "Tell me a three sentence bedtime story about a unicorn.",
         *       "max_output_tokens": 64
         *     }
         */
        CreateResponse: {
            model: string;
            /** @description Text, or a list of input items (messages, function calls and their outputs). */
            input: string | components["schemas"]["ResponseInputItem"][];
            /** @description A system (developer) message inserted first. */
            instructions?: string | null;
            tools?: components["schemas"]["ResponseFunctionTool"][];
            tool_choice?: components["schemas"]["ResponseToolChoice"];
            parallel_tool_calls?: boolean | null;
            text?: components["schemas"]["ResponseTextConfig"];
            max_output_tokens?: number | null;
            temperature?: number | null;
            top_p?: number | null;
            metadata?: components["schemas"]["Metadata"];
            /**
             * @description Store the response so it can be retrieved and continued with `previous_response_id`.
             * @default true
             */
            store: boolean | null;
            /** @description Continue the conversation of a stored response. */
            previous_response_id?: string | null;
            /** @default false */
            stream: boolean | null;
            user?: string;
        };
        /**
         * @description An output item.
         * @example {
         *       "id": "msg_1",
         *       "type": "message",
         *       "role": "assistant",
         *       "status": "completed",
         *       "content": []
         *     }
         */
        ResponseOutputItem: components["schemas"]["ResponseOutputMessage"] | components["schemas"]["ResponseFunctionToolCall"];
        /**
         * @example {
         *       "input_tokens": 36,
         *       "input_tokens_details": {
         *         "cached_tokens": 0
         *       },
         *       "output_tokens": 87,
         *       "output_tokens_details": {
         *         "reasoning_tokens": 0
         *       },
         *       "total_tokens": 123
         *     }
         */
        ResponseUsage: {
            input_tokens: number;
            input_tokens_details: {
                cached_tokens: number;
            };
            output_tokens: number;
            output_tokens_details: {
                reasoning_tokens: number;
            };
            total_tokens: number;
        };
        /**
         * @description A model response.
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
         *               "annotations": []
         *             }
         *           ]
         *         }
         *       ],
         *       "error": null,
         *       "incomplete_details": null,
         *       "instructions": null,
         *       "metadata": {},
         *       "tools": [],
         *       "tool_choice": "auto",
         *       "temperature": 1,
         *       "top_p": 1,
         *       "parallel_tool_calls": true,
         *       "previous_response_id": null,
         *       "store": true,
         *       "usage": {
         *         "input_tokens": 36,
         *         "input_tokens_details": {
         *           "cached_tokens": 0
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
            id: string;
            /** @enum {string} */
            object: "response";
            created_at: number;
            /** @enum {string} */
            status: "completed" | "failed" | "in_progress" | "cancelled" | "queued" | "incomplete";
            model: string;
            output: components["schemas"]["ResponseOutputItem"][];
            output_text?: string | null;
            error: {
                code: string;
                message: string;
            } | null;
            incomplete_details: {
                /** @enum {string} */
                reason?: "max_output_tokens" | "content_filter";
            } | null;
            instructions: string | null;
            metadata: components["schemas"]["Metadata"];
            tools: components["schemas"]["ResponseFunctionTool"][];
            tool_choice: components["schemas"]["ResponseToolChoice"];
            text?: components["schemas"]["ResponseTextConfig"];
            temperature: number | null;
            top_p: number | null;
            max_output_tokens?: number | null;
            parallel_tool_calls: boolean;
            previous_response_id?: string | null;
            store?: boolean;
            user?: string;
            usage?: components["schemas"]["ResponseUsage"];
        };
        /**
         * @description An event carrying the whole response: `response.created`, `response.in_progress`, `response.completed`, `response.failed` or `response.incomplete`.
         * @example {
         *       "type": "response.created",
         *       "sequence_number": 0,
         *       "response": {
         *         "id": "resp_1",
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
         *         "temperature": 1,
         *         "top_p": 1,
         *         "parallel_tool_calls": true
         *       }
         *     }
         */
        ResponseLifecycleEvent: {
            /** @enum {string} */
            type: "response.created" | "response.in_progress" | "response.completed" | "response.failed" | "response.incomplete";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            response: components["schemas"]["Response"];
        };
        /**
         * @description An output item was added (`response.output_item.added`) or is done (`response.output_item.done`).
         * @example {
         *       "type": "response.output_item.added",
         *       "sequence_number": 2,
         *       "output_index": 0,
         *       "item": {
         *         "id": "msg_1",
         *         "type": "message",
         *         "role": "assistant",
         *         "status": "in_progress",
         *         "content": []
         *       }
         *     }
         */
        ResponseOutputItemEvent: {
            /** @enum {string} */
            type: "response.output_item.added" | "response.output_item.done";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            output_index: number;
            item: components["schemas"]["ResponseOutputItem"];
        };
        /**
         * @description A content part was added or is done.
         * @example {
         *       "type": "response.content_part.added",
         *       "sequence_number": 3,
         *       "item_id": "msg_1",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "part": {
         *         "type": "output_text",
         *         "text": "",
         *         "annotations": []
         *       }
         *     }
         */
        ResponseContentPartEvent: {
            /** @enum {string} */
            type: "response.content_part.added" | "response.content_part.done";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            item_id: string;
            output_index: number;
            content_index: number;
            part: components["schemas"]["ResponseOutputText"];
        };
        /**
         * @description A piece of output text.
         * @example {
         *       "type": "response.output_text.delta",
         *       "sequence_number": 4,
         *       "item_id": "msg_1",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "delta": "Once",
         *       "logprobs": []
         *     }
         */
        ResponseTextDeltaEvent: {
            /** @enum {string} */
            type: "response.output_text.delta";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            item_id: string;
            output_index: number;
            content_index: number;
            delta: string;
            logprobs: Record<string, never>[];
        };
        /**
         * @description The output text of a content part is final.
         * @example {
         *       "type": "response.output_text.done",
         *       "sequence_number": 9,
         *       "item_id": "msg_1",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "text": "Once upon a time.",
         *       "logprobs": []
         *     }
         */
        ResponseTextDoneEvent: {
            /** @enum {string} */
            type: "response.output_text.done";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            item_id: string;
            output_index: number;
            content_index: number;
            text: string;
            logprobs: Record<string, never>[];
        };
        /**
         * @description A piece of function-call arguments.
         * @example {
         *       "type": "response.function_call_arguments.delta",
         *       "sequence_number": 3,
         *       "item_id": "fc_1",
         *       "output_index": 0,
         *       "delta": "{\"city\":"
         *     }
         */
        ResponseFunctionCallArgumentsDeltaEvent: {
            /** @enum {string} */
            type: "response.function_call_arguments.delta";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            item_id: string;
            output_index: number;
            delta: string;
        };
        /**
         * @description The function-call arguments are final.
         * @example {
         *       "type": "response.function_call_arguments.done",
         *       "sequence_number": 6,
         *       "item_id": "fc_1",
         *       "output_index": 0,
         *       "name": "get_weather",
         *       "arguments": "{\"city\":\"Paris\"}"
         *     }
         */
        ResponseFunctionCallArgumentsDoneEvent: {
            /** @enum {string} */
            type: "response.function_call_arguments.done";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            item_id: string;
            output_index: number;
            name: string;
            arguments: string;
        };
        /**
         * @description An error occurred.
         * @example {
         *       "type": "error",
         *       "sequence_number": 5,
         *       "code": "server_error",
         *       "message": "The engine failed.",
         *       "param": null
         *     }
         */
        ResponseErrorEvent: {
            /** @enum {string} */
            type: "error";
            /** @description The position of this event in the stream, from 0. */
            sequence_number: number;
            code: string | null;
            message: string;
            param: string | null;
        };
        /**
         * @description One Server-Sent Event of a streamed response (`event: <type>` and `data: <json>`), in this order:
         *     response.created, response.in_progress, then per output item response.output_item.added,
         *     response.content_part.added, response.output_text.delta ..., response.output_text.done,
         *     response.content_part.done (or response.function_call_arguments.delta ... .done for a tool
         *     call), response.output_item.done; last response.completed (or response.failed,
         *     response.incomplete, or error). `sequence_number` counts from 0.
         * @example {
         *       "type": "response.output_text.delta",
         *       "sequence_number": 4,
         *       "item_id": "msg_1",
         *       "output_index": 0,
         *       "content_index": 0,
         *       "delta": "Once",
         *       "logprobs": []
         *     }
         */
        ResponseStreamEvent: components["schemas"]["ResponseLifecycleEvent"] | components["schemas"]["ResponseOutputItemEvent"] | components["schemas"]["ResponseContentPartEvent"] | components["schemas"]["ResponseTextDeltaEvent"] | components["schemas"]["ResponseTextDoneEvent"] | components["schemas"]["ResponseFunctionCallArgumentsDeltaEvent"] | components["schemas"]["ResponseFunctionCallArgumentsDoneEvent"] | components["schemas"]["ResponseErrorEvent"];
        /**
         * @example {
         *       "id": "resp_67ccd2bed1ec8190b14f964abc054267",
         *       "object": "response",
         *       "deleted": true
         *     }
         */
        DeletedResponse: {
            id: string;
            /** @enum {string} */
            object: "response";
            deleted: boolean;
        };
        /**
         * @description The format of the transcript.
         * @default json
         * @example json
         * @enum {string}
         */
        AudioResponseFormat: "json" | "text" | "srt" | "verbose_json" | "vtt";
        /**
         * @example {
         *       "file": "speech.wav",
         *       "model": "cordon-whisper",
         *       "language": "en",
         *       "response_format": "json"
         *     }
         */
        CreateTranscriptionRequest: {
            /**
             * Format: binary
             * @description The audio file (WAV decoded in the gateway; flac, mp3, m4a, ogg, webm with ffmpeg installed). At most 25 MB.
             */
            file: string;
            /** @description ID of a model with the `transcription` capability. */
            model: string;
            /** @description The language of the input audio (ISO-639-1), e.g. `en`. */
            language?: string;
            /** @description Text to guide the model's style or continue a previous segment. */
            prompt?: string;
            response_format?: components["schemas"]["AudioResponseFormat"];
            /** @default 0 */
            temperature: number;
            /**
             * @description `word` and/or `segment` timestamps (needs `response_format: verbose_json`).
             * @default [
             *       "segment"
             *     ]
             */
            timestamp_granularities: ("word" | "segment")[];
            /**
             * @description Stream the transcript as `transcript.text.delta` events, then `transcript.text.done`.
             * @default false
             */
            stream: boolean | null;
        };
        /**
         * @example {
         *       "text": "Hello there."
         *     }
         */
        CreateTranscriptionResponseJson: {
            /** @description The transcribed text. */
            text: string;
        };
        /**
         * @example {
         *       "word": "Hello",
         *       "start": 0,
         *       "end": 0.4
         *     }
         */
        TranscriptionWord: {
            word: string;
            start: number;
            end: number;
        };
        /**
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
            id: number;
            seek: number;
            /** @description Start time in seconds. */
            start: number;
            /** @description End time in seconds. */
            end: number;
            text: string;
            tokens: number[];
            temperature: number;
            avg_logprob: number;
            compression_ratio: number;
            no_speech_prob: number;
        };
        /**
         * @example {
         *       "task": "transcribe",
         *       "language": "english",
         *       "duration": 3.2,
         *       "text": "Hello there.",
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
         *       ]
         *     }
         */
        CreateTranscriptionResponseVerboseJson: {
            /** @enum {string} */
            task?: "transcribe" | "translate";
            /** @description The language of the input audio. */
            language: string;
            /** @description The duration of the input audio, in seconds. */
            duration: number;
            text: string;
            words?: components["schemas"]["TranscriptionWord"][];
            segments?: components["schemas"]["TranscriptionSegment"][];
        };
        /**
         * @description A streamed transcription event.
         * @example {
         *       "type": "transcript.text.delta",
         *       "delta": " Hello"
         *     }
         */
        TranscriptStreamEvent: {
            /** @enum {string} */
            type: "transcript.text.delta";
            delta: string;
            logprobs?: Record<string, never>[];
        } | {
            /** @enum {string} */
            type: "transcript.text.done";
            text: string;
            logprobs?: Record<string, never>[];
        };
        /**
         * @example {
         *       "file": "speech.wav",
         *       "model": "cordon-whisper",
         *       "response_format": "json"
         *     }
         */
        CreateTranslationRequest: {
            /**
             * Format: binary
             * @description The audio file to translate into English. At most 25 MB.
             */
            file: string;
            model: string;
            prompt?: string;
            response_format?: components["schemas"]["AudioResponseFormat"];
            /** @default 0 */
            temperature: number;
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
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["Domain"][];
        };
        /**
         * @example {
         *       "id": "acme",
         *       "name": "ACME Corp"
         *     }
         */
        CreateDomainRequest: {
            /** @description The slug; made from the name when absent. */
            id?: string;
            name: string;
        };
        /**
         * @example {
         *       "disabled": true
         *     }
         */
        UpdateDomainRequest: {
            name?: string;
            disabled?: boolean;
        };
        /**
         * @example {
         *       "name": "project-codename",
         *       "pattern": "\\bblue\\s*falcon\\b",
         *       "flags": "i"
         *     }
         */
        GuardrailPattern: {
            /** @description The rule's name, reported (never the matched text) when it fires. */
            name: string;
            /** @description A JavaScript regular expression. */
            pattern: string;
            flags?: string;
        };
        /**
         * @description `block`: refuse the input (400 `content_policy_violation`); `mask`: replace with `[REDACTED:<kind>]`; `allow`: do nothing.
         * @example mask
         * @enum {string}
         */
        PiiAction: "block" | "mask" | "allow";
        /**
         * @description What to do with each kind of personal data.
         * @example {
         *       "email": "mask",
         *       "phone": "allow",
         *       "credit_card": "block",
         *       "iban": "mask",
         *       "ip_address": "allow",
         *       "us_ssn": "block",
         *       "custom": []
         *     }
         */
        PiiPolicy: {
            email?: components["schemas"]["PiiAction"];
            phone?: components["schemas"]["PiiAction"];
            credit_card?: components["schemas"]["PiiAction"];
            iban?: components["schemas"]["PiiAction"];
            ip_address?: components["schemas"]["PiiAction"];
            us_ssn?: components["schemas"]["PiiAction"];
            custom?: {
                name: string;
                pattern: string;
                action: components["schemas"]["PiiAction"];
            }[];
        };
        /**
         * @description Limits; null for none.
         * @example {
         *       "requests_per_minute": 60,
         *       "tokens_per_minute": 100000,
         *       "concurrent_requests": 4
         *     }
         */
        RateLimits: {
            requests_per_minute?: number | null;
            tokens_per_minute?: number | null;
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
            guardrails?: {
                input?: {
                    max_chars?: number | null;
                    max_tokens?: number | null;
                    blocked_terms?: string[];
                    blocked_patterns?: components["schemas"]["GuardrailPattern"][];
                    /** @description Refuse prompts that match the maintained prompt-injection and jailbreak patterns. */
                    injection_detection?: boolean;
                    pii?: components["schemas"]["PiiPolicy"];
                };
                output?: {
                    blocked_terms?: string[];
                    blocked_patterns?: components["schemas"]["GuardrailPattern"][];
                    pii?: components["schemas"]["PiiPolicy"];
                };
            };
            limits?: {
                key?: components["schemas"]["RateLimits"];
                domain?: components["schemas"]["RateLimits"];
                /**
                 * @description What to do when the shared limit store (Redis) is unreachable.
                 * @enum {string}
                 */
                on_store_failure?: "open" | "closed";
            };
        };
        /**
         * @description A personal access token. The secret itself is shown only once, when created or rotated.
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
        ApiKey: {
            id: string;
            /** @enum {string} */
            object: "api_key";
            domain_id: string;
            name: string;
            /**
             * @description `member`: inference; `admin`: manage its domain's keys and read its usage; `superadmin`: the platform.
             * @enum {string}
             */
            role: "member" | "admin" | "superadmin";
            /** @description The first characters of the secret, to recognise it. */
            prefix: string;
            created_at: number;
            expires_at: number | null;
            last_used_at: number | null;
            revoked_at: number | null;
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": []
         *     }
         */
        ApiKeyList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["ApiKey"][];
        };
        /**
         * @example {
         *       "domain_id": "acme",
         *       "name": "ci-bot",
         *       "role": "member",
         *       "expires_at": null
         *     }
         */
        CreateKeyRequest: {
            /** @description The key's domain; the caller's own domain when absent. */
            domain_id?: string;
            name: string;
            /**
             * @default member
             * @enum {string}
             */
            role: "member" | "admin" | "superadmin";
            /** @description Unix time (seconds) after which the key stops working. */
            expires_at?: number | null;
        };
        /**
         * @description A key with its secret. The secret is shown this once and stored only as a hash.
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
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            secret: string;
        };
        /**
         * @description Engine settings. File engines need `path`; upstream engines need `targets`.
         * @example {
         *       "path": "/models/qwen2.5-0.5b-instruct-q4_k_m.gguf"
         *     }
         */
        RegistryModelSettings: {
            /** @description The model file (GGUF for llama-cpp, ggml .bin for whisper). */
            path?: string;
            /** @description Upstream replicas, balanced by least outstanding requests. */
            targets?: {
                /**
                 * Format: uri
                 * @description The upstream's OpenAI-compatible base URL, e.g. `http://10.0.0.5:8000/v1`.
                 */
                base_url: string;
                /** @description The model name upstream. */
                model: string;
                /** @description The name of the environment variable that holds the upstream's API key. */
                api_key_env?: string;
            }[];
            /** @description Another registered model to use when every target fails. */
            fallback_model?: string;
            context_size?: number;
            /** @description The upstream speaks the Responses API itself; pass it through. */
            native_responses?: boolean;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description What the model can do through this gateway.
         * @example [
         *       "chat",
         *       "completions"
         *     ]
         */
        Capabilities: ("chat" | "completions" | "embeddings" | "transcription")[];
        /**
         * @description The engine's view of the model in this gateway process.
         * @example {
         *       "state": "ready"
         *     }
         */
        ModelState: {
            /** @enum {string} */
            state: "unloaded" | "loading" | "ready" | "failed";
            /** @description Why the model failed to load. */
            reason?: string;
        };
        /**
         * @description A model in the platform-wide registry.
         * @example {
         *       "id": "cordon-demo",
         *       "object": "registry_model",
         *       "engine": "llama-cpp",
         *       "settings": {
         *         "path": "/srv/cordon/data/models/cordon-demo.gguf"
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
            /** @description What clients send as `model`. */
            id: string;
            /** @enum {string} */
            object: "registry_model";
            /** @enum {string} */
            engine: "llama-cpp" | "whisper" | "openai-compatible" | "ollama";
            settings: components["schemas"]["RegistryModelSettings"];
            capabilities: components["schemas"]["Capabilities"];
            owned_by: string;
            created: number;
            /** @description The domains that may use the model; null for all. */
            domains: string[] | null;
            status?: components["schemas"]["ModelState"];
        };
        /**
         * @example {
         *       "object": "list",
         *       "data": []
         *     }
         */
        RegistryModelList: {
            /** @enum {string} */
            object: "list";
            data: components["schemas"]["RegistryModel"][];
        };
        /**
         * @example {
         *       "id": "llama-3.1-8b",
         *       "engine": "openai-compatible",
         *       "settings": {
         *         "targets": [
         *           {
         *             "base_url": "http://10.0.0.5:8000/v1",
         *             "model": "meta-llama/Llama-3.1-8B-Instruct",
         *             "api_key_env": "VLLM_API_KEY"
         *           }
         *         ]
         *       },
         *       "capabilities": [
         *         "chat",
         *         "completions"
         *       ],
         *       "domains": [
         *         "acme"
         *       ]
         *     }
         */
        CreateRegistryModelRequest: {
            id: string;
            /** @enum {string} */
            engine: "llama-cpp" | "whisper" | "openai-compatible" | "ollama";
            settings: components["schemas"]["RegistryModelSettings"];
            capabilities: components["schemas"]["Capabilities"];
            /** @default cordon */
            owned_by: string;
            domains?: string[] | null;
        };
        /**
         * @example {
         *       "id": "llama-3.1-8b",
         *       "object": "registry_model",
         *       "deleted": true
         *     }
         */
        DeletedRegistryModel: {
            id: string;
            /** @enum {string} */
            object: "registry_model";
            deleted: boolean;
        };
        /**
         * @example {
         *       "domains": null
         *     }
         */
        UpdateRegistryModelRequest: {
            /** @enum {string} */
            engine?: "llama-cpp" | "whisper" | "openai-compatible" | "ollama";
            settings?: components["schemas"]["RegistryModelSettings"];
            capabilities?: components["schemas"]["Capabilities"];
            owned_by?: string;
            domains?: string[] | null;
        };
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
            /** @enum {string} */
            object: "list";
            data: {
                /** @description YYYY-MM-DD (UTC) */
                day?: string;
                model?: string;
                key_id?: string;
                domain_id?: string;
                requests: number;
                input_tokens: number;
                output_tokens: number;
                errors: number;
            }[];
            totals: {
                requests: number;
                input_tokens: number;
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
        /** @description The key may not do this, or may not act in this domain. */
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
            /** @description The response, or (with `stream: true`) a stream of events. */
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
                     *               "text": "Once upon a time, a unicorn slept.",
                     *               "annotations": []
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "error": null,
                     *       "incomplete_details": null,
                     *       "instructions": null,
                     *       "metadata": {},
                     *       "tools": [],
                     *       "tool_choice": "auto",
                     *       "temperature": 1,
                     *       "top_p": 1,
                     *       "parallel_tool_calls": true,
                     *       "previous_response_id": null,
                     *       "store": true,
                     *       "usage": {
                     *         "input_tokens": 36,
                     *         "input_tokens_details": {
                     *           "cached_tokens": 0
                     *         },
                     *         "output_tokens": 9,
                     *         "output_tokens_details": {
                     *           "reasoning_tokens": 0
                     *         },
                     *         "total_tokens": 45
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Response"];
                    /**
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
            /** @description The response. */
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
                     *               "text": "Once upon a time, a unicorn slept.",
                     *               "annotations": []
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "error": null,
                     *       "incomplete_details": null,
                     *       "instructions": null,
                     *       "metadata": {},
                     *       "tools": [],
                     *       "tool_choice": "auto",
                     *       "temperature": 1,
                     *       "top_p": 1,
                     *       "parallel_tool_calls": true,
                     *       "previous_response_id": null,
                     *       "store": true,
                     *       "usage": {
                     *         "input_tokens": 36,
                     *         "input_tokens_details": {
                     *           "cached_tokens": 0
                     *         },
                     *         "output_tokens": 9,
                     *         "output_tokens_details": {
                     *           "reasoning_tokens": 0
                     *         },
                     *         "total_tokens": 45
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
            /** @description Deleted. */
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
                /**
                 * @example {
                 *       "file": "speech.wav",
                 *       "model": "cordon-whisper",
                 *       "language": "en",
                 *       "response_format": "json"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["CreateTranscriptionRequest"];
            };
        };
        responses: {
            /** @description The transcript. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "text": "Hello there."
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTranscriptionResponseJson"] | components["schemas"]["CreateTranscriptionResponseVerboseJson"];
                    /**
                     * @example 1
                     *     00:00:00,000 --> 00:00:03,200
                     *     Hello there.
                     */
                    "text/plain": string;
                    /**
                     * @example {
                     *       "type": "transcript.text.delta",
                     *       "delta": " Hello"
                     *     }
                     */
                    "text/event-stream": components["schemas"]["TranscriptStreamEvent"];
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
                 *       "model": "cordon-whisper",
                 *       "response_format": "json"
                 *     }
                 */
                "multipart/form-data": components["schemas"]["CreateTranslationRequest"];
            };
        };
        responses: {
            /** @description The transcript. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "text": "Hello there."
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTranscriptionResponseJson"] | components["schemas"]["CreateTranscriptionResponseVerboseJson"];
                    /**
                     * @example 1
                     *     00:00:00,000 --> 00:00:03,200
                     *     Hello there.
                     */
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
    listDomains: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List result. */
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
            /** @description Create result. */
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
            /** @description Get result. */
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
                /**
                 * @example {
                 *       "name": "ACME Corporation",
                 *       "disabled": false
                 *     }
                 */
                "application/json": components["schemas"]["UpdateDomainRequest"];
            };
        };
        responses: {
            /** @description Update result. */
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
            /** @description Get result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guardrails": {
                     *         "input": {
                     *           "blocked_terms": [
                     *             "project-x"
                     *           ],
                     *           "injection_detection": true,
                     *           "pii": {
                     *             "email": "mask",
                     *             "credit_card": "block"
                     *           }
                     *         }
                     *       },
                     *       "limits": {
                     *         "key": {
                     *           "requests_per_minute": 60,
                     *           "tokens_per_minute": 100000,
                     *           "concurrent_requests": 4
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
                 *           "blocked_terms": [
                 *             "project-x"
                 *           ],
                 *           "injection_detection": true,
                 *           "pii": {
                 *             "email": "mask",
                 *             "credit_card": "block"
                 *           }
                 *         }
                 *       },
                 *       "limits": {
                 *         "key": {
                 *           "requests_per_minute": 60,
                 *           "tokens_per_minute": 100000,
                 *           "concurrent_requests": 4
                 *         },
                 *         "on_store_failure": "open"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["Policy"];
            };
        };
        responses: {
            /** @description Set result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "guardrails": {
                     *         "input": {
                     *           "blocked_terms": [
                     *             "project-x"
                     *           ],
                     *           "injection_detection": true,
                     *           "pii": {
                     *             "email": "mask",
                     *             "credit_card": "block"
                     *           }
                     *         }
                     *       },
                     *       "limits": {
                     *         "key": {
                     *           "requests_per_minute": 60,
                     *           "tokens_per_minute": 100000,
                     *           "concurrent_requests": 4
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
                 * @description Only keys of this domain.
                 * @example acme
                 */
                domain_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List result. */
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
                     *           "last_used_at": null,
                     *           "revoked_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKeyList"];
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
                /**
                 * @example {
                 *       "domain_id": "acme",
                 *       "name": "ci-bot",
                 *       "role": "member"
                 *     }
                 */
                "application/json": components["schemas"]["CreateKeyRequest"];
            };
        };
        responses: {
            /** @description Create result. */
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
                    "application/json": components["schemas"]["CreatedApiKey"];
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
            /** @description Get result. */
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
                     *       "last_used_at": null,
                     *       "revoked_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKey"];
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
            /** @description Revoke result. */
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
                     *       "last_used_at": null,
                     *       "revoked_at": 1763880000
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKey"];
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
            /** @description Rotate result. */
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
                     *       "last_used_at": null,
                     *       "revoked_at": null,
                     *       "secret": "cdn_k3j9x2m4p7q1_3q2-7wFh0vS8r5YdXcZk1bN4mP6tJ9aLeG0uQiWoR2s"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedApiKey"];
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
            /** @description List result. */
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
                     *           "id": "llama-3.1-8b",
                     *           "object": "registry_model",
                     *           "engine": "openai-compatible",
                     *           "settings": {
                     *             "targets": [
                     *               {
                     *                 "base_url": "http://10.0.0.5:8000/v1",
                     *                 "model": "meta-llama/Llama-3.1-8B-Instruct"
                     *               }
                     *             ]
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
                /**
                 * @example {
                 *       "id": "llama-3.1-8b",
                 *       "engine": "openai-compatible",
                 *       "settings": {
                 *         "targets": [
                 *           {
                 *             "base_url": "http://10.0.0.5:8000/v1",
                 *             "model": "meta-llama/Llama-3.1-8B-Instruct"
                 *           }
                 *         ]
                 *       },
                 *       "capabilities": [
                 *         "chat",
                 *         "completions"
                 *       ],
                 *       "domains": [
                 *         "acme"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateRegistryModelRequest"];
            };
        };
        responses: {
            /** @description Register result. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "llama-3.1-8b",
                     *       "object": "registry_model",
                     *       "engine": "openai-compatible",
                     *       "settings": {
                     *         "targets": [
                     *           {
                     *             "base_url": "http://10.0.0.5:8000/v1",
                     *             "model": "meta-llama/Llama-3.1-8B-Instruct"
                     *           }
                     *         ]
                     *       },
                     *       "capabilities": [
                     *         "chat",
                     *         "completions"
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
    getRegistryModel: {
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
            /** @description Get result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "llama-3.1-8b",
                     *       "object": "registry_model",
                     *       "engine": "openai-compatible",
                     *       "settings": {
                     *         "targets": [
                     *           {
                     *             "base_url": "http://10.0.0.5:8000/v1",
                     *             "model": "meta-llama/Llama-3.1-8B-Instruct"
                     *           }
                     *         ]
                     *       },
                     *       "capabilities": [
                     *         "chat",
                     *         "completions"
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
    deleteRegistryModel: {
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
            /** @description Remove result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "llama-3.1-8b",
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
                 * @description The ID of the model.
                 * @example cordon-demo
                 */
                model: components["parameters"]["ModelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "domains": null
                 *     }
                 */
                "application/json": components["schemas"]["UpdateRegistryModelRequest"];
            };
        };
        responses: {
            /** @description Update result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "llama-3.1-8b",
                     *       "object": "registry_model",
                     *       "engine": "openai-compatible",
                     *       "settings": {
                     *         "targets": [
                     *           {
                     *             "base_url": "http://10.0.0.5:8000/v1",
                     *             "model": "meta-llama/Llama-3.1-8B-Instruct"
                     *           }
                     *         ]
                     *       },
                     *       "capabilities": [
                     *         "chat",
                     *         "completions"
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
                /** @example acme */
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
                 * @description Group by these (default all three).
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
            /** @description Get result. */
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
                     *         }
                     *       ],
                     *       "totals": {
                     *         "requests": 12,
                     *         "input_tokens": 340,
                     *         "output_tokens": 910
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
