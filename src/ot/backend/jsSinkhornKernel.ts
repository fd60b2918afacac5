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

/** buf_j = exp((K_off+j + v_j) + s); returns the sum. */
function rowExpStore(m: number, K: Float64Array, off: number, v: Float64Array, s: number, buf: Float64Array): number {
  let total = 0;
  for (let j = 0; j < m; j++) {
    const e = Math.exp(K[off + j] + v[j] + s);
    buf[j] = e;
    total += e;
  }
  return total;
}

/**
 * The fused log-domain sweep (mirror of `log_sweep` in wasm/sinkhorn.c): one exponential per entry.
 * lse_i = LSE_j (K_ij + v_j) with the previous u_i as the shift (exact row maximum on fallback), and
 * cs_j = sum_i e_ij a_i / sum_j e_ij, the column sums of the plan after the u-update.
 */
function logSweep(n: number, m: number, K: Float64Array, a: Float64Array, u: Float64Array, v: Float64Array, lse: Float64Array, cs: Float64Array, buf: Float64Array): void {
  cs.fill(0);
  for (let i = 0; i < n; i++) {
    if (!(a[i] > 0)) continue;
    const off = i * m;
    let s = rowExpStore(m, K, off, v, u[i], buf);
    if (inRange(s)) {
      lse[i] = Math.log(s) - u[i];
    } else {
      let mx = -Infinity;
      for (let j = 0; j < m; j++) {
        const x = K[off + j] + v[j];
        if (x > mx) mx = x;
      }
      if (mx === -Infinity) {
        lse[i] = -Infinity;
        continue;
      }
      s = rowExpStore(m, K, off, v, -mx, buf);
      lse[i] = mx + Math.log(s);
    }
    const f = a[i] / s;
    for (let j = 0; j < m; j++) cs[j] += f * buf[j];
  }
}

/** v_j <- log b_j - LSE_i (K_ij + u_i) from the column sums of logSweep (exact max on fallback). */
function colFinish(n: number, m: number, K: Float64Array, b: Float64Array, lb: Float64Array, u: Float64Array, v: Float64Array, cs: Float64Array): void {
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

/**
 * One fused sweep of the scaling iteration (mirror of `scaling_sweep` in wasm/sinkhorn.c): for
 * each row, kv_i = K_i . v, then (when `update`) u_i <- a_i / kv_i and acc += u_i K_i while the
 * row is hot. Same arithmetic and order as "kv = K v; u = a ./ kv; acc = K^T u", one pass over K.
 * Returns the L1 row-marginal error with the incoming u (when `check`; all rows when `allRows`,
 * else rows with a_i > 0) and whether a new u_i left [lo, hi] (acc is then left alone).
 */
function scalingSweep(
  n: number,
  m: number,
  K: Float64Array,
  a: Float64Array,
  u: Float64Array,
  v: Float64Array,
  kv: Float64Array,
  acc: Float64Array,
  update: boolean,
  check: boolean,
  allRows: boolean,
  lo: number,
  hi: number,
): { err: number; bad: boolean } {
  let err = 0;
  let bad = false;
  if (update) acc.fill(0);
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let s = 0;
    for (let j = 0; j < m; j++) s += K[off + j] * v[j];
    kv[i] = s;
    if (check && (allRows || a[i] > 0)) err += Math.abs(u[i] * s - a[i]);
    if (!update) continue;
    if (a[i] > 0) {
      u[i] = a[i] / s;
      if (!(u[i] >= lo && u[i] <= hi)) bad = true;
    } else if (allRows) {
      u[i] = 0;
    }
    const ui = u[i];
    if (bad || ui === 0) continue;
    for (let j = 0; j < m; j++) acc[j] += ui * K[off + j];
  }
  return { err, bad };
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
  const buf = new Float64Array(m);
  let code = 1;
  let err = Infinity;
  let it = 0;
  for (; ; it++) {
    logSweep(n, m, K, a, u, v, lse, cs, buf);
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
    colFinish(n, m, K, b, lb, u, v, cs);
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
    const checked = (it > 0 && it % checkEvery === 0) || it === maxIter;
    const update = it < maxIter;
    if (update) {
      uprev.set(u);
      vprev.set(v);
    }
    const sw = scalingSweep(n, m, Kt, a, u, v, kv, ktu, update, checked, false, STAB_LOW, STAB_HIGH);
    let bad = sw.bad;
    if (checked) {
      err = sw.err;
      if (err < tol) {
        code = 0;
        if (update) u.set(uprev);
        break;
      }
    }
    if (!update) {
      if (!(err < Infinity)) code = 2;
      break;
    }
    if (checked && !(err < Infinity)) bad = true;
    if (!bad) {
      for (let j = 0; j < m; j++) {
        if (!(b[j] > 0)) continue;
        v[j] = b[j] / ktu[j];
        if (!(v[j] >= STAB_LOW && v[j] <= STAB_HIGH)) bad = true;
      }
    }
    if (bad) {
      for (let i = 0; i < n; i++) if (a[i] > 0) F[i] += Math.log(uprev[i]);
      for (let j = 0; j < m; j++) if (b[j] > 0) G[j] += Math.log(vprev[j]);
      logSweep(n, m, K, a, F, G, lse, cs, ktu);
      for (let i = 0; i < n; i++) if (a[i] > 0) F[i] = la[i] - lse[i];
      colFinish(n, m, K, b, lb, F, G, cs);
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
    const checked = (it > 0 && it % checkEvery === 0) || it === maxIter;
    const update = it < maxIter;
    if (update) {
      uprev.set(u);
      vprev.set(v);
    }
    const sw = scalingSweep(n, m, K, a, u, v, kv, ktu, update, checked, true, 0, 1.79e308);
    let bad = sw.bad;
    if (checked) {
      err = sw.err;
      if (!(err < Infinity)) {
        code = 2;
        if (update) u.set(uprev);
        break;
      }
      if (err < tol) {
        code = 0;
        if (update) u.set(uprev);
        break;
      }
    }
    if (!update) break;
    if (!bad) {
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
