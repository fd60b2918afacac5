/*
 * Layer normalisation over the last axis, forward and backward, as wasm SIMD kernels on the heap
 * of tfjs's wasm backend (see filmAttention.c for the conventions). The TypeScript twin is the
 * tfjs-ops custom gradient in src/nn/LayerNorm.ts.
 *
 * x, h, y, dy, dx [R,D] row-major (D a multiple of 4); gamma, beta, dgamma, dbeta [D]; m, dm [R].
 * h (a residual branch added to x) and m (a row mask multiplying the output) are optional
 * (pointer 0).
 * Forward: u = x + h, mu = mean(u), rstd = 1 / sqrt(mean((u - mu)^2) + eps), xh = (u - mu) rstd,
 *   y = (xh gamma + beta) m.
 * Backward (from the forward's inputs: the statistics are recomputed row by row, in the forward's
 *   order of operations, so they are bitwise those of the forward, and nothing but the gradients
 *   is written): d = dy m, gx = d gamma, dx = (gx - mean(gx) - xh mean(gx xh)) rstd (also the
 *   gradient of h), dgamma = sum_rows d xh, dbeta = sum_rows d, dm = sum_cols dy (xh gamma + beta).
 */
#include "simd.h"

INLINE float hsum(V x) {
  return (wasm_f32x4_extract_lane(x, 0) + wasm_f32x4_extract_lane(x, 1)) + (wasm_f32x4_extract_lane(x, 2) + wasm_f32x4_extract_lane(x, 3));
}

/* Row r's statistics: writes c = u - mu into cr and returns rstd. */
INLINE float centre(int D, float invD, const float *xr, const float *hr, float eps, float *cr) {
  V s = splat(0.0f);
  for (int f = 0; f < D; f += 4) {
    V u = hr ? add(ld(xr + f), ld(hr + f)) : ld(xr + f);
    st(cr + f, u);
    s = add(s, u);
  }
  V mu = splat(hsum(s) * invD);
  V ss = splat(0.0f);
  for (int f = 0; f < D; f += 4) {
    V c = sub(ld(cr + f), mu);
    st(cr + f, c);
    ss = add(ss, mul(c, c));
  }
  return 1.0f / __builtin_sqrtf(hsum(ss) * invD + eps);
}

EXPORT(gg_layer_norm_fwd)
void gg_layer_norm_fwd(int R, int D, const float *x, const float *h, const float *m, const float *gamma, const float *beta, float eps,
                       float *y) {
  const float invD = 1.0f / (float)D;
  for (long r = 0; r < R; r++) {
    float *yr = y + r * D;
    V rv = splat(centre(D, invD, x + r * D, h ? h + r * D : 0, eps, yr));
    for (int f = 0; f < D; f += 4) {
      V n = mul(ld(yr + f), rv);
      V o = add(mul(n, ld(gamma + f)), ld(beta + f));
      st(yr + f, m ? mul(o, splat(m[r])) : o);
    }
  }
}

EXPORT(gg_layer_norm_bwd)
void gg_layer_norm_bwd(int R, int D, const float *dy, const float *x, const float *h, const float *m, const float *gamma,
                       const float *beta, float eps, float *dx, float *dgamma, float *dbeta, float *dm) {
  const float invD = 1.0f / (float)D;
  for (int f = 0; f < D; f += 4) {
    st(dgamma + f, splat(0.0f));
    st(dbeta + f, splat(0.0f));
  }
  for (long r = 0; r < R; r++) {
    const float *dr = dy + r * D;
    float *xr = dx + r * D; /* holds u - mu until the last loop overwrites it with the gradient */
    V rv = splat(centre(D, invD, x + r * D, h ? h + r * D : 0, eps, xr));
    V mr = splat(m ? m[r] : 1.0f);
    V s1 = splat(0.0f), s2 = splat(0.0f), s3 = splat(0.0f);
    for (int f = 0; f < D; f += 4) {
      V d0 = ld(dr + f), xh = mul(ld(xr + f), rv);
      V d = mul(d0, mr);
      V gx = mul(d, ld(gamma + f));
      s1 = add(s1, gx);
      s2 = add(s2, mul(gx, xh));
      if (m) s3 = add(s3, mul(d0, add(mul(xh, ld(gamma + f)), ld(beta + f))));
      st(dgamma + f, add(ld(dgamma + f), mul(d, xh)));
      st(dbeta + f, add(ld(dbeta + f), d));
    }
    if (m) dm[r] = hsum(s3);
    V m1 = splat(hsum(s1) * invD), m2 = splat(hsum(s2) * invD);
    for (int f = 0; f < D; f += 4) {
      V gx = mul(mul(ld(dr + f), mr), ld(gamma + f));
      st(xr + f, mul(sub(sub(gx, m1), mul(mul(ld(xr + f), rv), m2)), rv));
    }
  }
}
