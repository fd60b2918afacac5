/*
 * Masked set statistics [mean, min, max, std] and their gradient, on the heap of tfjs's wasm
 * backend (see filmAttention.c for the conventions). The TypeScript twin is the tfjs-ops custom
 * gradient in src/layers/pooledStats.ts; every element-wise step below is the same float32
 * operation in the same order, so extrema and their ties are the same.
 *
 * v, dv [B,A,Q] (A set members, Q features, Q a multiple of 4); w [B,A] (0/1); cnt [B];
 * out, dout [B,4Q] = [mean, min, max, std].
 * Forward: off = (w - 1) 1e9, mean = sum w v / cnt, max = max (v + off), min = -max (off - v),
 *   dev = (v - mean) w, std = sqrt(sum dev^2 / cnt + 1e-6).
 * Backward: dv = w (dmean / cnt) + dev (dstd / (std cnt)) + dmax [v + off >= max]
 *   + dmin [off - v >= -min].
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef v128_t V;

#define ADD wasm_f32x4_add
#define SUB wasm_f32x4_sub
#define MUL wasm_f32x4_mul
#define DIV wasm_f32x4_div
#define SPLAT wasm_f32x4_splat
#define LD wasm_v128_load
#define ST wasm_v128_store

EXPORT(gg_pooled_stats_fwd)
void gg_pooled_stats_fwd(int B, int A, int Q, const float *v, const float *w, const float *cnt, float *out) {
  for (long b = 0; b < B; b++) {
    const float *vb = v + b * (long)A * Q, *wb = w + b * (long)A;
    float *ob = out + b * 4L * Q;
    V c = SPLAT(cnt[b]);
    for (int q = 0; q < Q; q += 4) {
      V s = SPLAT(0.0f), mx = SPLAT(-__builtin_inff()), mx2 = mx;
      for (int a = 0; a < A; a++) {
        V x = LD(vb + (long)a * Q + q), wa = SPLAT(wb[a]);
        V off = MUL(SUB(wa, SPLAT(1.0f)), SPLAT(1e9f));
        s = ADD(s, MUL(x, wa));
        mx = wasm_f32x4_pmax(mx, ADD(x, off));
        mx2 = wasm_f32x4_pmax(mx2, SUB(off, x));
      }
      V mean = DIV(s, c);
      V ss = SPLAT(0.0f);
      for (int a = 0; a < A; a++) {
        V dev = MUL(SUB(LD(vb + (long)a * Q + q), mean), SPLAT(wb[a]));
        ss = ADD(ss, MUL(dev, dev));
      }
      ST(ob + q, mean);
      ST(ob + Q + q, wasm_f32x4_neg(mx2));
      ST(ob + 2 * Q + q, mx);
      ST(ob + 3 * Q + q, wasm_f32x4_sqrt(ADD(DIV(ss, c), SPLAT(1e-6f))));
    }
  }
}

EXPORT(gg_pooled_stats_bwd)
void gg_pooled_stats_bwd(int B, int A, int Q, const float *v, const float *w, const float *cnt, const float *out, const float *dout,
                         float *dv) {
  for (long b = 0; b < B; b++) {
    const float *vb = v + b * (long)A * Q, *wb = w + b * (long)A, *ob = out + b * 4L * Q, *db = dout + b * 4L * Q;
    float *gb = dv + b * (long)A * Q;
    V c = SPLAT(cnt[b]);
    for (int q = 0; q < Q; q += 4) {
      V mean = LD(ob + q), mn = LD(ob + Q + q), mx = LD(ob + 2 * Q + q), sd = LD(ob + 3 * Q + q);
      V mx2 = wasm_f32x4_neg(mn);
      V ka = DIV(LD(db + q), c), kc = DIV(LD(db + 3 * Q + q), MUL(sd, c));
      V dmin = LD(db + Q + q), dmax = LD(db + 2 * Q + q);
      for (int a = 0; a < A; a++) {
        V x = LD(vb + (long)a * Q + q), wa = SPLAT(wb[a]);
        V off = MUL(SUB(wa, SPLAT(1.0f)), SPLAT(1e9f));
        V dev = MUL(SUB(x, mean), wa);
        V g = ADD(MUL(wa, ka), MUL(dev, kc));
        g = ADD(g, wasm_v128_and(dmax, wasm_f32x4_ge(ADD(x, off), mx)));
        g = ADD(g, wasm_v128_and(dmin, wasm_f32x4_ge(SUB(off, x), mx2)));
        ST(gb + (long)a * Q + q, g);
      }
    }
  }
}
