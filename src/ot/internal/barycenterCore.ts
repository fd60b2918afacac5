/**
 * Shared parts of the barycenter solvers (internal).
 *
 * @module
 * @internal
 */

import { InputError, ShapeError, describeValue } from '../../core/errors.js';
import type { Matrix, MatrixLike, VectorLike } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { checkHistogram, checkInt, checkSquare } from './checks.js';

/** Validated barycenter inputs. */
export interface BarycenterInputs {
  S: number;
  p: Float64Array;
  lam: Float64Array;
  structures: Matrix[];
  masses: Float64Array[];
}

/** Validates N, Cs, ps, lambdas and p (weights normalized to sum 1; p strictly positive). */
export function checkBarycenterInputs(N: number, Cs: readonly MatrixLike[], ps: readonly VectorLike[], lambdas: VectorLike, pIn: VectorLike | undefined): BarycenterInputs {
  checkInt(N, 'N', 1, 1 << 15);
  if (!Array.isArray(Cs) || Cs.length === 0) throw InputError.invalid('Cs', 'a non-empty array of structure matrices', describeValue(Cs));
  const S = Cs.length;
  if (!Array.isArray(ps) || ps.length !== S) throw ShapeError.mismatch('ps', `${S} histograms (one per structure)`, Array.isArray(ps) ? `${ps.length}` : describeValue(ps));
  const hl = checkHistogram(lambdas, 'lambdas');
  if (hl.values.length !== S) throw ShapeError.mismatch('lambdas', `${S} weights`, `${hl.values.length}`);
  const lam = hl.values.map((x) => x / hl.mass);
  const hp = checkHistogram(pIn ?? new Float64Array(N).fill(1 / N), 'options.p');
  if (hp.values.length !== N) throw ShapeError.mismatch('options.p', `${N}`, `${hp.values.length}`);
  for (let i = 0; i < N; i++) if (!(hp.values[i] > 0)) throw InputError.invalid(`options.p[${i}]`, 'a positive mass', String(hp.values[i]));
  const structures: Matrix[] = [];
  const masses: Float64Array[] = [];
  for (let s = 0; s < S; s++) {
    const C = checkSquare(Cs[s], `Cs[${s}]`);
    const h = checkHistogram(ps[s], `ps[${s}]`);
    if (h.values.length !== C.rows) throw ShapeError.mismatch(`ps[${s}]`, `${C.rows} (rows of Cs[${s}])`, `${h.values.length}`);
    if (Math.abs(h.mass - hp.mass) > 1e-6 * Math.max(h.mass, hp.mass)) throw InputError.invalid(`ps[${s}]`, `total mass ${hp.mass} (like p)`, `${h.mass}`);
    structures.push(C);
    masses.push(h.values);
  }
  return { S, p: hp.values, lam, structures, masses };
}

/** Distances between N standard Gaussian points in the plane, scaled to max 1 (POT's default init). */
export function randomStructure(N: number, rng: Rng): Float64Array {
  const x = new Float64Array(2 * N);
  rng.fillNormal(x);
  const C = new Float64Array(N * N);
  let mx = 0;
  for (let i = 0; i < N; i++)
    for (let j = 0; j < N; j++) {
      const d = Math.hypot(x[2 * i] - x[2 * j], x[2 * i + 1] - x[2 * j + 1]);
      C[i * N + j] = d;
      mx = Math.max(mx, d);
    }
  if (mx > 0) for (let k = 0; k < C.length; k++) C[k] /= mx;
  return C;
}

/** Square-loss structure update C = (sum_s lam_s T_s Cs_s T_s^T) / (p p^T), T_s N x n_s. */
export function barycenterUpdate(N: number, p: Float64Array, lam: Float64Array, plans: Float64Array[], structures: Matrix[]): Float64Array {
  const C = new Float64Array(N * N);
  for (let s = 0; s < plans.length; s++) {
    const T = plans[s];
    const Cs = structures[s].data;
    const n = structures[s].rows;
    // X = T Cs (N x n)
    const X = new Float64Array(N * n);
    for (let i = 0; i < N; i++)
      for (let k = 0; k < n; k++) {
        const t = T[i * n + k];
        if (t === 0) continue;
        for (let l = 0; l < n; l++) X[i * n + l] += t * Cs[k * n + l];
      }
    // C += lam X T^T
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        let acc = 0;
        for (let l = 0; l < n; l++) acc += X[i * n + l] * T[j * n + l];
        C[i * N + j] += lam[s] * acc;
      }
  }
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) C[i * N + j] /= p[i] * p[j];
  return C;
}
