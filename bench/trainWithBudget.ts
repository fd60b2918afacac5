/**
 * Shared by the generator benchmarks: trains a denoising generator in chunks of epochs with exact
 * resume from `dir` (atomic checkpoints written by the trainer) until a CPU-time budget, counted
 * across runs in `dir/cpu-minutes.txt`, is spent. A killed run loses at most one chunk.
 */
import { readFile, writeFile } from 'node:fs/promises';
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

export async function trainWithBudget(
  make: () => BenchModel,
  train: Graph[],
  dir: string,
  budget: number,
  fit: { batchSize: number; lr: number | LrSchedule; emaDecay: number },
  chunk = 5,
  log?: (line: string) => void,
): Promise<BudgetRun> {
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
    spent += cpuMinutes() - c0;
    epochs = r.epochs;
    last = { epochs: r.epochs, steps: r.steps, loss: r.losses.at(-1) ?? Number.NaN };
    await writeFile(`${dir}/cpu-minutes.txt`, String(spent));
    log?.(`${dir}: epoch ${last.epochs}, step ${last.steps}, loss ${last.loss.toFixed(4)}, ${spent.toFixed(1)} / ${budget} CPU min`);
  } while (spent < budget);
  return { model, epochs: last.epochs, steps: last.steps, loss: last.loss, cpu: spent };
}
