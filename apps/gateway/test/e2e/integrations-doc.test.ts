// docs/integrations.md, executed: every Node snippet (a ```js cordon-test block) runs as its own ESM
// file in a child `node` against a started gateway, with CORDON_BASE_URL and CORDON_API_KEY set as
// the page tells users to set them; the Continue config.yaml and OpenCode opencode.json blocks are
// read and their models sent the requests those tools send.
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText, tool } from 'ai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { gatewayRoot, makeDomainKey, startTestGateway, type TestGateway } from '../helpers.js';
import { pcmWav } from '../support/wav.js';

const DOC = join(gatewayRoot, '../../docs/integrations.md');
const MARKER = 'cordon-test';
/** The address the page shows, replaced by the started gateway's in the config files. */
const SHOWN_BASE_URL = 'http://127.0.0.1:8080/proxy/team-a/v1';

interface Block {
  lang: string;
  info: string;
  code: string;
  /** The heading the block sits under, for test names. */
  heading: string;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let heading = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    const open = /^```(\S*)\s*(.*)$/.exec(line);
    if (!open || !open[1]) continue;
    const end = lines.indexOf('```', i + 1);
    if (end === -1) throw new Error(`unclosed code block at line ${i + 1}`);
    out.push({ lang: open[1], info: open[2]!.trim(), code: lines.slice(i + 1, end).join('\n'), heading });
    i = end;
  }
  return out;
}

const all = blocks(readFileSync(DOC, 'utf8'));
const NODE_LANGS = ['js', 'mjs', 'javascript', 'ts', 'typescript', 'jsx', 'tsx'];
const snippets = all.filter((b) => NODE_LANGS.includes(b.lang));

let gw: TestGateway;
let key: string;
let baseURL: string;
let dir: string;

beforeAll(async () => {
  gw = await startTestGateway();
  key = (await makeDomainKey(gw, 'team-a')).secret;
  baseURL = `${gw.url}/proxy/team-a/v1`;
  // Inside apps/gateway (in its git-ignored .cache/), so that `import 'openai'` and the rest resolve
  // from the snippet files as they do for a project that installed them.
  mkdirSync(join(gatewayRoot, '.cache'), { recursive: true });
  dir = mkdtempSync(join(gatewayRoot, '.cache', 'doc-snippets-'));
  writeFileSync(join(dir, 'speech.wav'), pcmWav({ seconds: 2, freq: 300 }));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  await gw?.stop();
});

function runNode(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [file], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CORDON_BASE_URL: baseURL, CORDON_API_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.once('error', reject);
    p.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('docs/integrations.md', () => {
  it('every Node snippet is marked to run, and there is one for each client', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
    for (const s of snippets) expect({ heading: s.heading, lang: s.lang, info: s.info }).toEqual({ heading: s.heading, lang: 'js', info: MARKER });
    const code = snippets.map((s) => s.code).join('\n');
    for (const pkg of ["from 'openai'", "from '@ai-sdk/openai-compatible'", "from '@ai-sdk/openai'", "from '@langchain/openai'"]) expect(code).toContain(pkg);
    // Each reads the address and the key from the environment, never a literal.
    for (const s of snippets) {
      expect(s.code).toContain('process.env.CORDON_BASE_URL');
      expect(s.code).toContain('process.env.CORDON_API_KEY');
      expect(s.code).not.toMatch(/cordon-[a-z]+-[0-9a-f]{16,}|https?:\/\//);
    }
  });

  snippets.forEach((s, i) => {
    it(`the snippet under "${s.heading}" (#${i + 1}) runs against the gateway`, async () => {
      const file = join(dir, `snippet-${i + 1}.mjs`);
      writeFileSync(file, s.code);
      const r = await runNode(file);
      expect(r.code, `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`).toBe(0);
      // (Once in CI a run exited 0 in 234 ms with nothing on stdout; stderr and the signal now say more.)
      expect(r.stdout.trim().length, `exit ${r.code} with no output\nstderr:\n${r.stderr}`).toBeGreaterThan(0);
      // No library fell back to something else or dropped a setting (the AI SDK warns on stderr).
      // Node's own deprecation notices about a dependency's imports are not the snippet's doing.
      const stderr = r.stderr.split('\n').filter((l) => !/DeprecationWarning|--trace-deprecation/.test(l)).join('\n');
      expect(stderr).not.toMatch(/warn|error/i);
    });
  });

  it('the Python snippet is valid Python (it is not run)', () => {
    const python = all.filter((b) => b.lang === 'python');
    expect(python.length).toBeGreaterThan(0);
    const has = spawnSync('python3', ['--version']).status === 0;
    if (!has) {
      if (process.env.CI === 'true') throw new Error('python3 is missing');
      console.warn('integrations-doc: python3 not found, the Python snippet is not parsed');
      return;
    }
    for (const b of python) {
      const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: b.code });
      expect(r.status, String(r.stderr)).toBe(0);
      expect(b.code).toContain('os.environ["CORDON_BASE_URL"]');
    }
  });

  const tools = { get_weather: tool({ description: 'Weather for a city', inputSchema: z.object({ city: z.enum(['Paris', 'London']) }) }) };

  it("Continue's config.yaml: each model answers the requests Continue sends for its roles", async () => {
    const yaml = all.find((b) => b.lang === 'yaml' && b.code.includes('provider: openai'));
    expect(yaml).toBeDefined();
    const config = parseYaml(yaml!.code) as { models: { provider: string; model: string; apiBase: string; apiKey: string; roles: string[] }[] };
    expect(config.models.length).toBeGreaterThan(0);
    for (const m of config.models) {
      expect(m.provider).toBe('openai');
      expect(m.apiBase).toBe(SHOWN_BASE_URL);
      expect(m.apiKey).toBe('${{ secrets.CORDON_API_KEY }}');
      const client = new OpenAI({ baseURL: m.apiBase.replace(SHOWN_BASE_URL, baseURL), apiKey: key, maxRetries: 0 });
      if (m.roles.includes('chat')) {
        const stream = await client.chat.completions.create({
          model: m.model,
          messages: [{ role: 'system', content: 'You are a coding assistant.' }, { role: 'user', content: 'Hello' }],
          max_tokens: 20,
          stream: true,
          tools: [{ type: 'function', function: { name: 'read_file', description: 'Read a file', parameters: { type: 'object', properties: { filepath: { type: 'string' } }, required: ['filepath'] } } }],
        });
        let finish: string | null = null;
        for await (const c of stream) finish = c.choices[0]?.finish_reason ?? finish;
        expect(finish).toMatch(/stop|length|tool_calls/);
      }
      if (m.roles.includes('embed')) {
        const e = await client.embeddings.create({ model: m.model, input: ['function add(a, b) { return a + b; }'] });
        expect(e.data[0]!.embedding.length).toBeGreaterThan(0);
      }
    }
  });

  it("OpenCode's opencode.json: the provider it declares, loaded as OpenCode loads it, streams a chat with tools", async () => {
    const json = all.find((b) => b.lang === 'json' && b.code.includes('"provider"'));
    expect(json).toBeDefined();
    const config = JSON.parse(json!.code) as { provider: Record<string, { npm: string; options: { baseURL: string; apiKey: string }; models: Record<string, unknown> }>; model: string };
    const [id, provider] = Object.entries(config.provider)[0]!;
    expect(provider.npm).toBe('@ai-sdk/openai-compatible');
    expect(provider.options.baseURL).toBe(SHOWN_BASE_URL);
    expect(provider.options.apiKey).toBe('{env:CORDON_API_KEY}');
    expect(config.model.startsWith(`${id}/`)).toBe(true);
    const cordon = createOpenAICompatible({ name: id, ...provider.options, baseURL: baseURL, apiKey: key });
    for (const modelId of Object.keys(provider.models)) {
      const result = streamText({ model: cordon.chatModel(modelId), system: 'You are a coding agent.', prompt: 'Hello', tools, maxOutputTokens: 20, maxRetries: 0 });
      for await (const part of result.fullStream) if (part.type === 'error') throw part.error;
      expect(['stop', 'length', 'tool-calls']).toContain(await result.finishReason);
    }
  });
});
