/**
 * Training-step timings for the lent GPU machine (see scripts/gpu/README.md), one backend per
 * process: `node gpuBench.mjs <webgpu|wasm> [budgetSeconds]`. Prints one JSON line per
 * measurement (prefix `RESULT `) and a few `INFO ` lines.
 *
 * 1. One training step (forward, backward, Adam) of the 4-layer graph transformer of
 *    bench/nn.bench.ts (dx 128, de 32, dy 32, 4 heads, ff 256/64/64), batch 32, N = 20 and
 *    N = 64, on random inputs. Same model, seeds and update as the bench; the only difference is
 *    that the loss is read with `await data()` instead of `trainStep`'s `dataSync()`, which the
 *    webgpu backend cannot do in Node (its synchronous read goes through OffscreenCanvas).
 * 2. One training step of DiscreteFlow's denoiser (hiddenX 32, hiddenE 16, hiddenY 16, 3 layers,
 *    4 heads, RRWP features) on datasets/planar/train.g6 (64 nodes), batch 32 and 256, built
 *    from the library's own parts (corruptionBatches, featureDenoiser, crossEntropyLoss, Adam,
 *    Ema) and mirroring guardedStep (loss + global gradient norm read, clip at 10, Adam, EMA),
 *    again with asynchronous reads. The timed step includes collate, the corruption and the
 *    RRWP features on the CPU. The gradient norm is summed through stack + sum, not tf.addN: on
 *    webgpu an AddN of more than 7 tensors makes an invalid pipeline (8 storage buffers per
 *    stage) and Dawn silently drops the command buffer. Batch 256 falls back to micro-batches
 *    (2, 4, 8) when one pass fails (webgpu: a transpose whose dispatch exceeds WebGPU's
 *    per-dimension workgroup limit; wasm: the 4 GB heap).
 * 3. `DiscreteFlow.fit` itself for one short epoch, to record whether the library's training
 *    loop runs on this backend.
 *
 * Each timed step ends with an awaited read of a weight, so that all GPU work of the step
 * (including the Adam update) is inside the measurement. `encodeMs` is the part of the step
 * spent in synchronous tfjs calls (on webgpu recording the kernels, on wasm running them): for
 * the graph transformer variableGrads + Adam, for the flow step collate + corruption + features
 * + variableGrads (its Adam and EMA updates follow the awaited norm and are not counted);
 * `kernelsPerStep` counts the kernels of one step (tf.profile); on webgpu each case runs in a
 * validation error scope and the first GPU validation error is reported.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/core/rng.js';
import { collate } from '../../src/graph/collate.js';
import type { Graph } from '../../src/graph/Graph.js';
import { parseGraph6 } from '../../src/io/parseGraph6.js';
import { Adam, Ema, initBackend, type BackendName } from '../../src/nn/index.js';
import { buildGraphTransformerBench } from '../../bench/graphTransformerBenchModel.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { featureDenoiser } from '../../src/generators/common/DenoisingGenerator.js';
import { corruptionBatches } from '../../src/generators/common/trainDenoiser.js';
import { crossEntropyLoss } from '../../src/generators/common/GraphLoss.js';
import { graphMarginals, type GraphMarginalsResult } from '../../src/generators/common/graphMarginals.js';
import type { DiscreteProcess } from '../../src/generators/common/DiscreteProcess.js';
import type { Denoiser } from '../../src/generators/common/Denoiser.js';

const backend = (process.argv[2] ?? 'webgpu') as BackendName;
const budgetMs = Number(process.argv[3] ?? 400) * 1000;
const started = performance.now();
const left = (): number => budgetMs - (performance.now() - started);

function out(kind: 'RESULT' | 'INFO', obj: Record<string, unknown>): void {
  process.stdout.write(`${kind} ${JSON.stringify({ backend, ...obj })}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `warmup` then up to `reps` timed async steps, stopping early when the budget runs out. */
async function timeSteps(step: () => Promise<number>, warmup: number, reps: number): Promise<{ median: number; times: number[]; firstMs: number; encodeMs: number }> {
  const t0 = performance.now();
  await step();
  const firstMs = performance.now() - t0;
  for (let i = 1; i < warmup; i++) await step();
  const times: number[] = [];
  const enc: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (times.length > 0 && left() < 2 * times[times.length - 1]) break;
    const t = performance.now();
    enc.push(await step());
    times.push(performance.now() - t);
  }
  return { median: median(times), times: times.map((t) => Math.round(t * 10) / 10), firstMs: Math.round(firstMs), encodeMs: Math.round(median(enc)) };
}

/** The 4-layer graph transformer of bench/nn.bench.ts (shared model) with an asynchronous training step. */
function graphTransformer(b: number, n: number, chunks: number): { step: () => Promise<number>; dispose: () => void } {
  const m = buildGraphTransformerBench(b, n, chunks);
  const step = async (): Promise<number> => {
    let acc: tf.Tensor[] | undefined;
    let encode = 0;
    for (const d of m.data) {
      const t0 = performance.now();
      const { value, g } = m.grads(d);
      encode += performance.now() - t0;
      await value.data();
      value.dispose();
      acc = m.accumulate(acc, g);
    }
    const t1 = performance.now();
    m.opt.step(m.vars, acc!);
    tf.dispose(acc!);
    encode += performance.now() - t1;
    await m.lastVariable.data();
    return encode;
  };
  return { step, dispose: m.dispose };
}

/** Exposes DiscreteFlow's forward process (protected) to build the trainer's parts. */
class ProbeFlow extends DiscreteFlow {
  process(m: GraphMarginalsResult): DiscreteProcess {
    return this.createProcess(m);
  }
}

const DENOISER = { hiddenX: 32, hiddenE: 16, hiddenY: 16, layers: 3, heads: 4 };

/**
 * One DiscreteFlow training step as trainDenoiser + guardedStep do it, with async reads. With
 * `chunks > 1` the batch is split into micro-batches whose gradients are summed (each loss
 * divided by `chunks`) before the one update: the wasm heap (4 GB) does not hold batch 256.
 */
function flowStep(train: readonly Graph[], b: number, chunks: number): { step: () => Promise<number>; dispose: () => void } {
  const flow = new ProbeFlow({ denoiser: DENOISER });
  const marginals = graphMarginals(train, 1, 2);
  const denoiser: Denoiser = featureDenoiser(1, 2, flow.features, DENOISER, createRng(1));
  const prepare = corruptionBatches(flow.process(marginals), flow.features);
  const loss = crossEntropyLoss({ edgeWeight: 5 });
  const vars = denoiser.module.trainableVariables();
  const adam = new Adam({ learningRate: 1e-3, weightDecay: 1e-12 });
  const ema = new Ema(vars, { decay: 0.999 });
  const rng = createRng(2);
  let start = 0;
  const step = async (): Promise<number> => {
    let gl: tf.Tensor[] | undefined;
    let lossSum = 0;
    let encode = 0;
    for (let c = 0; c < chunks; c++) {
      const bc = b / chunks;
      const graphs = Array.from({ length: bc }, (_, i) => train[(start + i) % train.length]);
      start = (start + bc) % train.length;
      const tp = performance.now();
      const clean = collate(graphs, { nodeClasses: 1, edgeClasses: 2 });
      const { input, target } = prepare(clean, rng);
      const t0 = performance.now();
      encode += t0 - tp;
      const { value, grads } = tf.variableGrads(() => tf.div(loss(denoiser.apply(input, { training: true }), target), chunks) as tf.Scalar, vars);
      const g = vars.map((v) => grads[v.name] ?? tf.zerosLike(v));
      encode += performance.now() - t0;
      lossSum += (await value.data())[0];
      tf.dispose([value, input.x, input.e, input.y, input.nodeMask, target.x, target.e]);
      tf.dispose(Object.values(grads).filter((t) => !g.includes(t)));
      if (gl === undefined) gl = g;
      else {
        const next = gl.map((a, i) => tf.add(a, g[i]));
        tf.dispose([...gl, ...g]);
        gl = next;
      }
    }
    // Not tf.addN as guardedStep/clipGradNorm do: tfjs-backend-webgpu's AddN binds every input
    // as a storage buffer, and > 7 inputs exceed WebGPU's per-stage limit of 8 (the pipeline is
    // invalid and Dawn drops the command buffer). stack goes through concat, which splits.
    const normT = tf.tidy(() => tf.sqrt(tf.sum(tf.stack(gl!.map((g) => tf.sum(tf.square(g)))))));
    const nrm = await normT.data();
    if (Number.isFinite(lossSum) && Number.isFinite(nrm[0])) {
      const f = Math.min(1, 10 / (nrm[0] + 1e-6));
      tf.tidy(() => {
        adam.step(vars, f < 1 ? gl!.map((g) => tf.mul(g, f)) : gl!);
      });
      ema.update();
    }
    tf.dispose([normT, ...gl!]);
    await vars[vars.length - 1].data();
    return encode;
  };
  return {
    step,
    dispose: () => {
      denoiser.module.dispose();
      adam.dispose();
      ema.dispose();
    },
  };
}

/** The tfjs webgpu backend's device (for error scopes), or undefined on another backend. */
function gpuDevice(): { pushErrorScope(f: string): void; popErrorScope(): Promise<{ message: string } | null> } | undefined {
  return backend === 'webgpu' ? (tf.backend() as unknown as { device: ReturnType<typeof gpuDevice> }).device : undefined;
}

/** Times a case; on webgpu inside a validation error scope, reporting the first GPU validation error. */
async function measure(name: string, fields: Record<string, unknown>, make: () => { step: () => Promise<number>; dispose: () => void }, warmup: number, reps: number, countKernels: boolean): Promise<boolean> {
  if (left() < 20_000) {
    out('INFO', { skippedCase: name, reason: 'budget' });
    return false;
  }
  const device = gpuDevice();
  device?.pushErrorScope('validation');
  let ok = true;
  const res: Record<string, unknown> = { case: name, ...fields };
  const s = make();
  try {
    const r = await timeSteps(s.step, warmup, reps);
    Object.assign(res, { medianMs: Math.round(r.median * 10) / 10, encodeMs: r.encodeMs, timesMs: r.times, firstStepMs: r.firstMs });
    if (countKernels) {
      const prof = await tf.profile(async () => {
        await s.step();
      });
      res.kernelsPerStep = prof.kernels.length;
    }
  } catch (err) {
    ok = false;
    res.error = String((err as Error).stack ?? err).slice(0, 400);
  } finally {
    s.dispose();
  }
  const gpuError = await device?.popErrorScope();
  if (gpuError) {
    ok = false;
    res.gpuValidationError = gpuError.message.slice(0, 300);
  }
  res.tensors = tf.memory().numTensors;
  out('RESULT', res);
  return ok;
}

async function main(): Promise<void> {
  const info = await initBackend({ prefer: backend });
  let adapter = '';
  if (backend === 'webgpu') {
    const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(o?: object): Promise<{ info?: Record<string, string> } | null> } } }).navigator?.gpu;
    const a = await gpu?.requestAdapter({ powerPreference: 'high-performance' });
    adapter = JSON.stringify(a?.info ? { vendor: a.info.vendor, architecture: a.info.architecture, device: a.info.device, description: a.info.description } : null);
  }
  out('INFO', { backendInfo: info.name, skipped: info.skipped, adapter, node: process.version });
  const only = (process.env.GPU_BENCH_ONLY ?? 'gt,flow,fit').split(',');
  const gpu = backend === 'webgpu';

  if (only.includes('gt')) {
    // [N, micro-batches, warm-up steps, timed steps]
    const cases: [number, number, number, number][] = gpu ? [[20, 1, 3, 5], [64, 1, 2, 4], [64, 4, 1, 2]] : [[20, 1, 1, 3], [64, 4, 1, 2]];
    for (const [n, chunks, warmup, reps] of cases) {
      await measure('graphTransformerStep', { n, batch: 32, chunks }, () => graphTransformer(32, n, chunks), warmup, reps, gpu && n === 20);
    }
  }

  const here = dirname(fileURLToPath(import.meta.url));
  const g6 = process.env.PLANAR_G6 ?? join(here, '..', '..', 'datasets', 'planar', 'train.g6');
  const train = parseGraph6(readFileSync(g6, 'utf8'));
  if (only.includes('flow')) {
    out('INFO', { planarGraphs: train.length, nodes: Math.max(...train.map((g) => g.n)) });
    await measure('discreteFlowStep', { n: 64, batch: 32, chunks: 1 }, () => flowStep(train, 32, 1), gpu ? 3 : 1, gpu ? 5 : 3, gpu);
    // batch 256: one pass where it fits (webgpu dispatch limits, wasm's 4 GB heap), else micro-batches
    for (const chunks of gpu ? [1, 2, 4, 8] : [8]) {
      if (await measure('discreteFlowStep', { n: 64, batch: 256, chunks }, () => flowStep(train, 256, chunks), 1, gpu ? 4 : 2, false)) break;
    }
  }

  if (only.includes('fit') && left() > 20_000) {
    const flow = new DiscreteFlow({ denoiser: DENOISER });
    const t0 = performance.now();
    try {
      const r = await flow.fit(train.slice(0, 64), { epochs: 1, batchSize: 32, rng: createRng(3), timeLimitMs: 60_000 });
      out('RESULT', { case: 'DiscreteFlow.fit', ok: true, steps: r.steps, ms: Math.round(performance.now() - t0), loss: r.losses });
    } catch (err) {
      out('RESULT', { case: 'DiscreteFlow.fit', ok: false, error: String((err as Error).message ?? err).slice(0, 300) });
    }
  }
}

try {
  await main();
} catch (err) {
  out('INFO', { fatal: (err as Error).stack ?? String(err) });
  process.exitCode = 1;
}
process.exit(process.exitCode ?? 0);
