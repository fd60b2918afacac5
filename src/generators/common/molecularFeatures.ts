import { InputError, describeValue } from '../../core/errors.js';
import type { DenseBatch } from '../../graph/collate.js';
import type { ExtraFeatures, ExtraFeaturesResult } from './ExtraFeatures.js';

/**
 * Chemistry tables of {@link molecularFeatures}: per node class a normal valency and an atomic
 * weight, per edge class a bond order. Plain numbers so that this module does not depend on the
 * molecule layer (graphgen/molecules builds one from an encoding with `molecularFeaturesConfig`).
 */
export interface MolecularFeaturesConfig {
  /** Normal valency of each node class (index = class), e.g. QM9 C, N, O, F: `[4, 3, 2, 1]`. */
  valencies: number[];
  /** Atomic weight of each node class (index = class), e.g. `[12.011, 14.007, 15.999, 18.998]`. */
  atomWeights: number[];
  /** Bond order of each edge class (index = class, class 0 = no bond). @default [0, 1, 2, 3, 1.5] */
  bondOrders?: number[];
  /** Divisor of the molecular weight (DiGress uses 150 for QM9). @default 150 */
  maxWeight?: number;
}

const DEFAULT_BOND_ORDERS = [0, 1, 2, 3, 1.5];

function checkTable(v: unknown, name: string, length?: number): number[] {
  if (!Array.isArray(v) || v.length === 0 || (length !== undefined && v.length !== length) || !v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
    throw InputError.invalid(name, `a non-empty array of finite non-negative numbers${length === undefined ? '' : ` of length ${length}`}`, describeValue(v));
  }
  return v.slice();
}

/**
 * DiGress's molecular extra features (Vignac et al. 2023, `ExtraMolecularFeatures`), computed
 * from the current noisy graph so that the denoiser sees how far each atom is from a full valence.
 * With `c_i` the node class of atom `i` (argmax of `x`), `k_ij` the edge class of pair `ij`
 * (argmax of `e`) and `o` the bond orders:
 *
 * - per node (width 2): the current valency `v_i = Σ_j o[k_ij]` and the valency deficit
 *   `q_i = valencies[c_i] − v_i` (DiGress's "charge" feature; negative when over-bonded);
 * - per graph (width 1): the molecular weight of the heavy atoms `Σ_i atomWeights[c_i] / maxWeight`;
 * - no per-pair features.
 *
 * Deviation from DiGress's code: DiGress takes the argmax of `E * orders` and of `X * valencies`,
 * i.e. the class *index*, so an aromatic bond counts 4 and the "normal valency" is a class index;
 * here the bond order and the valency themselves are used, which is what the features describe.
 * Padding rows are zero. Equivariant per node, invariant per graph.
 *
 * Usually reached through `createExtraFeatures({ name, molecular })`, which appends these to a
 * structural set.
 *
 * @param config - chemistry tables; `valencies` and `atomWeights` must have the batch's node
 *   class count, `bondOrders` the edge class count
 * @returns the feature set (nodeDim 2, edgeDim 0, globalDim 1); `compute(batch)` returns
 *   `x [B, N, 2]`, `e [B, N, N, 0]`, `y [B, 1]`
 * @throws `InputError` for malformed tables, and from `compute` when the batch's class counts do
 *   not match the tables
 *
 * @example
 * ```ts
 * const f = molecularFeatures({ valencies: [4, 3, 2, 1], atomWeights: [12, 14, 16, 19] });
 * const { x, y } = f.compute(collate([ethanol], { nodeClasses: 4, edgeClasses: 5 }));
 * // x of the middle carbon: [2, 2] (two single bonds, two implicit hydrogens); y = 46 / 150
 * ```
 */
export function molecularFeatures(config: MolecularFeaturesConfig): ExtraFeatures {
  if (config === null || typeof config !== 'object') throw InputError.invalid('config', 'a MolecularFeaturesConfig object', describeValue(config));
  const valencies = checkTable(config.valencies, 'config.valencies');
  const atomWeights = checkTable(config.atomWeights, 'config.atomWeights', valencies.length);
  const bondOrders = checkTable(config.bondOrders ?? DEFAULT_BOND_ORDERS, 'config.bondOrders');
  const maxWeight = config.maxWeight ?? 150;
  if (typeof maxWeight !== 'number' || !(maxWeight > 0) || !Number.isFinite(maxWeight)) throw InputError.invalid('config.maxWeight', 'a positive number', describeValue(maxWeight));
  const frozen: MolecularFeaturesConfig = { valencies, atomWeights, bondOrders, maxWeight };
  return {
    nodeDim: 2,
    edgeDim: 0,
    globalDim: 1,
    getConfig: () => ({ name: 'none', molecular: { valencies: valencies.slice(), atomWeights: atomWeights.slice(), bondOrders: bondOrders.slice(), maxWeight } }),
    compute(batch: DenseBatch): ExtraFeaturesResult {
      const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de, x, e, nodeCounts } = batch;
      if (dx !== valencies.length) throw InputError.invalid('batch.nodeClasses', `${valencies.length} (the length of config.valencies)`, String(dx));
      if (de !== bondOrders.length) throw InputError.invalid('batch.edgeClasses', `${bondOrders.length} (the length of config.bondOrders)`, String(de));
      const xf = new Float32Array(B * N * 2);
      const y = new Float32Array(B);
      for (let b = 0; b < B; b++) {
        const n = nodeCounts[b];
        let weight = 0;
        for (let i = 0; i < n; i++) {
          const c = argmax(x, (b * N + i) * dx, dx);
          let v = 0;
          for (let j = 0; j < n; j++) if (j !== i) v += bondOrders[argmax(e, ((b * N + i) * N + j) * de, de)];
          xf[(b * N + i) * 2] = v;
          xf[(b * N + i) * 2 + 1] = valencies[c] - v;
          weight += atomWeights[c];
        }
        y[b] = weight / frozen.maxWeight!;
      }
      return { x: xf, e: new Float32Array(0), y };
    },
  };
}

/**
 * Concatenates two feature sets: node, pair and global features of `a` then of `b`. Used by
 * `createExtraFeatures` to append {@link molecularFeatures} to a structural set; `getConfig`
 * returns `a`'s config with `b`'s `molecular` tables.
 *
 * @param a - first set (its config names the structural features)
 * @param b - second set
 * @returns widths `a + b`; `compute` returns `x [B, N, a.nodeDim + b.nodeDim]`,
 *   `e [B, N, N, a.edgeDim + b.edgeDim]`, `y [B, a.globalDim + b.globalDim]`
 *
 * @example
 * ```ts
 * const f = concatExtraFeatures(createExtraFeatures({ name: 'rrwp' }), molecularFeatures(tables));
 * ```
 */
export function concatExtraFeatures(a: ExtraFeatures, b: ExtraFeatures): ExtraFeatures {
  const nodeDim = a.nodeDim + b.nodeDim;
  const edgeDim = a.edgeDim + b.edgeDim;
  const globalDim = a.globalDim + b.globalDim;
  const interleave = (p: Float32Array, da: number, q: Float32Array, db: number, rows: number): Float32Array => {
    const out = new Float32Array(rows * (da + db));
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < da; k++) out[r * (da + db) + k] = p[r * da + k];
      for (let k = 0; k < db; k++) out[r * (da + db) + da + k] = q[r * db + k];
    }
    return out;
  };
  return {
    nodeDim,
    edgeDim,
    globalDim,
    getConfig: () => ({ ...a.getConfig(), molecular: b.getConfig().molecular }),
    compute(batch: DenseBatch): ExtraFeaturesResult {
      const fa = a.compute(batch);
      const fb = b.compute(batch);
      const { batchSize: B, maxNodes: N } = batch;
      return {
        x: interleave(fa.x, a.nodeDim, fb.x, b.nodeDim, B * N),
        e: interleave(fa.e, a.edgeDim, fb.e, b.edgeDim, B * N * N),
        y: interleave(fa.y, a.globalDim, fb.y, b.globalDim, B),
      };
    },
  };
}

function argmax(a: Float32Array, off: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[off + c] > a[off + best]) best = c;
  return best;
}
