/** Chat completions on the llama-cpp engine: n choices, one after the other, on one sequence. */
import type { GbnfJsonSchema } from 'node-llama-cpp';
import type { AsyncQueue } from '../async-queue.js';
import { EngineError, type ChatEvent, type ChatRequest, type EngineCallContext, type ModelEntry, type Usage } from '../types.js';
import { assertFits, completionBudget } from './context-fit.js';
import { grammarFor } from './grammar.js';
import { historyTexts, toChatHistory } from './messages.js';
import type { LlamaModels } from './models.js';
import { cacheTokenizer, countPromptTokens } from './request-tokens.js';
import { num, sampling } from './sampling.js';
import { acquire, fresh } from './sequences.js';
import { callId, forcedSchema, pickedCall, toolPlan } from './tools.js';

export async function runChat(models: LlamaModels, m: ModelEntry, req: ChatRequest, ctx: EngineCallContext, q: AsyncQueue<ChatEvent>): Promise<void> {
  if (req.logprobs === true) throw new EngineError(400, 'logprobs are not available from the llama-cpp engine.', 'unsupported_parameter', 'logprobs');
  const { functions, forced: forcedTools, hint } = toolPlan(req);
  const forced = forcedTools.length > 0;
  const history = toChatHistory(req.messages, hint);
  const n = Math.max(1, Math.min(128, num(req.n) ?? 1));
  // The prompt must fit the context before a sequence is taken (see context-fit.ts).
  const loaded = await models.loaded(m, ctx.requestId);
  const context = loaded.context.contextSize;
  // A lower bound first (each message costs at least one template token besides its text), so
  // that a prompt far over the context is refused before the whole prompt is built.
  const texts = [...historyTexts(history), ...(req.tools ?? []).flatMap((t) => [t.function.name, t.function.description ?? ''])];
  await assertFits(loaded.model, texts, context - history.length - 1, context, 'messages', ctx.signal);
  cacheTokenizer(loaded.model);
  const state = loaded.wrapper.generateContextState({ chatHistory: history, availableFunctions: functions });
  const promptTokens = await countPromptTokens(loaded.lib, loaded.model, state.contextText, ctx.signal);
  const maxTokens = completionBudget(context, promptTokens, num(req.max_completion_tokens) ?? num(req.max_tokens), 'messages');
  const { l, seq, release } = await acquire(models, m, ctx);
  const slot = models.slot(m);
  try {
    let grammar = forced ? undefined : await grammarFor(l.llama, req.response_format);
    if (forced) {
      try {
        grammar = await l.llama.createGrammarForJsonSchema<GbnfJsonSchema>(forcedSchema(forcedTools));
      } catch (err) {
        throw new EngineError(400, `The tool's parameters schema is not supported: ${(err as Error).message.slice(0, 200)}`, 'invalid_value', 'tools');
      }
    }
    let completionTokens = 0;
    let runs = 0;
    ctx.trackUsage?.(() => ({ prompt_tokens: promptTokens * runs, completion_tokens: completionTokens, total_tokens: promptTokens * runs + completionTokens }));
    for (let i = 0; i < n; i++) {
      runs++;
      await fresh(seq);
      const chat = new l.lib.LlamaChat({ contextSequence: seq, chatWrapper: l.wrapper, autoDisposeSequence: false });
      q.push({ type: 'choice', choice: { index: i, delta: { role: 'assistant', content: '' }, finish_reason: null } });
      const id = callId();
      let argsStarted = false;
      try {
        const common = {
          ...sampling(req, i, ctx),
          maxTokens,
          onToken: (tokens: unknown[]) => {
            slot.generatedTokens += tokens.length;
            completionTokens += tokens.length;
          },
        };
        const res = forced
          ? await chat.generateResponse(history, {
              ...common,
              grammar,
              onTextChunk: (text: string) => {
                if (forcedTools.length !== 1 || !text) return;
                const first = !argsStarted;
                argsStarted = true;
                q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [first ? { index: 0, id, type: 'function', function: { name: forcedTools[0]!.function.name, arguments: text } } : { index: 0, function: { arguments: text } }] }, finish_reason: null } });
              },
            })
          : functions
            ? await chat.generateResponse(history, { ...common, functions, onTextChunk: (text: string) => text && q.push({ type: 'choice', choice: { index: i, delta: { content: text }, finish_reason: null } }) })
            : await chat.generateResponse(history, { ...common, grammar, onTextChunk: (text: string) => text && q.push({ type: 'choice', choice: { index: i, delta: { content: text }, finish_reason: null } }) });
        const stop = res.metadata.stopReason;
        if (forced) {
          if (forcedTools.length === 1) {
            if (!argsStarted) q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [{ index: 0, id, type: 'function', function: { name: forcedTools[0]!.function.name, arguments: '' } }] }, finish_reason: null } });
          } else {
            q.push({ type: 'choice', choice: { index: i, delta: pickedCall(res.response, id, forcedTools[0]!.function.name), finish_reason: null } });
          }
          q.push({ type: 'choice', choice: { index: i, delta: {}, finish_reason: stop === 'maxTokens' ? 'length' : 'tool_calls' } });
        } else if (res.functionCalls?.length) {
          res.functionCalls.forEach((fc, k) =>
            q.push({ type: 'choice', choice: { index: i, delta: { tool_calls: [{ index: k, id: callId(), type: 'function', function: { name: fc.functionName, arguments: JSON.stringify(fc.params ?? {}) } }] }, finish_reason: null } }),
          );
          q.push({ type: 'choice', choice: { index: i, delta: {}, finish_reason: 'tool_calls' } });
        } else {
          q.push({ type: 'choice', choice: { index: i, delta: {}, finish_reason: stop === 'maxTokens' ? 'length' : 'stop' } });
        }
      } finally {
        chat.dispose({ disposeSequence: false });
      }
    }
    const usage: Usage = { prompt_tokens: promptTokens * n, completion_tokens: completionTokens, total_tokens: promptTokens * n + completionTokens };
    q.push({ type: 'usage', usage });
  } finally {
    release();
  }
}
