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
        "description": "Generates a response from text or a list of input items, with function tools and structured\noutput. Responses are stored (per domain) unless `store: false`, and can be continued with\n`previous_response_id`. With `stream: true` the response is a stream of typed\nServer-Sent Events (see ResponseStreamEvent), each with a `sequence_number`.\n",
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
                    "input": "Tell me a three sentence bedtime story about a unicorn."
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
                    ]
                  }
                },
                "continue": {
                  "summary": "Continue a stored response with a tool result",
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
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The response, or (with `stream: true`) a stream of events.",
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
                          "text": "Once upon a time, a unicorn slept.",
                          "annotations": []
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
                  "temperature": 1,
                  "top_p": 1,
                  "parallel_tool_calls": true,
                  "previous_response_id": null,
                  "store": true,
                  "usage": {
                    "input_tokens": 36,
                    "input_tokens_details": {
                      "cached_tokens": 0
                    },
                    "output_tokens": 9,
                    "output_tokens_details": {
                      "reasoning_tokens": 0
                    },
                    "total_tokens": 45
                  }
                }
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/ResponseStreamEvent"
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
        "description": "Retrieves a stored response of the calling domain; 404 for any other.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ResponseId"
          }
        ],
        "responses": {
          "200": {
            "description": "The response.",
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
                          "text": "Once upon a time, a unicorn slept.",
                          "annotations": []
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
                  "temperature": 1,
                  "top_p": 1,
                  "parallel_tool_calls": true,
                  "previous_response_id": null,
                  "store": true,
                  "usage": {
                    "input_tokens": 36,
                    "input_tokens_details": {
                      "cached_tokens": 0
                    },
                    "output_tokens": 9,
                    "output_tokens_details": {
                      "reasoning_tokens": 0
                    },
                    "total_tokens": 45
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
        "description": "Deletes a stored response of the calling domain; 404 for any other.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ResponseId"
          }
        ],
        "responses": {
          "200": {
            "description": "Deleted.",
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
        "description": "Transcribes audio into the input language. The response is JSON (`json`, `verbose_json` with segments and timings) or plain\ntext (`text`, `srt`, `vtt`). Files over 25 MB get 413; a file that is not audio gets 400;\na compressed format without its decoder installed gets 415 naming the decoder.\n",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/CreateTranscriptionRequest"
              },
              "encoding": {
                "file": {
                  "contentType": "audio/*, application/octet-stream"
                }
              },
              "example": {
                "file": "speech.wav",
                "model": "cordon-whisper",
                "language": "en",
                "response_format": "json"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The transcript.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/CreateTranscriptionResponseJson"
                    },
                    {
                      "$ref": "#/components/schemas/CreateTranscriptionResponseVerboseJson"
                    }
                  ]
                },
                "example": {
                  "text": "Hello there."
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string"
                },
                "example": "1\n00:00:00,000 --> 00:00:03,200\nHello there.\n"
              },
              "text/event-stream": {
                "schema": {
                  "$ref": "#/components/schemas/TranscriptStreamEvent"
                },
                "example": {
                  "type": "transcript.text.delta",
                  "delta": " Hello"
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
        "description": "Translates audio into English. The response is JSON (`json`, `verbose_json` with segments and timings) or plain\ntext (`text`, `srt`, `vtt`). Files over 25 MB get 413; a file that is not audio gets 400;\na compressed format without its decoder installed gets 415 naming the decoder.\n",
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "$ref": "#/components/schemas/CreateTranslationRequest"
              },
              "encoding": {
                "file": {
                  "contentType": "audio/*, application/octet-stream"
                }
              },
              "example": {
                "file": "speech.wav",
                "model": "cordon-whisper",
                "response_format": "json"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The transcript.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/CreateTranscriptionResponseJson"
                    },
                    {
                      "$ref": "#/components/schemas/CreateTranscriptionResponseVerboseJson"
                    }
                  ]
                },
                "example": {
                  "text": "Hello there."
                }
              },
              "text/plain": {
                "schema": {
                  "type": "string"
                },
                "example": "1\n00:00:00,000 --> 00:00:03,200\nHello there.\n"
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
          "description": "The gateway's origin.",
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
        "description": "Every domain. Superadmin only.",
        "responses": {
          "200": {
            "description": "List result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DomainList"
                },
                "example": {
                  "object": "list",
                  "data": [
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
        "description": "Creates a domain. Superadmin only.",
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
            "description": "Create result.",
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
          "description": "The gateway's origin.",
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
        "description": "A superadmin may read any domain; a domain admin its own.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DomainId"
          }
        ],
        "responses": {
          "200": {
            "description": "Get result.",
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
        "description": "Renames, disables or enables a domain. Superadmin only. A disabled domain's keys get 403.",
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
              "example": {
                "name": "ACME Corporation",
                "disabled": false
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Update result.",
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
    "/admin/v1/domains/{domain_id}/policy": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin.",
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
        "description": "The domain's guardrails and rate limits, with defaults filled in. Superadmin, or the domain's admin.",
        "parameters": [
          {
            "$ref": "#/components/parameters/DomainId"
          }
        ],
        "responses": {
          "200": {
            "description": "Get result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Policy"
                },
                "example": {
                  "guardrails": {
                    "input": {
                      "blocked_terms": [
                        "project-x"
                      ],
                      "injection_detection": true,
                      "pii": {
                        "email": "mask",
                        "credit_card": "block"
                      }
                    }
                  },
                  "limits": {
                    "key": {
                      "requests_per_minute": 60,
                      "tokens_per_minute": 100000,
                      "concurrent_requests": 4
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
        "description": "Replaces the domain's guardrails and rate limits. Superadmin only. Takes effect on the next request.",
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
                    "blocked_terms": [
                      "project-x"
                    ],
                    "injection_detection": true,
                    "pii": {
                      "email": "mask",
                      "credit_card": "block"
                    }
                  }
                },
                "limits": {
                  "key": {
                    "requests_per_minute": 60,
                    "tokens_per_minute": 100000,
                    "concurrent_requests": 4
                  },
                  "on_store_failure": "open"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Set result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Policy"
                },
                "example": {
                  "guardrails": {
                    "input": {
                      "blocked_terms": [
                        "project-x"
                      ],
                      "injection_detection": true,
                      "pii": {
                        "email": "mask",
                        "credit_card": "block"
                      }
                    }
                  },
                  "limits": {
                    "key": {
                      "requests_per_minute": 60,
                      "tokens_per_minute": 100000,
                      "concurrent_requests": 4
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
          "description": "The gateway's origin.",
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
        "description": "Keys (never their secrets). A superadmin sees every domain's (or one, with `domain_id`); a domain admin its own domain's.",
        "parameters": [
          {
            "name": "domain_id",
            "in": "query",
            "required": false,
            "description": "Only keys of this domain.",
            "schema": {
              "type": "string"
            },
            "example": "acme"
          }
        ],
        "responses": {
          "200": {
            "description": "List result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiKeyList"
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
                      "last_used_at": null,
                      "revoked_at": null
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
        "operationId": "createKey",
        "tags": [
          "Admin"
        ],
        "summary": "Create a key",
        "description": "Creates a personal access token. The secret is in this response only; it is stored as a hash. A domain admin may create member and admin keys in its own domain.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateKeyRequest"
              },
              "example": {
                "domain_id": "acme",
                "name": "ci-bot",
                "role": "member"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Create result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreatedApiKey"
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
          "description": "The gateway's origin.",
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
        "description": "One key (never its secret).",
        "parameters": [
          {
            "$ref": "#/components/parameters/KeyId"
          }
        ],
        "responses": {
          "200": {
            "description": "Get result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiKey"
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
          "description": "The gateway's origin.",
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
        "description": "Revokes a key; it stops working on the next request.",
        "parameters": [
          {
            "$ref": "#/components/parameters/KeyId"
          }
        ],
        "responses": {
          "200": {
            "description": "Revoke result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApiKey"
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
          "description": "The gateway's origin.",
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
        "description": "Gives the key a new secret (shown once); the old one stops working at once.",
        "parameters": [
          {
            "$ref": "#/components/parameters/KeyId"
          }
        ],
        "responses": {
          "200": {
            "description": "Rotate result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CreatedApiKey"
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
    "/admin/v1/models": {
      "servers": [
        {
          "url": "{base}",
          "description": "The gateway's origin.",
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
        "description": "Every model in the platform-wide registry, with its engine state. Superadmin only.",
        "responses": {
          "200": {
            "description": "List result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModelList"
                },
                "example": {
                  "object": "list",
                  "data": [
                    {
                      "id": "llama-3.1-8b",
                      "object": "registry_model",
                      "engine": "openai-compatible",
                      "settings": {
                        "targets": [
                          {
                            "base_url": "http://10.0.0.5:8000/v1",
                            "model": "meta-llama/Llama-3.1-8B-Instruct"
                          }
                        ]
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
        "description": "Adds a model to the registry. Superadmin only.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateRegistryModelRequest"
              },
              "example": {
                "id": "llama-3.1-8b",
                "engine": "openai-compatible",
                "settings": {
                  "targets": [
                    {
                      "base_url": "http://10.0.0.5:8000/v1",
                      "model": "meta-llama/Llama-3.1-8B-Instruct"
                    }
                  ]
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
        },
        "responses": {
          "201": {
            "description": "Register result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModel"
                },
                "example": {
                  "id": "llama-3.1-8b",
                  "object": "registry_model",
                  "engine": "openai-compatible",
                  "settings": {
                    "targets": [
                      {
                        "base_url": "http://10.0.0.5:8000/v1",
                        "model": "meta-llama/Llama-3.1-8B-Instruct"
                      }
                    ]
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
          "description": "The gateway's origin.",
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
        "description": "One registry entry, with its engine state. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ModelId"
          }
        ],
        "responses": {
          "200": {
            "description": "Get result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModel"
                },
                "example": {
                  "id": "llama-3.1-8b",
                  "object": "registry_model",
                  "engine": "openai-compatible",
                  "settings": {
                    "targets": [
                      {
                        "base_url": "http://10.0.0.5:8000/v1",
                        "model": "meta-llama/Llama-3.1-8B-Instruct"
                      }
                    ]
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
        "description": "Changes a registry entry. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ModelId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateRegistryModelRequest"
              },
              "example": {
                "domains": null
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Update result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RegistryModel"
                },
                "example": {
                  "id": "llama-3.1-8b",
                  "object": "registry_model",
                  "engine": "openai-compatible",
                  "settings": {
                    "targets": [
                      {
                        "base_url": "http://10.0.0.5:8000/v1",
                        "model": "meta-llama/Llama-3.1-8B-Instruct"
                      }
                    ]
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
        "description": "Removes a model from the registry. Superadmin only.",
        "parameters": [
          {
            "$ref": "#/components/parameters/ModelId"
          }
        ],
        "responses": {
          "200": {
            "description": "Remove result.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DeletedRegistryModel"
                },
                "example": {
                  "id": "llama-3.1-8b",
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
          "description": "The gateway's origin.",
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
        "description": "Usage totals by day, model and key. A superadmin sees all domains (or one, with `domain_id`); a domain admin its own.",
        "parameters": [
          {
            "name": "domain_id",
            "in": "query",
            "required": false,
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
              "type": "integer"
            },
            "example": 1763856000
          },
          {
            "name": "end",
            "in": "query",
            "required": false,
            "description": "Unix time (seconds), exclusive.",
            "schema": {
              "type": "integer"
            },
            "example": 1763942400
          },
          {
            "name": "group_by",
            "in": "query",
            "required": false,
            "description": "Group by these (default all three).",
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
              }
            },
            "example": [
              "day",
              "model"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "Get result.",
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
                    }
                  ],
                  "totals": {
                    "requests": 12,
                    "input_tokens": 340,
                    "output_tokens": 910
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
        "description": "Up to 4 sequences where the model will stop generating further tokens. The returned text will not contain the stop sequence.",
        "anyOf": [
          {
            "type": "null"
          },
          {
            "type": "string"
          },
          {
            "type": "array",
            "minItems": 1,
            "maxItems": 4,
            "items": {
              "type": "string"
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
            "description": "The messages of the conversation so far.",
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
            "description": "Maps token IDs to a bias from -100 to 100 added to the logits before sampling.",
            "additionalProperties": {
              "type": "integer"
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
            "description": "The tools (functions) the model may call.",
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
            "additionalProperties": {
              "type": "integer"
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
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "input_text"
            ]
          },
          "text": {
            "type": "string"
          }
        },
        "example": {
          "type": "input_text",
          "text": "Hello"
        }
      },
      "ResponseOutputText": {
        "type": "object",
        "description": "Text output from the model.",
        "required": [
          "type",
          "text",
          "annotations"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "output_text"
            ]
          },
          "text": {
            "type": "string"
          },
          "annotations": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "logprobs": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        },
        "example": {
          "type": "output_text",
          "text": "Hello! How can I help?",
          "annotations": []
        }
      },
      "ResponseInputMessage": {
        "type": "object",
        "description": "A message in the input, from the user, system, developer or (replayed) assistant.",
        "required": [
          "role",
          "content"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "message"
            ]
          },
          "role": {
            "type": "string",
            "enum": [
              "user",
              "system",
              "developer",
              "assistant"
            ]
          },
          "content": {
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
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
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "message"
            ]
          },
          "role": {
            "type": "string",
            "enum": [
              "assistant"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          },
          "content": {
            "type": "array",
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
              "annotations": []
            }
          ]
        }
      },
      "ResponseFunctionToolCall": {
        "type": "object",
        "description": "A call to a function tool, in the output (or replayed in the input).",
        "required": [
          "type",
          "call_id",
          "name",
          "arguments"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "function_call"
            ]
          },
          "call_id": {
            "type": "string",
            "description": "The ID that the function_call_output answers."
          },
          "name": {
            "type": "string"
          },
          "arguments": {
            "type": "string",
            "description": "JSON arguments."
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
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
        "description": "The output of a function tool call, sent back by the client.",
        "required": [
          "type",
          "call_id",
          "output"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "function_call_output"
            ]
          },
          "call_id": {
            "type": "string"
          },
          "output": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "in_progress",
              "completed",
              "incomplete"
            ]
          }
        },
        "example": {
          "type": "function_call_output",
          "call_id": "call_abc123",
          "output": "{\"temperature\": 21}"
        }
      },
      "ResponseInputItem": {
        "description": "An input item.",
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
        "description": "A function the model may call.",
        "required": [
          "type",
          "name"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "function"
            ]
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": [
              "string",
              "null"
            ]
          },
          "parameters": {
            "type": [
              "object",
              "null"
            ],
            "additionalProperties": true
          },
          "strict": {
            "type": [
              "boolean",
              "null"
            ]
          }
        },
        "example": {
          "type": "function",
          "name": "get_weather",
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
        "description": "How the model chooses tools.",
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
            "type": "object",
            "required": [
              "type",
              "name"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "function"
                ]
              },
              "name": {
                "type": "string"
              }
            }
          }
        ],
        "example": "auto"
      },
      "ResponseTextConfig": {
        "type": "object",
        "description": "Configuration for text output.",
        "properties": {
          "format": {
            "description": "`text`, `json_object`, or `json_schema` (structured output).",
            "anyOf": [
              {
                "type": "object",
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
                }
              },
              {
                "type": "object",
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
                }
              },
              {
                "type": "object",
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
                    ]
                  },
                  "name": {
                    "type": "string"
                  },
                  "description": {
                    "type": "string"
                  },
                  "schema": {
                    "type": "object",
                    "additionalProperties": true
                  },
                  "strict": {
                    "type": [
                      "boolean",
                      "null"
                    ]
                  }
                }
              }
            ]
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
        "description": "A Responses API request. Unknown fields are passed on to upstream engines that speak the Responses API.",
        "required": [
          "model",
          "input"
        ],
        "properties": {
          "model": {
            "type": "string"
          },
          "input": {
            "description": "Text, or a list of input items (messages, function calls and their outputs).",
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/ResponseInputItem"
                }
              }
            ]
          },
          "instructions": {
            "type": [
              "string",
              "null"
            ],
            "description": "A system (developer) message inserted first."
          },
          "tools": {
            "type": "array",
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
            ]
          },
          "text": {
            "$ref": "#/components/schemas/ResponseTextConfig"
          },
          "max_output_tokens": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1
          },
          "temperature": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 2
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ],
            "minimum": 0,
            "maximum": 1
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
            "description": "Store the response so it can be retrieved and continued with `previous_response_id`."
          },
          "previous_response_id": {
            "type": [
              "string",
              "null"
            ],
            "description": "Continue the conversation of a stored response."
          },
          "stream": {
            "type": [
              "boolean",
              "null"
            ],
            "default": false
          },
          "user": {
            "type": "string"
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
        "description": "An output item.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/ResponseOutputMessage"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionToolCall"
          }
        ],
        "example": {
          "id": "msg_1",
          "type": "message",
          "role": "assistant",
          "status": "completed",
          "content": []
        }
      },
      "ResponseUsage": {
        "type": "object",
        "required": [
          "input_tokens",
          "input_tokens_details",
          "output_tokens",
          "output_tokens_details",
          "total_tokens"
        ],
        "properties": {
          "input_tokens": {
            "type": "integer"
          },
          "input_tokens_details": {
            "type": "object",
            "required": [
              "cached_tokens"
            ],
            "properties": {
              "cached_tokens": {
                "type": "integer"
              }
            }
          },
          "output_tokens": {
            "type": "integer"
          },
          "output_tokens_details": {
            "type": "object",
            "required": [
              "reasoning_tokens"
            ],
            "properties": {
              "reasoning_tokens": {
                "type": "integer"
              }
            }
          },
          "total_tokens": {
            "type": "integer"
          }
        },
        "example": {
          "input_tokens": 36,
          "input_tokens_details": {
            "cached_tokens": 0
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
        "description": "A model response.",
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
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "response"
            ]
          },
          "created_at": {
            "type": "number"
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
            ]
          },
          "model": {
            "type": "string"
          },
          "output": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ResponseOutputItem"
            }
          },
          "output_text": {
            "type": [
              "string",
              "null"
            ]
          },
          "error": {
            "type": [
              "object",
              "null"
            ],
            "required": [
              "code",
              "message"
            ],
            "properties": {
              "code": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          },
          "incomplete_details": {
            "type": [
              "object",
              "null"
            ],
            "properties": {
              "reason": {
                "type": "string",
                "enum": [
                  "max_output_tokens",
                  "content_filter"
                ]
              }
            }
          },
          "instructions": {
            "type": [
              "string",
              "null"
            ]
          },
          "metadata": {
            "$ref": "#/components/schemas/Metadata"
          },
          "tools": {
            "type": "array",
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
            ]
          },
          "top_p": {
            "type": [
              "number",
              "null"
            ]
          },
          "max_output_tokens": {
            "type": [
              "integer",
              "null"
            ]
          },
          "parallel_tool_calls": {
            "type": "boolean"
          },
          "previous_response_id": {
            "type": [
              "string",
              "null"
            ]
          },
          "store": {
            "type": "boolean"
          },
          "user": {
            "type": "string"
          },
          "usage": {
            "$ref": "#/components/schemas/ResponseUsage"
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
                  "annotations": []
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
          "temperature": 1,
          "top_p": 1,
          "parallel_tool_calls": true,
          "previous_response_id": null,
          "store": true,
          "usage": {
            "input_tokens": 36,
            "input_tokens_details": {
              "cached_tokens": 0
            },
            "output_tokens": 9,
            "output_tokens_details": {
              "reasoning_tokens": 0
            },
            "total_tokens": 45
          }
        }
      },
      "ResponseLifecycleEvent": {
        "type": "object",
        "description": "An event carrying the whole response: `response.created`, `response.in_progress`, `response.completed`, `response.failed` or `response.incomplete`.",
        "required": [
          "type",
          "sequence_number",
          "response"
        ],
        "properties": {
          "type": {
            "type": "string",
            "enum": [
              "response.created",
              "response.in_progress",
              "response.completed",
              "response.failed",
              "response.incomplete"
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "response": {
            "$ref": "#/components/schemas/Response"
          }
        },
        "example": {
          "type": "response.created",
          "sequence_number": 0,
          "response": {
            "id": "resp_1",
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
            "temperature": 1,
            "top_p": 1,
            "parallel_tool_calls": true
          }
        }
      },
      "ResponseOutputItemEvent": {
        "type": "object",
        "description": "An output item was added (`response.output_item.added`) or is done (`response.output_item.done`).",
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
              "response.output_item.added",
              "response.output_item.done"
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "output_index": {
            "type": "integer"
          },
          "item": {
            "$ref": "#/components/schemas/ResponseOutputItem"
          }
        },
        "example": {
          "type": "response.output_item.added",
          "sequence_number": 2,
          "output_index": 0,
          "item": {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "status": "in_progress",
            "content": []
          }
        }
      },
      "ResponseContentPartEvent": {
        "type": "object",
        "description": "A content part was added or is done.",
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
              "response.content_part.added",
              "response.content_part.done"
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer"
          },
          "content_index": {
            "type": "integer"
          },
          "part": {
            "$ref": "#/components/schemas/ResponseOutputText"
          }
        },
        "example": {
          "type": "response.content_part.added",
          "sequence_number": 3,
          "item_id": "msg_1",
          "output_index": 0,
          "content_index": 0,
          "part": {
            "type": "output_text",
            "text": "",
            "annotations": []
          }
        }
      },
      "ResponseTextDeltaEvent": {
        "type": "object",
        "description": "A piece of output text.",
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
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer"
          },
          "content_index": {
            "type": "integer"
          },
          "delta": {
            "type": "string"
          },
          "logprobs": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        },
        "example": {
          "type": "response.output_text.delta",
          "sequence_number": 4,
          "item_id": "msg_1",
          "output_index": 0,
          "content_index": 0,
          "delta": "Once",
          "logprobs": []
        }
      },
      "ResponseTextDoneEvent": {
        "type": "object",
        "description": "The output text of a content part is final.",
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
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer"
          },
          "content_index": {
            "type": "integer"
          },
          "text": {
            "type": "string"
          },
          "logprobs": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        },
        "example": {
          "type": "response.output_text.done",
          "sequence_number": 9,
          "item_id": "msg_1",
          "output_index": 0,
          "content_index": 0,
          "text": "Once upon a time.",
          "logprobs": []
        }
      },
      "ResponseFunctionCallArgumentsDeltaEvent": {
        "type": "object",
        "description": "A piece of function-call arguments.",
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
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer"
          },
          "delta": {
            "type": "string"
          }
        },
        "example": {
          "type": "response.function_call_arguments.delta",
          "sequence_number": 3,
          "item_id": "fc_1",
          "output_index": 0,
          "delta": "{\"city\":"
        }
      },
      "ResponseFunctionCallArgumentsDoneEvent": {
        "type": "object",
        "description": "The function-call arguments are final.",
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
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "item_id": {
            "type": "string"
          },
          "output_index": {
            "type": "integer"
          },
          "name": {
            "type": "string"
          },
          "arguments": {
            "type": "string"
          }
        },
        "example": {
          "type": "response.function_call_arguments.done",
          "sequence_number": 6,
          "item_id": "fc_1",
          "output_index": 0,
          "name": "get_weather",
          "arguments": "{\"city\":\"Paris\"}"
        }
      },
      "ResponseErrorEvent": {
        "type": "object",
        "description": "An error occurred.",
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
            ]
          },
          "sequence_number": {
            "type": "integer",
            "description": "The position of this event in the stream, from 0."
          },
          "code": {
            "type": [
              "string",
              "null"
            ]
          },
          "message": {
            "type": "string"
          },
          "param": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "example": {
          "type": "error",
          "sequence_number": 5,
          "code": "server_error",
          "message": "The engine failed.",
          "param": null
        }
      },
      "ResponseStreamEvent": {
        "description": "One Server-Sent Event of a streamed response (`event: <type>` and `data: <json>`), in this order:\nresponse.created, response.in_progress, then per output item response.output_item.added,\nresponse.content_part.added, response.output_text.delta ..., response.output_text.done,\nresponse.content_part.done (or response.function_call_arguments.delta ... .done for a tool\ncall), response.output_item.done; last response.completed (or response.failed,\nresponse.incomplete, or error). `sequence_number` counts from 0.\n",
        "anyOf": [
          {
            "$ref": "#/components/schemas/ResponseLifecycleEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseOutputItemEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseContentPartEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseTextDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseTextDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDoneEvent"
          },
          {
            "$ref": "#/components/schemas/ResponseErrorEvent"
          }
        ],
        "example": {
          "type": "response.output_text.delta",
          "sequence_number": 4,
          "item_id": "msg_1",
          "output_index": 0,
          "content_index": 0,
          "delta": "Once",
          "logprobs": []
        }
      },
      "DeletedResponse": {
        "type": "object",
        "required": [
          "id",
          "object",
          "deleted"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "response"
            ]
          },
          "deleted": {
            "type": "boolean"
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
        "description": "The format of the transcript.",
        "example": "json"
      },
      "CreateTranscriptionRequest": {
        "type": "object",
        "required": [
          "file",
          "model"
        ],
        "properties": {
          "file": {
            "type": "string",
            "format": "binary",
            "description": "The audio file (WAV decoded in the gateway; flac, mp3, m4a, ogg, webm with ffmpeg installed). At most 25 MB."
          },
          "model": {
            "type": "string",
            "description": "ID of a model with the `transcription` capability."
          },
          "language": {
            "type": "string",
            "description": "The language of the input audio (ISO-639-1), e.g. `en`."
          },
          "prompt": {
            "type": "string",
            "description": "Text to guide the model's style or continue a previous segment."
          },
          "response_format": {
            "$ref": "#/components/schemas/AudioResponseFormat"
          },
          "temperature": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0
          },
          "timestamp_granularities": {
            "type": "array",
            "description": "`word` and/or `segment` timestamps (needs `response_format: verbose_json`).",
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
            "description": "Stream the transcript as `transcript.text.delta` events, then `transcript.text.done`."
          }
        },
        "example": {
          "file": "speech.wav",
          "model": "cordon-whisper",
          "language": "en",
          "response_format": "json"
        }
      },
      "CreateTranscriptionResponseJson": {
        "type": "object",
        "required": [
          "text"
        ],
        "properties": {
          "text": {
            "type": "string",
            "description": "The transcribed text."
          }
        },
        "example": {
          "text": "Hello there."
        }
      },
      "TranscriptionWord": {
        "type": "object",
        "required": [
          "word",
          "start",
          "end"
        ],
        "properties": {
          "word": {
            "type": "string"
          },
          "start": {
            "type": "number"
          },
          "end": {
            "type": "number"
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
            "type": "integer"
          },
          "seek": {
            "type": "integer"
          },
          "start": {
            "type": "number",
            "description": "Start time in seconds."
          },
          "end": {
            "type": "number",
            "description": "End time in seconds."
          },
          "text": {
            "type": "string"
          },
          "tokens": {
            "type": "array",
            "items": {
              "type": "integer"
            }
          },
          "temperature": {
            "type": "number"
          },
          "avg_logprob": {
            "type": "number"
          },
          "compression_ratio": {
            "type": "number"
          },
          "no_speech_prob": {
            "type": "number"
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
        "required": [
          "language",
          "duration",
          "text"
        ],
        "properties": {
          "task": {
            "type": "string",
            "enum": [
              "transcribe",
              "translate"
            ]
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
            "type": "string"
          },
          "words": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TranscriptionWord"
            }
          },
          "segments": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TranscriptionSegment"
            }
          }
        },
        "example": {
          "task": "transcribe",
          "language": "english",
          "duration": 3.2,
          "text": "Hello there.",
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
      },
      "TranscriptStreamEvent": {
        "description": "A streamed transcription event.",
        "anyOf": [
          {
            "type": "object",
            "description": "A piece of the transcript.",
            "required": [
              "type",
              "delta"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "transcript.text.delta"
                ]
              },
              "delta": {
                "type": "string"
              },
              "logprobs": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              }
            }
          },
          {
            "type": "object",
            "description": "The whole transcript, last.",
            "required": [
              "type",
              "text"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "transcript.text.done"
                ]
              },
              "text": {
                "type": "string"
              },
              "logprobs": {
                "type": "array",
                "items": {
                  "type": "object"
                }
              }
            }
          }
        ],
        "example": {
          "type": "transcript.text.delta",
          "delta": " Hello"
        }
      },
      "CreateTranslationRequest": {
        "type": "object",
        "required": [
          "file",
          "model"
        ],
        "properties": {
          "file": {
            "type": "string",
            "format": "binary",
            "description": "The audio file to translate into English. At most 25 MB."
          },
          "model": {
            "type": "string"
          },
          "prompt": {
            "type": "string"
          },
          "response_format": {
            "$ref": "#/components/schemas/AudioResponseFormat"
          },
          "temperature": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "default": 0
          }
        },
        "example": {
          "file": "speech.wav",
          "model": "cordon-whisper",
          "response_format": "json"
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
        "required": [
          "name"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]{0,62}$",
            "description": "The slug; made from the name when absent."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          }
        },
        "example": {
          "id": "acme",
          "name": "ACME Corp"
        }
      },
      "UpdateDomainRequest": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "disabled": {
            "type": "boolean"
          }
        },
        "example": {
          "disabled": true
        }
      },
      "GuardrailPattern": {
        "type": "object",
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
            "description": "A JavaScript regular expression."
          },
          "flags": {
            "type": "string",
            "pattern": "^[imsu]*$"
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
        "description": "`block`: refuse the input (400 `content_policy_violation`); `mask`: replace with `[REDACTED:<kind>]`; `allow`: do nothing.",
        "example": "mask"
      },
      "PiiPolicy": {
        "type": "object",
        "description": "What to do with each kind of personal data.",
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
            "items": {
              "type": "object",
              "required": [
                "name",
                "pattern",
                "action"
              ],
              "properties": {
                "name": {
                  "type": "string"
                },
                "pattern": {
                  "type": "string"
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
          "custom": []
        }
      },
      "RateLimits": {
        "type": "object",
        "description": "Limits; null for none.",
        "properties": {
          "requests_per_minute": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1
          },
          "tokens_per_minute": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1
          },
          "concurrent_requests": {
            "type": [
              "integer",
              "null"
            ],
            "minimum": 1
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
            "properties": {
              "input": {
                "type": "object",
                "properties": {
                  "max_chars": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 1
                  },
                  "max_tokens": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 1
                  },
                  "blocked_terms": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 1
                    }
                  },
                  "blocked_patterns": {
                    "type": "array",
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
                "properties": {
                  "blocked_terms": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 1
                    }
                  },
                  "blocked_patterns": {
                    "type": "array",
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
            "properties": {
              "key": {
                "$ref": "#/components/schemas/RateLimits"
              },
              "domain": {
                "$ref": "#/components/schemas/RateLimits"
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
      "ApiKey": {
        "type": "object",
        "description": "A personal access token. The secret itself is shown only once, when created or rotated.",
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
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "api_key"
            ]
          },
          "domain_id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "member",
              "admin",
              "superadmin"
            ],
            "description": "`member`: inference; `admin`: manage its domain's keys and read its usage; `superadmin`: the platform."
          },
          "prefix": {
            "type": "string",
            "description": "The first characters of the secret, to recognise it."
          },
          "created_at": {
            "type": "integer"
          },
          "expires_at": {
            "type": [
              "integer",
              "null"
            ]
          },
          "last_used_at": {
            "type": [
              "integer",
              "null"
            ]
          },
          "revoked_at": {
            "type": [
              "integer",
              "null"
            ]
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
      "ApiKeyList": {
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
              "$ref": "#/components/schemas/ApiKey"
            }
          }
        },
        "example": {
          "object": "list",
          "data": []
        }
      },
      "CreateKeyRequest": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "domain_id": {
            "type": "string",
            "description": "The key's domain; the caller's own domain when absent."
          },
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "role": {
            "type": "string",
            "enum": [
              "member",
              "admin",
              "superadmin"
            ],
            "default": "member"
          },
          "expires_at": {
            "type": [
              "integer",
              "null"
            ],
            "description": "Unix time (seconds) after which the key stops working."
          }
        },
        "example": {
          "domain_id": "acme",
          "name": "ci-bot",
          "role": "member",
          "expires_at": null
        }
      },
      "CreatedApiKey": {
        "description": "A key with its secret. The secret is shown this once and stored only as a hash.",
        "allOf": [
          {
            "$ref": "#/components/schemas/ApiKey"
          },
          {
            "type": "object",
            "required": [
              "secret"
            ],
            "properties": {
              "secret": {
                "type": "string"
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
        "description": "Engine settings. File engines need `path`; upstream engines need `targets`.",
        "additionalProperties": true,
        "properties": {
          "path": {
            "type": "string",
            "description": "The model file (GGUF for llama-cpp, ggml .bin for whisper)."
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
                  "description": "The upstream's OpenAI-compatible base URL, e.g. `http://10.0.0.5:8000/v1`."
                },
                "model": {
                  "type": "string",
                  "description": "The model name upstream."
                },
                "api_key_env": {
                  "type": "string",
                  "description": "The name of the environment variable that holds the upstream's API key."
                }
              }
            }
          },
          "fallback_model": {
            "type": "string",
            "description": "Another registered model to use when every target fails."
          },
          "context_size": {
            "type": "integer",
            "minimum": 128
          },
          "native_responses": {
            "type": "boolean",
            "description": "The upstream speaks the Responses API itself; pass it through."
          }
        },
        "example": {
          "path": "/models/qwen2.5-0.5b-instruct-q4_k_m.gguf"
        }
      },
      "Capabilities": {
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
            ]
          },
          "reason": {
            "type": "string",
            "description": "Why the model failed to load."
          }
        },
        "example": {
          "state": "ready"
        }
      },
      "RegistryModel": {
        "type": "object",
        "description": "A model in the platform-wide registry.",
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
            "description": "What clients send as `model`."
          },
          "object": {
            "type": "string",
            "enum": [
              "registry_model"
            ]
          },
          "engine": {
            "type": "string",
            "enum": [
              "llama-cpp",
              "whisper",
              "openai-compatible",
              "ollama"
            ]
          },
          "settings": {
            "$ref": "#/components/schemas/RegistryModelSettings"
          },
          "capabilities": {
            "$ref": "#/components/schemas/Capabilities"
          },
          "owned_by": {
            "type": "string"
          },
          "created": {
            "type": "integer"
          },
          "domains": {
            "type": [
              "array",
              "null"
            ],
            "description": "The domains that may use the model; null for all.",
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
      },
      "RegistryModelList": {
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
              "$ref": "#/components/schemas/RegistryModel"
            }
          }
        },
        "example": {
          "object": "list",
          "data": []
        }
      },
      "CreateRegistryModelRequest": {
        "type": "object",
        "required": [
          "id",
          "engine",
          "settings",
          "capabilities"
        ],
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[A-Za-z0-9._:/-]{1,128}$"
          },
          "engine": {
            "type": "string",
            "enum": [
              "llama-cpp",
              "whisper",
              "openai-compatible",
              "ollama"
            ]
          },
          "settings": {
            "$ref": "#/components/schemas/RegistryModelSettings"
          },
          "capabilities": {
            "$ref": "#/components/schemas/Capabilities"
          },
          "owned_by": {
            "type": "string",
            "default": "cordon"
          },
          "domains": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string"
            }
          }
        },
        "example": {
          "id": "llama-3.1-8b",
          "engine": "openai-compatible",
          "settings": {
            "targets": [
              {
                "base_url": "http://10.0.0.5:8000/v1",
                "model": "meta-llama/Llama-3.1-8B-Instruct",
                "api_key_env": "VLLM_API_KEY"
              }
            ]
          },
          "capabilities": [
            "chat",
            "completions"
          ],
          "domains": [
            "acme"
          ]
        }
      },
      "DeletedRegistryModel": {
        "type": "object",
        "required": [
          "id",
          "object",
          "deleted"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "object": {
            "type": "string",
            "enum": [
              "registry_model"
            ]
          },
          "deleted": {
            "type": "boolean"
          }
        },
        "example": {
          "id": "llama-3.1-8b",
          "object": "registry_model",
          "deleted": true
        }
      },
      "UpdateRegistryModelRequest": {
        "type": "object",
        "properties": {
          "engine": {
            "type": "string",
            "enum": [
              "llama-cpp",
              "whisper",
              "openai-compatible",
              "ollama"
            ]
          },
          "settings": {
            "$ref": "#/components/schemas/RegistryModelSettings"
          },
          "capabilities": {
            "$ref": "#/components/schemas/Capabilities"
          },
          "owned_by": {
            "type": "string"
          },
          "domains": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "string"
            }
          }
        },
        "example": {
          "domains": null
        }
      },
      "UsageReport": {
        "type": "object",
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
            ]
          },
          "data": {
            "type": "array",
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
                  "description": "YYYY-MM-DD (UTC)"
                },
                "model": {
                  "type": "string"
                },
                "key_id": {
                  "type": "string"
                },
                "domain_id": {
                  "type": "string"
                },
                "requests": {
                  "type": "integer"
                },
                "input_tokens": {
                  "type": "integer"
                },
                "output_tokens": {
                  "type": "integer"
                },
                "errors": {
                  "type": "integer"
                }
              }
            }
          },
          "totals": {
            "type": "object",
            "required": [
              "requests",
              "input_tokens",
              "output_tokens"
            ],
            "properties": {
              "requests": {
                "type": "integer"
              },
              "input_tokens": {
                "type": "integer"
              },
              "output_tokens": {
                "type": "integer"
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
      }
    }
  }
};
