import { IoError } from '../../core/errors.js';
import { inFile, listDirectory, readTextFile } from '../internal/files.js';
import { parseTuDataset, type TuDataset, type TuFiles } from './parseTuDataset.js';

/** Options of {@link loadTuDataset}. */
export interface LoadTuDatasetOptions {
  /** Dataset prefix `DS` of the files `DS_A.txt`, ... @default inferred from the single `*_A.txt` in the folder */
  name?: string;
}

/**
 * Reads a TU-format dataset folder (`DS_A.txt`, `DS_graph_indicator.txt`, and optionally
 * `DS_node_labels.txt`, `DS_edge_labels.txt`, `DS_graph_labels.txt`) and parses it with
 * {@link parseTuDataset} (see there for the conventions). Other files (attributes) are not read.
 *
 * @param dir - the folder
 * @param options - the dataset prefix, when the folder holds several
 * @returns the graphs and graph labels
 * @throws `IoError` when the folder or a required file is missing or unreadable, or the prefix is ambiguous
 * @throws `FormatError` naming the file and line for malformed content
 *
 * @example
 * ```ts
 * const { graphs, graphLabels } = await loadTuDataset('data/ENZYMES');
 * ```
 *
 * @see C. Morris et al., "TUDataset: A collection of benchmark datasets for learning with graphs", 2020.
 */
export async function loadTuDataset(dir: string, options: LoadTuDatasetOptions = {}): Promise<TuDataset> {
  const entries = await listDirectory(dir, 'dir');
  let name = options.name;
  if (name === undefined) {
    const candidates = entries.filter((e) => e.endsWith('_A.txt')).map((e) => e.slice(0, -'_A.txt'.length));
    if (candidates.length !== 1) {
      throw new IoError(`dir: expected exactly one *_A.txt file in ${JSON.stringify(dir)} (or pass options.name), found ${candidates.length}`, { argument: 'dir' });
    }
    name = candidates[0];
  }
  const base = `${dir.replace(/\/+$/, '')}/${name}`;
  const optional = async (suffix: string): Promise<string | undefined> =>
    entries.includes(`${name}_${suffix}.txt`) ? readTextFile(`${base}_${suffix}.txt`, 'dir') : undefined;
  const files: TuFiles = {
    A: await readTextFile(`${base}_A.txt`, 'dir'),
    graphIndicator: await readTextFile(`${base}_graph_indicator.txt`, 'dir'),
    nodeLabels: await optional('node_labels'),
    edgeLabels: await optional('edge_labels'),
    graphLabels: await optional('graph_labels'),
  };
  return inFile(base, () => parseTuDataset(files));
}
