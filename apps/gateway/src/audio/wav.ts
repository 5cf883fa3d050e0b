/**
 * RIFF/WAVE to 16 kHz mono float samples: PCM 8, 16, 24 and 32-bit, 32/64-bit float,
 * WAVE_FORMAT_EXTENSIBLE. The header is checked against the configured bounds (sample rate,
 * channels, duration) before anything is allocated; mixing down and resampling run in time slices
 * so a 25 MB file never holds the event loop for more than a few milliseconds at a time.
 */
import { notAudio, outOfBounds, tooLong } from './errors.js';
import type { AudioLimits } from './limits.js';
import { TimeSlicer } from './time-slice.js';

export const SAMPLE_RATE = 16000;
/** Above any real recording rate (768 kHz is the highest DACs offer). */
const MAX_RATE = 768000;

interface Format {
  format: number;
  channels: number;
  rate: number;
  bits: number;
}

export async function decodeWav(buf: Buffer, limits: AudioLimits, signal?: AbortSignal): Promise<{ samples: Float32Array; duration: number }> {
  const slicer = new TimeSlicer(signal);
  let fmt: Format | null = null;
  let data: Buffer | null = null;
  let at = 12;
  // A file may hold millions of tiny chunks before its data: walk them in slices too.
  for (let n = 0; at + 8 <= buf.length; n++) {
    if ((n & 1023) === 1023 && slicer.due) await slicer.next();
    const id = buf.toString('latin1', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = buf.subarray(at + 8, Math.min(buf.length, at + 8 + size));
    if (id === 'fmt ') {
      if (body.length < 16) throw notAudio('its WAV format chunk is too short');
      let format = body.readUInt16LE(0);
      if (format === 0xfffe && body.length >= 26) format = body.readUInt16LE(24); // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the tag
      fmt = { format, channels: body.readUInt16LE(2), rate: body.readUInt32LE(4), bits: body.readUInt16LE(14) };
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
  if (channels < 1 || rate < 1 || rate > MAX_RATE) throw notAudio(`a WAV header with ${channels} channels at ${rate} Hz`);
  if (channels > limits.maxChannels) throw outOfBounds(`it has ${channels} channels, more than the ${limits.maxChannels} this gateway accepts`);
  if (rate < limits.minSampleRate) throw outOfBounds(`its sample rate, ${rate} Hz, is below ${limits.minSampleRate} Hz, the lowest this gateway accepts`);
  const frames = Math.floor(data.length / ((bits / 8) * channels));
  if (frames === 0) throw notAudio('its WAV data chunk holds no samples');
  const duration = frames / rate;
  if (duration > limits.maxDurationSeconds) throw tooLong(duration, limits.maxDurationSeconds);

  // Over ranges small enough to take well under a millisecond, with a yield to the event loop
  // whenever a slice is used up: mix down to mono, resampling to 16 kHz on the way (from a small
  // scratch buffer: no second full-length copy).
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const encoding: Encoding = float ? (bits === 32 ? 'f32' : 'f64') : bits === 8 ? 'u8' : bits === 16 ? 's16' : bits === 24 ? 's24' : 's32';
  if (rate === SAMPLE_RATE) {
    const mono = new Float32Array(frames);
    await inRanges(frames, Math.max(1, Math.floor(65536 / channels)), slicer, (from, to) => mixDown(view, encoding, channels, from, to, mono, 0));
    return { samples: mono, duration };
  }
  const ratio = rate / SAMPLE_RATE;
  const out = new Float32Array(Math.max(1, Math.floor(frames / ratio)));
  const size = Math.max(64, Math.floor(16384 / Math.max(1, ratio * channels)));
  const scratch = new Float32Array(Math.ceil(size * ratio) + 2);
  await inRanges(out.length, size, slicer, (from, to) => {
    // The input frames these outputs read: [first, last).
    const first = Math.floor(from * ratio);
    const last = Math.min(frames, Math.ceil(to * ratio) + 1);
    mixDown(view, encoding, channels, first, last, scratch, first);
    resampleRange(scratch, first, frames, ratio, from, to, out);
  });
  return { samples: out, duration };
}

type Encoding = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64';

/** Runs `step` over [0, n) in ranges of `size`, yielding between ranges whenever the time slice is used up. */
async function inRanges(n: number, size: number, slicer: TimeSlicer, step: (from: number, to: number) => void): Promise<void> {
  for (let at = 0; at < n; at += size) {
    if (slicer.due) await slicer.next();
    step(at, Math.min(n, at + size));
  }
}

/** Frames [from, to) of interleaved samples, averaged over the channels, into `mono` (frame j at j - base). */
function mixDown(view: DataView, encoding: Encoding, channels: number, from: number, to: number, mono: Float32Array, base: number): void {
  const bytes = encoding === 'u8' ? 1 : encoding === 's16' ? 2 : encoding === 's24' ? 3 : encoding === 'f64' ? 8 : 4;
  const frame = bytes * channels;
  for (let j = from, o = from * frame; j < to; j++) {
    let sum = 0;
    for (let c = 0; c < channels; c++, o += bytes) {
      switch (encoding) {
        case 'u8':
          sum += (view.getUint8(o) - 128) / 128;
          break;
        case 's16':
          sum += view.getInt16(o, true) / 32768;
          break;
        case 's24':
          sum += ((view.getUint8(o + 2) << 24) | (view.getUint16(o, true) << 8)) / 2147483648;
          break;
        case 's32':
          sum += view.getInt32(o, true) / 2147483648;
          break;
        case 'f32':
          sum += view.getFloat32(o, true);
          break;
        default:
          sum += view.getFloat64(o, true);
      }
    }
    mono[j - base] = sum / channels;
  }
}

/**
 * Output samples [from, to) at `ratio` input frames each, from `input` holding frames from `base`
 * on (of `frames` in all). Downsampling averages the frames each output covers (a box filter, which
 * keeps aliasing down well enough for speech); upsampling interpolates linearly.
 */
function resampleRange(input: Float32Array, base: number, frames: number, ratio: number, from: number, to: number, out: Float32Array): void {
  if (ratio > 1) {
    for (let i = from; i < to; i++) {
      const start = i * ratio;
      const end = Math.min(frames, start + ratio);
      let sum = 0;
      let count = 0;
      for (let j = Math.floor(start); j < end; j++, count++) sum += input[j - base]!;
      out[i] = count ? sum / count : 0;
    }
  } else {
    for (let i = from; i < to; i++) {
      const x = i * ratio;
      const j = Math.floor(x);
      const f = x - j;
      out[i] = input[j - base]! * (1 - f) + input[Math.min(j + 1, frames - 1) - base]! * f;
    }
  }
}
