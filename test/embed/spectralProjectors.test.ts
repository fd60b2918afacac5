import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { permute } from '../../src/graph/permute.js';
import { spectralProjectors } from '../../src/embed/spectralProjectors.js';
import { InputError } from '../../src/core/errors.js';
import { cycleGraph, randomGraph } from './bruteForceCycles.js';

/** Disjoint union of two cliques of m nodes each. */
function twoCliques(m: number): Graph {
  const edges: [number, number][] = [];
  for (const o of [0, m]) for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) edges.push([o + i, o + j]);
  return Graph.fromEdgeList(2 * m, edges);
}

/**
 * Independent reference: the projector onto the eigenvectors of the r + 1 smallest eigenvalues of
 * the regularised Laplacian found by orthogonal (subspace) iteration on `I + D_τ^{-1/2} A_τ D_τ^{-1/2}`
 * (its top eigenvectors; no eigendecomposition), minus the known trivial projector `d_τ^{1/2} (d_τ^{1/2})ᵀ / Σ d_τ`,
 * scaled by n / r.
 */
function subspaceProjector(g: Graph, r: number): Float64Array {
  const n = g.n;
  const deg = Array.from({ length: n }, (_, i) => g.degree(i));
  const tau = deg.reduce((a, b) => a + b, 0) / n;
  const dt = deg.map((d) => d + tau);
  const M = (i: number, j: number) => (i === j ? 1 : 0) + ((g.hasEdge(i, j) && i !== j ? 1 : 0) + tau / n) / Math.sqrt(dt[i] * dt[j]);
  const p = r + 1;
  let Q = Array.from({ length: p }, (_, c) => Array.from({ length: n }, (_, i) => Math.sin(1 + 7 * c + 3 * i * (c + 1))));
  for (let it = 0; it < 3000; it++) {
    const Z = Q.map((q) => Array.from({ length: n }, (_, i) => q.reduce((s, qj, j) => s + M(i, j) * qj, 0)));
    // Gram-Schmidt
    Q = [];
    for (const z of Z) {
      const v = z.slice();
      for (const q of Q) {
        const d = q.reduce((s, qi, i) => s + qi * v[i], 0);
        for (let i = 0; i < n; i++) v[i] -= d * q[i];
      }
      const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      Q.push(v.map((x) => x / norm));
    }
  }
  const vol = dt.reduce((a, b) => a + b, 0);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = -Math.sqrt(dt[i] * dt[j]) / vol;
      for (const q of Q) s += q[i] * q[j];
      out[i * n + j] = (n / r) * s;
    }
  return out;
}

describe('spectralProjectors', () => {
  it('match projectors found by subspace iteration (no eigendecomposition) on random graphs, dense and sparse', () => {
    const rng = createRng(5);
    for (const [n, p] of [
      [14, 0.3],
      [18, 0.15],
    ] as const) {
      const g = randomGraph(n, p, rng);
      const k = 3;
      const sp = spectralProjectors(g, { k, clip: 1e9 });
      for (let m = 0; m < k; m++) {
        const ref = subspaceProjector(g, m + 1);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) expect(sp.pairs[(i * n + j) * k + m]).toBeCloseTo(ref[i * n + j], 6);
        for (let i = 0; i < n; i++) expect(sp.diagonal[i * k + m]).toBe(sp.pairs[(i * n + i) * k + m]);
      }
    }
  });

  it('two disjoint cliques: channel 1 is exactly +1 inside and -1 across, eigenvalue 1/2; channel 2 takes the whole repeated eigenspace', () => {
    const m = 5;
    const n = 2 * m;
    const sp = spectralProjectors(twoCliques(m), { k: 2 });
    expect(sp.eigenvalues[0]).toBeCloseTo(0.5, 12);
    expect(sp.eigenvalues[1]).toBeCloseTo(1 + 1 / (2 * (m - 1)), 12);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const same = i < m === j < m;
        expect(sp.pairs[(i * n + j) * 2]).toBeCloseTo(same ? 1 : -1, 10);
        // the eigenvalue 1 + 1/(2(m-1)) has multiplicity 2(m-1): channel 2 is the projector onto everything but the trivial vector
        expect(sp.pairs[(i * n + j) * 2 + 1]).toBeCloseTo(i === j ? 1 : -1 / (n - 1), 10);
      }
  });

  it('do not depend on the basis of a repeated eigenvalue: on a cycle, entry (i, j) depends only on (j - i) mod n', () => {
    const n = 9;
    const k = 4;
    const sp = spectralProjectors(cycleGraph(n), { k });
    for (let m = 0; m < k; m++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) expect(sp.pairs[(i * n + j) * k + m]).toBeCloseTo(sp.pairs[(0 * n + ((j - i + n) % n)) * k + m], 10);
    // the eigenvalues of the cycle's non-trivial eigenspaces come in pairs
    expect(sp.eigenvalues[0]).toBeCloseTo(sp.eigenvalues[1], 10);
    expect(sp.eigenvalues[2]).toBeCloseTo(sp.eigenvalues[3], 10);
  });

  it('are permutation equivariant (pairs, diagonal) and invariant (eigenvalues)', () => {
    const rng = createRng(8);
    const g = randomGraph(16, 0.25, rng);
    const perm = rng.permutation(16);
    const k = 4;
    const a = spectralProjectors(g, { k });
    const b = spectralProjectors(permute(g, perm), { k });
    for (let t = 0; t < k; t++) expect(b.eigenvalues[t]).toBeCloseTo(a.eigenvalues[t], 10);
    for (let i = 0; i < 16; i++)
      for (let j = 0; j < 16; j++)
        for (let t = 0; t < k; t++) expect(b.pairs[(perm[i] * 16 + perm[j]) * k + t]).toBeCloseTo(a.pairs[(i * 16 + j) * k + t], 8);
  });

  it('clip the scaled entries, and handle graphs without edges, of one node, and with fewer eigenvectors than channels', () => {
    const g = Graph.fromEdgeList(12, [[0, 1]]); // ten isolated nodes
    const sp = spectralProjectors(g, { k: 2, clip: 0.5 });
    expect(Math.max(...sp.pairs)).toBeLessThanOrEqual(0.5);
    expect(Math.min(...sp.pairs)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...sp.pairs)).toBe(0.5);
    const empty = spectralProjectors(Graph.empty(5), { k: 3 });
    expect([...empty.pairs].every((v) => v === 0)).toBe(true);
    expect([...empty.eigenvalues]).toEqual([0, 0, 0]);
    const one = spectralProjectors(Graph.empty(1), { k: 2 });
    expect([...one.pairs, ...one.diagonal]).toEqual([0, 0, 0, 0]);
    expect([...one.eigenvalues]).toEqual([2, 2]);
    // a path of 3 nodes has 2 non-trivial eigenvectors: channel 3 of 3 stays zero, its eigenvalue is 2 (past the end)
    const path = spectralProjectors(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { k: 3 });
    expect(path.eigenvalues[2]).toBe(2);
    expect([0, 1, 2].every((i) => [0, 1, 2].every((j) => path.pairs[(i * 3 + j) * 3 + 2] === 0))).toBe(true);
    // its channel 2 is then the projector onto everything but the trivial vector: degrees 1, 2, 1, τ = 4/3, d_τ = 7/3, 10/3, 7/3, Σ d_τ = 8
    expect(path.pairs[(0 * 3 + 0) * 3 + 1]).toBeCloseTo(1.5 * (1 - 7 / 3 / 8), 12);
    expect(path.pairs[(0 * 3 + 2) * 3 + 1]).toBeCloseTo(1.5 * (0 - 7 / 3 / 8), 12);
  });

  it('reject bad options with typed errors', () => {
    const g = cycleGraph(5);
    expect(() => spectralProjectors(g, { k: 0 })).toThrow(/options.k/);
    expect(() => spectralProjectors(g, { k: 65 })).toThrow(/options.k/);
    expect(() => spectralProjectors(g, { tol: -1 })).toThrow(InputError);
    expect(() => spectralProjectors(g, { clip: Number.NaN })).toThrow(/options.clip/);
    expect(() => spectralProjectors({} as Graph)).toThrow();
  });
});
