"""The article expectation suite, built from `schemas/article.yaml`, run by Great Expectations on a batch.

GX has no polars data source: each batch crosses to pandas once, through Arrow. GX is imported lazily
because its import alone costs seconds. On pandas batches the failing rows come from the row indexes of
the COMPLETE result format.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib.util
import logging
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsclean.chrome.label import Labelled, strong_chrome
from newsclean.chrome.lexicon import candidate_rules
from newsclean.config import RunBounds
from newsclean.data_docs import vendor_data_docs
from newsclean.decode import has_mojibake
from newsclean.schema import Column, columns, derived_checks, parse_check
from newsclean.textnorm import count_words, fold, non_space_length

logger = logging.getLogger(__name__)
SUITES = ("articles", "run")  # record level, each batch; run level, once per run
WARNING = "warning"  # a check's `severity` for unusual content: reported, not quarantined
LANGUAGE_CODE = r"^[a-z]{2,3}$"  # what py3langid answers: an ISO 639-1 code (a few are 639-3)


def first_chrome_line_rule(body: str | None) -> str | None:
    """Id of the first strong chrome rule still matching a body line: the labeller should have removed it.
    For a body the labeller did not make (an article changed afterwards); the pipeline reads what the labeller
    recorded instead (`recorded_chrome_rule`)."""
    for line in (body or "").split("\n"):
        folded, n_words = fold(line), count_words(line)
        for rule in candidate_rules(folded, n_words):  # the prefilter: most body lines are tried by no rule
            if rule.label == "chrome" and rule.where == "anywhere" and rule.matches(folded, n_words):
                return rule.id
    return None


def recorded_chrome_rule(labelled: Labelled) -> str | None:
    """`first_chrome_line_rule` from what the labeller recorded: the first strong chrome hit among the lines it
    kept as body. The hits are every rule matching each line, in rule order, so this is the same answer without
    running the lexicon over the body's lines a second time."""
    for line in labelled.lines:
        if line.label == "body" and (hit := strong_chrome(labelled.hits.get(line.index - 1, []))):
            return hit.rule.id
    return None


def body_has_mojibake(body: str | None) -> bool:
    """ftfy's badness check: text that still looks like UTF-8 read in the wrong charset."""
    return bool(body) and has_mojibake(body or "")


_LETTER = re.compile(r"[^\W\d_]+")


def _count(runs: re.Pattern[str], text: str) -> int:
    """Characters of a class in a text, from a pattern matching runs of them. Why runs: letters come in words,
    so the engine returns a few hundred matches, not thousands (half the time of one match per character)."""
    return sum(map(len, runs.findall(text)))


@functools.lru_cache(maxsize=4)
def _letters(body: str) -> int:
    """Letters of a body: both checks below count them, for the same body one after the other."""
    return _count(_LETTER, body)


def letter_share(body: str | None) -> float:
    """Letters among non-space characters: a body of symbols, digits or markup is not prose."""
    total = non_space_length(body)
    return _letters(body or "") / total if total else 0.0


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff"
                            "\ufb50-\ufdff\ufe70-\ufefc]+")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]+")


def dominant_script_share(body: str | None) -> float:
    """Share of the body's letters in its main script (Arabic, Latin or other): a body of one language
    quotes a few foreign names; half-and-half is two pages glued together or a wrong decode."""
    letters = _letters(body or "")
    if not letters:
        return 0.0
    arabic, latin = _count(_ARABIC_LETTER, body or ""), _count(_LATIN_LETTER, body or "")
    return max(arabic, latin, letters - arabic - latin) / letters


COMPUTE: dict[str, Callable[[str | None], Any]] = {
    "dominant_script_share": dominant_script_share,
    "first_chrome_line_rule": first_chrome_line_rule,
    "has_mojibake": body_has_mojibake,
    "letter_share": letter_share,
}


def check_values(record: object, recorded: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The derived check values of one record (an Article: its attributes are the columns they derive from).
    The pipeline computes them where a document is cleaned, in parallel on the workers, so the run's one
    settling process only hands them to Great Expectations. `recorded`: values known already, by the name of
    their computation (the labeller's `recorded_chrome_rule`), taken instead of computing them again."""
    recorded = recorded or {}
    return {check.name: recorded[check.compute] if check.compute in recorded
            else COMPUTE[check.compute or ""](getattr(record, check.source or "")) for check in derived_checks()}


def expectation_name(expectation_type: str, column: str | None, severity: str) -> str:
    """How reports name an expectation: `type(column)`, with ` [warning]` for a warning-level one."""
    return f"{expectation_type}({column})" + (f" [{WARNING}]" if severity == WARNING else "")


@dataclass(slots=True)
class Outcome:
    """Which rows failed which expectations (critical ones; warnings apart), and the per-expectation summary."""

    failed_rows: dict[int, list[str]] = field(default_factory=dict)
    warned_rows: dict[int, list[str]] = field(default_factory=dict)
    expectations: list[dict[str, Any]] = field(default_factory=list)
    success: bool = True
    results: list[Any] = field(default_factory=list)  # GX identifiers of the stored validation results


def _expectations(suite: str, languages: tuple[str, ...] | None, now: dt.datetime,
                  bounds: RunBounds = ()) -> list[Any]:
    """Translate every declared check of a suite's columns into a GX expectation, with its severity; `bounds`
    replace declared `between` bounds (the run-level settings)."""
    out: list[Any] = []
    replaced = {name: (low, high) for name, low, high in bounds}
    checked: list[Column] = [*columns(suite), *(derived_checks() if suite == "articles" else ())]
    for column in checked:
        for check in column.checks:
            name, arg, severity = parse_check(check)
            if name == "between":
                arg = replaced.get(column.name, arg)
            out.append(_expectation(name, arg, column.name, languages, now))
            out[-1].severity = severity
    return out


def _expectation(name: str, arg: Any, col: str, languages: tuple[str, ...] | None, now: dt.datetime) -> Any:
    """The GX expectation of one declared check on one column."""
    e = _gx().expectations
    if name == "not_null":
        return e.ExpectColumnValuesToNotBeNull(column=col)
    if name == "unique":
        return e.ExpectColumnValuesToBeUnique(column=col)
    if name == "length":
        return e.ExpectColumnValueLengthsToBeBetween(column=col, min_value=arg[0], max_value=arg[1])
    if name == "in_config_languages" and languages is None:  # every language kept: a code at least
        return e.ExpectColumnValuesToMatchRegex(column=col, regex=LANGUAGE_CODE)
    if name == "in_config_languages":
        return e.ExpectColumnValuesToBeInSet(column=col, value_set=list(languages or ()))
    if name == "between_days":  # a calendar day, as a page states it: up to 14 h ahead of UTC's
        high_day = (now + dt.timedelta(days=1)).date() if arg[1] == "now" else dt.date.fromisoformat(arg[1])
        return e.ExpectColumnValuesToBeBetween(column=col, min_value=dt.date.fromisoformat(arg[0]), max_value=high_day)
    if name == "between_dates":
        low = dt.datetime.fromisoformat(arg[0]).replace(tzinfo=dt.UTC)
        high = now if arg[1] == "now" else dt.datetime.fromisoformat(arg[1]).replace(tzinfo=dt.UTC)
        return e.ExpectColumnValuesToBeBetween(column=col, min_value=low, max_value=high)
    if name == "not_match":
        return e.ExpectColumnValuesToNotMatchRegex(column=col, regex=arg)
    if name == "equals" and arg is None:
        return e.ExpectColumnValuesToBeNull(column=col)
    if name == "equals":
        return e.ExpectColumnValuesToBeInSet(column=col, value_set=[arg])
    if name == "between":
        return e.ExpectColumnValuesToBeBetween(column=col, min_value=arg[0], max_value=arg[1])
    raise ValueError(f"schemas/article.yaml: unknown check {name!r} on {col}")


def _gx() -> Any:
    """The great_expectations module, imported with scipy.stats deferred until first used (importlib's
    LazyLoader): GX imports it for the KL-divergence and KS-test expectations only, none of the suite's, and
    it was a fifth of the import's CPU."""
    if "great_expectations" not in sys.modules and "scipy.stats" not in sys.modules:
        _defer("scipy.stats")
    import great_expectations

    return great_expectations


def _defer(name: str) -> None:
    """Put a module in sys.modules and on its package without running it: it runs at its first attribute
    read. Only `from package import module` (GX's form) finds it so; nothing when it is not installed."""
    try:
        spec = importlib.util.find_spec(name)
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    package, _, child = name.rpartition(".")
    setattr(sys.modules[package], child, module)


def prepare_validation(validation_dir: Path | None = None, languages: tuple[str, ...] | None = None,
                       bounds: RunBounds = ()) -> None:
    """Import Great Expectations and build the context of `validation_dir` and its two checkpoints now (each
    is done once per process), for a caller that has a wait to fill: the first validation then starts at once."""
    _gx()
    if validation_dir is not None:
        project = str(validation_dir.resolve())
        _checkpoint(project, "articles", languages, ())  # the arguments as _run_checkpoint passes them
        _checkpoint(project, "run", languages, bounds)


_PROCESSES: dict[str, Any] = {}  # validation folder -> the ValidationProcess its validations are sent to


@contextlib.contextmanager
def validation_process(validation_dir: Path, languages: tuple[str, ...] | None = None,
                       bounds: RunBounds = ()) -> Iterator[None]:
    """Inside the block, this process's validations of `validation_dir` run in a child process that imports
    GX and builds the context and checkpoints at once (`newsclean.validation_process`): a command starts it
    first, so those seconds pass on another core while it imports Prefect and cleans."""
    from newsclean.validation_process import ValidationProcess

    key = str(validation_dir.resolve())
    process = _PROCESSES[key] = ValidationProcess(validation_dir, languages, bounds)
    try:
        yield
    finally:
        if _PROCESSES.get(key) is process:
            del _PROCESSES[key]
        process.close()


def _in_process(name: str, validation_dir: Path, *args: Any) -> tuple[bool, Any]:
    """(True, answer) when `validation_dir`'s validations go to a validation process and it answered
    `name(*args)`; (False, None) when they run here (none started, or it is gone: the run goes on here)."""
    from newsclean.validation_process import ValidationBroken

    key = str(validation_dir.resolve())
    process = _PROCESSES.get(key)
    if process is None:
        return False, None
    try:
        return True, process.call(name, *args)
    except ValidationBroken as error:
        logger.warning("%s; validating in this process", error)
        _PROCESSES.pop(key, None)
        return False, None


@functools.cache
def _context(project_dir: str) -> Any:
    """A file-backed GX context under the output folder, its Data Docs site at `validation/index.html`."""
    gx = _gx()
    root = Path(project_dir)
    context = gx.get_context(mode="file", project_root_dir=str(root / "gx_project"))
    context.variables.progress_bars = {"globally": False}  # type: ignore[assignment]
    sites = set(context.list_data_docs_sites())
    if "newsclean" not in sites:
        context.add_data_docs_site(site_name="newsclean", site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(root)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
    for site in sites - {"newsclean"}:
        context.delete_data_docs_site(site)
    context.data_sources.add_or_update_pandas("newsclean")
    return context


@functools.cache
def _checkpoint(project_dir: str, suite_name: str, languages: tuple[str, ...] | None,
                bounds: RunBounds = ()) -> Any:
    """The suite, its validation definition and a checkpoint (no actions: the Data Docs are built once per
    run by `build_data_docs`, not once per batch)."""
    gx = _gx()

    context = _context(project_dir)
    source = context.data_sources.get("newsclean")
    asset = source.add_dataframe_asset(suite_name)
    batch = asset.add_batch_definition_whole_dataframe("batch")
    expectations = _expectations(suite_name, languages, dt.datetime.now(dt.UTC), bounds)
    suite = context.suites.add_or_update(gx.ExpectationSuite(name=suite_name, expectations=expectations))
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=f"{suite_name}_batch", data=batch, suite=suite))
    return context.checkpoints.add_or_update(gx.Checkpoint(
        name=f"{suite_name}_checkpoint", validation_definitions=[definition],
        actions=[],
        result_format={"result_format": "COMPLETE"}))


def validate_articles(table: pa.Table, checks: list[dict[str, Any]], validation_dir: Path,
                      languages: tuple[str, ...] | None, run_name: str | None = None) -> Outcome:
    """Run the record-level suite on a batch of article rows and their derived check values (`check_values`
    of each row, in order); name the failed expectations of each row. `run_name` (the run id) names the
    validation results in the Data Docs."""
    if table.num_rows == 0:
        return Outcome()
    sent, outcome = _in_process("validate_articles", validation_dir, table, checks, validation_dir, languages,
                                  run_name)
    if sent:
        return outcome
    lists = [column.name for column in table.schema if pa.types.is_list(column.type)]  # as schemas/ declares them
    frame = table.drop_columns(lists).to_pandas()  # once per batch, through Arrow; no lists
    for check in derived_checks():
        frame[check.name] = [values[check.name] for values in checks]
    return _run_checkpoint(frame, validation_dir, "articles", languages, run_name)


def validate_run(summary: dict[str, Any], validation_dir: Path, languages: tuple[str, ...] | None,
                 run_name: str | None = None, bounds: RunBounds = ()) -> Outcome:
    """Run the run-level suite on the run's one summary row (shares rejected and removed, median body), with
    `bounds` in place of the declared ones they name."""
    sent, outcome = _in_process("validate_run", validation_dir, summary, validation_dir, languages, run_name,
                                  bounds)
    if sent:
        return outcome
    import pandas as pd

    frame = pd.DataFrame([{c.name: summary[c.name] for c in columns("run")}])
    return _run_checkpoint(frame, validation_dir, "run", languages, run_name, bounds)


def _run_checkpoint(frame: Any, validation_dir: Path, suite: str, languages: tuple[str, ...] | None,
                    run_name: str | None, bounds: RunBounds = ()) -> Outcome:
    """Run one suite's checkpoint on a pandas frame and read per-row failures off the COMPLETE result."""
    from great_expectations.core.run_identifier import RunIdentifier

    checkpoint = _checkpoint(str(validation_dir.resolve()), suite, languages, bounds)
    result = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=RunIdentifier(run_name=run_name))
    outcome = Outcome(results=list(result.run_results))
    for run in result.run_results.values():
        for item in run.results:
            config = item.expectation_config
            severity = str(getattr(config.severity, "value", config.severity))
            name = expectation_name(config.type, config.kwargs.get("column"), severity)
            rows = item.result.get("unexpected_index_list") or []
            outcome.expectations.append({"expectation": name, "success": bool(item.success),
                                         "unexpected": len(rows), "severity": severity})
            outcome.success &= bool(item.success) or severity == WARNING
            by_row = outcome.warned_rows if severity == WARNING else outcome.failed_rows
            for row in rows:
                index = row if isinstance(row, int) else int(row.get("index", -1))
                by_row.setdefault(index, []).append(name)
    return outcome


def build_data_docs(validation_dir: Path, results: list[Any]) -> None:
    """Render the given validation results (a run's batches and its run check), the suites' pages (the index
    links them) and the index, which lists every result stored so far, into `validation_dir/index.html`."""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    suites = [ExpectationSuiteIdentifier(name) for name in SUITES]
    _context(str(validation_dir.resolve())).build_data_docs(site_names=["newsclean"],
                                                            resource_identifiers=[*results, *suites])


def write_data_docs(validation_dir: Path, results: list[Any]) -> bool:
    """`build_data_docs`, then the pages pointed at the local copies of their scripts (`vendor_data_docs`);
    returns whether they render offline."""
    sent, offline = _in_process("write_data_docs", validation_dir, validation_dir, results)
    if sent:
        return bool(offline)
    from newsclean.validation_process import opened

    build_data_docs(validation_dir, opened(results))  # some may come from a validation process that ended
    return vendor_data_docs(validation_dir)
