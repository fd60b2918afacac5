/**
 * `graphgen sample`: draw graphs from a saved generator and write them as graph6.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, IoError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { formatGraph6 } from '../../io/formatGraph6.js';
import { initBackend } from '../../nn/initBackend.js';
import { loadGenerator } from '../../generators/loadGenerator.js';
import { TIME_DISTORTIONS, type TimeDistortion } from '../../generators/common/timeDistortion.js';
import { EDGE_CONSTRAINT_NAMES, type EdgeConstraintName } from '../../generators/common/EdgeConstraint.js';
import type { DiscreteFlowSampleOptions } from '../../generators/flow/DiscreteFlow.js';
import { formatSmilesLines, graphsToSmiles, readMoleculesFile } from '../moleculeDatasets.js';
import { loadRdkit } from '../../molecules/loadRdkit.js';

interface SampleFlags {
  model: string;
  count: string;
  steps: string;
  out: string;
  seed: string;
  eta?: string;
  omega?: string;
  distortion?: TimeDistortion;
  constraint?: EdgeConstraintName;
  sizeSorted?: boolean;
  progress: boolean;
}

function nonNegative(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value);
  if (!Number.isFinite(v) || v < 0) throw InputError.invalid(name, 'a non-negative number', JSON.stringify(value));
  return v;
}

/**
 * The `sample` subcommand.
 *
 * @example
 * ```sh
 * graphgen sample --model runs/cs --count 20 --steps 200 --out samples.g6
 * graphgen sample --model runs/planar --count 40 --steps 1000 --eta 10 --omega 0.05 --distortion polydec --out planar.g6
 * graphgen sample --model runs/planar-abs --count 40 --steps 500 --constraint planar --out planar.g6
 * graphgen sample --model runs/sbm --count 40 --steps 500 --size-sorted --out sbm.g6
 * ```
 */
export function sampleCommand(): Command {
  return new Command('sample')
    .exitOverride()
    .description('Sample graphs from a model saved by `graphgen train` and write them as graph6; a model trained on molecules (molecules.json) writes SMILES instead, one line per sample, an empty line for an invalid molecule')
    .requiredOption('--model <dir>', 'model directory written by train')
    .option('--count <n>', 'number of graphs', '20')
    .option('--steps <n>', 'denoising steps', '200')
    .requiredOption('--out <file>', 'output graph6 file (SMILES file, e.g. .smi, for molecule models)')
    .option('--seed <n>', 'seed', '0')
    .option('--eta <x>', 'DeFoG stochasticity (defog models)')
    .option('--omega <x>', 'DeFoG target guidance (defog models)')
    .addOption(new Option('--distortion <name>', 'DeFoG time distortion (defog models)').choices([...TIME_DISTORTIONS]))
    .addOption(new Option('--constraint <name>', 'keep every sample planar / acyclic at every step (ConStruct projector; digress/defog models, best trained with --prior absorbing)').choices([...EDGE_CONSTRAINT_NAMES]))
    .option('--size-sorted', 'batch graphs of similar size together (less padding when node counts vary, e.g. SBM; same graphs order, other random draws; digress/defog models)')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: SampleFlags) => {
      const count = Number(flags.count);
      if (!Number.isInteger(count) || count < 0) throw InputError.invalid('--count', 'a non-negative integer', JSON.stringify(flags.count));
      const steps = Number(flags.steps);
      if (!Number.isInteger(steps) || steps < 1) throw InputError.invalid('--steps', 'a positive integer', JSON.stringify(flags.steps));
      const seed = Number(flags.seed);
      if (!Number.isSafeInteger(seed)) throw InputError.invalid('--seed', 'an integer', JSON.stringify(flags.seed));
      const eta = nonNegative(flags.eta, '--eta');
      const omega = nonNegative(flags.omega, '--omega');
      await initBackend();
      const model = await loadGenerator(flags.model);
      for (const [flag, given] of [['--constraint', flags.constraint !== undefined], ['--size-sorted', flags.sizeSorted === true]] as const) {
        if (given && model.kind !== 'digress' && model.kind !== 'defog') {
          model.dispose();
          throw InputError.invalid(flag, 'a digress or defog model', `a ${model.kind} model in ${flags.model}`);
        }
      }
      const molecules = await readMoleculesFile(flags.model);
      const show = flags.progress && process.stderr.isTTY === true;
      const bar = new SingleBar({ format: 'sample [{bar}] {value}/{total} graphs | step {step}/{steps} | ETA {eta_formatted}', stream: process.stderr });
      if (show) bar.start(count, 0, { step: 0, steps });
      const t0 = Date.now();
      const options: DiscreteFlowSampleOptions = {
        rng: createRng(seed),
        steps,
        eta,
        omega,
        distortion: flags.distortion,
        ...(flags.constraint !== undefined && { constraint: flags.constraint }),
        ...(flags.sizeSorted === true && { sizeSorted: true }),
        onProgress: (e) => {
          if (show) bar.update(e.done, { step: e.step, steps: e.steps });
        },
      };
      let graphs;
      try {
        graphs = await model.sample(count, options);
      } finally {
        if (show) bar.stop();
        model.dispose();
      }
      try {
        await mkdir(dirname(flags.out), { recursive: true });
        await writeFile(flags.out, molecules ? formatSmilesLines(graphsToSmiles(await loadRdkit(), graphs, molecules.encoding)) : formatGraph6(graphs));
      } catch (err) {
        throw new IoError(`cannot write "${flags.out}": ${(err as Error).message}`, { argument: '--out', cause: err });
      }
      const ms = Date.now() - t0;
      process.stdout.write(`wrote ${graphs.length} graphs to ${flags.out} (${model.kind}, ${steps} steps, ${(ms / 1000).toFixed(1)} s, ${(ms / Math.max(1, count)).toFixed(0)} ms/graph)\n`);
    });
}
