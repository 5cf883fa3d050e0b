#!/usr/bin/env node
/**
 * The `cordon` command. `cordon serve` runs the gateway; the other commands talk to a gateway (local
 * or remote) through the generated client, so they work the same against any deployment.
 *   --url  (CORDON_URL, else CORDON_HOST/CORDON_PORT as serve uses them: http://127.0.0.1:8080)   --key (CORDON_API_KEY, else <data dir>/admin.key)
 *   --json for machine-readable output.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createCordonClients,
  listDomains,
  createDomain,
  getDomain,
  updateDomain,
  listKeys,
  createKey,
  revokeKey,
  rotateKey,
  listRegistryModels,
  createRegistryModel,
  deleteRegistryModel,
  getUsage,
  type CordonClients,
} from '@cordon/client';
import { table, time } from './cli/output.js';
import { pullModel } from './cli/pull.js';

const HELP = `cordon: an OpenAI-compatible inference gateway

Usage:
  cordon serve                                   run the gateway (CORDON_* environment variables)
  cordon engine-host --listen unix:PATH|HOST:PORT|PORT [--models FILE]
                                                 serve embedded models alone ($CORDON_ENGINE_HOST_TOKEN)
  cordon domains list
  cordon domains create <id> [--name NAME]
  cordon domains get <id>
  cordon domains rename <id> <name>
  cordon domains disable|enable <id>
  cordon keys create --name NAME [--domain ID] [--role member|admin|superadmin] [--expires-in 30d]
  cordon keys list [--domain ID]
  cordon keys revoke <key-id>
  cordon keys rotate <key-id>
  cordon models list
  cordon models add <id> --file PATH.gguf [--capabilities chat,completions,embeddings] [--domains a,b]
  cordon models add <id> --engine whisper --file PATH.bin   (whisper.cpp ggml model: transcription)
  cordon models add <id> --engine openai-compatible|ollama --upstream URL --upstream-model NAME [--api-key-env CORDON_UPSTREAM_KEY_NAME]
  cordon models remove <id>
  cordon models pull <url> [--out PATH] [--sha256 HEX] [--register ID]
  cordon usage [--domain ID] [--since 30d]
  cordon seal chat/completions|completions|embeddings [--allow-insecure-none] < body.json
                                                 send a request end-to-end encrypted to the model's engine
                                                 host (docs/confidential.md); prints the opened answer
                                                 (a stream as its SSE lines)

Options:
  --url URL     the gateway (default $CORDON_URL, else http://$CORDON_HOST:$CORDON_PORT, i.e. http://127.0.0.1:8080)
  --key KEY     an API key (default $CORDON_API_KEY, else the superadmin key in <data dir>/admin.key)
  --json        print JSON instead of tables
`;

class CliError extends Error {}

/** The gateway on this host, as `cordon serve` would listen with the same CORDON_HOST and CORDON_PORT. */
function localUrl(): string {
  const host = process.env.CORDON_HOST || '127.0.0.1';
  const reach = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reach.includes(':') ? `[${reach}]` : reach}:${process.env.CORDON_PORT || '8080'}`;
}

function keyFrom(opt: string | undefined): string {
  if (opt) return opt;
  if (process.env.CORDON_API_KEY) return process.env.CORDON_API_KEY;
  if (process.env.CORDON_ADMIN_KEY) return process.env.CORDON_ADMIN_KEY;
  const file = join(resolve(process.env.CORDON_DATA_DIR || './data'), 'admin.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  throw new CliError('no API key: pass --key, set CORDON_API_KEY, or run on the gateway host (it reads <data dir>/admin.key)');
}

function parseDuration(s: string): number {
  const m = /^(\d+)\s*([smhd])$/.exec(s.trim());
  if (!m) throw new CliError(`bad duration '${s}' (use e.g. 30d, 12h, 15m)`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

/** The SDK returns { data, error, response }; turn an error into a CliError with the gateway's message. */
async function call<T>(p: Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
  const r = await p;
  if (r.error !== undefined || r.data === undefined) {
    const e = (r.error as { error?: { message?: string; code?: string } } | undefined)?.error;
    throw new CliError(`${r.response?.status ?? 'error'}: ${e?.message ?? 'request failed'}${e?.code ? ` (${e.code})` : ''}`);
  }
  return r.data;
}

const keyColumns = ['id', 'domain_id', 'name', 'role', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'];
const fmtKey = (k: Record<string, unknown>) => ({ ...k, created_at: time(k.created_at), expires_at: time(k.expires_at), last_used_at: time(k.last_used_at), revoked_at: time(k.revoked_at) });

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  // Its own options (engine-host/main.ts); started lazily like `serve`.
  if (argv[0] === 'engine-host') {
    const { engineHost } = await import('./engine-host/main.js');
    await engineHost(argv.slice(1));
    return -1; // keep running
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      domain: { type: 'string' },
      role: { type: 'string' },
      'expires-in': { type: 'string' },
      file: { type: 'string' },
      engine: { type: 'string' },
      capabilities: { type: 'string' },
      domains: { type: 'string' },
      upstream: { type: 'string' },
      'upstream-model': { type: 'string' },
      'api-key-env': { type: 'string' },
      'owned-by': { type: 'string' },
      out: { type: 'string' },
      sha256: { type: 'string' },
      register: { type: 'string' },
      since: { type: 'string' },
      'allow-insecure-none': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [group, action, ...rest] = positionals;
  const print = (data: unknown, text: () => string) => out.write((values.json ? JSON.stringify(data, null, 2) : text()) + '\n');
  if (values.help || !group) {
    out.write(HELP);
    return 0;
  }
  if (group === 'serve') {
    const { serve } = await import('./server.js');
    await serve();
    return -1; // keep running
  }
  const baseUrl = values.url ?? process.env.CORDON_URL ?? localUrl();
  const lazyClients = (() => {
    let c: CordonClients | undefined;
    return () => (c ??= createCordonClients({ baseUrl, apiKey: keyFrom(values.key) }));
  })();
  const admin = () => ({ client: lazyClients().admin });
  const need = (v: string | undefined, what: string) => {
    if (!v) throw new CliError(`missing ${what}; see cordon --help`);
    return v;
  };

  switch (`${group} ${action ?? ''}`.trim()) {
    case 'seal chat/completions':
    case 'seal completions':
    case 'seal embeddings': {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(Buffer.from(c));
      const { confidentialFetch } = await import('@cordon/confidential');
      const sealedFetch = confidentialFetch({ allowInsecureNone: values['allow-insecure-none'] });
      const res = await sealedFetch(`${baseUrl}/v1/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keyFrom(values.key)}`, 'content-type': 'application/json' },
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (!res.ok || !res.body) throw new CliError(`${res.status}: ${await res.text()}`);
      if (/event-stream/.test(res.headers.get('content-type') ?? '')) {
        const decoder = new TextDecoder();
        for await (const c of res.body) out.write(decoder.decode(c, { stream: true }));
      } else out.write(`${JSON.stringify(await res.json(), null, 2)}\n`);
      return 0;
    }
    case 'domains list': {
      const r = await call(listDomains(admin()));
      print(r, () => table(r.data.map((d) => ({ ...d, created_at: time(d.created_at) })), ['id', 'name', 'disabled', 'created_at']));
      return 0;
    }
    case 'domains create': {
      const id = need(rest[0], 'domain id');
      const d = await call(createDomain({ ...admin(), body: { id, name: values.name ?? id } }));
      print(d, () => `created domain ${d.id} (${d.name})`);
      return 0;
    }
    case 'domains get': {
      const d = await call(getDomain({ ...admin(), path: { domain_id: need(rest[0], 'domain id') } }));
      print(d, () => table([{ ...d, created_at: time(d.created_at) }], ['id', 'name', 'disabled', 'created_at']));
      return 0;
    }
    case 'domains rename':
    case 'domains disable':
    case 'domains enable': {
      const id = need(rest[0], 'domain id');
      const body = action === 'rename' ? { name: need(rest[1], 'new name') } : { disabled: action === 'disable' };
      const d = await call(updateDomain({ ...admin(), path: { domain_id: id }, body }));
      print(d, () => `domain ${d.id}: name ${d.name}, ${d.disabled ? 'disabled' : 'enabled'}`);
      return 0;
    }
    case 'keys create': {
      const expires = values['expires-in'] ? Math.floor(Date.now() / 1000) + parseDuration(values['expires-in']) : null;
      const k = await call(
        createKey({
          ...admin(),
          body: { name: need(values.name, '--name'), domain_id: values.domain, role: (values.role ?? 'member') as 'member', expires_at: expires },
        }),
      );
      print(k, () => `created key ${k.id} (${k.role}) in domain ${k.domain_id}\n\n  ${k.secret}\n\nThis secret is shown once. Store it now.`);
      return 0;
    }
    case 'keys list': {
      // Every page, one after the other, printed as one list.
      const r = await call(listKeys({ ...admin(), query: { domain_id: values.domain } }));
      for (let page = r; page.has_more && page.last_id !== null; ) {
        page = await call(listKeys({ ...admin(), query: { domain_id: values.domain, after: page.last_id } }));
        r.data.push(...page.data);
        r.last_id = page.last_id;
        r.has_more = page.has_more;
      }
      print(r, () => table(r.data.map(fmtKey), keyColumns));
      return 0;
    }
    case 'keys revoke': {
      const k = await call(revokeKey({ ...admin(), path: { key_id: need(rest[0], 'key id') } }));
      print(k, () => `revoked key ${k.id}`);
      return 0;
    }
    case 'keys rotate': {
      const k = await call(rotateKey({ ...admin(), path: { key_id: need(rest[0], 'key id') } }));
      print(k, () => `rotated key ${k.id}; the old secret no longer works\n\n  ${k.secret}\n\nThis secret is shown once. Store it now.`);
      return 0;
    }
    case 'models list': {
      const r = await call(listRegistryModels(admin()));
      print(r, () =>
        table(
          r.data.map((m) => ({ ...m, state: m.status?.state ?? '-', created: time(m.created), domains: m.domains ?? 'all' })),
          ['id', 'engine', 'capabilities', 'domains', 'state', 'owned_by', 'created'],
        ),
      );
      return 0;
    }
    case 'models add': {
      const id = need(rest[0], 'model id');
      const engine = (values.engine ?? (values.file ? 'llama-cpp' : undefined)) as 'llama-cpp' | 'whisper' | 'openai-compatible' | 'ollama' | undefined;
      if (!engine) throw new CliError('give --file PATH (llama-cpp) or --engine openai-compatible|ollama --upstream URL');
      const upstream = engine === 'openai-compatible' || engine === 'ollama';
      const settings = upstream
        ? { targets: [{ base_url: need(values.upstream, '--upstream'), model: values['upstream-model'] ?? id, ...(values['api-key-env'] ? { api_key_env: values['api-key-env'] } : {}) }] }
        : { path: resolve(need(values.file, '--file')) };
      const capabilities = (values.capabilities ?? (engine === 'whisper' ? 'transcription' : 'chat,completions,embeddings')).split(',').map((s) => s.trim()) as Array<'chat'>;
      const m = await call(
        createRegistryModel({
          ...admin(),
          body: { id, engine, settings, capabilities, owned_by: values['owned-by'] ?? 'cordon', domains: values.domains ? values.domains.split(',') : null },
        }),
      );
      print(m, () => `registered model ${m.id} (${m.engine})`);
      return 0;
    }
    case 'models remove': {
      const r = await call(deleteRegistryModel({ ...admin(), path: { model: need(rest[0], 'model id') } }));
      print(r, () => `removed model ${r.id}`);
      return 0;
    }
    case 'models pull': {
      const url = need(rest[0], 'url');
      const result = await pullModel({
        url,
        out: values.out,
        dir: join(resolve(process.env.CORDON_DATA_DIR || './data'), 'models'),
        sha256: values.sha256,
        progress: values.json ? null : process.stderr,
      });
      if (values.register) {
        await call(
          createRegistryModel({
            ...admin(),
            body: { id: values.register, engine: 'llama-cpp', settings: { path: result.path }, capabilities: ['chat', 'completions', 'embeddings'], owned_by: 'cordon', domains: null },
          }),
        );
      }
      print(result, () => `downloaded ${result.path} (${result.bytes} bytes, sha256 ${result.sha256})${values.register ? `; registered as ${values.register}` : ''}`);
      return 0;
    }
    case 'usage': {
      const query = {
        ...(values.domain ? { domain_id: values.domain } : {}),
        ...(values.since ? { start: Math.floor(Date.now() / 1000) - parseDuration(values.since) } : {}),
      };
      const r = await call(getUsage({ ...admin(), query }));
      print(r, () => table(r.data, ['day', 'domain_id', 'model', 'key_id', 'requests', 'input_tokens', 'output_tokens', 'errors']) + `\nTOTAL  requests ${r.totals.requests}  input ${r.totals.input_tokens}  output ${r.totals.output_tokens}`);
      return 0;
    }
    default:
      throw new CliError(`unknown command '${positionals.join(' ')}'; see cordon --help`);
  }
}

/** Runs the command and sets the exit code; used by `node dist/cli.js` and by the `cordon` bin (bin/cordon.js). */
export function runCli(argv: string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`cordon: ${err instanceof CliError ? err.message : (err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) void runCli(process.argv.slice(2));
