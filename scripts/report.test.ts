import { compareToPublished, type ReproductionSuite } from '@hep/core';
import { describe, expect, it } from 'vitest';
import { fmt, formatReport } from './report.js';

describe('reproduction report', () => {
  it('prints published | ours | difference / uncertainty | verdict', () => {
    const suite = { name: 's', title: 't', sizeDescription: 'toys' } as ReproductionSuite;
    const rows = [
      compareToPublished('sigma', 0.27, 0.2715, { uncertainty: 0.002, tolerance: 0.01 }),
      compareToPublished('mean', 0.71, 0.69, { uncertainty: 0.002, tolerance: 0.01 }),
      compareToPublished('new', null, 1.5, { tolerance: null }),
    ];
    const md = formatReport(suite, { suite: 's', seed: 3, size: 10, rows });
    expect(md).toContain('| sigma | 0.27 | 0.2715 | 0.0015 / 0.002 | agrees |');
    expect(md).toContain('| mean | 0.71 | 0.69 | -0.02 / 0.002 | differs |');
    expect(md).toContain('| new | — | 1.5 |  | no reference |');
  });
  it('formats tiny and huge numbers in exponent notation', () => {
    expect(fmt(2.5e-7)).toBe('2.500e-7');
    expect(fmt(123456)).toBe('1.235e+5');
  });
});
