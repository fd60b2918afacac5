import { InputError, describeValue } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import { QM9_ENCODING } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import { loadRdkit } from './loadRdkit.js';
import { digressValidity } from './digressValidity.js';
import { relaxedValidity } from './relaxedValidity.js';
import { gdssValidity } from './gdssValidity.js';
import { moleculeStability } from './moleculeStability.js';
import { uniqueness } from './uniqueness.js';
import { novelty } from './novelty.js';
import { canonicalSmiles } from './canonicalSmiles.js';
import { nspdkMmd } from './nspdkMmd.js';
import type { NspdkOptions } from './nspdkFeatures.js';
import { moleculeNspdkGraph } from './moleculeNspdkGraph.js';
import { frechetDistance } from './frechetDistance.js';
import { checkStringList } from './internal/checkGraphs.js';

/**
 * A user-supplied molecule embedding for FCD. graphgen cannot ship the ChemNet weights that the
 * Fréchet ChemNet Distance (Preuer et al. 2018) needs, so it computes FCD only from embeddings
 * the caller provides (for example ChemNet's penultimate layer run by the user's own copy of
 * the `fcd` package). With another encoder the number is a Fréchet distance, not FCD.
 */
export interface FcdHook {
  /** Embeds SMILES: one vector per input, all of one length. May be async. */
  embed(smiles: readonly string[]): ArrayLike<number>[] | Promise<ArrayLike<number>[]>;
  /** Reference SMILES to compare with. @default the `test` set of {@link MoleculeMetricsOptions} */
  reference?: readonly string[];
}

/** Options of {@link moleculeMetrics}. */
export interface MoleculeMetricsOptions {
  /** Atom vocabulary of the generated graphs. @default QM9_ENCODING */
  encoding?: MoleculeEncoding;
  /** Training SMILES (any form; canonicalised here) for novelty. Without it novelty is null. */
  train?: readonly string[];
  /** Test SMILES (any form) for NSPDK MMD and the default FCD reference. Without it NSPDK is null. */
  test?: readonly string[];
  /**
   * Hydrogen convention for stability (see {@link MoleculeStabilityOptions.hydrogens}); the report
   * defaults to `'implicit'` because graphgen's encodings have no hydrogen nodes.
   * @default 'implicit'
   */
  hydrogens?: 'explicit' | 'implicit';
  /** NSPDK settings. @default complexity 4, nbits 16 (GDSS) */
  nspdk?: NspdkOptions;
  /** FCD from a user-supplied embedding (see {@link FcdHook}). Without it FCD is null. */
  fcd?: FcdHook;
  /** The RDKit module; loaded with {@link loadRdkit} when not given. */
  rdkit?: RdkitModule;
}

/** Result of {@link moleculeMetrics}. Fractions are in [0, 1]. */
export interface MoleculeMetricsResult {
  /** Number of generated graphs (the denominator of the validity fractions). */
  numGenerated: number;
  /** {@link digressValidity}: RDKit sanitisation, largest fragment. */
  validity: number;
  /** {@link relaxedValidity}: with +1 charges on N, O, S exceeding valence by one. */
  relaxedValidity: number;
  /** {@link gdssValidity}: GDSS's validity without correction. */
  validityWithoutCorrection: number;
  /** {@link uniqueness} of the valid molecules' largest-fragment SMILES. */
  uniqueness: number;
  /** {@link novelty} against `train`, or null without a training set. */
  novelty: number | null;
  /** Atom stability ({@link moleculeStability}). */
  atomStability: number;
  /** Molecule stability ({@link moleculeStability}). */
  moleculeStability: number;
  /** {@link nspdkMmd} between the test molecules and the valid generated molecules (largest fragments), or null without a test set or without valid molecules. */
  nspdk: number | null;
  /** Fréchet distance of the user's embeddings (valid generated vs reference), or null without {@link MoleculeMetricsOptions.fcd}. */
  fcd: number | null;
  /** Per generated graph: canonical SMILES of its largest fragment, or null when invalid. */
  smiles: (string | null)[];
}

/**
 * The molecule generation report of DiGress, GDSS and DeFoG in one call: validity (DiGress),
 * relaxed validity, validity without correction (GDSS), uniqueness and novelty over canonical
 * SMILES, atom and molecule stability, NSPDK MMD against the test set, and FCD when the caller
 * supplies an embedding (see {@link FcdHook}; ChemNet's weights are not shipped).
 *
 * Uniqueness, novelty, NSPDK and FCD use the valid molecules' largest-fragment canonical SMILES,
 * as DiGress does; NSPDK parses them and the test SMILES with RDKit ({@link moleculeNspdkGraph}).
 *
 * @param generated - generated molecular graphs (node classes index `encoding.atoms`, edge classes 1..4)
 * @param options - encoding, reference sets, hooks, see {@link MoleculeMetricsOptions}
 * @returns the report
 * @throws `InputError` when `generated` is not an array, a graph does not fit the encoding, or a
 *   training or test SMILES is invalid (the message names its index)
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const qm9 = await loadQm9();
 * const generated = ['CCO', 'CCO', 'C1CC1N'].map((s) => fromSmiles(rdkit, s, QM9_ENCODING));
 * const r = await moleculeMetrics(generated, { rdkit, train: qm9.train, test: qm9.test.slice(0, 1000) });
 * r.validity;   // 1
 * r.uniqueness; // 2 / 3
 * ```
 */
export async function moleculeMetrics(generated: readonly Graph[], options: MoleculeMetricsOptions = {}): Promise<MoleculeMetricsResult> {
  const encoding = options.encoding ?? QM9_ENCODING;
  const rdkit = options.rdkit ?? (await loadRdkit());
  if (options.train !== undefined) checkStringList(options.train, 'options.train');
  if (options.test !== undefined) checkStringList(options.test, 'options.test');
  if (options.fcd !== undefined && typeof options.fcd?.embed !== 'function') {
    throw InputError.invalid('options.fcd', 'an object with an embed(smiles) function', describeValue(options.fcd));
  }
  const valid = digressValidity(rdkit, generated, encoding);
  const relaxed = relaxedValidity(rdkit, generated, encoding);
  const gdss = gdssValidity(generated, encoding);
  const stability = moleculeStability(generated, encoding, { hydrogens: options.hydrogens ?? 'implicit' });
  const validSmiles = valid.smiles.filter((s): s is string => s !== null);
  const canon = (list: readonly string[], name: string): string[] =>
    list.map((s, i) => {
      try {
        return canonicalSmiles(rdkit, s);
      } catch (e) {
        throw InputError.invalid(`${name}[${i}]`, 'a valid SMILES', `${JSON.stringify(s)} (${(e as Error).message})`, e);
      }
    });
  const nov = options.train === undefined ? null : novelty(valid.smiles, new Set(canon(options.train, 'options.train')));
  let nspdk: number | null = null;
  if (options.test !== undefined && options.test.length > 0 && validSmiles.length > 0) {
    const ref = options.test.map((s, i) => {
      try {
        return moleculeNspdkGraph(rdkit, s);
      } catch (e) {
        throw InputError.invalid(`options.test[${i}]`, 'a valid SMILES', `${JSON.stringify(s)}`, e);
      }
    });
    nspdk = nspdkMmd(ref, validSmiles.map((s) => moleculeNspdkGraph(rdkit, s)), options.nspdk);
  }
  let fcd: number | null = null;
  if (options.fcd !== undefined) {
    const reference = options.fcd.reference ?? options.test;
    if (reference === undefined) throw InputError.invalid('options.fcd.reference', 'reference SMILES (or options.test)', 'none');
    fcd = frechetDistance(await options.fcd.embed(validSmiles), await options.fcd.embed(reference));
  }
  return {
    numGenerated: generated.length,
    validity: valid.validity,
    relaxedValidity: relaxed.validity,
    validityWithoutCorrection: gdss.validity,
    uniqueness: uniqueness(valid.smiles),
    novelty: nov,
    atomStability: stability.atomStability,
    moleculeStability: stability.moleculeStability,
    nspdk,
    fcd,
    smiles: valid.smiles,
  };
}
