/**
 * Validation of molecular graphs and the atom/bond arrays the molecule layer works on (internal).
 *
 * @internal
 * @module
 */
import { InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';
import type { MoleculeEncoding } from '../MoleculeEncoding.js';

/** Atoms and bonds of a molecular graph, checked against an encoding. */
export interface MoleculeParts {
  n: number;
  symbols: string[];
  atomicNumbers: Int32Array;
  charges: Int32Array;
  /** Bond endpoints (u < v, sorted as in the graph) and classes 1..4. */
  u: Int32Array;
  v: Int32Array;
  bonds: Int32Array;
}

/** Checks that `encoding` looks like a {@link MoleculeEncoding}. */
export function checkEncoding(encoding: unknown, name = 'encoding'): asserts encoding is MoleculeEncoding {
  const e = encoding as MoleculeEncoding | null;
  if (!e || typeof e !== 'object' || !Array.isArray(e.atoms) || typeof e.classOf !== 'function') {
    throw InputError.invalid(name, 'a MoleculeEncoding (createMoleculeEncoding or QM9_ENCODING)', describeValue(encoding));
  }
}

/**
 * Reads a molecular graph: node classes must index `encoding.atoms`, edge classes must be 1..4.
 * @throws `InputError` naming the offending node or edge
 */
export function moleculeParts(graph: unknown, encoding: MoleculeEncoding, name = 'graph'): MoleculeParts {
  checkEncoding(encoding);
  if (!(graph instanceof Graph)) throw InputError.invalid(name, 'a Graph', describeValue(graph));
  const n = graph.n;
  const labels = graph.nodeLabels();
  const k = encoding.atoms.length;
  const symbols: string[] = new Array(n);
  const atomicNumbers = new Int32Array(n);
  const charges = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c >= k) throw InputError.invalid(`${name} node ${i}`, `an atom class in 0..${k - 1}`, String(c));
    const t = encoding.atoms[c];
    symbols[i] = t.symbol;
    atomicNumbers[i] = t.atomicNumber;
    charges[i] = t.charge;
  }
  const { u, v, labels: bonds } = graph.edgeArrays();
  for (let e = 0; e < bonds.length; e++) {
    if (bonds[e] > 4) throw InputError.invalid(`${name} edge {${u[e]}, ${v[e]}}`, 'a bond class in 1..4 (single, double, triple, aromatic)', String(bonds[e]));
  }
  return { n, symbols, atomicNumbers, charges, u, v, bonds };
}

const pad = (x: number, w: number): string => String(x).padStart(w, ' ');

/**
 * V2000 molblock of atoms and bonds, all coordinates 0, formal charges in `M  CHG` lines.
 * @throws `InputError` when there are more than 999 atoms or bonds (the V2000 limit)
 */
export function writeMolblock(parts: MoleculeParts, charges: ArrayLike<number> = parts.charges, name = 'graph'): string {
  const { n, symbols, u, v, bonds } = parts;
  if (n > 999 || bonds.length > 999) throw InputError.invalid(name, 'at most 999 atoms and 999 bonds (V2000 molblock)', `${n} atoms, ${bonds.length} bonds`);
  const lines: string[] = ['', '  graphgen', '', `${pad(n, 3)}${pad(bonds.length, 3)}  0  0  0  0  0  0  0  0999 V2000`];
  for (let i = 0; i < n; i++) {
    lines.push(`    0.0000    0.0000    0.0000 ${symbols[i].padEnd(3, ' ')} 0  0  0  0  0  0  0  0  0  0  0  0`);
  }
  for (let e = 0; e < bonds.length; e++) lines.push(`${pad(u[e] + 1, 3)}${pad(v[e] + 1, 3)}${pad(bonds[e], 3)}  0`);
  const charged: number[] = [];
  for (let i = 0; i < n; i++) if (charges[i] !== 0) charged.push(i);
  for (let s = 0; s < charged.length; s += 8) {
    const chunk = charged.slice(s, s + 8);
    lines.push(`M  CHG${pad(chunk.length, 3)}${chunk.map((i) => ` ${pad(i + 1, 3)} ${pad(charges[i], 3)}`).join('')}`);
  }
  lines.push('M  END', '');
  return lines.join('\n');
}

/** Checks that `rdkit` looks like an initialised RDKit module (see `loadRdkit`). */
export function checkRdkit(rdkit: unknown): void {
  if (!rdkit || typeof (rdkit as { get_mol?: unknown }).get_mol !== 'function') {
    throw InputError.invalid('rdkit', 'the RDKit module returned by loadRdkit()', describeValue(rdkit));
  }
}
