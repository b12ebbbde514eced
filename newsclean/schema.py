"""The declared schemas (`schemas/article.yaml`) as Arrow schemas and column specs: the one source of truth."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

# Installed wheels carry the file inside the package; a source checkout reads it from the repo.
_CANDIDATES = (Path(__file__).parent / "_schemas" / "article.yaml",
               Path(__file__).resolve().parent.parent / "schemas" / "article.yaml")

REMOVED_LINE = pa.struct([("line", pa.int32()), ("text", pa.string()), ("category", pa.string()),
                          ("rule", pa.string())])
_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(), "int32": pa.int32(), "int64": pa.int64(), "float64": pa.float64(),
    "bool": pa.bool_(), "binary": pa.large_binary(), "date": pa.date32(), "timestamp": pa.timestamp("us", tz="UTC"),
    "removed_lines": pa.list_(REMOVED_LINE), "strings": pa.list_(pa.string()),
}


@dataclass(slots=True, frozen=True)
class Column:
    """One declared column (or derived check value)."""

    name: str
    type: str
    nullable: bool
    description: str
    checks: tuple[Any, ...]
    source: str | None = None  # derived columns: the column they are computed from
    compute: str | None = None  # derived columns: the function that computes them


@functools.cache
def _declaration() -> dict[str, Any]:
    path = next(p for p in _CANDIDATES if p.exists())
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@functools.cache
def columns(table: str) -> tuple[Column, ...]:
    """The declared columns of `articles`, `rejected` or `run` (the run-level check values); built once."""
    return tuple(Column(c["name"], c["type"], c["nullable"], c["description"], tuple(c.get("checks", ())))
                 for c in _declaration()[table]["columns"])


@functools.cache
def derived_checks() -> tuple[Column, ...]:
    """Values computed from article columns only to be checked (chrome left, mojibake, letter share); built
    once (every record's check values and every batch's frame read them)."""
    return tuple(Column(c["name"], "derived", True, c["description"], tuple(c.get("checks", ())),
                        c["from"], c["compute"]) for c in _declaration()["articles"].get("derived", ()))


def parse_check(check: str | dict[str, Any]) -> tuple[str, Any, str]:
    """A declared check as (name, argument, severity): `critical` (broken output: quarantined) unless the
    declaration says `severity: warning` (unusual content: the article is written, the run reports it)."""
    if isinstance(check, str):
        return check, None, "critical"
    name, arg = next((k, v) for k, v in check.items() if k != "severity")
    return name, arg, str(check.get("severity", "critical"))


def check_args(column: Column, name: str) -> list[Any]:
    """The arguments of a column's declared checks of one kind, warnings too."""
    return [arg for kind, arg, _ in map(parse_check, column.checks) if kind == name]


@functools.cache
def length_bounds(table: str, column: str) -> tuple[int, int] | None:
    """The lengths every declared `length` check of a column accepts (warnings too), if it has any."""
    bounds = check_args(next(c for c in columns(table) if c.name == column), "length")
    return (max(low for low, _ in bounds), min(high for _, high in bounds)) if bounds else None


def run_bounds() -> dict[str, tuple[float | None, float | None]]:
    """The declared (default) bounds of the run-level checks, by check name."""
    return {c.name: tuple(bounds) for c in columns("run") for bounds in check_args(c, "between")}


@functools.cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema the writer casts to."""
    return pa.schema([pa.field(c.name, _TYPES[c.type], nullable=c.nullable) for c in columns(table)])


def data_dictionary() -> str:
    """A Markdown table of every column, for the README and QA."""
    rows = ["| table | column | type | nullable | description |", "|---|---|---|---|---|"]
    for table in ("articles", "rejected", "run"):
        rows += [f"| {table} | `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {c.description} |"
                 for c in columns(table)]
    return "\n".join(rows)


README_START, README_END = "<!-- data-dictionary:start -->\n", "\n<!-- data-dictionary:end -->"


def update_readme(path: Path) -> None:
    """Rewrite the data dictionary block of a README from the schema (`python -m newsclean.schema README.md`)."""
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    path.write_text(head + README_START + data_dictionary() + README_END + tail, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    import sys

    update_readme(Path(sys.argv[1]))
