"""Event mentions in conflict news, typed with ACLED's sub-event labels.

Method: lexico-syntactic trigger patterns (one compiled alternation) in the
style of rule-based event coders (TABARI / PETRARCH for CAMEO; here the
sub-event definitions of the ACLED Codebook, 2023/2024 edition), applied per
Punkt sentence (:mod:`toolkit.annotate.sentences`). Each sentence yields at most
one mention per event type. For each mention:

* ``actor``: the agent noun phrase nearest before the trigger ("Russian forces"),
  or after a passive "by ..."; ``target``: the first target noun phrase after it;
* ``place``: the most specific gazetteer place of the sentence
  (``toolkit/resources/gazetteer/places.tsv``; "Kharkiv region" is the oblast, "Kharkiv" the city);
* ``date``: the day-resolved DATE time expression inside the sentence, else the
  nearest preceding one in the same paragraph (TimeML/TIMEX3 values from
  :mod:`toolkit.annotate.times` when available; otherwise a built-in reader of
  explicit calendar dates, ``date_source='explicit_date'``), else the dateline
  (``published``, ``date_source='dateline'``);
* ``claimed_by``: "according to X", "..., X said", "X announced that ...";
* ``negated`` / ``hedged``: NegEx-style cue windows (Chapman et al. 2001): the 8
  words before the trigger, inside its clause, hold a negation cue (denied,
  rejected, not, failed to, ...) or a modality cue (will, would, pledged,
  planned, threatened, calls for, ...). A pledge to return 6,000 bodies is a
  hedged "Repatriation of remains", not one that happened.

Dateline's own labels "Prisoner exchange", "Repatriation of remains", "Peace
talks" and "Ceasefire" are all ACLED "Agreement" events; see
:data:`ACLED_PARENT`.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

import pandas as pd

from toolkit import schema
from toolkit.annotate._eventlex import (
    ACTOR,
    ACTOR_SCAN,
    NON_WORD_LOW,
    TARGET_NEAR,
    TARGET_NEAR_LOW,
    SentenceLocator,
    best_place,
    case_folds_simply,
    claimed_by,
    clause_start,
    cue_before,
    find_places,
    first_pairs,
    lowercase_variant,
    split_alternatives,
    trie_pattern,
)
from toolkit.annotate.sentences import _check_columns
from toolkit.datelines import MONTHS

AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"
CLASH = "Armed clash"
IED = "Remote explosive/landmine/IED"
ATTACK = "Attack"
ABDUCT = "Abduction/forced disappearance"
ARREST = "Arrests"
AGREE = "Agreement"
TRANSFER = "Non-violent transfer of territory"
REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
LOOT = "Looting/property destruction"
DISRUPT = "Disrupted weapons use"
PROTEST = "Peaceful protest"
PROTEST_I = "Protest with intervention"
POW = "Prisoner exchange"
REMAINS = "Repatriation of remains"
TALKS = "Peace talks"
CEASEFIRE = "Ceasefire"

EVENT_TYPES: tuple[str, ...] = (
    AIR, SHELL, CLASH, IED, ATTACK, ABDUCT, ARREST, AGREE, TRANSFER, REGAIN, OVERTAKE, LOOT,
    DISRUPT, PROTEST, PROTEST_I, POW, REMAINS, TALKS, CEASEFIRE,
)
#: ACLED sub-event type that each Dateline label corresponds to (ACLED codes prisoner
#: exchanges, repatriations, talks and ceasefires as "Agreement").
ACLED_PARENT: dict[str, str] = {POW: AGREE, REMAINS: AGREE, TALKS: AGREE, CEASEFIRE: AGREE}
#: Event types that can carry casualties.
VIOLENT: frozenset[str] = frozenset({AIR, SHELL, CLASH, IED, ATTACK, ABDUCT, PROTEST_I, LOOT})

_W = r"(?:[\w'’-]+\s+)"  # one word and its trailing space
_TERRITORY = "TERRITORY"  # placeholder type, resolved by actor
_WEAK_ATTACK = "WEAK_ATTACK"  # "killed a civilian": an Attack only when no weapon is named in the sentence

# (type, pattern) - order matters only for readability; one mention per type per sentence
_TRIGGERS: tuple[tuple[str, str], ...] = (
    (DISRUPT, r"shot\s+down|shooting\s+down|intercept(?:ed|ing|ion)|downed|defus(?:ed|ing)|demin(?:ed|ing)"
              r"|cleared\s+" + _W + r"{0,3}(?:mines?|explosives?|ordnance)"
              r"|neutrali[sz](?:ed|ing)\s+" + _W + r"{0,3}(?:drones?|missiles?|UAVs?|explosive\w*|mines?)"
              r"|(?:destroyed|disabled|suppressed|jammed)\s+" + _W + r"{0,4}(?:drones?|UAVs?|missiles?|Shaheds?)"
              r"|electronic\s+warfare|air\s+defen[cs]e\s+(?:forces|units|systems?)?\s*(?:destroyed|repelled|repulsed|worked|was\s+active)"
              r"|seized\s+" + _W + r"{0,3}(?:weapons|ammunition|explosives|arms)|(?:arms|weapons|ammunition)\s+caches?"),
    (AIR, r"air\s?strikes?|airstrikes?|air\s+raids?|aerial\s+(?:bomb\w*|attacks?|strikes?)"
          r"|(?:guided|glide|gliding|aerial|KAB|FAB|UPAB)[- ](?:aerial\s+)?bombs?|\bKABs?\b|\bFABs?\b"
          r"|dropped\s+" + _W + r"{0,4}(?:bombs?|explosives?|grenades?|munitions?|ordnance)"
          r"|drone\s+(?:strikes?|attacks?|assaults?|raids?|hits?)|drones?(?=\s+and\s+missile\s+(?:strikes?|attacks?))|UAV\s+(?:strikes?|attacks?)"
          r"|(?:kamikaze|attack|Shahed|Geran|FPV|combat|loitering|strike|suicide|explosive)[- ]drones?|Shaheds?"
          r"|Lancet|loitering\s+munitions?"
          r"|(?:with|using|by)\s+(?:a\s+|an\s+)?" + _W + r"{0,2}(?:drones?|UAVs?|quadcopters?)\b"
          r"|(?:drones?|UAVs?|aircraft|aviation|warplanes?|jets?|helicopters?)\s+(?:struck|hit|attacked|bombed|targeted|dropped|fired|launched)"
          r"|bombed|\bbombing\b|bombarded\s+from\s+the\s+air|launched\s+from\s+(?:\w+\s+)?(?:aircraft|jets?|planes?|bombers?|helicopters?)"
          r"|air-launched|air-to-(?:surface|ground)"),
    (SHELL, r"shell(?:ed|ing|s)\b|artillery|mortars?|\bMLRS\b|multiple[- ](?:launch\s+)?rocket|rockets?\b"
            r"|\bGrads?\b|Uragan|Smerch|Tornado-S|HIMARS|missiles?|Iskander|Kinzhal|Kalibr|Kh-\d+|S-300|Tochka"
            r"|tank\s+fire|fired\s+(?:\d+|[a-z]+)\s+times\s+(?:at|on)|fired\s+(?:on|at|upon|towards?)(?!\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,2}(?:civilians?|evacuation|car|vehicle|bus|man|woman|residents?|people|volunteers?|ambulance)\b)|bombardment|bombarded"),
    (CLASH, r"clash(?:ed|es|ing)?|(?:heavy|fierce|intense|ongoing|street|active|continued|continuing)\s+fighting"
            r"|fighting\s+(?:near|in|around|for|continue[sd]?|between|broke\s+out|took\s+place|on\s+the|raged|intensified)"
            r"|fought|firefights?|gun\s?fights?|gun\s?battles?|battles?\s+(?:near|in|for|around)|engaged\s+in\s+(?:combat|battle)"
            r"|combat\s+engagements?|exchange[sd]?\s+(?:of\s+)?fire|repell?ed|repuls(?:ed|ing)"
            r"|(?:attempted|attempting|tried|trying)\s+to\s+(?:advance|attack|storm|break\s+through|assault|push|capture|enter|encircle|cross)"
            r"|engaged\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)|attacked\s+(?:the\s+)?(?:Russian|Ukrainian|enemy)\s+(?:positions|troops|forces|units)"
            r"|(?:conducted|launched|carried\s+out|mounted)\s+(?:an?\s+|several\s+|\d+\s+)?(?!(?:missile|drone|rocket|air|artillery|mortar|UAV|aerial|bomb))(?:[\w-]+\s+)?(?:assaults?|offensives?|attacks?)\s+(?:near|on|in|towards?|against)\s+(?!(?:civilian|residential|energy|the\s+city))"
            r"|offensive\s+(?:near|on|in|towards?)|battles?\s+between|combat\s+(?:near|in|around)|(?:assault|offensive)\s+(?:actions|operations)"
            r"|stormed|storming|sabotage\s+and\s+reconnaissance|ambush(?:ed)?|counter-?attack(?:ed|s)?"
            r"|infantry\s+(?:attack|assault)s?"),
    (IED, r"land\s?mines?|anti-(?:personnel|tank)\s+mines?|(?:stepped|drove|ran|driving)\s+(?:on|over|onto|into)\s+(?:a\s+|an\s+)?" + _W + r"{0,2}mines?"
          r"|(?:hit|struck)\s+(?:a\s+)?mine\b|(?:blew\s+up|exploded|detonated|injured|killed|wounded)\s+(?:on|by)\s+(?:a|an)\s+" + _W + r"{0,2}mines?\b|mines?\s+(?:explosion|blast|exploded|detonated|went\s+off)"
          r"|\bIEDs?\b|improvised\s+explosive|explosive\s+devices?|car\s+bomb(?:ing)?s?|booby[- ]trap\w*|trip\s?wires?"
          r"|unexploded\s+(?:ordnance|munitions?|shells?|explosives?|bombs?)|\bUXO\b"
          r"|(?:ordnance|device|munition|shell|grenade|explosive\s+object|object|car)\s+(?:exploded|detonated|went\s+off|blew\s+up)"
          r"|(?:detonated|set\s+off)\s+(?:a\s+|an\s+)?" + _W + r"{0,2}(?:device|explosives?|bomb)|remote(?:ly)?\s+(?:detonated|controlled\s+(?:bomb|explosive))"),
    (ATTACK, r"shot\s+(?:dead|and\s+killed|at)|opened\s+fire\s+(?:on|at)\s+(?:a\s+|an\s+)?" + _W + r"{0,2}(?:civilians?|cars?|vehicles?|residents?|people|men|man|woman|evacuation)"
             r"|fired\s+(?:on|at|upon)\s+(?:a|an|the)\s+" + _W + r"{0,2}(?:civilians?|evacuation|car|vehicle|bus|man|woman|residents?|people|volunteers?|ambulance)"
             r"|gunned\s+down|stabb(?:ed|ing)|beat(?:en|ing)?\s+(?:to\s+death|up|him|her|them|a\b)|execut(?:ed|ion)|tortur(?:ed|ing)"
             r"|shot\s+(?:a|an|\d+|two|three|the)\s+" + _W + r"{0,2}(?:civilian|man|woman|resident|boy|girl|driver|people|civilians)"
             r"|assassinat\w+|murder(?:ed|ing)?|attacked\s+(?:a\s+|an\s+|the\s+)?" + _W + r"{0,2}(?:civilians?|m[ae]n|wom[ae]n|residents?|journalists?|activists?|volunteers?|priests?|officials?|officers?|policem[ae]n|teachers?|farmers?|head|mayor|deputy|collaborators?|drivers?)\b"
             r"|signs\s+of\s+(?:torture|violent\s+death|violence|beating)|rap(?:ed|ing)\b|sexual(?:ly)?\s+(?:violence|assault\w*)|physically\s+assaulted|assaulted\s+(?:a|an)\b"),
    (_WEAK_ATTACK, r"(?:killed|shot|wounded|injured|beat)\s+(?:a|an|\d+|two|three|several)\s+" + _W + r"{0,2}(?:civilians?|residents?|m[ae]n|wom[ae]n|volunteers?|boys?|girls?)\b"),
    (ABDUCT, r"captured\s+(?:a|an|\d+|two|three|several)\s+" + _W + r"{0,2}(?:civilians?|residents?|m[ae]n|wom[ae]n|volunteers?|journalists?|activists?)\b|abduct\w*|kidnap\w*|forcibly\s+(?:disappeared|deported|transferred|taken|removed|mobili[sz]ed)|forced\s+disappearances?"
             r"|(?:taken|took|brought|transported)\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:an\s+)?unknown\s+(?:location|destination|place)|to\s+an?\s+unknown\s+(?:location|destination|place)|whereabouts\s+(?:are|is|remain)\s+unknown"
             r"|held\s+(?:captive|hostage)|taken\s+(?:captive|hostage)|hostages?\b|illegally\s+detained|filtration"),
    (ARREST, r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|detention|taken\s+into\s+custody|apprehend(?:ed|ing)|\bcaught\b|captured\s+(?:a|an|\d+|two|three|several)\s+" + _W + r"{0,2}(?:saboteurs?|agents?|spies|spy|collaborators?|informants?)"),
    (AGREE, r"agreements?|agreed\s+(?:to|on|upon)|(?:signed|reached|struck|brokered|concluded)\s+(?:a|an|the)\s+" + _W + r"{0,3}(?:deal|accord|memorandum|agreement|truce|pact)"
            r"|(?:grain|prisoner|evacuation)\s+deal|humanitarian\s+corridors?|evacuation\s+corridors?"),
    (TRANSFER, r"withdr[ae]w(?:n)?\s+(?:" + _W + r"{0,3})?from|withdrawal\s+(?:of\s+" + _W + r"{0,3})?from|retreat(?:ed)?\s+from|pulled\s+(?:out|back)\s+(?:of|from)"
               r"|handed\s+over\s+control|without\s+(?:a\s+)?(?:fight|fighting|resistance)|ceded\s+control|\bcede[sd]?\b"),
    (_TERRITORY, r"recaptur(?:ed|ing)|retook|retaken|re-?took|regain(?:ed|ing)?\s+control|de-?occupied"
                 r"|liberat(?:ed|ing|ion\s+of)\s+(?:the\s+)?(?:village|town|city|settlement|hamlet|(?-i:[A-Z]))"
                 r"|captur(?:ed|ing)\s+(?:the\s+)?(?:village|town|city|settlement|hamlet|locality|(?-i:[A-Z]))|seiz(?:ed|ing)\s+control"
                 r"|took\s+(?:full\s+)?control|taken\s+(?:full\s+)?control|(?:gained|established|assumed)\s+control"
                 r"|occupied\s+(?:the\s+)?(?:village|town|city|settlement|(?-i:[A-Z]))|overran|raised\s+(?:the|a|their)\s+(?:\w+\s+)?flag"
                 r"|(?:entered|reached|advanced\s+(?:in)?to|pushed\s+into|broke\s+into)\s+(?:the\s+)?(?:village|town|city|settlement|outskirts|(?-i:[A-Z]))"),
    (LOOT, r"loot(?:ed|ing|ers)?|plunder\w*|pillag\w*|set\s+(?:on\s+)?fire\s+(?:to\s+)?|set\s+ablaze|arson\w*|torch(?:ed|ing)"
           r"|vandali[sz]\w*|burn(?:ed|t)\s+down|demolish(?:ed|ing)|dismantl(?:ed|ing)|property\s+destruction"
           r"|(?:destroyed|damaged|toppled|removed)\s+(?:a\s+|an\s+|the\s+)?" + _W + r"{0,2}(?:monument|memorial|statue|billboard|flag|shrine|cross)s?"
           r"|(?:seized|confiscated|expropriated|stole|stolen)\s+" + _W + r"{0,3}(?:property|grain|equipment|vehicles?|cars?|houses?|apartments?|businesses?)"
           r"|nationali[sz]ed|expropriat\w+"),
    (PROTEST, r"protest(?:ed|ers|ing|s)?|demonstrat(?:ed|ions?|ors)\b"
              r"|rall(?:y|ies|ied)\s+(?:in|against|outside|near|at|on|for|to\s+(?:demand|protest|support|call|mark)|calling|demanding)\b"
              r"|(?:held|staged|organi[sz]ed|attended|joined|hold|stage)\s+(?:a\s+|an\s+)?(?!to\s)(?:[\w-]+\s+)?rall(?:y|ies)\b|picket(?:ed|s|ing)?\b"
              r"|gathered\s+[^.;]{0,60}?(?:to\s+(?:demand|protest|support|call|commemorate|express|honou?r|oppose|mark)|in\s+support|against|calling)"
              r"|march(?:ed|es)?\s+(?:for|against|in\s+support|through)|sit-in|hunger\s+strike|flash\s?mob|car\s+rall(?:y|ies)"
              r"|(?:held|staged|organi[sz]ed|attended|joined|led)\s+(?:a\s+|an\s+|the\s+)?(?!in\s|on\s)(?:[\w-]+\s+)?(?-i:march(?:es)?|demonstrations?)\b"
              r"|took\s+to\s+the\s+streets?\b"),
    (POW, r"prisoners?\s+(?:of\s+war\s+)?(?:exchanges?|swaps?)|(?:exchanges?|swaps?)\s+of\s+" + _W + r"{0,2}(?:prisoners|POWs|captives|detainees|servicemen)"
          r"|POWs?\s+(?:exchanges?|swaps?)|(?:exchanged|swapped)\s+" + _W + r"{0,4}(?:prisoners|POWs|captives|detainees|servicemen|soldiers)"
          r"|(?:returned|released|freed|brought\s+home)\s+" + _W + r"{0,4}(?:prisoners|POWs|captives|servicemen|defenders|soldiers)\b(?!\s+(?:who|that)\s+(?:died|were\s+killed|lost))"
          r"|(?:returned|released|freed|came\s+back|came\s+home|returned\s+home)\s+from\s+(?:Russian\s+|Ukrainian\s+)?captivity"
          r"|(?:carried\s+out|conducted|held|completed)\s+(?:an?\s+|another\s+)?" + _W + r"{0,2}(?:exchange|swap)\b"
          r"|(?:prisoners|POWs|captives|servicemen|defenders|Ukrainians|Russians)\s+" + _W + r"{0,3}(?:returned\s+home|were\s+(?:returned|released|freed)|came\s+home|have\s+been\s+(?:returned|released|freed))"),
    (REMAINS, r"(?:return(?:ed|s|ing)?|repatriat\w+|hand(?:ed|s|ing)?\s+over|transferr?(?:ed|s|ing)?|receiv(?:ed|es|ing)|exchang\w+|swap\w*|brought\s+back)\s+"
              + r"(?:[\w'’-]+\s+|\d[\d,.]*\s+){0,5}?(?:bodies|remains|corpses|bodies\s+of\s+(?:fallen|dead|killed))\b"
              r"|(?:bodies|remains)\s+" + _W + r"{0,8}?(?:were|was|have\s+been|had\s+been|are\s+being)\s+(?:returned|repatriated|handed\s+over|transferred)"
              r"|repatriation|return\s+of\s+" + _W + r"{0,4}?(?:bodies|remains)|bodies\s+of\s+" + _W + r"{0,2}(?:soldiers|servicemen|defenders)\s+(?:returned|repatriated)"),
    (TALKS, r"(?:peace|ceasefire|direct|bilateral|trilateral|fresh|new|face-to-face)\s+talks|\btalks\s+(?:in|with|between|on|to\s+end|aimed)"
            r"|rounds?\s+of\s+" + _W + r"{0,2}talks|negotiations?|negotiat(?:ed|ing|ors?)|peace\s+(?:summit|conference|process|plan|deal|initiative|formula|efforts?)"
            r"|mediat(?:ed|ion|ors?)|\bStalled\s+" + _W + r"{0,2}Talks"),
    (CEASEFIRE, r"cease-?fires?|truces?|armistice|cessation\s+of\s+hostilities|moratorium\s+on\s+(?:strikes|attacks)"),
)

# "in occupied Melitopol", "the occupied city", "Russian-occupied Donetsk": a state, not a takeover
_OCCUPIED_ADJECTIVE = re.compile(
    r"(?:\b(?:in|of|from|into|to|the|a|an|now|still|temporarily|partially|partly)\s+"
    r"|(?<!\bde)(?<!\bre)-)occupied\b",
    re.I)

_TRIGGER = re.compile("|".join(f"(?P<T{i}>\\b(?:{pat}))" for i, (_, pat) in enumerate(_TRIGGERS)), re.I)
# Speed: the full alternation is only tried at words that can start a trigger (stems below,
# kept in sync with _TRIGGERS by the test ``test_trigger_anchors_cover_patterns``).
_ANCHORS = tuple(re.findall(r"\S+", """
shot shoot* intercept* downed defus* demin* cleared neutrali* destroy* disabl* suppress* jamm* electronic air seiz*
arms weapon* ammunition airstrike* aerial guided glide gliding kab* fab* upab dropped drone* uav* kamikaze attack*
shahed* geran* fpv combat loitering strike* suicide explosive* lancet* aircraft aviation warplane* jet* helicopter*
bomb* shell* artillery mortar* mlrs multiple rocket* grad grads uragan* smerch* tornado himars missile* iskander*
kinzhal* kalibr* kh s tochka* tank with using by fired clash* heavy fierce intense ongoing street active continu* fight* fought
firefight* gun gunfight* gunbattle* battle* engaged exchang* repel* repuls* attempted assault* offensive storm*
sabotage ambush* counter* infantry land landmine* anti stepped drove ran driving hit struck mine mines ied ieds
improvised car booby* trip tripwire* unexploded uxo ordnance device munition* grenade object detonat* set remote*
opened gunned stab* beat* execut* tortur* assassinat* murder* rape* raping sexual* physically assaulted abduct*
kidnap* forcibl* forced taken whereabouts held hostage* illegally filtration arrest* detain* detention apprehend*
caught captur* agree* detention exploded came completed ukrainians russians launched conducted carried mounted killed wounded injured beat air-launched tried trying attempting transported blew injured killed wounded signed reached brokered concluded grain prisoner* evacuation humanitarian withdr* retreat*
pulled handed without cede ceded cedes recaptur* retook retaken re de regain* liberat* deoccupied took gained
established assumed occupied overran raised entered advanced pushed broke loot* plunder* pillag* arson* torch*
vandali* burn* demolish* dismantl* property damaged toppled removed confiscated expropriat* stole stolen
nationali* protest* demonstrat* rally rallies rallied picket* gathered march* sit hunger flash* swap* pow pows joined attended stage staged organi* led hold
return* released freed brought captives servicem* defenders repatriat* hand* transfer* receiv* bodies remains
peace ceasefire* direct bilateral trilateral fresh new face talks round rounds negotiat* mediat* stalled cease*
truce* armistice cessation moratorium signs
"""))
# Frequent short anchor words that start a trigger only in one context: tried only there.
_GUARDED_ANCHORS = {
    "with": r"\s+(?:[\w'’-]+\s+){0,3}(?:drones?|uavs?|quadcopters?)\b",  # "with FPV drones"
    "using": r"\s+(?:[\w'’-]+\s+){0,3}(?:drones?|uavs?|quadcopters?)\b",
    "by": r"\s+(?:[\w'’-]+\s+){0,3}(?:drones?|uavs?|quadcopters?)\b",
    "s": r"-300",  # "S-300", not the "s" of "Russia's"
    "re": r"-",  # "re-took"
    "de": r"-",  # "de-occupied"
    "new": r"\s+talks",
    "to": r"\s+an?\s+unknown\s",  # "(took them) to an unknown destination"
}
_ANCHOR_RE = re.compile(  # on lowercased text (faster than re.I)
    r"\b(?:" + "|".join(f"{w}(?={tail})" for w, tail in _GUARDED_ANCHORS.items()) + "|"
    + trie_pattern([a if a.endswith("*") or len(a) < 5 else a + "*"
                    for a in _ANCHORS if a not in _GUARDED_ANCHORS]) + r")\b"
)
_ANCHOR_RE_I = re.compile(_ANCHOR_RE.pattern, re.I)


# The separator before a word stands for the leading "\b" (every anchor starts with a letter):
# a pattern that starts with a character set is scanned faster by ``re``. Run on " " + low.
# The guarded words sit in the same trie, their lookahead at their leaf: a guarded word's tail
# starts with a non-letter, so it never competes with a longer anchor (same matches, one branch
# less per separator). ``test_anchor_scan_is_the_anchor_pattern`` checks both claims.
_ANCHOR_SCAN = re.compile(
    NON_WORD_LOW + r"(?:" + trie_pattern(
        [*_GUARDED_ANCHORS, *(a if a.endswith("*") or len(a) < 5 else a + "*"
                              for a in _ANCHORS if a not in _GUARDED_ANCHORS)],
        tails=_GUARDED_ANCHORS,
    ) + r")\b"
)
# Each trigger pattern's top-level alternatives with the (lowercased) first two characters they
# can start with (first_pairs; None: any).
_TRIGGER_ALTERNATIVES = tuple(
    tuple((alt, first_pairs(alt)) for alt in split_alternatives(pat)) for _, pat in _TRIGGERS
)


def _may_start(pairs: frozenset[str] | None, key: str) -> bool:
    if pairs is None:
        return True
    if len(key) < 2:  # the text ends after this character
        return any(p[0] == key for p in pairs)
    return key in pairs or key[0] in pairs


@functools.lru_cache(maxsize=512)
def _trigger_at(key: str) -> re.Pattern[str] | None:
    """``_TRIGGER`` cut to the alternatives that can start with ``key`` (same groups, same order).

    ``key``: the lowercased two characters at a position (one at the end of the text). There it
    matches exactly what ``_TRIGGER`` matches (the alternatives left out cannot match at all);
    ``None``: nothing can.
    """
    groups = []
    for i, alts in enumerate(_TRIGGER_ALTERNATIVES):
        keep = [alt for alt, pairs in alts if _may_start(pairs, key)]
        if keep:
            groups.append(f"(?P<T{i}>\\b(?:{'|'.join(keep)}))")
    return re.compile("|".join(groups), re.I) if groups else None


def _trigger_matches(text: str, low: str | None = None):
    """Same matches as ``_TRIGGER.finditer(text)``, trying the alternation only at anchor words.

    ``low``: ``text.lower()`` if already computed.
    """
    pos_done = 0
    low = text.lower() if low is None else low
    if case_folds_simply(low, text):  # re.I folds ı/ſ to i/s
        for w in _ANCHOR_SCAN.finditer(" " + low):
            pos = w.start()  # the separator's offset in " " + low: the word's offset in text
            if pos < pos_done:
                continue
            trigger = _trigger_at(low[pos : pos + 2])
            m = trigger.match(text, pos) if trigger is not None else None
            if m:
                pos_done = m.end()
                yield m
        return
    for w in _ANCHOR_RE_I.finditer(text):
        if w.start() < pos_done:
            continue
        m = _TRIGGER.match(text, w.start())
        if m:
            pos_done = m.end()
            yield m


_GROUP_TYPE = {f"T{i}": t for i, (t, _) in enumerate(_TRIGGERS)}

_DISRUPT_BEFORE = re.compile(
    r"(?:shot\s+down|shooting\s+down|intercept\w*|downed|destroy\w*|neutrali[sz]\w*|defus\w*|demin(?:ed|ing)|disabled"
    r"|suppress\w*|jamm\w*|cleared|found|discovered|seized|removed)\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)
_INTERVENTION = re.compile(
    r"\b(?:police|authorities|security\s+forces|Rosgvardia|OMON|law\s+enforcement|officers)\b[^.;]{0,80}"
    r"\b(?:detain\w*|arrest\w*|dispers\w*|broke\s+up|remov\w*|fined|intervened|blocked)\b"
    r"|\b(?:detain\w*|arrest\w*|dispers\w*)\b",
    re.I,
)
_ACTION = re.compile(
    r"\b(?:struck|strikes?|hit|hitting|fired|firing|launch\w*|shell\w*|attack\w*|bomb\w*|pound\w*|target\w*|landed"
    r"|explo\w*|kill\w*|injur\w*|wound\w*|damag\w*|destroy\w*|raid\w*|barrages?|salvos?|impacts?|dropped|rained"
    r"|casualt\w*|fatalit\w*|died|dead|conducted|carried\s+out)\b|strikes?\b|air\s?raids?",
    re.I,
)
_DISRUPT_BEFORE_LOW = lowercase_variant(_DISRUPT_BEFORE)
_ACTION_LOW = lowercase_variant(_ACTION)
_SIZE_TAG = re.compile(r"\[size=[^\]]*\]", re.I)
_INTERVENTION_STRICT = re.compile(
    r"\s*[^.;]{0,40}?\b(?:police|authorities|security\s+forces|Rosgvardia|OMON|law\s+enforcement|officers)\b[^.;]{0,80}"
    r"\b(?:detain\w*|arrest\w*|dispers\w*|broke\s+up|fined|intervened)\b",
    re.I,
)
_RUSSIAN_SIDE = re.compile(r"\b(?:Russian|Russia|Moscow|occup\w+|Kadyrov\w*|Chechen|DPR|LPR|Wagner|FSB|Rosgvardia)\b", re.I)
_UKRAINIAN_SIDE = re.compile(r"\b(?:Ukrainian|Ukraine|Kyiv|Kiev|ZSU|SBU|GUR|HUR)\b", re.I)
_NOT_AGENT = re.compile(
    r"\b(?:in|of|across|to|from|into|over|on|at|near|against|with|for|by|about|and|eastern|western|northern|southern"
    r"|north-?eastern|north-?western|south-?eastern|south-?western|central|occupied|Amid|Between)\s+(?:the\s+)?$",
    re.I,
)
_NOT_AGENT_LOW = lowercase_variant(_NOT_AGENT)
_BY_ACTOR = re.compile(r"^\s*(?:[\w'’-]+\s+){0,4}?by\s+(?:the\s+)?(" + ACTOR.pattern[2:-2] + r")\b")

_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_EXPLICIT_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    r"|" + _MON.replace("mon", "mon2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))\b"
)
_MON_ABBR = {k[:3]: v for k, v in MONTHS.items()}


@dataclass(frozen=True)
class EventMention:
    """One event mention found in a text (offsets are those of its sentence)."""

    start: int
    end: int
    event_type: str
    trigger_start: int
    trigger_end: int
    actor: str | None
    target: str | None
    place: str | None
    claimed_by: str | None
    negated: bool
    hedged: bool
    date: pd.Timestamp | None = None
    date_source: str = "none"


_DIGIT = re.compile(r"\d")
_MONTH_HINT = re.compile(  # "\d(?:\d{3}..." and the trie: same matches, faster to scan
    r"\d(?:\d\d\d-\d\d-\d\d)|\b(?:" + trie_pattern(list(_MON_ABBR)) + ")"
)


_ISO_HINT = re.compile(r"\d\d\d\d-\d\d-\d\d")  # the first branch of _MONTH_HINT
_MONTH_STEMS = tuple(_MON_ABBR)  # the three-letter words of its second branch, after "\b"


def _month_hints(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``_MONTH_HINT.finditer(low, start, end)``, found by ``str.find`` (faster).

    The two branches' matches cannot overlap (digits / letters) nor can two month words
    (each starts a word), so the scan is the ISO scan plus every month stem at a word start.
    """
    spans = []
    done = start  # ISO dates by their first hyphen, non-overlapping like finditer (all are 10 long)
    hyphen = low.find("-", start + 4, end)
    while hyphen >= 0:
        if hyphen - 4 >= done and (m := _ISO_HINT.match(low, hyphen - 4, end)):
            spans.append(m.span())
            done = m.end()
        hyphen = low.find("-", hyphen + 1, end)
    for stem in _MONTH_STEMS:
        i = low.find(stem, start, end)
        while i >= 0:
            if i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_"):  # "\b" before a letter
                spans.append((i, i + 3))
            i = low.find(stem, i + 1, end)
    spans.sort()
    return spans


def _date_matches(text: str, stop: int | None = None, start: int = 0, low: str | None = None):
    """Same matches as ``_EXPLICIT_DATE.finditer(text)``, tried only near month names / ISO dates.

    With ``stop``, the matches that start before ``stop`` (and possibly a few more); with
    ``start`` (a paragraph start), those from there on.
    """
    low = text.lower() if low is None else low
    done = start
    for h_start, h_end in _month_hints(low, start, len(low) if stop is None else stop + 16):
        if stop is not None and h_start - 6 >= stop:
            break  # any later match starts at or after stop
        lo = max(done, h_start - 6)
        hi = min(len(text), h_end + 20)
        if _DIGIT.search(text, lo, hi) is None:  # every date has a digit: skip "may", "separatist"
            continue
        m = _EXPLICIT_DATE.search(text, lo, hi)
        if m and m.start() >= done:
            full = _EXPLICIT_DATE.match(text, m.start())  # re-match without the end bound
            if full:
                done = full.end()
                yield full


def _explicit_dates(
    text: str, dct: pd.Timestamp | None, *, stop: int | None = None, start: int = 0, low: str | None = None
) -> list[tuple[int, int, pd.Timestamp]]:
    """Built-in fallback: explicit calendar dates ("5 June 2025", "June 5", "2025-06-05").

    ``stop``: only dates that start before it are needed (others may be returned too); ``low``: ``text.lower()``.
    """
    out = []
    for m in _date_matches(text, stop, start, low):
        try:
            if m.group("iy"):
                y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            else:
                mon = (m.group("mon") or m.group("mon2")).lower()[:3]
                mo = _MON_ABBR[mon]
                d = int(m.group("d1") or m.group("d2"))
                ys = m.group("y1") or m.group("y2")
                if ys:
                    y = int(ys)
                elif dct is not None and not pd.isna(dct):
                    y = dct.year if mo <= dct.month + 1 else dct.year - 1
                else:
                    continue
            if (mon_word := (m.group("mon") or m.group("mon2") or "")) and mon_word.lower() == "may" and not (
                m.group("d1") or m.group("y2")
            ):
                continue  # "may 5" is too often the modal verb
            out.append((m.start(), m.end(), pd.Timestamp(_dt.date(y, mo, d)).tz_localize("UTC")))
        except (ValueError, KeyError):
            continue
    return out


def _day_dates_from_times(times: pd.DataFrame) -> list[tuple[int, int, pd.Timestamp]]:
    if times is None or times.empty:
        return []
    t = times[times["type"].isin(["DATE", "TIME"])]
    span = t["resolved_end"] - t["resolved_start"]
    t = t[(span > pd.Timedelta(0)) & (span <= pd.Timedelta(days=1))]
    t = t[t["resolved_start"].dt.normalize() == (t["resolved_end"] - pd.Timedelta(seconds=1)).dt.normalize()]
    days = t["resolved_start"].dt.normalize()
    return sorted(zip(t["start"].astype(int), t["end"].astype(int), days, strict=True))


def _pick_date(dates, sent: tuple[int, int], para: tuple[int, int]):
    inside = [d for d in dates if sent[0] <= d[0] < sent[1]]
    if inside:
        return inside[0][2]
    before = [d for d in dates if para[0] <= d[0] < sent[0]]
    return before[-1][2] if before else None


_AND_GAP = re.compile(r"\s+and\s+")


def _actor(text: str, lo: int, trig_start: int, trig_end: int, hi: int, lowered: str | None = None) -> str | None:
    m = _BY_ACTOR.match(text[trig_end:hi]) if text.find("by", trig_end, hi) >= 0 else None  # needs "by"
    if m:
        return m.group(1)
    if lo > 0:  # the separator-led scan from lo - 1: the same actors as ACTOR.finditer from lo
        spans = [m.span("a") for m in ACTOR_SCAN.finditer(text, lo - 1, trig_start)]
    else:
        spans = [m.span() for m in ACTOR.finditer(text, lo, trig_start)]
    not_agent, scanned = (_NOT_AGENT, text) if lowered is None else (_NOT_AGENT_LOW, lowered)
    # the last two agents, checked from the end (only they are used)
    found: list[tuple[int, int]] = []  # last first
    for s, e in reversed(spans):
        # _NOT_AGENT ends with whitespace: an actor right after a non-space cannot follow one
        if not (s and scanned[s - 1].isspace() and not_agent.search(scanned, max(0, s - 25), s)):
            found.append((s, e))
            if len(found) == 2:
                break
    if not found:
        return None
    last = found[0]
    if len(found) > 1 and _AND_GAP.fullmatch(text, found[1][1], last[0]):
        return f"{text[found[1][0] : found[1][1]]}; {text[last[0] : last[1]]}"
    return text[last[0] : last[1]]


def find_events(
    text: str,
    *,
    dct: pd.Timestamp | None = None,
    dates: list[tuple[int, int, pd.Timestamp]] | None = None,
    date_source: str = "time_expression",
    locator: SentenceLocator | None = None,
) -> list[EventMention]:
    """Event mentions of one text, in reading order.

    Args:
        text: cleaned article text.
        dct: document creation time (the dateline), used when no day-resolved date is found.
        dates: ``(start, end, day)`` of day-resolved DATE expressions; ``None`` uses the built-in
            explicit-date reader.
        date_source: label for dates taken from ``dates``.
        locator: a shared :class:`SentenceLocator` (the counts annotator passes its own).

    Returns:
        :class:`EventMention` records; ``text[m.start:m.end]`` is the sentence.
    """
    if not text:
        return []
    loc = locator or SentenceLocator(text)
    per_sentence: dict[tuple[int, int], dict[str, tuple[int, int]]] = {}
    low = text.lower()
    # lowercase variants of the re.I patterns read ``lowered`` (same spans, faster); else the text
    lowered = low if case_folds_simply(low, text) else None
    disrupt_before = _DISRUPT_BEFORE_LOW if lowered is not None else _DISRUPT_BEFORE
    for m in _trigger_matches(text, low):
        etype = _GROUP_TYPE[m.lastgroup]
        if etype == _TERRITORY and _OCCUPIED_ADJECTIVE.search(text, max(0, m.start() - 12), m.end()):
            continue
        sent = loc.sentence_at(m.start())
        if etype in (AIR, SHELL, IED):
            lo = clause_start(text, sent[0], m.start(), low=lowered)
            if disrupt_before.search((text if lowered is None else lowered)[max(lo, m.start() - 80) : m.start()]):
                etype = DISRUPT
        types = per_sentence.setdefault(sent, {})
        if etype not in types:
            types[etype] = (m.start(), m.end())
    out: list[EventMention] = []
    if per_sentence and dates is None:  # read explicit dates only when there is something to date
        # _pick_date only looks at dates from the paragraph start to the end of an event sentence
        ranges: list[list[int]] = []
        for s_start, s_end in sorted(per_sentence):
            p_start = loc.paragraph_at(s_start)[0]
            if ranges and p_start <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], s_end)
            else:
                ranges.append([p_start, s_end])
        dates = [d for a, b in ranges for d in _explicit_dates(text, dct, start=a, stop=b, low=low) if d[0] < b]
        date_source = "explicit_date"
    dateline_day = None
    for sent in sorted(per_sentence):
        types = per_sentence[sent]
        sentence = text[sent[0] : sent[1]]
        if _SIZE_TAG.search(sentence) and not types.keys() & {PROTEST, PROTEST_I}:
            # ACLED notes tag demonstrations with [size=...]; count it as the protest trigger
            tag = _SIZE_TAG.search(sentence)
            types[PROTEST] = (sent[0] + tag.start(), sent[0] + tag.end())
        if _WEAK_ATTACK in types:
            weak = types.pop(_WEAK_ATTACK)
            if not types.keys() & (VIOLENT | {DISRUPT}):
                types[ATTACK] = weak
        if PROTEST in types and (
            _INTERVENTION.search(sentence)
            or _INTERVENTION_STRICT.match(text[sent[1] : min(loc.paragraph_at(sent[0])[1], sent[1] + 200)])
        ):
            types[PROTEST_I] = types.pop(PROTEST)
            types.pop(ARREST, None)
        claim = claimed_by(sentence)
        places = find_places(text, sent[0], sent[1])
        place = best_place(places)
        para = loc.paragraph_at(sent[0])
        day = _pick_date(dates, sent, para)
        if day is not None:
            date, source = day, date_source
        elif dct is not None and not pd.isna(dct):
            if dateline_day is None:  # once per text
                dateline_day = dct.normalize()
            date, source = dateline_day, "dateline"
        else:
            date, source = None, "none"
        for weak in (SHELL, AIR):  # a weapon named without any action is not an attack
            if weak in types and not (_ACTION_LOW.search(lowered[sent[0] : sent[1]]) if lowered is not None
                                      else _ACTION.search(sentence)):
                types.pop(weak)
        for etype, (ts, te) in sorted(types.items(), key=lambda kv: kv[1]):
            lo = clause_start(text, sent[0], ts, low=lowered)
            hi = sent[1]
            actor = _actor(text, lo if lo > sent[0] else sent[0], ts, te, hi, lowered)
            if actor is None and lo > sent[0]:
                actor = _actor(text, sent[0], ts, te, hi, lowered)
            if etype == _TERRITORY:
                side = actor or text[sent[0] : ts]
                if _UKRAINIAN_SIDE.search(side) and not _RUSSIAN_SIDE.search(actor or ""):
                    etype = REGAIN
                else:
                    etype = OVERTAKE
            if etype == ARREST and actor and _RUSSIAN_SIDE.search(actor) and not re.search(r"\bFSB\b|Russian\s+police", actor):
                etype = ABDUCT
            # TARGET.search(text, te, hi) when it starts before te + 60
            tm = TARGET_NEAR_LOW.match(lowered, te, hi) if lowered is not None else TARGET_NEAR.match(text, te, hi)
            target = text[tm.start(1) : tm.end(1)] if tm else None
            negated, hedged = cue_before(text, lo, ts)
            # modal inside the trigger phrase's own clause after the trigger ("talks will resume")
            if not hedged and etype in (TALKS, CEASEFIRE, AGREE):
                _, hedged = cue_before(text, te, min(hi, te + 40), words=3)
            out.append(EventMention(
                sent[0], sent[1], etype, ts, te, actor, target,
                place.name if place else None, claim, negated, hedged, date, source,
            ))
    # one event per type per sentence; de-duplicate types created by re-typing
    seen: set[tuple[int, str]] = set()
    unique = []
    for ev in out:
        if (ev.start, ev.event_type) not in seen:
            seen.add((ev.start, ev.event_type))
            unique.append(ev)
    # a violent mention without an agent inherits the agent of the previous mention of the same
    # type just before it ("Russian forces launched a drone assault ... 17 attack drones struck")
    fixed = []
    for i, ev in enumerate(unique):
        if ev.actor is None and ev.event_type in VIOLENT:
            for prev in reversed(unique[:i]):
                if prev.event_type == ev.event_type and ev.start - prev.end <= 400:
                    ev = EventMention(**{**ev.__dict__, "actor": prev.actor})
                    break
        fixed.append(ev)
    return fixed


def _times_for(frame: pd.DataFrame, times: pd.DataFrame | None) -> tuple[dict, str] | None:
    """Day-resolved DATE expressions per doc_id, from ``times`` or toolkit.annotate.times."""
    if times is None:
        try:
            from toolkit.annotate.times import time_expressions
        except ImportError:
            return None
        times = time_expressions(frame)
    by_doc: dict = {}
    if times is not None and not times.empty:
        for doc_id, group in times.groupby("doc_id", sort=False):
            by_doc[doc_id] = _day_dates_from_times(group)
    return by_doc, "time_expression"


def sentence_spans_by_doc(sentences: pd.DataFrame | None) -> dict | None:
    """``doc_id -> [(start, end), ...]`` (sorted) from a ``sentences`` table; ``None`` stays ``None``."""
    if sentences is None:
        return None
    _check_columns(sentences, ("doc_id", "start", "end"), "sentences table")
    by_doc: dict = {}
    for doc_id, start, end in zip(sentences["doc_id"], sentences["start"], sentences["end"], strict=True):
        by_doc.setdefault(doc_id, []).append((int(start), int(end)))
    for spans in by_doc.values():
        spans.sort()
    return by_doc


def events(
    frame: pd.DataFrame,
    *,
    times: pd.DataFrame | None = None,
    use_times: bool = True,
    sentences: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per event mention: the ``events`` table of :mod:`toolkit.schema`.

    Args:
        frame: any frame with ``doc_id``, ``text`` and ``published`` (tz-aware UTC, may be NaT).
        times: precomputed ``time_expressions`` table; when omitted,
            :func:`toolkit.annotate.times.time_expressions` is run if that module exists,
            else explicit calendar dates are read by a built-in pattern.
        use_times: ``False`` skips the time-expression annotator (built-in dates only; faster).
        sentences: the ``sentences`` table of the same frame (:func:`toolkit.annotate.sentences.sentences`),
            when already computed: its sentences are used instead of running Punkt on windows
            around each trigger (faster; sentence spans then follow that table exactly, so they
            can differ from the default's window-based ones). Articles absent from it use Punkt.

    Returns:
        The ``events`` table, plus ``trigger_start``/``trigger_end`` (the matched trigger words).
    """
    _check_columns(frame, ("doc_id", "text", "published"), "events()")
    by_doc = _times_for(frame, times) if use_times else None
    spans_by_doc = sentence_spans_by_doc(sentences) or {}
    rows = []
    breaks: dict[str, bool] = {}  # Punkt's decisions, shared by this call's sentence locators
    columns = [frame[c].tolist() for c in ("doc_id", "text", "published")]  # python values, as iteration
    for doc_id, text, published in zip(*columns, strict=True):
        if not isinstance(text, str):
            continue
        dct = None if pd.isna(published) else pd.Timestamp(published)
        if by_doc is not None:
            dates, source = by_doc[0].get(doc_id, []), by_doc[1]
        else:
            dates, source = None, "explicit_date"
        locator = SentenceLocator(text, spans_by_doc.get(doc_id), breaks)
        for i, ev in enumerate(find_events(text, dct=dct, dates=dates, date_source=source, locator=locator)):
            rows.append((doc_id, i, ev.start, ev.end, ev.event_type, ev.actor, ev.target, ev.place,
                         ev.date, ev.date_source, ev.claimed_by, ev.negated, ev.hedged,
                         ev.trigger_start, ev.trigger_end))
    if not rows:
        out = schema.empty("events")
        out["trigger_start"] = pd.Series(dtype="int64")
        out["trigger_end"] = pd.Series(dtype="int64")
        return out
    cols = [*schema.columns("events"), "trigger_start", "trigger_end"]
    out = pd.DataFrame(rows, columns=cols)
    out["date"] = pd.to_datetime(out["date"], utc=True)
    return schema.conform(out, "events")
