/**
 * AMD SEV-SNP evidence (docs/confidential.md, 1): an ATTESTATION_REPORT (SEV-SNP ABI specification,
 * 56860, table "ATTESTATION_REPORT Structure"; 1184 bytes) signed by the chip's VCEK, whose
 * certificate chains to AMD's ASK and ARK. What is checked, in order:
 *
 *  1. the chain: the ARK is one of AMD's, pinned (amd-roots.ts), never taken from the evidence; the
 *     ASK is signed by it, the VCEK by the ASK (RSASSA-PSS, checked by OpenSSL through node:crypto);
 *  2. the report's signature: ECDSA P-384 with SHA-384 over bytes 0x000-0x29F, by the VCEK's key
 *     (R and S stored little-endian in 72-byte fields at 0x2A0);
 *  3. REPORT_DATA (0x50, 64 bytes) is what the caller expects (the host key bound to its nonce);
 *  4. the policy: no debug guest (POLICY bit 19) unless allowed, the launch MEASUREMENT (0x90, 48
 *     bytes) one of those allowed, the REPORTED_TCB (0x180) at least the minimum given.
 *
 * Not checked here: the VCEK certificate's own TCB and hardware-id extensions against the report
 * (they would need an ASN.1 reader), and revocation (AMD's CRL).
 */
import { createPublicKey, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import { AMD_SEV_SNP_ROOTS, type SnpGeneration } from './amd-roots.js';
import { ConfidentialError } from './errors.js';

export const SNP_REPORT_BYTES = 0x4a0;
const SIGNED_BYTES = 0x2a0;

/** A TCB version (SEV-SNP ABI "TCB_VERSION": one security patch level per component). */
export interface SnpTcb {
  bootloader: number;
  tee: number;
  snp: number;
  microcode: number;
}

export interface SnpReport {
  version: number;
  guestSvn: number;
  policy: bigint;
  /** POLICY bit 19: the guest may be debugged (its memory read by the host). */
  debugAllowed: boolean;
  vmpl: number;
  signatureAlgo: number;
  currentTcb: SnpTcb;
  reportedTcb: SnpTcb;
  reportData: Uint8Array;
  measurement: Uint8Array;
  hostData: Uint8Array;
  chipId: Uint8Array;
}

const tcbOf = (b: Buffer, at: number): SnpTcb => ({ bootloader: b[at]!, tee: b[at + 1]!, snp: b[at + 6]!, microcode: b[at + 7]! });

const refuse = (why: string) => new ConfidentialError('evidence_invalid', `The SEV-SNP evidence does not hold: ${why}.`);

/** The fields of a report (its length and signature algorithm checked; nothing else yet). */
export function parseSnpReport(bytes: Uint8Array): SnpReport {
  if (bytes.length !== SNP_REPORT_BYTES) throw refuse(`a report is ${SNP_REPORT_BYTES} bytes, not ${bytes.length}`);
  const b = Buffer.from(bytes);
  const policy = b.readBigUInt64LE(0x08);
  const report: SnpReport = {
    version: b.readUInt32LE(0x00),
    guestSvn: b.readUInt32LE(0x04),
    policy,
    debugAllowed: (policy & (1n << 19n)) !== 0n,
    vmpl: b.readUInt32LE(0x30),
    signatureAlgo: b.readUInt32LE(0x34),
    currentTcb: tcbOf(b, 0x38),
    reportedTcb: tcbOf(b, 0x180),
    reportData: new Uint8Array(b.subarray(0x50, 0x90)),
    measurement: new Uint8Array(b.subarray(0x90, 0xc0)),
    hostData: new Uint8Array(b.subarray(0xc0, 0xe0)),
    chipId: new Uint8Array(b.subarray(0x1a0, 0x1e0)),
  };
  if (report.version < 2) throw refuse(`report version ${report.version} is older than the SNP ABI's 2`);
  if (report.signatureAlgo !== 1) throw refuse(`signature algorithm ${report.signatureAlgo} is not ECDSA P-384 with SHA-384 (1)`);
  return report;
}

/** The signature field (R then S, 72 bytes each, little-endian) as IEEE P1363 (R || S, 48 bytes each, big-endian). */
function p1363Of(b: Buffer): Buffer {
  const part = (at: number) => {
    const le = b.subarray(at, at + 72);
    if (le.subarray(48).some((x) => x !== 0)) throw refuse('the signature does not fit P-384');
    return Buffer.from(le.subarray(0, 48)).reverse();
  };
  return Buffer.concat([part(SIGNED_BYTES), part(SIGNED_BYTES + 72)]);
}

export interface SnpPolicy {
  /** Launch measurements (hex) the guest may have; none given: any. */
  measurements?: readonly string[];
  /** The lowest REPORTED_TCB accepted, component by component. */
  minimumTcb?: Partial<SnpTcb>;
  /** Accept a guest whose policy allows debugging. Default false. */
  allowDebug?: boolean;
}

export interface SnpEvidence {
  report: Uint8Array;
  /** The chip's VCEK certificate (PEM or DER), from AMD's KDS or the host's certificate table. */
  vcek: string | Uint8Array;
  /** Which AMD roots to chain to (default: any of the pinned generations). */
  generation?: SnpGeneration;
}

/** The pinned roots, or others (tests, or a new generation before it is pinned here). */
export type SnpRoots = Record<string, { ark: string; ask: string }>;

function chainedKey(vcekCert: X509Certificate, roots: SnpRoots, generation: string | undefined): void {
  const candidates = generation ? [generation] : Object.keys(roots);
  for (const g of candidates) {
    const r = roots[g];
    if (!r) continue;
    const ark = new X509Certificate(r.ark);
    const ask = new X509Certificate(r.ask);
    if (!ark.verify(ark.publicKey) || !ask.verify(ark.publicKey)) throw refuse(`the pinned ${g} roots do not verify`);
    if (vcekCert.checkIssued(ask) && vcekCert.verify(ask.publicKey)) return;
  }
  throw refuse(`the VCEK certificate is not signed by AMD's ${generation ?? Object.keys(roots).join(' or ')} signing key`);
}

/**
 * Checks SEV-SNP evidence against the expected REPORT_DATA and a policy; throws a ConfidentialError
 * (`evidence_invalid`) naming the first check that failed; returns the parsed report.
 */
export function verifySnpEvidence(evidence: SnpEvidence, expectedReportData: Uint8Array, policy: SnpPolicy = {}, roots: SnpRoots = AMD_SEV_SNP_ROOTS): SnpReport {
  const report = parseSnpReport(evidence.report);
  let vcekCert: X509Certificate;
  try {
    vcekCert = new X509Certificate(typeof evidence.vcek === 'string' ? evidence.vcek : Buffer.from(evidence.vcek));
  } catch {
    throw refuse('the VCEK certificate cannot be read');
  }
  chainedKey(vcekCert, roots, evidence.generation);
  const vcekKey = createPublicKey(vcekCert.publicKey.export({ type: 'spki', format: 'pem' }));
  if (vcekKey.asymmetricKeyDetails?.namedCurve !== 'secp384r1') throw refuse('the VCEK key is not on P-384');
  const signed = Buffer.from(evidence.report).subarray(0, SIGNED_BYTES);
  const signature = p1363Of(Buffer.from(evidence.report));
  if (!verify('sha384', signed, { key: vcekKey, dsaEncoding: 'ieee-p1363' }, signature)) throw refuse("the report's signature is not the VCEK's");
  if (expectedReportData.length !== 64 || !timingSafeEqual(Buffer.from(report.reportData), Buffer.from(expectedReportData))) {
    throw refuse('REPORT_DATA does not bind the host key to this nonce');
  }
  if (report.debugAllowed && !policy.allowDebug) throw refuse('the guest policy allows debugging');
  if (policy.measurements && !policy.measurements.map((m) => m.toLowerCase()).includes(Buffer.from(report.measurement).toString('hex'))) {
    throw refuse('the launch measurement is not one of those allowed');
  }
  for (const k of ['bootloader', 'tee', 'snp', 'microcode'] as const) {
    const min = policy.minimumTcb?.[k];
    const have = report.reportedTcb[k];
    if (min !== undefined && have < min) throw refuse(`the reported TCB's ${k} level ${have} is below ${min}`);
  }
  return report;
}

/**
 * Where AMD's Key Distribution Service serves the VCEK certificate of the chip and TCB a report
 * names (DER): https://kdsintf.amd.com/vcek/v1/{generation}/{chip id}?blSPL=&teeSPL=&snpSPL=&ucodeSPL=
 */
export function kdsVcekUrl(report: SnpReport, generation: SnpGeneration): string {
  const t = report.reportedTcb;
  return `https://kdsintf.amd.com/vcek/v1/${generation}/${Buffer.from(report.chipId).toString('hex')}?blSPL=${t.bootloader}&teeSPL=${t.tee}&snpSPL=${t.snp}&ucodeSPL=${t.microcode}`;
}
