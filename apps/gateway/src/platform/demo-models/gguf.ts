/**
 * The demo model: a tiny deterministic GGUF v3 (llama architecture, 64 wide, 2 layers, f32 random
 * weights from a fixed seed) with a byte-level BPE vocabulary trained here on a fixed text, the
 * ChatML special tokens and a ChatML chat template. It loads in milliseconds and generates
 * deterministic nonsense, which is all the quick start needs. scripts/make-test-gguf.mjs writes the
 * same bytes for tests and benchmarks (test/engines/demo-models.test.ts checks that they agree).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const T = { UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9 } as const;
const ALIGN = 32;

// ---- the tokenizer -------------------------------------------------------------------------
function bytesToUnicode(): Map<number, string> {
  const bs: number[] = [];
  for (let i = 33; i <= 126; i++) bs.push(i);
  for (let i = 161; i <= 172; i++) bs.push(i);
  for (let i = 174; i <= 255; i++) bs.push(i);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  const map = new Map<number, string>();
  bs.forEach((b, i) => map.set(b, String.fromCodePoint(cs[i]!)));
  return map;
}

const CORPUS = `once upon a time there was a small gateway that stood between the people and their models.
the gateway checked every request and every answer. hello world, hello there, how are you today?
the quick brown fox jumps over the lazy dog. tell me a story about the weather in paris and london.
we are testing the chat completions, the embeddings and the tools of the gateway with a tiny model.
this model speaks nonsense but it speaks it the same way every time for the same seed and prompt.`;

function trainBpe(numMerges: number): { vocab: string[]; merges: string[] } {
  const b2u = bytesToUnicode();
  const words = CORPUS.split(/\s+/)
    .filter(Boolean)
    .map((w, i) => [...Buffer.from((i ? ' ' : '') + w)].map((b) => b2u.get(b)!));
  const merges: string[] = [];
  const vocab = [...b2u.values()];
  const have = new Set(vocab);
  for (let m = 0; m < numMerges; m++) {
    const counts = new Map<string, number>();
    for (const w of words)
      for (let i = 0; i + 1 < w.length; i++) {
        const k = `${w[i]} ${w[i + 1]}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    let best: [string, number] | null = null;
    for (const [k, c] of counts) if (c > 1 && (!best || c > best[1] || (c === best[1] && k < best[0]))) best = [k, c];
    if (!best) break;
    const [a, b] = best[0].split(' ') as [string, string];
    merges.push(best[0]);
    if (!have.has(a + b)) {
      have.add(a + b);
      vocab.push(a + b);
    }
    for (const w of words) for (let i = 0; i + 1 < w.length; i++) if (w[i] === a && w[i + 1] === b) w.splice(i, 2, a + b);
  }
  return { vocab, merges };
}

// ---- deterministic weights -----------------------------------------------------------------
function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- GGUF writing --------------------------------------------------------------------------
class Writer {
  chunks: Buffer[] = [];
  size = 0;
  push(buf: Buffer): void {
    this.chunks.push(buf);
    this.size += buf.length;
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  pad(): void {
    const p = (ALIGN - (this.size % ALIGN)) % ALIGN;
    if (p) this.push(Buffer.alloc(p));
  }
}

type Kv =
  | [string, typeof T.STRING, string]
  | [string, typeof T.UINT32 | typeof T.INT32 | typeof T.FLOAT32, number]
  | [string, typeof T.BOOL, boolean]
  | [string, typeof T.ARRAY, [typeof T.STRING, string[]] | [typeof T.INT32 | typeof T.UINT32, number[]]];

export interface DemoGgufOptions {
  /** Metadata keys to leave out (a broken file, for tests). */
  omit?: string[];
  /** A larger model of the same kind (benchmarks); the defaults are the demo model. */
  width?: number;
  layers?: number;
}

export function buildDemoGguf({ omit = [], width = 64, layers = 2 }: DemoGgufOptions = {}): Buffer {
  const nEmbd = width,
    nLayer = layers,
    nFf = 2 * width,
    nHead = 4,
    nHeadKv = 4,
    ctx = 2048;
  const { vocab, merges } = trainBpe(160);
  const specials = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'];
  const tokens = [...vocab, ...specials];
  const tokenTypes = tokens.map((_, i) => (i >= vocab.length ? 3 : 1));
  const id = (t: string) => tokens.indexOf(t);
  const nVocab = tokens.length;
  const template =
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

  const all: Kv[] = [
    ['general.architecture', T.STRING, 'llama'],
    ['general.name', T.STRING, 'cordon-demo'],
    ['general.alignment', T.UINT32, ALIGN],
    ['general.file_type', T.UINT32, 0],
    ['llama.context_length', T.UINT32, ctx],
    ['llama.embedding_length', T.UINT32, nEmbd],
    ['llama.block_count', T.UINT32, nLayer],
    ['llama.feed_forward_length', T.UINT32, nFf],
    ['llama.attention.head_count', T.UINT32, nHead],
    ['llama.attention.head_count_kv', T.UINT32, nHeadKv],
    ['llama.attention.layer_norm_rms_epsilon', T.FLOAT32, 1e-5],
    ['llama.rope.dimension_count', T.UINT32, nEmbd / nHead],
    ['llama.rope.freq_base', T.FLOAT32, 10000],
    ['llama.vocab_size', T.UINT32, nVocab],
    ['tokenizer.ggml.model', T.STRING, 'gpt2'],
    ['tokenizer.ggml.pre', T.STRING, 'default'],
    ['tokenizer.ggml.tokens', T.ARRAY, [T.STRING, tokens]],
    ['tokenizer.ggml.token_type', T.ARRAY, [T.INT32, tokenTypes]],
    ['tokenizer.ggml.merges', T.ARRAY, [T.STRING, merges]],
    ['tokenizer.ggml.bos_token_id', T.UINT32, id('<|endoftext|>')],
    ['tokenizer.ggml.eos_token_id', T.UINT32, id('<|im_end|>')],
    ['tokenizer.ggml.eot_token_id', T.UINT32, id('<|im_end|>')],
    ['tokenizer.ggml.padding_token_id', T.UINT32, id('<|endoftext|>')],
    ['tokenizer.ggml.add_bos_token', T.BOOL, false],
    ['tokenizer.chat_template', T.STRING, template],
  ];
  const kv = all.filter(([k]) => !omit.includes(k));

  const rand = mulberry32(0xc0d0);
  const tensors: Array<{ name: string; dims: number[]; data: Float32Array }> = [];
  const tensor = (name: string, dims: number[], scale: number, constant?: number) => {
    const n = dims.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    for (let i = 0; i < n; i++) data[i] = constant ?? (rand() * 2 - 1) * scale;
    tensors.push({ name, dims, data });
  };
  const nKv = (nEmbd / nHead) * nHeadKv;
  tensor('token_embd.weight', [nEmbd, nVocab], 1.0);
  for (let l = 0; l < nLayer; l++) {
    tensor(`blk.${l}.attn_norm.weight`, [nEmbd], 0, 1);
    tensor(`blk.${l}.attn_q.weight`, [nEmbd, nEmbd], 0.2);
    tensor(`blk.${l}.attn_k.weight`, [nEmbd, nKv], 0.2);
    tensor(`blk.${l}.attn_v.weight`, [nEmbd, nKv], 0.2);
    tensor(`blk.${l}.attn_output.weight`, [nEmbd, nEmbd], 0.2);
    tensor(`blk.${l}.ffn_norm.weight`, [nEmbd], 0, 1);
    tensor(`blk.${l}.ffn_gate.weight`, [nEmbd, nFf], 0.2);
    tensor(`blk.${l}.ffn_up.weight`, [nEmbd, nFf], 0.2);
    tensor(`blk.${l}.ffn_down.weight`, [nFf, nEmbd], 0.2);
  }
  tensor('output_norm.weight', [nEmbd], 0, 1);
  tensor('output.weight', [nEmbd, nVocab], 0.5);

  const w = new Writer();
  w.push(Buffer.from('GGUF'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kv.length);
  for (const entry of kv) {
    w.str(entry[0]);
    w.u32(entry[1]);
    switch (entry[1]) {
      case T.STRING:
        w.str(entry[2]);
        break;
      case T.UINT32:
        w.u32(entry[2]);
        break;
      case T.INT32:
        w.i32(entry[2]);
        break;
      case T.FLOAT32:
        w.f32(entry[2]);
        break;
      case T.BOOL:
        w.push(Buffer.from([entry[2] ? 1 : 0]));
        break;
      case T.ARRAY: {
        const value = entry[2];
        w.u32(value[0]);
        w.u64(value[1].length);
        if (value[0] === T.STRING) for (const it of value[1]) w.str(it);
        else if (value[0] === T.INT32) for (const it of value[1]) w.i32(it);
        else for (const it of value[1]) w.u32(it);
        break;
      }
    }
  }
  let offset = 0;
  for (const t of tensors) {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(0); // F32
    w.u64(offset);
    offset += Math.ceil(t.data.byteLength / ALIGN) * ALIGN;
  }
  w.pad();
  for (const t of tensors) {
    w.push(Buffer.from(t.data.buffer));
    w.pad();
  }
  return Buffer.concat(w.chunks);
}

export function writeDemoGguf(path: string, opts?: DemoGgufOptions): void {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, buildDemoGguf(opts));
}
