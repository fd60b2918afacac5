/**
 * The pure-TypeScript twin of the C Sinkhorn kernels (`wasm/sinkhorn.c`): the same iteration,
 * the same shifted log-sum-exp with the same fallback thresholds, the same absorption rule of the
 * stabilized scheme, the same convergence check and status codes. Used when WebAssembly is unavailable, with `backend: 'js'`, and in parity tests.
 *
 * @module
 */

import type { SinkhornKernel, SinkhornKernelInput, SinkhornKernelOutput } from './SinkhornKernel.js';
import { statusFromCode } from './SinkhornKernel.js';

const LSE_LOW = 1e-280;
const LSE_HIGH = 1e280;

function inRange(s: number): boolean {
  return s >= LSE_LOW && s <= LSE_HIGH;
}

/** lse_i = LSE_j (K_ij + v_j) for rows with a_i > 0, shifted by -u_i (exact max on fallback). */
function rowLse(n: number, m: number, K: Float64Array, a: Float64Array, u: Float64Array, v: Float64Array, lse: Float64Array): void {
  for (let i = 0; i < n; i++) {
    if (!(a[i] > 0)) continue;
    const off = i * m;
    const ui = u[i];
    let s = 0;
    for (let j = 0; j < m; j++) s += Math.exp(K[off + j] + v[j] + ui);
    if (inRange(s)) {
      lse[i] = Math.log(s) - ui;
    } else {
      let mx = -Infinity;
      for (let j = 0; j < m; j++) {
        const x = K[off + j] + v[j];
        if (x > mx) mx = x;
      }
      let t = 0;
      for (let j = 0; j < m; j++) t += Math.exp(K[off + j] + v[j] - mx);
      lse[i] = mx + Math.log(t);
    }
  }
}

/** v_j <- log b_j - LSE_i (K_ij + u_i), shifted by -v_j (exact max on fallback). */
function colUpdate(n: number, m: number, K: Float64Array, a: Float64Array, b: Float64Array, lb: Float64Array, u: Float64Array, v: Float64Array, cs: Float64Array): void {
  cs.fill(0);
  for (let i = 0; i < n; i++) {
    if (!(a[i] > 0)) continue;
    const off = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) cs[j] += Math.exp(K[off + j] + v[j] + ui);
  }
  for (let j = 0; j < m; j++) {
    if (!(b[j] > 0)) continue;
    if (inRange(cs[j])) {
      v[j] = lb[j] + v[j] - Math.log(cs[j]);
    } else {
      let mx = -Infinity;
      for (let i = 0; i < n; i++) {
        const x = K[i * m + j] + u[i];
        if (x > mx) mx = x;
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.exp(K[i * m + j] + u[i] - mx);
      v[j] = lb[j] - (mx + Math.log(s));
    }
  }
}

/** K = -M / reg, logs of the masses, -inf potentials on zero-mass bins. */
function logSetup(input: SinkhornKernelInput, u: Float64Array, v: Float64Array): { K: Float64Array; la: Float64Array; lb: Float64Array } {
  const { n, m, M, reg, a, b } = input;
  const K = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) K[k] = -M[k] / reg;
  const la = new Float64Array(n);
  const lb = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    la[i] = a[i] > 0 ? Math.log(a[i]) : -Infinity;
    if (!(a[i] > 0)) u[i] = -Infinity;
  }
  for (let j = 0; j < m; j++) {
    lb[j] = b[j] > 0 ? Math.log(b[j]) : -Infinity;
    if (!(b[j] > 0)) v[j] = -Infinity;
  }
  return { K, la, lb };
}

function runLog(input: SinkhornKernelInput): SinkhornKernelOutput {
  const { n, m, a, b, u, v, maxIter, tol } = input;
  const checkEvery = Math.max(1, input.checkEvery);
  const { K, la, lb } = logSetup(input, u, v);
  const lse = new Float64Array(n);
  const cs = new Float64Array(m);
  let code = 1;
  let err = Infinity;
  let it = 0;
  for (; ; it++) {
    rowLse(n, m, K, a, u, v, lse);
    if ((it > 0 && it % checkEvery === 0) || it === maxIter) {
      err = 0;
      for (let i = 0; i < n; i++) if (a[i] > 0) err += Math.abs(Math.exp(u[i] + lse[i]) - a[i]);
      if (!(err < Infinity)) {
        code = 2;
        break;
      }
      if (err < tol) {
        code = 0;
        break;
      }
    }
    if (it === maxIter) break;
    for (let i = 0; i < n; i++) if (a[i] > 0) u[i] = la[i] - lse[i];
    colUpdate(n, m, K, a, b, lb, u, v, cs);
  }
  const plan = K;
  for (let i = 0; i < n; i++) {
    const off = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) plan[off + j] = Math.exp(K[off + j] + v[j] + ui);
  }
  return { status: statusFromCode(code), iterations: it, marginalError: err, plan };
}

const STAB_LOW = 1e-100;
const STAB_HIGH = 1e100;

function rebuild(n: number, m: number, K: Float64Array, F: Float64Array, G: Float64Array, Kt: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const off = i * m;
    const fi = F[i];
    for (let j = 0; j < m; j++) Kt[off + j] = Math.exp(K[off + j] + G[j] + fi);
  }
}

/** Stabilized scaling iterations with log-domain fallback (mirror of gg_sinkhorn_stabilized); u, v in/out are log-potentials / reg. */
function runStabilized(input: SinkhornKernelInput): SinkhornKernelOutput {
  const { n, m, a, b, maxIter, tol } = input;
  const F = input.u;
  const G = input.v;
  const checkEvery = Math.max(1, input.checkEvery);
  const { K, la, lb } = logSetup(input, F, G);
  const lse = new Float64Array(n);
  const cs = new Float64Array(m);
  const kv = new Float64Array(n);
  const ktu = new Float64Array(m);
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const uprev = new Float64Array(n);
  const vprev = new Float64Array(m);
  const Kt = new Float64Array(n * m);
  for (let i = 0; i < n; i++) u[i] = a[i] > 0 ? 1 : 0;
  for (let j = 0; j < m; j++) v[j] = b[j] > 0 ? 1 : 0;
  rebuild(n, m, K, F, G, Kt);
  let code = 1;
  let err = Infinity;
  let it = 0;
  let absorptions = 0;
  for (; ; it++) {
    for (let i = 0; i < n; i++) {
      const off = i * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += Kt[off + j] * v[j];
      kv[i] = s;
    }
    const checked = (it > 0 && it % checkEvery === 0) || it === maxIter;
    if (checked) {
      err = 0;
      for (let i = 0; i < n; i++) if (a[i] > 0) err += Math.abs(u[i] * kv[i] - a[i]);
      if (err < tol) {
        code = 0;
        break;
      }
    }
    if (it === maxIter) {
      if (!(err < Infinity)) code = 2;
      break;
    }
    uprev.set(u);
    vprev.set(v);
    let bad = checked && !(err < Infinity);
    for (let i = 0; i < n && !bad; i++) {
      if (!(a[i] > 0)) continue;
      u[i] = a[i] / kv[i];
      if (!(u[i] >= STAB_LOW && u[i] <= STAB_HIGH)) bad = true;
    }
    if (!bad) {
      ktu.fill(0);
      for (let i = 0; i < n; i++) {
        const ui = u[i];
        if (ui === 0) continue;
        const off = i * m;
        for (let j = 0; j < m; j++) ktu[j] += ui * Kt[off + j];
      }
      for (let j = 0; j < m; j++) {
        if (!(b[j] > 0)) continue;
        v[j] = b[j] / ktu[j];
        if (!(v[j] >= STAB_LOW && v[j] <= STAB_HIGH)) bad = true;
      }
    }
    if (bad) {
      for (let i = 0; i < n; i++) if (a[i] > 0) F[i] += Math.log(uprev[i]);
      for (let j = 0; j < m; j++) if (b[j] > 0) G[j] += Math.log(vprev[j]);
      rowLse(n, m, K, a, F, G, lse);
      for (let i = 0; i < n; i++) if (a[i] > 0) F[i] = la[i] - lse[i];
      colUpdate(n, m, K, a, b, lb, F, G, cs);
      for (let i = 0; i < n; i++) u[i] = a[i] > 0 ? 1 : 0;
      for (let j = 0; j < m; j++) v[j] = b[j] > 0 ? 1 : 0;
      rebuild(n, m, K, F, G, Kt);
      absorptions++;
    }
  }
  const plan = Kt;
  for (let i = 0; i < n; i++) {
    const off = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) plan[off + j] = ui * Kt[off + j] * v[j];
  }
  // returned potentials: F + log u, G + log v (scaled by 1/reg)
  for (let i = 0; i < n; i++) F[i] = a[i] > 0 ? F[i] + Math.log(u[i]) : -Infinity;
  for (let j = 0; j < m; j++) G[j] = b[j] > 0 ? G[j] + Math.log(v[j]) : -Infinity;
  return { status: statusFromCode(code), iterations: it, marginalError: err, plan, absorptions };
}

function runKnopp(input: SinkhornKernelInput): SinkhornKernelOutput {
  const { n, m, M, reg, a, b, u, v, maxIter, tol } = input;
  const checkEvery = Math.max(1, input.checkEvery);
  const K = new Float64Array(n * m);
  for (let k = 0; k < n * m; k++) K[k] = Math.exp(-M[k] / reg);
  const kv = new Float64Array(n);
  const ktu = new Float64Array(m);
  const uprev = new Float64Array(n);
  const vprev = new Float64Array(m);
  let code = 1;
  let err = Infinity;
  let it = 0;
  for (; ; it++) {
    for (let i = 0; i < n; i++) {
      const off = i * m;
      let s = 0;
      for (let j = 0; j < m; j++) s += K[off + j] * v[j];
      kv[i] = s;
    }
    if ((it > 0 && it % checkEvery === 0) || it === maxIter) {
      err = 0;
      for (let i = 0; i < n; i++) err += Math.abs(u[i] * kv[i] - a[i]);
      if (!(err < Infinity)) {
        code = 2;
        break;
      }
      if (err < tol) {
        code = 0;
        break;
      }
    }
    if (it === maxIter) break;
    uprev.set(u);
    vprev.set(v);
    let bad = false;
    for (let i = 0; i < n; i++) {
      u[i] = a[i] > 0 ? a[i] / kv[i] : 0;
      if (!(u[i] <= 1.79e308)) bad = true;
    }
    ktu.fill(0);
    if (!bad) {
      for (let i = 0; i < n; i++) {
        const ui = u[i];
        if (ui === 0) continue;
        const off = i * m;
        for (let j = 0; j < m; j++) ktu[j] += ui * K[off + j];
      }
      for (let j = 0; j < m; j++) {
        v[j] = b[j] > 0 ? b[j] / ktu[j] : 0;
        if (!(v[j] <= 1.79e308)) bad = true;
      }
    }
    if (bad) {
      u.set(uprev);
      v.set(vprev);
      code = 2;
      break;
    }
  }
  const plan = K;
  for (let i = 0; i < n; i++) {
    const off = i * m;
    const ui = u[i];
    for (let j = 0; j < m; j++) plan[off + j] = ui * K[off + j] * v[j];
  }
  return { status: statusFromCode(code), iterations: it, marginalError: err, plan };
}

/** The TypeScript Sinkhorn backend (always available). */
export const jsSinkhornKernel: SinkhornKernel = Object.freeze({
  name: 'js' as const,
  sinkhornLog: runLog,
  sinkhornKnopp: runKnopp,
  sinkhornStabilized: runStabilized,
});
