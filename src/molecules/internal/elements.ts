/**
 * Element tables used by the molecule layer (internal).
 *
 * @internal
 * @module
 */

/** Atomic numbers of the elements graphgen's encodings accept. */
export const ATOMIC_NUMBER: Readonly<Record<string, number>> = {
  H: 1, B: 5, C: 6, N: 7, O: 8, F: 9, Al: 13, Si: 14, P: 15, S: 16, Cl: 17,
  As: 33, Se: 34, Br: 35, I: 53, Hg: 80, Bi: 83,
};

/** Symbol of each atomic number in {@link ATOMIC_NUMBER}. */
export const SYMBOL: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(ATOMIC_NUMBER).map(([s, z]) => [z, s]),
);

/**
 * RDKit's allowed valences of neutral atoms (its periodic table, as used by strict valence
 * checks): an atom whose explicit valence exceeds the largest entry fails sanitisation.
 */
const RDKIT_VALENCES: Readonly<Record<number, readonly number[]>> = {
  1: [1], 5: [3], 6: [4], 7: [3], 8: [2], 9: [1], 13: [3, 6], 14: [4], 15: [3, 5, 7], 16: [2, 4, 6],
  17: [1], 33: [3, 5, 7], 34: [2, 4, 6], 35: [1], 53: [1, 3, 5], 80: [-1], 83: [3, 5],
};

/**
 * Largest valence RDKit accepts for an atom of atomic number `z` and formal charge `charge`.
 * Charged atoms use the valences of the isoelectronic neutral element (N+ like C: 4; O+ like N: 3;
 * O- like F: 1), RDKit's rule for the organic subset. `Infinity` when RDKit has no limit.
 */
export function rdkitMaxValence(z: number, charge: number): number {
  const shifted = charge !== 0 ? RDKIT_VALENCES[z - charge] : undefined;
  const list = shifted ?? RDKIT_VALENCES[z];
  if (list === undefined || list[0] === -1) return Infinity;
  return list[list.length - 1];
}

/** Default valence of neutral atoms used by DiGress/GDSS's partial-charge rule (`ATOM_VALENCY`). */
export const GDSS_ATOM_VALENCY: Readonly<Record<number, number>> = { 6: 4, 7: 3, 8: 2, 9: 1, 15: 3, 16: 2, 17: 1, 35: 1, 53: 1 };

/**
 * DiGress's `allowed_bonds` table (Vignac et al. 2023, `src/analysis/rdkit_functions.py`): the
 * bond-order sums an atom may have to count as stable (hydrogens included).
 */
const DIGRESS_ALLOWED: Readonly<Record<string, readonly number[]>> = {
  H: [1], C: [4], N: [3], O: [2], F: [1], B: [3], Al: [3], Si: [4], P: [3, 5], S: [4], Cl: [1],
  As: [3], Br: [1], I: [1], Hg: [1, 2], Bi: [3, 5], Se: [2, 4, 6],
};

/**
 * Allowed bond-order sums for stability. Neutral atoms use DiGress's table; charged atoms use the
 * entry of the isoelectronic neutral element (N+ -> C: 4, O+ -> N: 3, N- -> O: 2, O- -> F: 1),
 * falling back to the neutral element's entry.
 */
export function stabilityValences(z: number, charge: number): readonly number[] {
  if (charge !== 0) {
    const iso = SYMBOL[z - charge];
    if (iso !== undefined && DIGRESS_ALLOWED[iso] !== undefined) return DIGRESS_ALLOWED[iso];
  }
  return DIGRESS_ALLOWED[SYMBOL[z]] ?? [];
}
