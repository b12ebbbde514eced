"""Dates in publication lines: every month-name convention, numeric forms, times, digits, and non-dates."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import dates
from newsclean.config import Limits, parse_time_zones
from newsclean.dates import MONTHS, Publication, find_date, normalize_digits, publication

D, T = dt.date, dt.datetime

FOUND: list[tuple[str, dt.date]] = [
    # Egyptian / Gulf names, weekday before, Arabic comma, hamza variants, time with ص/م
    ("الثلاثاء، 12 مارس 2024 - 10:45 ص", T(2024, 3, 12, 10, 45)),
    ("الثلاثاء، 2 أبريل 2024 - 01:20 م", T(2024, 4, 2, 13, 20)),
    ("الأحد، 19 مايو 2024 - 08:05 م", T(2024, 5, 19, 20, 5)),
    ("الأربعاء، 25 سبتمبر 2024", D(2024, 9, 25)),
    ("الاثنين 5 ابريل 2021", D(2021, 4, 5)),
    ("الإثنين 5 إبريل 2021", D(2021, 4, 5)),
    ("3 يونيه 2023", D(2023, 6, 3)),
    ("3 يونية 2023", D(2023, 6, 3)),
    ("20 يوليه 2022", D(2022, 7, 20)),
    ("1 اغسطس 2024", D(2024, 8, 1)),
    ("9 أكتوبر، 2024", D(2024, 10, 9)),
    ("الجمعة 27 ديسمبر 2024 12:05 صباحاً", T(2024, 12, 27, 0, 5)),
    ("الخميس 2 يناير 2025 الساعة 12:30 مساءً", T(2025, 1, 2, 12, 30)),
    ("تاريخ النشر: 15 سبتمبر 2024 | آخر تحديث: 15 سبتمبر 2024 - 16:40", D(2024, 9, 15)),
    ("مـارس 2024 ... 7 مـارس 2024", D(2024, 3, 7)),  # tatweel inside the month name
    ("5يناير2025", D(2025, 1, 5)),
    ("12 مارس 2024م - 10:45 ص", T(2024, 3, 12, 10, 45)),
    # Levantine / Iraqi names, "من" between day and month, combined styles
    ("الأحد 10 تشرين الثاني 2024", D(2024, 11, 10)),
    ("الخميس 7 تشرين الثاني 2024 - 11:32", T(2024, 11, 7, 11, 32)),
    ("6 من كانون الأول 2024", D(2024, 12, 6)),
    ("1 كانون الثاني 2025", D(2025, 1, 1)),
    ("14 شباط 2024", D(2024, 2, 14)),
    ("8 آذار 2024", D(2024, 3, 8)),
    ("8 اذار 2024", D(2024, 3, 8)),
    ("22 نيسان 2024", D(2024, 4, 22)),
    ("3 ايار 2024", D(2024, 5, 3)),
    ("30 حزيران 2024", D(2024, 6, 30)),
    ("الاثنين 19 آب 2024", D(2024, 8, 19)),
    ("19 اب 2024", D(2024, 8, 19)),
    ("11 أيلول 2024", D(2024, 9, 11)),
    ("6 تشرين الأول 2023", D(2023, 10, 6)),
    ("6 تشرين أول 2023", D(2023, 10, 6)),
    ("15 تموز/يوليو 2024", D(2024, 7, 15)),
    ("15 تموز / يوليو 2024", D(2024, 7, 15)),
    ("15 تموز (يوليو) 2024", D(2024, 7, 15)),
    ("2 يناير/كانون الثاني 2025", D(2025, 1, 2)),
    # Algeria / Tunisia
    ("الأحد 09 جوان 2024", D(2024, 6, 9)),
    ("الثلاثاء 02 جويلية 2024 على الساعة 10:15", T(2024, 7, 2, 10, 15)),
    ("5 جانفي 2025", D(2025, 1, 5)),
    ("28 فيفري 2024", D(2024, 2, 28)),
    ("29 فيفري 2024", D(2024, 2, 29)),  # leap year
    ("10 أفريل 2024", D(2024, 4, 10)),
    ("15 أوت 2024", D(2024, 8, 15)),
    ("1 ماي 2024", D(2024, 5, 1)),
    # Morocco
    ("الخميس 18 يوليوز 2024 - 12:30", T(2024, 7, 18, 12, 30)),
    ("20 غشت 2024", D(2024, 8, 20)),
    ("3 شتنبر 2024", D(2024, 9, 3)),
    ("11 نونبر 2024", D(2024, 11, 11)),
    ("25 دجنبر 2024", D(2024, 12, 25)),
    # numeric, day first (Arabic/French convention), ISO year first
    ("نشر في قرطاج إنفو يوم 02 - 07 - 2024", D(2024, 7, 2)),
    ("05 - 01 - 2025", D(2025, 1, 5)),
    ("05/01/2025", D(2025, 1, 5)),  # both <= 12: day first, by design
    ("5.1.2025", D(2025, 1, 5)),
    ("13/01/2025", D(2025, 1, 13)),  # only reading: day 13
    ("01/13/2025", D(2025, 1, 13)),  # only reading: month 1, day 13
    ("Publié le 12/08/2024 à 18h30", T(2024, 8, 12, 18, 30)),
    ("05/01/2025 08:19", T(2025, 1, 5, 8, 19)),
    ("2025-01-05", D(2025, 1, 5)),
    ("2025/01/05 08:19", T(2025, 1, 5, 8, 19)),
    ("تاريخ النشر : 2024-01-15 | 14:20", T(2024, 1, 15, 14, 20)),
    ("2024-03-31T09:15:00+03:00", T(2024, 3, 31, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=3)))),
    ("08:19 - 05/01/2025", T(2025, 1, 5, 8, 19)),  # time written before the date
    # Arabic-Indic and Persian digits
    ("٢٠٢٤/١١/١٢ - ١٠:٤٥ ص", T(2024, 11, 12, 10, 45)),
    ("الأحد ٥ كانون الثاني ٢٠٢٥ الساعة ٨:١٩ مساءً", T(2025, 1, 5, 20, 19)),
    ("۱۵ سبتمبر ۲۰۲۴", D(2024, 9, 15)),
    ("٠٥/٠١/٢٠٢٥", D(2025, 1, 5)),
    # English
    ("January 5, 2025", D(2025, 1, 5)),
    ("5 January 2025", D(2025, 1, 5)),
    ("Jan. 5, 2025", D(2025, 1, 5)),
    ("Published: Jan 5, 2025 8:19 AM", T(2025, 1, 5, 8, 19)),
    ("March 5, 2024 9:41 AM GMT+4 Updated 2 hours ago",
     T(2024, 3, 5, 9, 41, tzinfo=dt.timezone(dt.timedelta(hours=4)))),
    ("Monday, June 17, 2024", D(2024, 6, 17)),
    ("Sept. 3rd, 2024 at 11:05 p.m.", T(2024, 9, 3, 23, 5)),
    ("the 5th of January 2025", D(2025, 1, 5)),
    ("Updated Dec 31, 2024, 12:00 AM", T(2024, 12, 31, 0, 0)),
    # French
    ("5 janvier 2025", D(2025, 1, 5)),
    ("1er février 2025", D(2025, 2, 1)),
    ("1er fevrier 2025", D(2025, 2, 1)),
    ("le 5 janv. 2025 à 08h19", T(2025, 1, 5, 8, 19)),
    ("Publié le mardi 10 septembre 2024 à 11h20 | Mis à jour à 15h02", T(2024, 9, 10, 11, 20)),
    ("Publié le 14 mai 2024, 17 h 42", T(2024, 5, 14, 17, 42)),
    ("15 aout 2024", D(2024, 8, 15)),
    ("15 août 2024 à 15h", T(2024, 8, 15, 15, 0)),
    ("3 decembre 2024", D(2024, 12, 3)),
    ("Mis à jour le 3 déc. 2024", D(2024, 12, 3)),
    # the first valid expression of a line wins; an impossible one before it is skipped, not repaired
    ("5 janvier 2025 — mis à jour le 6 janvier 2025", D(2025, 1, 5)),
    ("31 فبراير 2024 ثم 1 مارس 2024", D(2024, 3, 1)),
    ("21 رمضان 1445 هـ الموافق 31 مارس 2024", D(2024, 3, 31)),  # Hijri is not read, its Gregorian twin is
    # an impossible time keeps the date
    ("5 يناير 2025 - 25:10", D(2025, 1, 5)),
    ("5 January 2025 14:00 AM", D(2025, 1, 5)),
]

NOT_FOUND: list[str] = [
    "6 من كانون الأول",  # no year
    "5 مارس",
    "مارس 2024",
    "January 2025",
    "31 فبراير 2024",  # no such day
    "29 فبراير 2023",  # not a leap year
    "31/04/2024",
    "13/13/2024",
    "2024-02-30",
    "2024-13-01",
    "15 تموز/أغسطس 2024",  # two names for two different months
    "300542",
    "قتل 15 شخصا في 2024",
    "12 تعليقا",
    "Tel: 050-123-4567",
    "+20 100 123 4567",
    "12-34-5678",
    "05/01/25",  # two-digit year
    "5 يناير 1985",  # implausible years
    "5 يناير 2101",
    "1445/09/21 هـ",
    "21 رمضان 1445",
    "12 مارسيليا 2024",  # a word starting with a month name
    "192.168.1.2024",
    "موسم 2023-2024",
    "",
    "لا تاريخ في هذا السطر",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_finds_date(text: str, expected: dt.date) -> None:
    found = find_date(text)
    assert found == expected
    assert type(found) is type(expected)  # a datetime exactly when a time goes with the date
    assert getattr(found, "tzinfo", None) == getattr(expected, "tzinfo", None)  # aware exactly when an offset is stated


@pytest.mark.parametrize("text", NOT_FOUND)
def test_no_full_date(text: str) -> None:
    assert find_date(text) is None


def test_table_covers_enough_cases() -> None:
    assert len(FOUND) + len(NOT_FOUND) >= 40


@pytest.mark.parametrize(("name", "number"), sorted(MONTHS.items()))
def test_every_month_name_reads(name: str, number: int) -> None:
    assert find_date(f"7 {name} 2024") == D(2024, number, 7)


@pytest.mark.parametrize(
    ("table", "names"),
    [
        ("egypt_gulf", "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
        ("algeria_tunisia", "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر"),
        ("morocco", "يناير فبراير مارس أبريل ماي يونيو يوليوز غشت شتنبر أكتوبر نونبر دجنبر"),
        ("french", "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
        ("english", "january february march april may june july august september october november december"),
    ],
)
def test_each_convention_has_twelve_months_in_order(table: str, names: str) -> None:
    assert [find_date(f"1 {name} 2024") for name in names.split()] == [D(2024, m, 1) for m in range(1, 13)], table


def test_levantine_months_in_order() -> None:
    names = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]
    assert [find_date(f"1 {name} 2024") for name in names] == [D(2024, m, 1) for m in range(1, 13)]


def test_months_are_folded_keys() -> None:
    assert MONTHS["ابريل"] == 4 and "أبريل" not in MONTHS and "إبريل" not in MONTHS
    assert MONTHS["كانون الاول"] == 12 and MONTHS["تشرين الثاني"] == 11
    assert MONTHS["fevrier"] == 2 and MONTHS["aout"] == 8 and MONTHS["decembre"] == 12
    assert MONTHS["جويليه"] == 7 and MONTHS["اب"] == 8
    assert set(MONTHS.values()) == set(range(1, 13))
    assert all(key == key.casefold() and "أ" not in key and "ة" not in key for key in MONTHS)


def test_conflicting_tables_are_refused() -> None:
    with pytest.raises(ValueError):
        dates._merge({"ماي": 5}, {"ماي": 6})


def test_normalize_digits() -> None:
    assert normalize_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert normalize_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert normalize_digits("العدد ٣٠٠ و۴۵ and 12") == "العدد 300 و45 and 12"


def test_uses_only_the_standard_library() -> None:
    tree = ast.parse(Path(dates.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "dataclasses", "datetime", "re", "unicodedata"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩ /-.:,،hapmصم يناير تموز/يوليو janvier May", max_size=60))
def test_never_raises_and_only_plausible_years(text: str) -> None:
    found = find_date(text)
    assert found is None or 1990 <= found.year <= 2100


def offset(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-31T09:15:00+0300", T(2024, 3, 31, 9, 15, tzinfo=offset(3))),
    ("2024-03-31T09:15:00.250Z", T(2024, 3, 31, 9, 15, tzinfo=dt.UTC)),
    ("2024-03-31T06:15:00-05:00", T(2024, 3, 31, 6, 15, tzinfo=offset(-5))),
    ("12 مارس 2024 - 10:45 ص (GMT+2)", T(2024, 3, 12, 10, 45, tzinfo=offset(2))),
    ("le 5 mars 2024 à 10h20 GMT", T(2024, 3, 5, 10, 20, tzinfo=dt.UTC)),
    ("5 March 2024 10:20 UTC+05:30", T(2024, 3, 5, 10, 20, tzinfo=offset(5.5))),
    ("تاريخ النشر : 2024-01-15 | 14:20 GMT +3", T(2024, 1, 15, 14, 20, tzinfo=offset(3))),
    # not offsets: a number after a dash and a space (a view count), an offset no zone has
    ("12 مارس 2024 - 10:45 - 1030 مشاهدة", T(2024, 3, 12, 10, 45)),
    ("2024-03-31T09:15:00+1500", T(2024, 3, 31, 9, 15)),
    ("5 March 2024 GMT+2", D(2024, 3, 5)),  # an offset without a time says nothing
])
def test_reads_the_offset_stated_after_a_time(text: str, expected: dt.date) -> None:
    found = find_date(text)
    assert found == expected and type(found) is type(expected)
    assert getattr(found, "tzinfo", None) == getattr(expected, "tzinfo", None)


CAIRO = "Africa/Cairo"


def test_a_time_without_offset_is_read_in_the_site_zone() -> None:
    from zoneinfo import ZoneInfo

    stated = find_date("الثلاثاء، 12 مارس 2024 - 10:45 ص")
    assert publication(stated, ZoneInfo(CAIRO)) == Publication(T(2024, 3, 12, 8, 45, tzinfo=dt.UTC), D(2024, 3, 12),
                                                               True)
    # Egypt's summer time (from 26 April 2024): UTC+3
    summer = publication(find_date("12 يوليو 2024 - 10:45 ص"), ZoneInfo(CAIRO))
    assert summer.at == T(2024, 7, 12, 7, 45, tzinfo=dt.UTC)
    # just after midnight in Beirut is the evening before in UTC: the stated date stays the page's
    late = publication(find_date("الخميس 7 تشرين الثاني 2024 - 00:30"), ZoneInfo("Asia/Beirut"))
    assert (late.at, late.date, late.time_known) == (T(2024, 11, 6, 22, 30, tzinfo=dt.UTC), D(2024, 11, 7), True)


def test_without_a_zone_only_the_date_is_known() -> None:
    from zoneinfo import ZoneInfo

    unknown = publication(find_date("الثلاثاء، 12 مارس 2024 - 10:45 ص"))
    assert unknown == Publication(T(2024, 3, 12, tzinfo=dt.UTC), D(2024, 3, 12), False)
    # a date without a time is not an instant, whatever the zone
    assert publication(D(2024, 9, 25), ZoneInfo(CAIRO)) == Publication(T(2024, 9, 25, tzinfo=dt.UTC),
                                                                       D(2024, 9, 25), False)


def test_the_page_offset_wins_over_the_site_zone() -> None:
    from zoneinfo import ZoneInfo

    stated = find_date("March 5, 2024 9:41 AM GMT+4 Updated 2 hours ago")
    for zone in (None, ZoneInfo(CAIRO)):
        assert publication(stated, zone) == Publication(T(2024, 3, 5, 5, 41, tzinfo=dt.UTC), D(2024, 3, 5), True)


def test_time_zone_settings_name_a_zone_per_site_or_for_the_run() -> None:
    default, sites = parse_time_zones("Asia/Beirut", ["www.Example.com=Africa/Cairo,mahrousa=Africa/Cairo"])
    assert (default, sites) == ("Asia/Beirut", (("example.com", CAIRO), ("mahrousa", CAIRO)))
    assert parse_time_zones(None, {"example.com": CAIRO}) == (None, (("example.com", CAIRO),))
    limits = Limits(time_zone=default, site_time_zones=sites)
    assert [str(limits.zone_for(site)) for site in ("example.com", "news.example.com", "folder:mahrousa",
                                                    "notexample.com")] == [CAIRO, CAIRO, CAIRO, "Asia/Beirut"]
    assert Limits().zone_for("example.com") is None


@pytest.mark.parametrize(("zone", "sites"), [("Mars/Base", None), (None, ["example.com"]),
                                             (None, ["example.com=Cairo"]), (None, {"=Africa/Cairo": ""})])
def test_time_zone_settings_refuse_what_is_not_a_zone(zone: str | None, sites: object) -> None:
    with pytest.raises(ValueError, match="zone"):
        parse_time_zones(zone, sites)  # type: ignore[arg-type]


@pytest.mark.parametrize(("gold", "raw"), [("seeds", "seeds"), ("tests/data/gold", "tests/data/raw")])
def test_the_data_dictionary_meaning_of_published_at_holds(gold: str, raw: str, tmp_path: Path) -> None:
    """What schemas/article.yaml says of published_at, published_date and published_time_known, on the seeds and
    the own test set: the date is the page's, the instant lies within that local day (offsets are -12..+14 h),
    and a row whose time is not known holds the date at 00:00 UTC. score.py's reading (published_at's first
    ten characters) is the gold date on both sets."""
    import json

    import pyarrow.dataset as ds

    from newsclean.evaluate import gold_inputs
    from newsclean.runs import run_local
    from tests.conftest import ROOT, SEED_GOLD

    gold_dir = SEED_GOLD if gold == "seeds" else ROOT / gold
    run_local(gold_inputs(gold_dir, ROOT / raw), tmp_path / "out")
    expected = {json.loads(p.read_text(encoding="utf-8"))["file"]: json.loads(p.read_text(encoding="utf-8"))
                ["expected"]["published"] for p in gold_dir.glob("*.json")}
    rows = ds.dataset(str(tmp_path / "out" / "articles")).to_table(
        columns=["source_file", "published_at", "published_date", "published_time_known"]).to_pylist()
    assert len(rows) >= 5
    known = 0
    for row in rows:
        at, day = row["published_at"], row["published_date"]
        assert (at is None) == (day is None)
        assert (str(day) if day else None) == expected[Path(row["source_file"]).name]
        assert (str(at)[:10] if at else None) == expected[Path(row["source_file"]).name]
        if at is None:
            assert row["published_time_known"] is False
        elif row["published_time_known"]:
            known += 1
            midnight = dt.datetime.combine(day, dt.time(), dt.UTC)
            assert midnight - dt.timedelta(hours=14) <= at < midnight + dt.timedelta(hours=36)
        else:
            assert at == dt.datetime.combine(day, dt.time(), dt.UTC)
    # the own set's pages state offsets (GMT+4 in a dump, ISO timestamps in HTML markup): those are instants
    assert known == (0 if gold == "seeds" else 9)


PARAGRAPHS = [
    "The city council approved the new budget on Tuesday after a debate that lasted more than six hours.",
    "The plan adds forty kilometres of bus lanes and doubles the number of night services by next spring.",
    "Council members said the vote reflected residents' demands for cheaper and faster public transport.",
]


def html_page(meta: str, line: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"""<!DOCTYPE html><html><head><title>Council passes budget</title>{meta}</head><body>
    <article><h1>Council passes budget</h1>{f"<p>{line}</p>" if line else ""}{body}</article></body></html>""").encode()


@pytest.mark.parametrize(("meta", "line", "zone", "expected"), [
    # the markup's ISO timestamp with its offset: the instant, whatever the site's zone
    ('<meta property="article:published_time" content="2024-03-12T10:45:00+02:00">', "", None,
     (T(2024, 3, 12, 8, 45, tzinfo=dt.UTC), D(2024, 3, 12), True)),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-12T23:30:00-05:00"}'
     "</script>", "", CAIRO, (T(2024, 3, 13, 4, 30, tzinfo=dt.UTC), D(2024, 3, 12), True)),
    # the day only in the markup: a time in the site's zone cannot be had, the date can
    ('<meta property="article:published_time" content="2024-03-12">', "", CAIRO,
     (T(2024, 3, 12, tzinfo=dt.UTC), D(2024, 3, 12), False)),
    # a time in the page's lines without an offset, the markup's offset for that day: the page's own zone
    ('<meta property="article:published_time" content="2024-03-12T09:00:00+02:00">',
     "Published 12 March 2024, 10:45", None, (T(2024, 3, 12, 8, 45, tzinfo=dt.UTC), D(2024, 3, 12), True)),
])
def test_an_html_page_states_its_publication_in_its_markup(meta: str, line: str, zone: str | None,
                                                            expected: tuple[dt.datetime, dt.date, bool]) -> None:
    import hashlib

    from newsclean.pipeline import clean_document
    from newsclean.records import Article, RawDoc

    data = html_page(meta, line)
    limits = Limits(time_zone=zone)
    article = clean_document(RawDoc("page.html", data, hashlib.sha256(data).hexdigest()), limits)
    assert isinstance(article, Article)
    assert (article.published_at, article.published_date, article.published_time_known) == expected


def test_the_suite_checks_the_publication_date(tmp_path: Path) -> None:
    import dataclasses

    from newsclean.pipeline import clean_paths
    from newsclean.validate import check_values, validate_articles
    from newsclean.write import articles_table
    from tests.conftest import SEEDS

    good = next(a for a in clean_paths(sorted(str(p) for p in SEEDS.iterdir())).articles if a.published_date)
    early = dataclasses.replace(good, doc_id="early", published_date=D(1985, 1, 1))
    table = articles_table([good, early], "run", dt.datetime.now(dt.UTC), "test")
    outcome = validate_articles(table, [check_values(good), check_values(early)], tmp_path / "validation", None)
    assert outcome.failed_rows == {1: ["expect_column_values_to_be_between(published_date)"]}


def test_cli_refuses_a_time_zone_that_is_not_one_before_running(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsclean.cli import app
    from tests.conftest import SEEDS

    for option in (["--time-zone", "Cairo"], ["--site-time-zone", "example.com=Mars/Base"]):
        result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "out"), *option])
        assert result.exit_code == 2 and "IANA" in result.output
        assert not (tmp_path / "out" / "articles").exists()


@pytest.mark.e2e
def test_the_flow_reads_times_in_the_zones_it_is_given(prefect_harness, tmp_path: Path) -> None:
    """Through the Prefect flow: a Cairo site's "12 مارس 2024 - 10:45 ص" is 08:45 UTC; a page that states its
    offset (GMT+4) is that instant on a site without a zone; a time on a site without one is its date only."""
    import pyarrow.dataset as ds

    from flows.clean_news import clean_news
    from tests.conftest import TEST_DATA

    inputs = tmp_path / "in"
    for folder, name in (("mahrousa", "001_ar-eg-mahrousa-aswan-water.txt"), ("suez", "016_en-suez-reuters.txt"),
                         ("amman", "008_ar-jo-weather.txt")):
        (inputs / folder).mkdir(parents=True)
        (inputs / folder / name).write_bytes((TEST_DATA / "raw" / name).read_bytes())
    manifest = clean_news(inputs=[str(inputs)], out=str(tmp_path / "out"), workers=0,
                          site_time_zones={"mahrousa": CAIRO, "suez": CAIRO})
    assert manifest["articles"] == 3
    assert [list(pair) for pair in manifest["limits"]["site_time_zones"]] == [["mahrousa", CAIRO], ["suez", CAIRO]]
    rows = ds.dataset(str(tmp_path / "out" / "articles")).to_table(
        columns=["source_file", "published_at", "published_date", "published_time_known"]).to_pylist()
    published = {Path(r["source_file"]).parent.name: (r["published_at"], r["published_date"], r["published_time_known"])
                 for r in rows}
    assert published == {
        "mahrousa": (T(2024, 3, 12, 8, 45, tzinfo=dt.UTC), D(2024, 3, 12), True),
        "suez": (T(2024, 3, 5, 5, 41, tzinfo=dt.UTC), D(2024, 3, 5), True),
        "amman": (T(2024, 1, 15, tzinfo=dt.UTC), D(2024, 1, 15), False),
    }
