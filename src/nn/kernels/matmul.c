/*
 * Dense matrix products on the heap of tfjs's wasm backend (see filmAttention.c for the
 * conventions), row-major float32, for the `dense` op of graphgen/nn:
 *
 *   gg_matmul     C [M,N] = A [M,K] B [K,N] (+ bias [N])
 *   gg_matmul_tn  C [K,N] = A [M,K]ᵀ B [M,N]       (weight gradients, no transpose of A)
 *   gg_matmul_batched  C [b,M,N] = A [b,M,K] B [b,K,N] (tfjs's BatchMatMul without transposes)
 *
 * gg_matmul and gg_matmul_batched take any N: the columns past the last multiple of 4 are summed
 * one output at a time (gg_matmul_tn needs N a multiple of 4; callers check). The register tile
 * is 4 rows x 8 columns (8 accumulators, two B vectors and one broadcast A value: 11 of the 16
 * SIMD registers V8 has on x64), with 4-column and 1-row tails. Each output is the sum over k in
 * increasing order of float32 products (no FMA: wasm SIMD128 has none), starting from the bias
 * (or 0). Measured on the 2-core CI machine: ~13-15 GMAC/s against 6-9 for tfjs's MatMul
 * kernels on the pair-tensor shapes of the graph transformer (12800 x 32 x 128 and the like).
 */
#include "simd.h"

/* Rows [m, m+4) x columns [n, n+8) of C = A B + init, A row stride lda, B row stride N. */
INLINE void tile4x8(int K, int N, const float *a, int lda, const float *b, V i0, V i1, float *c, int ldc) {
  const float *a0 = a, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
  V c00 = i0, c01 = i1, c10 = i0, c11 = i1, c20 = i0, c21 = i1, c30 = i0, c31 = i1;
  for (int k = 0; k < K; k++, b += N) {
    V b0 = ld(b), b1 = ld(b + 4);
    V x = splat(a0[k]);
    c00 = add(c00, mul(x, b0));
    c01 = add(c01, mul(x, b1));
    x = splat(a1[k]);
    c10 = add(c10, mul(x, b0));
    c11 = add(c11, mul(x, b1));
    x = splat(a2[k]);
    c20 = add(c20, mul(x, b0));
    c21 = add(c21, mul(x, b1));
    x = splat(a3[k]);
    c30 = add(c30, mul(x, b0));
    c31 = add(c31, mul(x, b1));
  }
  st(c, c00);
  st(c + 4, c01);
  c += ldc;
  st(c, c10);
  st(c + 4, c11);
  c += ldc;
  st(c, c20);
  st(c + 4, c21);
  c += ldc;
  st(c, c30);
  st(c + 4, c31);
}

/* Rows [m, m+4) x columns [n, n+4). */
INLINE void tile4x4(int K, int N, const float *a, int lda, const float *b, V i0, float *c, int ldc) {
  const float *a0 = a, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
  V c0 = i0, c1 = i0, c2 = i0, c3 = i0;
  for (int k = 0; k < K; k++, b += N) {
    V b0 = ld(b);
    c0 = add(c0, mul(splat(a0[k]), b0));
    c1 = add(c1, mul(splat(a1[k]), b0));
    c2 = add(c2, mul(splat(a2[k]), b0));
    c3 = add(c3, mul(splat(a3[k]), b0));
  }
  st(c, c0);
  st(c + ldc, c1);
  st(c + 2 * ldc, c2);
  st(c + 3 * ldc, c3);
}

/* One row x columns [n, n+4). */
INLINE void tile1x4(int K, int N, const float *a, const float *b, V i0, float *c) {
  V c0 = i0;
  for (int k = 0; k < K; k++, b += N) c0 = add(c0, mul(splat(a[k]), ld(b)));
  st(c, c0);
}

INLINE V biasAt(const float *bias, int n) { return bias ? ld(bias + n) : splat(0.0f); }

/* Columns [n0, N) of every row, one output at a time (the 1-3 columns past the last multiple of 4),
 * summed in the same order (k increasing, from the bias or 0) as the SIMD tiles. */
INLINE void tailColumns(int M, int K, int N, int n0, const float *A, const float *B, const float *bias, float *C) {
  for (int m = 0; m < M; m++) {
    const float *a = A + (long)m * K;
    for (int n = n0; n < N; n++) {
      float s = bias ? bias[n] : 0.0f;
      for (int k = 0; k < K; k++) s += a[k] * B[(long)k * N + n];
      C[(long)m * N + n] = s;
    }
  }
}

EXPORT(gg_matmul)
void gg_matmul(int M, int K, int N, const float *A, const float *B, const float *bias, float *C) {
  int N4 = N & ~3;
  int m = 0;
  for (; m + 4 <= M; m += 4) {
    const float *a = A + (long)m * K;
    float *c = C + (long)m * N;
    int n = 0;
    for (; n + 8 <= N4; n += 8) tile4x8(K, N, a, K, B + n, biasAt(bias, n), biasAt(bias, n + 4), c + n, N);
    for (; n < N4; n += 4) tile4x4(K, N, a, K, B + n, biasAt(bias, n), c + n, N);
  }
  for (; m < M; m++)
    for (int n = 0; n < N4; n += 4) tile1x4(K, N, A + (long)m * K, B + n, biasAt(bias, n), C + (long)m * N + n);
  if (N4 < N) tailColumns(M, K, N, N4, A, B, bias, C);
}

/* Rows of A (= the contraction) taken per pass of gg_matmul_tn: a block of A and B stays in cache. */
#define TN_BLOCK 128

/* C [K,N] += A [rows,K]ᵀ B [rows,N] over one block of rows, 4 x 8 output tiles. */
INLINE void tnTile4x8(int rows, int K, int N, const float *a, const float *b, float *c) {
  V c00 = ld(c), c01 = ld(c + 4), c10 = ld(c + N), c11 = ld(c + N + 4);
  V c20 = ld(c + 2 * N), c21 = ld(c + 2 * N + 4), c30 = ld(c + 3 * N), c31 = ld(c + 3 * N + 4);
  for (int r = 0; r < rows; r++, a += K, b += N) {
    V b0 = ld(b), b1 = ld(b + 4);
    V x = splat(a[0]);
    c00 = add(c00, mul(x, b0));
    c01 = add(c01, mul(x, b1));
    x = splat(a[1]);
    c10 = add(c10, mul(x, b0));
    c11 = add(c11, mul(x, b1));
    x = splat(a[2]);
    c20 = add(c20, mul(x, b0));
    c21 = add(c21, mul(x, b1));
    x = splat(a[3]);
    c30 = add(c30, mul(x, b0));
    c31 = add(c31, mul(x, b1));
  }
  st(c, c00);
  st(c + 4, c01);
  st(c + N, c10);
  st(c + N + 4, c11);
  st(c + 2 * N, c20);
  st(c + 2 * N + 4, c21);
  st(c + 3 * N, c30);
  st(c + 3 * N + 4, c31);
}

/* C [K,N] += A [rows,K]ᵀ B [rows,N] for one output row k and columns [n, n+4). */
INLINE void tnTile1x4(int rows, int K, int N, const float *a, const float *b, float *c) {
  V c0 = ld(c);
  for (int r = 0; r < rows; r++, a += K, b += N) c0 = add(c0, mul(splat(a[0]), ld(b)));
  st(c, c0);
}

EXPORT(gg_matmul_tn)
void gg_matmul_tn(int M, int K, int N, const float *A, const float *B, float *C) {
  for (long i = 0; i < (long)K * N; i += 4) st(C + i, splat(0.0f));
  for (int r0 = 0; r0 < M; r0 += TN_BLOCK) {
    int rows = r0 + TN_BLOCK < M ? TN_BLOCK : M - r0;
    const float *a = A + (long)r0 * K, *b = B + (long)r0 * N;
    int k = 0;
    for (; k + 4 <= K; k += 4) {
      int n = 0;
      for (; n + 8 <= N; n += 8) tnTile4x8(rows, K, N, a + k, b + n, C + (long)k * N + n);
      for (; n < N; n += 4)
        for (int kk = k; kk < k + 4; kk++) tnTile1x4(rows, K, N, a + kk, b + n, C + (long)kk * N + n);
    }
    for (; k < K; k++)
      for (int n = 0; n < N; n += 4) tnTile1x4(rows, K, N, a + k, b + n, C + (long)k * N + n);
  }
}

/* C [b,M,N] = A [b,M,K] B [b,K,N] for b < batch (tfjs's BatchMatMul without transposes). */
EXPORT(gg_matmul_batched)
void gg_matmul_batched(int batch, int M, int K, int N, const float *A, const float *B, float *C) {
  for (int i = 0; i < batch; i++) gg_matmul(M, K, N, A + (long)i * M * K, B + (long)i * K * N, 0, C + (long)i * M * N);
}
