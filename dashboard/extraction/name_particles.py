"""Names with particles: "Ulisses Correia e Silva", "Maria Sousa e Castro".

The title patterns of `people.py` read a name as capitalised words with a short list of
particles between them ("da", "de", "van", "bin"). Other languages have more ("e" in
Portuguese names, "ter", "zu", "af"), and a hand-written list never ends. The parse knows
better: a lower-case word that the tagger reads as part of a proper name (tag NNP, in the
compound of the name that follows) is a particle, so the name goes on over it to the
capitalised word after it; so does a short lower-case word in the compound of the next name
word, which English puts between two names only as a particle. Source: the model's
part-of-speech tags, compound arcs and English stop words.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.grammar import token_start


def _continues_over_particle(last: Token) -> Token | None:
    """The capitalised name word after a particle following `last`, if the parse reads
    "<last> <particle> <Name>" as one proper name."""
    doc = last.doc
    if last.i + 2 >= len(doc):
        return None
    particle, after = doc[last.i + 1], doc[last.i + 2]
    if not (particle.is_alpha and particle.is_lower) or particle.is_stop:
        return None  # ("Biden and Lula", "Ruto of Kenya": English words between names)
    if not (after.pos_ == "PROPN" and after.text[:1].isupper() and after.is_alpha):
        return None
    # the particle modifies the proper name after it (a compound of it); the tagger reads it
    # as part of a proper name, or it is a short word no English noun phrase puts between
    # two names ("Dirk ter Horst", tagged as a common noun)
    if particle.dep_ != "compound" or particle.head.i < after.i or \
            particle.head.pos_ != "PROPN":
        return None
    return after if particle.tag_ == "NNP" or len(particle.text) <= 3 else None


def extend_over_particles(fact: SentenceFacts, span: Span | None = None) -> None:
    """Lengthen each titled person's name over particles the parse reads inside the name."""
    span = fact.parse if span is None else span
    if span is None or not fact.people:
        return
    by_end = {token_start(t) + len(t.text): t for t in span}
    people = []
    for person in fact.people:
        end = person.end
        last = by_end.get(end)
        while last is not None and (after := _continues_over_particle(last)) is not None:
            end = token_start(after) + len(after.text)
            last = after
        if end != person.end:
            base = span.doc.user_data.get("offset", 0)
            rest = span.doc.text[person.end - base:end - base]
            person = replace(person, name=" ".join((person.name + rest).split()), end=end)
        people.append(person)
    fact.people = people
