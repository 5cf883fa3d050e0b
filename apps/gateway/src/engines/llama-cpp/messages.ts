/** OpenAI chat messages -> node-llama-cpp chat history. */
import type { ChatHistoryItem, ChatModelFunctionCall } from 'node-llama-cpp';
import { EngineError } from '../types.js';

type Part = { type: string; text?: string };
type Msg = { role: string; content?: string | Part[] | null; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>; tool_call_id?: string };

export function contentText(content: Msg['content'], role: string): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  const out: string[] = [];
  for (const part of content) {
    if (part.type === 'text' && typeof part.text === 'string') out.push(part.text);
    else {
      throw new EngineError(400, `This model accepts text only; a ${role} message has a '${part.type}' content part.`, 'unsupported_content', 'messages');
    }
  }
  return out.join('\n');
}

function parseArgs(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

/** Converts messages; assistant tool calls get their results from the `tool` messages that answer them. */
export function toChatHistory(messages: unknown[], extraSystem?: string): ChatHistoryItem[] {
  const msgs = messages as Msg[];
  const results = new Map<string, string>();
  const called = new Set<string>();
  for (const m of msgs) {
    if (m.role === 'tool' && m.tool_call_id) results.set(m.tool_call_id, contentText(m.content, 'tool'));
    for (const c of m.tool_calls ?? []) called.add(c.id);
  }
  const history: ChatHistoryItem[] = [];
  if (extraSystem) history.push({ type: 'system', text: extraSystem });
  for (const m of msgs) {
    switch (m.role) {
      case 'system':
      case 'developer':
        history.push({ type: 'system', text: contentText(m.content, m.role) });
        break;
      case 'user':
        history.push({ type: 'user', text: contentText(m.content, 'user') });
        break;
      case 'assistant': {
        const response: Array<string | ChatModelFunctionCall> = [];
        const text = contentText(m.content, 'assistant');
        if (text) response.push(text);
        for (const call of m.tool_calls ?? []) {
          response.push({ type: 'functionCall', name: call.function.name, params: parseArgs(call.function.arguments), result: results.get(call.id) ?? '' });
        }
        history.push({ type: 'model', response });
        break;
      }
      case 'tool':
        if (!m.tool_call_id || !called.has(m.tool_call_id)) {
          // A tool result without the call it answers: keep it as context for the model.
          history.push({ type: 'user', text: `Tool result (${m.tool_call_id}): ${contentText(m.content, 'tool')}` });
        }
        break;
      default:
        throw new EngineError(400, `Unknown message role '${String(m.role).slice(0, 32)}'.`, 'invalid_value', 'messages');
    }
  }
  history.push({ type: 'model', response: [] });
  return history;
}

/** The texts of a chat history (for a token count before the whole prompt is built). */
export function historyTexts(history: readonly ChatHistoryItem[]): string[] {
  const out: string[] = [];
  for (const item of history) {
    if (item.type === 'model') {
      for (const r of item.response) out.push(typeof r === 'string' ? r : r.type === 'functionCall' ? `${r.name}${JSON.stringify(r.params ?? null) ?? ''}${typeof r.result === 'string' ? r.result : ''}` : '');
    } else out.push(typeof item.text === 'string' ? item.text : '');
  }
  return out;
}
