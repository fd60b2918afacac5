/**
 * Shared body of the benchmark examples 01-04: train a DeFoG-class generator on a benchmark
 * dataset of ../shared/datasets, sample as many graphs as the test split, evaluate them with
 * the published protocol, print the report. In your own project import from `graphgen/...`
 * instead of `../src/...`.
 */
import { createRng } from '../src/core/rng.js';
import { loadBenchmark, type BenchmarkName } from '../src/datasets/loaders/loadBenchmark.js';
import { evaluate, type EvaluateResult } from '../src/metrics/evaluate.js';
import type { MmdPresetName } from '../src/metrics/mmd/presets.js';
import type { ValidityName } from '../src/metrics/sample/validityFunction.js';
import { initBackend } from '../src/nn/initBackend.js';
import { DiscreteFlow, type DiscreteFlowConfig } from '../src/generators/flow/DiscreteFlow.js';
import type { EdgeConstraintName } from '../src/generators/common/EdgeConstraint.js';

/** Sizes of a benchmark example run (the smoke tests use tiny ones). */
export interface BenchmarkExampleOptions {
  /** Training epochs. */
  epochs: number;
  /** Sampling steps. */
  steps: number;
  /** Use only the first `trainLimit` training graphs. @default all */
  trainLimit?: number;
  /** Graphs to generate. @default the test-split size */
  count?: number;
  /** Denoiser widths. */
  denoiser?: DiscreteFlowConfig['denoiser'];
  /** Folder of the benchmark datasets. @default '../shared/datasets' */
  root?: string;
  /** Checkpoint folder for resumable training. @default none */
  checkpointDir?: string;
  /** Print progress. @default true */
  verbose?: boolean;
}

/** Runs one benchmark example and returns the evaluation report. */
export async function runBenchmarkExample(
  dataset: BenchmarkName,
  protocol: { preset: MmdPresetName; validity: ValidityName; eta: number; omega: number; prior?: DiscreteFlowConfig['prior']; constraint?: EdgeConstraintName; model?: Pick<DiscreteFlowConfig, 'features' | 'trainDistortion' | 'selfConditioning'> },
  options: BenchmarkExampleOptions,
): Promise<EvaluateResult> {
  const log = options.verbose === false ? () => {} : (s: string) => process.stdout.write(`${s}\n`);
  await initBackend();
  const data = await loadBenchmark(dataset, { root: options.root ?? '../shared/datasets' });
  const train = data.train.slice(0, options.trainLimit ?? data.train.length);
  const count = options.count ?? data.test.length;
  log(`${dataset}: ${train.length} training graphs, generating ${count}`);
  const model = new DiscreteFlow({ denoiser: options.denoiser ?? { hiddenX: 64, hiddenE: 16, hiddenY: 32, layers: 4, heads: 8 }, ...(protocol.prior && { prior: protocol.prior }), ...protocol.model });
  const fit = await model.fit(train, {
    rng: createRng(0),
    epochs: options.epochs,
    batchSize: 16,
    lr: 1e-3,
    checkpointDir: options.checkpointDir,
    resume: options.checkpointDir !== undefined,
    onProgress: (e) => {
      if (e.type === 'epoch' && (e.epoch % 10 === 0 || e.epoch === e.epochs)) log(`epoch ${e.epoch}/${e.epochs} loss ${e.loss.toFixed(4)}`);
    },
  });
  log(`trained ${fit.epochs} epochs in ${(fit.elapsedMs / 1000).toFixed(0)} s`);
  const graphs = await model.sample(count, { rng: createRng(1), steps: options.steps, eta: protocol.eta, omega: protocol.omega, distortion: 'polydec', ...(protocol.constraint && { constraint: protocol.constraint }) });
  model.dispose();
  const report = evaluate(graphs, data.test, { preset: protocol.preset, train: data.train, validity: protocol.validity, rng: createRng(2) });
  log(`MMD (${protocol.preset}): ${JSON.stringify(report.mmd)}`);
  log(`valid ${(100 * report.sample.valid).toFixed(1)} %, unique ${(100 * report.sample.unique).toFixed(1)} %, V.U.N. ${(100 * report.sample.vun).toFixed(1)} %`);
  return report;
}

/** True when the module is the script being run (not imported by a test). */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && metaUrl === new URL(`file://${process.argv[1]}`).href;
}
