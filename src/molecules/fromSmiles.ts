import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import { BondClass } from './BondClass.js';
import { checkEncoding, checkRdkit } from './internal/moleculeParts.js';
import { rdkitErrorMessage } from './internal/rdkitMessage.js';
import { SYMBOL } from './internal/elements.js';

/** Options of {@link fromSmiles}. */
export interface FromSmilesOptions {
  /**
   * `true`: bonds are written in a Kekulé form (single/double, classes 1 and 2), as QM9's SMILES
   * and the DiGress/GDSS pipelines store them; class 4 (aromatic) never appears.
   * `false`: bonds RDKit perceives as aromatic get class 4. Note that aromatic graphs do not keep
   * hydrogens on aromatic nitrogens (`[nH]` in pyrrole), so such rings cannot be rebuilt from the
   * graph; the Kekulé form round-trips.
   * @default true
   */
  kekulize?: boolean;
  /**
   * Look atoms up as neutral (formal charges dropped), as the DiGress and GDSS QM9 pipelines do:
   * their atom features carry no charge, so `[NH3+]CC([O-])=O` becomes the graph of `NCC(O)=O`
   * and a nitro group becomes an N with bond-order sum 4 (invalid until relaxed validity charges
   * it again). `false`: charged atoms need their own atom types in the encoding.
   * @default false
   */
  dropCharges?: boolean;
}

interface RdkitJsonAtom { z?: number; chg?: number; nRad?: number }
interface RdkitJsonBond { bo?: number; atoms: [number, number] }
interface RdkitJson {
  defaults: { atom: Required<RdkitJsonAtom>; bond: { bo: number } };
  molecules: { atoms?: RdkitJsonAtom[]; bonds?: RdkitJsonBond[]; extensions?: { name: string; aromaticBonds?: number[] }[] }[];
}

/**
 * Parses a SMILES string into a molecular `Graph` (heavy atoms only, hydrogens implicit).
 *
 * The SMILES is parsed and sanitised by RDKit; explicit hydrogens are merged into their heavy
 * atom, stereochemistry and isotopes are dropped. Node classes come from `encoding`
 * (element + formal charge), edge classes from the bond orders (see {@link FromSmilesOptions.kekulize}).
 * Atom order is RDKit's parse order (the order of atoms in the SMILES string).
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param smiles - one SMILES string (no whitespace or line breaks)
 * @param encoding - the atom vocabulary, e.g. {@link QM9_ENCODING}
 * @param options - see {@link FromSmilesOptions}
 * @returns the molecular graph (node classes = atom types, edge classes 1..4 = bond types)
 * @throws `InputError` (`E_INPUT`) when `smiles` is not a non-empty string, RDKit rejects
 *   it (the message quotes the input and RDKit's reason), an atom (element + charge) is not in the
 *   vocabulary, an atom has radical electrons, or a bond is neither single, double, triple nor aromatic
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const g = fromSmiles(rdkit, 'C1=CC=CC=C1', QM9_ENCODING);   // benzene, Kekulé
 * g.edgeLabels();                                           // [2, 1, 1, 2, 1, 2] (some Kekulé form)
 * fromSmiles(rdkit, 'c1ccccc1', QM9_ENCODING, { kekulize: false }).edgeLabels(); // all 4
 * ```
 */
export function fromSmiles(rdkit: RdkitModule, smiles: string, encoding: MoleculeEncoding, options: FromSmilesOptions = {}): Graph {
  checkRdkit(rdkit);
  checkEncoding(encoding);
  const kekulize = options.kekulize ?? true;
  if (typeof smiles !== 'string' || smiles.trim().length === 0) throw InputError.invalid('smiles', 'a non-empty SMILES string', describeValue(smiles));
  if (/\s/.test(smiles)) throw InputError.invalid('smiles', 'one SMILES without whitespace or line breaks', describeValue(smiles));
  const mol = rdkit.get_mol(smiles);
  if (mol === null) {
    throw InputError.invalid('smiles', 'a SMILES that RDKit parses and sanitises', `${JSON.stringify(smiles)} (${rdkitErrorMessage(rdkit, smiles)})`);
  }
  let json: RdkitJson;
  try {
    json = JSON.parse(mol.get_json()) as RdkitJson;
  } finally {
    mol.delete();
  }
  const m = json.molecules[0] ?? {};
  const atoms = m.atoms ?? [];
  const bonds = m.bonds ?? [];
  const d = json.defaults;
  const aromatic = new Set<number>(m.extensions?.find((x) => x.name === 'rdkitRepresentation')?.aromaticBonds ?? []);
  const nodeLabels = new Int32Array(atoms.length);
  atoms.forEach((a, i) => {
    const z = a.z ?? d.atom.z;
    const chg = options.dropCharges === true ? 0 : a.chg ?? d.atom.chg;
    const c = encoding.classOf(z, chg);
    const name = `${SYMBOL[z] ?? `Z=${z}`}${chg === 0 ? '' : chg > 0 ? `+${chg === 1 ? '' : chg}` : `-${chg === -1 ? '' : -chg}`}`;
    if (c < 0) {
      throw InputError.invalid('smiles', `atoms in the vocabulary [${encoding.atoms.map((t) => t.name).join(', ')}]`, `${JSON.stringify(smiles)} (atom ${i} is ${name})`);
    }
    if ((a.nRad ?? d.atom.nRad) !== 0) {
      throw InputError.invalid('smiles', 'a molecule without radical electrons (hydrogens are implicit)', `${JSON.stringify(smiles)} (atom ${i} ${name} is a radical)`);
    }
    nodeLabels[i] = c;
  });
  const edges: [number, number][] = new Array(bonds.length);
  const edgeLabels = new Int32Array(bonds.length);
  bonds.forEach((b, k) => {
    edges[k] = b.atoms;
    const bo = b.bo ?? d.bond.bo;
    if (!kekulize && aromatic.has(k)) edgeLabels[k] = BondClass.aromatic;
    else if (bo === 1 || bo === 2 || bo === 3) edgeLabels[k] = bo;
    else throw InputError.invalid('smiles', 'single, double, triple or aromatic bonds', `${JSON.stringify(smiles)} (bond ${k} has order ${bo})`);
  });
  return Graph.fromEdgeList(atoms.length, edges, { nodeLabels, edgeLabels });
}
