import { describe, expect, it } from 'vitest';
import { InputError, ShapeError, createRng, symmetricEigen, symmetricEigenLowest } from '../../src/core/index.js';

/** Random symmetric matrix with entries in (-0.5, 0.5). */
function randomSymmetric(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      const v = rng.uniform() - 0.5;
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  return a;
}

/** Adjacency of `count` disjoint cliques of `size` nodes: eigenvalues size-1 and -1, both repeated. */
function cliques(count: number, size: number): Float64Array {
  const n = count * size;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && Math.floor(i / size) === Math.floor(j / size)) a[i * n + j] = 1;
  return a;
}

/** max |A u_t − λ_t u_t| and max |UUᵀ − I| over the rows of U. */
function residualAndOrthogonality(a: Float64Array, n: number, values: Float64Array, U: Float64Array, m: number): [number, number] {
  let res = 0;
  let orth = 0;
  for (let t = 0; t < m; t++) {
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let j = 0; j < n; j++) x += a[i * n + j] * U[t * n + j];
      res = Math.max(res, Math.abs(x - values[t] * U[t * n + i]));
    }
    for (let q = 0; q < m; q++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += U[t * n + i] * U[q * n + i];
      orth = Math.max(orth, Math.abs(dot - (t === q ? 1 : 0)));
    }
  }
  return [res, orth];
}

/** max entry difference of the projectors onto the rows 0 … m of U and of W. */
function projectorDifference(U: Float64Array, W: Float64Array, n: number, m: number): number {
  let diff = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let p = 0;
      let q = 0;
      for (let t = 0; t < m; t++) {
        p += U[t * n + i] * U[t * n + j];
        q += W[t * n + i] * W[t * n + j];
      }
      diff = Math.max(diff, Math.abs(p - q));
    }
  return diff;
}

describe('symmetricEigenLowest', () => {
  it('gives the eigenvalues of symmetricEigen bitwise, and eigenvectors of the lowest with the same projectors', () => {
    for (const [n, seed] of [
      [7, 1],
      [40, 2],
      [150, 3],
    ] as const) {
      const a = randomSymmetric(n, seed);
      const full = symmetricEigen(a, n, true);
      const low = symmetricEigenLowest(a, n);
      expect(Array.from(low.values)).toEqual(Array.from(full.values));
      const m = Math.max(1, Math.floor(n / 5)); // the inverse-iteration path (m < n / 4)
      const U = low.lowestVectors(m);
      const [res, orth] = residualAndOrthogonality(a, n, low.values, U, m);
      expect(res).toBeLessThan(1e-12);
      expect(orth).toBeLessThan(1e-12);
      // random spectra are simple: the projector onto the m lowest is unique
      expect(projectorDifference(U, full.vectors!, n, m)).toBeLessThan(1e-12);
    }
  });

  it('gives an orthonormal basis of a repeated eigenvalue (disjoint cliques, a split tridiagonal form)', () => {
    // 12 cliques of 5: eigenvalue -1 with multiplicity 48, then 4 with multiplicity 12
    const n = 60;
    const a = cliques(12, 5);
    const low = symmetricEigenLowest(a, n);
    expect(low.values[0]).toBeCloseTo(-1, 12);
    expect(low.values[47]).toBeCloseTo(-1, 12);
    const m = 14; // inside the eigenspace of -1
    const U = low.lowestVectors(m);
    const [res, orth] = residualAndOrthogonality(a, n, low.values, U, m);
    expect(res).toBeLessThan(1e-12);
    expect(orth).toBeLessThan(1e-12);
    // every vector lies in the eigenspace of -1: each clique's entries sum to zero
    for (let t = 0; t < m; t++)
      for (let c = 0; c < 12; c++) {
        let s = 0;
        for (let i = 0; i < 5; i++) s += U[t * n + c * 5 + i];
        expect(Math.abs(s)).toBeLessThan(1e-12);
      }
    // a diagonal matrix (already tridiagonal, off-diagonal all zero) with a repeated lowest value
    const dn = 20;
    const diag = new Float64Array(dn * dn);
    for (let i = 0; i < dn; i++) diag[i * dn + i] = i < 3 ? 0.5 : 1 + i;
    const dl = symmetricEigenLowest(diag, dn);
    const V = dl.lowestVectors(3);
    const [dres, dorth] = residualAndOrthogonality(diag, dn, dl.values, V, 3);
    expect(dres).toBeLessThan(1e-14);
    expect(dorth).toBeLessThan(1e-14);
    for (let t = 0; t < 3; t++) for (let i = 3; i < dn; i++) expect(Math.abs(V[t * dn + i])).toBeLessThan(1e-30);
  });

  it('projects onto the same eigenspaces as symmetricEigen when m ends an eigenspace (cycle: pairs of equal eigenvalues)', () => {
    const n = 90;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + ((i + 1) % n)] = -1;
      a[((i + 1) % n) * n + i] = -1;
    }
    const full = symmetricEigen(a, n, true);
    const low = symmetricEigenLowest(a, n);
    // eigenvalues -2cos(2πj/n): one for j = 0, then pairs
    for (const m of [1, 3, 5, 11]) expect(projectorDifference(low.lowestVectors(m), full.vectors!, n, m)).toBeLessThan(1e-11);
  });

  it('uses the full accumulation from m >= n / 4, handles n = 0 and 1, and rejects a bad m or shape', () => {
    const n = 12;
    const a = randomSymmetric(n, 9);
    const full = symmetricEigen(a, n, true);
    const low = symmetricEigenLowest(a, n);
    expect(Array.from(low.lowestVectors(n))).toEqual(Array.from(full.vectors!));
    expect(low.lowestVectors(0)).toHaveLength(0);
    expect(symmetricEigenLowest([], 0).values).toHaveLength(0);
    const one = symmetricEigenLowest([3], 1);
    expect(Array.from(one.values)).toEqual([3]);
    expect(Math.abs(one.lowestVectors(1)[0])).toBe(1);
    expect(() => low.lowestVectors(13)).toThrow(InputError);
    expect(() => low.lowestVectors(1.5)).toThrow(/lowestVectors\(m\): expected an integer in \[0, 12\]/);
    expect(() => symmetricEigenLowest([1, 2, 3], 2)).toThrow(ShapeError);
  });

  it('matches the documented example (path of 3 nodes plus 2I)', () => {
    const eig = symmetricEigenLowest([2, 1, 0, 1, 2, 1, 0, 1, 2], 3);
    expect(eig.values[0]).toBeCloseTo(2 - Math.SQRT2, 14);
    expect(eig.values[1]).toBeCloseTo(2, 14);
    expect(eig.values[2]).toBeCloseTo(2 + Math.SQRT2, 14);
    const u = Array.from(eig.lowestVectors(1)).map((x) => x * Math.sign(eig.lowestVectors(1)[0]));
    expect(u[0]).toBeCloseTo(0.5, 14);
    expect(u[1]).toBeCloseTo(-Math.SQRT1_2, 14);
    expect(u[2]).toBeCloseTo(0.5, 14);
  });
});
