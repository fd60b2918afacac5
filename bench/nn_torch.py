"""PyTorch reference for bench/nn.bench.ts: one training step (forward, backward, Adam) of the
same 4-layer DiGress-style graph transformer as graphgen's GraphTransformerLayer
(dx 128, de 32, dy 32, 4 heads, ffX 256, ffE 64, ffY 64), batch 32, N in {20, 64}, one thread.
Written for this benchmark (not copied from DiGress). Prints "N milliseconds" per line
(median of `reps` timed steps after one warm-up step)."""
import math, sys, time
import torch
import torch.nn as nn

torch.set_num_threads(1)
torch.manual_seed(0)


def pooled(v, w, cnt):
    mean = (v * w).sum(1) / cnt
    off = (w - 1) * 1e9
    mx = (v + off).max(1).values
    mn = -((-v + off).max(1).values)
    dev = (v - mean.unsqueeze(1)) * w
    std = torch.sqrt((dev ** 2).sum(1) / cnt + 1e-6)
    return torch.cat([mean, mn, mx, std], -1)


class Layer(nn.Module):
    def __init__(s, dx, de, dy, h, ffx, ffe, ffy):
        super().__init__()
        L = nn.Linear
        s.dx, s.h = dx, h
        s.q, s.k, s.v = L(dx, dx), L(dx, dx), L(dx, dx)
        s.eMul, s.eAdd = L(de, dx), L(de, dx)
        s.yEMul, s.yEAdd, s.yXMul, s.yXAdd = L(dy, dx), L(dy, dx), L(dy, dx), L(dy, dx)
        s.yY, s.xToY, s.eToY = L(dy, dy), L(4 * dx, dy), L(4 * de, dy)
        s.xOut, s.eOut = L(dx, dx), L(dx, de)
        s.yOut = nn.Sequential(L(dy, dy), nn.ReLU(), L(dy, dy))
        s.ffX1, s.ffX2, s.ffE1, s.ffE2, s.ffY1, s.ffY2 = L(dx, ffx), L(ffx, dx), L(de, ffe), L(ffe, de), L(dy, ffy), L(ffy, dy)
        s.nx1, s.nx2, s.ne1, s.ne2, s.ny1, s.ny2 = (nn.LayerNorm(d) for d in (dx, dx, de, de, dy, dy))

    def forward(s, x, e, y, m):
        B, N, _ = x.shape
        m3 = m.unsqueeze(-1)
        em = (m.unsqueeze(2) * m.unsqueeze(1)).unsqueeze(-1)
        cnt = m.sum(1, keepdim=True).clamp(min=1)
        q = (s.q(x) * m3).unsqueeze(2)
        k = (s.k(x) * m3).unsqueeze(1)
        v = (s.v(x) * m3).unsqueeze(1)
        S = q * k / math.sqrt(s.dx / s.h)
        S = S * (s.eMul(e) * em + 1) + s.eAdd(e) * em
        eNew = s.eOut(s.yEAdd(y)[:, None, None] + (s.yEMul(y)[:, None, None] + 1) * S) * em
        logits = S + ((m - 1) * 1e9)[:, None, :, None]
        att = torch.softmax(logits, dim=2)
        wv = (att * v).sum(2)
        xNew = s.xOut(s.yXAdd(y)[:, None] + (s.yXMul(y)[:, None] + 1) * wv) * m3
        px = pooled(x, m3, cnt)
        pe = pooled(e.reshape(B, N * N, -1), em.reshape(B, N * N, 1), cnt ** 2)
        yNew = s.yOut(s.yY(y) + s.xToY(px) + s.eToY(pe))
        xo = s.nx1(x + xNew) * m3
        eo = s.ne1(e + eNew) * em
        yo = s.ny1(y + yNew)
        xo = s.nx2(xo + s.ffX2(torch.relu(s.ffX1(xo)))) * m3
        eo = s.ne2(eo + s.ffE2(torch.relu(s.ffE1(eo)))) * em
        yo = s.ny2(yo + s.ffY2(torch.relu(s.ffY1(yo))))
        return xo, eo, yo


class Model(nn.Module):
    def __init__(s):
        super().__init__()
        s.inX, s.inE, s.inY = nn.Linear(4, 128), nn.Linear(2, 32), nn.Linear(1, 32)
        s.layers = nn.ModuleList([Layer(128, 32, 32, 4, 256, 64, 64) for _ in range(4)])
        s.outX, s.outE = nn.Linear(128, 4), nn.Linear(32, 2)

    def forward(s, x, e, y, m):
        h = (s.inX(x), s.inE(e), s.inY(y))
        for l in s.layers:
            h = l(*h, m)
        return s.outX(h[0]), s.outE(h[1])


def bench(n, reps):
    B = 32
    model = Model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-4)
    x, e, y, m = torch.randn(B, n, 4), torch.randn(B, n, n, 2), torch.randn(B, 1), torch.ones(B, n)

    def step():
        opt.zero_grad()
        ox, oe = model(x, e, y, m)
        loss = ((ox - x) ** 2).mean() + ((oe - e) ** 2).mean()
        loss.backward()
        opt.step()

    step()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        step()
        ts.append((time.perf_counter() - t0) * 1000)
    ts.sort()
    return ts[len(ts) // 2]


# usage: nn_torch.py [N reps]...  (default: 20 5 64 3)
args = [int(a) for a in sys.argv[1:]] or [20, 5, 64, 3]
for n, reps in zip(args[0::2], args[1::2]):
    print(n, round(bench(n, reps), 1))
    sys.stdout.flush()
