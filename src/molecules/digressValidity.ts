import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import type { MoleculeValidityResult } from './MoleculeValidityResult.js';
import { validityOf } from './internal/validityOf.js';

/**
 * Validity as DiGress computes it (Vignac et al., "DiGress: Discrete Denoising diffusion for
 * graph generation", ICLR 2023, `BasicMolecularMetrics.compute_validity`): the molecule is built
 * from the atom and bond classes exactly as given (no charges added), RDKit sanitises it, and the
 * valid molecule is represented by the canonical SMILES of its **largest fragment** (first one
 * in fragment order on ties). Validity = number of valid molecules / number of graphs.
 * Disconnected molecules count as valid when every fragment sanitises. An empty graph is invalid.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param graphs - molecular graphs (node classes index `encoding.atoms`, edge classes 1..4)
 * @param encoding - the atom vocabulary
 * @returns validity, per-graph flags and largest-fragment SMILES
 * @throws `InputError` when `graphs` is not an array or a graph does not fit the encoding
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const r = digressValidity(rdkit, [fromSmiles(rdkit, 'CCO.C', QM9_ENCODING)], QM9_ENCODING);
 * r.validity; // 1
 * r.smiles;   // ['CCO']
 * ```
 */
export function digressValidity(rdkit: RdkitModule, graphs: readonly Graph[], encoding: MoleculeEncoding): MoleculeValidityResult {
  return validityOf(rdkit, graphs, encoding, false);
}
