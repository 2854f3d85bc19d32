"""words.scan (one scan of a text's words, shared by extractors and themes): the same words and
places as the patterns it stands in for."""
import pytest

from generator.extract import bodies
from generator.words import PART, TOKEN, scan, whole_part_at, whole_token_at

TEXTS = [
    "De VN-Veiligheidsraad en de Veiligheidsraadresolutie; x-y--z a-'b’c VN- klimaat-",
    "Veiligheidsraad÷ veiligheidsraadslid VEILIGHEIDSRAADLID İstanbul ſecretariaat Wereldbankgroep",
    "1325-agenda, 1325 en 1325-, -1325; l'Europe d’Hondt UN-Womenfonds",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_and_places_are_the_patterns(text):
    words = scan(text)
    assert words.tokens == set(TOKEN.findall(text))
    assert words.parts == set(PART.findall(text))
    tokens = sorted(at for t in words.tokens for at in whole_token_at(text, t))
    assert tokens == [m.start() for m in TOKEN.finditer(text)]
    parts = sorted(at for p in words.parts for at in whole_part_at(text, p))
    assert parts == [m.start() for m in PART.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_compound_starts_are_the_compound_pattern(text):
    names = {"Veiligheidsraad": "UNSC", "VN-Veiligheidsraad": "UNSC", "Wereldbank": "WB",
             "UN-Women": "UNW", "Secretariaat": "SEC"}
    found = bodies.matcher(names)
    assert found._compound_starts(text) == [m.start() for m in found._compounds.finditer(text)]
