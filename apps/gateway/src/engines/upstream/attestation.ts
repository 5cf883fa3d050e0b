/**
 * GET {base_url}/attestation?model=&nonce=: the evidence of a Cordon engine host (its key for sealed
 * requests, docs/confidential.md), whether the gateway started it or it runs elsewhere and is
 * registered as an upstream. Read into the contract's shape; the client checks what it means.
 */
import type { Attestation } from '../types.js';
import { isRecord } from '../../records.js';
import { upstreamBroken } from './errors.js';
import type { CallRequest } from './request.js';

export function attestationRequest(modelId: string, nonce: string): CallRequest {
  return {
    method: 'GET',
    path: `/attestation?model=${encodeURIComponent(modelId)}&nonce=${encodeURIComponent(nonce)}`,
    headers: { accept: 'application/json' },
    body: () => null,
    stream: false,
    retryable: true,
  };
}

const str = (v: unknown): string => {
  if (typeof v !== 'string') throw upstreamBroken('unexpected attestation from the upstream', false);
  return v;
};

/** The host's attestation in the contract's shape (the client checks what it means). */
export function attestationOf(j: Record<string, unknown>): Attestation {
  const ev = isRecord(j.evidence) ? j.evidence : {};
  const type = ev.type === 'none' || ev.type === 'sev-snp' || ev.type === 'tdx' ? ev.type : null;
  const suite = isRecord(j.suite) ? j.suite : {};
  const known = suite.kem === 'X-Wing' && suite.kdf === 'HKDF-SHA256' && suite.aead === 'AES-256-GCM';
  if (j.object !== 'cordon.attestation' || j.version !== 1 || !type || !known) throw upstreamBroken('unexpected attestation from the upstream', false);
  return {
    object: 'cordon.attestation',
    version: 1,
    suite: { kem: 'X-Wing', kdf: 'HKDF-SHA256', aead: 'AES-256-GCM' },
    key_id: str(j.key_id),
    public_key: str(j.public_key),
    nonce: str(j.nonce),
    evidence: { type, report_data: str(ev.report_data), ...(typeof ev.report === 'string' ? { report: ev.report } : {}) },
  };
}

