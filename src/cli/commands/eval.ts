/**
 * `graphgen eval`: the evaluation of generated graphs against a reference set, as papers report
 * it (MMDs, ratio, validity, uniqueness, novelty, V.U.N.).
 *
 * @module
 */
import { Command, Option } from 'commander';
import { InputError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { DEFAULT_BENCHMARK_ROOT } from '../../datasets/loaders/loadBenchmark.js';
import { evaluate, type EvaluateResult } from '../../metrics/evaluate.js';
import { resolveGraphSet } from '../datasetSpec.js';
import { VALIDITY_NAMES, type ValidityName } from '../../metrics/sample/validityFunction.js';
import type { MmdPresetName } from '../../metrics/mmd/presets.js';
import { evaluateSmilesFile, formatMoleculeReport } from '../moleculeDatasets.js';

interface EvalFlags {
  generated: string;
  reference?: string;
  train?: string;
  molecules?: boolean;
  preset: MmdPresetName;
  validity?: ValidityName;
  folds: string;
  seed: string;
  root: string;
  json?: boolean;
  ratio: boolean;
}

function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '-';
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(2);
}

/** Plain-text table of an evaluation report. */
export function formatReport(r: EvaluateResult): string {
  const lines: string[] = [];
  lines.push(`preset ${r.preset}, validity ${r.validity}, ${r.counts.generated} generated vs ${r.counts.reference} reference${r.counts.train ? `, ${r.counts.train} train` : ''}`);
  lines.push('');
  lines.push('metric       generated    train');
  for (const [m, v] of Object.entries(r.mmd)) lines.push(`${m.padEnd(12)} ${fmt(v).padStart(9)}  ${fmt(r.trainMmd?.[m as keyof typeof r.mmd]).padStart(9)}`);
  if (r.ratio) lines.push(`${'ratio'.padEnd(12)} ${fmt(r.ratio.ratio).padStart(9)}`);
  lines.push('');
  lines.push(`unique ${(100 * r.sample.unique).toFixed(1)} %, unique+novel ${(100 * r.sample.uniqueNovel).toFixed(1)} %, valid ${(100 * r.sample.valid).toFixed(1)} %, V.U.N. ${(100 * r.sample.vun).toFixed(1)} %`);
  if (r.summary) {
    lines.push('');
    lines.push(`over ${r.folds?.length} folds (mean +- std):`);
    for (const [k, s] of Object.entries(r.summary)) lines.push(`  ${k.padEnd(16)} ${fmt(s.mean)} +- ${fmt(s.std)}`);
  }
  return lines.join('\n');
}

/**
 * The `eval` subcommand.
 *
 * @example
 * ```sh
 * graphgen eval --generated samples.g6 --reference shared:planar:test --train shared:planar:train
 * graphgen eval --generated samples.g6 --reference test.g6 --preset gdss --json
 * graphgen eval --molecules --generated samples.smi --train qm9 --reference qm9:test --json
 * ```
 */
export function evalCommand(): Command {
  return new Command('eval')
    .description('Evaluate generated graphs: MMDs (spectre or gdss preset), ratio, validity, uniqueness, novelty, V.U.N.')
    .requiredOption('--generated <file>', 'generated graphs: a graph file (.g6, .s6, .json, edge list)')
    .option('--reference <spec>', 'reference graphs (required without --molecules): <dataset>:<split> (e.g. shared:planar:test for the benchmark files papers use, planar:test for the built-in recipe) or a graph file')
    .option('--train <spec>', 'training graphs for novelty and the ratio: <dataset>:<split> or a graph file')
    .addOption(new Option('--preset <name>', 'MMD convention').choices(['spectre', 'gdss']).default('spectre'))
    .addOption(new Option('--validity <name>', "validity criterion (default: the reference dataset's own, else none)").choices([...VALIDITY_NAMES]))
    .option('--folds <k>', 'split the generated graphs into k folds and report mean +- std', '1')
    .option('--seed <n>', 'seed of the random parts (SBM validity fit)', '0')
    .option('--root <dir>', 'folder of the benchmark datasets', DEFAULT_BENCHMARK_ROOT)
    .option('--no-ratio', 'skip the train-vs-reference MMDs and the ratio (train is then used for novelty only)')
    .option('--json', 'print the report as JSON')
    .option('--molecules', 'molecules: --generated is a SMILES file (empty line = invalid), --train/--reference are qm9[:split], small-molecules[:split] or SMILES files; prints validity, relaxed validity, uniqueness, novelty, stability, NSPDK (vs --reference)')
    .action(async (flags: EvalFlags) => {
      const folds = Number(flags.folds);
      if (!Number.isInteger(folds) || folds < 1) throw InputError.invalid('--folds', 'a positive integer', JSON.stringify(flags.folds));
      const seed = Number(flags.seed);
      if (!Number.isSafeInteger(seed)) throw InputError.invalid('--seed', 'an integer', JSON.stringify(flags.seed));
      if (flags.molecules) {
        const r = await evaluateSmilesFile(flags.generated, { train: flags.train, reference: flags.reference, root: flags.root, seed });
        const { smiles: _smiles, ...numbers } = r;
        void _smiles;
        process.stdout.write(flags.json ? `${JSON.stringify(numbers, null, 2)}\n` : `${formatMoleculeReport(r)}\n`);
        return;
      }
      if (flags.reference === undefined) throw InputError.invalid('--reference', 'a reference graph set (<dataset>:<split> or a graph file)', 'nothing');
      const source = (argument: string) => ({ root: flags.root, seed, argument });
      const gen = await resolveGraphSet(flags.generated, source('--generated'));
      const ref = await resolveGraphSet(flags.reference, source('--reference'));
      const train = flags.train === undefined ? undefined : (await resolveGraphSet(flags.train, source('--train'))).graphs;
      const validity: ValidityName = flags.validity ?? ref.validity;
      const report = evaluate(gen.graphs, ref.graphs, { preset: flags.preset, train, validity, folds, rng: createRng(seed), ratio: flags.ratio });
      if (flags.json) {
        const { sample, ...rest } = report;
        const { flags: _perGraph, ...fractions } = sample;
        void _perGraph;
        process.stdout.write(`${JSON.stringify({ ...rest, sample: fractions }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatReport(report)}\n`);
      }
    });
}
