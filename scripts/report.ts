import type { ReproductionReport, ReproductionSuite } from '@hep/core';

/** Formats a number with 4 significant digits (plain notation between 1e-3 and 1e5). */
export function fmt(x: number | null): string {
  if (x === null) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e5 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

/** The Markdown report of one suite: "published | ours | difference / uncertainty | verdict". */
export function formatReport(suite: ReproductionSuite, report: ReproductionReport): string {
  const lines = [
    `## ${suite.name}: ${suite.title}`,
    '',
    `seed ${report.seed}, size ${report.size} (${suite.sizeDescription})${
      report.seconds === undefined ? '' : `, ${report.seconds} s`
    }`,
    '',
    '| quantity | published | ours | difference / uncertainty | verdict |',
    '|---|---|---|---|---|',
  ];
  for (const r of report.rows) {
    const diff = r.published === null ? null : r.ours - r.published;
    const pull =
      diff !== null && r.uncertainty
        ? ` / ${fmt(r.uncertainty)}`
        : r.uncertainty
          ? `— / ${fmt(r.uncertainty)}`
          : '';
    lines.push(
      `| ${r.name} | ${fmt(r.published)} | ${fmt(r.ours)} | ${diff === null ? '' : fmt(diff)}${pull} | ${r.verdict} |`,
    );
  }
  for (const note of report.notes ?? []) lines.push('', `- ${note}`);
  return lines.join('\n');
}
