"""Synthetic news corpus for load tests, deterministic from a seed and written one file at a time.

    python benchmarks/make_corpus.py OUT_DIR [-n 10000] [--seed 0] [--html-share 0.3] [--bad-share 0.03]
                                     [--topical [--copy-share 0.03]]

Bodies are recombined from the paragraphs the gold files mark as body (seeds and the project's test corpus);
documents belong to ~50 sites, each with a fixed chrome template, so the per-site memory has something to
learn. Kinds: text dumps (2-8 KB; English and French ones 1.5-3.5 KB, their paragraph pool is small), HTML
pages (30-150 KiB of markup), and a few percent bad files: empty, binary, cp1256-encoded Arabic dumps and
UTF-8-read-as-cp1252 mojibake (the last two are good articles that must be decoded or repaired).
OUT_DIR/corpus.json records the parameters, a fingerprint of the source material, the counts per kind and what
the pipeline should make of each. Run newsclean on the site folders (OUT_DIR/site-*): corpus.json is no document.

`--topical` is the corpus a news week really is (issue 18): one event told thousands of times. Arabic bodies are
drawn from the seeds' paragraphs only (one event: Assad's last days, Russia, the fall), English and French ones
from their small pools; text dumps carry no date line, HTML pages are dated within one week; `--copy-share` of
the documents are syndicated copies of an earlier document's body under their own site's chrome.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import hashlib
import html
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (raw folder, gold folder): the gold says which raw lines are body and which are chrome.
SOURCES = ((ROOT / "seeds", ROOT.parent / "shared" / "gold" / "seeds"),
           (ROOT / "tests" / "data" / "raw", ROOT / "tests" / "data" / "gold"))

KINDS = ("text", "html", "empty", "binary", "cp1256", "mojibake")
BAD_KINDS = ("empty", "binary", "cp1256", "mojibake")
EXPECTED = {"text": "article", "html": "article", "empty": "empty", "binary": "not_text",
            "cp1256": "article", "mojibake": "article"}
DESCRIPTION = {
    "text": "UTF-8 text dump, site chrome at head and tail and 1-2 lines inside the body",
    "html": "full HTML page, 30-150 KiB: head meta, menus, sidebars, scripts, styles, footer; article in <article>",
    "empty": "no visible bytes: one 0-byte file, the others whitespace only (unique per file)",
    "binary": "random bytes with NULs, some behind an image/archive magic number",
    "cp1256": "Arabic text dump encoded windows-1256 (on non-Arabic sites: mojibake instead)",
    "mojibake": "text dump whose UTF-8 was read as cp1252 and saved again as UTF-8",
}
N_SITES = 50
SLOTS = 1000  # the site schedule repeats every SLOTS documents
FILES_PER_FOLDER = 1000
HTML_MIN, HTML_MAX = 30 * 1024, 150 * 1024
TEXT_MIN, TEXT_MAX = 2 * 1024, 8 * 1024
MAX_MEMORY_WORDS = 30  # the site memory only learns lines this short: body units are longer, so never learned
LANG_SITES = {"ar": 36, "en": 7, "fr": 7}
TOPICAL_STORIES = 5  # --topical: the Arabic pool's first stories, the seeds (SOURCES lists them first)
TOPICAL_WEEK = dt.datetime(2024, 12, 5, 6)  # --topical: HTML pages are dated in the 7 days from here
COPY_LOOKBACK = 200  # --topical: a copy's original is among the documents this far back

# --- language data: months, names, and chrome variants of our own next to the gold's ----------------------

MONTHS = {
    "eg": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"],
    "ma": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر",
           "ديسمبر"],
    "lv": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
           "تشرين الثاني", "كانون الأول"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
}
WEEKDAYS = {
    "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
}
SITE_NAMES = {
    "ar": [("الأفق", "alofoq"), ("النهار الجديد", "nahar-jadid"), ("المدار", "almadar"),
           ("صدى الخليج", "sadagulf"), ("الشروق اليوم", "shorouk-today"), ("الرافدين", "rafidain"),
           ("ضفاف النيل", "difaf-nile"), ("الأطلس", "atlas-news"), ("المرصد", "almarsad"),
           ("الساحل", "sahel-press"), ("البلد", "albalad24"), ("الواحة", "alwaha"), ("المنارة", "almanara"),
           ("الجسر", "aljisr"), ("الراية الجديدة", "raya-new"), ("قرطاج", "carthage-info"),
           ("بوابة الشمال", "north-gate"), ("الفجر", "alfajr-daily"), ("المشهد", "almashhad"),
           ("الحدث اليوم", "hadath-today"), ("سبأ", "saba-press"), ("الضاد", "aldad"),
           ("الغد العربي", "ghad-arabi"), ("الميناء", "almina"), ("الزيتونة", "zaytouna"), ("البوصلة", "bousla"),
           ("المحور", "almehwar"), ("الديار", "aldiyar"), ("الأنباء", "alanbaa"), ("النخيل", "nakheel-news"),
           ("الصباح الجديد", "sabah-jadid"), ("الوادي", "alwadi"), ("المسار", "almasar"),
           ("الوطن 24", "watan24"), ("الجزيرة الخضراء", "green-island"), ("الفرات", "furat-post"),
           ("السلام", "assalam"), ("الشرق الأوسط اليوم", "me-today")],
    "en": [("Harbor Post", "harborpost"), ("Gulf Ledger Daily", "gulfledger"), ("Desert Times", "deserttimes"),
           ("Nile Courier", "nilecourier"), ("Coastline Herald", "coastlineherald"),
           ("The Levant Wire", "levantwire"), ("Maghreb Monitor", "maghrebmonitor"),
           ("Red Sea Review", "redseareview")],
    "fr": [("L'Écho du Sahel", "echodusahel"), ("Le Courrier du Levant", "courrierlevant"),
           ("Maghreb Matin", "maghrebmatin"), ("La Voix de l'Atlas", "voixatlas"), ("Le Phare", "lephare-info"),
           ("Méditerranée Soir", "medsoir"), ("Le Quotidien du Nil", "quotidiennil"),
           ("Carthage Hebdo", "carthagehebdo")],
}
SITE_PREFIX = {
    "ar": ["بوابة", "صحيفة", "جريدة", "موقع", "شبكة", "وكالة"],
    "en": [""],
    "fr": [""],
}
FIRST = {
    "ar": ["أحمد", "محمد", "منى", "سارة", "خالد", "يوسف", "ليلى", "عمر", "هدى", "كريم", "ريم", "سامي", "نادية",
           "طارق"],
    "en": ["Nadia", "Omar", "Sarah", "James", "Priya", "Rahul", "Emma", "Daniel", "Layla", "Tom", "Hannah",
           "Karim"],
    "fr": ["Youssef", "Claire", "Mehdi", "Sophie", "Karim", "Julie", "Nabil", "Camille", "Amine", "Léa", "Hugo",
           "Salma"],
}
LAST = {
    "ar": ["عبد الرحيم", "السيد", "الشافعي", "المصري", "الحسن", "العلي", "يوسف", "النجار", "الخطيب", "الزين",
           "بن علي", "حداد"],
    "en": ["Khalil", "Menon", "Vega", "Fahmy", "Reyes", "Carter", "Haddad", "Brooks", "Nasser", "Ellis",
           "Morgan", "Patel"],
    "fr": ["Alaoui", "Martin", "Benali", "Durand", "Haddad", "Moreau", "Chraibi", "Lefèvre", "Mansour", "Girard",
           "Ziani", "Roux"],
}
SECTIONS = {
    "ar": ["محليات", "اقتصاد", "رياضة", "ثقافة", "دوليات", "الرأي", "منوعات", "تكنولوجيا", "صحة", "حوادث",
           "فيديو"],
    "en": ["World", "Business", "Sport", "Culture", "Opinion", "Technology", "Health", "Lifestyle", "Video",
           "Local"],
    "fr": ["Actualités", "Économie", "Sport", "Culture", "Monde", "Opinions", "Société", "Santé", "Vidéo",
           "Régions"],
}
PLACES = {
    "ar": ["القاهرة", "الرياض", "دبي", "بيروت", "عمّان", "الرباط", "الجزائر", "تونس", "بغداد", "صنعاء",
           "الخرطوم", "دمشق", "الدوحة"],
    "en": ["Cairo", "Riyadh", "Dubai", "Beirut", "Amman", "Rabat", "Algiers", "Tunis", "Baghdad", "Khartoum",
           "Doha", "Muscat"],
    "fr": ["Casablanca", "Tunis", "Alger", "Beyrouth", "Genève", "Marseille", "Dakar", "Rabat", "Oran", "Sfax",
           "Lyon", "Nice"],
}
ORGS = {"ar": ["وزارة التخطيط", "الجهاز المركزي للإحصاء", "هيئة الرقابة", "مديرية الصحة", "غرفة التجارة",
               "البلدية", "المرصد الوطني", "اتحاد الصناعات"],
        "en": ["the statistics office", "the ministry", "the municipality", "the chamber of commerce",
               "the health directorate", "the regulator"],
        "fr": ["l'office des statistiques", "le ministère", "la municipalité", "la chambre de commerce",
               "la direction de la santé", "l'autorité de régulation"]}
# One sentence per document carries its number, and so does its title (the site memory would learn a title that
# three stories of a site share): no two documents are alike.
UNIQUE = {
    "ar": [("وأفاد مصدر في {org} بأن عدد الطلبات المسجلة في {place} بلغ {n} طلبا حتى نهاية الأسبوع الماضي.",
            "{t}.. و{n} طلبا مسجلا في {place}"),
           ("وبحسب بيانات {org}، استفاد {n} مواطنا من الخدمة في {place} منذ بداية العام الجاري.",
            "{t}.. و{n} مستفيدا في {place}"),
           ("وأشار تقرير صادر عن {org} إلى تسجيل {n} حالة في {place} خلال الفترة نفسها.",
            "{t}.. و{n} حالة في {place}")],
    "en": [("Figures from {org} put the number of registered applications in {place} at {n} by the end of last week.",
            "{t}; {n} applications in {place}"),
           ("According to {org}, {n} residents of {place} have used the service since the start of the year.",
            "{t}; {n} residents served in {place}"),
           ("A report by {org} recorded {n} cases in {place} over the same period.", "{t}; {n} cases in {place}")],
    "fr": [("Selon {org}, {n} demandes ont été enregistrées à {place} depuis le début de l'année.",
            "{t} : {n} demandes à {place}"),
           ("D'après les chiffres de {org}, {n} habitants de {place} ont bénéficié du dispositif.",
            "{t} : {n} bénéficiaires à {place}"),
           ("Un rapport de {org} fait état de {n} cas recensés à {place} sur la même période.",
            "{t} : {n} cas à {place}")],
}
OWN_CHROME: dict[str, dict[str, list[str]]] = {
    "ar": {
        "ticker": ["عاجل | الأرصاد تحذر من موجة حارة تضرب أغلب المناطق",
                   "عاجل | ارتفاع أسعار الذهب في التعاملات المسائية",
                   "عاجل | إغلاق مؤقت لطريق الساحل بسبب أعمال الصيانة"],
        "navigation": ["الرئيسية   أخبار محلية   اقتصاد   رياضة   ثقافة   منوعات   فيديو", "القائمة",
                       "زر الذهاب إلى الأعلى", "الرئيسية | سياسة | اقتصاد | رياضة | فن | تكنولوجيا"],
        "share_widget": ["شارك الخبر:  فيسبوك  |  إكس  |  واتساب  |  تيليجرام  |  نسخ الرابط",
                         "مشاركة  فيسبوك  تويتر  واتساب  طباعة", "طباعة  |  تكبير الخط  |  تصغير الخط"],
        "social_promo": ["تابعوا {site} على تيليجرام", "انضم إلى قناة {site} على واتساب لتصلك الأخبار العاجلة",
                         "تابعوا آخر أخبار {site} عبر أخبار جوجل"],
        "newsletter": ["اشترك في النشرة البريدية لـ{site}", "اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميًا"],
        "cookie": ["نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. "
                   "بمواصلة التصفح فإنك توافق على سياسة الخصوصية.",
                   "يستخدم هذا الموقع ملفات الكوكيز لضمان حصولك على أفضل تجربة. موافق"],
        "comments": ["اترك تعليقاً", "لا توجد تعليقات بعد، كن أول من يعلق", "أضف تعليقك"],
        "footer": ["جميع الحقوق محفوظة © {year} {site}", "© {year} {site} - جميع الحقوق محفوظة"],
        "related": ["أخبار ذات صلة", "اقرأ أيضاً", "مواضيع قد تهمك", "الأكثر قراءة"],
        "read_also": ["اقرأ أيضاً: {h}", "اقرأ أيضا: {h}", "طالع أيضا: {h}"],
        "ad": ["إعلان", "- إعلان -", "مساحة إعلانية"],
        "tag": ["الوسوم: {tags}", "كلمات مفتاحية: {tags}"],
        "caption": ["صورة أرشيفية", "تصوير: {author}", "(أرشيفية)"],
        "donation": ["ادعم الصحافة المستقلة: تبرع الآن"],
    },
    "en": {
        "ticker": ["Breaking: Heatwave warning issued for most regions",
                   "Live: Markets open higher as oil prices ease"],
        "navigation": ["Skip to main content", "World   Business   Sport   Culture   Opinion   Video", "Menu",
                       "Back to top ↑", "Home > News > Region"],
        "share_widget": ["Share: Facebook · X · LinkedIn · Email", "Share this article", "Print this article"],
        "social_promo": ["Follow {site} on WhatsApp for the latest news", "Join {site} on Telegram",
                         "Get the latest news: follow us on Google News"],
        "newsletter": ["Sign up for the {site} morning newsletter", "Subscribe to our free newsletter",
                       "Enter your email"],
        "cookie": ["We use cookies to personalise content and ads and to analyse our traffic. Manage preferences",
                   "This website uses cookies to ensure you get the best experience. Got it"],
        "comments": ["Leave a comment", "Comments are moderated and may take up to 24 hours to appear.",
                     "Comments are closed."],
        "footer": ["© {year} {site}. All rights reserved.", "Copyright © {year} {site}"],
        "related": ["Related", "Most read", "Read more", "More from {site}"],
        "read_also": ["Read more: {h}", "Also read: {h}", "Related: {h}"],
        "ad": ["Advertisement", "Story continues below advertisement", "Advertisement · Scroll to continue"],
        "tag": ["Tags: {tags}", "Topics: {tags}"],
        "caption": ["File photo", "Photo: {author}", "(File photo: AFP)"],
        "donation": ["Support independent journalism. Become a member today."],
    },
    "fr": {
        "ticker": ["Flash info : alerte canicule dans plusieurs régions", "En direct : la Bourse ouvre en hausse"],
        "navigation": ["Aller au contenu", "Actualités | Économie | Sport | Culture | Monde", "Menu", "↑ Haut de page",
                       "Accueil > Actualités > Régions"],
        "share_widget": ["Partager sur Facebook | Partager sur X | Envoyer par e-mail", "Partager cet article",
                         "Imprimer"],
        "social_promo": ["Suivez {site} sur WhatsApp", "Rejoignez la chaîne Telegram de {site}",
                         "Suivez-nous sur Google Actualités"],
        "newsletter": ["Inscrivez-vous à la newsletter de {site}", "Recevez l'essentiel de l'actualité chaque matin",
                       "Votre e-mail"],
        "cookie": ["Ce site utilise des cookies pour améliorer votre expérience. "
                   "En poursuivant votre navigation, vous acceptez leur utilisation.",
                   "Nous utilisons des cookies pour mesurer l'audience. Tout accepter"],
        "comments": ["Vos commentaires", "Soyez le premier à commenter cet article", "Connectez-vous pour commenter."],
        "footer": ["© {year} {site} – Tous droits réservés", "© {site} {year}"],
        "related": ["Lire aussi", "Les plus lus", "Sur le même sujet", "À lire aussi"],
        "read_also": ["Lire aussi : {h}", "À lire aussi : {h}", "Lire aussi : {h}"],
        "ad": ["Publicité", "Article réservé aux abonnés · Publicité"],
        "tag": ["Mots-clés : {tags}", "Thèmes : {tags}"],
        "caption": ["Photo d'archives", "Photo : {author}", "(Photo d'archives © AFP)"],
        "donation": ["Soutenez une information indépendante : abonnez-vous dès 1 € le premier mois"],
    },
}
# gold categories used as they are (meta lines are made per document, with this corpus's sites and dates)
GOLD_CATEGORIES = ("ticker", "navigation", "share_widget", "social_promo", "newsletter", "cookie", "comments",
                   "footer", "related", "ad", "tag", "caption", "donation", "disclaimer", "counter", "form_message")
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"GIF89a", b"%PDF-1.7\n", b"PK\x03\x04",
         b"\x00\x01\x00\x00")


# --- material read from the seeds and the test corpus --------------------------------------------------------

@dataclass(slots=True)
class Pool:
    """One language's material: body units, titles, headlines, chrome lines by category."""

    units: list[str] = field(default_factory=list)  # paragraphs of > MAX_MEMORY_WORDS words
    story_units: list[list[int]] = field(default_factory=list)  # per title, its units in order
    sizes: list[int] = field(default_factory=list)  # UTF-8 bytes of each unit
    size: int = 0  # UTF-8 bytes of all units
    titles: list[str] = field(default_factory=list)
    headlines: list[str] = field(default_factory=list)
    chrome: dict[str, list[str]] = field(default_factory=dict)


def _language(name: str, text: str) -> str:
    found = re.search(r"_(ar|en|fr)-", name)
    if found:
        return found.group(1)
    letters = [c for c in text[:2000] if c.isalpha()]
    arabic = sum("\u0600" <= c <= "\u06ff" for c in letters)
    if arabic * 2 > len(letters):
        return "ar"
    return "fr" if re.search("[éèàçù]", text) else "en"


def _units(lines: list[str]) -> list[str]:
    """Body lines as paragraph units longer than the memory's line limit: short lines are merged with the next,
    subheads (under 6 words) dropped, so body text never looks like a recurring template line."""
    units, pending = [], ""
    for line in lines:
        if len(line.split()) < 6:
            continue
        pending = f"{pending} {line}".strip()
        if len(pending.split()) > MAX_MEMORY_WORDS:
            units.append(pending)
            pending = ""
    if pending and units:
        units[-1] = f"{units[-1]} {pending}"
    return units


def load_pools() -> dict[str, Pool]:
    """Read every raw file with a gold file, keeping the lines the gold labels body (and the chrome lines)."""
    pools = {lang: Pool() for lang in LANG_SITES}
    for raw_dir, gold_dir in SOURCES:
        for gold_path in sorted(gold_dir.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            raw_path = raw_dir / gold.get("file", "")
            if gold.get("expect_rejected") or not raw_path.is_file():
                continue
            raw = html.unescape(raw_path.read_text(encoding="utf-8", errors="replace"))
            labelled = gold.get("lines") or []
            body = ([item["text"] for item in labelled if item["label"] == "body"] if labelled
                    else gold["body"].split("\n"))
            body = [line for line in body if line and line in raw]
            pool = pools[_language(gold["file"], raw)]
            units = _units(body)
            if not units:
                continue
            pool.titles.append(gold["title"])
            pool.units += units
            pool.story_units.append(list(range(len(pool.units) - len(units), len(pool.units))))
            for item in labelled:
                category = item["label"].removeprefix("chrome:")
                if category == "related" and len(item["text"].split()) > 4:
                    pool.headlines.append(item["text"])
                elif category in GOLD_CATEGORIES:
                    pool.chrome.setdefault(category, []).append(item["text"])
    for lang, pool in pools.items():
        if not pool.units:
            raise SystemExit(f"no {lang} body text found under {[str(s) for pair in SOURCES for s in pair]}")
        pool.headlines += pool.titles + [t.split("|", 1)[-1].strip() for t in pool.chrome.get("ticker", [])]
        for category, lines in OWN_CHROME[lang].items():
            pool.chrome[category] = list(dict.fromkeys(pool.chrome.get(category, []) + lines))
        pool.headlines = list(dict.fromkeys(pool.headlines))
        pool.sizes = [len(unit.encode("utf-8")) for unit in pool.units]
        pool.size = sum(pool.sizes)
    return pools


# --- per-document text helpers -------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def vary_numbers(text: str, rng: random.Random) -> str:
    """Give every number of three digits or more, years apart, a new value of the same length and digits."""
    def swap(match: re.Match[str]) -> str:
        old = match.group()
        if len(old) < 3 or (len(old) == 4 and old[:2] in ("19", "20", "١٩", "٢٠")):
            return old
        new = str(rng.randrange(10 ** (len(old) - 1), 10 ** len(old)))
        return new.translate(_INDIC) if not old.isascii() else new

    return _DIGITS.sub(swap, text)


def date_line(lang: str, style: int, when: dt.datetime, site: str, months: str) -> str:
    """A publication line in one of the site's styles."""
    d, m, y, h, mi = when.day, when.month, when.year, when.hour, when.minute
    wd = WEEKDAYS[lang][when.weekday()]
    if lang == "ar":
        month = MONTHS[months][m - 1]
        return [f"{wd}، {d} {month} {y} - {h % 12 or 12:02d}:{mi:02d} {'ص' if h < 12 else 'م'}",
                f"نشر في {site} يوم {d:02d} - {m:02d} - {y}", f"تاريخ النشر: {d} {month} {y}"][style % 3]
    if lang == "en":
        month = MONTHS["en"][m - 1]
        return [f"Published {month} {d}, {y}",
                f"{month} {d}, {y} {h % 12 or 12}:{mi:02d} {'AM' if h < 12 else 'PM'} GMT",
                f"Updated: {wd}, {d} {month} {y}"][style % 3]
    month = MONTHS["fr"][m - 1]
    return [f"Publié le {d} {month} {y} à {h}h{mi:02d}", f"Publié le {wd} {d} {month} {y}",
            f"Mis à jour le {d} {month} {y}, {h} h {mi:02d}"][style % 3]


BYLINE = {"ar": ["كتب: {a}", "بقلم: {a}", "كتبت: {a}"], "en": ["By {a}", "By {a}, {site}"],
          "fr": ["Par {a}", "Par {a} avec AFP"]}
DATELINE = {"ar": "{place} - ", "en": "{PLACE} — ", "fr": "{place} (AFP) - "}
NUMBER = {"ar": "{}", "en": "{:,}", "fr": "{:,}"}
TAG_SEP = {"ar": "، ", "en": ", ", "fr": ", "}


# --- sites ---------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Site:
    """One site: its language, name, host, folder, fixed chrome template, and pre-rendered HTML pieces."""

    number: int
    lang: str
    name: str
    host: str
    slots: int  # documents per SLOTS-long block of the schedule
    months: str = "eg"
    date_style: int = 0
    byline: str = ""
    authors: list[str] = field(default_factory=list)
    dateline: bool = False
    head: list[str] = field(default_factory=list)  # text dump lines before the title ({title} marks it)
    after_title: list[str] = field(default_factory=list)
    inside: list[str] = field(default_factory=list)  # fixed lines that may go inside the body
    tail: list[str] = field(default_factory=list)  # lines after the body; {related}, {tags} filled per document
    related_header: str = ""
    read_also: str = ""
    tag_line: str = ""
    ad: str = ""
    comments: str = ""
    html: dict[str, bytes] = field(default_factory=dict)
    padding: list[tuple[str, bytes]] = field(default_factory=list)  # (region, chunk)
    filler: bytes = b""

    def folder(self, index: int) -> str:
        """The folder of document `index`: at most FILES_PER_FOLDER files, named after the site."""
        part = (index // SLOTS) // max(1, FILES_PER_FOLDER // self.slots)
        return f"site-{self.number:03d}" + (f"-{part:03d}" if part else "")


def _fmt(line: str, **values: str) -> str:
    try:
        return line.format(**values)
    except (KeyError, IndexError, ValueError):
        return line


def make_sites(seed: int, pools: dict[str, Pool]) -> tuple[list[Site], list[int]]:
    """The ~50 sites and the SLOTS-long schedule saying which site each document goes to."""
    rng = random.Random(seed)
    langs = [lang for lang, count in LANG_SITES.items() for _ in range(count)]
    rng.shuffle(langs)
    raw_weights = [1 / (rank + 3) ** 0.9 for rank in range(N_SITES)]
    rng.shuffle(raw_weights)
    slots = [max(4, round(SLOTS * w / sum(raw_weights))) for w in raw_weights]
    while sum(slots) > SLOTS:
        slots[slots.index(max(slots))] -= 1
    while sum(slots) < SLOTS:
        slots[slots.index(min(slots))] += 1
    names = {lang: rng.sample(SITE_NAMES[lang], len(SITE_NAMES[lang])) for lang in SITE_NAMES}
    sites = []
    for number, (lang, count) in enumerate(zip(langs, slots, strict=True)):
        base, slug = names[lang].pop()
        prefix = rng.choice(SITE_PREFIX[lang])
        name = f"{prefix} {base}".strip()
        host = f"www.{slug}.{rng.choice(['com', 'net', 'news', 'info'])}"
        site = Site(number, lang, name, host, count)
        _site_template(site, pools[lang], random.Random(f"{seed}:site:{number}"))
        sites.append(site)
    schedule = [number for number, site in enumerate(sites) for _ in range(site.slots)]
    rng.shuffle(schedule)
    return sites, schedule


def _site_template(site: Site, pool: Pool, rng: random.Random) -> None:
    """Fix the site's chrome: which lines, in which order, in which wording."""
    lang, chrome, year = site.lang, pool.chrome, str(2024)
    values = {"site": site.name, "year": year}

    def pick(category: str) -> str:
        return _fmt(rng.choice(chrome[category]), **values)

    site.months = rng.choice(["eg", "ma", "lv"]) if lang == "ar" else lang
    site.date_style = rng.randrange(3)
    site.byline = rng.choice(BYLINE[lang])
    site.authors = [f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}" for _ in range(6)]
    site.dateline = rng.random() < 0.5
    site.related_header = pick("related")
    site.read_also = rng.choice(OWN_CHROME[lang]["read_also"])
    site.tag_line = rng.choice(OWN_CHROME[lang]["tag"])
    site.ad = pick("ad")
    site.comments = pick("comments")
    nav = "   ".join(rng.sample(SECTIONS[lang], 6))
    head = [nav] if rng.random() < 0.6 else []
    head += [pick("ticker") for _ in range(rng.randrange(3))]
    site.head = [*head, "{title}"]
    site.after_title = [pick("share_widget")]
    if "counter" in chrome and rng.random() < 0.3:
        site.after_title.append(pick("counter"))
    site.inside = [pick("social_promo"), site.ad]
    tail = [pick("social_promo")]
    optional = ["{tags}", "{related}", site.comments, pick("newsletter"), pick("cookie"), pick("footer")]
    if rng.random() < 0.3:
        optional.insert(3, pick("donation"))
    if rng.random() < 0.2 and "disclaimer" in chrome:
        optional.insert(0, pick("disclaimer"))
    if rng.random() < 0.5:
        optional.append(pick("navigation"))
    site.tail = tail + optional
    _site_html(site, pool, rng)


# --- HTML: static pieces rendered once per site, the article rendered per document ----------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _links(rng: random.Random, host: str, texts: list[str], count: int, cls: str) -> str:
    items = "".join(f'<li class="{cls}-item"><a href="https://{host}/{rng.choice(["news", "article", "story"])}/'
                    f'{rng.randrange(10**5, 10**6)}" title="{_e(t)}">{_e(t)}</a></li>'
                    for t in (rng.choice(texts) for _ in range(count)))
    return f'<ul class="{cls}">{items}</ul>'


def _css(rng: random.Random, prefix: str, rules: int) -> str:
    props = ["margin", "padding", "font-size", "line-height", "border-radius", "gap", "max-width", "top", "left"]
    out = []
    for _ in range(rules):
        body = ";".join(f"{rng.choice(props)}:{rng.randrange(0, 48)}px" for _ in range(rng.randrange(2, 6)))
        out.append(f".{prefix}{rng.choice(['c', 'w', 'blk', 'col', 'nav', 'card'])}-{rng.randrange(999)}"
                   f"{{{body};color:#{rng.randrange(16**6):06x}}}")
    return "\n".join(out)


def _padding_chunk(kind: str, site: Site, pool: Pool, rng: random.Random, prefix: str) -> tuple[str, str]:
    host, lang = site.host, site.lang
    headlines = [vary_numbers(h, rng) for h in rng.sample(pool.headlines, min(12, len(pool.headlines)))]
    if kind == "css":
        return "head", f"<style>\n{_css(rng, prefix, rng.randrange(30, 90))}\n</style>\n"
    if kind == "jsonld":
        items = [{"@type": "ListItem", "position": i + 1, "name": h,
                  "url": f"https://{host}/news/{rng.randrange(10**6)}"} for i, h in enumerate(headlines)]
        data = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": items}
        return "head", f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'
    if kind == "state":
        state = {"slots": [{"id": f"div-gpt-{rng.randrange(10**4)}", "sizes": [[300, 250], [728, 90]],
                            "targeting": {"section": rng.choice(SECTIONS[lang]), "pos": rng.randrange(9)}}
                           for _ in range(rng.randrange(4, 12))],
                 "trending": [{"title": h, "views": rng.randrange(10**5)} for h in headlines]}
        blob = json.dumps(state, ensure_ascii=False)
        return "head", f"<script>window.__STATE_{rng.randrange(10**4)}__={blob};</script>\n"
    if kind == "svg":
        symbols = "".join(f'<symbol id="i-{rng.randrange(10**5)}" viewBox="0 0 24 24"><path d="M'
                          + " ".join(f"{rng.randrange(24)}.{rng.randrange(10)} {rng.randrange(24)}.{rng.randrange(10)}"
                                     for _ in range(rng.randrange(8, 30)))
                          + 'z"/></symbol>' for _ in range(rng.randrange(4, 12)))
        return "body", f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{symbols}</svg>\n'
    if kind == "widget":
        title = _e(rng.choice(pool.chrome["related"]))
        cards = "".join(f'<div class="{prefix}card"><a href="https://{host}/article/{rng.randrange(10**6)}">'
                        f'<img src="https://{host}/uploads/thumbs/{rng.randrange(10**6)}.webp" alt="" loading="lazy" '
                        f'width="120" height="80"><span class="{prefix}card-title">{_e(h)}</span></a>'
                        f'<time class="{prefix}card-time">{rng.randrange(1, 23)}h</time></div>' for h in headlines)
        return "aside", (f'<section class="{prefix}widget"><h3 class="{prefix}widget-title">{title}</h3>'
                         f"{cards}</section>\n")
    sections = rng.sample(SECTIONS[lang], 4)
    cols = "".join(f'<div class="{prefix}col"><h4>{_e(s)}</h4>'
                   f'{_links(rng, host, [*SECTIONS[lang], *headlines], rng.randrange(6, 14), prefix + "links")}</div>'
                   for s in sections)
    return "footer", f'<nav class="{prefix}sitemap" aria-label="sitemap">{cols}</nav>\n'


def _site_html(site: Site, pool: Pool, rng: random.Random) -> None:
    """Pre-render the site's fixed markup and ~200 KiB of padding chunks (menus, widgets, CSS, JSON-LD)."""
    p = rng.choice(["td-", "jeg_", "ns-", "post-", "c-", "ar-"])
    host, lang, name = site.host, site.lang, _e(site.name)
    rtl = "rtl" if lang == "ar" else "ltr"
    sections = SECTIONS[lang]
    chrome = pool.chrome
    head = (f'<link rel="preconnect" href="https://fonts.gstatic.com">\n'
            f'<link rel="stylesheet" href="https://{host}/static/css/main.css?v={rng.randrange(10**8)}">\n'
            f'<link rel="icon" href="https://{host}/favicon.ico">\n'
            f"<style>\n{_css(rng, p, 60)}\n</style>\n"
            f'<script async src="https://www.googletagmanager.com/gtag/js?id=G-{rng.randrange(10**6)}"></script>\n'
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
            "gtag('js',new Date());gtag('config','G-X',{anonymize_ip:true});</script>\n")
    nav = "".join(f'<li><a href="https://{host}/section/{i}">{_e(s)}</a></li>' for i, s in enumerate(sections))
    header = (f'<header class="{p}header"><div class="{p}topbar"><span class="{p}weather">'
              f'{_e(rng.choice(PLACES[lang]))} {rng.randrange(18, 45)}°</span>'
              f'<a class="{p}login" href="https://{host}/login">{_e(rng.choice(chrome["navigation"]))}</a></div>'
              f'<div class="{p}logo"><a href="https://{host}/"><img src="https://{host}/static/logo.svg" alt="{name}" '
              f'width="220" height="48"></a></div><nav class="{p}main-nav" aria-label="main"><ul>{nav}</ul></nav>'
              f'<form class="{p}search" action="https://{host}/search"><input type="search" name="q"></form>'
              f'<div class="{p}ticker">{_links(rng, host, chrome["ticker"], 3, p + "ticker-list")}</div></header>\n')
    social = "".join(f'<li><a href="https://{net}.com/{host.split(".")[1]}">{net.title()}</a></li>'
                     for net in ("facebook", "x", "instagram", "youtube", "telegram"))
    copyright_line = _e(_fmt(rng.choice(chrome["footer"]), site=site.name, year="2024"))
    footer = (f'<footer class="{p}footer"><div class="{p}about"><p>{copyright_line}</p>'
              f'<ul class="{p}social">{social}</ul></div>\n')
    cookie = (f'<div id="cookie-banner" class="{p}cookie" role="dialog"><p>{_e(rng.choice(chrome["cookie"]))}</p>'
              '<button type="button">OK</button></div>\n'
              f'<div class="{p}newsletter-modal" hidden><p>{_e(_fmt(rng.choice(chrome["newsletter"]), site=site.name))}'
              '</p><form><input type="email"><button>OK</button></form></div>\n'
              "<script>(function(){var b=document.getElementById('cookie-banner');if(b&&localStorage.getItem('ok'))"
              "b.style.display='none';})();</script>\n")
    share = "".join(f'<li><a href="#share-{i}">{_e(w)}</a></li>'
                    for i, w in enumerate(["Facebook", "X", "WhatsApp", "Telegram", "Email"]))
    site.html = {k: v.encode("utf-8") for k, v in {
        "lang": f'<html lang="{lang}" dir="{rtl}">', "prefix": p, "head": head, "header": header, "footer": footer,
        "cookie": cookie, "share": f'<div class="{p}share"><ul>{share}</ul></div>'}.items()}
    kinds = ["css", "jsonld", "state", "svg", "widget", "widget", "sitemap", "sitemap"]
    total = 0
    while total < HTML_MAX + 50 * 1024:
        region, chunk = _padding_chunk(rng.choice(kinds), site, pool, rng, p)
        data = chunk.encode("utf-8")
        site.padding.append((region, data))
        total += len(data)
    site.filler = rng.randbytes(8 * 1024).hex().encode("ascii")


# --- one document ----------------------------------------------------------------------------------------------

@dataclass(slots=True, frozen=True)
class Plan:
    """Where document `index` goes and what kind it is; `rng` continues its own random stream."""

    index: int
    kind: str
    site: Site
    path: str
    rng: random.Random
    copy_of: int | None = None  # --topical: the earlier document whose body this one copies


@dataclass(slots=True)
class Article:
    """The parts of one synthetic article, before it becomes a text dump or a page."""

    title: str
    paragraphs: list[str]
    author: str
    when: dt.datetime
    section: str
    place: str
    headlines: list[str]
    tags: list[str]
    caption: str


class Corpus:
    """Deterministic corpus: `plan(i)` says what document i is, `render(plan)` gives its bytes."""

    def __init__(self, n: int, seed: int = 0, html_share: float = 0.3, bad_share: float = 0.03,
                 topical: bool = False, copy_share: float = 0.03) -> None:
        if n < 0 or not 0 <= html_share <= 1 or not 0 <= bad_share <= 1 or html_share + bad_share > 1 \
                or not 0 <= copy_share <= 1:
            raise ValueError("need n >= 0, shares in [0, 1] and html_share + bad_share <= 1")
        self.n, self.seed, self.html_share, self.bad_share = n, seed, html_share, bad_share
        self.topical, self.copy_share = topical, copy_share
        self.pools = load_pools()
        if topical:  # one event's vocabulary: the Arabic pool narrowed to the seeds' paragraphs
            self.pools["ar"] = _narrowed(self.pools["ar"], TOPICAL_STORIES)
        self.sites, self.schedule = make_sites(seed, self.pools)
        self.width = max(6, len(str(max(n - 1, 0))))
        self.zero_written = False  # exactly one empty file has 0 bytes (two could not both be unique)

    def fingerprint(self) -> str:
        """SHA-256 of the material read from the seeds and test corpus: same seed and fingerprint, same bytes."""
        material = {lang: [pool.units, pool.titles, pool.headlines, sorted(pool.chrome.items())]
                    for lang, pool in self.pools.items()}
        return hashlib.sha256(json.dumps(material, ensure_ascii=False).encode("utf-8")).hexdigest()

    def plan(self, index: int) -> Plan:
        """Kind, site and path of document `index`, from its own random stream."""
        rng = random.Random((self.seed << 32) + index)
        site = self.sites[self.schedule[index % SLOTS]]
        draw = rng.random()
        if draw < self.bad_share:
            kind = BAD_KINDS[min(3, int(draw / self.bad_share * 4))]
            if kind == "cp1256" and site.lang != "ar":
                kind = "mojibake"
        else:
            kind = "html" if draw < self.bad_share + self.html_share else "text"
        ext = ".html" if kind == "html" or (kind in ("empty", "binary") and rng.random() < 0.5) else ".txt"
        copy_of = None
        if self.topical and kind in ("text", "html") and index and rng.random() < self.copy_share:
            copy_of = self._original(index, site.lang, rng.randrange(1, COPY_LOOKBACK + 1))
        return Plan(index, kind, site, f"{site.folder(index)}/{index:0{self.width}d}{ext}", rng, copy_of)

    def _original(self, index: int, lang: str, back: int) -> int | None:
        """The nearest document at or before `index - back` that is a good article of this language and no copy."""
        for earlier in range(index - back, max(-1, index - back - COPY_LOOKBACK), -1):
            other = self.plan(earlier)
            if other.site.lang == lang and other.kind in ("text", "html") and other.copy_of is None:
                return earlier
        return None

    def article(self, plan: Plan) -> Article:
        """Recombine paragraphs of the site's language into a new story with one sentence only it has (a copy:
        its original's title and paragraphs, under its own author and date)."""
        rng, site, index = plan.rng, plan.site, plan.index
        if plan.copy_of is not None:
            original = self.article(self.plan(plan.copy_of))
            when = original.when + dt.timedelta(minutes=rng.randrange(1, 600))
            return Article(original.title, original.paragraphs, rng.choice(site.authors), when,
                           rng.choice(SECTIONS[site.lang]), original.place,
                           rng.sample(pool_headlines := self.pools[site.lang].headlines, min(4, len(pool_headlines))),
                           rng.sample(SECTIONS[site.lang] + PLACES[site.lang], 4), original.caption)
        pool = self.pools[site.lang]
        story = rng.randrange(len(pool.titles))
        own = pool.story_units[story]
        chosen = own[:rng.randint(1, min(2, len(own)))]  # the story's opening, then paragraphs of other stories
        # room for the chrome around the body; at most a third of a small pool (English, French), else two
        # documents would share most of their paragraphs and be near-duplicates
        budget = min(rng.randint(TEXT_MIN, TEXT_MAX) - 1600, max(900, pool.size // 3))
        size = sum(pool.sizes[i] for i in chosen)
        for pick in rng.sample(range(len(pool.units)), min(len(pool.units), 40)):
            if pick in chosen:
                continue
            if size + pool.sizes[pick] > budget and len(chosen) >= 3:
                break
            chosen.append(pick)
            size += pool.sizes[pick]
        paragraphs = [vary_numbers(pool.units[i], rng) for i in chosen]
        place = rng.choice(PLACES[site.lang])
        sentence, headline = rng.choice(UNIQUE[site.lang])
        number = NUMBER[site.lang].format(1000 + index).replace(",", " " if site.lang == "fr" else ",")
        unique = sentence.format(org=rng.choice(ORGS[site.lang]), place=place, n=number)
        spot = rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 0
        paragraphs[spot] = f"{paragraphs[spot]} {unique}"
        if site.dateline:
            mark = DATELINE[site.lang].format(place=place, PLACE=place.upper())
            paragraphs[0] = mark + paragraphs[0]
        title = headline.format(t=vary_numbers(pool.titles[story], rng), n=number, place=place)
        when = (TOPICAL_WEEK + dt.timedelta(minutes=rng.randrange(7 * 24 * 60)) if self.topical else
                dt.datetime(2023, 1, 1, 6) + dt.timedelta(days=rng.randrange(1000), minutes=rng.randrange(960)))
        headlines = [vary_numbers(h, rng) for h in rng.sample(pool.headlines, min(4, len(pool.headlines)))]
        caption = _fmt(rng.choice(pool.chrome["caption"]), author=rng.choice(site.authors))
        return Article(title, paragraphs, rng.choice(site.authors), when, rng.choice(SECTIONS[site.lang]), place,
                       headlines, rng.sample(SECTIONS[site.lang] + PLACES[site.lang], 4), caption)

    def render(self, plan: Plan) -> bytes:
        """The document's bytes."""
        kind, rng = plan.kind, plan.rng
        if kind == "empty":
            if not self.zero_written:
                self.zero_written = True
                return b""
            return _whitespace(plan.index)
        if kind == "binary":
            size = rng.randrange(512, 64 * 1024)
            body = bytearray(rng.randbytes(size))
            for _ in range(max(4, size // 64)):
                body[rng.randrange(size)] = 0
            body[4:12] = plan.index.to_bytes(8, "little")
            return rng.choice(MAGIC) + bytes(body)
        article = self.article(plan)
        if kind == "html":
            return self.page(plan, article)
        text = self.dump(plan, article)
        if kind == "cp1256":
            return text.encode("cp1256", errors="ignore")
        if kind == "mojibake":
            return text.encode("utf-8").decode("cp1252", errors=_SLOPPY).encode("utf-8")
        return text.encode("utf-8")

    def dump(self, plan: Plan, article: Article) -> str:
        """A text dump: the site's head lines, title, meta, body with 1-2 chrome lines inside, tail lines."""
        site, rng, lang = plan.site, plan.rng, plan.site.lang
        pool = self.pools[lang]
        lines = [article.title if line == "{title}" else line for line in site.head]
        lines += ["", *site.after_title, site.byline.format(a=article.author, site=site.name)]
        if not self.topical:  # a topical corpus's text dumps are undated, as scraped dumps often are
            lines.append(date_line(lang, site.date_style, article.when, site.name, site.months))
        lines.append("")
        inside = [site.read_also.format(h=article.headlines[0]), article.caption, *site.inside]
        body = list(article.paragraphs)
        for extra in rng.sample(inside, rng.randint(1, 2)):
            body.insert(rng.randrange(1, len(body)) if len(body) > 1 else 1, extra)
        lines += [*body, ""]
        for line in site.tail:
            if line == "{tags}":
                lines.append(site.tag_line.format(tags=TAG_SEP[lang].join(article.tags)))
            elif line == "{related}":
                lines += [site.related_header, *article.headlines[1:]]
            else:
                lines.append(line)
        if rng.random() < 0.2:
            lines.append(_fmt(rng.choice(pool.chrome["comments"])))
        return "\n".join(lines) + "\n"

    def page(self, plan: Plan, article: Article) -> bytes:
        """A full HTML page of a size drawn in 30-150 KiB: site markup, padding, the article in <article>."""
        site, rng, lang = plan.site, plan.rng, plan.site.lang
        h, p = site.html, site.html["prefix"].decode()
        slug = f"{article.when:%Y/%m/%d}/{plan.index}"
        url = f"https://{site.host}/{slug}"
        iso = article.when.isoformat() + "+03:00"
        title = _e(article.title)
        desc = _e(article.paragraphs[0][:160])
        byline = _e(site.byline.format(a=article.author, site=site.name))
        date_text = _e(date_line(lang, site.date_style, article.when, site.name, site.months))
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
                         "datePublished": iso, "author": {"@type": "Person", "name": article.author},
                         "publisher": {"@type": "Organization", "name": site.name}, "mainEntityOfPage": url},
                        ensure_ascii=False)
        head = (f'<!DOCTYPE html>\n{h["lang"].decode()}\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{title} - {_e(site.name)}</title>\n"
                f'<link rel="canonical" href="{url}">\n'
                f'<meta name="description" content="{desc}">\n'
                f'<meta property="og:site_name" content="{_e(site.name)}">\n'
                f'<meta property="og:type" content="article">\n'
                f'<meta property="og:title" content="{title}">\n'
                f'<meta property="og:url" content="{url}">\n'
                f'<meta property="og:image" content="https://{site.host}/uploads/{slug}.jpg">\n'
                f'<meta property="article:published_time" content="{iso}">\n'
                f'<meta property="article:section" content="{_e(article.section)}">\n'
                f'<meta name="author" content="{_e(article.author)}">\n'
                f'<script type="application/ld+json">{ld}</script>\n')
        paragraphs = [f"<p>{_e(text)}</p>" for text in article.paragraphs]
        read_also = (f'<p class="{p}read-also"><strong>{_e(site.read_also.split("{h}")[0].strip())}</strong> '
                     f'<a href="https://{site.host}/news/{rng.randrange(10**6)}">{_e(article.headlines[0])}</a></p>')
        figure = (f'<figure class="{p}inline-image"><img src="https://{site.host}/uploads/{slug}-2.jpg" alt="" '
                  f'width="800" height="450"><figcaption>{_e(article.caption)}</figcaption></figure>')
        ad = (f'<div class="{p}ad-slot"><div class="{p}ad-label">{_e(site.ad)}</div>'
              f'<div id="gpt-{plan.index}"></div></div>')
        for extra in (read_also, figure, ad):
            paragraphs.insert(rng.randrange(1, len(paragraphs)) if len(paragraphs) > 1 else 1, extra)
        tags = "".join(f'<li><a href="https://{site.host}/tag/{i}">{_e(t)}</a></li>'
                       for i, t in enumerate(article.tags))
        related = "".join(f'<li><a href="https://{site.host}/news/{rng.randrange(10**6)}">{_e(t)}</a></li>'
                          for t in article.headlines[1:])
        body_top = (f'</head>\n<body class="{p}single">\n').encode()
        main = (f'<main id="content" class="{p}main"><div class="{p}layout"><div class="{p}main-col">\n'
                f'<nav class="{p}breadcrumb"><a href="https://{site.host}/">{_e(SECTIONS[lang][0])}</a> » '
                f'<a href="https://{site.host}/section/{article.section}">{_e(article.section)}</a></nav>\n'
                f'<article class="{p}article" itemscope itemtype="https://schema.org/NewsArticle">\n'
                f'<header class="{p}article-header"><h1 class="{p}title" itemprop="headline">{title}</h1>\n'
                f'<div class="{p}meta"><span class="{p}author">{byline}'
                f'</span> <time datetime="{iso}">{date_text}</time></div>\n{h["share"].decode()}</header>\n'
                f'<figure class="{p}featured"><img src="https://{site.host}/uploads/{slug}.jpg" alt="" width="1200" '
                f'height="675"></figure>\n'
                f'<div class="{p}article-body" itemprop="articleBody">\n' + "\n".join(paragraphs) + "\n</div>\n"
                f'<div class="{p}tags"><ul>{tags}</ul></div>\n</article>\n'
                f'<section class="{p}related"><h3>{_e(site.related_header)}</h3><ul>{related}</ul></section>\n'
                f'<section id="comments" class="{p}comments"><h3>{_e(site.comments)}</h3></section>\n'
                f"</div>\n").encode()
        fixed = [head.encode(), h["head"], body_top, h["header"], main, b"<aside class=\"sidebar\">\n",
                 b"</aside></div></main>\n", h["footer"], b"</footer>\n", h["cookie"], b"</body>\n</html>\n"]
        target = rng.randint(HTML_MIN, HTML_MAX)
        room = target - sum(map(len, fixed))
        regions: dict[str, list[bytes]] = {"head": [], "body": [], "aside": [], "footer": []}
        start = rng.randrange(len(site.padding))
        for step in range(len(site.padding)):
            region, chunk = site.padding[(start + step) % len(site.padding)]
            if len(chunk) > room:
                continue
            regions[region].append(chunk)
            room -= len(chunk)
        regions["footer"].append(_filler(site.filler, room))
        parts = [fixed[0], fixed[1], *regions["head"], fixed[2], fixed[3], *regions["body"], fixed[4], fixed[5],
                 *regions["aside"], fixed[6], fixed[7], *regions["footer"], *fixed[8:]]
        return b"".join(parts)


def _sloppy(error: UnicodeError) -> tuple[str, int]:
    """cp1252 as browsers read it: the five undefined bytes become the C1 controls of latin-1."""
    assert isinstance(error, UnicodeDecodeError)
    return bytes(error.object[error.start:error.end]).decode("latin-1"), error.end


_SLOPPY = "make-corpus-sloppy-cp1252"
codecs.register_error(_SLOPPY, _sloppy)


def _whitespace(index: int) -> bytes:
    """Whitespace only, different for every index: its digits in base 3 as space, tab, newline."""
    out = bytearray(b"\n")
    while True:
        index, digit = divmod(index, 3)
        out.append(b" \t\n"[digit])
        if not index:
            return bytes(out)


def _filler(filler: bytes, room: int) -> bytes:
    """Exactly `room` bytes: an HTML comment (a cache key), or newlines when too little room for one."""
    if room <= 0:
        return b""
    if room < 12:
        return b"\n" * room
    return b"<!-- " + (filler * (1 + room // len(filler)))[:room - 9] + b" -->"


# --- writing ---------------------------------------------------------------------------------------------------

def _narrowed(pool: Pool, stories: int) -> Pool:
    """The pool with the units of its first `stories` stories only (titles, headlines and chrome kept)."""
    keep = [unit for story in pool.story_units[:stories] for unit in story]
    units = [pool.units[i] for i in keep]
    sizes = [pool.sizes[i] for i in keep]
    story_units, start = [], 0
    for story in pool.story_units[:stories]:
        story_units.append(list(range(start, start + len(story))))
        start += len(story)
    return Pool(units, story_units, sizes, sum(sizes), pool.titles[:stories], pool.headlines, pool.chrome)


def generate(out_dir: str | Path, n: int = 10_000, seed: int = 0, html_share: float = 0.3,
             bad_share: float = 0.03, topical: bool = False, copy_share: float = 0.03) -> dict[str, object]:
    """Write the corpus one file at a time and corpus.json last; return what corpus.json holds.

    OUT_DIR must be new or empty: files left by another run would mix into this corpus."""
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    corpus = Corpus(n, seed, html_share, bad_share, topical, copy_share)
    copies = 0
    counts: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    html_range = [0, 0]
    folders: set[str] = set()
    for plan in plans(corpus):
        data = corpus.render(plan)
        folder = plan.path.split("/", 1)[0]
        if folder not in folders:
            (out / folder).mkdir(parents=True, exist_ok=True)
            folders.add(folder)
        with open(out / plan.path, "wb") as handle:
            handle.write(data)
        counts[plan.kind] += 1
        copies += plan.copy_of is not None
        sizes[plan.kind] += len(data)
        if plan.kind == "html":
            html_range = [min(html_range[0] or len(data), len(data)), max(html_range[1], len(data))]
    rejections: Counter[str] = Counter()
    for kind in KINDS:
        if EXPECTED[kind] != "article" and counts[kind]:
            rejections[EXPECTED[kind]] += counts[kind]
    summary: dict[str, object] = {
        "generator": "benchmarks/make_corpus.py",
        "parameters": {"n": n, "seed": seed, "html_share": html_share, "bad_share": bad_share,
                       **({"topical": True, "copy_share": copy_share} if topical else {})},
        "material_sha256": corpus.fingerprint(),
        "documents": n,
        "bytes": sum(sizes.values()),
        "sites": len(corpus.sites),
        "folders": len(folders),
        "counts": {kind: counts[kind] for kind in KINDS},
        **({"copies": copies} if topical else {}),
        "bytes_per_kind": {kind: sizes[kind] for kind in KINDS},
        "html_bytes_range": html_range,
        "expected": EXPECTED,
        "expected_articles": sum(counts[k] for k in KINDS if EXPECTED[k] == "article"),
        "expected_rejected_by_reason": dict(sorted(rejections.items())),
        "kinds": DESCRIPTION,
        "site_list": [{"folder": f"site-{s.number:03d}", "name": s.name, "host": s.host, "language": s.lang,
                       "share": s.slots / SLOTS} for s in corpus.sites],
        "note": "inputs are the site-* folders; this file is not a document",
    }
    (out / "corpus.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def plans(corpus: Corpus) -> Iterator[Plan]:
    """Every document's plan, in index order."""
    return (corpus.plan(index) for index in range(corpus.n))


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus, print its size and the writing speed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("-n", type=int, default=10_000, help="documents (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html-share", type=float, default=0.3, help="share of HTML pages (default 0.3)")
    parser.add_argument("--bad-share", type=float, default=0.03, help="share of bad files (default 0.03)")
    parser.add_argument("--topical", action="store_true",
                        help="one event's vocabulary, undated text dumps, HTML dated within a week, copies")
    parser.add_argument("--copy-share", type=float, default=0.03,
                        help="--topical: share of documents that copy an earlier one's body (default 0.03)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        summary = generate(args.out_dir, args.n, args.seed, args.html_share, args.bad_share, args.topical,
                           args.copy_share)
    except (ValueError, FileExistsError) as error:
        parser.error(str(error))
    seconds = time.perf_counter() - started
    size = int(summary["bytes"])  # type: ignore[call-overload]
    print(f"{args.n} documents, {size / 1e6:.1f} MB in {seconds:.1f} s ({args.n / max(seconds, 1e-9):.0f} docs/s, "
          f"{size / 1e6 / max(seconds, 1e-9):.0f} MB/s) -> {args.out_dir}", file=sys.stderr)
    print(json.dumps(summary["counts"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
