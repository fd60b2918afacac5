import { InputError, describeValue } from '../core/errors.js';
import { assertInteger } from '../core/assert.js';
import { createRng } from '../core/rng.js';
import { DATASET_RECIPES, RECIPE_NAMES, type RecipeName } from './datasetRecipes.js';
import { spectreSplit } from './spectreSplit.js';
import type { Dataset } from './types.js';

/** The seed of the committed `datasets/<name>/*.g6` files. */
export const DEFAULT_DATASET_SEED = 0;

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Seed of the recipe and of the split (a safe integer). @default 0 (`DEFAULT_DATASET_SEED`) */
  seed?: number;
}

/**
 * Generates a built-in synthetic dataset (see {@link DATASET_RECIPES}) and splits it
 * SPECTRE-style ({@link spectreSplit}). Pure and synchronous: no file system, no network; the
 * same name and seed give the same graphs on every platform. `createRng(seed)` is split twice:
 * the first child generates the graphs, the second draws the split permutation.
 *
 * With the default seed the result equals the committed files `datasets/<name>/{train,val,test}.g6`
 * (a test regenerates them), so the graphs are stable across versions.
 *
 * @param name - a {@link RecipeName}
 * @param options - the seed
 * @returns `{ train, val, test, meta }`
 * @throws `InputError` for an unknown name (the message lists the known ones) or a bad seed
 *
 * @example
 * ```ts
 * const { train, val, test, meta } = loadDataset('planar');
 * [train.length, val.length, test.length]; // [128, 32, 40]
 * meta.description; // 'Delaunay triangulations of 64 uniform points ...'
 * ```
 *
 * @see PROTOCOL.md for the reference recipes; the benchmark files themselves are read by `loadBenchmark`.
 */
export function loadDataset(name: RecipeName, options: LoadDatasetOptions = {}): Dataset {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(DATASET_RECIPES, name)) {
    throw InputError.invalid('name', `a dataset recipe name (one of ${RECIPE_NAMES.join(', ')}; benchmark files: use loadBenchmark)`, describeValue(name));
  }
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  assertInteger(seed, 'options.seed');
  const recipe = DATASET_RECIPES[name];
  const root = createRng(seed);
  const graphs = recipe.generate(root.split());
  const { train, val, test } = spectreSplit(graphs, root.split());
  return {
    train,
    val,
    test,
    meta: {
      name,
      source: 'recipe',
      description: recipe.description,
      seed,
      split: 'spectre',
      sizes: { train: train.length, val: val.length, test: test.length },
      references: [...recipe.references],
    },
  };
}
