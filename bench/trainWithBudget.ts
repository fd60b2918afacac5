/**
 * Shared by the generator benchmarks: trains a denoising generator in chunks of epochs with exact
 * resume from `dir` (atomic checkpoints written by the trainer) until a CPU-time budget, counted
 * across runs in `dir/cpu-minutes.txt`, is spent. A killed run loses at most one chunk.
 *
 * Checkpoints in `.bench-tmp/` do not outlive the machine. A run folder that has no checkpoint
 * yet starts from a committed one when `bench/checkpoints/<folder name>.json.gz` exists (with its
 * `<folder name>.cpu-minutes.txt`), so a benchmark table's run can be evaluated or trained on
 * from a fresh clone; see bench/checkpoints/README.md.
 */
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRng } from '../src/core/rng.js';
import { readCheckpoint } from '../src/generators/common/checkpoint.js';
import type { DenoisingGenerator, DenoisingGeneratorConfig } from '../src/generators/common/DenoisingGenerator.js';
import type { Graph } from '../src/graph/Graph.js';
import type { LrSchedule } from '../src/nn/LrSchedule.js';

export type BenchModel = DenoisingGenerator<DenoisingGeneratorConfig>;

/** Process CPU time (user + system) in minutes. */
export function cpuMinutes(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 6e7;
}

export interface BudgetRun {
  model: BenchModel;
  epochs: number;
  steps: number;
  loss: number;
  /** CPU minutes spent on training, earlier runs included. */
  cpu: number;
}

/** Where committed checkpoints live (relative to the repository root, the benchmarks' working directory). */
export const COMMITTED_CHECKPOINTS = 'bench/checkpoints';

/**
 * When `dir/checkpoint.json` is absent and `<committed>/<basename(dir)>.json.gz` exists, writes
 * the unzipped checkpoint and its CPU minutes (`<name>.cpu-minutes.txt`, required beside it) into
 * `dir`; returns whether it did. An existing checkpoint is never replaced.
 *
 * @throws `Error` when the committed checkpoint has no CPU-minutes file beside it
 */
export async function seedFromCommitted(dir: string, committed = COMMITTED_CHECKPOINTS): Promise<boolean> {
  if (await stat(`${dir}/checkpoint.json`).then(() => true, () => false)) return false;
  const name = basename(dir);
  const gz = await readFile(`${committed}/${name}.json.gz`).catch(() => undefined);
  if (gz === undefined) return false;
  const cpu = await readFile(`${committed}/${name}.cpu-minutes.txt`, 'utf8').catch(() => undefined);
  if (cpu === undefined || !Number.isFinite(Number(cpu))) throw new Error(`${committed}/${name}.json.gz has no readable ${name}.cpu-minutes.txt beside it: the training budget of the committed run is unknown`);
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/cpu-minutes.txt`, String(Number(cpu)));
  await writeFile(`${dir}/checkpoint.json`, gunzipSync(gz));
  return true;
}

export async function trainWithBudget(
  make: () => BenchModel,
  train: Graph[],
  dir: string,
  budget: number,
  fit: { batchSize: number; sizePool?: number; lr: number | LrSchedule; emaDecay: number; clipNorm?: number },
  chunk = 5,
  log?: (line: string) => void,
): Promise<BudgetRun> {
  if (await seedFromCommitted(dir)) log?.(`${dir}: started from the committed ${COMMITTED_CHECKPOINTS}/${basename(dir)}.json.gz`);
  const previous = await readCheckpoint(`${dir}/checkpoint.json`);
  let spent = previous === undefined ? 0 : await readFile(`${dir}/cpu-minutes.txt`, 'utf8').then(Number, () => 0);
  let epochs = previous?.epoch ?? 0;
  let model = make();
  let last = { epochs, steps: previous?.step ?? 0, loss: previous?.losses.at(-1) ?? Number.NaN };
  // a spent budget only restores the checkpoint (0 more epochs): evaluation reruns train nothing
  const step = spent >= budget ? 0 : chunk;
  do {
    model.dispose();
    model = make();
    const c0 = cpuMinutes();
    const r = await model.fit(train, { ...fit, rng: createRng(0), epochs: epochs + step, checkpointDir: dir, resume: true });
    epochs = r.epochs;
    last = { epochs: r.epochs, steps: r.steps, loss: r.losses.at(-1) ?? Number.NaN };
    // restoring for an evaluation is not training: the count (and the file) only grows when it trains
    if (step > 0) {
      spent += cpuMinutes() - c0;
      await writeFile(`${dir}/cpu-minutes.txt`, String(spent));
    }
    log?.(`${dir}: epoch ${last.epochs}, step ${last.steps}, loss ${last.loss.toFixed(4)}, ${spent.toFixed(1)} / ${budget} CPU min`);
  } while (spent < budget);
  return { model, epochs: last.epochs, steps: last.steps, loss: last.loss, cpu: spent };
}
