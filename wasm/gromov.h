/*
 * graphgen conditional-gradient Gromov-Wasserstein iterations (wasm/gromov.c), float64,
 * row-major, caller-owned memory. Built into sinkhorn.wasm with sinkhorn.c and dense.c.
 */
#ifndef GRAPHGEN_GROMOV_H
#define GRAPHGEN_GROMOV_H

/*
 * At most max_iter iterations of conditional gradient (Frank-Wolfe) for the square-loss fused GW
 * loss (1 - alpha) <M, G> + alpha (<constC, G> - 2 <C1 G C2^T, G>): gradient, exact OT on it by
 * gg_network_simplex (warm-started from the previous basis), exact line search, update.
 *   C1 (n*n), C2t (m*m, C2 transposed), constC (n*m), M (n*m, or 0 for pure GW), p (n), q (m).
 *   G        in/out: the coupling (n*m).
 *   cross    in/out: C1 G C2^T (n*m).
 *   loss     the loss at the input G.
 *   ox, oy   optional (both 0 or both set, n and m): sort keys of rows and columns; the first
 *            network simplex then starts from the comonotone (north-west corner) basis on those
 *            orders instead of the row-minimum one (see cgLoop in src/ot/internal/cgLoop.ts).
 *   f, g     out: potentials of the last linear problem (n, m; 0 for zero-mass bins).
 *   dwork    scratch of 5 n m + 4 (n + m) doubles.
 *   iwork    scratch of 9 (n + m) + 8 (n + m - 1) ints.
 *   out      out[0] = iterations done.
 * Returns 1 when converged (step 0, or loss change <= tol absolute or relative), else 0.
 */
int gg_gromov_cg(int n, int m, const double *C1, const double *C2t, const double *constC,
                 const double *M, const double *p, const double *q, double alpha, double loss,
                 int max_iter, double tol, const double *ox, const double *oy, double *G,
                 double *cross, double *f, double *g, double *dwork, int *iwork, double *out);

#endif
