import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy, DomainService, PolicyService, type Store } from '../../src/platform/index.js';
import { STORE_KINDS, storeTargets } from './helpers.js';

describe.each(STORE_KINDS)('%s store', (kind) => {
  const stores = storeTargets(kind, 'policies');
  let store: Store;
  let policies: PolicyService;

  beforeAll(async () => {
    store = await (await stores.fresh()).open();
    const domains = new DomainService(store);
    await domains.create({ id: 'a', name: 'A' });
    await domains.create({ id: 'b', name: 'B' });
    policies = new PolicyService(store);
  });
  afterAll(async () => {
    await store.close();
  });

  const pii = { email: 'allow', phone: 'allow', credit_card: 'allow', iban: 'allow', ip_address: 'allow', us_ssn: 'allow', custom: [] };
  const limits = { requests_per_minute: null, tokens_per_minute: null, concurrent_requests: null };

  describe('PolicyService', () => {
    it('gives a domain without a policy the complete default', async () => {
      expect(await policies.get('a')).toEqual({
        guardrails: {
          input: { max_chars: null, max_tokens: null, blocked_terms: [], blocked_patterns: [], injection_detection: false, pii },
          output: { blocked_terms: [], blocked_patterns: [], pii },
        },
        limits: { key: limits, domain: limits, on_store_failure: 'open' },
      });
      expect(defaultPolicy()).toEqual(await policies.get('a'));
    });

    it('stores a partial policy merged over the default, per domain', async () => {
      const p = await policies.set('a', {
        guardrails: { input: { blocked_terms: ['project-x'], pii: { email: 'mask' }, blocked_patterns: [{ name: 'code', pattern: 'blue\\s*falcon', flags: 'i' }] } },
        limits: { key: { requests_per_minute: 60 } },
      });
      expect(p.guardrails.input.blocked_terms).toEqual(['project-x']);
      expect(p.guardrails.input.pii).toEqual({ ...pii, email: 'mask' });
      expect(p.guardrails.input.blocked_patterns).toEqual([{ name: 'code', pattern: 'blue\\s*falcon', flags: 'i' }]);
      expect(p.guardrails.output).toEqual(defaultPolicy().guardrails.output);
      expect(p.limits.key).toEqual({ ...limits, requests_per_minute: 60 });
      expect(p.limits.on_store_failure).toBe('open');
      expect(await policies.get('a')).toEqual(p);
      expect(await new PolicyService(store).get('a')).toEqual(p); // from the table, not only the cache
      expect(await policies.get('b')).toEqual(defaultPolicy());
      // set() replaces: what is not given goes back to the default
      expect((await policies.set('a', { limits: { on_store_failure: 'closed' } })).guardrails.input.blocked_terms).toEqual([]);
    });

    it('versions: a new number only when the content changes', async () => {
      const v1 = await policies.getVersioned('b');
      expect((await policies.getVersioned('b')).version).toBe(v1.version);
      const count = policies.changeCount;
      await policies.set('b', { guardrails: { input: { max_chars: 1000 } } });
      const v2 = await policies.getVersioned('b');
      expect(v2.version).toBeGreaterThan(v1.version);
      expect(policies.changeCount).toBeGreaterThan(count);
      await policies.set('b', { guardrails: { input: { max_chars: 1000 } } });
      expect((await policies.getVersioned('b')).version).toBe(v2.version);
    });

    it('validates (400 naming the field) and needs a known domain (404)', async () => {
      const bad: Array<[unknown, string]> = [
        [{ guardrails: { input: { max_chars: 0 } } }, 'guardrails.input.max_chars'],
        [{ guardrails: { input: { max_tokens: 1.5 } } }, 'guardrails.input.max_tokens'],
        [{ guardrails: { input: { blocked_terms: [''] } } }, 'guardrails.input.blocked_terms'],
        [{ guardrails: { input: { blocked_patterns: [{ name: 'x', pattern: '(' }] } } }, 'guardrails.input.blocked_patterns[0].pattern'],
        [{ guardrails: { output: { blocked_patterns: [{ name: 'x', pattern: 'a', flags: 'g' }] } } }, 'guardrails.output.blocked_patterns[0].flags'],
        [{ guardrails: { input: { pii: { email: 'delete' } } } }, 'guardrails.input.pii.email'],
        [{ guardrails: { output: { pii: { custom: [{ name: 'id', pattern: '[', action: 'mask' }] } } } }, 'guardrails.output.pii.custom[0].pattern'],
        [{ guardrails: { input: { injection_detection: 'yes' } } }, 'guardrails.input.injection_detection'],
        [{ limits: { domain: { concurrent_requests: -1 } } }, 'limits.domain.concurrent_requests'],
        [{ limits: { on_store_failure: 'maybe' } }, 'limits.on_store_failure'],
        [{ limits: 'none' }, 'limits'],
      ];
      for (const [p, param] of bad) await expect(policies.set('a', p as any), param).rejects.toMatchObject({ status: 400, param });
      await expect(policies.set('nope', {})).rejects.toMatchObject({ status: 404, code: 'domain_not_found' });
    });

    it('drops unknown fields and cannot be polluted through __proto__', async () => {
      const p = await policies.set('a', JSON.parse('{"__proto__": {"polluted": true}, "extra": 1, "guardrails": {"input": {"weird": 2}}}'));
      expect((p as any).extra).toBeUndefined();
      expect((p.guardrails.input as any).weird).toBeUndefined();
      expect(({} as any).polluted).toBeUndefined();
    });
  });
});
