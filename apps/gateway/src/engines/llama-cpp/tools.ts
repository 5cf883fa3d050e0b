/**
 * Tool calls on the llama-cpp engine. `tool_choice: auto` hands the functions to the model's chat
 * wrapper (it decides to call one or to answer); `required` or a named function forces a call: the
 * model is told which, and its output is held to the arguments' JSON schema by a grammar.
 */
import { randomBytes } from 'node:crypto';
import type { ChatModelFunctions, GbnfJsonSchema } from 'node-llama-cpp';
import { EngineError, type ChatChoiceDelta, type ChatRequest } from '../types.js';
import { gbnfSchema } from './grammar.js';

type Tool = NonNullable<ChatRequest['tools']>[number];

export const callId = () => `call_${randomBytes(12).toString('base64url')}`;

export interface ToolPlan {
  /** The functions the model may call on its own (tool_choice auto), if any. */
  functions: ChatModelFunctions | undefined;
  /** The functions one of which must be called (tool_choice required or named); empty if none is forced. */
  forced: Tool[];
  /** The system hint that tells the model which function to call, when one is forced. */
  hint: string | undefined;
}

export function toolPlan(req: ChatRequest): ToolPlan {
  const tools: Tool[] = Array.isArray(req.tools) ? req.tools : [];
  const choice = tools.length ? (req.tool_choice ?? 'auto') : 'none';
  let forced: Tool[] = [];
  if (choice === 'required' || typeof choice === 'object') {
    forced = typeof choice === 'object' ? tools.filter((t) => t.function.name === choice.function.name) : tools;
    if (!forced.length) throw new EngineError(400, `tool_choice names a function that is not in 'tools'.`, 'invalid_value', 'tool_choice');
  }
  const first = forced[0];
  const hint = first
    ? `Call the function ${forced.map((t) => `\`${t.function.name}\``).join(' or ')}${first.function.description ? ` (${first.function.description})` : ''}. Answer only with the JSON ${forced.length === 1 ? 'arguments' : '{"name", "arguments"}'}.`
    : undefined;
  const functions: ChatModelFunctions | undefined =
    choice === 'auto' && tools.length
      ? Object.fromEntries(tools.map((t) => [t.function.name, { description: t.function.description, params: gbnfSchema(t.function.parameters ?? { type: 'object' }, 'tools') }]))
      : undefined;
  return { functions, forced, hint };
}

/** The JSON schema a forced call's output must follow: the arguments, or `{name, arguments}` when several functions are allowed. */
export function forcedSchema(forced: Tool[]): GbnfJsonSchema {
  const schema =
    forced.length === 1
      ? (forced[0]!.function.parameters ?? { type: 'object' })
      : { oneOf: forced.map((t) => ({ type: 'object', properties: { name: { const: t.function.name }, arguments: t.function.parameters ?? { type: 'object' } }, required: ['name', 'arguments'] })) };
  return gbnfSchema(schema, 'tools');
}

/** The tool call of a forced choice with several functions, read from the model's whole answer. */
export function pickedCall(response: unknown, id: string, fallbackName: string): ChatChoiceDelta['delta'] {
  let picked: { name?: string; arguments?: unknown } = {};
  try {
    picked = JSON.parse(typeof response === 'string' ? response : Array.isArray(response) ? response.filter((x) => typeof x === 'string').join('') : '');
  } catch {
    /* cut by max tokens */
  }
  return { tool_calls: [{ index: 0, id, type: 'function', function: { name: picked.name ?? fallbackName, arguments: JSON.stringify(picked.arguments ?? {}) } }] };
}
