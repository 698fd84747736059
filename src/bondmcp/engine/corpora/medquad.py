"""MedQuAD (Ben Abacha & Demner-Fushman, 2019): NIH question-answer pairs as passages.

Layout: one folder per NIH collection (``1_CancerGov_QA`` … ``12_MPlusHerbsSupplements_QA``),
one XML file per topic::

    <Document id="0000004" source="GARD" url="https://...">
      <Focus>ABCD syndrome</Focus>
      <FocusAnnotations>… <Synonyms><Synonym>…</Synonym></Synonyms></FocusAnnotations>
      <QAPairs><QAPair pid="1"><Question qtype="symptoms">…</Question><Answer>…</Answer></QAPair></QAPairs>
    </Document>

Only folders 1-9 carry answers (the publishers of 10-12 did not license theirs). Each answered
pair becomes one passage whose ``source_id`` is ``{Document@source}_{Document@id}_Sec{QAPair@pid}``,
the id MedQuAD's official relevance judgments use, so evaluations can score our citations
directly. Five files in the published set deviate from the usual shape and are read too:
one ``<DiseaseFile fid=…>`` root (CDC) and four lower-case ``<doc docid= corpus=>`` files (NINDS).

Two CancerGov documents reuse one ``Document@id`` across several files (``0000013_2.xml``,
``0000013_2_1.xml`` …, each about a different cancer), so the published id names more than
one answer. The file whose name equals the id keeps it; the others use their file name in its
place (``CancerGov_0000013_2_1_Sec1``), which is unique and stays stable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bondmcp.engine.corpora.base import CorpusError, ParsedCorpus, Progress, clean_text
from bondmcp.engine.corpora.thirdparty import COMPILED_SOURCES, third_party_reason
from bondmcp.engine.passages import Passage

ORIGIN = "medquad"
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
CITATION = (
    "Ben Abacha A, Demner-Fushman D. A question-entailment approach to question answering. "
    "BMC Bioinformatics. 2019;20:511"
)
#: Folders whose answers were published (1_CancerGov_QA … 9_CDC_QA).
ANSWERED_FOLDERS = range(1, 10)

#: MedQuAD question types → our section keys. The first seven are the knowledge base's own
#: sections. Genetic changes answer "what causes it"; inheritance answers "does it run in
#: families", which people ask as a risk question. The rest have no counterpart among the
#: built-in sections and keep a section of their own, so intent boosts never pull an
#: answer about, say, research funding into a treatment question.
SECTION_BY_QTYPE: dict[str, str] = {
    "information": "overview",
    "symptoms": "symptoms",
    "causes": "causes",
    "susceptibility": "risk_factors",
    "exams and tests": "diagnosis",
    "treatment": "treatment",
    "prevention": "prevention",
    "genetic changes": "causes",
    "inheritance": "risk_factors",
    "outlook": "outlook",
    "complications": "complications",
    "frequency": "frequency",
    "research": "research",
    "stages": "stages",
    "considerations": "considerations",
    "support groups": "support",
}

#: ``Document@source`` → the NIH publisher of the original page.
PUBLISHERS: dict[str, str] = {
    "CancerGov": "National Cancer Institute (cancer.gov)",
    "GARD": "Genetic and Rare Diseases Information Center (GARD), NIH",
    "GHR": "Genetics Home Reference, U.S. National Library of Medicine",
    "MPlusHealthTopics": "MedlinePlus, U.S. National Library of Medicine",
    "NIDDK": "National Institute of Diabetes and Digestive and Kidney Diseases (NIDDK)",
    "NINDS": "National Institute of Neurological Disorders and Stroke (NINDS)",
    "NIHSeniorHealth": "NIHSeniorHealth, National Institute on Aging and National Library of Medicine",
    "NHLBI": "National Heart, Lung, and Blood Institute (NHLBI)",
    "CDC": "Centers for Disease Control and Prevention (CDC)",
}

_FOLDER_RE = re.compile(r"^(\d+)_")
_ID_ATTRS = ("id", "fid", "docid")
_SOURCE_ATTRS = ("source", "corpus")


def attribution_for(publisher: str) -> str:
    """The credit line CC BY asks for: who wrote it, where we got it, under what licence."""
    return (
        f"{publisher}, via MedQuAD ({CITATION}); licensed {LICENSE} ({LICENSE_URL}). "
        "Text as published in 2017-2018."
    )


def section_for(qtype: str) -> str:
    """Our section key for a MedQuAD question type; an unknown type keeps its own name."""
    key = " ".join(qtype.lower().split())
    return SECTION_BY_QTYPE.get(key) or re.sub(r"[^a-z0-9]+", "_", key).strip("_") or "overview"


def answered_folders(root: Path) -> list[Path]:
    """The numbered collection folders 1-9 under ``root``, in collection order."""
    if not root.is_dir():
        raise CorpusError(f"{root}: not a folder (expected the MedQuAD folder)")
    found: list[tuple[int, Path]] = []
    for child in root.iterdir():
        match = _FOLDER_RE.match(child.name)
        if child.is_dir() and match and int(match.group(1)) in ANSWERED_FOLDERS:
            found.append((int(match.group(1)), child))
    if not found:
        raise CorpusError(
            f"{root}: no MedQuAD collection folders (1_CancerGov_QA … 9_CDC_QA) found here"
        )
    return [path for _, path in sorted(found)]


def read_medquad(path: Path, progress: Progress | None = None) -> ParsedCorpus:
    """Parse MedQuAD folders 1-9 into passages, with counts of everything left out."""
    files = [f for folder in answered_folders(Path(path)) for f in sorted(folder.glob("*.xml"))]
    result = ParsedCorpus()
    issued: set[str] = set()
    interned: dict[str, str] = {}
    for done, file in enumerate(files, 1):
        _read_file(file, result, issued, interned)
        if progress is not None:
            progress(done, len(files))
    return result


def load_medquad(path: Path, progress: Progress | None = None) -> list[Passage]:
    """The passages of MedQuAD folders 1-9 (see :func:`read_medquad` for what is skipped)."""
    return read_medquad(path, progress).passages


def _parse(file: Path) -> ET.Element:
    try:
        # Standard parser on purpose: see the note in medlineplus._parse_topics.
        root = ET.parse(file).getroot()  # noqa: S314
    except ET.ParseError as exc:
        raise CorpusError(f"{file}: not well-formed XML ({exc})") from None
    except OSError as exc:
        raise CorpusError(f"{file}: cannot be read ({exc.strerror or exc})") from None
    for element in root.iter():
        element.tag = element.tag.lower()
    return root


def _attr(element: ET.Element, names: tuple[str, ...]) -> str:
    for name in names:
        value = (element.get(name) or "").strip()
        if value:
            return value
    return ""


def _text(element: ET.Element | None) -> str:
    return clean_text("".join(element.itertext())) if element is not None else ""


def _read_file(
    file: Path, result: ParsedCorpus, issued: set[str], interned: dict[str, str]
) -> None:
    root = _parse(file)
    if root.tag not in ("document", "diseasefile", "doc"):
        raise CorpusError(f"{file}: root element <{root.tag}> is not a MedQuAD <Document>")
    doc_id = _attr(root, _ID_ATTRS)
    source = _attr(root, _SOURCE_ATTRS)
    if not doc_id or not source:
        raise CorpusError(f"{file}: the document has no id or source attribute")

    def intern(value: str) -> str:
        return interned.setdefault(value, value)

    publisher = intern(PUBLISHERS.get(source, source))
    attribution = intern(attribution_for(publisher))
    collection = intern(source)
    url = (root.get("url") or "").strip()
    focus = _text(root.find("focus")) or _text(root.find("doctitle-focus")) or file.stem
    aliases = tuple(
        dict.fromkeys(
            s
            for s in (_text(el) for el in root.iter("synonym"))
            if s and s.lower() != focus.lower()
        )
    )
    topic_id = f"medquad:{source}_{file.stem}"
    for pair in (*root.iter("qapair"), *root.iter("pair")):
        pid = (pair.get("pid") or "").strip()
        if not pid:
            raise CorpusError(f"{file}: a question-answer pair has no pid attribute")
        published_id = f"{source}_{doc_id}_Sec{pid}"
        source_id = published_id
        if source_id in issued:
            source_id = f"{source}_{file.stem}_Sec{pid}"
            if source_id in issued:
                result.skip("duplicate_source_id", published_id, str(file))
                continue
        # Claimed even when skipped below, so which file owns an id never depends on content.
        issued.add(source_id)
        question_el = pair.find("question")
        answer = _text(pair.find("answer"))
        if not answer:
            result.skip("empty_answer", published_id)
            continue
        if source in COMPILED_SOURCES:
            found = third_party_reason(answer)
            if found is not None:
                rule, evidence = found
                result.skip(f"third_party_{rule}", published_id, evidence)
                continue
        if source_id != published_id:
            result.renamed.append((published_id, source_id))
        question = _text(question_el) or None
        qtype = question_el.get("qtype", "") if question_el is not None else ""
        result.passages.append(
            Passage(
                source_id=source_id,
                topic_id=topic_id,
                title=focus,
                section=intern(section_for(qtype)),
                text=answer,
                url=url,
                publisher=publisher,
                aliases=aliases,
                attribution=attribution,
                origin=ORIGIN,
                question=question,
            )
        )
        result.categories[source_id] = collection
