/*
 * graphgen conditional-gradient Gromov-Wasserstein iterations (see gromov.h): a line-by-line port
 * of cgLoop in src/ot/internal/cgLoop.ts (same operations in the same order, every sum in index
 * order, no contraction: -ffp-contract=off), so both give identical bits. Calls the network
 * simplex and the matrix product of dense.c.
 */
#include <math.h>

#include "dense.h"
#include "gromov.h"

#include "gg_platform.h"

/* North-west corner basis on rows sorted by x and columns sorted by y (comonotoneBasis in
 * cgLoop.ts). iscratch: 3 max(n, m) ints. */
static void comonotone_basis(int n, int m, const double *a, const double *b, const double *x,
                             const double *y, int *rows, int *cols, double *flow, int *iscratch) {
  int big = n > m ? n : m;
  int *ro = iscratch, *co = ro + big, *tmp = co + big;
  gg_argsort(x, ro, tmp, n);
  gg_argsort(y, co, tmp, m);
  int arcs = n + m - 1, i = 0, j = 0;
  double ra = a[ro[0]], rb = b[co[0]];
  for (int k = 0; k < arcs; k++) {
    double t = ra < rb ? ra : rb;
    rows[k] = ro[i];
    cols[k] = co[j];
    flow[k] = t > 0 ? t : 0.0;
    ra -= t;
    rb -= t;
    if (k == arcs - 1) break;
    if (j == m - 1 || (i < n - 1 && ra <= rb)) {
      i++;
      ra = a[ro[i]];
    } else {
      j++;
      rb = b[co[j]];
    }
  }
}

GG_EXPORT(gg_gromov_cg)
int gg_gromov_cg(int n, int m, const double *C1, const double *C2t, const double *constC,
                 const double *M, const double *p, const double *q, double alpha, double loss,
                 int max_iter, double tol, const double *ox, const double *oy, double *G,
                 double *cross, double *f, double *g, double *dwork, int *iwork, double *out) {
  long nm = (long)n * m;
  int N = n + m, arcs = N - 1;
  int *rows = iwork, *cols = rows + n; /* support of p and q */
  int nc = 0, mc = 0;
  for (int i = 0; i < n; i++)
    if (p[i] > 0) rows[nc++] = i;
  for (int j = 0; j < m; j++)
    if (q[j] > 0) cols[mc++] = j;
  int *lrows = cols + m, *lcols = lrows + arcs, *ns_iwork = lcols + arcs;
  double *Cc = dwork, *Gc = Cc + nm, *Z = Gc + nm, *D = Z + nm, *crossD = D + nm;
  double *pc = crossD + nm, *qc = pc + n, *lflow = qc + m, *lpot = lflow + arcs, *ns_dwork = lpot + N;
  int lc_arcs = nc + mc - 1;
  double mp = 0.0, mq = 0.0;
  for (int i = 0; i < n; i++) mp += p[i];
  for (int j = 0; j < m; j++) mq += q[j];
  for (int r = 0; r < nc; r++) pc[r] = p[rows[r]];
  for (int c = 0; c < mc; c++) qc[c] = (q[cols[c]] * mp) / mq;
  for (int i = 0; i < n; i++) f[i] = 0.0;
  for (int j = 0; j < m; j++) g[j] = 0.0;
  int warm = 0;
  if (ox && oy) {
    /* keys of the support, in lpot (unused until the first solve) */
    double *kx = lpot, *ky = lpot + nc;
    for (int r = 0; r < nc; r++) kx[r] = ox[rows[r]];
    for (int c = 0; c < mc; c++) ky[c] = oy[cols[c]];
    comonotone_basis(nc, mc, pc, qc, kx, ky, lrows, lcols, lflow, ns_iwork);
    warm = 1;
  }
  double ga = 2 * alpha, ma = 1 - alpha;
  int it = 0, converged = 0;
  while (it < max_iter) {
    it++;
    for (int r = 0; r < nc; r++) {
      const double *cC = constC + (long)rows[r] * m, *cX = cross + (long)rows[r] * m;
      double *Ci = Cc + (long)r * mc;
      if (!M) {
        for (int c = 0; c < mc; c++) Ci[c] = ga * (cC[cols[c]] - 2 * cX[cols[c]]) + 0.0;
      } else {
        const double *cM = M + (long)rows[r] * m;
        for (int c = 0; c < mc; c++) Ci[c] = ga * (cC[cols[c]] - 2 * cX[cols[c]]) + ma * cM[cols[c]];
      }
    }
    gg_network_simplex(nc, mc, pc, qc, Cc, 1000000, warm || it > 1, lrows, lcols, lflow, lpot, ns_iwork, ns_dwork, out);
    for (long k = 0; k < nm; k++) Gc[k] = 0.0, Z[k] = 0.0;
    for (int k = 0; k < lc_arcs; k++) {
      double val = lflow[k];
      if (val == 0) continue;
      int r = rows[lrows[k]], l = cols[lcols[k]];
      Gc[(long)r * m + l] += val;
      double *Zr = Z + (long)r * m;
      const double *Cl = C2t + (long)l * m;
      for (int j = 0; j < m; j++) Zr[j] += val * Cl[j];
    }
    gg_matmul(n, n, m, C1, Z, crossD);
    for (int i = 0; i < n; i++) f[i] = 0.0;
    for (int j = 0; j < m; j++) g[j] = 0.0;
    for (int r = 0; r < nc; r++) f[rows[r]] = lpot[r];
    for (int c = 0; c < mc; c++) g[cols[c]] = lpot[nc + c];
    double sDD = 0.0, sCD = 0.0, sDG = 0.0, sXD = 0.0, sMD = 0.0;
    for (long k = 0; k < nm; k++) {
      double d = Gc[k] - G[k];
      D[k] = d;
      double cd = crossD[k] - cross[k];
      crossD[k] = cd;
      sDD += cd * d;
      sCD += constC[k] * d;
      sDG += cd * G[k];
      sXD += cross[k] * d;
      if (M) sMD += M[k] * d;
    }
    double a = -2 * alpha * sDD;
    double b = alpha * (sCD - 2 * (sDG + sXD));
    if (M) b += ma * sMD;
    double t;
    if (a > 0) {
      /* Math.min(1, Math.max(0, x)) with JavaScript's NaN propagation */
      double x = -b / (2 * a);
      t = x != x ? x : x > 0 ? (x < 1 ? x : 1.0) : 0.0;
    } else {
      t = a + b < 0 ? 1.0 : 0.0;
    }
    if (!(t > 0)) {
      converged = 1;
      break;
    }
    double sC = 0.0, sX = 0.0, sM = 0.0;
    for (long k = 0; k < nm; k++) {
      double gk = G[k] + t * D[k];
      G[k] = gk;
      double xk = cross[k] + t * crossD[k];
      cross[k] = xk;
      sC += constC[k] * gk;
      sX += xk * gk;
      if (M) sM += M[k] * gk;
    }
    double gw = sC - 2 * sX;
    double new_loss = !M ? alpha * gw : ma * sM + alpha * gw;
    double delta = fabs(new_loss - loss);
    loss = new_loss;
    if (delta <= tol * fabs(loss) || delta <= tol) {
      converged = 1;
      break;
    }
  }
  out[0] = it;
  return converged;
}
