"""Rules over the dependency parse about people: who is met, whose meeting it is, who travels.

Split from `grammar.py` (where the place, date and clause rules live, with the word lists
both use). Each function reads one sentence's spaCy `Span` and answers in character offsets
into the original text. The rules name grammar (the object of a meeting verb, the agent of
"be received by", an apposition to an office noun), never a person; the dependency labels
are ClearNLP's, as spaCy's English pipelines use them (https://spacy.io/models/en).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from dashboard.extraction.grammar import (
    HOST_VERBS,
    MEET_NOUNS,
    MEET_VERBS,
    SEE_VERBS,
    TIME_WITH_NOUNS,
    WITH_VERBS,
    _list_members,
    _offsets,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Verbs of going somewhere or seeing a site, whose "with" names who goes along
TOURING_VERBS = {"go", "tour", "visit", "walk", "stroll", "drive", "inspect", "view"}

# Title words that head a name ("President X", "King Y"), as the parse compounds them
TITLE_HEADS = {"President", "King", "Queen", "Emir", "Sultan", "Minister", "Chancellor",
               "Premier", "Prince", "Princess", "Sheikh", "Pope", "Governor", "Mayor",
               "Secretary", "Colonel", "General", "Emperor", "Empress"}


def _clip(token: Token) -> tuple[int, int]:
    """The character span of a token's subtree, without a relative clause or a
    prepositional phrase of place or time hanging from it."""
    left, right = token.left_edge, token
    for child in token.children:
        # ("opposition figures including A and B": the members listed are met too)
        if child.i > token.i and (child.dep_ not in {"relcl", "acl", "prep", "advcl"}
                                  or (child.dep_ == "prep" and child.lower_ in {
                                      "of", "including"})):
            right = max(right, child.right_edge, key=lambda t: t.i)
    a, _ = _offsets(left)
    _, b = _offsets(right)
    return a, b


def met_objects(span: Span) -> list[tuple[int, int]]:
    """Spans of people met: the object of "meet", the "with" phrase of a meeting noun or of
    "hold/have/sign ... with", the agent of "be received/hosted by", "call on X"."""
    spans: list[tuple[int, int]] = []

    def objects(token: Token) -> Iterator[Token]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"with", "on"}:
                if child.lower_ == "on" and token.lemma_.lower() != "call":
                    continue
                yield from (c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "including":
                # "official meetings, including with President X"; "discussions with
                # commissioners, including Commission President X and Y": the members met
                yield from objects(child)
                yield from (c for c in child.children if c.dep_ == "pobj")

    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            passive = any(c.dep_ in {"agent", "auxpass", "nsubjpass"} for c in token.children)
            if lemma in HOST_VERBS:
                # "was received by X": the agent is met; "X hosted A, B and C": the guests
                # are whoever X is with, not people the traveller meets
                for child in token.children:
                    if child.dep_ == "agent":
                        spans.extend(_clip(c) for c in child.children if c.dep_ == "pobj")
                continue
            if passive or token.dep_ == "acl":
                continue  # "the summit, held virtually by Biden with ...": someone else's
            if lemma == "join":
                # "join President A, President B of Zambia and ... for a summit": leaders of
                # other countries joined are met; "join President X (the traveller's own) for
                # the opening" names no country and is a companion
                spans.extend(_clip(c) for c in token.children if c.dep_ == "dobj" and any(
                    t.ent_type_ in {"GPE", "NORP"} for t in c.subtree))
            elif lemma in MEET_VERBS:
                spans.extend(_clip(c) for c in token.children if c.dep_ == "dobj")
                if token.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in {
                        "whom", "who", "that"} for c in token.children):
                    spans.append(_clip(token.head))  # "President X, whom <traveller> met"
                spans.extend(_clip(c) for c in objects(token))
            elif lemma in SEE_VERBS and not _attributive(token):
                # "is expected to see Sultan X in Muscat": seeing a named person is meeting
                # them ("see the old town" is not)
                # (or a titled name the model takes for a place: "see President Thabo X")
                spans.extend(_clip(c) for c in token.children if c.dep_ == "dobj"
                             and c.pos_ == "PROPN" and (c.ent_type_ == "PERSON" or any(
                                 t.dep_ == "compound" and t.text in TITLE_HEADS
                                 for t in c.children)))
            elif lemma in WITH_VERBS:
                spans.extend(_clip(c) for c in objects(token))
                spans.extend(_clip(c) for c in _low_with_people(token))
            elif lemma in TOURING_VERBS and any(
                    (c.dep_ == "prep" and c.lower_ in {"to", "around", "through"})
                    or c.dep_ == "dobj" for c in token.children):
                # "will go to Kyoto with X", "toured the shrine with X": a named person the
                # traveller goes somewhere with (whether a host or a companion from home is
                # `meeting_rules.travelling_companions`' to say)
                spans.extend(_clip(c) for c in objects(token) if c.pos_ == "PROPN" and (
                    c.ent_type_ == "PERSON" or any(t.dep_ == "compound" and t.text in
                                                   TITLE_HEADS for t in c.children)))
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in MEET_NOUNS:
            spans.extend(_clip(c) for c in objects(token))
        elif token.pos_ == "NOUN" and lemma == "visit" and any(
                (c.dep_ == "amod" and c.lower_ == "courtesy") or c.lower_ == "courtesy"
                for c in token.children):
            # "Courtesy visit to the President of the Republic, X": a call on a person (a
            # visit to a place is no meeting)
            spans.extend(_clip(o) for c in token.children if c.dep_ == "prep" and c.lower_ in {
                "to", "on"} for o in c.children if o.dep_ == "pobj")
        elif token.pos_ == "NOUN" and lemma in TIME_WITH_NOUNS and \
                token.ent_type_ in {"TIME", "DATE"}:
            spans.extend(_clip(c) for c in objects(token))  # "after an hour with X"
    if spans:
        spans.extend(_added_with_phrases(span, min(a for a, _b in spans)))
    return spans


def fronted_clause_end(span: Span, start: int) -> int | None:
    """The end offset of the clause fronted before the main verb that holds the word at
    `start` ("After meeting X in Nairobi on Tuesday, <traveller> flew to Y": the clause ends
    at "Tuesday"), or None when the word is in the main clause or after the main verb."""
    token = next((t for t in span if _offsets(t)[1] > start), None)
    root = span.root
    if token is None or token.i >= root.i:
        return None
    # the highest word above it that is not the root: the fronted phrase's head
    node = token
    while node.head.i not in {root.i, node.i}:
        node = node.head
    if node.head.i != root.i or node.i == root.i or node.right_edge.i >= root.i or \
            node.dep_ not in {"prep", "advcl", "npadvmod", "advmod"}:
        return None
    return _offsets(node.right_edge)[1]


def _attributive(token: Token) -> bool:
    """"Visiting Chinese Foreign Minister X was welcomed ...": a participle that describes
    the name after it (the parse may still give it that name as an object, making the
    participle the sentence's subject), not one who visits X."""
    return token.tag_ == "VBG" and token.dep_ in {"csubj", "csubjpass", "amod", "compound",
                                                  "nsubj", "nsubjpass"}


def _added_with_phrases(span: Span, after: int) -> list[tuple[int, int]]:
    """"talks with X, who chairs the Forum, as well as with Y": a "with" phrase added by
    "as well as" (or "and also") after a meeting's own goes with the same meeting, however
    the parse hangs it; it runs to the next verb, relative pronoun or clause break."""
    found = []
    for token in span:
        if token.lower_ != "with" or _offsets(token)[0] < after or token.i - span.start < 2:
            continue
        before = [t.lower_ for t in token.doc[max(span.start, token.i - 3):token.i]]
        if before[-3:] != ["as", "well", "as"] and before[-2:] != ["and", "also"]:
            continue
        end = token
        for t in token.doc[token.i + 1:span.end]:
            if t.pos_ in {"VERB", "AUX"} or t.lower_ in {"who", "which", "where", "whom"} or \
                    t.text in {";", ":"}:
                break
            if not t.is_punct:
                end = t
        if end is not token:
            found.append((_offsets(token.doc[token.i + 1])[0], _offsets(end)[1]))
    return found


def _nearest_verb(token: Token) -> Token | None:
    """The first verb above the token in the tree."""
    node = token.head
    for _ in range(8):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _low_with_people(verb: Token) -> Iterator[Token]:
    """"discuss the preparations ... and the bilateral relationship ... with Mr. X": a "with"
    phrase that the parse hangs from a noun inside the verb's object, when it takes a
    person's name (the small model often attaches a late "with" to the nearest noun)."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for token in obj.subtree:
            nearest = _nearest_verb(token) if token.dep_ == "prep" and \
                token.lower_ == "with" and token.head.i != verb.i else None
            if nearest is not None and nearest.i == verb.i:
                # (tokens are compared by position: spaCy makes a new object per access)
                yield from (c for c in token.children if c.dep_ == "pobj"
                            and c.ent_type_ == "PERSON")


def others_meetings(span: Span) -> list[tuple[str, tuple[int, int]]]:
    """Meetings the text gives to a named owner ("President A's talks with B", "A's exchange
    of letters with B"): [(owner's text, span of the one they meet)]. Whether the owner is
    the traveller is the caller's to say."""
    found = []
    for token in span:
        if token.pos_ == "VERB" and token.lemma_.lower() in MEET_VERBS:
            # "Japanese Prime Minister A met with Australian Prime Minister B in Hiroshima":
            # a named person's own meeting (the owner as the parse names them, title words too)
            found.extend(_verb_meetings(token))
            continue
        if token.pos_ not in {"NOUN", "PROPN"} or token.lemma_.lower() not in MEET_NOUNS:
            continue
        # (a plural is a kind of meeting, not its owner: "a Foreign Ministers' Meeting with
        # X", "the Leaders' Dialogue with X" are the traveller's own)
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                  and c.tag_ != "NNPS"]
        if not owners:
            continue
        # "with" on the noun, or on its "of" object ("exchange of letters with B")
        holders = [token] + [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj"]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            found.append((owners[0].text, _clip(pobj)))
    return found


def _verb_meetings(verb: Token) -> list[tuple[str, tuple[int, int]]]:
    """(owner, span met) of an active meeting verb whose subject is a person's name: the
    name's words as one text, for each object or "with" partner."""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return []
    # (a person by the model, or a name with a title: the model may take "von der Leyen"
    # for a place)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN" and (
        c.ent_type_ == "PERSON" or any(t.dep_ == "compound" and t.text in TITLE_HEADS
                                       for t in c.children))]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return []  # ("A and B met X": either may be the traveller's side)
    # (with its appositions: the parse may take a place for the name and the name for its
    # apposition, "In the capital, Abuja, Mrs X will meet ...")
    owner = " ".join(t.text for h in [subjects[0], *(c for c in subjects[0].children
                                                     if c.dep_ == "appos")]
                     for t in verb.doc[name_start(h).i:h.i + 1])
    partners = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
        for o in c.children if o.dep_ == "pobj"]
    if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in {"whom", "who", "that"}
                                    for c in verb.children):
        partners.append(verb.head)  # "President X, whom A met"
    return [(owner, _clip(p)) for p in partners if p.pos_ == "PROPN"]


# Office nouns a name may stand in apposition to: "the emir, X", "his counterpart, X"
OFFICE_TITLES = {"emir", "king", "queen", "president", "minister", "speaker", "counterpart",
                 "chancellor", "premier", "sultan", "prince", "princess", "leader", "chairman",
                 "chairwoman", "governor", "mayor", "secretary", "host", "monarch", "pontiff",
                 "commissioner", "envoy", "representative", "ruler", "sheikh"}


def _office_with_article(token: Token) -> bool:
    """A capitalised word with "the" before it is an office, not a person's name: "met
    with the Amir, Sheikh ...", "the President, X" (people's names take no article)."""
    return token.pos_ == "PROPN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _domain_of_office(token: Token) -> bool:
    """The name after "of" under an office is where the office is held, not its holder:
    "received by the Minister President of Saxony (Mr X)", "the Mayor of Lyon, Y" (the
    holder is the apposition after it, found on its own)."""
    prep = token.head
    office = prep.head
    return token.dep_ == "pobj" and prep.lower_ == "of" and prep is not office and (
        office.lemma_.lower() in OFFICE_TITLES or _office_with_article(office))


def _names_an_office(token: Token) -> bool:
    """A name in apposition after an office noun: "the emir, Sabah ...", "the speaker of
    the lower house, X", "the President, X" (not "his half-sister, Auma")."""
    head = token.head
    if token.dep_ == "conj" and token.pos_ == "PROPN" and _office_with_article(head):
        # "the Regent, Dasho X": the parse often reads the name as a list's next member;
        # right after the office and its comma it is the office's holder
        return token.left_edge.i == head.i + 2 and head.doc[head.i + 1].text == ","
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.i > head.i and (
        (head.pos_ == "NOUN" and head.lemma_.lower() in OFFICE_TITLES)
        or _office_with_article(head))


def _appositions_of(head: Token, root: Token) -> list[Token]:
    """Nouns in apposition after a name ("X, Minister for ..."); for the last name of a list,
    also the apposition the parse hangs from the list's first name when it comes right after
    this one ("President A and B, the EU High Representative ...": B's title)."""
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}
             and c.i > head.i]
    if not found and root.i != head.i:
        found = [c for c in root.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}
                 and 0 < c.left_edge.i - head.i <= 2 and not any(
                     t.pos_ == "PROPN" and t.dep_ == "conj" for t in
                     head.doc[head.i + 1:c.left_edge.i])]
    return found


def _in_word_hyphen(token: Token) -> bool:
    """A hyphen joining two parts of one word ("Akufo-Addo", "El-Sisi"): no space either side."""
    doc = token.doc
    return token.tag_ == "HYPH" and not token.whitespace_ and token.i > 0 and \
        not doc[token.i - 1].whitespace_


def name_start(head: Token) -> Token:
    """The first word of the proper name `head` ends: the run of proper nouns before it that
    modify it (compounds, at any depth: "Nana Addo Dankwa Akufo-Addo", where the parse hangs
    "Nana" from the first "Addo"), over hyphens inside a word ("Abdel Fattah El-Sisi")."""
    doc = head.doc
    first = head
    for token in reversed(doc[:head.i]):
        inside = head in token.ancestors
        if inside and (_in_word_hyphen(token) or
                       (token.pos_ == "PROPN" and token.dep_ == "compound")):
            first = token
            continue
        break
    while first.i < head.i and first.pos_ != "PROPN":
        first = doc[first.i + 1]
    # a name opening with a lower-case particle ("von der Leyen", "bin Rashid") goes on over
    # the given names right before it, which the parse may hang elsewhere (as a list member)
    while first.is_lower and first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and \
            doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].whitespace_:
        first = doc[first.i - 1]
    return first


def _of_a_country(head: Token) -> bool:
    """The name is a country's: "Ukraine's Volodymyr X" (a possessive place before it), which
    the model may label an organisation when it does not know the name."""
    return any(c.dep_ == "poss" and c.ent_type_ in {"GPE", "NORP"} for c in head.children)


def _gapped_objects(sub: Span, root: Token) -> list[Token]:
    """Second objects of a meeting verb left out the second time ("met X in Paris on Monday
    and Y in Berlin on Tuesday"): the parse hangs Y from the day or place before "and", as
    one more of them; a person's name there is another one met."""
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "with":
        verb = verb.head  # "met with X in Paris ... and Y in Berlin"
    if verb.i == root.i or verb.pos_ not in {"VERB", "AUX"} or root.dep_ not in {"dobj", "pobj"}:
        return []
    # (tokens are compared by index: spaCy makes a new Token object at every access)
    return [t for t in verb.subtree if t.i >= sub.end and t.dep_ == "conj"
            and t.pos_ == "PROPN" and t.ent_type_ == "PERSON" and t.head.dep_ == "pobj"
            and t.head.head.dep_ == "prep" and t.head.head.head.i == verb.i]


def met_names(span: Span, objects: list[tuple[int, int]] | None = None
              ) -> list[tuple[int, int, str, str, bool]]:
    """Proper names heading a met object, with any "title of <country>" apposition after
    them: [(start, end, title, entity label, described)]. "met with Buhari", "meet with
    Angela Merkel, Chancellor of Germany" -> ("Angela Merkel", "Chancellor"); `described`
    when a common noun stands before the name ("his half-sister Auma", "actor ...").
    The caller rules out places."""
    names: list[tuple[int, int, str, str, bool]] = []
    heads: list[Token] = []
    for a, b in (met_objects(span) if objects is None else objects):
        sub = span.doc.char_span(a - span.doc.user_data.get("offset", 0),
                                 b - span.doc.user_data.get("offset", 0),
                                 alignment_mode="expand")
        if sub is None:
            continue
        root = sub.root
        heads.extend(t for t in _list_members(root) if t.dep_ in {"conj", "pobj", "dobj"}
                     or t is root or _names_an_office(t))
        heads.extend(_gapped_objects(sub, root))
        # "met opposition figures including A and B": the members named after a group
        heads.extend(m for c in root.children if c.dep_ == "prep" and c.lower_ == "including"
                     for o in c.children if o.dep_ == "pobj" for m in _list_members(o))
    for head in dict.fromkeys(heads):
        if head.pos_ != "PROPN" or _office_with_article(head) or _domain_of_office(head):
            continue
        if _names_an_office(head):
            # "talks with the emir, Sabah ...", "met his counterpart, X": the office noun
            # before the name is the title
            office = head.head
            title = " ".join([t.text for t in office.lefts if t.dep_ in {"amod", "compound"}]
                             + [office.text])
            words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            first = words[0] if words else head
            a, _ = _offsets(first)
            _, b = _offsets(head)
            names.append((a, b, title, head.ent_type_, False))
            continue
        root = head
        while root.dep_ == "conj" and root.head is not root:
            root = root.head
        if root.dep_ in {"amod", "compound", "nmod", "poss"}:
            continue  # "with Muslim, Yazidi and Christian leaders": words describing a noun
        first = name_start(head)
        title = ""
        for child in _appositions_of(head, root):
            title = " ".join(t.text for t in span.doc[child.left_edge.i:child.i + 1]
                             if t.dep_ != "det")
        a, _ = _offsets(first)
        _, b = _offsets(head)
        described = any(t.pos_ == "NOUN" and t.dep_ in {"compound", "amod", "nmod", "appos"}
                        for t in head.lefts) or (head.dep_ == "appos" and head.head.pos_
                                                 == "NOUN")
        kind = head.ent_type_
        if first is not head and _of_a_country(head):
            kind = "PERSON"  # "met Ukraine's Volodymyr X": a country's full name is a person
        names.append((a, b, title, kind, described))
    # a list member the parse cut out of a longer name ("Ursula" of "Ursula von der Leyen")
    return [n for n in names if not any(o[0] <= n[0] and n[1] <= o[1] and o[:2] != n[:2]
                                        for o in names)]
