import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import type { RdkitModule } from './RdkitModule.js';
import { checkRdkit } from './internal/moleculeParts.js';
import { rdkitErrorMessage } from './internal/rdkitMessage.js';

/**
 * The labelled graph GDSS feeds to NSPDK for a molecule (`mols_to_nx`): the molecule is parsed by
 * RDKit (so aromaticity is perceived), node class = atomic number (equivalent to GDSS's atom
 * symbol label), edge class = `int(bond order)`: single 1, double 2, triple 3 and aromatic
 * `int(1.5) = 1`. Charges and hydrogens are not labels.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param smiles - one SMILES string
 * @returns the NSPDK input graph
 * @throws `InputError` when RDKit rejects the SMILES
 *
 * @example
 * ```ts
 * const g = moleculeNspdkGraph(await loadRdkit(), 'c1ccccc1O');
 * Array.from(g.edgeLabels()); // [1, 1, 1, 1, 1, 1, 1]
 * ```
 */
export function moleculeNspdkGraph(rdkit: RdkitModule, smiles: string): Graph {
  checkRdkit(rdkit);
  if (typeof smiles !== 'string' || smiles.trim().length === 0) throw InputError.invalid('smiles', 'a non-empty SMILES string', describeValue(smiles));
  const mol = rdkit.get_mol(smiles);
  if (mol === null) throw InputError.invalid('smiles', 'a SMILES that RDKit parses and sanitises', `${JSON.stringify(smiles)} (${rdkitErrorMessage(rdkit, smiles)})`);
  let json: { defaults: { atom: { z: number }; bond: { bo: number } }; molecules: { atoms?: { z?: number }[]; bonds?: { bo?: number; atoms: [number, number] }[]; extensions?: { name: string; aromaticBonds?: number[] }[] }[] };
  try {
    json = JSON.parse(mol.get_json());
  } finally {
    mol.delete();
  }
  const m = json.molecules[0] ?? {};
  const atoms = m.atoms ?? [];
  const bonds = m.bonds ?? [];
  const aromatic = new Set(m.extensions?.find((x) => x.name === 'rdkitRepresentation')?.aromaticBonds ?? []);
  return Graph.fromEdgeList(atoms.length, bonds.map((b) => b.atoms), {
    nodeLabels: atoms.map((a) => a.z ?? json.defaults.atom.z),
    edgeLabels: bonds.map((b, k) => (aromatic.has(k) ? 1 : Math.max(1, Math.floor(b.bo ?? json.defaults.bond.bo)))),
  });
}
