/**
 * Validation of graph lists (internal).
 *
 * @internal
 * @module
 */
import { InputError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';

/** Asserts that `graphs` is an array (its elements are checked by the per-graph readers). */
export function checkGraphList(graphs: unknown, name = 'graphs'): asserts graphs is readonly Graph[] {
  if (!Array.isArray(graphs)) throw InputError.invalid(name, 'an array of molecular Graphs', describeValue(graphs));
}

/** Asserts that `list` is an array of strings. */
export function checkStringList(list: unknown, name: string, allowNull = false): asserts list is readonly (string | null)[] {
  if (!Array.isArray(list)) throw InputError.invalid(name, 'an array of SMILES strings', describeValue(list));
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (typeof s !== 'string' && !(allowNull && s === null)) {
      throw InputError.invalid(`${name}[${i}]`, allowNull ? 'a SMILES string or null' : 'a SMILES string', describeValue(s));
    }
  }
}
