"""Scope: is this a health question at all?

A question is in scope when it names a topic we know, uses health vocabulary, carries a
medical-looking word, or was triaged as urgent. Everything else gets a polite redirect
rather than a guess dressed up as a medical answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bondmcp.engine.lexicon import HEALTH_WORDS, STOPWORDS
from bondmcp.engine.text import stem, words

#: Everyday words that occur in topic names and aliases ("kidney *function* test",
#: "*good* cholesterol") but say nothing about health on their own.
COMMON_WORDS = frozenset(
    """abuse accident active activity acute add adult age analysis annual anti attack attacks
    attention average back bad balanced basic beat binge birth blockage blocked blue bottom
    bug build burst buzzing care catch cell central change channel check checking chicken
    chocolate clinical closure cloudy cold common community complete comprehensive constant
    consumption control count cutting damage day decay deep density dependence die
    difficulty discharge double drinking drop dry dust early eat eating effects egg elevated
    end energy enough excessive external failure falling family fasting feeling feelings
    female fit fishy flare flashes fluid food foot feet fingers formerly fragile frequency
    frequent full function giving gland glue good group guidelines habits hand hands hard
    head high hot human hundred imbalance implant induced internal intake irregular kill
    lack latent leaky left leg legs level levels life limits lock long loose losing loss low
    lower lowering major male management middle milk mini misuse month morning movements
    need needing needles night noise noises non open oral passing pet physical planning poor
    post pre pressure prevention problem problems pump racing raised random ratio raw ray
    reaction reading reason red related removal repair resistance resistant restrictive
    retention right risk room routine running runny runs safe sample scan screening seal
    seasonal sensitive seven severe shell shock short shot side sided simple specific spots
    spray spreading stable stage standing staying stiff stop stopping sudden sugar swings
    tear temperature tension test tests thread three tight time tips tolerance trauma tree
    trouble trying turning type unstable updated urgency urgent use visits waking walking
    want wanting warning water watery weak wear weight well wet white widespread winter
    without working worry worrying year""".split()
)

#: Suffixes of medical vocabulary: conditions (-itis, -osis, -emia, -pathy...), procedures
#: (-ectomy, -scopy) and drug stems (-cillin, -statin, -prazole, -olol, -pril, -sartan...).
_MEDICAL_SUFFIX = re.compile(
    r"[a-z]{3,}(?:itis|osis|emia|aemia|pathy|algia|ectomy|otomy|oscopy|ography|oma|plasia|"
    r"cillin|mycin|cycline|floxacin|statin|prazole|tidine|olol|pril|sartan|dipine|gliptin|"
    r"gliflozin|glutide|formin|azepam|azolam|oxetine|aline|triptan|profen|codone|mab|vir|"
    r"vastatin|azole|thiazide|semide|sone|olone)$"
)


class ScopeDetector:
    def __init__(self, topic_vocabulary: Iterable[str] = ()) -> None:
        self._stems = frozenset(stem(w) for w in HEALTH_WORDS)
        exact: set[str] = set(HEALTH_WORDS)
        for phrase in topic_vocabulary:
            for word in words(phrase):
                if (
                    len(word) >= 3
                    and word not in COMMON_WORDS
                    and word not in STOPWORDS
                    and not word.isdigit()
                ):
                    exact.add(word)
        self._exact = frozenset(exact)

    def is_health_word(self, word: str) -> bool:
        if word in STOPWORDS:
            return False
        # Stems only for longer words: short ones collide ("tire" and "tired").
        return (
            word in self._exact
            or (len(word) >= 7 and stem(word) in self._stems)
            or (word.endswith("s") and word[:-1] in self._exact)
            or _MEDICAL_SUFFIX.match(word) is not None
        )

    def health_terms(self, question: str) -> list[str]:
        return [w for w in words(question) if self.is_health_word(w)]

    def in_scope(self, question: str) -> bool:
        return bool(self.health_terms(question))
