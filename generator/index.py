"""Build the cross-reference index: letters + mentions + knowledge -> CrossIndex.

The whole index is complete before any page is rendered (cross-links form a graph). Pure.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from slugify import slugify

from .extract import kamerstukken
from .extract.themes import ThemeWeight, theme_weights
from .knowledge import KNOWLEDGE_FILES, YEARS_FILE, Knowledge, country_name, ga_url, sc_url
from .model import Letter, Mention
from .taxonomy import Taxonomy, Theme

# Entity kinds in the order the site shows them, with their Dutch labels (plural, singular). Their
# folders are in pages/addresses.py (ENTITY_DIRS).
SECTIONS = {
    "resolution": ("Resoluties", "resolutie"),
    "mission": ("VN-missies", "missie"),
    "body": ("VN-organen", "VN-orgaan"),
    "country": ("Landen", "land"),
    "kamerstuk": ("Kamerstukken", "Kamerstuk"),
}


@dataclass
class Entity:
    kind: str
    key: str
    title: str
    slug: str                               # page name within the kind's folder (addresses.entity_path)
    url: str = ""                           # the source document (undocs, officielebekendmakingen)
    facts: object | None = None             # knowledge.Mission | Resolution | Body | None
    mentions: list[Mention] = field(default_factory=list)
    year: int | None = None                 # resolutions: the year adopted (a GA session: its year)
    family: str = ""                        # resolutions: "sc" (Security Council) or "ga" (General Assembly)
    session: str = ""                       # General Assembly resolutions: "XV", "75", "ES-11"

    @property
    def letters(self) -> int:
        return len({m.letter_id for m in self.mentions})


@dataclass
class ThemeEntry:
    """One theme across all letters: its passages, what they mention most, related themes."""

    theme: Theme
    passages: list = field(default_factory=list)         # (Letter, Passage), letters in date order
    entities: list = field(default_factory=list)         # (Entity, mentions in the passages), most first
    related: list = field(default_factory=list)          # (Theme, shared passages), most first
    weights: dict = field(default_factory=dict)          # letter id -> ThemeWeight of this theme there

    @property
    def letters(self) -> int:
        return len({letter.id for letter, _ in self.passages})


@dataclass(frozen=True)
class Related:
    """Another letter that shares entities and themes with a letter; score = len(entities) + len(themes)."""

    letter: Letter
    entities: tuple[tuple[str, str], ...]   # shared (kind, key), in SECTIONS order, then by sort_key
    themes: tuple[str, ...]                 # shared theme slugs, in taxonomy order

    @property
    def score(self) -> int:
        return len(self.entities) + len(self.themes)


@dataclass
class CrossIndex:
    letters: list[Letter]                   # in date order, oldest first
    entities: dict[tuple[str, str], Entity]
    warnings: list[str] = field(default_factory=list)
    themes: list[ThemeEntry] = field(default_factory=list)
    taxonomy: Taxonomy = field(default_factory=Taxonomy)
    related: dict[str, list[Related]] = field(default_factory=dict)    # letter id -> most related first
    # letter id -> its themes, heaviest first, with their weight (extract/themes.py theme_weights)
    weights: dict[str, list[ThemeWeight]] = field(default_factory=dict)
    by_id: dict[str, Letter] = field(init=False)
    position: dict[str, int] = field(init=False)      # letter id -> its place in `letters`

    def __post_init__(self) -> None:
        self.by_id = {l.id: l for l in self.letters}
        self.position = {l.id: i for i, l in enumerate(self.letters)}

    def of_kind(self, kind: str) -> list[Entity]:
        """Entities of one kind, most mentioned first, then by title."""
        found = [e for e in self.entities.values() if e.kind == kind]
        return sorted(found, key=lambda e: (-len(e.mentions), sort_key(e)))

    def by_letter(self, entity: Entity) -> list[tuple[Letter, list[Mention]]]:
        """The entity's mentions grouped by letter, letters in date order, mentions in text order."""
        groups: dict[str, list[Mention]] = defaultdict(list)
        for m in entity.mentions:
            if m.letter_id in self.position:
                groups[m.letter_id].append(m)
        return [(self.by_id[i], sorted(groups[i], key=lambda m: (m.line, m.start)))
                for i in sorted(groups, key=self.position.__getitem__)]

    def link_of(self, mention: Mention) -> Entity | None:
        return self.entities.get((mention.kind, mention.key))



def missions_in(index: CrossIndex, code: str) -> list[Entity]:
    """The mentioned missions whose host country is `code`."""
    return [e for e in index.of_kind("mission") if e.facts is not None and code in e.facts.countries]


def letter_order(letters: list[Letter]) -> list[Letter]:
    """Oldest first: by year and date; letters without a year last; then id."""
    return sorted(letters, key=lambda l: (l.meta.year is None, l.meta.year or 0, l.meta.date or dt.date.min, l.id))


def build_index(letters: list[Letter], knowledge: Knowledge, taxonomy: Taxonomy | None = None) -> CrossIndex:
    index = CrossIndex(letter_order(letters), {}, taxonomy=taxonomy or Taxonomy())
    for letter in index.letters:
        for m in letter.mentions:
            entity = index.entities.get((m.kind, m.key))
            if entity is None:
                # letters are oldest first: this is the oldest letter that mentions the entity
                entity = index.entities[(m.kind, m.key)] = make_entity(m.kind, m.key, knowledge, letter.meta.year)
                if entity.kind in ("mission", "body") and entity.facts is None:
                    index.warnings.append(
                        f"{m.source_file}:{m.line}: {SECTIONS[m.kind][1]} {m.key} is not in the knowledge base; "
                        f"add it to content/knowledge/{KNOWLEDGE_FILES[_FILE_OF.get(m.kind, m.kind + 's')]}")
                elif entity.kind == "resolution" and entity.family == "sc" and knowledge.years.beyond(m.key):
                    years = knowledge.years
                    where = f"{years.path}:{years.last_line}" if years.last_line else years.path
                    index.warnings.append(
                        f"{m.source_file}:{m.line}: resolutie {m.key} is beyond {YEARS_FILE} (its newest "
                        f"resolution is {years.last}, adopted {years.last_adopted}): not yet adopted then, "
                        f"or the table needs a new year ({where})")
            entity.mentions.append(m)
    _unique_slugs(index)
    index.themes = theme_entries(index)
    order = [t.slug for t in index.taxonomy.themes]
    entries = {e.theme.slug: e for e in index.themes}
    for letter in index.letters:
        index.weights[letter.id] = theme_weights(letter, order)
        for w in index.weights[letter.id]:
            if w.slug in entries:
                entries[w.slug].weights[letter.id] = w
    index.related = related_letters(index)
    return index


_FILE_OF = {"body": "bodies"}          # kind -> its knowledge file's key where not kind + "s"
RELATED_LETTERS = 5


def letter_date(letter: Letter) -> dt.date:
    """The letter's date, else 1 January of its year, else date.min (for ordering)."""
    return letter.meta.date or (dt.date(letter.meta.year, 1, 1) if letter.meta.year else dt.date.min)


def related_letters(index: CrossIndex, limit: int = RELATED_LETTERS) -> dict[str, list[Related]]:
    """Per letter the (at most `limit`) other letters sharing the most entities and themes: score =
    shared entity keys (resolutions, missions, countries, Kamerstukken) + shared themes; ties go to
    the newer letter, then the id. Letters sharing nothing are not related."""
    theme_order = {t.slug: i for i, t in enumerate(index.taxonomy.themes)}
    keys = {l.id: {(m.kind, m.key) for m in l.mentions if (m.kind, m.key) in index.entities} for l in index.letters}
    themes = {l.id: {s for p in l.passages for s in p.themes if s in theme_order} for l in index.letters}
    kinds = list(SECTIONS)
    entity_order = {k: (kinds.index(k[0]), sort_key(e)) for k, e in index.entities.items()}
    # ties: the newer letter first, then the id
    ranked = sorted(index.letters, key=lambda l: (-letter_date(l).toordinal(), l.id))
    features = [{("entity", k) for k in keys[l.id]} | {("theme", s) for s in themes[l.id]} for l in ranked]
    out: dict[str, list[Related]] = {}
    for letter, best in zip(ranked, most_shared(features, limit)):
        out[letter.id] = [Related(
            ranked[i],
            tuple(sorted(keys[letter.id] & keys[ranked[i].id], key=entity_order.__getitem__)),
            tuple(sorted(themes[letter.id] & themes[ranked[i].id], key=theme_order.get))) for i in best]
    return {l.id: out[l.id] for l in index.letters}


def most_shared(features: list[set], limit: int) -> list[list[int]]:
    """For each item, the positions of the (at most `limit`) other items that share the most
    features with it, most first; ties go to the lower position. Items sharing none are left out.

    The same as sorting all other items by (-shared features, position), but without counting
    pair by pair, which grows with the square of the items times the features most of them have
    (every letter has a theme or two that half the letters have). Instead each feature is one
    int with a bit per item that has it, and an item's counts are kept for all items at once,
    bit-sliced: planes[b] holds the items whose count has bit b set, and adding a feature is a
    binary addition of its bits to those planes."""
    holders: dict = defaultdict(int)
    for position, found in enumerate(features):
        for feature in found:
            holders[feature] |= 1 << position
    out = []
    for position, found in enumerate(features):
        planes: list[int] = []
        for feature in found:
            carry = holders[feature]
            for b, plane in enumerate(planes):
                planes[b] = plane ^ carry
                carry &= plane
                if not carry:
                    break
            else:
                if carry:
                    planes.append(carry)
        left = 0                                # the items with a count above 0, not yet taken
        for plane in planes:
            left |= plane
        left &= ~(1 << position)
        best: list[int] = []
        while left and len(best) < limit:
            top = left                          # -> the items left with the highest count
            for plane in reversed(planes):
                if top & plane:
                    top &= plane
            while top and len(best) < limit:
                lowest = top & -top             # the lowest position first
                best.append(lowest.bit_length() - 1)
                top ^= lowest
                left ^= lowest
        out.append(best)
    return out


TOP_ENTITIES = 10
TOP_RELATED = 5


def theme_entries(index: CrossIndex) -> list[ThemeEntry]:
    """Per theme (taxonomy order) its passages, most mentioned entities and related themes."""
    entries = {t.slug: ThemeEntry(t) for t in index.taxonomy.themes}
    counts: dict[str, Counter] = {slug: Counter() for slug in entries}
    for letter in index.letters:
        by_block = defaultdict(list)
        for m in letter.mentions:
            by_block[m.block].append(m)
        for passage in letter.passages:
            found = None                        # the passage's entity keys, once for all its themes
            for slug in passage.themes:
                entry = entries.get(slug)
                if entry is None:
                    continue
                entry.passages.append((letter, passage))
                for other in passage.themes:
                    if other != slug and other in entries:
                        entry.related.append(other)
                if found is None:
                    found = [(m.kind, m.key) for b in passage.blocks for m in by_block.get(b, ())
                             if m.kind != "kamerstuk"]
                counts[slug].update(found)
    for slug, entry in entries.items():
        entry.entities = [(index.entities[k], n) for k, n in
                          sorted(counts[slug].items(), key=lambda kn: (-kn[1], sort_key(index.entities[kn[0]])))
                          if k in index.entities][:TOP_ENTITIES]
        related = Counter(entry.related)
        entry.related = [(entries[s].theme, n) for s, n in sorted(related.items(), key=lambda sn: (-sn[1], sn[0]))
                         ][:TOP_RELATED]
    return list(entries.values())


def attention(index: CrossIndex) -> tuple[list[int], list[tuple[Theme, list[float]]]]:
    """Share of paragraphs per theme per year: the paragraphs of the passages with that theme in
    that year's letters, divided by all paragraphs of that year's letters. Letters without a year
    are left out."""
    years = sorted({l.meta.year for l in index.letters if l.meta.year})
    total = Counter()
    per_theme: dict[str, Counter] = defaultdict(Counter)
    for letter in index.letters:
        if not letter.meta.year:
            continue
        for passage in letter.passages:
            total[letter.meta.year] += passage.paragraphs
            for slug in passage.themes:
                per_theme[slug][letter.meta.year] += passage.paragraphs
    rows = [(t, [round(per_theme[t.slug][y] / total[y], 3) if total[y] else 0.0 for y in years])
            for t in index.taxonomy.themes]
    return years, rows


def make_entity(kind: str, key: str, knowledge: Knowledge, cited_in: int | None = None) -> Entity:
    """The entity of a key. `cited_in`: the year of the oldest letter that mentions it (a Kamerstuk
    cited in a letter from before 1995 has no officielebekendmakingen address)."""
    if kind == "resolution":
        return resolution_entity(key, knowledge)
    if kind == "mission":
        facts = knowledge.missions.get(key)
        return Entity(kind, key, key, slugify(key), getattr(facts, "source", ""), facts)
    if kind == "body":
        facts = knowledge.bodies.get(key)
        # a reader knows "Veiligheidsraad", not "UNSC": the Dutch name, else the English one, then the key
        name = getattr(facts, "name_nl", "") or getattr(facts, "name", "")
        return Entity(kind, key, f"{name} ({key})" if name else key, slugify(key), getattr(facts, "source", ""), facts)
    if kind == "country":
        state = knowledge.historical_countries.get(key)
        if state is not None:               # a former state: its own page under its ISO 3166-3 code
            return Entity(kind, key, state.name, slugify(state.name) or key.lower(), state.source, state)
        name = country_name(key)
        return Entity(kind, key, name, slugify(name) or key.lower())
    return Entity(kind, key, kamerstuk_title(key), slugify(key), kamerstukken.url(key, cited_in))


GA_KEY = re.compile(r"A/RES/(?:(?P<number>\d+)\((?P<roman>[A-Z-]+)\)|(?P<session>[A-Z-]*\d+)/(?P<n>\d+))")


def resolution_entity(key: str, knowledge: Knowledge) -> Entity:
    """A Security Council resolution ("2417": "Resolutie 2417 (2018)", year from resolutions.yml
    or resolution-years.yml) or a General Assembly one ("A/RES/1514(XV)": "AVVN-resolutie
    1514 (XV) (1960)"; "A/RES/75/1": "AVVN-resolutie 75/1 (2020)"), with its undocs.org address."""
    m = GA_KEY.fullmatch(key)
    if m is None:
        facts = knowledge.resolutions.get(key)
        year = getattr(facts, "year", None) or knowledge.years.sc_year(key)
        title = f"Resolutie {key}" + (f" ({year})" if year else "")
        url = getattr(facts, "source", "") or (sc_url(key, year) if year else "")
        return Entity("resolution", key, title, key, url, facts, year=year, family="sc")
    if m.group("roman"):
        session, symbol = m.group("roman"), f"{m.group('number')} ({m.group('roman')})"
        found = knowledge.years.ga_session(m.group("number"))
        year = found.year if found is not None and found.session == session else None
    else:
        session, symbol = m.group("session"), f"{m.group('session')}/{m.group('n')}"
        # regular session N began in September of 1945 + N; special sessions have no fixed year
        year = 1945 + int(session) if session.isdigit() else None
    title = f"AVVN-resolutie {symbol}" + (f" ({year})" if year else "")
    return Entity("resolution", key, title, slugify(f"avvn {symbol}"), ga_url(key), None,
                  year=year, family="ga", session=session)


def kamerstuk_title(key: str) -> str:
    """'26150-168' -> 'Kamerstuk 26 150, nr. 168'; 'ah-tk-20192020-1234' -> 'Aanhangsel Handelingen
    II 2019/20, nr. 1234' (kamerstukken.title)."""
    return kamerstukken.title(key)


def _unique_slugs(index: CrossIndex) -> None:
    seen: dict[tuple[str, str], str] = {}
    for entity in sorted(index.entities.values(), key=lambda e: (e.kind, e.key)):
        slug, n = entity.slug, 2
        while (entity.kind, slug) in seen:
            slug, n = f"{entity.slug}-{n}", n + 1
        seen[(entity.kind, slug)] = entity.key
        entity.slug = slug


def sort_key(entity: Entity):
    """Security Council resolutions by number, then the General Assembly's: the numbered ones
    (before 1976) by number, then session/number by session and number; others by title."""
    if entity.kind == "resolution":
        if entity.key.isdigit():
            return (0, int(entity.key), "")
        if m := GA_KEY.fullmatch(entity.key):
            if m.group("number"):
                return (1, int(m.group("number")), "")
            session = m.group("session")
            return (2, int(re.sub(r"\D", "", session)) * 10000 + int(m.group("n")), session)
    return (0, 0, entity.title.lower())
