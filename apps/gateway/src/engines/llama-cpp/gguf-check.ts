/**
 * Reads a GGUF file's header (metadata only, no tensors) and checks that it has what llama.cpp
 * needs. Some missing keys make llama.cpp abort the whole process instead of failing the load,
 * so a file is never handed to llama.cpp before this check passes.
 */
import { open } from 'node:fs/promises';

function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export interface GgufCheck {
  ok: boolean;
  architecture?: string;
  problems: string[];
}

export async function checkGguf(path: string): Promise<GgufCheck> {
  let fh;
  try {
    fh = await open(path, 'r');
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead < 8 || head.toString('latin1', 0, 4) !== 'GGUF') return { ok: false, problems: ['not a GGUF file (bad magic)'] };
    const version = head.readUInt32LE(4);
    if (version < 2 || version > 3) return { ok: false, problems: [`unsupported GGUF version ${version}`] };
  } catch (err) {
    return { ok: false, problems: [`cannot read the model file: ${(err as NodeJS.ErrnoException).code ?? 'error'}`] };
  } finally {
    await fh?.close();
  }
  let meta: unknown;
  try {
    const { readGgufFileInfo } = await import('node-llama-cpp');
    const info = await readGgufFileInfo(path, { readTensorInfo: false, logWarnings: false });
    meta = info.metadata;
  } catch (err) {
    return { ok: false, problems: [`unreadable GGUF header: ${(err as Error).message.slice(0, 200)}`] };
  }
  const problems: string[] = [];
  const arch = at(meta, 'general.architecture');
  if (typeof arch !== 'string' || !arch) return { ok: false, problems: ['missing general.architecture'] };
  const need = [
    `${arch}.context_length`,
    `${arch}.embedding_length`,
    `${arch}.block_count`,
    `${arch}.feed_forward_length`,
    `${arch}.attention.head_count`,
    'tokenizer.ggml.model',
    'tokenizer.ggml.tokens',
  ];
  if (arch === 'llama') need.push(`${arch}.attention.layer_norm_rms_epsilon`);
  for (const key of need) if (at(meta, key) === undefined) problems.push(`missing ${key}`);
  if (at(meta, 'tokenizer.ggml.model') === 'gpt2' && at(meta, 'tokenizer.ggml.merges') === undefined) problems.push('missing tokenizer.ggml.merges');
  for (const key of [`${arch}.embedding_length`, `${arch}.block_count`, `${arch}.attention.head_count`]) {
    const v = at(meta, key);
    if (v !== undefined && (typeof v !== 'number' || v <= 0)) problems.push(`invalid ${key}`);
  }
  return { ok: problems.length === 0, architecture: arch, problems };
}
