"""The open data (data/*.json): letters, mentions, entities, themes and the written Q&A. Pure.

`letters_json` is the open-data contract (data/letters.json, documented on the page open-data.md);
mentions, entities, themes and the written Q&A (data/qa.json) follow. Deterministic: the same
letters give the same bytes, whatever order they come in.
"""
from __future__ import annotations

import json

from ..index import CrossIndex, Entity, letter_order, sort_key
from ..model import Letter, OutputPage
from ..qaindex import Item, Round, rounds
from . import cite
from .addresses import ENTITY_DIRS, data_path, entity_url, page_url
from .labels import kind_citation, line_count, title_of


def data_files(letters: list[Letter], index: CrossIndex) -> list[OutputPage]:
    """Every open-data file."""
    return [letters_json(letters), mentions_json(index), entities_json(index), themes_json(index), qa_json(letters)]


def letter_record(letter: Letter) -> dict:
    meta = letter.meta
    return {
        "id": letter.id,
        "title": title_of(letter),
        "kind": meta.kind,
        "date": meta.date.isoformat() if meta.date else None,
        "year": meta.year,
        "sessions": list(meta.sessions),
        "kamerstuk": meta.kamerstuk,
        "url": meta.url,
        "source_file": letter.source.name,
        "page_url": page_url(letter.id),
        "paragraphs": len(letter.paragraphs),
        "lines": line_count(letter),
        "furniture_removed": len(letter.furniture),
        "citation": kind_citation(meta),
        "chamber": meta.chamber,
        "vergaderjaar": meta.vergaderjaar,
        "dossier": meta.dossier,
        "number": meta.number,
        "aanhangsel": meta.aanhangsel,
        "signatories": [{"name": s.name, "role": s.role} for s in meta.signatories],
        "askers": [{"name": m.name, "party": m.party} for m in meta.askers],
        "provenance": {name: meta.provenance[name] for name in sorted(meta.provenance)},
        "sources": {name: meta.sources[name] for name in sorted(meta.sources)},
        "not_found": sorted(meta.not_found),
        **export_fields(letter),
    }


def export_fields(letter: Letter) -> dict:
    """The official publication's page and PDF (cite.official_links) and the letter's downloads
    (cite.py), addresses relative to the site root."""
    official, pdf = cite.official_links(letter.meta)
    downloads: dict = {key: cite.download_path(letter.id, ext) for key, ext in cite.download_files(letter).items()}
    downloads.setdefault("pdf", None)              # the key is always there
    return {"official_page": official, "official_pdf": pdf, "downloads": downloads}


def letters_json(letters: list[Letter]) -> OutputPage:
    """data/letters.json: one record per letter, oldest first by year and date (letters without a
    year last), then id. Deterministic."""
    return _json_page(data_path("letters"), [letter_record(l) for l in letter_order(letters)])


def mentions_json(index: CrossIndex) -> OutputPage:
    """data/mentions.json: one record per mention; letters oldest first, then line and position."""
    records = []
    for letter in index.letters:
        for m in sorted(letter.mentions, key=lambda m: (m.line, m.footnote != "", m.start)):
            records.append({
                "letter_id": m.letter_id, "source_file": m.source_file, "kind": m.kind, "key": m.key,
                "explicit": m.explicit, "line": m.line, "anchor": m.anchor, "surface": m.surface,
                "url": f"{page_url(m.letter_id)}#{m.anchor}",
            })
    return _json_page(data_path("mentions"), records)


def qa_json(letters: list[Letter]) -> OutputPage:
    """data/qa.json: one record per numbered answer of a written Q&A round; letters oldest first
    (as in letters.json), then answer number."""
    return _json_page(data_path("qa"), [qa_record(qa, item) for qa in rounds(letters)
                                       for item in sorted(qa.items, key=lambda i: (i.series, i.number))])


def qa_record(qa: Round, item: Item) -> dict:
    q, a = item.question, item.answer
    lines = item.question_lines
    return {
        "letter_id": qa.letter.id, "number": item.number, "fractie": item.fractie, "topic": item.topic,
        "question": item.question_text, "answer": a.text, "label": a.label,
        "question_lines": list(lines) if lines else None,
        "answer_lines": [a.span.start, a.span.end],
        "anchor": a.anchor, "question_anchor": q.anchor if q else None,
        "references": list(item.references),
        "url": f"{page_url(qa.letter.id)}#{a.anchor}",
        "kind": qa.kind, "series": item.series, "numbers": list(item.numbers or (item.number,)),
        "askers": [{"name": n, "party": p} for n, p in item.askers],
    }


def entities_json(index: CrossIndex) -> OutputPage:
    """data/entities.json: the knowledge-base facts of every mentioned entity, with counts."""
    data = {}
    for kind, folder in ENTITY_DIRS.items():
        entities = sorted(index.of_kind(kind), key=sort_key)
        data[folder] = [entity_record(e) for e in entities]
    return _json_page(data_path("entities"), data)


def themes_json(index: CrossIndex) -> OutputPage:
    """data/themes.json: per theme (file order) its passages and its weight per letter, letters
    oldest first."""
    themes = []
    for entry in index.themes:
        themes.append({
            "slug": entry.theme.slug, "name": entry.theme.name, "description": entry.theme.description,
            "passages": [passage_record(letter, p, entry.theme.slug) for letter, p in entry.passages],
            # the theme's weight in each letter (extract/themes.py theme_weights), letters as above
            "letters": [{"letter_id": l.id, "weight": round(w.weight, 4), "main": w.main, "passages": w.passages}
                        for l in index.letters if (w := entry.weights.get(l.id))],
        })
    general = [{"letter_id": l.id, "anchor": p.anchor, "title": p.title, "kind": p.kind,
                "lines": [p.span.start, p.span.end]} for l in index.letters for p in l.passages if p.general]
    return _json_page(data_path("themes"), {"themes": themes, "general": general})


def passage_record(letter: Letter, p, slug: str) -> dict:
    reason = p.reasons[slug]
    return {
        "letter_id": letter.id, "anchor": p.anchor, "title": p.title, "kind": p.kind,
        "lines": [p.span.start, p.span.end], "paragraphs": p.paragraphs, "reason": reason.source,
        # (word, count) pairs as they are: JSON writes a pair as a list, so no list is made per word
        "words": list(reason.words) if reason.source == "tekst" else [],
    }


def entity_record(e: Entity) -> dict:
    f = e.facts
    record: dict = {"key": e.key, "title": e.title}
    if e.kind == "resolution":
        record.update(family=e.family, session=e.session or None, year=getattr(f, "year", None) or e.year,
                      adopted=_iso(getattr(f, "adopted", None)), subject=getattr(f, "subject", ""))
    elif e.kind == "mission":
        record.update(name=getattr(f, "name", ""), type=getattr(f, "type", ""),
                      countries=list(getattr(f, "countries", ())), start=_iso(getattr(f, "start", None)),
                      end=_iso(getattr(f, "end", None)), resolution=getattr(f, "resolution", ""),
                      name_nl=getattr(f, "name_nl", ""), organisation=getattr(f, "organisation", ""),
                      ended=getattr(f, "ended", None), preceded_by=list(getattr(f, "preceded_by", ())),
                      followed_by=list(getattr(f, "followed_by", ())), phases=list(getattr(f, "phases", ())))
    elif e.kind == "country":
        record.update(historical=f is not None, end=getattr(f, "end", None),
                      successors=list(getattr(f, "successors", ())))
    elif e.kind == "body":
        record.update(name=getattr(f, "name", ""), name_nl=getattr(f, "name_nl", ""),
                      abbreviations=list(getattr(f, "abbreviations", ())), type=getattr(f, "type", ""),
                      former_names=[{"name": n.name, "abbreviation": n.abbreviation or None, "until": n.until}
                                    for n in getattr(f, "former_names", ())],
                      established=getattr(f, "established", None), ended=getattr(f, "ended", None),
                      parent=getattr(f, "parent", ""))
    record.update(url=e.url, mentions=len(e.mentions), letters=e.letters,
                  page_url=entity_url(e))
    return record


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _json_page(path: str, data) -> OutputPage:
    return OutputPage(path, dumps(data) + "\n")


def dumps(value, level: int = 0) -> str:
    """JSON for the data files: lists of records one record per line, each record on its line in
    the order of its fields. (json.dumps with indent puts every value on a line of its own and,
    with indent, cannot use the C encoder: several seconds at 2,000 letters.)"""
    if not _holds_records(value):
        return _encode(value)
    pad, end = "  " * (level + 1), "  " * level
    if isinstance(value, list):
        return "[\n" + ",\n".join(pad + dumps(v, level + 1) for v in value) + "\n" + end + "]"
    return "{\n" + ",\n".join(f"{pad}{_encode(k)}: {dumps(v, level + 1)}"
                               for k, v in value.items()) + "\n" + end + "}"


# json.dumps(value, ensure_ascii=False) makes an encoder for each call: one does for all of them
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _holds_records(value) -> bool:
    """A list with a record in it, or a record holding such a list."""
    if isinstance(value, list):
        return any(isinstance(v, dict) for v in value)
    if isinstance(value, dict):
        for v in value.values():                    # most are text or numbers: no call for those
            if isinstance(v, (list, dict)) and _holds_records(v):
                return True
    return False
