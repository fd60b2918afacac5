"""Reference implementations (networkx 2.8 / numpy / scipy) of the evaluation protocol of
../shared/PROTOCOL.md, written for graphgen's fixtures and benchmark. Transcribed from the
protocol (GraphRNN -> GRAN -> SPECTRE -> DiGress; GDSS), not copied. Run with /usr/bin/python3."""
import itertools
import math

import networkx as nx
import numpy as np
from scipy.linalg import eigvalsh, eigh
from scipy import optimize
from scipy.stats import chi2


# ---------------------------------------------------------------- descriptors
def degree_hist(G):
    return np.array(nx.degree_histogram(G), dtype=float)


def clustering_hist(G, bins=100):
    c = list(nx.clustering(G).values())
    h, _ = np.histogram(c, bins=bins, range=(0.0, 1.0), density=False)
    return h.astype(float)


def spectral_pmf(G):
    eigs = eigvalsh(nx.normalized_laplacian_matrix(G).todense())
    h, _ = np.histogram(eigs, bins=200, range=(-1e-5, 2), density=False)
    return h / h.sum()


def _abspline3(x, alpha, beta, t1, t2):
    M = np.array([[1, t1, t1 ** 2, t1 ** 3], [1, t2, t2 ** 2, t2 ** 3], [0, 1, 2 * t1, 3 * t1 ** 2], [0, 1, 2 * t2, 3 * t2 ** 2]])
    v = np.array([1, 1, t1 ** (-alpha) * alpha * t1 ** (alpha - 1), -beta * t2 ** (-(beta + 1)) * t2 ** beta])
    a = np.linalg.solve(M, v)
    x = np.asarray(x, dtype=float)
    r = np.zeros(x.shape)
    r1 = x <= t1
    r2 = (x >= t1) * (x < t2)
    r3 = x >= t2
    r[r1] = x[r1] ** alpha * t1 ** (-alpha)
    x2 = x[r2]
    r[r2] = a[0] + a[1] * x2 + a[2] * x2 ** 2 + a[3] * x2 ** 3
    r[r3] = x[r3] ** (-beta) * t2 ** beta
    return r


def abspline_filters(nf=12, lmax=2.0, lpfactor=20):
    """The PyGSP Abspline bank (transcribed: pygsp is not packaged in Debian)."""
    lmin = lmax / lpfactor
    scales = np.exp(np.linspace(np.log(2.0 / lmin), np.log(1.0 / lmax), nf - 1))
    gb = lambda x: _abspline3(x, 2, 2, 1, 2)
    gl = lambda x: np.exp(-np.power(x, 4))
    xstar = optimize.minimize_scalar(lambda x: -gb(np.array([x]))[0], bounds=(1, 2), method='bounded')
    gamma_l = gb(np.array([xstar.x]))[0]
    lminfac = 0.6 * lmin
    g = [lambda x: gamma_l * gl(x / lminfac)]
    for i in range(nf - 1):
        g.append(lambda x, i=i: gb(scales[i] * x))
    return lambda x: np.array([k(np.asarray(x, dtype=float)) for k in g])


_FILTERS = abspline_filters()
_BOUND = np.max(_FILTERS(np.arange(0, 2, 0.01)))


def wavelet_hist(G):
    L = np.asarray(nx.normalized_laplacian_matrix(G).todense())
    lam, U = np.linalg.eigh(L)
    ges = _FILTERS(lam)
    out = []
    for ge in ges:
        op = U @ np.diag(ge) @ U.T
        nf = np.sum(op ** 2, axis=1)
        out.append(np.histogram(nf, range=[0, _BOUND], bins=100)[0])
    return np.array(out).flatten().astype(float)


def brute_orbits(G):
    """Per-node counts of the 15 ORCA orbits by enumerating every node subset of size 2, 3, 4."""
    nodes = list(G.nodes())
    idx = {v: i for i, v in enumerate(nodes)}
    out = np.zeros((len(nodes), 15))
    for sub in itertools.combinations(nodes, 4):
        H = G.subgraph(sub)
        if not nx.is_connected(H):
            continue
        m = H.number_of_edges()
        d = dict(H.degree())
        degs = sorted(d.values())
        for v in sub:
            dv = d[v]
            if m == 3:
                o = (7 if dv == 3 else 6) if degs[-1] == 3 else (4 if dv == 1 else 5)
            elif m == 4:
                o = 8 if degs == [2, 2, 2, 2] else {1: 9, 2: 10, 3: 11}[dv]
            elif m == 5:
                o = 12 if dv == 2 else 13
            else:
                o = 14
            out[idx[v], o] += 1
    for sub in itertools.combinations(nodes, 3):
        H = G.subgraph(sub)
        m = H.number_of_edges()
        if m == 3:
            for v in sub:
                out[idx[v], 3] += 1
        elif m == 2:
            for v in sub:
                out[idx[v], 2 if H.degree(v) == 2 else 1] += 1
    for v in nodes:
        out[idx[v], 0] = G.degree(v)
    return out


def esu_orbits(G):
    """Per-node orbit counts by ESU enumeration of connected 4-node subsets (the benchmark's Python orbit counter)."""
    G = nx.convert_node_labels_to_integers(G)
    n = G.number_of_nodes()
    adj = [set(G.neighbors(v)) for v in range(n)]
    out = np.zeros((n, 15))
    for v in range(n):
        d = len(adj[v])
        t = sum(1 for a, b in itertools.combinations(adj[v], 2) if b in adj[a])
        paths = sum(len(adj[u]) - 1 for u in adj[v])
        out[v, 0] = d
        out[v, 1] = paths - 2 * t
        out[v, 2] = d * (d - 1) / 2 - t
        out[v, 3] = t

    def classify(sub):
        degs = {x: sum(1 for y in sub if y in adj[x]) for x in sub}
        m = sum(degs.values()) // 2
        ds = sorted(degs.values())
        for x in sub:
            dv = degs[x]
            if m == 3:
                o = (7 if dv == 3 else 6) if ds[-1] == 3 else (4 if dv == 1 else 5)
            elif m == 4:
                o = 8 if ds == [2, 2, 2, 2] else {1: 9, 2: 10, 3: 11}[dv]
            elif m == 5:
                o = 12 if dv == 2 else 13
            else:
                o = 14
            out[x, o] += 1

    def extend(sub, ext, v, nbhd):
        if len(sub) == 4:
            classify(sub)
            return
        ext = list(ext)
        while ext:
            w = ext.pop()
            new_ext = ext + [u for u in adj[w] if u > v and u not in nbhd]
            extend(sub + [w], new_ext, v, nbhd | adj[w] | {w})

    for v in range(n):
        extend([v], [u for u in adj[v] if u > v], v, adj[v] | {v})
    return out


def orbit_descriptor(G, counter=esu_orbits):
    c = counter(G)
    return np.sum(c, axis=0) / G.number_of_nodes()


# ---------------------------------------------------------------- kernels and MMD
def _pad(x, y):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    s = max(len(x), len(y))
    return np.concatenate([x, np.zeros(s - len(x))]), np.concatenate([y, np.zeros(s - len(y))])


def gaussian_tv(x, y, sigma=1.0):
    x, y = _pad(x, y)
    dist = np.abs(x - y).sum() / 2.0
    return np.exp(-dist * dist / (2 * sigma * sigma))


def gaussian(x, y, sigma=1.0):
    x, y = _pad(x, y)
    dist = np.linalg.norm(x - y, 2)
    return np.exp(-dist * dist / (2 * sigma * sigma))


def gaussian_emd(x, y, sigma=1.0, distance_scaling=1.0):
    """EMD computed independently of the cumsum formula: scipy's 1-D Wasserstein distance on the support 0..s-1."""
    from scipy.stats import wasserstein_distance
    x, y = _pad(x, y)
    s = np.arange(len(x), dtype=float)
    # wasserstein_distance normalises the weights; the histograms here sum to 1 (to rounding)
    emd = wasserstein_distance(s, s, x, y) * (x.sum()) / distance_scaling if x.sum() > 0 else 0.0
    return np.exp(-emd * emd / (2 * sigma * sigma))


def disc(s1, s2, kernel, **kw):
    d = 0.0
    for a in s1:
        for b in s2:
            d += kernel(a, b, **kw)
    return d / (len(s1) * len(s2))


def compute_mmd(s1, s2, kernel, normalize='sum_eps', **kw):
    if normalize == 'sum_eps':
        s1 = [a / (np.sum(a) + 1e-6) for a in s1]
        s2 = [b / (np.sum(b) + 1e-6) for b in s2]
    elif normalize == 'sum':
        s1 = [a / np.sum(a) for a in s1]
        s2 = [b / np.sum(b) for b in s2]
    return disc(s1, s1, kernel, **kw) + disc(s2, s2, kernel, **kw) - 2 * disc(s1, s2, kernel, **kw)


def spectre_mmds(ref, pred, orbit_counter=esu_orbits, wavelet=True):
    ref = [G for G in ref if G.number_of_nodes() > 0]
    pred = [G for G in pred if G.number_of_nodes() > 0]
    out = {
        'degree': compute_mmd([degree_hist(G) for G in ref], [degree_hist(G) for G in pred], gaussian_tv),
        'clustering': compute_mmd([clustering_hist(G) for G in ref], [clustering_hist(G) for G in pred], gaussian_tv, sigma=0.1),
        'orbit': compute_mmd([orbit_descriptor(G, orbit_counter) for G in ref], [orbit_descriptor(G, orbit_counter) for G in pred], gaussian_tv, normalize='none', sigma=30.0),
        'spectral': compute_mmd([spectral_pmf(G) for G in ref], [spectral_pmf(G) for G in pred], gaussian_tv),
    }
    if wavelet:
        out['wavelet'] = compute_mmd([wavelet_hist(G) for G in ref], [wavelet_hist(G) for G in pred], gaussian_tv)
    return out


def gdss_mmds(ref, pred, orbit_counter=esu_orbits):
    ref = [G for G in ref if G.number_of_nodes() > 0]
    pred = [G for G in pred if G.number_of_nodes() > 0]
    return {
        'degree': compute_mmd([degree_hist(G) for G in ref], [degree_hist(G) for G in pred], gaussian_emd, normalize='sum'),
        'clustering': compute_mmd([clustering_hist(G) for G in ref], [clustering_hist(G) for G in pred], gaussian_emd, normalize='sum', sigma=0.1, distance_scaling=100),
        'orbit': compute_mmd([orbit_descriptor(G, orbit_counter) for G in ref], [orbit_descriptor(G, orbit_counter) for G in pred], gaussian, normalize='none', sigma=30.0),
        'spectral': compute_mmd([spectral_pmf(G) for G in ref], [spectral_pmf(G) for G in pred], gaussian_emd, normalize='sum'),
    }


# ---------------------------------------------------------------- V.U.N.
def is_planar_valid(G):
    return nx.is_connected(G) and nx.check_planarity(G)[0]


def vun(gen, train, valid):
    n = len(gen)
    unique = [True] * n
    for i in range(n):
        for j in range(i):
            if unique[j] and nx.faster_could_be_isomorphic(gen[i], gen[j]) and nx.is_isomorphic(gen[i], gen[j]):
                unique[i] = False
                break
    novel = [True] * n
    for i in range(n):
        if unique[i]:
            for T in train:
                if nx.faster_could_be_isomorphic(gen[i], T) and nx.is_isomorphic(gen[i], T):
                    novel[i] = False
                    break
    vals = [valid(G) for G in gen]
    return {
        'unique': sum(unique) / n,
        'novel': sum(1 for i in range(n) if unique[i] and novel[i]) / n,
        'valid': sum(vals) / n,
        'vun': sum(1 for i in range(n) if unique[i] and novel[i] and vals[i]) / n,
    }


def read_g6(path):
    with open(path, 'rb') as f:
        return [nx.from_graph6_bytes(line.strip()) for line in f if line.strip()]
