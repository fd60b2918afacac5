/*
 * Layer normalisation over the last axis, forward and backward, as wasm SIMD kernels on the heap
 * of tfjs's wasm backend (see filmAttention.c for the conventions). The TypeScript twin is the
 * tfjs-ops custom gradient in src/nn/LayerNorm.ts.
 *
 * x, h, y, xh, dy, dx [R,D] row-major (D a multiple of 4); gamma, beta, dgamma, dbeta [D];
 * rstd, m, dm [R]. h (a residual branch added to x) and m (a row mask multiplying the output) are
 * optional (pointer 0).
 * Forward: u = x + h, mu = mean(u), rstd = 1 / sqrt(mean((u - mu)^2) + eps), xh = (u - mu) rstd,
 *   y = (xh gamma + beta) m.
 * Backward: d = dy m, gx = d gamma, dx = (gx - mean(gx) - xh mean(gx xh)) rstd (also the gradient
 *   of h), dgamma = sum_rows d xh, dbeta = sum_rows d, dm = sum_cols dy (xh gamma + beta).
 */
#include "simd.h"

INLINE float hsum(V x) {
  return (wasm_f32x4_extract_lane(x, 0) + wasm_f32x4_extract_lane(x, 1)) + (wasm_f32x4_extract_lane(x, 2) + wasm_f32x4_extract_lane(x, 3));
}

EXPORT(gg_layer_norm_fwd)
void gg_layer_norm_fwd(int R, int D, const float *x, const float *h, const float *m, const float *gamma, const float *beta, float eps,
                       float *y, float *xh, float *rstd) {
  const float invD = 1.0f / (float)D;
  for (long r = 0; r < R; r++) {
    const float *xr = x + r * D, *hr = h ? h + r * D : 0;
    float *yr = y + r * D, *ur = xh + r * D;
    V s = splat(0.0f);
    for (int f = 0; f < D; f += 4) {
      V u = hr ? add(ld(xr + f), ld(hr + f)) : ld(xr + f);
      st(ur + f, u);
      s = add(s, u);
    }
    V mu = splat(hsum(s) * invD);
    V ss = splat(0.0f);
    for (int f = 0; f < D; f += 4) {
      V c = sub(ld(ur + f), mu);
      ss = add(ss, mul(c, c));
    }
    float rs = 1.0f / __builtin_sqrtf(hsum(ss) * invD + eps);
    rstd[r] = rs;
    V rv = splat(rs);
    for (int f = 0; f < D; f += 4) {
      V n = mul(sub(ld(ur + f), mu), rv);
      st(ur + f, n);
      V o = add(mul(n, ld(gamma + f)), ld(beta + f));
      st(yr + f, m ? mul(o, splat(m[r])) : o);
    }
  }
}

EXPORT(gg_layer_norm_bwd)
void gg_layer_norm_bwd(int R, int D, const float *dy, const float *xh, const float *rstd, const float *gamma, const float *beta,
                       const float *m, float *dx, float *dgamma, float *dbeta, float *dm) {
  const float invD = 1.0f / (float)D;
  for (int f = 0; f < D; f += 4) {
    st(dgamma + f, splat(0.0f));
    st(dbeta + f, splat(0.0f));
  }
  for (long r = 0; r < R; r++) {
    const float *dr = dy + r * D, *hr = xh + r * D;
    float *xr = dx + r * D;
    V mr = splat(m ? m[r] : 1.0f);
    V s1 = splat(0.0f), s2 = splat(0.0f), s3 = splat(0.0f);
    for (int f = 0; f < D; f += 4) {
      V d0 = ld(dr + f), h = ld(hr + f);
      V d = mul(d0, mr);
      V gx = mul(d, ld(gamma + f));
      s1 = add(s1, gx);
      s2 = add(s2, mul(gx, h));
      if (m) s3 = add(s3, mul(d0, add(mul(h, ld(gamma + f)), ld(beta + f))));
      st(dgamma + f, add(ld(dgamma + f), mul(d, h)));
      st(dbeta + f, add(ld(dbeta + f), d));
    }
    if (m) dm[r] = hsum(s3);
    V m1 = splat(hsum(s1) * invD), m2 = splat(hsum(s2) * invD), rv = splat(rstd[r]);
    for (int f = 0; f < D; f += 4) {
      V gx = mul(mul(ld(dr + f), mr), ld(gamma + f));
      st(xr + f, mul(sub(sub(gx, m1), mul(ld(hr + f), m2)), rv));
    }
  }
}
