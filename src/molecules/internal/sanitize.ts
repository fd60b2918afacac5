/**
 * RDKit sanitisation of molecular graphs and the DiGress/GDSS partial-charge rule (internal).
 *
 * @internal
 * @module
 */
import type { RdkitModule, RdkitMol } from '../RdkitModule.js';
import { GDSS_ATOM_VALENCY, rdkitMaxValence } from './elements.js';
import { writeMolblock, type MoleculeParts } from './moleculeParts.js';
import { BOND_ORDERS } from '../BondClass.js';

/** Canonical SMILES of the whole molecule and of its largest fragment, or null when RDKit rejects it. */
export interface Sanitized {
  smiles: string;
  largest: string;
}

/**
 * First aromatic bond (class 4) that lies on no ring (a bridge of the graph), as `[u, v]`, or
 * null. RDKit's kekulisation rejects such bonds ("non-ring atom marked aromatic") when the
 * molecule is built bond by bond as DiGress does; its molfile reader would instead quietly turn
 * them into plain bonds, so graphgen checks them itself.
 */
export function aromaticBondOutsideRing(parts: MoleculeParts): [number, number] | null {
  const { n, u, v, bonds } = parts;
  let adj: number[][] | null = null;
  for (let e = 0; e < bonds.length; e++) {
    if (bonds[e] !== 4) continue;
    if (adj === null) {
      adj = Array.from({ length: n }, () => []);
      for (let f = 0; f < bonds.length; f++) {
        adj[u[f]].push(f);
        adj[v[f]].push(f);
      }
    }
    // Is v reachable from u without edge e?
    const seen = new Uint8Array(n);
    const stack = [u[e]];
    seen[u[e]] = 1;
    let found = false;
    while (stack.length > 0 && !found) {
      const x = stack.pop() as number;
      for (const f of adj[x]) {
        if (f === e) continue;
        const y = u[f] === x ? v[f] : u[f];
        if (y === v[e]) {
          found = true;
          break;
        }
        if (!seen[y]) {
          seen[y] = 1;
          stack.push(y);
        }
      }
    }
    if (!found) return [u[e], v[e]];
  }
  return null;
}

/**
 * The sanitised RDKit molecule of a graph, or null when it is empty, has an aromatic bond outside
 * a ring, or RDKit rejects it. The caller owns the returned molecule and must `delete()` it.
 */
export function buildMol(rdkit: RdkitModule, parts: MoleculeParts, charges: ArrayLike<number> = parts.charges): RdkitMol | null {
  if (parts.n === 0 || aromaticBondOutsideRing(parts) !== null) return null;
  return rdkit.get_mol(writeMolblock(parts, charges));
}

/**
 * Builds the molecule in RDKit (molblock with the given charges) and sanitises it. Returns null
 * for an empty molecule or when sanitisation fails. The largest fragment is the first fragment
 * (in RDKit's fragment order, by lowest atom index) with the most heavy atoms, as Python's `max`
 * picks it in DiGress.
 */
export function sanitize(rdkit: RdkitModule, parts: MoleculeParts, charges: ArrayLike<number> = parts.charges): Sanitized | null {
  const mol = buildMol(rdkit, parts, charges);
  if (mol === null) return null;
  let smiles: string;
  try {
    smiles = mol.get_smiles();
  } finally {
    mol.delete();
  }
  if (!smiles.includes('.')) return { smiles, largest: smiles };
  return { smiles, largest: largestFragment(rdkit, parts, charges) ?? smiles };
}

/** SMILES of the largest connected component, computed on the graph and written by RDKit. */
function largestFragment(rdkit: RdkitModule, parts: MoleculeParts, charges: ArrayLike<number>): string | null {
  const { n, u, v } = parts;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let e = 0; e < u.length; e++) {
    const a = find(u[e]);
    const b = find(v[e]);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[find(i)]++;
  // Components ordered by their lowest atom index; the first of maximal size wins.
  let best = -1;
  for (let i = 0; i < n; i++) if (find(i) === i && (best < 0 || size[i] > size[best])) best = i;
  const keep: number[] = [];
  const map = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (find(i) === best) map[i] = keep.push(i) - 1;
  const eu: number[] = [];
  const ev: number[] = [];
  const eb: number[] = [];
  for (let e = 0; e < u.length; e++) {
    if (map[u[e]] >= 0) {
      eu.push(map[u[e]]);
      ev.push(map[v[e]]);
      eb.push(parts.bonds[e]);
    }
  }
  const sub: MoleculeParts = {
    n: keep.length,
    symbols: keep.map((i) => parts.symbols[i]),
    atomicNumbers: Int32Array.from(keep, (i) => parts.atomicNumbers[i]),
    charges: Int32Array.from(keep, (i) => charges[i]),
    u: Int32Array.from(eu),
    v: Int32Array.from(ev),
    bonds: Int32Array.from(eb),
  };
  const mol = rdkit.get_mol(writeMolblock(sub));
  if (mol === null) return null;
  try {
    return mol.get_smiles();
  } finally {
    mol.delete();
  }
}

/** RDKit's explicit valence of an atom from its bond-order sum (aromatic bonds count 1.5, rounded as RDKit does). */
export function explicitValence(sum: number): number {
  return Math.round(sum + 0.1);
}

/**
 * The partial-charge rule of GDSS `construct_mol` and DiGress `build_molecule_with_partial_charges`:
 * bonds are added one at a time; after each, RDKit's property check reports the first atom (lowest
 * index) whose explicit valence exceeds what its element and charge allow; if that atom is N, O
 * or S and exceeds the default valence (N 3, O 2, S 2) by exactly one, its formal charge is set
 * to +1. `order` is the order the references add bonds in: `'digress'` = pairs (i, j), i < j, row
 * by row (`torch.nonzero(triu(E))`); `'gdss'` = pairs (i, j), i > j, row by row (`np.nonzero(adj)`
 * filtered to `start > end`).
 *
 * @returns the formal charges after the rule and whether every atom passes the valence check at the end
 */
export function partialCharges(parts: MoleculeParts, order: 'digress' | 'gdss'): { charges: Int32Array; ok: boolean } {
  const { n, atomicNumbers: z, u, v, bonds } = parts;
  const charges = parts.charges.slice();
  const sum = new Float64Array(n);
  const idx = Array.from({ length: bonds.length }, (_, e) => e);
  if (order === 'gdss') idx.sort((a, b) => v[a] - v[b] || u[a] - u[b]);
  const firstFailure = (): number => {
    for (let i = 0; i < n; i++) if (explicitValence(sum[i]) > rdkitMaxValence(z[i], charges[i])) return i;
    return -1;
  };
  for (const e of idx) {
    const w = BOND_ORDERS[bonds[e]];
    sum[u[e]] += w;
    sum[v[e]] += w;
    const i = firstFailure();
    if (i < 0) continue;
    const base = GDSS_ATOM_VALENCY[z[i]];
    if ((z[i] === 7 || z[i] === 8 || z[i] === 16) && explicitValence(sum[i]) - base === 1) charges[i] = 1;
  }
  return { charges, ok: firstFailure() < 0 };
}
