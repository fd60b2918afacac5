import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import type { MoleculeValidityResult } from './MoleculeValidityResult.js';
import { validityOf } from './internal/validityOf.js';

/**
 * DiGress's relaxed validity (Vignac et al. 2023, `build_molecule_with_partial_charges`): as
 * {@link digressValidity}, but while the bonds are added one at a time (pairs `(i, j)`, `i < j`,
 * row by row), an N, O or S atom that RDKit reports as exceeding its valence by exactly one
 * (valence 4 for N, 3 for O or S) gets a +1 formal charge (`[N+]`, `[O+]`, `[S+]`). Negative
 * charges are never added. The molecule with these charges is then sanitised and reduced to its
 * largest fragment as in {@link digressValidity}.
 *
 * The per-bond valence check is done in TypeScript with RDKit's valence table (largest allowed
 * valence of the element, or of the isoelectronic element for charged atoms; aromatic bonds count
 * 1.5), which is exact for C, N, O, F; the final check is RDKit's own sanitisation.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param graphs - molecular graphs (node classes index `encoding.atoms`, edge classes 1..4)
 * @param encoding - the atom vocabulary
 * @returns validity, per-graph flags and largest-fragment SMILES (with the added charges)
 * @throws `InputError` when `graphs` is not an array or a graph does not fit the encoding
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * // a tetravalent N: invalid as given, valid as [N+]
 * const g = Graph.fromEdgeList(5, [[0, 1], [0, 2], [0, 3], [0, 4]], { nodeLabels: [1, 0, 0, 0, 0] });
 * digressValidity(rdkit, [g], QM9_ENCODING).validity; // 0
 * relaxedValidity(rdkit, [g], QM9_ENCODING).smiles;   // ['C[N+](C)(C)C']
 * ```
 */
export function relaxedValidity(rdkit: RdkitModule, graphs: readonly Graph[], encoding: MoleculeEncoding): MoleculeValidityResult {
  return validityOf(rdkit, graphs, encoding, true);
}
