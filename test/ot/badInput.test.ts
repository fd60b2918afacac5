// Every public entry point of graphgen/ot rejects malformed input with a typed error naming the argument.
import { describe, expect, it } from 'vitest';
import { GraphgenError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import * as ot from '../../src/ot/index.js';

type Thunk = () => unknown;

function expectError(fn: Thunk, code: 'E_INPUT' | 'E_SHAPE', argument: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a throw').toBeInstanceOf(GraphgenError);
  const err = caught as GraphgenError;
  expect(err.code).toBe(code);
  expect(err.details.argument ?? '').toMatch(argument);
  expect(err.message).toMatch(/expected/);
}

const a = [0.5, 0.5];
const b = [0.25, 0.75];
const M = [[0, 1], [1, 0]];
const C = [[0, 1], [1, 0]];

/** Histogram / cost defects shared by every (a, b, M) solver. */
function histogramCases(call: (a: unknown, b: unknown, M: unknown) => unknown): void {
  it('NaN / Infinity / negative / empty / zero-sum masses', () => {
    expectError(() => call([Number.NaN, 1], b, M), 'E_INPUT', /^a\[0\]$/);
    expectError(() => call(a, [0.25, Infinity], M), 'E_INPUT', /^b\[1\]$/);
    expectError(() => call([-0.5, 1.5], b, M), 'E_INPUT', /^a\[0\]$/);
    expectError(() => call([], [], []), 'E_INPUT', /^a$/);
    expectError(() => call([0, 0], b, M), 'E_INPUT', /^a$/);
    expectError(() => call('ab', b, M), 'E_INPUT', /^a$/);
  });
  it('masses with different totals', () => {
    expectError(() => call(a, [0.5, 0.75], M), 'E_INPUT', /^b$/);
  });
  it('NaN / Infinity costs, wrong shapes, ragged rows', () => {
    expectError(() => call(a, b, [[0, Number.NaN], [1, 0]]), 'E_INPUT', /^M\[0\]\[1\]$/);
    expectError(() => call(a, b, [[0, 1], [-Infinity, 0]]), 'E_INPUT', /^M\[1\]\[0\]$/);
    expectError(() => call(a, b, [[0, 1, 2], [1, 0, 2]]), 'E_SHAPE', /^M$/);
    expectError(() => call(a, b, [[0, 1], [1]]), 'E_SHAPE', /^M\[1\]$/);
    expectError(() => call(a, b, { rows: 2, cols: 2, data: new Float64Array(3) }), 'E_SHAPE', /^M\.data$/);
  });
}

describe('sinkhorn family', () => {
  for (const [name, fn] of [
    ['sinkhorn', ot.sinkhorn],
    ['sinkhornLog', ot.sinkhornLog],
    ['sinkhornKnopp', ot.sinkhornKnopp],
    ['sinkhorn2', ot.sinkhorn2],
  ] as const) {
    describe(name, () => {
      histogramCases((x, y, z) => (fn as (...args: unknown[]) => unknown)(x, y, z, 0.1));
      it('reg <= 0, NaN, Infinity; overflowing M / reg', () => {
        for (const reg of [0, -1, Number.NaN, Infinity]) expectError(() => fn(a, b, M, reg), 'E_INPUT', /^reg$/);
        expectError(() => fn(a, b, [[0, 1e308], [1, 0]], 1e-10), 'E_INPUT', /^reg$/);
      });
      it('bad options', () => {
        expectError(() => fn(a, b, M, 0.1, { maxIter: -1 }), 'E_INPUT', /^options\.maxIter$/);
        expectError(() => fn(a, b, M, 0.1, { maxIter: 1.5 }), 'E_INPUT', /^options\.maxIter$/);
        expectError(() => fn(a, b, M, 0.1, { tol: Number.NaN }), 'E_INPUT', /^options\.tol$/);
        expectError(() => fn(a, b, M, 0.1, { checkEvery: 0 }), 'E_INPUT', /^options\.checkEvery$/);
        expectError(() => fn(a, b, M, 0.1, { backend: 'gpu' as never }), 'E_INPUT', /^options\.backend$/);
        expectError(() => fn(a, b, M, 0.1, { method: 'exact' as never }), 'E_INPUT', /^options\.method$/);
        expectError(() => fn(a, b, M, 0.1, { warmStart: { f: new Float64Array(3), g: new Float64Array(2) } }), 'E_SHAPE', /^options\.warmStart\.f$/);
        expectError(() => fn(a, b, M, 0.1, { warmStart: { f: new Float64Array(2), g: [0, Number.NaN] as never } }), 'E_INPUT', /^options\.warmStart\.g\[1\]$/);
        expectError(() => fn(a, b, M, 0.1, { epsilonScaling: { factor: 2 } }), 'E_INPUT', /^options\.epsilonScaling\.factor$/);
        expectError(() => fn(a, b, M, 0.1, { epsilonScaling: 'yes' as never }), 'E_INPUT', /^options\.epsilonScaling$/);
      });
    });
  }
});

describe('sinkhornBatch / sinkhornDivergence', () => {
  it('batch: non-arrays, lengths, per-problem defects', () => {
    expectError(() => ot.sinkhornBatch('x' as never, [], [], 0.1), 'E_INPUT', /^a$/);
    expectError(() => ot.sinkhornBatch([a], [b, b], [M], 0.1), 'E_SHAPE', /^b$/);
    expectError(() => ot.sinkhornBatch([a], [[0.5, 0.75]], [M], 0.1), 'E_INPUT', /^b\[0\]$/);
    expectError(() => ot.sinkhornBatch([a], [b], [M], 0), 'E_INPUT', /^reg\[0\]$/);
    expectError(() => ot.sinkhornBatch([a], [b], [M], 0.1, { warmStart: { f: new Float64Array(2), g: new Float64Array(2) } }), 'E_INPUT', /^options\.warmStart$/);
  });
  it('divergence: empty clouds, dimension mismatch, NaN points, bad metric, bad masses', () => {
    expectError(() => ot.sinkhornDivergence([], [[0]], 0.1), 'E_INPUT', /^Xs$/);
    expectError(() => ot.sinkhornDivergence([[0, 0]], [[0]], 0.1), 'E_SHAPE', /^Xt$/);
    expectError(() => ot.sinkhornDivergence([[0, Number.NaN]], [[0, 0]], 0.1), 'E_INPUT', /^Xs\[0\]\[1\]$/);
    expectError(() => ot.sinkhornDivergence([[0]], [[1]], 0.1, { metric: 'cosine' as never }), 'E_INPUT', /^options\.metric$/);
    expectError(() => ot.sinkhornDivergence([[0]], [[1]], -1), 'E_INPUT', /^reg$/);
    expectError(() => ot.sinkhornDivergence([[0], [1]], [[1]], 0.1, { a: [1, -1, 1] }), 'E_INPUT', /^a\[1\]$/);
  });
});

describe('emd / emd2', () => {
  for (const fn of [ot.emd, ot.emd2]) {
    histogramCases((x, y, z) => (fn as (...args: unknown[]) => unknown)(x, y, z));
    it('bad options', () => {
      expectError(() => fn(a, b, M, { maxIter: -2 }), 'E_INPUT', /^options\.maxIter$/);
      expectError(() => fn(a, b, M, { massTol: -1 }), 'E_INPUT', /^options\.massTol$/);
    });
  }
});

describe('emd1d', () => {
  it('rejects empty/NaN positions, bad masses, shapes, p <= 0', () => {
    expectError(() => ot.emd1d([], [1]), 'E_INPUT', /^xa$/);
    expectError(() => ot.emd1d([0], []), 'E_INPUT', /^xb$/);
    expectError(() => ot.emd1d([Number.NaN], [1]), 'E_INPUT', /^xa\[0\]$/);
    expectError(() => ot.emd1d([0, 1], [1], { a: [1] }), 'E_SHAPE', /^options\.a$/);
    expectError(() => ot.emd1d([0, 1], [1], { a: [-1, 2] }), 'E_INPUT', /^options\.a\[0\]$/);
    expectError(() => ot.emd1d([0, 1], [1], { b: [3] }), 'E_INPUT', /^options\.b$/);
    expectError(() => ot.emd1d([0], [1], { p: 0 }), 'E_INPUT', /^options\.p$/);
  });
});

describe('lsap', () => {
  it('rejects NaN, Infinity, ragged and non-matrix input', () => {
    expectError(() => ot.lsap([[0, Number.NaN]]), 'E_INPUT', /^C\[0\]\[1\]$/);
    expectError(() => ot.lsap([[0, 1], [Infinity, 0]]), 'E_INPUT', /^C\[1\]\[0\]$/);
    expectError(() => ot.lsap([[0, 1], [1]]), 'E_SHAPE', /^C\[1\]$/);
    expectError(() => ot.lsap(42 as never), 'E_INPUT', /^C$/);
    expectError(() => ot.lsap(M, { maximize: 'yes' as never }), 'E_INPUT', /^options\.maximize$/);
  });
});

describe('Gromov-Wasserstein family', () => {
  const solvers: [string, (C1: unknown, C2: unknown, p: unknown, q: unknown, o?: object) => unknown][] = [
    ['gromovWasserstein', (C1, C2, p, q, o) => ot.gromovWasserstein(C1 as never, C2 as never, p as never, q as never, o)],
    ['gromovWasserstein2', (C1, C2, p, q, o) => ot.gromovWasserstein2(C1 as never, C2 as never, p as never, q as never, o)],
    ['entropicGromovWasserstein', (C1, C2, p, q, o) => ot.entropicGromovWasserstein(C1 as never, C2 as never, p as never, q as never, o)],
    ['entropicGromovWasserstein2', (C1, C2, p, q, o) => ot.entropicGromovWasserstein2(C1 as never, C2 as never, p as never, q as never, o)],
    ['fusedGromovWasserstein', (C1, C2, p, q, o) => ot.fusedGromovWasserstein(M, C1 as never, C2 as never, p as never, q as never, o)],
    ['fusedGromovWasserstein2', (C1, C2, p, q, o) => ot.fusedGromovWasserstein2(M, C1 as never, C2 as never, p as never, q as never, o)],
    ['entropicFusedGromovWasserstein', (C1, C2, p, q, o) => ot.entropicFusedGromovWasserstein(M, C1 as never, C2 as never, p as never, q as never, o)],
    ['entropicFusedGromovWasserstein2', (C1, C2, p, q, o) => ot.entropicFusedGromovWasserstein2(M, C1 as never, C2 as never, p as never, q as never, o)],
  ];
  for (const [name, fn] of solvers) {
    it(`${name}: structures, masses, options`, () => {
      expectError(() => fn([[0, 1, 2], [1, 0, 1]], C, a, a), 'E_SHAPE', /^C1$/);
      expectError(() => fn(C, [[0, Number.NaN], [1, 0]], a, a), 'E_INPUT', /^C2\[0\]\[1\]$/);
      expectError(() => fn([], C, [], a), 'E_INPUT', /^C1$/);
      expectError(() => fn(C, C, [1 / 3, 1 / 3, 1 / 3], a), 'E_SHAPE', /^p$/);
      expectError(() => fn(C, C, a, [0.5, -0.5]), 'E_INPUT', /^q\[1\]$/);
      expectError(() => fn(C, C, a, [0.5, 0.75]), 'E_INPUT', /^q$/);
      expectError(() => fn(C, C, a, [Number.NaN, 0.5]), 'E_INPUT', /^q\[0\]$/);
      expectError(() => fn(C, C, a, a, { nInit: 3 }), 'E_INPUT', /^options\.rng$/);
      expectError(() => fn(C, C, a, a, { nInit: 0, rng: createRng(1) }), 'E_INPUT', /^options\.nInit$/);
      expectError(() => fn(C, C, a, a, { maxIter: -1 }), 'E_INPUT', /^options\.maxIter$/);
      expectError(() => fn(C, C, a, a, { G0: [[1]] }), 'E_SHAPE', /^options\.G0$/);
      expectError(() => fn(C, C, a, a, { G0: [[1, -0.5], [0, 0]] }), 'E_INPUT', /^options\.G0$/);
      expectError(() => fn(C, C, a, a, { G0: [[0.5, 0], [0.5, 0]] }), 'E_INPUT', /^options\.G0$/);
      if (name.startsWith('entropic')) expectError(() => fn(C, C, a, a, { epsilon: 0 }), 'E_INPUT', /^options\.epsilon$/);
      if (name.includes('used') || name.includes('Fused')) {
        expectError(() => fn(C, C, a, a, { alpha: 1.5 }), 'E_INPUT', /^options\.alpha$/);
        expectError(() => ot.fusedGromovWasserstein([[0, 1, 2]], C, C, a, a), 'E_SHAPE', /^M$/);
      }
    });
  }
});

describe('barycenters', () => {
  const rng = () => createRng(1);
  it('gromovBarycenter', () => {
    expectError(() => ot.gromovBarycenter(0, [C], [a], [1], { rng: rng() }), 'E_INPUT', /^N$/);
    expectError(() => ot.gromovBarycenter(2, [], [], [], { rng: rng() }), 'E_INPUT', /^Cs$/);
    expectError(() => ot.gromovBarycenter(2, [C], [a, a], [1], { rng: rng() }), 'E_SHAPE', /^ps$/);
    expectError(() => ot.gromovBarycenter(2, [C], [a], [1, 1], { rng: rng() }), 'E_SHAPE', /^lambdas$/);
    expectError(() => ot.gromovBarycenter(2, [C], [a], [-1], { rng: rng() }), 'E_INPUT', /^lambdas\[0\]$/);
    expectError(() => ot.gromovBarycenter(2, [[[0, Number.NaN], [1, 0]]], [a], [1], { rng: rng() }), 'E_INPUT', /^Cs\[0\]\[0\]\[1\]$/);
    expectError(() => ot.gromovBarycenter(2, [C], [[1, 1]], [1], { rng: rng() }), 'E_INPUT', /^ps\[0\]$/);
    expectError(() => ot.gromovBarycenter(2, [C], [a], [1]), 'E_INPUT', /^options\.rng$/);
    expectError(() => ot.gromovBarycenter(2, [C], [a], [1], { init: [[0]] }), 'E_SHAPE', /^options\.init$/);
    expectError(() => ot.gromovBarycenter(2, [C], [a], [1], { rng: rng(), p: [1, 0] }), 'E_INPUT', /^options\.p\[1\]$/);
  });
  it('fgwBarycenter', () => {
    const Y = [[0], [1]];
    expectError(() => ot.fgwBarycenter(2, [Y, Y], [C], [a], [1], { rng: rng() }), 'E_SHAPE', /^Ys$/);
    expectError(() => ot.fgwBarycenter(2, [[[0, 1], [1, 0], [2, 2]]], [C], [a], [1], { rng: rng() }), 'E_SHAPE', /^Ys\[0\]$/);
    expectError(() => ot.fgwBarycenter(2, [[[0], [Number.NaN]]], [C], [a], [1], { rng: rng() }), 'E_INPUT', /^Ys\[0\]\[1\]\[0\]$/);
    expectError(() => ot.fgwBarycenter(2, [Y], [C], [a], [1], { rng: rng(), alpha: -0.1 }), 'E_INPUT', /^options\.alpha$/);
    expectError(() => ot.fgwBarycenter(2, [Y], [C], [a], [1], { rng: rng(), fixFeatures: true }), 'E_INPUT', /^options\.initX$/);
    expectError(() => ot.fgwBarycenter(2, [Y], [C], [a], [1], { rng: rng(), initX: [[0, 0], [1, 1]] }), 'E_SHAPE', /^options\.initX$/);
  });
});

describe('WASM loading', () => {
  it('rejects a non-kernel backend object', () => {
    expectError(() => ot.sinkhorn(a, b, M, 0.1, { backend: {} as never }), 'E_INPUT', /^options\.backend$/);
  });
});
