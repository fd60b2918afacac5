import { InputError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { parseEdgeList } from '../../io/parseEdgeList.js';
import { inFile, readTextFile } from '../internal/files.js';

/**
 * Reads a list of edge-list files (see `parseEdgeList`: graphgen's format with `graph n` headers
 * and labels, or plain `u v` lines such as networkx's `write_edgelist` output, one graph per file)
 * and concatenates their graphs in the order given.
 *
 * @param paths - file paths
 * @returns all graphs, file by file
 * @throws `InputError` when `paths` is not an array of strings
 * @throws `IoError` when a file cannot be read
 * @throws `FormatError` naming the file and line for malformed content
 *
 * @example
 * ```ts
 * const graphs = await loadEdgeListFiles(['a.edgelist', 'b.edgelist']);
 * ```
 */
export async function loadEdgeListFiles(paths: readonly string[]): Promise<Graph[]> {
  if (!Array.isArray(paths)) throw InputError.invalid('paths', 'an array of file paths', describeValue(paths));
  const out: Graph[] = [];
  for (let i = 0; i < paths.length; i++) {
    const text = await readTextFile(paths[i], `paths[${i}]`);
    out.push(...inFile(paths[i], () => parseEdgeList(text)));
  }
  return out;
}
