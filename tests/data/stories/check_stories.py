#!/usr/bin/env python3
"""Check tests/data/stories: raw files vs labels.json vs README.md counts.

    python3 tests/data/stories/check_stories.py

* every raw file has exactly one label and every label a raw file; field values are valid;
  every story id used is described and every described story is used;
* the seeds 000-004 are byte-identical to /work/main/seeds/ with the required story labels;
* copy_of points to an existing original of the same story, published no later, that is not
  itself a copy;
* copies really share their body with the original: for every pair inside a copy group,
  shared paragraphs / max(paragraphs of either) >= 0.9 for exact copies and >= 0.6 when a
  near copy is involved (a paragraph: a line of >= 12 words ending like a sentence, whitespace
  collapsed), and the overlap coefficient of word 5-gram shingles (whole file, chrome
  included) is >= 0.7 / >= 0.5;
* rewrites (same story, not copies) share no paragraph and < 0.25 of their shingles;
  pairs from different stories share < 0.25 of their shingles;
* each story spans at most 3 days; each new article has a date line (its year near the top);
* composition: >= 30 articles, >= 6 stories told by 3-5 outlets in their own words, >= 3 exact
  and >= 2 near copies, >= 8 singletons, >= 1 hard-negative pair >= 60 days apart;
* the counts in README.md's tables (totals, per-story sizes) equal the counts computed here.
Stdlib only.  Exit status 1 when anything fails.
"""
import datetime
import itertools
import json
import pathlib
import re
import sys
from collections import Counter, defaultdict

HERE = pathlib.Path(__file__).resolve().parent
RAW = HERE / "raw"
SEEDS = HERE.parents[2] / "seeds"
LANGS = {"ar", "en", "fr"}
KEYS = {"file", "story", "copy_of", "published", "language", "note"}
MIN_WORDS = 12
ENDS = set('.!?»”"…')
EXACT_MIN, NEAR_MIN, REWRITE_MAX, OTHER_MAX = 0.9, 0.6, 0.25, 0.25
SHINGLE_EXACT, SHINGLE_NEAR = 0.7, 0.5

errors = []


def fail(msg):
    errors.append(msg)


def paragraphs(text):
    """Paragraph-like lines: >= 12 words, ending like a sentence (chrome, titles, date lines rarely do)."""
    out = set()
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line.split()) >= MIN_WORDS and line[-1] in ENDS:
            out.add(line)
    return out


def share(a, b):
    """Shared paragraphs over the larger paragraph count: both sides must be mostly shared."""
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def shingles(text, n=5):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def overlap(a, b):
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def day(s):
    return datetime.date.fromisoformat(s)


def main():
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
    arts = labels["articles"]
    stories = labels["stories"]
    by_file = {}
    for a in arts:
        if set(a) != KEYS:
            fail(f"{a.get('file')}: keys {sorted(a)}")
        if a["file"] in by_file:
            fail(f"{a['file']}: labelled twice")
        by_file[a["file"]] = a
    files = {p.name for p in RAW.glob("*")}
    for f in sorted(files - set(by_file)):
        fail(f"{f}: raw file without a label")
    for f in sorted(set(by_file) - files):
        fail(f"{f}: label without a raw file")

    used = {a["story"] for a in arts}
    for s in sorted(used - set(stories)):
        fail(f"story {s}: used but not described")
    for s in sorted(set(stories) - used):
        fail(f"story {s}: described but not used")
    for a in arts:
        if a["language"] not in LANGS:
            fail(f"{a['file']}: language {a['language']}")
        try:
            day(a["published"])
        except ValueError:
            fail(f"{a['file']}: published {a['published']!r}")
        if not a["note"]:
            fail(f"{a['file']}: empty note")

    # seeds
    seed_story = {}
    for p in sorted(SEEDS.glob("*.txt")):
        prefix = p.name[:3]
        if p.name not in by_file:
            fail(f"seed {p.name}: missing from the set")
            continue
        if (RAW / p.name).read_bytes() != p.read_bytes():
            fail(f"seed {p.name}: raw copy differs from seeds/")
        seed_story[prefix] = by_file[p.name]["story"]
    if seed_story:
        if not (seed_story["000"] == seed_story["001"] == seed_story["002"] == "assad-last-days"):
            fail(f"seeds 000-002 must share story assad-last-days: {seed_story}")
        if len({seed_story["000"], seed_story["003"], seed_story["004"]}) != 3:
            fail(f"seeds 003 and 004 must each be another story: {seed_story}")

    text = {f: (RAW / f).read_text(encoding="utf-8") for f in by_file if f in files}
    paras = {f: paragraphs(t) for f, t in text.items()}
    shing = {f: shingles(t) for f, t in text.items()}

    # copies
    group = {}
    for a in arts:
        c = a["copy_of"]
        if c is None:
            continue
        o = by_file.get(c)
        if o is None:
            fail(f"{a['file']}: copy_of {c} not in the set")
            continue
        if o["copy_of"] is not None:
            fail(f"{a['file']}: copy_of {c} is itself a copy (point to the earliest)")
        if o["story"] != a["story"]:
            fail(f"{a['file']}: copy of {c} but another story")
        if o["published"] > a["published"]:
            fail(f"{a['file']}: published before its original {c}")
        if not re.match(r"(exact|near) (syndicated )?copy", a["note"]):
            fail(f"{a['file']}: note must start with 'exact ...copy' or 'near copy'")
        group.setdefault(c, {c}).add(a["file"])
    kind = {a["file"]: ("exact" if a["note"].startswith("exact") else "near") for a in arts if a["copy_of"]}
    dup_pairs = set()
    print("copy pairs (shared paragraphs / 5-gram overlap):")
    for _orig, members in sorted(group.items()):
        for x, y in itertools.combinations(sorted(members), 2):
            dup_pairs.add((x, y))
            po, so = share(paras[x], paras[y]), overlap(shing[x], shing[y])
            strict = all(kind.get(f, "exact") == "exact" for f in (x, y))
            need, need_s = (EXACT_MIN, SHINGLE_EXACT) if strict else (NEAR_MIN, SHINGLE_NEAR)
            tag = "exact" if strict else "near "
            n = len(paras[x] & paras[y])
            print(f"  {tag} {x[:3]}-{y[:3]}  paragraphs {n}/{len(paras[x])},{len(paras[y])} = {po:.2f}  shingles {so:.2f}")
            if po < need or so < need_s:
                fail(f"copy pair {x} {y}: shared paragraphs {po:.2f} (< {need}?) shingles {so:.2f} (< {need_s}?)")

    # rewrites and different stories
    story_pairs = set()
    worst_rewrite, worst_other = (0.0, ("", "")), (0.0, ("", ""))
    for x, y in itertools.combinations(sorted(by_file), 2):
        if x not in files or y not in files:
            continue
        so = overlap(shing[x], shing[y])
        if by_file[x]["story"] == by_file[y]["story"]:
            story_pairs.add((x, y))
            if (x, y) in dup_pairs:
                continue
            shared = paras[x] & paras[y]
            if shared:
                fail(f"rewrites {x} {y} share {len(shared)} paragraph(s): {sorted(shared)[0][:60]}")
            if so >= REWRITE_MAX:
                fail(f"rewrites {x} {y}: shingle overlap {so:.2f}")
            worst_rewrite = max(worst_rewrite, (so, (x[:3], y[:3])))
        else:
            if so >= OTHER_MAX:
                fail(f"different stories {x} {y}: shingle overlap {so:.2f}")
            worst_other = max(worst_other, (so, (x[:3], y[:3])))
    print(f"max 5-gram overlap: rewrites {worst_rewrite[0]:.2f} {worst_rewrite[1]}, "
          f"different stories {worst_other[0]:.2f} {worst_other[1]}")

    # dates
    members = defaultdict(list)
    for a in arts:
        members[a["story"]].append(a)
    for s, ms in members.items():
        ds = [day(a["published"]) for a in ms]
        if (max(ds) - min(ds)).days > 3:
            fail(f"story {s}: spans {(max(ds) - min(ds)).days} days")
    for a in arts:
        if a["file"][:3] in seed_story or a["file"] not in files:
            continue
        head = "\n".join(text[a["file"]].splitlines()[:8])
        if a["published"][:4] not in head:
            fail(f"{a['file']}: no date line with {a['published'][:4]} in the first 8 lines")

    # hard negatives
    far = 0
    for h in labels.get("hard_negatives", []):
        x, y = by_file.get(h["a"]), by_file.get(h["b"])
        if x is None or y is None:
            fail(f"hard negative {h}: unknown file")
            continue
        if x["story"] == y["story"]:
            fail(f"hard negative {h['a']} {h['b']}: same story")
        gap = abs((day(x["published"]) - day(y["published"])).days)
        if h["kind"] == "months-apart":
            if gap < 60:
                fail(f"hard negative {h['a']} {h['b']}: months-apart but {gap} days")
            far += 1

    # composition and counts
    originals = Counter(a["story"] for a in arts if a["copy_of"] is None)
    sizes = Counter(a["story"] for a in arts)
    counts = {
        "articles": len(arts),
        "stories": len(stories),
        "stories with 2+ articles": sum(1 for n in sizes.values() if n >= 2),
        "stories told by 3-5 outlets": sum(1 for n in originals.values() if 3 <= n <= 5),
        "singletons": sum(1 for n in sizes.values() if n == 1),
        "exact copies": sum(1 for k in kind.values() if k == "exact"),
        "near copies": sum(1 for k in kind.values() if k == "near"),
        "positive story pairs": len(story_pairs),
        "positive near-duplicate pairs": len(dup_pairs),
        "rewrite pairs (same story, not near-duplicates)": len(story_pairs - dup_pairs),
        "negative pairs (story)": len(arts) * (len(arts) - 1) // 2 - len(story_pairs),
        "hard-negative pairs listed": len(labels.get("hard_negatives", [])),
        "hard negatives 60+ days apart": far,
    }
    for lang, n in sorted(Counter(a["language"] for a in arts).items()):
        counts[f"language {lang}"] = n
    for key, n in counts.items():
        print(f"  {key}: {n}")
    need = {"articles": 30, "stories told by 3-5 outlets": 6, "exact copies": 3, "near copies": 2,
            "singletons": 8, "hard negatives 60+ days apart": 1}
    for key, n in need.items():
        if counts[key] < n:
            fail(f"composition: {key} = {counts[key]} < {n}")

    readme = (HERE / "README.md").read_text(encoding="utf-8")
    stated = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(r"^\|\s*([^|]+?)\s*\|\s*(\d+)\s*\|", readme, re.M)}
    for key, n in counts.items():
        if key not in stated:
            fail(f"README: no count for {key!r}")
        elif stated[key] != n:
            fail(f"README: {key} stated {stated[key]}, actual {n}")
    for key in sorted(set(stated) - set(counts)):
        if key in sizes:   # a row of the per-story table: its article count
            if stated[key] != sizes[key]:
                fail(f"README: story {key} stated {stated[key]} articles, actual {sizes[key]}")
        else:
            fail(f"README: unknown count {key!r}")

    for e in errors:
        print("FAIL", e)
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
