import { InputError, describeValue } from '../../core/errors.js';
import { Graph } from '../../graph/Graph.js';

/**
 * Checks that `graphs` is an array of `Graph` and, unless `dropLabels`, that no graph
 * carries label information a label-free format would lose: a node class other than 0 or an
 * edge class other than 1. (A graph whose explicit labels are all default loses nothing.)
 */
export function checkGraphsForFormat(graphs: unknown, format: string, dropLabels: boolean): asserts graphs is readonly Graph[] {
  if (!Array.isArray(graphs)) throw InputError.invalid('graphs', 'an array of Graph', describeValue(graphs));
  for (let b = 0; b < graphs.length; b++) {
    const g: unknown = graphs[b];
    if (!(g instanceof Graph)) throw InputError.invalid(`graphs[${b}]`, 'a Graph', describeValue(g));
    if (dropLabels) continue;
    if (g.hasNodeLabels) {
      const labels = g.nodeLabels();
      const i = labels.findIndex((l) => l !== 0);
      if (i >= 0) {
        throw InputError.invalid(
          `graphs[${b}]`,
          `an unlabelled graph (${format} cannot store labels; pass { dropLabels: true } to drop them explicitly, or use the JSON or edge-list format)`,
          `node ${i} with class ${labels[i]}`,
        );
      }
    }
    if (g.hasEdgeLabels) {
      const labels = g.edgeLabels();
      const k = labels.findIndex((l) => l !== 1);
      if (k >= 0) {
        const [u, v] = g.edges()[k];
        throw InputError.invalid(
          `graphs[${b}]`,
          `an unlabelled graph (${format} cannot store labels; pass { dropLabels: true } to drop them explicitly, or use the JSON or edge-list format)`,
          `edge {${u}, ${v}} with class ${labels[k]}`,
        );
      }
    }
  }
}

/** Encodes an array of 6-bit values as characters (value + 63). */
export function sixBitToString(values: ArrayLike<number>): string {
  let out = '';
  const chunk = 8192;
  for (let i = 0; i < values.length; i += chunk) {
    const end = Math.min(values.length, i + chunk);
    const codes = new Array<number>(end - i);
    for (let j = i; j < end; j++) codes[j - i] = values[j] + 63;
    out += String.fromCharCode(...codes);
  }
  return out;
}
