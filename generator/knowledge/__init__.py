"""What the maintainers know, as YAML under content/knowledge/: read into data once, validated,
turned into the tables the stages use. Pure: read.py reads the files and hands their text over.

    yamlfile.py   the one YAML reader: line of every key, no aliases or keys written twice,
                  YAML errors as SourceError with file and line, "did you mean" for unknown fields
    base.py       missions, resolutions, countries -> Knowledge (schemas, validators, warnings)
    bodies.py     UN bodies, funds, programmes, agencies (bodies.yml): schema, Body, its forms
    cldr.py       country names from CLDR: the forms a name gives, the display name of a code
    demonyms.py   country adjectives from CLDR's currency names and the Dutch inflection rule
    tables.py     Knowledge -> the extractors' name tables
    years.py      resolution-years.yml: the year of a Security Council number, the session of a
                  General Assembly number (before 1976), the undocs.org addresses

The files with a model of their own use the same reader: themes (generator/taxonomy.py),
glossary (glossary.py), kinds (kinds.py) and layouts (layouts.py).

The package's interface for the other stages is imported here.
"""
from .base import KNOWLEDGE_FILES, HistoricalCountry, Knowledge, Mission, Resolution, build_knowledge
from .bodies import Body
from .cldr import country_name
from .tables import body_names, body_shared_names, country_names, mission_names, mission_phases
from .years import YEARS_FILE, GASession, ResolutionYears, build_years, ga_url, sc_url

__all__ = ["KNOWLEDGE_FILES", "Body", "HistoricalCountry", "Knowledge", "Mission", "Resolution", "build_knowledge",
           "country_name", "body_names", "body_shared_names", "country_names", "mission_names", "mission_phases",
           "YEARS_FILE", "GASession", "ResolutionYears", "build_years", "ga_url", "sc_url"]
