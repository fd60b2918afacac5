import { InputError, IoError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { parseGraph6 } from '../../io/parseGraph6.js';
import { inFile, pathExists, readTextFile } from '../internal/files.js';
import type { Dataset, DatasetMeta } from '../types.js';

/** Names of the standard benchmark graph datasets (folders of the benchmark root). */
export type BenchmarkName =
  | 'planar'
  | 'sbm'
  | 'tree'
  | 'community_small'
  | 'community_small_spectre'
  | 'ego_small'
  | 'enzymes'
  | 'grid';

/** How a benchmark dataset is stored and split, see {@link BENCHMARKS}. */
export interface BenchmarkInfo {
  /** `'files'`: pre-split train/val/test files; `'gdss'`: test = first 20 % of the original file, train = rest, no val. */
  split: 'files' | 'gdss';
  /** One-line description with the source. */
  description: string;
  /** Papers that use this split. */
  references: string[];
}

const SPECTRE = 'Martinkus et al., SPECTRE, ICML 2022';
const HSPECTRE = 'Bergmeister et al., HSpectre, ICLR 2024';
const GDSS = 'Jo et al., GDSS, ICML 2022';
const GRAPHRNN = 'You et al., GraphRNN, ICML 2018';

/**
 * The benchmark datasets {@link loadBenchmark} reads, with their split rule:
 * `'files'` = pre-split `train/val/test.g6` (HSpectre/DeFoG planar, sbm, tree; SPECTRE's
 * community-small split); `'gdss'` = `test.g6` is the first 20 % of the original file, `train.g6`
 * the rest, no validation set (GDSS community_small, ego_small, enzymes, grid).
 *
 * @example
 * ```ts
 * Object.keys(BENCHMARKS); // ['planar', 'sbm', 'tree', 'community_small', ...]
 * ```
 */
export const BENCHMARKS: Readonly<Record<BenchmarkName, Readonly<BenchmarkInfo>>> = Object.freeze({
  planar: { split: 'files', description: 'SPECTRE planar_64_200 as split by HSpectre/DeFoG (128/32/40)', references: [SPECTRE, HSPECTRE] },
  sbm: { split: 'files', description: 'SPECTRE sbm_200 as split by HSpectre/DeFoG (128/32/40)', references: [SPECTRE, HSPECTRE] },
  tree: { split: 'files', description: 'HSpectre/DeFoG random trees on 64 nodes (128/32/40)', references: [HSPECTRE] },
  community_small: { split: 'gdss', description: 'GDSS community_small (test = first 20 %, no val)', references: [GRAPHRNN, GDSS] },
  community_small_spectre: { split: 'files', description: 'SPECTRE community_12_21_100 with its 64/16/20 split', references: [SPECTRE] },
  ego_small: { split: 'gdss', description: 'GDSS ego_small, Citeseer ego graphs (test = first 20 %, no val)', references: [GRAPHRNN, GDSS] },
  enzymes: { split: 'gdss', description: 'GDSS ENZYMES, 10-125 nodes, labels dropped (test = first 20 %, no val)', references: [GDSS] },
  grid: { split: 'gdss', description: 'GDSS grid (test = first 20 %, no val)', references: [GRAPHRNN, GDSS] },
});

/** The benchmark names, in a stable order. */
export const BENCHMARK_NAMES: readonly BenchmarkName[] = Object.freeze(Object.keys(BENCHMARKS) as BenchmarkName[]);

/** Where {@link loadBenchmark} looks by default, relative to the current working directory. */
export const DEFAULT_BENCHMARK_ROOT = '../shared/datasets';

/** Options of {@link loadBenchmark}. */
export interface LoadBenchmarkOptions {
  /** Folder holding one sub-folder per benchmark (`<root>/planar/train.g6`, ...). @default '../shared/datasets' (relative to the working directory) */
  root?: string;
}

/**
 * Reads one of the standard benchmark graph datasets that papers evaluate on, from plain graph6
 * files: `<root>/<name>/{train,val,test}.g6` (val absent for the GDSS-split ones). The graphs keep
 * the files' order and node order. Nothing is downloaded: the files must be present (they are
 * distributed separately, see their README for provenance and licences).
 *
 * For the GDSS datasets `test` followed by `train` is the original file order, and `val` is empty;
 * GDSS generates as many graphs as `test` holds.
 *
 * @param name - a {@link BenchmarkName}
 * @param options - the root folder
 * @returns `{ train, val, test, meta }` with `meta.source = 'benchmark'`
 * @throws `InputError` for an unknown name
 * @throws `IoError` when the root, the dataset folder or a split file is missing
 * @throws `FormatError` naming the file and line for malformed content
 *
 * @example
 * ```ts
 * const planar = await loadBenchmark('planar', { root: '../shared/datasets' });
 * planar.test.length; // 40
 * ```
 *
 * @see K. Martinkus et al., "SPECTRE", ICML 2022; J. Jo et al., "GDSS", ICML 2022; J. You et al., "GraphRNN", ICML 2018.
 */
export async function loadBenchmark(name: BenchmarkName, options: LoadBenchmarkOptions = {}): Promise<Dataset> {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(BENCHMARKS, name)) {
    throw InputError.invalid('name', `a benchmark name (one of ${BENCHMARK_NAMES.join(', ')})`, describeValue(name));
  }
  const root = options.root ?? DEFAULT_BENCHMARK_ROOT;
  if (typeof root !== 'string' || root.length === 0) throw InputError.invalid('options.root', 'a folder path', describeValue(root));
  const info = BENCHMARKS[name];
  const dir = `${root.replace(/\/+$/, '')}/${name}`;
  if (!(await pathExists(dir))) {
    throw new IoError(`benchmark ${JSON.stringify(name)}: folder ${JSON.stringify(dir)} not found (set options.root to the folder holding the benchmark files)`, {
      argument: 'options.root',
      actual: root,
    });
  }
  const read = async (split: string): Promise<Graph[]> => {
    const path = `${dir}/${split}.g6`;
    const text = await readTextFile(path, `${name}/${split}.g6`);
    return inFile(path, () => parseGraph6(text));
  };
  const train = await read('train');
  const test = await read('test');
  const val = info.split === 'files' ? await read('val') : [];
  const meta: DatasetMeta = {
    name,
    source: 'benchmark',
    description: info.description,
    root,
    split: info.split,
    sizes: { train: train.length, val: val.length, test: test.length },
    references: [...info.references],
  };
  return { train, val, test, meta };
}
