import type { Graph } from '../../graph/Graph.js';
import { parseGraph6 } from '../../io/parseGraph6.js';
import { parseSparse6 } from '../../io/parseSparse6.js';
import { inFile, listDirectory, readTextFile } from '../internal/files.js';

/**
 * Reads every graph6 (`*.g6`, `*.graph6`) and sparse6 (`*.s6`, `*.sparse6`) file of a folder
 * (not recursive; other files are ignored), in file-name order. Each file may hold any number of
 * graphs, one per line, with or without header (see `parseGraph6`).
 *
 * @param dir - the folder
 * @returns a map from file name without extension (e.g. `"train"`) to its graphs, in name order
 * @throws `IoError` when the folder or a file cannot be read
 * @throws `FormatError` naming the file and line for malformed content
 *
 * @example
 * ```ts
 * const files = await loadGraph6Folder('data/my-graphs');
 * const train = files.get('train') ?? [];
 * ```
 *
 * @see B. McKay, graph6 and sparse6 formats, https://users.cecs.anu.edu.au/~bdm/data/formats.txt
 */
export async function loadGraph6Folder(dir: string): Promise<Map<string, Graph[]>> {
  const entries = await listDirectory(dir, 'dir');
  const out = new Map<string, Graph[]>();
  for (const entry of entries) {
    const m = /^(.*)\.(g6|graph6|s6|sparse6)$/.exec(entry);
    if (m === null) continue;
    const path = `${dir.replace(/\/+$/, '')}/${entry}`;
    const text = await readTextFile(path, 'dir');
    const sparse = m[2] === 's6' || m[2] === 'sparse6';
    out.set(m[1], inFile(path, () => (sparse ? parseSparse6(text) : parseGraph6(text))));
  }
  return out;
}
