/**
 * Size-pooled batching (`FitOptions.sizePool`) on the SPECTRE SBM split (128 training graphs of
 * 44-187 nodes, batches of 8, the genvun SBM run's denoiser): training CPU seconds per optimiser
 * step and the padded pair work (`Σ batch · maxNodes²` over an epoch, against the unpadded
 * `Σ n²`), for plain shuffled batches and pools of 2, 4 and 8 batches. The variants alternate
 * within each repetition, so machine noise hits them alike; compare the ratios. Also sampling 40
 * graphs in batches of 10 in draw order and size-sorted (`DenoisingSampleOptions.sizeSorted`). Needs
 * `../shared/datasets/sbm`.
 *
 * Environment: `GRAPHGEN_BATCHING_REPS` repetitions (default 2; each trains every variant for
 * `GRAPHGEN_BATCHING_EPOCHS` epochs, default 2, from a fresh model).
 */
import { cpus } from 'node:os';
import { createRng } from '../src/core/rng.js';
import { loadBenchmark } from '../src/datasets/loaders/loadBenchmark.js';
import { initBackend } from '../src/nn/initBackend.js';
import { DiscreteFlow } from '../src/generators/flow/DiscreteFlow.js';
import { epochBatches } from '../src/generators/common/epochBatches.js';
import { cpuMinutes } from './trainWithBudget.js';
import { envNumber } from './samplingKnobs.js';

const SIZE = { hiddenX: 32, hiddenE: 16, hiddenY: 16, layers: 3, heads: 4 };
const BATCH = 8;
const POOLS = [1, 2, 4, 8];
const SAMPLES = 40;
const SAMPLE_BATCH = 10;
const SAMPLE_STEPS = 20;

export async function run(): Promise<string> {
  const reps = Math.max(1, Math.round(envNumber('GRAPHGEN_BATCHING_REPS', 2)));
  const epochs = Math.max(1, Math.round(envNumber('GRAPHGEN_BATCHING_EPOCHS', 2)));
  const backend = await initBackend();
  const data = await loadBenchmark('sbm', { root: '../shared/datasets' });
  const sizes = data.train.map((g) => g.n);
  const unpadded = sizes.reduce((a, n) => a + n * n, 0);
  const perStep = new Map<number, number[]>(POOLS.map((p) => [p, []]));
  // a warm-up fit, so that the first variant does not pay for compilation and caches
  const warm = new DiscreteFlow({ denoiser: SIZE, trainDistortion: 'polydec' });
  await warm.fit(data.train.slice(0, 16), { rng: createRng(0), epochs: 1, batchSize: BATCH });
  warm.dispose();
  for (let rep = 0; rep < reps; rep++) {
    for (const pool of POOLS) {
      const model = new DiscreteFlow({ denoiser: SIZE, trainDistortion: 'polydec' });
      const c0 = cpuMinutes();
      const r = await model.fit(data.train, { rng: createRng(rep), epochs, batchSize: BATCH, sizePool: pool, lr: 1e-3 });
      perStep.get(pool)!.push(((cpuMinutes() - c0) * 60) / r.steps);
      model.dispose();
    }
  }
  // sampling: 40 graphs with node counts from the training prior, batches of 10, plain vs size-sorted
  const sampler = new DiscreteFlow({ denoiser: SIZE, trainDistortion: 'polydec' });
  await sampler.fit(data.train, { rng: createRng(0), epochs: 0, batchSize: BATCH });
  const perGraph = { plain: [] as number[], sorted: [] as number[] };
  for (let rep = 0; rep < reps; rep++) {
    for (const sizeSorted of [false, true]) {
      const c0 = cpuMinutes();
      await sampler.sample(SAMPLES, { rng: createRng(rep + 1), steps: SAMPLE_STEPS, batchSize: SAMPLE_BATCH, sizeSorted });
      perGraph[sizeSorted ? 'sorted' : 'plain'].push(((cpuMinutes() - c0) * 60) / SAMPLES);
    }
  }
  sampler.dispose();
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const plain = median(perStep.get(1)!);
  const lines = [
    `Backend ${backend.name}, ${cpus().length} cores shared with other jobs; CPU seconds are process CPU time per optimiser step, lower median of ${reps} repetitions of ${epochs} epochs each (${Math.ceil(sizes.length / BATCH) * epochs} steps); padded work averaged over 100 seeded epochs. Denoiser ${JSON.stringify(SIZE)}, polydec training times, batch ${BATCH}.`,
    '',
    '| batches | padded pair work / unpadded | CPU s per step | speed-up vs plain |',
    '|---|---|---|---|',
  ];
  for (const pool of POOLS) {
    let padded = 0;
    for (let seed = 0; seed < 100; seed++) for (const b of epochBatches(sizes, BATCH, pool, createRng(seed))) padded += b.length * Math.max(...b.map((i) => sizes[i])) ** 2;
    const s = median(perStep.get(pool)!);
    lines.push(`| ${pool === 1 ? 'plain shuffled' : `size-sorted pools of ${pool}`} | ${(padded / (100 * unpadded)).toFixed(2)} | ${s.toFixed(3)} | ${(plain / s).toFixed(2)}x |`);
  }
  const sp = median(perGraph.plain);
  const ss = median(perGraph.sorted);
  lines.push(
    '',
    `Sampling (\`sizeSorted\` sampling option): ${SAMPLES} graphs with node counts from the training prior, batches of ${SAMPLE_BATCH}, ${SAMPLE_STEPS} steps, same denoiser (untrained: the cost does not depend on the weights); CPU seconds per graph, lower median of ${reps} repetitions.`,
    '',
    '| sampling batches | CPU s per graph | speed-up |',
    '|---|---|---|',
    `| in draw order | ${sp.toFixed(3)} | 1.00x |`,
    `| size-sorted | ${ss.toFixed(3)} | ${(sp / ss).toFixed(2)}x |`,
  );
  lines.push('', 'Command: `GRAPHGEN_BATCHING_REPS=' + reps + ' GRAPHGEN_BATCHING_EPOCHS=' + epochs + ' npm run bench -- batching`. Pools change which graphs share a batch (less mixed sizes), not which graphs an epoch sees.');
  return lines.join('\n');
}
