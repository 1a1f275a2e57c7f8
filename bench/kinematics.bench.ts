/**
 * `pnpm bench kinematics`: columnar collinear mass (CMS H→μτ_e definition) over 1e7 events, in
 * ten chunks of 1e6 (bounded memory: ~100 MB of columns), against a naive per-event-object JS
 * implementation in the same process, with the numpy expression timed on this machine as anchor.
 */
import { Rng } from '@hep/core';
import { collinearMass } from '@hep/kinematics';
import { defineSuite } from './harness.js';

const CHUNK = 1_000_000;
const CHUNKS = 10;

interface P4 {
  px: number;
  py: number;
  pz: number;
  E: number;
}

/** Naive baseline: objects per event, as a straightforward JS port would write it. */
function naiveCollinear(mu: P4, e: P4, met: { px: number; py: number }): { mass: number; x: number } {
  const sum = { px: mu.px + e.px, py: mu.py + e.py, pz: mu.pz + e.pz, E: mu.E + e.E };
  const mvis = Math.sqrt(sum.E * sum.E - sum.px * sum.px - sum.py * sum.py - sum.pz * sum.pz);
  const pte = Math.sqrt(e.px * e.px + e.py * e.py);
  const proj = Math.abs((met.px * e.px + met.py * e.py) / pte);
  const x = pte / (pte + proj);
  return { mass: mvis / Math.sqrt(x), x };
}

function makeColumns(rng: Rng) {
  const col = () => new Float64Array(CHUNK);
  const mu = { px: col(), py: col(), pz: col(), E: col() };
  const e = { px: col(), py: col(), pz: col(), E: col() };
  const met = { px: col(), py: col() };
  for (let i = 0; i < CHUNK; i++) {
    for (const l of [mu, e]) {
      const pt = rng.uniform(10, 100);
      const phi = rng.uniform(-Math.PI, Math.PI);
      const pz = pt * Math.sinh(rng.uniform(-2.4, 2.4));
      l.px[i] = pt * Math.cos(phi);
      l.py[i] = pt * Math.sin(phi);
      l.pz[i] = pz;
      l.E[i] = Math.hypot(pt, pz);
    }
    met.px[i] = rng.normal(0, 30);
    met.py[i] = rng.normal(0, 30);
  }
  return { mu, e, met };
}

export default defineSuite({
  name: 'kinematics',
  description:
    'Columnar collinear mass over 1e7 events (10 × 1e6 chunks, validation included) vs naive per-event objects; numpy anchor measured on this machine.',
  cases: () => {
    const { mu, e, met } = makeColumns(new Rng(1));
    const out = { mass: new Float64Array(CHUNK), x: new Float64Array(CHUNK) };
    let sink = 0;
    return [
      {
        name: 'collinearMass columnar, 1e7 events',
        items: CHUNK * CHUNKS,
        minSeconds: 2,
        maxRepeats: 5,
        ours: {
          name: '@hep/kinematics collinearMass (columns, options.out reused per chunk)',
          run: () => {
            for (let c = 0; c < CHUNKS; c++) sink += collinearMass(mu, e, met, { out }).mass[c] ?? 0;
            return sink;
          },
        },
        baseline: {
          name: 'naive JS, object per event',
          run: () => {
            for (let c = 0; c < CHUNKS; c++) {
              for (let i = 0; i < CHUNK; i++) {
                const r = naiveCollinear(
                  { px: mu.px[i]!, py: mu.py[i]!, pz: mu.pz[i]!, E: mu.E[i]! },
                  { px: e.px[i]!, py: e.py[i]!, pz: e.pz[i]!, E: e.E[i]! },
                  { px: met.px[i]!, py: met.py[i]! },
                );
                sink += r.mass * 1e-300;
              }
            }
            return sink;
          },
        },
        anchors: [{ name: 'numpy expression, 1e7 events (issue #3, this machine)', seconds: 0.69 }],
      },
    ];
  },
});
