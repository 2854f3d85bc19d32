"""Dutch country adjectives: the spelling rule that inflects them and the CLDR currency names they
are read from (generator/knowledge/demonyms.py)."""
from __future__ import annotations

import pytest

from generator.knowledge.cldr import territories
from generator.knowledge.demonyms import (adjective_forms, adjective_of, currency_adjectives, inflect,
                                          uninflect)

# bare form, inflected form: a long vowel written double in the closed syllable is single in the
# open one (Angolees / Angolese), unless the vowel before it makes one sound with it (Thais)
PAIRS = [
    ("Angolees", "Angolese"), ("Libanees", "Libanese"), ("Haïtiaans", "Haïtiaanse"),
    ("Brits", "Britse"), ("Russisch", "Russische"), ("Togolees", "Togolese"),
    ("Indiaas", "Indiase"), ("Thais", "Thaise"), ("Bruneis", "Bruneise"), ("Macaus", "Macause"),
    ("Frans", "Franse"), ("Chileens", "Chileense"), ("Zwitsers", "Zwitserse"), ("Lets", "Letse"),
    ("Mongools", "Mongoolse"), ("Iraaks", "Iraakse"), ("Zuid-Soedanees", "Zuid-Soedanese"),
    ("Sri Lankaans", "Sri Lankaanse"), ("Guatemalteeks", "Guatemalteekse"),
]


@pytest.mark.parametrize("bare, inflected", PAIRS)
def test_inflect_and_uninflect(bare, inflected):
    assert inflect(bare) == inflected
    assert uninflect(inflected) == bare


@pytest.mark.parametrize("word", ["Syrië", "VS", "Congo", "Angolezen", ""])
def test_not_an_adjective(word):
    with pytest.raises(ValueError):
        inflect(word)
    with pytest.raises(ValueError):
        uninflect(word)
    assert adjective_forms(word) == [word]


def test_adjective_forms_keep_the_given_form_first():
    assert adjective_forms("Libanees") == ["Libanees", "Libanese"]
    assert adjective_forms("Syrische") == ["Syrische", "Syrisch"]


@pytest.mark.parametrize("name, adjective", [
    ("Angolese kwanza", "Angolees"), ("Libanees pond", "Libanees"), ("Haïtiaanse gourde", "Haïtiaans"),
    ("Egyptisch pond", "Egyptisch"), ("Sri Lankaanse roepie", "Sri Lankaans"),
    ("Nieuwe Taiwanese dollar", "Taiwanees"), ("Bosnische convertibele mark", "Bosnisch"),
    ("Euro", None), ("Bermuda-dollar", None), ("Trinidad en Tobago-dollar", None),
    ("Verenigde Arabische Emiraten-dirham", None), ("Zimbabwe Gold", None),
])
def test_adjective_of_a_currency_name(name, adjective):
    assert adjective_of(name) == adjective


def test_currency_adjectives_from_cldr():
    found = currency_adjectives()
    assert found["AO"] == "Angolees" and found["LB"] == "Libanees" and found["HT"] == "Haïtiaans"
    assert found["GB"] == "Brits" and found["US"] == "Amerikaans" and found["IN"] == "Indiaas"
    assert found["DE"] == "Duits"            # from the mark (DEM): the euro gives no adjective
    assert "SN" not in found and "NE" not in found        # CFA franc (XOF): no country adjective
    assert set(found) <= set(territories())
    assert len(found) > 150
    for bare in found.values():                             # every one inflects and back
        assert uninflect(inflect(bare)) == bare
