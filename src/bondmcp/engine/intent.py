"""Question intent: which section of a topic the question is really asking for."""

from __future__ import annotations

import re

from bondmcp.engine.lexicon import LAB_NAMES
from bondmcp.engine.redflags import required_substrings
from bondmcp.engine.text import stem

#: "Side effects" as typed, misspellings included ("side efects", "side affects").
_SIDE_EFFECTS = r"side[- ]?(?:eff?ec?ts?|aff?ects?|effet?cs?)\b"

#: Checked in order; the first intent whose pattern matches wins.
_INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "when_to_seek_care",
            r"\bwhen (?:should|do|to|must|would) (?:i |we |you |he |she |they )?(?:see|call|go|visit|"
            r"get (?:help|checked|seen)|seek|worry|be worried)|\bshould i (?:see|go|call|be worried)|"
            r"\bis it serious\b|\bemergency\b|\bgo to (?:the )?(?:er|a&e|hospital)\b|"
            r"\bwhen is .{0,40} serious\b|\bdo i need to see\b|\bneed to see a doctor\b",
        ),
        (
            "prevention",
            r"\bprevent|\bavoid\b|\b(?:reduce|lower|cut) (?:my |the |your |his |her )?(?:risk|"
            r"chance)|\bprotect (?:myself|yourself|against|from)|\bstop (?:myself |it |them )?(?:from )?getting\b|"
            r"\b(?:stop|keep|prevent) (?:it|them|this|that) (?:from )?(?:coming|came) back\b|"
            r"\bcoming back\b(?! from)|\bkeep (?:\w+ ){0,3}(?:safe|away) from\b|\bchild ?proof|"
            # "how should i cut my nails so it stops happening".
            r"\bso (?:it|they|this|that) (?:stops?|doesn'?t|don'?t|won'?t) (?:happening|happen|coming back)\b|"
            # "keep getting ingrowns after shaving, how do i stop them": stop them coming.
            r"\b(?:keep|keeps|always) (?:getting|having|catching)\b.{0,60}\bhow (?:do|can|to|should) "
            r"(?:i |we |you |he |she |they )?(?:stop|avoid)\b|"
            r"\b(?:keep|stay|staying) (?:my |your |our |his |her |their |the )?(?:\w+ )?(?:strong|healthy|warm)\b",
        ),
        (
            "treatment",
            r"\btreat|\bcure(?!d\b)(?<!a cure)|\bget rid of|\b(?:need|needs|require|requires) (?:surgery|an operation|"
            r"treatment|antibiotics|medicine)|\brelie(?:f|ve)|\bremed|\bmanag(?:e|ing)\b|\btherap|"
            r"\bwhat (?:helps|can help|can i (?:do|take))|\bhow (?:do|can|to) (?:i |you )?(?:stop|fix|heal|"
            r"ease|deal)|\bmedicat|\bmedicines? for\b|\bheal\b|\brecover|"
            r"\bwhat (?:should|do|can) (?:i|we|you) do\b|\bwhat to do\b|"
            # "what should i be doing", "what should he be doing instead".
            r"\bwhat (?:should|could) (?:i|we|you|he|she|they) be doing\b|"
            r"\bhow (?:can|do|should|to) (?:i |we |you )?(?:lose|lower|reduce|improve|keep|quit|get over|"
            r"reverse|beat|overcome|control|calm|soothe|shift|clear|shrink)|"
            r"\bhow to (?!tell\b|know\b)|\bbest way to\b|\bways to\b|"
            # "What's the next step", "what else can they do", "anything that helps him eat",
            # "any tips for sleeping".
            r"\bnext steps?\b|\bwhat else (?:can|could|should|do|is there|are there)\b|"
            r"\bwhat (?:can|could|should) (?:he|she|they|we|you|my \w+) (?:take|use|have|give)\b|"
            r"\bwhat (?:will|would|can|could) (?:shift|clear|ease|fix|settle|soothe|sort) (?:it|this|that|them)\b|"
            r"\b(?:anything|something) (?:that |which )?(?:helps|will help|can help|could help|would help)\b|"
            r"\b(?:any|some|best|top|good) tips\b|"
            # Whether something works: "are those eye vitamins worth buying".
            r"\bworth (?:buying|taking|trying|getting|paying for|the money)\b|"
            r"\b(?:should|do|does|will|would) (?:it|they|them|mine|his|hers|theirs|my \w+) (?:have to )?"
            r"(?:come|be taken|be removed|come) out\b|\b(?:taken|come) out\b|"
            # "when do doctors decide to take the tonsils out".
            r"\btake (?:the|his|her|my|their|your|them|it)\b(?: \w+){0,2} out\b",
        ),
        (
            "diagnosis",
            # Not a diagnosis already made ("just diagnosed with gestational diabetes, will I
            # need insulin"), which is where the question starts, not what it asks.
            r"(?<!just )(?<!been )(?<!newly )(?<!recently )(?<!was )(?<!were )(?<!got )(?<!i'm )"
            r"(?<!im )(?<!i am )(?<!who's )\bdiagnos|"
            # A test that picks something up, not someone who picked up a racket or the baby.
            # Not a result already had ("tested positive for covid, how long am I catching").
            r"\btest(?:ed|ing|s)? (?!positive\b|negative\b)(?:\w+ ){0,2}for\b|"
            # "is there any point getting tested", "before i get tested".
            r"\b(?:get|gets|getting|be|being) tested\b(?! again)|"
            r"\bpick(?:s|ed)? up\b(?! (?:a|an|the|my|his|her|their|your|our|some|any|heavy|things?|it)\b)|"
            r"\bhow (?:do|can|will) (?:doctors?|they) (?:know|tell|check|find out|test)|\bdetect|"
            # "what tests are they likely to do", "what scans would show it".
            r"\bwhat (?:tests?|scans?|checks?|investigations?)\b|"
            r"\bresults?\b|\bnormal (?:range|level)|"
            r"\bwhat does (?:a |my )?.{0,30} (?:level|result|reading|number|count) mean|\bscreen(?:ed|ing)? for\b"
            # Whether a sign makes a diagnosis: "had one fit, does that mean i'm epileptic".
            r"|\bdoes (?:that|this|it) (?:mean|make) (?:i'?m|im|i am|i have|i'?ve got|(?:he|she|they)(?:'?s| is| are"
            r"| has| have)|(?:my|our) \w+ (?:is|has))\b(?! (?:\w+ )?(?:contagious|infectious|catching))",
        ),
        (
            "risk_factors",
            r"\b"
            + _SIDE_EFFECTS
            + r"|\b(?:safe|ok|okay|alright|fine) to (?:take|use|mix|drink|eat|have)\b|"
            r"\binteract|\bwith alcohol\b|"
            r"\brisk|\bwho (?:gets|is likely|is at risk|can get)|\bmore likely\b|\bprone\b|"
            r"\blikely to (?:get|have|develop|catch)\b|\bwhat makes (?:\w+ ){1,2}(?:likely|prone)\b|"
            r"\bhereditary\b|\bgenetic|\brun in (?:the )?famil|\binherit",
        ),
        (
            "causes",
            r"\bcaus|\bcontagious\b|\bborn with\b|\bpass(?:ed)? (?:it |\w+ )?on\b|"
            r"\bwhy (?:do|does|did|am|is|are|would|can|has|have|was|were)|\breason for\b|\btrigger|"
            r"\bhow do you get\b|"
            r"\bhow (?:have|has|did|could|would) (?:i|he|she|they|you|we|my \w+) (?:got|get|gotten|caught|"
            r"developed|end(?:ed)? up with)\b(?! (?:\w+ ){0,3}(?:off|rid|out|away|over|better|back)\b)|"
            r"\bwhat (?:makes|leads to|brings on|sets off|sets (?:it|them) off)\b|"
            r"\bhow (?:is|are) .{0,30} (?:spread|transmitted|caught)|"
            r"\bhow (?:do|does|did) .{0,30} (?:form|develop|happen|start|begin)\b|"
            # "how can that happen" after a surprising case, "how come".
            r"\bhow (?:can|could|does|did|would) (?:that|this|it) (?:happen|be)\b|\bhow come\b",
        ),
        (
            "symptoms",
            r"\bsymptom|\bsigns?\b|\bwhere (?:does|do|is|will) (?:it|the pain|\w+(?: \w+)?) (?:hurt|start|ache|"
            r"show|appear)|\bwhat does .{0,40} (?:feel|look|sound) like|\bhow (?:do|can|would|will) "
            r"(?:i|you|we) (?:know|tell)\b|\bwarning|\bindicat",
        ),
        (
            "overview",
            r"\bwhat (?:is|are|'s)\b(?! (?:the )?(?:most )?common\b| an? (?:good|normal|healthy|safe)\b)|"
            r"\bwhats\b|\bdefin|"
            r"\bmeaning of\b|\bexplain\b|\btell me about\b|\binformation (?:on|about)\b|"
            r"\bwhat does .{0,30} mean\b",
        ),
    )
)

#: Question forms that predict what kind of sentence answers them: "how long" wants a
#: duration, "what age" an age, "who should get" a recommendation. Each maps to stems a
#: good answer sentence tends to use and whether a number is expected.
#: A mark the engine puts on sentences that say something happens more than once ("people can
#: catch whooping cough more than once", "can be infected again"), whose words are all stop
#: words; the cue below asks for it.
REPEAT_MARK = "~repeat"
REPEAT_SENTENCE_RE = re.compile(
    r"\b(?:more than once|again|twice|a second time|recur\w*|reinfect\w*|comes? back)\b",
    re.IGNORECASE,
)

_CUES: tuple[tuple[re.Pattern[str], frozenset[str], bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), frozenset(stem(w) for w in cue_words), wants_number)
    for pattern, cue_words, wants_number in (
        (r"\bhow long\b", ("days", "weeks", "months", "years", "hours", "minutes", "lasts"), True),
        (
            # "when" asking for a time ("when does it start", "morning sickness, when?"), not
            # "when" opening a condition ("can you pass it on when you have no sores").
            r"(?:^|[,.;:?!-] ?|\b(?:and|but|so) )when\b(?! (?:should|do|to|must|would) (?:i |we |you |he |"
            r"she |they )?(?:see|call|go|visit|get help|seek|worry))|"
            r"\bwhen (?:does|do|did|is|are|was|were|can|could|will|would|should|to)\b(?! (?:i |we |you |he |"
            r"she |they )?(?:see|call|go|visit|get help|seek|worry))|\bwhen\W*$",
            ("weeks", "months", "years", "age", "before", "after", "between", "during"),
            True,
        ),
        (
            r"\bhow often\b|\bhow many times\b",
            ("every", "times", "daily", "weekly", "yearly"),
            True,
        ),
        (r"\bhow (?:soon|quickly|fast)\b", ("hours", "days", "minutes", "within"), True),
        (
            r"\bwhat age\b|\bhow old\b|\bat what age\b|\bwhen (?:should|do|can|does) "
            r"(?:i|you|kids|children|a baby|my \w+) (?:get|start|have|begin)",
            ("age", "years", "months", "older", "aged"),
            True,
        ),
        (r"\bhow (?:many|much)\b", (), True),
        (
            r"\bwho (?:should|needs|can|is eligible|gets)\b",
            ("recommended", "adults", "aged", "older", "people", "everyone"),
            False,
        ),
        (
            r"\bcounts? as\b|\bconsidered\b|\bnormal (?:range|level|reading)\b|"
            r"\bwhat (?:number|level|reading|bmi|temperature)\b",
            ("considered", "normal", "higher", "above"),
            True,
        ),
        (r"\bmost common\b", ("common", "include"), False),
        (
            # Catching it again: "can you catch whooping cough twice", "a second time".
            r"\b(?:catch|caught|get|got|getting|have|had|develop|contract)\w* (?:it |them |this |that |"
            r"(?:the )?\w+ ){0,2}(?:twice|again|a second time|more than once)\b|"
            r"\b(?:can|could|will|does|do|might) (?:it|they|this|that|\w+) (?:ever )?(?:come back|"
            r"return|recur)\b",
            (REPEAT_MARK, "recur", "reinfect", "immun"),
            False,
        ),
        (
            # What a condition can lead to: "what happens if gallstones are left untreated".
            r"\buntreated\b|\bnot treated\b|\bwhat happens if\b|\bcomplications?\b|\blead to\b|"
            r"\bwhat (?:does|can|will|could) (?:it|that|this) do\b|\bdo to (?:you|your|the|my|his|her)\b",
            ("complications", "untreated", "lead", "damage", "serious"),
            False,
        ),
        (
            # Staying away from others: "can I go to work with conjunctivitis".
            r"\b(?:go|going|back|return) (?:back )?to (?:work|school|nursery|daycare|childcare)\b|"
            r"\bstay (?:off|home|away)\b|\boff (?:work|school|nursery)\b",
            ("contagious", "home", "school", "work", "childcare", "until", "spread"),
            False,
        ),
        (
            # Taking up an activity again: "when can she go back to football after a sprain".
            r"\b(?:go|going|get|getting|come|coming) back to\b|\breturn(?:ing)? to\b",
            ("return", "until", "resume"),
            False,
        ),
        (
            # A partner's part: "does my partner need treating too".
            r"\b(?:partner|partners|boyfriend|girlfriend|husband|wife)\b",
            ("partner", "partners", "sexual"),
            False,
        ),
        (
            # Something caught from an animal: "can I catch ringworm from my cat".
            r"\bfrom (?:my |our |a |an |the )?(?:dog|dogs|cat|cats|puppy|kitten|pet|pets|animal|"
            r"animals|horse|rabbit|bird|birds)\b",
            ("pet", "pets", "animal", "animals", "vet"),
            False,
        ),
        (
            # An effect on fertility: "can chlamydia stop you getting pregnant".
            r"\b(?:getting|get|become|becoming|got) pregnant\b|\bfertility\b|\binfertil",
            ("infertility", "fertility", "pregnant"),
            False,
        ),
        (
            # Regular use of something: "is it ok to take zopiclone every night".
            r"\bevery (?:night|day|morning|evening)\b|\bnightly\b|\bdaily\b|\bfor (?:months|years)\b",
            ("short", "long", "term", "regularly", "daily"),
            False,
        ),
        (
            # How far a test can be trusted: "can a PSA test be wrong", "how accurate is...".
            r"\b(?:be|is|are|get|gets|was|were) (?:it |they |the results? )?(?:wrong|inaccurate|"
            r"unreliable|mistaken)\b|\b(?:how )?(?:accurate|reliable)\b|\bfalse (?:positive|negative|"
            r"alarm)s?\b|\bmiss(?:ed)? (?:a |the )?(?:cancer|diagnosis)\b",
            ("false", "accurate", "reliable", "miss", "missed", "overdiagnosis", "wrong"),
            False,
        ),
        (
            # Whether a test is for everyone: "should everyone get their vitamin D checked".
            r"\b(?:should|does|do) (?:everyone|everybody|all (?:adults|women|men|people)|"
            r"people|adults) (?:get|have|be)\b|\broutine(?:ly)? (?:test|screen|check)",
            ("recommend", "recommended", "evidence", "screening", "uspstf"),
            False,
        ),
        (
            r"\b(?:is|it'?s|that'?s) (?:it |that |this )?(?:normal|common|usual)\b|\bnormal (?:to|part|for)\b",
            ("normal", "common", "natural", "usual"),
            False,
        ),
        (
            r"\b(?:good|normal|healthy|safe|target|ideal|high|low) (?:\w+ )?(?:level|range|number|reading|"
            r"score|a1c|bmi|cholesterol|ldl|weight)\b|\bwhat (?:is|'s) a (?:good|normal|healthy|safe)\b",
            ("normal", "target", "goal", "range", "below", "above"),
            True,
        ),
        (
            # A time of day: "why are restless legs worse at night".
            r"\b(?:at night|in the evenings?|evenings|night ?time|overnight|in the mornings?|"
            r"first thing)\b",
            ("night", "evening", "morning", "bedtime"),
            False,
        ),
        (
            # Foods as the point of a question: "gout foods", "what foods make IBS worse".
            r"\bfoods?\b(?! poisoning| allerg| intoleran)|\bwhat (?:to|can i|should i|can you) eat\b",
            ("eating", "meat", "seafood", "drinks", "diet", "foods"),
            False,
        ),
        (
            # An adult's age given with the question: "getting spots at 35, why".
            r"\b(?:at|aged?|i'?m|im) (?:[2-9]\d)\b(?! ?(?:weeks?|wks?|days?|months?|mg|kg|lbs?|%|"
            r"degrees|c\b|f\b))|\bin (?:my|his|her|your|their) (?:20|30|40|50|60|70|80)s\b",
            ("adult", "adults", "adulthood", "age", "older", "aging"),
            False,
        ),
        (
            # Since a birth: "leak a bit when I sneeze since having my kids".
            r"\b(?:since|after) (?:having (?:my |the |a )?(?:kids|children|baby|babies|son|daughter|twins)|"
            r"giving birth|childbirth|the birth|i had (?:my |the |a )?(?:kids|children|baby|babies))\b",
            ("childbirth", "pregnancy", "birth", "delivery"),
            False,
        ),
        (
            # A reaction that grows: "wasp sting on my arm is bigger the next day".
            r"\b(?:bigger|larger)\b",
            ("large", "larger", "bigger", "grow", "grows"),
            False,
        ),
        (
            r"\bcure|\bcurable\b|\bgo away\b|\bpermanent\b",
            ("cure", "cured", "curable", "permanent"),
            False,
        ),
        (
            # Getting ready for a test: "do i need to stop my iron tablets before a ferritin test".
            r"\bbefore (?:a |an |the |my |your |his |her )?(?:[\w-]+ ){0,2}(?:test|tests|scan|x-ray|"
            r"screening|colonoscopy|mammogram|count|bloods)\b|"
            # What to wear or bring to one: "can i wear deodorant to my breast screening".
            r"\b(?:wear|use|put on|bring|take) (?:[\w-]+ ){0,2}to (?:my|the|a|an|your|his|her) (?:[\w-]+ ){0,2}"
            r"(?:appointment|test|scan|screening|mammogram)\b",
            ("before", "fast", "fasting", "preparation", "tell", "avoid"),
            False,
        ),
        (
            # Getting better untreated: "do piles go away on their own".
            r"\bon (?:its|their|it'?s|his|her) own\b|\bby (?:itself|themselves)\b|\bwithout (?:any )?help\b",
            ("better", "improve", "resolve", "settle", "disappear", "heal"),
            False,
        ),
        (
            r"\bcontagious\b|\bcatch(?:ing)?\b|\bspread\b|\bpass (?:it |\w+ )?on\b",
            ("contagious", "spread", "spreads", "catch"),
            False,
        ),
        (
            r"\b(?:won'?t|wont|doesn'?t|doesnt|not|never) go(?:ing)? away\b",
            ("treatment", "treated", "therapy", "treat"),
            False,
        ),
        (
            r"\b(?:come|taken|cut) out\b|\bremov(?:e|ed|al|ing)\b|\bsurgery\b|\boperation\b",
            ("surgery", "remove", "removal", "removed", "operation"),
            False,
        ),
        (
            r"\bgenetic\b|\bhereditary\b|\binherit|\brun in (?:the )?famil|\bpass(?:ed|es)? down\b|"
            r"\bin (?:the|my|your|our) genes\b|\bfrom (?:your|my|his|her|their|our) (?:parents|"
            r"mum|mom|dad|father|mother|grandparents)\b",
            ("genes", "inherited", "family"),
            False,
        ),
        (
            # Coming back after it went: "my nan had shingles last year and now it's back".
            r"\btwice\b|\bmore than once\b|\bagain\b|\b(?:it|they|its|it'?s|they'?re) back\b|"
            r"\bcom(?:e|es|ing) back\b(?! to)|\brecur|\bkeeps? (?:coming|getting)\b",
            ("again", "once", "return", "returns", "recur", "repeat", "back"),
            False,
        ),
        (
            # A vaccine giving the disease it protects from: "can the flu jab give you flu".
            r"\b(?:vaccines?|jabs?|shots?|vaccinations?)\b.{0,20}\b(?:give|gives|cause|causes)\b",
            ("cannot", "live", "cause", "infection"),
            False,
        ),
        (
            r"\bcan (?:you|i|he|she|people) die\b|\bdeadly\b|\bfatal\b|\bserious\b|\bdangerous\b|"
            r"\bharmful\b|\blong[- ]term\b",
            (
                "fatal",
                "death",
                "life-threatening",
                "serious",
                "die",
                "damage",
                "harm",
                "harmless",
            ),
            False,
        ),
        (
            r"\bwhere (?:does|do|is|will) ",
            (
                "back",
                "side",
                "groin",
                "lower",
                "upper",
                "left",
                "right",
                "belly",
                "abdomen",
                "spreads",
            ),
            False,
        ),
        (
            r"\bwhat (?:should|do|can) (?:i|we) do\b|\bwhat to do\b",
            ("see", "doctor", "checked", "appointment", "call"),
            False,
        ),
        (
            # Telling one thing from a milder or commoner one: "how do I know if it's strep
            # throat or just a sore throat" is answered by how the two are told apart.
            r"\bhow (?:do|can|would|will|could) (?:i|you|we|they) (?:know|tell)\b.{0,60}\bor\b|"
            r"\bor (?:is it )?(?:just|only|simply) (?:a |an )?\w+",
            ("whether", "looking", "test", "confirm", "differ", "difference"),
            False,
        ),
        (
            # Whether an illness is still seen: "is mumps still around".
            r"\bstill (?:around|about|common|a thing|exist|happen)|\b(?:nowadays|these days)\b",
            ("uncommon", "rare", "outbreaks", "become", "today"),
            False,
        ),
        (
            # Pain or symptoms that stop daily life: "period pain so bad I throw up and miss
            # school" wants when that is more than usual and needs seeing to.
            r"\bso (?:bad|severe|painful|heavy)\b|\b(?:really|very|too|unbearably) (?:bad|painful)\b|"
            r"\bunbearable\b|\bmiss(?:ing|ed)? (?:school|work|class|classes)\b|\bcan'?t (?:cope|function)\b",
            ("stops", "stopping", "cope", "normal", "daily"),
            False,
        ),
        (
            # Why a lasting state comes with a condition: "my grandad has pulmonary fibrosis,
            # why is he always out of breath" wants the sentence on how the one causes the
            # other, wherever it sits, more than the condition's list of causes.
            r"\bwhy (?:is|am|are|does|do|has|have) (?:he|she|i|we|they|it|my \w+|your \w+) "
            r"(?:always|still|constantly|so often|keep|keeps)\b",
            ("because", "causes", "caused", "makes", "leads", "due"),
            False,
        ),
        (
            # What a condition means for later: "had gestational diabetes, will I end up with
            # proper diabetes", "does a miscarriage mean I won't be able to have a baby".
            r"\bwill (?:i|she|he|we|they) end up\b|\b(?:does|do|did|would) (?:it|that|this|\w+) "
            r"mean (?:i|she|he|we|they|you) (?:will|won'?t|wont|can'?t|cant|cannot|might|may|"
            r"could|couldn'?t|am|is|are|'ll)\b|\b(?:later|later on) in life\b|\bin (?:the )?future\b|"
            r"\b(?:am|is|are) (?:i|she|he|we|they) (?:going|likely) to (?:get|have|develop)\b",
            ("later", "future", "risk", "healthy", "chance", "develop", "go"),
            False,
        ),
        (
            # Whether symptoms are a given condition: "could that be covid", "could it be
            # broken" want how it is confirmed as well as what it is.
            r"\b(?:could|might) (?:it|that|this|they|these|those) (?:be|mean)\b|"
            # A guess after the symptoms: "shaky hands and heart racing, overactive thyroid?"
            r",\s*+(?!(?:what|how|why|when|where|who|which|is|are|am|can|could|should|do|does|did|"
            r"will|would|any|normal|serious|ok|okay)\b)[a-z' -]{3,30}\?\s*$",
            ("test", "tests", "tested", "x-ray", "confirm", "confirmed", "diagnosed"),
            False,
        ),
        (
            # A relative's illness behind the question: "my mum and my nan both had migraines,
            # is that why I get them" wants whether it runs in families.
            r"\b(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandmother|grandad|"
            r"granddad|grandpa|grandfather|brother|sister|parents|grandparents|aunt|uncle)"
            r"(?: and (?:my )?\w+)? (?:both |all |also )?(?:had|has|have|got|get|suffer(?:s|ed)?)\b"
            r".{0,80}\b(?:is that why|is it why|does that mean|will i|am i|could i|do i get)\b",
            ("genes", "inherited", "family", "families"),
            False,
        ),
        (
            # Carrying on with something: "do I have to stop feeding from that side",
            # "can I still breastfeed with mastitis".
            r"\b(?:do|should|must|will) (?:i|we|you|she|he) (?:have to |need to )?stop "
            r"(?!(?:it|them|this|that) (?:from|getting|coming)\b)\w+ing\b|"
            r"\bcan (?:i|we|you|she|he) (?:still|keep|carry on|continue) \w+",
            ("continue", "continuing", "safe", "keep", "carry"),
            False,
        ),
        (
            # Doing something without harm: "get cradle cap off without hurting her head".
            r"\bwithout (?:hurting|harming|damaging|irritating|pain)\b|\bgently\b",
            ("gently", "gentle", "soft", "avoid", "pick", "scratch", "rub", "squeeze", "force"),
            False,
        ),
    )
)


#: For each cue, strings one of which every match holds (lower-case): a cue none of whose
#: strings an ASCII question holds is not searched for, which rules out most of them.
_CUE_KEYS: tuple[tuple[str, ...] | None, ...] = tuple(
    required_substrings(pattern.pattern) for pattern, _, _ in _CUES
)


def answer_cues(question: str) -> tuple[frozenset[str], bool]:
    """Stems an answer sentence is likely to use, and whether it should hold a number."""
    stems: set[str] = set()
    wants_number = False
    # Letters such as "ſ" match "s" under IGNORECASE but do not lower-case to it: only an
    # ASCII question is screened by the strings.
    lowered = question.lower() if question.isascii() else None
    for (pattern, cue_stems, number), keys in zip(_CUES, _CUE_KEYS, strict=True):
        if lowered is not None and keys is not None and not any(map(lowered.__contains__, keys)):
            continue
        if pattern.search(question):
            stems.update(cue_stems)
            wants_number = wants_number or number
    return frozenset(stems), wants_number


DOSE_RE = re.compile(
    # "low dose CT", "high-dose flu vaccine" name a scan or a vaccine, not an amount to take.
    # "How many doses of the HPV vaccine" asks for a schedule, not an amount.
    r"\b(?:(?<!low )(?<!low-)(?<!high )(?<!high-)doses?\b(?! (?:ct|cat|scan|x-?ray|flu)\b)"
    r"(?! of (?:the |a |an )?(?:[\w-]+ )?(?:vaccines?|jabs?|shots?|vaccinations?)\b)|"
    r"dosage|dosing|overdose amount|(?:the )?most (?:\w+ ){0,3}(?:(?:can|should|could|may) "
    r"(?:i|you|he|she|we|they|a person|someone)|(?:i|you|he|she|we|they|a person|someone) "
    r"(?:can|should|could|may)) (?:safely )?(?:take|give|have|use)\b|"
    r"how (?:much|many) (?:\w+ )?(?:mgs?|milligrams?|mls?|tablets?|pills?|units?|capsules?|puffs?|drops?)\b|"
    r"how (?:much|many) .{0,30} (?:can|should|do|could|"
    r"would|may) (?:i|you|he|she|we|they|a|an|my|(?:a |an |my )?\w+[- ](?:year|month|week)s?[- ]old) "
    r"(?:take|give|have|use)|\d+(?:\.\d+)?\s?(?:mg|mcg|milligrams?|micrograms?|ml|iu|units?)\b|maximum (?:daily )?"
    r"amount|max (?:dose|amount)|(?:daily|usual|correct|right) amount (?:of|to)\b|"
    r"how often (?:can|should|do) (?:i|you|he|she|we) (?:take|give)|"
    r"(?:take|give|have) (?:(?:my|him|her|them|a|an|the|\d+[- ](?:year|month)[- ]old|\w+) ){0,3}"
    r"(?:\d+|two|three|four|five|six|double|an extra|another) .{0,25}"
    r"(?:at once|at a time|at the same time|together|per day|a day|in a day|in one day|daily|every)|"
    r"milligrams?|strengths?|(?:missed|skipped|forgot|forget) (?:a |my |to take )?(?:dose|pill|tablet)|"
    r"double (?:up|dose)|how (?:long|many hours) (?:between|apart)|hours apart|"
    r"how (?:much|many) .{0,40}(?:take|give|use|have|inject|drink|eat) (?:\w+ ){0,3}(?:of it|a day|"
    r"per day|daily|at once)|how (?:much|many) (?:of )?(?:it|this|that|them) (?:can|should|do)|"
    r"how (?:much|many) (?:\w+ ){0,4}(?:is|are) too (?:much|many)|"
    r"in (?:a |one )?24 hours|per (?:day|dose|kg)|how many (?:\w+ ){0,2}(?:can|should|could|may) "
    r"(?:i|you|he|she|we|they|a|my)\b|when (?:should|do|can|to) (?:i |you |he |she )?take\b|"
    r"what time (?:of day )?(?:should|do|can|to) (?:i |you )?take\b|"
    r"(?:cut|split|break|crush|chew|halve) (?:my |the |a |an |this |that )?(?:\w+ )?"
    r"(?:pills?|tablets?|capsules?|meds)\b)",
    re.IGNORECASE,
)
#: A dose question must be about a medicine; "how much water should I drink" is not one.
_MEDICINE_RE = re.compile(
    r"\b(?:dose|doses|dosage|dosing|mg|mcg|milligrams?|micrograms?|ml|iu|units?|tablets?|pills?|"
    r"capsules?|puffs|drops|medicines?|medications?|meds|drugs?|insulin)\b(?! of alcohol)",
    re.IGNORECASE,
)


#: A value: a number that is not part of a name ("b12", "a1c"), or a positive or negative.
_RESULT_VALUE_RE = re.compile(
    r"(?<![a-z\d])\d|\b(?:positive|negative)\b",
    re.IGNORECASE,
)
_PERSONAL_RE = re.compile(
    r"\b(?:my|mine|his|her|i|i'?m|i got|came back|came out|my results?|test results?|bloods|"
    r"results? (?:are |is )?back)\b",
    re.IGNORECASE,
)


#: A result that "came back" at a value, whatever the test ("my lp(a) came back at 180"); not
#: something that came back some days later.
_CAME_BACK_VALUE_RE = re.compile(
    r"\b(?:came|come|comes|has come) back (?:at |as |with |as a |with a )?"
    r"(?:\d+(?:\.\d+)?\b(?! ?(?:days?|weeks?|months?|years?|hours?|times?|x)\b)|"
    r"(?:high|low|raised|elevated|abnormal)\b)",
    re.IGNORECASE,
)


#: What a culture, swab or biopsy of one's own found ("my urine culture grew klebsiella"):
#: a result, whatever the organism.
_CULTURE_RESULT_RE = re.compile(
    r"\b(?:my|his|her|their)\b(?: [\w-]+){0,2} (?:culture|swab|biopsy)s? (?:results? )?"
    r"(?:grew|has grown|showed|shows|found|detected|came back|was positive|is positive)\b",
    re.IGNORECASE,
)


#: What a scan, report or one's own genetic or sperm test says ("my mri says disc
#: desiccation", "genetic test says i carry a brca2 variant"): a result for a clinician. A
#: scan that "came back clear" found nothing to interpret: the question is about what else
#: it could be ("my ultrasound came back clear, can it still be endo").
_REPORT_RESULT_RE = re.compile(
    r"\b(?:mri|ct|pet|scan|x-?ray|ultrasound|echo|echocardiogram|report|genetic test|dna test|"
    r"sperm test|semen (?:test|analysis)|sperm count)s? (?:results? )?"
    r"(?:says?|said|shows?|showed|found|reported|came back)\b"
    r"(?! (?:all |completely |totally )?(?:clear|normal|fine|ok|okay|negative|nothing)\b)",
    re.IGNORECASE,
)


_MY_RE = re.compile(r"\bmy\b", re.IGNORECASE)


def asks_to_interpret_result(question_words: list[str], question: str) -> bool:
    """A person's own laboratory values ("my ferritin is 12 and hemoglobin 11.2", "my lp(a)
    came back at 180").

    Interpreting them needs a clinician who knows the rest of the picture, so the engine
    declines rather than matching the numbers against general ranges.
    """
    if _CAME_BACK_VALUE_RE.search(question) is not None and _MY_RE.search(question):
        return True
    if any(pattern.search(question) for pattern in (_CULTURE_RESULT_RE, _REPORT_RESULT_RE)):
        return True
    return (
        any(w in LAB_NAMES for w in question_words)
        and _RESULT_VALUE_RE.search(question) is not None
        and _PERSONAL_RE.search(question) is not None
    )


_CANCER = (
    r"(?:cancer|melanoma|lymphoma|leukemia|leukaemia|tumou?r|carcinoma|sarcoma|glioma|myeloma)"
)
_STATISTIC_RE = re.compile(
    r"\b(?:survival|success|cure|recurrence|mortality|death|failure) rates?\b|\blife expectancy\b|"
    r"\bsurvival (?:chances?|odds|time)\b|\bchances? of (?:survival|surviving|success|it working)\b|"
    r"\bprognosis\b|\bhow long (?:do|does|will|can|would) (?:\w+ ){0,3}(?:live|survive)\b|"
    r"\bodds of (?:survival|surviving|success)\b|"
    # What will become of one person: "will my mum ever walk again", "will he be talking by
    # the time he's 5".
    r"\bwill (?:my \w+|he|she|they|we|i) (?:\w+ ){0,2}ever\b|"
    r"\bby the time (?:he|she|they|i|we)(?:'s|'re| is| are| am| turns?)\b|"
    # "is he going to make it", "will she be able to go back to living on her own".
    r"\b(?:is|are|will) (?:my \w+|he|she|they) (?:\w+ ){0,2}(?:going to |gonna )?(?:make it|pull through)\b|"
    r"\bwill (?:my \w+|he|she|they) (?:\w+ ){0,2}be able to (?:go back to|return to|get back to) "
    r"(?:living|live|work\w*|walk\w*|driv\w*|normal)\b|"
    # "will she be able to have kids one day": one person's fertility to come.
    r"\bwill (?:my \w+|he|she|they) (?:\w+ ){0,2}be able to (?:have|father|conceive) (?:kids|children|"
    r"a baby|babies|a family|a child)\b|"
    # "will he wake up with brain damage", "will he have problems when he's older", "how many
    # operations will she need".
    r"\bwill (?:my \w+|he|she|they) (?:\w+ ){0,2}wake up\b|"
    r"\bwill (?:my \w+|he|she|they) (?:\w+ ){0,2}have (?:\w+ ){0,2}problems (?:when|as|once) "
    r"(?:he|she|they)(?:'s|'re| is| are| gets?| grows?)\b|"
    r"\bhow many (?:operations|surgeries|ops|procedures) will (?:my \w+|he|she|they|i) need\b|"
    # How long one person has left: "how many years has she got", "will he live to see".
    r"\bhow (?:many (?:years|months)|long|much time) (?:has|have|'s) (?:\w+ ){0,2}got\b(?! to)|"
    r"\b(?:will|would) (?:my \w+|he|she|they|i|we) (?:\w+ ){0,2}live to (?:see|be|reach)\b|"
    # How fast one person's illness will progress: "how quickly will he go downhill".
    r"\bhow (?:quickly|fast|soon) (?:will|would|is) (?:my \w+|he|she|they|i|we) (?:\w+ ){0,2}"
    r"(?:go(?:ing)? downhill|decline|deteriorate|get worse|progress)\b|"
    # Figures and stages that general content rarely gives: a medicine's half-life, what
    # to do at a given stage of a cancer.
    r"\bhalf[- ]li(?:fe|ves)\b",
    re.IGNORECASE,
)
#: A cancer's stage ("treatment for stage 4 melanoma"), looked for only in a question that
#: says "stage": trying the cancer words at every position costs more than the rest above.
_CANCER_STAGE_RE = re.compile(
    r"\bstage (?:[1-4]|i{1,3}|iv|one|two|three|four)\b(?=.{0,40}"
    + _CANCER
    + r")|"
    + _CANCER
    + r".{0,40}\bstage (?:[1-4]|i{1,3}|iv|one|two|three|four)\b",
    re.IGNORECASE,
)
#: A sentence that can answer a question about survival or success: it gives a figure or
#: speaks of the outlook itself.
_STATISTIC_ANSWER_RE = re.compile(
    r"%|\bpercent|\bper cent|\b\d+ (?:in|out of) \d+\b|\bsurviv\w*|\blife expectancy\b|\blifespan\b|"
    r"\blive (?:a )?(?:normal|long|full)|\boutlook\b|\bprognosis\b|\bsuccess rate|\bhalf[- ]li(?:fe|ves)\b|"
    r"\bstage (?:[1-4]|i{1,3}|iv|one|two|three|four)\b",
    re.IGNORECASE,
)


def asks_for_statistic(question: str) -> bool:
    """Survival, success or life-expectancy questions ("stage 4 pancreatic cancer survival
    rate", "life expectancy with ALS"), and others that want a figure or a stage the content
    must give itself ("half-life of Xanax", "treatment for stage 4 melanoma")."""
    if _STATISTIC_RE.search(question) is not None:
        return True
    return "stage" in question.lower() and _CANCER_STAGE_RE.search(question) is not None


def answers_statistic(sentence: str) -> bool:
    """Does a sentence give a figure or an outlook that such a question asks for?"""
    return _STATISTIC_ANSWER_RE.search(sentence) is not None


#: Recovery from an operation ("recovery time after a hip replacement", "how long off work
#: after a hysterectomy"): a topic that only names the operation cannot answer it.
_RECOVERY_RE = re.compile(
    r"\b(?:recover\w*|recuperat\w*|heal\w*|off work|back (?:to|at) (?:work|normal|school|driving)|"
    r"(?:walk|drive|run|exercise|lift)\w* (?:properly|normally|again))\b(?: [\w']+){0,3}? "
    r"(?:after|from|following) (?:[\w'-]+ ){0,3}(?:[a-z]+(?:ectomy|otomy|ostomy|plasty|oscopy)|surgery|"
    r"operation|op|replacement|transplant|reconstruction|c-section|caesarean|cesarean)\b",
    re.IGNORECASE,
)
#: A sentence that says how long something takes.
_DURATION_ANSWER_RE = re.compile(
    r"(?<!times )(?<!per )(?<!each )(?<!every )"
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|a|an)"
    r"(?:(?: to | or |-)(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve))? "
    r"(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


def asks_for_recovery_time(question: str) -> bool:
    """How long recovery from an operation takes, which the content must state itself."""
    return _RECOVERY_RE.search(question) is not None


_RECOVERY_ANSWER_RE = re.compile(
    r"\b(?:recover\w*|heal\w*|surgery|surgeries|operations?|procedures?|back to)\b", re.IGNORECASE
)


def answers_recovery_time(sentence: str) -> bool:
    """Does a sentence say how many days, weeks or months recovery or healing takes?"""
    return (
        _DURATION_ANSWER_RE.search(sentence) is not None
        and _RECOVERY_ANSWER_RE.search(sentence) is not None
    )


#: "How long does it take to heal": a question about the usual course, which any section
#: may give, not about treatment; the "how long" cue finds the sentence with the duration.
_DURATION_RE = re.compile(
    r"\bhow long (?:\w+ ){0,6}(?:to )?(?:heal|recover|get better|clear up)\b", re.IGNORECASE
)


#: "What is lupus and who gets it": a question that first asks what something is wants
#: the overview, which says what it is, before any second part.
_WHAT_IS_AND_RE = re.compile(
    r"^\s*(?:what(?: i|')s|what are|whats) (?:an? |the )?[\w' -]{2,40}? and "
    r"(?:who|what|how|why|when|where|is|are|can|does|do)\b",
    re.IGNORECASE,
)


#: "What happens if it is not treated": a question about what a condition leads to, not
#: about its treatment; the answer cue for complications finds the sentences.
_UNTREATED_RE = re.compile(
    r"\buntreated\b|\bnot treated\b|\bwithout treatment\b|\bif (?:you |i |we )?(?:don'?t|do not|never) "
    r"treat",
    re.IGNORECASE,
)


#: "Crohn's vs ulcerative colitis": two things set side by side are told apart by what
#: each one is, which the overviews say.
_COMPARISON_RE = re.compile(
    r"\bvs\b\.?|\bversus\b|\bdifference between\b|\bdiffer(?:ent|s)? from\b|"
    r"\bcompared? (?:to|with)\b|\bwhich (?:is|one is|'s) (?:better|worse|safer)\b",
    re.IGNORECASE,
)


#: For each intent, strings one of which every match of its pattern holds (see _CUE_KEYS).
_INTENT_KEYS: tuple[tuple[str, ...] | None, ...] = tuple(
    required_substrings(pattern.pattern) for _, pattern in _INTENTS
)


#: "Does valacyclovir cure herpes": whether something cures, which the sentence saying so
#: answers wherever it sits, not the treatment section as a whole.
_DOES_IT_CURE_RE = re.compile(
    r"^\s*(?:does|do|will|can|would|could) (?:[\w'-]+ ){1,4}cure\b", re.IGNORECASE
)


def detect_intent(question: str) -> str | None:
    """The section a question asks for, or ``None`` when it states no intent."""
    if (
        _DURATION_RE.search(question)
        or _UNTREATED_RE.search(question)
        or _DOES_IT_CURE_RE.search(question)
    ):
        return None
    if _WHAT_IS_AND_RE.search(question):
        return "overview"
    lowered = question.lower() if question.isascii() else None  # see answer_cues
    for (name, pattern), keys in zip(_INTENTS, _INTENT_KEYS, strict=True):
        if lowered is not None and keys is not None and not any(map(lowered.__contains__, keys)):
            continue
        if pattern.search(question):
            return name
    if _COMPARISON_RE.search(question):
        return "overview"
    return None


_SIDE_EFFECTS_RE = re.compile(
    r"\b" + _SIDE_EFFECTS + r"|\badverse (?:effects?|reactions?)\b", re.IGNORECASE
)


def asks_for_side_effects(question: str) -> bool:
    """Does the question ask what a medicine or treatment can do besides its purpose?

    Detection files it under risk factors, where a medicine's topic keeps its cautions; a
    condition's topic keeps there the risks of getting the condition instead, and tells the
    side effects of its treatments with the treatments.
    """
    return _SIDE_EFFECTS_RE.search(question) is not None


def asks_for_dose(question: str, *, names_medicine: bool = False) -> bool:
    """Dosing questions are never answered from general content: doses are individual.

    ``names_medicine`` says the question names a medicine (the engine knows drug names);
    otherwise a dosing word or unit must be present.
    """
    if DOSE_RE.search(question) is None:
        return False
    return names_medicine or _MEDICINE_RE.search(question) is not None


#: A medicine the question says has not worked ("ibuprofen does nothing", "tried calpol but it
#: isn't touching it"): context for the question, not its subject.
_FAILED_TREATMENT_RE = re.compile(
    r"\b([a-z][\w-]+) (?:(?:just|really|even|also|still|at all|but|and it|it) ){0,2}"
    r"(?:does nothing|did nothing|do nothing|doesn'?t (?:help|work|touch|do)|didn'?t (?:help|work|touch|do)|"
    r"isn'?t (?:helping|working|touching|doing)|wasn'?t (?:helping|working)|not (?:helping|working|touching)|"
    r"hasn'?t (?:helped|worked)|haven'?t (?:helped|worked)|won'?t touch|no (?:help|use|good))\b"
    r"|\btried (?:some |taking |the )?([a-z][\w-]+)(?: and [a-z][\w-]+)? (?:but|and) "
    r"(?:it |they )?(?:didn'?t|did not|does ?n'?t|don'?t|no|nothing)\b"
)


def failed_treatments(question: str) -> frozenset[str]:
    """Words for medicines the (lower-cased) question says did not help."""
    return frozenset(
        word for match in _FAILED_TREATMENT_RE.finditer(question) for word in match.groups() if word
    )
