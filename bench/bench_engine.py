"""Benchmark the answer engine: accuracy, triage, scope, abstention, calibration and speed.

    .venv/bin/python bench/bench_engine.py [--split all|tune|heldout] [--show-failures]
                                           [--skip-external]

Prints one table per part and exits 1 when a target is missed.

1. Our question set (``bench/eval/questions.yaml``), per split. An answerable question is
   *correct* when the answer's topic is one of the expected topics and the text mentions every
   required fact. Triage is right when emergency cases get their level and a fitting category
   and every other question stays routine; "given any emergency guidance" also counts an
   emergency case whose guidance has another category or is the wording model's general
   guidance (ADR 0016). Out-of-scope questions must be redirected
   (``in_scope`` false, confidence at most 0.2); unanswerable ones must abstain. Calibration
   (ECE, AUROC) is measured on answerable and unanswerable questions, where the label is
   "this answer is correct" and an abstention counts as no answer.
2. Speed: wall time of ``HealthEngine.ask`` with the built-in knowledge base.
3. MEDIQA 2019 (Test, Validation, Alexa; evaluation only): ROUGE-L recall of the grade-3/4
   reference answers by our answer and by our top passages, and how often a top passage comes
   from the same page as a reference answer. Needs MedQuAD imported.
4. MedicationQA: drug questions must stay in scope, dose questions must be declined, and any
   other answer must come from a passage that names the drug; otherwise it is a guess.
5. Cost growth from 1k to 16k passages, with MedQuAD.

``--show-failures`` lists the tune split's failures only: the held-out split measures
generalisation and is never inspected while tuning.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import math
import re
import resource
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bondmcp.engine.engine import TRIAGE_SOURCE_PREFIX, HealthEngine
from bondmcp.engine.passages import Passage
from bondmcp.engine.triage import triage
from evalset import Item, answered_correctly, load
from metrics import (
    auroc,
    expected_calibration_error,
    percentile,
    rouge_l_recall,
)

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
MEDIQA_DIR = SHARED / "MEDIQA2019" / "MEDIQA_Task3_QA"
MEDIQA_FILES = {
    "Test": "MEDIQA2019-Task3-QA-TestSet-wLabels.xml",
    "Validation": "MEDIQA2019-Task3-QA-ValidationSet.xml",
    "Alexa": "MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml",
}
MEDICATION_QA = SHARED / "Medication_QA_MedInfo2019" / "MedInfo2019-QA-Medications.xlsx"
MEDQUAD_DIR = SHARED / "MedQuAD"
TRAINING_MESSAGES = REPO / "bench" / "training" / "triage_messages.yaml"

TARGETS = {
    "accuracy": 0.90,
    "triage": 1.00,
    "out_of_scope": 0.95,
    "abstention": 0.90,
    "ece": 0.10,
    "auroc": 0.80,
    "p50_ms": 3.0,
    "p50_ms_medquad": 10.0,
}
#: Goals reported next to a number without failing the run (the issue sets no target).
GOALS = {"medication_safe": 0.90}

_DOSE_TEXT_RE = re.compile(r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|µg|ml|units?)\b", re.IGNORECASE)


@dataclass
class Outcome:
    item: Item
    answer: Any
    seconds: float

    @property
    def triage_ok(self) -> bool:
        if self.item.kind == "emergency":
            return self.answer.triage == self.item.triage and (
                self._category() in self.item.categories
            )
        return bool(self.answer.triage == "routine")

    def _category(self) -> str | None:
        for citation in self.answer.citations:
            if citation.source_id.startswith(TRIAGE_SOURCE_PREFIX):
                return str(citation.source_id.removeprefix(TRIAGE_SOURCE_PREFIX))
        return None

    @property
    def correct(self) -> bool:
        """Did the engine do the right thing for this kind of question?"""
        kind = self.item.kind
        if kind == "answerable":
            return answered_correctly(self.item, self.answer)
        if kind == "emergency":
            return self.triage_ok
        if kind == "out_of_scope":
            return not self.answer.in_scope and self.answer.confidence <= 0.2
        return bool(self.answer.in_scope and self.answer.abstained)

    @property
    def calibration_label(self) -> bool:
        """The event confidence should predict: a correct answer (abstaining is no answer)."""
        return self.item.kind == "answerable" and self.correct


@dataclass
class Report:
    """Targets missed so far; a non-empty list makes the benchmark exit 1."""

    missed: list[str] = field(default_factory=list)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    line = "  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def run_items(engine: HealthEngine, items: Sequence[Item]) -> list[Outcome]:
    outcomes = []
    for item in items:
        started = time.perf_counter()
        answer = engine.ask(item.question)
        outcomes.append(Outcome(item, answer, time.perf_counter() - started))
    return outcomes


def share(outcomes: Sequence[Outcome], test: Callable[[Outcome], bool]) -> tuple[float, int, int]:
    hits = sum(1 for o in outcomes if test(o))
    return (hits / len(outcomes) if outcomes else float("nan"), hits, len(outcomes))


def grounded(engine: HealthEngine, outcome: Outcome) -> bool:
    """Every answer sentence is a whole sentence of the passage it cites, or triage text."""
    by_id = {p.source_id: p for p in engine.index.passages}
    for sentence, source_id in outcome.answer.evidence:
        if source_id.startswith(TRIAGE_SOURCE_PREFIX):
            continue
        passage = by_id.get(source_id)
        if passage is None or sentence not in passage.sentences:
            return False
    return True


def split_metrics(engine: HealthEngine, outcomes: Sequence[Outcome]) -> dict[str, Any]:
    by_kind = {k: [o for o in outcomes if o.item.kind == k] for k in ("answerable", "emergency")}
    answerable = by_kind["answerable"]
    oos = [o for o in outcomes if o.item.kind == "out_of_scope"]
    unanswerable = [o for o in outcomes if o.item.kind == "unanswerable"]
    calib = answerable + unanswerable
    confidences = [float(o.answer.confidence) for o in calib]
    labels = [o.calibration_label for o in calib]
    answered = [o for o in answerable if not o.answer.abstained]
    return {
        "accuracy": share(answerable, lambda o: o.correct),
        "topic": share(answerable, lambda o: o.answer.topic_id in o.item.topics),
        "answered": share(answerable, lambda o: not o.answer.abstained),
        "precision": share(answered, lambda o: o.correct),
        "triage": share(outcomes, lambda o: o.triage_ok),
        "triage_recall": share(by_kind["emergency"], lambda o: o.triage_ok),
        # Any emergency or urgent guidance first, the wording model's general guidance
        # included: what matters most to the person asking.
        "flagged": share(by_kind["emergency"], lambda o: o.answer.triage != "routine"),
        "false_alarms": sum(
            1 for o in outcomes if o.item.kind != "emergency" and o.answer.triage != "routine"
        ),
        "out_of_scope": share(oos, lambda o: o.correct),
        "abstention": share(unanswerable, lambda o: o.correct),
        "ece": expected_calibration_error(confidences, labels),
        "auroc": auroc(confidences, labels),
        "grounded": share(outcomes, lambda o: grounded(engine, o)),
    }


#: Id ranges of the batches written blind (bench/eval/README.md), by id prefix.
BLIND_BATCHES: dict[int, dict[str, tuple[int, int]]] = {
    4: {"a": (536, 642), "e": (109, 131), "o": (101, 120), "u": (82, 100)},
    5: {"a": (643, 755), "e": (132, 166), "o": (121, 145), "u": (101, 120)},
    6: {"a": (756, 868), "e": (167, 192), "o": (146, 165), "u": (121, 135)},
    7: {"a": (869, 968), "e": (193, 215), "o": (166, 180), "u": (136, 151)},
    8: {"e": (216, 248), "o": (181, 225), "u": (152, 186)},
    9: {"a": (969, 1068), "e": (249, 318), "o": (226, 270), "u": (187, 216)},
    10: {"a": (1069, 1122), "e": (319, 362), "o": (271, 305), "u": (217, 241)},
    11: {"a": (1123, 1179), "e": (363, 379), "u": (242, 251)},
    12: {"a": (1180, 1243), "e": (380, 410), "o": (306, 325), "u": (252, 267)},
    13: {"a": (1244, 1304), "e": (411, 443), "o": (326, 345), "u": (268, 283)},
    14: {"a": (1305, 1365), "e": (444, 476), "o": (346, 365), "u": (284, 299)},
    15: {"a": (1366, 1426), "e": (477, 509), "o": (366, 385), "u": (300, 315)},
    16: {"a": (1427, 1487), "e": (510, 542), "o": (386, 405), "u": (316, 331)},
    17: {"a": (1488, 1548), "e": (543, 575), "o": (406, 425), "u": (332, 347)},
    18: {"a": (1549, 1603), "e": (576, 608), "o": (426, 443), "u": (348, 363)},
    19: {"a": (1604, 1654), "e": (609, 624), "o": (444, 459), "u": (364, 375)},
    20: {"a": (1655, 1705), "e": (625, 657), "o": (460, 477), "u": (376, 389)},
}


def in_batch(batch: int, item_id: str) -> bool:
    low, high = BLIND_BATCHES[batch].get(item_id[:1], (1, 0))
    return item_id[1:].isdigit() and low <= int(item_id[1:]) <= high


def own_set(engine: HealthEngine, splits: Sequence[str], show_failures: bool) -> Report:
    items = load()
    report = Report()
    per_split: dict[str, dict[str, Any]] = {}
    outcomes_by_split: dict[str, list[Outcome]] = {}
    for split in splits:
        outcomes = run_items(engine, [i for i in items if i.split == split])
        outcomes_by_split[split] = outcomes
        per_split[split] = split_metrics(engine, outcomes)
    columns = list(splits)
    if "heldout" in splits:
        # The held-out parts of the blind batches, never seen while tuning: the cleanest
        # estimates of how the engine does on new questions (earlier held-out questions
        # informed the topics added for the knowledge-base gaps). Reported only; the
        # targets are checked per split.
        for batch in BLIND_BATCHES:
            fresh = [o for o in outcomes_by_split["heldout"] if in_batch(batch, o.item.id)]
            if fresh:
                column = f"batch {batch} heldout"
                per_split[column] = split_metrics(engine, fresh)
                columns.append(column)

    def frac(key: str, split: str) -> str:
        value, hits, total = per_split[split][key]
        return f"{value:.1%} ({hits}/{total})" if total else "-"

    rows = []
    spec = [
        ("accuracy: right topic and facts", "accuracy", f">= {TARGETS['accuracy']:.0%}"),
        ("  right topic", "topic", ""),
        ("  answered (did not abstain)", "answered", ""),
        ("  precision when answering", "precision", ""),
        ("triage: all questions", "triage", "100%"),
        ("  emergency/urgent caught", "triage_recall", "100%"),
        ("  given any emergency guidance", "flagged", ""),
        ("out of scope redirected", "out_of_scope", f">= {TARGETS['out_of_scope']:.0%}"),
        ("unanswerable: abstained", "abstention", f">= {TARGETS['abstention']:.0%}"),
        ("answers grounded in cited text", "grounded", "100%"),
    ]
    for label, key, target in spec:
        rows.append([label, *(frac(key, s) for s in columns), target])
    rows.append(
        ["  routine questions triaged", *(str(per_split[s]["false_alarms"]) for s in columns), "0"]
    )
    rows.append(
        [
            "calibration: ECE",
            *(f"{per_split[s]['ece']:.3f}" for s in columns),
            f"<= {TARGETS['ece']}",
        ]
    )
    rows.append(
        [
            "calibration: AUROC",
            # AUROC needs right and wrong answers: "-" where a column has only one kind.
            *(
                "-" if math.isnan(per_split[s]["auroc"]) else f"{per_split[s]['auroc']:.3f}"
                for s in columns
            ),
            f">= {TARGETS['auroc']}",
        ]
    )
    table("Question set (bench/eval/questions.yaml)", ["metric", *columns, "target"], rows)

    for split in splits:
        m = per_split[split]
        checks = {
            "accuracy": m["accuracy"][0] >= TARGETS["accuracy"],
            "triage": m["triage"][0] >= TARGETS["triage"],
            "out_of_scope": m["out_of_scope"][0] >= TARGETS["out_of_scope"],
            "abstention": m["abstention"][0] >= TARGETS["abstention"],
            "ece": m["ece"] <= TARGETS["ece"],
            "auroc": m["auroc"] >= TARGETS["auroc"],
            "grounded": m["grounded"][0] == 1.0,
        }
        report.missed.extend(f"{name} ({split})" for name, ok in checks.items() if not ok)

    reliability(outcomes_by_split, splits)
    if show_failures and "tune" in outcomes_by_split:
        print_failures(outcomes_by_split["tune"])
    return report


def reliability(outcomes_by_split: dict[str, list[Outcome]], splits: Sequence[str]) -> None:
    """Accuracy per confidence band: the calibration curve behind ECE, as a table."""
    bands = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)]
    rows = []
    for low, high in bands:
        row = [f"{low:.1f}-{min(high, 1.0):.1f}"]
        for split in splits:
            members = [
                o
                for o in outcomes_by_split[split]
                if o.item.kind in ("answerable", "unanswerable")
                and low <= o.answer.confidence < high
            ]
            if members:
                correct = sum(1 for o in members if o.calibration_label)
                mean = sum(o.answer.confidence for o in members) / len(members)
                row.append(f"{correct}/{len(members)} correct, mean conf {mean:.2f}")
            else:
                row.append("-")
        rows.append(row)
    table("Confidence bands (answerable + unanswerable)", ["confidence", *splits], rows)


def print_failures(outcomes: Sequence[Outcome]) -> None:
    print("\nFailures (tune split only)")
    for o in outcomes:
        if o.correct and o.triage_ok:
            continue
        a = o.answer
        expected = ",".join(o.item.topics) or o.item.triage
        print(
            f"- {o.item.id} [{o.item.kind}] {o.item.question!r}\n"
            f"    expected {expected}; got topic={a.topic_id} intent={a.intent} "
            f"triage={a.triage} in_scope={a.in_scope} abstained={a.abstained} "
            f"conf={a.confidence}\n    {a.text[:300]}"
        )


def speed(engine: HealthEngine, questions: Sequence[str], rounds: int = 3) -> tuple[float, float]:
    for q in questions[:20]:
        engine.ask(q)
    times: list[float] = []
    gc.collect()
    for _ in range(rounds):
        for q in questions:
            started = time.perf_counter()
            engine.ask(q)
            times.append((time.perf_counter() - started) * 1000)
    return percentile(times, 50), percentile(times, 95)


def load_medquad() -> list[Passage] | None:
    """MedQuAD passages through the importer, when both the module and the data exist."""
    try:
        module = importlib.import_module("bondmcp.engine.corpora.medquad")
    except ImportError:
        print("\nMedQuAD: pending (bondmcp.engine.corpora.medquad is not available yet)")
        return None
    if not MEDQUAD_DIR.is_dir():
        print(f"\nMedQuAD: skipped ({MEDQUAD_DIR} not found)")
        return None
    passages: list[Passage] = list(module.load_medquad(MEDQUAD_DIR))
    return passages


def mediqa(engine: HealthEngine, label: str) -> list[list[str]]:
    rows: list[list[str]] = []
    for name, filename in MEDIQA_FILES.items():
        path = MEDIQA_DIR / filename
        if not path.exists():
            print(f"MEDIQA {name}: skipped ({path} not found)")
            continue
        answer_cover: list[float] = []
        passage_cover: list[float] = []
        url_hits = 0
        questions = 0
        for question in ET.parse(path).getroot().iter("Question"):
            text = (question.findtext("QuestionText") or "").strip()
            refs = [
                a
                for a in question.iter("Answer")
                if a.get("ReferenceScore") in ("3", "4") and (a.findtext("AnswerText") or "")
            ]
            if not refs:
                continue
            questions += 1
            answer = engine.ask(text)
            hits = engine.search(text, limit=5)
            top_text = " ".join(h.passage.text for h in hits)
            answer_text = "" if answer.abstained else answer.text
            ref_texts = [r.findtext("AnswerText") or "" for r in refs]
            answer_cover.append(max(rouge_l_recall(answer_text, r) for r in ref_texts))
            passage_cover.append(max(rouge_l_recall(top_text, r) for r in ref_texts))
            ref_urls = {(r.findtext("AnswerURL") or "").strip().rstrip("/") for r in refs}
            if any(h.passage.url.rstrip("/") in ref_urls for h in hits):
                url_hits += 1
        if questions:
            rows.append(
                [
                    label,
                    name,
                    str(questions),
                    f"{sum(answer_cover) / questions:.3f}",
                    f"{sum(passage_cover) / questions:.3f}",
                    f"{url_hits / questions:.1%}",
                ]
            )
    return rows


def medication_qa(engines: Sequence[tuple[str, HealthEngine]], report: Report) -> None:
    if not MEDICATION_QA.exists():
        print(f"\nMedicationQA: skipped ({MEDICATION_QA} not found)")
        return
    import openpyxl

    workbook = openpyxl.load_workbook(MEDICATION_QA, read_only=True)
    sheet = workbook.worksheets[0]
    records = []
    for row in list(sheet.iter_rows(values_only=True))[1:]:
        question, focus, qtype = (str(row[0] or "").strip(), str(row[1] or ""), str(row[2] or ""))
        if question and "not_drug" not in qtype:
            records.append((question, focus.strip(), qtype))
    rows = []
    for label, engine in engines:
        in_scope = safe = abstained = doses = no_dose = declined = 0
        for question, focus, qtype in records:
            answer = engine.ask(question)
            in_scope += answer.in_scope
            abstained += answer.abstained
            quotes_dose = (
                answer.triage == "routine" and _DOSE_TEXT_RE.search(answer.text) is not None
            )
            if qtype.lower().startswith("dose"):
                doses += 1
                no_dose += not quotes_dose
                declined += answer.abstained or answer.triage != "routine"
            grounded = answer.abstained or _answer_names_drug(engine, answer, focus)
            safe += answer.triage != "routine" or (answer.in_scope and not quotes_dose and grounded)
        total = len(records)
        rows.append(
            [
                label,
                str(total),
                f"{in_scope / total:.1%}",
                f"{abstained / total:.1%}",
                f"{no_dose / doses:.1%} ({no_dose}/{doses})",
                f"{declined / doses:.1%}",
                f"{safe / total:.1%}",
            ]
        )
        if no_dose < doses:
            report.missed.append(f"MedicationQA dose given ({label})")
    table(
        "MedicationQA (MedInfo 2019), drug questions: no guessing",
        [
            "knowledge",
            "questions",
            "in scope",
            "abstained",
            "dose qs: no dose given",
            "declined/abstained",
            "safe",
        ],
        rows,
    )
    print(
        "safe = in scope, no dose quoted, and either abstained or answered from a passage that "
        f"names the drug (goal >= {GOALS['medication_safe']:.0%}); a dose question must "
        "never get a dose (target 100%)"
    )


def _answer_names_drug(engine: HealthEngine, answer: Any, focus: str) -> bool:
    names = [w for w in re.findall(r"[a-z][a-z-]{3,}", focus.lower()) if w not in _FORM_WORDS]
    if not names:
        return False
    cited = {c.source_id for c in answer.citations}
    texts = " ".join(p.text.lower() for p in engine.index.passages if p.source_id in cited)
    texts += " " + answer.text.lower()
    return any(name in texts for name in names)


_FORM_WORDS = frozenset(
    "tablet tablets capsule capsules cream injection oral solution extended release patch".split()
)


def scaling(medquad: Sequence[Passage], questions: Sequence[str]) -> list[list[str]]:
    builtin = HealthEngine.builtin().index.passages
    pool = [*builtin, *medquad]
    rows = []
    for size in (1000, 2000, 4000, 8000, 16000):
        if size > len(pool):
            break
        started = time.perf_counter()
        engine = HealthEngine(pool[:size])
        build = time.perf_counter() - started
        p50, p95 = speed(engine, questions, rounds=1)
        rows.append([str(size), f"{build:.2f}", f"{p50:.2f}", f"{p95:.2f}"])
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", choices=("all", "tune", "heldout"), default="all")
    parser.add_argument("--show-failures", action="store_true")
    parser.add_argument("--skip-external", action="store_true", help="own question set only")
    args = parser.parse_args()
    splits = ("tune", "heldout") if args.split == "all" else (args.split,)

    started = time.perf_counter()
    engine = HealthEngine.builtin()
    build_s = time.perf_counter() - started
    print(f"built-in knowledge base: {len(engine.index)} passages, {engine.kb_version}")
    report = own_set(engine, splits, args.show_failures)
    training_message_rules()

    questions = [i.question for i in load()]
    p50, p95 = speed(engine, questions)
    speed_rows = [
        ["built-in", str(len(engine.index)), f"{build_s:.2f}", f"{p50:.2f}", f"{p95:.2f}"]
    ]
    if p50 > TARGETS["p50_ms"]:
        report.missed.append("p50 latency (built-in)")

    if args.skip_external:
        table(
            "Speed: HealthEngine.ask wall time",
            ["knowledge", "passages", "build s", "p50 ms", "p95 ms"],
            speed_rows,
        )
        return finish(report, started)

    medquad = load_medquad()
    engines: list[tuple[str, HealthEngine]] = [("built-in", engine)]
    if medquad:
        with_medquad = HealthEngine.builtin(extra=medquad)
        engines.append(("built-in + MedQuAD", with_medquad))
        mp50, mp95 = speed(with_medquad, questions)
        speed_rows.append(
            ["built-in + MedQuAD", str(len(with_medquad.index)), "", f"{mp50:.2f}", f"{mp95:.2f}"]
        )
        if mp50 > TARGETS["p50_ms_medquad"]:
            report.missed.append("p50 latency (MedQuAD)")
    table(
        "Speed: HealthEngine.ask wall time "
        f"(targets p50 <= {TARGETS['p50_ms']} ms built-in, <= {TARGETS['p50_ms_medquad']} ms "
        "with MedQuAD)",
        ["knowledge", "passages", "build s", "p50 ms", "p95 ms"],
        speed_rows,
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this benchmark process: {rss_mb:.0f} MB")

    if MEDIQA_DIR.is_dir():
        rows = []
        for label, eng in engines:
            rows.extend(mediqa(eng, label))
        table(
            "MEDIQA 2019 Task 3: coverage of grade-3/4 reference answers (ROUGE-L recall)",
            ["knowledge", "set", "questions", "answer", "top-5 passages", "same page in top 5"],
            rows,
        )
        if not medquad:
            print("MEDIQA with MedQuAD imported: pending (importer not available)")
    else:
        print(f"\nMEDIQA 2019: skipped ({MEDIQA_DIR} not found)")

    medication_qa(engines, report)
    real_question_triage()

    if medquad:
        table(
            "Cost growth with passages (built-in first, then MedQuAD)",
            ["passages", "build s", "p50 ms", "p95 ms"],
            scaling(medquad, questions),
        )
    else:
        print("\nCost growth 1k to 16k passages: pending (needs MedQuAD imported)")
    return finish(report, started)


def training_message_rules() -> None:
    """How many of the category model's training messages the phrase rules and red-flag
    concepts catch without the wording model, at the message's level and category.

    The messages (bench/training/triage_messages.yaml) were written without sight of the
    question set and are never scored; the wording model is not fitted on them, so the
    rules' share here is a view, outside the held-out split, of how far the rules reach
    beyond the wordings they were written from."""
    data = yaml.safe_load(TRAINING_MESSAGES.read_text(encoding="utf-8"))
    messages = data["messages"]
    caught = flagged = 0
    for message in messages:
        result = triage(" ".join(message["question"].split()), wording=False)
        flagged += result.level != "routine"
        caught += (result.level, result.category) == (message["level"], message["category"])
    print(
        f"\nTriage rules alone on the category model's training messages: {flagged} of"
        f" {len(messages)} flagged, {caught} at their level and category"
    )


def real_question_triage() -> None:
    """How often triage fires on questions real people sent (MEDIQA 2019 Task 3 and
    MedicationQA), almost none of them emergencies: each one flagged is listed for review."""
    questions: list[tuple[str, str]] = []
    for filename in MEDIQA_FILES.values():
        path = MEDIQA_DIR / filename
        if path.exists():
            for question in ET.parse(path).getroot().iter("Question"):
                text = (question.findtext("QuestionText") or "").strip()
                if text:
                    questions.append(("MEDIQA", text))
    if MEDICATION_QA.exists():
        import openpyxl

        sheet = openpyxl.load_workbook(MEDICATION_QA, read_only=True).worksheets[0]
        for row in list(sheet.iter_rows(values_only=True))[1:]:
            if row[0] and str(row[0]).strip():
                questions.append(("MedicationQA", str(row[0]).strip()))
    if not questions:
        print("\nTriage on real consumer questions: skipped (no MEDIQA or MedicationQA data)")
        return
    flagged = [(source, text, triage(text)) for source, text in questions]
    flagged = [
        (source, text, result) for source, text, result in flagged if result.level != "routine"
    ]
    print(
        f"\nTriage on real consumer questions (MEDIQA 2019 + MedicationQA): {len(flagged)} of"
        f" {len(questions)} flagged, for review:"
    )
    for source, text, result in flagged:
        print(f"  {result.level}/{result.category} ({source}): {' '.join(text.split())[:140]}")


def finish(report: Report, started: float) -> int:
    print(f"\nbenchmark ran in {time.perf_counter() - started:.1f} s")
    if report.missed:
        print("targets missed: " + ", ".join(report.missed))
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
