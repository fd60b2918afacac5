import { checkStringList } from './internal/checkGraphs.js';

/**
 * Novelty as DiGress and GDSS report it: among the **distinct** valid canonical SMILES, the
 * fraction that does not occur in the training set. `null` entries (invalid molecules) are
 * skipped and duplicates counted once. Both lists must hold canonical SMILES written by the same
 * RDKit (use {@link canonicalSmiles} on a training file). Returns 0 when there is no valid molecule.
 *
 * @param smiles - canonical SMILES of the generated molecules (null = invalid)
 * @param train - canonical SMILES of the training molecules (an array or a Set)
 * @returns a fraction in [0, 1]
 * @throws `InputError` when `smiles` or `train` is not a list of strings
 *
 * @example
 * ```ts
 * novelty(['CCO', 'CCO', 'CCN', null], ['CCO', 'C']); // 1 / 2 ('CCN' is new)
 * ```
 */
export function novelty(smiles: readonly (string | null)[], train: readonly string[] | ReadonlySet<string>): number {
  checkStringList(smiles, 'smiles', true);
  const trainSet = train instanceof Set ? train : (checkStringList(train, 'train'), new Set(train as readonly string[]));
  const unique = new Set(smiles.filter((s): s is string => s !== null));
  if (unique.size === 0) return 0;
  let novel = 0;
  for (const s of unique) if (!trainSet.has(s)) novel++;
  return novel / unique.size;
}
