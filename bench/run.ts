/**
 * `pnpm bench [suite...]`: runs the suites under bench/ (files `<name>.bench.ts`), prints a Markdown
 * table per suite and writes `bench/results/<suite>.json`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchSuite, formatTable, runCase } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const available = files.map((f) => f.slice(0, -'.bench.ts'.length));
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    console.error(`unknown bench suite(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
    process.exit(2);
  }
  const selected = wanted.length > 0 ? wanted : available;
  mkdirSync(join(here, 'results'), { recursive: true });
  for (const name of selected) {
    const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as { default: BenchSuite };
    const suite = mod.default;
    console.log(`\n## ${suite.name}\n\n${suite.description}\n`);
    const results = [];
    for (const c of await suite.cases()) {
      results.push(await runCase(c));
      console.error(`  done: ${c.name}`);
    }
    console.log(formatTable(results));
    writeFileSync(
      join(here, 'results', `${suite.name}.json`),
      `${JSON.stringify({ suite: suite.name, node: process.version, date: new Date().toISOString(), results }, null, 1)}\n`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
