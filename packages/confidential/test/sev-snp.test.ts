// SEV-SNP evidence checks (sev-snp.ts). AMD's own ARK and ASK certificates (pinned in amd-roots.ts)
// are checked as AMD signed them. No machine here has an SNP chip, so the reports are made in the
// test: a chain like AMD's (an RSA-PSS root and signing key, a P-384 VCEK) made with openssl, and
// reports laid out as the SNP ABI specifies, signed with that VCEK. Every check must refuse what it
// is there to refuse.
import { createHash, createPrivateKey, randomBytes, sign, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AMD_SEV_SNP_ROOTS,
  attestationOf,
  generateHostKey,
  kdsVcekUrl,
  parseSnpReport,
  reportDataOf,
  reportVerifier,
  verifyAttestation,
  verifySnpEvidence,
  type SnpRoots,
} from '../src/index.js';
import { opensslDir, refusal } from './support.js';

describe("AMD's pinned roots", () => {
  for (const generation of ['Milan', 'Genoa'] as const) {
    it(`${generation}: the ARK signs itself and the ASK, as AMD published them; a changed byte does not verify`, () => {
      const ark = new X509Certificate(AMD_SEV_SNP_ROOTS[generation].ark);
      const ask = new X509Certificate(AMD_SEV_SNP_ROOTS[generation].ask);
      expect(ark.subject).toContain(`CN=ARK-${generation}`);
      expect(ask.subject).toContain(`CN=SEV-${generation}`);
      expect(ark.verify(ark.publicKey)).toBe(true);
      expect(ask.verify(ark.publicKey)).toBe(true);
      const der = Buffer.from(ask.raw);
      der[der.length - 10]! ^= 1; // in the signature
      expect(new X509Certificate(der).verify(ark.publicKey)).toBe(false);
    });
  }
});

// ---- a chain like AMD's, and reports signed by its VCEK -----------------------------------------
const { ssl, read, remove } = opensslDir('cordon-snp-');
let roots: SnpRoots;
let vcekPem: string;
let vcekKey: ReturnType<typeof createPrivateKey>;
let otherVcekPem: string;

function makeChain(name: string) {
  const pss = ['-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:48', '-sha384'];
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-ark.key`, '-out', `${name}-ark.pem`, '-subj', `/CN=ARK-Test-${name}`, '-days', '3650', ...pss, '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-ask.key`, '-out', `${name}-ask.csr`, '-subj', `/CN=SEV-Test-${name}`);
  ssl('x509', '-req', '-in', `${name}-ask.csr`, '-CA', `${name}-ark.pem`, '-CAkey', `${name}-ark.key`, '-CAcreateserial', '-out', `${name}-ask.pem`, '-days', '3650', ...pss, '-extfile', '/dev/stdin');
  ssl('ecparam', '-name', 'secp384r1', '-genkey', '-noout', '-out', `${name}-vcek.key`);
  ssl('req', '-new', '-key', `${name}-vcek.key`, '-out', `${name}-vcek.csr`, '-subj', `/CN=SEV-VCEK-${name}`);
  ssl('x509', '-req', '-in', `${name}-vcek.csr`, '-CA', `${name}-ask.pem`, '-CAkey', `${name}-ask.key`, '-CAcreateserial', '-out', `${name}-vcek.pem`, '-days', '3650', ...pss);
  return { ark: read(`${name}-ark.pem`), ask: read(`${name}-ask.pem`), vcek: read(`${name}-vcek.pem`), vcekKey: createPrivateKey(read(`${name}-vcek.key`)) };
}

beforeAll(() => {
  const a = makeChain('a');
  const b = makeChain('b');
  roots = { Test: { ark: a.ark, ask: a.ask } };
  vcekPem = a.vcek;
  vcekKey = a.vcekKey;
  otherVcekPem = b.vcek;
});
afterAll(remove);

const MEASUREMENT = createHash('sha384').update('the guest image').digest();

/** A report laid out as the SNP ABI says, signed by `key` (R and S little-endian, 72 bytes each). */
function report(reportData: Uint8Array, o: { debug?: boolean; measurement?: Buffer; snpTcb?: number; key?: ReturnType<typeof createPrivateKey> } = {}): Buffer {
  const b = Buffer.alloc(0x4a0);
  b.writeUInt32LE(3, 0x00); // version
  b.writeBigUInt64LE((1n << 17n) | (1n << 16n) | (o.debug ? 1n << 19n : 0n), 0x08); // policy: reserved-1, SMT, debug
  b.writeUInt32LE(1, 0x34); // ECDSA P-384 with SHA-384
  Buffer.from(reportData).copy(b, 0x50);
  (o.measurement ?? MEASUREMENT).copy(b, 0x90);
  b.set([3, 0, 0, 0, 0, 0, o.snpTcb ?? 22, 213], 0x180); // reported TCB: bootloader, tee, ..., snp, microcode
  randomBytes(64).copy(b, 0x1a0); // chip id
  const sig = sign('sha384', b.subarray(0, 0x2a0), { key: o.key ?? vcekKey, dsaEncoding: 'ieee-p1363' });
  Buffer.from(sig.subarray(0, 48)).reverse().copy(b, 0x2a0);
  Buffer.from(sig.subarray(48)).reverse().copy(b, 0x2a0 + 72);
  return b;
}


describe('SEV-SNP reports', () => {
  const data = randomBytes(64);

  it('a report signed by a VCEK that chains to the roots, with the expected REPORT_DATA, holds', () => {
    const r = verifySnpEvidence({ report: report(data), vcek: vcekPem }, data, { measurements: [MEASUREMENT.toString('hex')], minimumTcb: { snp: 22, microcode: 200 } }, roots);
    expect(Buffer.from(r.reportData).equals(data)).toBe(true);
    expect(r.reportedTcb).toEqual({ bootloader: 3, tee: 0, snp: 22, microcode: 213 });
    expect(r.debugAllowed).toBe(false);
    expect(kdsVcekUrl(r, 'Milan')).toMatch(/^https:\/\/kdsintf\.amd\.com\/vcek\/v1\/Milan\/[0-9a-f]{128}\?blSPL=3&teeSPL=0&snpSPL=22&ucodeSPL=213$/);
  });

  it('refuses a changed report, another nonce, a VCEK of another chain or of no AMD chain, and what the policy does not allow', () => {
    const good = report(data);
    const changed = Buffer.from(good);
    changed[0x90]! ^= 1; // the measurement, after signing
    expect(refusal(() => verifySnpEvidence({ report: changed, vcek: vcekPem }, data, {}, roots))).toMatch(/signature/);
    expect(refusal(() => verifySnpEvidence({ report: good, vcek: vcekPem }, randomBytes(64), {}, roots))).toMatch(/REPORT_DATA/);
    expect(refusal(() => verifySnpEvidence({ report: good, vcek: otherVcekPem }, data, {}, roots))).toMatch(/not signed by AMD/);
    // the pinned AMD roots (the default) do not take a VCEK this test made
    expect(refusal(() => verifySnpEvidence({ report: good, vcek: vcekPem }, data))).toMatch(/not signed by AMD's Milan or Genoa/);
    expect(refusal(() => verifySnpEvidence({ report: report(data, { debug: true }), vcek: vcekPem }, data, {}, roots))).toMatch(/debugging/);
    expect(verifySnpEvidence({ report: report(data, { debug: true }), vcek: vcekPem }, data, { allowDebug: true }, roots).debugAllowed).toBe(true);
    expect(refusal(() => verifySnpEvidence({ report: good, vcek: vcekPem }, data, { measurements: ['00'.repeat(48)] }, roots))).toMatch(/measurement/);
    expect(refusal(() => verifySnpEvidence({ report: report(data, { snpTcb: 8 }), vcek: vcekPem }, data, { minimumTcb: { snp: 10 } }, roots))).toMatch(/snp level 8 is below 10/);
    expect(refusal(() => parseSnpReport(good.subarray(0, 100)))).toMatch(/1184 bytes/);
  });

  it('through verifyAttestation: sev-snp evidence for the host key and nonce holds; the same report for another key does not; tdx is refused', async () => {
    const host = await generateHostKey();
    const nonce = randomBytes(32);
    const bound = report(reportDataOf(host.publicKey, nonce));
    const verifyReport = reportVerifier({ snp: { vcekFor: async () => vcekPem, roots } });
    const att = attestationOf(host, nonce, { type: 'sev-snp', report: bound });
    expect((await verifyAttestation(att, nonce, { verifyReport })).keyId).toBe(host.keyId);
    // a gateway that swaps in its own key: report_data recomputed for it, but the signed report is the host's
    const other = await generateHostKey();
    const swapped = attestationOf(other, nonce, { type: 'sev-snp', report: bound });
    await expect(verifyAttestation(swapped, nonce, { verifyReport })).rejects.toMatchObject({ code: 'evidence_invalid' });
    await expect(verifyAttestation(attestationOf(host, nonce, { type: 'tdx', report: randomBytes(100) }), nonce, { verifyReport })).rejects.toMatchObject({ code: 'evidence_not_attested' });
  });
});
