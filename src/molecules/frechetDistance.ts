import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { InputError, ShapeError, describeValue } from '../core/errors.js';

/**
 * Fréchet distance between Gaussians fitted to two sets of embeddings: the formula of the Fréchet
 * ChemNet Distance (Preuer et al., "Fréchet ChemNet Distance: A metric for generative models for
 * molecules in drug discovery", J. Chem. Inf. Model. 2018) and of FID,
 *
 * `FD = |mu_a - mu_b|^2 + tr(S_a) + tr(S_b) - 2 tr((S_a S_b)^{1/2})`
 *
 * with means `mu` and unbiased covariances `S` (divisor `N - 1`, as `numpy.cov`). The trace of
 * the matrix square root is computed as `sum sqrt(lambda_i)` over the eigenvalues of the symmetric
 * matrix `S_a^{1/2} S_b S_a^{1/2}` (negative round-off clamped to 0).
 *
 * graphgen cannot ship ChemNet's weights, so FCD proper needs embeddings from the user's own
 * ChemNet (or any other molecule encoder): see {@link MoleculeMetricsOptions.fcd}.
 *
 * @param a - embeddings `[N_a, k]`, N_a >= 2, all rows of one length k >= 1
 * @param b - embeddings `[N_b, k]`, N_b >= 2
 * @returns the distance, >= 0
 * @throws `InputError` for fewer than two rows or non-finite values; `ShapeError` for rows of different lengths
 *
 * @example
 * ```ts
 * frechetDistance([[0], [2]], [[1], [3]]); // 1 (means 1 and 2, equal variances)
 * ```
 */
export function frechetDistance(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[]): number {
  const k = checkRows(a, 'a', undefined);
  checkRows(b, 'b', k);
  const [ma, sa] = moments(a, k);
  const [mb, sb] = moments(b, k);
  let dist = 0;
  for (let i = 0; i < k; i++) dist += (ma[i] - mb[i]) ** 2 + sa.get(i, i) + sb.get(i, i);
  const evdA = new EigenvalueDecomposition(sa, { assumeSymmetric: true });
  const va = evdA.eigenvectorMatrix;
  const la = evdA.realEigenvalues.map((x) => Math.sqrt(Math.max(0, x)));
  const sqrtA = va.mmul(Matrix.diag(la)).mmul(va.transpose());
  const inner = sqrtA.mmul(sb).mmul(sqrtA);
  const sym = inner.add(inner.transpose()).mul(0.5);
  const lm = new EigenvalueDecomposition(sym, { assumeSymmetric: true }).realEigenvalues;
  for (const x of lm) dist -= 2 * Math.sqrt(Math.max(0, x));
  return Math.max(0, dist);
}

function checkRows(rows: readonly ArrayLike<number>[], name: string, k: number | undefined): number {
  if (!Array.isArray(rows) || rows.length < 2) throw InputError.invalid(name, 'at least two embedding rows', describeValue(rows));
  const len = k ?? rows[0]?.length;
  if (!Number.isInteger(len) || (len as number) < 1) throw InputError.invalid(`${name}[0]`, 'a non-empty embedding', describeValue(rows[0]));
  rows.forEach((r, i) => {
    if (!r || r.length !== len) throw ShapeError.mismatch(`${name}[${i}]`, `[${len}]`, r ? `length ${r.length}` : describeValue(r));
    for (let j = 0; j < r.length; j++) if (!Number.isFinite(r[j])) throw InputError.invalid(`${name}[${i}][${j}]`, 'a finite number', describeValue(r[j]));
  });
  return len as number;
}

function moments(rows: readonly ArrayLike<number>[], k: number): [Float64Array, Matrix] {
  const n = rows.length;
  const mean = new Float64Array(k);
  for (const r of rows) for (let j = 0; j < k; j++) mean[j] += r[j] / n;
  const cov = new Matrix(k, k);
  for (const r of rows) {
    for (let i = 0; i < k; i++) {
      const di = r[i] - mean[i];
      for (let j = i; j < k; j++) cov.set(i, j, cov.get(i, j) + di * (r[j] - mean[j]));
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = cov.get(i, j) / (n - 1);
      cov.set(i, j, c);
      cov.set(j, i, c);
    }
  }
  return [mean, cov];
}
