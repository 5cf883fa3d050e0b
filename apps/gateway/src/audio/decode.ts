/**
 * Audio in, 16 kHz mono float PCM out (what whisper.cpp hears). WAV is decoded here (wav.ts), any
 * rate and channel count within the configured bounds; compressed formats (mp3, ogg/opus, flac,
 * m4a/mp4, webm) go through ffmpeg (ffmpeg.ts) when it is installed, and without it get a 415 that
 * names the missing decoder. Anything else is a 400: the bytes decide, never the file name. Either
 * way the decoded length is bounded (config.audio) and no step holds the event loop for long.
 */
import { ApiError } from '@cordon/server-kit';
import { MIN_DURATION_SECONDS, notAudio, tooShort } from './errors.js';
import { ffmpegDecode } from './ffmpeg.js';
import type { AudioLimits } from './limits.js';
import { decodeWav, SAMPLE_RATE } from './wav.js';

export { findFfmpeg } from './ffmpeg.js';
export { SAMPLE_RATE } from './wav.js';
export type { AudioLimits } from './limits.js';

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

export async function decodeAudio(
  buf: Buffer,
  opts: { ffmpeg: string | null; limits: AudioLimits; signal?: AbortSignal; onDiagnostics?: (text: string) => void },
): Promise<DecodedAudio> {
  const container = sniff(buf);
  if (!container) throw notAudio('its bytes are not a known audio format, whatever its name says');
  if (container === 'wav') return longEnough({ ...(await decodeWav(buf, opts.limits, opts.signal)), container });
  if (!opts.ffmpeg) {
    throw new ApiError(
      415,
      `This gateway cannot decode ${container} audio: that needs ffmpeg, which is not installed here. Send WAV (decoded in the gateway), or ask the operator to install ffmpeg.`,
      'unsupported_media_type',
      'file',
    );
  }
  const samples = await ffmpegDecode(opts.ffmpeg, buf, container, opts.limits, { signal: opts.signal, onDiagnostics: opts.onDiagnostics });
  return longEnough({ samples, duration: samples.length / SAMPLE_RATE, container });
}

function longEnough(audio: DecodedAudio): DecodedAudio {
  if (audio.duration < MIN_DURATION_SECONDS) throw tooShort();
  return audio;
}
