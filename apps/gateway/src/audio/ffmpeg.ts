/**
 * Compressed audio (mp3, ogg/opus, flac, m4a/mp4, webm) to 16 kHz mono float samples through an
 * ffmpeg child process. ffmpeg reads the upload from stdin only: the demuxer is the one the bytes
 * were sniffed as, and the protocol whitelist allows nothing but the pipe, so no playlist or
 * reference inside a file can make it open a path or a URL. Its output stops at the duration bound
 * (ffmpeg is killed and the request gets a 400); its diagnostics go to the operator's log, never
 * to the member.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { notAudio, tooLong } from './errors.js';
import type { AudioLimits } from './limits.js';
import { TimeSlicer } from './time-slice.js';
import { SAMPLE_RATE } from './wav.js';

export type CompressedContainer = 'mp3' | 'ogg' | 'flac' | 'mp4' | 'webm';

/** ffmpeg's demuxer for each container the sniffer knows. */
const DEMUXER: Record<CompressedContainer, string> = { mp3: 'mp3', ogg: 'ogg', flac: 'flac', mp4: 'mov', webm: 'matroska' };

/** The ffmpeg to use: CORDON_FFMPEG if set (empty or a missing file: none), else the first on PATH. */
export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string | null {
  const exe = (p: string) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (env.CORDON_FFMPEG !== undefined) return env.CORDON_FFMPEG && exe(env.CORDON_FFMPEG) ? env.CORDON_FFMPEG : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && exe(join(dir, 'ffmpeg'))) return join(dir, 'ffmpeg');
  }
  return null;
}

/** ffmpeg gets no gateway secret (admin key, upstream keys, metrics token): only what finds its libraries. */
const FFMPEG_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  ['PATH', 'LD_LIBRARY_PATH', 'LANG', 'TMPDIR'].flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]])),
);

export function ffmpegDecode(
  ffmpeg: string,
  buf: Buffer,
  container: CompressedContainer,
  limits: AudioLimits,
  opts: { signal?: AbortSignal; onDiagnostics?: (text: string) => void } = {},
): Promise<Float32Array> {
  const maxBytes = Math.ceil(limits.maxDurationSeconds * SAMPLE_RATE) * 4;
  // prettier-ignore
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-protocol_whitelist', 'pipe', '-f', DEMUXER[container], '-i', 'pipe:0',
    '-map', '0:a:0', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', 'pipe:1',
  ];
  return new Promise<Buffer[]>((resolve, reject) => {
    const p = spawn(ffmpeg, args, { stdio: ['pipe', 'pipe', 'pipe'], signal: opts.signal, env: FFMPEG_ENV });
    let out: Buffer[] = [];
    let size = 0;
    let err = '';
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    p.stdout.on('data', (c: Buffer) => {
      if (settled) return;
      size += c.length;
      if (size <= maxBytes) return void out.push(c);
      out = [];
      p.kill('SIGKILL');
      p.stdout.destroy();
      settle(() => reject(tooLong(null, limits.maxDurationSeconds)));
    });
    p.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-500)));
    p.stdin.on('error', () => {}); // ffmpeg may stop reading early on a bad file; its exit code tells
    p.on('error', (e) => settle(() => reject(e)));
    p.on('close', (code) => {
      if (err && opts.onDiagnostics) opts.onDiagnostics(err);
      settle(() => (code === 0 ? resolve(out) : reject(notAudio(`ffmpeg could not decode it as ${container}`))));
    });
    p.stdin.end(buf);
  }).then((chunks) => join32(chunks, opts.signal));
}

/** The chunks of ffmpeg's output as one float array, copied in time slices (a trailing partial sample is dropped). */
async function join32(chunks: Buffer[], signal?: AbortSignal): Promise<Float32Array> {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const samples = new Float32Array(total >> 2);
  if (samples.length === 0) throw notAudio('it holds no audio samples');
  const bytes = new Uint8Array(samples.buffer);
  const slicer = new TimeSlicer(signal);
  for (let i = 0, at = 0; i < chunks.length && at < bytes.length; i++) {
    if (slicer.due) await slicer.next();
    const c = chunks[i]!;
    bytes.set(c.subarray(0, Math.min(c.length, bytes.length - at)), at);
    at += c.length;
  }
  return samples;
}
