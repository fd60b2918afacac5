import type { MolecularFeaturesConfig, molecularFeatures } from './molecularFeatures.js';
import type { DenseBatch } from '../../graph/collate.js';
import type { spectralProjectors } from '../../embed/spectralProjectors.js';

/** Names of the built-in extra-feature sets. */
export type ExtraFeaturesName = 'none' | 'cycles' | 'rrwp' | 'cycles+rrwp' | 'cycles+spectral';

/** Serializable config of an {@link ExtraFeatures}. */
export interface ExtraFeaturesConfig {
  /** Which features. */
  name: ExtraFeaturesName;
  /** Random-walk steps K of RRWP (ignored otherwise). @default 8 */
  walkSteps?: number;
  /** Number k of smallest Laplacian eigenvalues of the spectral features (ignored otherwise). @default 5 */
  eigenvalues?: number;
  /**
   * Longest cycle L counted by the cycle features (`cycles`, `cycles+rrwp`, `cycles+spectral`;
   * ignored otherwise), 3..6: per node the 3- to min(L, 5)-cycles through it, per graph the 3- to
   * L-cycles. 6 is DiGress's set (node width 3, global width 4). The default 4 (node width 2,
   * global width 2) is what every config saved before this field existed meant, so that saved
   * models keep their input widths; `getConfig` always writes the field. @default 4
   */
  maxCycleLength?: number;
  /**
   * Connected-component features appended to the named set (before any molecular features): per
   * pair 1 when both nodes lie in the same connected component (0 across components), per node
   * the size of its component / n, per graph the number of components / 10. They tell the
   * denoiser, beyond the reach of K-step random walks or cycle counts, which pairs an edge would
   * join (two trees of a forest) and which it would close into a cycle; meant for the tree,
   * planar and SBM benchmarks, whose valid graphs are connected. Absent or `false`: none (the
   * widths of configs saved before this field existed). @default false
   */
  components?: boolean;
  /**
   * Cycle-membership features appended after the component features (before any molecular
   * features): per pair 1 when the pair is an edge lying on a cycle (not a bridge), per node 1 when
   * the node is an endpoint of such an edge, per graph the cycle rank `|E| − n + #components`
   * divided by 10 and clipped at 1. They mark a cycle of any length, where cycle counts stop at 6
   * and RRWP at K steps: in a sampled tree, the edges of the cycle that one extra edge closed.
   * Absent or `false`: none (the widths of configs saved before this field existed). @default false
   */
  cycleEdges?: boolean;
  /**
   * Number k of spectral-projector features ({@link spectralProjectors}) appended after the
   * component and cycle-edge features (before any molecular features), 1..16: per pair the
   * projectors onto the 1…k smallest non-trivial eigenvectors of the regularised normalised
   * Laplacian, scaled so that two nodes of one spectral cluster get about 1 and two nodes of
   * different clusters a negative value (invariant to sign and basis); per node their diagonals;
   * per graph the k smallest non-trivial eigenvalues. They show block membership directly, where
   * K-step random walks blur it at stochastic-block-model densities; meant for the SBM benchmark
   * (k ≥ the number of blocks − 1). Absent: none (the widths of configs saved before this field
   * existed).
   */
  spectralPairs?: number;
  /**
   * Valency-aware molecular features ({@link molecularFeatures}) appended to the named set, as
   * DiGress appends its molecular features to the structural ones. Absent: none.
   */
  molecular?: MolecularFeaturesConfig;
}

/** Result of {@link ExtraFeatures.compute}: row-major float32 arrays. */
export interface ExtraFeaturesResult {
  /** Per-node features `[B, N, nodeDim]` (padding rows zero). */
  x: Float32Array;
  /** Per-pair features `[B, N, N, edgeDim]` (diagonal kept, padding zero). */
  e: Float32Array;
  /** Per-graph features `[B, globalDim]`. */
  y: Float32Array;
}

/**
 * Structural features computed from the current (noisy) graph and appended to the denoiser's
 * input, which lifts the expressivity of message passing (DiGress: cycle counts and spectral
 * features; DeFoG: relative random-walk probabilities). Pure functions of the batch,
 * permutation-equivariant per node/pair and invariant per graph. Widths are declared.
 */
export interface ExtraFeatures {
  /** Width of the per-node features. */
  readonly nodeDim: number;
  /** Width of the per-pair features. */
  readonly edgeDim: number;
  /** Width of the per-graph features. */
  readonly globalDim: number;
  /**
   * Computes the features of a batch; an edge is any pair whose class is not 0. `maxNodes` of the
   * training set scales the node-count feature.
   */
  compute(batch: DenseBatch): ExtraFeaturesResult;
  /** Serializable description. */
  getConfig(): ExtraFeaturesConfig;
}
