"""Importable public corpora: parsers from published files to passages.

Each parser is a pure function of its input files. Storing what was parsed is the job of
:mod:`bondmcp.store.corpora`; the engine only ever sees the resulting passages.
"""

from bondmcp.engine.corpora.base import CorpusError, Flagged, ParsedCorpus, Progress
from bondmcp.engine.corpora.medlineplus import load_medlineplus, read_medlineplus
from bondmcp.engine.corpora.medquad import load_medquad, read_medquad

__all__ = [
    "CorpusError",
    "Flagged",
    "ParsedCorpus",
    "Progress",
    "load_medlineplus",
    "load_medquad",
    "read_medlineplus",
    "read_medquad",
]
