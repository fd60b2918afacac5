import type { MolecularFeaturesConfig } from '../generators/common/molecularFeatures.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import { BOND_ORDERS } from './BondClass.js';
import { ATOMIC_NUMBER } from './internal/elements.js';

/** Default (lowest) valence of each neutral element graphgen's encodings accept, by atomic number. */
const VALENCE: Readonly<Record<number, number>> = { 1: 1, 5: 3, 6: 4, 7: 3, 8: 2, 9: 1, 13: 3, 14: 4, 15: 3, 16: 2, 17: 1, 33: 3, 34: 2, 35: 1, 53: 1, 80: 2, 83: 3 };

/** Standard atomic weights (IUPAC, rounded to 3 decimals) by atomic number. */
const WEIGHT: Readonly<Record<number, number>> = {
  1: 1.008, 5: 10.81, 6: 12.011, 7: 14.007, 8: 15.999, 9: 18.998, 13: 26.982, 14: 28.085, 15: 30.974, 16: 32.06,
  17: 35.45, 33: 74.922, 34: 78.971, 35: 79.904, 53: 126.904, 80: 200.59, 83: 208.98,
};

/**
 * The chemistry tables of DiGress's molecular extra features (`molecularFeatures` in
 * graphgen/generators; Vignac et al. 2023) for a {@link MoleculeEncoding}: per node class the
 * default valence of the element (C 4, N 3, O 2, F 1, S 2, P 3, ...; a charged atom takes the
 * valence of its isoelectronic neutral element, so N+ 4, O- 1, N- 2, C- 3) and its standard
 * atomic weight; per edge class the bond order of {@link BOND_ORDERS} (none 0, single 1,
 * double 2, triple 3, aromatic 1.5).
 *
 * @param encoding - the atom vocabulary (node classes)
 * @param maxWeight - divisor of the molecular weight feature. @default 150 (DiGress's QM9 value)
 * @returns tables for `createExtraFeatures({ name, molecular })`, node class count
 *   `encoding.atoms.length`, 5 edge classes
 *
 * @example
 * ```ts
 * const model = new DiscreteFlow({
 *   nodeClasses: QM9_ENCODING.atoms.length, edgeClasses: 5,
 *   features: { name: 'rrwp', molecular: molecularFeaturesConfig(QM9_ENCODING) },
 * });
 * ```
 */
export function molecularFeaturesConfig(encoding: MoleculeEncoding, maxWeight = 150): MolecularFeaturesConfig {
  const valencies = encoding.atoms.map((a) => {
    const shifted = a.charge !== 0 ? VALENCE[a.atomicNumber - a.charge] : undefined;
    return Math.max(0, shifted ?? VALENCE[a.atomicNumber] ?? 0);
  });
  const atomWeights = encoding.atoms.map((a) => WEIGHT[a.atomicNumber] ?? WEIGHT[ATOMIC_NUMBER[a.symbol]] ?? 0);
  return { valencies, atomWeights, bondOrders: BOND_ORDERS.slice(), maxWeight };
}
