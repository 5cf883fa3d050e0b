#!/usr/bin/env node
// Guardrail cost on a 100 KB prompt, per rule family (after `npm run build`).
//   node scripts/bench/guardrails.mjs
import os from 'node:os';
import { compileGuardrails, checkInput, createOutputFilter } from '../../apps/gateway/dist/guardrails/index.js';
import { fullPolicy } from '../../apps/gateway/dist/platform/policies.js';

const words = 'the quick brown fox jumps over the lazy dog and then writes a long report about gateways'.split(' ');
let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
let prompt = '';
while (prompt.length < 100_000) prompt += words[Math.floor(rnd() * words.length)] + (rnd() < 0.1 ? '. ' : ' ');
prompt = prompt.slice(0, 100_000);
const allow = { email: 'allow', phone: 'allow', credit_card: 'allow', iban: 'allow', ip_address: 'allow', us_ssn: 'allow', custom: [] };
const families = {
  'size limits': { max_chars: 1_000_000 },
  'blocked terms (50)': { blocked_terms: Array.from({ length: 50 }, (_, i) => `secret project ${i}`) },
  'blocked patterns (10)': { blocked_patterns: Array.from({ length: 10 }, (_, i) => ({ name: `p${i}`, pattern: `TCK-${i}\\d{4}` })) },
  'prompt injection': { injection_detection: true },
  'PII (all six kinds, mask)': { pii: { ...allow, email: 'mask', phone: 'mask', credit_card: 'mask', iban: 'mask', ip_address: 'mask', us_ssn: 'mask' } },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`machine: ${os.cpus()[0].model}, ${os.availableParallelism()} cores, node ${process.version}; prompt ${prompt.length} chars; median of 50 runs`);
for (const [name, input] of Object.entries(families)) {
  const c = compileGuardrails(fullPolicy({ guardrails: { input } }).guardrails);
  const times = [];
  for (let i = 0; i < 55; i++) {
    const t0 = performance.now();
    checkInput(c, [prompt]);
    if (i >= 5) times.push(performance.now() - t0);
  }
  console.log(`input  ${name.padEnd(28)} ${median(times).toFixed(3)} ms`);
}
const out = compileGuardrails(fullPolicy({ guardrails: { output: { blocked_terms: ['top secret'], pii: { ...allow, email: 'mask', credit_card: 'mask', iban: 'mask', us_ssn: 'mask' } } } }).guardrails);
const chunks = prompt.match(/.{1,4}/gs);
const times = [];
for (let i = 0; i < 25; i++) {
  const f = createOutputFilter(out);
  const t0 = performance.now();
  for (const ch of chunks) f.push(ch);
  f.end();
  if (i >= 5) times.push((performance.now() - t0) / chunks.length);
}
console.log(`output stream filter, 4-char chunks          ${(median(times) * 1000).toFixed(2)} us per chunk (${chunks.length} chunks)`);
