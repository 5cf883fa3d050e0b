/** Driver-layer helpers: placeholder translation and parameter normalisation. */
import type { Param } from './types.js';

/**
 * `?` placeholders to `$1, $2, ...` (PostgreSQL's), leaving `?` inside string literals, quoted
 * identifiers and comments alone. SQLite takes `?` as it is.
 */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = findClosingQuote(sql, i, c);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length - 1 : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end === -1 ? sql.length - 1 : end + 1;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === '?') {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  return out;
}

function findClosingQuote(sql: string, start: number, q: string): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] === q) {
      if (sql[i + 1] === q) i++; // doubled quote: an escaped one
      else return i;
    }
  }
  return sql.length - 1;
}

/** Booleans to 0/1 and undefined to NULL: what every driver can bind. */
export function normalizeParams(params: readonly Param[]): Array<Exclude<Param, boolean | undefined>> {
  return params.map((p) => (p === undefined ? null : typeof p === 'boolean' ? (p ? 1 : 0) : p));
}

/**
 * A WHERE clause of equality and time-window filters, in portable SQL: `eq` columns must equal
 * their values (undefined ones are left out), and `ts` falls in [start, end). Returns the clause
 * ('' when empty, else starting with ' WHERE ') and its parameters, in order.
 */
export function whereWindow(eq: Record<string, string | undefined>, window: { start?: number; end?: number }): { sql: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  for (const [column, value] of Object.entries(eq)) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (window.start !== undefined) {
    where.push('ts >= ?');
    params.push(window.start);
  }
  if (window.end !== undefined) {
    where.push('ts < ?');
    params.push(window.end);
  }
  return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}
