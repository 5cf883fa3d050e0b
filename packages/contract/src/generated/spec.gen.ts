// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.
/** The bundled OpenAPI description (all $refs internal). */
export const openapiSpec: Record<string, any> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Cordon API",
    "version": "0.1.0",
    "summary": "An OpenAI-compatible inference gateway.",
    "description": "Cordon speaks the OpenAI API in front of models you control: an embedded llama.cpp engine,\nor vLLM, Ollama, TGI, llama.cpp servers and other OpenAI-compatible upstreams.\n\nEvery request is authenticated by a personal access token (`Authorization: Bearer <key>`) and\nscoped to a domain (tenant). Use `{base}/v1` (the key's own domain) or\n`{base}/proxy/{domain_id}/v1` (a named domain; the key must belong to it).\n\nThe platform API (domains, keys, the model registry, policies, usage) lives under\n`{base}/admin/v1`.\n\nEvery error has the OpenAI shape `{\"error\": {\"message\", \"type\", \"param\", \"code\"}}`.\n",
    "license": {
      "name": "Apache 2.0",
      "url": "https://www.apache.org/licenses/LICENSE-2.0.html"
    },
    "contact": {
      "name": "Cordon",
      "url": "https://github.com/cordon-gateway/cordon"
    }
  },
  "servers": [
    {
      "url": "{base}/v1",
      "description": "The OpenAI-compatible API, in the domain of the calling key.",
      "variables": {
        "base": {
          "default": "http://127.0.0.1:8080",
          "description": "Scheme, host and port of the gateway."
        }
      }
    },
    {
      "url": "{base}/proxy/{domain_id}/v1",
      "description": "The OpenAI-compatible API, in a named domain.",
      "variables": {
        "base": {
          "default": "http://127.0.0.1:8080",
          "description": "Scheme, host and port of the gateway."
        },
        "domain_id": {
          "default": "default",
          "description": "The domain to act in. The key must belong to it."
        }
      }
    }
  ],
  "security": [
    {
      "bearerAuth": []
    }
  ],
  "tags": [
    {
      "name": "Models",
      "description": "The models the calling domain may use."
    },
    {
      "name": "Chat",
      "description": "Chat completions, streaming, tools and structured output."
    },
    {
      "name": "Completions",
      "description": "Legacy text completions."
    },
    {
      "name": "Embeddings",
      "description": "Vector embeddings."
    },
    {
      "name": "Responses",
      "description": "The Responses API."
    },
    {
      "name": "Audio",
      "description": "Speech to text."
    },
    {
      "name": "Admin",
      "description": "The platform API: domains, keys, the model registry, policies and usage. Served under `{base}/admin/v1`."
    }
  ],
  "paths": {
    "/models": {
      "get": {
        "operationId": "listModels",
        "tags": [
          "Models"
        ],
        "summary": "List models",
        "description": "Lists the models the calling key's domain may use.",
        "responses": {
          "200": {
            "description": "The models.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ListModelsResponse"
                },
                "example": {
                  "object": "list",
                  "data": [
                    {
                      "id": "cordon-demo",
                      "object": "model",
                      "created": 1763870400,
                      "owned_by": "cordon",
                      "capabilities": [
                        "chat",
                        "completions",
                        "embeddings"
                      ]
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "500": {
            "$ref": "#/components/responses/ServerError"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal access token, sent as `Authorization: Bearer <key>`."
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "description": "The error object, as OpenAI returns it.",
        "required": [
          "message",
          "type",
          "param",
          "code"
        ],
        "properties": {
          "message": {
            "type": "string",
            "description": "A human-readable description. Never contains secrets or prompt text."
          },
          "type": {
            "type": "string",
            "description": "The error class, e.g. `invalid_request_error`, `authentication_error`, `permission_error`, `not_found_error`, `rate_limit_error`, `server_error`."
          },
          "param": {
            "type": [
              "string",
              "null"
            ],
            "description": "The request parameter the error is about, if any."
          },
          "code": {
            "type": [
              "string",
              "null"
            ],
            "description": "A machine-readable code, e.g. `invalid_api_key`, `model_not_found`, `rate_limit_exceeded`."
          }
        },
        "example": {
          "message": "The model `gpt-x` does not exist or you do not have access to it.",
          "type": "invalid_request_error",
          "param": "model",
          "code": "model_not_found"
        }
      },
      "ErrorResponse": {
        "type": "object",
        "description": "Every error Cordon returns.",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "$ref": "#/components/schemas/Error"
          }
        },
        "example": {
          "error": {
            "message": "Incorrect API key provided.",
            "type": "invalid_request_error",
            "param": null,
            "code": "invalid_api_key"
          }
        }
      },
      "Model": {
        "type": "object",
        "description": "A model the calling domain may use (OpenAI's Model, plus Cordon's `capabilities`).",
        "required": [
          "id",
          "object",
          "created",
          "owned_by"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The model identifier, used as `model` in requests."
          },
          "object": {
            "type": "string",
            "enum": [
              "model"
            ],
            "description": "Always `model`."
          },
          "created": {
            "type": "integer",
            "description": "Unix time (seconds) when the model was registered."
          },
          "owned_by": {
            "type": "string",
            "description": "The organization that owns the model."
          },
          "capabilities": {
            "type": "array",
            "description": "What the model can do through this gateway.",
            "items": {
              "type": "string",
              "enum": [
                "chat",
                "completions",
                "embeddings",
                "transcription"
              ]
            }
          }
        },
        "example": {
          "id": "cordon-demo",
          "object": "model",
          "created": 1763870400,
          "owned_by": "cordon",
          "capabilities": [
            "chat",
            "completions",
            "embeddings"
          ]
        }
      },
      "ListModelsResponse": {
        "type": "object",
        "required": [
          "object",
          "data"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ]
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Model"
            }
          }
        }
      }
    },
    "responses": {
      "Error": {
        "description": "Any other error (for example 501 for an operation this gateway does not implement, 502 or 504 from an upstream).",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "This operation is not implemented by this gateway.",
                "type": "server_error",
                "param": null,
                "code": "not_implemented"
              }
            }
          }
        }
      },
      "BadRequest": {
        "description": "The request is malformed or a parameter is invalid.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "Missing required parameter: messages.",
                "type": "invalid_request_error",
                "param": null,
                "code": null
              }
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The API key is missing, malformed, unknown, revoked or expired.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "Incorrect API key provided.",
                "type": "invalid_request_error",
                "param": null,
                "code": "invalid_api_key"
              }
            }
          }
        }
      },
      "Forbidden": {
        "description": "The key may not do this, or may not act in this domain.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "This key may not act in this domain.",
                "type": "permission_error",
                "param": null,
                "code": "forbidden"
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "The resource does not exist, or is not visible to the calling domain.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "The model `gpt-x` does not exist or you do not have access to it.",
                "type": "invalid_request_error",
                "param": null,
                "code": "model_not_found"
              }
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The request body is larger than the configured limit.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "Request body too large.",
                "type": "invalid_request_error",
                "param": null,
                "code": "payload_too_large"
              }
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The request's content type is not supported by this operation.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "Unsupported content type: text/plain.",
                "type": "invalid_request_error",
                "param": null,
                "code": "unsupported_media_type"
              }
            }
          }
        }
      },
      "RateLimited": {
        "description": "A rate limit was exceeded. The request never reached an engine.",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          },
          "x-ratelimit-limit-requests": {
            "$ref": "#/components/headers/x-ratelimit-limit-requests"
          },
          "x-ratelimit-remaining-requests": {
            "$ref": "#/components/headers/x-ratelimit-remaining-requests"
          },
          "x-ratelimit-reset-requests": {
            "$ref": "#/components/headers/x-ratelimit-reset-requests"
          },
          "x-ratelimit-limit-tokens": {
            "$ref": "#/components/headers/x-ratelimit-limit-tokens"
          },
          "x-ratelimit-remaining-tokens": {
            "$ref": "#/components/headers/x-ratelimit-remaining-tokens"
          },
          "x-ratelimit-reset-tokens": {
            "$ref": "#/components/headers/x-ratelimit-reset-tokens"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "Rate limit reached for requests per minute. Limit 60, used 60. Try again in 1s.",
                "type": "rate_limit_error",
                "param": null,
                "code": "rate_limit_exceeded"
              }
            }
          }
        }
      },
      "ServerError": {
        "description": "An unexpected error inside the gateway.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "The server had an error while processing your request.",
                "type": "server_error",
                "param": null,
                "code": null
              }
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The engine is overloaded, not ready, or failed to load the model.",
        "headers": {
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorResponse"
            },
            "example": {
              "error": {
                "message": "The model is loading; try again shortly.",
                "type": "server_error",
                "param": null,
                "code": "model_unavailable"
              }
            }
          }
        }
      }
    },
    "headers": {
      "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {
          "type": "integer",
          "minimum": 0
        },
        "example": 2
      },
      "x-ratelimit-limit-requests": {
        "description": "The maximum number of requests allowed per minute.",
        "schema": {
          "type": "integer"
        },
        "example": 60
      },
      "x-ratelimit-remaining-requests": {
        "description": "The remaining number of requests in the current window.",
        "schema": {
          "type": "integer"
        },
        "example": 59
      },
      "x-ratelimit-reset-requests": {
        "description": "The time until the requests limit resets, as OpenAI writes it (for example `1s`, `6m0s`).",
        "schema": {
          "type": "string"
        },
        "example": "1s"
      },
      "x-ratelimit-limit-tokens": {
        "description": "The maximum number of tokens allowed per minute.",
        "schema": {
          "type": "integer"
        },
        "example": 60
      },
      "x-ratelimit-remaining-tokens": {
        "description": "The remaining number of tokens in the current window.",
        "schema": {
          "type": "integer"
        },
        "example": 59
      },
      "x-ratelimit-reset-tokens": {
        "description": "The time until the tokens limit resets, as OpenAI writes it (for example `1s`, `6m0s`).",
        "schema": {
          "type": "string"
        },
        "example": "1s"
      }
    }
  }
};
