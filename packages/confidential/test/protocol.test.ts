// The confidential-inference protocol (docs/confidential.md) end to end in one process: a client
// seals, a host opens and answers, the client opens the answer; and every tampering the protocol
// promises to catch is caught, with its own error code.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfidentialError,
  ReplayGuard,
  attestationOf,
  canonicalJson,
  generateHostKey,
  openRequest,
  sealRequest,
  splitSealedPath,
  verifyAttestation,
  type HostKey,
} from '../src/index.js';

const CANARY = 'canary-7f3a9c sensitive prompt text';
const chat = { model: 'cordon-demo', stream: true, max_tokens: 64, temperature: 0.2, messages: [{ role: 'user', content: CANARY }], tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }] };

let host: HostKey;
beforeAll(async () => {
  host = await generateHostKey();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfidentialError);
  return (err as ConfidentialError).code;
}

/** A JSON copy with one base64url field's bit flipped. */
function flip(b64u: string, bit = 77): string {
  const b = Buffer.from(b64u, 'base64url');
  b[Math.floor(bit / 8) % b.length]! ^= 1 << bit % 8;
  return b.toString('base64url');
}

describe('a request', () => {
  it('seals every field outside the clear list; only the host opens it, whole', async () => {
    const sealed = await sealRequest(host, '/chat/completions', chat);
    const wire = JSON.stringify(sealed.body);
    expect(wire).not.toContain('canary');
    expect(wire).not.toContain('messages');
    expect(wire).not.toContain('tools');
    expect(Object.keys(sealed.body).sort()).toEqual(['cordon_encrypted', 'max_tokens', 'model', 'stream', 'temperature']);
    const opened = await openRequest(host, '/chat/completions', JSON.parse(wire), new ReplayGuard());
    expect(opened.body).toEqual(chat);
  });

  it('does not open for another host key, another operation, a flipped bit, or a changed clear field', async () => {
    const other = await generateHostKey();
    const sealed = await sealRequest(host, '/chat/completions', chat);
    const body = () => structuredClone(sealed.body) as Record<string, any>;
    expect(await codeOf(openRequest(other, '/chat/completions', body(), new ReplayGuard()))).toBe('unknown_key');
    // the same key id but another key: the KEM does not decapsulate to the same secret
    expect(await codeOf(openRequest({ ...other, keyId: host.keyId }, '/chat/completions', body(), new ReplayGuard()))).toBe('decryption_failed');
    expect(await codeOf(openRequest(host, '/completions', body(), new ReplayGuard()))).toBe('decryption_failed');
    const flipped = body();
    flipped.cordon_encrypted.ciphertext = flip(flipped.cordon_encrypted.ciphertext);
    expect(await codeOf(openRequest(host, '/chat/completions', flipped, new ReplayGuard()))).toBe('decryption_failed');
    const encFlipped = body();
    encFlipped.cordon_encrypted.enc = flip(encFlipped.cordon_encrypted.enc, 9000);
    expect(await codeOf(openRequest(host, '/chat/completions', encFlipped, new ReplayGuard()))).toBe('decryption_failed');
    const raised = body();
    raised.max_tokens = 4096; // a gateway that tries to spend more of the client's money
    expect(await codeOf(openRequest(host, '/chat/completions', raised, new ReplayGuard()))).toBe('decryption_failed');
    const added = body();
    added.messages = [{ role: 'user', content: 'injected' }]; // a sealed field sent in clear
    expect(await codeOf(openRequest(host, '/chat/completions', added, new ReplayGuard()))).toBe('invalid_envelope');
    // and the original still opens
    expect((await openRequest(host, '/chat/completions', body(), new ReplayGuard())).body).toEqual(chat);
  });

  it('is refused when replayed, or when its time is out of the window', async () => {
    const guard = new ReplayGuard(60_000);
    const sealed = await sealRequest(host, '/embeddings', { model: 'm', input: CANARY });
    await openRequest(host, '/embeddings', sealed.body, guard);
    expect(await codeOf(openRequest(host, '/embeddings', sealed.body, guard))).toBe('replayed_request');
    const old = await sealRequest(host, '/embeddings', { model: 'm', input: 'x' }, Date.now() - 61_000);
    expect(await codeOf(openRequest(host, '/embeddings', old.body, guard))).toBe('stale_request');
    const future = await sealRequest(host, '/embeddings', { model: 'm', input: 'x' }, Date.now() + 61_000);
    expect(await codeOf(openRequest(host, '/embeddings', future.body, guard))).toBe('stale_request');
    // entries leave the window: the guard stays bounded
    const later = Date.now() + 120_000;
    const fresh = await sealRequest(host, '/embeddings', { model: 'm', input: 'y' }, later);
    await openRequest(host, '/embeddings', fresh.body, guard, later);
    expect(guard.size).toBe(1);
  });

  it('a full replay window refuses new requests rather than forgetting old ones', async () => {
    const guard = new ReplayGuard(60_000, 2);
    for (let i = 0; i < 2; i++) await openRequest(host, '/completions', (await sealRequest(host, '/completions', { model: 'm', prompt: `p${i}` })).body, guard);
    expect(await codeOf(openRequest(host, '/completions', (await sealRequest(host, '/completions', { model: 'm', prompt: 'p2' })).body, guard))).toBe('replay_window_full');
  });
});

describe('an answer', () => {
  async function pair(op: '/chat/completions' | '/completions' = '/chat/completions') {
    const sealed = await sealRequest(host, op, op === '/completions' ? { model: 'm', prompt: CANARY, stream: true } : chat);
    const opened = await openRequest(host, op, sealed.body, new ReplayGuard());
    return { client: sealed.answer, host: opened.answer };
  }

  it('a JSON answer opens only for the client of that request; usage stays in clear', async () => {
    const { client, host: sealer } = await pair();
    const answer = { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: `echo ${CANARY}` }, finish_reason: 'stop' }] };
    const usage = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };
    const wire = await sealer.sealJson(answer, usage);
    expect(JSON.stringify(wire)).not.toContain('canary');
    expect(wire.usage).toEqual(usage);
    expect(await client.openJson(JSON.parse(JSON.stringify(wire)))).toEqual(answer);
    const other = await pair();
    expect(await codeOf(other.client.openJson(wire))).toBe('answer_tampered');
    const flipped = structuredClone(wire);
    flipped.cordon_encrypted.ciphertext = flip(flipped.cordon_encrypted.ciphertext, 3);
    expect(await codeOf(client.openJson(flipped))).toBe('answer_tampered');
  });

  it('a stream opens chunk by chunk and ends with its final chunk', async () => {
    const { client, host: sealer } = await pair();
    const events = ['{"a":1}', `{"text":"${CANARY}"}`, '{"usage":1}'];
    const wire = [await sealer.sealChunk(events[0]!), await sealer.sealChunk(events[1]!), await sealer.sealChunk(events[2]!, { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }), await sealer.sealEnd()];
    expect(JSON.stringify(wire)).not.toContain('canary');
    const out: string[] = [];
    for (const w of wire) {
      const data = await client.openChunk(JSON.parse(JSON.stringify(w)));
      if (data !== null) out.push(data);
    }
    client.finish();
    expect(out).toEqual(events);
  });

  it('a dropped, repeated, reordered, flipped or falsely final chunk, and a cut stream, are each refused', async () => {
    const make = async () => {
      const p = await pair();
      const wire = [await p.host.sealChunk('{"n":0}'), await p.host.sealChunk('{"n":1}'), await p.host.sealChunk('{"n":2}'), await p.host.sealEnd()];
      return { client: p.client, wire };
    };
    let s = await make();
    await s.client.openChunk(s.wire[0]);
    expect(await codeOf(s.client.openChunk(s.wire[2]))).toBe('chunk_out_of_order'); // dropped
    s = await make();
    await s.client.openChunk(s.wire[0]);
    expect(await codeOf(s.client.openChunk(s.wire[0]))).toBe('chunk_out_of_order'); // repeated
    s = await make();
    const swapped = structuredClone(s.wire[1]!);
    swapped.cordon_encrypted.seq = 0; // chunk 1 relabelled as 0
    expect(await codeOf(s.client.openChunk(swapped))).toBe('answer_tampered');
    s = await make();
    const flipped = structuredClone(s.wire[0]!);
    flipped.cordon_encrypted.ciphertext = flip(flipped.cordon_encrypted.ciphertext, 1);
    expect(await codeOf(s.client.openChunk(flipped))).toBe('answer_tampered');
    s = await make();
    await s.client.openChunk(s.wire[0]);
    const falseEnd = structuredClone(s.wire[1]!);
    falseEnd.cordon_encrypted.final = true; // a gateway that ends the answer early
    expect(await codeOf(s.client.openChunk(falseEnd))).toBe('answer_tampered');
    s = await make();
    for (const w of s.wire.slice(0, 3)) await s.client.openChunk(w);
    expect(() => s.client.finish()).toThrow(ConfidentialError); // cut before the final chunk
    try {
      s.client.finish();
    } catch (e) {
      expect((e as ConfidentialError).code).toBe('truncated_stream');
    }
    await s.client.openChunk(s.wire[3]);
    expect(() => s.client.finish()).not.toThrow();
    expect(await codeOf(s.client.openChunk(s.wire[3]))).toBe('chunk_out_of_order'); // nothing after the end
  });
});

describe('evidence', () => {
  it("binds the host key to the client's nonce; 'none' is refused unless allowed", async () => {
    const nonce = randomBytes(32);
    const att = attestationOf(host, nonce);
    expect(await codeOf(verifyAttestation(att, nonce))).toBe('evidence_not_attested');
    const ok = await verifyAttestation(JSON.parse(JSON.stringify(att)), nonce, { allowInsecureNone: true });
    expect(ok.keyId).toBe(host.keyId);
    expect(Buffer.from(ok.publicKey).equals(Buffer.from(host.publicKey))).toBe(true);
    // and a request sealed to the verified key opens on the host
    const sealed = await sealRequest(ok, '/completions', { model: 'm', prompt: CANARY });
    expect((await openRequest(host, '/completions', sealed.body, new ReplayGuard())).body.prompt).toBe(CANARY);
  });

  it('evidence for another key, another nonce, or a forged key id is refused', async () => {
    const nonce = randomBytes(32);
    const other = await generateHostKey();
    // a gateway that swaps in its own key but keeps the host's report_data
    const swapped = { ...attestationOf(host, nonce), public_key: attestationOf(other, nonce).public_key, key_id: other.keyId };
    expect(await codeOf(verifyAttestation(swapped, nonce, { allowInsecureNone: true }))).toBe('evidence_invalid');
    expect(await codeOf(verifyAttestation(attestationOf(host, randomBytes(32)), nonce, { allowInsecureNone: true }))).toBe('evidence_invalid');
    expect(await codeOf(verifyAttestation({ ...attestationOf(host, nonce), key_id: other.keyId }, nonce, { allowInsecureNone: true }))).toBe('evidence_invalid');
    expect(await codeOf(verifyAttestation({ ...attestationOf(host, nonce), suite: { kem: 'X25519', kdf: 'HKDF-SHA256', aead: 'AES-256-GCM' } }, nonce, { allowInsecureNone: true }))).toBe('evidence_invalid');
  });

  it('hardware evidence is checked by the verifier given, and refused without one', async () => {
    const nonce = randomBytes(32);
    const att = attestationOf(host, nonce, { type: 'sev-snp', report: randomBytes(1184) });
    expect(await codeOf(verifyAttestation(att, nonce))).toBe('evidence_not_attested');
    let seen: Uint8Array | null = null;
    await verifyAttestation(att, nonce, { verifyReport: (_t, _r, reportData) => void (seen = reportData) });
    expect(Buffer.from(seen!).toString('hex')).toBe(att.evidence.report_data);
  });
});

it('canonical JSON sorts keys at every depth and drops undefined', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
});

describe('the sealed operations, by path', () => {
  it('splits a path into its base and the operation it ends with; chat before completions', () => {
    expect(splitSealedPath('/v1/chat/completions')).toEqual({ base: '/v1', op: '/chat/completions' });
    expect(splitSealedPath('/v1/completions')).toEqual({ base: '/v1', op: '/completions' });
    expect(splitSealedPath('/proxy/team-a/v1/embeddings')).toEqual({ base: '/proxy/team-a/v1', op: '/embeddings' });
    expect(splitSealedPath('/v1/responses')).toBeNull(); // no host opens it sealed yet
    expect(splitSealedPath('/v1/models')).toBeNull();
    expect(splitSealedPath('/v1/embeddings/x')).toBeNull();
  });
});
