import { InputError, describeValue } from '../../core/errors.js';
import { assertInteger } from '../../core/assert.js';

/** Kinds of limit distribution a {@link CategoricalTransition} converges to. */
export type TransitionKind = 'uniform' | 'marginal' | 'absorbing';

/** Every {@link TransitionKind}, in the order the generators' options list them. */
export const TRANSITION_KINDS: readonly TransitionKind[] = Object.freeze(['marginal', 'uniform', 'absorbing'] as const);

/** Serializable config of a {@link CategoricalTransition}. */
export interface CategoricalTransitionConfig {
  /** How the limit distribution was chosen (documentation only; `limit` is authoritative). */
  kind: TransitionKind;
  /** The limit distribution m over the K classes (sums to 1). */
  limit: number[];
}

/**
 * Transition matrices of a discrete (D3PM-family) diffusion on K categories that converge to a
 * limit distribution `m`:
 *
 * `Q̄(ā) = ā I + (1 − ā) 1 mᵀ`, i.e. `Q̄[i][j] = ā δ_ij + (1 − ā) m_j`.
 *
 * Rows sum to 1 for any `ā ∈ [0, 1]`; `ā = 1` is the identity and `ā = 0` maps every state to
 * `m`. The family is closed under products, `Q̄(a) Q̄(b) = Q̄(ab)`, which is why one cumulative
 * `ā(t)` from a {@link NoiseSchedule} describes the whole process and the step from `s` to
 * `t > s` is `Q̄(ā(t)/ā(s))`.
 *
 * - `uniform` (Austin et al. 2021, D3PM): `m = 1/K`;
 * - `marginal` (Vignac et al. 2023, DiGress): `m` = the class frequencies of the training set;
 * - `absorbing` (Austin et al. 2021): `m` = one-hot on an absorbing class (for edges, class 0 =
 *   no edge gives the empty graph as the prior).
 *
 * @example
 * ```ts
 * const tr = CategoricalTransition.marginal([0.7, 0.3]);
 * tr.matrix(0.5); // [0.85, 0.15, 0.35, 0.65]
 * ```
 */
export class CategoricalTransition {
  /** Number of classes K. */
  readonly classes: number;
  /** How the limit was chosen. */
  readonly kind: TransitionKind;
  /** The limit distribution m `[K]`. */
  readonly limit: Float64Array;

  private constructor(kind: TransitionKind, limit: Float64Array) {
    this.kind = kind;
    this.limit = limit;
    this.classes = limit.length;
  }

  /** Uniform limit `m = 1/K`. @throws `InputError` for `K < 1` */
  static uniform(classes: number): CategoricalTransition {
    assertInteger(classes, 'classes', { min: 1 });
    return new CategoricalTransition('uniform', new Float64Array(classes).fill(1 / classes));
  }

  /**
   * Marginal limit `m` (normalised; a class with zero frequency keeps probability 0).
   * @throws `InputError` for an empty, negative, non-finite or all-zero vector
   */
  static marginal(frequencies: ArrayLike<number>): CategoricalTransition {
    return new CategoricalTransition('marginal', normalise(frequencies, 'frequencies'));
  }

  /** Absorbing limit: one-hot on `state`. @throws `InputError` when `state` is not in `0..K-1` */
  static absorbing(classes: number, state = 0): CategoricalTransition {
    assertInteger(classes, 'classes', { min: 1 });
    assertInteger(state, 'state', { min: 0, max: classes - 1 });
    const m = new Float64Array(classes);
    m[state] = 1;
    return new CategoricalTransition('absorbing', m);
  }

  /** Rebuilds from {@link CategoricalTransition.getConfig}. */
  static fromConfig(config: CategoricalTransitionConfig): CategoricalTransition {
    const kinds: TransitionKind[] = ['uniform', 'marginal', 'absorbing'];
    if (!kinds.includes(config?.kind)) throw InputError.invalid('config.kind', kinds.join(' | '), describeValue(config?.kind));
    return new CategoricalTransition(config.kind, normalise(config.limit, 'config.limit'));
  }

  /** Serializable form. */
  getConfig(): CategoricalTransitionConfig {
    return { kind: this.kind, limit: Array.from(this.limit) };
  }

  /**
   * The K x K row-stochastic matrix `Q̄(ā) = ā I + (1 − ā) 1 mᵀ`, row-major.
   * @param alphaBar - kept signal ā ∈ [0, 1]
   * @param out - optional output buffer of length K²
   */
  matrix(alphaBar: number, out: Float64Array = new Float64Array(this.classes * this.classes)): Float64Array {
    const K = this.classes;
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) out[i * K + j] = (i === j ? alphaBar : 0) + (1 - alphaBar) * this.limit[j];
    }
    return out;
  }

  /** Entry `Q̄(ā)[i][j] = ā δ_ij + (1 − ā) m_j` without building the matrix. */
  entry(alphaBar: number, i: number, j: number): number {
    return (i === j ? alphaBar : 0) + (1 - alphaBar) * this.limit[j];
  }
}

function normalise(values: ArrayLike<number>, name: string): Float64Array {
  if (values === null || values === undefined || typeof values.length !== 'number' || values.length < 1) {
    throw InputError.invalid(name, 'a non-empty array of frequencies', describeValue(values));
  }
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0) || !Number.isFinite(v)) throw InputError.invalid(`${name}[${i}]`, 'a finite non-negative number', describeValue(v));
    s += v;
  }
  if (!(s > 0)) throw InputError.invalid(name, 'at least one positive entry', `sum ${s}`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] / s;
  return out;
}
