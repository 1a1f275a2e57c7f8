/**
 * `pnpm reproduce [suite...] [--seed N] [--size N] [--list]`: the main job. Runs reproduction
 * suites registered by the packages, prints "published | ours | difference / uncertainty | verdict"
 * per suite and writes `reports/<suite>.md` and `reports/<suite>.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { consoleProgress, type ReproductionReport, type ReproductionSuite } from '@hep/core';
import { reproductionSuites as kinematicsSuites } from '@hep/kinematics';
import { reproductionSuites as modelsSuites } from '@hep/models';
import { reproductionSuites as nplmSuites } from '@hep/nplm';
import { reproductionSuites as statsSuites } from '@hep/stats';
import { formatReport } from './report.js';

const suites: ReproductionSuite[] = [...kinematicsSuites, ...statsSuites, ...modelsSuites, ...nplmSuites];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      size: { type: 'string' },
      list: { type: 'boolean', default: false },
      out: { type: 'string', default: 'reports' },
    },
  });
  if (values.list) {
    for (const s of suites)
      console.log(`${s.name.padEnd(26)} ${s.title} (size: ${s.sizeDescription}, default ${s.defaultSize})`);
    return;
  }
  const byName = new Map(suites.map((s) => [s.name, s]));
  const unknown = positionals.filter((p) => !byName.has(p));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}. Available: ${[...byName.keys()].join(', ')}`);
    process.exit(2);
  }
  const parseInteger = (flag: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < 0) {
      console.error(`--${flag} must be a non-negative integer, got "${text}"`);
      process.exit(2);
    }
    return n;
  };
  const seed = parseInteger('seed', values.seed);
  const size = parseInteger('size', values.size);
  const selected = positionals.length > 0 ? positionals.map((p) => byName.get(p)!) : suites;
  mkdirSync(values.out, { recursive: true });
  for (const suite of selected) {
    const t0 = performance.now();
    const report: ReproductionReport = await suite.run({
      seed: seed ?? suite.defaultSeed,
      size: size ?? suite.defaultSize,
      progress: consoleProgress(suite.name),
    });
    report.seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
    const markdown = formatReport(suite, report);
    console.log(`\n${markdown}`);
    writeFileSync(join(values.out, `${suite.name}.md`), `${markdown}\n`);
    writeFileSync(join(values.out, `${suite.name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
  process.exit(1);
});
