#!/usr/bin/env python3
"""Build the held-out newsclean test corpus (raw pages + gold labels).

Writes tests/data/raw/<NNN>_<name>.(txt|html) and tests/data/gold/<same stem>.json
in the layout of /work/shared/gold/ (see its README.md).  Stdlib only; re-runnable:
    python3 tests/data/build_corpus.py

All articles, sites, people and figures are invented (plausible but fictional).

Text dumps are written from a small line DSL, one spec line per raw line:
    t|<text>            title
    b|<text>            body line (paragraph, subheading, quoted bullet)
    m:<kind>|<text>     meta:<kind> (byline, dateline, published_line, source_line ...)
    <category>|<text>   chrome:<category>
    ~  ~nb  ~sp  ~tab   a raw blank line: empty, no-break space, spaces, tab
`sep` blank lines are inserted between consecutive items.  Text after the first "|"
is written verbatim (leading/trailing blanks are kept in the raw file; gold is stripped).
"{NBSP}" and "{TAB}" in a text are replaced by U+00A0 and a tab.

HTML pages are assembled with a registry (Page) that records every visible string as
title / body / meta / chrome; the build asserts that every visible text block of the
page is one registered string, so `chrome_texts` is complete by construction.
"""
import html
import json
import pathlib
import re
import sys
import zlib
from html.parser import HTMLParser

HERE = pathlib.Path(__file__).resolve().parent
RAW = HERE / "raw"
GOLD = HERE / "gold"

CHROME = {"comments", "cookie", "donation", "social_promo", "related", "navigation",
          "share_widget", "form_message", "caption", "tag", "ticker", "disclaimer",
          "newsletter", "ad", "counter", "repeated_title", "artifact", "footer", "template"}

BLANKS = {"~": "", "~nb": "\u00a0", "~sp": "   ", "~tab": "\t", "~nbsp2": " \u00a0 "}

DOCS = []


def doc(fn):
    DOCS.append(fn)
    return fn


# ----------------------------------------------------------------------------- text dumps

def parse_spec(spec):
    items = []
    for raw in spec.split("\n"):
        if not raw.strip():
            continue  # spacing in the spec itself is not significant
        key = raw.strip()
        if key in BLANKS:
            items.append(("blank", BLANKS[key]))
            continue
        label, sep, text = raw.partition("|")
        assert sep, f"bad spec line: {raw!r}"
        label = label.strip()
        text = text.replace("{NBSP}", "\u00a0").replace("{TAB}", "\t")
        if label == "t":
            label = "title"
        elif label == "b":
            label = "body"
        elif label.startswith("m:"):
            label = "meta:" + label[2:]
        else:
            assert label in CHROME, f"unknown label {label!r} in {raw!r}"
            label = "chrome:" + label
        assert text.strip(), f"empty text in spec line {raw!r}"
        items.append((label, text))
    return items


def text_doc(name, spec, expected, sep=1, encoding="utf-8", newline="\n",
             final_newline=True, expect_rejected=None, lead=()):
    items = parse_spec(spec)
    raw_lines = list(lead)
    prev_item = False
    for label, text in items:
        if label == "blank":
            raw_lines.append(text)
            prev_item = False
            continue
        if prev_item:
            raw_lines.extend([""] * sep)
        raw_lines.append(text)
        prev_item = True
    lines, labels_iter = [], iter([it for it in items if it[0] != "blank"])
    for i, rl in enumerate(raw_lines, 1):
        if rl.strip():
            label, text = next(labels_iter)
            assert text == rl
            lines.append({"line": i, "label": label, "text": rl.strip()})
    titles = [l["text"] for l in lines if l["label"] == "title"]
    body = "\n".join(l["text"] for l in lines if l["label"] == "body")
    if expect_rejected:
        assert not titles and not body, name
        title = ""
    else:
        assert len(titles) == 1, (name, titles)
        title = titles[0]
    text = newline.join(raw_lines) + (newline if final_newline else "")
    data = b"\xef\xbb\xbf" + text.encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)
    gold = {"file": name, "title": title, "body": body, "expected": expected, "lines": lines}
    if expect_rejected:
        gold["expect_rejected"] = expect_rejected
    return name, data, gold


# ----------------------------------------------------------------------------- HTML pages

def _fmt(text):
    """escape text, then turn [[label|href]] into links and **x** into <strong>."""
    s = html.escape(text, quote=False)
    s = re.sub(r"\[\[(.+?)\|(.+?)\]\]", lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    return s


def _plain(text):
    s = re.sub(r"\[\[(.+?)\|(.+?)\]\]", r"\1", text)
    s = s.replace("**", "")
    return " ".join(s.split())


class Page:
    def __init__(self):
        self.title = None
        self.body, self.chrome, self.meta, self.invisible = [], [], [], []

    def c(self, text):            # visible chrome string
        self.chrome.append(_plain(text))
        return _fmt(text)

    def m(self, text):            # visible meta string (byline, date ...): not body, not chrome
        self.meta.append(_plain(text))
        return _fmt(text)

    def b(self, text):            # body line
        self.body.append(_plain(text))
        return _fmt(text)

    def t(self, text):
        self.title = _plain(text)
        return _fmt(text)

    def links(self, items, cls, tag="ul", href="/{cls}/{i}"):
        lis = "".join(f'<li><a href="{href.format(cls=cls, i=i)}">{self.c(x)}</a></li>' for i, x in enumerate(items, 1))
        return f'<{tag} class="{cls}">{lis}</{tag}>'


BLOCK = {"address", "article", "aside", "blockquote", "body", "br", "button", "dd", "details", "dialog",
         "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
         "h5", "h6", "header", "hr", "html", "label", "legend", "li", "main", "nav", "ol", "option", "p",
         "pre", "section", "select", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
         "tr", "ul"}
SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe"}


class Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.buf, self.skip, self.title, self.in_title = [], [], 0, None, False

    def flush(self):
        t = " ".join("".join(self.buf).split())
        if t:
            self.blocks.append(t)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if self.in_title:
            self.title = (self.title or "") + data
        if not self.skip:
            self.buf.append(data)


def html_doc(name, pg, page, expected):
    p = Blocks()
    p.feed(page)
    p.close()
    p.flush()
    blocks = p.blocks
    known = {pg.title} | set(pg.body) | set(pg.chrome) | set(pg.meta)
    stray = [b for b in blocks if b not in known]
    assert not stray, (name, stray[:5])
    missing = [x for x in [pg.title, *pg.body, *pg.chrome, *pg.meta] if x not in blocks]
    assert not missing, (name, missing[:5])
    assert not set(pg.body) & (set(pg.chrome) | set(pg.meta) | {pg.title}), name
    # body in document order
    pos, i = [], 0
    for bl in pg.body:
        i = blocks.index(bl, i)
        pos.append(i)
        i += 1
    title_tag = " ".join((p.title or "").split())
    chrome = list(dict.fromkeys(pg.chrome + ([title_tag] if title_tag and title_tag != pg.title else [])))
    gold = {"file": name, "title": pg.title, "body": "\n".join(pg.body), "expected": expected,
            "lines": [], "chrome_texts": chrome}
    data = page.encode("utf-8")
    assert 5_000 <= len(data) <= 40_000, (name, len(data))
    return name, data, gold


def article_items(pg, items):
    """render article-body items: ("p"|"h2"|"h3", text) are body; the rest is in-body chrome."""
    out = []
    for it in items:
        kind = it[0]
        if kind in ("p", "h2", "h3"):
            out.append(f"<{kind}>{pg.b(it[1])}</{kind}>")
        elif kind == "fig":      # ("fig", caption[, credit])
            cred = f'<span class="credit">{pg.c(it[2])}</span>' if len(it) > 2 else ""
            out.append(f'<figure class="inline-img"><img src="/img/{zlib.crc32(it[1].encode()) % 99999}.jpg" alt="" loading="lazy">'
                       f'<figcaption>{pg.c(it[1])}</figcaption>{cred and "<div>" + cred + "</div>"}</figure>')
        elif kind == "ad":
            out.append(f'<div class="ad-slot ad-inarticle"><div class="ad-label">{pg.c(it[1])}</div>'
                       f'<div id="gpt-ad-{len(out)}"></div></div>')
        elif kind == "readp":    # a "read also" paragraph inside the content (WordPress style)
            out.append(f'<p class="read-also">{pg.c(it[1])}</p>')
        elif kind == "readbox":  # ("readbox", heading, [headlines])
            lis = "".join(f'<li><a href="/related/{i}">{pg.c(h)}</a></li>' for i, h in enumerate(it[2], 1))
            out.append(f'<aside class="read-also-box"><h4>{pg.c(it[1])}</h4><ul>{lis}</ul></aside>')
        elif kind == "promo":
            out.append(f'<div class="inline-promo"><p>{pg.c(it[1])}</p></div>')
        else:
            raise ValueError(kind)
    return "\n".join(out)


CSS = """body{margin:0;font-family:%s;line-height:1.7;color:#222;background:#fff}
a{color:inherit;text-decoration:none}.container{max-width:1180px;margin:0 auto;padding:0 16px}
.site-header{border-bottom:3px solid %s}.main-nav ul{display:flex;gap:18px;list-style:none;padding:0;margin:0}
.ticker{background:#f4f4f4;font-size:14px;padding:6px 0}.breadcrumb{font-size:13px;color:#777}
.layout{display:grid;grid-template-columns:1fr 320px;gap:32px}.article h1{font-size:32px;line-height:1.35}
.article p{font-size:18px;margin:0 0 18px}.share ul,.tags ul{display:flex;gap:10px;list-style:none;padding:0}
.ad-slot{min-height:250px;background:#fafafa;text-align:center;margin:24px 0}.ad-label{font-size:11px;color:#999}
figure{margin:24px 0}figcaption{font-size:13px;color:#666}.sidebar h3{border-bottom:2px solid #ddd}
#cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#111;color:#fff;padding:16px;z-index:999}
.comments{border-top:1px solid #eee;margin-top:32px}.site-footer{background:#1d1d1d;color:#bbb;padding:32px 0;margin-top:48px}
.newsletter{background:#f1f6fb;padding:20px;margin:24px 0}.read-also{border-right:4px solid %s;padding:8px 12px}
@media (max-width:900px){.layout{grid-template-columns:1fr}.sidebar{display:none}}"""

ANALYTICS = """<script async src="https://www.googletagmanager.com/gtag/js?id=G-%s"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-%s',{anonymize_ip:true});</script>
<script>(function(){var s=document.createElement('script');s.async=true;s.src='/static/js/ads.min.js?v=3.4.1';document.head.appendChild(s);window.googletag=window.googletag||{cmd:[]};})();</script>"""


def head(lang, title, metas, jsonld=None, color="#b30000", font="Tahoma,Arial,sans-serif", gid="X1Y2Z3", extra=""):
    m = "\n".join(f'<meta {k}="{html.escape(n)}" content="{html.escape(v)}">' for k, n, v in metas)
    ld = ""
    if jsonld:
        ld = '<script type="application/ld+json">' + json.dumps(jsonld, ensure_ascii=False) + "</script>"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{'rtl' if lang == 'ar' else 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title, quote=False)}</title>
{m}
<link rel="preconnect" href="https://fonts.gstatic.com">
<link rel="stylesheet" href="/static/css/main.css?v=20240301">
<link rel="icon" href="/favicon.ico">
<style>{CSS % (font, color, color)}</style>
{ld}
{ANALYTICS % (gid, gid)}
{extra}
</head>
"""


FOOT_JS = """<script>
document.querySelectorAll('.share a').forEach(function(a){a.addEventListener('click',function(e){e.preventDefault();window.open(a.href,'share','width=600,height=480');});});
(function(){var b=document.getElementById('cookie-banner');if(!b)return;if(localStorage.getItem('cookie-consent')){b.style.display='none';}
b.querySelectorAll('button').forEach(function(x){x.addEventListener('click',function(){localStorage.setItem('cookie-consent',x.dataset.v||'1');b.style.display='none';});});})();
window.addEventListener('scroll',function(){var t=document.querySelector('.back-to-top');if(t){t.style.opacity=window.scrollY>600?1:0;}});
</script>"""


# ============================================================================= documents
# ---- Site A: "بوابة المحروسة 24" (Egypt).  Three articles + one section page, same template.

MAHROUSA_TOP = """
navigation|القائمة
template|بوابة المحروسة 24
navigation|الرئيسية   أخبار مصر   اقتصاد   حوادث   رياضة   فن   منوعات   فيديو
"""
MAHROUSA_SHARE = "share_widget|شارك الخبر:  فيسبوك  |  إكس  |  واتساب  |  تيليجرام  |  نسخ الرابط"
MAHROUSA_BOTTOM = """
social_promo|تابعوا آخر أخبار بوابة المحروسة 24 عبر قناتنا على واتساب
social_promo|تابعوا بوابة المحروسة 24 على Google News
{tags}
related|الأكثر قراءة
{mostread}
newsletter|اشترك في نشرتنا البريدية ليصلك أهم الأخبار يوميًا
newsletter|البريد الإلكتروني
newsletter|اشتراك
form_message|تم الاشتراك بنجاح، شكرًا لك!
footer|جميع الحقوق محفوظة © 2024 بوابة المحروسة 24 - يُحظر النسخ أو إعادة النشر دون إذن مسبق
cookie|نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. بمواصلة التصفح فإنك توافق على سياسة الخصوصية.
cookie|موافق
"""


def mahrousa(name, tickers, crumb, title, byline, date, caption, body, tags, mostread, expected):
    spec = "\n".join(f"ticker|{t}" for t in tickers) + MAHROUSA_TOP + f"""
navigation|{crumb}
t|{title}
m:byline|{byline}
m:published_line|{date}
{MAHROUSA_SHARE}
caption|{caption}
{body}
""" + MAHROUSA_BOTTOM.format(tags=f"tag|{tags}", mostread="\n".join(f"related|{x}" for x in mostread))
    return text_doc(name, spec, expected, sep=1)


@doc
def d001():
    body = """
b|افتتح اللواء محمود الشريف، محافظ أسوان، صباح اليوم الثلاثاء، محطة مياه الشرب الجديدة بقرية الكرور التابعة لمركز أسوان، بطاقة إنتاجية تصل إلى 20 ألف متر مكعب يوميًا، وبتكلفة إجمالية بلغت 145 مليون جنيه، ضمن مشروعات المبادرة الرئاسية «حياة كريمة».
b|وقال المحافظ، في كلمته خلال الافتتاح، إن المحطة تخدم نحو 85 ألف نسمة في الكرور والقرى المجاورة لها، وتنهي معاناة استمرت سنوات مع ضعف ضغط المياه خلال أشهر الصيف، خاصة في المناطق المرتفعة.
b|وأوضح أن المحطة تضم أربعة مرشحات رملية سريعة وخزانًا علويًا بسعة 1500 متر مكعب، إلى جانب شبكة خطوط ناقلة بطول 12 كيلومترًا جرى تنفيذها بالتوازي مع أعمال الإنشاء.
b|ربط القرى المحرومة
b|وأشار رئيس شركة مياه الشرب والصرف الصحي بأسوان، المهندس طارق حلمي، إلى أن المرحلة الثانية من المشروع تشمل توصيل المياه إلى 1200 منزل في نجوع لم تكن مرتبطة بالشبكة العامة من قبل، على أن تنتهي الأعمال قبل نهاية يونيو المقبل.
related|اقرأ أيضًا:
related|محافظ أسوان يتفقد أعمال تطوير كورنيش النيل بإدفو
b|وأضاف أن الشركة خصصت رقم واتساب لتلقي شكاوى المواطنين بشأن انقطاع المياه أو تسرب الخطوط، إلى جانب الخط الساخن 125، مؤكدًا أن جميع البلاغات يجري التعامل معها خلال 24 ساعة.
ad|إعلان
b|من جانبهم، أعرب عدد من الأهالي عن ارتياحهم لتشغيل المحطة، وقال الحاج عبد الله إدريس، أحد سكان القرية، إن الأسر كانت تضطر لشراء المياه من السيارات المتنقلة بأسعار مرتفعة طوال فصل الصيف.
b|وفي ختام الجولة، وجّه المحافظ بسرعة الانتهاء من أعمال رصف الطريق المؤدي إلى المحطة، وتشكيل لجنة لمتابعة جودة المياه بشكل دوري بالتنسيق مع مديرية الصحة.
"""
    return mahrousa(
        "001_ar-eg-mahrousa-aswan-water.txt",
        ["عاجل | رئيس الوزراء يتابع موقف توريد القمح المحلي استعدادًا للموسم الجديد",
         "عاجل | الأرصاد: طقس دافئ نهارًا بارد ليلًا على أغلب الأنحاء"],
        "الرئيسية » أخبار مصر » محافظات",
        "محافظ أسوان يفتتح محطة مياه الشرب بقرية الكرور بطاقة 20 ألف متر مكعب يوميًا",
        "كتب: أحمد عبد الرحيم",
        "الثلاثاء، 12 مارس 2024 - 10:45 ص",
        "محافظ أسوان خلال تفقد المحطة الجديدة",
        body,
        "الوسوم: محافظة أسوان، مياه الشرب، حياة كريمة، قرية الكرور",
        ["سعر الذهب اليوم في مصر.. عيار 21 يسجل ارتفاعًا جديدًا",
         "موعد صرف معاشات شهر أبريل 2024 بالزيادة الجديدة",
         "تفاصيل الحالة المرورية بشوارع القاهرة والجيزة صباح اليوم",
         "جدول امتحانات الفصل الدراسي الثاني لطلاب الشهادة الإعدادية"],
        {"source_name": "بوابة المحروسة 24", "published": "2024-03-12", "author": "أحمد عبد الرحيم"})


@doc
def d002():
    body = """
b|كشفت بيانات الحجر الزراعي بوزارة الزراعة واستصلاح الأراضي، اليوم الثلاثاء، أن صادرات مصر من الموالح تجاوزت مليونًا و80 ألف طن منذ انطلاق الموسم التصديري في نوفمبر الماضي، بزيادة تقارب 9% مقارنة بالفترة نفسها من العام الماضي.
b|وتصدّر البرتقال قائمة الصادرات بنحو 870 ألف طن، تلاه اليوسفي والليمون، فيما جاءت دول الخليج وروسيا وهولندا في مقدمة الأسواق المستقبلة للشحنات المصرية.
b|وقال مصدر بالحجر الزراعي إن الوزارة أصدرت أكثر من 21 ألف شهادة صحة نباتية خلال الموسم الحالي، مع تشديد إجراءات الفحص في المزارع ومحطات التعبئة لضمان مطابقة الشحنات لاشتراطات الدول المستوردة.
b|أسواق جديدة
b|وأضاف المصدر أن الموسم شهد فتح أسواق جديدة أمام البرتقال المصري في عدد من دول جنوب شرق آسيا، بعد استيفاء ملفات فنية استمرت مفاوضاتها أكثر من عامين.
related|اقرأ أيضًا:
related|وزير الزراعة يبحث مع وفد أوروبي زيادة الصادرات الزراعية المصرية
b|في المقابل، أشار عدد من المصدرين إلى ارتفاع تكاليف الشحن البحري خلال الأشهر الأخيرة بسبب اضطراب حركة الملاحة في البحر الأحمر، ما دفع بعض الشركات إلى تغيير مسارات الشحن نحو الأسواق الأوروبية.
ad|إعلان
b|وامتنع مسؤول بالمجلس التصديري للحاصلات الزراعية عن التعليق على توقعات الأرقام النهائية للموسم، مكتفيًا بالقول إن المؤشرات الحالية «إيجابية» وإن الصادرات مستمرة حتى نهاية يونيو.
b|ويُعد البرتقال المصري من أكثر المنتجات الزراعية تنافسية في الأسواق العالمية، إذ تحتل مصر مكانة متقدمة بين أكبر مصدري البرتقال في العالم خلال السنوات الأخيرة.
"""
    return mahrousa(
        "002_ar-eg-mahrousa-citrus-exports.txt",
        ["عاجل | وزير التعليم يعلن موعد امتحانات الثانوية العامة 2024",
         "عاجل | الأرصاد: طقس دافئ نهارًا بارد ليلًا على أغلب الأنحاء"],
        "الرئيسية » اقتصاد » زراعة",
        "صادرات الموالح المصرية تتجاوز مليون طن منذ بداية الموسم",
        "كتبت: منى السيد",
        "الثلاثاء، 2 أبريل 2024 - 01:20 م",
        "شحنات برتقال مصري في ميناء الإسكندرية - صورة أرشيفية",
        body,
        "الوسوم: صادرات الموالح، البرتقال المصري، وزارة الزراعة، الحجر الزراعي",
        ["سعر الذهب اليوم في مصر.. عيار 21 يسجل ارتفاعًا جديدًا",
         "أسعار الخضروات والفاكهة في سوق العبور اليوم",
         "موعد صرف معاشات شهر أبريل 2024 بالزيادة الجديدة",
         "الحكومة تعلن مواعيد غلق المحلات في الصيف"],
        {"source_name": "بوابة المحروسة 24", "published": "2024-04-02", "author": "منى السيد"})


@doc
def d003():
    body = """
b|حذرت وزارة الداخلية المواطنين من التعامل مع قنوات ومجموعات وهمية على تطبيقي تيليجرام وواتساب تروّج لعقود عمل في دول الخليج وأوروبا مقابل رسوم مالية تُدفع مقدمًا، مؤكدة أن تلك القنوات لا تتبع أي جهة رسمية مرخصة.
b|وقالت مصادر أمنية إن الإدارة العامة لمكافحة جرائم تقنية المعلومات رصدت خلال الأسابيع الماضية أكثر من 40 قناة تستخدم شعارات شركات إلحاق عمالة معروفة، وتطلب من الراغبين في السفر تحويل مبالغ تتراوح بين 3 و15 ألف جنيه.
b|كيف تعمل الحيلة؟
b|وأوضحت المصادر أن القائمين على تلك القنوات يطلبون من الضحية الاشتراك في قناة مغلقة، ثم إرسال صور جواز السفر والمؤهل الدراسي، قبل مطالبته بدفع «رسوم حجز» عبر محافظ إلكترونية يصعب تتبعها.
b|وبعد تحويل المبلغ، تُحذف المحادثات ويُحظر رقم الضحية، وفي حالات أخرى يُطلب منه دفع مبالغ إضافية بدعوى استخراج تأشيرة أو إجراء كشف طبي.
related|اقرأ أيضًا:
related|ضبط عصابة تستولي على أموال المواطنين بزعم توفير شقق سكنية
b|وتمكنت الأجهزة الأمنية من ضبط ثلاثة متهمين في محافظتي الجيزة والشرقية، عُثر بحوزتهم على هواتف محمولة وعشرات الشرائح، واعترفوا بإدارة عدد من القنوات والاستيلاء على أموال نحو 200 شخص.
ad|إعلان
b|نصائح للمواطنين
b|ودعت الوزارة المواطنين إلى اتباع عدد من الإرشادات، أبرزها:
b|- التأكد من ترخيص شركة إلحاق العمالة عبر الموقع الرسمي لوزارة العمل.
b|- عدم دفع أي مبالغ مالية قبل توقيع عقد رسمي موثق.
b|- الإبلاغ فورًا عن أي قناة مشبوهة عبر الخط الساخن 108 أو الصفحة الرسمية للوزارة.
b|وأكدت الوزارة أن فرق الرصد الإلكتروني تواصل متابعة الصفحات والقنوات المشبوهة، وأنه سيتم اتخاذ الإجراءات القانونية ضد كل من يثبت تورطه في هذه الجرائم.
"""
    return mahrousa(
        "003_ar-eg-mahrousa-telegram-scam.txt",
        ["عاجل | وزير الصحة يتفقد مستشفى العاصمة الإدارية الجديد",
         "عاجل | السكة الحديد تعلن مواعيد القطارات الإضافية لعيد الأضحى"],
        "الرئيسية » حوادث وقضايا",
        "الداخلية تحذر من قنوات وهمية على تيليجرام تعرض وظائف بالخارج مقابل رسوم",
        "كتب: محمود الشافعي",
        "الأحد، 19 مايو 2024 - 08:05 م",
        "صورة تعبيرية",
        body,
        "الوسوم: وزارة الداخلية، النصب الإلكتروني، تيليجرام، وظائف بالخارج",
        ["سعر الذهب اليوم في مصر.. عيار 21 يسجل ارتفاعًا جديدًا",
         "موعد إجازة عيد الأضحى 2024 للقطاع الحكومي والخاص",
         "تفاصيل الحالة المرورية بشوارع القاهرة والجيزة صباح اليوم",
         "نتيجة الشهادة الإعدادية بالاسم ورقم الجلوس"],
        {"source_name": "بوابة المحروسة 24", "published": "2024-05-19", "author": "محمود الشافعي"})


@doc
def d024():
    # section/listing page of the same site: no article at all -> must be rejected
    spec = """
ticker|عاجل | الأرصاد: طقس دافئ نهارًا بارد ليلًا على أغلب الأنحاء
""" + MAHROUSA_TOP + """
navigation|الرئيسية » أخبار مصر
navigation|أخبار مصر
related|محافظ أسوان يفتتح محطة مياه الشرب بقرية الكرور بطاقة 20 ألف متر مكعب يوميًا
template|منذ 15 دقيقة
related|محافظ الجيزة يتابع أعمال رصف طريق ترسا بالهرم
template|منذ 40 دقيقة
related|تحرير 38 محضرًا لمخابز مخالفة في حملة تموينية بالمنيا
template|منذ ساعة
ad|إعلان
related|رفع كفاءة 12 مدرسة بقرى مركز طما في سوهاج
template|منذ ساعتين
related|انطلاق قافلة طبية مجانية بقرية الشيخ زايد في الإسماعيلية
template|منذ 3 ساعات
related|تشغيل خط مياه جديد لخدمة 5 قرى بكفر الشيخ
template|منذ 4 ساعات
navigation|تحميل المزيد
navigation|« السابق   1   2   3   4   ...   57   التالي »
social_promo|تابعوا آخر أخبار بوابة المحروسة 24 عبر قناتنا على واتساب
social_promo|تابعوا بوابة المحروسة 24 على Google News
footer|جميع الحقوق محفوظة © 2024 بوابة المحروسة 24 - يُحظر النسخ أو إعادة النشر دون إذن مسبق
cookie|نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. بمواصلة التصفح فإنك توافق على سياسة الخصوصية.
cookie|موافق
"""
    return text_doc("024_ar-eg-mahrousa-section.txt", spec,
                    {"source_name": "بوابة المحروسة 24", "published": None, "author": None}, sep=1,
                    expect_rejected="no article body: section/listing page of headlines and navigation only")


@doc
def d025():
    spec = """
~nb
~
artifact|جاري التحميل...
~sp
~
"""
    return text_doc("025_ar-loading.txt", spec,
                    {"source_name": None, "published": None, "author": None}, sep=0,
                    expect_rejected="near-empty file: only a loading placeholder, no article")


@doc
def d005():
    # UAE, UTF-8 with BOM, no blank lines between lines
    spec = """
navigation|تخطي إلى المحتوى
template|الإمارات 365
navigation|محليات
t|«طرق دبي» تطلق خدمة الحافلات عند الطلب في ثلاث مناطق سكنية جديدة
m:dateline|دبي - الإمارات 365
m:published_line|تاريخ النشر: 15 سبتمبر 2024 | آخر تحديث: 15 سبتمبر 2024 - 16:40
counter|المشاهدات: 3,418
caption|حافلة ذكية تابعة لهيئة الطرق والمواصلات في دبي. (من المصدر)
b|أعلنت هيئة الطرق والمواصلات في دبي توسيع خدمة «الحافلات عند الطلب» لتشمل ثلاث مناطق سكنية جديدة، هي مردف والمزهر والبرشاء جنوب، اعتبارًا من الأول من أكتوبر المقبل، وذلك بعد نجاح المرحلة التجريبية في منطقتي الخليج التجاري وواحة دبي للسيليكون.
b|وتتيح الخدمة للمستخدمين حجز رحلاتهم عبر تطبيق مخصص على الهواتف الذكية، حيث يحدد الراكب نقطة الانطلاق والوجهة داخل المنطقة، لتصل إليه حافلة صغيرة تتسع لـ13 راكبًا خلال مدة لا تتجاوز 15 دقيقة في المتوسط.
b|وقال مدير إدارة التخطيط بمؤسسة المواصلات العامة في الهيئة إن الخدمة سجّلت منذ إطلاقها أكثر من 120 ألف رحلة، بنسبة رضا تجاوزت 92%، مضيفًا أن التوسع الجديد يستهدف ربط الأحياء السكنية بمحطات المترو والحافلات الرئيسية.
related|اقرأ أيضاً: «طرق دبي» تعلن تعديل مسارات 9 خطوط حافلات اعتبارًا من الشهر المقبل
b|الأجرة والدفع
b|وتبلغ أجرة الرحلة الواحدة 5 دراهم، تُخصم عبر بطاقة «نول» أو البطاقات المصرفية المسجلة في التطبيق، مع إمكانية الاشتراك في باقة شهرية بسعر مخفض للمستخدمين الدائمين.
b|وأشارت الهيئة إلى أن الحافلات مزودة بأنظمة تتبع لحظي، ويمكن للركاب مشاركة موقع الرحلة مع ذويهم عبر واتساب أو الرسائل النصية من داخل التطبيق، في إطار معايير السلامة المعتمدة.
ad|إعلان
b|ودعت الهيئة سكان المناطق المشمولة إلى تحميل التطبيق وتسجيل بياناتهم مسبقًا، مؤكدة أنها ستدرس إضافة مناطق أخرى خلال عام 2025 بناءً على مؤشرات الطلب.
m:source_line|المصدر: وام
social_promo|انضموا إلى قناة «الإمارات 365» على واتساب لمتابعة الأخبار لحظة بلحظة
social_promo|حمّل تطبيق الإمارات 365 على App Store و Google Play
tag|كلمات مفتاحية: طرق دبي | المواصلات العامة | الحافلات عند الطلب
related|قد يهمك أيضاً
related|شرطة أبوظبي تدعو السائقين إلى الالتزام بالسرعات المحددة مع بدء العام الدراسي
related|«الصحة» تطلق حملة التطعيم الموسمية ضد الإنفلونزا في مراكزها
related|دبي: افتتاح حديقة جديدة في منطقة الورقاء بمساحة 30 ألف متر مربع
footer|جميع الحقوق محفوظة لموقع الإمارات 365 © 2024
cookie|يستخدم هذا الموقع ملفات الارتباط (Cookies) لتقديم أفضل تجربة ممكنة. هل توافق على ذلك؟
cookie|نعم، أوافق | لا، شكرًا
"""
    return text_doc("005_ar-ae-dubai-bus.txt", spec,
                    {"source_name": ["الإمارات 365", "وام"], "published": "2024-09-15", "author": None},
                    sep=0, encoding="utf-8-sig")


@doc
def d006():
    # Lebanon, Levantine months; header date (scrape day) differs from the publication date
    spec = """
template|الأحد 10 تشرين الثاني 2024
ticker|آخر الأخبار | وزير الأشغال يتفقد أعمال توسعة مرفأ طرابلس
t|تسعيرة المولدات لشهر تشرين الأول: ارتفاع طفيف رغم تحسّن ساعات التغذية
m:dateline|بيروت – خاص «المدار»
m:published_line|الخميس 7 تشرين الثاني 2024 - 11:32
share_widget|A-   A   A+
comments|3 تعليقات
b|أصدرت وزارة الطاقة والمياه، اليوم، جدول التسعيرة الرسمية لاشتراكات المولدات الخاصة عن شهر تشرين الأول، وحددت سعر الكيلوواط ساعة بـ 29,500 ليرة لبنانية، أي ما يعادل نحو 33 سنتًا، مسجلًا ارتفاعًا طفيفًا مقارنة بتسعيرة أيلول.
b|وأوضحت الوزارة في بيان أن التسعيرة احتُسبت على أساس متوسط سعر صفيحة المازوت خلال الشهر وسعر صرف الدولار في السوق، إضافة إلى كلفة الصيانة والزيوت ورواتب العاملين.
b|ويأتي ذلك في وقت تحسنت فيه ساعات تغذية كهرباء لبنان في عدد من المناطق لتتراوح بين ست وعشر ساعات يوميًا، بعد وصول شحنة الفيول العراقي الأخيرة في منتصف الشهر الماضي.
b|أصحاب المولدات: التسعيرة لا تغطي الكلفة
b|في المقابل، اعتبر تجمع أصحاب المولدات الخاصة أن التسعيرة «غير واقعية»، مشيرًا إلى أن كثيرًا من المشتركين خفّضوا قدرة اشتراكهم من 10 أمبير إلى 5 أمبير بعد تحسّن التغذية، ما قلّص مداخيل المولدات بنسبة كبيرة.
related|اقرأ أيضاً
related|كهرباء لبنان تعلن برنامج التقنين الجديد في بيروت الإدارية
b|وقال أحد أصحاب المولدات في منطقة الأشرفية لـ«المدار» إن «العداد بات يسجل استهلاكًا أقل، فيما بقيت الكلفة الثابتة على حالها»، رافضًا التعليق على ما يُحكى عن نية بعض الأصحاب رفع رسوم التأمين الشهري.
b|من جهتها، دعت جمعية حماية المستهلك المواطنين إلى التدقيق في فواتيرهم ومطابقتها مع الجدول الرسمي، والإبلاغ عن أي مخالفة عبر الخط الساخن لمديرية حماية المستهلك في وزارة الاقتصاد.
b|وكانت الوزارة قد أطلقت في كانون الثاني الماضي حملة لتركيب العدادات في جميع المناطق، غير أن نسبة الالتزام لم تتجاوز 70 في المئة وفق أرقام غير رسمية، خصوصًا في الأحياء الشعبية والمناطق الريفية.
b|ومن المتوقع أن تُنشر تسعيرة تشرين الثاني مطلع كانون الأول المقبل، وسط ترقّب لمسار أسعار المحروقات عالميًا ومدى انتظام شحنات الفيول في الأسابيع المقبلة.
m:byline|الكاتب: ريتا خوري
tag|كلمات دالة:
tag|وزارة الطاقة
tag|المولدات الخاصة
tag|كهرباء لبنان
~
social_promo|تابعوا «المدار» على تلغرام
donation|الصحافة المستقلة تحتاج إلى دعمكم. ساهموا في استمرار «المدار» بتبرّع شهري ولو بمبلغ بسيط.
donation|تبرّع الآن
~nb
comments|3 تعليقات
comments|جورج ح.
comments|كل شهر نفس القصة والدولة غايبة
comments|منذ يومين
comments|سامر
comments|عنا بالضيعة ما في عداد أصلاً، بيحسبولنا على المقطوع
comments|منذ يوم
comments|أضف تعليقك
comments|يرجى الالتزام بآداب الحوار. التعليقات المسيئة لن تُنشر.
comments|إرسال التعليق
footer|© 2024 المدار اللبناني. جميع الحقوق محفوظة
navigation|↑
"""
    return text_doc("006_ar-lb-generators.txt", spec,
                    {"source_name": ["المدار اللبناني", "المدار"], "published": "2024-11-07", "author": "ريتا خوري"},
                    sep=1)


@doc
def d008():
    # Jordan, windows-1256 bytes, CRLF line ends
    spec = """
template|البلقاء نيوز
navigation|الرئيسية | محليات | اقتصاد | برلمان | رياضة | منوعات | كتّاب
ticker|عاجل: التربية تعلن تعليق الدوام المدرسي الأربعاء في عدد من المحافظات
t|الأرصاد: منخفض جوي وأمطار غزيرة على المملكة اعتبارًا من مساء الثلاثاء
m:dateline|عمّان - البلقاء نيوز
m:published_line|تاريخ النشر : 2024-01-15 | 14:20
counter|عدد المشاهدات : 2310
share_widget|طباعة | إرسال لصديق | حفظ
b|توقعت إدارة الأرصاد الجوية أن تتأثر المملكة اعتبارًا من مساء الثلاثاء بمنخفض جوي مصحوب بكتلة هوائية باردة ورطبة، تؤدي إلى انخفاض ملموس على درجات الحرارة وهطول أمطار غزيرة في أغلب المناطق.
b|وقالت الإدارة في نشرتها اليومية إن الأمطار ستبدأ في شمال ووسط المملكة قبل أن تمتد إلى المناطق الجنوبية صباح الأربعاء، وتكون أحيانًا رعدية ومصحوبة بتساقط البَرَد، مع احتمال تشكّل السيول في الأودية والمناطق المنخفضة.
b|ويُتوقع أن تتراوح درجات الحرارة العظمى في عمّان بين 9 و11 درجة مئوية، فيما تنخفض الصغرى إلى 3 درجات، مع فرصة لتساقط زخات من الثلج على المرتفعات الجنوبية التي يزيد ارتفاعها على 1400 متر يوم الخميس.
ad|إعلان
b|تحذيرات من السيول والانزلاقات
b|وحذّرت الإدارة من خطر الانزلاق على الطرقات بسبب تشكّل الصقيع ليلًا، ومن تدني مدى الرؤية الأفقية، داعية السائقين إلى تخفيف السرعة وعدم الاقتراب من مجاري الأودية.
b|من جانبها، أعلنت أمانة عمّان الكبرى رفع حالة الطوارئ القصوى في كوادرها، وتجهيز 350 آلية وأكثر من 4 آلاف عامل للتعامل مع أي ملاحظات، مشيرة إلى أن غرفة العمليات تستقبل البلاغات على مدار الساعة عبر الرقم المجاني ورقم الواتساب المعتمد.
related|شاهد أيضاً: بالفيديو.. سيول تغلق طريقًا زراعيًا في الأغوار الشمالية
b|وكانت المملكة قد شهدت في كانون الأول الماضي هطولات دون المعدل العام، إذ لم تتجاوز نسبة الموسم المطري حتى الآن 35 في المئة من المعدل السنوي في معظم محطات الرصد، وفق أرقام وزارة المياه والري.
b|ويؤثر المنخفض على المملكة حتى مساء الخميس، على أن يطرأ ارتفاع تدريجي على درجات الحرارة اعتبارًا من يوم الجمعة، مع بقاء الأجواء باردة نسبيًا في ساعات الليل.
social_promo|تابعوا البلقاء نيوز على فيسبوك
~
footer|جميع الحقوق محفوظة © البلقاء نيوز 2024 - يسمح بالاقتباس مع ذكر المصدر
footer|تصميم وتطوير: شركة الرؤية للحلول الرقمية
"""
    return text_doc("008_ar-jo-weather.txt", spec,
                    {"source_name": "البلقاء نيوز", "published": "2024-01-15", "author": None},
                    sep=1, encoding="cp1256", newline="\r\n")


@doc
def d009():
    # Morocco: Moroccan month names (يوليوز، غشت، شتنبر), French-language chrome bits
    spec = """
template|أنباء الأطلس
ticker|مباشر | انطلاق عملية مرحبا 2024 بميناء طنجة المتوسط
~
t|نسبة ملء السدود بالمغرب تتراجع إلى 28 في المائة مع ارتفاع درجات الحرارة
m:byline|بقلم: هشام بنعلي
m:published_line|الخميس 18 يوليوز 2024 - 12:30
comments|تعليقات (12)
caption|صورة: أرشيف
b|تراجعت نسبة ملء السدود بالمغرب إلى حوالي 28,4 في المائة إلى غاية يوم الخميس، مقابل 30,1 في المائة خلال الفترة نفسها من السنة الماضية، وفق المعطيات الرسمية الصادرة عن وزارة التجهيز والماء.
b|وبلغ الحجم الإجمالي لمخزون المياه بالسدود نحو 4,56 مليار متر مكعب، في ظل موجة حرارة تعرفها عدة مناطق بالمملكة منذ مطلع شهر يوليوز، رفعت من نسبة تبخر المياه من حقينات السدود.
b|وسجل حوض أبي رقراق أعلى نسبة ملء على المستوى الوطني بأزيد من 52 في المائة، يليه حوض اللوكوس بنحو 41 في المائة، في حين لم تتجاوز النسبة في حوض أم الربيع 6 في المائة، وهو الحوض الذي يزود جزءا كبيرا من مدن الوسط بالماء الشروب.
ad|إعلان
b|إجراءات لترشيد الاستهلاك
b|وفي هذا السياق، دعت السلطات المحلية بعدد من الأقاليم إلى ترشيد استهلاك الماء، ومنعت سقي المساحات الخضراء وملاعب الغولف بالمياه الصالحة للشرب، إلى جانب إغلاق الحمامات التقليدية ومحلات غسل السيارات ثلاثة أيام في الأسبوع.
related|اقرأ أيضا: محطة تحلية مياه البحر بالدار البيضاء تدخل مرحلة الأشغال الكبرى
b|وأكد خبير في الموارد المائية، في تصريح لـ«أنباء الأطلس»، أن الوضعية «تبقى مقلقة» رغم المشاريع المهيكلة التي أطلقتها المملكة، وعلى رأسها الربط بين الأحواض المائية ومحطات تحلية مياه البحر، مبرزا أن «السنوات الست الأخيرة من الجفاف غير مسبوقة».
b|ولم يتسن لـ«أنباء الأطلس» الحصول على تعليق من وزارة التجهيز والماء بخصوص الإجراءات المرتقبة خلال شهري غشت وشتنبر، اللذين يعرفان عادة ذروة الاستهلاك.
b|يذكر أن الحكومة كانت قد أعلنت في يناير الماضي عن برنامج استعجالي لتأمين التزود بالماء الشروب في المدن والقرى الأكثر تضررا، بكلفة تناهز 143 مليار درهم.
~
social_promo|تابعوا آخر الأخبار من أنباء الأطلس على Google Actualités
social_promo|انضموا إلينا على تلجرام
~nb
comments|تعليقات الزوار
comments|أضف تعليقك
comments|المرجو عدم نشر تعليقات تتضمن السب أو القذف، وكل تعليق مخالف لن يتم نشره.
comments|الإسم
comments|البريد الإلكتروني
comments|إرسال
footer|جميع الحقوق محفوظة أنباء الأطلس 2024 ©
cookie|نستعمل ملفات تعريف الارتباط (cookies) لضمان حصولك على أفضل تجربة على موقعنا.
cookie|قبول
"""
    return text_doc("009_ar-ma-dams.txt", spec,
                    {"source_name": "أنباء الأطلس", "published": "2024-07-18", "author": "هشام بنعلي"},
                    sep=1)


@doc
def d011():
    # Tunisia, aggregator template (title repeated in a template dateline), Maghreb months
    spec = """
t|صابة الحبوب: تجميع أكثر من 7 ملايين قنطار إلى حدود نهاية جوان
~
share_widget|تعليق 0    مشاركة    A+  A-
~
template|يسرّنا أن نقدم لكم متابعينا الكرام تفاصيل الخبر التالي:
m:template_dateline|صابة الحبوب: تجميع أكثر من 7 ملايين قنطار إلى حدود نهاية جوان - الثلاثاء 02 جويلية 2024 على الساعة 10:15
~
repeated_title|صابة الحبوب: تجميع أكثر من 7 ملايين قنطار إلى حدود نهاية جوان
~
m:published_line|نشر في قرطاج إنفو يوم 02 - 07 - 2024
~
counter|18734
b|بلغت كميات الحبوب المجمّعة إلى حدود يوم 30 جوان 2024 نحو 7,2 مليون قنطار، مقابل 2,7 مليون قنطار خلال كامل الموسم الفارط، وفق ما أفاد به المدير العام لديوان الحبوب في تصريح لوكالة تونس إفريقيا للأنباء.
b|وأوضح المسؤول أن القمح الصلب يمثل النسبة الأكبر من الكميات المجمعة بحوالي 5,1 مليون قنطار، يليه الشعير ثم القمح اللين، مشيرا إلى أن ولايات باجة وجندوبة وسليانة والكاف تتصدر قائمة الولايات المنتجة.
b|وأضاف أن الديوان وفّر 160 مركز تجميع موزعة على ولايات الشمال والوسط، إلى جانب طاقة خزن إضافية تقدر بمليون قنطار في مخازن مؤقتة، لاستيعاب الكميات المنتظرة خلال شهر جويلية.
artifact|…
b|أسعار التجميع وآجال الخلاص
b|وبخصوص أسعار القبول عند الإنتاج، ذكّر المدير العام بأن سعر القنطار من القمح الصلب حُدّد بـ 130 دينارا، ومن القمح اللين بـ 105 دنانير، ومن الشعير بـ 90 دينارا، مؤكدا أن خلاص الفلاحين يتم في أجل لا يتجاوز 15 يوما من تاريخ التسليم.
b|وفي المقابل، اشتكى عدد من الفلاحين بولاية باجة من طول فترات الانتظار أمام مراكز التجميع، التي تصل أحيانا إلى يومين كاملين، مطالبين بتمديد ساعات العمل خلال ذروة الحصاد.
b|وتتوقع وزارة الفلاحة أن تبلغ صابة الحبوب لهذا الموسم حوالي 11 مليون قنطار، بفضل التساقطات المسجلة خلال شهري مارس وأفريل، بعد موسم صعب تأثر بالجفاف خلال السنة الماضية.
social_promo|لمتابعة آخر الأخبار تابعوا صفحتنا على الفايسبوك
~
~
related|مقالات قد تهمك
~
related|ديوان الزيت: صادرات زيت الزيتون تتجاوز 200 ألف طن خلال سبعة أشهر
related|باجة: حريق يأتي على 5 هكتارات من القمح بمعتمدية تستور
related|وزارة التجارة: تعديل أسعار العلف المركب بداية من غرة أوت
~
share_widget|Partager
footer|كل الحقوق محفوظة © قرطاج إنفو
comments|لا توجد تعليقات
"""
    return text_doc("011_ar-tn-grain.txt", spec,
                    {"source_name": "قرطاج إنفو", "published": "2024-07-02", "author": None},
                    sep=0, final_newline=False)


@doc
def d012():
    # Iraq, Arabic-Indic digits, Telegram/WhatsApp in the body AND in the promos
    spec = """
template|الرافدين برس
ticker|وزارة الكهرباء: إضافة ٥٠٠ ميغاواط إلى المنظومة الوطنية خلال أيام
ticker|المرور العامة تعلن قطوعات في جانب الكرخ بسبب أعمال مجسر
navigation|الرئيسية > محليات
t|هيئة الإعلام والاتصالات تحذر من قنوات على «تيليجرام» تبيع بيانات المواطنين
m:dateline|بغداد / الرافدين برس
m:published_line|٢٠٢٤/١١/١٢ - ١٠:٤٥ ص
counter|عدد القراءات: ١٬٢٠٤
m:byline|متابعة: زينب الجبوري
b|حذّرت هيئة الإعلام والاتصالات، يوم الثلاثاء، المواطنين من التعامل مع قنوات ومجموعات على تطبيق «تيليجرام» تعرض للبيع قواعد بيانات تتضمن أسماء وأرقام هواتف وعناوين سكن لمواطنين عراقيين، مؤكدة أن تداول هذه البيانات يُعد جريمة يعاقب عليها القانون.
b|وقالت الهيئة في بيان تلقته «الرافدين برس» إن فرقها الفنية رصدت خلال الأشهر الثلاثة الماضية ما لا يقل عن ٢٣ قناة تنشر عينات من بيانات مسربة، بعضها يعود لشركات خاصة ومكاتب سفر ومراكز تسوق، وتعرض بيع النسخ الكاملة مقابل مبالغ تتراوح بين ١٠٠ و٥٠٠ دولار.
b|وأضاف البيان أن الهيئة خاطبت إدارة التطبيق لإغلاق القنوات المخالفة، وأحالت ملفاتها إلى الجهات الأمنية المختصة، داعية الشركات التي تجمع بيانات زبائنها إلى تعزيز إجراءات الحماية وعدم مشاركتها مع أي طرف ثالث.
b|رسائل احتيال عبر واتساب
b|وأشارت الهيئة إلى أن جزءًا من هذه البيانات يُستخدم في عمليات احتيال عبر رسائل واتساب، ينتحل فيها المحتالون صفة موظفين في المصارف أو شركات الاتصالات، ويطلبون من الضحايا رموز التحقق المرسلة إلى هواتفهم.
caption|شعار تطبيق تيليجرام على شاشة هاتف محمول (أرشيفية)
b|وقال خبير الأمن الرقمي علي الساعدي لـ«الرافدين برس» إن «غياب قانون نافذ لحماية البيانات الشخصية في العراق يجعل ملاحقة المتورطين أمرًا صعبًا»، مطالبًا مجلس النواب بالإسراع في إقرار مشروع القانون المعطل منذ سنوات.
related|اقرأ ايضاً
related|الداخلية تطيح بشبكة احتيال إلكتروني في البصرة
b|ودعت الهيئة المواطنين إلى عدم مشاركة رموز التحقق مع أي جهة، وتفعيل خاصية التحقق بخطوتين في تطبيقات المراسلة، والإبلاغ عن أي رسالة مشبوهة عبر الرقم المجاني ١٣٣.
b|وكانت الحكومة قد حجبت تطبيق تيليجرام مؤقتًا في آب ٢٠٢٣ لأسباب قالت إنها تتعلق بالأمن الوطني وحماية بيانات المواطنين، قبل أن تعيد السماح به بعد أيام.
social_promo|تابعوا قناة الرافدين برس على التيليجرام لآخر الأخبار العاجلة
social_promo|اشترك في قناتنا على يوتيوب
comments|التعليقات
comments|اكتب تعليقك هنا...
footer|الحقوق محفوظة لموقع الرافدين برس ٢٠٢٤
navigation|أعلى الصفحة
"""
    return text_doc("012_ar-iq-telegram-data.txt", spec,
                    {"source_name": "الرافدين برس", "published": "2024-11-12", "author": "زينب الجبوري"},
                    sep=1)


@doc
def d013():
    # Yemen, republished from another outlet; only a relative time, so no publication date
    spec = """
template|صوت عدن
navigation|الرئيسية / اقتصاد
t|ارتفاع جديد في أسعار صرف العملات الأجنبية بعدن والريال يسجل أدنى مستوى له
m:relative_time|منذ 3 ساعات
share_widget|طباعة  |  إرسال عبر البريد
m:dateline|عدن (الجنوب برس) خاص
b|شهدت أسعار صرف العملات الأجنبية في العاصمة عدن والمحافظات المحررة، صباح اليوم، ارتفاعًا جديدًا، حيث تجاوز سعر الدولار الأمريكي الواحد 1900 ريال يمني في محلات الصرافة، في أدنى مستوى تسجله العملة المحلية منذ مطلع العام.
b|وبلغ سعر بيع الريال السعودي نحو 500 ريال يمني، فيما سجل سعر شرائه 497 ريالًا، وسط حالة من الترقب في الأسواق المحلية وتراجع ملحوظ في حركة البيع والشراء.
b|وأرجع مصرفيون هذا التراجع إلى شح السيولة من العملات الأجنبية وتوقف صادرات النفط منذ أكثر من عام، إضافة إلى المضاربة التي تمارسها بعض شركات الصرافة غير المرخصة.
b|وقال أحد تجار المواد الغذائية في مديرية الشيخ عثمان لـ«الجنوب برس» إن أسعار الدقيق والأرز والزيت ارتفعت بنسب تتراوح بين 10 و15 في المئة خلال أسبوعين فقط، ما أثقل كاهل المواطنين ذوي الدخل المحدود.
ad|مساحة إعلانية
b|في المقابل، أعلن البنك المركزي اليمني في عدن عن مزاد جديد لبيع 30 مليون دولار للبنوك التجارية والإسلامية الأسبوع المقبل، في محاولة لتغطية فاتورة استيراد السلع الأساسية والحد من تدهور العملة.
b|ويطالب اقتصاديون الحكومة بإجراءات عاجلة لضبط سوق الصرف، من بينها توحيد الشبكات المالية، وإلزام شركات الصرافة بالعمل تحت رقابة البنك المركزي، وتفعيل موارد الدولة من الجمارك والضرائب.
m:source_line|المصدر: الجنوب برس
disclaimer|هذا المحتوى مقتبس من «الجنوب برس» ولا يعبر بالضرورة عن سياسة صوت عدن التحريرية.
social_promo|انضم إلى مجموعتنا على واتساب ليصلك الخبر أولاً بأول
social_promo|تابعنا على تويتر
related|الأكثر قراءة
related|انقطاع الكهرباء يتجاوز 12 ساعة يوميًا في عدن مع اشتداد الحر
related|وصول سفينة محملة بالقمح إلى ميناء عدن
related|إضراب المعلمين يدخل أسبوعه الثاني في لحج
comments|علّق على الخبر
navigation|إلى الأعلى ▲
"""
    return text_doc("013_ar-ye-aden-exchange.txt", spec,
                    {"source_name": ["صوت عدن", "الجنوب برس"], "published": None, "author": None},
                    sep=1)


@doc
def d014():
    # Sudan; title repeated after the share line; irregular blank lines
    spec = """
template|النيل الأزرق نيوز
m:published_line|الأربعاء، 25 سبتمبر 2024
t|بدء حملة تطعيم ضد الكوليرا تستهدف 1.4 مليون شخص في ولاية كسلا
~
~
share_widget|شارك
~
repeated_title|بدء حملة تطعيم ضد الكوليرا تستهدف 1.4 مليون شخص في ولاية كسلا
caption|نازحون ينتظرون دورهم أمام مركز صحي في كسلا (رويترز)
~
m:dateline|كسلا: النيل الأزرق نيوز
~
b|انطلقت صباح الأربعاء في ولاية كسلا شرقي السودان حملة تطعيم واسعة ضد الكوليرا تستهدف نحو 1.4 مليون شخص في ثماني محليات، بدعم من منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة «يونيسف»، وذلك في إطار جهود احتواء تفشي المرض في الولايات الشرقية.
~
b|وقال المدير العام لوزارة الصحة بالولاية إن الحملة تستمر عشرة أيام، وتشارك فيها أكثر من 600 فرقة تطعيم ثابتة ومتحركة، تستهدف الأحياء السكنية ومراكز إيواء النازحين والأسواق ومواقف المواصلات.
b|وأوضح أن الولاية سجلت منذ بداية أغسطس الماضي أكثر من 2100 حالة إصابة بالكوليرا، بينها 47 حالة وفاة، مشيرًا إلى أن معدلات الإصابة بدأت في التراجع خلال الأسبوعين الأخيرين بفضل تدخلات إصحاح البيئة وتعقيم مصادر المياه.
~
caption|صورة من الأرشيف
~
b|النازحون الأكثر عرضة
b|وتستضيف كسلا عشرات الآلاف من النازحين الفارين من المعارك في ولايات الخرطوم والجزيرة وسنار، يقيم كثير منهم في مدارس ومبانٍ حكومية تفتقر إلى خدمات المياه والصرف الصحي، ما يجعلهم الأكثر عرضة للإصابة.
~
b|وقالت ممثلة منظمة الصحة العالمية في السودان إن التطعيم «خطوة حاسمة» لكنه لا يغني عن توفير المياه النظيفة، داعية المانحين إلى سد فجوة التمويل التي تعوق عمل المنظمات الإنسانية في البلاد.
~
related|اقرأ كذلك: وزارة الصحة الاتحادية تعلن وصول شحنة لقاحات جديدة إلى بورتسودان
~
b|ودعت وزارة الصحة بالولاية المواطنين إلى التوجه لمواقع التطعيم وعدم الالتفات إلى الشائعات المتداولة عبر مجموعات واتساب حول آثار جانبية خطيرة للقاح، مؤكدة أنه آمن ومعتمد دوليًا.
~
b|وكانت السلطات الصحية قد أعلنت في أغسطس الماضي تفشي الكوليرا رسميًا في عدد من الولايات، بعد ارتفاع الإصابات عقب موسم الأمطار والفيضانات التي ضربت أجزاء واسعة من البلاد.
~
~
share_widget|شارك الخبر
share_widget|واتساب
share_widget|فيسبوك
share_widget|تيليجرام
~
social_promo|انضم لقروبات النيل الأزرق نيوز على واتساب
~
comments|تعليق واحد
comments|ربنا يحفظ البلد وأهلها
comments|الرد
~
related|أحدث الأخبار
related|والي الجزيرة يتفقد مراكز إيواء النازحين في المناقل
related|ارتفاع أسعار الوقود في بورتسودان للمرة الثانية خلال شهر
~
footer|© النيل الأزرق نيوز 2024
"""
    return text_doc("014_ar-sd-cholera.txt", spec,
                    {"source_name": "النيل الأزرق نيوز", "published": "2024-09-25", "author": None},
                    sep=0)


@doc
def d016():
    # English wire story syndicated on a business site
    spec = """
navigation|Skip to main content
template|Gulf Ledger
navigation|Markets   Energy   Business   World   Opinion   Podcasts
navigation|Sign in   Subscribe
navigation|Business
t|Egypt's Suez Canal revenue falls 40% as shipping diverts, official says
m:byline|By Nadia Khalil
m:published_line|March 5, 2024 9:41 AM GMT+4 Updated 2 hours ago
share_widget|Share
share_widget|Save
caption|[1/2] A container ship transits the Suez Canal in Ismailia, Egypt, January 15, 2024. REUTERS/Staff/File Photo Purchase Licensing Rights
b|CAIRO (Reuters) - Revenue from Egypt's Suez Canal fell by about 40% in the first two months of the year compared with the same period in 2023, as attacks on ships in the Red Sea pushed major carriers to divert vessels around Africa, a senior canal official said on Tuesday.
b|Transits through the waterway dropped to about 2,100 ships in January and February, down from nearly 3,800 a year earlier, the official told reporters on the sidelines of a logistics conference in Ismailia.
b|"We are talking about a loss of hundreds of millions of dollars every month," the official said, adding that the canal authority had offered discounts of up to 15% to some categories of vessels in an attempt to win back traffic.
ad|Advertisement · Scroll to continue
b|The Suez Canal is one of Egypt's main sources of foreign currency, earning roughly $9.4 billion in the 2022/23 fiscal year. The decline comes as the country grapples with a severe foreign exchange shortage and inflation above 30%.
b|Shipping companies including several of the world's largest container lines have said they will keep routing vessels around the Cape of Good Hope until the security situation improves, a detour that adds roughly 10 to 14 days to voyages between Asia and Europe.
related|Read more:
related|Shipping insurers raise war-risk premiums for Red Sea voyages
related|Container freight rates ease from January peak
b|Analysts said a quick recovery in canal traffic was unlikely. "Even if the attacks stopped tomorrow, it would take carriers weeks to reorganise their networks," said a shipping analyst at a London-based consultancy, who declined to comment on specific companies.
b|The official declined to give a forecast for the full fiscal year, which ends in June.
m:credit_line|Reporting by Nadia Khalil; Additional reporting by Omar Fahmy in Ismailia; Editing by Susan Fenton
disclaimer|Our Standards: The Trust Principles.
disclaimer|This story has been syndicated from Reuters and has not been edited by Gulf Ledger staff.
newsletter|Sign up for our Morning Brief newsletter — the day's top business stories in your inbox.
newsletter|Sign up
related|Most read
related|1. Gold hits record as investors bet on rate cuts
related|2. Saudi Aramco keeps April crude prices for Asia steady
related|3. Dubai property sales climb 20% in February
footer|© 2024 Gulf Ledger. All rights reserved.
cookie|We use cookies to personalise content and ads and to analyse our traffic. Manage preferences
cookie|Accept all cookies
"""
    return text_doc("016_en-suez-reuters.txt", spec,
                    {"source_name": ["Gulf Ledger", "Reuters"], "published": "2024-03-05", "author": "Nadia Khalil"},
                    sep=1)


@doc
def d018():
    # English, nonprofit story republished under Creative Commons
    spec = """
template|Coastline Daily
navigation|News | Politics | Education | Transit | Opinion | Events | Donate
donation|Support local journalism. Become a member today.
t|City council approves fare-free buses for students through 2026
m:byline|By Marisol Vega, Harbor City Report
m:published_line|Published June 20, 2024
caption|Students board a Route 12 bus outside Westview High School. Credit: Jonah Reyes / Harbor City Report
b|The Harbor City Council voted 7-2 on Tuesday night to extend free bus rides for middle and high school students through the end of the 2025-26 school year, a program supporters say has boosted attendance and critics call too costly.
b|Under the plan, the city will pay the regional transit agency about $4.1 million a year to cover student fares, up from $2.8 million during the pilot, which began in 2022. Students board by tapping a free transit card issued through their school.
b|Ridership among students has nearly tripled since the pilot launched, according to a report presented to the council. Transit officials counted an average of 9,400 student trips per school day this spring, compared with about 3,300 before the program.
ad|Story continues below advertisement
b|Attendance gains
b|School district officials told the council that chronic absenteeism at the three high schools with the most riders fell by about six percentage points over two years, though they cautioned that other factors, including new tutoring programs, also played a role.
b|"For a lot of our families, the bus was the difference between getting to school and not," said Councilmember Andrea Liu, who sponsored the extension. "This is one of the cheapest ways we have to keep kids in class."
b|Councilmembers Rick Dawson and Paul Okafor voted against the measure, arguing the money should come from the school district's budget rather than the city's general fund. Dawson said he supported the goal but wanted the program to be means-tested.
related|Related: Transit agency weighs cutting late-night routes to close budget gap
b|Public comment on the item lasted more than an hour, with students, parents and bus drivers urging the council to approve the extension. Several speakers said families had dropped plans to subscribe to a paid monthly pass once the free rides started.
b|The transit agency's board is expected to sign the new agreement next month.
disclaimer|This article was originally published by Harbor City Report, a nonprofit newsroom, and is republished here under a Creative Commons license.
tag|Tags: transit, students, Harbor City Council
share_widget|Share: Facebook · X · LinkedIn · Email
share_widget|Print this article
newsletter|Subscribe to our free newsletter
newsletter|Enter your email
newsletter|Subscribe
comments|Leave a comment
comments|Comments are moderated and may take up to 24 hours to appear.
navigation|Back to top
footer|© 2024 Coastline Daily
"""
    return text_doc("018_en-us-student-buses.txt", spec,
                    {"source_name": ["Coastline Daily", "Harbor City Report"], "published": "2024-06-20",
                     "author": "Marisol Vega"},
                    sep=0, lead=("",))


@doc
def d021():
    # French, Moroccan francophone site
    spec = """
template|Casablanca Express
navigation|Accueil > Régions > Casablanca-Settat
ticker|Flash info : Rentrée scolaire : plus de 8 millions d'élèves ont rejoint les classes
t|Casablanca : les travaux du busway reliant Sidi Bernoussi au centre-ville achevés à 80 %
m:byline|Par Youssef Alaoui
m:published_line|Publié le mardi 10 septembre 2024 à 11h20 | Mis à jour à 15h02
counter|Temps de lecture : 3 min
caption|Les travaux avancent sur le boulevard Mohammed VI. (Photo : Casablanca Express)
b|Les travaux de la ligne de busway reliant le quartier de Sidi Bernoussi au centre-ville de Casablanca sont achevés à près de 80 %, a annoncé lundi la société de développement local chargée des transports, qui table sur une mise en service avant la fin du premier trimestre 2025.
b|Longue de 14 kilomètres, la ligne comptera 22 stations et sera desservie par des bus articulés de 18 mètres, circulant sur une voie réservée. La fréquence de passage annoncée est de six minutes aux heures de pointe.
b|« Les principaux ouvrages d'art sont terminés, il reste essentiellement l'aménagement des stations et la pose des équipements de signalisation », a précisé un responsable du projet lors d'une visite de chantier organisée pour la presse.
related|Lire aussi :
related|Casablanca : le prix du ticket de tramway inchangé en 2024
b|Des riverains excédés
b|Sur le terrain, les commerçants du boulevard Mohammed VI disent avoir perdu une partie de leur clientèle depuis le début des travaux, il y a plus de deux ans. « Les clients ne peuvent plus se garer, et la poussière fait fuir tout le monde », témoigne un vendeur de pièces automobiles.
ad|Publicité
b|La société de développement indique avoir mis en place un numéro vert et un compte WhatsApp pour recueillir les réclamations des riverains, et promet la remise en état des trottoirs à l'issue du chantier.
b|À terme, le réseau de transport en commun en site propre de la métropole doit compter quatre lignes de tramway et deux lignes de busway, pour un investissement global estimé à plus de 16 milliards de dirhams.
b|Les tarifs du futur busway seront alignés sur ceux du tramway, avec un ticket unitaire à 8 dirhams et la possibilité de souscrire un abonnement mensuel.
social_promo|Suivez Casablanca Express sur WhatsApp
social_promo|Rejoignez notre chaîne Telegram
tag|Mots-clés : Casablanca, busway, transport urbain, travaux
comments|Vos commentaires
comments|Soyez le premier à commenter cet article
form_message|Votre commentaire a été envoyé. Il sera publié après validation.
related|Les plus lus
related|Marrakech : la fréquentation touristique en hausse de 12 % sur un an
related|Bac 2024 : les résultats de la session de rattrapage disponibles en ligne
related|Agadir : un nouveau centre hospitalier universitaire ouvre ses portes
footer|© 2024 Casablanca Express – Tous droits réservés
cookie|Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.
cookie|J'accepte
"""
    return text_doc("021_fr-ma-busway.txt", spec,
                    {"source_name": "Casablanca Express", "published": "2024-09-10", "author": "Youssef Alaoui"},
                    sep=1)


@doc
def d022():
    # French AFP wire story on a Swiss regional site; no blank lines
    spec = """
navigation|Aller au contenu
template|Le Journal du Léman
navigation|Genève | Vaud | Suisse | Monde | Économie | Sports | Culture
donation|Abonnez-vous dès 1 CHF le premier mois
t|Genève : les CFF suppriment des trains régionaux pendant trois week-ends pour travaux
m:byline|Par Le Journal du Léman avec AFP
m:published_line|Publié le 14 mai 2024, 17 h 42
caption|Photo d'archives © AFP
b|Genève (AFP) - Les Chemins de fer fédéraux (CFF) vont supprimer une partie des trains régionaux entre Genève et Lausanne pendant trois week-ends de juin afin de remplacer des aiguillages et de moderniser la signalisation, a annoncé mardi l'entreprise.
b|Les travaux concerneront les week-ends des 8-9, 15-16 et 22-23 juin. Des bus de remplacement seront mis en place entre Coppet et Nyon, où la circulation ferroviaire sera totalement interrompue de samedi 05h00 à dimanche 23h00.
b|Les trains grandes lignes seront maintenus mais pourront subir des retards allant jusqu'à 20 minutes, précisent les CFF, qui recommandent de consulter l'horaire en ligne avant tout déplacement.
ad|Publicité
b|Les abonnés mécontents
b|L'annonce a suscité l'agacement d'associations d'usagers, qui dénoncent des chantiers « à répétition » sur l'arc lémanique. « Les abonnés paient plein pot pour un service dégradé un week-end sur deux », a réagi un porte-parole de l'association Pro Rail Léman auprès de l'AFP.
b|Interrogés, les CFF n'ont pas souhaité faire de commentaires sur une éventuelle compensation financière, rappelant que ces travaux s'inscrivent dans un programme d'investissement de plusieurs milliards de francs destiné à augmenter la cadence sur la ligne.
related|À lire aussi
related|Léman Express : la fréquentation a doublé en cinq ans
b|Selon l'entreprise, plus de 70 000 voyageurs empruntent chaque jour le tronçon Genève-Lausanne, l'un des plus chargés du réseau suisse.
b|Les horaires de remplacement seront disponibles dans l'application mobile des CFF à partir du 1er juin.
disclaimer|Cette dépêche a été publiée automatiquement et n'a pas été retravaillée par la rédaction.
share_widget|Partager sur Facebook | Partager sur X | Envoyer par e-mail
newsletter|Inscrivez-vous à la newsletter du Journal du Léman
newsletter|Votre e-mail
newsletter|OK
comments|Commentaires (0)
comments|Connectez-vous pour commenter.
related|Les plus populaires
related|Lausanne : un incendie ravage un immeuble du quartier sous-gare
related|Météo : retour de la pluie et de la fraîcheur dès jeudi
footer|© Le Journal du Léman 2024
navigation|↑ Haut de page
"""
    return text_doc("022_fr-ch-cff-afp.txt", spec,
                    {"source_name": ["Le Journal du Léman", "AFP"], "published": "2024-05-14", "author": None},
                    sep=0)


# ----------------------------------------------------------------------------- HTML page builder

def news_page(pg, cfg):
    """Assemble a full news page from a site config; every visible string goes through pg."""
    c = pg.c
    px = cfg.get("px", "site")
    parts = []
    parts.append(f'<body class="{px}-single single-post">')
    if cfg.get("cookie") and cfg.get("cookie_top"):
        parts.append(cookie_html(pg, cfg["cookie"]))
    parts.append(f'<a class="skip-link" href="#content">{c(cfg["skip"])}</a>' if cfg.get("skip") else "")
    parts.append('<header class="site-header"><div class="container">')
    if cfg.get("topbar"):
        parts.append('<div class="topbar">' + "".join(f'<div class="tb-item">{c(x)}</div>' for x in cfg["topbar"]) + "</div>")
    parts.append(f'<div class="logo"><a href="/" title="{html.escape(cfg["site"])}">'
                 f'<img src="/static/img/logo.svg" alt="{html.escape(cfg["site"])}" width="220" height="48"></a></div>')
    parts.append(f'<nav class="main-nav" aria-label="main">{pg.links(cfg["nav"], "menu", href="/section/{i}")}</nav>')
    if cfg.get("search"):
        parts.append(f'<form class="search" action="/search"><input type="search" name="q"><button type="submit">{c(cfg["search"])}</button></form>')
    parts.append("</div></header>")
    if cfg.get("ticker"):
        lab, items = cfg["ticker"]
        parts.append(f'<div class="ticker"><div class="container"><div class="ticker-label">{c(lab)}</div>'
                     + pg.links(items, "ticker-list", href="/news/{i}") + "</div></div>")
    parts.append('<main id="content" class="container"><div class="layout"><div class="main-col">')
    if cfg.get("breadcrumb"):
        parts.append(f'<nav class="breadcrumb" aria-label="breadcrumb">{pg.links(cfg["breadcrumb"], "crumbs", tag="ol", href="/c/{i}")}</nav>')
    parts.append(f'<article class="article {px}-article" itemscope itemtype="https://schema.org/NewsArticle">')
    parts.append('<header class="article-header">')
    if cfg.get("kicker"):
        parts.append(f'<div class="kicker">{c(cfg["kicker"])}</div>')
    parts.append(f'<h1 itemprop="headline">{pg.t(cfg["h1"])}</h1>')
    parts.append('<div class="article-meta">' + "".join(f'<div class="meta-item">{pg.m(x)}</div>' for x in cfg.get("meta", [])) + "</div>")
    for x in cfg.get("counters", []):
        parts.append(f'<div class="counter">{c(x)}</div>')
    if cfg.get("share"):
        parts.append(f'<div class="share share-top">{pg.links(cfg["share"], "share-list", href="#share-{i}")}</div>')
    parts.append("</header>")
    if cfg.get("lead_fig"):
        cap = cfg["lead_fig"]
        parts.append(f'<figure class="lead-image"><img src="/uploads/2024/lead.jpg" alt="" width="1200" height="675">'
                     f'<figcaption>{c(cap[0])}</figcaption>' + (f'<div class="credit">{c(cap[1])}</div>' if len(cap) > 1 else "") + "</figure>")
    parts.append(f'<div class="article-body entry-content" itemprop="articleBody">\n{article_items(pg, cfg["items"])}\n</div>')
    if cfg.get("after_body"):
        parts.append('<div class="after-body">' + "".join(f'<p class="promo">{c(x)}</p>' for x in cfg["after_body"]) + "</div>")
    if cfg.get("tags"):
        lab, tags = cfg["tags"]
        parts.append(f'<div class="tags"><div class="tags-label">{c(lab)}</div>{pg.links(tags, "tag-list", href="/tag/{i}")}</div>')
    if cfg.get("share_bottom"):
        lab, items = cfg["share_bottom"]
        parts.append(f'<div class="share share-bottom"><div class="share-label">{c(lab)}</div>{pg.links(items, "share-list", href="#s{i}")}</div>')
    parts.append("</article>")
    if cfg.get("donation"):
        parts.append('<section class="support-box">' + "".join(f'<p>{c(x)}</p>' for x in cfg["donation"][:-1])
                     + f'<a class="btn" href="/support">{c(cfg["donation"][-1])}</a></section>')
    if cfg.get("related"):
        lab, items = cfg["related"]
        parts.append(f'<section class="related"><h3>{c(lab)}</h3>{pg.links(items, "related-list", href="/article/{i}")}</section>')
    if cfg.get("newsletter"):
        parts.append(newsletter_html(pg, cfg["newsletter"]))
    if cfg.get("comments"):
        parts.append(comments_html(pg, cfg["comments"]))
    parts.append('</div><aside class="sidebar">')
    for lab, items in cfg.get("sidebar", []):
        parts.append(f'<section class="widget"><h3>{c(lab)}</h3>{pg.links(items, "widget-list", href="/article/w{i}")}</section>')
    if cfg.get("side_ad"):
        parts.append(f'<div class="ad-slot ad-side"><div class="ad-label">{c(cfg["side_ad"])}</div></div>')
    parts.append("</aside></div></main>")
    f = cfg["footer"]
    parts.append('<footer class="site-footer"><div class="container">')
    if f.get("about"):
        parts.append(f'<p class="about">{c(f["about"])}</p>')
    if f.get("social"):
        parts.append(pg.links(f["social"], "social-links", href="https://social.example/{i}"))
    parts.append(pg.links(f["links"], "footer-links", href="/page/{i}"))
    parts.append(f'<p class="copyright">{c(f["copyright"])}</p>')
    parts.append("</div></footer>")
    if cfg.get("back_to_top"):
        parts.append(f'<a href="#" class="back-to-top">{c(cfg["back_to_top"])}</a>')
    if cfg.get("cookie") and not cfg.get("cookie_top"):
        parts.append(cookie_html(pg, cfg["cookie"]))
    parts.append(FOOT_JS)
    parts.append("</body>\n</html>\n")
    return "\n".join(p for p in parts if p)


def cookie_html(pg, ck):
    text, buttons = ck
    btns = "".join(f'<button type="button" data-v="{i}">{pg.c(b)}</button>' for i, b in enumerate(buttons))
    return f'<div id="cookie-banner" role="dialog" aria-live="polite"><p>{pg.c(text)}</p><div class="cookie-actions">{btns}</div></div>'


def newsletter_html(pg, nl):
    out = ['<section class="newsletter">', f'<h3>{pg.c(nl["heading"])}</h3>']
    if nl.get("text"):
        out.append(f'<p>{pg.c(nl["text"])}</p>')
    out.append(f'<form class="nl-form" action="/newsletter" method="post"><label for="nl-email">{pg.c(nl["label"])}</label>'
               f'<input id="nl-email" type="email" name="email" required><button type="submit">{pg.c(nl["button"])}</button></form>')
    for msg in nl.get("messages", []):
        out.append(f'<div class="form-msg" hidden>{pg.c(msg)}</div>')
    out.append("</section>")
    return "".join(out)


def comments_html(pg, cm):
    out = [f'<section id="comments" class="comments"><h3>{pg.c(cm["heading"])}</h3>']
    if cm.get("notice"):
        out.append(f'<p class="comments-notice">{pg.c(cm["notice"])}</p>')
    if cm.get("items"):
        out.append('<ol class="comment-list">')
        for name, when, text in cm["items"]:
            out.append(f'<li class="comment"><div class="comment-author">{pg.c(name)}</div>'
                       f'<div class="comment-date">{pg.c(when)}</div><p>{pg.c(text)}</p>'
                       + (f'<a class="reply" href="#respond">{pg.c(cm["reply"])}</a>' if cm.get("reply") else "") + "</li>")
        out.append("</ol>")
    if cm.get("more"):
        out.append(f'<button type="button" class="load-more">{pg.c(cm["more"])}</button>')
    if cm.get("form_heading"):
        out.append(f'<div id="respond"><h4>{pg.c(cm["form_heading"])}</h4><form action="/comment" method="post">')
        if cm.get("form_note"):
            out.append(f'<p class="note">{pg.c(cm["form_note"])}</p>')
        for i, lab in enumerate(cm.get("labels", [])):
            field = '<textarea name="c" rows="5"></textarea>' if i == len(cm["labels"]) - 1 else f'<input type="text" name="f{i}">'
            out.append(f'<p class="field"><label>{pg.c(lab)}</label>{field}</p>')
        out.append(f'<button type="submit">{pg.c(cm["button"])}</button></form></div>')
    for msg in cm.get("messages", []):
        out.append(f'<div class="form-msg" hidden>{pg.c(msg)}</div>')
    out.append("</section>")
    return "".join(out)


# ----------------------------------------------------------------------------- HTML documents

@doc
def d004():
    pg = Page()
    h1 = "«سدايا» تصدر إرشادات جديدة لحماية بيانات زوار المواقع الإلكترونية"
    cfg = dict(
        px="najd", site="صحيفة نجد اليوم", h1=h1, search="بحث",
        topbar=["الأحد ٢١ رمضان ١٤٤٥هـ", "النسخة الورقية", "English"],
        nav=["الرئيسية", "محليات", "اقتصاد", "رياضة", "ثقافة", "دوليات", "الرأي", "فيديو"],
        ticker=("عاجل", ["أمير الرياض يرعى حفل تخريج الدفعة الـ٦٥ من طلاب جامعة الملك سعود",
                         "هيئة الطيران المدني: تشغيل ٤٥٠ رحلة إضافية خلال إجازة عيد الفطر"]),
        breadcrumb=["الرئيسية", "محليات"],
        meta=["الرياض - فهد العتيبي", "الأحد ٢١ رمضان ١٤٤٥هـ - ٣١ مارس ٢٠٢٤م"],
        share=["إكس", "واتساب", "تيليجرام", "نسخ الرابط", "طباعة"],
        counters=["تكبير الخط", "تصغير الخط"],
        items=[
            ("p", "أصدرت الهيئة السعودية للبيانات والذكاء الاصطناعي «سدايا» حزمة إرشادات جديدة تلزم الجهات المشغلة للمواقع والتطبيقات الإلكترونية بالإفصاح بشكل واضح عن البيانات الشخصية التي تجمعها من الزوار، والغرض من جمعها، ومدة الاحتفاظ بها، وذلك في إطار تطبيق [[نظام حماية البيانات الشخصية|/tag/pdpl]]."),
            ("p", "وبحسب الإرشادات، يتعين على المواقع الحصول على موافقة صريحة من المستخدم قبل تفعيل ملفات تعريف الارتباط «الكوكيز» غير الضرورية، مثل تلك المستخدمة لأغراض التسويق وتتبع السلوك الإعلاني، على أن يُتاح للمستخدم خيار الرفض بالسهولة نفسها التي يُتاح بها خيار القبول."),
            ("p", "وأوضحت الهيئة أن شريط الموافقة الذي يظهر للزائر يجب ألا يتضمن خيارات مُفعّلة مسبقًا، وأن تُكتب سياسة الخصوصية بلغة عربية واضحة يسهل على المستخدم العادي فهمها."),
            ("ad", "إعلان"),
            ("h2", "مهلة للتكيف"),
            ("p", "ومنحت الإرشادات الجهات الخاضعة لأحكام النظام مهلة مدتها ١٨٠ يومًا لتعديل أوضاعها، تبدأ من تاريخ النشر في الجريدة الرسمية، على أن تُجرى بعدها عمليات تدقيق دورية على عينة من المواقع الحكومية والتجارية."),
            ("p", "وقال المتحدث الرسمي باسم الهيئة، في تصريح لـ«نجد اليوم»، إن الإرشادات جاءت بعد مشاورات عامة شارك فيها أكثر من ٤٠٠ جهة من القطاعين العام والخاص، مشيرًا إلى أن الهدف «ليس معاقبة المنشآت، بل رفع مستوى الثقة في الخدمات الرقمية»."),
            ("readp", "اقرأ أيضاً: «سدايا» تطلق منصة وطنية للإبلاغ عن تسرب البيانات"),
            ("p", "ويعاقب النظام على مخالفة أحكامه بغرامات قد تصل إلى خمسة ملايين ريال، وتُضاعف العقوبة في حال التكرار، فيما تصل العقوبة في حالات الإفصاح عن البيانات الحساسة بقصد الإضرار إلى السجن مدة لا تزيد على سنتين."),
            ("fig", "مقر الهيئة السعودية للبيانات والذكاء الاصطناعي في الرياض (أرشيفية)", "تصوير: عبدالله الزهراني"),
            ("h2", "ترحيب من قطاع التجارة الإلكترونية"),
            ("p", "ورحّب عدد من العاملين في قطاع التجارة الإلكترونية بالإرشادات، وقال خالد المطيري، مؤسس متجر إلكتروني في جدة، إن وضوح القواعد «يختصر على الشركات الصغيرة كثيرًا من التكاليف القانونية»، مطالبًا بتوفير نماذج جاهزة لسياسات الخصوصية."),
            ("p", "في المقابل، يرى مختصون في الأمن السيبراني أن التحدي الأكبر يكمن في المواقع التي تعتمد على خدمات خارجية لتحليل الزيارات والإعلانات، إذ يصعب على أصحابها أحيانًا معرفة جميع البيانات التي تُجمع عبر تلك الخدمات."),
            ("p", "ويأتي إصدار الإرشادات ضمن خطة أوسع تنفذها الهيئة منذ دخول النظام حيز التنفيذ في سبتمبر ٢٠٢٣، تشمل حملات توعوية وبرامج تدريبية لمسؤولي حماية البيانات في الجهات الحكومية."),
        ],
        tags=("الكلمات المفتاحية:", ["نظام حماية البيانات الشخصية", "سدايا", "الخصوصية", "التجارة الإلكترونية"]),
        related=("أخبار ذات صلة", ["«الاتصالات» تحذر من روابط احتيالية تنتحل صفة جهات حكومية",
                                   "إطلاق أكاديمية وطنية لتأهيل مسؤولي حماية البيانات",
                                   "٧٠٪ من المنشآت الصغيرة لا تملك سياسة خصوصية منشورة"]),
        newsletter=dict(heading="النشرة البريدية", text="اشترك ليصلك ملخص أخبار اليوم كل صباح",
                        label="البريد الإلكتروني", button="اشترك",
                        messages=["تم تسجيل اشتراكك بنجاح", "عذراً، البريد الإلكتروني غير صحيح"]),
        comments=dict(heading="التعليقات", notice="لا توجد تعليقات بعد. كن أول من يعلق!",
                      form_heading="أضف تعليقك", labels=["الاسم", "التعليق"], button="إرسال"),
        sidebar=[("الأكثر قراءة", ["موعد صرف حساب المواطن لشهر أبريل", "الأرصاد: أمطار رعدية على منطقة عسير",
                                   "إغلاق ٣ مطاعم مخالفة في حي النسيم", "جدول مباريات دوري روشن للجولة الـ٢٦",
                                   "تمديد ساعات عمل المحلات خلال العشر الأواخر"]),
                 ("تابعنا", ["إكس", "سناب شات", "يوتيوب", "إنستغرام"])],
        side_ad="إعلان",
        footer=dict(links=["من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا"],
                    copyright="© ٢٠٢٤ صحيفة نجد اليوم. جميع الحقوق محفوظة."),
        back_to_top="العودة إلى الأعلى",
        cookie=("يستخدم موقع نجد اليوم ملفات تعريف الارتباط لتحسين تجربة التصفح وتحليل الزيارات. يمكنك معرفة المزيد في [[سياسة الخصوصية|/privacy]].",
                ["قبول الكل", "رفض", "الإعدادات"]),
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "صحيفة نجد اليوم"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "og:url", "https://www.najdalyawm-news.com/local/2024/03/31/sdaia-cookies"),
             ("property", "og:image", "https://www.najdalyawm-news.com/uploads/2024/03/sdaia.jpg"),
             ("property", "article:published_time", "2024-03-31T09:15:00+03:00"),
             ("property", "article:section", "محليات"), ("name", "author", "فهد بن سالم العتيبي"),
             ("name", "description", "إرشادات جديدة تلزم المواقع بالإفصاح عن البيانات الشخصية التي تجمعها والحصول على موافقة صريحة قبل تفعيل ملفات تعريف الارتباط."),
             ("name", "twitter:card", "summary_large_image")]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": h1,
          "datePublished": "2024-03-31T09:15:00+03:00", "author": {"@type": "Person", "name": "فهد بن سالم العتيبي"},
          "publisher": {"@type": "Organization", "name": "صحيفة نجد اليوم"}}
    page = head("ar", h1 + " | صحيفة نجد اليوم", metas, ld, color="#0a6b3b", gid="NJD2024") + body_html
    return html_doc("004_ar-sa-najd-data-guidelines.html", pg, page,
                    {"source_name": "صحيفة نجد اليوم", "published": "2024-03-31",
                     "author": ["فهد بن سالم العتيبي", "فهد العتيبي"]})


@doc
def d007():
    pg = Page()
    h1 = "عودة الحياة إلى سوق الزرب في حلب القديمة بعد ترميم 60 محلًا"
    cfg = dict(
        px="manara", site="منارة الشام", h1=h1,
        topbar=["English"],
        nav=["الرئيسية", "سياسة", "اقتصاد", "مجتمع", "ثقافة", "تحقيقات", "رأي"],
        breadcrumb=["الرئيسية", "مجتمع"],
        meta=["حلب – لينا الحداد", "الاثنين 19 آب 2024"],
        counters=["وقت القراءة: 3 دقائق"],
        share=["فيسبوك", "إكس", "واتساب", "تلغرام", "نسخ الرابط"],
        lead_fig=("محل أقمشة في سوق الزرب بعد إعادة افتتاحه (منارة الشام)",),
        items=[
            ("p", "حلب – أعادت نحو ستين محلًا تجاريًا في سوق الزرب بحلب القديمة فتح أبوابها أمام الزبائن، بعد انتهاء أعمال ترميم استمرت قرابة عامين، شملت إعادة بناء الأسقف الحجرية المقببة وتأهيل شبكات الكهرباء والصرف الصحي."),
            ("p", "ويُعد سوق الزرب من أقدم أسواق المدينة المسقوفة، ويمتد من باب قنسرين باتجاه الجامع الأموي، وكان يشتهر ببيع الأقمشة والعباءات ومستلزمات الخياطة قبل أن يتعرض لأضرار واسعة خلال سنوات الحرب."),
            ("p", "وقال رئيس لجنة السوق، أبو محمد الشهابي، إن أصحاب المحال تحمّلوا جزءًا من كلفة الترميم، فيما تولّت منظمات محلية ودولية تمويل الأعمال الإنشائية الكبرى، مضيفًا أن «أصعب ما في الأمر كان إقناع التجار بالعودة بعد سنوات من الإغلاق»."),
            ("h2", "تحديات الكهرباء والزبائن"),
            ("p", "ورغم عودة الحركة تدريجيًا، يشكو التجار من ضعف القدرة الشرائية وانقطاع الكهرباء لساعات طويلة، ما يضطرهم إلى الاعتماد على ألواح الطاقة الشمسية أو الاشتراك في الأمبيرات بأسعار مرتفعة."),
            ("readp", "اقرأ أيضاً: ترميم الجامع الأموي في حلب يدخل مرحلته الأخيرة"),
            ("p", "وقالت سعاد، وهي بائعة أقمشة ورثت محلها عن والدها، إن «الزبائن بدأوا يعودون، خصوصًا في أيام الخميس والجمعة، لكن معظمهم يسأل عن الأسعار ويغادر»، مشيرة إلى أن تكلفة قطعة القماش تضاعفت منذ كانون الثاني الماضي."),
            ("fig", "أحد المحال المرممة في سوق الزرب بحلب القديمة"),
            ("p", "وتقدّر مديرية المدينة القديمة في مجلس مدينة حلب عدد المحال المتضررة في الأسواق المسقوفة بأكثر من 1500 محل، أُعيد تأهيل نحو ثلثها حتى الآن، وفق أرقام حصلت عليها «منارة الشام»."),
            ("p", "ويأمل القائمون على المشروع أن يسهم افتتاح السوق في عودة السياح والزوار إلى المدينة القديمة، المدرجة على قائمة التراث العالمي المهدد بالخطر لدى منظمة اليونسكو."),
            ("p", "ومن المقرر أن تبدأ في أيلول المقبل المرحلة الثانية من المشروع، التي تشمل سوقي العطارين والحبال، على أن تستمر الأعمال نحو 18 شهرًا."),
        ],
        tags=("الوسوم", ["حلب", "الأسواق القديمة", "الترميم", "التراث"]),
        related=("مواضيع ذات صلة", ["حرفيو النحاس في دمشق القديمة يقاومون الاندثار",
                                    "ارتفاع أسعار الألبسة قبيل افتتاح المدارس في حلب",
                                    "خان الشونة يستعيد نشاطه بمعرض للصناعات اليدوية"]),
        comments=dict(heading="التعليقات (2)",
                      items=[("أبو فراس", "19 آب 2024 - 14:02", "الله يرجع حلب متل ما كانت وأحلى"),
                             ("ريم", "19 آب 2024 - 17:45", "يا ريت يهتموا بسوق العطارين بسرعة، الوضع هناك صعب كتير")],
                      reply="رد", form_heading="شاركنا رأيك",
                      form_note="لن يُنشر بريدك الإلكتروني، وتخضع التعليقات للمراجعة قبل النشر.",
                      labels=["الاسم *", "البريد الإلكتروني *", "تعليقك"], button="أرسل"),
        newsletter=dict(heading="اشترك في نشرتنا الأسبوعية", label="أدخل بريدك الإلكتروني", button="اشتراك",
                        messages=["شكراً لاشتراكك! تفقد بريدك لتأكيد التسجيل."]),
        sidebar=[("الأكثر قراءة", ["ما الذي تغيّر في أسعار الخبز بعد القرار الأخير؟",
                                   "طلاب الشهادة الثانوية يتسلمون نتائجهم إلكترونيًا",
                                   "موسم الزيتون في ريف إدلب: إنتاج أقل وأسعار أعلى",
                                   "أزمة مواصلات خانقة في دمشق مع بدء الدوام الصيفي"]),
                 ("تابعونا", ["فيسبوك", "إكس", "يوتيوب", "تلغرام"])],
        footer=dict(about="منارة الشام موقع إخباري مستقل يغطي الشأن السوري منذ 2016.",
                    links=["من نحن", "فريق التحرير", "سياسة النشر", "اتصل بنا"],
                    copyright="جميع الحقوق محفوظة © منارة الشام 2024"),
        back_to_top="العودة للأعلى",
        cookie=("نستخدم ملفات الارتباط لتحسين تجربتك وتحليل حركة الزوار. باستمرارك في استخدام الموقع فإنك توافق على ذلك.", ["حسناً"]),
        cookie_top=True,
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "منارة الشام"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "og:locale", "ar_AR"),
             ("property", "article:published_time", "2024-08-19T11:20:00+03:00"),
             ("property", "article:modified_time", "2024-08-20T08:05:00+03:00"),
             ("property", "article:author", "لينا الحداد"),
             ("name", "description", "أعادت نحو ستين محلًا تجاريًا في سوق الزرب بحلب القديمة فتح أبوابها بعد ترميم استمر عامين.")]
    page = head("ar", h1 + " – منارة الشام", metas, None, color="#8a5a00", gid="MNR77") + body_html
    return html_doc("007_ar-sy-aleppo-souk.html", pg, page,
                    {"source_name": "منارة الشام", "published": "2024-08-19", "author": "لينا الحداد"})


@doc
def d010():
    pg = Page()
    h1 = "أزيد من 850 ألف مترشح يجتازون امتحان البكالوريا بداية من اليوم"
    cfg = dict(
        px="sada", site="صدى الجزائر", h1=h1, search="ابحث",
        topbar=["الأحد 09 جوان 2024", "Français"],
        nav=["الرئيسية", "الوطني", "الدولي", "اقتصاد", "رياضة", "ثقافة", "مجتمع", "فيديو"],
        ticker=("آخر الأخبار", ["رئيس الجمهورية يستقبل سفير اليابان بالجزائر",
                               "الحماية المدنية: 7 وفيات في حوادث المرور خلال 24 ساعة"]),
        breadcrumb=["الرئيسية", "الوطني"],
        kicker="التربية",
        meta=["سمير بوزيد", "الأحد 09 جوان 2024 - 08:00"],
        share=["فايسبوك", "تويتر", "واتساب", "نسخ الرابط"],
        lead_fig=("مترشحون أمام أحد مراكز الإجراء بالجزائر العاصمة - أرشيف",),
        items=[
            ("p", "يشرع، اليوم الأحد، أزيد من 850 ألف مترشح في اجتياز امتحان شهادة البكالوريا دورة جوان 2024، موزعين على أكثر من 2700 مركز إجراء عبر مختلف ولايات الوطن، على أن تتواصل الامتحانات إلى غاية يوم الخميس 13 جوان."),
            ("p", "وأكدت وزارة التربية الوطنية في بيان لها أن كافة الترتيبات المادية والبشرية قد اتُخذت لضمان السير الحسن للامتحان، حيث جُنّد أكثر من 150 ألف مؤطر بين حراس ومراقبين وملاحظين."),
            ("ad", "إشهار"),
            ("p", "ويمتحن المترشحون في اليوم الأول في مادتي اللغة العربية والتربية الإسلامية، فيما تُخصص الأيام الموالية للمواد العلمية والأدبية حسب الشعب، وتنتهي الدورة بامتحان مادة الفلسفة."),
            ("h2", "إجراءات صارمة ضد الغش"),
            ("p", "وشددت الوزارة على أن استعمال الهاتف النقال أو أي وسيلة اتصال داخل مراكز الإجراء يعرّض صاحبه لعقوبات تصل إلى الإقصاء من الامتحان والحرمان من اجتيازه لمدة خمس سنوات، إضافة إلى متابعات قضائية في حالة تسريب المواضيع عبر مواقع التواصل الاجتماعي."),
            ("p", "وعلى غرار السنوات الماضية، تقرر قطع الربط بشبكة الأنترنت أو تقييده خلال فترات إجراء الامتحان، وهو إجراء يثير في كل مرة جدلا واسعا بين الأولياء والمتعاملين الاقتصاديين."),
            ("readp", "اقرأ أيضا: وزير التربية يشرف على انطلاق امتحان شهادة التعليم المتوسط من ولاية ورقلة"),
            ("p", "وفي تصريح لـ«صدى الجزائر»، قالت ممثلة جمعية أولياء التلاميذ بولاية وهران إن «الضغط النفسي على المترشحين كبير هذه السنة»، داعية الأسر إلى توفير جو هادئ لأبنائها وتفادي التعليق على أدائهم بعد كل مادة."),
            ("ad", "إشهار"),
            ("p", "ويرتقب أن يُعلن عن نتائج البكالوريا خلال النصف الأول من شهر جويلية المقبل، عبر الموقع الإلكتروني للديوان الوطني للامتحانات والمسابقات ومن خلال الرسائل النصية القصيرة."),
        ],
        after_body=["تابعوا صدى الجزائر على أخبار جوجل"],
        tags=("كلمات مفتاحية", ["البكالوريا", "وزارة التربية الوطنية", "امتحانات"]),
        related=("مقالات ذات صلة", ["هذه رزنامة امتحانات شهادة البكالوريا دورة 2024",
                                    "الديوان الوطني للامتحانات يطلق منصة لسحب الاستدعاءات",
                                    "مختصون يقدمون نصائح للمترشحين لتجاوز القلق"]),
        comments=dict(heading="تعليقات (4)",
                      items=[("أم إسراء", "منذ ساعتين", "بالتوفيق لكل المترشحين وخاصة بنتي إسراء"),
                             ("كريم من سطيف", "منذ 3 ساعات", "قطع الأنترنت يضر بالتجار كل عام، لازم حل آخر")],
                      more="عرض كل التعليقات",
                      form_heading="أضف تعليقا", labels=["الاسم", "البريد الإلكتروني", "التعليق"],
                      button="نشر التعليق",
                      messages=["تم إرسال تعليقك بنجاح، سيظهر بعد مراجعته من طرف الإدارة.",
                                "عذرا، حدث خطأ. يرجى إعادة المحاولة لاحقا."]),
        sidebar=[("الأكثر مشاهدة", ["ارتفاع أسعار الأضاحي في الأسواق الشعبية",
                                    "هذا موعد صب منحة البطالة لشهر جوان",
                                    "أمطار رعدية على 9 ولايات شرقية",
                                    "الخضر يواجهون غينيا في تصفيات كأس العالم"]),
                 ("آخر الأخبار", ["منذ 20 دقيقة", "تدشين محطة تحلية مياه البحر بفوكة",
                                  "منذ 45 دقيقة", "سوناطراك توقع اتفاقية جديدة مع شريك إيطالي"])],
        side_ad="إشهار",
        footer=dict(about="صدى الجزائر - يومية إخبارية وطنية",
                    social=["فايسبوك", "يوتيوب", "إنستغرام"],
                    links=["من نحن", "اتصل بنا", "الإشهار", "شروط الاستخدام"],
                    copyright="كل الحقوق محفوظة © 2024 صدى الجزائر"),
        back_to_top="↑",
        cookie=("يستعمل هذا الموقع ملفات تعريف الارتباط «كوكيز» لتحسين خدماته.", ["موافق", "معرفة المزيد"]),
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "صدى الجزائر"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "article:published_time", "2024-06-09T08:00:00+01:00"),
             ("property", "article:section", "الوطني"), ("name", "author", "سمير بوزيد"),
             ("name", "description", "يشرع اليوم أزيد من 850 ألف مترشح في اجتياز امتحان شهادة البكالوريا دورة جوان 2024.")]
    page = head("ar", h1 + " - صدى الجزائر", metas, None, color="#006233", gid="SADA9") + body_html
    return html_doc("010_ar-dz-bac.html", pg, page,
                    {"source_name": "صدى الجزائر", "published": "2024-06-09", "author": "سمير بوزيد"})


@doc
def d015():
    pg = Page()
    h1 = "معرض القاهرة الدولي للكتاب يستقبل 1.8 مليون زائر في أسبوعه الأول"
    cfg = dict(
        px="cairo360", site="القاهرة 360", h1=h1, search="ابحث",
        nav=["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة وفنون", "منوعات", "مقالات"],
        ticker=("عاجل", ["مجلس الوزراء ينفي شائعة زيادة أسعار تذاكر المترو",
                         "الأرصاد: انخفاض درجات الحرارة وأمطار خفيفة على السواحل الشمالية"]),
        breadcrumb=["الرئيسية", "ثقافة وفنون"],
        meta=["كتبت: ياسمين فؤاد", "الثلاثاء، 28 يناير 2025 03:15 م"],
        share=["فيسبوك", "إكس", "واتساب", "تيليجرام", "طباعة"],
        lead_fig=("زوار معرض القاهرة الدولي للكتاب", "تصوير: مصطفى عادل"),
        items=[
            ("p", "القاهرة - أعلنت الهيئة المصرية العامة للكتاب أن الدورة السادسة والخمسين من معرض القاهرة الدولي للكتاب استقبلت نحو 1.8 مليون زائر خلال أيامها الستة الأولى، منذ افتتاحها يوم الخميس الماضي بمركز مصر للمعارض الدولية في التجمع الخامس."),
            ("p", "وقال رئيس الهيئة، في مؤتمر صحفي عقده بمقر المعرض، إن يوم الجمعة سجل أعلى نسبة إقبال بأكثر من 420 ألف زائر، مشيرًا إلى أن أجنحة الأطفال والكتب المخفضة كانت الأكثر ازدحامًا."),
            ("p", "ويشارك في دورة هذا العام أكثر من 1300 ناشر من 80 دولة، فيما تحل سلطنة عمان ضيف شرف المعرض، بمشاركة وفد ثقافي يضم عددًا من الكتّاب والفنانين والمؤرخين العمانيين."),
            ("h2", "تذكرة إلكترونية وحافلات مجانية"),
            ("p", "وأشار إلى أن نسبة حجز التذاكر إلكترونيًا تجاوزت 60% من إجمالي الزوار، بعد إتاحة الحجز عبر الموقع الرسمي للمعرض والتطبيق، إلى جانب تخصيص خطوط حافلات مجانية من ميادين رئيسية في القاهرة والجيزة."),
            ("readbox", "شاهد أيضًا", ["بالصور.. طوابير أمام بوابات معرض الكتاب في يوم الإجازة",
                                       "قائمة بأكثر 10 كتب مبيعًا في جناح الهيئة"]),
            ("p", "وشهد المعرض خلال أسبوعه الأول أكثر من 150 فعالية ثقافية، بين ندوات وأمسيات شعرية وحفلات توقيع، من أبرزها ندوة حول مستقبل النشر الرقمي شهدت نقاشًا حادًا حول أسعار الكتب الورقية، وتعليقات من الجمهور على ارتفاعها بنسبة تجاوزت 30% خلال عام."),
            ("ad", "إعلان"),
            ("p", "وقال أحد الناشرين المشاركين لـ«القاهرة 360» إن مبيعات الروايات والكتب التاريخية جاءت في المقدمة، لافتًا إلى أن كثيرًا من الشباب يعتمدون على قوائم الترشيحات التي تنتشر على منصات التواصل الاجتماعي عند اختيار مشترياتهم."),
            ("promo", "تابع القاهرة 360 على تيليجرام ليصلك كل جديد لحظة بلحظة"),
            ("p", "ويستمر المعرض حتى الخامس من فبراير المقبل، ويفتح أبوابه يوميًا من العاشرة صباحًا حتى التاسعة مساءً، مع مد ساعات العمل في أيام العطلات الأسبوعية."),
        ],
        after_body=["تابع القاهرة 360 على أخبار جوجل"],
        tags=("الموضوعات المتعلقة", ["معرض الكتاب", "الهيئة المصرية العامة للكتاب", "سلطنة عمان"]),
        related=("اقرأ المزيد", ["وزير الثقافة يتفقد أجنحة المعرض ويلتقي الناشرين العرب",
                                  "برنامج فعاليات اليوم السابع بمعرض الكتاب",
                                  "كيف تحجز تذكرة معرض الكتاب أونلاين؟"]),
        newsletter=dict(heading="النشرة اليومية", text="أهم الأخبار في رسالة واحدة كل مساء",
                        label="بريدك الإلكتروني", button="سجّل الآن",
                        messages=["شكرًا لتسجيلك في النشرة اليومية", "حدث خطأ أثناء التسجيل، حاول مرة أخرى"]),
        comments=dict(heading="0 تعليقات", notice="كن أول من يعلق على هذا الخبر"),
        sidebar=[("الأكثر قراءة", ["سعر الدولار اليوم في البنوك", "موعد امتحانات الترم الثاني 2025",
                                   "الأهلي يعلن التعاقد مع مهاجم جديد", "طريقة التقديم في شقق الإسكان الاجتماعي"])],
        side_ad="إعلان",
        footer=dict(social=["فيسبوك", "إكس", "يوتيوب", "تيليجرام"],
                    links=["من نحن", "هيئة التحرير", "اتصل بنا", "سياسة الخصوصية"],
                    copyright="جميع الحقوق محفوظة لموقع القاهرة 360 © 2025"),
        back_to_top="الذهاب لأعلى الصفحة",
        cookie=("هذا الموقع يعتمد على ملفات تعريف الارتباط لتقديم محتوى وإعلانات مخصصة. يمكنك تغيير تفضيلاتك في أي وقت.",
                ["أوافق", "إدارة التفضيلات"]),
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "القاهرة 360"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "article:published_time", "2025-01-28T15:15:00+02:00"),
             ("name", "author", "ياسمين فؤاد"), ("name", "keywords", "معرض الكتاب,الهيئة المصرية العامة للكتاب")]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": h1,
          "datePublished": "2025-01-28T15:15:00+02:00", "dateModified": "2025-01-28T16:02:00+02:00",
          "author": [{"@type": "Person", "name": "ياسمين فؤاد"}],
          "publisher": {"@type": "Organization", "name": "القاهرة 360"}}
    page = head("ar", h1 + " - القاهرة 360", metas, ld, color="#c8102e", gid="C360") + body_html
    return html_doc("015_ar-eg-bookfair.html", pg, page,
                    {"source_name": "القاهرة 360", "published": "2025-01-28", "author": "ياسمين فؤاد"})


@doc
def d017():
    pg = Page()
    h1 = "Queues around the block as Northfield bakery's 'crater cookie' goes viral"
    cfg = dict(
        px="courier", site="The Northfield Courier", h1=h1, skip="Skip to content", search="Search",
        topbar=["Subscribe", "Sign in"],
        nav=["News", "Sport", "What's On", "Business", "Property", "Jobs", "Announcements"],
        breadcrumb=["News", "Local News"],
        meta=["By Emma Radcliffe", "Local Democracy Reporter", "Thursday, 3 October 2024, 6:00 am"],
        counters=["23 comments"],
        share=["Facebook", "X", "WhatsApp", "Email", "Copy link"],
        lead_fig=("Hallam's Bakehouse on Northfield High Street on Saturday morning.", "Photo: Emma Radcliffe"),
        items=[
            ("p", "A family-run bakery on Northfield's High Street has been forced to limit customers to two cookies each after a video of its signature \"crater cookie\" was viewed more than four million times online."),
            ("p", "Owners Priya and Tom Hallam said the first queue formed before 6am on Saturday, two days after a food reviewer posted a clip of the gooey chocolate-and-sea-salt bake being broken in half."),
            ("p", "\"We normally make about 300 cookies on a Saturday. We made 1,400 and we were sold out by eleven,\" said Mrs Hallam, who opened Hallam's Bakehouse with her husband in 2019."),
            ("ad", "Advertisement"),
            ("h2", "Neighbours' mixed feelings"),
            ("p", "Not everyone has welcomed the attention. Several residents on nearby Mill Lane said the queues had blocked driveways, and one shop owner said customers waiting for cookies had been sitting on his window ledge."),
            ("p", "A Northfield District Council spokesperson said officers had spoken to the bakery about managing the queue but that no formal complaints had been received. The council declined to comment further."),
            ("readp", "Read more: Northfield market traders warn of rent rises"),
            ("p", "The Hallams have now introduced an online pre-order system and are considering a monthly subscription box for customers who live further away. \"People have asked us to post cookies to Scotland, which we never imagined,\" Mr Hallam said."),
            ("fig", "Priya and Tom Hallam outside Hallam's Bakehouse.", "Photo: Emma Radcliffe / Northfield Courier"),
            ("p", "The couple have also hired three extra staff and started baking through the night on Fridays. They say they will keep the price at £3.20 per cookie despite the rising cost of butter and chocolate."),
            ("ad", "Advertisement"),
            ("p", "\"It's lovely, but it's exhausting,\" Mrs Hallam added. \"We just hope people will still come back for the bread when the cookie craze dies down.\""),
        ],
        after_body=["You've read 3 of 5 free articles this month. Subscribe for £1 a week to keep reading."],
        tags=("Topics", ["Northfield", "Food and drink", "Small business"]),
        share_bottom=("Share this article", ["Facebook", "X", "WhatsApp", "Email"]),
        related=("More from Northfield", ["New car park charges to start in January",
                                           "Primary school rated 'outstanding' for first time",
                                           "Roadworks on the A614 to last until Christmas"]),
        newsletter=dict(heading="Get the Courier's morning briefing",
                        text="Sign up to receive the day's top stories from Northfield and the surrounding villages.",
                        label="Email address", button="Sign me up",
                        messages=["Thanks for signing up! Please check your inbox to confirm.",
                                  "Something went wrong. Please try again."]),
        comments=dict(heading="23 comments", notice="Join the conversation",
                      items=[("MillLaneResident", "2 hours ago", "Lovely bakery but the queue was right across my drive on Saturday."),
                             ("Jo_B", "3 hours ago", "Worth the wait! Best cookie I've had in years.")],
                      reply="Reply", more="Load more comments"),
        sidebar=[("Most read", ["Man charged after break-in at village pharmacy",
                                 "Town centre Christmas lights switch-on date confirmed",
                                 "Plans for 200 homes on former quarry site approved",
                                 "Northfield Town FC sack manager after winless run"])],
        side_ad="Advertisement",
        footer=dict(links=["About us", "Contact", "Advertise", "Privacy notice", "Cookie policy", "Terms"],
                    copyright="© 2024 Northfield Courier Ltd. Registered in England and Wales."),
        back_to_top="Back to top",
        cookie=("We use cookies to make our site work, to understand how you use it and to show you relevant adverts. You can change your settings at any time.",
                ["Accept all", "Reject all", "Cookie settings"]),
        cookie_top=True,
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "The Northfield Courier"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "article:published_time", "2024-10-03T06:00:00+01:00"),
             ("property", "article:author", "Emma Radcliffe"), ("name", "author", "Emma Radcliffe"),
             ("name", "description", "A family-run bakery has limited customers to two cookies each after a video went viral.")]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": h1,
          "datePublished": "2024-10-03T06:00:00+01:00", "author": {"@type": "Person", "name": "Emma Radcliffe"},
          "publisher": {"@type": "Organization", "name": "The Northfield Courier"}, "isAccessibleForFree": "False"}
    page = head("en", h1 + " | The Northfield Courier", metas, ld, color="#1f3d7a",
                font="Georgia,'Times New Roman',serif", gid="NFC01") + body_html
    return html_doc("017_en-uk-bakery-cookie.html", pg, page,
                    {"source_name": "The Northfield Courier", "published": "2024-10-03", "author": "Emma Radcliffe"})


@doc
def d019():
    pg = Page()
    h1 = "Midday outdoor work ban begins as UAE temperatures pass 48°C"
    cfg = dict(
        px="chronicle", site="The Gulf Chronicle", h1=h1, search="Search",
        topbar=["Monday, June 17, 2024", "Dubai 44°C"],
        nav=["UAE", "Gulf", "World", "Business", "Lifestyle", "Sport", "Opinion"],
        breadcrumb=["UAE", "Government"],
        meta=["Rahul Menon", "June 17, 2024"],
        share=["Facebook", "X", "LinkedIn", "WhatsApp", "Email"],
        lead_fig=("A construction worker takes a break in the shade in Dubai.", "Photo: AFP"),
        items=[
            ("p", "DUBAI — The UAE's annual midday work ban came into force on Saturday, barring companies from assigning outdoor work between 12.30pm and 3pm as temperatures in parts of the country climbed above 48°C."),
            ("p", "The Ministry of Human Resources and Emiratisation said the rule, which runs until September 15, applies to construction sites, delivery services and other jobs performed under direct sunlight. Employers who break it face fines of Dh5,000 per worker, up to a maximum of Dh50,000."),
            ("p", "Companies must also provide shaded rest areas, cold drinking water, electrolytes and first-aid supplies at work sites, the ministry said in a statement."),
            ("h2", "Exemptions for essential work"),
            ("p", "Some work is exempt, including tasks that must be completed without interruption for technical reasons, such as laying asphalt or pouring concrete, and emergency repairs to water and power networks. In those cases employers must provide cooling equipment."),
            ("ad", "Advertisement"),
            ("p", "Inspectors made more than 1,100 site visits in the first two days of the ban and found the vast majority of companies complying, according to the ministry. Residents can report violations through the ministry's call centre, app or WhatsApp service."),
            ("readbox", "Also read", ["How to stay safe during the UAE summer: doctors' advice",
                                      "Dubai opens air-conditioned rest stops for delivery riders"]),
            ("p", "Delivery riders, who are often on the road during the hottest hours, said rest stations set up across Dubai last summer had made a difference. \"We can sit in the air conditioning, drink water and charge our phones,\" said one rider, who asked not to be named."),
            ("p", "The National Centre of Meteorology forecast temperatures of up to 49°C in inland areas this week, with humidity rising along the coast at night and in the early morning."),
        ],
        after_body=["Follow The Gulf Chronicle on WhatsApp for the latest news",
                    "Get the latest news and updates: follow us on Google News"],
        tags=("Tags", ["UAE", "Heat", "Labour", "Summer"]),
        related=("Related", ["Fines for employers who ignore heat rules, ministry warns",
                             "UAE weather: fog alert issued for early morning drivers",
                             "Free water and snacks for outdoor workers in Sharjah campaign"]),
        comments=dict(heading="Comments", notice="Comments are closed."),
        sidebar=[("Trending", ["School fees: what parents need to know for 2024-25",
                               "Eid Al Adha holidays announced for private sector",
                               "New Salik gates go live in November"]),
                 ("Newsletters", ["Morning Briefing", "Business Daily", "Weekend Reads"])],
        side_ad="Advertisement",
        footer=dict(about="The Gulf Chronicle is an independent English-language newspaper published in Dubai.",
                    social=["Instagram", "X", "Facebook", "YouTube"],
                    links=["About", "Contact us", "Advertise with us", "Privacy policy", "Terms and conditions"],
                    copyright="Copyright © 2024 The Gulf Chronicle. All rights reserved."),
        back_to_top="Back to top ↑",
        cookie=("This website uses cookies to ensure you get the best experience.", ["Got it", "Learn more"]),
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "The Gulf Chronicle"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "article:published_time", "2024-06-17T07:30:00+04:00"),
             ("name", "author", "Rahul Menon"), ("name", "description", "Companies barred from outdoor work from 12.30pm to 3pm until September 15.")]
    page = head("en", h1 + " - The Gulf Chronicle", metas, None, color="#a07800",
                font="Helvetica,Arial,sans-serif", gid="TGC5") + body_html
    return html_doc("019_en-ae-midday-ban.html", pg, page,
                    {"source_name": "The Gulf Chronicle", "published": "2024-06-17", "author": "Rahul Menon"})


@doc
def d020():
    pg = Page()
    h1 = "Feux de forêt : le massif des Maures interdit d'accès, le risque jugé « très sévère »"
    cfg = dict(
        px="echo", site="L'Écho du Littoral", h1=h1, search="Rechercher",
        topbar=["S'abonner", "Se connecter"],
        nav=["Actualités", "Var", "Alpes-Maritimes", "Faits divers", "Sports", "Loisirs", "Économie"],
        breadcrumb=["Accueil", "Var", "Environnement"],
        meta=["Par Claire Martinez", "Publié le 12/08/2024 à 18h30"],
        share=["Partager", "Facebook", "X", "WhatsApp", "E-mail", "Imprimer"],
        lead_fig=("Un Canadair en action au-dessus du massif des Maures, en août 2021.", "© AFP"),
        items=[
            ("p", "La préfecture du Var a placé lundi le massif des Maures en risque « très sévère » d'incendie et interdit l'accès aux espaces naturels jusqu'à nouvel ordre, en raison de la sécheresse et d'un mistral soufflant jusqu'à 80 km/h."),
            ("p", "Randonneurs, cyclistes et chasseurs ne peuvent plus circuler sur les pistes forestières, et les travaux susceptibles de provoquer des étincelles, comme le débroussaillage mécanique, sont suspendus dans les communes concernées."),
            ("p", "« Un départ de feu dans ces conditions peut parcourir plusieurs centaines d'hectares en quelques heures », a expliqué le directeur départemental des services d'incendie et de secours, qui a prépositionné une quarantaine de camions-citernes autour du massif."),
            ("ad", "Publicité"),
            ("h2", "Les campings sous surveillance"),
            ("p", "Dans les campings situés en lisière de forêt, les gérants ont été invités à rappeler les consignes à leurs clients : pas de barbecue, pas de cigarette en dehors des zones prévues, et un point de rassemblement à connaître en cas d'évacuation."),
            ("p", "À La Garde-Freinet, le maire n'a pas souhaité faire de commentaires sur l'éventuelle fermeture de la route départementale, indiquant attendre les consignes de la préfecture."),
            ("readp", "Lire aussi : Canicule : le Var en vigilance orange jusqu'à mercredi"),
            ("p", "Les autorités rappellent qu'il est possible de consulter chaque jour la carte des massifs accessibles sur le site de la préfecture ou via l'application dédiée, qui permet aussi de s'abonner à des alertes par SMS."),
            ("ad", "Publicité"),
            ("p", "En 2021, un incendie parti de Gonfaron avait détruit plus de 7 000 hectares dans la plaine et le massif des Maures, causant la mort de deux personnes."),
            ("p", "Météo-France prévoit un retour de conditions plus calmes à partir de jeudi, mais les pompiers appellent à la plus grande vigilance durant tout le week-end du 15 août."),
        ],
        tags=("Sur le même sujet", ["Incendies", "Var", "Sécheresse"]),
        related=("À lire aussi", ["Sécheresse : restrictions d'eau renforcées dans 45 communes du Var",
                                   "Saint-Tropez : un feu de broussailles rapidement maîtrisé",
                                   "Débroussaillement : ce que risquent les propriétaires qui ne s'y plient pas"]),
        newsletter=dict(heading="Recevez chaque matin l'essentiel de l'actualité du Var",
                        label="Votre adresse e-mail", button="Je m'inscris",
                        messages=["Merci ! Votre inscription a bien été prise en compte.",
                                  "Une erreur est survenue, veuillez réessayer."]),
        comments=dict(heading="12 commentaires", notice="Vous devez être abonné pour commenter.",
                      items=[("Marc83", "Il y a 1 heure", "Enfin une décision claire, il était temps."),
                             ("Sylvie L.", "Il y a 2 heures", "Et les touristes qui continuent à fumer sur les plages...")],
                      reply="Répondre", more="Voir tous les commentaires", form_heading="Réagir à cet article",
                      labels=["Votre commentaire"], button="Publier"),
        sidebar=[("Les plus lus", ["Toulon : la circulation perturbée sur l'A50 ce week-end",
                                    "Hyères : un festival de jazz en plein air jusqu'à dimanche",
                                    "Fréjus : un nageur secouru au large de la plage"])],
        side_ad="Publicité",
        footer=dict(links=["Mentions légales", "Politique de confidentialité", "Gestion des cookies", "Nous contacter", "Annonces légales"],
                    copyright="© L'Écho du Littoral 2024 – Reproduction interdite"),
        back_to_top="Haut de page",
        cookie=("Nous utilisons des cookies et des technologies similaires pour mesurer l'audience, personnaliser les contenus et vous proposer des publicités adaptées.",
                ["Tout accepter", "Continuer sans accepter", "Paramétrer"]),
        cookie_top=True,
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "L'Écho du Littoral"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "article:published_time", "2024-08-12T18:30:00+02:00"),
             ("name", "author", "Claire Martinez"),
             ("name", "description", "La préfecture interdit l'accès au massif des Maures en raison d'un risque d'incendie très sévère.")]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": h1,
          "datePublished": "2024-08-12T18:30:00+02:00", "author": {"@type": "Person", "name": "Claire Martinez"},
          "publisher": {"@type": "Organization", "name": "L'Écho du Littoral"}}
    page = head("fr", h1 + " - L'Écho du Littoral", metas, ld, color="#005b96",
                font="'Source Serif Pro',Georgia,serif", gid="EDL83") + body_html
    return html_doc("020_fr-var-wildfire.html", pg, page,
                    {"source_name": "L'Écho du Littoral", "published": "2024-08-12", "author": "Claire Martinez"})


@doc
def d023():
    pg = Page()
    h1 = "À Tripoli, le vieux souk des savonniers renaît grâce à une coopérative de femmes"
    cfg = dict(
        px="cedre", site="Le Cèdre Quotidien", h1=h1, search="Rechercher",
        topbar=["Édition du jour", "Abonnez-vous", "Mon compte"],
        nav=["Liban", "Moyen-Orient", "Monde", "Économie", "Culture", "Sport", "Idées"],
        breadcrumb=["Liban", "Société"],
        kicker="REPORTAGE",
        meta=["Joëlle Haddad", "03 décembre 2024 à 09h00"],
        share=["Facebook", "X", "WhatsApp", "Copier le lien"],
        lead_fig=("Des pains de savon sèchent dans l'atelier de la coopérative, à Tripoli.", "Photo Joëlle Haddad"),
        items=[
            ("p", "Dans une ruelle du souk al-Saboun, au cœur de la vieille ville de Tripoli, une vingtaine de femmes découpent à la main des pains de savon à l'huile d'olive encore tièdes. Il y a deux ans, l'atelier était fermé depuis plus d'une décennie."),
            ("p", "La coopérative, lancée en 2022 avec le soutien d'une ONG locale, emploie aujourd'hui 23 femmes, pour la plupart cheffes de famille. Elle produit environ quatre tonnes de savon par mois, vendues au Liban et, depuis peu, en France et au Canada."),
            ("p", "« Au début, les commerçants du souk se moquaient de nous. Aujourd'hui, ils nous envoient leurs clients », sourit Rima, 41 ans, qui supervise la cuisson dans les grandes cuves de cuivre."),
            ("h2", "Un savoir-faire transmis par les anciens"),
            ("p", "Pour relancer la production, la coopérative a fait appel à deux maîtres savonniers à la retraite, qui ont formé les ouvrières aux techniques traditionnelles : cuisson lente, séchage à l'air libre pendant plusieurs mois et estampillage à la main."),
            ("readp", "Lire aussi – À Saïda, les derniers artisans du verre soufflé"),
            ("p", "La hausse du prix de l'huile d'olive, qui a presque doublé en deux ans, pèse toutefois sur les marges. « Nous avons dû augmenter nos prix de 30 %, et certains clients ne suivent pas », reconnaît la directrice de la coopérative."),
            ("ad", "Publicité"),
            ("p", "Les ventes en ligne, lancées cet été, représentent déjà un quart du chiffre d'affaires. La coopérative propose même un abonnement trimestriel, qui permet de recevoir un assortiment de savons parfumés au laurier, à la rose ou au jasmin."),
            ("p", "Pas de publicité, ou presque : tout passe par le bouche-à-oreille."),
            ("p", "Sur la page Facebook de l'atelier, les commentaires de clients de la diaspora affluent. « Ça sent la maison de ma grand-mère », écrit une internaute installée à Montréal."),
            ("p", "La municipalité de Tripoli espère que l'initiative incitera d'autres artisans à rouvrir leurs ateliers dans les souks, dont beaucoup restent fermés depuis la crise économique de 2019."),
        ],
        tags=("Mots-clés", ["Tripoli", "Artisanat", "Femmes", "Économie"]),
        donation=["Soutenez un journalisme indépendant au Liban : abonnez-vous à partir de 4,99 $ par mois.", "Je m'abonne"],
        related=("Pour aller plus loin", ["Le souk de Tripoli, entre abandon et réhabilitation",
                                           "Huile d'olive : la récolte 2024 s'annonce faible au Liban-Nord",
                                           "Ces Libanaises qui se lancent dans l'entrepreneuriat social"]),
        newsletter=dict(heading="Recevez notre newsletter quotidienne", label="Adresse e-mail", button="S'inscrire",
                        messages=["Votre inscription est confirmée."]),
        comments=dict(heading="5 commentaires", notice="Les commentaires sont réservés aux abonnés.",
                      items=[("Nada K.", "03/12/2024 11:14", "Bravo à ces femmes ! J'ai commandé depuis Paris, le savon au laurier est magnifique."),
                             ("Georges A.", "03/12/2024 12:40", "Il faudrait aussi restaurer le khan, il tombe en ruine.")],
                      more="Afficher les 3 commentaires suivants"),
        sidebar=[("Les plus lus", ["Électricité : EDL annonce une hausse des heures de courant",
                                    "Aéroport de Beyrouth : reprise progressive des vols",
                                    "Rentrée universitaire : les inscriptions en baisse à l'UL"])],
        side_ad="Publicité",
        footer=dict(links=["Contact", "Mentions légales", "Conditions d'utilisation", "Publicité"],
                    copyright="© 2024 Le Cèdre Quotidien. Tous droits réservés."),
        cookie=("En poursuivant votre navigation, vous acceptez l'utilisation de cookies destinés à mesurer l'audience.", ["OK"]),
    )
    body_html = news_page(pg, cfg)
    metas = [("property", "og:site_name", "Le Cèdre Quotidien"), ("property", "og:type", "article"),
             ("property", "og:title", h1), ("property", "article:published_time", "2024-12-03T09:00:00+02:00"),
             ("property", "article:author", "Joëlle Haddad"),
             ("name", "description", "Une coopérative de femmes a rouvert un atelier de savon à l'huile d'olive dans la vieille ville de Tripoli.")]
    page = head("fr", h1 + " - Le Cèdre Quotidien", metas, None, color="#7a1f1f",
                font="Merriweather,Georgia,serif", gid="LCQ3") + body_html
    return html_doc("023_fr-lb-tripoli-soap.html", pg, page,
                    {"source_name": "Le Cèdre Quotidien", "published": "2024-12-03", "author": "Joëlle Haddad"})


# ============================================================================= main

def main():
    RAW.mkdir(parents=True, exist_ok=True)
    GOLD.mkdir(parents=True, exist_ok=True)
    built = sorted((fn() for fn in DOCS), key=lambda x: x[0])
    names = [b[0] for b in built]
    assert len(set(names)) == len(names)
    stems = {pathlib.Path(n).stem for n in names}
    for old in list(RAW.iterdir()) + list(GOLD.iterdir()):
        if old.stem not in stems:
            old.unlink()
    for name, data, gold in built:
        (RAW / name).write_bytes(data)
        (GOLD / (pathlib.Path(name).stem + ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        kind = "html" if name.endswith(".html") else "txt"
        n = len(gold["lines"]) or len(gold.get("chrome_texts", []))
        print(f"{name:45s} {kind:4s} {len(data):6d} B  body_lines={len(gold['body'].splitlines()):2d} "
              f"{'lines' if kind == 'txt' else 'chrome'}={n}" + ("  REJECT" if gold.get("expect_rejected") else ""))
    print(f"{len(built)} documents written to {RAW} and {GOLD}")


if __name__ == "__main__":
    sys.exit(main())
