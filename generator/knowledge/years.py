"""When a UN resolution was adopted, from its number: content/knowledge/resolution-years.yml. Pure.

Security Council resolutions are numbered consecutively since 1946, so a table of the first
number of each year gives every number its year (and so its undocs.org address); `last` is the
newest resolution the table knows, and a higher number is "not yet adopted at the table's date".
General Assembly resolutions were numbered consecutively too until the 30th session (1975,
3541 of them), with the session in Roman numerals ("1514 (XV)"); the file lists per session a
run of numbers known to belong to it, so a bare "resolutie 1514 van de Algemene Vergadering"
gets its session. Numbers outside the listed runs get none.

    build_years(data, path, lines) -> ResolutionYears     (SourceError naming file:line)

Checks: the years are consecutive, the first numbers rise with them, `last` is not below the
first number of the last year and its date lies in that year; the General Assembly runs rise
and do not overlap, `from` <= `to` <= `last`, the years do not go back, each session is a
Roman numeral, S-<Roman> or ES-<Roman>.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SourceError, shorten
from .yamlfile import Located

YEARS_FILE = "resolution-years.yml"
FIRST_YEAR = 1946
GA_SESSION = re.compile(r"(?:(?:S|ES)-)?[IVXL]+")    # "XV", "S-VII", "ES-IV" (before the 31st session)
UNDOCS_SC = "https://undocs.org/S/RES/{number}({year})"
UNDOCS_GA = "https://undocs.org/A/RES/{symbol}"

HINTS = {
    "security_council": "security_council: {last: {number: N, adopted: YYYY-MM-DD}, first_of_year: {1946: 1, ...}}",
    "first_of_year": "one line per year, consecutive, e.g. 2025: 2768 (the first resolution of 2025)",
    "last": "last: {number: 2790, adopted: 2025-08-28}: the newest resolution the table knows",
    "general_assembly": "general_assembly: {last: 3541, sessions: {XV: {year: 1960, from: 1504, to: 1603}}}",
    "sessions": "SESSION: {year: YYYY, from: N, to: N}, sessions in the order of their numbers",
}


@dataclass(frozen=True)
class GASession:
    session: str                          # "XV", "S-VII", "ES-IV"
    year: int                             # the year the session began
    start: int                            # the run of numbers known to belong to it
    end: int


@dataclass(frozen=True)
class ResolutionYears:
    """The look-ups; empty (knows nothing) when the file is missing."""

    first_of_year: tuple[tuple[int, int], ...] = ()     # (year, first number), oldest first
    last: int = 0                                        # newest Security Council resolution known
    last_adopted: dt.date | None = None
    ga_sessions: tuple[GASession, ...] = ()
    ga_last: int = 0                                     # last consecutively numbered GA resolution
    path: str = ""                                       # the file, for warnings
    last_line: int | None = None                         # the line of `last`, for warnings
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(first for _, first in self.first_of_year))

    @property
    def known(self) -> bool:
        return bool(self.first_of_year)

    def sc_year(self, number: int | str) -> int | None:
        """The year Security Council resolution `number` was adopted; None outside the table."""
        n = int(number)
        if not self._starts or n < 1 or n > self.last:
            return None
        return self.first_of_year[bisect.bisect_right(self._starts, n) - 1][0]

    def beyond(self, number: int | str) -> bool:
        """True when the table is known and `number` is higher than its newest resolution."""
        return self.known and int(number) > self.last

    def sc_adopted_by(self, number: int | str, year: int) -> bool | None:
        """Could Security Council resolution `number` be cited in `year`? None when the table
        cannot tell (no table, or a number beyond it in or after the table's last year)."""
        adopted = self.sc_year(number)
        if adopted is not None:
            return adopted <= year
        if self.beyond(number) and self.last_adopted is not None and year < self.last_adopted.year:
            return False
        return None

    def ga_session(self, number: int | str) -> GASession | None:
        """The session of General Assembly resolution `number` (before 1976), where listed."""
        n = int(number)
        for s in self.ga_sessions:
            if s.start <= n <= s.end:
                return s
        return None

    def ga_numbered_by(self, number: int | str, year: int) -> bool:
        """True when General Assembly resolution `number` (sequential numbering) is listed and its
        session had begun by `year`."""
        s = self.ga_session(number)
        return s is not None and s.year <= year


def sc_url(number: str | int, year: int) -> str:
    return UNDOCS_SC.format(number=int(number), year=year)


def ga_symbol(key: str) -> str:
    """'A/RES/1514(XV)' -> '1514(XV)'; 'A/RES/75/1' -> '75/1'."""
    return key.removeprefix("A/RES/")


def ga_url(key: str) -> str:
    return UNDOCS_GA.format(symbol=ga_symbol(key))


def build_years(data: object, path: Path | str, lines: dict[tuple, int] | None = None) -> ResolutionYears:
    """The parsed resolution-years.yml -> ResolutionYears. None (no file) -> an empty table."""
    if data is None:
        return ResolutionYears()
    at = Located(path, lines)
    if not isinstance(data, dict):
        raise SourceError(path, f"{Path(path).name} must have the sections security_council and "
                          "general_assembly", line=1, hint=HINTS["security_council"])
    at.check_fields("", data, ("security_council", "general_assembly"),
                    "allowed sections: security_council, general_assembly", what="section")
    first, last, last_adopted = _security_council(at, data.get("security_council"))
    sessions, ga_last = _general_assembly(at, data.get("general_assembly"))
    return ResolutionYears(first_of_year=first, last=last, last_adopted=last_adopted,
                           ga_sessions=sessions, ga_last=ga_last, path=str(path),
                           last_line=at.line("security_council", "last"))


def _int(at: Located, value: object, hint: str, *where: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        label = " > ".join(map(str, where))
        raise at.error(f"{label}: {shorten(repr(value))} is not a resolution number or year", *where, hint=hint)
    return value


def _mapping(at: Located, value: object, name: str, *where: object) -> dict:
    if not isinstance(value, dict):
        label = " > ".join(map(str, where)) or name
        raise at.error(f"{label} must be a mapping, not {shorten(repr(value))}", *where, hint=HINTS[name])
    return value


def _security_council(at: Located, section: object) -> tuple[tuple[tuple[int, int], ...], int, dt.date | None]:
    if section is None:
        return (), 0, None
    section = _mapping(at, section, "security_council", "security_council")
    at.check_fields("security_council", section, ("last", "first_of_year"), HINTS["security_council"])
    table = _mapping(at, section.get("first_of_year"), "first_of_year", "security_council", "first_of_year")
    first: list[tuple[int, int]] = []
    for year, number in table.items():
        where = ("security_council", "first_of_year", str(year))
        year = _int(at, year, HINTS["first_of_year"], *where)
        number = _int(at, number, HINTS["first_of_year"], *where)
        if not first and year != FIRST_YEAR:
            raise at.error(f"the table starts in {year}, not in {FIRST_YEAR} (resolution 1)", *where,
                           hint=HINTS["first_of_year"])
        if not first and number != 1:
            raise at.error(f"{year}: the first resolution is 1, not {number}", *where, hint=HINTS["first_of_year"])
        if first and year != first[-1][0] + 1:
            raise at.error(f"{year} follows {first[-1][0]}: the years must be consecutive", *where,
                           hint=HINTS["first_of_year"])
        if first and number <= first[-1][1]:
            raise at.error(f"{year}: {number} is not higher than {first[-1][1]}, the first resolution of "
                           f"{first[-1][0]}", *where, hint=HINTS["first_of_year"])
        first.append((year, number))
    if not first:
        raise at.error("security_council > first_of_year is empty", "security_council", "first_of_year",
                       hint=HINTS["first_of_year"])
    last = _mapping(at, section.get("last"), "last", "security_council", "last")
    at.check_fields("security_council > last", last, ("number", "adopted"), HINTS["last"],
                    "security_council", "last")
    number = _int(at, last.get("number"), HINTS["last"], "security_council", "last", "number")
    try:
        adopted = dt.date.fromisoformat(str(last.get("adopted")))
    except ValueError:
        raise at.error(f"security_council > last > adopted: {shorten(repr(last.get('adopted')))} is not a "
                       "date written as YYYY-MM-DD", "security_council", "last", "adopted", hint=HINTS["last"]) from None
    year, start = first[-1]
    if number < start:
        raise at.error(f"security_council > last: {number} is below {start}, the first resolution of {year}",
                       "security_council", "last", "number", hint=HINTS["last"])
    if adopted.year != year:
        raise at.error(f"security_council > last: adopted {adopted} is not in {year}, the last year of the "
                       "table", "security_council", "last", "adopted",
                       hint="add a line for the new year to first_of_year, or correct the date")
    return tuple(first), number, adopted


def _general_assembly(at: Located, section: object) -> tuple[tuple[GASession, ...], int]:
    if section is None:
        return (), 0
    section = _mapping(at, section, "general_assembly", "general_assembly")
    at.check_fields("general_assembly", section, ("last", "sessions"), HINTS["general_assembly"])
    last = _int(at, section.get("last"), HINTS["general_assembly"], "general_assembly", "last")
    sessions: list[GASession] = []
    for name, entry in _mapping(at, section.get("sessions") or {}, "sessions", "general_assembly",
                                "sessions").items():
        where = ("general_assembly", "sessions", str(name))
        if not isinstance(name, str) or not GA_SESSION.fullmatch(name):
            raise at.error(f"'{shorten(str(name))}' is not a session in Roman numerals (XV, S-VII, ES-IV)", *where,
                           hint=HINTS["sessions"])
        entry = _mapping(at, entry, "sessions", *where)
        at.check_fields(name, entry, ("year", "from", "to"), HINTS["sessions"], *where)
        year = _int(at, entry.get("year"), HINTS["sessions"], *where, "year")
        start = _int(at, entry.get("from"), HINTS["sessions"], *where, "from")
        end = _int(at, entry.get("to"), HINTS["sessions"], *where, "to")
        if end < start or end > last:
            raise at.error(f"{name}: from {start} to {end} is not a run of numbers up to {last}", *where,
                           hint=HINTS["sessions"])
        if not FIRST_YEAR <= year <= 1975:
            raise at.error(f"{name}: year {year} is not between {FIRST_YEAR} and 1975 (numbered sessions)",
                           *where, "year", hint=HINTS["sessions"])
        if sessions and start <= sessions[-1].end:
            raise at.error(f"{name}: from {start} is not above {sessions[-1].end}, the end of "
                           f"{sessions[-1].session}", *where, "from", hint=HINTS["sessions"])
        if sessions and year < sessions[-1].year:
            raise at.error(f"{name}: year {year} is before {sessions[-1].year} of {sessions[-1].session}",
                           *where, "year", hint=HINTS["sessions"])
        sessions.append(GASession(name, year, start, end))
    return tuple(sessions), last
