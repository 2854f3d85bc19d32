"""meta.py on the layouts of the archive: kind, title, date, chamber, vergaderjaar, dossier, number,
Aanhangsel number and askers, read from the document itself.

The fixtures are the first lines of real pages: Staten-Generaal Digitaal OCR pages from
/work/shared/corpus/sgd (provenance in corpus/SOURCES.md; file and lines named above each one;
very long OCR lines are cut at a word and marked […], soft hyphens removed as read.py does),
and short excerpts in the published layout of today's Kamerstukken and Aanhangsels (seed 003
shows that layout). The expectations were written after reading each page.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.meta import infer_meta, infer_own_kamerstuk
from generator.model import Member, Source


def meta_of(text: str, name: str = "stuk.txt", warnings: list | None = None):
    return infer_meta(Source(path=Path("content/letters") / name, text=text), warnings=warnings)


# 1979_kamervragen-unifil.txt, lines 1-8 (long lines cut at a word, marked […])
UNIFIL_1979 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Zitting 1978-1979\n'
 'Aanhangsel van de Handelingen\n'
 'Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden\n'
 '1037\n'
 'Vragen van het lid Van den Bergh (P.v.d.A.) over de recente ontwikkelin-gen rond UNIFIL. (Ingezonden 18 april 1979) 1 Is het juist, dat Nederlandse militairen gelegerd in Zuid-Libanon in […]\n'
 'Antwoord Antwoord van Minister Van der Klaauw (Buitenlandse Zaken) en Mi-nister Scholten (Defensie). (Ontvan-gen 23 april 1979)\n')

# 1992_verslag-mo-joegoslavie-unprofor.txt, lines 1-8 (long lines cut at a word, marked […])
JOEGOSLAVIE_1992 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Vergaderjaar 1992-1993\n'
 '22181\n'
 'De situatie in Joegoslavie\n'
 'Nr. 28\n'
 '1 Samenstelling: Leden: Stemerdink (PvdA), Frinking (CDA), ondervoorzitter, Buurmeijer (PvdA), Mateman (CDA), Van Houwelingen (CDA), Blaauw (VVD), […]\n'
 'VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 31 augustus 1992\n')

# 1956_brief-protestnota-indonesie-vn.txt, lines 1-6 (long lines cut at a word, marked […])
PROTESTNOTA_1956 = ('ZITTING 1956—1957 — 4427\n'
 "Protestnota, bij de Indonesische Regering ingediend, naar 'Aanleiding van de verklaring van deze regering, betref-jende de opzegging van de schulden aan Nederland\n"
 'BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN EN VAN DE MINISTER ZONDER PORTEFEUILLE No. 3\n'
 'Aan de Heer Voorzitter van de Tweede Kamer der Staten-Generaal\n'
 '1\n'
 "'s-Gravenhage, 2 oktober 1956\n")

# 1977_motie-oost-timor-vn-missie.txt, lines 1-8 (long lines cut at a word, marked […])
MOTIE_1977 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Zitting 1976-1977\n'
 '14 387\n'
 'Korvetten-leverantie aan Indonesië\n'
 'Nr. 2\n'
 'MOTIE VAN HET LID VAN DER SPEK Voorgesteld 3 maart 1977\n'
 'De Kamer,\n')

# 1970_kamervragen-cesi-vn.txt, lines 1-11 (long lines cut at a word, marked […])
CESI_1970 = ('Aanhangsel tot het Verslag van de Handelingen der Tweede Kamer\n'
 '2887\n'
 'VRAGEN door de leden der Kamer gesteld overeenkomstig artikel 107 van het Reglement van Orde, en de daarop door de Regering schriftelijk gegeven antwoorden\n'
 '1425. VRAGEN van de heren Boot (K.V.P.), Kleister-lee (K.V.P.) en Schuijt (K.V.P.) betreffende het centrum voor economische en sociale voor-lichting (C.E.S.I.) van de Verenigde Naties. (In-gezonden 2 juli 1970.)\n'
 '1. Kunnen de bewindslieden een overzicht geven van de financiering van het centrum voor economische en sociale voor-lichting (CESI) van de Verenigde Naties waaruit o.a. blijkt het absolute en relatieve aandeel van Nederland?\n'
 '2. Is het juist, dat het voorlichtingsinstituut van de Ver-enigde Naties (OPI) zich van het CESI heeft gedistantieerd en ondersecretaris Hamid heeft gezegd: „Men wilde zo nodig een monster creëren. Dat hebben ze nu, maar niet onder mijn […]\n'
 '4. Kunnen de bewindslieden gedokumenteerd dementeren het ongeloofwaardige bericht, waarin o.a. wordt gesteld dat de Nederlandse missie bij de V.N. schroomt om over de „pijnlijke zaak van het CESI te rapporteren, omdat het idee van de hogeschool — public […]\n'
 '5. Sedert wanneer en van welke zijde zijn de bewindslieden gekonfronteerd met berichten, dat men zich in de Verenigde Naties zou afvragen „hoe Nederland in het blindeweg vijf mil-joen gulden kan stoppen in een ontwikkelingsprojekt dat een grote controverse […]\n'
 '6. Kunnen de bewindslieden bevroeden waaraan het bericht is ontsproten, dat vooral de jonge landen het verdacht vinden, dat Nederland „geheel op eigen houtje, zonder de steun van enig ander land, deze propaganda-aktiviteiten (van het CESI) zo genereus blijft […]\n'
 '7. Achten de bewindslieden het mogelijk door middel van tijdige voorlichting voortaan het lanceren van vorenbedoelde berichten te voorkomen in zoverre zij veroorzaakt zouden kun-nen zijn door een gebrek aan communicatie en willen zij doel-treffende […]\n'
 'ANTWOORD van de heer Udink, Minister zonder Porte-feuille, mede namens de Minister van Buitenlandse Zaken. (Ingezonden 14 juli 1970.)\n')

# 1980_kamervragen-unicef-cambodja-voedselhulp.txt, lines 1-9 (long lines cut at a word, marked […])
CAMBODJA_1980 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Zitting 1979-1980\n'
 'Aanhangsel van de Handelingen\n'
 'Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden\n'
 '998\n'
 'Vragen van de leden Van den Bergh (P.v.d.A.) Ploeg (V.V.D.) en Gualthérie van Weezel (C.D.A.) over voedselhulp aan Cambodja. (Ingezonden 24 maart 1980)\n'
 '1 Is het waar, dat in een onlangs gereed-gekomen rapport van het Rode Kruis en UNICEF ten behoeve van de Ver-enigde Naties wordt gemeld, dat het geld voor de voedselhulp aan Cam-bodja bijna op is en dat een tweede […]\n'
 'Antwoord Antwoord van Minister De Koning (Ontwikkelingssamenwerking). (Ont-vangen 18 april 1980)\n')

# 1980_kamervragen-vn-mensenrechten-saoedi-arabie.txt, lines 1-7 (long lines cut at a word, marked […])
VALUTA_1980 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Zitting 1979-1980\n'
 'Aanhangsel van de Handelingen\n'
 'Vragen gesteld door leden van de Kamer, met de daarop door de Regering gegeven antwoorden\n'
 '1131\n'
 'Vragen van de leden Bolkestein en Joekes (beiden V.V.D.) voor een Euro-pees parallel-va/uta. (Ingezonden 16 april 1980)\n')

# 1950_ek-handelingen-vierde-algemene-vergadering.txt, lines 1-8 (long lines cut at a word, marked […])
EK_HANDELINGEN_1950 = ('Ve! 207\n'
 '779\n'
 'Eerste\n'
 'Kamer\n'
 '50ste VERGADERING — 20 JUNI 1950\n'
 'Ingekomen stukken — Mededeling besluit van de Centrale Afdeling\n'
 '50STE VERGADERING\n'
 'VERGADERING VAN DINSDAG 20 JUNI 1950 (Bijeenroepingsuur 1.30 namiddag)\n')

# 1981_motie-unctad.txt, lines 1-9 (long lines cut at a word, marked […])
MOTIE_1981 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Zitting 1981-1982\n'
 'Rijksbegroting voor het jaar 1982\n'
 '17 100\n'
 'Hoofdstuk XIII Departement van Economische Zaken (onderdeel Handelspolitiek)\n'
 'Nr.37\n'
 'GEWIJZIGDE MOTIE VAN DE LEDEN HERFKENS EN VAN DER HEK, TER VERVANGING VAN DIE, GEDRUKT ONDER NR. 31 Voorgesteld in de uitgebreide commissievergadering van 14 december 1981\n'
 'De Kamer,\n')

# 1976_nota-ontwikkelingssamenwerking-undp-unep.txt, lines 1-13 (long lines cut at a word, marked […])
NOTA_1976 = ('Tweede Kamer der Staten-Generaal\n'
 'Zitting 1976-1977\n'
 'Rijksbegroting voor het dienstjaar 1977\n'
 '14100 V\n'
 'Buitenlandse Zaken (Afdeling V, onderafdeling II, ont-wikkelingssamenwerking)\n'
 'Nr. 10\n'
 'NOTA NAAR AANLEIDING VAN HET VERSLAG Ontvangen 28 oktober 1976\n'
 'Naar aanleiding van de door de vaste Commissie voor Ontwikkelingssa-menwerking gestelde vragen wordt het volgende […]\n'
 '1. Het inpasbaar moeten zijn van ontwikkelingsingrepen in het milieu wordt in de internationale […]\n'
 '2 vel\n'
 'Tweede Kamer, zitting 1976-1977,14100 hoofdstuk V, nr. 10\n'
 '1\n')

# 1948_buza-begroting-verslag-vn-delegatie.txt, lines 1-8 (long lines cut at a word, marked […])
VERSLAG_1948 = ('Bijlagen\n'
 '1038\n'
 'Wijziging van het derde Hoofdstuk der\n'
 '1038 4\n'
 'VERSLAG\n'
 'Sommige leden meenden, dat in ieder geval een deel der thans aangevraagde […]\n'
 'Vertrouwende, dat de Regering bereid zal zijn het bovenstaande vóór de openbare […]\n'
 'Aldus vastgesteld 9 December 1948.\n')

# 1968_brief-vn-gespecialiseerde-organisaties.txt, lines 1-11 (long lines cut at a word, marked […])
BRIEF_1968 = ('Zitting 1967-1968 -9300\n'
 'RIJKSBEGROTING VOOR HET DIENSTJAAR 1968\n'
 'HOOFDSTUK V -BUITENLANDSE ZAKEN\n'
 'BRIEF VAN DE MINISTER\n'
 'VAN BUITENLANDSE ZAKEN\n'
 'Nr. 58\n'
 "'s-Gravenhage, 24 juli 1968.\n"
 'Ik heb de eer u hiernevens te doen toekomen een exemplaar van de Uitgave nr. 89 van het Ministerie van Buitenlandse Zaken „Verenigde Naties en gespecialiseerde organisaties"1).\n'
 'De Minister van Buitenlandse Zaken a.i., H. J. WITTEVEEN.\n'
 'Aan de Heer Voorzitter van de Tweede Kamer der Staten-Generaal\n'
 'i) Geplaatst in de bibliotheek der Kamer.\n')

# 1974_tk-handelingen-boertien-vn.txt, lines 1-11 (long lines cut at a word, marked […])
TK_HANDELINGEN_1974 = ('21ste Vergadering\n'
 'Voorzitter: Vondeling\n'
 'Tegenwoordig zijn 118 leden, te we-ten: de leden Van […]\n'
 'De Voorzitter: Ik deel aan de Kamer mee, dat zijn ingekomen […]\n'
 'ties te New York, ook de volgende we-ken; Aantjes, wegens […]\n'
 'Deze berichten worden voor kennisge-ving aangenomen.\n'
 'De Voorzitter: Ook deel ik aan de Ka-mer mee, dat is […]\n'
 'De heer Schakel (A.R.P.): Mijnheer de Voorzitter! De […]\n'
 'Woensdag 6 november 1974 Aanvang 13.00 uur.\n'
 'raad staat en dat de Kamer, c.q. jour-nalisten, in […]\n'
 'De Voorzitter: Ik betwijfel of deze woorden ook uit de mond […]\n')

# 1990_kamervragen-who-aids-conferentie-visum.txt, lines 1-15 (long lines cut at a word, marked […])
VISUM_1990 = ('Tweede Kamer der Staten-Generaal\n'
 '2\n'
 'Vergaderjaar 1989-1990\n'
 'Aanhangsel van de Handelingen\n'
 'Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden\n'
 '704\n'
 'Vragen van de leden Van Es en Beckers-de Bruijn (beiden Groen Links) over het visum-beleid van de VS. (Ingezonden 27 november jl.) 1 Hebt u kennis genomen van het besluit van een groot aantal organi-saties in Denemarken, Finland, Usland, […]\n'
 'Krïjgen sero-positieven, als zij al een inreisvisum voor de VS ontvangen, een duidelijk herkenbare aantekening in hun paspoort en worden gegevens van de aanvrager door de ambas-sades bewaard?\n'
 'Deelt u de mening dat deze maatre-gelen HlV-geïnfecteerden en personen, die lijden aan AIDS discri-mineren, en dus strijdig zijn met de ook door de VS onderschreven mondiale strategie van de WHO inzake het voorkomen van AIDS?2\n'
 '4 Bent u nog steeds van mening, dat moeilijkheden voor wat betreft het bijwonen van internationale bijeen-komsten niet gevreesd hoeven te worden?\n'
 'Bent u bereid bij de VS aan te dringen op wijziging van hun visum-beleid, zodat de conferentie in de VS gehouden kan worden en iedereen daarvan kan deelnemen?\n'
 '6 Bent u tevens bereid er bij de WHO voor te pleiten, dat zij bij de VS bezwaar aantekent tegen dit visum-beleid?\n'
 '1 The Independent van 20 november jl. en Trouw van 23 november jl 2 Aanhangsel Handelingen nr 560, Verga-derjaar 1988-1989.\n'
 'Nader antwoord\n'
 'Nader antwoord van staatssecretaris Simons (Welzijn, Volksgezondheid en Cultuur). (Ingezonden 12juni 1990) In het antwoord op kamervragen van de dames Van Es en Beckers-de Bruijn1 over het visumbeleid V.S. is vermeld dat na de vergadering […]\n')

# 1971_kamervragen-papuas-vn.txt, lines 1-5 (long lines cut at a word, marked […])
PAPUAS_1971 = ('Aanhangsel tot het Verslag van de Handelingen der Tweede Kamer\n'
 '1037\n'
 'VRAGEN door de leden der Kamer gesteld overeenkomstig artikel 107 van het Reglement van Orde, en de daarop door de Regering schriftelijk gegeven antwoorden\n'
 "517. VRAGEN van de heer Roethof (P.v.d.A.) naar aanleiding van persberichten over het doden en ge-vangennemen van Papua's. (Ingezonden 13 nc~ vember 1970.)\n"
 '1. Heeft de Minister kennisgenomen van persberichten (in o.a. de „Times" van 12 november jl., blz. 6), dat andermaal Papua\'s zonder vorm van proces worden gedood en gevangen-genomen? 2. Is de Minister bereid, indien daaromtrent in Djakarta geen bevredigende opheldering verkregen kan worden, deze zaak aan de orde te stellen in het kader van de Verenigde Naties? ANTWOORD van de heer De Jong, Minister van Buiten-landse Zaken a.i. (Ingezonden 4 januari 1971.) (Zie ook Aan-hangsel Handelingen Tweede Kamer 1970-1971, blz. 751.)\n')

# 1951_begroting-marine-1952-uno-taak.txt, lines 1-14 (long lines cut at a word, marked […])
MARINE_1951 = ('4\n'
 'Rijksbegroting voor het dienstjaar 1952 2300 VIIIB 1—2\n'
 'Onderafdeling III. BETONNING, BEBAKENING, VERLICHTING EN ZEEMERKEN\n'
 '620 000 115 Betonnings-en verlichtingsvaartuigen; lichtschepen. . .\n'
 '620 000 Maximum van de verplichtingen, die in 1952 zullen worden […]\n'
 'Artikel II Op de artikelen voor personeelsuitgaven van het bij deze […]\n'
 'Burgerlijk personeel: 1. salarissen van personeel in vaste en in […]\n'
 'Militair personeel: 7. bezoldigingen: 8. vergoedingen, toelagen en […]\n'
 'Artikel IV Op artikel 19 van het bij deze wet vastgestelde hoofdstuk […]\n'
 'Artikel V Wanneer het bedrag, uitgetrokken bij een der artikelen 6, […]\n'
 'Gegeven,\n'
 'De Minister van Marine,\n'
 '2300 VIIIB 2\n'
 'MEMORIE VAN TOELICHTING\n')
# 1974_kamervragen-koerden-vn-instanties.txt, lines 5-12 (long lines cut at a word, marked […])
KOERDEN_1974 = ('25\n'
 'Vragen van het lid Waltmans (P.P.R.) over de eventuele hulpverlening aan de Koerden. (Ingezonden 3 september 1974)\n'
 '1 Hebben de bewindslieden kennis genomen van berichten welke be-vestigen, dat het gewapend conflict tussen de Iraakse regering en de Koerden, door onder meer […]\n'
 '2 Kunnen zij meedelen of de Neder-landse Regering inmiddels is benaderd door de Koerden met een verzoek om humanitaire en financiële hulp?\n'
 '3 Kunnen zij meedelen, welke internatio-nale organisaties daadwerkelijk hulp verlenen op humanitair vlak aan de Koerden? Draagt Nederland bij aan dergelijke […]\n'
 '4 Indien hulp, als bedoeld in vraag 3, niet kan worden verleend, welke zijn dan de belemmeringen? 5 Zijn de bewindslieden bereid, na een verzoek van de kant […]\n'
 'Mededeling Mededeling van Minister Van der Stoel (Buitenlandse Zaken). (Ontvangen 23 september 1974)\n'
 'Met verwijzing naar uw brief van 3 september jl. heb ik de eer u mede te delen dat met het inwinnen van inlichtingen meer tijd gemoeid is dan werd voorzien, in […]\n')
# 1946_unesco-statuut-ek-nota.txt, lines 1-8 (long lines cut at a word, marked […]; OCR as printed)
EK_NOTA_1946 = ('2\n'
 '351\n'
 'Goedkeuring van het Statuut van de Organisatie der Ver\n'
 'geweest. Zoo achtte men daarin, in tegenstelling met de Belgische afvaardiging, het universitaire element in te geringe mate vertegenwoordigd. Gaarne zou men vernemen, hoe de Nederl& ndsche delegatie, thans te Parijs vertoevende, is samengesteld.\n'
 'Vertrouwende, dat de Regeering bereid zal zijn, het bovenstaande vóór den aanvang van de openbare behandeling van dit wetsontwerp schriftelijk te beantwoorden, is de Commissie van Rapporteurs van oordeel, dat daarmede die behandeling voldoende zal zijn voorbereid.\n'
 'Aldus vastgesteld den 2:)sten November 1940. DE ZWAAN. WOLTJER. WIJFFELS. BRONGERSMA; STUFKENS.\n'
 '351.\n'
 'NOTA NAAR AANLEIDING VAX HET EINDVERSLAG DEK COMMISSIE VAN RAPPORTEURS over het ontwerp van wet tot goedkeuring van het Statuut van de Organisatie der Ven enigde Naties voor Onderwijs, Wetenschap en Cultuur. (Ingezonden "27 November 1946.)\n')

# Today's published layouts (constructed in the layout of officielebekendmakingen.nl: first-page
# block, document type, identifier kst-… / ah-tk-… with ISSN line; the facts are examples).
KAMERSTUK_2020 = (
    "Tweede Kamer der Staten-Generaal\n"
    "2\n"
    "Vergaderjaar 2020–2021\n"
    "26 150\n"
    "Herziening Handvest Verenigde Naties\n"
    "Nr. 187\n"
    "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n"
    "Vastgesteld 30 oktober 2020\n"
    "De vaste commissie voor Buitenlandse Zaken heeft een aantal vragen en opmerkingen voorgelegd.\n"
    "kst-26150-187\n"
    "ISSN 0921 - 7371\n"
    "'s-Gravenhage 2020\n"
)
AANHANGSEL_2023 = (
    "Aanhangsel Handelingen II 2023/24, nr. 387\n"
    "Vragen van het lid Boswijk (CDA) aan de Minister van Buitenlandse Zaken over de situatie in Gaza "
    "(ingezonden 2 oktober 2023).\n"
    "Vraag 1\n"
    "Bent u bekend met het bericht?\n"
    "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 13 november 2023).\n"
    "Antwoord 1\n"
    "Ja.\n"
    "ah-tk-20232024-387\n"
    "ISSN 0921 - 7398\n"
    "'s-Gravenhage 2023\n"
)
AANHANGSEL_ID_ONLY = (
    "Vragen van de leden Paternotte (D66) en Sjoerdsma (D66) aan de Minister van Defensie over UNIFIL "
    "(ingezonden 2 oktober 2023).\n"
    "ah-tk-20232024-388\n"
)
DOSSIER_WITH_PART = (
    "Tweede Kamer der Staten-Generaal\n"
    "2\n"
    "Vergaderjaar 2019–2020\n"
    "21 501-02\n"
    "Raad Algemene Zaken en Raad Buitenlandse Zaken\n"
    "Nr. 2134\n"
    "BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN\n"
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
    "Den Haag, 15 mei 2020\n"
)

NONE = dict(dossier="", number="", aanhangsel="", askers=[], chamber="", vergaderjaar="")

CASES = {
    "1979 kamervragen unifil": (UNIFIL_1979, dict(
        kind="kamervragen", title="Vragen over de recente ontwikkelingen rond UNIFIL",
        date=dt.date(1979, 4, 23),          # the answer: "(Ontvan-gen 23 april 1979)", not the questions' 18 april
        chamber="II", vergaderjaar="1978-1979", aanhangsel="1037",
        askers=[Member("Van den Bergh", "PvdA")])),
    "1992 verslag mondeling overleg": (JOEGOSLAVIE_1992, dict(
        kind="verslag", title="Verslag van een mondeling overleg — De situatie in Joegoslavie",
        date=dt.date(1992, 8, 31), chamber="II", vergaderjaar="1992-1993", dossier="22 181", number="28",
        kamerstuk="22 181, nr. 28")),
    "1956 brief": (PROTESTNOTA_1956, dict(
        kind="kamerbrief",
        # the dossier title whole (a printed title is not cut at 90 characters); OCR slips stay
        title="Brief van de minister van Buitenlandse Zaken — Protestnota, bij de Indonesische Regering ingediend, "
              "naar 'Aanleiding van de verklaring van deze regering, betref-jende de opzegging van de schulden aan Nederland",
        date=dt.date(1956, 10, 2), chamber="II", vergaderjaar="1956-1957", dossier="4427", number="3")),
    "1977 motie": (MOTIE_1977, dict(
        kind="motie", title="Motie van het lid Van der Spek — Korvetten-leverantie aan Indonesië",
        date=dt.date(1977, 3, 3), chamber="II", vergaderjaar="1976-1977", dossier="14 387", number="2")),
    "1970 old aanhangsel": (CESI_1970, dict(
        kind="kamervragen",
        title="Vragen over het centrum voor economische en sociale voorlichting (C.E.S.I.) van de Verenigde Naties",
        date=dt.date(1970, 7, 14),          # "ANTWOORD … (Ingezonden 14 juli 1970.)"
        chamber="II", aanhangsel="1425",
        askers=[Member("Boot", "KVP"), Member("Kleisterlee", "KVP"), Member("Schuijt", "KVP")])),
    "1980 three askers": (CAMBODJA_1980, dict(
        kind="kamervragen", title="Vragen over voedselhulp aan Cambodja", date=dt.date(1980, 4, 18),
        chamber="II", vergaderjaar="1979-1980", aanhangsel="998",
        askers=[Member("Van den Bergh", "PvdA"), Member("Ploeg", "VVD"), Member("Gualthérie van Weezel", "CDA")])),
    "1980 beiden VVD, no answer on the excerpt": (VALUTA_1980, dict(
        kind="kamervragen", title="Vragen van de leden Bolkestein en Joekes", date=dt.date(1980, 4, 16),
        chamber="II", vergaderjaar="1979-1980", aanhangsel="1131",
        askers=[Member("Bolkestein", "VVD"), Member("Joekes", "VVD")])),
    "1950 eerste kamer handelingen": (EK_HANDELINGEN_1950, dict(
        kind="handelingen", title="Vergadering van de Eerste Kamer van 20 juni 1950",
        date=dt.date(1950, 6, 20), chamber="I", number="50",      # the 50th sitting
        vergaderjaar="1949-1950")),        # derived from the sitting's date (the excerpt does not print it)
    "1981 gewijzigde motie": (MOTIE_1981, dict(
        kind="motie",
        title="Gewijzigde motie van de leden Herfkens en Van der Hek — Rijksbegroting voor het jaar 1982, "
              "hoofdstuk XIII Departement van Economische Zaken (onderdeel Handelspolitiek)",
        date=dt.date(1981, 12, 14), chamber="II", vergaderjaar="1981-1982", dossier="17 100 XIII", number="37")),
    "1976 nota with footer": (NOTA_1976, dict(
        kind="nota", title="Nota naar aanleiding van het verslag — Rijksbegroting voor het dienstjaar 1977",
        date=dt.date(1976, 10, 28), chamber="II", vergaderjaar="1976-1977", dossier="14 100 V", number="10")),
    "1948 verslag": (VERSLAG_1948, dict(
        kind="verslag", title="Verslag — Wijziging van het derde Hoofdstuk der", date=dt.date(1948, 12, 9),
        dossier="1038", number="4")),
    "1968 brief": (BRIEF_1968, dict(
        kind="kamerbrief", date=dt.date(1968, 7, 24), chamber="II", vergaderjaar="1967-1968",
        dossier="9300 V", number="58",
        # a letter in a budget dossier: what its first sentence sends („…" quoted), then the budget
        title="Brief van de minister van Buitenlandse Zaken — Verenigde Naties en gespecialiseerde organisaties "
              "(Rijksbegroting voor het dienstjaar 1968, hoofdstuk V – Buitenlandse Zaken)")),
    "1974 handelingen running head": (TK_HANDELINGEN_1974, dict(
        kind="handelingen", title="Vergadering van 6 november 1974", date=dt.date(1974, 11, 6), number="21",
        vergaderjaar="1974-1975")),
    "1990 OCR date 12juni": (VISUM_1990, dict(
        kind="kamervragen", title="Vragen over het visumbeleid van de VS", date=dt.date(1990, 6, 12),
        chamber="II", vergaderjaar="1989-1990", aanhangsel="704",
        askers=[Member("Van Es", "GroenLinks"), Member("Beckers-de Bruijn", "GroenLinks")])),
    "1974 a notice of delay is the reply": (KOERDEN_1974, dict(
        kind="kamervragen", title="Vragen over de eventuele hulpverlening aan de Koerden",
        # "Mededeling … (Ontvangen 23 september 1974)": the government's reply the page prints (it
        # says the answer is delayed); the questions were "(Ingezonden 3 september 1974)"
        date=dt.date(1974, 9, 23),
        aanhangsel="25", askers=[Member("Waltmans", "PPR")])),
    "1971 unreadable question date, answer date": (PAPUAS_1971, dict(
        kind="kamervragen", date=dt.date(1971, 1, 4), chamber="II", aanhangsel="517",
        title="Vragen naar aanleiding van persberichten over het doden en gevangennemen van Papua's",
        askers=[Member("Roethof", "PvdA")])),
    "1951 running head": (MARINE_1951, dict(
        kind="nota", title="Memorie van toelichting — Rijksbegroting voor het dienstjaar 1952", date=None,
        # the running head gives the sheet's range "1—2"; the label "2300 VIIIB 2" above the
        # MEMORIE VAN TOELICHTING says which paper begins on the page
        dossier="2300 VIIIB", number="2")),
    "published kamerstuk": (KAMERSTUK_2020, dict(
        kind="schriftelijk-overleg",
        title="Verslag van een schriftelijk overleg — Herziening Handvest Verenigde Naties",
        date=dt.date(2020, 10, 30), chamber="II", vergaderjaar="2020-2021", dossier="26 150", number="187",
        kamerstuk="26 150, nr. 187", url="https://zoek.officielebekendmakingen.nl/kst-26150-187")),
    "published aanhangsel": (AANHANGSEL_2023, dict(
        kind="kamervragen", title="Vragen over de situatie in Gaza", date=dt.date(2023, 11, 13),
        chamber="II", vergaderjaar="2023-2024", aanhangsel="387", askers=[Member("Boswijk", "CDA")],
        url="https://zoek.officielebekendmakingen.nl/ah-tk-20232024-387")),
    "aanhangsel identifier only": (AANHANGSEL_ID_ONLY, dict(
        kind="kamervragen", title="Vragen over UNIFIL", date=dt.date(2023, 10, 2),
        chamber="II", vergaderjaar="2023-2024", aanhangsel="388",
        askers=[Member("Paternotte", "D66"), Member("Sjoerdsma", "D66")],
        url="https://zoek.officielebekendmakingen.nl/ah-tk-20232024-388")),
    "dossier with a part": (DOSSIER_WITH_PART, dict(
        kind="kamerbrief",
        title="Brief van de minister van Buitenlandse Zaken — Raad Algemene Zaken en Raad Buitenlandse Zaken",
        date=dt.date(2020, 5, 15), chamber="II", vergaderjaar="2019-2020", dossier="21 501-02", number="2134",
        kamerstuk="21 501-02, nr. 2134", url="https://zoek.officielebekendmakingen.nl/kst-21501-02-2134")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_layout(case):
    text, expected = CASES[case]
    meta = meta_of(text)
    expected = {**NONE, **expected}
    for field, value in expected.items():
        assert getattr(meta, field) == value, field
    for field in ("kind", "title", "date", "chamber", "vergaderjaar", "dossier", "number", "aanhangsel", "askers"):
        if getattr(meta, field):
            where = meta.provenance[field]            # every inferred value says where it came from
            assert isinstance(where, str) and where
    if meta.date:
        assert meta.provenance["date"].startswith("regel ")


def test_vergaderjaar_from_a_sitting_date():
    from generator.meta import vergaderjaar_of
    # Prinsjesdag 1974 was Tuesday 17 September: the 16th still belongs to the year before
    assert vergaderjaar_of(dt.date(1974, 9, 16)) == "1973-1974"
    assert vergaderjaar_of(dt.date(1974, 9, 17)) == "1974-1975"
    assert meta_of(TK_HANDELINGEN_1974).provenance["vergaderjaar"] == "afgeleid van de datum"


def test_provenance_names_the_line():
    meta = meta_of(JOEGOSLAVIE_1992)
    assert meta.provenance["vergaderjaar"] == "regel 3: «Vergaderjaar 1992-1993»"
    assert meta.provenance["date"] == "regel 8: «VERSLAG VAN EEN MONDELING OVERLEG Vastgesteld 31 augustus 1992»"
    assert meta.provenance["dossier"] == "regel 4: «22181»"
    assert meta.provenance["kind"].startswith("regel 8: ")


def test_sidecar_overrides_and_says_so():
    source = Source(path=Path("content/letters/x.txt"), text=UNIFIL_1979,
                    sidecar={"title": "Eigen titel", "askers": [{"name": "M. van den Bergh", "party": "P.v.d.A."}]})
    meta = infer_meta(source)
    assert meta.title == "Eigen titel" and meta.provenance["title"] == "sidecar"
    assert meta.askers == [Member("M. van den Bergh", "PvdA")] and meta.provenance["askers"] == "sidecar"
    assert meta.aanhangsel == "1037" and meta.provenance["aanhangsel"].startswith("regel 6: ")


@pytest.mark.parametrize("footer, kamerstuk", [
    ("Tweede Kamer, zitting 1980-1981, 15 441, nr. 26", "15 441, nr. 26"),                      # issue 14
    ("Tweede Kamerzitting 1981-1982, 17 105, nr. 6", "17 105, nr. 6"),                          # 1981_nota… line 12
    ("Tweede Kamer, zitting 1976-1977,14100 hoofdstuk V, nr. 10", "14 100 V, nr. 10"),          # 1976_nota… line 11
    ("Tweede Kamer, vergaderjaar 1987-1988, 20 200 hfdst. V, nr. 131", "20 200 V, nr. 131"),    # 1988_verslag… line 12
    ("Tweede Kamer, vergaderjaar 2020–2021, 26 150, nr. 187 6", "26 150, nr. 187"),             # bundled 2020 SO
])
def test_running_footer_forms(footer, kamerstuk):
    text = "De commissie heeft de volgende vragen gesteld.\n\n" + footer + "\n"
    assert infer_own_kamerstuk(text)["kamerstuk"] == kamerstuk
    meta = meta_of(text)
    assert meta.kamerstuk == kamerstuk and meta.provenance["kamerstuk"].startswith("regel 3: ")


def test_url_only_when_the_identifier_is_certain():
    # a paper of before 1995 has no kst- page on officielebekendmakingen.nl
    assert infer_own_kamerstuk("x\nTweede Kamer, zitting 1980-1981, 15 441, nr. 26\n") == {"kamerstuk": "15 441, nr. 26"}
    assert meta_of(MOTIE_1977).url == ""


@pytest.mark.parametrize("line, date", [
    ("(Ontvan-gen 23 april 1979)", dt.date(1979, 4, 23)),     # stray OCR hyphen, 1979_kamervragen-unifil line 8
    ("(Ingezonden 12juni 1990)", dt.date(1990, 6, 12)),       # lost space, 1990_kamervragen-who… line 15
    ("(Ontvangen 2 3 april 1993)", dt.date(1993, 4, 23)),     # a day split by OCR
    ("(Ontvangen 8 noeember 1973)", None),                    # unreadable month: no date (1974_brief… line 11)
])
def test_ocr_date_forms(line, date):
    text = ("Vragen van het lid Van der Spek (PSP) over Oost-Timor. (Ingezonden 3 maart 1977)\n"
            "Antwoord van minister Van der Stoel (Buitenlandse Zaken). " + line + "\n")
    assert meta_of(text).date == (date or dt.date(1977, 3, 3))


def test_old_dateline_with_full_stop():
    assert meta_of("Aan de Heer Voorzitter\n's-Gravenhage, 30 December 1949.\nIk heb de eer.\n").date == dt.date(1949, 12, 30)


def test_header_lines_never_make_the_title():
    text = ("Tweede Kamer der Staten-Generaal 2\nVergaderjaar 2019–2020\n# 2 ####\n12\n"
            "het kabinet zal daarover later berichten. De regering steunt de missie van de Verenigde Naties in Mali.\n")
    warnings: list[str] = []
    meta = meta_of(text, "fragment.txt", warnings)
    assert meta.title == "De regering steunt de missie van de Verenigde Naties in Mali"
    assert any("title guessed" in w and "fragment.txt" in w for w in warnings)
    assert any("kind of letter not recognised" in w for w in warnings) and meta.kind == "kamerbrief"


def test_missing_fields_are_warned_with_the_file():
    warnings: list[str] = []
    meta_of(MOTIE_1977.replace("Voorgesteld 3 maart 1977", "").replace("Nr. 2\n", ""), "motie.txt", warnings)
    assert any(w.startswith("motie.txt: no date") for w in warnings)
    assert any(w.startswith("motie.txt: no reference") for w in warnings)


def test_meta_reads_only_the_head_of_a_long_text():
    import time
    body = ("De leden van de fractie vragen de regering naar de stand van zaken inzake de missie. " * 2400)
    text = UNIFIL_1979 + body + "\n" + ("x " * 100_000) + "\n"
    start = time.perf_counter()
    meta = meta_of(text)
    assert time.perf_counter() - start < 1.0
    assert meta.aanhangsel == "1037" and meta.date == dt.date(1979, 4, 23)


@pytest.mark.parametrize("block, dossier, number", [
    ("22 800 X\nVaststelling van de begroting van Defensie\nNr. 12\n", "22 800 X", "12"),
    ("22800 X\nVaststelling van de begroting van Defensie\nNr. 12\n", "22 800 X", "12"),
    ("17600\nRijksbegroting voor het jaar 1983\nHoofdstuk IX B Departement van Financiën\nNr. 21\n", "17 600 IX B", "21"),
    ("18950 (R 1281)\nGoedkeuring van het Verdrag\nNr. 5\n", "18 950 (R 1281)", "5"),
    ("21 501-02\nRaad Algemene Zaken\nNr. 2134\n", "21 501-02", "2134"),
])
def test_first_page_block_dossier_forms(block, dossier, number):
    meta = meta_of("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1990–1991\n" + block
                   + "MOTIE VAN HET LID SIPKES Voorgesteld 12 december 1990\nDe Kamer,\n")
    assert (meta.dossier, meta.number) == (dossier, number)


def test_artikel_100_brief():
    text = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 2018–2019\n29 521\nVredesoperaties\nNr. 380\n"
            "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 18 januari 2019\n"
            "Hierbij informeert het kabinet u, conform artikel 100 van de Grondwet, over de bijdrage aan MINUSMA.\n")
    meta = meta_of(text)
    assert meta.kind == "artikel-100-brief" and meta.date == dt.date(2019, 1, 18)
    assert meta.title == "Brief van de ministers van Buitenlandse Zaken en van Defensie — Vredesoperaties"
    assert meta.kamerstuk == "29 521, nr. 380"
    assert meta.url == "https://zoek.officielebekendmakingen.nl/kst-29521-380"


def test_eerste_kamer_paper_numbered_by_a_letter():
    # the first page of kst-35261-B (Eerste Kamer, 2021-2022), as published
    text = ("Eerste Kamer der Staten-Generaal\n1\nVergaderjaar 2021–2022\n35 261\n"
            "Wijziging van de Algemene wet bestuursrecht (Wet modernisering elektronisch bestuurlijk verkeer)\n"
            "B VOORLOPIG VERSLAG VAN DE VASTE COMMISSIE VOOR BINNENLANDSE ZAKEN\nVastgesteld 21 juni 2022\n")
    meta = meta_of(text)
    assert (meta.kind, meta.chamber, meta.dossier, meta.number) == ("verslag", "I", "35 261", "B")
    assert meta.date == dt.date(2022, 6, 21) and meta.kamerstuk == "35 261, B"
    assert meta.url == "https://zoek.officielebekendmakingen.nl/kst-35261-B"
    assert meta.title.startswith("Voorlopig verslag van de vaste commissie voor Binnenlandse Zaken — Wijziging")
    from generator.kinds import default_kinds
    assert default_kinds().citation("verslag", meta) == "Kamerstukken I 2021/22, 35 261, B"


def test_a_number_printed_again_before_the_document_is_its_dossier():
    meta = meta_of(EK_NOTA_1946)
    assert meta.kind == "nota" and meta.dossier == "351" and meta.number == ""
    assert meta.date == dt.date(1946, 11, 27)        # "(Ingezonden "27 November 1946.)"
