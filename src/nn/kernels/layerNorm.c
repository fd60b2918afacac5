/*
 * Layer normalisation over the last axis, forward and backward, as wasm SIMD kernels on the heap
 * of tfjs's wasm backend (see filmAttention.c for the conventions). The TypeScript twin is the
 * tfjs-ops custom gradient in src/nn/LayerNorm.ts.
 *
 * x, y, xh, dy, dx [R,D] row-major (D a multiple of 4); gamma, beta, dgamma, dbeta [D]; rstd [R].
 * Forward: mu = mean(x), rstd = 1 / sqrt(mean((x - mu)^2) + eps), xh = (x - mu) rstd,
 *   y = xh gamma + beta.
 * Backward: gx = dy gamma, dx = (gx - mean(gx) - xh mean(gx xh)) rstd, dgamma = sum_rows dy xh,
 *   dbeta = sum_rows dy.
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))
#define INLINE static inline __attribute__((always_inline))

typedef v128_t V;

INLINE V ld(const float *p) { return wasm_v128_load(p); }
INLINE void st(float *p, V x) { wasm_v128_store(p, x); }
INLINE V add(V a, V b) { return wasm_f32x4_add(a, b); }
INLINE V sub(V a, V b) { return wasm_f32x4_sub(a, b); }
INLINE V mul(V a, V b) { return wasm_f32x4_mul(a, b); }
INLINE V splat(float x) { return wasm_f32x4_splat(x); }

INLINE float hsum(V x) {
  return (wasm_f32x4_extract_lane(x, 0) + wasm_f32x4_extract_lane(x, 1)) + (wasm_f32x4_extract_lane(x, 2) + wasm_f32x4_extract_lane(x, 3));
}

EXPORT(gg_layer_norm_fwd)
void gg_layer_norm_fwd(int R, int D, const float *x, const float *gamma, const float *beta, float eps, float *y, float *xh, float *rstd) {
  const float invD = 1.0f / (float)D;
  for (long r = 0; r < R; r++) {
    const float *xr = x + r * D;
    float *yr = y + r * D, *hr = xh + r * D;
    V s = splat(0.0f);
    for (int f = 0; f < D; f += 4) s = add(s, ld(xr + f));
    V mu = splat(hsum(s) * invD);
    V ss = splat(0.0f);
    for (int f = 0; f < D; f += 4) {
      V c = sub(ld(xr + f), mu);
      ss = add(ss, mul(c, c));
    }
    float rs = 1.0f / __builtin_sqrtf(hsum(ss) * invD + eps);
    rstd[r] = rs;
    V rv = splat(rs);
    for (int f = 0; f < D; f += 4) {
      V h = mul(sub(ld(xr + f), mu), rv);
      st(hr + f, h);
      st(yr + f, add(mul(h, ld(gamma + f)), ld(beta + f)));
    }
  }
}

EXPORT(gg_layer_norm_bwd)
void gg_layer_norm_bwd(int R, int D, const float *dy, const float *xh, const float *rstd, const float *gamma, float *dx, float *dgamma,
                       float *dbeta) {
  const float invD = 1.0f / (float)D;
  for (int f = 0; f < D; f += 4) {
    st(dgamma + f, splat(0.0f));
    st(dbeta + f, splat(0.0f));
  }
  for (long r = 0; r < R; r++) {
    const float *dr = dy + r * D, *hr = xh + r * D;
    float *xr = dx + r * D;
    V s1 = splat(0.0f), s2 = splat(0.0f);
    for (int f = 0; f < D; f += 4) {
      V d = ld(dr + f), h = ld(hr + f);
      V gx = mul(d, ld(gamma + f));
      s1 = add(s1, gx);
      s2 = add(s2, mul(gx, h));
      st(dgamma + f, add(ld(dgamma + f), mul(d, h)));
      st(dbeta + f, add(ld(dbeta + f), d));
    }
    V m1 = splat(hsum(s1) * invD), m2 = splat(hsum(s2) * invD), rv = splat(rstd[r]);
    for (int f = 0; f < D; f += 4) {
      V gx = mul(ld(dr + f), ld(gamma + f));
      st(xr + f, mul(sub(sub(gx, m1), mul(ld(hr + f), m2)), rv));
    }
  }
}
