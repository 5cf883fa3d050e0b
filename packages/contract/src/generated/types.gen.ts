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
    parameters: never;
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
}
