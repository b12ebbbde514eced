"""The `newsclean` command: run the flow, evaluate against gold, report a run, list rejected inputs."""

from __future__ import annotations

import gc
import os
import shlex
import sys
import tempfile
import webbrowser
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Turn raw scraped news pages into clean, validated article records (Parquet).",
                  no_args_is_help=True, add_completion=False)
# Document text (titles, paths, leaked lines, details) is printed as it is: never read as rich markup or emoji codes.
console = Console(markup=False, emoji=False)
OUT_HELP = "An output location written by `newsclean run`: a folder or an fsspec URL (s3://bucket/prefix)."
# Exit codes of `run` besides 0 and 1 (the run failed): a mistake in what was asked (a usage error, like
# click's), Prefect's temporary server did not start; interrupted: 130 (SIGINT), 143 (SIGTERM), the shell's.
OPERATOR_MISTAKE = 2
SERVER_START_FAILED = 3
OUTPUT_LOCKED = 4  # another run is writing --out


def is_server_start_failure(error: RuntimeError) -> bool:
    """Prefect's temporary API server did not answer in time (it raises a bare RuntimeError saying so)."""
    return str(error).startswith("Timed out while attempting to connect to ephemeral Prefect API server")


def server_start_advice() -> str:
    """One line: what failed and the two ways out."""
    timeout = os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "?")
    return (f"newsclean run: Prefect's temporary server did not start within {timeout} s; run again with "
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=600, or start a server (`prefect server start`) "
            "and set PREFECT_API_URL=http://127.0.0.1:4200/api")


def interrupted_advice(signal_name: str) -> str:
    """One line: the run stopped, what it kept, and the command that resumes it."""
    command = shlex.join(["newsclean", *sys.argv[1:]])
    return (f"newsclean run: interrupted by {signal_name}; the batches written are whole (the one being written "
            f"was finished first), the others were left out. To resume, run the same command again: {command} "
            "(the files already written are not cleaned again)")


def show_version(value: bool) -> None:
    if value:
        from newsclean import __version__

        print(f"newsclean {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=show_version, is_eager=True,
                                          help="Print newsclean's version and exit.")] = False,
) -> None:
    """Turn raw scraped news pages into clean, validated article records (Parquet)."""


@app.command()
def run(
    inputs: Annotated[list[Path], typer.Argument(help="Files and/or folders (searched recursively).")],
    out: Annotated[str, typer.Option("--out", "-o", help=(
        "Output folder, or an fsspec URL such as s3://bucket/prefix (needs that filesystem's package, "
        "e.g. s3fs)."))] = "output",
    batch_size: Annotated[int, typer.Option(help="Documents per task run.")] = 500,
    reprocess: Annotated[bool, typer.Option(help="Clean every input again, even those already written.")] = False,
    dask_address: Annotated[str | None, typer.Option(
        help="tcp://HOST:PORT of a running Dask scheduler: clean the batches on that cluster.")] = None,
    workers: Annotated[int | None, typer.Option(min=0, help=(
        "Processes that clean batches while this one validates and writes the batches before. Default: one "
        "per usable core but one, at least 2 and at most 4 (0 on a single core). 0: clean and write one batch "
        "after the other in one process (debugging, small inputs). A run of a single batch is always cleaned "
        "in one process. Not used with --dask-address."))] = None,
    progress: Annotated[bool | None, typer.Option(
        "--progress/--no-progress", help="Progress bar (default: on in a terminal, off in CI).")] = None,
    languages: Annotated[str | None, typer.Option(help=(
        "Keep only articles in these languages (ISO 639-1 codes, comma-separated: ar,en); the others are "
        "rejected as language_excluded. Default: every language."))] = None,
    include: Annotated[list[str] | None, typer.Option(help=(
        "Read only the files matching this glob (on the file name or its path under the input folder; "
        "repeatable), instead of the page-like files (.html .htm .xhtml .txt, their .gz, no extension)."))
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(help=(
        "Never read the files matching this glob (repeatable); they are counted as skipped."))] = None,
    run_bound: Annotated[list[str] | None, typer.Option(help=(
        "NAME=LOW:HIGH: a run-level check's bounds instead of the declared ones (repeatable; leave a side "
        "empty to open it), e.g. share_rejected=0:0.8. README, Configuration."))] = None,
    time_zone: Annotated[str | None, typer.Option(help=(
        "IANA zone (Africa/Cairo) a time printed without an offset is read in, on every site without its own "
        "--site-time-zone. Default: none, such a time is not an instant and only its date is kept."))] = None,
    site_time_zone: Annotated[list[str] | None, typer.Option(help=(
        "SITE=ZONE: a site's IANA zone (repeatable); SITE is a host (example.com, its subdomains too) or the "
        "folder of text dumps, e.g. almasryalyoum.com=Africa/Cairo."))] = None,
) -> None:
    """Clean INPUTS into OUT/articles and OUT/rejected through the Prefect flow `clean-news`."""
    from newsclean.preflight import run_problems

    # before Prefect is imported and its server started: in milliseconds
    problems = run_problems(inputs, out, include or (), exclude or ())
    for problem in problems:
        print(f"newsclean run: {problem}", file=sys.stderr)
    if problems:
        raise typer.Exit(OPERATOR_MISTAKE)
    from newsclean.lock import OutputLocked, lock_output

    try:
        held = lock_output(out)  # the flow's run takes it again (re-entrant); taken here, a refusal is at once
    except OutputLocked as error:
        print(f"newsclean run: {error}", file=sys.stderr)
        raise typer.Exit(OUTPUT_LOCKED) from None
    try:
        run_flow(inputs, out, batch_size, reprocess, dask_address, workers, progress, languages, include, exclude,
                 run_bound, time_zone, site_time_zone)
    finally:
        held.release()


def run_flow(inputs: list[Path], out: str, batch_size: int, reprocess: bool, dask_address: str | None,
             workers: int | None, progress: bool | None, languages: str | None, include: list[str] | None,
             exclude: list[str] | None, run_bound: list[str] | None, time_zone: str | None = None,
             site_time_zone: list[str] | None = None) -> None:
    """`run` past its checks: the options as the flow takes them, the flow, its one-line summary."""
    from newsclean.config import parse_languages, parse_run_bounds, parse_time_zones
    from newsclean.storage import Store
    from newsclean.validate import prepare_validation, validation_process

    try:
        kept = parse_languages(languages)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--languages") from None
    try:
        bounds = parse_run_bounds(run_bound)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--run-bound") from None
    try:
        zone, site_zones = parse_time_zones(time_zone, site_time_zone)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--time-zone/--site-time-zone") from None
    if progress is None:
        progress = sys.stderr.isatty() and not os.environ.get("CI")
    store = Store(out)
    validating = ExitStack()  # closed with the run, below
    # With a running server (PREFECT_API_URL) there is no server start to wait through: Great Expectations is
    # imported and made ready in a process of its own, from now on, on another core while this one imports
    # Prefect and the flow and cleans. (A remote store's local mirror is the run's own, made later.)
    elsewhere = store.is_local and bool(os.environ.get("PREFECT_API_URL"))
    if elsewhere:
        validating.enter_context(validation_process(store.local("validation"), kept, bounds))
    from flows.interrupts import EXIT_STATUS, interrupt_signal, interrupts_raise, start_temporary_server

    try:
        with interrupts_raise(), validating:  # SIGTERM ends the command as Ctrl-C does: through finally blocks
            # when no PREFECT_API_URL is set, a temporary server a terminal's Ctrl-C leaves running; while it
            # starts (seconds of waiting), the flow's modules are imported and Great Expectations made ready
            with start_temporary_server():
                from flows.clean_news import clean_news

                if not elsewhere:
                    prepare_validation(store.local("validation") if store.is_local else None, kept, bounds)
            manifest = clean_news(inputs=[str(p) for p in inputs], out=out, batch_size=batch_size,
                                  reprocess=reprocess, dask_address=dask_address, workers=workers,
                                  progress=progress, languages=list(kept) if kept else None, include=include,
                                  exclude=exclude,
                                  run_bounds={name: [low, high] for name, low, high in bounds} or None,
                                  time_zone=zone, site_time_zones=dict(site_zones) or None)
    except BaseException as error:
        if isinstance(error, RuntimeError) and is_server_start_failure(error):
            print(server_start_advice(), file=sys.stderr)
            raise typer.Exit(SERVER_START_FAILED) from None
        interrupt = interrupt_signal(error)  # also an error some library raised in place of the interrupt's
        if interrupt is None:
            raise
        print(interrupted_advice(interrupt.name), file=sys.stderr)
        raise typer.Exit(EXIT_STATUS[interrupt]) from None
    console.print(f"run {manifest['run_id']}: {manifest['new']} new, {manifest['unchanged']} unchanged -> "
                  f"{manifest['articles']} articles, {manifest['rejected']} rejected, {manifest['skipped']} skipped "
                  "(not pages); "
                  f"manifest {Store(out).uri('runs', manifest['run_id'] + '.json')}")


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold JSON files (shared/gold layout).")],
    pred: Annotated[str | None, typer.Option(help="Score this existing output instead of running.")] = None,
    raw: Annotated[Path | None, typer.Option(help="Raw files of the gold set (default: found beside it).")] = None,
    min_macro_f1: Annotated[float, typer.Option(help="Fail under this macro token F1.")] = 0.0,
    min_recall: Annotated[float, typer.Option(help="Fail under this micro token recall.")] = 0.0,
    max_leaks: Annotated[int, typer.Option(help="Fail above this many leaked chrome lines.")] = 1_000_000,
    min_titles: Annotated[float, typer.Option(help="Fail under this share of right titles.")] = 0.0,
    max_lost: Annotated[int, typer.Option(help="Fail above this many lost inputs.")] = 0,
    max_wrong_rejects: Annotated[int, typer.Option(help="Fail above this many wrong or missed rejections.")] = 10**6,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line.")] = False,
) -> None:
    """Score the pipeline (or an existing output) against gold; exit 1 under the given thresholds."""
    from newsclean.evaluate import gold_inputs, load_predictions, raw_dir_for, score
    from newsclean.runs import run_local

    if pred is None:
        pred = tempfile.mkdtemp(prefix="newsclean-eval-")
        run_local(gold_inputs(gold_dir, raw or raw_dir_for(gold_dir)), pred)
    summary = score(gold_dir, load_predictions(pred))
    if not quiet:
        table = Table("file", "status", "P", "R", "F1", "title", "leaks", "metadata misses")
        for d in summary.docs:
            table.add_row(d.file, d.status, f"{d.precision:.3f}", f"{d.recall:.3f}", f"{d.f1:.3f}",
                          d.title_verdict,
                          str(len(d.leaks)) + (f" {d.leaks[:2]}" if d.leaks else ""), " ".join(d.meta_misses))
        console.print(table)
    print(summary.line())
    failures = [text for text, bad in [
        (f"macroF1 {summary.macro_f1:.3f} < {min_macro_f1}", summary.macro_f1 < min_macro_f1),
        (f"recall {summary.recall:.3f} < {min_recall}", summary.recall < min_recall),
        (f"leaks {summary.leaks} > {max_leaks}", summary.leaks > max_leaks),
        (f"titles {summary.titles} < {min_titles:.0%}", (
            summary.labelled_titles_ok < min_titles * summary.titles_labelled)),
        (f"lost {summary.lost} > {max_lost}", summary.lost > max_lost),
        (f"wrong rejections {summary.wrongly_rejected + summary.missed_rejects} > {max_wrong_rejects}",
         summary.wrongly_rejected + summary.missed_rejects > max_wrong_rejects),
    ] if bad]
    for text in failures:
        console.print(f"below threshold: {text}", style="red")
    raise typer.Exit(1 if failures else 0)


@app.command()
def report(
    out: Annotated[str, typer.Argument(help=OUT_HELP)] = "output",
    run_id: Annotated[str | None, typer.Option("--run", help=(
        "The run to report (its id or a unique prefix of it; default: the latest run)."))] = None,
    html: Annotated[bool, typer.Option("--html", help=(
        "Also write the run's page, OUT/report.html (one self-contained file: every run writes it for itself)."
    ))] = False,
    open_docs: Annotated[bool, typer.Option("--open", help=(
        "Open report.html (with --html) or the Data Docs in a browser."))] = False,
) -> None:
    """Summarise one run of OUT (the latest by default) and what the dataset holds now."""
    from rich.markdown import Markdown

    from newsclean.html_report import write_report
    from newsclean.reader import read_articles
    from newsclean.report import manifest_markdown, run_ids, run_manifest
    from newsclean.storage import Store

    try:
        manifest = run_manifest(out, run_id)
    except (FileNotFoundError, LookupError) as error:
        console.print(str(error), style="red")
        raise typer.Exit(2) from error
    console.print(Markdown(manifest_markdown(manifest)))
    articles = read_articles(out).select("source_file").collect().height
    console.print(f"dataset now: {articles} articles (latest version of each source file) written by "
                  f"{len(run_ids(out))} runs")
    docs = manifest["validation"]["data_docs"]
    console.print(f"Data Docs: {docs}")
    if html:
        page = write_report(Store(out), manifest)
        console.print(f"report: {page}")
        docs = page
    if open_docs and Store(out).is_local:
        webbrowser.open(Path(docs).resolve().as_uri())
    elif open_docs:
        console.print("the Data Docs are in object storage: copy the validation folder to open them locally")


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


REJECTED_COLUMNS = ["reason", "source_file", "detail", "first_line", "run_id", "processed_at"]


@app.command()
def rejected(
    out: Annotated[str, typer.Argument(help=OUT_HELP)] = "output",
    reason: Annotated[str | None, typer.Option(help="Only this reason code.")] = None,
    run_id: Annotated[str | None, typer.Option("--run", help="Only the inputs this run rejected.")] = None,
    output_format: Annotated[Format, typer.Option("--format", help=(
        "table (wrapped to the terminal, nothing cut), csv or json (one array of objects) on stdout."))
    ] = Format.table,
) -> None:
    """List rejected inputs: reason, whole file path, detail, first line, run."""
    import csv
    import json

    from newsclean.storage import Store

    found = Store(out).read_table("rejected", columns=REJECTED_COLUMNS)
    rows = [] if found is None else [
        {**row, "processed_at": row["processed_at"].isoformat()} for row in found.to_pylist()
        if (reason is None or row["reason"] == reason) and (run_id is None or row["run_id"].startswith(run_id))]
    rows.sort(key=lambda row: (row["run_id"], row["source_file"]))
    if output_format is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=REJECTED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    if output_format is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if not rows:
        console.print("no rejected inputs")
        return
    # one table per run; folded, never cut: a path is what a person copies to look at the file
    for run in sorted({row["run_id"] for row in rows}):
        table = Table(title=f"run {run}", title_justify="left", show_lines=True)
        table.add_column("file", ratio=3, overflow="fold")
        table.add_column("reason", no_wrap=True)
        table.add_column("detail", ratio=2, overflow="fold")
        table.add_column("first line", ratio=1, overflow="fold")
        for row in rows:
            if row["run_id"] == run:
                table.add_row(row["source_file"], row["reason"], row["detail"], row["first_line"] or "")
        console.print(table)


@app.command()
def assets(
    out: Annotated[list[str] | None, typer.Option("--out", "-o", help=(
        "Also serve them to the Data Docs already written under this output folder (repeatable)."))] = None,
    cache: Annotated[Path | None, typer.Option(help="Cache folder (default: the user's cache, "
                                                    "newsclean/data-docs).")] = None,
) -> None:
    """Fetch the scripts, styles and fonts the Data Docs load from CDNs (once, from the npm registry, with
    npm) into a local cache; each run then copies them into OUT/validation, so the Data Docs render offline."""
    from newsclean.data_docs import cached_assets, default_cache, fetch_assets, template_urls, vendor_data_docs
    from newsclean.storage import Store

    folder = cache or default_cache()
    found = cached_assets(folder)
    if found is None:
        try:
            found = fetch_assets(folder)
        except RuntimeError as error:
            console.print(str(error), style="red")
            raise typer.Exit(1) from None
    missing = [url for url in template_urls() if url not in found]
    console.print(f"{len(found)} files in {folder}" + (f"; no known source for {missing}" if missing else ""))
    for location in out or []:
        store = Store(location)
        if not store.is_local:
            console.print(f"{location}: only a local output folder can be updated here", style="red")
            raise typer.Exit(2)
        offline = vendor_data_docs(store.local("validation"), folder)
        console.print(f"{store.uri('validation', 'index.html')}: {'offline' if offline else 'still loads from CDNs'}")


@app.command("compact")
def compact_command(
    out: Annotated[str, typer.Argument(help=OUT_HELP)] = "output",
) -> None:
    """Rewrite OUT/articles keeping only the latest version of each source file."""
    from newsclean.runs import compact

    before, after = compact(out)
    console.print(f"articles: {before} rows -> {after} rows (latest version per source file)")


@app.command()
def stories(
    out: Annotated[str, typer.Argument(help=OUT_HELP)] = "output",
    min_size: Annotated[int, typer.Option(help="Only stories told by at least this many articles.")] = 2,
) -> None:
    """List story clusters (latest version of each article, merges applied): size, sites and titles."""
    import polars as pl

    from newsclean.reader import read_articles

    clusters = (read_articles(out)
                .group_by("story_id")
                .agg(pl.len().alias("articles"), pl.col("near_duplicate_of").is_not_null().sum().alias("copies"),
                     pl.col("source_name").fill_null("?").unique().sort().alias("sites"), pl.col("title"))
                .sort(["articles", "story_id"], descending=[True, False])
                .collect())
    table = Table("story", "articles", "copies", "sites", "titles")
    for story in clusters.filter(pl.col("articles") >= min_size).iter_rows(named=True):
        table.add_row(story["story_id"][:12], str(story["articles"]), str(story["copies"]),
                      ", ".join(story["sites"])[:40], "\n".join((title or "?")[:70] for title in story["title"]))
    console.print(table)
    console.print(f"{clusters.height} stories over {int(clusters['articles'].sum())} articles")


@app.command()
def rules() -> None:
    """Check every chrome rule against its own examples; exit 1 on any failure."""
    from newsclean.chrome.lexicon import check_examples, default_rules

    failures = check_examples(default_rules())
    for failure in failures:
        console.print(str(failure), style="red")
    console.print(f"{len(default_rules())} rules, {len(failures)} failing examples")
    raise typer.Exit(1 if failures else 0)


def run_command_line() -> None:
    """The `newsclean` program: the commands, then a prompt exit. The heap is frozen first (gc.freeze), so the
    interpreter's last full collections skip what Prefect, GX and pandas allocated: they took 5-6 s of every
    exit under load, Ctrl-C's included (0.6 s frozen)."""
    try:
        app()
    finally:
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run_command_line()
