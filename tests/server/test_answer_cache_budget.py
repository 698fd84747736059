"""The in-process answer cache keeps to its byte budget as well as its entry count."""

from __future__ import annotations

from pathlib import Path

from bondmcp.server.cache import MemoryCache
from tests.conftest import start_server


def test_the_least_recently_used_answers_go_when_the_bytes_run_over() -> None:
    cache = MemoryCache(max_entries=100, max_bytes=250)
    cache.set("a", b"x" * 100, ttl=60)
    cache.set("b", b"y" * 100, ttl=60)
    assert cache.get("a") == b"x" * 100  # "a" is now the most recently used
    cache.set("c", b"z" * 100, ttl=60)  # 300 bytes: "b" goes
    assert cache.get("b") is None
    assert (cache.get("a"), cache.get("c")) == (b"x" * 100, b"z" * 100)
    assert (len(cache), cache.size_bytes) == (2, 200)


def test_a_replaced_answer_counts_once_and_one_too_big_is_not_kept() -> None:
    cache = MemoryCache(max_entries=100, max_bytes=250)
    cache.set("a", b"x" * 100, ttl=60)
    cache.set("a", b"x" * 150, ttl=60)
    assert (len(cache), cache.size_bytes) == (1, 150)
    cache.set("huge", b"h" * 300, ttl=60)
    assert cache.get("huge") is None and cache.get("a") is None
    assert (len(cache), cache.size_bytes) == (0, 0)


def test_expired_and_purged_answers_give_their_bytes_back() -> None:
    cache = MemoryCache(max_entries=100, max_bytes=1000)
    cache.set("old", b"o" * 100, ttl=-1)
    cache.set("new", b"n" * 100, ttl=60)
    assert cache.get("old") is None
    assert cache.size_bytes == 100
    assert cache.purge() == 1
    assert (len(cache), cache.size_bytes) == (0, 0)


def test_the_server_keeps_to_the_budget_it_is_given(tmp_path: Path) -> None:
    """A budget that holds one answer but not two: the second question's answer pushes out
    the first."""
    budget = 4000
    server = start_server(tmp_path / "data", cache_max_bytes=str(budget))
    sizes: dict[str, int] = {}
    try:
        with server.client() as client:

            def cached(question: str) -> bool:
                response = client.post("/v1/ask", json={"query": question})
                assert response.status_code == 200
                sizes[question] = len(response.content)
                return bool(response.json()["cached"])

            assert not cached("what is eczema")
            assert cached("what is eczema")
            assert not cached("what is psoriasis")
            assert not cached("what is eczema")  # evicted to keep to the budget
    finally:
        server.stop()
    assert max(sizes.values()) < budget < sum(sizes.values())
