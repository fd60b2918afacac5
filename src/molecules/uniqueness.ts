import { checkStringList } from './internal/checkGraphs.js';

/**
 * Uniqueness as DiGress and GDSS report it: distinct strings among the valid molecules' canonical
 * SMILES / number of valid molecules. `null` entries (invalid molecules, as in
 * {@link MoleculeValidityResult.smiles}) are skipped, so pass the per-graph SMILES directly.
 * Strings are compared exactly: they must be canonical (from {@link toSmiles},
 * {@link digressValidity} or {@link canonicalSmiles}). Returns 0 when there is no valid molecule
 * (DiGress's convention).
 *
 * @param smiles - canonical SMILES of the generated molecules (null = invalid)
 * @returns a fraction in [0, 1]
 * @throws `InputError` when `smiles` is not an array of strings or nulls
 *
 * @example
 * ```ts
 * uniqueness(['CCO', 'CCO', 'C', null]); // 2 / 3
 * ```
 */
export function uniqueness(smiles: readonly (string | null)[]): number {
  checkStringList(smiles, 'smiles', true);
  const valid = smiles.filter((s): s is string => s !== null);
  return valid.length === 0 ? 0 : new Set(valid).size / valid.length;
}
