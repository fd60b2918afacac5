import { InputError, describeValue } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { RdkitModule } from './RdkitModule.js';
import { enumerateMolecules, type EnumerateMoleculesOptions } from './enumerateMolecules.js';

/** Options of {@link smallMoleculesDataset}. */
export interface SmallMoleculesDatasetOptions extends EnumerateMoleculesOptions {
  /** Seed of the shuffle that makes the split. @default 0 */
  seed?: number | string;
  /** Train / validation / test fractions, non-negative, summing to 1. @default [0.8, 0.1, 0.1] */
  fractions?: readonly [number, number, number];
}

/** Result of {@link smallMoleculesDataset}: canonical SMILES per split. */
export interface SmallMoleculesDatasetResult {
  /** Training molecules. */
  train: string[];
  /** Validation molecules. */
  val: string[];
  /** Test molecules. */
  test: string[];
}

/**
 * A small molecule dataset graphgen makes itself, for offline tests and demos: every valence-valid
 * molecule of up to `maxAtoms` heavy atoms ({@link enumerateMolecules}), shuffled with a seeded
 * generator and split into train / validation / test (sizes `floor(f * N)` for train and
 * validation, the rest for test). The same options always give the same split.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param options - enumeration options plus `seed` and `fractions`
 * @returns canonical SMILES of each split
 * @throws `InputError` for bad fractions or enumeration options
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const { train, val, test } = smallMoleculesDataset(rdkit, { maxAtoms: 4, seed: 1 });
 * const graphs = train.map((s) => fromSmiles(rdkit, s, QM9_ENCODING));
 * ```
 */
export function smallMoleculesDataset(rdkit: RdkitModule, options: SmallMoleculesDatasetOptions = {}): SmallMoleculesDatasetResult {
  const fractions = options.fractions ?? [0.8, 0.1, 0.1];
  if (!Array.isArray(fractions) || fractions.length !== 3 || !fractions.every((f) => Number.isFinite(f) && f >= 0) || Math.abs(fractions[0] + fractions[1] + fractions[2] - 1) > 1e-9) {
    throw InputError.invalid('options.fractions', 'three non-negative numbers summing to 1', describeValue(fractions));
  }
  const rng = createRng(options.seed ?? 0);
  const all = rng.shuffled(enumerateMolecules(rdkit, options));
  const nTrain = Math.floor(fractions[0] * all.length);
  const nVal = Math.floor(fractions[1] * all.length);
  return { train: all.slice(0, nTrain), val: all.slice(nTrain, nTrain + nVal), test: all.slice(nTrain + nVal) };
}
