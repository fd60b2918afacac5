import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import { checkEncoding, moleculeParts } from './internal/moleculeParts.js';
import { checkGraphList } from './internal/checkGraphs.js';
import { partialCharges } from './internal/sanitize.js';

/** Result of {@link gdssValidity}. */
export interface GdssValidityResult {
  /** Molecules that pass without correction / all graphs (0 when there are no graphs). */
  validity: number;
  /** Number of molecules that pass. */
  numValid: number;
  /** Per graph: whether it passes. */
  valid: boolean[];
}

/**
 * GDSS's "validity without correction" (Jo et al., "Score-based Generative Modeling of Graphs via
 * the System of Stochastic Differential Equations", ICML 2022, `utils/mol_utils.py`): the
 * molecule is built as GDSS's `construct_mol` does (bonds added in the order pairs `(i, j)`,
 * `i > j`, row by row, with the +1 charge on N, O or S that exceeds its default valence by one,
 * see {@link relaxedValidity}); it counts as valid when RDKit's valence check
 * (`SanitizeMol(..., SANITIZE_PROPERTIES)`) then passes, i.e. before GDSS's valency correction
 * removes or lowers any bond. Only valences are checked (no kekulisation, connectivity not
 * required).
 *
 * Computed in TypeScript without RDKit, with RDKit's valence table (largest allowed valence of
 * each element; charged atoms use the isoelectronic element; aromatic bonds count 1.5, rounded as
 * RDKit rounds). An empty graph is invalid.
 *
 * @param graphs - molecular graphs (node classes index `encoding.atoms`, edge classes 1..4)
 * @param encoding - the atom vocabulary
 * @returns the fraction and per-graph flags
 * @throws `InputError` when `graphs` is not an array or a graph does not fit the encoding
 *
 * @example
 * ```ts
 * const fiveBondC = Graph.fromEdgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]], { nodeLabels: [0, 0, 0, 0, 0, 0] });
 * const ammonium = Graph.fromEdgeList(5, [[0, 1], [0, 2], [0, 3], [0, 4]], { nodeLabels: [1, 0, 0, 0, 0] });
 * gdssValidity([fiveBondC, ammonium], QM9_ENCODING).valid; // [false, true]
 * ```
 */
export function gdssValidity(graphs: readonly Graph[], encoding: MoleculeEncoding): GdssValidityResult {
  checkEncoding(encoding);
  checkGraphList(graphs);
  const valid: boolean[] = [];
  let numValid = 0;
  graphs.forEach((g, i) => {
    const parts = moleculeParts(g, encoding, `graphs[${i}]`);
    const ok = parts.n > 0 && partialCharges(parts, 'gdss').ok;
    valid.push(ok);
    if (ok) numValid++;
  });
  return { validity: graphs.length === 0 ? 0 : numValid / graphs.length, numValid, valid };
}
