import { InputError, describeValue } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import type { MoleculeEncoding } from './MoleculeEncoding.js';
import type { RdkitModule } from './RdkitModule.js';
import { checkRdkit, moleculeParts, writeMolblock } from './internal/moleculeParts.js';
import { rdkitErrorMessage } from './internal/rdkitMessage.js';

/** Options of {@link toSvg}. */
export interface ToSvgOptions {
  /** Width in pixels. @default 250 */
  width?: number;
  /** Height in pixels. @default 200 */
  height?: number;
  /** Draw an invalid molecule anyway (RDKit parses it without sanitisation) instead of throwing. @default false */
  allowInvalid?: boolean;
}

/**
 * Draws a molecular graph (or a SMILES string) as an SVG image with RDKit's 2D depiction, for
 * reports and notebooks.
 *
 * @param rdkit - the module from {@link loadRdkit}
 * @param molecule - a molecular graph (with `encoding`) or a SMILES string
 * @param encoding - the atom vocabulary (ignored for a SMILES string)
 * @param options - size, and whether invalid molecules are drawn (see {@link ToSvgOptions})
 * @returns the SVG document as text
 * @throws `InputError` when the size is not a positive integer, the graph does not fit the
 *   encoding, or RDKit rejects the molecule (unless `allowInvalid`)
 *
 * @example
 * ```ts
 * const rdkit = await loadRdkit();
 * const svg = toSvg(rdkit, 'c1ccccc1O', QM9_ENCODING, { width: 300, height: 200 });
 * svg.startsWith('<?xml'); // true
 * ```
 */
export function toSvg(rdkit: RdkitModule, molecule: Graph | string, encoding: MoleculeEncoding, options: ToSvgOptions = {}): string {
  checkRdkit(rdkit);
  const width = options.width ?? 250;
  const height = options.height ?? 200;
  for (const [k, x] of [['options.width', width], ['options.height', height]] as const) {
    if (!Number.isInteger(x) || x < 1 || x > 10000) throw InputError.invalid(k, 'an integer number of pixels in 1..10000', describeValue(x));
  }
  const input = typeof molecule === 'string' ? molecule : writeMolblock(moleculeParts(molecule, encoding, 'molecule'));
  if (typeof molecule === 'string' && molecule.trim().length === 0) throw InputError.invalid('molecule', 'a Graph or a non-empty SMILES', '""');
  let mol = rdkit.get_mol(input);
  if (mol === null && options.allowInvalid === true) mol = rdkit.get_mol(input, JSON.stringify({ sanitize: false }));
  if (mol === null) throw InputError.invalid('molecule', 'a molecule that RDKit parses and sanitises', `${typeof molecule === 'string' ? JSON.stringify(molecule) : molecule.toString()} (${rdkitErrorMessage(rdkit, input)})`);
  try {
    return mol.get_svg(width, height);
  } finally {
    mol.delete();
  }
}
