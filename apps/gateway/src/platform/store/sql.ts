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

/** One condition of a WHERE clause and its parameters (`?` placeholders, in order), or null: left out. */
export type Condition = readonly [sql: string, ...params: Array<string | number>] | null;

/**
 * A WHERE clause of the conditions given, joined with AND: the clause ('' when there is none, else
 * starting with ' WHERE ') and its parameters, in order.
 */
export function whereAll(conditions: readonly Condition[]): { sql: string; params: Array<string | number> } {
  const present = conditions.filter((c) => c !== null);
  return { sql: present.length ? ` WHERE ${present.map(([sql]) => sql).join(' AND ')}` : '', params: present.flatMap(([, ...params]) => params) };
}

/**
 * A WHERE clause of equality and time-window filters, in portable SQL: `eq` columns must equal
 * their values (undefined ones are left out), and `ts` falls in [start, end).
 */
export function whereWindow(eq: Record<string, string | undefined>, window: { start?: number; end?: number }): { sql: string; params: Array<string | number> } {
  return whereAll([
    ...Object.entries(eq).map(([column, value]): Condition => (value === undefined ? null : [`${column} = ?`, value])),
    window.start === undefined ? null : ['ts >= ?', window.start],
    window.end === undefined ? null : ['ts < ?', window.end],
  ]);
}
