import type { Graph } from '../graph/Graph.js';

/** Train / validation / test lists. */
export interface DatasetSplits<T> {
  /** Training items. */
  train: T[];
  /** Validation items (empty for datasets without a validation split, e.g. the GDSS ones). */
  val: T[];
  /** Test items. */
  test: T[];
}

/** How a dataset's graphs were obtained and split. */
export interface DatasetMeta {
  /** Dataset name (a recipe name, or `shared:<name>` for a benchmark file set). */
  name: string;
  /** `'recipe'`: generated in memory by a seeded recipe; `'benchmark'`: read from the benchmark files. */
  source: 'recipe' | 'benchmark';
  /** One-line description, including the protocol it follows. */
  description: string;
  /** Seed of the recipe and its split (recipes only). */
  seed?: number;
  /** Directory the files were read from (benchmarks only). */
  root?: string;
  /** Split rule, e.g. `'spectre'` (random 0.64/0.16/0.2), `'gdss'` (first 20 % test, no val), `'files'` (pre-split). */
  split: 'spectre' | 'gdss' | 'files';
  /** Graph counts per split. */
  sizes: { train: number; val: number; test: number };
  /** Papers whose protocol this follows. */
  references: string[];
}

/** A loaded dataset: graphs per split and their provenance. */
export interface Dataset extends DatasetSplits<Graph> {
  /** Provenance and sizes. */
  meta: DatasetMeta;
}
