import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import { checkRdkit, moleculeParts } from './internal/moleculeParts.js';
import { buildMol } from './internal/sanitize.js';

/**
 * Whether RDKit sanitises the whole molecule: every atom within its allowed valence (given its
 * formal charge), aromatic bonds kekulisable, and so on. Disconnected molecules are valid when
 * every fragment is. An empty graph is not a valid molecule, and neither is one with an aromatic
 * bond (class 4) outside a ring, which RDKit cannot kekulise.
 *
 * RDKit's sanitisation starts with its clean-up step, which rewrites neutral pentavalent nitrogen
 * into the charge-separated form (`C=N=N` becomes `C=[N+]=[N-]`, `CN(=O)=O` becomes
 * `C[N+](=O)[O-]`), so such graphs are valid here, as they are for DiGress's `SanitizeMol`.
 *
 * This is the plain RDKit check; see {@link digressValidity}, {@link relaxedValidity} and
 * {@link gdssValidity} for the literature's variants.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param graph - molecular graph (node classes index `encoding.atoms`, edge classes 1..4)
 * @param encoding - the atom vocabulary
 * @returns true when RDKit accepts the molecule
 * @throws `InputError` when the graph does not fit the encoding (class out of range)
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * // pentavalent carbon: C bonded to five carbons
 * const g = Graph.fromEdgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]], { nodeLabels: [0, 0, 0, 0, 0, 0] });
 * isValidMolecule(rdkit, g, QM9_ENCODING); // false
 * ```
 */
export function isValidMolecule(rdkit: RdkitModule, graph: Graph, encoding: MoleculeEncoding): boolean {
  checkRdkit(rdkit);
  const parts = moleculeParts(graph, encoding);
  const mol = buildMol(rdkit, parts);
  if (mol === null) return false;
  mol.delete();
  return true;
}
