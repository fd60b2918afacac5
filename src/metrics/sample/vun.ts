import { InputError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraphList } from '../internal/checks.js';
import { isIsomorphic } from './isIsomorphic.js';
import { wlHash } from './wlHash.js';

/** Options of {@link vun}. */
export interface VunOptions {
  /** Validity predicate (see {@link validityFunction}). @default every graph valid */
  validity?: (graph: Graph) => boolean;
}

/** Result of {@link vun}. Fractions are over all generated graphs. */
export interface VunResult {
  /** Fraction not isomorphic to an earlier generated graph. */
  unique: number;
  /** Fraction unique and not isomorphic to any training graph (the reference's "unique non-isomorphic"). */
  uniqueNovel: number;
  /** Fraction valid (over all generated graphs). */
  valid: number;
  /** Fraction valid, unique and novel: V.U.N. */
  vun: number;
  /** Per generated graph: unique, novel (false for non-unique graphs, which are not tested), valid. */
  flags: { unique: boolean[]; novel: boolean[]; valid: boolean[] };
}

/**
 * Uniqueness, novelty, validity and V.U.N. with the reference definitions (SPECTRE's
 * `eval_fraction_unique_non_isomorphic_valid`, used by DiGress and DeFoG): in order, a generated
 * graph is non-unique if isomorphic to an earlier generated graph; a unique graph is not novel if
 * isomorphic to some training graph; V.U.N. = count(unique, novel and valid) / number generated
 * (the denominator is every sample). Isomorphism is decided exactly ({@link isIsomorphic}) among
 * graphs with equal {@link wlHash} (which isomorphic graphs always share).
 *
 * @param generated - generated graphs, at least one
 * @param train - training graphs (may be empty: then every unique graph is novel)
 * @param options - the validity predicate
 * @returns fractions and per-graph flags
 * @throws `InputError` for an empty `generated`, non-Graph entries, or a validity that is not a function
 *
 * @example
 * ```ts
 * const r = vun(samples, trainGraphs, { validity: validityFunction('planar') });
 * r.vun; // in [0, 1]
 * ```
 */
export function vun(generated: readonly Graph[], train: readonly Graph[], options: VunOptions = {}): VunResult {
  checkGraphList(generated, 'generated');
  checkGraphList(train, 'train', { nonEmpty: false });
  const validity = options.validity ?? (() => true);
  if (typeof validity !== 'function') throw InputError.invalid('options.validity', 'a function (graph) => boolean', describeValue(validity));
  const hashOf = (g: Graph): string => wlHash(g, { iterations: 3 });
  const trainBuckets = new Map<string, Graph[]>();
  for (const t of train) {
    const h = hashOf(t);
    const b = trainBuckets.get(h);
    if (b) b.push(t);
    else trainBuckets.set(h, [t]);
  }
  const seen = new Map<string, Graph[]>();
  const n = generated.length;
  const unique: boolean[] = [];
  const novel: boolean[] = [];
  const valid: boolean[] = [];
  let cu = 0;
  let cn = 0;
  let cv = 0;
  let cvun = 0;
  for (const g of generated) {
    const h = hashOf(g);
    const prev = seen.get(h) ?? [];
    const u = !prev.some((p) => isIsomorphic(g, p));
    if (u) {
      prev.push(g);
      seen.set(h, prev);
    }
    const nv = u && !(trainBuckets.get(h) ?? []).some((t) => isIsomorphic(g, t));
    const v = validity(g) === true;
    unique.push(u);
    novel.push(nv);
    valid.push(v);
    if (u) cu++;
    if (nv) cn++;
    if (v) cv++;
    if (nv && v) cvun++;
  }
  return { unique: cu / n, uniqueNovel: cn / n, valid: cv / n, vun: cvun / n, flags: { unique, novel, valid } };
}
