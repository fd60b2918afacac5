/**
 * `graphgen train`: fit a generator (DiGress-class diffusion, DeFoG-class flow, or a baseline)
 * on a dataset, with a progress bar, resumable checkpoints and a final evaluation table.
 *
 * @module
 */
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { InputError } from '../../core/errors.js';
import { createRng } from '../../core/rng.js';
import { RECIPE_NAMES } from '../../datasets/datasetRecipes.js';
import { BENCHMARK_NAMES, DEFAULT_BENCHMARK_ROOT } from '../../datasets/loaders/loadBenchmark.js';
import { resolveDataset } from '../datasetSpec.js';
import { MOLECULE_DATASET_NAMES, createMoleculeModel, formatMoleculeReport, isMoleculeDataset, resolveMoleculeDataset, writeMoleculesFile } from '../moleculeDatasets.js';
import { moleculeMetrics } from '../../molecules/moleculeMetrics.js';
import { evaluate, type EvaluateResult } from '../../metrics/evaluate.js';
import type { MmdPresetName } from '../../metrics/mmd/presets.js';
import { initBackend } from '../../nn/initBackend.js';
import { warmupCosineSchedule } from '../../nn/LrSchedule.js';
import { DiscreteDiffusion } from '../../generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow } from '../../generators/flow/DiscreteFlow.js';
import { ErdosRenyi } from '../../generators/baselines/ErdosRenyi.js';
import { StochasticBlockModel } from '../../generators/baselines/StochasticBlockModel.js';
import { OtFlow } from '../../generators/ot/OtFlow.js';
import { GwBarycenter } from '../../generators/ot/GwBarycenter.js';
import { GwDictionary } from '../../generators/ot/GwDictionary.js';
import type { DenoiserSizeConfig } from '../../generators/common/DenoisingGenerator.js';
import { TIME_DISTORTIONS, type TimeDistortion } from '../../generators/common/timeDistortion.js';
import { flowOptions } from '../flowOptions.js';
import type { FitProgressEvent, GraphGenerator } from '../../generators/common/GraphGenerator.js';
import type { ExtraFeaturesConfig } from '../../generators/common/ExtraFeatures.js';
import { TRANSITION_KINDS, type TransitionKind } from '../../generators/common/CategoricalTransition.js';
import { featureExtras, selfConditioningExtras } from '../featureExtras.js';

/** Model names accepted by `--model`. */
export const MODEL_NAMES = ['digress', 'defog', 'er', 'sbm', 'ot-flow', 'gw-barycenter', 'gw-dictionary'] as const;
/** A `--model` value. */
export type ModelName = (typeof MODEL_NAMES)[number];

/** Model options of `graphgen train` beyond the denoiser size (digress/defog only). */
export interface ModelExtras {
  /** Add the connected-component features (`--components`). */
  components: boolean;
  /** Add the cycle-edge features (`--cycle-edges`; absent = false). */
  cycleEdges?: boolean;
  /** Add that many spectral-projector features (`--spectral-pairs`; absent = none). */
  spectralPairs?: number;
  /** Self-conditioning with that many spectral projectors of the prediction (`--self-conditioning`; absent = none). */
  selfConditioning?: number;
  /** Distortion of the training times (`--train-distortion`; defog only, absent = uniform). */
  trainDistortion?: TimeDistortion;
  /** The flow's prior (`--prior`; defog only, absent = marginal). */
  prior?: TransitionKind;
  /** The flow's node prior when it differs from `prior` (`--node-prior`; defog only, absent = `prior`). */
  nodePrior?: TransitionKind;
}

/** Builds a generator for a `--model` name. */
export const MODEL_FACTORIES: Record<ModelName, (size: DenoiserSizeConfig, extras: ModelExtras) => GraphGenerator> = {
  digress: (size, extras) => new DiscreteDiffusion({ denoiser: size, ...structuralExtras(DiscreteDiffusion.defaultFeatures, extras), ...selfConditioningExtras(extras) }),
  defog: (size, extras) => new DiscreteFlow({ denoiser: size, ...structuralExtras(DiscreteFlow.defaultFeatures, extras), ...flowOptions(extras), ...selfConditioningExtras(extras) }),
  er: () => new ErdosRenyi(),
  sbm: () => new StochasticBlockModel(),
  'ot-flow': (size) => new OtFlow({ denoiser: size }),
  'gw-barycenter': () => new GwBarycenter(),
  'gw-dictionary': () => new GwDictionary(),
};

/**
 * `{ features }` with the extra features of `extras` added to a model's default set, or `{}` when
 * none is asked for (the model keeps its default).
 */
function structuralExtras(defaults: ExtraFeaturesConfig, extras: ModelExtras): { features?: ExtraFeaturesConfig } {
  const added = featureExtras(extras);
  return Object.keys(added).length === 0 ? {} : { features: { ...defaults, ...added } };
}

function fmt(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '-';
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(2);
}

/** Plain-text table: one row per model, one column per MMD plus uniqueness/novelty/V.U.N. */
export function formatComparison(rows: { name: string; report: EvaluateResult }[]): string {
  if (rows.length === 0) return '';
  const metrics = Object.keys(rows[0].report.mmd);
  const head = ['model'.padEnd(14), ...metrics.map((m) => m.padStart(11)), 'unique%'.padStart(8), 'novel%'.padStart(8), 'V.U.N.%'.padStart(8)].join(' ');
  const lines = [head];
  for (const { name, report } of rows) {
    const mmd = report.mmd as unknown as Record<string, number>;
    lines.push(
      [
        name.padEnd(14),
        ...metrics.map((m) => fmt(mmd[m]).padStart(11)),
        (100 * report.sample.unique).toFixed(1).padStart(8),
        (100 * report.sample.uniqueNovel).toFixed(1).padStart(8),
        (100 * report.sample.vun).toFixed(1).padStart(8),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

/** A progress bar on stderr driven by fit events (epoch, loss, ETA). */
export function fitProgressBar(epochs: number, enabled: boolean): { onProgress: (e: FitProgressEvent) => void; stop: () => void } {
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: 'train [{bar}] epoch {value}/{total} | loss {loss} | ETA {eta_formatted}', stream: process.stderr, etaBuffer: 20 });
  let started = false;
  return {
    onProgress: (e) => {
      if (!started) {
        bar.start(epochs, 0, { loss: '-' });
        started = true;
      }
      if (e.type === 'epoch') bar.update(e.epoch, { loss: e.loss.toFixed(4) });
      if (e.type === 'skipped') process.stderr.write(`\nskipped step ${e.step}: ${e.reason}\n`);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function int(value: string, name: string, min: number): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < min) throw InputError.invalid(name, `an integer >= ${min}`, JSON.stringify(value));
  return v;
}

function num(value: string, name: string): number {
  const v = Number(value);
  if (!Number.isFinite(v) || v <= 0) throw InputError.invalid(name, 'a positive number', JSON.stringify(value));
  return v;
}

interface TrainFlags {
  dataset: string;
  model: ModelName;
  epochs: string;
  out: string;
  batchSize: string;
  sizePool: string;
  lr: string;
  lrSchedule: 'constant' | 'cosine';
  warmup: string;
  layers: string;
  hidden: string;
  components?: boolean;
  cycleEdges?: boolean;
  spectralPairs?: string;
  selfConditioning?: string;
  trainDistortion?: TimeDistortion;
  prior?: TransitionKind;
  nodePrior?: TransitionKind;
  seed: string;
  steps: string;
  preset: MmdPresetName;
  root: string;
  resume?: boolean;
  validateEvery?: string;
  limit?: string;
  timeLimit?: string;
  eval: boolean;
  progress: boolean;
}

/**
 * The `train` subcommand.
 *
 * @example
 * ```sh
 * graphgen train --dataset community-small --model defog --epochs 200 --out runs/cs
 * graphgen train --dataset planar --root ../shared/datasets --model digress --epochs 1000 --out runs/planar --resume
 * graphgen train --dataset shared:tree --model defog --components --train-distortion polydec --epochs 2000 --out runs/tree
 * graphgen train --dataset shared:tree --model defog --components --cycle-edges --train-distortion polydec --epochs 2000 --out runs/tree-cyc
 * graphgen train --dataset shared:planar --model defog --prior absorbing --components --epochs 3000 --out runs/planar-abs   # then sample --constraint planar
 * graphgen train --dataset shared:sbm --model defog --batch-size 8 --size-pool 8 --epochs 500 --out runs/sbm
 * graphgen train --dataset qm9 --model defog --epochs 30 --lr 2e-4 --lr-schedule cosine --warmup 500 --out runs/qm9
 * graphgen train --dataset qm9 --model defog --train-distortion polydec --prior absorbing --node-prior marginal --epochs 30 --out runs/qm9-abs   # no bonds at t = 0
 * ```
 */
export function trainCommand(): Command {
  return new Command('train')
    .exitOverride()
    .description('Train a graph generator on a dataset; writes the model to --out and prints an evaluation table against the test split')
    .requiredOption('--dataset <name|path>', `recipe (${RECIPE_NAMES.join(', ')}), shared:<benchmark> (${BENCHMARK_NAMES.join(', ')}), molecules (${MOLECULE_DATASET_NAMES.join(', ')}; digress/defog only), folder with train.g6, or a .g6 file`)
    .addOption(new Option('--model <name>', 'generator').choices([...MODEL_NAMES]).default('defog'))
    .option('--epochs <n>', 'training epochs', '100')
    .requiredOption('--out <dir>', 'output directory (model, checkpoint)')
    .option('--batch-size <n>', 'graphs per mini-batch', '32')
    .option('--size-pool <k>', 'sort pools of k mini-batches by graph size before batching, so batches pad less when sizes vary (FitOptions.sizePool; 1 = plain shuffled batches)', '1')
    .option('--lr <x>', 'learning rate', '0.001')
    .addOption(new Option('--lr-schedule <name>', 'constant, or cosine: a half cosine from --lr down to --lr/100 over all --epochs (step-based, so --resume continues it)').choices(['constant', 'cosine']).default('constant'))
    .option('--warmup <steps>', 'linear learning-rate warm-up over the first optimiser steps (cosine schedule only)', '0')
    .option('--layers <n>', 'transformer layers', '4')
    .option('--hidden <n>', 'hidden node width (pair width = hidden/4, global = hidden/2)', '64')
    .option('--components', "add connected-component features to the model's structural features (digress/defog; see ExtraFeaturesConfig.components)")
    .option('--cycle-edges', "add cycle-edge features (which edges lie on a cycle, and the cycle rank) to the model's structural features (digress/defog; see ExtraFeaturesConfig.cycleEdges)")
    .option('--spectral-pairs <k>', "add k spectral-projector features (per pair the projectors onto the 1..k smallest non-trivial Laplacian eigenvectors, which show block membership; k from 1 to 16, at least the number of blocks - 1 for SBMs) to the model's structural features (digress/defog; see ExtraFeaturesConfig.spectralPairs)")
    .option('--self-conditioning <k>', "the denoiser also reads its previous prediction of the clean graph, and k spectral projectors of it (k from 0 to 16; DenoisingGeneratorConfig.selfConditioning, Chen et al. 2023) (digress/defog)")
    .addOption(new Option('--train-distortion <name>', 'defog: distortion of the training times (DiscreteFlowConfig.trainDistortion; polydec trains more on nearly clean graphs: DeFoG\'s tree setting, and better molecules on QM9); default uniform times').choices([...TIME_DISTORTIONS]))
    .addOption(new Option('--prior <name>', "defog: the flow's prior (DiscreteFlowConfig.prior); absorbing starts every graph without edges, what `graphgen sample --constraint` needs; default marginal").choices([...TRANSITION_KINDS]))
    .addOption(new Option('--node-prior <name>', "defog: the prior of the node classes when it differs from --prior (DiscreteFlowConfig.nodePrior), e.g. --prior absorbing --node-prior marginal: no bonds at the start, atoms from the training marginals; default the --prior").choices([...TRANSITION_KINDS]))
    .option('--seed <n>', 'seed of every random choice', '0')
    .option('--steps <n>', 'sampling steps of the final evaluation', '200')
    .addOption(new Option('--preset <name>', 'MMD convention of the final evaluation').choices(['spectre', 'gdss']).default('spectre'))
    .option('--root <dir>', 'folder of the benchmark datasets', DEFAULT_BENCHMARK_ROOT)
    .option('--resume', 'resume from --out/checkpoint.json when present')
    .option('--limit <n>', 'train on a seeded random subset of n training graphs (molecules: chosen before conversion)')
    .option('--time-limit <minutes>', 'stop training after this many wall-clock minutes (the last checkpoint stays; --resume continues)')
    .option('--validate-every <k>', 'every k epochs, sample as many graphs as the validation split (50 steps) and print its MMDs')
    .option('--no-eval', 'skip the final evaluation')
    .option('--no-progress', 'no progress bar')
    .action(async (flags: TrainFlags) => {
      const epochs = int(flags.epochs, '--epochs', 0);
      const batchSize = int(flags.batchSize, '--batch-size', 1);
      const sizePool = int(flags.sizePool, '--size-pool', 1);
      const lrBase = num(flags.lr, '--lr');
      const warmup = int(flags.warmup, '--warmup', 0);
      if (warmup > 0 && flags.lrSchedule !== 'cosine') throw InputError.invalid('--warmup', '0 unless --lr-schedule cosine', JSON.stringify(flags.warmup));
      const layers = int(flags.layers, '--layers', 1);
      const hidden = int(flags.hidden, '--hidden', 8);
      const seed = int(flags.seed, '--seed', 0);
      const steps = int(flags.steps, '--steps', 1);
      const limit = flags.limit === undefined ? undefined : int(flags.limit, '--limit', 1);
      const timeLimitMs = flags.timeLimit === undefined ? undefined : 60_000 * num(flags.timeLimit, '--time-limit');
      if (timeLimitMs !== undefined && !(timeLimitMs > 0)) throw InputError.invalid('--time-limit', 'a positive number of minutes', String(flags.timeLimit));
      const mol = isMoleculeDataset(flags.dataset) ? await resolveMoleculeDataset(flags.dataset, { root: flags.root, seed, argument: '--dataset', limit }) : undefined;
      const resolved = mol ?? (await resolveDataset(flags.dataset, { root: flags.root, argument: '--dataset' }));
      // the subset is drawn from its own stream so that it does not shift the training randomness
      const data = mol !== undefined || limit === undefined || limit >= resolved.train.length ? resolved : { ...resolved, train: createRng(`limit:${seed}`).shuffled(resolved.train).slice(0, limit) };
      await initBackend();
      const size: DenoiserSizeConfig = { layers, hiddenX: hidden, hiddenE: Math.max(4, hidden / 4), hiddenY: Math.max(4, hidden / 2), heads: hidden % 8 === 0 ? 8 : 1 };
      const components = flags.components === true;
      if (components && flags.model !== 'digress' && flags.model !== 'defog') throw InputError.invalid('--components', 'a digress or defog model', `--model ${flags.model}`);
      // the flow-only options (flowOptions), in the order of the help text
      const flowOnly: [string, unknown][] = [['--train-distortion', flags.trainDistortion], ['--prior', flags.prior], ['--node-prior', flags.nodePrior]];
      for (const [flag, value] of flowOnly) if (value !== undefined && flags.model !== 'defog') throw InputError.invalid(flag, 'a defog model', `--model ${flags.model}`);
      const cycleEdges = flags.cycleEdges === true;
      if (cycleEdges && flags.model !== 'digress' && flags.model !== 'defog') throw InputError.invalid('--cycle-edges', 'a digress or defog model', `--model ${flags.model}`);
      const spectralPairs = flags.spectralPairs === undefined ? undefined : int(flags.spectralPairs, '--spectral-pairs', 1);
      if (spectralPairs !== undefined && spectralPairs > 16) throw InputError.invalid('--spectral-pairs', 'an integer from 1 to 16', flags.spectralPairs!);
      if (spectralPairs !== undefined && flags.model !== 'digress' && flags.model !== 'defog') throw InputError.invalid('--spectral-pairs', 'a digress or defog model', `--model ${flags.model}`);
      const selfConditioning = flags.selfConditioning === undefined ? undefined : int(flags.selfConditioning, '--self-conditioning', 0);
      if (selfConditioning !== undefined && selfConditioning > 16) throw InputError.invalid('--self-conditioning', 'an integer from 0 to 16', flags.selfConditioning!);
      if (selfConditioning !== undefined && flags.model !== 'digress' && flags.model !== 'defog') throw InputError.invalid('--self-conditioning', 'a digress or defog model', `--model ${flags.model}`);
      const extras: ModelExtras = {
        components,
        ...(cycleEdges && { cycleEdges }),
        ...(spectralPairs !== undefined && { spectralPairs }),
        ...(selfConditioning !== undefined && { selfConditioning }),
        ...(flags.trainDistortion !== undefined && { trainDistortion: flags.trainDistortion }),
        ...(flags.prior !== undefined && { prior: flags.prior }),
        ...(flags.nodePrior !== undefined && { nodePrior: flags.nodePrior }),
      };
      const model = mol ? createMoleculeModel(flags.model, size, mol.encoding, extras) : MODEL_FACTORIES[flags.model](size, extras);
      const rng = createRng(seed);
      const validateEvery = flags.validateEvery === undefined ? undefined : int(flags.validateEvery, '--validate-every', 1);
      const val = data.val.length > 0 ? data.val : data.test;
      const validate =
        validateEvery === undefined || val.length === 0 || mol
          ? undefined
          : async (gen: GraphGenerator): Promise<Record<string, number>> => {
              const gs = await gen.sample(val.length, { rng: createRng(seed + 2), steps: 50 });
              const report = evaluate(gs, val, { preset: flags.preset });
              const mmd = report.mmd as unknown as Record<string, number>;
              process.stderr.write(`\nvalidation: ${Object.entries(mmd).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}\n`);
              return mmd;
            };
      // the whole run's optimiser steps (epochs x mini-batches per epoch) span the cosine
      const totalSteps = Math.max(1, warmup, epochs * Math.ceil(data.train.length / batchSize));
      const lr = flags.lrSchedule === 'cosine' ? warmupCosineSchedule({ peak: lrBase, warmupSteps: warmup, totalSteps, minLr: lrBase / 100 }) : lrBase;
      const bar = fitProgressBar(epochs, flags.progress && process.stderr.isTTY === true);
      const t0 = Date.now();
      let result;
      try {
        result = await model.fit(data.train, { rng, epochs, batchSize, sizePool, lr, checkpointDir: flags.out, resume: flags.resume === true, timeLimitMs, onProgress: bar.onProgress, validate, validateEvery });
      } finally {
        bar.stop();
      }
      await model.save(flags.out);
      if (mol) await writeMoleculesFile(flags.out, mol.encoding, mol.name);
      const last = result.losses[result.losses.length - 1];
      process.stdout.write(
        `trained ${flags.model} on ${data.name} (${data.train.length} graphs): ${result.epochs} epochs, ${result.steps} steps, final loss ${last === undefined ? '-' : last.toFixed(4)}, ${result.skippedSteps} skipped, ${((Date.now() - t0) / 1000).toFixed(1)} s; saved to ${flags.out}\n`,
      );
      if (flags.eval && mol && mol.test.length > 0) {
        // molecules: at most 1,000 samples (QM9's 13,082 test molecules are too many for a CPU run)
        const samples = await model.sample(Math.min(1000, mol.test.length), { rng: createRng(seed + 1), steps });
        const report = await moleculeMetrics(samples, { encoding: mol.encoding, train: mol.trainSmiles, test: mol.testSmiles.slice(0, 1000) });
        process.stdout.write(`\n${formatMoleculeReport(report)}\n`);
      } else if (flags.eval && data.test.length > 0) {
        const samples = await model.sample(data.test.length, { rng: createRng(seed + 1), steps });
        const report = evaluate(samples, data.test, { preset: flags.preset, train: data.train });
        process.stdout.write(`\n${formatComparison([{ name: flags.model, report }])}\n`);
      }
      model.dispose();
    });
}
