// TDX evidence checks (tdx.ts). Intel's own SGX Root CA (pinned in intel-roots.ts) is checked as
// Intel signed it. No machine here has TDX, so the quotes are made in the test: a PCK chain like
// Intel's (P-256 root, intermediate and PCK leaf, made with openssl), a Quoting Enclave report
// signed by the PCK key and binding an attestation key, and a version 4 quote laid out as Intel's
// DCAP library specifies, signed by that attestation key. Every check must refuse what it is there
// to refuse.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEL_SGX_ROOT_CA, attestationOf, generateHostKey, reportDataOf, reportVerifier, verifyAttestation, verifyTdxQuote } from '../src/index.js';
import { opensslDir, refusal } from './support.js';

it("Intel's pinned SGX Root CA signs itself, as Intel published it", () => {
  const root = new X509Certificate(INTEL_SGX_ROOT_CA);
  expect(root.subject).toContain('CN=Intel SGX Root CA');
  expect(root.verify(root.publicKey)).toBe(true);
  expect(root.fingerprint256).toBe('44:A0:19:6B:2B:99:F8:89:B8:E1:49:E9:5B:80:7A:35:0E:74:24:96:43:99:E8:85:A7:CB:B8:CC:FA:B6:74:D3');
});

const { ssl, read, remove } = opensslDir('cordon-tdx-');
let chain: { root: string; pem: string; pckKey: KeyObject };
let otherChain: typeof chain;

function makeChain(name: string) {
  for (const c of ['root', 'inter', 'pck']) ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}-${c}.key`);
  ssl('req', '-x509', '-new', '-key', `${name}-root.key`, '-out', `${name}-root.pem`, '-subj', `/CN=Test SGX Root CA ${name}`, '-days', '3650', '-sha256');
  ssl('req', '-new', '-key', `${name}-inter.key`, '-out', `${name}-inter.csr`, '-subj', `/CN=Test SGX PCK Platform CA ${name}`);
  ssl('x509', '-req', '-in', `${name}-inter.csr`, '-CA', `${name}-root.pem`, '-CAkey', `${name}-root.key`, '-CAcreateserial', '-out', `${name}-inter.pem`, '-days', '3650', '-sha256');
  ssl('req', '-new', '-key', `${name}-pck.key`, '-out', `${name}-pck.csr`, '-subj', `/CN=Test SGX PCK Certificate ${name}`);
  ssl('x509', '-req', '-in', `${name}-pck.csr`, '-CA', `${name}-inter.pem`, '-CAkey', `${name}-inter.key`, '-CAcreateserial', '-out', `${name}-pck.pem`, '-days', '3650', '-sha256');
  return { root: read(`${name}-root.pem`), pem: read(`${name}-pck.pem`) + read(`${name}-inter.pem`) + read(`${name}-root.pem`), pckKey: createPrivateKey(read(`${name}-pck.key`)) };
}

beforeAll(() => {
  chain = makeChain('a');
  otherChain = makeChain('b');
});
afterAll(remove);

const MRTD = createHash('sha384').update('the TD image').digest();

/** A version 4 TDX quote as Intel's DCAP library lays it out, signed through `c`. */
function quote(reportData: Uint8Array, o: { debug?: boolean; c?: typeof chain; qeBindsKey?: boolean } = {}): Buffer {
  const c = o.c ?? chain;
  const header = Buffer.alloc(48);
  header.writeUInt16LE(4, 0); // version
  header.writeUInt16LE(2, 2); // ECDSA-256-with-P-256
  header.writeUInt32LE(0x81, 4); // TDX
  const body = Buffer.alloc(584);
  body.set([5, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0); // TEE_TCB_SVN
  body.writeBigUInt64LE(o.debug ? 1n : 0n, 120); // TDATTRIBUTES
  MRTD.copy(body, 136);
  Buffer.from(reportData).copy(body, 520);
  const att = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = att.publicKey.export({ format: 'jwk' });
  const attKey = Buffer.concat([Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  const qeAuth = randomBytes(32);
  const qeReport = Buffer.alloc(384);
  const bound = o.qeBindsKey === false ? randomBytes(32) : createHash('sha256').update(attKey).update(qeAuth).digest();
  bound.copy(qeReport, 320);
  const qeSig = sign('sha256', qeReport, { key: c.pckKey, dsaEncoding: 'ieee-p1363' });
  const pem = Buffer.from(c.pem, 'latin1');
  const inner = Buffer.alloc(6);
  inner.writeUInt16LE(5, 0);
  inner.writeUInt32LE(pem.length, 2);
  const authLen = Buffer.alloc(2);
  authLen.writeUInt16LE(qeAuth.length);
  const certData = Buffer.concat([qeReport, qeSig, authLen, qeAuth, inner, pem]);
  const outer = Buffer.alloc(6);
  outer.writeUInt16LE(6, 0);
  outer.writeUInt32LE(certData.length, 2);
  const signature = sign('sha256', Buffer.concat([header, body]), { key: att.privateKey, dsaEncoding: 'ieee-p1363' });
  const sigData = Buffer.concat([signature, attKey, outer, certData]);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(sigData.length);
  return Buffer.concat([header, body, len, sigData]);
}


describe('TDX quotes', () => {
  const data = randomBytes(64);

  it('a quote signed by an attestation key the QE vouches for, under a PCK chain to the root, holds', () => {
    const q = verifyTdxQuote(quote(data), data, { mrTds: [MRTD.toString('hex')] }, chain.root);
    expect(Buffer.from(q.reportData).equals(data)).toBe(true);
    expect(q.debug).toBe(false);
  });

  it('refuses a changed quote, another nonce, a QE that does not vouch for the key, another chain, no Intel root, and what the policy does not allow', () => {
    const good = quote(data);
    const changed = Buffer.from(good);
    changed[48 + 136]! ^= 1; // MRTD, after signing
    expect(refusal(() => verifyTdxQuote(changed, data, {}, chain.root))).toMatch(/not signed by the attestation key/);
    expect(refusal(() => verifyTdxQuote(good, randomBytes(64), {}, chain.root))).toMatch(/REPORTDATA/);
    expect(refusal(() => verifyTdxQuote(quote(data, { qeBindsKey: false }), data, {}, chain.root))).toMatch(/vouch for the attestation key/);
    expect(refusal(() => verifyTdxQuote(quote(data, { c: otherChain }), data, {}, chain.root))).toMatch(/does not end in Intel/);
    expect(refusal(() => verifyTdxQuote(good, data))).toMatch(/does not end in Intel/); // the pinned, real root
    expect(refusal(() => verifyTdxQuote(quote(data, { debug: true }), data, {}, chain.root))).toMatch(/debugged/);
    expect(verifyTdxQuote(quote(data, { debug: true }), data, { allowDebug: true }, chain.root).debug).toBe(true);
    expect(refusal(() => verifyTdxQuote(good, data, { mrTds: ['00'.repeat(48)] }, chain.root))).toMatch(/MRTD/);
    expect(verifyTdxQuote(good, data, { minimumTeeTcbSvn: '05000300000000000000000000000000' }, chain.root).teeTcbSvn[0]).toBe(5);
    expect(refusal(() => verifyTdxQuote(good, data, { minimumTeeTcbSvn: '05000400000000000000000000000000' }, chain.root))).toMatch(/component 2 is 3, below 4/);
    expect(refusal(() => verifyTdxQuote(good.subarray(0, 700), data, {}, chain.root))).toMatch(/ends inside/);
    // a QE report signed by a key other than the PCK leaf's
    const forged = Buffer.from(good);
    const qeSigAt = 48 + 584 + 4 + 128 + 6 + 384;
    forged[qeSigAt]! ^= 1;
    expect(refusal(() => verifyTdxQuote(forged, data, {}, chain.root))).toMatch(/QE report is not signed/);
  });

  it('through verifyAttestation: tdx evidence for the host key and nonce holds, for another key it does not', async () => {
    const host = await generateHostKey();
    const nonce = randomBytes(32);
    const bound = quote(reportDataOf(host.publicKey, nonce));
    const verifyReport = reportVerifier({ tdx: { root: chain.root } });
    expect((await verifyAttestation(attestationOf(host, nonce, { type: 'tdx', report: bound }), nonce, { verifyReport })).keyId).toBe(host.keyId);
    const other = await generateHostKey();
    await expect(verifyAttestation(attestationOf(other, nonce, { type: 'tdx', report: bound }), nonce, { verifyReport })).rejects.toMatchObject({ code: 'evidence_invalid' });
    // no verifier configured for a kind of evidence: refused
    await expect(verifyAttestation(attestationOf(host, nonce, { type: 'sev-snp', report: randomBytes(1184) }), nonce, { verifyReport })).rejects.toMatchObject({ code: 'evidence_not_attested' });
  });
});
