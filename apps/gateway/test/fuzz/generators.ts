/**
 * Request generators derived from the contract: for every operation a valid request (caller, path
 * parameters, query, JSON or multipart body from the operation's schema), then mutations of it
 * (body values and bytes, multipart structure and audio headers, path spelling, method, headers),
 * and cross-domain probes with their required statuses.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import type { ContractOperation } from './operations.js';
import { arbitraryFor, type JsonSchema, type SchemaPath } from './schema-arbitrary.js';
import { byteCorruption, extraKey, hostileValue, longString, serialize, tokenIds, unicodeString } from './hostile.js';
import { tenantOf, type CallerName, type FuzzWorld, type Tenant } from './world.js';
import type { FuzzRequest } from './wire.js';

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}
export type Body = { kind: 'json'; value: unknown } | { kind: 'multipart'; parts: Part[] } | { kind: 'none' };

/** A request before it is written: what the mutators work on. */
export interface Draft {
  op: ContractOperation;
  caller: CallerName;
  method: string;
  path: string;
  body: Body;
}

const TENANTS: Tenant[] = ['a', 'b', 's'];
const randomSlug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const randomId = fc.oneof(fc.stringMatching(/^[a-z0-9]{12}$/), fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent));
const enc = encodeURIComponent;

const CALLER_OF = { a: { member: 'memberA', admin: 'adminA' }, b: { member: 'memberB', admin: 'adminB' } } as const satisfies Record<'a' | 'b', Record<'member' | 'admin', CallerName>>;

/** Callers by weight; the first entries of each list are the ones with a key. */
const INFERENCE_CALLERS: Array<{ arbitrary: fc.Arbitrary<CallerName>; weight: number }> = [
  { arbitrary: fc.constant('memberA'), weight: 4 },
  { arbitrary: fc.constant('memberB'), weight: 2 },
  { arbitrary: fc.constant('memberS'), weight: 2 },
  { arbitrary: fc.constant('adminA'), weight: 1 },
  { arbitrary: fc.constant('superadmin'), weight: 1 },
  { arbitrary: fc.constant('none'), weight: 1 },
  { arbitrary: fc.constant('garbage'), weight: 1 },
];
const ADMIN_CALLERS: Array<{ arbitrary: fc.Arbitrary<CallerName>; weight: number }> = [
  { arbitrary: fc.constant('adminA'), weight: 4 },
  { arbitrary: fc.constant('adminB'), weight: 2 },
  { arbitrary: fc.constant('superadmin'), weight: 4 },
  { arbitrary: fc.constant('memberA'), weight: 1 },
  { arbitrary: fc.constant('none'), weight: 1 },
  { arbitrary: fc.constant('garbage'), weight: 1 },
];

export class RequestGenerators {
  private drafts = new Map<string, fc.Arbitrary<Draft>>();

  constructor(
    readonly spec: JsonSchema,
    readonly ops: ContractOperation[],
    readonly world: FuzzWorld,
  ) {}

  private domainOf = (t: Tenant) => this.world.domains[t];
  private others = (t: Tenant | null) => TENANTS.filter((x) => x !== t);

  // ---- path parameters, chosen so the fuzzer never destroys its own fixtures

  private domainParam(op: ContractOperation, caller: CallerName): fc.Arbitrary<string> {
    const w = this.world.domains;
    if (caller === 'superadmin' && (op.operationId === 'updateDomain' || op.operationId === 'setDomainPolicy')) return fc.oneof(fc.constant(w.s), randomSlug);
    return fc.oneof(fc.constantFrom(w.a, w.b, w.s, 'default'), randomSlug);
  }

  private keyParam(op: ContractOperation, caller: CallerName): fc.Arbitrary<string> {
    const { keys, throwaway } = this.world;
    const all = [...Object.values(keys).map((k) => k.id), ...TENANTS.flatMap((t) => throwaway[t])];
    if (op.method === 'GET' || caller === 'none' || caller === 'garbage') return fc.oneof(fc.constantFrom(...all), randomId);
    const t = tenantOf(caller);
    if (caller === 'superadmin' || !t) return fc.oneof(fc.constantFrom(...TENANTS.flatMap((x) => throwaway[x])), randomId);
    const foreign = Object.values(keys).filter((k) => k.domain !== this.domainOf(t)).map((k) => k.id);
    return fc.oneof(fc.constantFrom(...foreign, ...TENANTS.flatMap((x) => throwaway[x])), randomId);
  }

  private responseParam(op: ContractOperation, caller: CallerName): fc.Arbitrary<string> {
    const { stored } = this.world;
    const t = tenantOf(caller);
    const random = fc.stringMatching(/^resp_[0-9a-f]{8,40}$/);
    if (op.method === 'GET' || caller === 'none' || caller === 'garbage') return fc.oneof(fc.constantFrom(...stored.a, ...stored.b), random);
    const foreign = t === 'a' ? stored.b : t === 'b' ? stored.a : [];
    return foreign.length ? fc.oneof(fc.constantFrom(...foreign), random) : random;
  }

  private modelParam(op: ContractOperation, caller: CallerName): fc.Arbitrary<string> {
    const { chatModel, audioModel } = this.world;
    const fuzzId = fc.stringMatching(/^[a-z0-9]{1,12}$/).map((s) => `fuzz-${s}`);
    if (caller === 'superadmin' && op.method !== 'GET') return fc.oneof(fuzzId, fc.constant('no-such-model'));
    return fc.oneof(fc.constantFrom(chatModel, audioModel, 'no-such-model'), fuzzId);
  }

  private pathParam(name: string, op: ContractOperation, caller: CallerName): fc.Arbitrary<string> {
    switch (name) {
      case 'domain_id':
        return this.domainParam(op, caller);
      case 'key_id':
        return this.keyParam(op, caller);
      case 'response_id':
        return this.responseParam(op, caller);
      case 'model':
        return this.modelParam(op, caller);
    }
    return randomId;
  }

  private prefix(op: ContractOperation, caller: CallerName): fc.Arbitrary<string> {
    const plain = op.prefixes.filter((p) => !p.includes('{'));
    const templated = op.prefixes.filter((p) => p.includes('{domain_id}'));
    if (!templated.length) return fc.constantFrom(...plain);
    const t = tenantOf(caller);
    const w = this.world.domains;
    // superadmin acts in any domain: keep it to the scratch domain (its deletes must not touch A or B)
    const proxyDomains = caller === 'superadmin' ? fc.constant(w.s) : t ? fc.oneof({ arbitrary: fc.constant(w[t]), weight: 3 }, { arbitrary: fc.constantFrom(...this.others(t).map((x) => w[x])), weight: 1 }, randomSlug) : fc.constantFrom(w.a, w.b);
    return fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 3 }, { arbitrary: fc.tuple(fc.constantFrom(...templated), proxyDomains).map(([p, d]) => p.replace('{domain_id}', enc(d))), weight: 1 });
  }

  // ---- bodies

  /** Property generators that the contract allows but that would make inference slow, or must name real things. */
  private override(op: ContractOperation, caller: CallerName) {
    const w = this.world;
    const t = tenantOf(caller);
    return (path: SchemaPath, schema: JsonSchema): fc.Arbitrary<unknown> | undefined => {
      const last = path[path.length - 1];
      const top = path.length === 1;
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      if (op.inference) {
        if (top && last === 'model') return fc.oneof({ arbitrary: fc.constant(op.mediaType === 'multipart/form-data' ? w.audioModel : w.chatModel), weight: 8 }, fc.constantFrom(w.chatModel, w.audioModel, 'no-such-model'));
        if (top && (last === 'max_tokens' || last === 'max_completion_tokens' || last === 'max_output_tokens')) return fc.integer({ min: 1, max: 4 });
        if (top && (last === 'n' || last === 'best_of')) return fc.integer({ min: 1, max: 2 });
        if (top && last === 'previous_response_id') {
          const foreign = t === 'a' ? w.stored.b : t === 'b' ? w.stored.a : [];
          return fc.oneof(fc.constant(null), fc.stringMatching(/^resp_[0-9a-f]{8,24}$/), ...(foreign.length ? [fc.constantFrom(...foreign)] : []));
        }
        if ((path.includes('prompt') || path.includes('input')) && types.includes('integer')) return fc.integer({ min: 0, max: 300 });
        if (last && ['content', 'prompt', 'input', 'instructions', 'text'].includes(last) && types.length === 1 && types[0] === 'string') {
          return fc.oneof({ arbitrary: fc.string({ maxLength: 40 }), weight: 4 }, fc.constant(`${w.canary} tell me`));
        }
        if (last === 'language') return fc.oneof(fc.constantFrom('en', 'de', 'fr', 'xx'), fc.string({ maxLength: 6 }));
      } else {
        if (top && last === 'domain_id' && op.operationId === 'createKey') return fc.oneof(fc.constantFrom(w.domains.a, w.domains.b, w.domains.s, 'default'), randomSlug);
        if (top && last === 'expires_at') return fc.oneof(fc.constant(null), fc.integer({ min: 2_000_000_000, max: 4_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }));
        if (top && last === 'id' && op.operationId === 'createRegistryModel') return fc.stringMatching(/^[A-Za-z0-9._:-]{1,40}$/).map((s) => `fuzz-${s}`);
        if (top && last === 'domains') return fc.oneof(fc.constant(null), fc.constant([w.domains.s]));
      }
      return undefined;
    };
  }

  private jsonBody(op: ContractOperation, caller: CallerName): fc.Arbitrary<unknown> {
    return arbitraryFor(op.bodySchema!, { root: this.spec, maxDepth: 5, maxItems: 3, maxStringLength: 24, override: this.override(op, caller) }).map((v) => capInference(op, v));
  }

  private multipartBody(op: ContractOperation, caller: CallerName): fc.Arbitrary<Part[]> {
    const fields = arbitraryFor(op.bodySchema!, { root: this.spec, maxDepth: 2, maxItems: 2, maxStringLength: 16, override: this.override(op, caller) });
    const audio = fc.record({ rate: fc.constantFrom(8000, 16000, 22050, 44100), channels: fc.constantFrom(1, 2), bits: fc.constantFrom(16, 8, 32), ms: fc.integer({ min: 100, max: 400 }) }).map((o) => wavFile(o));
    return fc.tuple(fields, audio).map(([f, wav]) => {
      const parts: Part[] = [];
      for (const [name, value] of Object.entries(f as Record<string, unknown>)) {
        if (name === 'file') parts.push({ name, filename: 'speech.wav', contentType: 'audio/wav', data: wav });
        else if (Array.isArray(value)) for (const v of value) parts.push({ name: `${name}[]`, data: Buffer.from(String(v)) });
        else if (value !== null && value !== undefined) parts.push({ name, data: Buffer.from(typeof value === 'object' ? JSON.stringify(value) : String(value)) });
      }
      return parts;
    });
  }

  /** A valid request of `op` by `caller`. */
  draft(op: ContractOperation, caller: CallerName): fc.Arbitrary<Draft> {
    const cacheKey = `${op.operationId}/${caller}`;
    const hit = this.drafts.get(cacheKey);
    if (hit) return hit;
    const params = fc.tuple(...op.pathParams.map((n) => this.pathParam(n, op, caller)));
    const query = fc.tuple(
      ...op.queryParams.map((q) =>
        fc.option(q.name === 'domain_id' ? this.domainParam(op, caller) : arbitraryFor(q.schema, { root: this.spec, maxDepth: 1, maxItems: 2, maxStringLength: 12 }), { nil: undefined }).map((v) => [q.name, v] as const),
      ),
    );
    const body: fc.Arbitrary<Body> =
      op.mediaType === 'application/json'
        ? this.jsonBody(op, caller).map((value) => ({ kind: 'json' as const, value }))
        : op.mediaType === 'multipart/form-data'
          ? this.multipartBody(op, caller).map((parts) => ({ kind: 'multipart' as const, parts }))
          : fc.constant({ kind: 'none' as const });
    const arb = fc.tuple(this.prefix(op, caller), params, query, body).map(([prefix, values, q, b]) => {
      let path = op.specPath;
      op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, enc(values[i]!))));
      const qs = q
        .filter(([, v]) => v !== undefined)
        .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${enc(k)}=${enc(String(x))}`) : [`${enc(k)}=${enc(String(v))}`]))
        .join('&');
      return { op, caller, method: op.method, path: `${prefix}${path}${qs ? `?${qs}` : ''}`, body: b };
    });
    this.drafts.set(cacheKey, arb);
    return arb;
  }

  /**
   * Any operation. Audio operations are drawn five times less often: a demo whisper call takes
   * one to three seconds here, a demo llama call milliseconds.
   */
  anyOperation(ops: ContractOperation[] = this.ops): fc.Arbitrary<ContractOperation> {
    return fc.oneof(...ops.map((op) => ({ arbitrary: fc.constant(op), weight: op.mediaType === 'multipart/form-data' ? 1 : 5 })));
  }

  anyDraft(): fc.Arbitrary<Draft> {
    return this.anyOperation().chain((op) => fc.oneof(...(op.inference ? INFERENCE_CALLERS : ADMIN_CALLERS)).chain((caller) => this.draft(op, caller)));
  }

  // ---- finished requests

  valid(): fc.Arbitrary<FuzzRequest> {
    return fc.tuple(this.anyDraft(), authFor).map(([d, garbage]) => this.build(d, 'valid', garbage));
  }

  /** Valid requests with one body mutation (JSON values or bytes; multipart structure or audio). */
  mutatedBody(): fc.Arbitrary<FuzzRequest> {
    const withBody = this.ops.filter((o) => o.mediaType);
    // Keyed callers only (the first entries): a body mutation is wasted on a 401.
    const draft = this.anyOperation(withBody).chain((op) => fc.oneof(...(op.inference ? INFERENCE_CALLERS.slice(0, 5) : ADMIN_CALLERS.slice(0, 4))).chain((c) => this.draft(op, c)));
    return fc.tuple(draft, jsonMutation, multipartMutation).map(([d, jm, mm]) => {
      if (d.body.kind === 'json') {
        const { value, bytes, name } = jm(d.body.value);
        return this.build({ ...d, body: { kind: 'json', value } }, `body:${name}`, '', bytes);
      }
      if (d.body.kind === 'multipart') {
        const m = mm(d.body.parts);
        return this.build({ ...d, body: { kind: 'multipart', parts: m.parts } }, `multipart:${m.name}`, '', undefined, m.boundary);
      }
      return this.build(d, 'body:none', '');
    });
  }

  /** Valid requests sent to a respelled path or with another method. */
  mutatedPath(): fc.Arbitrary<FuzzRequest> {
    return fc.tuple(this.anyDraft(), pathMutation, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'FOO'), fc.nat({ max: 9 })).map(([d, pm, method, r]) => {
      if (r < 2) {
        // Another method must not turn a read of a fixture into its deletion or change.
        const m = this.touchesFixture(d) && WRITES.includes(method) ? SAFE[method.length % SAFE.length]! : method;
        return { ...this.build({ ...d, method: m }, `method:${m}`, ''), malformed: m === 'FOO' || m === 'PROPFIND' };
      }
      const m = pm(d.path);
      return { ...this.build({ ...d, path: m.path }, `path:${m.name}`, ''), malformed: m.malformed };
    });
  }

  /** Whether a request names something the run relies on (and is sent by a key that could change it). */
  private touchesFixture(d: Draft): boolean {
    const w = this.world;
    if (d.caller === 'superadmin') return true;
    const ids = [...w.stored.a, ...w.stored.b, w.chatModel, w.audioModel, w.domains.a, w.domains.b, ...Object.values(w.keys).map((k) => k.id)];
    return ids.some((id) => d.path.includes(id));
  }

  /** Valid requests with an auth, content-type, content-length, encoding or other header mutated. */
  mutatedHeaders(): fc.Arbitrary<FuzzRequest> {
    return fc.tuple(this.anyDraft(), headerMutation).map(([d, hm]) => hm(this.build(d, 'headers', ''), this.world));
  }

  /** Cross-domain probes: each one has the status it must get. */
  isolation(): fc.Arbitrary<FuzzRequest> {
    const w = this.world;
    return fc.tuple(fc.constantFrom<'a' | 'b'>('a', 'b'), fc.constantFrom<'member' | 'admin'>('member', 'admin'), fc.nat({ max: 999 })).chain(([t, role, r]) => {
      const caller = CALLER_OF[t][role];
      const other: 'a' | 'b' = t === 'a' ? 'b' : 'a';
      const foreignStored = w.stored[other][r % w.stored[other].length]!;
      const foreignKey = Object.values(w.keys).filter((k) => k.domain === w.domains[other])[r % 2]!.id;
      const od = w.domains[other];
      const adminStatus = role === 'admin' ? [404] : [403];
      const probes: Array<fc.Arbitrary<FuzzRequest>> = [
        fc.constantFrom('GET', 'DELETE').map((m) => this.probe(caller, m, `/v1/responses/${foreignStored}`, [404], 'a stored response of another domain')),
        fc.constant(this.probe(caller, 'GET', `/proxy/${w.domains[t]}/v1/responses/${foreignStored}`, [404], 'a stored response of another domain, through the own proxy path')),
        fc.constantFrom(...this.ops.filter((o) => o.inference)).chain((op) =>
          this.draft(op, caller).map((d) => {
            const path = d.path.replace(/^\/proxy\/[^/]+\/v1|^\/v1/, `/proxy/${enc(od)}/v1`);
            return { ...this.build({ ...d, path }, 'proxy-other-domain', ''), expect: { statuses: [403], why: "another domain's proxy path" } };
          }),
        ),
        fc.constantFrom(
          this.probe(caller, 'GET', `/admin/v1/domains/${od}`, adminStatus, 'another domain'),
          this.probe(caller, 'GET', `/admin/v1/domains/${od}/policy`, adminStatus, "another domain's policy"),
          this.probe(caller, 'GET', `/admin/v1/keys?domain_id=${od}`, adminStatus, "another domain's keys"),
          this.probe(caller, 'GET', `/admin/v1/usage?domain_id=${od}`, adminStatus, "another domain's usage"),
          this.probe(caller, 'GET', `/admin/v1/keys/${foreignKey}`, adminStatus, "another domain's key"),
          this.probe(caller, 'GET', `/admin/v1/keys/${w.keys.superadmin.id}`, adminStatus, 'the superadmin key'),
          this.probe(caller, 'POST', `/admin/v1/keys/${foreignKey}/rotate`, adminStatus, "rotating another domain's key"),
          this.probe(caller, 'POST', `/admin/v1/keys/${foreignKey}/revoke`, adminStatus, "revoking another domain's key"),
          this.probe(caller, 'POST', '/admin/v1/keys', adminStatus, 'a key in another domain', { domain_id: od, name: 'x', role: 'admin' }),
          this.probe(caller, 'PUT', `/admin/v1/domains/${od}/policy`, [403], "setting another domain's policy", { guardrails: {} }),
          this.probe(caller, 'POST', '/v1/responses', [400, 404], "continuing another domain's response", { model: w.chatModel, input: 'x', max_output_tokens: 2, previous_response_id: foreignStored }),
          // Role edge: another admin key of the caller's own domain (throwaway[t][1] is an admin key).
          this.probe(caller, 'POST', `/admin/v1/keys/${w.throwaway[t][1]}/rotate`, [403], "rotating another admin's key of the own domain"),
          this.probe(caller, 'POST', `/admin/v1/keys/${w.throwaway[t][1]}/revoke`, [403], "revoking another admin's key of the own domain"),
        ),
      ];
      return fc.oneof(...probes);
    });
  }

  private probe(caller: CallerName, method: string, path: string, statuses: number[], why: string, json?: unknown): FuzzRequest {
    const op = this.ops[0]!;
    const req = this.build({ op, caller, method, path, body: json === undefined ? { kind: 'none' } : { kind: 'json', value: json } }, 'isolation', '');
    return { ...req, label: `isolation ${method} ${path.split('?')[0]}`, expect: { statuses, why } };
  }

  /**
   * One harmless request per operation (an empty body, a path parameter that names nothing but the
   * scratch domain), sent before the batches so that first-use work (validators, statements) is
   * measured apart from the fuzzing.
   */
  warmUps(): FuzzRequest[] {
    return this.ops.map((op) => {
      let path = op.prefixes.find((p) => !p.includes('{')) ?? '';
      path += op.specPath.replace(/\{domain_id\}/g, this.world.domains.s).replace(/\{[^}]+\}/g, 'fuzz-warm-up');
      const body: Body = op.mediaType === 'application/json' ? { kind: 'json', value: {} } : op.mediaType ? { kind: 'multipart', parts: [] } : { kind: 'none' };
      return { ...this.build({ op, caller: 'superadmin', method: op.method, path, body }, 'warm-up', ''), label: `${op.operationId} warm-up` };
    });
  }

  /** Writes a draft as a request: auth header, content type, body bytes. */
  build(d: Draft, kind: string, garbage: string, bytes?: Buffer, boundary = `fuzzb${d.path.length}x${d.caller.length}`): FuzzRequest {
    const headers: Array<[string, string]> = [];
    const key = d.caller === 'none' || d.caller === 'garbage' ? null : this.world.keys[d.caller].secret;
    if (key) headers.push(['authorization', `Bearer ${key}`]);
    else if (d.caller === 'garbage') headers.push(['authorization', garbage || 'Bearer cdn_aaaaaaaaaaaa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']);
    let body: Buffer = Buffer.alloc(0);
    if (d.body.kind === 'json') {
      body = bytes ?? Buffer.from(serialize(d.body.value));
      headers.push(['content-type', 'application/json']);
    } else if (d.body.kind === 'multipart') {
      body = encodeMultipart(d.body.parts, boundary);
      headers.push(['content-type', `multipart/form-data; boundary=${boundary}`]);
    }
    if ((d.method !== 'GET' && d.method !== 'HEAD') || body.length) headers.push(['content-length', String(body.length)]);
    return { label: `${d.op.operationId} ${kind}`, caller: d.caller, method: d.method, path: d.path, headers, body };
  }
}

/** Inference stays a few tokens of the demo model, whatever the generator chose. */
function capInference(op: ContractOperation, v: unknown): unknown {
  if (!op.inference || !v || typeof v !== 'object' || Array.isArray(v)) return v;
  const b = { ...(v as Record<string, unknown>) };
  if (op.operationId === 'createChatCompletion' && b.max_tokens == null && b.max_completion_tokens == null) b.max_completion_tokens = 3;
  if (op.operationId === 'createCompletion' && b.max_tokens == null) b.max_tokens = 3;
  if (op.operationId === 'createResponse' && b.max_output_tokens == null) b.max_output_tokens = 3;
  return b;
}

export function wavFile(o: { rate: number; channels: number; bits: number; ms?: number; frames?: number; claimedDataBytes?: number; format?: number }): Buffer {
  const frames = o.frames ?? Math.round(((o.ms ?? 250) / 1000) * o.rate);
  const bytes = Math.max(1, Math.ceil(o.bits / 8));
  const data = Buffer.alloc(Math.min(frames * o.channels * bytes, 2_000_000));
  for (let i = 0; i + 1 < data.length; i += 2) data.writeInt16LE(Math.round(8000 * Math.sin(i / 7)), i);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(o.format ?? (o.bits === 32 ? 3 : 1), 20);
  head.writeUInt16LE(o.channels & 0xffff, 22);
  head.writeUInt32LE(o.rate >>> 0, 24);
  head.writeUInt32LE((o.rate * o.channels * bytes) >>> 0, 28);
  head.writeUInt16LE((o.channels * bytes) & 0xffff, 32);
  head.writeUInt16LE(o.bits & 0xffff, 34);
  head.write('data', 36, 'latin1');
  head.writeUInt32LE((o.claimedDataBytes ?? data.length) >>> 0, 40);
  if (o.bits === 32) for (let i = 0; i + 3 < data.length; i += 4) data.writeFloatLE(Math.sin(i / 9) * 0.3, i);
  return Buffer.concat([head, data]);
}

export function encodeMultipart(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: ${disp}\r\n${p.contentType ? `content-type: ${p.contentType}\r\n` : ''}\r\n`, 'latin1'), p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

// ---- mutators

type JsonMutation = (v: unknown) => { value: unknown; bytes?: Buffer; name: string };

function paths(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = [], depth = 0): Array<Array<string | number>> {
  if (depth > 6 || out.length > 200) return out;
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([...prefix, i]), paths(x, [...prefix, i], out, depth + 1)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([...prefix, k]), paths(x, [...prefix, k], out, depth + 1);
  return out;
}

function setAt(v: unknown, path: Array<string | number>, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(v)) {
    const copy = [...v];
    if (remove && rest.length === 0) copy.splice(Number(head), 1);
    else copy[Number(head)] = setAt(copy[Number(head)], rest, value, remove);
    return copy;
  }
  if (v && typeof v === 'object') {
    const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    if (remove && rest.length === 0) delete copy[String(head)];
    else Object.defineProperty(copy, String(head), { value: setAt(copy[String(head)], rest, value, remove), enumerable: true, writable: true, configurable: true });
    return copy;
  }
  return v;
}

const isPlainObject = (n: unknown): n is Record<string, unknown> => n !== null && typeof n === 'object' && !Array.isArray(n);
const nodeAt = (v: unknown, path: Array<string | number>): unknown => path.reduce<unknown>((n, k) => (isPlainObject(n) || Array.isArray(n) ? (n as Record<string, unknown>)[k] : undefined), v);

/** A node of the body (by index among all of them) replaced by a hostile value. */
const replaceValue = ([at, h]: [number, unknown]): JsonMutation => (v) => {
  const ps = paths(v);
  if (!ps.length) return { value: h, name: 'whole' };
  const p = ps[at % ps.length]!;
  return { value: setAt(v, p, h), name: `value@${p.join('.')}` };
};
/** An extra field, with a hostile name and value, in one of the body's objects. */
const addField = ([at, k, h]: [number, string, unknown]): JsonMutation => (v) => {
  const objects = [[], ...paths(v)].filter((p) => isPlainObject(nodeAt(v, p)));
  return { value: setAt(v, [...objects[at % objects.length]!, k], h), name: 'extra-field' };
};
/** One field or array element removed (a required one, often). */
const removeValue = (at: number): JsonMutation => (v) => {
  const ps = paths(v);
  if (!ps.length) return { value: v, name: 'none' };
  const p = ps[at % ps.length]!;
  return { value: setAt(v, p, undefined, true), name: `removed@${p.join('.')}` };
};

const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.nat(), hostileValue).map(replaceValue) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(), extraKey, hostileValue).map(addField) },
  { weight: 2, arbitrary: fc.nat().map(removeValue) },
  { weight: 1, arbitrary: hostileValue.map((h): JsonMutation => () => ({ value: h, name: 'whole-body' })) },
  { weight: 3, arbitrary: byteCorruption.map((c): JsonMutation => (v) => ({ value: v, bytes: c(Buffer.from(serialize(v))), name: 'bytes' })) },
  // Token ids outside any vocabulary where a prompt or input may be tokens (a native engine's weak spot).
  { weight: 1, arbitrary: fc.tuple(tokenIds, fc.boolean()).map(([ids, nested]): JsonMutation => (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { value: v, name: 'none' };
    const field = 'prompt' in v ? 'prompt' : 'input' in v ? 'input' : null;
    return field ? { value: setAt(v, [field], nested ? [ids, [0]] : ids), name: `token-ids@${field}` } : { value: v, name: 'none' };
  }) },
);

type MultipartMutation = (parts: Part[]) => { parts: Part[]; name: string; boundary?: string };
const audioLie = fc.record({
  rate: fc.constantFrom(0, 1, 1000, 4_000_000_000, 16000),
  channels: fc.constantFrom(0, 1, 7, 65535),
  bits: fc.constantFrom(0, 7, 16, 64),
  frames: fc.constantFrom(0, 1, 1000, 20_000),
  claimedDataBytes: fc.constantFrom(undefined, 0, 0xffffffff, 3),
  format: fc.constantFrom(1, 3, 0, 0xfffe, 85),
});
const replaceFile = (parts: Part[], data: Buffer, filename = 'speech.wav'): Part[] => parts.map((p) => (p.name === 'file' ? { ...p, data, filename } : p));
const multipartMutation: fc.Arbitrary<MultipartMutation> = fc.oneof(
  audioLie.map((o): MultipartMutation => (parts) => ({ parts: replaceFile(parts, wavFile(o)), name: `wav-lie ${JSON.stringify(o)}` })),
  fc.uint8Array({ maxLength: 3000 }).map((b): MultipartMutation => (parts) => ({ parts: replaceFile(parts, Buffer.from(b)), name: 'random-file-bytes' })),
  fc.constant<MultipartMutation>((parts) => ({ parts: replaceFile(parts, Buffer.alloc(0)), name: 'empty-file' })),
  fc.constant<MultipartMutation>((parts) => ({ parts: [...parts, ...parts.filter((p) => p.name === 'file')], name: 'two-files' })),
  fc.constant<MultipartMutation>((parts) => ({ parts: parts.filter((p) => p.name !== 'file'), name: 'no-file' })),
  fc.constant<MultipartMutation>((parts) => ({ parts: parts.filter((p) => p.name !== 'model'), name: 'no-model' })),
  fc.constantFrom(100, 5_000).map((n): MultipartMutation => (parts) => ({ parts: [...parts, ...Array.from({ length: n }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') }))], name: `${n}-fields` })),
  fc.tuple(fc.constantFrom('model', 'language', 'prompt', 'response_format', 'temperature', 'stream'), fc.oneof(unicodeString, longString, fc.constant(''))).map(([n, s]): MultipartMutation => (parts) => ({ parts: [...parts.filter((p) => p.name !== n), { name: n, data: Buffer.from(s) }], name: `field ${n}` })),
  fc.constantFrom('../../etc/passwd', 'x'.repeat(70_000), 'a"b\r\nc', '').map((f): MultipartMutation => (parts) => ({ parts: replaceFile(parts, parts.find((p) => p.name === 'file')?.data ?? Buffer.alloc(0), f), name: 'filename' })),
  fc.constant<MultipartMutation>((parts) => ({ parts, name: 'boundary-mismatch', boundary: 'not-the-declared-one' })),
  fc.constant<MultipartMutation>((parts) => ({ parts: replaceFile(parts, Buffer.alloc(26 * 1024 * 1024, 1)), name: 'file-over-limit' })),
);

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];
const SAFE = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO'];

type PathMutation = (path: string) => { path: string; name: string; malformed?: boolean };
const flipCase = (s: string, seed: number) => s.replace(/[a-z]/gi, (c, i: number) => (((seed >> (i % 30)) & 1) === 1 ? (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) : c));
const pathMutation: fc.Arbitrary<PathMutation> = fc.oneof(
  fc.nat().map((seed): PathMutation => (p) => ({ path: flipCase(p.split('?')[0]!, seed) + (p.includes('?') ? `?${p.split('?')[1]}` : ''), name: 'case' })),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/^\/(v1|proxy|admin)/i, (m) => m.toUpperCase()), name: 'upper-prefix' })),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/\//g, '//'), name: 'double-slash' })),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/(\?|$)/, '/$1'), name: 'trailing-slash' })),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/^\/([^/]+)\//, '/$1/./'), name: 'dot-segment' })),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/^\/([^/]+)\//, '/$1/x/../'), name: 'dotdot-segment' })),
  fc.nat().map((at): PathMutation => (p) => { const letters = [...p.split('?')[0]!.matchAll(/[a-z]/g)]; const m = letters[at % Math.max(1, letters.length)]; return m ? { path: p.slice(0, m.index) + `%${m[0].charCodeAt(0).toString(16)}` + p.slice(m.index! + 1), name: 'percent-encoded-letter' } : { path: p, name: 'none' }; }),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/\/(?=[^/]*$)/, '%2F'), name: 'encoded-slash' })),
  fc.constantFrom('%00', '%ff', '%c0%af', '%ed%a0%80', ';x=1', '%', '%zz', '#frag').map((s): PathMutation => (p) => ({ path: p.split('?')[0] + s, name: `suffix ${s}` })),
  fc.constantFrom('?a[b][c][d][e][f][g]=1', `?${'a[]=1&'.repeat(2000)}`, '?domain_id[]=a&domain_id[]=b', '?domain_id[x]=1', `?start=${'9'.repeat(400)}`, '?group_by=nope&group_by=model', '?__proto__[x]=1').map((q): PathMutation => (p) => ({ path: p.split('?')[0] + q, name: `query ${q.slice(0, 30)}` })),
  fc.constant<PathMutation>((p) => ({ path: p.replace(/\/[^/?]*(\?|$)/, `/${'a'.repeat(9000)}$1`), name: 'long-segment' })),
  fc.constant<PathMutation>((p) => ({ path: Buffer.from(`${p.split('?')[0]}/é\u{1F600}`, 'utf8').toString('latin1'), name: 'raw-utf8', malformed: true })),
  fc.constantFrom('/v2/models', '/v1', '/v1/', '/V1', '/proxy/', '/proxy//v1/models', '/proxy/%2e%2e/v1/models', '/admin', '/admin/v1', '/admin/v2/domains', '/nope', '/docs/../admin/v1/domains', '*', 'http://example.com/v1/models', '/healthz/..%2fadmin', '/metrics?x', '/readyz').map((path): PathMutation => () => ({ path, name: `unknown ${path}`, malformed: path === '*' })),
);

/** A garbage Authorization value (the 'garbage' caller). */
const authFor = fc.oneof(
  fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', 'bearer', 'Token abc', 'Bearer cdn_', 'Bearer null', 'Bearer undefined', `Bearer ${'k'.repeat(600)}`, `Bearer ${'k'.repeat(12_000)}`),
  fc.string({ maxLength: 40 }).map((s) => `Bearer ${Buffer.from(s, 'utf8').toString('latin1').replace(/[\r\n]/g, '')}`),
);

let bomb: Buffer | undefined;
/** 40 MB of spaces, gzipped to about 40 KB (made once). */
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20)));

type HeaderMutation = (req: FuzzRequest, w: FuzzWorld) => FuzzRequest;
const setHeader = (req: FuzzRequest, name: string, value: string | null, label: string, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
  ...req,
  ...extra,
  label: `${req.label}:${label}`,
  headers: [...req.headers.filter(([k]) => k !== name), ...(value === null ? [] : [[name, value] as [string, string]])],
});
const headerMutation: fc.Arbitrary<HeaderMutation> = fc.oneof(
  authFor.map((a): HeaderMutation => (r) => setHeader({ ...r, caller: 'garbage' }, 'authorization', a, 'auth')),
  fc.constant<HeaderMutation>((r) => setHeader({ ...r, caller: 'none' }, 'authorization', null, 'no-auth')),
  // Two keys at once; the scratch domain's first, so that whichever wins, A's and B's fixtures are safe from a DELETE.
  fc.constant<HeaderMutation>((r, w) => ({
    ...r,
    caller: 'garbage',
    label: `${r.label}:two-auth-headers`,
    headers: [...r.headers.filter(([k]) => k !== 'authorization'), ['authorization', `Bearer ${w.keys.memberS.secret}`], ['authorization', r.method === 'DELETE' ? 'Bearer cdn_x' : `Bearer ${w.keys.memberB.secret}`]],
  })),
  fc.constant<HeaderMutation>((r, w) => setHeader({ ...r, caller: 'garbage' }, 'authorization', `Bearer ${w.keys.memberA.secret}x`, 'key-plus-one')),
  fc.constant<HeaderMutation>((r, w) => setHeader({ ...r, caller: 'garbage' }, 'authorization', `Basic ${Buffer.from(`:${w.keys.memberA.secret}`).toString('base64')}`, 'basic-auth')),
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'APPLICATION/JSON', 'application/json, text/plain', 'application/vnd.api+json', '', 'application/octet-stream', 'application/json; boundary=x', 'multipart/mixed; boundary=x').map((ct): HeaderMutation => (r) => setHeader(r, 'content-type', ct, `content-type ${ct}`)),
  fc.constant<HeaderMutation>((r) => setHeader(r, 'content-type', null, 'no-content-type')),
  fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip').map((ce): HeaderMutation => (r) => setHeader(r, 'content-encoding', ce, `content-encoding ${ce}`)),
  fc.constant<HeaderMutation>((r) => { const body = gzipBomb(); return setHeader(setHeader({ ...r, body }, 'content-length', String(body.length), 'gzip-bomb'), 'content-encoding', 'gzip', 'gzip-bomb'); }),
  // The bytes after a short content-length reach Node's parser as a next request: it may answer that one.
  fc.nat().map((n): HeaderMutation => (r) => setHeader(r, 'content-length', String(r.body.length ? n % r.body.length : 0), 'content-length-short', { malformed: true })),
  fc.constant<HeaderMutation>((r) => setHeader(r, 'content-length', String(r.body.length + 10), 'content-length-long', { mayHang: true })),
  fc.constantFrom('-1', 'abc', '1e3', '99999999999999999999', ' 5').map((cl): HeaderMutation => (r) => setHeader(r, 'content-length', cl, `content-length ${cl}`, { malformed: true, mayHang: true })),
  fc.constant<HeaderMutation>((r) => { const chunked = r.body.length ? Buffer.concat([Buffer.from(`${r.body.length.toString(16)}\r\n`), r.body, Buffer.from('\r\n0\r\n\r\n')]) : Buffer.from('0\r\n\r\n'); return setHeader(setHeader({ ...r, body: chunked }, 'content-length', null, 'chunked'), 'transfer-encoding', 'chunked', 'chunked'); }),
  fc.constant<HeaderMutation>((r) => setHeader(r, 'transfer-encoding', 'chunked', 'te-and-cl', { malformed: true })),
  fc.constant<HeaderMutation>((r) => setHeader(r, 'expect', '100-continue', 'expect')),
  fc.constant<HeaderMutation>((r) => setHeader(r, 'cookie', 'c'.repeat(20_000), 'huge-header', { malformed: true })),
  fc.constantFrom('x'.repeat(200), '../../x', 'abc def', '\u00e9t\u00e9', '').map((id): HeaderMutation => (r) => setHeader(r, 'x-request-id', id, 'request-id')),
  fc.constantFrom('text/event-stream', 'application/xml', '*/*;q=0', 'x'.repeat(5000)).map((a): HeaderMutation => (r) => setHeader(r, 'accept', a, `accept ${a.slice(0, 20)}`)),
  // Sealed requests (docs/confidential.md): the header on a clear body, and envelopes that cannot open
  // (a random key id, or random encapsulations and ciphertexts of any length) for the request's model.
  fc.constant<HeaderMutation>((r) => setHeader(r, 'x-cordon-encrypted', '1', 'sealed-header')),
  fc
    .record({ keyId: fc.constantFrom('0'.repeat(64), 'f'.repeat(64), 'not-hex'), enc: fc.uint8Array({ maxLength: 1500 }), ciphertext: fc.uint8Array({ maxLength: 3000 }), extra: fc.boolean() })
    .map((e): HeaderMutation => (r) => {
      let model: unknown = 'cordon-demo';
      try {
        const parsed: unknown = JSON.parse(r.body.toString('utf8'));
        if (parsed && typeof parsed === 'object' && 'model' in parsed) model = parsed.model;
      } catch {
        /* not JSON: the demo model */
      }
      const envelope = { version: 1, key_id: e.keyId, enc: Buffer.from(e.enc).toString('base64url'), ciphertext: Buffer.from(e.ciphertext).toString('base64url') };
      const body = Buffer.from(JSON.stringify({ model, max_tokens: 4, cordon_encrypted: envelope, ...(e.extra ? { messages: [] } : {}) }));
      return setHeader(setHeader(setHeader({ ...r, body }, 'content-length', String(body.length), 'sealed-envelope'), 'content-type', 'application/json', 'sealed-envelope'), 'x-cordon-encrypted', '1', 'sealed-envelope');
    }),
);
