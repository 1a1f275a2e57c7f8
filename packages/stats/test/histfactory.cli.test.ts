import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/hep.js';

const here = dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(join(here, 'fixtures', 'histfactory_cases.json'), 'utf8')) as {
  name: string;
  variant: string;
  spec: unknown;
  expected: { cls_obs: number; cls_exp: number[]; mu_up_obs: number; mu_up_exp: number[] };
}[];
const hello = cases.find((c) => c.name.startsWith('hello_world') && c.variant === 'computed');
const dir = mkdtempSync(join(tmpdir(), 'hep-cli-'));
const wsPath = join(dir, 'ws.json');
writeFileSync(wsPath, JSON.stringify(hello?.spec));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('hep CLI', async () => {
  it('cls --json prints pyhf keys matching pyhf', async () => {
    const r = await run(['cls', wsPath, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Math.abs(j.CLs_obs / (hello?.expected.cls_obs ?? 0) - 1)).toBeLessThan(1e-5);
    expect(j.CLs_exp).toHaveLength(5);
  });

  it('upperlimit prints mu_obs and five mu_exp', async () => {
    const j = JSON.parse((await run(['upperlimit', wsPath, '--json'])).out);
    expect(Math.abs(j.mu_obs / (hello?.expected.mu_up_obs ?? 0) - 1)).toBeLessThan(1e-5);
    expect(j.mu_exp).toHaveLength(5);
  });

  it('fit prints twice_nll, best-fit values and uncertainties; patches apply', async () => {
    const patch = join(dir, 'patch.json');
    writeFileSync(patch, JSON.stringify([{ op: 'replace', path: '/observations/0/data/0', value: 70 }]));
    const a = JSON.parse((await run(['fit', wsPath, '--json'])).out);
    const b = JSON.parse((await run(['fit', wsPath, '--patch', patch, '--json'])).out);
    expect(a.status).toBe(0);
    expect(a.bestfit.mu).toBeLessThan(b.bestfit.mu);
    expect(a.uncertainty.mu).toBeGreaterThan(0);
  });

  it('brazil writes an SVG', async () => {
    const svg = join(dir, 'b.svg');
    expect((await run(['brazil', wsPath, '--out', svg, '--points', '5'])).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('fill="yellow"');
  });

  it('toys: shards merged equal the unsharded run (threads and sharding do not change results)', async () => {
    const common = ['--ntoys', '60', '--seed', '3', '--poi-value', '1'];
    const whole = JSON.parse((await run(['toys', wsPath, ...common, '--threads', '2', '--json'])).out);
    expect(whole.ntoys).toBe(60);
    expect(whole.CLs_exp).toHaveLength(5);
    const files = [0, 1, 2].map((k) => join(dir, `shard${k}.json`));
    for (const [k, f] of files.entries()) {
      const r = await run(['toys', wsPath, ...common, '--threads', '1', '--shard', `${k}/3`, '--out', f]);
      expect(r.code).toBe(0);
    }
    const merged = JSON.parse(
      (await run(['merge', files[2] as string, files[0] as string, files[1] as string, '--json'])).out,
    );
    expect(merged).toEqual(whole);
    const gap = await run(['merge', files[0] as string, files[2] as string]);
    expect(gap.code).toBe(1);
    expect(gap.err).toMatch(/missing/);
    expect((await run(['toys', wsPath, '--shard', '1/3'])).err).toMatch(/needs --out/);
    expect((await run(['toys', wsPath, '--ntoys', '0'])).code).toBe(2);
  });

  it('fails clearly on bad input', async () => {
    expect((await run(['cls'])).code).toBe(2);
    expect((await run(['frobnicate', wsPath])).err).toMatch(/unknown command/);
    expect((await run(['cls', join(dir, 'missing.json')])).err).toMatch(/cannot read/);
    expect((await run(['cls', wsPath, '--test-stat', 'z'])).code).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        channels: [
          {
            name: 'c',
            samples: [{ name: 's', data: [1], modifiers: [{ name: 'x', type: 'nope', data: null }] }],
          },
        ],
      }),
    );
    const r = await run(['cls', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/channels\[0\]\.samples\[0\]\.modifiers\[0\]\.type/);
  });
});
