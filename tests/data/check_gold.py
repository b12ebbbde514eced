#!/usr/bin/env python3
"""Check the gold labels in tests/data/gold against the raw files in tests/data/raw.

    python3 tests/data/check_gold.py [DATA_DIR]

Text dumps: `lines` must be exactly the raw file's non-blank lines (1-based numbers counting
blank lines, text stripped), with valid labels; `body` must equal the body-labelled lines
joined by "\\n"; `title` must be the one line labelled title.
HTML pages: `lines` is []; every body line and the title must be a visible text block of the
page; no chrome_text may equal a body line; every chrome_text must be visible text (or the
<title>).  Both: metadata shape, rejection consistency, one gold per raw file and back.
Stdlib only.  Exit status 1 when anything fails.
"""
import json
import pathlib
import re
import sys
from html.parser import HTMLParser

CATEGORIES = {"comments", "cookie", "donation", "social_promo", "related", "navigation", "share_widget",
              "form_message", "caption", "tag", "ticker", "disclaimer", "newsletter", "ad", "counter",
              "repeated_title", "artifact", "footer", "template"}
KEYS = {"file", "title", "body", "expected", "lines"}
OPTIONAL = {"expect_rejected", "chrome_texts"}
# characters str.splitlines() breaks on besides \n and \r: they would make line numbers ambiguous
ODD_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def decode(data):
    """returns (text, encoding): BOM -> utf-8-sig, else strict utf-8, else windows-1256."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1256"), "cp1256"


def label_ok(label):
    if label in ("title", "body"):
        return True
    kind, _, rest = label.partition(":")
    if kind == "meta":
        return bool(re.fullmatch(r"[a-z_]+", rest))
    return kind == "chrome" and rest in CATEGORIES


class VisibleBlocks(HTMLParser):
    BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "br", "button", "dd", "details", "dialog",
             "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
             "h5", "h6", "header", "hr", "html", "label", "legend", "li", "main", "nav", "ol", "option", "p",
             "pre", "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th",
             "thead", "tr", "ul"})
    HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.h1, self.metas = [], [], {}
        self.buf, self.hidden, self.stack, self.title = [], 0, [], ""

    def _flush(self):
        text = " ".join("".join(self.buf).split())
        if text:
            self.blocks.append((text, "h1" in self.stack))
            if "h1" in self.stack:
                self.h1.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            a = dict(attrs)
            k = a.get("property") or a.get("name")
            if k:
                self.metas.setdefault(k, []).append(a.get("content") or "")
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCK:
            self._flush()
        if tag not in ("meta", "link", "img", "input", "br", "hr", "source"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCK:
            self._flush()
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        if not self.hidden:
            self.buf.append(data)


def check_expected(exp, errs):
    if not isinstance(exp, dict) or set(exp) != {"source_name", "published", "author"}:
        errs.append(f"expected must have exactly source_name/published/author, got {exp!r}")
        return
    for k, v in exp.items():
        vals = v if isinstance(v, list) else [v]
        if isinstance(v, list) and len(v) < 2:
            errs.append(f"expected.{k}: a list must hold more than one answer")
        for x in vals:
            if x is None and not isinstance(v, list):
                continue
            if not isinstance(x, str) or not x.strip():
                errs.append(f"expected.{k}: bad value {x!r}")
            elif k == "published" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", x):
                errs.append(f"expected.published not ISO YYYY-MM-DD: {x!r}")


def check_text(gold, data, errs, warns):
    text, enc = decode(data)
    if ODD_BREAKS.search(text):
        errs.append("raw text contains line-break characters other than \\n/\\r (ambiguous numbering)")
    want = [(i, ln.strip()) for i, ln in enumerate(text.split("\n"), 1) if ln.strip()]
    got = [(l.get("line"), l.get("text")) for l in gold["lines"]]
    if want != got:
        for a, b in zip(want, got, strict=False):
            if a != b:
                errs.append(f"lines differ first at raw {a!r} vs gold {b!r}")
                break
        else:
            errs.append(f"lines: raw has {len(want)} non-blank lines, gold lists {len(got)}")
    for l in gold["lines"]:
        if set(l) != {"line", "label", "text"}:
            errs.append(f"line {l.get('line')}: keys must be line/label/text")
        if not label_ok(l.get("label", "")):
            errs.append(f"line {l.get('line')}: invalid label {l.get('label')!r}")
    body_lines = [l["text"] for l in gold["lines"] if l["label"] == "body"]
    if gold["body"] != "\n".join(body_lines):
        errs.append("body != body-labelled lines joined by \\n")
    titles = [l["text"] for l in gold["lines"] if l["label"] == "title"]
    if gold.get("expect_rejected"):
        if titles or body_lines or gold["body"]:
            errs.append("rejected document must have no title/body lines and an empty body")
    else:
        if len(titles) != 1:
            errs.append(f"need exactly one title line, got {len(titles)}")
        elif titles[0] != gold["title"]:
            errs.append(f"title {gold['title']!r} != title line {titles[0]!r}")
        if gold["title"] not in {t for _, t in want}:
            errs.append("title does not appear as a line of the raw file")
    chrome = {l["text"] for l in gold["lines"] if l["label"].startswith("chrome")}
    for b in set(body_lines) & chrome:
        errs.append(f"text labelled both body and chrome: {b[:60]!r}")
    return text, enc


def check_html(gold, data, errs, warns):
    text = data.decode("utf-8")
    if gold["lines"] != []:
        errs.append("HTML gold must have lines == []")
    p = VisibleBlocks()
    p.feed(text)
    p.close()
    p._flush()
    blocks = [b for b, _ in p.blocks]
    if gold.get("expect_rejected"):
        if gold["body"]:
            errs.append("rejected document must have an empty body")
        return text, "utf-8"
    if gold["title"] not in p.h1:
        errs.append(f"title is not the text of an <h1>: {gold['title']!r} vs {p.h1!r}")
    pos = 0
    for line in gold["body"].split("\n"):
        if line not in blocks:
            errs.append(f"body line is not a visible text block of the page: {line[:70]!r}")
            continue
        try:
            pos = blocks.index(line, pos) + 1
        except ValueError:
            errs.append(f"body line out of document order: {line[:70]!r}")
    ct = gold.get("chrome_texts")
    if not isinstance(ct, list) or not ct:
        errs.append("HTML gold needs a non-empty chrome_texts list")
        ct = []
    body_set = set(gold["body"].split("\n"))
    page_title = " ".join(p.title.split())
    for c in ct:
        if c in body_set:
            errs.append(f"chrome_text equals a body line: {c[:70]!r}")
        if c not in blocks and c != page_title:
            errs.append(f"chrome_text is not visible text of the page: {c[:70]!r}")
    # every visible block outside the article body must be classified somewhere (warn only)
    known = body_set | set(ct) | {gold["title"]}
    unknown = [b for b in blocks if b not in known]
    if unknown:
        warns.append(f"{len(unknown)} visible blocks are neither title, body nor chrome (meta?): "
                     + "; ".join(repr(u[:40]) for u in unknown[:6]))
    exp = gold["expected"]
    pub = exp.get("published")
    if pub:
        stamps = [v for k, vs in p.metas.items() if "time" in k or "date" in k for v in vs]
        stamps += re.findall(r'"datePublished":\s*"([^"]+)"', text)
        if not any(s.startswith(x) for s in stamps for x in (pub if isinstance(pub, list) else [pub])):
            warns.append(f"published {pub!r} not found in meta/JSON-LD dates {stamps!r}")
    return text, "utf-8"


def main():
    base = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent
    raw_dir, gold_dir = base / "raw", base / "gold"
    raws = {p.name: p for p in raw_dir.iterdir() if p.is_file()}
    golds = sorted(gold_dir.glob("*.json"))
    failed, seen = 0, set()
    stats = {"txt": 0, "html": 0, "rejected": 0}
    for g in golds:
        errs, warns = [], []
        try:
            gold = json.loads(g.read_text(encoding="utf-8"))
        except Exception as e:
            print(f"FAIL {g.name}: not JSON ({e})")
            failed += 1
            continue
        missing = KEYS - set(gold)
        extra = set(gold) - KEYS - OPTIONAL
        if missing or extra:
            errs.append(f"keys: missing {sorted(missing)} unexpected {sorted(extra)}")
            print(f"FAIL {g.name}: " + "; ".join(errs))
            failed += 1
            continue
        name = gold["file"]
        seen.add(name)
        if pathlib.Path(name).stem != g.stem:
            errs.append(f"file {name!r} does not match gold name {g.name!r}")
        if name not in raws:
            print(f"FAIL {g.name}: raw file {name!r} not found")
            failed += 1
            continue
        if not isinstance(gold["title"], str) or not isinstance(gold["body"], str):
            errs.append("title and body must be strings")
        check_expected(gold["expected"], errs)
        if gold.get("expect_rejected") is not None and not (isinstance(gold["expect_rejected"], str) and gold["expect_rejected"]):
            errs.append("expect_rejected must be a non-empty reason string")
        if not gold.get("expect_rejected"):
            if not gold["title"].strip() or gold["title"] != gold["title"].strip():
                errs.append("title must be non-empty and stripped")
            n = len([x for x in gold["body"].split("\n") if x])
            if n < 4:
                errs.append(f"body has only {n} lines")
            if any(x != x.strip() or not x for x in gold["body"].split("\n")):
                errs.append("body lines must be non-empty and stripped")
        data = raws[name].read_bytes()
        if name.endswith((".html", ".htm")):
            text, enc = check_html(gold, data, errs, warns)
            stats["html"] += 1
        else:
            text, enc = check_text(gold, data, errs, warns)
            stats["txt"] += 1
        stats["rejected"] += bool(gold.get("expect_rejected"))
        # metadata must be stated somewhere in the raw page
        flat = text.translate(ARABIC_DIGITS)
        for k in ("source_name", "author"):
            v = gold["expected"][k]
            for x in (v if isinstance(v, list) else [v]):
                if x and x not in text:
                    errs.append(f"expected.{k} {x!r} does not occur in the raw file")
        pub = gold["expected"]["published"]
        for x in (pub if isinstance(pub, list) else [pub]):
            if x and x[:4] not in flat:
                errs.append(f"expected.published year {x[:4]} does not occur in the raw file")
        status = "FAIL" if errs else "ok  "
        failed += bool(errs)
        n_lines = len(gold["lines"]) if gold["lines"] else len(gold.get("chrome_texts", []))
        print(f"{status} {name} [{enc}] {'REJECT ' if gold.get('expect_rejected') else ''}"
              f"body_lines={len(gold['body'].splitlines())} {'lines' if gold['lines'] else 'chrome_texts'}={n_lines}")
        for e in errs:
            print(f"     error: {e}")
        for w in warns:
            print(f"     note:  {w}")
    for name in sorted(set(raws) - seen):
        print(f"FAIL {name}: raw file without gold")
        failed += 1
    print(f"{len(golds)} gold files ({stats['txt']} text, {stats['html']} html, {stats['rejected']} rejected); "
          f"{failed} failing")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
