/**
 * Audio in, 16 kHz mono float PCM out (what whisper.cpp hears). WAV is decoded here: PCM 8, 16, 24
 * and 32-bit, 32/64-bit float, WAVE_FORMAT_EXTENSIBLE, any rate, any number of channels (mixed
 * down). Compressed formats (mp3, ogg/opus, flac, m4a/mp4, webm) go through ffmpeg when it is
 * installed; without it they get a 415 that names the missing decoder. Anything else is a 400:
 * the bytes decide, never the file name.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ApiError } from '@cordon/server-kit';

export const SAMPLE_RATE = 16000;

export interface DecodedAudio {
  samples: Float32Array;
  /** Seconds of audio. */
  duration: number;
  container: Container;
}

export type Container = 'wav' | 'mp3' | 'ogg' | 'flac' | 'mp4' | 'webm';

/** What the first bytes say the file is, or null when it is no audio container we know. */
export function sniff(buf: Buffer): Container | null {
  if (buf.length < 12) return null;
  const ascii = (at: number, s: string) => buf.toString('latin1', at, at + s.length) === s;
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(0, 'fLaC')) return 'flac';
  if (ascii(4, 'ftyp')) return 'mp4';
  if (buf.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (ascii(0, 'ID3')) return 'mp3';
  // An MPEG audio frame header: 11 sync bits, a valid version, layer, bitrate and sample rate.
  const b1 = buf[1]!;
  const b2 = buf[2]!;
  if (buf[0] === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) !== 0 && (b2 & 0xf0) !== 0xf0 && (b2 & 0x0c) !== 0x0c) return 'mp3';
  return null;
}

const notAudio = (why: string) => new ApiError(400, `The file is not valid audio: ${why}. Send WAV, or mp3, ogg, flac, m4a or webm.`, 'invalid_audio', 'file');

export async function decodeAudio(buf: Buffer, opts: { ffmpeg: string | null; signal?: AbortSignal }): Promise<DecodedAudio> {
  const container = sniff(buf);
  if (!container) throw notAudio('its bytes are not a known audio format, whatever its name says');
  if (container === 'wav') return { ...decodeWav(buf), container };
  if (!opts.ffmpeg) {
    throw new ApiError(
      415,
      `This gateway cannot decode ${container} audio: that needs ffmpeg, which is not installed here. Send WAV (decoded in the gateway), or ask the operator to install ffmpeg.`,
      'unsupported_media_type',
      'file',
    );
  }
  const samples = await ffmpegDecode(opts.ffmpeg, buf, container, opts.signal);
  return { samples, duration: samples.length / SAMPLE_RATE, container };
}

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

function ffmpegDecode(ffmpeg: string, buf: Buffer, container: Container, signal?: AbortSignal): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', 'pipe:0', '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 'f32le', 'pipe:1'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal,
    });
    const out: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => (err = (err + c.toString()).slice(-500)));
    p.stdin.on('error', () => {}); // ffmpeg may stop reading early on a bad file; its exit code tells
    p.on('error', (e) => reject(e));
    p.on('close', (code) => {
      if (code !== 0) return reject(notAudio(`ffmpeg could not decode it as ${container}`));
      const all = Buffer.concat(out);
      const aligned = new Float32Array(all.length >> 2);
      Buffer.from(aligned.buffer).set(all.subarray(0, aligned.length * 4));
      if (aligned.length === 0) return reject(notAudio('it holds no audio samples'));
      resolve(aligned);
    });
    p.stdin.end(buf);
  });
}

/** Decodes a RIFF/WAVE file to 16 kHz mono float samples. */
export function decodeWav(buf: Buffer): { samples: Float32Array; duration: number } {
  let fmt: { format: number; channels: number; rate: number; bits: number; align: number } | null = null;
  let data: Buffer | null = null;
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = buf.subarray(at + 8, Math.min(buf.length, at + 8 + size));
    if (id === 'fmt ') {
      if (body.length < 16) throw notAudio('its WAV format chunk is too short');
      let format = body.readUInt16LE(0);
      if (format === 0xfffe && body.length >= 26) format = body.readUInt16LE(24); // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the tag
      fmt = { format, channels: body.readUInt16LE(2), rate: body.readUInt32LE(4), align: body.readUInt16LE(12), bits: body.readUInt16LE(14) };
    } else if (id === 'data') {
      data = body; // a streamed WAV may say 0 or 0xFFFFFFFF here: take what is there
      break;
    }
    at += 8 + size + (size & 1);
  }
  if (!fmt) throw notAudio('it has no WAV format chunk');
  if (!data) throw notAudio('it has no WAV data chunk');
  const { format, channels, rate, bits } = fmt;
  const pcm = format === 1 && [8, 16, 24, 32].includes(bits);
  const float = format === 3 && (bits === 32 || bits === 64);
  if (!pcm && !float) throw notAudio(`WAV encoding ${format} with ${bits}-bit samples is not supported (PCM 8/16/24/32-bit or float 32/64-bit are)`);
  if (channels < 1 || channels > 64 || rate < 1000 || rate > 768000) throw notAudio(`a WAV header with ${channels} channels at ${rate} Hz`);
  const bytes = bits / 8;
  const frame = bytes * channels;
  const frames = Math.floor(data.length / frame);
  if (frames === 0) throw notAudio('its WAV data chunk holds no samples');
  const read = (o: number): number => {
    if (float) return bits === 32 ? data!.readFloatLE(o) : data!.readDoubleLE(o);
    switch (bits) {
      case 8:
        return (data![o]! - 128) / 128;
      case 16:
        return data!.readInt16LE(o) / 32768;
      case 24:
        return data!.readIntLE(o, 3) / 8388608;
      default:
        return data!.readInt32LE(o) / 2147483648;
    }
  };
  const mono = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(i * frame + c * bytes);
    mono[i] = sum / channels;
  }
  return { samples: resample(mono, rate, SAMPLE_RATE), duration: frames / rate };
}

/**
 * Resamples by linear interpolation; when shrinking, each output sample first averages the input
 * samples it covers (a box filter), which keeps aliasing down well enough for speech.
 */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return input;
  const ratio = from / to;
  const n = Math.max(1, Math.floor(input.length / ratio));
  const out = new Float32Array(n);
  if (ratio > 1) {
    for (let i = 0; i < n; i++) {
      const start = i * ratio;
      const end = Math.min(input.length, start + ratio);
      let sum = 0;
      let count = 0;
      for (let j = Math.floor(start); j < end; j++) {
        sum += input[j]!;
        count++;
      }
      out[i] = count ? sum / count : 0;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const x = i * ratio;
      const j = Math.floor(x);
      const f = x - j;
      out[i] = input[j]! * (1 - f) + (input[Math.min(j + 1, input.length - 1)] ?? 0) * f;
    }
  }
  return out;
}
