import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import { moleculeParts, writeMolblock } from './internal/moleculeParts.js';

/**
 * Writes a molecular graph as a V2000 molblock (MDL mol file), without RDKit.
 *
 * Atoms come from the node classes through `encoding` (element symbol, formal charge in
 * `M  CHG` lines), bonds from the edge classes (molfile bond types 1 single, 2 double, 3 triple,
 * 4 aromatic). Coordinates are all 0 (no layout); hydrogens are not written, so a reader such as
 * RDKit adds them implicitly from default valences. The result is written whether or not the
 * molecule is chemically valid; use {@link isValidMolecule} to check it.
 *
 * @param graph - molecular graph: node classes index `encoding.atoms`, edge classes 1..4
 * @param encoding - the atom vocabulary, e.g. {@link QM9_ENCODING}
 * @returns the molblock text (ends with `M  END\n`)
 * @throws `InputError` when `graph` is not a Graph, a node class is outside the vocabulary,
 *   an edge class is above 4, or there are more than 999 atoms or bonds
 *
 * @example
 * ```ts
 * const co2 = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { nodeLabels: [2, 0, 2], edgeLabels: [2, 2] });
 * toMolblock(co2, QM9_ENCODING); // "\n  graphgen\n\n  3  2  0 ... V2000\n ... M  END\n"
 * ```
 */
export function toMolblock(graph: Graph, encoding: MoleculeEncoding): string {
  return writeMolblock(moleculeParts(graph, encoding));
}
