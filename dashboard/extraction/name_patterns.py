"""The regular-expression pieces a person's name and title are made of, shared by
`people.find_people` and the steps that read names again (`parse_steps`, `traveller`):
capital letters with diacritics, a name word, name particles, regnal numbers, written-out
offices ("Minister for Foreign Affairs and Trade") and honorifics ("H.E.", "Dato' Sri").
"""

from __future__ import annotations

import re

from dashboard.extraction.titles import TITLES

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
NAME_WORD = (rf"(?:(?:[{UPPER}]\.){{2,3}}|[{UPPER}][\w'’\-]*\.?|[{UPPER}]\.|"
              rf"(?:al|el|bin|ibn|abu|ben|de|van|von|da|di|le|la|du)-[{UPPER}][\w'’\-]*)")
PARTICLE = r"(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|dos|das|y|ibn|abu)"
# regnal numbers I to XXXIX ("Charles III", "Benedict XVI", "Pius XII")
ROMAN = r"(?:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
# "Minister of International Relations and Cooperation", "Secretary of Foreign Affairs"
PORTFOLIO = (r"(?:(?:Foreign|External|Home|International|Internal|Economic|European)\s+"
              r"(?:Affairs|Relations|Trade)(?:\s+and\s+(?:Cooperation|Trade|Development))?|"
              r"Defen[cs]e|Finance|Trade|Economy|Interior|Commerce|Energy|Health|Justice|"
              r"Education|Agriculture)")
PORTFOLIO_OFFICE = rf"(?:Minister|Secretary)\s+(?:of|for)\s+(?:the\s+)?{PORTFOLIO}"
# Any portfolio written out in words of government business ("Minister of Foreign Affairs and
# Emigrants", "Minister for International Trade and Industry,"): only such words, so the name
# after it is never read as part of the office
PORTFOLIO_WORD = (
    r"(?:Affairs|Relations|Trade|Cooperation|Co-operation|Development|Industry|Emigrants|"
    r"Expatriates|Diaspora|Commonwealth|Integration|Investment|Tourism|Culture|Environment|"
    r"Security|Defen[cs]e|Finance|Planning|Economy|Energy|Health|Justice|Education|"
    r"Agriculture|Fisheries|Communications|Technology|Science|Innovation|Labour|Labor|"
    r"Employment|Transport|Infrastructure|Interior|Immigration|Worship|Francophonie|"
    r"International|Regional|European|National|Foreign|External|Home|Internal|Public|Works|"
    r"Resources|Mines|Petroleum|Water|Housing|Youth|Sports?|Women|Family|Social|Welfare|"
    r"Information|Digital|Climate|Natural|Economic|Commerce|Overseas|Pacific|Asian|African|"
    r"Arab|Gulf|Veterans|Maritime|Ocean|Oceans|Union)")
WRITTEN_OFFICE = (rf"(?:Minister|Secretary)\s+(?:of|for)\s+(?:the\s+)?{PORTFOLIO_WORD}(?![\w'’-])"
                   rf"(?>(?:(?:\s+|\s+and\s+|\s+&\s+|,\s+){PORTFOLIO_WORD}(?![\w'’-])){{0,6}})")
# "the President of the Republic, Emmanuel Macron": the formal title, then the name
# (the written-out office first: "Minister for Foreign Affairs and Trade Penny Wong" is not
# "Minister for Foreign Affairs" followed by a person called "Trade")
TITLE_RE = WRITTEN_OFFICE + "|" + "|".join(
    re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + "|" + \
    PORTFOLIO_OFFICE + r"|President\s+of\s+the\s+Republic(?=,)"
HONORIFIC_WORDS_RE = (r"(?:(?:H\.\s?E\.|His\s+Excellency|Her\s+Excellency|His\s+Highness|"
              r"Her\s+Highness|His\s+Majesty|Her\s+Majesty|Shri|Smt\.?|Mr\.?|Mrs\.?|Ms\.?|"
              r"Sheikh|Sheikha|"
              # Malaysian and Bruneian honours: "Dato' Sri", "Datuk Seri", "Tan Sri", "Tun"
              r"Dato['’]?|Datuk|Datin|Tan\s+Sri|Tun|Seri|Sri|"
              # Burmese: "Daw Aung San Suu Kyi", "U Thaung Tun"
              r"Daw|U(?=\s+[A-Z][a-z])|"
              # South Asia's "Honourable": "Rt. Hon'ble Sher Bahadur X", "Hon'ble Justice"
              r"(?:Rt\.?\s+|Right\s+)?Hon['’]ble|"
              # German, French, Italian, Spanish forms of address and a bishop's style:
              # "the Lord Mayor, Herr X", "Monsignor X"
              r"Herr|Frau|Monsieur|Madame|Signor|Signora|Señor|Señora|Monsignor|Mgr\.?|"
              # a military rank after an office: "Defense Minister Gen. Phung Quang Thanh"
              r"(?:Lt|Maj|Brig)\.?\s*Gen\.|Gen\.|Adm\.|Col\.|Colonel|"
              r"Dr\.?),?\s+)*")
# honorifics before a name, as a pattern of their own ("Mr. ", "H.E. Mrs. ")
HONORIFIC = re.compile(rf"{HONORIFIC_WORDS_RE}")
