/**
 * What an upstream target may reach: which environment variables `api_key_env` may name (the
 * gateway sends that variable's value upstream as a bearer token) and which hosts `base_url` may
 * point at. Checked when a model is registered or updated (400 naming the field) and again when
 * an engine reads the settings for a call.
 *
 * `keyEnv` entries are names (`VLLM_KEY`) or prefixes ending in `*` (`CORDON_UPSTREAM_KEY_*`).
 * Whatever the list says, the gateway's own settings (`CORDON_*` other than
 * `CORDON_UPSTREAM_KEY_*`) are never allowed. `hosts` entries are `host` or `host:port`
 * (case-insensitive; IPv6 in brackets); an empty list allows any host.
 */
export interface UpstreamAccess {
  keyEnv: readonly string[];
  hosts: readonly string[];
}

export const KEY_ENV_PREFIX = 'CORDON_UPSTREAM_KEY_';
export const DEFAULT_UPSTREAM_ACCESS: UpstreamAccess = Object.freeze({ keyEnv: Object.freeze([`${KEY_ENV_PREFIX}*`]), hosts: Object.freeze([]) });

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A comma list (`a, b,,c`) as its trimmed, non-empty entries. */
export function commaList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** May `api_key_env` name this variable? */
export function keyEnvAllowed(name: string, access: UpstreamAccess = DEFAULT_UPSTREAM_ACCESS): boolean {
  if (!ENV_NAME.test(name)) return false;
  if (name.toUpperCase().startsWith('CORDON_') && !name.startsWith(KEY_ENV_PREFIX)) return false;
  return access.keyEnv.some((e) => (e.endsWith('*') ? name.startsWith(e.slice(0, -1)) : name === e));
}

/** May a target's base_url point at this URL's host (and port)? */
export function hostAllowed(url: URL, access: UpstreamAccess = DEFAULT_UPSTREAM_ACCESS): boolean {
  if (access.hosts.length === 0) return true;
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return access.hosts.some((h) => {
    const entry = h.toLowerCase();
    return entry === host || entry === `${host}:${port}`;
  });
}

/** Why a target is not allowed (a message naming the field, never a value of the environment), or null. */
export function targetAccessProblem(
  t: { base_url: string; api_key_env?: string },
  at: string,
  access: UpstreamAccess = DEFAULT_UPSTREAM_ACCESS,
): { message: string; param: string } | null {
  if (t.api_key_env !== undefined && !keyEnvAllowed(t.api_key_env, access)) {
    return {
      message: `'${at}.api_key_env' may only name an environment variable allowed by CORDON_UPSTREAM_KEY_ENV_ALLOW (by default, names starting with ${KEY_ENV_PREFIX}).`,
      param: `${at}.api_key_env`,
    };
  }
  let url: URL | null = null;
  try {
    url = new URL(t.base_url);
  } catch {
    url = null;
  }
  if (url && !hostAllowed(url, access)) {
    return { message: `'${at}.base_url' points at a host that CORDON_UPSTREAM_HOSTS does not allow.`, param: `${at}.base_url` };
  }
  return null;
}
