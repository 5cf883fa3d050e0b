/**
 * Request-body validation, the same for both adapters: each operation with a JSON body has one
 * validator, generated at `npm run gen` time (ajv standalone code in generated/validators.gen.ts), and
 * its failures are reported in express-openapi-validator's error shape, so the one error mapper
 * (`errorSender`) words them as it words that validator's.
 */
import type { ErrorObject } from 'ajv';
import type { OperationDef } from './runtime.js';

/** A generated validator: validates `{ body }` in place (coercion, defaults), `errors` on failure. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ValidationFailure {
  status: 400;
  message: string;
  errors: Array<{ path: string; message: string; errorCode: string }>;
}

/** Validates a request body (coercing it and filling in defaults, in place); null when it is valid. */
export type BodyValidator = (body: unknown) => ValidationFailure | null;

/** ajv errors -> express-openapi-validator's error (its `augmentAjvErrors` and `ajvErrorsToValidatorError`). */
export function validationFailure(errors: readonly ErrorObject[]): ValidationFailure {
  const items = errors.map((e) => {
    const p = e.params as Record<string, unknown>;
    const extra = (p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty) as string | undefined;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) message = `${message}: ${p.allowedValues.join(', ')}`;
    return { path: extra !== undefined ? `${e.instancePath}/${extra}` : e.instancePath, message, errorCode: `${e.keyword}.openapi.validation` };
  });
  // ajv's errorsText with dataVar 'request', as the validator's message.
  const message = items.length ? errors.map((e, i) => `request${e.instancePath} ${items[i]!.message}`).join(', ') : 'No errors';
  return { status: 400, message, errors: items };
}

/** The body validator of a generated validator. */
export function bodyValidator(validate: GeneratedValidator): BodyValidator {
  return (body) => {
    if (validate({ body })) return null;
    return validationFailure(validate.errors ?? []);
  };
}

/** The body validators of the operations with a JSON body, from a generated validators table. */
export function bodyValidators(ops: Iterable<OperationDef>, generated: Readonly<Record<string, GeneratedValidator>>): Map<string, BodyValidator> {
  const out = new Map<string, BodyValidator>();
  for (const op of ops) {
    if (!op.requestContentTypes.includes('application/json')) continue;
    const validate = generated[op.operationId];
    if (!validate) throw new Error(`no generated validator for ${op.operationId}: run \`npm run gen\``);
    out.set(op.operationId, bodyValidator(validate));
  }
  return out;
}
