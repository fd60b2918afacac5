/*
 * Fused edge-FiLM attention of the DiGress graph transformer, forward and backward, as wasm
 * SIMD kernels that run on the heap of tfjs's wasm backend (this module imports its memory;
 * every pointer below is an offset into it). Built by src/nn/kernels/build.mjs into
 * src/nn/kernels/nnKernelsWasm.ts; the TypeScript twin is filmAttentionReference in
 * src/nn/filmAttention.ts.
 *
 * Shapes (row-major float32): q, k, v, o [B,N,D]; a, c, sy, alpha, da, dc [B,N,N,D] with row
 * strides (in floats) as, cs, das, dcs (D, or 2D when two of them are halves of one tensor);
 * g [B,D]; mask [B,N] (0 for a padded node). D is a multiple of 4.
 *
 * Forward, for each pair (i, j) of a graph b and feature f:
 *   s = (q_i k_j) a_ij + c_ij,  sy = s g,
 *   alpha_ij = softmax over the real keys j of s_ij (0 for padded keys; all 0 in a graph with
 *   no real node),  o_i = sum_j alpha_ij v_j.
 * Backward, given dsy and do (either may be absent: pass 0):
 *   dS = dsy g + alpha do_i (v_j - o_i);  da = dS (q_i k_j);  dc = dS;
 *   dq_i = sum_j dS a k_j;  dk_j = sum_i dS a q_i;  dv_j = sum_i alpha do_i;  dg = sum_ij dsy s.
 *
 * No static data, so the module can share a heap it does not own; the per-row scratch (2 MAX_D
 * floats) lives on a stack that the caller places in a block it allocated on that heap
 * (__stack_pointer is exported). Loops run along contiguous rows of D features: strided walks
 * down the pair axis were 2-3x slower.
 */
#include "simd.h"

/* exp(x) for x <= 0 (Cephes expf: range reduction by ln 2 in two parts, degree-6 polynomial;
 * within 2 ulp of expf); 0 below -87.3 (where expf is subnormal). The rounding to an integer
 * multiple of ln 2 and the scale 2^n come from adding 1.5 * 2^23 + 127 (XNNPACK's trick), and
 * clamps use pseudo-min/max (one instruction each on x86, unlike f32x4.min/max). */
INLINE V vexp(V x) {
  const V lo = splat(-87.33654475f);
  const V magic = splat(12583039.0f); /* 1.5 * 2^23 + 127 */
  V under = wasm_f32x4_lt(x, lo);
  x = wasm_f32x4_pmax(x, lo);
  V t = add(mul(x, splat(1.44269504088896341f)), magic);
  V fx = sub(t, magic);
  V r = sub(x, mul(fx, splat(0.693359375f)));
  r = sub(r, mul(fx, splat(-2.12194440e-4f)));
  V y = splat(1.9875691500e-4f);
  y = add(mul(y, r), splat(1.3981999507e-3f));
  y = add(mul(y, r), splat(8.3334519073e-3f));
  y = add(mul(y, r), splat(4.1665795894e-2f));
  y = add(mul(y, r), splat(1.6666665459e-1f));
  y = add(mul(y, r), splat(5.0000001201e-1f));
  y = add(add(mul(mul(y, r), r), r), splat(1.0f));
  return wasm_v128_andnot(mul(y, wasm_i32x4_shl(t, 23)), under);
}

/* The largest feature width D the kernels accept (their per-row scratch lives on the stack). */
#define MAX_D 2048

INLINE void zero(float *p, long n) {
  for (long t = 0; t < n; t += 4) st(p + t, splat(0.0f));
}

EXPORT(gg_film_attn_fwd)
void gg_film_attn_fwd(int B, int N, int D, const float *q, const float *k, const float *v, const float *a, int as, const float *c,
                      int cs, const float *g, const float *mask, float *sy, float *al, float *o) {
  float mx[MAX_D] __attribute__((aligned(16))), sm[MAX_D] __attribute__((aligned(16)));
  for (int b = 0; b < B; b++) {
    const float *kb = k + (long)b * N * D, *vb = v + (long)b * N * D, *gb = g + (long)b * D, *mb = mask + (long)b * N;
    for (int i = 0; i < N; i++) {
      long bi = (long)b * N + i;
      const float *qi = q + bi * D;
      float *oi = o + bi * D;
      long row0 = bi * N;
      int any = 0;
      for (int f = 0; f < D; f += 4) st(mx + f, splat(-__builtin_inff()));
      for (int j = 0; j < N; j++) {
        long r = row0 + j;
        const float *ar = a + r * as, *cr = c + r * cs, *kj = kb + (long)j * D;
        float *syr = sy + r * D, *alr = al + r * D;
        int on = mb[j] != 0.0f;
        any |= on;
        if (on) {
          for (int f = 0; f < D; f += 4) {
            V s = add(mul(mul(ld(qi + f), ld(kj + f)), ld(ar + f)), ld(cr + f));
            st(syr + f, mul(s, ld(gb + f)));
            st(alr + f, s);
            st(mx + f, wasm_f32x4_pmax(ld(mx + f), s));
          }
        } else {
          for (int f = 0; f < D; f += 4) {
            V s = add(mul(mul(ld(qi + f), ld(kj + f)), ld(ar + f)), ld(cr + f));
            st(syr + f, mul(s, ld(gb + f)));
          }
        }
      }
      zero(sm, D);
      zero(oi, D);
      for (int j = 0; j < N; j++) {
        float *alr = al + (row0 + j) * D;
        if (mb[j] == 0.0f) {
          zero(alr, D);
          continue;
        }
        const float *vj = vb + (long)j * D;
        for (int f = 0; f < D; f += 4) {
          V ex = vexp(sub(ld(alr + f), ld(mx + f)));
          st(alr + f, ex);
          st(sm + f, add(ld(sm + f), ex));
          st(oi + f, add(ld(oi + f), mul(ex, ld(vj + f))));
        }
      }
      if (!any) continue;
      for (int f = 0; f < D; f += 4) {
        V inv = wasm_f32x4_div(splat(1.0f), ld(sm + f));
        st(sm + f, inv);
        st(oi + f, mul(ld(oi + f), inv));
      }
      for (int j = 0; j < N; j++) {
        if (mb[j] == 0.0f) continue;
        float *alr = al + (row0 + j) * D;
        for (int f = 0; f < D; f += 4) st(alr + f, mul(ld(alr + f), ld(sm + f)));
      }
    }
  }
}

EXPORT(gg_film_attn_bwd)
void gg_film_attn_bwd(int B, int N, int D, const float *q, const float *k, const float *v, const float *a, int as, const float *c,
                      int cs, const float *g, const float *al, const float *o, const float *dsy, const float *dout, float *da,
                      int das, float *dc, int dcs, float *dq, float *dk, float *dv, float *dg) {
  zero(dk, (long)B * N * D);
  zero(dv, (long)B * N * D);
  zero(dg, (long)B * D);
  zero(dq, (long)B * N * D);
  for (int b = 0; b < B; b++) {
    const float *kb = k + (long)b * N * D, *vb = v + (long)b * N * D, *gb = g + (long)b * D;
    float *dkb = dk + (long)b * N * D, *dvb = dv + (long)b * N * D, *dgb = dg + (long)b * D;
    for (int i = 0; i < N; i++) {
      long bi = (long)b * N + i;
      const float *qi = q + bi * D, *oi = o + bi * D, *doi = dout ? dout + bi * D : 0;
      float *dqi = dq + bi * D;
      for (int j = 0; j < N; j++) {
        long r = bi * N + j;
        const float *ar = a + r * as, *cr = c + r * cs, *kj = kb + (long)j * D, *vj = vb + (long)j * D, *alr = al + r * D;
        const float *dsyr = dsy ? dsy + r * D : 0;
        float *dar = da + r * das, *dcr = dc + r * dcs, *dkj = dkb + (long)j * D, *dvj = dvb + (long)j * D;
        for (int f = 0; f < D; f += 4) {
          V qv = ld(qi + f), kv = ld(kj + f);
          V qk = mul(qv, kv);
          V av = ld(ar + f);
          V dS = splat(0.0f);
          if (dsyr) {
            V d = ld(dsyr + f);
            V s = add(mul(qk, av), ld(cr + f));
            st(dgb + f, add(ld(dgb + f), mul(d, s)));
            dS = mul(d, ld(gb + f));
          }
          if (doi) {
            V w = mul(ld(alr + f), ld(doi + f));
            dS = add(dS, mul(w, sub(ld(vj + f), ld(oi + f))));
            st(dvj + f, add(ld(dvj + f), w));
          }
          st(dar + f, mul(dS, qk));
          st(dcr + f, dS);
          V dqk = mul(dS, av);
          st(dqi + f, add(ld(dqi + f), mul(dqk, kv)));
          st(dkj + f, add(ld(dkj + f), mul(dqk, qv)));
        }
      }
    }
  }
}
