/**
 * The demo speech model: a tiny deterministic whisper.cpp model in its legacy ggml `.bin` format
 * (multilingual vocabulary size 51865 so translate and language tokens exist, 32 wide, 4 encoder
 * layers so whisper.cpp calls it "tiny", 1 decoder layer, f32 random weights from a fixed seed).
 * The 50257 text tokens are short ASCII syllables, so the nonsense it transcribes is readable. It
 * hears nothing, but what it writes depends on the audio, the same way every time.
 * Two choices keep it fast: wide token embeddings make its picks confident (so whisper.cpp does not
 * retry at higher temperatures), and one dimension of the positional embedding, read only by the
 * end-of-text token, makes it end each 30 s window after about ten tokens.
 * scripts/make-test-whisper.mjs writes the same bytes (test/engines/demo-models.test.ts checks it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const WHISPER_DIMS = {
  n_vocab: 51865,
  n_audio_ctx: 1500,
  n_audio_state: 32,
  n_audio_head: 2,
  n_audio_layer: 4,
  n_text_ctx: 448,
  n_text_state: 32,
  n_text_head: 2,
  n_text_layer: 1, // not 2: whisper.cpp takes 2 for a distilled model and turns timestamps off
  n_mels: 80,
  ftype: 0, // all f32
};
const N_TEXT_TOKENS = 50257; // GPT-2 byte-level vocabulary; whisper.cpp names the special tokens itself
const N_FFT = 201; // 1 + 400/2
const EOT = 50257; // multilingual end-of-text
const CROSS_GAIN = 8;
const STOP_AT = 10; // decoder position from which end-of-text wins

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text tokens: the 95 printable ASCII bytes first, then syllables such as " ka", "lo", " tren". */
function vocabulary(): string[] {
  const words: string[] = [];
  for (let i = 0; i < 256; i++) words.push(i >= 32 && i < 127 ? String.fromCharCode(i) : `<0x${i.toString(16)}>`);
  const on = ['', 'b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'sh', 'ch'];
  const nu = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
  const co = ['', 'n', 'r', 's', 't', 'l', 'm', 'k'];
  const syll: string[] = [];
  for (const a of on) for (const b of nu) for (const c of co) syll.push(a + b + c);
  for (let i = 0; words.length < N_TEXT_TOKENS; i++) {
    const s = syll[i % syll.length]! + (i >= syll.length ? syll[Math.floor(i / syll.length) % syll.length] : '');
    words.push(i % 2 === 0 ? ` ${s}` : s);
  }
  return words;
}

/** Triangular filters over the 201 FFT bins, spaced like the mel scale. */
function melFilters(): Float32Array {
  const f = new Float32Array(WHISPER_DIMS.n_mels * N_FFT);
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
  const hz = (m: number) => 700 * (10 ** (m / 2595) - 1);
  const top = mel(8000);
  const edges = Array.from({ length: WHISPER_DIMS.n_mels + 2 }, (_, i) => hz((top * i) / (WHISPER_DIMS.n_mels + 1)));
  for (let m = 0; m < WHISPER_DIMS.n_mels; m++) {
    for (let k = 0; k < N_FFT; k++) {
      const freq = (k * 8000) / (N_FFT - 1);
      const up = (freq - edges[m]!) / (edges[m + 1]! - edges[m]!);
      const down = (edges[m + 2]! - freq) / (edges[m + 2]! - edges[m + 1]!);
      f[m * N_FFT + k] = Math.max(0, Math.min(up, down)) * (2 / (edges[m + 2]! - edges[m]!));
    }
  }
  return f;
}

type Init = 'one' | 'zero' | 'w' | 'emb' | 'pos';

/** Every tensor whisper.cpp expects, as [name, ne (innermost first), init]. */
function tensors(): Array<[string, number[], Init]> {
  const d = WHISPER_DIMS;
  const s = d.n_audio_state;
  const out: Array<[string, number[], Init]> = [];
  const ln = (p: string) => out.push([`${p}.weight`, [s], 'one'], [`${p}.bias`, [s], 'zero']);
  const lin = (p: string, nin: number, nout: number, bias = true) => {
    out.push([`${p}.weight`, [nin, nout], 'w']);
    if (bias) out.push([`${p}.bias`, [nout], 'zero']);
  };
  const attn = (p: string) => {
    lin(`${p}.query`, s, s);
    lin(`${p}.key`, s, s, false);
    lin(`${p}.value`, s, s);
    lin(`${p}.out`, s, s);
  };
  const block = (p: string, cross: boolean) => {
    ln(`${p}.mlp_ln`);
    lin(`${p}.mlp.0`, s, 4 * s);
    lin(`${p}.mlp.2`, 4 * s, s);
    ln(`${p}.attn_ln`);
    attn(`${p}.attn`);
    if (cross) {
      ln(`${p}.cross_attn_ln`);
      attn(`${p}.cross_attn`);
    }
  };
  out.push(['encoder.positional_embedding', [s, d.n_audio_ctx], 'pos']);
  out.push(['encoder.conv1.weight', [3, d.n_mels, s], 'w'], ['encoder.conv1.bias', [1, s], 'zero']);
  out.push(['encoder.conv2.weight', [3, s, s], 'w'], ['encoder.conv2.bias', [1, s], 'zero']);
  ln('encoder.ln_post');
  for (let i = 0; i < d.n_audio_layer; i++) block(`encoder.blocks.${i}`, false);
  out.push(['decoder.positional_embedding', [s, d.n_text_ctx], 'pos']);
  out.push(['decoder.token_embedding.weight', [s, d.n_vocab], 'emb']);
  ln('decoder.ln');
  for (let i = 0; i < d.n_text_layer; i++) block(`decoder.blocks.${i}`, true);
  return out;
}

export function buildWhisperModel(seed = 20261123): Buffer {
  const rand = mulberry32(seed);
  const gauss = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const chunks: Buffer[] = [];
  const i32 = (...v: number[]) => chunks.push(Buffer.from(new Int32Array(v).buffer));
  const u32 = (v: number) => chunks.push(Buffer.from(new Uint32Array([v]).buffer));
  const d = WHISPER_DIMS;
  u32(0x67676d6c);
  i32(d.n_vocab, d.n_audio_ctx, d.n_audio_state, d.n_audio_head, d.n_audio_layer, d.n_text_ctx, d.n_text_state, d.n_text_head, d.n_text_layer, d.n_mels, d.ftype);
  i32(d.n_mels, N_FFT);
  chunks.push(Buffer.from(melFilters().buffer));
  const words = vocabulary();
  i32(words.length);
  for (const w of words) {
    const b = Buffer.from(w, 'latin1');
    u32(b.length);
    chunks.push(b);
  }
  for (const [name, ne, init] of tensors()) {
    const n = ne.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    const fanIn = ne[0]! * (ne.length === 3 ? ne[1]! : 1);
    for (let i = 0; i < n; i++) {
      if (init === 'one') data[i] = 1;
      else if (init === 'w') data[i] = gauss() / Math.sqrt(fanIn);
      else if (init === 'emb') data[i] = i % ne[0]! === 0 ? 0 : gauss() * 3;
      else if (init === 'pos') data[i] = gauss() * (name.startsWith('decoder') ? 6 : 0.5);
    }
    if (/cross_attn\.(out|value)\.weight$/.test(name)) for (let i = 0; i < n; i++) data[i] *= CROSS_GAIN; // let the audio steer
    if (name === 'decoder.token_embedding.weight') data[EOT * ne[0]!] = 150;
    if (name === 'decoder.positional_embedding') for (let p = 0; p < ne[1]!; p++) data[p * ne[0]!] = p < STOP_AT ? -30 : 30;
    const nameBuf = Buffer.from(name);
    i32(ne.length, nameBuf.length, 0 /* f32 */, ...ne);
    chunks.push(nameBuf, Buffer.from(data.buffer));
  }
  return Buffer.concat(chunks);
}

export function writeWhisperModel(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, buildWhisperModel());
  return path;
}
