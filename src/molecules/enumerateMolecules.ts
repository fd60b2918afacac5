import { InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import { QM9_ENCODING } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import { checkEncoding, checkRdkit, moleculeParts } from './internal/moleculeParts.js';
import { rdkitMaxValence } from './internal/elements.js';
import { buildMol } from './internal/sanitize.js';

/** Options of {@link enumerateMolecules}. */
export interface EnumerateMoleculesOptions {
  /**
   * Largest number of heavy atoms, 1..6. Counts for the QM9 vocabulary: 4 gives a few hundred
   * molecules, 5 a few thousand (and takes seconds), 6 tens of thousands (minutes).
   * @default 4
   */
  maxAtoms?: number;
  /** Atom vocabulary; every atom type is used, with RDKit's largest valence for its charge. @default QM9_ENCODING */
  encoding?: MoleculeEncoding;
  /** Largest bond order, 1..3. @default 3 */
  maxBondOrder?: number;
}

/**
 * Every connected molecule of 1..`maxAtoms` heavy atoms over a vocabulary (QM9's C, N, O, F by
 * default) whose atoms stay within their valence (hydrogens implicit), deduplicated by RDKit
 * canonical SMILES: the offline molecule dataset graphgen builds itself.
 *
 * Enumeration grows molecules level by level: from every molecule of k atoms, a new atom of each
 * type is bonded (orders 1..`maxBondOrder`) to each atom with free valence; within a level, ring
 * bonds are added between every non-bonded pair with free valence until no new molecule appears.
 * Every connected valence-valid molecule is reached (build a spanning tree with the final bond
 * orders, then close its rings). Valences are capped at RDKit's largest valence of each atom type
 * (neutral C 4, N 3, O 2, F 1), so the charge-separated forms RDKit would make of pentavalent
 * nitrogen (`C=[N+]=[N-]`) are not produced. Only molecules that RDKit sanitises are kept. The order of the
 * result is deterministic: sorted by heavy-atom count, then by canonical SMILES.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param options - size limit, vocabulary, bond orders (see {@link EnumerateMoleculesOptions})
 * @returns canonical SMILES, sorted by atom count then lexicographically
 * @throws `InputError` for an option out of range
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const small = enumerateMolecules(rdkit, { maxAtoms: 2 });
 * // ['C', 'F', 'N', 'O', 'C#C', 'C#N', 'C=C', 'C=N', 'C=O', 'CC', 'CF', ...]
 * ```
 */
export function enumerateMolecules(rdkit: RdkitModule, options: EnumerateMoleculesOptions = {}): string[] {
  checkRdkit(rdkit);
  const maxAtoms = options.maxAtoms ?? 4;
  const maxOrder = options.maxBondOrder ?? 3;
  const encoding = options.encoding ?? QM9_ENCODING;
  if (!Number.isInteger(maxAtoms) || maxAtoms < 1 || maxAtoms > 6) throw InputError.invalid('options.maxAtoms', 'an integer in 1..6', describeValue(maxAtoms));
  if (!Number.isInteger(maxOrder) || maxOrder < 1 || maxOrder > 3) throw InputError.invalid('options.maxBondOrder', 'an integer in 1..3', describeValue(maxOrder));
  checkEncoding(encoding, 'options.encoding');
  const cap = encoding.atoms.map((a) => Math.min(rdkitMaxValence(a.atomicNumber, a.charge), 8));

  interface Mol { atoms: number[]; edges: [number, number][]; orders: number[] }
  const all: string[][] = [];
  const key = (m: Mol): string | null => {
    const g = Graph.fromEdgeList(m.atoms.length, m.edges, { nodeLabels: m.atoms, edgeLabels: m.orders });
    const mol = buildMol(rdkit, moleculeParts(g, encoding));
    if (mol === null) return null;
    try {
      return mol.get_smiles();
    } finally {
      mol.delete();
    }
  };
  const used = (m: Mol): number[] => {
    const s = new Array<number>(m.atoms.length).fill(0);
    m.edges.forEach(([a, b], e) => {
      s[a] += m.orders[e];
      s[b] += m.orders[e];
    });
    return s;
  };

  let level: Mol[] = [];
  const seen = new Set<string>();
  const add = (m: Mol, into: Mol[]): void => {
    const k = key(m);
    if (k !== null && !seen.has(k)) {
      seen.add(k);
      into.push(m);
    }
  };
  encoding.atoms.forEach((_, t) => add({ atoms: [t], edges: [], orders: [] }, level));
  for (let size = 1; size <= maxAtoms; size++) {
    // Close rings within the level until nothing new appears (the list grows while we scan it).
    for (let i = 0; i < level.length; i++) {
      const m = level[i];
      const free = used(m).map((s, a) => cap[m.atoms[a]] - s);
      const bonded = new Set(m.edges.map(([a, b]) => a * 64 + b));
      for (let a = 0; a < m.atoms.length; a++) {
        for (let b = a + 1; b < m.atoms.length; b++) {
          if (bonded.has(a * 64 + b)) continue;
          for (let o = 1; o <= Math.min(maxOrder, free[a], free[b]); o++) {
            add({ atoms: m.atoms, edges: [...m.edges, [a, b]], orders: [...m.orders, o] }, level);
          }
        }
      }
    }
    all.push(level.map((m) => key(m) as string).sort());
    if (size === maxAtoms) break;
    const next: Mol[] = [];
    for (const m of level) {
      const free = used(m).map((s, a) => cap[m.atoms[a]] - s);
      const n = m.atoms.length;
      for (let a = 0; a < n; a++) {
        for (let t = 0; t < encoding.atoms.length; t++) {
          for (let o = 1; o <= Math.min(maxOrder, free[a], cap[t]); o++) {
            add({ atoms: [...m.atoms, t], edges: [...m.edges, [a, n]], orders: [...m.orders, o] }, next);
          }
        }
      }
    }
    level = next;
  }
  return all.flat();
}
