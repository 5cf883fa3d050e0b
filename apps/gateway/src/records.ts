/** A JSON object (not null, not an array), as parsed JSON is checked before its fields are read. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
