/**
 * An engine host's configuration: the part of the gateway's Config that the inference handlers and
 * the local engines read. The gateway's supervisor passes its own as JSON in
 * CORDON_ENGINE_HOST_CONFIG; a host started alone (on a GPU machine) reads the CORDON_* variables
 * as `cordon serve` does.
 */
import { loadConfig, type Config } from '../config.js';

const HOST_CONFIG_KEYS = [
  'llama',
  'audio',
  'ffmpeg',
  'requestCaps',
  'bodyLimit',
  'fileLimit',
  'multipart',
  'streams',
  'logLevel',
  'validateResponses',
  'requestTimeoutMs',
  'shutdownTimeoutMs',
  'idleCollection',
] as const;

export type HostConfig = Pick<Config, (typeof HOST_CONFIG_KEYS)[number]>;

export const HOST_CONFIG_ENV = 'CORDON_ENGINE_HOST_CONFIG';

/** The host's subset of a gateway's config (what the supervisor sends). */
export function hostConfigOf(config: Config): HostConfig {
  const { llama, audio, ffmpeg, requestCaps, bodyLimit, fileLimit, multipart, streams, logLevel, validateResponses, requestTimeoutMs, shutdownTimeoutMs, idleCollection } = config;
  return { llama, audio, ffmpeg, requestCaps, bodyLimit, fileLimit, multipart, streams, logLevel, validateResponses, requestTimeoutMs, shutdownTimeoutMs, idleCollection };
}

/** CORDON_ENGINE_HOST_CONFIG when set (every key required), else the CORDON_* variables. */
export function loadHostConfig(env: NodeJS.ProcessEnv = process.env): HostConfig {
  const raw = env[HOST_CONFIG_ENV];
  if (raw === undefined || raw === '') return hostConfigOf(loadConfig(env));
  // The supervisor writes it from its own Config (hostConfigOf): its shape is checked, not each value.
  let config: HostConfig;
  try {
    config = JSON.parse(raw);
  } catch {
    throw new Error(`${HOST_CONFIG_ENV} is not valid JSON`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error(`${HOST_CONFIG_ENV} must be a JSON object`);
  const missing = HOST_CONFIG_KEYS.filter((k) => config[k] === undefined);
  if (missing.length > 0) throw new Error(`${HOST_CONFIG_ENV} lacks ${missing.join(', ')}`);
  return config;
}
