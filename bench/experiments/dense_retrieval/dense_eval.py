"""Stage 2 (main script): lexical vs dense vs hybrid right-topic rates, tune vs held-out.

Reads cache.npz / cache_lex.json written by build_cache.py.
Hybrid settings are chosen on the TUNE split only; held-out is scored once with them.
Held-out output is aggregate only.
Run: see README.md.
"""

import json
import os
import tempfile
from pathlib import Path

import numpy as np

# One-off measurement kept for reproducibility; it needs torch and sentence-transformers,
# which the project does not install. See README.md beside it and docs/adr/0015.
CACHE_DIR = Path(os.environ.get("DENSE_CACHE_DIR", Path(tempfile.gettempdir()) / "bondmcp-dense"))
CACHE_DIR.mkdir(parents=True, exist_ok=True)

C = np.load(str(CACHE_DIR / "cache.npz"))
L = json.loads((CACHE_DIR / "cache_lex.json").read_text())
lex = L["lex"]
pemb, nemb, qemb = C["pemb"], C["nemb"], C["qemb"]
ptopic, topic_ids = C["ptopic"], list(C["topic_ids"])
tidx = {t: i for i, t in enumerate(topic_ids)}
pt = np.array([tidx[t] for t in ptopic])
T = len(topic_ids)
assert np.allclose(np.linalg.norm(pemb, axis=1), 1, atol=1e-3)
assert np.allclose(np.linalg.norm(qemb, axis=1), 1, atol=1e-3)

S = qemb @ pemb.T  # question x passage cosine
# per-topic dense scores
D = {}
D["max"] = np.full((len(lex), T), -1.0)
np.maximum.at(D["max"].T, pt, S.T)  # best passage per topic
cnt = np.bincount(pt, minlength=T)
D["meanpass"] = np.zeros((len(lex), T))
np.add.at(D["meanpass"].T, pt, S.T)
D["meanpass"] /= cnt
# centroid of the topic's passage embeddings
cent = np.zeros((T, pemb.shape[1]))
np.add.at(cent, pt, pemb)
cent /= np.linalg.norm(cent, axis=1, keepdims=True)
D["centroid"] = qemb @ cent.T
D["name"] = qemb @ nemb.T  # title + aliases
D["max+name"] = 0.5 * (D["max"] + D["name"])
# top-2 mean per topic
top2 = np.zeros((len(lex), T))
for j in range(T):
    cols = S[:, pt == j]
    s = np.sort(cols, axis=1)[:, ::-1]
    top2[:, j] = s[:, :2].mean(axis=1) if s.shape[1] >= 2 else s[:, 0]
D["top2mean"] = top2

splits = {s: [i for i, r in enumerate(lex) if r["split"] == s] for s in ("tune", "heldout")}
gold = [set(r["topics"]) for r in lex]


def pct(n, d):
    return f"{n}/{d} ({100 * n / d:.1f}%)"


def hit_at(ranked_ids, g, k):
    return any(t in g for t in ranked_ids[:k])


def rates(rank_fn, idxs):
    h1 = h3 = h10 = 0
    for i in idxs:
        r = rank_fn(i)
        h1 += hit_at(r, gold[i], 1)
        h3 += hit_at(r, gold[i], 3)
        h10 += hit_at(r, gold[i], 10)
    return h1, h3, h10


def lex_rank(i):
    return [t for t, _ in lex[i]["ranked"]]


def dense_rank(name):
    order = np.argsort(-D[name], axis=1)

    def f(i):
        return [topic_ids[j] for j in order[i, :10]]

    return f


# ---------------- hybrid ---------------------------------------------------------------
def hybrid_rank(i, cfg):
    """Re-rank lexical top-K (optionally plus dense top-M topics) by a combination."""
    method, dname, K, w, M = cfg
    ranked = lex[i]["ranked"]
    if not ranked:
        return [topic_ids[j] for j in np.argsort(-D[dname][i])[:10]]
    # assess() may have moved a named topic to the front (entity rule) although its score is
    # lower: give it the top score so that w=0 reproduces the engine's order exactly.
    top = max(s for _, s in ranked)
    ranked = [(ranked[0][0], top), *ranked[1:]]
    cand = [t for t, _ in ranked[:K]]
    lexs = {t: s / top if top > 0 else 0.0 for t, s in ranked[:K]}
    if M:
        for j in np.argsort(-D[dname][i])[:M]:
            t = topic_ids[j]
            if t not in lexs:
                cand.append(t)
                # its lexical score if it is deeper in the lexical list, else 0
                lexs[t] = next((s / top for tt, s in ranked if tt == t), 0.0)
    dvec = D[dname][i]
    if method == "lin":
        key = {t: lexs[t] + w * dvec[tidx[t]] for t in cand}
    elif method == "lin_mm":  # dense min-max normalised over the candidates
        ds = np.array([dvec[tidx[t]] for t in cand])
        lo, hi = ds.min(), ds.max()
        key = {
            t: lexs[t] + w * ((dvec[tidx[t]] - lo) / (hi - lo) if hi > lo else 0.0) for t in cand
        }
    elif method == "rrf":
        lrank = {t: r for r, t in enumerate(cand)}  # candidates are in lexical order
        dorder = sorted(cand, key=lambda t: -dvec[tidx[t]])
        drank = {t: r for r, t in enumerate(dorder)}
        key = {t: 1 / (60 + lrank[t]) + w / (60 + drank[t]) for t in cand}
    else:
        raise ValueError(method)
    out = sorted(cand, key=lambda t: -key[t])
    # the rest of the lexical list after the candidates, for top-10
    rest = [t for t, _ in ranked if t not in key]
    return out + rest


def main():
    print("=== Lexical (engine as is) ===")
    for s, idxs in splits.items():
        n = len(idxs)
        assess_hits = sum(lex[i]["chosen"] in gold[i] for i in idxs)
        h1, h3, h10 = rates(lex_rank, idxs)
        print(
            f"{s:8s} assess top1 {pct(assess_hits, n)}  ranked@1 {pct(h1, n)}  @3 {pct(h3, n)}  @10 {pct(h10, n)}"
        )

    print("\n=== Dense only (all-MiniLM-L6-v2, cosine) ===")
    for name in D:
        row = []
        for s, idxs in splits.items():
            n = len(idxs)
            h1, h3, h10 = rates(dense_rank(name), idxs)
            row.append(f"{s}: @1 {pct(h1, n)} @3 {pct(h3, n)} @10 {pct(h10, n)}")
        print(f"{name:10s} | " + " | ".join(row))

    # ---- grid on TUNE only ----
    tune = splits["tune"]
    grid = []
    for dname in ("max", "max+name", "top2mean", "centroid"):
        for K in (3, 5, 10, 20):
            for M in (0, 3):
                for w in (0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0):
                    grid.append(("lin", dname, K, w, M))
                for w in (0.05, 0.1, 0.2, 0.3, 0.5):
                    grid.append(("lin_mm", dname, K, w, M))
                for w in (0.25, 0.5, 0.75, 1.0, 1.5, 2.0):
                    grid.append(("rrf", dname, K, w, M))
    results = []
    for cfg in grid:
        h1, h3, _h10 = rates(lambda i, cfg=cfg: hybrid_rank(i, cfg), tune)
        results.append((h1, h3, cfg))
    # best tune top-1; ties broken by top-3, then by the smaller change (smaller w, smaller K)
    results.sort(key=lambda r: (-r[0], -r[1], r[2][4], r[2][2], r[2][3]))
    print(f"\n=== Hybrid grid on TUNE ({len(grid)} configs); top 10 by tune top-1 ===")
    for h1, h3, cfg in results[:10]:
        print(f"  {cfg}: tune @1 {pct(h1, len(tune))} @3 {pct(h3, len(tune))}")
    by_method = {}
    for h1, _h3, cfg in results:
        by_method.setdefault(cfg[0], (h1, cfg))
    print("  best per method on tune:", {k: (v[0], v[1]) for k, v in by_method.items()})

    # robustness on tune: neighbourhood of the chosen config
    best = results[0][2]
    print(
        f"\nCHOSEN (tune only): method={best[0]} dense={best[1]} K={best[2]} w={best[3]} M={best[4]}"
    )
    # tune-side detail: how many tune questions changed, fixed, broken
    fixed = broken = changed = 0
    for i in tune:
        a = lex_rank(i)[:1]
        b = hybrid_rank(i, best)[:1]
        if a != b:
            changed += 1
            fixed += (b and b[0] in gold[i]) and not (a and a[0] in gold[i])
            broken += (a and a[0] in gold[i]) and not (b and b[0] in gold[i])
    print(f"tune: top-1 changed on {changed}, fixed {fixed}, broken {broken}")

    print("\n=== Held-out, scored ONCE with the chosen settings ===")
    for s, idxs in splits.items():
        n = len(idxs)
        h1, h3, h10 = rates(lambda i: hybrid_rank(i, best), idxs)
        l1 = sum(lex[i]["chosen"] in gold[i] for i in idxs)
        print(
            f"{s:8s} hybrid @1 {pct(h1, n)} @3 {pct(h3, n)} @10 {pct(h10, n)}   (lexical assess @1 {pct(l1, n)})"
        )
    ho = splits["heldout"]
    fixed = broken = changed = 0
    for i in ho:
        a = lex_rank(i)[:1]
        b = hybrid_rank(i, best)[:1]
        if a != b:
            changed += 1
            fixed += bool((b and b[0] in gold[i]) and not (a and a[0] in gold[i]))
            broken += bool((a and a[0] in gold[i]) and not (b and b[0] in gold[i]))
    print(f"heldout (aggregate): top-1 changed on {changed}, fixed {fixed}, broken {broken}")

    # ceiling: lexical top-K contains gold (what any re-ranker of the top-K could reach)
    for s, idxs in splits.items():
        n = len(idxs)
        print(
            f"{s:8s} ceiling for re-ranking lexical top-{best[2]}: "
            f"{pct(sum(hit_at(lex_rank(i), gold[i], best[2]) for i in idxs), n)}"
        )

    cost = L["cost"]
    q_ms, a_ms = C["q_ms"], C["assess_ms"]
    print("\n=== Cost ===")
    print(
        f"question embed ms (1 thread, batch 1): p50 {np.percentile(q_ms, 50):.2f}, p95 {np.percentile(q_ms, 95):.2f}"
    )
    print(f"engine assess ms: p50 {np.percentile(a_ms, 50):.2f}, p95 {np.percentile(a_ms, 95):.2f}")
    print(
        f"passages: {cost['n_passages']} in {cost['passages_s']:.1f}s; model load {cost['model_load_s']:.2f}s"
    )
    print(
        f"RSS MB: base {cost['rss_before_import']:.0f} -> +torch/ST import {cost['rss_after_import']:.0f} -> "
        f"+model {cost['rss_after_load']:.0f} -> +first encode {cost['rss_after_first_encode']:.0f} -> "
        f"after passage batch {cost['rss_after_passages']:.0f}"
    )


if __name__ == "__main__":
    main()
