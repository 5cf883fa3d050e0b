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
