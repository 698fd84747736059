"""The flat-array BM25 index scores exactly what bm25s scores, and knows each topic's words."""

from __future__ import annotations

import bm25s
import numpy as np
import pytest

from bondmcp.engine.engine import HealthEngine
from bondmcp.engine.retrieval import PassageIndex
from bondmcp.engine.text import analyse


@pytest.fixture(scope="module")
def index() -> PassageIndex:
    return HealthEngine.builtin().index


@pytest.mark.parametrize(
    "question",
    [
        "what causes high blood pressure",
        "diabetis symtoms thirsty peeing a lot",
        "can i drink alcohol with tylenol tylenol",
        "zzzz qqqq",
    ],
)
def test_scores_equal_bm25s(index: PassageIndex, question: str) -> None:
    corpus = [
        analyse(
            f"{p.title} {p.title} {' '.join(p.aliases)} {p.heading} {p.question or ''} {p.text}"
        )
        for p in index.passages
    ]
    reference = bm25s.BM25()
    reference.index(corpus, show_progress=False)
    tokens = list(index.analyse_query(question).tokens)
    expected = reference.get_scores(tokens) if tokens else np.zeros(len(corpus))
    assert np.array_equal(index._bm25_scores(tokens), expected)


def test_topic_words_are_the_words_of_its_passages(index: PassageIndex) -> None:
    for topic_id in index.topic_ids[:: max(1, len(index.topic_ids) // 25)]:
        used: set[str] = set()
        for p in index.topic_passages(topic_id):
            used.update(
                analyse(
                    f"{p.title} {p.title} {' '.join(p.aliases)} {p.heading} "
                    f"{p.question or ''} {p.text}"
                )
            )
        for stem_ in sorted(used)[:40]:
            assert index.topic_uses(topic_id, [stem_])
        assert not index.topic_uses(topic_id, ["zzqqxx"])
        unused = [s for s in ("wart", "glaucoma", "tendon", "asthma") if s not in used]
        assert not any(index.topic_uses(topic_id, [s]) for s in unused)


def test_a_guessed_condition_names_its_topics(index: PassageIndex) -> None:
    guessed = {
        m.topic_id
        for m in index.analyse_query("always cold and tired, could it be anemia").aliases
        if m.guess
    }
    assert "iron-deficiency-anemia" in guessed
    guessed = {
        m.topic_id
        for m in index.analyse_query("tired and gaining weight, thyroid?").aliases
        if m.guess
    }
    assert "hypothyroidism" in guessed
    assert not any(
        m.guess for m in index.analyse_query("i feel dizzy when i stand, is it normal?").aliases
    )


def test_a_name_read_into_a_lay_word_inside_a_typed_name_is_not_a_name(index: PassageIndex) -> None:
    named = index.analyse_query("how long does the stomach flu last").named_topics
    assert "gastroenteritis" in named
    assert "influenza" not in named


@pytest.mark.parametrize(
    ("question", "not_named"),
    [
        # The aliases "blood that does not clot", "period that won't stop" and "not enough
        # vitamin D" would say the opposite without their negation.
        ("what is a blood clot", "hemophilia"),
        ("i'm 49 with fibroids, will they shrink once my periods stop", "heavy-menstrual-bleeding"),
        ("do i get enough vitamins from food", "vitamin-d-deficiency"),
    ],
)
def test_a_name_that_says_not_is_not_read_without_its_not(
    index: PassageIndex, question: str, not_named: str
) -> None:
    assert not_named not in index.analyse_query(question).named_topics


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("losing weight for no reason, should i worry", "weight-loss-unexplained"),
        ("why can't i catch my breath after the stairs", "shortness-of-breath"),
        ("my toddler makes no eye contact", "autism-spectrum-disorder"),
    ],
)
def test_a_name_with_no_or_cant_still_names_its_topic(
    index: PassageIndex, question: str, named: str
) -> None:
    """ "No" and "can't" in a name say the problem as a question puts it: no inversion."""
    assert named in index.analyse_query(question).named_topics


def test_growths_that_shrivel_up_shrink() -> None:
    answer = HealthEngine.builtin().ask(
        "i'm 49 with fibriods, will they shrivel up once my periods stop"
    )
    assert answer.topic_id == "uterine-fibroids"
    assert "shrink" in answer.text
