/**
 * Confidential inference on the engine host (docs/confidential.md): the host's key pair (made at
 * start, in memory only), its evidence, and the sealed lane: a request marked `x-cordon-encrypted`
 * is opened here (replays and stale requests refused), handed to the ordinary lanes as if it had
 * come in clear, and its answer sealed on the way out: a JSON answer whole, a stream event by event
 * with a final chunk. Errors stay in clear (none carries request text).
 */
import { mkdirSync, readFileSync, rmdirSync, writeFileSync, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ApiError, presetJsonBody, readPlainJson, writeJson, type BodyRequest } from '@cordon/server-kit';
import {
  ConfidentialError,
  ReplayGuard,
  attestationOf,
  fromB64u,
  generateHostKey,
  openRequest,
  SseDataSplitter,
  NONCE_BYTES,
  OUTPUT_POLICY_FIELD,
  type AnswerSealer,
  type Attestation,
  type EvidenceType,
  type HostKey,
  type SealedOperation,
  type ServedSealedOperation,
  splitSealedPath,
} from '@cordon/confidential';
import type { Log } from '../log.js';
import { RequestContext } from '../http/request-context.js';
import { compileGuardrails, createOutputFilter } from '../guardrails/index.js';
import { fullPolicy } from '../platform/policies.js';
import type { Admission } from '../policy/enforcer.js';
import type { HostAdmitter } from './host-deps.js';
import type { StaticCatalog } from './catalog.js';
import type { GatewayHandlers } from '../handlers/deps.js';
import { modelNotFound } from '../handlers/openai/resolve.js';
import { isRecord, usageInJson } from '../records.js';

/** The header a client (or the gateway, passing it on) sets on a sealed request (see @cordon/confidential). */
export { SEALED_HEADER } from '@cordon/confidential';

/** The sealed operation of a path the host serves ('/v1/chat/completions'), if it is one. */
export function sealedOperationOf(path: string): ServedSealedOperation | undefined {
  const sealed = splitSealedPath(path);
  return sealed?.base === '/v1' ? sealed.op : undefined;
}

/** The kernel's interface for TEE reports (Linux 6.7+ on SEV-SNP and TDX guests). */
const TSM_REPORTS = '/sys/kernel/config/tsm/report';
const TSM_PROVIDERS: Record<string, EvidenceType> = { sev_guest: 'sev-snp', tdx_guest: 'tdx' };

/**
 * A hardware report whose REPORT_DATA is `reportData`, from configfs-tsm; null where there is no
 * such interface (no TEE: the evidence is then `none`). Not testable on this machine (no TEE).
 */
function tsmReport(reportData: Uint8Array, seq: number): { type: EvidenceType; report: Uint8Array } | null {
  if (!existsSync(TSM_REPORTS)) return null;
  const dir = join(TSM_REPORTS, `cordon-${process.pid}-${seq}`);
  mkdirSync(dir);
  try {
    writeFileSync(join(dir, 'inblob'), reportData);
    const provider = readFileSync(join(dir, 'provider'), 'utf8').trim();
    const type = TSM_PROVIDERS[provider];
    if (!type) return null;
    return { type, report: new Uint8Array(readFileSync(join(dir, 'outblob'))) };
  } finally {
    rmdirSync(dir);
  }
}

export interface ConfidentialHost {
  key: HostKey;
  guard: ReplayGuard;
  /** The evidence for this host's key and the caller's nonce. */
  attestation(nonceParam: unknown): Attestation;
}

/** GET /v1/attestation?model=&nonce= on the host (the contract's getAttestation): one key for all its models. */
export function attestationHandlers(host: ConfidentialHost, catalog: StaticCatalog): Pick<GatewayHandlers, 'getAttestation'> {
  return {
    async getAttestation(req, res) {
      if (!catalog.get(req.query.model)) throw modelNotFound(req.query.model);
      res.json(host.attestation(req.query.nonce));
    },
  };
}

export async function createConfidentialHost(): Promise<ConfidentialHost> {
  const key = await generateHostKey();
  const guard = new ReplayGuard();
  let reports = 0;
  return {
    key,
    guard,
    attestation(nonceParam) {
      const nonce = fromB64u(nonceParam);
      if (!nonce || nonce.length !== NONCE_BYTES) throw new ApiError(400, `'nonce' must be ${NONCE_BYTES} random bytes, base64url.`, 'invalid_value', 'nonce');
      const plain = attestationOf(key, nonce);
      const hardware = tsmReport(Buffer.from(plain.evidence.report_data, 'hex'), reports++);
      return hardware ? attestationOf(key, nonce, hardware) : plain;
    },
  };
}

/**
 * Seals what the lanes write to `res`: a 2xx JSON answer whole (held until it ends, then sent with
 * its new length), a 2xx event stream one `data:` event at a time (a `[DONE]` becomes the final
 * chunk, followed by a clear `[DONE]`); anything else (errors) goes out as it is.
 */
function sealAnswer(res: ServerResponse, sealer: AnswerSealer, log: Log, takeViolations: () => string[]): void {
  const writeHead = res.writeHead.bind(res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let mode: 'json' | 'sse' | 'clear' | undefined;
  let queue = Promise.resolve();
  const held: Buffer[] = [];
  const events = new SseDataSplitter();

  const decide = () => {
    if (mode) return mode;
    const type = String(res.getHeader('content-type') ?? '');
    mode = res.statusCode >= 300 ? 'clear' : /^application\/json/i.test(type) ? 'json' : /^text\/event-stream/i.test(type) ? 'sse' : 'clear';
    if (mode === 'sse') {
      res.removeHeader('content-length');
      writeHead(res.statusCode);
    }
    return mode;
  };
  // The output rules applied so far go out in clear (names only) with the next sealed piece.
  const withViolations = <T extends object>(sealed: T): T | (T & { violations: string[] }) => {
    const violations = takeViolations();
    return violations.length ? { ...sealed, violations } : sealed;
  };
  const fail = (err: unknown) => {
    log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'sealing an answer failed');
    res.destroy();
  };
  const sealEvents = (text: string) => {
    for (const data of events.push(text)) {
      if (data === '[DONE]') queue = queue.then(async () => void write(`data: ${JSON.stringify(withViolations(await sealer.sealEnd()))}\n\ndata: [DONE]\n\n`));
      else if (data) queue = queue.then(async () => void write(`data: ${JSON.stringify(withViolations(await sealer.sealChunk(data, usageInJson(data) ?? undefined)))}\n\n`));
    }
    queue = queue.catch(fail);
  };
  const chunkText = (chunk: unknown): string => (typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '');

  res.writeHead = function sealedWriteHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((r) => isRecord(r));
    if (headers) for (const [k, v] of Object.entries(headers)) if (typeof v === 'string' || typeof v === 'number' || Array.isArray(v)) res.setHeader(k, v);
    return res;
  };
  res.write = function sealedWrite(chunk: unknown, ...rest: unknown[]) {
    const m = decide();
    if (m === 'clear') {
      if (!res.headersSent) writeHead(res.statusCode);
      return write(chunkText(chunk));
    }
    if (m === 'json') held.push(Buffer.from(chunkText(chunk)));
    else sealEvents(chunkText(chunk));
    const cb = rest.find((r) => typeof r === 'function');
    if (typeof cb === 'function') queue.then(() => cb());
    return true;
  };
  res.end = function sealedEnd(chunk?: unknown, ...rest: unknown[]) {
    const m = decide();
    const cb = [chunk, ...rest].find((r) => typeof r === 'function');
    const last = typeof chunk === 'function' ? '' : chunkText(chunk);
    if (m === 'clear') {
      if (!res.headersSent) writeHead(res.statusCode);
      end(last, () => typeof cb === 'function' && cb());
      return res;
    }
    if (m === 'sse') {
      if (last) sealEvents(last);
      queue.then(() => end(() => typeof cb === 'function' && cb()));
      return res;
    }
    held.push(Buffer.from(last));
    queue = queue
      .then(async () => {
        const text = Buffer.concat(held).toString('utf8');
        const sealed = JSON.stringify(withViolations(await sealer.sealJson(JSON.parse(text), usageInJson(text) ?? undefined)));
        res.setHeader('content-length', Buffer.byteLength(sealed));
        writeHead(res.statusCode);
        end(sealed, () => typeof cb === 'function' && cb());
      })
      .catch(fail);
    return res;
  };
}

const sealedError = (res: ServerResponse, err: ConfidentialError | ApiError) => {
  res.setHeader('connection', 'close');
  writeJson(res, err.status, { error: { message: err.message, type: err.status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code: err.code } });
};

/**
 * The sealed lane in front of the host's OpenAI lanes: reads and opens a sealed request, then hands
 * it to `next` with the opened body and an answer that seals itself.
 */
export function sealedLane(host: ConfidentialHost, admitter: HostAdmitter, bodyLimit: number, log: Log, next: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: BodyRequest, res: ServerResponse, operation: SealedOperation): void => {
    readPlainJson(req, bodyLimit, (readErr) => {
      if (readErr) return sealedError(res, new ApiError(400, 'A sealed request must be a JSON object (application/json).', 'invalid_json'));
      const body = req.body;
      if (!isRecord(body)) return sealedError(res, new ApiError(400, 'A sealed request must be a JSON object.', 'invalid_json'));
      // The domain's output rules, from the gateway (beside the envelope, not in it).
      const { [OUTPUT_POLICY_FIELD]: outputRules, ...envelope } = body;
      let filter: Admission | null = null;
      if (outputRules !== undefined) {
        try {
          const guard = compileGuardrails(fullPolicy({ guardrails: { output: outputRules } }).guardrails);
          filter = { filtersOutput: true, outputFilter: () => createOutputFilter(guard), settle: () => {} };
        } catch (err) {
          return sealedError(res, new ApiError(400, `'${OUTPUT_POLICY_FIELD}' is not a valid output policy: ${err instanceof Error ? err.message : String(err)}`, 'invalid_value'));
        }
      }
      openRequest(host.key, operation, envelope, host.guard).then(
        (opened) => {
          presetJsonBody(req, opened.body);
          const ctx = RequestContext.for(req, res);
          if (filter) admitter.filterFor(ctx, filter);
          sealAnswer(res, opened.answer, log, () => admitter.takeViolations(ctx));
          next(req, res);
        },
        (err: unknown) => {
          if (err instanceof ConfidentialError) return sealedError(res, err);
          log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'opening a sealed request failed');
          sealedError(res, new ApiError(500, 'The sealed request could not be opened.', 'server_error'));
        },
      );
    });
  };
}
