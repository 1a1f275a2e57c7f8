const n = 7300, P = 13;
const J = new Float64Array(P * n).map(() => Math.random());
const w = new Float64Array(n).map(() => Math.random());
function dot(u: Float64Array, uo: number, v: Float64Array, vo: number, n: number) {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0; let i = 0;
  for (; i + 3 < n; i += 4) { a0 += u[uo + i]! * v[vo + i]!; a1 += u[uo + i + 1]! * v[vo + i + 1]!; a2 += u[uo + i + 2]! * v[vo + i + 2]!; a3 += u[uo + i + 3]! * v[vo + i + 3]!; }
  for (; i < n; i++) a0 += u[uo + i]! * v[vo + i]!;
  return a0 + a1 + a2 + a3; }
// multi-row: 4 q columns at once
function dot4(u: Float64Array, v: Float64Array, o0: number, o1: number, o2: number, o3: number, n: number, out: Float64Array) {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (let i = 0; i < n; i++) { const ui = u[i]!; a0 += ui * v[o0 + i]!; a1 += ui * v[o1 + i]!; a2 += ui * v[o2 + i]!; a3 += ui * v[o3 + i]!; }
  out[0] = a0; out[1] = a1; out[2] = a2; out[3] = a3; }
let s = 0;
const out = new Float64Array(4);
for (let r = 0; r < 4; r++) {
  let t0 = process.cpuUsage().user;
  for (let k = 0; k < 100; k++) for (let p = 0; p < P; p++) for (let q = p; q < P; q++) s += dot(w, 0, J, q * n, n);
  console.log('91 dots unrolled', ((process.cpuUsage().user - t0) / 1000 / 100).toFixed(3), 'ms');
  t0 = process.cpuUsage().user;
  for (let k = 0; k < 100; k++) for (let p = 0; p < P; p++) for (let q = 0; q < 12; q += 4) { dot4(w, J, q*n, (q+1)*n, (q+2)*n, (q+3)*n, n, out); s += out[0]!; }
  console.log('dot4 (~3/4 of full 169)', ((process.cpuUsage().user - t0) / 1000 / 100).toFixed(3), 'ms');
}
console.log(s > 0);
