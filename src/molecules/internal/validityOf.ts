/**
 * Shared body of `digressValidity` and `relaxedValidity` (internal).
 *
 * @internal
 * @module
 */
import type { Graph } from '../../graph/Graph.js';
import type { MoleculeEncoding } from '../MoleculeEncoding.js';
import type { RdkitModule } from '../RdkitModule.js';
import type { MoleculeValidityResult } from '../MoleculeValidityResult.js';
import { checkEncoding, checkRdkit, moleculeParts } from './moleculeParts.js';
import { checkGraphList } from './checkGraphs.js';
import { partialCharges, sanitize } from './sanitize.js';

/** DiGress validity (`relaxed` false) or relaxed validity (`relaxed` true) of a list of graphs. */
export function validityOf(rdkit: RdkitModule, graphs: readonly Graph[], encoding: MoleculeEncoding, relaxed: boolean): MoleculeValidityResult {
  checkRdkit(rdkit);
  checkEncoding(encoding);
  checkGraphList(graphs);
  const valid: boolean[] = [];
  const smiles: (string | null)[] = [];
  let numValid = 0;
  graphs.forEach((g, i) => {
    const parts = moleculeParts(g, encoding, `graphs[${i}]`);
    const s = sanitize(rdkit, parts, relaxed ? partialCharges(parts, 'digress').charges : parts.charges);
    valid.push(s !== null);
    smiles.push(s?.largest ?? null);
    if (s !== null) numValid++;
  });
  return { validity: graphs.length === 0 ? 0 : numValid / graphs.length, numValid, valid, smiles };
}
