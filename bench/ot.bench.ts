/**
 * Benchmarks of graphgen/ot (`npm run bench -- ot`): Sinkhorn on the WASM kernel, its TS twin,
 * the same C compiled natively, and POT; batched Sinkhorn; EMD, LSAP and GW against POT/SciPy.
 *
 * All sides solve identical problems built from closed-form recipes (duplicated in
 * scripts/ot/bench_pot.py and wasm/bench_sinkhorn.c):
 * - Sinkhorn(n): x_i = i/(n-1), y_j = (j/(n-1))^2, M_ij = (x_i - y_j)^2,
 *   a_i ~ 1 + 0.5 sin(i), b_j ~ 1 + 0.5 cos(j), reg 0.05, tol 0 (fixed iteration count).
 * - EMD / LSAP / GW(n): points X_i = (frac(0.618034 i), frac(0.414214 i)),
 *   Y_j = (frac(0.732051 j + 0.1), frac(0.236068 j + 0.2)); squared distances for EMD/LSAP,
 *   Euclidean distance matrices of X and Y for GW.
 *
 * Every Sinkhorn cell runs exactly 1000 iterations (the whole run takes 15-25 minutes on 2 cores,
 * most of it POT's and the TS twin's log-domain solvers at n = 2048). Environment:
 * OT_BENCH_QUICK=1 runs the slow log-domain sides at n >= 1024 for 100 iterations and scales
 * them x10 (marked †; exact up to noise since every iteration does the same work when tol = 0).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '../src/core/matrix.js';
import { emd2 } from '../src/ot/emd2.js';
import { gromovWasserstein2 } from '../src/ot/gromov/gromovWasserstein2.js';
import { lsap } from '../src/ot/lsap.js';
import { sinkhorn } from '../src/ot/sinkhorn.js';
import { sinkhornBatch } from '../src/ot/sinkhornBatch.js';
import { createRng } from '../src/core/rng.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ITERS = 1000;
const REG = 0.05;
const SIZES = [256, 1024, 2048];
const QUICK = process.env.OT_BENCH_QUICK === '1';

const frac = (x: number) => x - Math.floor(x);

function sinkhornProblem(n: number): { a: Float64Array; b: Float64Array; M: Matrix } {
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    a[i] = 1 + 0.5 * Math.sin(i);
    b[i] = 1 + 0.5 * Math.cos(i);
    sa += a[i];
    sb += b[i];
  }
  for (let i = 0; i < n; i++) {
    a[i] /= sa;
    b[i] /= sb;
  }
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const x = i / (n - 1);
      let y = j / (n - 1);
      y = y * y;
      M[i * n + j] = (x - y) * (x - y);
    }
  return { a, b, M: { rows: n, cols: n, data: M } };
}

/** GW timing protocol, the same on both sides: warm-up calls (the first one is the cold column here), then the median of the repeats. */
const GW_WARMUP = 10;
const GW_REPEATS = 20;

function pts(n: number, shift: boolean): Float64Array {
  const P = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    P[2 * i] = shift ? frac(i * 0.732051 + 0.1) : frac(i * 0.618034);
    P[2 * i + 1] = shift ? frac(i * 0.236068 + 0.2) : frac(i * 0.414214);
  }
  return P;
}

function emdProblem(n: number): { a: Float64Array; b: Float64Array; M: Matrix } {
  const { a, b } = sinkhornProblem(n);
  const X = pts(n, false);
  const Y = pts(n, true);
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[i * n + j] = (X[2 * i] - Y[2 * j]) ** 2 + (X[2 * i + 1] - Y[2 * j + 1]) ** 2;
  return { a, b, M: { rows: n, cols: n, data: M } };
}

function distances(P: Float64Array, n: number): Matrix {
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i * n + j] = Math.hypot(P[2 * i] - P[2 * j], P[2 * i + 1] - P[2 * j + 1]);
  return { rows: n, cols: n, data: D };
}

function time<T>(fn: () => T, repeats: number): { s: number; out: T } {
  const ts: number[] = [];
  let out!: T;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    out = fn();
    ts.push((performance.now() - t0) / 1000);
  }
  ts.sort((x, y) => x - y);
  return { s: ts[Math.floor(ts.length / 2)], out };
}

const fmt = (s: number | undefined) => (s === undefined || !Number.isFinite(s) ? 'n/a' : s >= 10 ? s.toFixed(1) : s >= 0.1 ? s.toFixed(2) : s >= 0.001 ? s.toFixed(4) : s.toExponential(1));
const ratio = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined || !(x > 0) || !(y > 0) ? 'n/a' : `${(x / y).toFixed(2)}x`);

function hasPot(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import ot, scipy'], { stdio: 'ignore' }).status === 0;
}
function hasCc(): boolean {
  return spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface PotSide {
  pot: string;
  scipy: string;
  sinkhorn_log: Record<string, { seconds: number; iterations: number; value: number }>;
  sinkhorn: Record<string, { seconds: number; iterations: number; value: number }>;
  emd: Record<string, { seconds: number; value: number }>;
  lsap: Record<string, { seconds: number; value: number }>;
  gw: Record<string, { seconds: number; value: number }>;
}

const logIters = (n: number) => (!QUICK || n <= 256 ? ITERS : 100);

export async function run(): Promise<string> {
  const out: string[] = [];
  const load = loadavg().map((x) => x.toFixed(1)).join(' / ');
  out.push(`Load average at start (1/5/15 min): ${load}. Wall-clock seconds, median of the repeats (3 at n = 256, 1 above). ${QUICK ? '`†` = log-domain run of 100 iterations scaled x10 (OT_BENCH_QUICK=1).' : 'Every Sinkhorn cell is a run of exactly 1000 iterations.'}`);

  // ---- other sides: POT (one python process), native C (one process per case)
  const pot = hasPot();
  const emdSizes = [256, 1024, 2048];
  const lsapSizes = [256, 1024, 2048];
  let P: PotSide | null = null;
  if (pot) {
    const spec = {
      sinkhorn: SIZES.map((n) => ({ n, reg: REG, iters: ITERS, logIters: logIters(n), repeats: n <= 256 ? 3 : 1 })),
      emd: emdSizes.map((n) => ({ n, repeats: n <= 256 ? 3 : 1 })),
      lsap: lsapSizes.map((n) => ({ n, repeats: n <= 256 ? 3 : 1 })),
      gw: [{ n: 100, warmup: GW_WARMUP, repeats: GW_REPEATS }],
    };
    const res = spawnSync('/usr/bin/python3', [join(root, 'scripts/ot/bench_pot.py')], { input: JSON.stringify(spec), encoding: 'utf8', maxBuffer: 1 << 26 });
    if (res.status === 0) P = JSON.parse(res.stdout) as PotSide;
  }
  let nativeExe: string | null = null;
  if (hasCc()) {
    nativeExe = join(mkdtempSync(join(tmpdir(), 'gg-ot-bench-')), 'bench_sinkhorn');
    execFileSync('cc', ['-O3', '-march=native', '-o', nativeExe, join(root, 'wasm/bench_sinkhorn.c'), join(root, 'wasm/sinkhorn.c'), '-lm']);
  }
  const native = (n: number, iters: number, method: 'log' | 'stabilized' | 'knopp') =>
    nativeExe ? Number(execFileSync(nativeExe, [String(n), String(iters), method, String(REG)], { encoding: 'utf8' }).split(' ')[0]) : undefined;

  // ---- Sinkhorn tables
  const sides: Record<number, Record<string, number | undefined>> = {};
  for (const n of SIZES) {
    const { a, b, M } = sinkhornProblem(n);
    const li = logIters(n);
    const scale = ITERS / li;
    const rep = n <= 256 ? 3 : 1;
    const run1 = (backend: 'wasm' | 'js', method: 'log' | 'stabilized' | 'knopp', iters: number, dtype: 'float64' | 'float32' = 'float64') =>
      time(() => sinkhorn(a, b, M, REG, { backend, method, maxIter: iters, tol: 0, dtype }), rep).s;
    const nl = native(n, li, 'log');
    sides[n] = {
      wl: run1('wasm', 'log', li) * scale,
      wl32: run1('wasm', 'log', li, 'float32') * scale,
      jl: run1('js', 'log', li) * scale,
      nl: nl === undefined ? undefined : nl * scale,
      pl: P ? P.sinkhorn_log[String(n)].seconds * (ITERS / P.sinkhorn_log[String(n)].iterations) : undefined,
      ws: run1('wasm', 'stabilized', ITERS),
      js: run1('js', 'stabilized', ITERS),
      ns: native(n, ITERS, 'stabilized'),
      wk: run1('wasm', 'knopp', ITERS),
      wk32: run1('wasm', 'knopp', ITERS, 'float32'),
      jk: run1('js', 'knopp', ITERS),
      nk: native(n, ITERS, 'knopp'),
      pk: P?.sinkhorn[String(n)].seconds,
      li,
    };
  }
  out.push('', `### Sinkhorn, n = m, reg = ${REG}, ${ITERS} iterations, float64`, '');
  out.push(`POT: ${P ? `${P.pot} (numpy/OpenBLAS), \`ot.sinkhorn(method='sinkhorn_log' | 'sinkhorn', stopThr=0)\`` : 'not available (`/usr/bin/python3 -c "import ot"` failed): POT columns skipped'}. Native: ${nativeExe ? 'the same C (`wasm/sinkhorn.c`) built with `cc -O3 -march=native` (scalar source path, auto-vectorized by the compiler where it can)' : 'no `cc`: native columns skipped'}.`, '');
  out.push('Log-domain solvers (`method: \'log\'`; an iteration of ours computes n m exponentials, one of POT\'s `sinkhorn_log` 2 n m):', '');
  out.push('| n | wasm log | TS log | native log | POT sinkhorn_log | POT log / wasm log | wasm log / native log | TS log / wasm log | wasm log float32 | POT log / wasm log float32 |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const r = sides[n];
    const d = (r.li as number) < ITERS ? '†' : '';
    const pd = P && P.sinkhorn_log[String(n)].iterations < ITERS ? '†' : '';
    out.push(`| ${n} | ${fmt(r.wl)}${d} | ${fmt(r.jl)}${d} | ${fmt(r.nl)}${d} | ${fmt(r.pl)}${pd} | ${ratio(r.pl, r.wl)} | ${ratio(r.wl, r.nl)} | ${ratio(r.jl, r.wl)} | ${fmt(r.wl32)}${d} | ${ratio(r.pl, r.wl32)} |`);
  }
  out.push('', 'float32 columns: `dtype: \'float32\'` (kernel matrix in float32, f32x4 SIMD passes, float32 exp; potentials and stopping test in float64).');
  out.push('', 'Scaling-domain solvers (`\'stabilized\'` = the default: absorbs into log-potentials only when a scaling leaves [1e-100, 1e100], never NaN; `\'knopp\'` = plain Sinkhorn-Knopp):', '');
  out.push('| n | wasm stabilized | TS stabilized | native stabilized | wasm knopp | TS knopp | native knopp | POT sinkhorn | wasm stabilized / POT sinkhorn | POT sinkhorn / wasm knopp | wasm knopp / native knopp | wasm stabilized / native stabilized | wasm knopp float32 | POT sinkhorn / wasm knopp float32 |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    const r = sides[n];
    out.push(`| ${n} | ${fmt(r.ws)} | ${fmt(r.js)} | ${fmt(r.ns)} | ${fmt(r.wk)} | ${fmt(r.jk)} | ${fmt(r.nk)} | ${fmt(r.pk)} | ${ratio(r.ws, r.pk)} | ${ratio(r.pk, r.wk)} | ${ratio(r.wk, r.nk)} | ${ratio(r.ws, r.ns)} | ${fmt(r.wk32)} | ${ratio(r.pk, r.wk32)} |`);
  }

  // ---- batched
  out.push('', `### Batched Sinkhorn (\`sinkhornBatch\`), B problems of n x n, reg = ${REG}, 100 iterations each`, '');
  out.push('| B x n x n | wasm stabilized | TS stabilized | wasm log | TS log | wasm knopp | TS knopp | TS log / wasm log | TS stabilized / wasm stabilized |');
  out.push('|---|---|---|---|---|---|---|---|---|');
  for (const [B, n] of [[64, 50], [64, 100], [32, 200]] as const) {
    const rng = createRng(B * 1000 + n);
    const as: Float64Array[] = [];
    const Ms: Matrix[] = [];
    for (let k = 0; k < B; k++) {
      const h = new Float64Array(n).map(() => 0.1 + rng.uniform());
      const s = h.reduce((x, y) => x + y, 0);
      as.push(h.map((x) => x / s));
      const X = Array.from({ length: n }, () => [rng.uniform(), rng.uniform()]);
      const D = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) D[i * n + j] = (X[i][0] - X[j][1]) ** 2 + (X[i][1] - X[j][0]) ** 2;
      Ms.push({ rows: n, cols: n, data: D });
    }
    const bs = as.map((x) => x.slice().reverse());
    const t = (backend: 'wasm' | 'js', method: 'log' | 'stabilized' | 'knopp') => time(() => sinkhornBatch(as, bs, Ms, REG, { backend, method, maxIter: 100, tol: 0 }), 3).s;
    const wl = t('wasm', 'log');
    const jl = t('js', 'log');
    const ws = t('wasm', 'stabilized');
    const js = t('js', 'stabilized');
    out.push(`| ${B} x ${n} x ${n} | ${fmt(ws)} | ${fmt(js)} | ${fmt(wl)} | ${fmt(jl)} | ${fmt(t('wasm', 'knopp'))} | ${fmt(t('js', 'knopp'))} | ${ratio(jl, wl)} | ${ratio(js, ws)} |`);
  }

  // ---- EMD and LSAP
  out.push('', '### Exact OT (`emd2`, network simplex) and assignment (`lsap`)', '');
  out.push(`| n = m | emd2 | POT ot.emd2 | emd2 / POT | lsap | SciPy linear_sum_assignment | lsap / SciPy |`);
  out.push('|---|---|---|---|---|---|---|');
  for (const n of emdSizes) {
    const { a, b, M } = emdProblem(n);
    const rep = n <= 256 ? 3 : 1;
    const te = time(() => emd2(a, b, M), rep);
    const tl = time(() => lsap(M), rep);
    const pe = P?.emd[String(n)];
    const pl = P?.lsap[String(n)];
    if (pe && Math.abs(pe.value - te.out) > 1e-9 * Math.max(1, pe.value)) throw new Error(`emd2 disagrees with POT at n=${n}: ${te.out} vs ${pe.value}`);
    if (pl && Math.abs(pl.value - tl.out.cost) > 1e-9 * Math.max(1, pl.value)) throw new Error(`lsap disagrees with SciPy at n=${n}`);
    out.push(`| ${n} | ${fmt(te.s)} | ${fmt(pe?.seconds)} | ${ratio(te.s, pe?.seconds)} | ${fmt(tl.s)} | ${fmt(pl?.seconds)} | ${ratio(tl.s, pl?.seconds)} |`);
  }

  // ---- GW
  out.push('', '### Gromov-Wasserstein (square loss, conditional gradient, init p q^T), two 100-node point-cloud graphs', '');
  out.push(`| n | ours, first call (cold JIT) | ours, warm (median of ${GW_REPEATS} after ${GW_WARMUP} warm-up calls) | POT gromov_wasserstein2 (same protocol) | POT / ours (warm) | loss (ours) | loss (POT) |`);
  out.push('|---|---|---|---|---|---|---|');
  {
    const n = 100;
    const C1 = distances(pts(n, false), n);
    const C2 = distances(pts(n, true), n);
    const p = new Float64Array(n).fill(1 / n);
    const cold = time(() => gromovWasserstein2(C1, C2, p, p), 1);
    time(() => gromovWasserstein2(C1, C2, p, p), GW_WARMUP - 1);
    const warm = time(() => gromovWasserstein2(C1, C2, p, p), GW_REPEATS);
    const pg = P?.gw[String(n)];
    out.push(`| ${n} | ${fmt(cold.s)} | ${fmt(warm.s)} | ${fmt(pg?.seconds)} | ${ratio(pg?.seconds, warm.s)} | ${warm.out.toExponential(6)} | ${pg ? pg.value.toExponential(6) : 'n/a'} |`);
  }
  if (P) out.push('', `POT ${P.pot}, SciPy ${P.scipy} via \`/usr/bin/python3 scripts/ot/bench_pot.py\` (one process for the whole POT side).`);
  return out.join('\n');
}
