import type { BondClass } from './BondClass.js';
import { InputError, describeValue } from '../core/errors.js';
import { ATOMIC_NUMBER } from './internal/elements.js';

/** One heavy-atom type of a {@link MoleculeEncoding}: an element with a formal charge. */
export interface AtomType {
  /** Name in the vocabulary, e.g. `"C"`, `"N+"`, `"O-"`. */
  readonly name: string;
  /** Element symbol, e.g. `"N"`. */
  readonly symbol: string;
  /** Atomic number, e.g. 7. */
  readonly atomicNumber: number;
  /** Formal charge, e.g. +1 for `"N+"`. */
  readonly charge: number;
}

/** Serializable form of a {@link MoleculeEncoding} (what checkpoints and configs store). */
export interface MoleculeEncodingConfig {
  /** Atom type names, node class `i` = `atoms[i]`: an element symbol optionally followed by a charge (`+`, `-`, `+2`, `-2`...). */
  atoms: string[];
}

/**
 * How molecules map to graphgen `Graph`s: node class `i` is the heavy-atom type
 * `atoms[i]` (element + formal charge), edge classes are the bond types of {@link BondClass}
 * (1 single, 2 double, 3 triple, 4 aromatic; 0 = no bond). Hydrogens are implicit: they are not
 * nodes, and RDKit re-derives them from the default valences when a graph is turned back into a
 * molecule.
 */
export interface MoleculeEncoding {
  /** Atom types; node class `i` is `atoms[i]`. */
  readonly atoms: readonly AtomType[];
  /**
   * Node class of an element with a formal charge, or -1 when the vocabulary lacks it.
   * @param atomicNumber - e.g. 6
   * @param charge - formal charge. @default 0
   */
  classOf(atomicNumber: number, charge?: number): number;
  /** The serializable config this encoding was made from. */
  toConfig(): MoleculeEncodingConfig;
}

const ATOM_NAME = /^([A-Z][a-z]?)(?:([+-])(\d*))?$/;

/**
 * Parses one atom type name: an element symbol optionally followed by a formal charge written
 * `+`, `-`, `+2`, `-1`...
 * @throws `InputError` when the name is malformed or the element unknown
 */
function parseAtomType(name: unknown, where: string): AtomType {
  if (typeof name !== 'string') throw InputError.invalid(where, 'an atom type name such as "C" or "N+"', describeValue(name));
  const m = ATOM_NAME.exec(name);
  if (m === null) throw InputError.invalid(where, 'an element symbol optionally followed by a charge, e.g. "C", "N+", "O-", "S+2"', describeValue(name));
  const symbol = m[1];
  const z = ATOMIC_NUMBER[symbol];
  if (z === undefined) {
    throw InputError.invalid(where, `an element among ${Object.keys(ATOMIC_NUMBER).join(', ')}`, describeValue(symbol));
  }
  let charge = 0;
  if (m[2] !== undefined) {
    const magnitude = m[3] === '' ? 1 : Number(m[3]);
    if (!(magnitude >= 1 && magnitude <= 4)) throw InputError.invalid(where, 'a formal charge between -4 and +4', describeValue(name));
    charge = m[2] === '+' ? magnitude : -magnitude;
  }
  return { name, symbol, atomicNumber: z, charge };
}

/**
 * Creates a {@link MoleculeEncoding} from a list of atom type names.
 *
 * @param atoms - atom type names, node class `i` = `atoms[i]`; an element symbol (H, B, C, N, O,
 *   F, Al, Si, P, S, Cl, As, Se, Br, I, Hg, Bi) optionally followed by a formal charge (`"N+"`,
 *   `"O-"`, `"S+2"`). Each (element, charge) pair at most once.
 * @returns the encoding
 * @throws `InputError` for an empty list, a malformed name, an unknown element or a duplicate
 *
 * @example
 * ```ts
 * const enc = createMoleculeEncoding(['C', 'N', 'O', 'F', 'N+', 'O-']);
 * enc.classOf(7, 1); // 4
 * ```
 */
export function createMoleculeEncoding(atoms: readonly string[]): MoleculeEncoding {
  if (!Array.isArray(atoms) || atoms.length === 0) {
    throw InputError.invalid('atoms', 'a non-empty array of atom type names', describeValue(atoms));
  }
  const types = atoms.map((a, i) => parseAtomType(a, `atoms[${i}]`));
  const index = new Map<string, number>();
  types.forEach((t, i) => {
    const key = `${t.atomicNumber}:${t.charge}`;
    const prev = index.get(key);
    if (prev !== undefined) throw InputError.invalid(`atoms[${i}]`, `an atom type not already listed (atoms[${prev}])`, describeValue(t.name));
    index.set(key, i);
  });
  const names = types.map((t) => t.name);
  return Object.freeze({
    atoms: Object.freeze(types.map((t) => Object.freeze(t))),
    classOf: (atomicNumber: number, charge = 0) => index.get(`${atomicNumber}:${charge}`) ?? -1,
    toConfig: () => ({ atoms: names.slice() }),
  });
}

/**
 * The QM9 encoding without hydrogens used by DiGress, GDSS and DeFoG: node classes
 * 0 = C, 1 = N, 2 = O, 3 = F (neutral). QM9's 1,845 charged molecules (zwitterions such as
 * `[NH3+]CC([O-])=O`) need {@link QM9_CHARGED_ENCODING}, or `fromSmiles(..., { dropCharges: true })`
 * as the DiGress and GDSS pipelines do (their atom features carry no charge).
 * (Ramakrishnan et al., "Quantum chemistry structures and properties of 134 kilo molecules",
 * Sci. Data 2014.)
 */
export const QM9_ENCODING: MoleculeEncoding = createMoleculeEncoding(['C', 'N', 'O', 'F']);

/**
 * QM9 with the charged atom types that occur in it (1,707 `N+`, 1,387 `O-`, 170 `N-`, 150 `C-`
 * atoms): node classes 0 = C, 1 = N, 2 = O, 3 = F, 4 = N+, 5 = O-, 6 = N-, 7 = C-. Every QM9
 * molecule round-trips through this encoding.
 */
export const QM9_CHARGED_ENCODING: MoleculeEncoding = createMoleculeEncoding(['C', 'N', 'O', 'F', 'N+', 'O-', 'N-', 'C-']);
