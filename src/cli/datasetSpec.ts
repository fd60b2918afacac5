/**
 * How every `graphgen` command names graph sets, in one place:
 *
 * - a built-in recipe: `planar`, `community-small`, ... (seeded, `--seed`);
 * - a benchmark file set from `--root` (default `../shared/datasets`): `shared:planar`, or a bare
 *   benchmark name that is not also a recipe (`community_small`, `ego_small`, `enzymes`);
 * - a folder holding `train.g6` (+ optional `val.g6`, `test.g6`), or one graph file (train only);
 * - for one split: `<dataset>:<split>` with split in train|val|test (`shared:planar:test`,
 *   `community-small:test`), or a graph file.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, IoError, describeValue } from '../core/errors.js';
import type { Graph } from '../graph/Graph.js';
import { parseGraphs } from '../io/parseGraphs.js';
import type { GraphFormat } from '../io/parseGraphs.js';
import { loadDataset } from '../datasets/loadDataset.js';
import type { DatasetMeta } from '../datasets/types.js';
import { RECIPE_NAMES, type RecipeName } from '../datasets/datasetRecipes.js';
import { BENCHMARK_NAMES, loadBenchmark, type BenchmarkName } from '../datasets/loaders/loadBenchmark.js';
import type { ValidityName } from '../metrics/sample/validityFunction.js';

/** A resolved dataset: its splits, a display name, and the validity criterion of its family. */
export interface CliDataset {
  name: string;
  train: Graph[];
  val: Graph[];
  test: Graph[];
  /** Validity criterion of the dataset's family (`none` for files and families without one). */
  validity: ValidityName;
  /** Provenance of a recipe or benchmark (null for folders and files). */
  meta: DatasetMeta | null;
}

/** Where and how to resolve names. */
export interface DatasetSpecOptions {
  /** Folder of the benchmark files. */
  root: string;
  /** Seed of the recipes. @default 0 */
  seed?: number;
  /** Flag name used in error messages, e.g. `--dataset`. */
  argument: string;
}

const SPLITS = ['train', 'val', 'test'] as const;
const OWN_VALIDITY: Record<string, ValidityName> = { planar: 'planar', sbm: 'sbm', tree: 'tree', grid: 'grid', lobster: 'lobster' };
const isRecipe = (s: string): s is RecipeName => (RECIPE_NAMES as readonly string[]).includes(s);
const isBenchmark = (s: string): s is BenchmarkName => (BENCHMARK_NAMES as readonly string[]).includes(s);
const expected = `a recipe (${RECIPE_NAMES.join(', ')}), shared:<benchmark> (${BENCHMARK_NAMES.join(', ')}), a folder with train.g6, or a graph file; see "graphgen datasets list"`;

/** Parses a `--seed` flag value. */
export function parseSeedFlag(text: string, argument = '--seed'): number {
  const seed = Number(text);
  if (!/^-?[0-9]+$/.test(text) || !Number.isSafeInteger(seed)) throw InputError.invalid(argument, 'an integer', JSON.stringify(text));
  return seed;
}

/** Graph file format from the extension: `.s6` sparse6, `.json` JSON, `.txt`/`.edges`/`.edgelist` edge list, else graph6. */
export function graphFormatOfPath(path: string): GraphFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 's6' || ext === 'sparse6') return 'sparse6';
  if (ext === 'json') return 'json';
  if (ext === 'txt' || ext === 'edges' || ext === 'edgelist') return 'edgelist';
  return 'graph6';
}

/** Reads a graph file, its format chosen by {@link graphFormatOfPath}. */
export async function readGraphFile(path: string, argument: string): Promise<Graph[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new IoError(`${argument}: cannot read ${JSON.stringify(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { argument, cause: err });
  }
  return parseGraphs(text, graphFormatOfPath(path));
}

/** Resolves a dataset name, benchmark name, folder or file to its splits. */
export async function resolveDataset(spec: string, options: DatasetSpecOptions): Promise<CliDataset> {
  if (typeof spec !== 'string' || spec.length === 0) throw InputError.invalid(options.argument, expected, describeValue(spec));
  if (isRecipe(spec)) {
    const d = loadDataset(spec, { seed: options.seed ?? 0 });
    return { name: spec, train: d.train, val: d.val, test: d.test, validity: OWN_VALIDITY[spec] ?? 'none', meta: d.meta };
  }
  const bench = spec.startsWith('shared:') ? spec.slice('shared:'.length) : spec;
  if (isBenchmark(bench)) {
    const d = await loadBenchmark(bench, { root: options.root });
    return { name: `shared:${bench}`, train: d.train, val: d.val, test: d.test, validity: OWN_VALIDITY[bench] ?? 'none', meta: d.meta };
  }
  if (spec.startsWith('shared:')) throw InputError.invalid(options.argument, `a benchmark name after "shared:" (${BENCHMARK_NAMES.join(', ')})`, JSON.stringify(bench));
  let isDir: boolean;
  try {
    isDir = (await stat(spec)).isDirectory();
  } catch (err) {
    throw InputError.invalid(options.argument, expected, JSON.stringify(spec), err);
  }
  if (!isDir) return { name: spec, train: await readGraphFile(spec, options.argument), val: [], test: [], validity: 'none', meta: null };
  const optional = async (f: string): Promise<Graph[]> => {
    const path = join(spec, f);
    const exists = await stat(path).then(() => true, () => false);
    return exists ? readGraphFile(path, options.argument) : [];
  };
  return { name: spec, train: await readGraphFile(join(spec, 'train.g6'), options.argument), val: await optional('val.g6'), test: await optional('test.g6'), validity: 'none', meta: null };
}

/** A resolved graph set: the graphs, a display name and the validity criterion of its family. */
export interface CliGraphSet {
  name: string;
  graphs: Graph[];
  validity: ValidityName;
}

/** Resolves `<dataset>:<split>` (any dataset {@link resolveDataset} accepts) or a graph file. */
export async function resolveGraphSet(spec: string, options: DatasetSpecOptions): Promise<CliGraphSet> {
  const m = /^(.+):(train|val|test)$/.exec(spec ?? '');
  if (m !== null) {
    const d = await resolveDataset(m[1], options);
    const split = m[2] as (typeof SPLITS)[number];
    return { name: `${d.name}:${split}`, graphs: d[split], validity: d.validity };
  }
  return { name: spec, graphs: await readGraphFile(spec, options.argument), validity: 'none' };
}
