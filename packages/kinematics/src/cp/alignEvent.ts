/**
 * Event alignment of paper 001 §3.2 for τ⁺τ⁻ → ρ⁺ρ⁻ → π⁺π⁰ π⁻π⁰: (1) boost to the visible di-τ
 * frame (zero-momentum frame of the four pions), (2) rotate so the visible τ⁺ (π⁺ + π⁰₊) points
 * along +z (the visible τ⁻ is then along −z, back-to-back), (3) rotate about z so that the π⁺ has
 * p_x = 0 and p_y ≥ 0. Angles between the pions — hence φ* with `upsilonFrame: 'frame'` — are
 * unchanged. GeV in, GeV out; one event.
 *
 * @module
 */
import { HepInputError } from '@hep/core';
import { boostInto } from '../lorentz/transforms.js';
import type { FourVector } from '../types.js';
import { checkFourVector } from '../validate.js';
import type { RhoRhoPions } from './phiStar.js';

const NAMES = ['piPlus', 'pi0Plus', 'piMinus', 'pi0Minus'] as const;

/** Aligns one ρ⁺ρ⁻ event as in paper 001 §3.2 (see module doc); returns new four-vectors. */
export function alignRhoRhoEvent(pions: RhoRhoPions<FourVector>): RhoRhoPions<FourVector> {
  for (const n of NAMES) checkFourVector(`pions.${n}`, pions[n]);
  let sx = 0;
  let sy = 0;
  let sz = 0;
  let se = 0;
  for (const n of NAMES) {
    sx += pions[n].px;
    sy += pions[n].py;
    sz += pions[n].pz;
    se += pions[n].E;
  }
  const m2 = (se - sz) * (se + sz) - sx * sx - sy * sy;
  if (!(m2 > 0)) throw new HepInputError('pions', 'the four-pion system must be time-like');
  const g = se / Math.sqrt(m2);
  const t = new Float64Array(4);
  const boosted = NAMES.map((n) => {
    const v = pions[n];
    boostInto(t, v.px, v.py, v.pz, v.E, -sx / se, -sy / se, -sz / se, g);
    return [t[0]!, t[1]!, t[2]!, t[3]!];
  });
  // Step 2: rotation taking u = unit(visible τ⁺) onto +z (Rodrigues about k = u × z).
  const ux0 = boosted[0]![0]! + boosted[1]![0]!;
  const uy0 = boosted[0]![1]! + boosted[1]![1]!;
  const uz0 = boosted[0]![2]! + boosted[1]![2]!;
  const un = Math.hypot(ux0, uy0, uz0);
  const ux = ux0 / un;
  const uy = uy0 / un;
  const uz = uz0 / un;
  const s = Math.hypot(ux, uy); // sin of the angle between u and z
  const c = uz;
  const kx = s > 0 ? uy / s : 1; // k = (u × ẑ)/|u × ẑ| = (uy, −ux, 0)/s
  const ky = s > 0 ? -ux / s : 0;
  const rot = (x: number, y: number, z: number): [number, number, number] => {
    if (s === 0 && c > 0) return [x, y, z];
    if (s === 0) return [x, -y, -z]; // u = −z: rotate by π about x
    const kv = kx * x + ky * y;
    const cx = ky * z; // k × v with kz = 0
    const cy = -kx * z;
    const cz = kx * y - ky * x;
    return [x * c + cx * s + kx * kv * (1 - c), y * c + cy * s + ky * kv * (1 - c), z * c + cz * s];
  };
  const r = boosted.map((v) => [...rot(v[0]!, v[1]!, v[2]!), v[3]!]);
  // Step 3: rotate about z so that π⁺ has px = 0, py ≥ 0.
  const a = Math.PI / 2 - Math.atan2(r[0]![1]!, r[0]![0]!);
  const ca = Math.cos(a);
  const sa = Math.sin(a);
  const out = r.map((v) => ({
    px: ca * v[0]! - sa * v[1]!,
    py: sa * v[0]! + ca * v[1]!,
    pz: v[2]!,
    E: v[3]!,
  }));
  return { piPlus: out[0]!, pi0Plus: out[1]!, piMinus: out[2]!, pi0Minus: out[3]! };
}
