// rawQueryOf against the legacy parser it replaces (url.parse): the same query for the targets Node's
// HTTP parser delivers and url.parse read as plain paths, random ones included; the query as sent
// where url.parse percent-encoded it first.
import { parse } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rawQueryOf } from '../src/index.js';

/** Printable characters a request target may hold (no whitespace or controls: Node's parser refuses them), `#` and `@` aside. */
const ALPHABET = ['/', '?', '&', '=', '%', '2', '0', 'a', 'Z', '"', "'", '<', '>', '\\', '^', '`', '{', '|', '}', '[', ']', ':', ';', '.', '+', '!', '$', '(', ')', '*', ',', '~', 'é', 'ÿ'];

/** A small deterministic generator (mulberry32), so a failure names a reproducible target. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const legacy = (url: string): string | null => {
  const q = parse(url).query;
  return typeof q === 'string' ? q : null;
};

describe('rawQueryOf', () => {
  it('reads the query of request targets as url.parse did', () => {
    for (const url of ['/v1/models', '/v1/models?', '/v1/models?limit=2', '/a??b', '/a?b=1?c', '/a?b=%20x', '/proxy/d/v1/x?q=a%2Fb&r[]=1', "/a?b='x'", '/a?b=<x>&c={|}', '//x?y=1']) {
      expect(rawQueryOf(url), JSON.stringify(url)).toBe(legacy(url));
    }
  });

  it('agrees with url.parse on 20,000 random origin-form targets', () => {
    const next = random(20261127);
    for (let i = 0; i < 20_000; i++) {
      const n = 1 + Math.floor(next() * 16);
      let url = '/';
      for (let k = 0; k < n; k++) url += ALPHABET[Math.floor(next() * ALPHABET.length)];
      // url.parse turns backslashes before the query into slashes; a path then starting `///` it reads as a host.
      const q = url.indexOf('?');
      if ((q === -1 ? url : url.slice(0, q)).replace(/\\/g, '/').startsWith('///')) continue;
      expect(rawQueryOf(url), `target ${JSON.stringify(url)}`).toBe(legacy(url));
    }
  });

  it('cuts the fragment; a ? inside it is no query; with a # the query is as sent, not percent-encoded', () => {
    expect(rawQueryOf('/a?b=1#frag')).toBe('b=1');
    expect(legacy('/a?b=1#frag')).toBe('b=1');
    expect(rawQueryOf('/a#frag?b=1')).toBeNull();
    expect(legacy('/a#frag?b=1')).toBeNull();
    expect(rawQueryOf("/a?b='x'#f")).toBe("b='x'");
    expect(legacy("/a?b='x'#f")).toBe('b=%27x%27');
  });
});
