// This file is generated from openapi/ by `npm run gen`. Do not edit it by hand.
/** The bundled OpenAPI description (all $refs internal). */
export const openapiSpec: Record<string, any> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Cordon API",
    "version": "0.1.0",
    "summary": "An OpenAI-compatible inference gateway.",
    "description": "Cordon speaks the OpenAI API in front of models you control: an embedded llama.cpp engine,\nor vLLM, Ollama, TGI, llama.cpp servers and other OpenAI-compatible upstreams.\n\nEvery request is authenticated by a personal access token (`Authorization: Bearer <key>`) and\nscoped to a domain (tenant). Use `{base}/v1` (the key's own domain) or\n`{base}/proxy/{domain_id}/v1` (a named domain; the key must belong to it).\n\nThe platform API (domains, keys, the model registry, policies, usage) lives under\n`{base}/admin/v1`. A domain's keys may make at most `CORDON_ADMIN_WRITES_PER_MINUTE` (60)\nwrites there a minute, all of them together (superadmins: no limit); past that, a 429 with\n`Retry-After`.\n\nEvery error has the OpenAI shape `{\"error\": {\"message\", \"type\", \"param\", \"code\"}}`.\n",
    "license": {
      "name": "Apache 2.0",
      "url": "https://www.apache.org/licenses/LICENSE-2.0.html"
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
      "name": "Confidential",
      "description": "End-to-end encrypted inference to attested engine hosts (Cordon's extension; see docs/confidential.md)."
    },
    {
      "name": "Admin",
      "description": "The platform API: domains, keys, the model registry, policies and usage. Served under `{base}/admin/v1`. Writes by a domain's keys are limited to `CORDON_ADMIN_WRITES_PER_MINUTE` (60) a minute per domain, all its keys together (superadmins: no limit): a 429 with `Retry-After` past it."
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
    },
    "/models/{model}": {
      "get": {
        "operationId": "retrieveModel",
        "tags": [
          "Models"
        ],
        "summary": "Retrieve a model",
        "description": "Returns a model the calling key's domain may use; 404 `model_not_found` for any other.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ModelId"
          }
        ],
        "responses": {
          "200": {
            "description": "The model.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Model"
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
    },
    "/chat/completions": {
      "post": {
        "operationId": "createChatCompletion",
        "tags": [
          "Chat"
        ],
        "summary": "Create chat completion",
        "description": "Creates a model response for the conversation. With `stream: true` the response is a stream\nof Server-Sent Events: each event is `data: <chat.completion.chunk JSON>`, the first delta\ncarries `role`, the last choice chunk carries `finish_reason`, and the stream ends with\n`data: [DONE]`. With `stream_options.include_usage` one more chunk, with empty `choices` and\nthe `usage` of the whole request, comes before `[DONE]`. Tool calls stream as\n`delta.tool_calls` fragments. Unknown request fields are passed on to upstream engines.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateChatCompletionRequest"
              },
              "examples": {
                "simple": {
                  "summary": "A simple chat",
                  "value": {
                    "model": "cordon-demo",
                    "messages": [
                      {
                        "role": "system",
                        "content": "You are a helpful assistant."
                      },
                      {
                        "role": "user",
                        "content": "Hello!"
                      }
                    ]
                  }
                },
                "tools": {
                  "summary": "Function calling",
                  "value": {
                    "model": "cordon-demo",
                    "messages": [
                      {
                        "role": "user",
                        "content": "What is the weather in Paris?"
                      }
                    ],
                    "tools": [
                      {
                        "type": "function",
                        "function": {
                          "name": "get_weather",
                          "description": "Current weather for a city.",
                          "parameters": {
                            "type": "object",
                            "properties": {
                              "city": {
                                "type": "string"
                              }
                            },
                            "required": [
                              "city"
                            ]
                          }
                        }
                      }
                    ],
                    "tool_choice": "auto"
                  }
                },
                "structured": {
                  "summary": "Structured output",
                  "value": {
                    "model": "cordon-demo",
                    "messages": [
                      {
                        "role": "user",
                        "content": "Invent a person."
                      }
                    ],
                    "response_format": {
                      "type": "json_schema",
                      "json_schema": {
                        "name": "person",
                        "strict": true,
                        "schema": {
                          "type": "object",
                          "properties": {
                            "name": {
                              "type": "string"
                            },
                            "age": {
                              "type": "integer"
                            }
                          },
                          "required": [
                            "name",
                            "age"
                          ],
                          "additionalProperties": false
                        }
                      }
                    }
                  }
                },
                "streaming": {
                  "summary": "Streaming with usage",
                  "value": {
                    "model": "cordon-demo",
                    "messages": [
                      {
                        "role": "user",
                        "content": "Hello!"
                      }
                    ],
                    "stream": true,
                    "stream_options": {
                      "include_usage": true
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A chat completion, or (with `stream: true`) a stream of chunks.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateChatCompletionResponse"
                },
                "example": {
                  "id": "chatcmpl-9x8y7z",
                  "object": "chat.completion",
                  "created": 1763870400,
                  "model": "cordon-demo",
                  "choices": [
                    {
                      "index": 0,
                      "message": {
                        "role": "assistant",
                        "content": "Hello! How can I help you today?",
                        "refusal": null
                      },
                      "logprobs": null,
                      "finish_reason": "stop"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 19,
                    "completion_tokens": 9,
                    "total_tokens": 28
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/CreateChatCompletionStreamResponse"
                },
                "example": {
                  "id": "chatcmpl-9x8y7z",
                  "object": "chat.completion.chunk",
                  "created": 1763870400,
                  "model": "cordon-demo",
                  "choices": [
                    {
                      "index": 0,
                      "delta": {
                        "role": "assistant",
                        "content": "Hello"
                      },
                      "finish_reason": null
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
    },
    "/completions": {
      "post": {
        "operationId": "createCompletion",
        "tags": [
          "Completions"
        ],
        "summary": "Create completion",
        "description": "Legacy text completion for a prompt. With `stream: true` the response is a stream of\nServer-Sent Events, each `data: <text_completion JSON>`, ending with `data: [DONE]`; with\n`stream_options.include_usage` a last event with empty `choices` carries the usage.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateCompletionRequest"
              },
              "example": {
                "model": "cordon-demo",
                "prompt": "Once upon a time",
                "max_tokens": 16
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A completion, or (with `stream: true`) a stream of completion events.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateCompletionResponse"
                },
                "example": {
                  "id": "cmpl-9x8y7z",
                  "object": "text_completion",
                  "created": 1763870400,
                  "model": "cordon-demo",
                  "choices": [
                    {
                      "index": 0,
                      "text": " there was a gateway.",
                      "logprobs": null,
                      "finish_reason": "length"
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 4,
                    "completion_tokens": 16,
                    "total_tokens": 20
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/CreateCompletionResponse"
                },
                "example": {
                  "id": "cmpl-9x8y7z",
                  "object": "text_completion",
                  "created": 1763870400,
                  "model": "cordon-demo",
                  "choices": [
                    {
                      "index": 0,
                      "text": " there",
                      "logprobs": null,
                      "finish_reason": null
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
    },
    "/embeddings": {
      "post": {
        "operationId": "createEmbedding",
        "tags": [
          "Embeddings"
        ],
        "summary": "Create embeddings",
        "description": "Creates an embedding vector for each input. `dimensions` truncates and re-normalizes; `base64` returns little-endian float32.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateEmbeddingRequest"
              },
              "example": {
                "model": "cordon-demo",
                "input": [
                  "The food was delicious.",
                  "The service was slow."
                ]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The embeddings, in input order.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreateEmbeddingResponse"
                },
                "example": {
                  "object": "list",
                  "model": "cordon-demo",
                  "data": [
                    {
                      "object": "embedding",
                      "index": 0,
                      "embedding": [
                        0.0023,
                        -0.0094,
                        0.0157
                      ]
                    },
                    {
                      "object": "embedding",
                      "index": 1,
                      "embedding": [
                        -0.0112,
                        0.0051,
                        0.0203
                      ]
                    }
                  ],
                  "usage": {
                    "prompt_tokens": 11,
                    "total_tokens": 11
                  }
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
    },
    "/responses": {
      "post": {
        "operationId": "createResponse",
        "tags": [
          "Responses"
        ],
        "summary": "Create a model response",
        "description": "Generates a model response from text or a list of input items (messages, function calls and\nfunction call outputs), with function tools and structured output (`text.format`).\n\nResponses are stored in the calling key's domain unless `store: false`; a stored response can\nbe retrieved, deleted, and continued with `previous_response_id` (for example to send\n`function_call_output` items after a function call). With `stream: true` the answer is\n`text/event-stream`: typed Server-Sent Events (`event: <type>`, `data: <json>`, see\n`ResponseStreamEvent`), each with a `sequence_number` counting from 0, ending with\n`response.completed`, `response.incomplete` or `response.failed`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateResponse"
              },
              "examples": {
                "text": {
                  "summary": "Text in, text out",
                  "value": {
                    "model": "cordon-demo",
                    "instructions": "You are terse.",
                    "input": "Tell me a three sentence bedtime story about a unicorn.",
                    "max_output_tokens": 64
                  }
                },
                "messages": {
                  "summary": "A list of messages",
                  "value": {
                    "model": "cordon-demo",
                    "input": [
                      {
                        "role": "developer",
                        "content": "Answer in French."
                      },
                      {
                        "role": "user",
                        "content": [
                          {
                            "type": "input_text",
                            "text": "What is the capital of Italy?"
                          }
                        ]
                      }
                    ]
                  }
                },
                "tools": {
                  "summary": "A function tool",
                  "value": {
                    "model": "cordon-demo",
                    "input": [
                      {
                        "role": "user",
                        "content": "What is the weather in Paris?"
                      }
                    ],
                    "tools": [
                      {
                        "type": "function",
                        "name": "get_weather",
                        "description": "Current weather for a city.",
                        "parameters": {
                          "type": "object",
                          "properties": {
                            "city": {
                              "type": "string"
                            }
                          },
                          "required": [
                            "city"
                          ],
                          "additionalProperties": false
                        },
                        "strict": true
                      }
                    ],
                    "tool_choice": "auto"
                  }
                },
                "continue": {
                  "summary": "Continue a stored response with a function call output",
                  "value": {
                    "model": "cordon-demo",
                    "previous_response_id": "resp_67ccd2bed1ec8190b14f964abc054267",
                    "input": [
                      {
                        "type": "function_call_output",
                        "call_id": "call_abc123",
                        "output": "{\"temperature\": 21}"
                      }
                    ]
                  }
                },
                "replay": {
                  "summary": "Replay a conversation without storage",
                  "value": {
                    "model": "cordon-demo",
                    "store": false,
                    "input": [
                      {
                        "role": "user",
                        "content": "What is the weather in Paris?"
                      },
                      {
                        "type": "function_call",
                        "call_id": "call_abc123",
                        "name": "get_weather",
                        "arguments": "{\"city\":\"Paris\"}"
                      },
                      {
                        "type": "function_call_output",
                        "call_id": "call_abc123",
                        "output": "{\"temperature\": 21}"
                      }
                    ]
                  }
                },
                "json_schema": {
                  "summary": "Structured output",
                  "value": {
                    "model": "cordon-demo",
                    "input": "Invent a person.",
                    "text": {
                      "format": {
                        "type": "json_schema",
                        "name": "person",
                        "strict": true,
                        "schema": {
                          "type": "object",
                          "properties": {
                            "name": {
                              "type": "string"
                            },
                            "age": {
                              "type": "integer"
                            }
                          },
                          "required": [
                            "name",
                            "age"
                          ],
                          "additionalProperties": false
                        }
                      }
                    }
                  }
                },
                "stream": {
                  "summary": "Streaming",
                  "value": {
                    "model": "cordon-demo",
                    "input": "Hello",
                    "stream": true
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The response, or (with `stream: true`) a stream of typed events.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Response"
                },
                "example": {
                  "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                  "object": "response",
                  "created_at": 1763870400,
                  "status": "completed",
                  "model": "cordon-demo",
                  "output": [
                    {
                      "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                      "type": "message",
                      "role": "assistant",
                      "status": "completed",
                      "content": [
                        {
                          "type": "output_text",
                          "text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                          "annotations": [],
                          "logprobs": []
                        }
                      ]
                    }
                  ],
                  "output_text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                  "error": null,
                  "incomplete_details": null,
                  "instructions": null,
                  "metadata": {},
                  "tools": [],
                  "tool_choice": "auto",
                  "text": {
                    "format": {
                      "type": "text"
                    }
                  },
                  "temperature": 1,
                  "top_p": 1,
                  "max_output_tokens": null,
                  "parallel_tool_calls": true,
                  "previous_response_id": null,
                  "store": true,
                  "usage": {
                    "input_tokens": 36,
                    "input_tokens_details": {
                      "cached_tokens": 0,
                      "cache_write_tokens": 0
                    },
                    "output_tokens": 14,
                    "output_tokens_details": {
                      "reasoning_tokens": 0
                    },
                    "total_tokens": 50
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseStreamEvent"
                },
                "examples": {
                  "created": {
                    "summary": "The first event",
                    "value": {
                      "type": "response.created",
                      "sequence_number": 0,
                      "response": {
                        "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                        "object": "response",
                        "created_at": 1763870400,
                        "status": "in_progress",
                        "model": "cordon-demo",
                        "output": [],
                        "error": null,
                        "incomplete_details": null,
                        "instructions": null,
                        "metadata": {},
                        "tools": [],
                        "tool_choice": "auto",
                        "text": {
                          "format": {
                            "type": "text"
                          }
                        },
                        "temperature": 1,
                        "top_p": 1,
                        "max_output_tokens": null,
                        "parallel_tool_calls": true,
                        "previous_response_id": null,
                        "store": true,
                        "usage": null
                      }
                    }
                  },
                  "delta": {
                    "summary": "A text delta",
                    "value": {
                      "type": "response.output_text.delta",
                      "sequence_number": 4,
                      "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                      "output_index": 0,
                      "content_index": 0,
                      "delta": "Once",
                      "logprobs": []
                    }
                  },
                  "arguments": {
                    "summary": "Function call arguments, final",
                    "value": {
                      "type": "response.function_call_arguments.done",
                      "sequence_number": 6,
                      "item_id": "fc_67ccd2bf17f0819081ff3bb2cf6508e7",
                      "output_index": 0,
                      "name": "get_weather",
                      "arguments": "{\"city\":\"Paris\"}"
                    }
                  },
                  "error": {
                    "summary": "An error during the stream (then response.failed)",
                    "value": {
                      "type": "error",
                      "sequence_number": 5,
                      "code": "server_error",
                      "message": "The engine failed while generating the response.",
                      "param": null
                    }
                  }
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
    },
    "/responses/{response_id}": {
      "get": {
        "operationId": "getResponse",
        "tags": [
          "Responses"
        ],
        "summary": "Get a model response",
        "description": "Retrieves a stored response of the calling key's domain. A response of any other domain, or one created with `store: false`, is 404.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ResponseId"
          }
        ],
        "responses": {
          "200": {
            "description": "The stored response.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Response"
                },
                "example": {
                  "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                  "object": "response",
                  "created_at": 1763870400,
                  "status": "completed",
                  "model": "cordon-demo",
                  "output": [
                    {
                      "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                      "type": "message",
                      "role": "assistant",
                      "status": "completed",
                      "content": [
                        {
                          "type": "output_text",
                          "text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                          "annotations": [],
                          "logprobs": []
                        }
                      ]
                    }
                  ],
                  "output_text": "Once upon a time, a unicorn named Lumen slept under the stars.",
                  "error": null,
                  "incomplete_details": null,
                  "instructions": null,
                  "metadata": {},
                  "tools": [],
                  "tool_choice": "auto",
                  "text": {
                    "format": {
                      "type": "text"
                    }
                  },
                  "temperature": 1,
                  "top_p": 1,
                  "max_output_tokens": null,
                  "parallel_tool_calls": true,
                  "previous_response_id": null,
                  "store": true,
                  "usage": {
                    "input_tokens": 36,
                    "input_tokens_details": {
                      "cached_tokens": 0,
                      "cache_write_tokens": 0
                    },
                    "output_tokens": 14,
                    "output_tokens_details": {
                      "reasoning_tokens": 0
                    },
                    "total_tokens": 50
                  }
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
      },
      "delete": {
        "operationId": "deleteResponse",
        "tags": [
          "Responses"
        ],
        "summary": "Delete a model response",
        "description": "Deletes a stored response of the calling key's domain; it can no longer be retrieved or continued. A response of any other domain is 404.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ResponseId"
          }
        ],
        "responses": {
          "200": {
            "description": "The response was deleted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedResponse"
                },
                "example": {
                  "id": "resp_67ccd2bed1ec8190b14f964abc054267",
                  "object": "response",
                  "deleted": true
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
    },
    "/audio/transcriptions": {
      "post": {
        "operationId": "createTranscription",
        "tags": [
          "Audio"
        ],
        "summary": "Create transcription",
        "description": "Transcribes audio into the input language, with a model that has the `transcription`\ncapability. The answer depends on `response_format`: `json` (default) and `verbose_json`\n(segments with timings, and words with `timestamp_granularities[]=word`) are\n`application/json`; `text`, `srt` and `vtt` are `text/plain`. With `stream: true` the answer\nis `text/event-stream`: `transcript.text.delta` events, then one `transcript.text.done`.\n\nFiles over 25 MB get 413; a file that is not audio gets 400; a compressed format without its\ndecoder (ffmpeg) installed gets 415.\n",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/CreateTranscriptionRequest"
              },
              "encoding": {
                "file": {
                  "contentType": "audio/*, video/mp4, application/octet-stream"
                }
              },
              "examples": {
                "json": {
                  "summary": "A plain transcript",
                  "value": {
                    "file": "speech.wav",
                    "model": "cordon-demo",
                    "language": "en",
                    "response_format": "json"
                  }
                },
                "verbose": {
                  "summary": "Segments and word timings",
                  "value": {
                    "file": "speech.wav",
                    "model": "cordon-demo",
                    "response_format": "verbose_json",
                    "timestamp_granularities": [
                      "word",
                      "segment"
                    ]
                  }
                },
                "stream": {
                  "summary": "Streamed",
                  "value": {
                    "file": "speech.wav",
                    "model": "cordon-demo",
                    "stream": true
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The transcript, in the requested format, or (with `stream: true`) a stream of events.",
            "content": {
              "application/json": {
                "schema": {
                  "description": "`json` or `verbose_json`. (`anyOf`: every `verbose_json` body is also a valid `json` body.)",
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/CreateTranscriptionResponseJson"
                    },
                    {
                      "$ref": "#/components/schemas/CreateTranscriptionResponseVerboseJson"
                    }
                  ]
                },
                "examples": {
                  "json": {
                    "summary": "response_format=json",
                    "value": {
                      "text": "Hello there.",
                      "usage": {
                        "type": "duration",
                        "seconds": 3.2
                      }
                    }
                  },
                  "verbose_json": {
                    "summary": "response_format=verbose_json",
                    "value": {
                      "task": "transcribe",
                      "language": "english",
                      "duration": 3.2,
                      "text": "Hello there.",
                      "words": [
                        {
                          "word": "Hello",
                          "start": 0,
                          "end": 0.4
                        },
                        {
                          "word": "there",
                          "start": 0.4,
                          "end": 0.9
                        }
                      ],
                      "segments": [
                        {
                          "id": 0,
                          "seek": 0,
                          "start": 0,
                          "end": 3.2,
                          "text": " Hello there.",
                          "tokens": [
                            50364,
                            2425,
                            456,
                            13
                          ],
                          "temperature": 0,
                          "avg_logprob": -0.28,
                          "compression_ratio": 0.9,
                          "no_speech_prob": 0.01
                        }
                      ]
                    }
                  }
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string",
                  "description": "The transcript as plain text (`text`), SubRip (`srt`) or WebVTT (`vtt`)."
                },
                "examples": {
                  "text": {
                    "summary": "response_format=text",
                    "value": "Hello there.\n"
                  },
                  "srt": {
                    "summary": "response_format=srt",
                    "value": "1\n00:00:00,000 --> 00:00:03,200\nHello there.\n"
                  },
                  "vtt": {
                    "summary": "response_format=vtt",
                    "value": "WEBVTT\n\n00:00:00.000 --> 00:00:03.200\nHello there.\n"
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/CreateTranscriptionResponseStreamEvent"
                },
                "examples": {
                  "delta": {
                    "summary": "A piece of the transcript",
                    "value": {
                      "type": "transcript.text.delta",
                      "delta": " Hello"
                    }
                  },
                  "done": {
                    "summary": "The whole transcript, last",
                    "value": {
                      "type": "transcript.text.done",
                      "text": "Hello there."
                    }
                  }
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
    },
    "/audio/translations": {
      "post": {
        "operationId": "createTranslation",
        "tags": [
          "Audio"
        ],
        "summary": "Create translation",
        "description": "Translates audio into English, with a model that has the `transcription` capability. The\nanswer depends on `response_format`: `json` (default) and `verbose_json` (segments with\ntimings) are `application/json`; `text`, `srt` and `vtt` are `text/plain`.\n\nFiles over 25 MB get 413; a file that is not audio gets 400; a compressed format without its\ndecoder (ffmpeg) installed gets 415.\n",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/CreateTranslationRequest"
              },
              "encoding": {
                "file": {
                  "contentType": "audio/*, video/mp4, application/octet-stream"
                }
              },
              "example": {
                "file": "speech.wav",
                "model": "cordon-demo",
                "response_format": "json"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The English text, in the requested format.",
            "content": {
              "application/json": {
                "schema": {
                  "description": "`json` or `verbose_json`. (`anyOf`: every `verbose_json` body is also a valid `json` body.)",
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/CreateTranslationResponseJson"
                    },
                    {
                      "$ref": "#/components/schemas/CreateTranslationResponseVerboseJson"
                    }
                  ]
                },
                "examples": {
                  "json": {
                    "summary": "response_format=json",
                    "value": {
                      "text": "Good morning."
                    }
                  },
                  "verbose_json": {
                    "summary": "response_format=verbose_json",
                    "value": {
                      "task": "translate",
                      "language": "english",
                      "duration": 2.1,
                      "text": "Good morning.",
                      "segments": [
                        {
                          "id": 0,
                          "seek": 0,
                          "start": 0,
                          "end": 2.1,
                          "text": " Good morning.",
                          "tokens": [
                            50364,
                            2205,
                            2446,
                            13
                          ],
                          "temperature": 0,
                          "avg_logprob": -0.31,
                          "compression_ratio": 0.8,
                          "no_speech_prob": 0.02
                        }
                      ]
                    }
                  }
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string",
                  "description": "The translation as plain text (`text`), SubRip (`srt`) or WebVTT (`vtt`)."
                },
                "examples": {
                  "text": {
                    "summary": "response_format=text",
                    "value": "Good morning.\n"
                  },
                  "srt": {
                    "summary": "response_format=srt",
                    "value": "1\n00:00:00,000 --> 00:00:02,100\nGood morning.\n"
                  }
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
    },
    "/attestation": {
      "get": {
        "operationId": "getAttestation",
        "tags": [
          "Confidential"
        ],
        "summary": "Get the engine host's key and evidence",
        "description": "Cordon's extension for confidential inference (docs/confidential.md): the public key of the\nengine host that serves `model`, with evidence binding it to the caller's `nonce`. A client\nverifies the evidence, then seals requests to that key (header `x-cordon-encrypted: 1`, the\nprotected fields in `cordon_encrypted`); the gateway routes them without being able to read them.\nEvidence of type `none` (no TEE) proves nothing about the machine and clients refuse it unless\ntold otherwise. 400 `model_not_supported` for a model that does not run in an engine host.\n",
        "parameters": [
          {
            "name": "model",
            "in": "query",
            "required": true,
            "description": "The model whose engine host's key is wanted.",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "cordon-demo"
          },
          {
            "name": "nonce",
            "in": "query",
            "required": true,
            "description": "32 random bytes, base64url without padding, fresh for every call.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]{43}$"
            },
            "example": "q4b8Hc2mD0yq7QW3cF1xq1l2m3n4o5p6q7r8s9t0u1s"
          }
        ],
        "responses": {
          "200": {
            "description": "The host's key and its evidence.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Attestation"
                },
                "example": {
                  "object": "cordon.attestation",
                  "version": 1,
                  "suite": {
                    "kem": "X-Wing",
                    "kdf": "HKDF-SHA256",
                    "aead": "AES-256-GCM"
                  },
                  "key_id": "307f6d6fdfb1699ca0b1e3442df8fff7952ff077b4045e34c62f88887e708036",
                  "public_key": "59sQ-DgcwyPJTNnJ7uFhQimBwLIsguJP4psmVIXBvryXCCuP7ohMz_iI4XikGtacPClruEZDmhmqo1J0f3i0zaFwBMgxprhj6RWv7BnAA4XDIyqcNTlpW1iot5oNvLYI1ygdZ6MrgZgc3Hqb9Owx4XGlDtgrvHgSxrWGQkRZ2sqAHzpEybYxzaoqZdyn5FaQMtt_ppwY7apFI3Kw9UOpVFNCwPp_zikeKTe7Wos7GayCN9QJOWCKkElsfjqj38mmdZa9TDd-zIMuzfRG-bZgWosBWtqv5igeRBcbuLuY3AibBmVL61d8gDIcJ_kRR-cZgqSeQQDJY3lmpUiwCBEcAQiHfrSfmIuN_YUpH7qFx8Q6yMUMBiE5lHgfAZqKFeGjR4RZ3UZeP4h2uLBl4_lesrQE_7EboYpL-Oy16IAdSls1ArUXN3ZW6_i5kUA5O8OX9YRaojW2DgdjbJoQrGybh3IRQPJzKfI-DqrJ2NmvxPoqstlTPjFV1_dLydhjRdpcEEnNIMAux-VuzEFq0dybewWfbbuXn3pnKvFsPFjFj5Jw0NU3vSRi8QIQuAmUoedlUVZtdqAbbjh3CLpKfJXGFFcJbneJ4_qbEmDB2qVvaZG5HGVqZIyIBvuvFYyJHCNJ9XcFDkutvKtSAxeuZMNk9MYUx2Gv0pLKZSWt9YkxZqqWpyyHA2muYiGDagqeI9MEMdpyoRkIsRkBRxx-fCOXh7katZwWf-zA01ON0lsJEHy8uDllg4AOhgAHqJmi9AUX8IYIesEPgZuOcdC4xZltOSQ-8mik-Na8aJQt6soeLJtai_jL2pMR-oZicDlhPOcRMNYYOUxkPFEYbWUmEsNyVkJiuFdSGeeD1vXGRIKDkHSS74Orvfx-XEI000KWfCyRSuy_67NzIyu4iTQyuACH6Ic0ofdtPlQLVyKllIOE_qo5R3Al3FJUTFE1ZPsltiUusFSOQoxVP3MftSOWOwRo2dmBk9AXwOKQX_yT_MxAFgM8vCo_3NaLLxs21lmHTvZ74ZJSvYRw5Tazk1EmlhRFN-I1EtwHsdEmNTdPEEMmlRybquHOU2agfdd0qTYfdUzEprmgKfCDkNhZ8QsHNKo4LGVEqTmthQXFRbxUhROCh2Usk7QS8riaZpEgXQG-bhvHP9ASlXOiPyKmy1G4KcNF0GGePtZ3izsERoMNSTlVyHQG5jTA4nZerCiPYlgP-ZyffBKXj5tugfx3f9VJP4kOtPYP4Ma7sFJDSxQIfMYMyKjH6WKMfgezgZtuLGRUu6VypemKI_y6A8nFqGk0zaU_yXZmwpa9OWRswpuQx4wd1kcAhwp5doZHZEIwBStCIMC37TlG95lM7YBBK1u2UEZk9-Bd52heKIywxxdtjTs5besmOZPIGtvIydq5yIcxVzG2S-PGrGjBsVNFhvGc0BqWyNxAILRg6ZOtIhRuKTB3MCxGaOiB7TAYbzGJkPm9kla-A8iXgslXbGurWwlnf6rM2buP7NyDNDsC5pynAzkrHqRxHBQVVoSF5ZZGXyGexoNZU2__OeL4q76gwvSIIYcKEjvkbh-VwbhHCxrO6QYMsaYTqNHwjgI83v6DdGoaEdkCkC9AqFAWv9J4A1hLVF6BMQ",
                  "nonce": "q4b8Hc2mD0yq7QW3cF1xq1l2m3n4o5p6q7r8s9t0u1s",
                  "evidence": {
                    "type": "none",
                    "report_data": "6a85cc3bba54ae7320a81ebebdbc64c2350374b9c948d08975ec06d058a8eb9e5be06eac6b90c7e4a95eb51686798b0b4f86e51c9e4185d692092d3a4ab073b7"
                  }
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
    },
    "/admin/v1/domains": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "listDomains",
        "tags": [
          "Admin"
        ],
        "summary": "List domains",
        "description": "Lists every domain. Superadmin only.",
        "responses": {
          "200": {
            "description": "The domains.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DomainList"
                },
                "example": {
                  "object": "list",
                  "data": [
                    {
                      "id": "default",
                      "object": "domain",
                      "name": "Default",
                      "disabled": false,
                      "created_at": 1763870400
                    },
                    {
                      "id": "acme",
                      "object": "domain",
                      "name": "ACME Corp",
                      "disabled": false,
                      "created_at": 1763870400
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
      },
      "post": {
        "operationId": "createDomain",
        "tags": [
          "Admin"
        ],
        "summary": "Create a domain",
        "description": "Creates a domain (tenant). The `id` slug is made from the name when absent; an existing id is 409. Superadmin only.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateDomainRequest"
              },
              "example": {
                "id": "acme",
                "name": "ACME Corp"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new domain.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Domain"
                },
                "example": {
                  "id": "acme",
                  "object": "domain",
                  "name": "ACME Corp",
                  "disabled": false,
                  "created_at": 1763870400
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
    },
    "/admin/v1/domains/{domain_id}": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "getDomain",
        "tags": [
          "Admin"
        ],
        "summary": "Get a domain",
        "description": "Gets a domain. A superadmin may read any domain; a domain admin only its own (any other is 404).",
        "parameters": [
          {
            "$ref": "#/components/parameters/DomainId"
          }
        ],
        "responses": {
          "200": {
            "description": "The domain.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Domain"
                },
                "example": {
                  "id": "acme",
                  "object": "domain",
                  "name": "ACME Corp",
                  "disabled": false,
                  "created_at": 1763870400
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
      },
      "patch": {
        "operationId": "updateDomain",
        "tags": [
          "Admin"
        ],
        "summary": "Update a domain",
        "description": "Renames, disables or enables a domain. A disabled domain's keys get 403 on every request. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DomainId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateDomainRequest"
              },
              "examples": {
                "disable": {
                  "summary": "Disable a domain",
                  "value": {
                    "disabled": true
                  }
                },
                "rename": {
                  "summary": "Rename a domain",
                  "value": {
                    "name": "ACME Corporation"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated domain.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Domain"
                },
                "example": {
                  "id": "acme",
                  "object": "domain",
                  "name": "ACME Corp",
                  "disabled": true,
                  "created_at": 1763870400
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
    },
    "/admin/v1/domains/{domain_id}/policy": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "getDomainPolicy",
        "tags": [
          "Admin"
        ],
        "summary": "Get a domain policy",
        "description": "Gets the domain's guardrails and rate limits, with every default filled in. Superadmin, or the domain's admin.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DomainId"
          }
        ],
        "responses": {
          "200": {
            "description": "The policy.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Policy"
                },
                "example": {
                  "guardrails": {
                    "input": {
                      "max_chars": 100000,
                      "max_tokens": null,
                      "blocked_terms": [
                        "project-x"
                      ],
                      "blocked_patterns": [
                        {
                          "name": "project-codename",
                          "pattern": "\\bblue\\s*falcon\\b",
                          "flags": "i"
                        }
                      ],
                      "injection_detection": true,
                      "pii": {
                        "email": "mask",
                        "phone": "allow",
                        "credit_card": "block",
                        "iban": "mask",
                        "ip_address": "allow",
                        "us_ssn": "block",
                        "custom": []
                      }
                    },
                    "output": {
                      "blocked_terms": [],
                      "blocked_patterns": [],
                      "pii": {
                        "email": "mask",
                        "phone": "allow",
                        "credit_card": "mask",
                        "iban": "mask",
                        "ip_address": "allow",
                        "us_ssn": "mask",
                        "custom": []
                      }
                    }
                  },
                  "limits": {
                    "key": {
                      "requests_per_minute": 60,
                      "tokens_per_minute": 100000,
                      "concurrent_requests": 4
                    },
                    "domain": {
                      "requests_per_minute": 600,
                      "tokens_per_minute": 1000000,
                      "concurrent_requests": 32
                    },
                    "on_store_failure": "open"
                  }
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
      },
      "put": {
        "operationId": "setDomainPolicy",
        "tags": [
          "Admin"
        ],
        "summary": "Set a domain policy",
        "description": "Replaces the domain's guardrails and rate limits; missing parts take their defaults (nothing blocked, no limits), so `{}` resets the policy; an empty or absent body is 400 `missing_body`, never read as `{}`. Takes effect on the next request. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DomainId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Policy"
              },
              "example": {
                "guardrails": {
                  "input": {
                    "max_chars": 100000,
                    "max_tokens": null,
                    "blocked_terms": [
                      "project-x"
                    ],
                    "blocked_patterns": [
                      {
                        "name": "project-codename",
                        "pattern": "\\bblue\\s*falcon\\b",
                        "flags": "i"
                      }
                    ],
                    "injection_detection": true,
                    "pii": {
                      "email": "mask",
                      "phone": "allow",
                      "credit_card": "block",
                      "iban": "mask",
                      "ip_address": "allow",
                      "us_ssn": "block",
                      "custom": []
                    }
                  },
                  "output": {
                    "blocked_terms": [],
                    "blocked_patterns": [],
                    "pii": {
                      "email": "mask",
                      "phone": "allow",
                      "credit_card": "mask",
                      "iban": "mask",
                      "ip_address": "allow",
                      "us_ssn": "mask",
                      "custom": []
                    }
                  }
                },
                "limits": {
                  "key": {
                    "requests_per_minute": 60,
                    "tokens_per_minute": 100000,
                    "concurrent_requests": 4
                  },
                  "domain": {
                    "requests_per_minute": 600,
                    "tokens_per_minute": 1000000,
                    "concurrent_requests": 32
                  },
                  "on_store_failure": "open"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The policy now in force, with defaults filled in.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Policy"
                },
                "example": {
                  "guardrails": {
                    "input": {
                      "max_chars": 100000,
                      "max_tokens": null,
                      "blocked_terms": [
                        "project-x"
                      ],
                      "blocked_patterns": [
                        {
                          "name": "project-codename",
                          "pattern": "\\bblue\\s*falcon\\b",
                          "flags": "i"
                        }
                      ],
                      "injection_detection": true,
                      "pii": {
                        "email": "mask",
                        "phone": "allow",
                        "credit_card": "block",
                        "iban": "mask",
                        "ip_address": "allow",
                        "us_ssn": "block",
                        "custom": []
                      }
                    },
                    "output": {
                      "blocked_terms": [],
                      "blocked_patterns": [],
                      "pii": {
                        "email": "mask",
                        "phone": "allow",
                        "credit_card": "mask",
                        "iban": "mask",
                        "ip_address": "allow",
                        "us_ssn": "mask",
                        "custom": []
                      }
                    }
                  },
                  "limits": {
                    "key": {
                      "requests_per_minute": 60,
                      "tokens_per_minute": 100000,
                      "concurrent_requests": 4
                    },
                    "domain": {
                      "requests_per_minute": 600,
                      "tokens_per_minute": 1000000,
                      "concurrent_requests": 32
                    },
                    "on_store_failure": "open"
                  }
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
    },
    "/admin/v1/keys": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "listKeys",
        "tags": [
          "Admin"
        ],
        "summary": "List keys",
        "description": "Lists keys (never their secrets), oldest first, a page at a time. A superadmin sees every domain's keys (or one domain's, with `domain_id`); a domain admin sees its own domain's keys, except superadmin keys.",
        "parameters": [
          {
            "name": "domain_id",
            "in": "query",
            "required": false,
            "description": "Only keys of this domain. A domain admin may only name its own domain.",
            "schema": {
              "type": "string"
            },
            "example": "acme"
          },
          {
            "name": "after",
            "in": "query",
            "required": false,
            "description": "A cursor for the next page, the `last_id` of the page before; the listing continues after that key. A key outside this listing is a 400.",
            "schema": {
              "type": "string"
            },
            "example": "k3j9x2m4p7q1"
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "The most keys on this page; `has_more` says whether more follow.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100,
              "default": 100
            },
            "example": 20
          }
        ],
        "responses": {
          "200": {
            "description": "The keys.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/KeyList"
                },
                "example": {
                  "object": "list",
                  "data": [
                    {
                      "id": "k3j9x2m4p7q1",
                      "object": "api_key",
                      "domain_id": "acme",
                      "name": "ci-bot",
                      "role": "member",
                      "prefix": "cdn_k3j9x2m4",
                      "created_at": 1763870400,
                      "expires_at": null,
                      "last_used_at": 1763874000,
                      "revoked_at": null
                    }
                  ],
                  "first_id": "k3j9x2m4p7q1",
                  "last_id": "k3j9x2m4p7q1",
                  "has_more": false
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
      },
      "post": {
        "operationId": "createKey",
        "tags": [
          "Admin"
        ],
        "summary": "Create a key",
        "description": "Creates a personal access token. The secret is in this response only; it is stored as a hash. A superadmin may create any key in any domain; a domain admin member and admin keys in its own domain. A domain holds at most `CORDON_KEYS_MAX_PER_DOMAIN` keys (1000 by default) that are neither revoked nor expired; one more is a 400 with the code `key_limit_reached`.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateKeyRequest"
              },
              "examples": {
                "member": {
                  "summary": "A member key in the caller's domain",
                  "value": {
                    "name": "ci-bot"
                  }
                },
                "expiring": {
                  "summary": "An admin key of a named domain that expires",
                  "value": {
                    "domain_id": "acme",
                    "name": "acme-admin",
                    "role": "admin",
                    "expires_at": 1795406400
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new key, with its secret (shown once).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreatedKey"
                },
                "example": {
                  "id": "k3j9x2m4p7q1",
                  "object": "api_key",
                  "domain_id": "acme",
                  "name": "ci-bot",
                  "role": "member",
                  "prefix": "cdn_k3j9x2m4",
                  "created_at": 1763870400,
                  "expires_at": null,
                  "last_used_at": null,
                  "revoked_at": null,
                  "secret": "cdn_k3j9x2m4p7q1_3q2-7wFh0vS8r5YdXcZk1bN4mP6tJ9aLeG0uQiWoR2s"
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
    },
    "/admin/v1/keys/{key_id}": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "getKey",
        "tags": [
          "Admin"
        ],
        "summary": "Get a key",
        "description": "Gets one key (never its secret). A domain admin may read its own domain's keys (not superadmin keys); any other is 404.",
        "parameters": [
          {
            "$ref": "#/components/parameters/KeyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The key.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Key"
                },
                "example": {
                  "id": "k3j9x2m4p7q1",
                  "object": "api_key",
                  "domain_id": "acme",
                  "name": "ci-bot",
                  "role": "member",
                  "prefix": "cdn_k3j9x2m4",
                  "created_at": 1763870400,
                  "expires_at": null,
                  "last_used_at": 1763874000,
                  "revoked_at": null
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
    },
    "/admin/v1/keys/{key_id}/revoke": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "post": {
        "operationId": "revokeKey",
        "tags": [
          "Admin"
        ],
        "summary": "Revoke a key",
        "description": "Revokes a key; it gets 401 from its next request on. Revoking a revoked key changes nothing. A superadmin may revoke any key; a domain admin only member keys of its domain and its own key (another admin's key gets 403).",
        "parameters": [
          {
            "$ref": "#/components/parameters/KeyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The revoked key.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Key"
                },
                "example": {
                  "id": "k3j9x2m4p7q1",
                  "object": "api_key",
                  "domain_id": "acme",
                  "name": "ci-bot",
                  "role": "member",
                  "prefix": "cdn_k3j9x2m4",
                  "created_at": 1763870400,
                  "expires_at": null,
                  "last_used_at": 1763874000,
                  "revoked_at": 1763880000
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
    },
    "/admin/v1/keys/{key_id}/rotate": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "post": {
        "operationId": "rotateKey",
        "tags": [
          "Admin"
        ],
        "summary": "Rotate a key",
        "description": "Gives the key a new secret (shown once in this response); the old secret stops working at once. The key keeps its id, name, role and expiry. A superadmin may rotate any key; a domain admin only member keys of its domain and its own key (another admin's key gets 403).",
        "parameters": [
          {
            "$ref": "#/components/parameters/KeyId"
          }
        ],
        "responses": {
          "200": {
            "description": "The key, with its new secret (shown once).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreatedKey"
                },
                "example": {
                  "id": "k3j9x2m4p7q1",
                  "object": "api_key",
                  "domain_id": "acme",
                  "name": "ci-bot",
                  "role": "member",
                  "prefix": "cdn_k3j9x2m4",
                  "created_at": 1763870400,
                  "expires_at": null,
                  "last_used_at": 1763874000,
                  "revoked_at": null,
                  "secret": "cdn_k3j9x2m4p7q1_Zt8pQ2nV5xK1mB7rC4wH9sJ3dL6fA0gE2yU8iO5eT1k"
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
    },
    "/admin/v1/models": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "listRegistryModels",
        "tags": [
          "Admin"
        ],
        "summary": "List registry models",
        "description": "Lists every model in the platform-wide registry, with its engine state in this gateway process. Superadmin only.",
        "responses": {
          "200": {
            "description": "The registry models.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModelList"
                },
                "example": {
                  "object": "list",
                  "data": [
                    {
                      "id": "cordon-demo",
                      "object": "registry_model",
                      "engine": "llama-cpp",
                      "settings": {
                        "path": "/srv/cordon/data/models/cordon-demo.gguf",
                        "context_size": 2048
                      },
                      "capabilities": [
                        "chat",
                        "completions",
                        "embeddings"
                      ],
                      "owned_by": "cordon",
                      "created": 1763870400,
                      "domains": null,
                      "status": {
                        "state": "ready"
                      }
                    },
                    {
                      "id": "llama-3.1-8b",
                      "object": "registry_model",
                      "engine": "openai-compatible",
                      "settings": {
                        "targets": [
                          {
                            "base_url": "http://10.0.0.5:8000/v1",
                            "model": "meta-llama/Llama-3.1-8B-Instruct",
                            "api_key_env": "CORDON_UPSTREAM_KEY_VLLM"
                          }
                        ],
                        "fallback_model": "cordon-demo"
                      },
                      "capabilities": [
                        "chat",
                        "completions"
                      ],
                      "owned_by": "cordon",
                      "created": 1763870400,
                      "domains": [
                        "acme"
                      ],
                      "status": {
                        "state": "ready"
                      }
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
      },
      "post": {
        "operationId": "createRegistryModel",
        "tags": [
          "Admin"
        ],
        "summary": "Register a model",
        "description": "Adds a model to the registry; an existing id is 409. File engines need `settings.path`, upstream engines `settings.targets` (400 otherwise). The model is loaded on first use. Superadmin only.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateRegistryModelRequest"
              },
              "examples": {
                "file": {
                  "summary": "An embedded llama.cpp model",
                  "value": {
                    "id": "cordon-demo",
                    "engine": "llama-cpp",
                    "settings": {
                      "path": "/srv/cordon/data/models/cordon-demo.gguf",
                      "context_size": 2048
                    },
                    "capabilities": [
                      "chat",
                      "completions",
                      "embeddings"
                    ]
                  }
                },
                "upstream": {
                  "summary": "An OpenAI-compatible upstream (vLLM) for one domain",
                  "value": {
                    "id": "llama-3.1-8b",
                    "engine": "openai-compatible",
                    "settings": {
                      "targets": [
                        {
                          "base_url": "http://10.0.0.5:8000/v1",
                          "model": "meta-llama/Llama-3.1-8B-Instruct",
                          "api_key_env": "CORDON_UPSTREAM_KEY_VLLM"
                        }
                      ],
                      "fallback_model": "cordon-demo"
                    },
                    "capabilities": [
                      "chat",
                      "completions"
                    ],
                    "domains": [
                      "acme"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The registered model.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModel"
                },
                "example": {
                  "id": "cordon-demo",
                  "object": "registry_model",
                  "engine": "llama-cpp",
                  "settings": {
                    "path": "/srv/cordon/data/models/cordon-demo.gguf",
                    "context_size": 2048
                  },
                  "capabilities": [
                    "chat",
                    "completions",
                    "embeddings"
                  ],
                  "owned_by": "cordon",
                  "created": 1763870400,
                  "domains": null,
                  "status": {
                    "state": "unloaded"
                  }
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
    },
    "/admin/v1/models/{model}": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "getRegistryModel",
        "tags": [
          "Admin"
        ],
        "summary": "Get a registry model",
        "description": "Gets one registry model, with its engine state in this gateway process. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/RegistryModelId"
          }
        ],
        "responses": {
          "200": {
            "description": "The registry model.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModel"
                },
                "example": {
                  "id": "cordon-demo",
                  "object": "registry_model",
                  "engine": "llama-cpp",
                  "settings": {
                    "path": "/srv/cordon/data/models/cordon-demo.gguf",
                    "context_size": 2048
                  },
                  "capabilities": [
                    "chat",
                    "completions",
                    "embeddings"
                  ],
                  "owned_by": "cordon",
                  "created": 1763870400,
                  "domains": null,
                  "status": {
                    "state": "ready"
                  }
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
      },
      "patch": {
        "operationId": "updateRegistryModel",
        "tags": [
          "Admin"
        ],
        "summary": "Update a registry model",
        "description": "Changes a registry model; absent fields are left as they are. The engine drops what it holds for the model (it is loaded again, with the new settings, on next use). Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/RegistryModelId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateRegistryModelRequest"
              },
              "examples": {
                "domains": {
                  "summary": "Restrict to one domain",
                  "value": {
                    "domains": [
                      "acme"
                    ]
                  }
                },
                "all": {
                  "summary": "Open to all domains",
                  "value": {
                    "domains": null
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated registry model.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModel"
                },
                "example": {
                  "id": "cordon-demo",
                  "object": "registry_model",
                  "engine": "llama-cpp",
                  "settings": {
                    "path": "/srv/cordon/data/models/cordon-demo.gguf",
                    "context_size": 2048
                  },
                  "capabilities": [
                    "chat",
                    "completions",
                    "embeddings"
                  ],
                  "owned_by": "cordon",
                  "created": 1763870400,
                  "domains": [
                    "acme"
                  ],
                  "status": {
                    "state": "ready"
                  }
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
      },
      "delete": {
        "operationId": "deleteRegistryModel",
        "tags": [
          "Admin"
        ],
        "summary": "Remove a registry model",
        "description": "Removes a model from the registry; the engine drops what it holds for it. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/RegistryModelId"
          }
        ],
        "responses": {
          "200": {
            "description": "The model was removed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedRegistryModel"
                },
                "example": {
                  "id": "cordon-demo",
                  "object": "registry_model",
                  "deleted": true
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
    },
    "/admin/v1/usage": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin (the platform API lives under `/admin/v1`).",
          "variables": {
            "base": {
              "default": "http://127.0.0.1:8080",
              "description": "Scheme, host and port of the gateway."
            }
          }
        }
      ],
      "get": {
        "operationId": "getUsage",
        "tags": [
          "Admin"
        ],
        "summary": "Get usage",
        "description": "Gets usage totals (requests, tokens, errors) by day, model and key. A superadmin sees all domains (or one, with `domain_id`); a domain admin its own domain.",
        "parameters": [
          {
            "name": "domain_id",
            "in": "query",
            "required": false,
            "description": "Only this domain. A domain admin may only name its own domain (and always gets only its own).",
            "schema": {
              "type": "string"
            },
            "example": "acme"
          },
          {
            "name": "start",
            "in": "query",
            "required": false,
            "description": "Unix time (seconds), inclusive.",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "example": 1763856000
          },
          {
            "name": "end",
            "in": "query",
            "required": false,
            "description": "Unix time (seconds), exclusive.",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "example": 1763942400
          },
          {
            "name": "group_by",
            "in": "query",
            "required": false,
            "description": "Group rows by these, repeated (`group_by=day&group_by=model`); all three when absent.",
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "type": "string",
                "enum": [
                  "day",
                  "model",
                  "key"
                ]
              },
              "default": [
                "day",
                "model",
                "key"
              ]
            },
            "example": [
              "day",
              "model"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The usage report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UsageReport"
                },
                "example": {
                  "object": "list",
                  "data": [
                    {
                      "day": "2026-11-23",
                      "model": "cordon-demo",
                      "key_id": "k3j9x2m4p7q1",
                      "domain_id": "acme",
                      "requests": 12,
                      "input_tokens": 340,
                      "output_tokens": 910,
                      "errors": 0
                    },
                    {
                      "day": "2026-11-23",
                      "model": "cordon-demo",
                      "key_id": "p8r2t6w1z4c7",
                      "domain_id": "acme",
                      "requests": 3,
                      "input_tokens": 60,
                      "output_tokens": 120,
                      "errors": 1
                    }
                  ],
                  "totals": {
                    "requests": 15,
                    "input_tokens": 400,
                    "output_tokens": 1030
                  }
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
      },
      "ChatCompletionRequestMessageContentPartText": {
        "type": "object",
        "description": "A text content part.",
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "text"
            ]
          },
          "text": {
            "type": "string"
          }
        },
        "example": {
          "type": "text",
          "text": "Hello"
        }
      },
      "ChatCompletionRequestSystemMessage": {
        "type": "object",
        "description": "Instructions from the system. `developer` and `system` messages are treated alike by local models.",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "system"
            ]
          },
          "content": {
            "description": "The contents of the system message.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
                }
              }
            ]
          },
          "name": {
            "type": "string",
            "description": "An optional name for the participant."
          }
        },
        "example": {
          "role": "system",
          "content": "You are a helpful assistant."
        }
      },
      "ChatCompletionRequestDeveloperMessage": {
        "type": "object",
        "description": "Instructions from the developer. `developer` and `system` messages are treated alike by local models.",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "developer"
            ]
          },
          "content": {
            "description": "The contents of the developer message.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
                }
              }
            ]
          },
          "name": {
            "type": "string",
            "description": "An optional name for the participant."
          }
        },
        "example": {
          "role": "developer",
          "content": "You are a helpful assistant."
        }
      },
      "ChatCompletionRequestMessageContentPartImage": {
        "type": "object",
        "description": "An image content part (for vision models).",
        "required": [
          "type",
          "image_url"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "image_url"
            ]
          },
          "image_url": {
            "type": "object",
            "required": [
              "url"
            ],
            "properties": {
              "url": {
                "type": "string",
                "description": "A URL or a base64 data URL of the image."
              },
              "detail": {
                "type": "string",
                "enum": [
                  "auto",
                  "low",
                  "high"
                ],
                "default": "auto"
              }
            }
          }
        },
        "example": {
          "type": "image_url",
          "image_url": {
            "url": "data:image/png;base64,iVBORw0KGgo="
          }
        }
      },
      "ChatCompletionRequestMessageContentPartAudio": {
        "type": "object",
        "description": "An audio content part (for audio-input models).",
        "required": [
          "type",
          "input_audio"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_audio"
            ]
          },
          "input_audio": {
            "type": "object",
            "required": [
              "data",
              "format"
            ],
            "properties": {
              "data": {
                "type": "string",
                "description": "Base64 encoded audio data."
              },
              "format": {
                "type": "string",
                "enum": [
                  "wav",
                  "mp3"
                ]
              }
            }
          }
        },
        "example": {
          "type": "input_audio",
          "input_audio": {
            "data": "UklGRg==",
            "format": "wav"
          }
        }
      },
      "ChatCompletionRequestUserMessageContentPart": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartImage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartAudio"
          }
        ],
        "example": {
          "type": "text",
          "text": "Describe this."
        }
      },
      "ChatCompletionRequestUserMessage": {
        "type": "object",
        "description": "Messages sent by an end user, containing prompts or additional context.",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "user"
            ]
          },
          "content": {
            "description": "The text contents of the message, or an array of content parts (text, image, audio). Text-only models answer 400 to image and audio parts.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestUserMessageContentPart"
                }
              }
            ]
          },
          "name": {
            "type": "string",
            "description": "An optional name for the participant."
          }
        },
        "example": {
          "role": "user",
          "content": "What is the capital of France?"
        }
      },
      "ChatCompletionMessageToolCall": {
        "type": "object",
        "description": "A call to a function tool the model made.",
        "required": [
          "id",
          "type",
          "function"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The ID of the tool call."
          },
          "type": {
            "type": "string",
            "enum": [
              "function"
            ],
            "description": "The type of the tool. Currently, only `function` is supported."
          },
          "function": {
            "type": "object",
            "description": "The function that the model called.",
            "required": [
              "name",
              "arguments"
            ],
            "properties": {
              "name": {
                "type": "string",
                "description": "The name of the function to call."
              },
              "arguments": {
                "type": "string",
                "description": "The arguments to call the function with, as JSON generated by the model."
              }
            }
          }
        },
        "example": {
          "id": "call_abc123",
          "type": "function",
          "function": {
            "name": "get_weather",
            "arguments": "{\"city\":\"Paris\"}"
          }
        }
      },
      "ChatCompletionRequestAssistantMessage": {
        "type": "object",
        "description": "A message the model sent earlier in the conversation.",
        "required": [
          "role"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "content": {
            "description": "The contents of the message. Required unless `tool_calls` is given.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              },
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
                }
              }
            ]
          },
          "refusal": {
            "type": [
              "string",
              "null"
            ],
            "description": "The refusal message by the assistant."
          },
          "name": {
            "type": "string"
          },
          "tool_calls": {
            "type": "array",
            "description": "The tool calls the model made.",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionMessageToolCall"
            }
          }
        },
        "example": {
          "role": "assistant",
          "content": null,
          "tool_calls": [
            {
              "id": "call_abc123",
              "type": "function",
              "function": {
                "name": "get_weather",
                "arguments": "{\"city\":\"Paris\"}"
              }
            }
          ]
        }
      },
      "ChatCompletionRequestToolMessage": {
        "type": "object",
        "description": "The result of a tool call.",
        "required": [
          "role",
          "content",
          "tool_call_id"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "tool"
            ]
          },
          "content": {
            "description": "The contents of the tool message.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "$ref": "#/components/schemas/ChatCompletionRequestMessageContentPartText"
                }
              }
            ]
          },
          "tool_call_id": {
            "type": "string",
            "description": "The tool call this message responds to."
          }
        },
        "example": {
          "role": "tool",
          "tool_call_id": "call_abc123",
          "content": "{\"temperature\": 21}"
        }
      },
      "ChatCompletionRequestMessage": {
        "description": "A message in the conversation, by role.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/ChatCompletionRequestSystemMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestDeveloperMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestUserMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestAssistantMessage"
          },
          {
            "$ref": "#/components/schemas/ChatCompletionRequestToolMessage"
          }
        ],
        "example": {
          "role": "user",
          "content": "Hello!"
        }
      },
      "ChatCompletionStreamOptions": {
        "type": [
          "object",
          "null"
        ],
        "description": "Options for streaming responses. Only set this when `stream` is true.",
        "properties": {
          "include_usage": {
            "type": "boolean",
            "description": "If set, an additional chunk is streamed before `data [DONE]`, with an empty `choices` array and the token usage of the whole request."
          }
        },
        "example": {
          "include_usage": true
        }
      },
      "StopConfiguration": {
        "description": "Up to 4 sequences (of at most 1000 characters each) where the model will stop generating further tokens. The returned text will not contain the stop sequence.",
        "anyOf": [
          {
            "type": "null"
          },
          {
            "type": "string",
            "maxLength": 1000
          },
          {
            "type": "array",
            "minItems": 1,
            "maxItems": 4,
            "items": {
              "type": "string",
              "maxLength": 1000
            }
          }
        ],
        "example": [
          "\n\n"
        ]
      },
      "ResponseFormatText": {
        "type": "object",
        "description": "Default response format, plain text.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "text"
            ]
          }
        },
        "example": {
          "type": "text"
        }
      },
      "ResponseFormatJsonSchema": {
        "type": "object",
        "description": "Structured output. The output is JSON that validates against the given schema.",
        "required": [
          "type",
          "json_schema"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "json_schema"
            ]
          },
          "json_schema": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "description": "The name of the response format. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.",
                "pattern": "^[a-zA-Z0-9_-]{1,64}$"
              },
              "description": {
                "type": "string"
              },
              "schema": {
                "type": "object",
                "description": "The JSON Schema the output must follow.",
                "additionalProperties": true
              },
              "strict": {
                "type": [
                  "boolean",
                  "null"
                ],
                "description": "Whether to enforce strict schema adherence."
              }
            }
          }
        },
        "example": {
          "type": "json_schema",
          "json_schema": {
            "name": "person",
            "strict": true,
            "schema": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                }
              },
              "required": [
                "name"
              ]
            }
          }
        }
      },
      "ResponseFormatJsonObject": {
        "type": "object",
        "description": "JSON mode. The output is a valid JSON object.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "json_object"
            ]
          }
        },
        "example": {
          "type": "json_object"
        }
      },
      "FunctionParameters": {
        "type": "object",
        "description": "The parameters the function accepts, as a JSON Schema object.",
        "additionalProperties": true,
        "example": {
          "type": "object",
          "properties": {
            "city": {
              "type": "string"
            }
          },
          "required": [
            "city"
          ]
        }
      },
      "FunctionObject": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "The name of the function to be called. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.",
            "pattern": "^[a-zA-Z0-9_-]{1,64}$"
          },
          "description": {
            "type": "string",
            "description": "What the function does, used by the model to choose when and how to call it."
          },
          "parameters": {
            "$ref": "#/components/schemas/FunctionParameters"
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "Whether to enforce strict schema adherence when generating the call."
          }
        },
        "example": {
          "name": "get_weather",
          "parameters": {
            "type": "object",
            "properties": {
              "city": {
                "type": "string"
              }
            }
          }
        }
      },
      "ChatCompletionTool": {
        "type": "object",
        "description": "A function the model may call.",
        "required": [
          "type",
          "function"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ],
            "description": "The type of the tool. Currently, only `function` is supported."
          },
          "function": {
            "$ref": "#/components/schemas/FunctionObject"
          }
        },
        "example": {
          "type": "function",
          "function": {
            "name": "get_weather",
            "description": "Current weather for a city.",
            "parameters": {
              "type": "object",
              "properties": {
                "city": {
                  "type": "string"
                }
              },
              "required": [
                "city"
              ]
            }
          }
        }
      },
      "ChatCompletionNamedToolChoice": {
        "type": "object",
        "description": "Forces the model to call a specific function.",
        "required": [
          "type",
          "function"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "function": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string",
                "description": "The name of the function to call."
              }
            }
          }
        },
        "example": {
          "type": "function",
          "function": {
            "name": "get_weather"
          }
        }
      },
      "ChatCompletionToolChoiceOption": {
        "description": "Controls which (if any) tool is called by the model. `none`: the model will not call a tool;\n`auto`: the model may call tools; `required`: the model must call one or more tools. A named\ntool forces that tool.\n",
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "none",
              "auto",
              "required"
            ]
          },
          {
            "$ref": "#/components/schemas/ChatCompletionNamedToolChoice"
          }
        ],
        "example": "auto"
      },
      "Metadata": {
        "type": [
          "object",
          "null"
        ],
        "description": "Up to 16 key-value pairs (keys up to 64 characters, values up to 512) for your own bookkeeping.",
        "maxProperties": 16,
        "additionalProperties": {
          "type": "string",
          "maxLength": 512
        },
        "example": {
          "project": "demo"
        }
      },
      "CreateChatCompletionRequest": {
        "type": "object",
        "description": "A chat completion request. Fields that are not described here are accepted and passed on to\nupstream engines unchanged (for example vLLM's `top_k` or `guided_json`).\n",
        "required": [
          "model",
          "messages"
        ],
        "properties": {
          "model": {
            "type": "string",
            "description": "ID of the model to use (see `GET /models`)."
          },
          "messages": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2048,
            "description": "The messages of the conversation so far (at most 2048; `CORDON_MAX_MESSAGES` may lower it).",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionRequestMessage"
            }
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 2,
            "default": 1,
            "description": "Sampling temperature between 0 and 2. 0 is greedy."
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "default": 1,
            "description": "Nucleus sampling; the model considers the tokens with top_p probability mass."
          },
          "n": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "maximum": 128,
            "default": 1,
            "description": "How many chat completion choices to generate for each input message."
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "If true, the response is a stream of Server-Sent Events (`chat.completion.chunk` objects), ending with `data [DONE]`."
          },
          "stream_options": {
            "$ref": "#/components/schemas/ChatCompletionStreamOptions"
          },
          "stop": {
            "$ref": "#/components/schemas/StopConfiguration"
          },
          "max_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "Deprecated in favour of `max_completion_tokens`; the maximum number of tokens to generate."
          },
          "max_completion_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "An upper bound for the number of tokens that can be generated."
          },
          "presence_penalty": {
            "type": [
              "number",
              "null"
            ],
            "minimum": -2,
            "maximum": 2,
            "default": 0,
            "description": "Positive values penalize tokens that already appeared in the text so far."
          },
          "frequency_penalty": {
            "type": [
              "number",
              "null"
            ],
            "minimum": -2,
            "maximum": 2,
            "default": 0,
            "description": "Positive values penalize tokens by how often they appeared in the text so far."
          },
          "logit_bias": {
            "type": [
              "object",
              "null"
            ],
            "description": "Maps token IDs to a bias from -100 to 100 added to the logits before sampling (at most 1024 entries).",
            "maxProperties": 1024,
            "additionalProperties": {
              "type": "integer",
              "minimum": -100,
              "maximum": 100
            }
          },
          "logprobs": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Whether to return log probabilities of the output tokens."
          },
          "top_logprobs": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 20,
            "description": "The number of most likely tokens to return at each position (requires `logprobs`)."
          },
          "seed": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Sampling with the same seed and parameters returns the same result."
          },
          "response_format": {
            "description": "The format of the output. `json_schema` enables structured outputs; `json_object` JSON mode.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/ResponseFormatText"
              },
              {
                "$ref": "#/components/schemas/ResponseFormatJsonSchema"
              },
              {
                "$ref": "#/components/schemas/ResponseFormatJsonObject"
              }
            ]
          },
          "tools": {
            "type": "array",
            "maxItems": 128,
            "description": "The tools (functions) the model may call. A max of 128 functions are supported.",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionTool"
            }
          },
          "tool_choice": {
            "$ref": "#/components/schemas/ChatCompletionToolChoiceOption"
          },
          "parallel_tool_calls": {
            "type": "boolean",
            "default": true,
            "description": "Whether to enable parallel function calling during tool use."
          },
          "user": {
            "type": "string",
            "description": "A stable identifier for your end user."
          },
          "metadata": {
            "$ref": "#/components/schemas/Metadata"
          }
        },
        "example": {
          "model": "cordon-demo",
          "messages": [
            {
              "role": "system",
              "content": "You are a helpful assistant."
            },
            {
              "role": "user",
              "content": "Hello!"
            }
          ],
          "temperature": 0.7,
          "max_completion_tokens": 64
        }
      },
      "ChatCompletionResponseMessage": {
        "type": "object",
        "description": "A chat completion message generated by the model.",
        "required": [
          "role",
          "content",
          "refusal"
        ],
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "content": {
            "type": [
              "string",
              "null"
            ],
            "description": "The contents of the message."
          },
          "refusal": {
            "type": [
              "string",
              "null"
            ],
            "description": "The refusal message generated by the model."
          },
          "tool_calls": {
            "type": "array",
            "description": "The tool calls generated by the model.",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionMessageToolCall"
            }
          },
          "annotations": {
            "type": "array",
            "description": "Annotations for the message (for example URL citations).",
            "items": {
              "type": "object"
            }
          }
        },
        "example": {
          "role": "assistant",
          "content": "Hello! How can I help you today?",
          "refusal": null
        }
      },
      "ChatCompletionTokenLogprob": {
        "type": "object",
        "description": "The log probability of one output token, with the most likely alternatives.",
        "required": [
          "token",
          "logprob",
          "bytes",
          "top_logprobs"
        ],
        "properties": {
          "token": {
            "type": "string",
            "description": "The token."
          },
          "logprob": {
            "type": "number",
            "description": "The log probability of this token."
          },
          "bytes": {
            "type": [
              "array",
              "null"
            ],
            "description": "The UTF-8 bytes of the token, or null if it has none.",
            "items": {
              "type": "integer"
            }
          },
          "top_logprobs": {
            "type": "array",
            "description": "The most likely tokens at this position, with their log probabilities.",
            "items": {
              "type": "object",
              "required": [
                "token",
                "logprob",
                "bytes"
              ],
              "properties": {
                "token": {
                  "type": "string"
                },
                "logprob": {
                  "type": "number"
                },
                "bytes": {
                  "type": [
                    "array",
                    "null"
                  ],
                  "items": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        },
        "example": {
          "token": "Hello",
          "logprob": -0.31,
          "bytes": [
            72,
            101,
            108,
            108,
            111
          ],
          "top_logprobs": [
            {
              "token": "Hello",
              "logprob": -0.31,
              "bytes": [
                72,
                101,
                108,
                108,
                111
              ]
            }
          ]
        }
      },
      "ChatCompletionLogprobs": {
        "type": [
          "object",
          "null"
        ],
        "description": "Log probability information for the choice.",
        "required": [
          "content",
          "refusal"
        ],
        "properties": {
          "content": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/ChatCompletionTokenLogprob"
            }
          },
          "refusal": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "$ref": "#/components/schemas/ChatCompletionTokenLogprob"
            }
          }
        },
        "example": {
          "content": null,
          "refusal": null
        }
      },
      "CompletionUsage": {
        "type": "object",
        "description": "Usage statistics for the request, counted with the model's own tokenizer.",
        "required": [
          "prompt_tokens",
          "completion_tokens",
          "total_tokens"
        ],
        "properties": {
          "completion_tokens": {
            "type": "integer",
            "description": "Number of tokens in the generated completion."
          },
          "prompt_tokens": {
            "type": "integer",
            "description": "Number of tokens in the prompt."
          },
          "total_tokens": {
            "type": "integer",
            "description": "Total number of tokens used in the request (prompt + completion)."
          },
          "completion_tokens_details": {
            "type": "object",
            "description": "Breakdown of tokens used in a completion.",
            "properties": {
              "accepted_prediction_tokens": {
                "type": "integer"
              },
              "audio_tokens": {
                "type": "integer"
              },
              "reasoning_tokens": {
                "type": "integer"
              },
              "rejected_prediction_tokens": {
                "type": "integer"
              }
            }
          },
          "prompt_tokens_details": {
            "type": "object",
            "description": "Breakdown of tokens used in the prompt.",
            "properties": {
              "audio_tokens": {
                "type": "integer"
              },
              "cached_tokens": {
                "type": "integer"
              }
            }
          }
        },
        "example": {
          "prompt_tokens": 12,
          "completion_tokens": 5,
          "total_tokens": 17
        }
      },
      "CreateChatCompletionResponse": {
        "type": "object",
        "description": "A chat completion.",
        "required": [
          "id",
          "object",
          "created",
          "model",
          "choices"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "A unique identifier for the chat completion."
          },
          "object": {
            "type": "string",
            "enum": [
              "chat.completion"
            ]
          },
          "created": {
            "type": "integer",
            "description": "Unix time (seconds) when the chat completion was created."
          },
          "model": {
            "type": "string",
            "description": "The model used for the chat completion."
          },
          "system_fingerprint": {
            "type": "string",
            "description": "The backend configuration that produced the answer."
          },
          "service_tier": {
            "type": [
              "string",
              "null"
            ]
          },
          "choices": {
            "type": "array",
            "description": "The completion choices; more than one if `n` is greater than 1.",
            "items": {
              "type": "object",
              "required": [
                "finish_reason",
                "index",
                "message",
                "logprobs"
              ],
              "properties": {
                "finish_reason": {
                  "type": "string",
                  "enum": [
                    "stop",
                    "length",
                    "tool_calls",
                    "content_filter",
                    "function_call"
                  ],
                  "description": "`stop` at a natural stop point or a stop sequence, `length` at the token limit, `content_filter` when a guardrail cut the output, `tool_calls` when the model called a tool."
                },
                "index": {
                  "type": "integer"
                },
                "message": {
                  "$ref": "#/components/schemas/ChatCompletionResponseMessage"
                },
                "logprobs": {
                  "$ref": "#/components/schemas/ChatCompletionLogprobs"
                }
              }
            }
          },
          "usage": {
            "$ref": "#/components/schemas/CompletionUsage"
          }
        },
        "example": {
          "id": "chatcmpl-9x8y7z",
          "object": "chat.completion",
          "created": 1763870400,
          "model": "cordon-demo",
          "system_fingerprint": "cordon_llama-cpp",
          "choices": [
            {
              "index": 0,
              "message": {
                "role": "assistant",
                "content": "Hello! How can I help you today?",
                "refusal": null
              },
              "logprobs": null,
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 19,
            "completion_tokens": 9,
            "total_tokens": 28
          }
        }
      },
      "ChatCompletionMessageToolCallChunk": {
        "type": "object",
        "description": "A fragment of a tool call in a streamed delta. Fragments with the same `index` form one call.",
        "required": [
          "index"
        ],
        "properties": {
          "index": {
            "type": "integer"
          },
          "id": {
            "type": "string",
            "description": "The ID of the tool call (in the first fragment)."
          },
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "function": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string",
                "description": "The name of the function (in the first fragment)."
              },
              "arguments": {
                "type": "string",
                "description": "A piece of the JSON arguments."
              }
            }
          }
        },
        "example": {
          "index": 0,
          "id": "call_abc123",
          "type": "function",
          "function": {
            "name": "get_weather",
            "arguments": ""
          }
        }
      },
      "ChatCompletionStreamResponseDelta": {
        "type": "object",
        "description": "A chat completion delta generated by streamed model responses.",
        "properties": {
          "role": {
            "type": "string",
            "enum": [
              "developer",
              "system",
              "user",
              "assistant",
              "tool"
            ],
            "description": "The role of the author of this message (in the first delta)."
          },
          "content": {
            "type": [
              "string",
              "null"
            ],
            "description": "The next piece of the message."
          },
          "refusal": {
            "type": [
              "string",
              "null"
            ]
          },
          "tool_calls": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ChatCompletionMessageToolCallChunk"
            }
          }
        },
        "example": {
          "content": "Hello"
        }
      },
      "CreateChatCompletionStreamResponse": {
        "type": "object",
        "description": "One Server-Sent Event of a streamed chat completion (`data: <chunk>`). All chunks share the\n`id`. The first delta carries the role, the last choice chunk the `finish_reason`; with\n`stream_options.include_usage` a final chunk has empty `choices` and the `usage`. The stream\nends with `data: [DONE]`.\n",
        "required": [
          "id",
          "object",
          "created",
          "model",
          "choices"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "chat.completion.chunk"
            ]
          },
          "created": {
            "type": "integer"
          },
          "model": {
            "type": "string"
          },
          "system_fingerprint": {
            "type": "string"
          },
          "service_tier": {
            "type": [
              "string",
              "null"
            ]
          },
          "choices": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "delta",
                "finish_reason",
                "index"
              ],
              "properties": {
                "delta": {
                  "$ref": "#/components/schemas/ChatCompletionStreamResponseDelta"
                },
                "logprobs": {
                  "$ref": "#/components/schemas/ChatCompletionLogprobs"
                },
                "finish_reason": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "enum": [
                    "stop",
                    "length",
                    "tool_calls",
                    "content_filter",
                    "function_call",
                    null
                  ]
                },
                "index": {
                  "type": "integer"
                }
              }
            }
          },
          "usage": {
            "anyOf": [
              {
                "type": "null"
              },
              {
                "$ref": "#/components/schemas/CompletionUsage"
              }
            ],
            "description": "Only in the last chunk, when `stream_options.include_usage` is true."
          }
        },
        "example": {
          "id": "chatcmpl-9x8y7z",
          "object": "chat.completion.chunk",
          "created": 1763870400,
          "model": "cordon-demo",
          "choices": [
            {
              "index": 0,
              "delta": {
                "role": "assistant",
                "content": "Hello"
              },
              "finish_reason": null
            }
          ]
        }
      },
      "CreateCompletionRequest": {
        "type": "object",
        "description": "A legacy text completion request. Unknown fields are passed on to upstream engines.",
        "required": [
          "model",
          "prompt"
        ],
        "properties": {
          "model": {
            "type": "string",
            "description": "ID of the model to use."
          },
          "prompt": {
            "description": "The prompt(s) to complete, as a string, an array of strings, an array of tokens, or an array of token arrays.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "maxItems": 2048,
                "items": {
                  "type": "string"
                }
              },
              {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "integer"
                }
              },
              {
                "type": "array",
                "minItems": 1,
                "maxItems": 2048,
                "items": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "integer"
                  }
                }
              }
            ]
          },
          "suffix": {
            "type": [
              "string",
              "null"
            ],
            "description": "The suffix that comes after a completion of inserted text."
          },
          "echo": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Echo back the prompt in addition to the completion."
          },
          "best_of": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 20,
            "default": 1
          },
          "logprobs": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "maximum": 5,
            "description": "Include the log probabilities of the `logprobs` most likely tokens."
          },
          "max_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 0,
            "default": 16,
            "description": "The maximum number of tokens to generate."
          },
          "n": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "maximum": 128,
            "default": 1
          },
          "stop": {
            "$ref": "#/components/schemas/StopConfiguration"
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Stream back partial progress as Server-Sent Events, ending with `data [DONE]`."
          },
          "stream_options": {
            "$ref": "#/components/schemas/ChatCompletionStreamOptions"
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 2,
            "default": 1
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "default": 1
          },
          "seed": {
            "type": [
              "integer",
              "null"
            ]
          },
          "presence_penalty": {
            "type": [
              "number",
              "null"
            ],
            "minimum": -2,
            "maximum": 2,
            "default": 0
          },
          "frequency_penalty": {
            "type": [
              "number",
              "null"
            ],
            "minimum": -2,
            "maximum": 2,
            "default": 0
          },
          "logit_bias": {
            "type": [
              "object",
              "null"
            ],
            "description": "Maps token IDs to a bias from -100 to 100 added to the logits before sampling (at most 1024 entries).",
            "maxProperties": 1024,
            "additionalProperties": {
              "type": "integer",
              "minimum": -100,
              "maximum": 100
            }
          },
          "user": {
            "type": "string"
          }
        },
        "example": {
          "model": "cordon-demo",
          "prompt": "Once upon a time",
          "max_tokens": 16,
          "temperature": 0
        }
      },
      "CreateCompletionResponse": {
        "type": "object",
        "description": "A text completion (also the shape of each streamed event).",
        "required": [
          "id",
          "object",
          "created",
          "model",
          "choices"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "text_completion"
            ]
          },
          "created": {
            "type": "integer"
          },
          "model": {
            "type": "string"
          },
          "system_fingerprint": {
            "type": "string"
          },
          "choices": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "finish_reason",
                "index",
                "logprobs",
                "text"
              ],
              "properties": {
                "finish_reason": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "enum": [
                    "stop",
                    "length",
                    "content_filter",
                    null
                  ],
                  "description": "Null in streamed events until the last one of the choice."
                },
                "index": {
                  "type": "integer"
                },
                "logprobs": {
                  "type": [
                    "object",
                    "null"
                  ],
                  "properties": {
                    "text_offset": {
                      "type": "array",
                      "items": {
                        "type": "integer"
                      }
                    },
                    "token_logprobs": {
                      "type": "array",
                      "items": {
                        "type": "number"
                      }
                    },
                    "tokens": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    },
                    "top_logprobs": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "additionalProperties": {
                          "type": "number"
                        }
                      }
                    }
                  }
                },
                "text": {
                  "type": "string"
                }
              }
            }
          },
          "usage": {
            "$ref": "#/components/schemas/CompletionUsage"
          }
        },
        "example": {
          "id": "cmpl-9x8y7z",
          "object": "text_completion",
          "created": 1763870400,
          "model": "cordon-demo",
          "choices": [
            {
              "index": 0,
              "text": " there was a gateway.",
              "logprobs": null,
              "finish_reason": "length"
            }
          ],
          "usage": {
            "prompt_tokens": 4,
            "completion_tokens": 16,
            "total_tokens": 20
          }
        }
      },
      "CreateEmbeddingRequest": {
        "type": "object",
        "description": "An embeddings request. Unknown fields are passed on to upstream engines.",
        "required": [
          "model",
          "input"
        ],
        "properties": {
          "input": {
            "description": "Text to embed, as a string, an array of strings, an array of tokens, or an array of token arrays.",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "minItems": 1,
                "maxItems": 2048,
                "items": {
                  "type": "string"
                }
              },
              {
                "type": "array",
                "minItems": 1,
                "maxItems": 2048,
                "items": {
                  "type": "integer"
                }
              },
              {
                "type": "array",
                "minItems": 1,
                "maxItems": 2048,
                "items": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "integer"
                  }
                }
              }
            ]
          },
          "model": {
            "type": "string",
            "description": "ID of the model to use."
          },
          "encoding_format": {
            "type": "string",
            "enum": [
              "float",
              "base64"
            ],
            "default": "float",
            "description": "The format to return the embeddings in (base64 is little-endian float32)."
          },
          "dimensions": {
            "type": "integer",
            "minimum": 1,
            "description": "The number of dimensions of the output embeddings (truncated and re-normalized)."
          },
          "user": {
            "type": "string"
          }
        },
        "example": {
          "model": "cordon-demo",
          "input": "The food was delicious.",
          "encoding_format": "float"
        }
      },
      "Embedding": {
        "type": "object",
        "description": "An embedding vector.",
        "required": [
          "index",
          "embedding",
          "object"
        ],
        "properties": {
          "index": {
            "type": "integer",
            "description": "The index of the input this embedding belongs to."
          },
          "embedding": {
            "description": "The vector, as floats, or as base64 of little-endian float32 when `encoding_format` is `base64`.",
            "anyOf": [
              {
                "type": "array",
                "items": {
                  "type": "number"
                }
              },
              {
                "type": "string"
              }
            ]
          },
          "object": {
            "type": "string",
            "enum": [
              "embedding"
            ]
          }
        },
        "example": {
          "object": "embedding",
          "index": 0,
          "embedding": [
            0.0023,
            -0.0094,
            0.0157
          ]
        }
      },
      "CreateEmbeddingResponse": {
        "type": "object",
        "required": [
          "object",
          "model",
          "data",
          "usage"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ]
          },
          "model": {
            "type": "string"
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Embedding"
            }
          },
          "usage": {
            "type": "object",
            "required": [
              "prompt_tokens",
              "total_tokens"
            ],
            "properties": {
              "prompt_tokens": {
                "type": "integer"
              },
              "total_tokens": {
                "type": "integer"
              }
            }
          }
        },
        "example": {
          "object": "list",
          "model": "cordon-demo",
          "data": [
            {
              "object": "embedding",
              "index": 0,
              "embedding": [
                0.0023,
                -0.0094,
                0.0157
              ]
            }
          ],
          "usage": {
            "prompt_tokens": 6,
            "total_tokens": 6
          }
        }
      },
      "ResponseInputText": {
        "type": "object",
        "title": "Input text",
        "description": "A text input to the model.",
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_text"
            ],
            "description": "The type of the input item. Always `input_text`."
          },
          "text": {
            "type": "string",
            "description": "The text input to the model."
          }
        },
        "example": {
          "type": "input_text",
          "text": "Hello"
        }
      },
      "ResponseAnnotation": {
        "type": "object",
        "description": "An annotation that applies to a span of output text (OpenAI's `file_citation`, `url_citation`,\n`container_file_citation` or `file_path`). Passed through from upstreams that produce them.\n",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "file_citation",
              "url_citation",
              "container_file_citation",
              "file_path"
            ],
            "description": "The type of the annotation."
          },
          "url": {
            "type": "string",
            "description": "The URL of a web resource (`url_citation`)."
          },
          "title": {
            "type": "string",
            "description": "The title of the web resource (`url_citation`)."
          },
          "start_index": {
            "type": "integer",
            "description": "The index of the first character of the citation in the text."
          },
          "end_index": {
            "type": "integer",
            "description": "The index of the last character of the citation in the text."
          },
          "file_id": {
            "type": "string",
            "description": "The ID of the file (`file_citation`, `container_file_citation`, `file_path`)."
          },
          "index": {
            "type": "integer",
            "description": "The index of the file in the list of files."
          }
        },
        "example": {
          "type": "url_citation",
          "url": "https://example.com/unicorns",
          "title": "Unicorns",
          "start_index": 0,
          "end_index": 20
        }
      },
      "ResponseLogProb": {
        "type": "object",
        "description": "The log probability the model assigned to a token, with the most likely alternatives.",
        "required": [
          "token",
          "logprob"
        ],
        "properties": {
          "token": {
            "type": "string",
            "description": "A text token."
          },
          "logprob": {
            "type": "number",
            "description": "The log probability of this token."
          },
          "bytes": {
            "type": "array",
            "description": "The UTF-8 bytes of the token.",
            "items": {
              "type": "integer"
            }
          },
          "top_logprobs": {
            "type": "array",
            "description": "The log probabilities of up to 20 of the most likely tokens.",
            "items": {
              "type": "object",
              "properties": {
                "token": {
                  "type": "string"
                },
                "logprob": {
                  "type": "number"
                },
                "bytes": {
                  "type": "array",
                  "items": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        },
        "example": {
          "token": "Hello",
          "logprob": -0.31,
          "top_logprobs": [
            {
              "token": "Hello",
              "logprob": -0.31
            },
            {
              "token": "Hi",
              "logprob": -1.42
            }
          ]
        }
      },
      "ResponseOutputText": {
        "type": "object",
        "title": "Output text",
        "description": "A text output from the model.",
        "required": [
          "type",
          "text",
          "annotations",
          "logprobs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "output_text"
            ],
            "description": "The type of the output text. Always `output_text`."
          },
          "text": {
            "type": "string",
            "description": "The text output from the model."
          },
          "annotations": {
            "type": "array",
            "description": "The annotations of the text output (Cordon's engines produce none).",
            "items": {
              "$ref": "#/components/schemas/ResponseAnnotation"
            }
          },
          "logprobs": {
            "type": "array",
            "description": "The log probabilities of the output tokens, when requested.",
            "items": {
              "$ref": "#/components/schemas/ResponseLogProb"
            }
          }
        },
        "example": {
          "type": "output_text",
          "text": "Hello! How can I help?",
          "annotations": [],
          "logprobs": []
        }
      },
      "ResponseInputMessage": {
        "type": "object",
        "title": "Input message",
        "description": "A message input to the model with a role indicating instruction following hierarchy. Instructions\ngiven with the `developer` or `system` role take precedence over the `user` role. Messages with the\n`assistant` role are presumed to have been generated by the model in previous interactions.\n",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "message"
            ],
            "description": "The type of the message input. Always `message`."
          },
          "role": {
            "type": "string",
            "enum": [
              "user",
              "assistant",
              "system",
              "developer"
            ],
            "description": "The role of the message input."
          },
          "content": {
            "description": "Text input to the model, or a list of text parts (`input_text`; `output_text` for replayed assistant messages).",
            "anyOf": [
              {
                "type": "string",
                "title": "Text input"
              },
              {
                "type": "array",
                "title": "Content part list",
                "items": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/ResponseInputText"
                    },
                    {
                      "$ref": "#/components/schemas/ResponseOutputText"
                    }
                  ]
                }
              }
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ],
            "description": "The status of the item. Populated when items are returned via the API."
          }
        },
        "example": {
          "type": "message",
          "role": "user",
          "content": [
            {
              "type": "input_text",
              "text": "Hello"
            }
          ]
        }
      },
      "ResponseOutputMessage": {
        "type": "object",
        "title": "Output message",
        "description": "An output message from the model.",
        "required": [
          "id",
          "type",
          "role",
          "status",
          "content"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The unique ID of the output message."
          },
          "type": {
            "type": "string",
            "enum": [
              "message"
            ],
            "description": "The type of the output message. Always `message`."
          },
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ],
            "description": "The role of the output message. Always `assistant`."
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ],
            "description": "The status of the message."
          },
          "content": {
            "type": "array",
            "description": "The content of the output message.",
            "items": {
              "$ref": "#/components/schemas/ResponseOutputText"
            }
          }
        },
        "example": {
          "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "type": "message",
          "role": "assistant",
          "status": "completed",
          "content": [
            {
              "type": "output_text",
              "text": "Hello! How can I help?",
              "annotations": [],
              "logprobs": []
            }
          ]
        }
      },
      "ResponseFunctionToolCall": {
        "type": "object",
        "title": "Function tool call",
        "description": "A call to a function tool the model made, in the output (or replayed in the input).",
        "required": [
          "type",
          "call_id",
          "name",
          "arguments"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The unique ID of the function tool call item."
          },
          "type": {
            "type": "string",
            "enum": [
              "function_call"
            ],
            "description": "Always `function_call`."
          },
          "call_id": {
            "type": "string",
            "description": "The unique ID of the function tool call generated by the model; the `function_call_output` answers it."
          },
          "name": {
            "type": "string",
            "description": "The name of the function to run."
          },
          "arguments": {
            "type": "string",
            "description": "A JSON string of the arguments to pass to the function."
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ],
            "description": "The status of the item. Populated when items are returned via the API."
          }
        },
        "example": {
          "id": "fc_67ccd2bf17f0819081ff3bb2cf6508e6",
          "type": "function_call",
          "call_id": "call_abc123",
          "name": "get_weather",
          "arguments": "{\"city\":\"Paris\"}",
          "status": "completed"
        }
      },
      "ResponseFunctionCallOutput": {
        "type": "object",
        "title": "Function tool call output",
        "description": "The output of a function tool call, sent back by the client.",
        "required": [
          "type",
          "call_id",
          "output"
        ],
        "properties": {
          "id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The unique ID of the function tool call output. Populated when this item is returned via the API."
          },
          "type": {
            "type": "string",
            "enum": [
              "function_call_output"
            ],
            "description": "Always `function_call_output`."
          },
          "call_id": {
            "type": "string",
            "minLength": 1,
            "description": "The `call_id` of the function tool call this output answers."
          },
          "output": {
            "type": "string",
            "maxLength": 10485760,
            "description": "The output of the function tool call, usually a JSON string. (Cordon accepts text outputs only.)"
          },
          "status": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "in_progress",
              "completed",
              "incomplete",
              null
            ],
            "description": "The status of the item. Populated when items are returned via the API."
          }
        },
        "example": {
          "type": "function_call_output",
          "call_id": "call_abc123",
          "output": "{\"temperature\": 21}"
        }
      },
      "ResponseInputItem": {
        "description": "An input item: a message (from the user, system, developer, or a replayed assistant message),\nan output message of an earlier response, a function call the model made, or a function call's\noutput. (`anyOf`, not `oneOf`: a replayed assistant output message is also a valid input message.)\n",
        "anyOf": [
          {
            "$ref": "#/components/schemas/ResponseInputMessage"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputMessage"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionToolCall"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallOutput"
          }
        ],
        "example": {
          "role": "user",
          "content": "Hello"
        }
      },
      "ResponseFunctionTool": {
        "type": "object",
        "title": "Function",
        "description": "Defines a function in your own code the model can choose to call.",
        "required": [
          "type",
          "name"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ],
            "description": "The type of the function tool. Always `function`."
          },
          "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_-]{1,64}$",
            "description": "The name of the function to call (a-z, A-Z, 0-9, underscores and dashes, at most 64 characters, as for chat tools)."
          },
          "description": {
            "type": [
              "string",
              "null"
            ],
            "description": "A description of the function, used by the model to decide whether and how to call it."
          },
          "parameters": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true,
            "description": "A JSON Schema object describing the parameters of the function."
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ],
            "description": "Whether to enforce strict parameter validation."
          }
        },
        "example": {
          "type": "function",
          "name": "get_weather",
          "description": "Current weather for a city.",
          "parameters": {
            "type": "object",
            "properties": {
              "city": {
                "type": "string"
              }
            },
            "required": [
              "city"
            ]
          },
          "strict": false
        }
      },
      "ResponseToolChoice": {
        "description": "How the model should select which tool (or tools) to use. `none`: the model will not call any tool\nand generates a message; `auto`: the model may call tools or answer; `required`: the model must\ncall one or more tools. A named function forces that function.\n",
        "oneOf": [
          {
            "type": "string",
            "title": "Tool choice mode",
            "enum": [
              "none",
              "auto",
              "required"
            ]
          },
          {
            "type": "object",
            "title": "Function tool",
            "description": "Force the model to call a specific function.",
            "required": [
              "type",
              "name"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "function"
                ],
                "description": "Always `function`."
              },
              "name": {
                "type": "string",
                "description": "The name of the function to call."
              }
            }
          }
        ],
        "example": "auto"
      },
      "TextResponseFormatJsonSchema": {
        "type": "object",
        "title": "JSON schema",
        "description": "JSON Schema response format (Structured Outputs). The output is JSON that validates against `schema`.",
        "required": [
          "type",
          "name",
          "schema"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "json_schema"
            ],
            "description": "Always `json_schema`."
          },
          "name": {
            "type": "string",
            "pattern": "^[a-zA-Z0-9_-]{1,64}$",
            "description": "The name of the response format. a-z, A-Z, 0-9, underscores and dashes, at most 64 characters."
          },
          "description": {
            "type": "string",
            "description": "What the response format is for, used by the model to decide how to respond in the format."
          },
          "schema": {
            "type": "object",
            "additionalProperties": true,
            "description": "The JSON Schema the output must follow."
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "Whether to enforce strict schema adherence."
          }
        },
        "example": {
          "type": "json_schema",
          "name": "person",
          "strict": true,
          "schema": {
            "type": "object",
            "properties": {
              "name": {
                "type": "string"
              }
            },
            "required": [
              "name"
            ],
            "additionalProperties": false
          }
        }
      },
      "TextResponseFormatConfiguration": {
        "description": "The format the model must output. `{\"type\": \"json_schema\"}` enables Structured Outputs (the output\nmatches the supplied JSON Schema); `{\"type\": \"json_object\"}` is JSON mode (the output is valid JSON).\nThe default is `{\"type\": \"text\"}`.\n",
        "oneOf": [
          {
            "type": "object",
            "title": "Text",
            "description": "Plain text.",
            "required": [
              "type"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "text"
                ],
                "description": "Always `text`."
              }
            }
          },
          {
            "$ref": "#/components/schemas/TextResponseFormatJsonSchema"
          },
          {
            "type": "object",
            "title": "JSON object",
            "description": "JSON mode. The output is a valid JSON object.",
            "required": [
              "type"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "json_object"
                ],
                "description": "Always `json_object`."
              }
            }
          }
        ],
        "example": {
          "type": "json_object"
        }
      },
      "ResponseTextConfig": {
        "type": "object",
        "description": "Configuration for a text response from the model. Can be plain text or structured JSON data.",
        "properties": {
          "format": {
            "$ref": "#/components/schemas/TextResponseFormatConfiguration"
          }
        },
        "example": {
          "format": {
            "type": "text"
          }
        }
      },
      "CreateResponse": {
        "type": "object",
        "description": "A Responses API request (OpenAI's `CreateResponse`, restricted to text and function tools).\nUnknown fields are accepted and passed on to upstream engines that speak the Responses API.\n",
        "required": [
          "model",
          "input"
        ],
        "properties": {
          "model": {
            "type": "string",
            "description": "ID of the model to use, like `cordon-demo`."
          },
          "input": {
            "description": "Text, or a list of input items (messages, function calls and their outputs) used to generate a response.",
            "anyOf": [
              {
                "type": "array",
                "title": "Input item list",
                "description": "A list of one or many input items to the model (at most 2048, with a continued conversation; `CORDON_MAX_MESSAGES` may lower it).",
                "maxItems": 2048,
                "items": {
                  "$ref": "#/components/schemas/ResponseInputItem"
                }
              },
              {
                "type": "string",
                "title": "Text input",
                "description": "A text input to the model, equivalent to a text input with the `user` role."
              }
            ]
          },
          "instructions": {
            "type": [
              "string",
              "null"
            ],
            "description": "A system (or developer) message inserted into the model's context. With `previous_response_id`,\nthe instructions of the previous response are not carried over.\n"
          },
          "tools": {
            "type": "array",
            "maxItems": 128,
            "description": "The function tools the model may call while generating a response (at most 128).",
            "items": {
              "$ref": "#/components/schemas/ResponseFunctionTool"
            }
          },
          "tool_choice": {
            "$ref": "#/components/schemas/ResponseToolChoice"
          },
          "parallel_tool_calls": {
            "type": [
              "boolean",
              "null"
            ],
            "default": true,
            "description": "Whether to allow the model to run tool calls in parallel."
          },
          "text": {
            "$ref": "#/components/schemas/ResponseTextConfig"
          },
          "max_output_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "An upper bound for the number of tokens that can be generated for a response."
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 2,
            "default": 1,
            "description": "Sampling temperature between 0 and 2. Higher values make the output more random. Alter this or `top_p`, not both."
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1,
            "default": 1,
            "description": "Nucleus sampling; 0.1 means only the tokens comprising the top 10% probability mass are considered."
          },
          "metadata": {
            "$ref": "#/components/schemas/Metadata"
          },
          "store": {
            "type": [
              "boolean",
              "null"
            ],
            "default": true,
            "description": "Whether to store the generated response (in the calling domain) for later retrieval and for `previous_response_id`."
          },
          "previous_response_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The ID of a stored response of the calling domain to continue (multi-turn conversations)."
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "If true, the response is streamed as typed Server-Sent Events (see `ResponseStreamEvent`)."
          },
          "user": {
            "type": "string",
            "description": "A stable identifier for your end-user (deprecated by OpenAI, accepted and echoed)."
          }
        },
        "example": {
          "model": "cordon-demo",
          "instructions": "You are terse.",
          "input": "Tell me a three sentence bedtime story about a unicorn.",
          "max_output_tokens": 64
        }
      },
      "ResponseOutputItem": {
        "description": "An output item of a response.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseOutputMessage"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionToolCall"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "message": "#/components/schemas/ResponseOutputMessage",
            "function_call": "#/components/schemas/ResponseFunctionToolCall"
          }
        },
        "example": {
          "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "type": "message",
          "role": "assistant",
          "status": "completed",
          "content": []
        }
      },
      "ResponseError": {
        "type": [
          "object",
          "null"
        ],
        "description": "The error that made the response fail, or null. OpenAI's codes include `server_error`,\n`rate_limit_exceeded` and `invalid_prompt`; Cordon also uses its own error codes (for example\n`model_unavailable`), so `code` is any string.\n",
        "required": [
          "code",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "description": "The error code for the response."
          },
          "message": {
            "type": "string",
            "description": "A human-readable description of the error."
          }
        },
        "example": {
          "code": "server_error",
          "message": "The engine failed while generating the response."
        }
      },
      "ResponseUsage": {
        "type": "object",
        "description": "Token usage of a response, with breakdowns of input and output tokens.",
        "required": [
          "input_tokens",
          "input_tokens_details",
          "output_tokens",
          "output_tokens_details",
          "total_tokens"
        ],
        "properties": {
          "input_tokens": {
            "type": "integer",
            "description": "The number of input tokens."
          },
          "input_tokens_details": {
            "type": "object",
            "description": "A detailed breakdown of the input tokens.",
            "required": [
              "cached_tokens",
              "cache_write_tokens"
            ],
            "properties": {
              "cached_tokens": {
                "type": "integer",
                "description": "The number of tokens retrieved from the prompt cache."
              },
              "cache_write_tokens": {
                "type": "integer",
                "description": "The number of input tokens written to the prompt cache."
              }
            }
          },
          "output_tokens": {
            "type": "integer",
            "description": "The number of output tokens."
          },
          "output_tokens_details": {
            "type": "object",
            "description": "A detailed breakdown of the output tokens.",
            "required": [
              "reasoning_tokens"
            ],
            "properties": {
              "reasoning_tokens": {
                "type": "integer",
                "description": "The number of reasoning tokens."
              }
            }
          },
          "total_tokens": {
            "type": "integer",
            "description": "The total number of tokens used."
          }
        },
        "example": {
          "input_tokens": 36,
          "input_tokens_details": {
            "cached_tokens": 0,
            "cache_write_tokens": 0
          },
          "output_tokens": 87,
          "output_tokens_details": {
            "reasoning_tokens": 0
          },
          "total_tokens": 123
        }
      },
      "Response": {
        "type": "object",
        "description": "A model response (OpenAI's response object).",
        "required": [
          "id",
          "object",
          "created_at",
          "status",
          "model",
          "output",
          "error",
          "incomplete_details",
          "instructions",
          "metadata",
          "tools",
          "tool_choice",
          "temperature",
          "top_p",
          "parallel_tool_calls"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Unique identifier for this response."
          },
          "object": {
            "type": "string",
            "enum": [
              "response"
            ],
            "description": "Always `response`."
          },
          "created_at": {
            "type": "number",
            "description": "Unix timestamp (in seconds) of when this response was created."
          },
          "completed_at": {
            "type": [
              "number",
              "null"
            ],
            "description": "Unix timestamp (in seconds) of when this response was completed. Only present when the status is `completed`."
          },
          "status": {
            "type": "string",
            "enum": [
              "completed",
              "failed",
              "in_progress",
              "cancelled",
              "queued",
              "incomplete"
            ],
            "description": "The status of the response generation."
          },
          "model": {
            "type": "string",
            "description": "Model ID used to generate the response."
          },
          "output": {
            "type": "array",
            "description": "The content items generated by the model (messages and function calls), in order.",
            "items": {
              "$ref": "#/components/schemas/ResponseOutputItem"
            }
          },
          "output_text": {
            "type": [
              "string",
              "null"
            ],
            "description": "Convenience property with the aggregated text of all `output_text` parts in `output`."
          },
          "error": {
            "$ref": "#/components/schemas/ResponseError"
          },
          "incomplete_details": {
            "type": [
              "object",
              "null"
            ],
            "description": "Details about why the response is incomplete.",
            "properties": {
              "reason": {
                "type": "string",
                "enum": [
                  "max_output_tokens",
                  "content_filter"
                ],
                "description": "The reason why the response is incomplete."
              }
            }
          },
          "instructions": {
            "type": [
              "string",
              "null"
            ],
            "description": "The system (or developer) message inserted into the model's context."
          },
          "metadata": {
            "$ref": "#/components/schemas/Metadata"
          },
          "tools": {
            "type": "array",
            "description": "The tools the model could call.",
            "items": {
              "$ref": "#/components/schemas/ResponseFunctionTool"
            }
          },
          "tool_choice": {
            "$ref": "#/components/schemas/ResponseToolChoice"
          },
          "text": {
            "$ref": "#/components/schemas/ResponseTextConfig"
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "description": "The sampling temperature used."
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "description": "The nucleus sampling value used."
          },
          "max_output_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "description": "The upper bound for the number of generated tokens."
          },
          "parallel_tool_calls": {
            "type": "boolean",
            "default": true,
            "description": "Whether the model may run tool calls in parallel."
          },
          "previous_response_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The ID of the response this one continues."
          },
          "store": {
            "type": "boolean",
            "description": "Whether the response is stored."
          },
          "user": {
            "type": [
              "string",
              "null"
            ],
            "description": "The end-user identifier sent with the request."
          },
          "usage": {
            "description": "Token usage; null (or absent) until the response is complete.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/ResponseUsage"
              },
              {
                "type": "null"
              }
            ]
          }
        },
        "example": {
          "id": "resp_67ccd2bed1ec8190b14f964abc054267",
          "object": "response",
          "created_at": 1763870400,
          "status": "completed",
          "model": "cordon-demo",
          "output": [
            {
              "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
              "type": "message",
              "role": "assistant",
              "status": "completed",
              "content": [
                {
                  "type": "output_text",
                  "text": "Once upon a time, a unicorn slept.",
                  "annotations": [],
                  "logprobs": []
                }
              ]
            }
          ],
          "output_text": "Once upon a time, a unicorn slept.",
          "error": null,
          "incomplete_details": null,
          "instructions": null,
          "metadata": {},
          "tools": [],
          "tool_choice": "auto",
          "text": {
            "format": {
              "type": "text"
            }
          },
          "temperature": 1,
          "top_p": 1,
          "max_output_tokens": null,
          "parallel_tool_calls": true,
          "previous_response_id": null,
          "store": true,
          "usage": {
            "input_tokens": 36,
            "input_tokens_details": {
              "cached_tokens": 0,
              "cache_write_tokens": 0
            },
            "output_tokens": 9,
            "output_tokens_details": {
              "reasoning_tokens": 0
            },
            "total_tokens": 45
          }
        }
      },
      "ResponseCreatedEvent": {
        "type": "object",
        "title": "response.created",
        "description": "Emitted when a response is created (first event).",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.created"
            ],
            "description": "The type of the event. Always `response.created`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "response": {
            "$ref": "#/components/schemas/Response",
            "description": "The response that was created."
          }
        },
        "example": {
          "type": "response.created",
          "sequence_number": 0,
          "response": {
            "id": "resp_67ccd2bed1ec8190b14f964abc054267",
            "object": "response",
            "created_at": 1763870400,
            "status": "in_progress",
            "model": "cordon-demo",
            "output": [],
            "error": null,
            "incomplete_details": null,
            "instructions": null,
            "metadata": {},
            "tools": [],
            "tool_choice": "auto",
            "text": {
              "format": {
                "type": "text"
              }
            },
            "temperature": 1,
            "top_p": 1,
            "max_output_tokens": null,
            "parallel_tool_calls": true,
            "previous_response_id": null,
            "store": true,
            "usage": null
          }
        }
      },
      "ResponseInProgressEvent": {
        "type": "object",
        "title": "response.in_progress",
        "description": "Emitted when the response is in progress.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.in_progress"
            ],
            "description": "The type of the event. Always `response.in_progress`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "response": {
            "$ref": "#/components/schemas/Response",
            "description": "The response that is in progress."
          }
        },
        "example": {
          "type": "response.in_progress",
          "sequence_number": 1,
          "response": {
            "id": "resp_67ccd2bed1ec8190b14f964abc054267",
            "object": "response",
            "created_at": 1763870400,
            "status": "in_progress",
            "model": "cordon-demo",
            "output": [],
            "error": null,
            "incomplete_details": null,
            "instructions": null,
            "metadata": {},
            "tools": [],
            "tool_choice": "auto",
            "text": {
              "format": {
                "type": "text"
              }
            },
            "temperature": 1,
            "top_p": 1,
            "max_output_tokens": null,
            "parallel_tool_calls": true,
            "previous_response_id": null,
            "store": true,
            "usage": null
          }
        }
      },
      "ResponseOutputItemAddedEvent": {
        "type": "object",
        "title": "response.output_item.added",
        "description": "Emitted when a new output item is added.",
        "required": [
          "type",
          "sequence_number",
          "output_index",
          "item"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_item.added"
            ],
            "description": "The type of the event. Always `response.output_item.added`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item that was added."
          },
          "item": {
            "$ref": "#/components/schemas/ResponseOutputItem",
            "description": "The output item that was added."
          }
        },
        "example": {
          "type": "response.output_item.added",
          "sequence_number": 2,
          "output_index": 0,
          "item": {
            "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
            "type": "message",
            "role": "assistant",
            "status": "in_progress",
            "content": []
          }
        }
      },
      "ResponseContentPartAddedEvent": {
        "type": "object",
        "title": "response.content_part.added",
        "description": "Emitted when a new content part is added.",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "part"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.content_part.added"
            ],
            "description": "The type of the event. Always `response.content_part.added`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "item_id": {
            "type": "string",
            "description": "The ID of the output item that the content part was added to."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item that the content part was added to."
          },
          "content_index": {
            "type": "integer",
            "description": "The index of the content part that was added."
          },
          "part": {
            "$ref": "#/components/schemas/ResponseOutputText",
            "description": "The content part that was added."
          }
        },
        "example": {
          "type": "response.content_part.added",
          "sequence_number": 3,
          "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "output_index": 0,
          "content_index": 0,
          "part": {
            "type": "output_text",
            "text": "",
            "annotations": [],
            "logprobs": []
          }
        }
      },
      "ResponseTextDeltaEvent": {
        "type": "object",
        "title": "response.output_text.delta",
        "description": "Emitted when there is an additional text delta.",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "delta",
          "logprobs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_text.delta"
            ],
            "description": "The type of the event. Always `response.output_text.delta`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "item_id": {
            "type": "string",
            "description": "The ID of the output item that the text delta was added to."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item that the text delta was added to."
          },
          "content_index": {
            "type": "integer",
            "description": "The index of the content part that the text delta was added to."
          },
          "delta": {
            "type": "string",
            "description": "The text delta that was added."
          },
          "logprobs": {
            "type": "array",
            "description": "The log probabilities of the tokens in the delta (empty unless requested).",
            "items": {
              "$ref": "#/components/schemas/ResponseLogProb"
            }
          }
        },
        "example": {
          "type": "response.output_text.delta",
          "sequence_number": 4,
          "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "output_index": 0,
          "content_index": 0,
          "delta": "Once",
          "logprobs": []
        }
      },
      "ResponseTextDoneEvent": {
        "type": "object",
        "title": "response.output_text.done",
        "description": "Emitted when the text of a content part is finalized.",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "text",
          "logprobs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_text.done"
            ],
            "description": "The type of the event. Always `response.output_text.done`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "item_id": {
            "type": "string",
            "description": "The ID of the output item whose text is finalized."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item whose text is finalized."
          },
          "content_index": {
            "type": "integer",
            "description": "The index of the content part whose text is finalized."
          },
          "text": {
            "type": "string",
            "description": "The text content that is finalized."
          },
          "logprobs": {
            "type": "array",
            "description": "The log probabilities of the tokens (empty unless requested).",
            "items": {
              "$ref": "#/components/schemas/ResponseLogProb"
            }
          }
        },
        "example": {
          "type": "response.output_text.done",
          "sequence_number": 5,
          "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "output_index": 0,
          "content_index": 0,
          "text": "Once upon a time, a unicorn slept.",
          "logprobs": []
        }
      },
      "ResponseContentPartDoneEvent": {
        "type": "object",
        "title": "response.content_part.done",
        "description": "Emitted when a content part is done.",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "content_index",
          "part"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.content_part.done"
            ],
            "description": "The type of the event. Always `response.content_part.done`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "item_id": {
            "type": "string",
            "description": "The ID of the output item that the content part belongs to."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item that the content part belongs to."
          },
          "content_index": {
            "type": "integer",
            "description": "The index of the content part that is done."
          },
          "part": {
            "$ref": "#/components/schemas/ResponseOutputText",
            "description": "The content part that is done."
          }
        },
        "example": {
          "type": "response.content_part.done",
          "sequence_number": 6,
          "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "output_index": 0,
          "content_index": 0,
          "part": {
            "type": "output_text",
            "text": "Once upon a time, a unicorn slept.",
            "annotations": [],
            "logprobs": []
          }
        }
      },
      "ResponseOutputItemDoneEvent": {
        "type": "object",
        "title": "response.output_item.done",
        "description": "Emitted when an output item is marked done.",
        "required": [
          "type",
          "sequence_number",
          "output_index",
          "item"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.output_item.done"
            ],
            "description": "The type of the event. Always `response.output_item.done`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item that was marked done."
          },
          "item": {
            "$ref": "#/components/schemas/ResponseOutputItem",
            "description": "The output item that was marked done."
          }
        },
        "example": {
          "type": "response.output_item.done",
          "sequence_number": 7,
          "output_index": 0,
          "item": {
            "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
            "type": "message",
            "role": "assistant",
            "status": "completed",
            "content": [
              {
                "type": "output_text",
                "text": "Once upon a time, a unicorn slept.",
                "annotations": [],
                "logprobs": []
              }
            ]
          }
        }
      },
      "ResponseFunctionCallArgumentsDeltaEvent": {
        "type": "object",
        "title": "response.function_call_arguments.delta",
        "description": "Emitted when there is a partial function-call arguments delta.",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "delta"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.function_call_arguments.delta"
            ],
            "description": "The type of the event. Always `response.function_call_arguments.delta`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "item_id": {
            "type": "string",
            "description": "The ID of the function call item the delta is added to."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item the delta is added to."
          },
          "delta": {
            "type": "string",
            "description": "The function-call arguments delta that is added."
          }
        },
        "example": {
          "type": "response.function_call_arguments.delta",
          "sequence_number": 8,
          "item_id": "fc_67ccd2bf17f0819081ff3bb2cf6508e7",
          "output_index": 0,
          "delta": "{\"city\":"
        }
      },
      "ResponseFunctionCallArgumentsDoneEvent": {
        "type": "object",
        "title": "response.function_call_arguments.done",
        "description": "Emitted when function-call arguments are finalized.",
        "required": [
          "type",
          "sequence_number",
          "item_id",
          "output_index",
          "name",
          "arguments"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.function_call_arguments.done"
            ],
            "description": "The type of the event. Always `response.function_call_arguments.done`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "item_id": {
            "type": "string",
            "description": "The ID of the function call item."
          },
          "output_index": {
            "type": "integer",
            "description": "The index of the output item."
          },
          "name": {
            "type": "string",
            "description": "The name of the function that was called."
          },
          "arguments": {
            "type": "string",
            "description": "The function-call arguments (a JSON string)."
          }
        },
        "example": {
          "type": "response.function_call_arguments.done",
          "sequence_number": 9,
          "item_id": "fc_67ccd2bf17f0819081ff3bb2cf6508e7",
          "output_index": 0,
          "name": "get_weather",
          "arguments": "{\"city\":\"Paris\"}"
        }
      },
      "ResponseCompletedEvent": {
        "type": "object",
        "title": "response.completed",
        "description": "Emitted when the model response is complete (last event).",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.completed"
            ],
            "description": "The type of the event. Always `response.completed`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "response": {
            "$ref": "#/components/schemas/Response",
            "description": "The completed response."
          }
        },
        "example": {
          "type": "response.completed",
          "sequence_number": 10,
          "response": {
            "id": "resp_67ccd2bed1ec8190b14f964abc054267",
            "object": "response",
            "created_at": 1763870400,
            "status": "completed",
            "model": "cordon-demo",
            "output": [
              {
                "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                "type": "message",
                "role": "assistant",
                "status": "completed",
                "content": [
                  {
                    "type": "output_text",
                    "text": "Once upon a time, a unicorn slept.",
                    "annotations": [],
                    "logprobs": []
                  }
                ]
              }
            ],
            "error": null,
            "incomplete_details": null,
            "instructions": null,
            "metadata": {},
            "tools": [],
            "tool_choice": "auto",
            "text": {
              "format": {
                "type": "text"
              }
            },
            "temperature": 1,
            "top_p": 1,
            "max_output_tokens": null,
            "parallel_tool_calls": true,
            "previous_response_id": null,
            "store": true,
            "usage": {
              "input_tokens": 36,
              "input_tokens_details": {
                "cached_tokens": 0,
                "cache_write_tokens": 0
              },
              "output_tokens": 9,
              "output_tokens_details": {
                "reasoning_tokens": 0
              },
              "total_tokens": 45
            },
            "output_text": "Once upon a time, a unicorn slept."
          }
        }
      },
      "ResponseFailedEvent": {
        "type": "object",
        "title": "response.failed",
        "description": "Emitted when a response fails (last event, after `error`).",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.failed"
            ],
            "description": "The type of the event. Always `response.failed`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "response": {
            "$ref": "#/components/schemas/Response",
            "description": "The response that failed."
          }
        },
        "example": {
          "type": "response.failed",
          "sequence_number": 11,
          "response": {
            "id": "resp_67ccd2bed1ec8190b14f964abc054267",
            "object": "response",
            "created_at": 1763870400,
            "status": "failed",
            "model": "cordon-demo",
            "output": [],
            "error": {
              "code": "server_error",
              "message": "The engine failed while generating the response."
            },
            "incomplete_details": null,
            "instructions": null,
            "metadata": {},
            "tools": [],
            "tool_choice": "auto",
            "text": {
              "format": {
                "type": "text"
              }
            },
            "temperature": 1,
            "top_p": 1,
            "max_output_tokens": null,
            "parallel_tool_calls": true,
            "previous_response_id": null,
            "store": true,
            "usage": null
          }
        }
      },
      "ResponseIncompleteEvent": {
        "type": "object",
        "title": "response.incomplete",
        "description": "Emitted when a response finishes as incomplete (last event), for example at `max_output_tokens`.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.incomplete"
            ],
            "description": "The type of the event. Always `response.incomplete`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "response": {
            "$ref": "#/components/schemas/Response",
            "description": "The response that was incomplete."
          }
        },
        "example": {
          "type": "response.incomplete",
          "sequence_number": 12,
          "response": {
            "id": "resp_67ccd2bed1ec8190b14f964abc054267",
            "object": "response",
            "created_at": 1763870400,
            "status": "incomplete",
            "model": "cordon-demo",
            "output": [
              {
                "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
                "type": "message",
                "role": "assistant",
                "status": "completed",
                "content": [
                  {
                    "type": "output_text",
                    "text": "Once upon a time, a",
                    "annotations": [],
                    "logprobs": []
                  }
                ]
              }
            ],
            "error": null,
            "incomplete_details": {
              "reason": "max_output_tokens"
            },
            "instructions": null,
            "metadata": {},
            "tools": [],
            "tool_choice": "auto",
            "text": {
              "format": {
                "type": "text"
              }
            },
            "temperature": 1,
            "top_p": 1,
            "max_output_tokens": 16,
            "parallel_tool_calls": true,
            "previous_response_id": null,
            "store": true,
            "usage": {
              "input_tokens": 36,
              "input_tokens_details": {
                "cached_tokens": 0,
                "cache_write_tokens": 0
              },
              "output_tokens": 16,
              "output_tokens_details": {
                "reasoning_tokens": 0
              },
              "total_tokens": 52
            },
            "output_text": "Once upon a time, a"
          }
        }
      },
      "ResponseErrorEvent": {
        "type": "object",
        "title": "error",
        "description": "Emitted when an error occurs during the stream; `response.failed` follows.",
        "required": [
          "type",
          "sequence_number",
          "code",
          "message",
          "param"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "error"
            ],
            "description": "The type of the event. Always `error`."
          },
          "sequence_number": {
            "type": "integer",
            "minimum": 0,
            "description": "The position of this event in the stream, counting from 0."
          },
          "code": {
            "type": [
              "string",
              "null"
            ],
            "description": "The error code."
          },
          "message": {
            "type": "string",
            "description": "The error message."
          },
          "param": {
            "type": [
              "string",
              "null"
            ],
            "description": "The error parameter."
          }
        },
        "example": {
          "type": "error",
          "sequence_number": 13,
          "code": "server_error",
          "message": "The engine failed while generating the response.",
          "param": null
        }
      },
      "ResponseStreamEvent": {
        "description": "One Server-Sent Event of a streamed response: `event: <type>` and `data: <this object as JSON>`. In order:\n`response.created`, `response.in_progress`, then for each output item `response.output_item.added`,\nfor a message `response.content_part.added`, `response.output_text.delta`..., `response.output_text.done`,\n`response.content_part.done`, for a function call `response.function_call_arguments.delta`...,\n`response.function_call_arguments.done`, then `response.output_item.done`; last `response.completed`\nor `response.incomplete` (or `error` followed by `response.failed`). `sequence_number` counts from 0.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/ResponseCreatedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseInProgressEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputItemAddedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseContentPartAddedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseTextDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseTextDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseContentPartDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputItemDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseCompletedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFailedEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseIncompleteEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseErrorEvent"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "response.created": "#/components/schemas/ResponseCreatedEvent",
            "response.in_progress": "#/components/schemas/ResponseInProgressEvent",
            "response.output_item.added": "#/components/schemas/ResponseOutputItemAddedEvent",
            "response.content_part.added": "#/components/schemas/ResponseContentPartAddedEvent",
            "response.output_text.delta": "#/components/schemas/ResponseTextDeltaEvent",
            "response.output_text.done": "#/components/schemas/ResponseTextDoneEvent",
            "response.content_part.done": "#/components/schemas/ResponseContentPartDoneEvent",
            "response.output_item.done": "#/components/schemas/ResponseOutputItemDoneEvent",
            "response.function_call_arguments.delta": "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent",
            "response.function_call_arguments.done": "#/components/schemas/ResponseFunctionCallArgumentsDoneEvent",
            "response.completed": "#/components/schemas/ResponseCompletedEvent",
            "response.failed": "#/components/schemas/ResponseFailedEvent",
            "response.incomplete": "#/components/schemas/ResponseIncompleteEvent",
            "error": "#/components/schemas/ResponseErrorEvent"
          }
        },
        "example": {
          "type": "response.output_text.delta",
          "sequence_number": 4,
          "item_id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
          "output_index": 0,
          "content_index": 0,
          "delta": "Once",
          "logprobs": []
        }
      },
      "DeletedResponse": {
        "type": "object",
        "description": "The confirmation that a stored response was deleted, as OpenAI returns it.",
        "required": [
          "id",
          "object",
          "deleted"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The ID of the deleted response."
          },
          "object": {
            "type": "string",
            "enum": [
              "response"
            ],
            "description": "Always `response`."
          },
          "deleted": {
            "type": "boolean",
            "enum": [
              true
            ],
            "description": "Always true."
          }
        },
        "example": {
          "id": "resp_67ccd2bed1ec8190b14f964abc054267",
          "object": "response",
          "deleted": true
        }
      },
      "AudioResponseFormat": {
        "type": "string",
        "enum": [
          "json",
          "text",
          "srt",
          "verbose_json",
          "vtt"
        ],
        "default": "json",
        "description": "The format of the output: `json` and `verbose_json` (with segments, timings and words) are `application/json`; `text`, `srt` and `vtt` are `text/plain`.",
        "example": "json"
      },
      "CreateTranscriptionRequest": {
        "type": "object",
        "description": "A transcription request, sent as `multipart/form-data`. Unknown fields are accepted (and passed on\nto upstream engines). Arrays are sent as repeated fields, as the OpenAI SDKs do\n(`timestamp_granularities[]=word`).\n",
        "required": [
          "file",
          "model"
        ],
        "properties": {
          "file": {
            "type": "string",
            "format": "binary",
            "description": "The audio file object (not file name) to transcribe, at most 25 MB. WAV is decoded in the\ngateway; flac, mp3, mp4, mpeg, mpga, m4a, ogg and webm need ffmpeg installed (415 otherwise).\n"
          },
          "model": {
            "type": "string",
            "description": "ID of a model with the `transcription` capability."
          },
          "language": {
            "type": "string",
            "description": "The language of the input audio in ISO-639-1 format (e.g. `en`); improves accuracy and latency."
          },
          "prompt": {
            "type": "string",
            "description": "An optional text to guide the model's style or continue a previous audio segment. It should match the audio language."
          },
          "response_format": {
            "$ref": "#/components/schemas/AudioResponseFormat"
          },
          "temperature": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0,
            "description": "The sampling temperature, between 0 and 1. At 0 the model raises the temperature by itself (log probability thresholds) when needed."
          },
          "timestamp_granularities": {
            "type": "array",
            "description": "The timestamp granularities to populate: `word`, `segment`, or both. `response_format` must be\n`verbose_json`. Sent as `timestamp_granularities[]`.\n",
            "items": {
              "type": "string",
              "enum": [
                "word",
                "segment"
              ]
            },
            "default": [
              "segment"
            ]
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false,
            "description": "If true, the transcript is streamed as Server-Sent Events, `transcript.text.delta` events then one `transcript.text.done`."
          }
        },
        "example": {
          "file": "speech.wav",
          "model": "cordon-demo",
          "language": "en",
          "response_format": "verbose_json",
          "timestamp_granularities": [
            "word",
            "segment"
          ]
        }
      },
      "TranscriptLogProb": {
        "type": "object",
        "description": "The log probability of a transcript token.",
        "properties": {
          "token": {
            "type": "string",
            "description": "The token."
          },
          "logprob": {
            "type": "number",
            "description": "The log probability of the token."
          },
          "bytes": {
            "type": "array",
            "description": "The bytes of the token.",
            "items": {
              "type": "integer"
            }
          }
        },
        "example": {
          "token": " Hello",
          "logprob": -0.12,
          "bytes": [
            32,
            72,
            101,
            108,
            108,
            111
          ]
        }
      },
      "TranscriptionUsageTokens": {
        "type": "object",
        "title": "Token usage",
        "description": "Usage statistics for models billed by token usage.",
        "required": [
          "type",
          "input_tokens",
          "output_tokens",
          "total_tokens"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "tokens"
            ],
            "description": "Always `tokens`."
          },
          "input_tokens": {
            "type": "integer",
            "description": "Number of input tokens."
          },
          "input_token_details": {
            "type": "object",
            "description": "Details about the input tokens.",
            "properties": {
              "text_tokens": {
                "type": "integer",
                "description": "Number of text tokens."
              },
              "audio_tokens": {
                "type": "integer",
                "description": "Number of audio tokens."
              }
            }
          },
          "output_tokens": {
            "type": "integer",
            "description": "Number of output tokens generated."
          },
          "total_tokens": {
            "type": "integer",
            "description": "Total number of tokens used (input + output)."
          }
        },
        "example": {
          "type": "tokens",
          "input_tokens": 14,
          "input_token_details": {
            "text_tokens": 0,
            "audio_tokens": 14
          },
          "output_tokens": 4,
          "total_tokens": 18
        }
      },
      "TranscriptionUsageDuration": {
        "type": "object",
        "title": "Duration usage",
        "description": "Usage statistics for models billed by audio input duration.",
        "required": [
          "type",
          "seconds"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "duration"
            ],
            "description": "Always `duration`."
          },
          "seconds": {
            "type": "number",
            "description": "Duration of the input audio in seconds."
          }
        },
        "example": {
          "type": "duration",
          "seconds": 3.2
        }
      },
      "TranscriptionUsage": {
        "description": "Usage statistics of a transcription, by tokens or by audio duration.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/TranscriptionUsageTokens"
          },
          {
            "$ref": "#/components/schemas/TranscriptionUsageDuration"
          }
        ],
        "example": {
          "type": "duration",
          "seconds": 3.2
        }
      },
      "CreateTranscriptionResponseJson": {
        "type": "object",
        "description": "A transcription (`response_format` `json`).",
        "required": [
          "text"
        ],
        "properties": {
          "text": {
            "type": "string",
            "description": "The transcribed text."
          },
          "logprobs": {
            "type": "array",
            "description": "The log probabilities of the tokens in the transcription, when the engine reports them.",
            "items": {
              "$ref": "#/components/schemas/TranscriptLogProb"
            }
          },
          "usage": {
            "$ref": "#/components/schemas/TranscriptionUsage"
          }
        },
        "example": {
          "text": "Hello there.",
          "usage": {
            "type": "duration",
            "seconds": 3.2
          }
        }
      },
      "TranscriptionWord": {
        "type": "object",
        "description": "A word of a transcript with its timing.",
        "required": [
          "word",
          "start",
          "end"
        ],
        "properties": {
          "word": {
            "type": "string",
            "description": "The text content of the word."
          },
          "start": {
            "type": "number",
            "description": "Start time of the word in seconds."
          },
          "end": {
            "type": "number",
            "description": "End time of the word in seconds."
          }
        },
        "example": {
          "word": "Hello",
          "start": 0,
          "end": 0.4
        }
      },
      "TranscriptionSegment": {
        "type": "object",
        "description": "A segment of a transcript, with its timing and decoding statistics. Cordon's embedded whisper.cpp\nengine reports no per-segment token ids or log probabilities: from it `tokens` is empty and\n`avg_logprob` and `no_speech_prob` are 0; `compression_ratio` is computed from the text. Word\ntimings (`timestamp_granularities[]=word`) are estimated from the segment's timing.\n",
        "required": [
          "id",
          "seek",
          "start",
          "end",
          "text",
          "tokens",
          "temperature",
          "avg_logprob",
          "compression_ratio",
          "no_speech_prob"
        ],
        "properties": {
          "id": {
            "type": "integer",
            "description": "Unique identifier of the segment."
          },
          "seek": {
            "type": "integer",
            "description": "Seek offset of the segment."
          },
          "start": {
            "type": "number",
            "description": "Start time of the segment in seconds."
          },
          "end": {
            "type": "number",
            "description": "End time of the segment in seconds."
          },
          "text": {
            "type": "string",
            "description": "Text content of the segment."
          },
          "tokens": {
            "type": "array",
            "description": "Token IDs of the text content.",
            "items": {
              "type": "integer"
            }
          },
          "temperature": {
            "type": "number",
            "description": "Temperature used for generating the segment."
          },
          "avg_logprob": {
            "type": "number",
            "description": "Average log probability of the segment. Below -1, consider the logprobs failed."
          },
          "compression_ratio": {
            "type": "number",
            "description": "Compression ratio of the segment. Above 2.4, consider the compression failed."
          },
          "no_speech_prob": {
            "type": "number",
            "description": "Probability of no speech in the segment. Above 1.0 with `avg_logprob` below -1, consider the segment silent."
          }
        },
        "example": {
          "id": 0,
          "seek": 0,
          "start": 0,
          "end": 3.2,
          "text": " Hello there.",
          "tokens": [
            50364,
            2425,
            456,
            13
          ],
          "temperature": 0,
          "avg_logprob": -0.28,
          "compression_ratio": 0.9,
          "no_speech_prob": 0.01
        }
      },
      "CreateTranscriptionResponseVerboseJson": {
        "type": "object",
        "description": "A transcription with timings (`response_format` `verbose_json`).",
        "required": [
          "language",
          "duration",
          "text"
        ],
        "properties": {
          "task": {
            "type": "string",
            "enum": [
              "transcribe"
            ],
            "description": "Always `transcribe`."
          },
          "language": {
            "type": "string",
            "description": "The language of the input audio."
          },
          "duration": {
            "type": "number",
            "description": "The duration of the input audio, in seconds."
          },
          "text": {
            "type": "string",
            "description": "The transcribed text."
          },
          "words": {
            "type": "array",
            "description": "Extracted words and their timestamps (with `timestamp_granularities[]=word`).",
            "items": {
              "$ref": "#/components/schemas/TranscriptionWord"
            }
          },
          "segments": {
            "type": "array",
            "description": "Segments of the transcribed text and their details (with `timestamp_granularities[]=segment`, the default).",
            "items": {
              "$ref": "#/components/schemas/TranscriptionSegment"
            }
          },
          "usage": {
            "$ref": "#/components/schemas/TranscriptionUsageDuration"
          }
        },
        "example": {
          "task": "transcribe",
          "language": "english",
          "duration": 3.2,
          "text": "Hello there.",
          "words": [
            {
              "word": "Hello",
              "start": 0,
              "end": 0.4
            },
            {
              "word": "there",
              "start": 0.4,
              "end": 0.9
            }
          ],
          "segments": [
            {
              "id": 0,
              "seek": 0,
              "start": 0,
              "end": 3.2,
              "text": " Hello there.",
              "tokens": [
                50364,
                2425,
                456,
                13
              ],
              "temperature": 0,
              "avg_logprob": -0.28,
              "compression_ratio": 0.9,
              "no_speech_prob": 0.01
            }
          ],
          "usage": {
            "type": "duration",
            "seconds": 3.2
          }
        }
      },
      "TranscriptTextDeltaEvent": {
        "type": "object",
        "title": "transcript.text.delta",
        "description": "Emitted when there is an additional text delta. The first event of a streamed transcription.",
        "required": [
          "type",
          "delta"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "transcript.text.delta"
            ],
            "description": "Always `transcript.text.delta`."
          },
          "delta": {
            "type": "string",
            "description": "The text delta that was additionally transcribed."
          },
          "logprobs": {
            "type": "array",
            "description": "The log probabilities of the delta, when the engine reports them.",
            "items": {
              "$ref": "#/components/schemas/TranscriptLogProb"
            }
          }
        },
        "example": {
          "type": "transcript.text.delta",
          "delta": " Hello"
        }
      },
      "TranscriptTextDoneEvent": {
        "type": "object",
        "title": "transcript.text.done",
        "description": "Emitted when the transcription is complete, with the complete transcript. The last event.",
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "transcript.text.done"
            ],
            "description": "Always `transcript.text.done`."
          },
          "text": {
            "type": "string",
            "description": "The text that was transcribed."
          },
          "logprobs": {
            "type": "array",
            "description": "The log probabilities of the tokens in the transcription, when the engine reports them.",
            "items": {
              "$ref": "#/components/schemas/TranscriptLogProb"
            }
          },
          "usage": {
            "$ref": "#/components/schemas/TranscriptionUsageTokens"
          }
        },
        "example": {
          "type": "transcript.text.done",
          "text": "Hello there."
        }
      },
      "CreateTranscriptionResponseStreamEvent": {
        "description": "One Server-Sent Event of a streamed transcription (`data: <this object as JSON>`):\n`transcript.text.delta` events, then one `transcript.text.done`.\n",
        "oneOf": [
          {
            "$ref": "#/components/schemas/TranscriptTextDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/TranscriptTextDoneEvent"
          }
        ],
        "example": {
          "type": "transcript.text.delta",
          "delta": " Hello"
        }
      },
      "CreateTranslationRequest": {
        "type": "object",
        "description": "A translation request (audio in any supported language to English text), sent as\n`multipart/form-data`. Unknown fields are accepted (and passed on to upstream engines).\n",
        "required": [
          "file",
          "model"
        ],
        "properties": {
          "file": {
            "type": "string",
            "format": "binary",
            "description": "The audio file object (not file name) to translate, at most 25 MB, in the same formats as transcriptions."
          },
          "model": {
            "type": "string",
            "description": "ID of a model with the `transcription` capability."
          },
          "prompt": {
            "type": "string",
            "description": "An optional text to guide the model's style or continue a previous audio segment. It should be in English."
          },
          "response_format": {
            "$ref": "#/components/schemas/AudioResponseFormat"
          },
          "temperature": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0,
            "description": "The sampling temperature, between 0 and 1. At 0 the model raises the temperature by itself (log probability thresholds) when needed."
          }
        },
        "example": {
          "file": "speech.wav",
          "model": "cordon-demo",
          "response_format": "json"
        }
      },
      "CreateTranslationResponseJson": {
        "type": "object",
        "description": "A translation (`response_format` `json`).",
        "required": [
          "text"
        ],
        "properties": {
          "text": {
            "type": "string",
            "description": "The translated (English) text."
          }
        },
        "example": {
          "text": "Hello there."
        }
      },
      "CreateTranslationResponseVerboseJson": {
        "type": "object",
        "description": "A translation with timings (`response_format` `verbose_json`).",
        "required": [
          "language",
          "duration",
          "text"
        ],
        "properties": {
          "task": {
            "type": "string",
            "enum": [
              "translate"
            ],
            "description": "Always `translate`."
          },
          "language": {
            "type": "string",
            "description": "The language of the output translation (always `english`)."
          },
          "duration": {
            "type": "number",
            "description": "The duration of the input audio, in seconds."
          },
          "text": {
            "type": "string",
            "description": "The translated text."
          },
          "segments": {
            "type": "array",
            "description": "Segments of the translated text and their details.",
            "items": {
              "$ref": "#/components/schemas/TranscriptionSegment"
            }
          }
        },
        "example": {
          "task": "translate",
          "language": "english",
          "duration": 2.1,
          "text": "Good morning.",
          "segments": [
            {
              "id": 0,
              "seek": 0,
              "start": 0,
              "end": 2.1,
              "text": " Good morning.",
              "tokens": [
                50364,
                2205,
                2446,
                13
              ],
              "temperature": 0,
              "avg_logprob": -0.31,
              "compression_ratio": 0.8,
              "no_speech_prob": 0.02
            }
          ]
        }
      },
      "Attestation": {
        "type": "object",
        "description": "An engine host's public key and the evidence that binds it to the caller's nonce (docs/confidential.md).",
        "required": [
          "object",
          "version",
          "suite",
          "key_id",
          "public_key",
          "nonce",
          "evidence"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "cordon.attestation"
            ]
          },
          "version": {
            "type": "integer",
            "enum": [
              1
            ],
            "description": "The protocol version."
          },
          "suite": {
            "type": "object",
            "description": "The HPKE suite (RFC 9180) requests are sealed with.",
            "required": [
              "kem",
              "kdf",
              "aead"
            ],
            "properties": {
              "kem": {
                "type": "string",
                "enum": [
                  "X-Wing"
                ]
              },
              "kdf": {
                "type": "string",
                "enum": [
                  "HKDF-SHA256"
                ]
              },
              "aead": {
                "type": "string",
                "enum": [
                  "AES-256-GCM"
                ]
              }
            }
          },
          "key_id": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "Lowercase hex SHA-256 of the public key."
          },
          "public_key": {
            "type": "string",
            "description": "The X-Wing public key (1216 bytes), base64url."
          },
          "nonce": {
            "type": "string",
            "description": "The caller's nonce, echoed."
          },
          "evidence": {
            "type": "object",
            "required": [
              "type",
              "report_data"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "none",
                  "sev-snp",
                  "tdx"
                ],
                "description": "`none`: no TEE (binds the key to the nonce, proves nothing about the machine); `sev-snp`, `tdx`: a hardware report."
              },
              "report_data": {
                "type": "string",
                "pattern": "^[0-9a-f]{128}$",
                "description": "SHA-512 of \"cordon-attestation-v1\", a zero byte, the public key and the nonce; the REPORT_DATA the hardware signs."
              },
              "report": {
                "type": "string",
                "description": "The hardware report (SEV-SNP attestation report or TDX quote), base64url."
              }
            }
          }
        }
      },
      "Domain": {
        "type": "object",
        "description": "A domain (tenant). Everything of one domain is invisible from every other.",
        "required": [
          "id",
          "object",
          "name",
          "disabled",
          "created_at"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The domain's slug, used in `/proxy/{domain_id}/v1`."
          },
          "object": {
            "type": "string",
            "enum": [
              "domain"
            ]
          },
          "name": {
            "type": "string"
          },
          "disabled": {
            "type": "boolean",
            "description": "A disabled domain's keys get 403 on every request."
          },
          "created_at": {
            "type": "integer",
            "description": "Unix time (seconds)."
          }
        },
        "example": {
          "id": "acme",
          "object": "domain",
          "name": "ACME Corp",
          "disabled": false,
          "created_at": 1763870400
        }
      },
      "DomainList": {
        "type": "object",
        "description": "A list of domains.",
        "required": [
          "object",
          "data"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ],
            "description": "Always `list`."
          },
          "data": {
            "type": "array",
            "description": "The domains.",
            "items": {
              "$ref": "#/components/schemas/Domain"
            }
          }
        },
        "example": {
          "object": "list",
          "data": [
            {
              "id": "default",
              "object": "domain",
              "name": "Default",
              "disabled": false,
              "created_at": 1763870400
            }
          ]
        }
      },
      "CreateDomainRequest": {
        "type": "object",
        "description": "A new domain.",
        "required": [
          "name"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]{0,62}$",
            "description": "The slug (lower-case letters, digits and dashes, at most 63 characters), used in `/proxy/{domain_id}/v1`. Made from the name when absent."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "The domain's display name."
          }
        },
        "example": {
          "id": "acme",
          "name": "ACME Corp"
        }
      },
      "UpdateDomainRequest": {
        "type": "object",
        "description": "Changes to a domain; absent fields are left as they are.",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "The domain's display name."
          },
          "disabled": {
            "type": "boolean",
            "description": "Disable (true) or enable (false) the domain. A disabled domain's keys get 403 on every request."
          }
        },
        "example": {
          "disabled": true
        }
      },
      "GuardrailPattern": {
        "type": "object",
        "description": "A named regular expression that a guardrail matches against text.",
        "required": [
          "name",
          "pattern"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "The rule's name, reported (never the matched text) when it fires."
          },
          "pattern": {
            "type": "string",
            "description": "A regular expression in RE2 syntax, matched in linear time (JavaScript spellings such as `\\s`, `\\uXXXX` and `(?<name>…)` mean what they mean in JavaScript). Backreferences and lookarounds are refused with 400, as are patterns longer than 2,000 characters or compiling to more than 1,000 RE2 instructions (for example `\\w{1001}`)."
          },
          "flags": {
            "type": "string",
            "pattern": "^[imsu]*$",
            "description": "Regular expression flags: any of `i`, `m`, `s`, `u`."
          }
        },
        "example": {
          "name": "project-codename",
          "pattern": "\\bblue\\s*falcon\\b",
          "flags": "i"
        }
      },
      "PiiAction": {
        "type": "string",
        "enum": [
          "block",
          "mask",
          "allow"
        ],
        "description": "`block`: refuse the text (400 `content_policy_violation` on input; `content_filter` on output); `mask`: replace the match with `[REDACTED:<kind>]`; `allow`: do nothing.",
        "example": "mask"
      },
      "PiiPolicy": {
        "type": "object",
        "description": "What to do with each kind of personal data found in the text.",
        "properties": {
          "email": {
            "$ref": "#/components/schemas/PiiAction"
          },
          "phone": {
            "$ref": "#/components/schemas/PiiAction"
          },
          "credit_card": {
            "$ref": "#/components/schemas/PiiAction"
          },
          "iban": {
            "$ref": "#/components/schemas/PiiAction"
          },
          "ip_address": {
            "$ref": "#/components/schemas/PiiAction"
          },
          "us_ssn": {
            "$ref": "#/components/schemas/PiiAction"
          },
          "custom": {
            "type": "array",
            "description": "Your own kinds of personal data, each a named regular expression with its action (at most 100).",
            "items": {
              "type": "object",
              "required": [
                "name",
                "pattern",
                "action"
              ],
              "properties": {
                "name": {
                  "type": "string",
                  "description": "The kind's name, used in `[REDACTED:<name>]` and in reports."
                },
                "pattern": {
                  "type": "string",
                  "description": "A regular expression in RE2 syntax, matched in linear time (as in `GuardrailPattern`)."
                },
                "action": {
                  "$ref": "#/components/schemas/PiiAction"
                }
              }
            }
          }
        },
        "example": {
          "email": "mask",
          "phone": "allow",
          "credit_card": "block",
          "iban": "mask",
          "ip_address": "allow",
          "us_ssn": "block",
          "custom": [
            {
              "name": "employee_id",
              "pattern": "\\bEMP-\\d{6}\\b",
              "action": "mask"
            }
          ]
        }
      },
      "RateLimits": {
        "type": "object",
        "description": "Rate limits of one scope (a key, or a whole domain); null (or absent) for no limit.",
        "properties": {
          "requests_per_minute": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "Requests per sliding minute."
          },
          "tokens_per_minute": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "Tokens (input and output) per sliding minute."
          },
          "concurrent_requests": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1,
            "description": "Requests in flight at once."
          }
        },
        "example": {
          "requests_per_minute": 60,
          "tokens_per_minute": 100000,
          "concurrent_requests": 4
        }
      },
      "Policy": {
        "type": "object",
        "description": "A domain's guardrails and rate limits. Missing parts take their defaults (nothing blocked, no limits).",
        "properties": {
          "guardrails": {
            "type": "object",
            "description": "Rules applied to prompts before they reach an engine (`input`) and to generated text (`output`).",
            "properties": {
              "input": {
                "type": "object",
                "description": "Rules for prompts. A blocked prompt gets 400 `content_policy_violation` and never reaches an engine.",
                "properties": {
                  "max_chars": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 1,
                    "description": "The largest prompt, in characters; null for no limit."
                  },
                  "max_tokens": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 1,
                    "description": "The largest prompt, in tokens; null for no limit."
                  },
                  "blocked_terms": {
                    "type": "array",
                    "description": "Words or phrases that block a prompt (case-insensitive, whole words; at most 1,000 of at most 200 characters).",
                    "items": {
                      "type": "string",
                      "minLength": 1
                    }
                  },
                  "blocked_patterns": {
                    "type": "array",
                    "description": "Regular expressions that block a prompt (at most 100).",
                    "items": {
                      "$ref": "#/components/schemas/GuardrailPattern"
                    }
                  },
                  "injection_detection": {
                    "type": "boolean",
                    "description": "Refuse prompts that match the maintained prompt-injection and jailbreak patterns."
                  },
                  "pii": {
                    "$ref": "#/components/schemas/PiiPolicy"
                  }
                }
              },
              "output": {
                "type": "object",
                "description": "Rules for generated text. Blocked output ends the answer with `finish_reason` `content_filter`.",
                "properties": {
                  "blocked_terms": {
                    "type": "array",
                    "description": "Words or phrases that must not appear in generated text (at most 1,000 of at most 200 characters).",
                    "items": {
                      "type": "string",
                      "minLength": 1
                    }
                  },
                  "blocked_patterns": {
                    "type": "array",
                    "description": "Regular expressions that must not match generated text (at most 100).",
                    "items": {
                      "$ref": "#/components/schemas/GuardrailPattern"
                    }
                  },
                  "pii": {
                    "$ref": "#/components/schemas/PiiPolicy"
                  }
                }
              }
            }
          },
          "limits": {
            "type": "object",
            "description": "Rate limits. A request over a limit gets 429 with `Retry-After` and never reaches an engine.",
            "properties": {
              "key": {
                "$ref": "#/components/schemas/RateLimits",
                "description": "Limits of each key of the domain."
              },
              "domain": {
                "$ref": "#/components/schemas/RateLimits",
                "description": "Limits of the domain as a whole."
              },
              "on_store_failure": {
                "type": "string",
                "enum": [
                  "open",
                  "closed"
                ],
                "description": "What to do when the shared limit store (Redis) is unreachable."
              }
            }
          }
        },
        "example": {
          "guardrails": {
            "input": {
              "max_chars": 100000,
              "max_tokens": null,
              "blocked_terms": [
                "project-x"
              ],
              "blocked_patterns": [],
              "injection_detection": true,
              "pii": {
                "email": "mask",
                "phone": "allow",
                "credit_card": "block",
                "iban": "mask",
                "ip_address": "allow",
                "us_ssn": "block",
                "custom": []
              }
            },
            "output": {
              "blocked_terms": [],
              "blocked_patterns": [],
              "pii": {
                "email": "mask",
                "phone": "allow",
                "credit_card": "mask",
                "iban": "mask",
                "ip_address": "allow",
                "us_ssn": "mask",
                "custom": []
              }
            }
          },
          "limits": {
            "key": {
              "requests_per_minute": 60,
              "tokens_per_minute": 100000,
              "concurrent_requests": 4
            },
            "domain": {
              "requests_per_minute": 600,
              "tokens_per_minute": 1000000,
              "concurrent_requests": 32
            },
            "on_store_failure": "open"
          }
        }
      },
      "Key": {
        "type": "object",
        "description": "A personal access token (API key). The secret itself is never returned here; it is shown once, when the key is created or rotated.",
        "required": [
          "id",
          "object",
          "domain_id",
          "name",
          "role",
          "prefix",
          "created_at",
          "expires_at",
          "last_used_at",
          "revoked_at"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The key's id (not its secret)."
          },
          "object": {
            "type": "string",
            "enum": [
              "api_key"
            ],
            "description": "Always `api_key`."
          },
          "domain_id": {
            "type": "string",
            "description": "The domain the key belongs to and acts in."
          },
          "name": {
            "type": "string",
            "description": "A name for people, e.g. what the key is for."
          },
          "role": {
            "type": "string",
            "enum": [
              "member",
              "admin",
              "superadmin"
            ],
            "description": "`member`: inference only; `admin`: also manages its own domain's keys and reads its policy and usage; `superadmin`: the whole platform."
          },
          "prefix": {
            "type": "string",
            "description": "The first characters of the secret, to recognise the key in lists and logs."
          },
          "created_at": {
            "type": "integer",
            "description": "Unix time (seconds) when the key was created."
          },
          "expires_at": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix time (seconds) after which the key stops working; null for never."
          },
          "last_used_at": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix time (seconds) of the key's last authenticated request (approximate); null if never used."
          },
          "revoked_at": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix time (seconds) when the key was revoked; null if it was not."
          }
        },
        "example": {
          "id": "k3j9x2m4p7q1",
          "object": "api_key",
          "domain_id": "acme",
          "name": "ci-bot",
          "role": "member",
          "prefix": "cdn_k3j9x2m4",
          "created_at": 1763870400,
          "expires_at": null,
          "last_used_at": 1763874000,
          "revoked_at": null
        }
      },
      "KeyList": {
        "type": "object",
        "description": "A page of keys, oldest first.",
        "required": [
          "object",
          "data",
          "first_id",
          "last_id",
          "has_more"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ],
            "description": "Always `list`."
          },
          "data": {
            "type": "array",
            "description": "The keys.",
            "items": {
              "$ref": "#/components/schemas/Key"
            }
          },
          "first_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The id of the first key on this page (null when the page is empty)."
          },
          "last_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "The id of the last key on this page; pass it as `after` for the next page."
          },
          "has_more": {
            "type": "boolean",
            "description": "Whether more keys follow this page."
          }
        },
        "example": {
          "object": "list",
          "data": [
            {
              "id": "k3j9x2m4p7q1",
              "object": "api_key",
              "domain_id": "acme",
              "name": "ci-bot",
              "role": "member",
              "prefix": "cdn_k3j9x2m4",
              "created_at": 1763870400,
              "expires_at": null,
              "last_used_at": 1763874000,
              "revoked_at": null
            }
          ],
          "first_id": "k3j9x2m4p7q1",
          "last_id": "k3j9x2m4p7q1",
          "has_more": false
        }
      },
      "CreateKeyRequest": {
        "type": "object",
        "description": "A new key.",
        "required": [
          "name"
        ],
        "properties": {
          "domain_id": {
            "type": "string",
            "description": "The key's domain; the caller's own domain when absent. Only a superadmin may name another domain."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200,
            "description": "A name for people, e.g. what the key is for."
          },
          "role": {
            "type": "string",
            "enum": [
              "member",
              "admin",
              "superadmin"
            ],
            "default": "member",
            "description": "The key's role. Only a superadmin may create `superadmin` keys."
          },
          "expires_at": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix time (seconds), in the future, after which the key stops working; null or absent for never."
          }
        },
        "example": {
          "domain_id": "acme",
          "name": "ci-bot",
          "role": "member",
          "expires_at": null
        }
      },
      "CreatedKey": {
        "description": "A key with its secret. The secret is shown this once (on create and rotate) and stored only as a hash.",
        "allOf": [
          {
            "$ref": "#/components/schemas/Key"
          },
          {
            "type": "object",
            "required": [
              "secret"
            ],
            "properties": {
              "secret": {
                "type": "string",
                "description": "The secret to send as `Authorization: Bearer <secret>`. Shown only in this response."
              }
            }
          }
        ],
        "example": {
          "id": "k3j9x2m4p7q1",
          "object": "api_key",
          "domain_id": "acme",
          "name": "ci-bot",
          "role": "member",
          "prefix": "cdn_k3j9x2m4",
          "created_at": 1763870400,
          "expires_at": null,
          "last_used_at": null,
          "revoked_at": null,
          "secret": "cdn_k3j9x2m4p7q1_3q2-7wFh0vS8r5YdXcZk1bN4mP6tJ9aLeG0uQiWoR2s"
        }
      },
      "RegistryModelSettings": {
        "type": "object",
        "description": "Engine settings. File engines (`llama-cpp`, `whisper`) need `path`; upstream engines\n(`openai-compatible`, `ollama`) need `targets`. Other engine-specific settings are kept as given.\n",
        "additionalProperties": true,
        "properties": {
          "path": {
            "type": "string",
            "description": "The model file (GGUF for llama-cpp, ggml `.bin` for whisper)."
          },
          "targets": {
            "type": "array",
            "minItems": 1,
            "description": "Upstream replicas, balanced by least outstanding requests.",
            "items": {
              "type": "object",
              "required": [
                "base_url",
                "model"
              ],
              "properties": {
                "base_url": {
                  "type": "string",
                  "format": "uri",
                  "description": "The upstream's base URL, e.g. `http://10.0.0.5:8000/v1`. When the gateway sets `CORDON_UPSTREAM_HOSTS`, its host (or host:port) must be in that list, else 400 naming this field."
                },
                "model": {
                  "type": "string",
                  "description": "The model's name upstream."
                },
                "api_key_env": {
                  "type": "string",
                  "description": "The name of the environment variable that holds the upstream's API key (never the key itself). Only names the gateway allows (`CORDON_UPSTREAM_KEY_ENV_ALLOW`; by default those starting with `CORDON_UPSTREAM_KEY_`), else 400 naming this field; the gateway's own `CORDON_` settings never."
                }
              }
            }
          },
          "fallback_model": {
            "type": "string",
            "description": "Another registered model to use when every target fails before the first byte."
          },
          "context_size": {
            "type": "integer",
            "minimum": 128,
            "description": "The context window, in tokens (file engines)."
          },
          "native_responses": {
            "type": "boolean",
            "description": "The upstream speaks the Responses API itself; pass Responses requests through instead of translating them to chat."
          }
        },
        "example": {
          "targets": [
            {
              "base_url": "http://10.0.0.5:8000/v1",
              "model": "meta-llama/Llama-3.1-8B-Instruct",
              "api_key_env": "CORDON_UPSTREAM_KEY_VLLM"
            }
          ],
          "fallback_model": "cordon-demo"
        }
      },
      "Capabilities": {
        "type": "array",
        "description": "What the model can do through this gateway: `chat` (chat completions and the Responses API), `completions`, `embeddings`, `transcription` (audio transcriptions and translations).",
        "items": {
          "type": "string",
          "enum": [
            "chat",
            "completions",
            "embeddings",
            "transcription"
          ]
        },
        "example": [
          "chat",
          "completions"
        ]
      },
      "ModelState": {
        "type": "object",
        "description": "The engine's view of the model in this gateway process.",
        "required": [
          "state"
        ],
        "properties": {
          "state": {
            "type": "string",
            "enum": [
              "unloaded",
              "loading",
              "ready",
              "failed"
            ],
            "description": "`unloaded`: not in memory (loaded on first use); `loading`; `ready`; `failed`: see `reason`."
          },
          "reason": {
            "type": "string",
            "description": "Why the model failed to load."
          }
        },
        "example": {
          "state": "failed",
          "reason": "The model file is not a GGUF file."
        }
      },
      "RegistryModel": {
        "type": "object",
        "description": "A model in the platform-wide registry, and the engine that serves it.",
        "required": [
          "id",
          "object",
          "engine",
          "settings",
          "capabilities",
          "owned_by",
          "created",
          "domains"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The model's ID, what clients send as `model`."
          },
          "object": {
            "type": "string",
            "enum": [
              "registry_model"
            ],
            "description": "Always `registry_model`."
          },
          "engine": {
            "type": "string",
            "enum": [
              "llama-cpp",
              "whisper",
              "openai-compatible",
              "ollama"
            ],
            "description": "`llama-cpp` and `whisper` run a model file in the gateway; `openai-compatible` and `ollama` forward to upstream servers."
          },
          "settings": {
            "$ref": "#/components/schemas/RegistryModelSettings"
          },
          "capabilities": {
            "$ref": "#/components/schemas/Capabilities"
          },
          "owned_by": {
            "type": "string",
            "description": "The organization that owns the model, as `/v1/models` shows it."
          },
          "created": {
            "type": "integer",
            "description": "Unix time (seconds) when the model was registered."
          },
          "domains": {
            "type": [
              "array",
              "null"
            ],
            "description": "The domains that may use the model; null for all domains.",
            "items": {
              "type": "string"
            }
          },
          "status": {
            "$ref": "#/components/schemas/ModelState"
          }
        },
        "example": {
          "id": "cordon-demo",
          "object": "registry_model",
          "engine": "llama-cpp",
          "settings": {
            "path": "/srv/cordon/data/models/cordon-demo.gguf",
            "context_size": 2048
          },
          "capabilities": [
            "chat",
            "completions",
            "embeddings"
          ],
          "owned_by": "cordon",
          "created": 1763870400,
          "domains": null,
          "status": {
            "state": "ready"
          }
        }
      },
      "RegistryModelList": {
        "type": "object",
        "description": "The models in the registry.",
        "required": [
          "object",
          "data"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ],
            "description": "Always `list`."
          },
          "data": {
            "type": "array",
            "description": "The registry models.",
            "items": {
              "$ref": "#/components/schemas/RegistryModel"
            }
          }
        },
        "example": {
          "object": "list",
          "data": [
            {
              "id": "cordon-demo",
              "object": "registry_model",
              "engine": "llama-cpp",
              "settings": {
                "path": "/srv/cordon/data/models/cordon-demo.gguf"
              },
              "capabilities": [
                "chat",
                "completions",
                "embeddings"
              ],
              "owned_by": "cordon",
              "created": 1763870400,
              "domains": null,
              "status": {
                "state": "ready"
              }
            }
          ]
        }
      },
      "CreateRegistryModelRequest": {
        "type": "object",
        "description": "A model to add to the registry.",
        "required": [
          "id",
          "engine",
          "settings",
          "capabilities"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9._:/-]{1,128}$",
            "description": "The model's ID, what clients will send as `model`."
          },
          "engine": {
            "type": "string",
            "enum": [
              "llama-cpp",
              "whisper",
              "openai-compatible",
              "ollama"
            ],
            "description": "The engine that serves the model."
          },
          "settings": {
            "$ref": "#/components/schemas/RegistryModelSettings"
          },
          "capabilities": {
            "$ref": "#/components/schemas/Capabilities"
          },
          "owned_by": {
            "type": "string",
            "default": "cordon",
            "description": "The organization that owns the model, as `/v1/models` shows it."
          },
          "domains": {
            "type": [
              "array",
              "null"
            ],
            "description": "The domains that may use the model; null or absent for all domains.",
            "items": {
              "type": "string"
            }
          }
        },
        "example": {
          "id": "cordon-demo",
          "engine": "llama-cpp",
          "settings": {
            "path": "/srv/cordon/data/models/cordon-demo.gguf"
          },
          "capabilities": [
            "chat",
            "completions",
            "embeddings"
          ],
          "domains": null
        }
      },
      "DeletedRegistryModel": {
        "type": "object",
        "description": "The confirmation that a model was removed from the registry.",
        "required": [
          "id",
          "object",
          "deleted"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "The ID of the removed model."
          },
          "object": {
            "type": "string",
            "enum": [
              "registry_model"
            ],
            "description": "Always `registry_model`."
          },
          "deleted": {
            "type": "boolean",
            "enum": [
              true
            ],
            "description": "Always true."
          }
        },
        "example": {
          "id": "cordon-demo",
          "object": "registry_model",
          "deleted": true
        }
      },
      "UpdateRegistryModelRequest": {
        "type": "object",
        "description": "Changes to a registry model; absent fields are left as they are. `settings` replaces the settings as a whole.",
        "properties": {
          "engine": {
            "type": "string",
            "enum": [
              "llama-cpp",
              "whisper",
              "openai-compatible",
              "ollama"
            ],
            "description": "The engine that serves the model."
          },
          "settings": {
            "$ref": "#/components/schemas/RegistryModelSettings"
          },
          "capabilities": {
            "$ref": "#/components/schemas/Capabilities"
          },
          "owned_by": {
            "type": "string",
            "description": "The organization that owns the model."
          },
          "domains": {
            "type": [
              "array",
              "null"
            ],
            "description": "The domains that may use the model; null for all domains.",
            "items": {
              "type": "string"
            }
          }
        },
        "example": {
          "domains": [
            "acme"
          ]
        }
      },
      "UsageReport": {
        "type": "object",
        "description": "Usage totals, one row per group (`group_by`), and the totals of all rows.",
        "required": [
          "object",
          "data",
          "totals"
        ],
        "properties": {
          "object": {
            "type": "string",
            "enum": [
              "list"
            ],
            "description": "Always `list`."
          },
          "data": {
            "type": "array",
            "description": "One row per group; a grouping field is present only when grouped by it.",
            "items": {
              "type": "object",
              "required": [
                "requests",
                "input_tokens",
                "output_tokens",
                "errors"
              ],
              "properties": {
                "day": {
                  "type": "string",
                  "pattern": "^\\d{4}-\\d{2}-\\d{2}$",
                  "description": "The day (UTC), `YYYY-MM-DD`; with `group_by=day`."
                },
                "model": {
                  "type": "string",
                  "description": "The model; with `group_by=model`."
                },
                "key_id": {
                  "type": "string",
                  "description": "The key; with `group_by=key`."
                },
                "domain_id": {
                  "type": "string",
                  "description": "The key's domain; with `group_by=key`."
                },
                "requests": {
                  "type": "integer",
                  "description": "Requests served."
                },
                "input_tokens": {
                  "type": "integer",
                  "description": "Input (prompt) tokens, as the engines reported them."
                },
                "output_tokens": {
                  "type": "integer",
                  "description": "Output (generated) tokens, as the engines reported them."
                },
                "errors": {
                  "type": "integer",
                  "description": "Requests that ended in an error."
                }
              }
            }
          },
          "totals": {
            "type": "object",
            "description": "The sums over all rows.",
            "required": [
              "requests",
              "input_tokens",
              "output_tokens"
            ],
            "properties": {
              "requests": {
                "type": "integer",
                "description": "Requests served."
              },
              "input_tokens": {
                "type": "integer",
                "description": "Input tokens."
              },
              "output_tokens": {
                "type": "integer",
                "description": "Output tokens."
              }
            }
          }
        },
        "example": {
          "object": "list",
          "data": [
            {
              "day": "2026-11-23",
              "model": "cordon-demo",
              "key_id": "k3j9x2m4p7q1",
              "domain_id": "acme",
              "requests": 12,
              "input_tokens": 340,
              "output_tokens": 910,
              "errors": 0
            }
          ],
          "totals": {
            "requests": 12,
            "input_tokens": 340,
            "output_tokens": 910
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
        "description": "The key may not do this, or may not act in this domain; or, with code `engine_crash_limit` and `Retry-After`, it is refused this model for a while because its requests crashed the model's engine twice in 10 minutes.",
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
    },
    "parameters": {
      "ModelId": {
        "name": "model",
        "in": "path",
        "required": true,
        "description": "The ID of the model.",
        "schema": {
          "type": "string"
        },
        "example": "cordon-demo"
      },
      "ResponseId": {
        "name": "response_id",
        "in": "path",
        "required": true,
        "description": "The ID of the response.",
        "schema": {
          "type": "string"
        },
        "example": "resp_67ccd2bed1ec8190b14f964abc054267"
      },
      "DomainId": {
        "name": "domain_id",
        "in": "path",
        "required": true,
        "description": "The domain's id.",
        "schema": {
          "type": "string"
        },
        "example": "acme"
      },
      "KeyId": {
        "name": "key_id",
        "in": "path",
        "required": true,
        "description": "The key's id (not its secret).",
        "schema": {
          "type": "string"
        },
        "example": "k3j9x2m4p7q1"
      },
      "RegistryModelId": {
        "name": "model",
        "in": "path",
        "required": true,
        "description": "The ID of the model in the registry (what clients send as `model`).",
        "schema": {
          "type": "string"
        },
        "example": "cordon-demo"
      }
    }
  }
};
