"""Great Expectations on a batch: planted bad records are quarantined with the expectation they failed."""

from __future__ import annotations

import dataclasses
import json

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from newsclean.decode import has_mojibake
from newsclean.pipeline import BatchResult, clean_paths
from newsclean.runs import finish_run, run_local, settle_batch, start_run
from newsclean.schema import arrow_schema, columns, data_dictionary, derived_checks
from newsclean.validate import dominant_script_share, first_chrome_line_rule, letter_share
from tests.conftest import SEEDS


def test_exactly_the_planted_records_are_quarantined(planted_run) -> None:
    _, stats, manifest, rejected = planted_run
    assert stats == {"batch": 0, "articles": 5, "rejected": 5}
    assert set(rejected) == {"cookie.txt", "notitle.txt", "moji.txt", "html.txt", "copy-of-000.txt"}
    assert manifest["all_inputs_accounted"] is True


@pytest.mark.parametrize(("source", "expectation"), [
    ("cookie.txt", "expect_column_values_to_be_null(body_chrome_rule)"),
    ("notitle.txt", "expect_column_value_lengths_to_be_between(title)"),
    ("moji.txt", "expect_column_values_to_be_in_set(body_mojibake)"),
    ("html.txt", "expect_column_values_to_not_match_regex(body)"),
])
def test_each_planted_record_names_its_failed_expectation(planted_run, source: str, expectation: str) -> None:
    row = planted_run[3][source]
    assert row["reason"] == "failed_validation"
    assert expectation in row["detail"]


def test_duplicate_doc_id_keeps_the_first_and_names_the_unique_expectation(planted_run) -> None:
    row = planted_run[3]["copy-of-000.txt"]
    assert row["reason"] == "duplicate_input"
    assert "expect_column_values_to_be_unique(doc_id)" in row["detail"]
    out = planted_run[0]
    written = ds.dataset(str(out / "articles")).to_table(columns=["source_file"]).column(0).to_pylist()
    assert sum(name.endswith(".txt") and "000_" in name for name in written) == 1  # the original is kept


def test_articles_written_have_the_declared_schema_and_data_docs_exist(planted_run) -> None:
    out = planted_run[0]
    parts = list((out / "articles").glob("*.parquet"))
    assert len(parts) == 1
    assert pq.read_schema(parts[0]).remove_metadata() == arrow_schema("articles")
    assert pq.read_metadata(parts[0]).row_group(0).column(0).compression == "ZSTD"
    assert (out / "validation" / "index.html").exists()
    manifest = json.loads(next((out / "runs").glob("*.json")).read_text())
    assert manifest["validation"]["success"] is False
    # the cookie record only: the mojibake one ("ة" read as cp1252 is "Ø©") fails for its mojibake, its "©"
    # inside a word is no footer mark
    assert manifest["validation"]["expectations"]["expect_column_values_to_be_null(body_chrome_rule)"][
        "unexpected_rows"] == 1


def test_derived_checks() -> None:
    assert first_chrome_line_rule("فقرة عادية من الخبر.\nاترك تعليقاً") == "ar.comments.invite"
    assert first_chrome_line_rule("فقرة عادية من الخبر.") is None
    assert has_mojibake("Ø§Ù„Ø±Ø¦ÙŠØ³") and not has_mojibake("الرئيس")
    assert letter_share("abc 123") == 0.5
    assert dominant_script_share("قال الرئيس في مؤتمر Google News") == 16 / 26  # 16 Arabic, 10 Latin letters
    assert dominant_script_share("") == 0.0


def test_schema_is_declared_once_and_everything_derives_from_it() -> None:
    names = [c.name for c in columns("articles")]
    assert names[:3] == ["doc_id", "source_file", "source_sha256"]
    assert arrow_schema("articles").names == names
    assert {"body_chrome_rule", "body_mojibake", "body_letter_share", "body_script_share"} == {
        c.name for c in derived_checks()}
    assert "| articles | `removed` |" in data_dictionary()


def test_run_level_checks_fail_when_most_inputs_are_rejected_but_articles_are_written(tmp_path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("000", "001"):
        (inputs / f"{name}.txt").write_bytes(next(SEEDS.glob(f"{name}*")).read_bytes())
    for number in range(3):
        (inputs / f"empty{number}.txt").write_bytes(b"")
    manifest = run_local([inputs], tmp_path / "out")
    assert manifest["articles"] == 2 and manifest["rejected"] == 3
    checks = manifest["validation"]["run_checks"]
    assert checks["values"]["share_rejected"] == 0.6
    assert checks["failed"] == ["expect_column_values_to_be_between(share_rejected)"]
    assert manifest["validation"]["run_success"] is False and manifest["validation"]["records_success"] is True
    assert len(ds.dataset(str(tmp_path / "out" / "articles")).to_table()) == 2


def test_run_level_checks_pass_on_the_seeds(tmp_path) -> None:
    manifest = run_local([SEEDS], tmp_path)
    values = manifest["validation"]["run_checks"]["values"]
    assert manifest["validation"]["run_success"] is True
    assert values["share_rejected"] == 0.0 and 1000 < values["median_body_chars"] < 5000


TECH_BODY = """To centre a card, wrap it in a flex container and let the browser do the rest of the work for you.
<div class="wrapper">
  <div class="card">Hello</div>
</div>
The outer <div> gets display: flex; the inner one needs nothing at all, which is the whole point of the trick.
Escape an ampersand as &amp; inside attributes, and the validator will stop complaining about your markup."""
MIXED_BODY = ("قال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بحضور الوفود كلها.\n"
              "The ministry spokesman said the negotiations would resume next week with all delegations.")


@pytest.fixture(scope="module")
def unusual_run(tmp_path_factory: pytest.TempPathFactory):
    """One seed article and four planted variants: three unusual (written, warned), one broken (quarantined)."""
    out = tmp_path_factory.mktemp("unusual")
    good = clean_paths([str(next(SEEDS.glob("000*")))]).articles[0]

    def plant(**changes: object):
        return dataclasses.replace(good, **changes, body_search=None, signature=None, story_terms=None,
                                   checks=None)

    batch = BatchResult(articles=[
        good,
        plant(doc_id="p-tech", source_file="tech.html", body=TECH_BODY, language="en"),
        plant(doc_id="p-mixed", source_file="mixed.html", body=MIXED_BODY),
        plant(doc_id="p-long", source_file="long-title.html", title="عنوان " * 80),
        plant(doc_id="p-nbsp", source_file="nbsp.html", body=good.body.replace(" ", "&nbsp;", 3)),
    ])
    run = start_run(out)
    settle_batch(run, batch, 0)
    manifest = finish_run(run)
    rejected = {r["source_file"]: r for r in ds.dataset(str(out / "rejected")).to_table().to_pylist()}
    written = ds.dataset(str(out / "articles")).to_table(columns=["source_file"]).column(0).to_pylist()
    return manifest, rejected, written, out


def test_unusual_content_is_written_and_named_in_the_manifest_warnings(unusual_run) -> None:
    manifest, _, written, _ = unusual_run
    assert sorted(written)[-3:] == ["long-title.html", "mixed.html", "tech.html"] and len(written) == 4
    assert manifest["warnings"] == {
        "expect_column_value_lengths_to_be_between(title) [warning]": {"rows": 1, "files": ["long-title.html"]},
        "expect_column_values_to_be_between(body_script_share) [warning]": {"rows": 1, "files": ["mixed.html"]},
        "expect_column_values_to_not_match_regex(body) [warning]": {"rows": 1, "files": ["tech.html"]},
    }
    assert manifest["validation"]["records_success"] is False  # the broken record below


def test_broken_output_is_still_quarantined_beside_the_warnings(unusual_run) -> None:
    _, rejected, _, _ = unusual_run
    assert list(rejected) == ["nbsp.html"]
    assert rejected["nbsp.html"]["reason"] == "failed_validation"
    assert rejected["nbsp.html"]["detail"] == "failed: expect_column_values_to_not_match_regex(body)"


def test_the_run_report_lists_each_warning_with_its_files(unusual_run) -> None:
    import lxml.html

    manifest, _, _, out = unusual_run
    root = lxml.html.fromstring((out / "report.html").read_bytes())
    shown = {" ".join(row.findall("td")[0].text_content().split()):
             (int(row.findall("td")[1].text_content()), [li.text_content() for li in row.iter("li")])
             for row in root.xpath("//tr[@class='warning']")}
    assert shown == {name: (item["rows"], item["files"]) for name, item in manifest["warnings"].items()}
    assert len(shown) == 3


def test_the_chrome_check_reads_what_the_labeller_recorded_and_agrees_with_the_lexicon(tmp_path) -> None:
    from newsclean.chrome.label import Labelled, label_lines
    from newsclean.chrome.lexicon import match_line
    from newsclean.records import Line
    from newsclean.validate import recorded_chrome_rule

    cookie = "We use cookies to improve your experience on our site."
    hits = {1: match_line(cookie)}
    assert first_chrome_line_rule(cookie) is not None
    kept = Labelled([Line(1, "A paragraph of the article that no rule matches at all.", "body"),
                     Line(2, cookie, "body")], hits)  # a labeller that wrongly kept the cookie line
    assert recorded_chrome_rule(kept) == first_chrome_line_rule(cookie)
    kept.lines[1] = Line(2, cookie, "chrome", "cookie", hits[1][0].rule.id)
    assert recorded_chrome_rule(kept) is None
    paths = sorted(SEEDS.iterdir()) + sorted((SEEDS.parent / "tests" / "data" / "raw").glob("*.txt"))[:10]
    for path in paths:  # on real pages the recorded answer is the lexicon's over the body
        labelled = label_lines(path.read_text(encoding="utf-8", errors="replace").split("\n"))
        body = "\n".join(line.text for line in labelled.lines if line.label == "body")
        assert recorded_chrome_rule(labelled) == first_chrome_line_rule(body)


def test_cleaning_never_imports_great_expectations_and_a_run_builds_its_context_once(tmp_path) -> None:
    import subprocess
    import sys

    code = ("import sys; import flows.clean_news; from newsclean.pipeline import clean_paths; "
            f"result = clean_paths({[str(p) for p in sorted(SEEDS.iterdir())]!r}); "
            "assert len(result.articles) == 5 and result.articles[0].checks; "
            "print('great_expectations' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"  # a worker cleans and computes the check values without GX

    from newsclean import validate

    validate._context.cache_clear()
    manifest = run_local([SEEDS], tmp_path / "out", batch_size=2)  # 3 batches, the run suite, the Data Docs
    assert manifest["batches"] == 3 and manifest["validation"]["success"]
    assert validate._context.cache_info().misses == 1  # one GX context for the whole run


def test_a_validation_process_answers_as_this_process_does_and_keeps_gx_out_of_it(tmp_path) -> None:
    import subprocess
    import sys

    code = """
import json, sys
from pathlib import Path
from newsclean import validate
from newsclean.runs import run_local

seeds, out, broken = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
with validate.validation_process(out / "validation"):
    sent = run_local([seeds], out, batch_size=2)
    gx_here = "great_expectations" in sys.modules
with validate.validation_process(broken / "validation"):
    process = validate._PROCESSES[str((broken / "validation").resolve())].process
    process.kill()
    process.wait()
    fallen_back = run_local([seeds], broken, batch_size=2)  # the process is gone: validated here
print(json.dumps([sent["validation"], gx_here, fallen_back["validation"]]))
"""
    found = subprocess.run([sys.executable, "-c", code, str(SEEDS), str(tmp_path / "sent"), str(tmp_path / "broken")],
                           capture_output=True, text=True, check=True)
    sent, gx_here, fallen_back = json.loads(found.stdout)
    here = run_local([SEEDS], tmp_path / "here", batch_size=2)["validation"]
    assert gx_here is False  # GX was imported in the validation process only
    assert "the validation process ended" in found.stderr
    for validation in (sent, fallen_back):
        assert validation["success"] and validation["expectations"] == here["expectations"]
        assert validation["run_checks"] == here["run_checks"]
        assert validation["expectations"]["expect_column_values_to_be_unique(doc_id)"]["batches"] == 3
    results = sorted((tmp_path / "sent" / "validation" / "validations").glob("*/*/*/*.html"))
    assert [path.parts[-4] for path in results] == ["articles"] * 3 + ["run"]  # the Data Docs of every result
