"""Countries, territories and provinces as Dutch texts name them, nouns and adjectives alike.

A motie about Tunesië shares nearly every word with a question about the same request to
Egypte ("alleen instemmen met een migratieovereenkomst met ... als de mensenrechten ..."), and
comes as close in meaning. What sets the two apart is the place: a question that names a place
the motie never names, while the motie names another, asks for another motie. Roads count as
places of their own kind: Beaumix in the widening of the A12 is not the motie on the A2, but a
motie on a road in Gelderland may name only the road.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Each place with the forms that name it: a word as written, "prefix*" for any word that
# starts with it (nouns, adjectives and compounds: "egypt*" for "Egypte", "Egyptische",
# "Egyptebeleid"), or a phrase of several words. A capital or a leader stands for its country
# ("Moskou", "Poetin"), except where it names a treaty ("Verdrag van Rome", "Akkoord van
# Parijs", "Kopenhagencriteria", "Istanbul-verdrag").
PLACES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("afghan*", "kabul"),
    "Albanië": ("albani*", "albanees", "albanese", "albanezen"),
    "Algerije": ("algerij*",),
    "Argentinië": ("argentin*", "argentijn*"),
    "Armenië": ("armeni*", "armeens", "armeense"),
    "Australië": ("australi*",),
    "Azerbeidzjan": ("azerbeid*", "azerbaid*", "azeri", "azerische"),
    "Bangladesh": ("banglades*",),
    "Belarus": ("belarus*", "wit-rus*", "witrus*", "loekasjenk*"),
    "België": ("belgi*", "belgen"),
    "Bosnië": ("bosni*",),
    "Brazilië": ("brazili*",),
    "Bulgarije": ("bulgar*",),
    "Canada": ("canad*",),
    "Chili": ("chili", "chileens", "chileense", "chilenen"),
    "China": ("china*", "chinees", "chinese", "chinezen", "peking*", "beijing*"),
    "Colombia": ("colombia*",),
    "Cuba": ("cuba*",),
    "Cyprus": ("cypr*",),
    "Denemarken": ("denemark*", "deens", "deense", "denen"),
    "Duitsland": ("duits*",),
    "Egypte": ("egypt*", "caïro", "cairo"),
    "Eritrea": ("eritre*",),
    "Estland": ("estland*", "estisch", "estische"),
    "Ethiopië": ("ethiop*",),
    "Finland": ("finland*", "fins", "finse", "finnen"),
    "Frankrijk": ("frankrijk*", "franse", "fransen"),
    "Georgië": ("georgi*", "tbilisi"),
    "Ghana": ("ghana*",),
    "Griekenland": ("griek*",),
    "Hongarije": ("hongar*", "boedapest"),
    "Hongkong": ("hongkong*", "hong kong"),
    "Ierland": ("ierland*", "iers", "ierse", "ieren"),
    "India": ("india", "indiaas", "indiase", "indiër", "indiërs"),
    "Indonesië": ("indones*",),
    "Irak": ("irak*", "iraaks", "iraakse", "bagdad"),
    "Iran": ("iran*", "teheran*", "teheraans*"),
    "Israël": ("israël*", "israel*", "tel aviv"),
    "Italië": ("itali*",),
    "Japan": ("japan*",),
    "Jemen": ("jemen*",),
    "Jordanië": ("jordani*",),
    "Kazachstan": ("kazach*",),
    "Kenia": ("kenia*",),
    "Kosovo": ("kosov*",),
    "Kroatië": ("kroat*",),
    "Latijns-Amerika": ("latijns-amerika*", "zuid-amerika*", "midden-amerika*"),
    "Letland": ("letland*", "lets", "letse"),
    "Libanon": ("libanon*", "libanees", "libanese", "libanezen", "beiroet"),
    "Libië": ("libië*", "libie", "libisch", "libische"),
    "Litouwen": ("litouw*",),
    "Luxemburg": ("luxemb*",),
    "Mali": ("mali", "malinees", "malinese"),
    "Marokko": ("marok*",),
    "Mexico": ("mexic*",),
    "Moldavië": ("moldav*", "moldov*"),
    "Montenegro": ("montenegr*",),
    "Myanmar": ("myanmar*", "birma*"),
    "Nicaragua": ("nicaragua*",),
    "Nieuw-Zeeland": ("nieuw-zeeland*", "nieuw zeeland"),
    "Niger": ("niger",),
    "Nigeria": ("nigeria*",),
    "Noord-Korea": ("noord-korea*",),
    "Noord-Macedonië": ("macedon*",),
    "Noorwegen": ("noorweg*", "noors", "noorse", "noren"),
    "Oekraïne": ("oekraï*", "oekrai*", "kyiv", "kiev"),
    "Oostenrijk": ("oostenrijk*",),
    "Pakistan": ("pakistan*",),
    "Palestina": ("palestin*", "palestijn*", "gaza*", "westelijke jordaanoever"),
    "Polen": ("polen", "pools", "poolse", "warschau"),
    "Portugal": ("portug*",),
    "Qatar": ("qatar*", "doha"),
    "Roemenië": ("roemen*",),
    "Schotland": ("schotland*", "schots", "schotse"),
    "Rusland": ("rusland*", "russisch*", "rus", "russen", "moskou", "kremlin", "poetin*"),
    "Rwanda": ("rwand*", "kigali"),
    "Saudi-Arabië": ("saudi*", "saoedi*", "riyad"),
    "Senegal": ("senegal*",),
    "Servië": ("servië*", "servie", "servisch", "servische", "serviërs"),
    "Slowakije": ("slowak*", "slovak*"),
    "Slovenië": ("sloven*",),
    "Soedan": ("soedan*",),
    "Somalië": ("somali*",),
    "Spanje": ("spanje*", "spaans", "spaanse", "spanjaard*"),
    "Sri Lanka": ("sri lanka",),
    "Suriname": ("surinam*", "paramaribo"),
    "Syrië": ("syri*", "damascus"),
    "Taiwan": ("taiwan*",),
    "Tsjechië": ("tsjech*",),
    "Tunesië": ("tunesi*",),
    "Turkije": ("turkij*", "turks", "turkse", "turken", "ankara", "erdogan*"),
    "Uganda": ("uganda*",),
    "Venezuela": ("venezola*", "venezuela*", "caracas"),
    "Verenigd Koninkrijk": (
        "verenigd koninkrijk",
        "brits",
        "britse",
        "britten",
        "groot-brittannië",
    ),
    "Verenigde Staten": (
        "verenigde staten",
        "amerika",
        "amerikaans",
        "amerikaanse",
        "amerikanen",
        "vs",
    ),
    "Vietnam": ("vietnam*",),
    "Zuid-Afrika": ("zuid-afrika*",),
    "Zuid-Korea": ("zuid-korea*",),
    "Zweden": ("zweden", "zweeds", "zweedse"),
    "Zwitserland": ("zwitser*",),
    # The Caribbean parts of the Kingdom.
    "Aruba": ("aruba*", "oranjestad"),
    "Bonaire": ("bonaire*", "kralendijk"),
    "Curaçao": ("curaçao*", "curacao*", "willemstad"),
    "Sint Maarten": ("sint maarten", "sint-maarten*", "philipsburg"),
    # The provinces.
    "Drenthe": ("drent*",),
    "Flevoland": ("flevoland*",),
    "Friesland": ("friesland*", "friese"),
    "Gelderland": ("gelderland*", "gelderse"),
    "Groningen": ("groning*",),
    "Limburg": ("limburg*",),
    "Noord-Brabant": ("brabant*",),
    "Noord-Holland": ("noord-holland*",),
    "Overijssel": ("overijssel*",),
    "Utrecht": ("utrecht*",),
    "Zeeland": ("zeeland", "zeeuws*"),
    "Zuid-Holland": ("zuid-holland*",),
}


# Road numbers, capitals only: "de A12", "de N201", "de A2-verbreding", "de A27/A12"; not
# "N2000", "MQ-9" or a language level ("taalniveau A2", "A2-niveau").
ROAD_RE = re.compile(r"(?<![\w-])(?<!niveau )([AN]\d{1,3})(?!\w|-?niveau| niveau)")

# Every prefix form has at least this many letters, so prefixes are looked up by a word's
# first letters instead of tried one by one.
PREFIX_KEY = 4


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """(word -> place, first letters -> [(prefix, place)], [(phrase, place)])."""
    words: dict[str, str] = {}
    prefixes: dict[str, list[tuple[str, str]]] = {}
    phrases: list[tuple[str, str]] = []
    for place, forms in PLACES.items():
        for form in forms:
            if " " in form:
                phrases.append((form, place))
            elif form.endswith("*"):
                prefixes.setdefault(form[:PREFIX_KEY], []).append((form[:-1], place))
            else:
                words[form] = place
    return words, prefixes, phrases


def _place_of(word: str) -> str | None:
    words, prefixes, _ = _forms()
    if word in words:
        return words[word]
    candidates = prefixes.get(word[:PREFIX_KEY], ())
    return next((place for prefix, place in candidates if word.startswith(prefix)), None)


@lru_cache(maxsize=1024)
def places_named(text: str) -> frozenset[str]:
    """The places `text` names. A phrase or hyphenated word names the place it spells as a
    whole ("Nieuw Zeeland", "Zuid-Amerika"), a hyphenated word else those its parts name
    ("EU-Turkije-deal")."""
    lowered = " ".join(text.lower().split())
    _, _, phrases = _forms()
    found: set[str] = set(ROAD_RE.findall(text))
    for phrase, place in phrases:
        if phrase in lowered:
            found.add(place)
            lowered = lowered.replace(phrase, " ")  # "Nieuw Zeeland" names no Zeeland
    for word in re.findall(r"\w+(?:-\w+)*", lowered):
        whole = _place_of(word)
        if whole is not None:
            found.add(whole)
        elif "-" in word:
            found.update(p for part in word.split("-") if (p := _place_of(part)) is not None)
    return frozenset(found)


def places_lacking(asked: frozenset[str], text: str) -> frozenset[str]:
    """The places `asked` for that `text` does not name, when it names another place of the
    same kind (a road for a road, a country or province for one of those): then the text is
    about elsewhere. Empty otherwise."""
    named = places_named(text)
    lacking: set[str] = set()
    for road in (True, False):
        wanted = {p for p in asked if _is_road(p) == road}
        other = {p for p in named if _is_road(p) == road}
        if other - wanted:
            lacking |= wanted - other
    return frozenset(lacking)


def names_any(asked: frozenset[str], text: str) -> bool:
    """Does `text` name one of the places `asked` for?"""
    return bool(asked & places_named(text))


def _is_road(place: str) -> bool:
    return ROAD_RE.fullmatch(place) is not None
