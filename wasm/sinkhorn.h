/*
 * graphgen Sinkhorn kernels: log-domain and Sinkhorn-Knopp (scaling) iterations on a dense
 * row-major cost matrix, float64. Compiled to WebAssembly (wasm/build.mjs, SIMD128) and natively
 * (wasm/test_sinkhorn.c, bench) from the same source.
 *
 * Memory is owned by the caller; every pointer is to caller-allocated float64 arrays.
 */
#ifndef GRAPHGEN_SINKHORN_H
#define GRAPHGEN_SINKHORN_H

/* Status codes, mapped to SinkhornStatus in src/ot/backend/status.ts. */
#define GG_STATUS_CONVERGED 0
#define GG_STATUS_MAX_ITER 1
#define GG_STATUS_NUMERICAL_ERROR 2

/* Fallback thresholds of the shifted log-sum-exp (see sinkhorn.c). Mirrored in the TS twin. */
#define GG_LSE_LOW 1e-280
#define GG_LSE_HIGH 1e280

/*
 * Log-domain Sinkhorn.
 *   K        in: cost matrix M (n*m, row-major); overwritten with -M/reg.
 *   a, b     histograms (n, m), entries >= 0.
 *   u, v     in/out scaled potentials f/reg and g/reg (n, m). Entries of zero-mass rows/columns
 *            are set to -infinity.
 *   work     scratch of 2n + 3m doubles.
 *   out      out[0] = completed iterations, out[1] = L1 error of the row marginal of the returned
 *            state (column marginals are exact up to rounding).
 * Returns a GG_STATUS_* code.
 */
int gg_sinkhorn_log(int n, int m, double *K, double reg, const double *a, const double *b,
                    double *u, double *v, double *work, int max_iter, double tol,
                    int check_every, double *out);

/* Plan of the log-domain solver, in place: K (holding -M/reg) becomes P = exp(u_i + v_j + K_ij). */
void gg_sinkhorn_log_plan(int n, int m, double *K, const double *u, const double *v);

/*
 * Sinkhorn-Knopp (Cuturi 2013) in the scaling domain. Each iteration is one fused sweep over K
 * (rows two at a time: K v, u update, and K^T u accumulated while the rows are in cache), with the
 * arithmetic of the unfused sequence. The stabilized kernel below uses the same sweep.
 *   K        in: cost matrix M; overwritten with exp(-M/reg).
 *   u, v     in/out scalings (n, m), positive.
 *   work     scratch of 2n + 2m doubles.
 * On a numerical error (a zero or non-finite scaling) the last finite u, v are restored.
 */
int gg_sinkhorn_knopp(int n, int m, double *K, double reg, const double *a, const double *b,
                      double *u, double *v, double *work, int max_iter, double tol,
                      int check_every, double *out);

/* Plan of the Knopp solver, in place: K (holding exp(-M/reg)) becomes P = u_i K_ij v_j. */
void gg_sinkhorn_knopp_plan(int n, int m, double *K, const double *u, const double *v);

/*
 * Stabilized scaling Sinkhorn (Schmitzer 2019, Alg. 2 with log-domain fallback): iterates on
 * scalings u, v with the absorbed kernel Kt = exp(-M/reg + F_i + G_j); when a scaling leaves
 * [1e-100, 1e100], becomes non-finite, or the error check is non-finite, the last good scalings
 * are absorbed into F, G, one exact log-domain iteration is taken and Kt is rebuilt. Matrix-vector
 * speed in the common case, never NaN.
 *   K        in: M; overwritten with -M/reg.      Kt   out: the absorbed kernel (n*m).
 *   F, G     in/out absorbed potentials (f/reg, g/reg before the scalings).
 *   u, v     out: scalings of the returned state; plan = u_i Kt_ij v_j.
 *   work     scratch of 5n + 4m doubles.  out[2] = number of absorptions.
 */
int gg_sinkhorn_stabilized(int n, int m, double *K, double *Kt, double reg, const double *a,
                           const double *b, double *F, double *G, double *u, double *v,
                           double *work, int max_iter, double tol, int check_every, double *out);

/* The exponential used by the kernels (exposed for the native test). */
double gg_exp(double x);

/*
 * float32 path of the log-domain and Knopp kernels (options.dtype = 'float32'): K is float32
 * (n*m floats: in M, overwritten with -M/reg resp. exp(-M/reg), then with the plan), every pass
 * over K runs on f32x4 lanes with the float32 exponential gg_expf; a, b, u, v, work, out and the
 * status codes are as for the float64 kernels (work: 2n + 2m + 1 doubles). Fallback thresholds of
 * the shifted log-sum-exp: [1e-30, 1e30].
 */
int gg_sinkhorn_log_f32(int n, int m, float *K, double reg, const double *a, const double *b,
                        double *u, double *v, double *work, int max_iter, double tol,
                        int check_every, double *out);
void gg_sinkhorn_log_plan_f32(int n, int m, float *K, const double *u, const double *v);
int gg_sinkhorn_knopp_f32(int n, int m, float *K, double reg, const double *a, const double *b,
                          double *u, double *v, double *work, int max_iter, double tol,
                          int check_every, double *out);
void gg_sinkhorn_knopp_plan_f32(int n, int m, float *K, const double *u, const double *v);
/* The float32 exponential of the float32 path (|relative error| < 3e-7 on [-87.3, 88.7]). */
float gg_expf(float x);

#endif
