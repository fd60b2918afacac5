/**
 * Benchmarks of graphgen/nn and graphgen/layers: `npm run bench -- nn`.
 *
 * 1. Dense training step (MLP 256-512-512-256, batch 256, Adam) on wasm: graphgen's custom-
 *    gradient `dense` vs a dense op whose backward uses transpose-flagged matmuls (the formula
 *    of tfjs's own BatchMatMul gradient, i.e. what default autodiff does).
 * 2. Forward+backward of an MLP, a TransformerEncoder and a PPGN block at a few sizes, cpu vs
 *    wasm (webgpu too when GRAPHGEN_BENCH_WEBGPU=1 and it initialises).
 * 3. One training step (forward, backward, Adam) of a 4-layer DiGress graph transformer
 *    (dx 128, de 32, dy 32, 4 heads) on batches of 32 graphs of 20 and 64 nodes on wasm, against
 *    the same architecture in PyTorch (bench/nn_torch.py, torch.set_num_threads(1)) when
 *    /usr/bin/python3 has torch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/rng.js';
import { Adam, Linear, Mlp, TransformerEncoder, dense, initBackend, trainStep, type BackendName } from '../src/nn/index.js';
import { PpgnBlock } from '../src/layers/index.js';
import { buildGraphTransformerBench } from './graphTransformerBenchModel.js';

const here = dirname(fileURLToPath(import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeIt(f: () => void, reps: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) f();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Dense whose backward uses flagged matmuls, as tfjs's default BatchMatMul gradient does. */
const denseFlagged = tf.customGrad(((x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x, w]);
  return {
    value: tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b),
    gradFunc: (dy: tf.Tensor, [xs, ws]: tf.Tensor[]) => [
      tf.matMul(dy as tf.Tensor2D, ws as tf.Tensor2D, false, true),
      tf.matMul(xs as tf.Tensor2D, dy as tf.Tensor2D, true, false),
      tf.sum(dy, 0),
    ],
  };
}) as unknown as Parameters<typeof tf.customGrad>[0]) as unknown as (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor;

async function denseSection(): Promise<string> {
  await initBackend({ prefer: 'wasm' });
  const widths = [256, 512, 512, 256];
  const rng = createRng(0);
  const layers = widths.slice(0, -1).map((w, i) => new Linear({ inFeatures: w, outFeatures: widths[i + 1] }, rng));
  const vars = layers.flatMap((l) => l.trainableVariables());
  const x = tf.randomNormal([256, 256], 0, 1, 'float32', 1);
  const run = (op: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor) => {
    const opt = new Adam({ learningRate: 1e-4 });
    const step = () => {
      trainStep(() => {
        let h = x;
        layers.forEach((l, i) => {
          h = op(h, l.weight, l.bias!);
          if (i < layers.length - 1) h = tf.relu(h);
        });
        return tf.mean(tf.square(h)) as tf.Scalar;
      }, vars, opt);
    };
    return { step, opt };
  };
  const a = run(dense);
  const b = run(denseFlagged);
  const tCustom = await timeIt(a.step, 7, 2);
  const tFlag = await timeIt(b.step, 5, 1);
  // gradient parity
  const f = (op: typeof dense) => (xx: tf.Tensor, w: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.sin(op(xx, w, bb)));
  const xs = tf.randomNormal([64, 256], 0, 1, 'float32', 2);
  const g1 = tf.grads(f(dense as never))([xs, layers[0].weight, layers[0].bias!]);
  const g2 = tf.grads(f(denseFlagged as never))([xs, layers[0].weight, layers[0].bias!]);
  let err = 0;
  g1.forEach((g, i) => {
    const d1 = g.dataSync();
    const d2 = g2[i].dataSync();
    for (let k = 0; k < d1.length; k++) err = Math.max(err, Math.abs(d1[k] - d2[k]));
  });
  tf.dispose([...g1, ...g2, xs, x]);
  a.opt.dispose();
  b.opt.dispose();
  layers.forEach((l) => l.dispose());
  return [
    '### Dense training step on wasm (MLP 256-512-512-256, batch 256, Adam)',
    '',
    '| backward of the dense op | step (ms, median) |',
    '|---|---|',
    `| transpose-flagged matmuls (tfjs default gradient formula) | ${tFlag.toFixed(1)} |`,
    `| graphgen \`dense\` (customGrad; graphgen's SIMD products on wasm) | ${tCustom.toFixed(1)} |`,
    '',
    `Speed-up: **${(tFlag / tCustom).toFixed(1)}x**; max |gradient difference| between the two: ${err.toExponential(1)}.`,
  ].join('\n');
}

interface FB {
  name: string;
  run: () => void;
  dispose: () => void;
}

function makeCases(): FB[] {
  const out: FB[] = [];
  const rng = createRng(1);
  for (const [b, d] of [[64, 128], [256, 256]] as const) {
    const mlp = new Mlp({ inFeatures: d, hiddenFeatures: [2 * d, 2 * d], outFeatures: d }, rng);
    const x = tf.randomNormal([b, d], 0, 1, 'float32', 3);
    out.push({
      name: `Mlp ${d}-${2 * d}-${2 * d}-${d}, batch ${b}`,
      run: () => tf.dispose(tf.variableGrads(() => tf.mean(tf.square(mlp.apply(x))) as tf.Scalar, mlp.trainableVariables()).grads),
      dispose: () => { mlp.dispose(); x.dispose(); },
    });
  }
  for (const [b, n, d] of [[8, 20, 64], [16, 64, 128]] as const) {
    const enc = new TransformerEncoder({ dModel: d, numHeads: 4, numLayers: 2 }, rng);
    const x = tf.randomNormal([b, n, d], 0, 1, 'float32', 4);
    const m = tf.ones([b, n]);
    out.push({
      name: `TransformerEncoder 2 layers, d ${d}, B ${b}, N ${n}`,
      run: () => tf.dispose(tf.variableGrads(() => tf.mean(tf.square(enc.apply(x, m))) as tf.Scalar, enc.trainableVariables()).grads),
      dispose: () => { enc.dispose(); tf.dispose([x, m]); },
    });
  }
  for (const [b, n, c] of [[8, 20, 32], [8, 40, 64]] as const) {
    const blk = new PpgnBlock({ inChannels: 4, outChannels: c }, rng);
    const e = tf.randomNormal([b, n, n, 4], 0, 1, 'float32', 5);
    const m = tf.ones([b, n]);
    out.push({
      name: `PpgnBlock 4->${c}, B ${b}, N ${n}`,
      run: () => tf.dispose(tf.variableGrads(() => tf.mean(tf.square(blk.apply(e, m))) as tf.Scalar, blk.trainableVariables()).grads),
      dispose: () => { blk.dispose(); tf.dispose([e, m]); },
    });
  }
  return out;
}

async function moduleSection(): Promise<string> {
  const backends: BackendName[] = ['cpu', 'wasm'];
  if (process.env.GRAPHGEN_BENCH_WEBGPU === '1') backends.push('webgpu');
  const results = new Map<string, Map<string, string>>();
  for (const be of backends) {
    try {
      await initBackend({ prefer: be });
    } catch (err) {
      for (const r of results.values()) r.set(be, 'n/a');
      continue;
    }
    for (const c of makeCases()) {
      const reps = be === 'cpu' ? 2 : 5;
      const t = await timeIt(c.run, reps, 1);
      if (!results.has(c.name)) results.set(c.name, new Map());
      results.get(c.name)!.set(be, t.toFixed(1));
      c.dispose();
    }
  }
  const lines = ['### Forward + backward (ms, median)', '', `| case | ${backends.join(' | ')} |`, `|---|${backends.map(() => '---').join('|')}|`];
  for (const [name, r] of results) lines.push(`| ${name} | ${backends.map((b) => r.get(b) ?? 'n/a').join(' | ')} |`);
  return lines.join('\n');
}

/** One training step of the shared bench model (bench/graphTransformerBenchModel.ts) on the active backend. */
function graphTransformerStep(b: number, n: number, chunks: number): { step: () => void; dispose: () => void } {
  const m = buildGraphTransformerBench(b, n, chunks);
  const step = () => {
    if (chunks === 1) {
      trainStep(m.loss(m.data[0]), m.vars, m.opt);
      return;
    }
    let acc: tf.Tensor[] | undefined;
    for (const d of m.data) {
      const { value, g } = m.grads(d);
      value.dispose();
      acc = m.accumulate(acc, g);
    }
    m.opt.step(m.vars, acc!);
    tf.dispose(acc!);
  };
  return { step, dispose: m.dispose };
}

/** Median PyTorch step time (ms) for N nodes, or an explanation when torch is unavailable. */
function torchTime(n: number, reps: number): number | string {
  const script = join(here, 'nn_torch.py');
  const r = spawnSync('/usr/bin/python3', [script, String(n), String(reps)], { encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0) return `PyTorch reference unavailable (${(r.stderr || r.error?.message || 'no output').trim().split('\n').pop()})`;
  const [, ms] = r.stdout.trim().split(/\s+/).map(Number);
  return Number.isFinite(ms) ? ms : `PyTorch reference printed no time (${r.stdout.trim()})`;
}

/**
 * Interleaves graphgen and PyTorch measurements (rounds of one timed graphgen step and one
 * timed PyTorch step, each after a warm-up) so that both see the same machine load; reports
 * the medians over rounds.
 */
async function transformerSection(): Promise<string> {
  await initBackend({ prefer: 'wasm' });
  const lines = [
    '### Graph transformer training step (4 DiGress layers, dx 128, de 32, dy 32, 4 heads, batch 32, Adam)',
    '',
    '| nodes | graphgen wasm (ms) | PyTorch 1 thread (ms) | ratio |',
    '|---|---|---|---|',
  ];
  let note = '';
  for (const [n, rounds] of [[20, 5], [64, 2]] as const) {
    const s = graphTransformerStep(32, n, n === 20 ? 1 : 4);
    s.step(); // warm-up
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      s.step();
      ours.push(performance.now() - t0);
      const t = torchTime(n, 1);
      if (typeof t === 'string') note = t;
      else theirs.push(t);
    }
    s.dispose();
    const o = median(ours);
    const t = theirs.length > 0 ? median(theirs) : undefined;
    lines.push(`| ${n} | ${o.toFixed(0)} | ${t === undefined ? 'n/a' : t.toFixed(0)} | ${t === undefined ? 'n/a' : (o / t).toFixed(2) + 'x'} |`);
  }
  // main costs: kernel time of one N = 20 step
  const s20 = graphTransformerStep(32, 20, 1);
  s20.step();
  const prof = await tf.profile(() => s20.step());
  s20.dispose();
  const agg = new Map<string, number>();
  const leaves = prof.kernels.filter((k) => !/scope|__op$|^forward$/.test(k.name)); // skip nested scopes (custom-gradient ops, tidy)
  for (const k of leaves) agg.set(k.name, (agg.get(k.name) ?? 0) + Number(k.kernelTimeMs));
  const total = [...agg.values()].reduce((a, b) => a + b, 0);
  const top = [...agg].sort((a, b) => b[1] - a[1]).slice(0, 6);
  lines.push('', `Main costs of one N = 20 step (tfjs profile, ${leaves.length} kernels, kernel time ${total.toFixed(0)} ms): ${top.map(([k, v]) => `${k} ${((100 * v) / total).toFixed(0)}%`).join(', ')}.`);
  lines.push('', 'Rounds alternate one graphgen step and one PyTorch step (medians over 5 rounds at N = 20, 2 at N = 64). At N = 64 graphgen accumulates the gradients of 4 micro-batches of 8 graphs before the Adam update (the wasm heap is capped at 4 GB); PyTorch runs the full batch.');
  if (note) lines.push('', note);
  return lines.join('\n');
}

export async function run(): Promise<string> {
  const parts = [await denseSection(), await moduleSection(), await transformerSection()];
  return parts.join('\n\n');
}
