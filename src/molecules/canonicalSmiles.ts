import { InputError, describeValue } from '../core/errors.js';
import type { RdkitModule } from './RdkitModule.js';
import { checkRdkit } from './internal/moleculeParts.js';
import { rdkitErrorMessage } from './internal/rdkitMessage.js';

/**
 * RDKit's canonical SMILES of a SMILES string (aromatic form, stereochemistry kept if present).
 * Use it to put a training set in the same form as generated molecules before
 * {@link novelty}; note that {@link toSmiles} of a graph has no stereochemistry.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param smiles - one SMILES string
 * @returns the canonical SMILES
 * @throws `InputError` when `smiles` is not a non-empty string or RDKit rejects it (the
 *   message quotes the input and RDKit's reason)
 *
 * @example
 * ```ts
 * canonicalSmiles(await loadRdkit(), 'C1=CC=CC=C1O'); // 'Oc1ccccc1'
 * ```
 */
export function canonicalSmiles(rdkit: RdkitModule, smiles: string): string {
  checkRdkit(rdkit);
  if (typeof smiles !== 'string' || smiles.trim().length === 0 || /\s/.test(smiles)) {
    throw InputError.invalid('smiles', 'one non-empty SMILES string without whitespace', describeValue(smiles));
  }
  const mol = rdkit.get_mol(smiles);
  if (mol === null) throw InputError.invalid('smiles', 'a SMILES that RDKit parses and sanitises', `${JSON.stringify(smiles)} (${rdkitErrorMessage(rdkit, smiles)})`);
  try {
    return mol.get_smiles();
  } finally {
    mol.delete();
  }
}
