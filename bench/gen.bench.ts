/**
 * Generator benchmark (`npm run bench:gen`): community-small with the GDSS protocol (train on the
 * GDSS training split, 20 generated vs the 20 test graphs, gdss MMD preset) for the learned
 * models and the ER/SBM baselines, under a CPU-time budget, plus sampling time per graph.
 *
 * Training is resumable: checkpoints live in `.bench-tmp/gen/<dataset>-<model>/` (gitignored) and
 * a rerun continues where the last one stopped, until the CPU budget is spent. Environment:
 * - `GRAPHGEN_GEN_CPU_MINUTES` training budget per model in CPU minutes (default 10);
 * - `GRAPHGEN_GEN_MODELS` comma-separated `defog,digress` (default `defog`);
 * - `GRAPHGEN_GEN_SAMPLING_STEPS` sampling steps for the quality run (default 500).
 */
import { cpus } from 'node:os';
import { createRng } from '../src/core/rng.js';
import { loadBenchmark } from '../src/datasets/loaders/loadBenchmark.js';
import { evaluate } from '../src/metrics/evaluate.js';
import { initBackend } from '../src/nn/initBackend.js';
import { DiscreteFlow } from '../src/generators/flow/DiscreteFlow.js';
import { DiscreteDiffusion } from '../src/generators/diffusion/DiscreteDiffusion.js';
import { ErdosRenyi } from '../src/generators/baselines/ErdosRenyi.js';
import { StochasticBlockModel } from '../src/generators/baselines/StochasticBlockModel.js';
import { trainWithBudget, type BenchModel } from './trainWithBudget.js';

const SIZE = { hiddenX: 32, hiddenE: 16, hiddenY: 16, layers: 3, heads: 4 };
const FIT = { batchSize: 32, lr: 2e-3, emaDecay: 0.99 };

function f(x: number): string {
  return Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(4) : x.toExponential(2);
}

type Model = BenchModel;

export async function run(): Promise<string> {
  const budget = Number(process.env.GRAPHGEN_GEN_CPU_MINUTES ?? 10);
  const models = (process.env.GRAPHGEN_GEN_MODELS ?? 'defog').split(',').filter(Boolean);
  const qualitySteps = Number(process.env.GRAPHGEN_GEN_SAMPLING_STEPS ?? 500);
  const backend = await initBackend();
  const data = await loadBenchmark('community_small', { root: '../shared/datasets' });
  const lines: string[] = [];
  lines.push(`Backend ${backend.name}, ${cpus().length} cores shared with other jobs (CPU minutes are process CPU time, not wall time).`);
  lines.push(`Denoiser: graph transformer ${JSON.stringify(SIZE)}; Adam lr ${FIT.lr}, batch ${FIT.batchSize}, EMA ${FIT.emaDecay}; seed 0; budget ${budget} CPU minutes per model; checkpoints in \`.bench-tmp/gen/\` (resumed across runs).`);
  lines.push('');
  lines.push(`### community-small (GDSS split: ${data.train.length} train, ${data.test.length} test; gdss preset; ${data.test.length} generated vs test)`);
  lines.push('');
  lines.push('| model | deg | clus | orbit | spectral | unique % | novel % | train CPU min | epochs (steps) | final loss | sampling steps |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|');
  const trained: { name: string; model: Model }[] = [];
  for (const name of models) {
    const make = (): Model => (name === 'digress' ? new DiscreteDiffusion({ denoiser: SIZE }) : new DiscreteFlow({ denoiser: SIZE })) as unknown as Model;
    const r = await trainWithBudget(make, data.train, `.bench-tmp/gen/community_small-${name}`, budget, FIT);
    const settings: { label: string; opts: Record<string, number> }[] =
      name === 'defog'
        ? [
            { label: 'defog (eta 0, omega 0)', opts: {} },
            { label: 'defog (eta 0, omega 0.1)', opts: { omega: 0.1 } },
            { label: 'defog (eta 10, omega 0)', opts: { eta: 10 } },
          ]
        : [{ label: name, opts: {} }];
    for (const { label, opts } of settings) {
      const gs = await r.model.sample(data.test.length, { rng: createRng(1), steps: qualitySteps, ...opts });
      const rep = evaluate(gs, data.test, { preset: 'gdss', train: data.train });
      const m = rep.mmd as unknown as Record<string, number>;
      lines.push(
        `| ${label} | ${f(m.degree)} | ${f(m.clustering)} | ${f(m.orbit)} | ${f(m.spectral)} | ${(100 * rep.sample.unique).toFixed(0)} | ${(100 * rep.sample.uniqueNovel).toFixed(0)} | ${r.cpu.toFixed(1)} | ${r.epochs} (${r.steps}) | ${r.loss.toFixed(3)} | ${qualitySteps} |`,
      );
    }
    trained.push({ name, model: r.model });
  }
  for (const [name, b] of [
    ['erdos-renyi', new ErdosRenyi()],
    ['sbm (fitted)', new StochasticBlockModel()],
  ] as const) {
    await b.fit(data.train, { rng: createRng(0) });
    const gs = await b.sample(data.test.length, { rng: createRng(1) });
    const rep = evaluate(gs, data.test, { preset: 'gdss', train: data.train });
    const m = rep.mmd as unknown as Record<string, number>;
    lines.push(`| ${name} | ${f(m.degree)} | ${f(m.clustering)} | ${f(m.orbit)} | ${f(m.spectral)} | ${(100 * rep.sample.unique).toFixed(0)} | ${(100 * rep.sample.uniqueNovel).toFixed(0)} | 0 | - | - | - |`);
  }
  const ref = evaluate(data.train.slice(0, data.test.length), data.test, { preset: 'gdss' });
  const rm = ref.mmd as unknown as Record<string, number>;
  lines.push(`| train graphs (reference) | ${f(rm.degree)} | ${f(rm.clustering)} | ${f(rm.orbit)} | ${f(rm.spectral)} | - | - | - | - | - | - |`);
  lines.push('| GDSS (published, Jo et al. 2022) | 0.045 | 0.086 | 0.007 | - | | | | | | |');
  lines.push('');
  lines.push(`Sampling: ${data.test.length} graphs, seed 1, DeFoG time distortion polydec; eta = stochasticity, omega = target guidance (sampling-time options of one trained model). MMDs are the biased V-statistic of MMD^2 (graphgen/metrics, gdss preset).`);
  lines.push('');
  if (trained.length > 0) {
    lines.push(`### Sampling time per graph (community-small, batches of ${data.test.length} graphs, ${backend.name})`);
    lines.push('');
    lines.push('| model | 50 steps | 100 steps | 500 steps | 1000 steps |');
    lines.push('|---|---|---|---|---|');
    for (const { name, model } of trained) {
      const cells: string[] = [];
      for (const steps of [50, 100, 500, 1000]) {
        const t0 = performance.now();
        await model.sample(data.test.length, { rng: createRng(2), steps });
        cells.push(`${((performance.now() - t0) / data.test.length).toFixed(0)} ms`);
      }
      lines.push(`| ${name} | ${cells.join(' | ')} |`);
      model.dispose();
    }
  }
  return lines.join('\n');
}
