"""Commitment rules as data: every rule a named entry with a real example and counterexample.

`explain` walks `RULES` in table order; the first rule that fires decides the kind. Guards
(kind "uitsluiting") come in two sorts: those with `stops` end the walk where they stand
("Kan de minister toezeggen ...?"), the others only keep the rules that name them in
`blocked_by` from firing ("hierbij" blocks a promise for later). Rules with scope "voorzitter"
are not about one sentence: the chair's words that confirm the minister's promise before them.
Every example is a verbatim sentence from the file named in its source, so
`tests/test_commitment_rules.py` can check each rule against real text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.deadlines import MONTH_NAMES

GEDAAN = "gedaan"
VERMELD = "vermeld"
NAKOMING = "nakoming"
UITSLUITING = "uitsluiting"  # a guard: keeps rules from firing
VOORWAARDE = "voorwaarde"  # a condition a rule needs (a date, in a debate)
SENTENCE, CHAIR = "zin", "voorzitter"

_I = re.IGNORECASE

# Words the patterns share.
TOEZEGGING = r"toezegging(?:en)?"
GOVERNMENT = r"(?:minister|staatssecretaris|kabinet|bewindspersoon)"
LETTER = r"(?:brief|reactie|kabinetsreactie|notitie|rapportage|voortgangsbrief|aanpak|plan)"
DOCUMENT = rf"(?:{LETTER}|brieven|programma|visie)"
# Time words that make a present tense ("ik informeer de Kamer na de zomer") a promise.
FUTURE = (
    r"(?:na|voor|vóór|rond|omstreeks)\s+de\s+zomer|\b(?:binnenkort|later|nog|zodra|spoedig)\b"
    r"|\b(?:eind|begin|medio|half|halverwege)\s+\w+|\b20\d\d\b|kwartaal|najaar|voorjaar"
    r"|\bprinsjesdag\b"
    rf"|\bvolgende?\s+\w+|\bin\s+(?:{MONTH_NAMES})\b"
)
# A time for what is still to come, as letters and written answers state it: the words above,
# "uiterlijk", "voor het zomerreces", "voor de begrotingsbehandeling", "naar verwachting".
WHEN = (
    rf"{FUTURE}|\buiterlijk\b|\b(?:voor|vóór|na|rond|omstreeks)\s+het\s+\w*reces\b"
    r"|\bvoor\s+de\s+\w*behandeling\b|\bvoor\s+het\s+einde\s+van\b|\bnaar\s+verwachting\b"
)
SUBJECT = r"(?:ik|wij|we|u)"
MODAL = r"(?:zal|zullen|zult|wil|willen|ga|gaan|verwacht|bereid|kan|streef|streven)"
ACTION = (
    r"(?:informeren|(?:toe|op)?sturen|(?:toe)?zenden|doen\s+toekomen|terug\s*(?:te\s+)?komen"
    r"|terugkomen|terugkom|rapporteren|berichten|op\s+de\s+hoogte\s+(?:houden|stellen)"
    r"|voorleggen|aanbieden|melden|toezeggen)"
)
# Ways the Kamer gets something: informed, sent, shared, received (present, infinitive and
# participle forms; the tense is judged by the rule's guards).
DELIVER = (
    r"(?:informeren|informeer|geïnformeerd|(?:toe|ver)?sturen|(?:toe)?stuur|stuurt"
    r"|(?:toe|ver)?gestuurd|(?:toe)?zenden|zend|zendt|(?:ge|toege|ver)zonden|delen|deel"
    r"|gedeeld|ontvangt|ontvangen|krijgt|toekomen|aanbieden|aangeboden|rapporteren"
    r"|rapporteer|rapporteert|voorleggen|voorgelegd|op\s+de\s+hoogte\s+(?:houden|stellen|gehouden|gesteld))"
)
# A report the Kamer gets again and again ("jaarlijks stuur ik uw Kamer ...").
RECURRING = r"\b(?:jaarlijks|halfjaarlijks|tweemaandelijks|maandelijks|periodiek)\b"
# Work promised with "zal/ga": only with those firm modals, not with "wil" or "kan".
WORK = (
    r"(?:meenemen|betrekken|uitwerken|inventariseren|op\s+een\s+rij\s+zetten|nagaan"
    r"|op\s+papier\s+(?:te\s+)?zetten"
    r"|uitzoeken|onderzoeken|verhelderen|bekijken|kijken|schetsen|in\s+kaart\s+brengen)"
)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # gedaan | vermeld | nakoming | uitsluiting | voorwaarde
    pattern: re.Pattern[str]
    example: str  # a real sentence the rule fires on (see `example_fires`)
    source: str  # the file (from the repository root) that holds the example verbatim
    counterexample: str  # a real sentence, often close in wording, the rule does not fire on
    counter_source: str
    note: str = ""
    blocked_by: tuple[str, ...] = ()  # guards that keep this rule from firing
    unless_negated: bool = False  # "niet", "geen" or "nooit" inside the match cancels it
    debate_needs: str = ""  # a condition the sentence must meet in a debate
    stops: bool = False  # a guard that ends the walk when it matches
    scope: str = SENTENCE
    # False only where no real sentence with the wording exists yet: the example is then the
    # closest real sentence, and the note says so.
    example_fires: bool = True


NO_EXAMPLE = (
    "Geen echte zin met deze formulering in de fixtures of ../shared/data; het voorbeeld is de"
    " dichtstbijzijnde echte zin."
)


def _rule(
    name: str,
    kind: str,
    pattern: str,
    *,
    example: tuple[str, str],
    counter: tuple[str, str],
    note: str = "",
    blocked_by: tuple[str, ...] = (),
    unless_negated: bool = False,
    debate_needs: str = "",
    stops: bool = False,
    scope: str = SENTENCE,
    example_fires: bool = True,
) -> Rule:
    return Rule(
        name,
        kind,
        re.compile(pattern, _I),
        example=example[1],
        source=example[0],
        counterexample=counter[1],
        counter_source=counter[0],
        note=note,
        blocked_by=blocked_by,
        unless_negated=unless_negated,
        debate_needs=debate_needs,
        stops=stops,
        scope=scope,
        example_fires=example_fires,
    )


FIX = "tests/fixtures/"
DATA = "../shared/data/"  # the read-only data folder next to the repository
NOTA = FIX + "nota/nota-voortgang-implementatie-migratiepact-2026-03-27.txt"
TEI = FIX + "tei/ParlaMint-NL_2022-01-20-tweedekamer-5.xml"
H61 = FIX + "commitments/h-tk-20172018-61-10.xml"
H70_10 = FIX + "commitments/h-tk-20172018-70-10.xml"
H70_11 = FIX + "commitments/h-tk-20172018-70-11.xml"
H70_14 = FIX + "handelingen/h-tk-20172018-70-14.xml"
H70_3 = FIX + "commitments/dev1/h-tk-20172018-70-3.xml"
H70_4 = FIX + "commitments/dev1/h-tk-20172018-70-4.xml"
H70_5 = FIX + "commitments/dev1/h-tk-20172018-70-5.xml"
H70_9 = FIX + "commitments/dev1/h-tk-20172018-70-9.xml"
H70_12 = FIX + "commitments/dev1/h-tk-20172018-70-12.xml"
KV1BCA = FIX + "commitments/1bca1484-2edb-43d1-913f-de5022c9a02b.pdf"
KV2168 = FIX + "commitments/1cf0c343-2da4-429d-8a6d-729da6008af1.pdf"
KV2210 = FIX + "commitments/dev1/1a2d8959-7ce1-411d-bffe-c78970ae8d6b.pdf"
KV1786 = FIX + "commitments/dev1/1b0f0b98-7c34-418c-98dc-43de7930e685.pdf"
KV1771 = FIX + "commitments/dev1/1b26915f-b542-4707-8495-b5c21f0edfe1.pdf"
KV_00FE = FIX + "kamervragen/00fe7edd-24c8-4857-98da-774ed3b06836.pdf"
KV878 = FIX + "commitments/dev1/1dac45ca-7591-47a6-877d-9b549c18500a.pdf"
# Real Kamervraag answers (text only) of the dev set, labelled blind and then read for misses.
KVDEV = "tests/eval/dev/kamervragen/kamervragen_answers.jsonl"
KVDEV2 = "tests/eval/dev/kamervragen2/kamervragen_answers.jsonl"
KVDEV3 = "tests/eval/dev/kamervragen3/kamervragen_answers.jsonl"
KVDEV4 = "tests/eval/dev/kamervragen4/kamervragen_answers.jsonl"
TABLE = FIX + "table/vragen-antwoorden-rijen.csv"
KVDEV7 = "tests/eval/dev/kamervragen7/kamervragen_answers.jsonl"

# In the order `explain` walks them. example=(file, sentence), counter=(file, sentence).
# fmt: off
RULES: tuple[Rule, ...] = (
    _rule("vraagzin", UITSLUITING,
        r"\?[ )\"'\u201d]*\Z",
        stops=True,
        example=(KV2168,
            "Wanneer zult u de Kamer hierover informeren?"),
        counter=(H70_5,
            "Ik heb ook toegezegd, terug te komen op de organisatie en de kleinschaligheid: op "
            "welke manier normeren we op dit moment kleinschaligheid?"),
        note="Een vraag is geen toezegging; staat er een bewering voor een dubbele punt, dan "
             "telt alleen die (\"Ik heb ook toegezegd, terug te komen op X: hoe normeren we "
             "X?\")."),
    _rule("verzoek-om-toezegging", UITSLUITING,
        r"\b(?:vraag|verzoek|verzoeken|vragen|kan|wil|zou)\b.{0,60}"
        r"\b(?:minister|staatssecretaris|regering|kabinet|bewindspersoon)\b.{0,60}"
        r"\b(?:toe\s+te\s+zeggen|toezeggen|te\s+informeren)\b|\bverzoekt\s+de\s+regering\b"
        r"|\b(?:vraag|vraagt|vragen|verzoek)\b.{0,60}\b(?:toezegging|toe\s+te\s+zeggen)"
        r"|\bniet\s+(?:nu\s+al\s+|zomaar\s+)?toe(?:zeggen|\s+te\s+zeggen)\b|\bgeen\s+toezegging",
        stops=True,
        example=(H70_12,
            "Ik vraag aan beide bewindslieden stellige en ondubbelzinnige toezeggingen op dit "
            "terrein."),
        counter=(H70_9,
            "Ik wil de minister bedanken voor haar toezeggingen."),
        note="Een verzoek om een toezegging, of een weigering, is er geen."),
    _rule("nakoming-gestand-doen", NAKOMING,
        rf"\bgestand\b.*\b{TOEZEGGING}\b",
        example=(NOTA,
            "Met deze brief wordt de motie Podt en Rajkowski uitgevoerd en doet u gestand aan "
            "de toezegging van 20 maart om nader in te gaan op het rapport van de IND."),
        counter=(NOTA,
            "Hiermee wordt uitvoering gegeven aan de motie¹ van leden Podt (D66) en Rajkowski "
            "(VVD) over het periodiek informeren van de Tweede Kamer over de voortgang van de "
            "implementatie van het migratiepact.")),
    _rule("nakoming-uitvoering-aan-toezegging", NAKOMING,
        rf"\buitvoering\s+(?:\w+\s+){{0,3}}(?:aan|van)\s+(?:\w+\s+){{0,3}}{TOEZEGGING}\b",
        example_fires=False,
        example=(NOTA,
            "Hiermee wordt uitvoering gegeven aan de motie¹ van leden Podt (D66) en Rajkowski "
            "(VVD) over het periodiek informeren van de Tweede Kamer over de voortgang van de "
            "implementatie van het migratiepact."),
        counter=(NOTA,
            "Met deze brief wordt de motie Podt en Rajkowski uitgevoerd en doet u gestand aan "
            "de toezegging van 20 maart om nader in te gaan op het rapport van de IND."),
        note=NO_EXAMPLE + " Die gaat over een motie, niet over een toezegging."),
    _rule("nakoming-toezegging-afgedaan", NAKOMING,
        rf"\b{TOEZEGGING}\b.{{0,80}}\bafgedaan\b",
        example=(DATA + "tk-odata/documenten/document_page_102_fullterm_20251003_000144.json",
            "Moties en toezeggingen afgedaan met Verzamelbrief Digitalisering Q1 2025"),
        counter=(DATA + "officiele-publicaties/2969ad38-9f13-4c09-a082-12a547eaae35.xml",
            "De Kamer, gehoord de beraadslaging, constaterende dat strafzaken waarbij een "
            "verdachte terechtstaat voor meerdere strafbare feiten, in sommige gevallen in "
            "meerdere zittingen worden afgedaan; overwegende dat hier een efficiëntieslag "
            "gemaakt kan worden en zittingscapaciteit kan worden vrijgespeeld door deze zaken "
            "met elkaar te bundelen in het planningsproces; verzoekt de regering om met het "
            "Openbaar Ministerie en de rechtspraak in gesprek te gaan om het planningsproces "
            "efficiënter in te richten, zodat verdachten die terechtstaan voor meerdere "
            "strafbare feiten in één zitting terecht kunnen staan, en gaat over tot de orde van"
            " de dag."),
        note="Voorbeeld: een documenttitel uit de OData-export."),
    _rule("nakoming-invulling-aan-toezegging", NAKOMING,
        rf"\b(?:invulling|gevolg)\s+(?:\w+\s+){{0,3}}aan\s+(?:\w+\s+){{0,3}}{TOEZEGGING}\b",
        example_fires=False,
        example=(KV2168,
            "Met de analyse waarover ik uw Kamer eind dit jaar zal informeren wil ik hier "
            "invulling aan geven, zonder nu al te besluiten tot de daadwerkelijke inzet van een"
            " capaciteitsmechanismen."),
        counter=(KV_00FE,
            "Uit de nieuwe Inventarisatie Regenboogbeleid Regenboogprovincies 2022 blijkt ook "
            "dat provincies steeds concreter invulling geven aan lhbtiq+ beleid."),
        note=NO_EXAMPLE),
    _rule("nakoming-naar-aanleiding-van-toezegging", NAKOMING,
        rf"\b(?:naar\s+aanleiding|ter\s+uitvoering)\s+van\s+(?:\w+\s+){{0,2}}{TOEZEGGING}\b",
        example=(H70_14,
            "Overzicht van pulsonderzoek naar aanleiding van toezegging tijdens het algemeen "
            "overleg Visserij op 27 maart 2018 - 32201-89 minister van Landbouw, Natuur en "
            "Voedselkwaliteit, C.J."),
        counter=(DATA + "tk-odata/documenten/document_page_232_fullterm_20251003_000757.json",
            "Reactie op de moties en toezeggingen, naar aanleiding van het commissiedebat zzp")),
    _rule("nakoming-hiermee-toezegging", NAKOMING,
        rf"\b(?:hiermee|hierbij|met\s+deze\s+brief)\b.{{0,80}}\b{TOEZEGGING}\b",
        example=(NOTA,
            "Met deze brief wordt de motie Podt en Rajkowski uitgevoerd en doet u gestand aan "
            "de toezegging van 20 maart om nader in te gaan op het rapport van de IND."),
        counter=(NOTA,
            "Hiermee wordt uitvoering gegeven aan de motie¹ van leden Podt (D66) en Rajkowski "
            "(VVD) over het periodiek informeren van de Tweede Kamer over de voortgang van de "
            "implementatie van het migratiepact."),
        note="Het voorbeeld vuurt eerst nakoming-gestand-doen (zelfde soort)."),
    _rule("nakoming-zoals-toegezegd-hierbij", NAKOMING,
        r"\bzoals\s+(?:\w+\s+){0,3}toegezegd\b.{0,80}\b(?:hierbij|bijgaand|hiermee)\b",
        example_fires=False,
        example=(KV1BCA,
            "Zoals door mijn voorganger is toegezegd, zoekt mijn ministerie samen met UWV uit "
            "wat de rapporten waarop de recente berichtgeving in het AD op is gebaseerd precies"
            " inhouden, wat dat betekent voor cliënten, wat het betekent voor processen in de "
            "toekomst en eventueel ook wat dat betekent voor eerder genomen beslissingen."),
        counter=(NOTA,
            "Alvorens de stand van zaken te schetsen wordt in deze brief nader ingaan op het "
            "rapport 'De nieuwe asielpcedure van 2026: van ontvangst tot definitief "
            "asielbesluit' dat is opgesteld door de IND, zoals u heeft toegezegd aan de Tweede "
            "Kamer op 20 maart² jl."),
        note=NO_EXAMPLE),
    _rule("nakoming-voldoen-aan-toezegging", NAKOMING,
        rf"\b(?:voldoe|voldoen|voldoet|voldaan)\s+(?:\w+\s+){{0,3}}aan\s+(?:\w+\s+){{0,3}}"
        rf"{TOEZEGGING}\b|\b{TOEZEGGING}\b.{{0,80}}\b(?:is|wordt|worden|zijn)\s+(?:\w+\s+){{0,2}}"
        r"voldaan\b",
        example_fires=False,
        example=(H70_5,
            "De inspectie zal haar oordeel vellen over het voldoen aan de deadline van 1 april "
            "en daarover zal ik u berichten."),
        counter=(DATA + "tk-odata/documenten/document_page_173_fullterm_20251003_000505.json",
            "Reactie op verzoek commissie over openstaande en deels voldane toezeggingen"),
        note=NO_EXAMPLE + " Nieuw voor issue #10 ('voldoen aan de toezegging')."),
    _rule("nakoming-kom-toezegging-na", NAKOMING,
        rf"\b(?:kom|komen)\s+(?:ik|wij|we)\b.{{0,80}}\b{TOEZEGGING}\b.{{0,80}}\bna\b",
        example_fires=False,
        example=(NOTA,
            "Met deze brief wordt de motie Podt en Rajkowski uitgevoerd en doet u gestand aan "
            "de toezegging van 20 maart om nader in te gaan op het rapport van de IND."),
        counter=(DATA + "officiele-publicaties/47a3cb32-8edf-4cdd-b417-e459a62d05af.xml",
            "De Kamer, gehoord de beraadslaging, constaterende dat de Tweede Kamer in oktober "
            "2023 het kabinet heeft verzocht om werk te maken van de overbrenging van onder "
            "anderen de Afghaanse ambassadebewakers; overwegende dat Afghaanse bewakers hun "
            "leven hebben geriskeerd ter bescherming van Nederlandse diplomaten en militairen "
            "en ernstig gevaar lopen vanwege hun werk voor Nederland; overwegende dat het "
            "abrupte kabinetsbesluit vorig jaar om de bewakers niet over te brengen de morele "
            "en humanitaire verplichtingen van Nederland ondermijnt en aanzienlijke schade "
            "toebrengt aan onze internationale reputatie en toekomstige diplomatieke en "
            "militaire samenwerking; verzoekt het kabinet om de reeds gedane toezeggingen na te"
            " komen en de veilige overbrenging van Afghaanse bewakers, inclusief hun directe "
            "gezinnen, naar Nederland per direct te realiseren, en gaat over tot de orde van de"
            " dag."),
        note=NO_EXAMPLE + " Nieuw voor issue #10 ('daarmee kom ik de toezegging ... na'; "
               "met 'hiermee' vuurt al nakoming-hiermee-toezegging)."),
    _rule("nakoming-zoals-toegezegd-stuur-ik-u", NAKOMING,
        r"\bzoals\s+(?:\w+\s+){0,3}toegezegd\b.{0,200}\b(?:(?:stuur|zend|informeer|bied)\s+ik"
        r"\s+(?:u|uw\s+Kamer|de\s+Kamer)|ontvangt\s+(?:u|uw\s+Kamer)|hierbij|bijgaand|hiermee)\b",
        example_fires=False,
        example=(NOTA,
            "Alvorens de stand van zaken te schetsen wordt in deze brief nader ingaan op het "
            "rapport 'De nieuwe asielpcedure van 2026: van ontvangst tot definitief "
            "asielbesluit' dat is opgesteld door de IND, zoals u heeft toegezegd aan de Tweede "
            "Kamer op 20 maart² jl."),
        counter=(KV1BCA,
            "Zoals door mijn voorganger is toegezegd, zoekt mijn ministerie samen met UWV uit "
            "wat de rapporten waarop de recente berichtgeving in het AD op is gebaseerd precies"
            " inhouden, wat dat betekent voor cliënten, wat het betekent voor processen in de "
            "toekomst en eventueel ook wat dat betekent voor eerder genomen beslissingen."),
        note=NO_EXAMPLE + " Nieuw voor issue #10 ('zoals toegezegd aan het lid X in het "
               "commissiedebat Y van DATUM stuur ik u ...'): een langere aanloop dan "
               "nakoming-zoals-toegezegd-hierbij toelaat."),
    _rule("nakoming-verwijs-voor-toezegging-naar-brief", NAKOMING,
        rf"\bverwijs\b.{{0,80}}\b{TOEZEGGING}\b.{{0,40}}\bnaar\b"
        rf"|\b{TOEZEGGING}\b.{{0,80}}\bverwijs\b.{{0,40}}\bnaar\b",
        example=(KVDEV2,
            "Ik verwijs uw Kamer voor deze toezegging naar de brief over slachthuizen die ik op "
            "22 april jl. aan uw Kamer heb gestuurd (Kamerstuk 28 286, nr. 1237)."),
        counter=(KVDEV,
            "Met betrekking tot de vraag over industriebeleid verwijs ik graag naar de "
            "industriebrief die mijn ministerie in voorbereiding heeft."),
        note="Voor een toezegging verwezen naar een brief die haar nakomt."),
    _rule("nakoming-zoals-toegezegd-is-gedaan", NAKOMING,
        r"\bzoals\s+(?:eerder\s+|reeds\s+|al\s+)?toegezegd\b,?\s+(?:is|zijn|heeft|hebben"
        r"|heb\s+ik|hebben\s+(?:wij|we))\b",
        example_fires=False,
        example=(KV1BCA,
            "Zoals door mijn voorganger is toegezegd, zoekt mijn ministerie samen met UWV uit "
            "wat de rapporten waarop de recente berichtgeving in het AD op is gebaseerd precies"
            " inhouden, wat dat betekent voor cliënten, wat het betekent voor processen in de "
            "toekomst en eventueel ook wat dat betekent voor eerder genomen beslissingen."),
        counter=(NOTA,
            "Alvorens de stand van zaken te schetsen wordt in deze brief nader ingaan op het "
            "rapport 'De nieuwe asielpcedure van 2026: van ontvangst tot definitief "
            "asielbesluit' dat is opgesteld door de IND, zoals u heeft toegezegd aan de Tweede "
            "Kamer op 20 maart² jl."),
        note=NO_EXAMPLE + " Nieuw voor issue #10 ('zoals toegezegd is/heeft ...')."),
    _rule("derde-heeft-toegezegd", UITSLUITING,
        r"^(?:(?:De|Het)\s+)?(?!(?:minister|staatssecretaris|kabinet|regering|bewindspersoon"
        r"|bewindslieden|voorganger|ambtsvoorganger|ik|wij|we|mijn|ons|onze|kamer|u)\b)"
        r"[\w'’-]+\s+(?:heeft|hebben)\s+(?:\w+\s+){0,3}toegezegd\b",
        example=(KVDEV3,
            "NS heeft toegezegd onverminderd door te zullen gaan met het verbeteren van de "
            "sociale veiligheid in de treinen en op stations."),
        counter=(H70_4,
            "In het algemeen overleg heeft de minister toegezegd dat hij dat voorstel van onder"
            " andere de Patiëntenfederatie serieus gaat onderzoeken."),
        note="Een ander dan de regering zegde iets toe (een vervoerder, een inspecteur): geen "
             "toezegging van de regering aan de Kamer."),
    _rule("vermeld-heeft-toegezegd", VERMELD,
        r"\b(?:heeft|hebt|heb|had|hadden|hebben)\b.{0,80}\btoegezegd\b"
        r"|\bKamer\b.{0,40}\b(?:is|zijn|werd|werden)\s+(?:\w+\s+){0,3}toegezegd\b"
        r"|\b(?:is|werd)\s+toegezegd\s+(?:aan\s+(?:het\s+lid\s+\S+|(?:uw|de)\s+(?:Tweede\s+)?Kamer)"
        r"\s+)?(?:om|dat)\b",
        blocked_by=("derde-heeft-toegezegd",),
        example=(H70_4,
            "In het algemeen overleg heeft de minister toegezegd dat hij dat voorstel van onder"
            " andere de Patiëntenfederatie serieus gaat onderzoeken."),
        counter=(H70_10,
            "Ik zeg de heer Koerhuis toe om informatie te verschaffen over de stand van zaken "
            "rond Vestia.")),
    _rule("vermeld-toegezegd-heeft", VERMELD,
        r"\btoegezegd\s+(?:heeft|hebt|heb|had)\b",
        example_fires=False,
        example=(DATA + "officiele-publicaties/92e265ce-60f4-40c9-be8c-60f9a7a2ed07.xml",
            "De Kamer, gehoord de beraadslaging, constaterende dat UNRWA volgens het kabinet "
            "fondsen heeft om tot en met juli operatief te blijven; constaterende dat de "
            "regering nog niet toegezegd heeft of het UNRWA wel of niet aanvullend zal "
            "financieren; verzoekt de regering om de Kamer voor juli 2024 te informeren of zij "
            "voornemens is om UNRWA aanvullend te financieren, en gaat over tot de orde van de "
            "dag."),
        counter=(H70_12,
            "Ik heb toegezegd om in het derde kwartaal te kijken of dat kan worden "
            "aangescherpt."),
        note="Enige echte zin die de regel raakt: een motie, die verzoek-om-toezegging "
             "tegenhoudt."),
    _rule("vermeld-zoals-toegezegd", VERMELD,
        r"\bzoals\s+(?:\w+\s+){0,4}toegezegd\b",
        example=(KV1BCA,
            "Zoals door mijn voorganger is toegezegd, zoekt mijn ministerie samen met UWV uit "
            "wat de rapporten waarop de recente berichtgeving in het AD op is gebaseerd precies"
            " inhouden, wat dat betekent voor cliënten, wat het betekent voor processen in de "
            "toekomst en eventueel ook wat dat betekent voor eerder genomen beslissingen."),
        counter=(KV2168,
            "Conform de toezegging van mijn ambtsvoorganger zal ik de Kamer hierover eind 2024 "
            "nader informeren.")),
    _rule("vermeld-toezegging-is-gedaan", VERMELD,
        rf"\b(?:deze|die|de|een)\s+{TOEZEGGING}\s+(?:is|zijn|werd|werden)\b.{{0,160}}\bgedaan\b",
        example=(KVDEV3,
            "Deze toezegging is door de toenmalig Minister van Economische Zaken en Klimaat op 9 "
            "september 2021 gedaan tijdens het Commissiedebat over de toekomst van TSN (Kamerstuk"
            " 32 813, nr. 865)."),
        counter=(KV2168,
            "Conform de toezegging van mijn ambtsvoorganger zal ik de Kamer hierover eind 2024 "
            "nader informeren."),
        note="Wanneer en door wie een eerdere toezegging is gedaan."),
    _rule("vermeld-zegde-toe", VERMELD,
        r"\bzegden?\b.{0,120}\btoe\b",
        example=(H61,
            "De staatssecretaris zegde toe enkele door de Wereldbank gebruikte criteria mee te "
            "nemen bij een volgende financieringsmonitor, maar dat is de VVD te weinig "
            "ambitieus."),
        counter=(H70_10,
            "Ik zeg de heer Koerhuis toe om informatie te verschaffen over de stand van zaken "
            "rond Vestia.")),
    _rule("vermeld-conform-toezegging", VERMELD,
        rf"\b(?:conform|overeenkomstig|volgens)\s+(?:de|mijn|haar|zijn|uw)\s+{TOEZEGGING}\b",
        example=(KV2168,
            "Conform de toezegging van mijn ambtsvoorganger zal ik de Kamer hierover eind 2024 "
            "nader informeren."),
        counter=(H70_9,
            "Ik wil de minister bedanken voor haar toezeggingen.")),
    _rule("vermeld-de-toezegging-van", VERMELD,
        rf"\b(?:de|een|mijn|haar|zijn|uw)\s+(?:\w+\s+)?{TOEZEGGING}\s+"
        r"(?:van|in|tijdens|aan|om|die|dat|op|over)\b",
        example=(H70_10,
            "De heer Koerhuis vroeg ook naar de toezegging om de beleidsregels borging en de "
            "beleidsregels sanering aan te passen."),
        counter=(H70_4,
            "Mijn vraag blijft wel staan of die toezegging van toen nu nog steeds geldt.")),
    _rule("vermeld-dank-voor-toezegging", VERMELD,
        rf"\b(?:dank|danken|bedank\w*)\b.{{0,60}}\bvoor\s+(?:de|haar|zijn|uw|die|deze)\s+"
        rf"(?:\w+\s+)?{TOEZEGGING}\b",
        example=(H70_9,
            "Ik wil de minister bedanken voor haar toezeggingen."),
        counter=(H70_10,
            "Ik wil de minister ook graag bedanken voor haar toezegging om de beleidsregels op "
            "mijn verzoek aan te passen om ervoor te zorgen dat de gemeente Geertruidenberg "
            "geen verlies en aankoopsommen kan doorschuiven naar de rest van het land.")),
    _rule("vermeld-toezegging-gedaan", VERMELD,
        rf"\b{TOEZEGGING}\s+(?:heb|hebben|had|heeft)\s+(?:\w+\s+)?gedaan\b",
        example=(H70_5,
            "Ik denk eigenlijk dat ik een vrij evenwichtige toezegging heb gedaan, omdat ik "
            "juist zelf ben begonnen met mijn aarzelingen over het normeren van "
            "kleinschaligheid daar waar het normeren van kleinschaligheid het normeren van "
            "organisatievormen is."),
        counter=(H70_5,
            "Ik zal even kijken of ik de toezegging op het gebied van kleinschaligheid en het "
            "normeren daarvan in hetzelfde tempo gedaan krijg.")),
    _rule("vermeld-toezegging-blijft-staan", VERMELD,
        rf"\b{TOEZEGGING}\s+(?:blijft|blijven)\s+staan\b",
        example=(H70_4,
            "De toezegging blijft staan."),
        counter=(H70_4,
            "Toezeggingen blijven altijd geldig.")),
    _rule("vermeld-eerder-aangegeven-informeren", VERMELD,
        r"\b(?:heb|heeft|hebben|is)\b.{0,30}\baangegeven\b.{0,200}"
        r"\b(?:informeer|informeert|informeren|met\s+een\s+brief|brief\s+(?:komt|stuur))",
        example=(H70_5,
            "Ik heb al aangegeven dat ik u daarover informeer; dat is ook logisch natuurlijk."),
        counter=(H70_5,
            "Daarover zal ik de Kamer informeren.")),
    _rule("zelfde-debat", UITSLUITING,
        r"\b(?:zo\s+meteen|zo\s+dadelijk|straks|tweede\s+termijn|in\s+dit\s+debat|zo\s+nog"
        r"|even\s+kijken|welke\s+vragen)\b",
        stops=True,
        example=(TEI,
            "Daar zal ik zo meteen nog wat meer over zeggen in reactie op de motie van mevrouw "
            "Kröger."),
        counter=(TEI,
            "Ik zal de Kamer binnenkort informeren over de reactie van Nederland."),
        note="Terugkomen binnen hetzelfde debat is geen toezegging."),
    _rule("vraagt-erom", UITSLUITING,
        r"\b(?:vraag|verzoek|vragen|verzoeken)\s+(?:ik\s+)?(?:de|het|u)\b",
        example=(H70_12,
            "Ik vraag de staatssecretaris daarom om in haar lezing van de motie mee te nemen "
            "dat zij in de rapportages die zij naar de Kamer stuurt ook expliciet de resultaten"
            " inzichtelijk maakt van de inspanningen die zij verricht."),
        counter=(H70_5,
            "Wij kijken uit naar de invulling van die zin in het programma dat de minister "
            "binnenkort naar de Tweede Kamer stuurt."),
        note="Wie iets vraagt, meldt niet wat het kabinet nog stuurt."),
    _rule("vermeld-bewindspersoon-komt-met", VERMELD,
        rf"\b{GOVERNMENT}\s+(?:\w+\s+){{0,3}}(?:komt|komen)\s+(?:\w+\s+){{0,3}}met\s+een\b",
        blocked_by=("vraagt-erom",),
        example=(DATA + "officiele-publicaties/148c01cc-85b7-4255-8546-f13893c25b9c.xml",
            "De Kamer, gehoord de beraadslaging, constaterende dat er veel situaties bekend "
            "zijn van uitbuiting van EU-arbeidsmigranten in Nederland en dat het belang van "
            "werkgevers prevaleert boven het belang van arbeidsmigranten, wat uitmondt in "
            "schrijnende huisvestingssituaties, gevolgen voor sociale cohesie in kwetsbare "
            "wijken en toenemende druk op onderwijs, zorg en huisvesting; overwegende dat er "
            "veel meer aandacht moet komen voor het brede maatschappelijk belang, zoals "
            "fatsoenlijke huisvesting, leefbaarheid en druk op voorzieningen; verzoekt het "
            "kabinet om te komen met een duidelijke visie op EU-arbeidsmigratie en daarbij in "
            "te zetten op het maken van (bilaterale) afspraken met lidstaten, in ieder geval "
            "met lidstaten vanwaaruit veel arbeidsmigranten in Nederland werken, met als doel "
            "concrete afspraken te maken over grip op de omvang van arbeidsmigratie, het "
            "terugdringen van misstanden met arbeidsmigranten, het tegengaan van de "
            "ontwrichtende gevolgen in het land van herkomst en het verbeteren van de "
            "onderlinge informatiepositie; verzoekt tevens expliciet te maken welk standpunt "
            "het kabinet heeft ten aanzien van toetreding van nieuwe EU-lidstaten, en de Kamer "
            "hierover te informeren, en gaat over tot de orde van de dag."),
        counter=(H70_9,
            "Ook komt de minister nog met een brief over de toegankelijkheid."),
        note="Voorbeeld uit een motie (overweging); moties zelf slaat de extractie over."),
    _rule("vermeld-komt-bewindspersoon-met", VERMELD,
        rf"\b(?:komt|komen)\s+(?:\w+\s+)?{GOVERNMENT}\s+(?:\w+\s+){{0,2}}met\s+een\b",
        blocked_by=("vraagt-erom",),
        example=(H70_9,
            "Ook komt de minister nog met een brief over de toegankelijkheid."),
        counter=(H70_9,
            "We hebben best even zitten stoeien met deze motie, omdat we ook wel weten dat de "
            "minister nog met een reactie komt.")),
    _rule("vermeld-bewindspersoon-met-brief-komt", VERMELD,
        rf"\b{GOVERNMENT}\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+){{0,2}}{LETTER}\s+(?:\S+\s+){{0,3}}"
        r"(?:komt|komen)\b",
        blocked_by=("vraagt-erom",),
        example=(H70_9,
            "We hebben best even zitten stoeien met deze motie, omdat we ook wel weten dat de "
            "minister nog met een reactie komt."),
        counter=(H70_9,
            "Ook komt de minister nog met een brief over de toegankelijkheid.")),
    _rule("vermeld-bewindspersoon-gaat-informeren", VERMELD,
        rf"\b{GOVERNMENT}\s+(?:\w+\s+){{0,3}}(?:gaat|zal)\s+(?:\w+\s+){{0,4}}"
        r"(?:informeren|terugkomen|sturen)\b",
        blocked_by=("vraagt-erom",),
        example=(H70_9,
            "Wat betreft het onderwerp buitenruimte is het goed dat de minister ons gaat "
            "informeren over het effect van het schrappen van het recht op buitenruimte voor "
            "zorgwoningen."),
        counter=(H70_9,
            "We hebben best even zitten stoeien met deze motie, omdat we ook wel weten dat de "
            "minister nog met een reactie komt.")),
    _rule("vermeld-bewindspersoon-zal-brief-sturen", VERMELD,
        rf"\b(?:de|een|het)\s+{GOVERNMENT}\b.{{0,80}}\bzal\b.{{0,120}}\b{ACTION}\b"
        rf"|\bzal\s+(?:de|het)\s+{GOVERNMENT}\b.{{0,120}}\b{ACTION}\b",
        blocked_by=("vraagt-erom",),
        unless_negated=True,
        example=(KVDEV2,
            "De Minister voor Volkshuisvesting en Ruimtelijke Ordening (VRO) zal de Kamer eind "
            "mei informeren over het Programma Versnelling Verduurzaming Gebouwde Omgeving en "
            "heeft de Kamer begin april het Nationaal Isolatie Programma gestuurd."),
        counter=(KVDEV2,
            "Op 25 mei 2022 heb ik uw Kamer geïnformeerd over de operationele aanscherping van "
            "NSOC."),
        note="Een collega-bewindspersoon die de Kamer (met een brief) zal informeren: in een "
             "schriftelijk antwoord namens het kabinet een toezegging, door een lid genoemd een "
             "vermelding."),
    _rule("vermeld-brief-die-nog-komt", VERMELD,
        rf"\b{DOCUMENT}\s+(?:die|dat)\s+(?:er\s+)?nog\s+(?:komt|gaat\s+komen)\b",
        blocked_by=("vraagt-erom",),
        example=(H70_9,
            "Mevrouw Dik-Faber nam al een voorschotje op mijn advies, namelijk aanhouden, door "
            "te zeggen dat ze wil dat ik het al betrek bij de brief die nog komt over het "
            "rapport."),
        counter=(H70_9,
            "Die brief komt er inderdaad aan.")),
    _rule("vermeld-die-bewindspersoon-naar-kamer-stuurt", VERMELD,
        rf"\b(?:die|dat)\s+(?:de\s+{GOVERNMENT}|hij|zij)\s+(?:\w+\s+){{0,6}}(?:naar|aan)\s+"
        r"(?:de|uw)\s+(?:Tweede\s+)?Kamer\s+(?:zal\s+|gaat\s+)?(?:stuurt|sturen|zendt|zenden)\b",
        blocked_by=("vraagt-erom",),
        example=(H70_5,
            "Wij kijken uit naar de invulling van die zin in het programma dat de minister "
            "binnenkort naar de Tweede Kamer stuurt."),
        counter=(H70_12,
            "Ik vraag de staatssecretaris daarom om in haar lezing van de motie mee te nemen "
            "dat zij in de rapportages die zij naar de Kamer stuurt ook expliciet de resultaten"
            " inzichtelijk maakt van de inspanningen die zij verricht.")),
    _rule("vermeld-brief-die-we-krijgen", VERMELD,
        rf"\b{DOCUMENT}\s+die\s+(?:we|wij)\s+(?:\w+\s+){{0,4}}(?:krijgen|ontvangen)\b",
        blocked_by=("vraagt-erom",),
        example=(H70_5,
            "Maar ik zou dan wel de lessons learned en de gevolgtrekking daarvan graag samen "
            "willen zien met de brief die we ergens halverwege mei krijgen over of de deadline "
            "van 1 april gehaald is."),
        counter=(H70_5,
            "Wij kijken uit naar de invulling van die zin in het programma dat de minister "
            "binnenkort naar de Tweede Kamer stuurt.")),
    _rule("vermeld-komt-terug-in-brief-van-bewindspersoon", VERMELD,
        rf"\b(?:terugkomt|terug\s+komt|aan\s+bod\s+komt|wordt\s+meegenomen)\s+in\s+de\s+"
        rf"(?:\w+\s+)?{DOCUMENT}\s+van\s+de\s+{GOVERNMENT}\b",
        blocked_by=("vraagt-erom",),
        example=(H70_5,
            "Dan gaan we er gewoon van uit dat kleinschaligheid persoonsgerichte zorg betekent "
            "en dat dat terugkomt in de brief van de minister."),
        counter=(H70_5,
            "Daar wil ik in mijn brief graag nader op ingaan.")),
    _rule("toezeggen-ik-zeg-toe", GEDAAN,
        r"\b(?:ik|wij|we)\s+(?:zeg|zeggen|wil|kan|kunnen|willen)\b.{0,60}\b(?:toe|toezeggen)\b",
        example=(H70_10,
            "Ik zeg de heer Koerhuis toe om informatie te verschaffen over de stand van zaken "
            "rond Vestia."),
        counter=(H61,
            "De staatssecretaris zegde toe enkele door de Wereldbank gebruikte criteria mee te "
            "nemen bij een volgende financieringsmonitor, maar dat is de VVD te weinig "
            "ambitieus.")),
    _rule("toezeggen-ik-zou-toezeggen", GEDAAN,
        r"\bik\s+zou\s+(?:\w+\s+){0,3}toezeggen\b",
        example=(H70_3,
            "Ik zou graag toezeggen in de richting van mevrouw Agema om dat bij die aanpak "
            "nader te verhelderen."),
        counter=(H70_10,
            "Ik zeg de heer Koerhuis toe om informatie te verschaffen over de stand van zaken "
            "rond Vestia.")),
    _rule("toezeggen-zeg-ik-toe", GEDAAN,
        r"\bzeg(?:gen)?\s+(?:ik|wij|we)\b.{0,60}\btoe\b",
        example=(H70_4,
            "Dat wil ik graag doen; dat zeg ik graag toe."),
        counter=(H61,
            "De staatssecretaris zegde toe enkele door de Wereldbank gebruikte criteria mee te "
            "nemen bij een volgende financieringsmonitor, maar dat is de VVD te weinig "
            "ambitieus.")),
    _rule("toezeggen-kan-ik-toezeggen", GEDAAN,
        r"\b(?:kan|wil)\s+(?:ik|wij|we)\b.{0,30}\btoezeggen\b",
        example=(H70_10,
            "Ik vind dat dat inderdaad ook deel moet uitmaken van die zorgvuldige aanpak, dus "
            "dat kan ik hem wel toezeggen."),
        counter=(H70_3,
            "Ik zou graag toezeggen in de richting van mevrouw Agema om dat bij die aanpak "
            "nader te verhelderen.")),
    _rule("toezeggen-dit-is-een-toezegging", GEDAAN,
        r"\b(?:dit|dat)\s+is\s+een\s+toezegging\b",
        example=(H70_11,
            "De eerste vraag van de heer Paternotte kan ik nu niet beantwoorden en daar kom ik "
            "een keer op terug; dit is een toezegging."),
        counter=(H70_5,
            "Ik denk eigenlijk dat ik een vrij evenwichtige toezegging heb gedaan, omdat ik "
            "juist zelf ben begonnen met mijn aarzelingen over het normeren van "
            "kleinschaligheid daar waar het normeren van kleinschaligheid het normeren van "
            "organisatievormen is.")),
    _rule("toezeggen-erop-rekenen", GEDAAN,
        r"\b(?:kunt|kunnen|kan)\s+(?:\w+\s+)?erop\s+rekenen\s+dat\s+(?:ik|wij|we)\b",
        example=(H70_12,
            "De heer Veldman en andere indieners kunnen erop rekenen dat wij dat blijven "
            "voortzetten."),
        counter=(H70_9,
            "Ik ben bereid om dat op de een of andere manier te doen.")),
    _rule("toezeggen-kom-ik-terug-bij-de-kamer", GEDAAN,
        r"\bkom(?:en)?\s+(?:ik|wij|we)\b.{0,60}\b(?:bij\s+(?:de|uw)\s+Kamer|schriftelijk"
        r"|een\s+keer|later)\b.{0,30}\bterug\b",
        example=(H70_11,
            "De eerste vraag van de heer Paternotte kan ik nu niet beantwoorden en daar kom ik "
            "een keer op terug; dit is een toezegging."),
        counter=(H70_10,
            "Ik kom daar natuurlijk nog op terug."),
        note="Het voorbeeld vuurt eerst toezeggen-dit-is-een-toezegging (zelfde soort)."),
    _rule("vermeld-toegezegde-stuk", VERMELD,
        rf"\btoegezegde\s+(?:\w+\s+)?(?:{DOCUMENT}|onderzoek|evaluatie|rapport|voortgangs\w+)\b"
        rf"|\b(?:eerder|boven)?genoemde\s+{TOEZEGGING}\b",
        example=(KVDEV,
            "Ik laat het door mijn voorganger aan het lid Omtzigt toegezegde onderzoek naar het "
            "CAF extern uitvoeren."),
        counter=(KVDEV,
            "Daarnaast wordt in het kader van brede hersteloperatie van de Staatssecretaris van "
            "Toeslagen en Douane bezien hoe kinderen naast de reeds toegezegde financiële "
            "compensatie ook nog op andere wijzen ondersteund kunnen worden."),
        note="Een toegezegd stuk (brief, onderzoek, rapport), niet iets dat aan burgers is "
             "toegezegd. Na de toezeggen-regels: 'Ik wil toezeggen dat ik terugkom in het "
             "toegezegde plan' is een nieuwe toezegging."),
    _rule("passief-kamer-wordt-geinformeerd", GEDAAN,
        # "wordt de Kamer geïnformeerd" after a condition only: without one it says how
        # things go now ("Via deze toetsing wordt uw Kamer geïnformeerd").
        r"\b(?:(?:Kamer|u)\s+(?:zal|zult|wordt)|zal\s+(?:uw|de)\s+Kamer"
        r"|(?:zodra|indien|wanneer)\b.{0,120}\bwordt\s+(?:uw|de)\s+Kamer)\b.{0,80}"
        r"\b(?:geïnformeerd|toegestuurd|toegezonden|op\s+de\s+hoogte\s+(?:gehouden|gesteld))\b",
        example=(KV1771,
            "Uw Kamer wordt hier voor het zomerreces over geïnformeerd."),
        counter=(KV1771,
            "In die reactie zal worden ingegaan op de genoemde conclusies.")),
    _rule("aan-een-ander", UITSLUITING,
        r"\b(?:gedeeld|gestuurd|verstuurd|verzonden|toegezonden|aangeboden)\s+(?:met|naar|aan)\s+"
        r"(?!(?:uw|de)\s+(?:Tweede\s+)?Kamer\b)",
        example=(KVDEV7,
            "De berekeningen zullen worden gedeeld met het RIVM, zodat deze beoordeeld kunnen "
            "worden en eventueel een plek kunnen krijgen in de berekeningen die het RIVM zal "
            "uitvoeren ten behoeve van beleidsondersteuning."),
        counter=(KV1771,
            "Zodra de resultaten van het onderzoek gereed zijn, wordt de kabinetsreactie zo "
            "spoedig mogelijk naar Uw Kamer gestuurd."),
        note="Iets gaat naar een ander dan de Kamer (een instituut, een gemeente): geen "
             "toezegging aan de Kamer."),
    _rule("passief-zal-worden-meegenomen", GEDAAN,
        r"\b(?:zal|zullen)\s+(?:\w+\s+){0,8}worden\s+(?:ingegaan|meegenomen|gestuurd"
        # "betrokken bij de evaluatie", not people involved ("partijen worden betrokken")
        r"|betrokken(?=\s+(?:bij|in)\b)"
        r"|toegestuurd|geïnformeerd|gerapporteerd|verstuurd|verzonden|toegezonden|teruggekomen"
        r"|aangeboden|gedeeld)\b",
        blocked_by=("aan-een-ander",),
        example=(KV1771,
            "In die reactie zal worden ingegaan op de genoemde conclusies."),
        counter=(KV1771,
            "In de kabinetsreactie worden deze overwegingen meegenomen.")),
    _rule("passief-wordt-naar-kamer-gestuurd", GEDAAN,
        r"\b(?:wordt|worden|zal|zullen)\b.{0,80}\b(?:naar|met|aan)\s+(?:uw|de)\s+(?:Tweede\s+)?Kamer\s+"
        r"(?:gestuurd|verzonden|gezonden|toegezonden|gedeeld|aangeboden)\b",
        example=(KV1771,
            "Zodra de resultaten van het onderzoek gereed zijn, wordt de kabinetsreactie zo "
            "spoedig mogelijk naar Uw Kamer gestuurd."),
        counter=(KV1771,
            "Uw Kamer wordt hier voor het zomerreces over geïnformeerd.")),
    _rule("passief-in-de-brief-meegenomen", GEDAAN,
        rf"\b(?:in|bij)\s+de\s+{LETTER}\s+(?:\w+\s+){{0,6}}(?:worden|wordt)\b.{{0,60}}\bmeegenomen\b",
        example=(KV1771,
            "In de kabinetsreactie worden deze overwegingen meegenomen."),
        counter=(KV1771,
            "Omdat de ILT-signaalrapportage uit 2022 een belangrijk onderdeel is van het "
            "rapport van de Universiteit Twente, worden de resultaten van het vervolgonderzoek "
            "van de ILT meegenomen in de kabinetsreactie.")),
    _rule("passief-meegenomen-in-de-brief", GEDAAN,
        rf"\bworden\b.{{0,80}}\bmeegenomen\s+in\s+de\s+{LETTER}\b",
        example=(KV1771,
            "Omdat de ILT-signaalrapportage uit 2022 een belangrijk onderdeel is van het "
            "rapport van de Universiteit Twente, worden de resultaten van het vervolgonderzoek "
            "van de ILT meegenomen in de kabinetsreactie."),
        counter=(KV1771,
            "In de kabinetsreactie worden deze overwegingen meegenomen.")),
    _rule("passief-wordt-uw-kamer-geinformeerd", GEDAAN,
        rf"^(?=.*(?:{WHEN})).*\b(?:wordt|worden)\s+(?:uw|de)\s+Kamer\b.{{0,80}}\bgeïnformeerd\b",
        blocked_by=("deze-brief",),
        example=(KVDEV,
            "Uiterlijk 1 april 2022 wordt uw Kamer over de uitkomsten geïnformeerd door middel "
            "van een inhoudelijke beleidsreactie op de resultaten en aanbevelingen van het "
            "onderzoek."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="Met een tijd voor wat komt; zonder tijd beschrijft het hoe het gaat."),
    _rule("passief-wordt-aan-kamer-gezonden", GEDAAN,
        r"\b(?:wordt|worden)\b.{0,80}\baan\s+(?:uw|de)\s+Kamer\s+(?:gezonden|verzonden"
        r"|toegezonden|gestuurd|aangeboden)\b",
        blocked_by=("deze-brief",),
        example=(KVDEV,
            "Deze wordt naar verwachting voor de zomer aan uw Kamer gezonden."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd.")),
    _rule("later-kamer-ontvangt", GEDAAN,
        rf"^(?=.*(?:{WHEN})).*(?:\b(?:uw|de)\s+Kamer\s+(?:\w+\s+){{0,4}}ontvangt\b"
        r"|\bontvangt\s+(?:uw|de)\s+Kamer\b)",
        blocked_by=("deze-brief",),
        example=(KVDEV,
            "De exacte maatregelen legt dit kabinet vast in de Emancipatienota, die uw Kamer "
            "rond het zomerreces ontvangt."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="Een stuk dat de Kamer nog ontvangt, met een tijd ('in het najaar', 'rond het "
             "zomerreces'); 'ontvangt u hierbij' is geen belofte."),
    _rule("later-stuk-dat-ik-naar-kamer-zal-sturen", GEDAAN,
        r"\b(?:die|dat)\s+(?:ik|wij|we)\s+[^.;]{0,160}?\b(?:naar|aan)\s+(?:uw|de)\s+"
        r"(?:Tweede\s+)?Kamer\s+(?:zal|zullen|ga|gaan)\s+(?:toe)?(?:sturen|zenden)\b",
        blocked_by=("deze-brief",),
        example=(KVDEV,
            "Tot slot zal in het meerjarig programma gericht op zelfbeschikking dat ik – als "
            "onderdeel van de Actieagenda Schadelijke praktijken en in vervolg op de "
            "amendementen van lid Becker over dit onderwerp – naar uw kamer zal sturen "
            "specifieke aandacht uitgaan naar acties gericht op het verhogen van de financiële "
            "weerbaarheid van vrouwen die in afhankelijkheidsrelaties zitten in gesloten "
            "gemeenschappen."),
        counter=(KVDEV,
            "Voor de opvolging van de acties uit het advies van de Raad voor Cultuur verwijs ik "
            "graag naar de brief die ik hierover heb geschreven aan uw Kamer op 2 november 2022"),
        note="Een stuk dat de bewindspersoon nog naar de Kamer stuurt, in een bijzin ('het "
             "programma dat ik ... naar uw Kamer zal sturen'); 'heb geschreven' is verleden."),
    _rule("passief-wordt-u-geinformeerd-via-brief", GEDAAN,
        rf"\b(?:wordt|worden)\s+(?:u|uw\s+Kamer|de\s+Kamer)\s+(?:\w+\s+){{0,3}}geïnformeerd\s+"
        rf"(?:via|in|met|bij)\s+(?:de|een)\s+(?:\w+\s+){{0,2}}(?:Kamerbrief|{DOCUMENT})\b",
        blocked_by=("deze-brief",),
        example=(KVDEV3,
            "Over de uitwerking van de motie Westerveld wordt u geïnformeerd via de Kamerbrief "
            "met de visie op de doorstroom in de beroepskolom beginnend bij het primair "
            "onderwijs, via het voortgezet onderwijs tot aan het mbo en het hbo."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="De Kamer hoort het via een brief die nog komt; 'met deze brief' is geen belofte."),
    _rule("later-kamer-kan-verwachten", GEDAAN,
        rf"^(?=.*(?:{WHEN})).*(?:\b(?:uw|de)\s+Kamer\s+kan\b|\bkan\s+(?:uw|de)\s+Kamer\b"
        r"|\bkunt\s+u\b|\bu\s+kunt\b).{0,120}\bverwachten\b",
        blocked_by=("deze-brief",),
        example=(KVDEV3,
            "Uw Kamer kan de uitkomsten van dit onderzoek rond de zomer verwachten van de "
            "Minister van VWS."),
        counter=(KVDEV,
            "Deze wordt naar verwachting voor de zomer aan uw Kamer gezonden."),
        note="Een stuk dat de Kamer met een tijd kan verwachten."),
    _rule("later-zodra-stuur-ik", GEDAAN,
        r"\b(?:zodra|wanneer|nadat)\b.{0,80}\b(?:zend|stuur|informeer|bericht)\s+(?:ik|wij|we)\b",
        blocked_by=("deze-brief", "ontkenning"),
        example=(KVDEV,
            "Zodra dit gereed is zend ik deze stukken naar uw Kamer."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd.")),
    _rule("deze-brief", UITSLUITING,
        # "ik ga hiermee aan de slag": with this subject, not by this letter
        r"\b(?:met\s+deze\s+brief|in\s+deze\s+brief|hierbij|hiermee(?!\s+aan\s+de\s+slag)"
        r"|bijgaand|hieronder|hierna"
        r"|in\s+(?:de|dit|mijn)\s+(?:beantwoording|antwoord)(?!\s+(?:op|van)\s+(?:de\s+)?"
        r"(?:eerdere\s+)?vragen\s+van)|in\s+antwoord\s+\d)\b",
        example=(H70_9,
            "Met het \"oordeel Kamer\" dat ik hierbij graag zou willen uitspreken, zeg ik niet "
            "dat het kan, maar zeg ik wel dat ik bereid om te onderzoeken of het mogelijk is."),
        counter=(H70_9,
            "Ik ben bereid om dat op de een of andere manier te doen."),
        note="Deze brief of dit antwoord doet het nu: geen belofte voor later."),
    _rule("ontkenning", UITSLUITING,
        r"\b(?:niet|geen|nooit)\b",
        example=(H70_11,
            "Dat zal ik ook niet doen."),
        counter=(H70_3,
            "Dat zullen we doen."),
        note="Bij regels met unless_negated telt alleen een ontkenning binnen de treffer."),
    _rule("later-kom-ik-terug", GEDAAN,
        r"\b(?:kom(?:en)?\s+(?:ik|wij|we)|(?:ik|wij|we)\s+kom(?:en)?)\b.{0,100}\bterug\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_10,
            "Ik kom daar natuurlijk nog op terug."),
        counter=(H70_12,
            "Ik stel voor dat ik daar later schriftelijk op terugkom.")),
    _rule("later-ik-kom-erop-terug", GEDAAN,
        r"\b(?:ik|wij|we)\b.{0,60}\bop\s+terugkom(?:en)?\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_12,
            "Ik stel voor dat ik daar later schriftelijk op terugkom."),
        counter=(H70_10,
            "Ik kom daar natuurlijk nog op terug."),
        note="Ook een schriftelijk antwoord in een debat."),
    _rule("later-in-die-brief-ga-ik-in", GEDAAN,
        rf"\b(?:in|bij)\s+(?:die|mijn|een|dezelfde|de\s+volgende)\s+{LETTER}\b.{{0,80}}"
        r"\b(?:ik|wij|we)\b.{0,40}\b(?:ingaan|meenemen|betrekken)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_9,
            "In dezelfde brief waar de reactie op het RIGO-rapport in komt te staan, zal ik die"
            " vraag meenemen."),
        counter=(H70_5,
            "Daar wil ik in mijn brief graag nader op ingaan.")),
    _rule("later-ik-ga-in-die-brief-in", GEDAAN,
        rf"\b(?:ik|wij|we)\b.{{0,40}}\b(?:in|bij)\s+(?:die|mijn|een|dezelfde|de\s+volgende)\s+"
        rf"{LETTER}\b.{{0,60}}\b(?:ingaan|meenemen|betrekken)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_5,
            "Daar wil ik in mijn brief graag nader op ingaan."),
        counter=(H70_9,
            "In dezelfde brief waar de reactie op het RIGO-rapport in komt te staan, zal ik die"
            " vraag meenemen.")),
    _rule("later-ik-kom-met-een-brief", GEDAAN,
        rf"\b(?:ik|wij|we)\s+kom(?:en)?\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+)?{LETTER}\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_9,
            "Ik kom nog voor de zomer met een brief aan de Kamer over het beleid ten aanzien "
            "van allocatie, maar deze motie moet ik om de genoemde redenen ontraden."),
        counter=(H70_9,
            "Die brief komt er inderdaad aan.")),
    _rule("later-kom-ik-met-een-brief", GEDAAN,
        rf"\bkom(?:en)?\s+(?:ik|wij|we)\b.{{0,60}}\bmet\s+een\s+(?:\w+\s+)?{LETTER}\b",
        blocked_by=("deze-brief",), unless_negated=True, example_fires=False,
        example=(H70_9,
            "Ik kom nog voor de zomer met een brief aan de Kamer over het beleid ten aanzien "
            "van allocatie, maar deze motie moet ik om de genoemde redenen ontraden."),
        counter=(H70_9,
            "Die brief komt er inderdaad aan."),
        note=NO_EXAMPLE),
    _rule("later-u-krijgt-een-brief", GEDAAN,
        r"\b(?:daar|hierover|daarover)\s+krijgt\s+u\b|\bu\s+krijgt\b.{0,60}\b(?:brief|reactie)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_12,
            "Daar krijgt u een brief over."),
        counter=(H70_9,
            "Die brief komt er inderdaad aan."),
        note="Een brief beloofd in een debat."),
    _rule("later-er-komt-een-brief", GEDAAN,
        rf"\ber\s+komt\s+(?:nog\s+)?een\s+{LETTER}\b|\b(?:die|de|deze)\s+brief\s+komt\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_9,
            "Die brief komt er inderdaad aan."),
        counter=(H70_12,
            "Daar krijgt u een brief over.")),
    _rule("later-doe-ik-toekomen", GEDAAN,
        r"\bdoe\s+(?:ik|wij|we)\b.{0,80}\btoekomen\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_5,
            "In mei doe ik u de uitkomst van de beoordeling van het inspectiebezoek toekomen "
            "dat nu plaatsvindt."),
        counter=(H70_5,
            "Daarover zal ik de Kamer informeren.")),
    _rule("later-informeer-ik-u-dan", GEDAAN,
        rf"\binformeer\s+(?:ik\s+)?(?:u|de\s+Kamer|uw\s+Kamer)\b.{{0,80}}(?:{FUTURE})",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(KV2210,
            "Over de precieze impact van de vertraging van de DRC op het uitrolplan en de "
            "ontwikkeling van de waterstofeconomie informeer de Kamer na de zomer."),
        counter=(KV1771,
            "Uw Kamer wordt hier voor het zomerreces over geïnformeerd.")),
    _rule("later-dan-informeer-ik-u", GEDAAN,
        rf"(?:{FUTURE}).{{0,80}}\binformeer\s+(?:ik\s+)?(?:u|de\s+Kamer|uw\s+Kamer)\b",
        blocked_by=("deze-brief",), unless_negated=True, example_fires=False,
        example=(KV2210,
            "Over de precieze impact van de vertraging van de DRC op het uitrolplan en de "
            "ontwikkeling van de waterstofeconomie informeer de Kamer na de zomer."),
        counter=(KV1771,
            "Uw Kamer wordt hier voor het zomerreces over geïnformeerd."),
        note=NO_EXAMPLE),
    _rule("later-zal-ik-uitzoeken", GEDAAN,
        rf"\b(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we)\b.{{0,80}}\b{WORK}\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_9,
            "Dat zullen we inderdaad betrekken bij die reactie."),
        counter=(H70_3,
            "Dat zullen we doen.")),
    _rule("later-laat-ik-uitzoeken", GEDAAN,
        r"\blaat\s+ik\b.{0,80}\b(?:meenemen|inventariseren|uitzoeken|nagaan|onderzoeken)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_5,
            "Maar laat ik ook daar wat denkwerk verrichten en dat inventariseren."),
        counter=(H70_5,
            "Laat ik die vraag ook aan de inspectie zelf stellen.")),
    _rule("later-dat-zal-ik-doen", GEDAAN,
        r"\b(?:dat|dit)\s+(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we)\s+(?:\w+\s+)?doen\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_3,
            "Dat zullen we doen."),
        counter=(H70_11,
            "Dat zal ik ook niet doen.")),
    _rule("later-ik-zal-dat-doen", GEDAAN,
        r"\bik\b.{0,20}\b(?:dat|dit)\s+(?:\w+\s+)?zal\s+doen\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_5,
            "Ik denk dat ik dat sowieso zal doen, omdat de lessons learned daarin aan de orde "
            "moeten komen."),
        counter=(H70_11,
            "Dat zal ik ook niet doen.")),
    _rule("later-ik-neem-het-mee-in-de-brief", GEDAAN,
        rf"\b(?:ik|wij|we)\b.{{0,80}}\b(?:ingaan|meenemen|betrekken)\s+(?:in|bij)\s+"
        rf"(?:de|die|mijn|een)\s+{LETTER}\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_3,
            "Op de vraag hoe die verhouding ligt, wat je mag verwachten van die "
            "rechtmatigheidschecks en wat daarmee wel of niet wordt tegengehouden, kan ik nader"
            " ingaan in de aanpak fraude."),
        counter=(H70_5,
            "Daar wil ik in mijn brief graag nader op ingaan.")),
    _rule("later-ministerie-gaat-uitzoeken", GEDAAN,
        rf"\b(?:ik|wij|we|mijn\s+ministerie|het\s+kabinet)\s+(?:zal|zullen|ga|gaan)\b"
        # "bij het uitwerken van": the work named as a noun is no promise to do it
        rf".{{0,80}}(?<!\bhet\s)\b{WORK}\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_12,
            "Ik zal al die verschillende initiatieven voor de Kamer op een rij zetten."),
        counter=(H70_3,
            "Dat zullen we doen.")),
    _rule("later-ik-ben-bereid", GEDAAN,
        r"\b(?:ik|wij|we)\s+(?:ben|zijn)?\s*(?:\w+\s+){0,2}bereid\s+(?:om|te|tot)\b"
        r"|\b(?:ben|zijn)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}bereid\s+(?:om|te|tot)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_10,
            "Ik ben zeer bereid om nog eens precies te kijken naar die afspraken."),
        counter=(H70_9,
            "Met het \"oordeel Kamer\" dat ik hierbij graag zou willen uitspreken, zeg ik niet "
            "dat het kan, maar zeg ik wel dat ik bereid om te onderzoeken of het mogelijk is.")),
    _rule("later-gesprek-ga-ik-aan", GEDAAN,
        r"\b(?:gesprek|overleg|dialoog)\s+(?:ga|gaan)\s+(?:ik|wij|we)\s+(?:\w+\s+){0,2}aan\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_3,
            "Dat gesprek ga ik aan, maar wel met de nodige reserves, voeg ik daaraan toe."),
        counter=(H70_10,
            "Ik ben zeer bereid om nog eens precies te kijken naar die afspraken.")),
    _rule("later-laat-ik-de-vraag-stellen", GEDAAN,
        r"\blaat\s+ik\b.{0,60}\bvraag\b.{0,60}\b(?:stellen|voorleggen)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_5,
            "Laat ik die vraag ook aan de inspectie zelf stellen."),
        counter=(H70_5,
            "Maar laat ik ook daar wat denkwerk verrichten en dat inventariseren.")),
    _rule("later-laat-ik-nader-kijken", GEDAAN,
        r"\blaat\s+(?:ik\s+)?(?:\w+\s+){0,3}(?:nader|verder)\s+(?:\w+\s+){0,2}"
        r"(?:kijken|onderzoeken|uitzoeken|nagaan|bezien)\b",
        blocked_by=("deze-brief",), unless_negated=True, example_fires=False,
        example=(H70_10,
            "Ik ben zeer bereid om nog eens precies te kijken naar die afspraken."),
        counter=(H70_5,
            "Maar laat ik ook daar wat denkwerk verrichten en dat inventariseren."),
        note="Echte treffers staan alleen in tests/fixtures/commitments/dev2 (buiten de "
             "steekproef gehouden); het voorbeeld is de dichtstbijzijnde echte zin elders."),
    _rule("later-ik-maak-een-brief", GEDAAN,
        r"\b(?:(?:ik|wij|we)\s+(?:maak|maken)|(?:maak|maken)\s+(?:ik|wij|we))\b.{0,30}"
        r"\b(?:een|twee|drie)\s+(?:\w+\s+)?(?:brief|brieven|inventarisatie|overzicht|analyse)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_5,
            "Anders maak ik daar een aparte brief van, want het mag de andere elementen niet "
            "vertragen."),
        counter=(H70_12,
            "Daar krijgt u een brief over.")),
    _rule("later-met-een-aanpak-naar-de-kamer", GEDAAN,
        rf"\bmet\s+(?:een|de|die|deze)\s+(?:\w+\s+){{0,2}}\w*{DOCUMENT}\s+(?:\w+\s+){{0,3}}"
        r"(?:richting|naar)\s+(?:de|uw)\s+Kamer\s+(?:te\s+)?(?:komen|kom|komt)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_3,
            "Dat is ook de achtergrond van de inzet van het kabinet om over een aantal weken "
            "met een fraudeaanpak richting de Kamer te komen."),
        counter=(H70_3,
            "Ik schets dat ook in de aanpak waarmee we komen.")),
    _rule("later-ik-kom-met-die-aanpak", GEDAAN,
        rf"\b(?:ik|wij|we)\s+(?:\w+\s+){{0,3}}met\s+(?:die|de|een|deze)\s+(?:\w+\s+){{0,2}}"
        rf"\w*{DOCUMENT}\s+(?:\w+\s+){{0,2}}(?:kom|komen)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_3,
            "Ik zou dus eigenlijk willen vragen om deze motie even aan te houden tot wij met "
            "die aanpak komen."),
        counter=(H70_3,
            "Ik schets dat ook in de aanpak waarmee we komen.")),
    _rule("later-waarmee-ik-kom", GEDAAN,
        r"\bwaarmee\s+(?:ik|wij|we)\s+(?:\w+\s+){0,3}(?:kom|komen)\b",
        blocked_by=("deze-brief",), unless_negated=True,
        example=(H70_3,
            "Ik schets dat ook in de aanpak waarmee we komen."),
        counter=(H70_3,
            "Ik zou dus eigenlijk willen vragen om deze motie even aan te houden tot wij met "
            "die aanpak komen.")),
    _rule("later-schriftelijk-beantwoorden", GEDAAN,
        r"\b(?:ik|wij|we)\b.{0,60}\bschriftelijk\s+(?:\w+\s+){0,2}(?:beantwoorden|beantwoord"
        r"|antwoorden|antwoord\s+geven)\b|\b(?:beantwoord|beantwoorden)\s+(?:ik|wij|we)\b.{0,60}"
        r"\bschriftelijk\b",
        blocked_by=("deze-brief", "verleden-tijd"), unless_negated=True, example_fires=False,
        example=(TEI,
            "Maar als mevrouw Kröger daar graag nog wat uitgebreidere schriftelijke "
            "beantwoording op wil, dan zal ik die de Kamer doen toekomen."),
        counter=(TEI,
            "Mijn vraag aan de minister is: hoe kan hij spreken over wetenschappelijke basis "
            "als er eigenlijk verschillende wetenschappelijke visies zijn, en kan de minister "
            "schriftelijk en inhoudelijk terugkomen op de vraag hoe het advies van de "
            "commissie-SCHEER zich verhoudt tot het onderzoek van het JRC?"),
        note=NO_EXAMPLE + " Nieuw voor issue #10 ('die vraag beantwoord ik schriftelijk')."),
    _rule("nu-melden", UITSLUITING,
        r"\bkan\s+(?:ik\s+)?u\s+(?:\w+\s+)?(?:melden|mededelen|berichten|laten\s+weten)\s+dat\b",
        example=(KVDEV7,
            "Ik kan u melden dat de validaties geen betrekking hadden op de berekeningen maar op "
            "enkele interpretaties van de resultaten."),
        counter=(H70_5,
            "Daarover zal ik de Kamer informeren."),
        note="'Ik kan u melden dat ...' meldt nu, in deze tekst; het belooft niets."),
    _rule("belofte-zal-ik-informeren", GEDAAN,
        rf"\b{MODAL}\s+{SUBJECT}\b.{{0,80}}\b{ACTION}\b",
        unless_negated=True,
        blocked_by=("nu-melden",),
        example=(H70_5,
            "Daarover zal ik de Kamer informeren."),
        counter=(H70_5,
            "Ik heb al aangegeven dat ik u daarover informeer; dat is ook logisch natuurlijk.")),
    _rule("belofte-ik-zal-informeren", GEDAAN,
        rf"\b{SUBJECT}\b.{{0,120}}\b{MODAL}\b.{{0,80}}\b{ACTION}\b",
        unless_negated=True,
        blocked_by=("nu-melden",),
        example=(TEI,
            "Ik zal de Kamer binnenkort informeren over de reactie van Nederland."),
        counter=(H70_5,
            "Daarover zal ik de Kamer informeren.")),
    _rule("verleden-tijd", UITSLUITING,
        r"\b(?:heb|hebt|heeft|hebben|had|hadden|was|waren|werd|werden|stuurde|stuurden"
        r"|informeerde|informeerden|zond|ontving|ontvingen|deelde|deelden)\b"
        r"|\b(?:is|zijn)\s+(?:\S+\s+){0,25}(?:(?:toe|ver)?gestuurd|(?:ge|toege|ver)zonden"
        r"|geïnformeerd|gedeeld|aangeboden|ontvangen|voorgelegd|gerapporteerd)\b",
        example=(KVDEV2,
            "Op 25 mei 2022 heb ik uw Kamer geïnformeerd over de operationele aanscherping van "
            "NSOC."),
        counter=(KVDEV4,
            "Op Prinsjesdag stuur ik uw Kamer een koopkrachtbrief waarin, vanwege de bijzondere "
            "omstandigheden, extra instrumenten worden gepresenteerd om de koopkracht en de "
            "effecten van het maatregelenpakket van het kabinet te analyseren in het licht van "
            "onder andere de inflatie-ongelijkheid."),
        note="Wat al gebeurd is ('heeft uw Kamer in mei ontvangen'), is geen belofte meer."),
    _rule("kamer-krijgt-met-tijd", GEDAAN,
        rf"^(?=.*(?:{WHEN}|{RECURRING}))(?=.*\b(?:uw|de)\s+Kamer\b).*\b{DELIVER}\b",
        blocked_by=("deze-brief", "ontkenning", "verleden-tijd", "vraagt-erom"),
        example=(KVDEV4,
            "Op Prinsjesdag stuur ik uw Kamer een koopkrachtbrief waarin, vanwege de bijzondere "
            "omstandigheden, extra instrumenten worden gepresenteerd om de koopkracht en de "
            "effecten van het maatregelenpakket van het kabinet te analyseren in het licht van "
            "onder andere de inflatie-ongelijkheid."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="De Kamer krijgt iets (geïnformeerd, gestuurd, gedeeld, ontvangen) op een tijd die "
             "nog komt, in welke zinsbouw ook: 'de brief die ik uw Kamer in september stuur'."),
    _rule("wordt-ingegaan-in-stuk-dat-volgt", GEDAAN,
        rf"^(?=.*(?:{WHEN}|\b(?:volgt|verschijnt)\b)).*\b(?:wordt|worden)\b.{{0,80}}"
        r"\bingegaan\s+(?:in|bij)\s+(?:de|het|een)\b",
        blocked_by=("deze-brief", "ontkenning", "verleden-tijd"),
        example=(KVDEV7,
            "Op de wenselijkheid van de genoemde belastingconstructies wordt ingegaan in het "
            "kabinetsstandpunt op het IBO Vermogensverdeling dat volgt met Prinsjesdag."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="Een vraag die een stuk beantwoordt dat nog komt ('dat volgt met Prinsjesdag')."),
    _rule("voornemen-te-informeren", GEDAAN,
        rf"\b(?:(?:mijn|ons|het)\s+voornemen|voornemens)\b.{{0,100}}\b{ACTION}\b",
        blocked_by=("deze-brief", "ontkenning", "verleden-tijd"),
        example=(TABLE,
            "Het is nog steeds mijn voornemen u op korte termijn te berichten over maatregelen "
            "om het team bedreigde politici te verstreken."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="Het voornemen de Kamer te informeren of iets te sturen ('ik ben voornemens ...')."),
    _rule("u-wordt-geinformeerd-met-tijd", GEDAAN,
        rf"^(?=.*(?:{WHEN})).*\b(?:zult|zal|wordt|worden)\s+u\b.{{0,80}}"
        r"\b(?:geïnformeerd|op\s+de\s+hoogte|toegestuurd|toegezonden)\b",
        blocked_by=("deze-brief", "ontkenning", "verleden-tijd"),
        example=(KVDEV4,
            "Zoals eerder benoemd zult u later dit jaar geïnformeerd worden over de huidige "
            "inzet en resultaten van toezicht op het vermeend bijmengen van afval in stookolie, "
            "en wat daaruit te leren valt."),
        counter=(KVDEV,
            "Via deze toetsing wordt uw Kamer geïnformeerd."),
        note="De lezer ('u') wordt later geïnformeerd."),
    _rule("tekstverloop", UITSLUITING,
        r"\b(?:ingaan|blijven|inzetten|inspannen|beschouwen|toelichten|stilstaan|ervanuit|vanuit)\b"
        r"|\bzorgvuldigheid\s+betrachten\b"
        r"|\b(?:ga|gaan|gaat)\s+(?:\w+\s+){0,3}in\s+op\b"
        r"|\ber\s+(?:\w+\s+){0,2}van\s*uit\b|\b(?:er|daar|hier)van\s+uit\b",
        example=(KV2210,
            "Ik zal mij daar vanuit mijn rol ook voor blijven inzetten."),
        counter=(KV878,
            "Zo zal ik bijvoorbeeld overleg initiëren met softwareleveranciers voor de "
            "gemeentelijke markt om hun softwarepakketten geschikt te maken voor aansluiting op"
            " de vertegenwoordigingsvoorzieningen."),
        note="Hoe de tekst verdergaat (\"zal ik ingaan op\"), een inzet zonder eind (\"blijven "
             "inzetten\", \"zorgvuldigheid betrachten\") of een aanname (\"ik ga ervan uit\"): "
             "niet na te gaan."),
    _rule("met-elkaar", UITSLUITING,
        r"\bmet\s+elkaar\b",
        example=(KVDEV2,
            "Medewerkers vinden dit soms moeilijk uitlegbaar, hierover gaan we met elkaar het "
            "gesprek aan."),
        counter=(KV878,
            "Zo zal ik bijvoorbeeld overleg initiëren met softwareleveranciers voor de "
            "gemeentelijke markt om hun softwarepakketten geschikt te maken voor aansluiting op"
            " de vertegenwoordigingsvoorzieningen."),
        note="'We gaan met elkaar ...': een 'we' van iedereen samen (sector, medewerkers), geen "
             "belofte van de regering aan de Kamer."),
    _rule("noodzaak", UITSLUITING,
        r"\b(?:zal|zullen)\s+(?:ik|wij|we)\b.{0,60}\bmoeten\b"
        r"|\b(?:ik|wij|we)\s+(?:zal|zullen)\b.{0,60}\bmoeten\b",
        example=(KVDEV,
            "Indien er helaas toch sprake is van een besmetting, zal ik toch maatregelen moeten "
            "nemen."),
        counter=(KV878,
            "Zo zal ik bijvoorbeeld overleg initiëren met softwareleveranciers voor de "
            "gemeentelijke markt om hun softwarepakketten geschikt te maken voor aansluiting op"
            " de vertegenwoordigingsvoorzieningen."),
        note="'Zal ik ... moeten': wat nodig kan zijn, geen belofte."),
    _rule("gedateerd", VOORWAARDE,
        r"\b(?:na|voor|vóór|rond|omstreeks)\s+de\s+zomer\b|\b(?:dit|komend|volgend)\s+"
        r"(?:voorjaar|najaar|jaar)\b|kwartaal|\b20\d\d\b|\bbinnen\s+(?:\w+\s+){1,2}(?:weken|maanden)\b"
        rf"|\b(?:in|eind|begin|medio|half)\s+(?:{MONTH_NAMES})\b",
        example=(KV2210,
            "Na de zomer zal ik samen met netbeheerders, provincies en vertegenwoordigende "
            "organisaties van netgebruikers mogelijk kansrijke gebieden en de bijbehorende "
            "aansluitopties verder uitwerken."),
        counter=(TEI,
            "Ik zal de Kamer binnenkort informeren over de reactie van Nederland."),
        note="Een datum voor wat komt: maanden, seizoenen, kwartalen, jaren, 'binnen drie "
             "maanden'."),
    _rule("eerste-persoon-toekomst", GEDAAN,
        r"\b(?:(?:ik|wij|we)\s+(?:zal|zullen|ga|gaan)|(?:zal|zullen|ga|gaan)\s+(?:ik|wij|we))\b"
        r"|\b(?:zal|zullen)\s+(?:\w+\s+){0,6}(?:ik|ikzelf)\b"
        # the minister's ministry or a colleague in the cabinet
        r"|\b(?:mijn\s+(?:ministerie|departement)\s+(?:zal|gaat)"
        r"|(?:zal|gaat)\s+mijn\s+(?:ministerie|departement)"
        r"|de\s+(?:minister|staatssecretaris)\s+(?:van|voor)\s+(?:\w+\s+){1,4}?(?:zal|gaat))\b",
        blocked_by=("deze-brief", "ontkenning", "tekstverloop", "noodzaak", "met-elkaar"),
        debate_needs="gedateerd",
        example=(KV878,
            "Zo zal ik bijvoorbeeld overleg initiëren met softwareleveranciers voor de "
            "gemeentelijke markt om hun softwarepakketten geschikt te maken voor aansluiting op"
            " de vertegenwoordigingsvoorzieningen."),
        counter=(H70_11,
            "Dat zal ik ook niet doen."),
        note="In een brief of schriftelijk antwoord telt 'ik zal'; in een debat alleen met een "
             "datum, want 'ik zal de vragen beantwoorden' zegt alleen hoe de speech verdergaat."),
    _rule("voorzitter-dat-is-een-toezegging", GEDAAN,
        r"\bdat\s+is\s+een\s+toezegging\b",
        scope=CHAIR,
        example=(TEI,
            "Dat is een toezegging."),
        counter=(H70_10,
            "U doet wel de toezegging om nog iets uit te zoeken?")),
    _rule("voorzitter-noteert-toezegging", GEDAAN,
        rf"\b(?:noteer|noteren)\b.{{0,40}}\b{TOEZEGGING}\b|\b{TOEZEGGING}\b.{{0,40}}\bgenoteerd\b",
        scope=CHAIR, example_fires=False,
        example=(H70_9,
            "Dat heb ik de vorige keer genoteerd."),
        counter=(TEI,
            "Dat is een toezegging."),
        note=NO_EXAMPLE + " Nieuw voor issue #10 ('Ik noteer dat als toezegging')."),
)
# fmt: on

RULE = {rule.name: rule for rule in RULES}
NOT_GOVERNMENT = "geen-bewindspersoon"  # why a gedaan rule did not count: a member speaks
MISSING = "ontbreekt"  # prefix: a condition the rule needs is not met


@dataclass(frozen=True)
class Verdict:
    """What `explain` found: the kind and the rule that fired (both None when none did), and
    the rules that matched but were kept from firing, each with the guard that did it."""

    kind: str | None
    rule: str | None
    blocked: tuple[tuple[str, str], ...] = ()


def explain(sentence: str, *, may_promise: bool = True, written: bool = False) -> Verdict:
    """Walk the table for one sentence. `may_promise`: the speaker may commit (the government,
    or a letter); `written`: a letter or written answer, where "ik zal" alone commits."""
    blocked: list[tuple[str, str]] = []
    question = RULE["vraagzin"]
    if question.pattern.search(sentence):
        head = sentence.rpartition(": ")[0]
        if not head:
            return Verdict(None, None, (("", question.name),))
        sentence = head
    for rule in RULES:
        if rule.scope != SENTENCE or rule is question or rule.kind == VOORWAARDE:
            continue
        match = rule.pattern.search(sentence)
        if rule.kind == UITSLUITING:
            if rule.stops and match:
                return Verdict(None, None, (*blocked, ("", rule.name)))
            continue
        if match is None:
            continue
        if rule.kind == GEDAAN and not may_promise:
            return Verdict(None, None, (*blocked, (rule.name, NOT_GOVERNMENT)))
        guard = next((g for g in rule.blocked_by if RULE[g].pattern.search(sentence)), None)
        if guard is None and rule.unless_negated and RULE["ontkenning"].pattern.search(match[0]):
            guard = "ontkenning"
        needs = rule.debate_needs
        if guard is None and needs and not written and not RULE[needs].pattern.search(sentence):
            guard = f"{MISSING}:{needs}"
        if guard is not None:
            blocked.append((rule.name, guard))
            continue
        return Verdict(rule.kind, rule.name, tuple(blocked))
    return Verdict(None, None, tuple(blocked))


def chair_match(text: str) -> tuple[Rule, re.Match[str]] | None:
    """The chair rule that `text` (the chair's words) fires, and where, if any."""
    for rule in RULES:
        if rule.scope == CHAIR and (match := rule.pattern.search(text)) is not None:
            return rule, match
    return None


def chair_rule(text: str) -> Rule | None:
    """The chair rule that `text` (the chair's words) fires, if any."""
    found = chair_match(text)
    return found[0] if found else None


def describe(sentence: str, *, may_promise: bool = True, written: bool = False) -> str:
    """In Dutch, for `kamer toezeggingen --explain-zin`: which rule fires, and what blocked."""
    verdict = explain(sentence, may_promise=may_promise, written=written)
    lines = [f'Zin: "{sentence}"']
    if verdict.rule is not None:
        rule = RULE[verdict.rule]
        lines.append(f"Regel: {rule.name} (soort: {rule.kind})")
        lines.append(f'  voorbeeld: "{rule.example}"')
    else:
        lines.append("Geen regel vuurt: geen toezegging.")
    for name, guard in verdict.blocked:
        what = f"regel {name}" if name else "verdere regels"
        if guard == NOT_GOVERNMENT:
            lines.append(f"Tegengehouden: {what}, want de spreker is geen bewindspersoon.")
        elif guard.startswith(MISSING):
            needed = guard.split(":", 1)[1]
            lines.append(f"Tegengehouden: {what}, want in een debat ontbreekt '{needed}'.")
        else:
            note = RULE[guard].note
            lines.append(f"Tegengehouden: {what}, door {guard}" + (f": {note}" if note else "."))
    if not written:
        lines.append("(Gelezen als debattekst; --schriftelijk leest het als brief of antwoord.)")
    return "\n".join(lines)
