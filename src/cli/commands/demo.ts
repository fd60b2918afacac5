/**
 * `graphgen demo`: the README's main job. Trains a small DeFoG-class model on the embedded
 * community-small dataset for a couple of minutes, samples as many graphs as the test split,
 * evaluates them with the GDSS protocol next to the Erdős–Rényi and SBM baselines, prints the
 * table, and writes `DIR/samples.g6` and `DIR/report.json`.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, IoError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import type { Graph } from '../../graph/Graph.js';
import { formatGraph6 } from '../../io/formatGraph6.js';
import { loadDataset } from '../../datasets/loadDataset.js';
import { evaluate, type EvaluateResult } from '../../metrics/evaluate.js';
import { initBackend } from '../../nn/initBackend.js';
import { ErdosRenyi } from '../../generators/baselines/ErdosRenyi.js';
import { StochasticBlockModel } from '../../generators/baselines/StochasticBlockModel.js';
import { DiscreteDiffusion } from '../../generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow, type DiscreteFlowSampleOptions } from '../../generators/flow/DiscreteFlow.js';
import type { GraphGenerator } from '../../generators/common/GraphGenerator.js';
import { fitProgressBar, formatComparison } from './train.js';

interface DemoFlags {
  out: string;
  seconds: string;
  epochs: string;
  steps: string;
  seed: string;
  model: 'defog' | 'digress';
  progress: boolean;
}

function int(value: string, name: string, min: number): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < min) throw InputError.invalid(name, `an integer >= ${min}`, JSON.stringify(value));
  return v;
}

/** Strips per-graph flags from a report for JSON output. */
function compact(r: EvaluateResult): unknown {
  const { sample, ...rest } = r;
  const { flags: _flags, ...fractions } = sample;
  void _flags;
  return { ...rest, sample: fractions };
}

/**
 * The `demo` subcommand.
 *
 * @example
 * ```sh
 * graphgen demo                       # ./graphgen-demo/samples.g6 and report.json
 * graphgen demo --out /tmp/demo --seconds 60
 * ```
 */
export function demoCommand(): Command {
  return new Command('demo')
    .exitOverride()
    .description('Train a small model on community-small for a couple of minutes, evaluate it (GDSS protocol) next to ER/SBM baselines, write samples and a report')
    .option('--out <dir>', 'output directory', './graphgen-demo')
    .option('--seconds <n>', 'training time budget in seconds', '120')
    .option('--epochs <n>', 'maximum training epochs', '2000')
    .option('--steps <n>', 'sampling steps', '100')
    .option('--seed <n>', 'seed', '0')
    .addOption(new Option('--model <name>', 'learned model').choices(['defog', 'digress']).default('defog'))
    .option('--no-progress', 'no progress bar')
    .action(async (flags: DemoFlags) => {
      const seconds = int(flags.seconds, '--seconds', 1);
      const epochs = int(flags.epochs, '--epochs', 1);
      const steps = int(flags.steps, '--steps', 1);
      const seed = int(flags.seed, '--seed', 0);
      const data = loadDataset('community-small');
      const backend = await initBackend();
      process.stdout.write(
        `graphgen demo: community-small (${data.train.length} train / ${data.test.length} test graphs), ${flags.model} model, up to ${seconds} s of training on ${backend.name}\n`,
      );
      const size = { hiddenX: 32, hiddenE: 16, hiddenY: 16, layers: 3, heads: 4 };
      const model: GraphGenerator = flags.model === 'defog' ? new DiscreteFlow({ denoiser: size }) : new DiscreteDiffusion({ denoiser: size });
      const bar = fitProgressBar(epochs, flags.progress && process.stderr.isTTY === true);
      const t0 = Date.now();
      let fit;
      try {
        fit = await model.fit(data.train, { rng: createRng(seed), epochs, batchSize: 16, lr: 2e-3, emaDecay: 0.99, timeLimitMs: seconds * 1000, onProgress: bar.onProgress });
      } finally {
        bar.stop();
      }
      const trainSeconds = (Date.now() - t0) / 1000;
      const count = data.test.length;
      const t1 = Date.now();
      const sampleOptions: DiscreteFlowSampleOptions = { rng: createRng(seed + 1), steps };
      const samples = await model.sample(count, sampleOptions);
      const sampleSeconds = (Date.now() - t1) / 1000;
      const rows: { name: string; report: EvaluateResult; graphs: Graph[] }[] = [];
      const evalOpts = { preset: 'gdss' as const, train: data.train };
      rows.push({ name: flags.model, report: evaluate(samples, data.test, evalOpts), graphs: samples });
      for (const [name, baseline] of [
        ['erdos-renyi', new ErdosRenyi()],
        ['sbm', new StochasticBlockModel()],
      ] as const) {
        await baseline.fit(data.train, { rng: createRng(seed) });
        const gs = await baseline.sample(count, { rng: createRng(seed + 2) });
        rows.push({ name, report: evaluate(gs, data.test, evalOpts), graphs: gs });
      }
      rows.push({ name: 'train (ref.)', report: evaluate(data.train.slice(0, count), data.test, evalOpts), graphs: [] });
      const last = fit.losses[fit.losses.length - 1];
      process.stdout.write(
        `trained ${fit.epochs} epochs (${fit.steps} steps) in ${trainSeconds.toFixed(1)} s, final loss ${last?.toFixed(4) ?? '-'}; sampled ${count} graphs with ${steps} steps in ${sampleSeconds.toFixed(1)} s\n\n`,
      );
      process.stdout.write(`MMD (GDSS protocol: ${count} generated vs ${data.test.length} test graphs; lower is better)\n`);
      process.stdout.write(`${formatComparison(rows)}\n`);
      try {
        await mkdir(flags.out, { recursive: true });
        await writeFile(join(flags.out, 'samples.g6'), formatGraph6(samples));
        const report = {
          dataset: data.meta,
          model: flags.model,
          backend: backend.name,
          seed,
          training: { epochs: fit.epochs, steps: fit.steps, seconds: trainSeconds, losses: fit.losses, skippedSteps: fit.skippedSteps },
          sampling: { count, steps, seconds: sampleSeconds },
          results: Object.fromEntries(rows.map((r) => [r.name, compact(r.report)])),
        };
        await writeFile(join(flags.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
      } catch (err) {
        throw new IoError(`cannot write to "${flags.out}": ${(err as Error).message}`, { argument: '--out', cause: err });
      }
      process.stdout.write(`\nwrote ${join(flags.out, 'samples.g6')} and ${join(flags.out, 'report.json')}\n`);
      model.dispose();
    });
}
