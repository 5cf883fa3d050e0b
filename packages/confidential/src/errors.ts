/**
 * Every refusal of the protocol, with the OpenAI-style error code the engine host answers with (in
 * clear: none of them carries request text) and the HTTP status it goes with.
 */
export type ConfidentialErrorCode =
  | 'invalid_envelope'
  | 'unknown_key'
  | 'decryption_failed'
  | 'stale_request'
  | 'replayed_request'
  | 'replay_window_full'
  | 'invalid_encrypted_answer'
  | 'answer_tampered'
  | 'chunk_out_of_order'
  | 'truncated_stream'
  | 'evidence_invalid'
  | 'evidence_not_attested';

const STATUS: Record<ConfidentialErrorCode, number> = {
  invalid_envelope: 400,
  unknown_key: 409,
  decryption_failed: 400,
  stale_request: 400,
  replayed_request: 409,
  replay_window_full: 503,
  invalid_encrypted_answer: 502,
  answer_tampered: 502,
  chunk_out_of_order: 502,
  truncated_stream: 502,
  evidence_invalid: 502,
  evidence_not_attested: 502,
};

export class ConfidentialError extends Error {
  readonly status: number;
  constructor(
    readonly code: ConfidentialErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConfidentialError';
    this.status = STATUS[code];
  }
}
