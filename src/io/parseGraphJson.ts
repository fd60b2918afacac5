import { FormatError, GraphgenError, InputError, describeValue } from '../core/errors.js';
import { Graph } from '../graph/Graph.js';

const KEYS = new Set(['n', 'edges', 'nodeLabels', 'edgeLabels']);

/**
 * Parses graphgen's JSON graph format: a JSON array of graph objects
 * `{"n": number, "edges": [[u, v], ...], "nodeLabels"?: number[], "edgeLabels"?: number[]}`
 * (the shape of `Graph.toJSON`). Node classes are integers >= 0, edge classes integers >= 1
 * aligned with `edges`. {@link formatGraphJson} writes one graph per line, but any JSON layout
 * is accepted.
 *
 * Errors name the 1-based line where the offending graph starts (or where a syntax error is, when
 * the JSON engine reports a position) and the graph's index.
 *
 * @param text - JSON text
 * @returns the graphs in order, labelled exactly when the objects have label arrays
 * @throws `FormatError` for invalid JSON, a top level that is not an array, trailing
 *   characters, an element that is not a graph object, an unknown key, or an invalid graph
 *   (node id out of range, self-loop, repeated edge, bad label, label array of the wrong length)
 * @throws `InputError` when `text` is not a string
 *
 * @example
 * ```ts
 * const [g] = parseGraphJson('[{"n":3,"edges":[[0,1],[1,2]],"nodeLabels":[0,1,0]}]');
 * g.nodeLabel(1); // 1
 * ```
 */
export function parseGraphJson(text: string): Graph[] {
  if (typeof text !== 'string') throw InputError.invalid('text', 'JSON text (a string)', describeValue(text));
  const elements = splitTopLevelArray(text);
  return elements.map(({ start, end }, index) => {
    const slice = text.slice(start, end);
    let value: unknown;
    try {
      value = JSON.parse(slice);
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const where = lineAt(text, m ? start + Number(m[1]) : start);
      throw new FormatError(`JSON: graphs[${index}]: ${(err as Error).message}`, { line: where, cause: err });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new FormatError(`JSON: graphs[${index}]: expected a graph object {n, edges, nodeLabels?, edgeLabels?}, got ${describeValue(value)}`, { line: lineAt(text, start) });
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!KEYS.has(key)) throw new FormatError(`JSON: graphs[${index}]: unknown key ${JSON.stringify(key)} (allowed: n, edges, nodeLabels, edgeLabels)`, { line: lineAt(text, start) });
    }
    if (!Number.isInteger(obj.n) || (obj.n as number) < 0) {
      throw new FormatError(`JSON: graphs[${index}].n: expected a non-negative integer, got ${describeValue(obj.n)}`, { line: lineAt(text, start) });
    }
    if (!Array.isArray(obj.edges)) throw new FormatError(`JSON: graphs[${index}].edges: expected an array of [u, v] pairs, got ${describeValue(obj.edges)}`, { line: lineAt(text, start) });
    for (const key of ['nodeLabels', 'edgeLabels'] as const) {
      if (obj[key] !== undefined && !Array.isArray(obj[key])) {
        throw new FormatError(`JSON: graphs[${index}].${key}: expected an array of integers, got ${describeValue(obj[key])}`, { line: lineAt(text, start) });
      }
    }
    try {
      return Graph.fromEdgeList(obj.n as number, obj.edges as [number, number][], {
        nodeLabels: obj.nodeLabels as number[] | undefined,
        edgeLabels: obj.edgeLabels as number[] | undefined,
      });
    } catch (err) {
      if (!(err instanceof GraphgenError)) throw err;
      throw new FormatError(`JSON: graphs[${index}]: ${err.message}`, { line: lineAt(text, start), cause: err });
    }
  });
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Finds the [start, end) ranges of the elements of a top-level JSON array, tracking strings and nesting. */
function splitTopLevelArray(text: string): { start: number; end: number }[] {
  let i = 0;
  const skip = (): void => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  skip();
  if (text[i] !== '[') {
    throw new FormatError(`JSON: expected a top-level array of graphs "[...]", found ${i < text.length ? JSON.stringify(text[i]) : 'end of text'}`, { line: lineAt(text, i) });
  }
  i++;
  const out: { start: number; end: number }[] = [];
  skip();
  if (text[i] === ']') {
    i++;
  } else {
    while (true) {
      skip();
      const start = i;
      let depth = 0;
      let inString = false;
      for (; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '[' || c === '{') depth++;
        else if (c === ']' || c === '}') {
          if (depth === 0) break;
          depth--;
        } else if (c === ',' && depth === 0) break;
      }
      if (i >= text.length) throw new FormatError('JSON: unterminated array (missing "]")', { line: lineAt(text, text.length) });
      let end = i;
      while (end > start && WS.has(text[end - 1])) end--;
      if (end === start) throw new FormatError(`JSON: missing array element before ${JSON.stringify(text[i])}`, { line: lineAt(text, i) });
      out.push({ start, end });
      if (text[i] === ']') {
        i++;
        break;
      }
      if (text[i] !== ',') throw new FormatError(`JSON: unexpected ${JSON.stringify(text[i])}`, { line: lineAt(text, i) });
      i++;
    }
  }
  skip();
  if (i < text.length) throw new FormatError(`JSON: trailing characters after the array: ${JSON.stringify(text.slice(i, i + 20))}`, { line: lineAt(text, i) });
  return out;
}
