/** Constrained output: JSON mode, json_schema response formats and forced tool calls as llama.cpp grammars. */
import type { GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
import { EngineError, type ChatRequest } from '../types.js';
import { isRecord } from '../../records.js';

/**
 * JSON-schema grammars enforce types, enums, consts, required properties and string lengths, but not
 * numeric ranges: a small integer range becomes an enum, so constrained output honours it.
 */
export function grammarSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(grammarSchema);
  if (!isRecord(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = grammarSchema(v);
  const min = typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : undefined;
  const max = typeof schema.maximum === 'number' ? Math.floor(schema.maximum) : undefined;
  if (schema.type === 'integer' && min !== undefined && max !== undefined && max >= min && max - min <= 256 && !schema.enum) {
    const { type: _t, minimum: _a, maximum: _b, ...rest } = out;
    return { ...rest, enum: Array.from({ length: max - min + 1 }, (_, i) => min + i) };
  }
  return out;
}

/**
 * A client's JSON schema as node-llama-cpp's schema type. Only its shape (an object) is checked
 * here: node-llama-cpp checks the rest when it builds the grammar, and throws on what it does not
 * support (the callers turn that into a 400).
 */
function isGbnfSchema(v: unknown): v is GbnfJsonSchema {
  return isRecord(v);
}

export function gbnfSchema(schema: unknown, param: string): GbnfJsonSchema {
  const s = grammarSchema(schema);
  if (!isGbnfSchema(s)) throw new EngineError(400, 'A JSON schema must be an object.', 'invalid_value', param);
  return s;
}

/** The grammar for the request's response_format, if it asks for JSON. */
export async function grammarFor(llama: Llama, rf: ChatRequest['response_format']): Promise<LlamaGrammar | undefined> {
  if (!rf || rf.type === 'text') return undefined;
  try {
    if (rf.type === 'json_object') return await llama.getGrammarFor('json');
    if (rf.type === 'json_schema') return await llama.createGrammarForJsonSchema<GbnfJsonSchema>(gbnfSchema(rf.json_schema?.schema ?? {}, 'response_format'));
  } catch (err) {
    throw new EngineError(400, `This JSON schema is not supported for constrained output: ${(err as Error).message.slice(0, 200)}`, 'invalid_value', 'response_format');
  }
  return undefined;
}
