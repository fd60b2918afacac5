# Fits the per-node 5-cycle and per-graph 6-cycle closed forms used by src/embed/batchedCycleCounts.ts
# by exact least squares against brute-force cycle enumeration on random graphs.
# Run: /usr/bin/python3 scripts/nn/fit-cycle-formulas.py (numpy). Coefficients printed x1 (c5) and x12 (c6).
import numpy as np, itertools
rng=np.random.default_rng(0)
def cycles(A,K=6):
    n=len(A); pn={k:np.zeros(n) for k in range(3,K+1)}; pg={k:0 for k in range(3,K+1)}
    def dfs(s,path,on):
        last=path[-1]
        for w in np.nonzero(A[last])[0]:
            if w==s and len(path)>=3:
                k=len(path); pg[k]+=0.5
                for q in path: pn[k][q]+=0.5
                continue
            if w<=s or on[w] or len(path)>=K: continue
            on[w]=1; path.append(w); dfs(s,path,on); path.pop(); on[w]=0
    for s in range(n):
        on=np.zeros(n,int); on[s]=1; dfs(s,[s],on)
    return pn,pg
rows=[];ys=[];G=[];Y6=[]
rng=np.random.default_rng(1)
for t in range(80):
    n=rng.integers(5,11); p=rng.uniform(0.2,0.9)
    A=(rng.uniform(size=(n,n))<p).astype(float); A=np.triu(A,1); A=A+A.T
    pn,pg=cycles(A)
    A2=A@A;A3=A2@A;A4=A3@A;A5=A4@A;A6=A5@A
    d=A.sum(1); tt=np.diag(A3)
    rows.append(np.stack([np.diag(A5), tt*d, A@tt, tt, (A*A2)@d],1)); ys.append(pn[5])
    names6=['trA6','sum t^2','sum A*A2^2','sum d*A4ii','trA4','trA3','sum t^3','sum A3','sum d^2','sum d','sum (A*A2)d','sum d^3','sum A2^2 (=trA4)']
    G.append([np.trace(A6),(tt**2).sum(),(A*A2**2).sum(),(d*np.diag(A4)).sum(),np.trace(A4),np.trace(A3),(tt**3).sum(),A3.sum(),(d**2).sum(),d.sum(),((A*A2)@d).sum(),(d**3).sum(), (tt*d).sum()])
    Y6.append(pg[6])
X=np.concatenate(rows); y=np.concatenate(ys)
c,*_=np.linalg.lstsq(X,y,rcond=None); print('c5',np.round(c,6),np.abs(X@c-y).max(), 'rank',np.linalg.matrix_rank(X))
X6=np.array(G); y6=np.array(Y6)
print('rank6',np.linalg.matrix_rank(X6), X6.shape)
c6,*_=np.linalg.lstsq(X6,y6,rcond=None); print('c6',np.round(c6*12,4),np.abs(X6@c6-y6).max())
