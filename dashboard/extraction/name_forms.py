"""The lookup key of a name (`normalize`) and other written forms of a place name, for the
gazetteer's index (`places.py`): a city's local spelling with diacritics or another
romanisation from GeoNames' alternate names, a hyphenated name spaced, a demonym's plural.
"""

from __future__ import annotations

import difflib
import unicodedata

LOCAL_SPELLING_MIN_SIMILARITY = 0.7
ROMANISATION_SIMILARITY = 0.9


def normalize(text: str) -> str:
    """Fold accents, case, apostrophes and spacing so 'Casa Nariño' == 'casa narino'."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def local_spellings(name: str, alternates: list[str]) -> list[str]:
    """The alternate names of a city that are its name written with diacritics: Latin letters
    with at least one accent, capitalised, and close to the main name once accents are folded
    ("Plzeň" for GeoNames' "Pilsen", "Durrës" for "Durres"); and other romanisations nearly
    the same as the main name ("Zaporizhzhia" for "Zaporizhzhya"). Unrelated historical names
    ("Eva Perón" for La Plata) are left out."""
    main = normalize(name)
    kept = []
    for alt in alternates:
        folded = normalize(alt)
        if not folded.isascii() or len(folded) < 4 or not alt[0].isupper() or folded == main:
            continue
        if alt.isascii() and (abs(len(folded) - len(main)) > 2 or folded[:2] != main[:2]):
            continue  # (cheap tests first: the build reads thousands of alternate names)
        similarity = difflib.SequenceMatcher(None, folded, main).ratio()
        if alt.isascii():
            # another romanisation of the same name ("Zaporizhzhia" for "Zaporizhzhya"):
            # one more letter or two at most, the same number of words
            if not alt.isupper() and len(folded) >= 6 and similarity >= ROMANISATION_SIMILARITY \
                    and len(folded.split()) == len(main.split()):
                kept.append(alt)
        elif similarity >= LOCAL_SPELLING_MIN_SIMILARITY:
            kept.append(alt)
    return kept


def unhyphenated(name: str) -> str | None:
    """"Port-Vila" -> "Port Vila": a hyphenated name of capitalised parts, spaced; None for
    any other name ("Aix-en-Provence" keeps its hyphens: its middle part is lower case)."""
    parts = name.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return None
    return " ".join(parts)


def plural(demonym: str) -> str | None:
    """"Kenyan" -> "Kenyans"; None where English does not add an s ("Japanese", "Swiss")."""
    if demonym.endswith(("s", "sh", "ch", "ese", "i", "x")):
        return None
    return demonym + "s"
