"""After warming the engine up, the server freezes its heap, so full garbage collections
skip the knowledge base and the index instead of stalling requests to walk them."""

from __future__ import annotations

import json
import subprocess
import sys

# In a process of its own: freezing the heap is for the life of the process.
SCRIPT = """
import gc, json
from bondmcp.engine.engine import HealthEngine
from bondmcp.server.app import warm_up

engine = HealthEngine.builtin()
before = gc.get_freeze_count()
warm_up(engine)
frozen = gc.get_freeze_count()
garbage = [[] for _ in range(1000)]
for items in garbage:
    items.append(items)  # cycles, collectable only by the collector
del garbage, items
collected = gc.collect()
print(json.dumps({
    "before": before,
    "frozen": frozen,
    "passages": len(engine.index.passages),
    "collected": collected,
    "after": gc.get_freeze_count(),
}))
"""


def test_warm_up_freezes_the_engine_and_later_garbage_is_still_collected() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=True
    )
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    assert facts["before"] == 0
    # Every passage is several tracked objects (itself, its sentences, its analysis).
    assert facts["frozen"] > 3 * facts["passages"] > 0
    assert facts["collected"] >= 1000  # what requests leave behind is still collected
    assert facts["after"] == facts["frozen"]
