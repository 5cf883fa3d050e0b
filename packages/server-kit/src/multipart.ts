/**
 * The multipart/form-data reader of the multipart operations (audio transcriptions and
 * translations): multer with memory storage and a limit on everything a client controls (file
 * size, one file in the field `file`, field count, field size, field-name size, part count, the
 * whole body), every failure an OpenAI-shaped 400 or 413, and the field names checked against the
 * operation's schema in the contract. busboy itself caps each part's headers at 16 KiB and 2000
 * pairs (a part over that is a malformed body: 400).
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import multer from 'multer';
import { ApiError } from './errors.js';
import { routeOf } from './paths.js';
import type { OperationDef } from './runtime.js';

export interface MultipartLimits {
  /** Largest file, bytes. */
  fileBytes: number;
  /** Most text fields. */
  fields: number;
  /** Largest text field value, bytes. */
  fieldBytes: number;
  /** Longest field name, bytes. */
  fieldNameBytes: number;
  /** Most parts (fields and files together). */
  parts: number;
  /** Refuse field names the operation's schema does not define (400); else pass them on. */
  rejectUnknownFields: boolean;
}

export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = {
  fileBytes: 25 * 1024 * 1024,
  fields: 32,
  fieldBytes: 4096,
  fieldNameBytes: 100,
  parts: 40,
  rejectUnknownFields: true,
};

/** Boundaries, part headers and the preamble: allowed on top of the file and the fields. */
const FRAMING_BYTES = 1024 * 1024;
const FILE_FIELD = 'file';
const MULTIPART = /^multipart\/form-data\s*(;|$)/i;


const shown = (name: string) => (name.length > 64 ? `${name.slice(0, 64)}…` : name);

/** The largest multipart body these limits allow: larger is a 413 before any of it is read. */
export const multipartBodyLimit = (l: MultipartLimits) => l.fileBytes + l.fields * l.fieldBytes + FRAMING_BYTES;

function fromMulter(err: unknown, l: MultipartLimits): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof multer.MulterError) {
    const field = err.field === undefined ? null : shown(err.field);
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new ApiError(413, `The uploaded file is larger than the limit of ${l.fileBytes} bytes.`, 'payload_too_large', FILE_FIELD);
      case 'LIMIT_FILE_COUNT':
        return new ApiError(400, `Only one file may be uploaded, in the '${FILE_FIELD}' field; this request has more.`, 'too_many_files', FILE_FIELD);
      case 'LIMIT_PART_COUNT':
        return new ApiError(413, `The multipart body has more than ${l.parts} parts.`, 'too_many_parts');
      case 'LIMIT_FIELD_COUNT':
        return new ApiError(413, `The multipart body has more than ${l.fields} fields.`, 'too_many_fields');
      case 'LIMIT_FIELD_VALUE':
        return new ApiError(400, `The value of '${field ?? 'a field'}' is longer than ${l.fieldBytes} bytes.`, 'field_too_long', field);
      case 'LIMIT_FIELD_KEY':
        return new ApiError(400, `A field name is longer than ${l.fieldNameBytes} bytes.`, 'invalid_field_name');
      default:
        return new ApiError(400, `Invalid multipart field${field ? ` '${field}'` : ''}: ${err.message}.`, 'invalid_field_name', field);
    }
  }
  // busboy: no boundary, a body that does not match its boundary, a malformed or oversized part
  // header, a body that ends before its closing boundary.
  return new ApiError(
    400,
    'The multipart/form-data body could not be read: it does not match the boundary its content type declares, has a malformed part, or ends early.',
    'invalid_multipart',
  );
}

/** The property names of an operation's multipart schema (local `$ref`s followed). */
function fieldNames(spec: Record<string, any>, op: OperationDef): Set<string> | null {
  let schema = spec.paths?.[op.specPath]?.[op.method]?.requestBody?.content?.['multipart/form-data']?.schema;
  for (let hops = 0; schema?.$ref && hops < 8; hops++) {
    const ref: string = schema.$ref;
    if (!ref.startsWith('#/')) return null;
    schema = ref
      .slice(2)
      .split('/')
      .reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return schema?.properties ? new Set(Object.keys(schema.properties)) : null;
}

/** The file a multipart request carried in its `file` field. */
export interface UploadedFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

const uploads = new WeakMap<IncomingMessage, UploadedFile>();

/** The file of a multipart request, once the reader has read it; undefined when there was none. */
export function uploadedFile(req: IncomingMessage): UploadedFile | undefined {
  return uploads.get(req);
}

/**
 * Reads the body of a multipart operation matched by the path gate (others pass through untouched)
 * into `req.body` (text fields) and `req.files` (the one file), as express-openapi-validator's
 * uploader did: the file's field is set to '' in `req.body` so the schema's `required` holds.
 */
export function multipartReader(spec: Record<string, any>, limits: MultipartLimits): RequestHandler {
  // multer 2's nesting and array-index limits are newer than its type definitions.
  const multerLimits: NonNullable<multer.Options['limits']> & { fieldNestingDepth: number; fieldArrayIndexLimit: number } = {
    fileSize: limits.fileBytes,
    files: 1,
    fields: limits.fields,
    fieldSize: limits.fieldBytes,
    fieldNameSize: limits.fieldNameBytes,
    parts: limits.parts,
    // `timestamp_granularities[]` nests once; no field of the contract is deeper.
    fieldNestingDepth: 1,
    fieldArrayIndexLimit: limits.fields,
  };
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: multerLimits,
    fileFilter: (_req, file, cb) => {
      if (file.fieldname === FILE_FIELD) return cb(null, true);
      cb(new ApiError(400, `Unexpected file in the field '${shown(file.fieldname)}': send the audio as the '${FILE_FIELD}' field.`, 'unexpected_file', shown(file.fieldname)));
    },
  }).any();
  const names = new Map<string, Set<string> | null>();
  const bodyLimit = multipartBodyLimit(limits);

  return (req, res, next) => {
    const op = routeOf(req)?.op;
    if (!op || !op.requestContentTypes.includes('multipart/form-data')) return next();
    const ct = req.headers['content-type'];
    if (ct === undefined || !MULTIPART.test(ct)) return next(); // the validator answers 415
    if (Number(req.headers['content-length']) > bodyLimit) {
      return next(new ApiError(413, `Request body too large: a multipart body may be at most ${bodyLimit} bytes.`, 'payload_too_large'));
    }
    let settled = false;
    const finish = (err?: unknown) => {
      if (settled) return;
      settled = true;
      next(err);
    };
    upload(req, res, (err?: unknown) => {
      if (err) return finish(fromMulter(err, limits));
      const files = Array.isArray(req.files) ? req.files : [];
      const body: Record<string, unknown> = req.body ?? {};
      if (limits.rejectUnknownFields) {
        if (!names.has(op.operationId)) names.set(op.operationId, fieldNames(spec, op));
        const known = names.get(op.operationId);
        const unknown = known && Object.keys(body).find((k) => !known.has(k));
        if (unknown) return finish(new ApiError(400, `Unknown parameter: '${shown(unknown)}'.`, 'unknown_parameter', shown(unknown)));
      }
      const file = files.find((f) => f.fieldname === FILE_FIELD);
      if (file) uploads.set(req, { originalname: file.originalname, mimetype: file.mimetype, buffer: file.buffer });
      if (files.length > 0) body[FILE_FIELD] = '';
      finish();
    });
    // A chunked body is counted as it arrives: past the limit it is a 413 at once.
    if (req.headers['content-length'] === undefined) {
      let seen = 0;
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > bodyLimit && !settled) {
          finish(new ApiError(413, `Request body too large: a multipart body may be at most ${bodyLimit} bytes.`, 'payload_too_large'));
        }
      });
    }
  };
}
