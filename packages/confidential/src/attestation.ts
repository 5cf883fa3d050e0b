/**
 * Evidence that binds an engine host's public key to a client's nonce (docs/confidential.md, 1):
 * report_data = SHA-512("cordon-attestation-v1" || 0x00 || public_key || nonce), 64 bytes, which
 * the SEV-SNP or TDX hardware signs inside its report. Off a TEE the evidence is of type `none`,
 * which binds the key to the nonce but proves nothing about the machine: a client refuses it unless
 * told to accept it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { fromB64u, toB64u } from './base64url.js';
import { ConfidentialError } from './errors.js';
import { PROTOCOL_VERSION, SUITE, keyIdOf, type HostKey, type HostPublicKey } from './suite.js';

export type EvidenceType = 'none' | 'sev-snp' | 'tdx';

export interface Attestation {
  object: 'cordon.attestation';
  version: typeof PROTOCOL_VERSION;
  suite: typeof SUITE;
  key_id: string;
  public_key: string;
  nonce: string;
  evidence: { type: EvidenceType; report_data: string; report?: string };
}

export const NONCE_BYTES = 32;

export function reportDataOf(publicKey: Uint8Array, nonce: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha512').update('cordon-attestation-v1').update(new Uint8Array([0])).update(publicKey).update(nonce).digest());
}

/** The host's answer to GET /v1/attestation when it has no TEE to ask (or with a report it got from one). */
export function attestationOf(key: HostKey, nonce: Uint8Array, evidence: { type: EvidenceType; report?: Uint8Array } = { type: 'none' }): Attestation {
  return {
    object: 'cordon.attestation',
    version: PROTOCOL_VERSION,
    suite: SUITE,
    key_id: key.keyId,
    public_key: toB64u(key.publicKey),
    nonce: toB64u(nonce),
    evidence: { type: evidence.type, report_data: Buffer.from(reportDataOf(key.publicKey, nonce)).toString('hex'), ...(evidence.report ? { report: toB64u(evidence.report) } : {}) },
  };
}

export interface VerifyOptions {
  /** Accept `none` evidence (no TEE: development only). Default false. */
  allowInsecureNone?: boolean;
  /**
   * Checks a hardware report (signature chain, that its REPORT_DATA is `reportData`, the policy):
   * throws when it does not hold. Without it, `sev-snp` and `tdx` evidence is refused.
   */
  verifyReport?: (type: 'sev-snp' | 'tdx', report: Uint8Array, reportData: Uint8Array) => void | Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalid = (why: string) => new ConfidentialError('evidence_invalid', `The engine host's evidence does not hold: ${why}.`);

/** The host key the evidence vouches for, once every check passed. */
export async function verifyAttestation(att: unknown, nonce: Uint8Array, opts: VerifyOptions = {}): Promise<HostPublicKey & { type: EvidenceType }> {
  if (!isRecord(att) || att.object !== 'cordon.attestation' || att.version !== PROTOCOL_VERSION) throw invalid('not an attestation of this protocol version');
  const suite = isRecord(att.suite) ? att.suite : {};
  if (suite.kem !== SUITE.kem || suite.kdf !== SUITE.kdf || suite.aead !== SUITE.aead) throw invalid('another cipher suite');
  const publicKey = fromB64u(att.public_key);
  if (!publicKey || publicKey.length !== 1216) throw invalid('no X-Wing public key');
  const keyId = keyIdOf(publicKey);
  if (att.key_id !== keyId) throw invalid('key_id is not the hash of public_key');
  const echoed = fromB64u(att.nonce);
  if (!echoed || echoed.length !== nonce.length || !timingSafeEqual(echoed, nonce)) throw invalid('it answers another nonce (a replayed answer)');
  const ev = isRecord(att.evidence) ? att.evidence : {};
  const expected = reportDataOf(publicKey, nonce);
  const given = typeof ev.report_data === 'string' && /^[0-9a-f]{128}$/.test(ev.report_data) ? Buffer.from(ev.report_data, 'hex') : null;
  if (!given || !timingSafeEqual(given, expected)) throw invalid('report_data does not bind this key to this nonce');
  if (ev.type === 'none') {
    if (!opts.allowInsecureNone) throw new ConfidentialError('evidence_not_attested', "The engine host offers no hardware evidence (type 'none'); refused unless allowInsecureNone is set.");
    return { publicKey, keyId, type: 'none' };
  }
  if (ev.type !== 'sev-snp' && ev.type !== 'tdx') throw invalid('unknown evidence type');
  const report = fromB64u(ev.report);
  if (!report) throw invalid(`no ${ev.type} report`);
  if (!opts.verifyReport) throw new ConfidentialError('evidence_not_attested', `No verifier for ${ev.type} reports was given; refused.`);
  await opts.verifyReport(ev.type, report, expected);
  return { publicKey, keyId, type: ev.type };
}
