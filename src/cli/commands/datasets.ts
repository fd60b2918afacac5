import { Command, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { InputError, IoError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import {
  BENCHMARK_NAMES,
  BENCHMARKS,
  DATASET_RECIPES,
  DEFAULT_BENCHMARK_ROOT,
  DEFAULT_DATASET_SEED,
  RECIPE_NAMES,
  datasetStats,
  type Dataset,
  type DatasetStatsResult,
} from '../../datasets/index.js';
import { formatGraphs, type GraphFormat } from '../../io/index.js';
import { parseSeedFlag, resolveDataset } from '../datasetSpec.js';

/** Prefix that selects a benchmark file set instead of a recipe, e.g. `shared:planar`. */
const SHARED = 'shared:';
const SPLITS = ['train', 'val', 'test'] as const;
const FORMATS: Record<string, GraphFormat> = { g6: 'graph6', graph6: 'graph6', s6: 'sparse6', sparse6: 'sparse6', json: 'json', edgelist: 'edgelist' };

interface SourceOptions {
  seed: string;
  root: string;
}

/** A recipe or benchmark by name (folders and files have no provenance to show). */
async function namedDataset(name: string, opts: SourceOptions): Promise<Dataset> {
  const d = await resolveDataset(name, { root: opts.root, seed: parseSeedFlag(opts.seed), argument: '<name>' });
  if (d.meta === null) throw InputError.invalid('<name>', `a recipe (${RECIPE_NAMES.join(', ')}) or shared:<benchmark> (${BENCHMARK_NAMES.join(', ')})`, describeValue(name));
  return { train: d.train, val: d.val, test: d.test, meta: d.meta };
}

const fmt = (x: number): string => x.toFixed(2);
const range = (s: DatasetStatsResult['nodes']): string => `${s.min}-${s.max} (${fmt(s.mean)})`;

function textReport(label: string, data: Dataset): string {
  const lines = [`${label}: ${data.meta.description}`];
  const source = data.meta.source === 'recipe' ? `recipe, seed ${data.meta.seed}, SPECTRE split` : `benchmark files in ${data.meta.root}, ${data.meta.split} split`;
  lines.push(`  source: ${source}`);
  const header = ['split', 'graphs', 'nodes min/max/mean', 'edges min/max/mean', 'connected'];
  const rows: string[][] = [];
  const add = (split: string, graphs: Graph[]): void => {
    const s = datasetStats(graphs);
    rows.push([
      split,
      String(s.graphs),
      `${s.nodes.min} / ${s.nodes.max} / ${fmt(s.nodes.mean)}`,
      `${s.edges.min} / ${s.edges.max} / ${fmt(s.edges.mean)}`,
      `${s.connected}/${s.graphs}`,
    ]);
  };
  for (const split of SPLITS) add(split, data[split]);
  add('all', [...data.train, ...data.val, ...data.test]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  for (const r of [header, ...rows]) lines.push('  ' + r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
  return lines.join('\n') + '\n';
}

const MARKDOWN_HEADER =
  '| dataset | source | graphs (train/val/test) | nodes min-max (mean) | edges min-max (mean) | connected |\n|---|---|---|---|---|---|\n';

function markdownRow(label: string, data: Dataset): string {
  const all = [...data.train, ...data.val, ...data.test];
  const s = datasetStats(all);
  const source = data.meta.source === 'recipe' ? `recipe (seed ${data.meta.seed})` : `benchmark, ${data.meta.split} split`;
  const sizes = `${s.graphs} (${data.train.length}/${data.val.length}/${data.test.length})`;
  return `| ${label} | ${source} | ${sizes} | ${range(s.nodes)} | ${range(s.edges)} | ${s.connected}/${s.graphs} |\n`;
}

/**
 * The `graphgen datasets` command: `list`, `show <name...>` (sizes and node/edge statistics per
 * split, as text or a markdown table) and `export <name>` (one split as graph6, sparse6, JSON or
 * edge-list text). Names are recipe names (`planar`, `community-small`, ...) or `shared:<name>`
 * for the benchmark files under `--root` (default `../shared/datasets`).
 *
 * @returns the commander command, to add to the main program
 */
export function datasetsCommand(): Command {
  const cmd = new Command('datasets').description('list, inspect and export the built-in datasets and the benchmark files');
  const rootOption = (): Option =>
    new Option('--root <dir>', 'folder holding the benchmark files (for shared:<name>)').default(DEFAULT_BENCHMARK_ROOT);
  const seedOption = (): Option => new Option('--seed <n>', 'seed of a recipe and its split').default(String(DEFAULT_DATASET_SEED));

  cmd
    .command('list')
    .description('list the dataset recipes and the benchmark file sets')
    .addOption(rootOption())
    .action(async (opts: { root: string }) => {
      const out: string[] = ['Recipes (generated in memory; loadDataset(name, { seed })):'];
      const w = Math.max(...RECIPE_NAMES.map((n) => n.length));
      for (const name of RECIPE_NAMES) {
        const r = DATASET_RECIPES[name];
        out.push(`  ${name.padEnd(w)}  ${String(r.numGraphs).padStart(3)} graphs  ${r.description}`);
      }
      out.push('', `Benchmark files (shared:<name>, read from --root ${opts.root}; loadBenchmark(name, { root })):`);
      const wb = Math.max(...BENCHMARK_NAMES.map((n) => n.length)) + SHARED.length;
      const { existsSync } = await import('node:fs');
      for (const name of BENCHMARK_NAMES) {
        const here = existsSync(`${opts.root}/${name}`) ? '' : '  [not found under --root]';
        out.push(`  ${(SHARED + name).padEnd(wb)}  ${BENCHMARKS[name].description}${here}`);
      }
      process.stdout.write(out.join('\n') + '\n');
    });

  cmd
    .command('show')
    .description('graph counts and node/edge statistics per split (recipe names or shared:<name>)')
    .argument('[names...]', 'datasets to show, e.g. planar shared:planar')
    .option('--all', 'show every recipe and every benchmark found under --root')
    .option('--markdown', 'print one markdown table row per dataset (all splits together)')
    .addOption(seedOption())
    .addOption(rootOption())
    .action(async (names: string[], opts: SourceOptions & { all?: boolean; markdown?: boolean }) => {
      let list = [...names];
      if (opts.all) {
        const { existsSync } = await import('node:fs');
        list = [...RECIPE_NAMES, ...BENCHMARK_NAMES.filter((b) => existsSync(`${opts.root}/${b}`)).map((b) => SHARED + b)];
      }
      if (list.length === 0) throw InputError.invalid('<names...>', 'at least one dataset name (or --all)', 'none');
      let out = opts.markdown ? MARKDOWN_HEADER : '';
      for (const name of list) {
        const data = await namedDataset(name, opts);
        out += opts.markdown ? markdownRow(name, data) : textReport(name, data) + '\n';
      }
      process.stdout.write(out);
    });

  cmd
    .command('export')
    .description('write one split of a dataset as graph6, sparse6, JSON or edge-list text')
    .argument('<name>', 'a recipe name or shared:<name>')
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'val', 'test', 'all']).default('test'))
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(FORMATS)).default('g6'))
    .option('--out <file>', 'output file (default: standard output)')
    .option('--drop-labels', 'for g6/s6: drop node and edge labels instead of failing')
    .addOption(seedOption())
    .addOption(rootOption())
    .action(async (name: string, opts: SourceOptions & { split: string; format: string; out?: string; dropLabels?: boolean }) => {
      const data = await namedDataset(name, opts);
      const graphs = opts.split === 'all' ? [...data.train, ...data.val, ...data.test] : data[opts.split as (typeof SPLITS)[number]];
      const text = formatGraphs(graphs, FORMATS[opts.format], { dropLabels: opts.dropLabels === true });
      if (opts.out === undefined || opts.out === '-') {
        process.stdout.write(text);
        return;
      }
      try {
        writeFileSync(opts.out, text);
      } catch (err) {
        throw new IoError(`--out: cannot write ${JSON.stringify(opts.out)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
      }
      process.stderr.write(`wrote ${graphs.length} graphs (${name}, ${opts.split}) to ${opts.out}\n`);
    });
  return cmd;
}
