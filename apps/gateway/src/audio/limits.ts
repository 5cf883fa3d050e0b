/** The bounds an upload's audio must keep (config.audio; see docs/security.md for the defaults). */
export interface AudioLimits {
  /** Longest audio accepted, seconds: decoding stops and the request gets a 400 past it. */
  maxDurationSeconds: number;
  /** Lowest sample rate accepted for WAV, Hz (compressed audio is bounded by its decoded length). */
  minSampleRate: number;
  /** Most channels accepted for WAV. */
  maxChannels: number;
}
