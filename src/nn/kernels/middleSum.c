/*
 * Sums over the middle axis of a rank-3 view, on the heap of tfjs's wasm backend (see
 * filmAttention.c for the conventions): dst [P,Q] = sum_a src [P,A,Q]. Large slices with Q a
 * multiple of 4 are read row by row into stack scratch rows; otherwise columns are taken 16 at a
 * time (4 vectors; 4 at a time, then one by one at the edge) down the A rows, which are added in
 * blocks of 64 whose partial sums are then added (rounding error ~ (64 + A/64) ulp instead of
 * A ulp). Replaces tfjs's route through AvgPool, a cast and a product (about 4 kernels).
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef v128_t V;

#define BLOCK 64
/* Widest Q summed row by row (two Q-float scratch rows on the stack). */
#define ROWWISE_Q 2048

/* Q a multiple of 4, at most ROWWISE_Q: rows are read in order (tall column sums, e.g. P = 1,
 * A = 12800, Q = 128, would otherwise walk down 12800 rows once per 16 columns). */
static void rowwise(int A, int Q, const float *s, float *d) {
  float tot[ROWWISE_Q] __attribute__((aligned(16))), part[ROWWISE_Q] __attribute__((aligned(16)));
  for (int q = 0; q < Q; q += 4) wasm_v128_store(tot + q, wasm_f32x4_splat(0.0f));
  for (int a0 = 0; a0 < A; a0 += BLOCK) {
    int a1 = a0 + BLOCK < A ? a0 + BLOCK : A;
    for (int q = 0; q < Q; q += 4) wasm_v128_store(part + q, wasm_v128_load(s + (long)a0 * Q + q));
    for (int a = a0 + 1; a < a1; a++) {
      const float *r = s + (long)a * Q;
      for (int q = 0; q < Q; q += 4) wasm_v128_store(part + q, wasm_f32x4_add(wasm_v128_load(part + q), wasm_v128_load(r + q)));
    }
    for (int q = 0; q < Q; q += 4) wasm_v128_store(tot + q, wasm_f32x4_add(wasm_v128_load(tot + q), wasm_v128_load(part + q)));
  }
  for (int q = 0; q < Q; q += 4) wasm_v128_store(d + q, wasm_v128_load(tot + q));
}

EXPORT(gg_middle_sum)
void gg_middle_sum(int P, int A, int Q, const float *src, float *dst) {
  if (Q % 4 == 0 && Q <= ROWWISE_Q && (long)A * Q >= 16384) {
    for (long p = 0; p < P; p++) rowwise(A, Q, src + p * (long)A * Q, dst + p * (long)Q);
    return;
  }
  for (long p = 0; p < P; p++) {
    const float *s = src + p * (long)A * Q;
    float *d = dst + p * (long)Q;
    int q = 0;
    for (; q + 16 <= Q; q += 16) {
      V t0 = wasm_f32x4_splat(0.0f), t1 = t0, t2 = t0, t3 = t0;
      for (int a0 = 0; a0 < A; a0 += BLOCK) {
        int a1 = a0 + BLOCK < A ? a0 + BLOCK : A;
        V u0 = wasm_f32x4_splat(0.0f), u1 = u0, u2 = u0, u3 = u0;
        for (int a = a0; a < a1; a++) {
          const float *r = s + (long)a * Q + q;
          u0 = wasm_f32x4_add(u0, wasm_v128_load(r));
          u1 = wasm_f32x4_add(u1, wasm_v128_load(r + 4));
          u2 = wasm_f32x4_add(u2, wasm_v128_load(r + 8));
          u3 = wasm_f32x4_add(u3, wasm_v128_load(r + 12));
        }
        t0 = wasm_f32x4_add(t0, u0);
        t1 = wasm_f32x4_add(t1, u1);
        t2 = wasm_f32x4_add(t2, u2);
        t3 = wasm_f32x4_add(t3, u3);
      }
      wasm_v128_store(d + q, t0);
      wasm_v128_store(d + q + 4, t1);
      wasm_v128_store(d + q + 8, t2);
      wasm_v128_store(d + q + 12, t3);
    }
    for (; q + 4 <= Q; q += 4) {
      V t = wasm_f32x4_splat(0.0f);
      for (int a0 = 0; a0 < A; a0 += BLOCK) {
        int a1 = a0 + BLOCK < A ? a0 + BLOCK : A;
        V u = wasm_f32x4_splat(0.0f);
        for (int a = a0; a < a1; a++) u = wasm_f32x4_add(u, wasm_v128_load(s + (long)a * Q + q));
        t = wasm_f32x4_add(t, u);
      }
      wasm_v128_store(d + q, t);
    }
    for (; q < Q; q++) {
      float t = 0.0f;
      for (int a0 = 0; a0 < A; a0 += BLOCK) {
        int a1 = a0 + BLOCK < A ? a0 + BLOCK : A;
        float u = 0.0f;
        for (int a = a0; a < a1; a++) u += s[(long)a * Q + q];
        t += u;
      }
      d[q] = t;
    }
  }
}
