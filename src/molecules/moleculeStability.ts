import type { Graph } from '../graph/Graph.js';
import { InputError, describeValue } from '../core/errors.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import { BOND_ORDERS } from './BondClass.js';
import { checkEncoding, moleculeParts } from './internal/moleculeParts.js';
import { checkGraphList } from './internal/checkGraphs.js';
import { stabilityValences } from './internal/elements.js';

/** Options of {@link moleculeStability}. */
export interface MoleculeStabilityOptions {
  /**
   * `'explicit'`: DiGress's rule verbatim; an atom is stable when its bond-order sum is one of the
   * allowed valences. Meaningful for graphs whose hydrogens are nodes (an `H` atom type), as in
   * DiGress's QM9-with-hydrogens numbers. `'implicit'`: the graphs carry no hydrogens (graphgen's
   * default encodings); an atom is stable when some allowed valence minus its bond-order sum is a
   * whole number >= 0 (the implicit hydrogens that fill it).
   * @default 'explicit'
   */
  hydrogens?: 'explicit' | 'implicit';
}

/** Result of {@link moleculeStability}. */
export interface MoleculeStabilityResult {
  /** Stable atoms / all atoms over every graph (0 when there are no atoms). */
  atomStability: number;
  /** Molecules whose atoms are all stable / all graphs (0 when there are no graphs). */
  moleculeStability: number;
  /** Number of stable atoms. */
  numStableAtoms: number;
  /** Number of atoms. */
  numAtoms: number;
  /** Per graph: whether every atom is stable (an empty graph is stable, vacuously, as in DiGress). */
  stable: boolean[];
}

/**
 * Atom and molecule stability (Hoogeboom et al. 2022, as computed by DiGress, Vignac et al. 2023,
 * `check_stability`): the bond-order sum of each atom (single 1, double 2, triple 3, aromatic 1.5)
 * is compared with DiGress's allowed valences: H 1, C 4, N 3, O 2, F 1, B 3, Al 3, Si 4, P 3 or 5,
 * S 4, Cl 1, As 3, Br 1, I 1, Hg 1 or 2, Bi 3 or 5, Se 2, 4 or 6. Charged atoms use the entry of
 * the isoelectronic element (N+ 4, O+ 3, N- 2, O- 1). Atom stability = stable atoms / atoms; molecule
 * stability = molecules with every atom stable / molecules. See
 * {@link MoleculeStabilityOptions.hydrogens} for graphs without hydrogen nodes.
 *
 * (DiGress accumulates the sums in an integer array, so its aromatic bonds are truncated; here
 * aromatic bonds count 1.5 exactly.)
 *
 * @param graphs - molecular graphs (node classes index `encoding.atoms`, edge classes 1..4)
 * @param encoding - the atom vocabulary
 * @param options - see {@link MoleculeStabilityOptions}
 * @returns atom and molecule stability with counts
 * @throws `InputError` when `graphs` is not an array, a graph does not fit the encoding, or
 *   `hydrogens` is not `'explicit'` or `'implicit'`
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const g = fromSmiles(rdkit, 'CC=O', QM9_ENCODING);
 * moleculeStability([g], QM9_ENCODING).atomStability;                          // 0 (no H nodes)
 * moleculeStability([g], QM9_ENCODING, { hydrogens: 'implicit' }).atomStability; // 1
 * ```
 */
export function moleculeStability(graphs: readonly Graph[], encoding: MoleculeEncoding, options: MoleculeStabilityOptions = {}): MoleculeStabilityResult {
  checkEncoding(encoding);
  checkGraphList(graphs);
  const mode = options.hydrogens ?? 'explicit';
  if (mode !== 'explicit' && mode !== 'implicit') throw InputError.invalid('options.hydrogens', '"explicit" or "implicit"', describeValue(mode));
  let numStableAtoms = 0;
  let numAtoms = 0;
  const stable: boolean[] = [];
  graphs.forEach((g, gi) => {
    const { n, atomicNumbers, charges, u, v, bonds } = moleculeParts(g, encoding, `graphs[${gi}]`);
    const sum = new Float64Array(n);
    for (let e = 0; e < bonds.length; e++) {
      sum[u[e]] += BOND_ORDERS[bonds[e]];
      sum[v[e]] += BOND_ORDERS[bonds[e]];
    }
    let all = true;
    for (let i = 0; i < n; i++) {
      const allowed = stabilityValences(atomicNumbers[i], charges[i]);
      const ok = mode === 'explicit'
        ? allowed.includes(sum[i])
        : allowed.some((a) => a - sum[i] >= 0 && Number.isInteger(a - sum[i]));
      if (ok) numStableAtoms++;
      else all = false;
    }
    numAtoms += n;
    stable.push(all);
  });
  const numStableMolecules = stable.filter(Boolean).length;
  return {
    atomStability: numAtoms === 0 ? 0 : numStableAtoms / numAtoms,
    moleculeStability: graphs.length === 0 ? 0 : numStableMolecules / graphs.length,
    numStableAtoms,
    numAtoms,
    stable,
  };
}
