/**
 * Intel TDX evidence (docs/confidential.md, 1): a version 4 ECDSA quote (Intel TDX DCAP Quoting
 * Library API, "Quote Format"): a 48-byte header, the 584-byte TD quote body, then the signature
 * data: the quote's ECDSA P-256 signature, the attestation key, and certification data of type 6
 * (the Quoting Enclave's report, its signature by the PCK key, the QE authentication data, and the
 * PCK certificate chain, type 5). What is checked, in order:
 *
 *  1. the PCK chain ends in Intel's SGX Root CA, pinned (intel-roots.ts); each certificate is signed
 *     by the next;
 *  2. the QE report is signed by the PCK leaf key, and binds the attestation key: its REPORTDATA
 *     starts with SHA-256(attestation key || QE authentication data);
 *  3. the quote (header and body) is signed by the attestation key;
 *  4. the TD's REPORTDATA (body 0x208, 64 bytes) is what the caller expects;
 *  5. the policy: no debug TD (TDATTRIBUTES bit 0) unless allowed, MRTD one of those allowed, the
 *     TEE_TCB_SVN at least the minimum given.
 *
 * Not checked here: the TCB level against Intel's TCB info and QE identity (Intel PCS), the CRLs.
 */
import { createHash, createPublicKey, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import { ConfidentialError } from './errors.js';
import { INTEL_SGX_ROOT_CA } from './intel-roots.js';

const HEADER = 48;
const BODY = 584;
const SIGNED = HEADER + BODY;
const QE_REPORT = 384;
const TEE_TDX = 0x81;

export interface TdQuote {
  version: number;
  teeTcbSvn: Uint8Array;
  mrSeam: Uint8Array;
  tdAttributes: bigint;
  /** TDATTRIBUTES bit 0: the TD may be debugged. */
  debug: boolean;
  mrTd: Uint8Array;
  rtmrs: Uint8Array[];
  reportData: Uint8Array;
  /** What the checks need (the signed part, the signatures, the keys, the chain). */
  signed: Buffer;
  signature: Buffer;
  attestationKey: Buffer;
  qeReport: Buffer;
  qeReportSignature: Buffer;
  qeAuthData: Buffer;
  pckChain: string;
}

const refuse = (why: string) => new ConfidentialError('evidence_invalid', `The TDX evidence does not hold: ${why}.`);

/** Reads a quote's fields and sections (its layout checked; no signature yet). */
export function parseTdQuote(bytes: Uint8Array): TdQuote {
  const b = Buffer.from(bytes);
  const need = (end: number, what: string) => {
    if (b.length < end) throw refuse(`the quote ends inside its ${what}`);
  };
  need(SIGNED + 4, 'body');
  const version = b.readUInt16LE(0);
  if (version !== 4) throw refuse(`quote version ${version}, not 4`);
  if (b.readUInt16LE(2) !== 2) throw refuse('the attestation key is not ECDSA P-256');
  if (b.readUInt32LE(4) !== TEE_TDX) throw refuse('not a TDX quote');
  const body = (at: number, n: number) => new Uint8Array(b.subarray(HEADER + at, HEADER + at + n));
  const tdAttributes = b.readBigUInt64LE(HEADER + 120);
  const sigLen = b.readUInt32LE(SIGNED);
  const sig = SIGNED + 4;
  need(sig + sigLen, 'signature data');
  need(sig + 128 + 6, 'certification data');
  const certType = b.readUInt16LE(sig + 128);
  if (certType !== 6) throw refuse(`certification data of type ${certType}, not the QE report's (6)`);
  let at = sig + 128 + 6;
  need(at + QE_REPORT + 64 + 2, 'QE report');
  const qeReport = b.subarray(at, at + QE_REPORT);
  const qeReportSignature = b.subarray(at + QE_REPORT, at + QE_REPORT + 64);
  at += QE_REPORT + 64;
  const authLen = b.readUInt16LE(at);
  need(at + 2 + authLen + 6, 'QE authentication data');
  const qeAuthData = b.subarray(at + 2, at + 2 + authLen);
  at += 2 + authLen;
  const chainType = b.readUInt16LE(at);
  const chainLen = b.readUInt32LE(at + 2);
  if (chainType !== 5) throw refuse(`inner certification data of type ${chainType}, not a PCK chain (5)`);
  need(at + 6 + chainLen, 'PCK chain');
  return {
    version,
    teeTcbSvn: body(0, 16),
    mrSeam: body(16, 48),
    tdAttributes,
    debug: (tdAttributes & 1n) !== 0n,
    mrTd: body(136, 48),
    rtmrs: [0, 1, 2, 3].map((i) => body(328 + 48 * i, 48)),
    reportData: body(520, 64),
    signed: b.subarray(0, SIGNED),
    signature: b.subarray(sig, sig + 64),
    attestationKey: b.subarray(sig + 64, sig + 128),
    qeReport,
    qeReportSignature,
    qeAuthData,
    pckChain: b.subarray(at + 6, at + 6 + chainLen).toString('latin1').replace(/\0+$/, ''),
  };
}

/** A raw P-256 point (x || y, 64 bytes) as a public key. */
function p256Key(raw: Buffer) {
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(0, 32).toString('base64url'), y: raw.subarray(32, 64).toString('base64url') }, format: 'jwk' });
}

export interface TdxPolicy {
  /** MRTD values (hex) the TD may have; none given: any. */
  mrTds?: readonly string[];
  /** Accept a TD that may be debugged. Default false. */
  allowDebug?: boolean;
  /** The lowest TEE_TCB_SVN accepted (16 bytes, hex), compared component by component. */
  minimumTeeTcbSvn?: string;
}

function checkChain(pem: string, root: string): X509Certificate {
  const certs = (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((c) => new X509Certificate(c));
  if (certs.length < 2) throw refuse('the PCK chain has fewer than two certificates');
  const pinned = new X509Certificate(root);
  const top = certs[certs.length - 1]!;
  if (!Buffer.from(top.raw).equals(Buffer.from(pinned.raw))) throw refuse("the PCK chain does not end in Intel's SGX Root CA");
  if (!pinned.verify(pinned.publicKey)) throw refuse('the pinned root does not verify');
  for (let i = 0; i < certs.length - 1; i++) {
    if (!certs[i]!.verify(certs[i + 1]!.publicKey)) throw refuse(`PCK chain certificate ${i} is not signed by the next`);
  }
  return certs[0]!;
}

/**
 * Checks a TDX quote against the expected REPORTDATA and a policy; throws a ConfidentialError
 * (`evidence_invalid`) naming the first check that failed; returns the parsed quote.
 */
export function verifyTdxQuote(bytes: Uint8Array, expectedReportData: Uint8Array, policy: TdxPolicy = {}, root: string = INTEL_SGX_ROOT_CA): TdQuote {
  const q = parseTdQuote(bytes);
  const pck = checkChain(q.pckChain, root);
  if (!verify('sha256', q.qeReport, { key: pck.publicKey, dsaEncoding: 'ieee-p1363' }, q.qeReportSignature)) throw refuse('the QE report is not signed by the PCK key');
  const binding = createHash('sha256').update(q.attestationKey).update(q.qeAuthData).digest();
  const qeReportData = q.qeReport.subarray(320, 384);
  if (!timingSafeEqual(qeReportData.subarray(0, 32), binding) || qeReportData.subarray(32).some((x) => x !== 0)) {
    throw refuse('the QE report does not vouch for the attestation key');
  }
  if (!verify('sha256', q.signed, { key: p256Key(q.attestationKey), dsaEncoding: 'ieee-p1363' }, q.signature)) throw refuse('the quote is not signed by the attestation key');
  if (expectedReportData.length !== 64 || !timingSafeEqual(Buffer.from(q.reportData), Buffer.from(expectedReportData))) {
    throw refuse('REPORTDATA does not bind the host key to this nonce');
  }
  if (q.debug && !policy.allowDebug) throw refuse('the TD may be debugged');
  if (policy.mrTds && !policy.mrTds.map((m) => m.toLowerCase()).includes(Buffer.from(q.mrTd).toString('hex'))) throw refuse('MRTD is not one of those allowed');
  if (policy.minimumTeeTcbSvn !== undefined) {
    const min = Buffer.from(policy.minimumTeeTcbSvn, 'hex');
    const low = [...q.teeTcbSvn].findIndex((v, i) => v < (min[i] ?? 0));
    if (low !== -1) throw refuse(`TEE_TCB_SVN component ${low} is ${q.teeTcbSvn[low]}, below ${min[low]}`);
  }
  return q;
}
