/**
 * The Responses API over chat pieces: `response.*` events with sequence numbers on a stream, or the
 * response object. The output is a message item (text) and function_call items (tool calls), in the
 * order the model produced them.
 */
import { randomToken } from '../../http/ids.js';
import type { ChatChoiceDelta, Usage } from '../../engines/types.js';
import type { SseWriter } from '../../http/sse.js';
import type { Encoder } from '../run.js';

export const responseItemId = (prefix: string) => `${prefix}_${randomToken(24, 'hex')}`;

/** What the model produced, as the Responses API reports it. */
export interface ResponseOutput {
  text: string | null;
  msgId: string;
  calls: Array<{ id: string; call_id: string; name: string; arguments: string }>;
  finish: ChatChoiceDelta['finish_reason'];
}

/** The response object, as OpenAI returns it. */
export function responseObject(base: Record<string, unknown>, b: ResponseOutput | null, usage: Usage | null, status: string, error: unknown = null) {
  const output: unknown[] = [];
  if (b?.text !== null && b?.text !== undefined) {
    output.push({ id: b.msgId, type: 'message', role: 'assistant', status: status === 'in_progress' ? 'in_progress' : 'completed', content: [{ type: 'output_text', text: b.text, annotations: [], logprobs: [] }] });
  }
  for (const c of b?.calls ?? []) output.push({ id: c.id, type: 'function_call', call_id: c.call_id, name: c.name, arguments: c.arguments, status: 'completed' });
  const incomplete = status === 'incomplete' ? { reason: b?.finish === 'content_filter' ? 'content_filter' : 'max_output_tokens' } : null;
  // Object.assign, not `{ ...base, status }`: see choiceChunks (chat-chunks.ts) for Node 20.
  return Object.assign(
    {},
    base,
    { status, output, output_text: b?.text ?? null, error, incomplete_details: incomplete },
    usage
      ? { usage: { input_tokens: usage.prompt_tokens, input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 }, output_tokens: usage.completion_tokens, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: usage.total_tokens } }
      : {},
  );
}

export type ResponseObject = ReturnType<typeof responseObject>;

/**
 * Choice 0's pieces as Responses events. `finished` runs with the final response before it is sent
 * (to store it); its status is `incomplete` when the model stopped at the token limit or was filtered.
 */
export function responsesEvents(base: Record<string, unknown>, finished: (final: ResponseObject, output: ResponseOutput) => Promise<void>): Encoder<ChatChoiceDelta> {
  const b: ResponseOutput = { text: null, msgId: responseItemId('msg'), calls: [], finish: null };
  let sink: SseWriter | null = null;
  let seq = 0;
  let ok = true;
  const emit = (type: string, payload: Record<string, unknown>) => {
    if (sink && !sink.send({ type, sequence_number: seq++, ...payload }, type)) ok = false;
  };
  let outputIndex = 0;
  let msgIndex = -1;
  const callIndex = new Map<number, number>(); // tool call index -> output index
  const openText = () => {
    if (b.text !== null) return;
    b.text = '';
    msgIndex = outputIndex++;
    emit('response.output_item.added', { output_index: msgIndex, item: { id: b.msgId, type: 'message', role: 'assistant', status: 'in_progress', content: [] } });
    emit('response.content_part.added', { item_id: b.msgId, output_index: msgIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
  };
  const closeText = () => {
    if (b.text === null || msgIndex < 0) return;
    emit('response.output_text.done', { item_id: b.msgId, output_index: msgIndex, content_index: 0, text: b.text, logprobs: [] });
    emit('response.content_part.done', { item_id: b.msgId, output_index: msgIndex, content_index: 0, part: { type: 'output_text', text: b.text, annotations: [], logprobs: [] } });
    emit('response.output_item.done', { output_index: msgIndex, item: { id: b.msgId, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: b.text, annotations: [], logprobs: [] }] } });
    msgIndex = -1;
  };
  return {
    open(out) {
      sink = out;
      emit('response.created', { response: responseObject(base, null, null, 'in_progress') });
      emit('response.in_progress', { response: responseObject(base, null, null, 'in_progress') });
    },
    piece(c) {
      ok = true;
      if (c.index !== 0) return ok;
      if (typeof c.delta.content === 'string' && c.delta.content.length) {
        openText();
        b.text += c.delta.content;
        emit('response.output_text.delta', { item_id: b.msgId, output_index: msgIndex, content_index: 0, delta: c.delta.content, logprobs: [] });
      }
      for (const t of c.delta.tool_calls ?? []) {
        let k = callIndex.get(t.index);
        if (k === undefined) {
          closeText();
          k = outputIndex++;
          callIndex.set(t.index, k);
          b.calls[t.index] = { id: responseItemId('fc'), call_id: t.id ?? responseItemId('call'), name: t.function.name ?? '', arguments: '' };
          const call = b.calls[t.index]!;
          emit('response.output_item.added', { output_index: k, item: { id: call.id, type: 'function_call', call_id: call.call_id, name: call.name, arguments: '', status: 'in_progress' } });
        }
        const call = b.calls[t.index]!;
        if (t.function.arguments) {
          call.arguments += t.function.arguments;
          emit('response.function_call_arguments.delta', { item_id: call.id, output_index: k, delta: t.function.arguments });
        }
      }
      if (c.finish_reason) b.finish = c.finish_reason;
      return ok;
    },
    async close(usage) {
      b.calls = b.calls.filter(Boolean);
      // A model that stops at once (EOS first) still answers with a message, as OpenAI does: an
      // empty one. Only a turn that made tool calls may have no message item.
      if (b.calls.length === 0) openText();
      closeText();
      for (const [, k] of callIndex) {
        const call = b.calls.find((_, i) => callIndex.get(i) === k)!;
        emit('response.function_call_arguments.done', { item_id: call.id, output_index: k, name: call.name, arguments: call.arguments });
        emit('response.output_item.done', { output_index: k, item: { id: call.id, type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments, status: 'completed' } });
      }
      const final = responseObject(base, b, usage, b.finish === 'length' || b.finish === 'content_filter' ? 'incomplete' : 'completed');
      await finished(final, b);
      if (!sink) return final;
      emit(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
      sink.end();
      return null;
    },
    fail(err, out) {
      sink = out;
      emit('error', { code: err.code ?? 'server_error', message: err.message, param: err.param });
      emit('response.failed', { response: responseObject(base, b, null, 'failed', { code: err.code ?? 'server_error', message: err.message }) });
      out.end();
    },
  };
}
