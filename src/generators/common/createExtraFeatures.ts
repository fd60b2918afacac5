import { assertInteger, assertOneOf } from '../../core/assert.js';
import type { DenseBatch } from '../../graph/collate.js';
import { Graph } from '../../graph/Graph.js';
import { spectralFeatures } from '../../embed/spectralFeatures.js';
import type { ExtraFeatures, ExtraFeaturesConfig, ExtraFeaturesName, ExtraFeaturesResult } from './ExtraFeatures.js';
import { concatExtraFeatures, molecularFeatures } from './molecularFeatures.js';

const NAMES: readonly ExtraFeaturesName[] = ['none', 'cycles', 'rrwp', 'cycles+rrwp', 'cycles+spectral'];

/**
 * Builds the {@link ExtraFeatures} named in `config`. Every set includes one global feature,
 * the node count `n / 64`. The sets:
 *
 * - `cycles` (DiGress, Vignac et al. 2023): per node the number of 3- and 4-cycles through it,
 *   `c3_i = (A³)_ii / 2` and `c4_i = ((A⁴)_ii − d_i² − (A d)_i + d_i) / 2`, and per graph the
 *   totals `C3 = Σ c3_i / 3`, `C4 = Σ c4_i / 4`, all divided by 10 and clipped at 1 as in
 *   DiGress (node width 2, global width 2). DiGress also counts 5- and 6-cycles; they are left
 *   out here because the matrix-power formulas stop at 4 and exact enumeration is too slow on
 *   dense noisy graphs.
 * - `rrwp` (DeFoG, Qin et al. 2025; Ma et al. 2023): with the random-walk matrix
 *   `P = D⁻¹ A` (rows of isolated nodes zero), per pair `[P¹_ij, …, P^K_ij]` (edge width K) and
 *   per node its diagonal `[P¹_ii, …, P^K_ii]` (node width K).
 * - `cycles+spectral` (DiGress's default set): the cycle features plus, from
 *   graphgen/embed's `spectralFeatures` of the symmetric normalised Laplacian, per node the k
 *   projector-diagonal eigenvector features (sign and basis invariant) and per graph the k
 *   smallest eigenvalues and the number of connected components / 10 (node width 2 + k, global
 *   width 3 + k + 1).
 * - `cycles+rrwp`: cycles and RRWP, concatenated.
 *
 * With `config.molecular` (chemistry tables), DiGress's valency-aware molecular features
 * (`molecularFeatures`: per node current valency and valency deficit, per graph molecular
 * weight) are appended after the named set.
 *
 * @param config - which set, and K for RRWP
 * @returns the feature set
 * @throws `InputError` for an unknown name or K < 1
 *
 * @example
 * ```ts
 * const f = createExtraFeatures({ name: 'rrwp', walkSteps: 8 });
 * const { x, e, y } = f.compute(collate(graphs, { nodeClasses: 1, edgeClasses: 2 }));
 * ```
 */
export function createExtraFeatures(config: ExtraFeaturesConfig): ExtraFeatures {
  assertOneOf(config?.name, 'config.name', NAMES);
  if (config.molecular !== undefined) return concatExtraFeatures(createExtraFeatures({ ...config, molecular: undefined }), molecularFeatures(config.molecular));
  const K = config.walkSteps ?? 8;
  assertInteger(K, 'config.walkSteps', { min: 1, max: 64 });
  const kEig = config.eigenvalues ?? 5;
  assertInteger(kEig, 'config.eigenvalues', { min: 1, max: 64 });
  const cycles = config.name !== 'none' && config.name !== 'rrwp';
  const rrwp = config.name === 'rrwp' || config.name === 'cycles+rrwp';
  const spectral = config.name === 'cycles+spectral';
  const nodeDim = (cycles ? 2 : 0) + (rrwp ? K : 0) + (spectral ? kEig : 0);
  const edgeDim = rrwp ? K : 0;
  const globalDim = 1 + (cycles ? 2 : 0) + (spectral ? kEig + 1 : 0);
  const frozen: ExtraFeaturesConfig = { name: config.name, walkSteps: K, eigenvalues: kEig };
  return {
    nodeDim,
    edgeDim,
    globalDim,
    getConfig: () => ({ ...frozen }),
    compute(batch: DenseBatch): ExtraFeaturesResult {
      const { batchSize: B, maxNodes: N, edgeClasses: de, e, nodeCounts } = batch;
      const x = new Float32Array(B * N * nodeDim);
      const ef = new Float32Array(B * N * N * edgeDim);
      const y = new Float32Array(B * globalDim);
      for (let b = 0; b < B; b++) {
        const n = nodeCounts[b];
        y[b * globalDim] = n / 64;
        if (n === 0) continue;
        const A = new Float64Array(n * n);
        const deg = new Float64Array(n);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            if (i === j) continue;
            const off = ((b * N + i) * N + j) * de;
            if (e[off] !== 1 && anyNonZeroClass(e, off, de)) {
              A[i * n + j] = 1;
              deg[i] += 1;
            }
          }
        let col = 0;
        if (cycles) {
          const A2 = matmul(A, A, n);
          const A3 = matmul(A2, A, n);
          const A4 = matmul(A3, A, n);
          let C3 = 0;
          let C4 = 0;
          for (let i = 0; i < n; i++) {
            let ad = 0;
            for (let j = 0; j < n; j++) ad += A[i * n + j] * deg[j];
            const c3 = A3[i * n + i] / 2;
            const c4 = (A4[i * n + i] - deg[i] * deg[i] - ad + deg[i]) / 2;
            C3 += c3;
            C4 += c4;
            x[(b * N + i) * nodeDim] = Math.min(1, c3 / 10);
            x[(b * N + i) * nodeDim + 1] = Math.min(1, c4 / 10);
          }
          y[b * globalDim + 1] = Math.min(1, C3 / 3 / 10);
          y[b * globalDim + 2] = Math.min(1, C4 / 4 / 10);
          col = 2;
        }
        if (spectral) {
          const edges: [number, number][] = [];
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (A[i * n + j] > 0) edges.push([i, j]);
          const sf = spectralFeatures(Graph.fromEdgeList(n, edges), { k: kEig });
          for (let i = 0; i < n; i++) for (let t = 0; t < kEig; t++) x[(b * N + i) * nodeDim + col + t] = sf.nodeFeatures[i * kEig + t];
          for (let t = 0; t < kEig; t++) y[b * globalDim + 3 + t] = sf.eigenvalues[t];
          y[b * globalDim + 3 + kEig] = sf.numComponents / 10;
          col += kEig;
        }
        if (rrwp) {
          const P = new Float64Array(n * n);
          for (let i = 0; i < n; i++) if (deg[i] > 0) for (let j = 0; j < n; j++) P[i * n + j] = A[i * n + j] / deg[i];
          let Pk: Float64Array = P;
          for (let k = 0; k < K; k++) {
            if (k > 0) Pk = matmul(Pk, P, n);
            for (let i = 0; i < n; i++) {
              x[(b * N + i) * nodeDim + col + k] = Pk[i * n + i];
              for (let j = 0; j < n; j++) ef[((b * N + i) * N + j) * edgeDim + k] = Pk[i * n + j];
            }
          }
        }
      }
      return { x, e: ef, y };
    },
  };
}

function anyNonZeroClass(e: Float32Array, off: number, de: number): boolean {
  for (let c = 1; c < de; c++) if (e[off + c] > 0) return true;
  return false;
}

function matmul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const v = a[i * n + k];
      if (v === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += v * b[k * n + j];
    }
  return c;
}
