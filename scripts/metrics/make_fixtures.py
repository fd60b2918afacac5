"""Writes test/metrics/fixtures/*.json: statistics, MMDs, planarity, isomorphism and GED values
computed with networkx 2.8 / numpy / scipy and brute force, for graphgen's parity tests.

    /usr/bin/python3 scripts/metrics/make_fixtures.py

Deterministic (seeded numpy / random); see test/metrics/fixtures/README.md."""
import json
import os
import random
import sys

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import reference as R  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'metrics', 'fixtures')
rng = random.Random(20240601)


def edges_of(G):
    G = nx.convert_node_labels_to_integers(G)
    return {'n': G.number_of_nodes(), 'edges': [[int(u), int(v)] for u, v in G.edges()]}


def random_graphs():
    gs = []
    for i in range(40):
        n = rng.randint(1, 14)
        p = rng.choice([0.1, 0.2, 0.3, 0.5, 0.7, 0.9])
        gs.append(nx.gnp_random_graph(n, p, seed=rng.randint(0, 10 ** 9)))
    gs.append(nx.complete_graph(6))
    gs.append(nx.cycle_graph(7))
    gs.append(nx.star_graph(5))
    gs.append(nx.path_graph(6))
    gs.append(nx.random_tree(12, seed=3))
    gs.append(nx.grid_2d_graph(3, 4))
    gs.append(nx.complete_bipartite_graph(3, 4))
    gs.append(nx.petersen_graph())
    g = nx.gnp_random_graph(10, 0.4, seed=5)
    g.add_nodes_from([10, 11])  # isolated nodes
    gs.append(g)
    gs.append(nx.empty_graph(3))
    return gs


def stats_fixture():
    out = []
    for G in random_graphs():
        G = nx.convert_node_labels_to_integers(G)
        rec = edges_of(G)
        rec['degreeHistogram'] = nx.degree_histogram(G)
        rec['clustering'] = [nx.clustering(G)[v] for v in range(G.number_of_nodes())]
        rec['triangles'] = [nx.triangles(G)[v] for v in range(G.number_of_nodes())]
        rec['orbits'] = R.brute_orbits(G).astype(int).tolist()
        rec['components'] = nx.number_connected_components(G)
        rec['diameter'] = nx.diameter(G) if G.number_of_nodes() > 0 and nx.is_connected(G) else None
        if G.number_of_nodes() > 0:
            rec['spectrum'] = sorted(np.linalg.eigvalsh(np.asarray(nx.normalized_laplacian_matrix(G).todense())).tolist())
            rec['clusteringHist'] = R.clustering_hist(G).tolist()
            rec['spectralPmf'] = R.spectral_pmf(G).tolist()
            rec['wavelet'] = R.wavelet_hist(G).tolist()
        out.append(rec)
    return out


def mmd_fixture():
    """Two sets of random graphs; spectre and gdss MMDs by the Python transcription."""
    def draw(k, lo, hi, p):
        return [nx.gnp_random_graph(rng.randint(lo, hi), p, seed=rng.randint(0, 10 ** 9)) for _ in range(k)]
    a = draw(12, 8, 20, 0.25)
    b = draw(10, 10, 24, 0.3)
    c = draw(9, 8, 20, 0.25)
    res = {'sets': {'a': [edges_of(G) for G in a], 'b': [edges_of(G) for G in b], 'c': [edges_of(G) for G in c]}}
    res['spectre_ab'] = R.spectre_mmds(a, b, orbit_counter=R.brute_orbits)
    res['spectre_ac'] = R.spectre_mmds(a, c, orbit_counter=R.brute_orbits)
    res['gdss_ab'] = R.gdss_mmds(a, b, orbit_counter=R.brute_orbits)
    res['gdss_ac'] = R.gdss_mmds(a, c, orbit_counter=R.brute_orbits)
    # raw kernels on random vectors of different lengths
    vecs = [np.random.RandomState(i).rand(np.random.RandomState(100 + i).randint(3, 9)).tolist() for i in range(6)]
    res['kernels'] = {
        'vectors': vecs,
        'gaussianTv': [[R.gaussian_tv(np.array(x), np.array(y), 0.7) for y in vecs] for x in vecs],
        'gaussian': [[R.gaussian(np.array(x), np.array(y), 1.3) for y in vecs] for x in vecs],
        'gaussianEmd': [[R.gaussian_emd(np.array(x) / np.sum(x), np.array(y) / np.sum(y), 0.5, 3.0) for y in vecs] for x in vecs],
    }
    return res


def planarity_fixture():
    out = []
    for i in range(400):
        n = rng.randint(5, 30)
        # near the planarity threshold: between n and 3n - 6 edges, biased to 2n..3n-6
        m = rng.randint(n - 1, max(n, 3 * n - 6))
        G = nx.gnm_random_graph(n, m, seed=rng.randint(0, 10 ** 9))
        out.append({**edges_of(G), 'planar': bool(nx.check_planarity(G)[0])})
    # planar triangulations plus one random extra edge (almost always non-planar)
    for i in range(100):
        n = rng.randint(8, 40)
        pts = np.random.RandomState(i).rand(n, 2)
        from scipy.spatial import Delaunay
        tri = Delaunay(pts)
        G = nx.Graph()
        G.add_nodes_from(range(n))
        for s in tri.simplices:
            for a in range(3):
                for b in range(a + 1, 3):
                    G.add_edge(int(s[a]), int(s[b]))
        if i % 2 == 1:
            non = [(u, v) for u in range(n) for v in range(u + 1, n) if not G.has_edge(u, v)]
            if non:
                G.add_edge(*non[rng.randrange(len(non))])
        out.append({**edges_of(G), 'planar': bool(nx.check_planarity(G)[0])})
    return out


def isomorphism_fixture():
    out = []
    for i in range(120):
        n = rng.randint(4, 16)
        G = nx.gnp_random_graph(n, rng.choice([0.2, 0.35, 0.5]), seed=rng.randint(0, 10 ** 9))
        if i % 3 == 0:
            perm = list(range(n))
            rng.shuffle(perm)
            H = nx.relabel_nodes(G, dict(zip(range(n), perm)))
        elif i % 3 == 1 and G.number_of_edges() >= 4:
            H = G.copy()
            try:
                nx.double_edge_swap(H, nswap=1, max_tries=1000, seed=rng.randint(0, 10 ** 9))
            except nx.NetworkXException:
                pass
        else:
            H = nx.gnp_random_graph(n, 0.35, seed=rng.randint(0, 10 ** 9))
        H2 = nx.Graph()
        H2.add_nodes_from(range(n))
        H2.add_edges_from(H.edges())
        out.append({'a': edges_of(G), 'b': edges_of(H2), 'isomorphic': bool(nx.is_isomorphic(G, H2))})
    return out


def ged_fixture():
    out = []
    for i in range(30):
        n1 = rng.randint(2, 6)
        n2 = rng.randint(2, 6)
        G = nx.gnp_random_graph(n1, 0.5, seed=rng.randint(0, 10 ** 9))
        H = nx.gnp_random_graph(n2, 0.5, seed=rng.randint(0, 10 ** 9))
        out.append({'a': edges_of(G), 'b': edges_of(H), 'ged': float(nx.graph_edit_distance(G, H))})
    return out


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    parts = {'stats': stats_fixture, 'mmd': mmd_fixture, 'planarity': planarity_fixture, 'isomorphism': isomorphism_fixture, 'ged': ged_fixture}
    which = sys.argv[1:] or list(parts)
    for name in which:
        with open(os.path.join(OUT, f'{name}.json'), 'w') as f:
            json.dump(parts[name](), f)
        print('wrote', name)
