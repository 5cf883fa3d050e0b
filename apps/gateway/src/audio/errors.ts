/** The errors an upload gets when its audio is refused; each names `file`. */
import { ApiError } from '@cordon/server-kit';

export const notAudio = (why: string) => new ApiError(400, `The file is not valid audio: ${why}. Send WAV, or mp3, ogg, flac, m4a or webm.`, 'invalid_audio', 'file');

/** Valid audio outside a configured bound (sample rate, channels). */
export const outOfBounds = (what: string) => new ApiError(400, `The file's audio is refused: ${what}.`, 'invalid_value', 'file');

/**
 * Audio longer than the configured maximum, in OpenAI's words ("audio duration 1830.53 seconds is
 * longer than 1400 seconds which is the maximum for this model"). `seconds` is null when decoding
 * stopped at the bound, before the real length was known.
 */
export const tooLong = (seconds: number | null, max: number) =>
  new ApiError(400, `audio duration ${seconds === null ? '' : `${Math.round(seconds * 1000) / 1000} seconds `}is longer than ${max} seconds which is the maximum for this model`, 'invalid_value', 'file');

/** The shortest audio accepted, seconds, as OpenAI's transcriptions and translations refuse shorter. */
export const MIN_DURATION_SECONDS = 0.1;

/**
 * Audio shorter than that, in OpenAI's words and code. whisper.cpp's language detection fails on
 * audio without a frame, and its binding then never settled the call: every later request to that
 * model waited behind it (found by the contract fuzz: a WAV declaring 3 data bytes).
 */
export const tooShort = () =>
  new ApiError(400, `Audio file is too short. Minimum audio length is ${MIN_DURATION_SECONDS} seconds.`, 'audio_too_short', 'file');
