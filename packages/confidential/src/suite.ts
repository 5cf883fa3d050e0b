/**
 * The one HPKE suite (RFC 9180, base mode): KEM X-Wing (ML-KEM-768 + X25519), HKDF-SHA256,
 * AES-256-GCM; and the engine host's key pair, made per process and kept in memory only.
 */
import { createHash } from 'node:crypto';
import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { XWing } from '@hpke/hybridkem-x-wing';

export const SUITE = { kem: 'X-Wing', kdf: 'HKDF-SHA256', aead: 'AES-256-GCM' } as const;
export const PROTOCOL_VERSION = 1 as const;

export const suite = new CipherSuite({ kem: new XWing(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

/** An engine host's key pair: `keyId` is the lowercase hex SHA-256 of the serialized public key. */
export interface HostKey {
  keyPair: CryptoKeyPair;
  publicKey: Uint8Array;
  keyId: string;
}

/** What a client needs of a host's key (from verified evidence). */
export interface HostPublicKey {
  publicKey: Uint8Array;
  keyId: string;
}

export const keyIdOf = (publicKey: Uint8Array): string => createHash('sha256').update(publicKey).digest('hex');

export async function generateHostKey(): Promise<HostKey> {
  const keyPair = await suite.kem.generateKeyPair();
  const publicKey = new Uint8Array(await suite.kem.serializePublicKey(keyPair.publicKey));
  return { keyPair, publicKey, keyId: keyIdOf(publicKey) };
}

export const utf8 = (s: string): Uint8Array<ArrayBuffer> => new Uint8Array(new TextEncoder().encode(s));
