import { InputError } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import { checkRdkit, moleculeParts, writeMolblock } from './internal/moleculeParts.js';
import { rdkitErrorMessage } from './internal/rdkitMessage.js';
import { aromaticBondOutsideRing } from './internal/sanitize.js';

/**
 * Canonical SMILES of a molecular graph, through RDKit.
 *
 * The graph is written as a molblock ({@link toMolblock}), parsed and sanitised by RDKit (implicit
 * hydrogens from default valences, aromaticity perceived), and written back as RDKit's canonical
 * SMILES (aromatic form, no stereo). Two graphs of the same molecule give the same string
 * whatever their atom order or Kekulé form.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param graph - molecular graph: node classes index `encoding.atoms`, edge classes 1..4
 * @param encoding - the atom vocabulary
 * @returns the canonical SMILES (fragments joined by `.`)
 * @throws `InputError` when the graph is empty, malformed for the encoding, or RDKit rejects
 *   the molecule (the message gives RDKit's reason, e.g. a valence exceeded)
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * toSmiles(rdkit, fromSmiles(rdkit, 'C1=CC=CC=C1', QM9_ENCODING), QM9_ENCODING); // 'c1ccccc1'
 * ```
 */
export function toSmiles(rdkit: RdkitModule, graph: Graph, encoding: MoleculeEncoding): string {
  checkRdkit(rdkit);
  const parts = moleculeParts(graph, encoding);
  if (parts.n === 0) throw InputError.invalid('graph', 'a molecule with at least one atom', 'an empty graph');
  const bridge = aromaticBondOutsideRing(parts);
  if (bridge !== null) throw InputError.invalid('graph', 'aromatic bonds only inside rings', `${graph.toString()} (aromatic bond {${bridge[0]}, ${bridge[1]}} is on no ring)`);
  const block = writeMolblock(parts);
  const mol = rdkit.get_mol(block);
  if (mol === null) throw InputError.invalid('graph', 'a molecule that RDKit sanitises', `${graph.toString()} (${rdkitErrorMessage(rdkit, block)})`);
  try {
    return mol.get_smiles();
  } finally {
    mol.delete();
  }
}
