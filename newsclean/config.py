"""Run limits and knobs, as one frozen record so every stage reads the same values."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(slots=True, frozen=True)
class Limits:
    """Limits that keep hostile inputs from costing more than one rejected record."""

    max_input_bytes: int = 20 * 1024 * 1024  # larger files are rejected as too_large, never read whole
    max_decompressed_bytes: int = 50 * 1024 * 1024  # gzip bombs stop here
    max_line_chars: int = 20_000  # longer lines are cut: no paragraph is this long
    min_body_words: int = 30  # fewer body words than this is not an article
    min_extracted_lines: int = 2  # fewer lines from the HTML extractor: extracted again, favouring recall
    max_seconds_per_document: float = 30.0  # a pathological page cannot stall its batch longer than this
    # ISO 639-1 codes of the languages to keep; None keeps every language. An article in another language
    # is rejected as language_excluded (its `language` column says which language it is in).
    languages: tuple[str, ...] | None = None
    # Run-level bounds replacing the defaults declared under `run:` in schemas/article.yaml, as
    # (check, low, high); None leaves that side open. See `parse_run_bounds`.
    run_bounds: tuple[tuple[str, float | None, float | None], ...] = ()
    # IANA zones a time printed without an offset is read in: per site (a host such as example.com, which
    # covers its subdomains, or the folder of text dumps), else `time_zone` for every site; see
    # `parse_time_zones`. Unknown: such a time is not an instant, only its date is kept.
    time_zone: str | None = None
    site_time_zones: tuple[tuple[str, str], ...] = ()

    def zone_for(self, site: str) -> ZoneInfo | None:
        """The zone of a site as `chrome.memory.site_key` names it (host, folded site name, folder:NAME)."""
        name = site.removeprefix("folder:")
        for key, zone in self.site_time_zones:
            if name == key or name.endswith(f".{key}"):
                return resolve_zone(zone)
        return resolve_zone(self.time_zone) if self.time_zone else None


@functools.cache
def resolve_zone(name: str) -> ZoneInfo:
    """The zone of an IANA name, looked up once a process (a run asks for its sites' zones once a document)."""
    return ZoneInfo(name)


DEFAULT_LIMITS = Limits()


def _zone_name(name: str, where: str) -> str:
    name = name.strip()
    try:
        resolve_zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{where}: {name!r} is not an IANA time zone (e.g. Africa/Cairo, Asia/Beirut, UTC)") from None
    return name


def parse_time_zones(time_zone: str | None, site_time_zones: Iterable[str] | Mapping[str, str] | None
                     ) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """The time zone options as Limits holds them: the run's zone, and per site zones from the CLI's
    SITE=ZONE (repeatable, or comma-separated) or the flow's {"example.com": "Africa/Cairo"}. A name that is
    not an IANA zone is an error, not a time silently read as UTC."""
    default = _zone_name(time_zone, "time zone") if time_zone else None
    if not site_time_zones:
        return default, ()
    if isinstance(site_time_zones, Mapping):
        pairs = list(site_time_zones.items())
    else:
        pairs = []
        for item in (part for value in site_time_zones for part in value.split(",") if part.strip()):
            site, sep, zone = item.partition("=")
            if not sep or not site.strip():
                raise ValueError(f"site time zone {item!r}: write SITE=ZONE, e.g. almasryalyoum.com=Africa/Cairo")
            pairs.append((site, zone))
    sites = {site.strip().lower().removeprefix("www."): _zone_name(zone, f"site time zone {site.strip()}")
             for site, zone in pairs}
    return default, tuple(sorted(sites.items()))


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def parse_languages(values: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """The `languages` option as Limits holds it: "ar,en" or ["ar", "en"] -> ("ar", "en"); None or nothing
    keeps every language. A value that is not a language code is an error, not a silent empty filter."""
    if values is None:
        return None
    items = values.split(",") if isinstance(values, str) else [part for v in values for part in v.split(",")]
    codes = tuple(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    wrong = [code for code in codes if not _LANGUAGE_CODE.match(code)]
    if wrong:
        raise ValueError(f"languages: {', '.join(wrong)} is not an ISO 639-1 code (e.g. ar,en,fr)")
    return codes or None


RunBounds = tuple[tuple[str, float | None, float | None], ...]


def _bound(text: str | float | None) -> float | None:
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    return float(text)


def parse_run_bounds(values: Iterable[str] | Mapping[str, Sequence[float | str | None]] | None,
                     known: Iterable[str] | None = None) -> RunBounds:
    """Run-level bounds as Limits holds them, from the CLI's NAME=LOW:HIGH (either side may be left empty:
    `share_rejected=:0.8`) or the flow's {"share_rejected": [0, 0.8]}; `known`: the checks that have bounds
    (default: those declared under `run:` in schemas/article.yaml).
    A name that is not one of them, or a bound that is not a number, is an error."""
    if not values:
        return ()
    if isinstance(values, Mapping):
        pairs = [(name, list(bounds)) for name, bounds in values.items()]
    else:
        pairs = []
        for value in values:
            name, sep, bounds = value.partition("=")
            if not sep or ":" not in bounds:
                raise ValueError(f"run bound {value!r}: write NAME=LOW:HIGH, e.g. share_rejected=0:0.8")
            pairs.append((name.strip(), bounds.split(":", 1)))
    if known is None:
        from newsclean.schema import run_bounds

        known = run_bounds()
    allowed, parsed = set(known), {}
    for name, bounds in pairs:
        if name not in allowed:
            raise ValueError(f"run bound {name!r}: not a run check; one of {', '.join(sorted(allowed))}")
        if len(bounds) != 2:
            raise ValueError(f"run bound {name}: give two bounds, low and high (null or empty: open)")
        try:
            low, high = _bound(bounds[0]), _bound(bounds[1])
        except (TypeError, ValueError):
            raise ValueError(f"run bound {name}: {bounds[0]!r}:{bounds[1]!r} are not numbers") from None
        if low is not None and high is not None and low > high:
            raise ValueError(f"run bound {name}: low {low} is above high {high}")
        parsed[name] = (name, low, high)
    return tuple(parsed[name] for name in sorted(parsed))
