#!/usr/bin/env python3
"""Build the labelled story / near-duplicate evaluation set (raw text dumps + labels.json).

    python3 tests/data/stories/build_stories.py

Writes tests/data/stories/raw/NNN_<16 hex>.txt and tests/data/stories/labels.json.
Stdlib only; re-runnable (raw/*.txt is cleared first, output is deterministic).

* 000-004 are the five seeds, copied byte for byte from /work/main/seeds/.
* Every other article was written for this set.  Outlet names are invented; the events
  are public events of 2021-2025 retold in our own words (figures paraphrase public
  reporting but the texts are test data, not a source of facts).
* Rewrites of one story share the event, people, places and numbers but no sentences.
* Copies are built from their original's body programmatically: an exact copy reuses the
  body lines verbatim under another site's title/chrome; a near copy applies a light edit
  (intro line changed, a sentence added or removed).
* File numbers 005+ are assigned in a fixed shuffled order and the 16 hex digits are a hash
  of an internal key, so neither the number nor the name leaks the story.

An article is HEAD + body paragraphs joined by SEP + TAIL; HEAD holds the chrome above the
body (ticker, breadcrumbs, title, date line, byline, share bar), TAIL the chrome below it.
"""
import hashlib
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
RAW = HERE / "raw"
LABELS = HERE / "labels.json"
SEEDS = HERE.parents[2] / "seeds"

ARTICLES = []   # dicts in definition order
BY_KEY = {}
BATCH = 1       # articles of a later batch are numbered after all earlier ones (names never change)


def paras(text):
    """One paragraph per non-empty line of a triple-quoted block."""
    return [line.strip() for line in text.strip("\n").split("\n") if line.strip()]


def add(key, story, published, language, outlet, note, head, body, tail, sep="\n\n", copy_of=None):
    body = paras(body) if isinstance(body, str) else list(body)
    gap = "\n" if sep == "\n\n" else ""
    raw = head.strip("\n") + "\n" + gap + sep.join(body) + "\n" + gap + tail.strip("\n") + "\n"
    art = dict(key=key, story=story, published=published, language=language, outlet=outlet,
               note=note, body=body, raw=raw, copy_of=copy_of, batch=BATCH)
    ARTICLES.append(art)
    BY_KEY[key] = art
    return art


def seed(prefix, story, published, language, note):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n")]
    art = dict(key=f"seed{prefix}", story=story, published=published, language=language,
               outlet=None, note=note, body=None, raw=None, raw_bytes=path.read_bytes(),
               file=path.name, lines=lines, copy_of=None)
    ARTICLES.append(art)
    BY_KEY[art["key"]] = art
    return art


def seed_body(key, first, last):
    """Non-blank lines of a seed from the line starting with `first` to the one starting with `last`."""
    lines = BY_KEY[key]["lines"]
    i = next(n for n, l in enumerate(lines) if l.startswith(first))
    j = next(n for n, l in enumerate(lines) if l.startswith(last))
    return [l for l in lines[i:j + 1] if l.strip()]


STORIES = {
    "assad-last-days": "Kamel Saqr, ex-head of the Syrian presidency's media office, on Assad's last days "
                       "(Al Arabiya podcast, early Jan 2025): Putin ignored his calls, Hmeimim refused to Iran",
    "putin-assad-kremlin-2024": "Putin hosts Assad in the Kremlin, worried about Middle East escalation (24-25 Jul 2024)",
    "bloomberg-russia-no-plan": "Bloomberg, citing a source close to the Kremlin: Russia has no plan to save Assad (6 Dec 2024)",
    "lebanon-blackout-2024": "Total blackout in Lebanon after Zahrani, the last running plant, runs out of fuel; "
                             "Algeria orders fuel shipment (17-18 Aug 2024)",
    "aleppo-offensive-2024": "HTS-led 'Deterrence of Aggression' offensive takes most of Aleppo; army admits "
                             "'redeployment' (29 Nov - 1 Dec 2024)",
    "assad-asylum-moscow": "Assad and family arrive in Moscow and are granted asylum 'on humanitarian grounds' (8-9 Dec 2024)",
    "morocco-quake-2023": "Al Haouz earthquake, toll 2,012 dead / 2,059 injured by Saturday evening (9-10 Sep 2023)",
    "egypt-fuel-oct-2024": "Egypt's fuel pricing committee raises petrol and diesel prices, third rise of 2024 (18 Oct 2024)",
    "saudi-2034-world-cup": "FIFA extraordinary congress confirms Saudi Arabia as 2034 World Cup host, 2030 to "
                            "Morocco/Spain/Portugal (11 Dec 2024)",
    "putin-assad-kremlin-2023": "Putin receives Assad in the Kremlin after the February earthquake (15 Mar 2023)",
    "lebanon-blackout-2021": "Lebanon's grid shuts down as Deir Ammar and Zahrani run out of fuel; army offers fuel (9 Oct 2021)",
    "lebanon-jordan-power-deal-2022": "Lebanon, Jordan and Syria sign deal to bring Jordanian electricity to Lebanon (26 Jan 2022)",
    "egypt-fuel-jul-2024": "Egypt raises petrol, diesel and butane prices, second rise of 2024 (25 Jul 2024)",
    "assad-jeddah-summit-2023": "Assad attends the Arab League summit in Jeddah, first since Syria's suspension (19 May 2023)",
    "assad-riyadh-summit-2023": "Assad attends the extraordinary Arab-Islamic summit on Gaza in Riyadh (11 Nov 2023)",
    "aleppo-earthquake-2023": "The 7.8 Turkey-Syria earthquake hits Aleppo; buildings collapse, citadel damaged (6 Feb 2023)",
    "al-haouz-one-year-on": "One year after the Al Haouz earthquake: state of reconstruction (8 Sep 2024)",
    "asian-cup-2027-saudi": "AFC awards the 2027 Asian Cup to Saudi Arabia after India withdraws (1 Feb 2023)",
    "asma-divorce-denial": "Kremlin denies reports that Asma al-Assad filed for divorce in Moscow (23 Dec 2024)",
    "tunisia-saied-reelected": "Tunisia: Kais Saied re-elected with 90.69% on 28.8% turnout (7 Oct 2024)",
    "eu-ministers-damascus-2025": "Baerbock and Barrot, first EU ministers in Damascus since Assad's fall, meet "
                                  "Ahmed al-Sharaa (3 Jan 2025)",
    "libya-derna-floods-2023": "Storm Daniel bursts two dams above Derna, Libya: 5,300+ dead, ~10,000 missing (12 Sep 2023)",
    "doha-trio-syria-2024": "Russia, Iran and Turkey's foreign ministers in Doha call for an end to fighting in Syria "
                            "(7 Dec 2024)",
    "israel-buffer-zone-2024": "After Assad's fall, Israel strikes Syrian military sites and enters the Golan buffer "
                               "zone (8-9 Dec 2024)",
    "nabatieh-strike-2024": "Israeli strike at Wadi al-Kfour near Nabatieh kills ten Syrians (17 Aug 2024)",
}

# ============================================================================ seeds
seed("000", "assad-last-days", "2025-01-05", "ar",
     "seed; date from the page (Sunday 5 Jan 2025); Saqr on the 'Mazeej' podcast")
seed("001", "assad-last-days", "2025-01-04", "ar",
     "seed; no date in the page, estimated from the interview's broadcast (early Jan 2025); "
     "names the podcast 'Betawqeet Dimashq'")
seed("002", "assad-last-days", "2025-01-04", "ar",
     "seed; no date in the page, estimated (early Jan 2025); itself a republication of Al-Mandab News "
     "whose original is not in the set")
seed("003", "putin-assad-kremlin-2024", "2024-07-25", "ar",
     "seed; meeting on Wednesday 24 Jul 2024, Kremlin video released Thursday 25 Jul")
seed("004", "bloomberg-russia-no-plan", "2024-12-06", "ar",
     "seed; 'Friday 6 December' in the text")

# ============================================================================ assad-last-days
add("s1-en", "assad-last-days", "2025-01-05", "en", "Levant Monitor",
    "rewrite (English) of the Saqr interview",
    head="""Home | Middle East | Syria

Assad tried to phone Putin for three days before Damascus fell, ex-aide says

By Levant Monitor staff
Published: 5 January 2025, 11:40 GMT

Share on X | Facebook | WhatsApp | Copy link
""",
    body="""
Bashar al-Assad spent his final days in power unable to get Vladimir Putin on the phone, according to Kamel Saqr, who ran the media office of the Syrian presidency until the regime collapsed on December 8.
Speaking to presenter Hussein al-Sheikh on "Mazeej", a podcast carried by the Al Arabiya network, Saqr said the Syrian leader made repeated attempts over three days to reach the Russian president, without success.
He described Assad's last trip to Moscow, made after rebels had taken Aleppo, as fruitless. According to Saqr, the Kremlin turned down a request to let Iranian military supplies for the Syrian army be flown in through the Hmeimim air base.
Tehran, he added, told Damascus it had received no assurances that its aircraft could cross Iraqi and Syrian airspace. One Iranian plane heading for Hmeimim turned back after the United States threatened to shoot it down.
Saqr painted a picture of an army that could no longer fight decisive battles and an economy in deep crisis even before Aleppo was lost.
On Turkey, he said Iraqi officials informed the Syrian leadership on December 6 that Ankara was refusing any dialogue. Alexander Lavrentiev, Putin's envoy for Syria, had pressed Assad to sit down with President Recep Tayyip Erdogan, or at least to allow a meeting of the two foreign ministers, but Assad would only accept contacts between security officials.
That refusal, Saqr said, irritated Moscow, which had hoped to bring Damascus and Ankara closer.
""",
    tail="""
Read more:
What we know about Syria's transitional government
Photos: Damascus one month after the fall of Assad

Sign up for our Middle East briefing - every weekday morning

© 2025 Levant Monitor. All rights reserved.
We use cookies to improve your experience. Accept | Manage preferences
""")

add("s1-ar", "assad-last-days", "2025-01-04", "ar", "الشاهد اليوم",
    "rewrite (Arabic) of the Saqr interview",
    head="""الرئيسية / عربي ودولي
كامل صقر يكشف: بوتين تجاهل اتصالات الأسد ثلاثة أيام.. وطهران عجزت عن إيصال السلاح
السبت 4 يناير 2025 | 09:15 م
شارك الخبر: فيسبوك | تويتر | واتساب | تلغرام
""",
    body="""
روى كامل صقر، الذي تولى إدارة المكتب الإعلامي في القصر الجمهوري بدمشق حتى انهيار النظام، جانباً من كواليس الأسابيع الأخيرة لبشار الأسد في السلطة، مؤكداً أن الرئيس المخلوع بقي ثلاثة أيام يطلب الحديث إلى فلاديمير بوتين من دون أن يلقى جواباً.
وجاءت شهادة صقر في حلقة من بودكاست "مزيج" الذي تبثه شبكة العربية ويقدمه الإعلامي حسين الشيخ.
وبحسب صقر، فإن الأسد توجه إلى موسكو بعد خسارة حلب على أمل الحصول على دعم عاجل، غير أن الزيارة انتهت من دون أي نتيجة، إذ لم توافق القيادة الروسية على فتح قاعدة حميميم أمام شحنات عسكرية إيرانية كانت دمشق تنتظرها.
ولفت إلى أن طائرة إيرانية حاولت الوصول إلى حميميم عبر الأجواء العراقية، لكنها اضطرت إلى الرجوع بعد تلقيها تهديداً أميركياً بإسقاطها.
وفي الملف التركي، قال صقر إن بغداد نقلت إلى دمشق في السادس من ديسمبر رسالة مفادها أن أنقرة لم تعد مستعدة للحوار، بينما ظل الأسد رافضاً لقاء أردوغان رغم مساعي المبعوث الروسي ألكسندر لافرينتيف، ولم يقبل سوى باجتماعات على المستوى الأمني.
وأشار إلى أن الجيش كان منهكاً وعاجزاً عن خوض مواجهات كبرى، فيما كانت الأزمة الاقتصادية تخنق البلاد، ما جعل سقوط المدن يتسارع حتى دخول الفصائل إلى دمشق فجر الثامن من ديسمبر.
""",
    sep="\n",
    tail="""
اقرأ أيضا:
الإدارة السورية الجديدة تعين وزيراً للخارجية
أسعار الذهب في سوريا اليوم السبت
تابعونا على تلغرام ليصلكم كل جديد
جميع الحقوق محفوظة © الشاهد اليوم 2025
""")

_b000 = seed_body("seed000", "زيارة الأسد الأخيرة لروسيا", "وختم صقر")
assert _b000[-2].startswith("استياء روسي"), _b000[-2]
add("s1-near000", "assad-last-days", "2025-01-05", "ar", "بوابة الخليج الإخبارية",
    "near copy of 000: the promo intro replaced by a new intro line, the last subheading and "
    "paragraph removed, the '...' line dropped",
    copy_of="seed000",
    head="""بوابة الخليج الإخبارية
الرئيسية  أخبار عربية  سوريا
مدير المكتب الإعلامي السابق للأسد: بوتين لم يرد.. والزيارة الأخيرة لموسكو فشلت
الأحد 05 يناير 2025 - 02:10 مساءً
طباعة  |  مشاركة
""",
    body=["نقلت منصات إخبارية عربية شهادة جديدة عن الأيام الأخيرة لنظام الأسد في سوريا، على لسان أحد أقرب العاملين معه."]
    + [l for l in _b000[:-2] if l.strip() != "..."],
    tail="""
الكلمات الدلالية: سوريا  بشار الأسد  روسيا
مواضيع قد تهمك
أمطار غزيرة متوقعة على المنطقة الشرقية
حمّل تطبيق بوابة الخليج الآن
© بوابة الخليج الإخبارية 2025
""")

# ============================================================================ putin-assad-kremlin-2024
add("s2-en", "putin-assad-kremlin-2024", "2024-07-25", "en", "Eurasia Desk",
    "rewrite (English) of the July 2024 Kremlin meeting",
    head="""EURASIA DESK
World  Russia  Middle East  Opinion

Putin hosts Assad in Kremlin, voices concern over Middle East escalation

MOSCOW, July 25, 2024
""",
    body="""
Russian President Vladimir Putin held talks with Syrian President Bashar al-Assad at the Kremlin, according to footage released by the Kremlin press service on Thursday. The Kremlin said the meeting took place on Wednesday.
"I am very interested in your assessment of how the situation in the region as a whole is developing," Putin told his guest, adding that there was, unfortunately, a tendency toward escalation that directly concerned Syria as well.
Assad, speaking through an interpreter, said the meeting was particularly important given developments in the world and in the Eurasian region. Neither side gave details of the talks.
The two leaders last met in March 2023 in Moscow. Russia intervened militarily in Syria in September 2015 and, together with Iran, helped Assad regain control of most of the country.
Moscow has been pushing for a rapprochement between Damascus and Ankara, which cut ties in 2011. Turkish President Recep Tayyip Erdogan said earlier this month he had invited Assad to visit Turkey or meet in a third country, while Assad said on July 15 that Turkey must withdraw its troops from northern Syria for ties to be normalised.
""",
    tail="""
Related: Russia's military footprint in Syria, explained

Follow Eurasia Desk on Telegram

© Eurasia Desk 2024
This site uses cookies. By continuing to browse you agree to our use of cookies.
""")

# ============================================================================ bloomberg-russia-no-plan
_b004 = seed_body("seed004", "نقلت وكالة", "وتتقدم فصائل المعارضة")
add("s3-copy004", "bloomberg-russia-no-plan", "2024-12-06", "ar", "سوريا الآن نت",
    "exact syndicated copy of 004's body (credited to Enab Baladi) under another site's title and chrome",
    copy_of="seed004",
    head="""سوريا الآن نت
الرئيسية » أخبار سوريا
مصدر مقرب من الكرملين: لا خطة روسية لإنقاذ الأسد
6 ديسمبر 2024
المصدر: عنب بلدي
""",
    body=_b004,
    tail="""
شارك هذا المقال
فيسبوك
تويتر
اقرأ أيضاً:
الدفاع المدني: انتشال عائلة من تحت الأنقاض في إدلب
© 2024 سوريا الآن نت. جميع الحقوق محفوظة.
""")

# ============================================================================ lebanon-blackout-2024
add("a1", "lebanon-blackout-2024", "2024-08-17", "ar", "وكالة المشرق للأنباء",
    "agency-style original (Arabic); has a near copy",
    head="""وكالة المشرق للأنباء
عاجل | الأمن العام يصدر تعليمات جديدة للمسافرين

لبنان يغرق في العتمة الشاملة بعد توقف معمل الزهراني لنفاد الفيول

بيروت - السبت 17 آب 2024 - 15:05
""",
    body="""
أعلنت مؤسسة كهرباء لبنان، اليوم السبت، انقطاع التيار الكهربائي بشكل كامل عن جميع الأراضي اللبنانية، إثر خروج معمل الزهراني، آخر معمل كان لا يزال في الخدمة، بسبب نفاد مادة الفيول أويل.
وقالت المؤسسة في بيان إن الانقطاع الشامل يطال المرافق الحيوية كافة، ومنها مطار رفيق الحريري الدولي ومرفأ بيروت ومحطات ضخ المياه والصرف الصحي والسجون.
وأوضحت أن معمل دير عمار كان قد توقف في وقت سابق للسبب ذاته، وأن استئناف التغذية مرتبط بوصول شحنات جديدة من الوقود.
ويعتمد لبنان منذ سنوات على فيول مستورد من العراق بموجب اتفاق بين البلدين، فيما تعاني مؤسسة كهرباء لبنان من أزمة مالية حادة منذ الانهيار الاقتصادي عام 2019.
ويلجأ معظم اللبنانيين إلى المولدات الخاصة لتعويض ساعات التقنين الطويلة.
""",
    tail="""
شارك: f  x  in  واتساب

الأكثر قراءة
سعر صرف الدولار في السوق الموازية اليوم

جميع الحقوق محفوظة لوكالة المشرق للأنباء 2024
""")

add("a1-near", "lebanon-blackout-2024", "2024-08-18", "ar", "لبنان اليوم 24",
    "near copy of a1: same body with one sentence added at the end (Algeria's fuel order)",
    copy_of="a1",
    head="""لبنان اليوم 24
عتمة شاملة في لبنان.. وتبون يأمر بإرسال الفيول
الأحد 18 آب 2024
كتب المحرر الاقتصادي
""",
    body=BY_KEY["a1"]["body"] + [
        "وفي تطور لاحق، أعلنت الرئاسة الجزائرية أن الرئيس عبد المجيد تبون أمر بإرسال شحنة فيول فورية إلى لبنان لإعادة تشغيل محطات الكهرباء."],
    sep="\n",
    tail="""
تابعوا آخر الأخبار عبر قناتنا على واتساب
اقرأ أيضا: ارتفاع أسعار اشتراكات المولدات الخاصة لشهر آب
هذا الموقع يستخدم ملفات تعريف الارتباط (الكوكيز). موافق
""")

add("a2", "lebanon-blackout-2024", "2024-08-17", "ar", "صدى بيروت",
    "rewrite (Arabic)",
    head="""صدى بيروت
"كهرباء لبنان": صفر تغذية في كل المناطق.. والمطار والمرفأ بلا تيار

17 آب 2024
""",
    body="""
لم يعد في لبنان أي معمل لإنتاج الكهرباء يعمل منذ ظهر السبت، بعدما اضطرت مؤسسة كهرباء لبنان إلى إطفاء معمل الزهراني جنوباً لعدم توافر الفيول.
وبذلك تنقطع الكهرباء الرسمية كلياً، في وقت حذرت فيه المؤسسة من أن المطار والمرفأ ومنشآت المياه والصرف الصحي والسجون ستتأثر مباشرة بهذا الانقطاع.
وكان معمل دير عمار في الشمال قد خرج من الخدمة قبل ذلك، ليبقى الزهراني وحده يؤمن تغذية محدودة خلال الأيام الماضية.
وتنتظر المؤسسة وصول شحنة فيول عراقية، بحسب ما أفادت مصادر في وزارة الطاقة والمياه، من دون تحديد موعد لعودة التيار.
ويأتي الانقطاع الشامل في ذروة موسم الصيف، ما يزيد الضغط على المستشفيات والمؤسسات التي باتت تعتمد كلياً على المولدات.
""",
    tail="""
#لبنان #كهرباء_لبنان
0 تعليقات
اشترك في النشرة البريدية لصدى بيروت
""")

add("a3", "lebanon-blackout-2024", "2024-08-18", "fr", "Le Courrier du Levant",
    "rewrite (French), mentions the Algerian shipment",
    head="""Le Courrier du Levant
Accueil > Liban > Économie

Liban : black-out total après l'arrêt de la centrale de Zahrani

Publié le 18 août 2024 à 08h30
Partager : Facebook  X  LinkedIn  E-mail
""",
    body="""
Le Liban est plongé dans l'obscurité depuis samedi après-midi. Électricité du Liban (EDL) a annoncé l'arrêt de la centrale de Zahrani, la dernière encore en service, faute de fioul.
Selon l'établissement public, la coupure touche l'ensemble du territoire, y compris l'aéroport international Rafic Hariri, le port de Beyrouth, les stations de pompage d'eau, le réseau d'assainissement et les prisons.
La centrale de Deir Ammar, dans le Nord, avait déjà cessé de fonctionner pour la même raison.
L'EDL dépend en grande partie du fioul fourni par l'Irak dans le cadre d'un accord bilatéral. Dimanche, la présidence algérienne a annoncé que le président Abdelmadjid Tebboune avait ordonné l'envoi immédiat d'une cargaison de carburant au Liban.
""",
    tail="""
Lire aussi : Générateurs privés, la facture qui explose

Abonnez-vous à notre newsletter
© Le Courrier du Levant 2024 - Tous droits réservés
Nous utilisons des cookies pour vous garantir la meilleure expérience. Accepter / Refuser
""")

add("a4", "lebanon-blackout-2024", "2024-08-18", "ar", "الخبر المغاربي",
    "rewrite (Arabic) from the Algerian angle; a next-day follow-up, labelled with the blackout story",
    head="""الخبر المغاربي
الرئيس تبون يأمر بشحنة وقود عاجلة إلى لبنان بعد انقطاع الكهرباء كلياً
نشر في: الأحد 18 أوت 2024 - 11:20
""",
    body="""
أمر رئيس الجمهورية عبد المجيد تبون، اليوم الأحد، بإرسال كمية من الفيول إلى لبنان بشكل فوري، بعد أن غرق البلد الشقيق في ظلام تام إثر توقف آخر محطة لتوليد الكهرباء فيه.
وأوضح بيان لرئاسة الجمهورية أن الرئيس كلف مجمع سوناطراك بالتنسيق مع السلطات اللبنانية لإيصال الشحنة في أقرب الآجال، بما يسمح بإعادة تشغيل المحطات.
وكانت مؤسسة كهرباء لبنان قد أعلنت يوم السبت أن محطة الزهراني توقفت عن العمل بعد نفاد مخزونها من الوقود، ما أدى إلى انقطاع شامل طال المطار والميناء ومضخات المياه.
وسبق أن خرجت محطة دير عمار في شمال لبنان من الخدمة للسبب نفسه.
""",
    tail="""
مواضيع ذات صلة
سوناطراك توقع اتفاقية جديدة مع شريك إيطالي
تابعونا على فيسبوك وإنستغرام
جميع الحقوق محفوظة - الخبر المغاربي
""")

# ============================================================================ aleppo-offensive-2024
add("b1", "aleppo-offensive-2024", "2024-11-30", "ar", "شبكة الشمال الإخبارية",
    "rewrite (Arabic)",
    head="""شبكة الشمال الإخبارية
فصائل المعارضة تسيطر على معظم أحياء حلب في أكبر تقدم منذ 2016

السبت، 30 نوفمبر 2024 - 13:40

مشاركة
""",
    body="""
بسطت فصائل المعارضة السورية المسلحة، بقيادة هيئة تحرير الشام، سيطرتها على معظم أحياء مدينة حلب، بعد ثلاثة أيام فقط من إطلاق عملية "ردع العدوان" في ريف حلب الغربي.
ودخل المقاتلون الأحياء الغربية للمدينة مساء الجمعة، قبل أن يتقدموا السبت نحو وسطها ويصلوا إلى محيط قلعة حلب، وسط انسحاب لقوات النظام من عدد من المواقع.
وأعلنت الفصائل سيطرتها على مطار حلب الدولي، فيما أفادت مصادر محلية بأن طائرات حربية روسية شنت غارات على أطراف المدينة.
وهذه المرة الأولى التي تدخل فيها فصائل المعارضة حلب منذ أن استعادت قوات النظام السيطرة الكاملة عليها أواخر عام 2016 بدعم روسي وإيراني.
وانطلقت العملية فجر الأربعاء 27 تشرين الثاني، واستولت خلالها الفصائل على عشرات البلدات والقرى في ريفي حلب وإدلب.
""",
    tail="""
اقرأ أيضا
الأمم المتحدة تحذر من موجة نزوح جديدة في الشمال السوري
تابعونا على تلغرام
© شبكة الشمال الإخبارية
""")

add("b2", "aleppo-offensive-2024", "2024-11-30", "ar", "المشهد السوري",
    "rewrite (Arabic) led by the army statement",
    head="""المشهد السوري
الجيش السوري يقر بمقتل العشرات من جنوده ويعلن "إعادة انتشار" في حلب
30/11/2024
""",
    body="""
اعترفت القيادة العامة للجيش السوري، السبت، بأن الهجوم الواسع الذي تشنه الفصائل المسلحة دفع قواتها إلى تنفيذ ما سمّته "عملية إعادة انتشار" في مدينة حلب، مؤكدة سقوط عشرات القتلى في صفوفها.
وقالت القيادة في بيان إن المسلحين تمكنوا من دخول أجزاء واسعة من المدينة، وإن الجيش يحشد تعزيزات للتحضير لهجوم مضاد.
ويأتي ذلك بعدما وصل مقاتلو هيئة تحرير الشام والفصائل المتحالفة معها إلى قلب حلب، ثاني أكبر المدن السورية، في إطار عملية بدأت يوم 27 نوفمبر تحت اسم "ردع العدوان".
وأفادت تقارير بأن المطار الدولي في حلب بات خارج سيطرة القوات الحكومية، في حين استهدفت مقاتلات روسية مواقع للفصائل.
ولم تشهد المدينة مثل هذه المعارك منذ عام 2016، حين استعاد الجيش السوري أحياءها الشرقية بعد حصار طويل.
""",
    sep="\n",
    tail="""
شارك الخبر عبر: فيسبوك - تويتر - واتساب
الأخبار الأكثر قراءة
طقس سوريا: منخفض جوي وأمطار غزيرة
جميع الحقوق محفوظة © 2024
""")

add("b3", "aleppo-offensive-2024", "2024-11-30", "en", "Gulf Courier",
    "rewrite (English)",
    head="""GULF COURIER | World

Rebels sweep into Aleppo as Syrian army pulls back

November 30, 2024 | 6 min read
""",
    body="""
Syrian opposition fighters led by Hayat Tahrir al-Sham took control of most of Aleppo on Saturday, the first time they have held ground in the city since government forces recaptured it in 2016.
The assault, dubbed "Deterrence of Aggression", began on Wednesday, November 27, from the countryside west of the city. By Friday night fighters had reached western districts, and on Saturday they were filmed near the ancient citadel.
The Syrian army said dozens of its soldiers had been killed and that it had carried out a "redeployment" while preparing a counteroffensive. Rebels also claimed Aleppo's international airport.
Russian warplanes, which have backed Bashar al-Assad's forces since 2015, struck rebel positions around the city, according to war monitors and local residents.
""",
    tail="""
Share this article

Most read
Oil prices edge higher as OPEC+ weighs output delay

Get the Gulf Courier app
Copyright © 2024 Gulf Courier. All rights reserved. | Privacy | Cookie settings
""")

add("b4", "aleppo-offensive-2024", "2024-12-01", "ar", "رصيف الأخبار",
    "rewrite (Arabic), explainer published the next day",
    head="""رصيف الأخبار
سياسة
حلب خارج سيطرة النظام.. ماذا جرى خلال 72 ساعة؟
الأحد 1 ديسمبر 2024
بقلم: فريق التحرير
""",
    body="""
في غضون اثنتين وسبعين ساعة تقريباً، تبدلت خريطة السيطرة في شمال سوريا: مدينة حلب التي بقيت منذ نهاية 2016 في قبضة النظام باتت بمعظمها تحت سيطرة فصائل المعارضة.
البداية كانت يوم الأربعاء 27 تشرين الثاني، عندما أعلنت "إدارة العمليات العسكرية" بقيادة هيئة تحرير الشام انطلاق معركة "ردع العدوان" من ريف حلب الغربي.
ويوم الجمعة كانت طلائع المقاتلين في الأحياء الغربية للمدينة، ثم توسع انتشارهم السبت ليشمل المركز والمطار الدولي ومحيط القلعة.
النظام تحدث في بيان لقيادة الجيش عن "إعادة انتشار" وعن مقتل عشرات العسكريين، بينما كثف الطيران الروسي ضرباته على المدينة ومحيطها.
ويرى مراقبون أن سرعة الانهيار تعكس تراجع قدرات الحلفاء، ولا سيما إيران وحزب الله، المنشغلين بجبهات أخرى.
""",
    tail="""
الوسوم: سوريا، حلب، هيئة تحرير الشام
هل أعجبك المقال؟ شاركه مع أصدقائك
أضف تعليقاً
لن يتم نشر عنوان بريدك الإلكتروني.
""")

# ============================================================================ assad-asylum-moscow
add("c1", "assad-asylum-moscow", "2024-12-08", "en", "Meridian News Service",
    "agency-style original (English); has an exact syndicated copy",
    head="""Meridian News Service
Breaking | World

Assad and family in Moscow, granted asylum, Russian agencies say

December 8, 2024, 9:52 PM UTC
""",
    body="""
Ousted Syrian President Bashar al-Assad and his family have arrived in Moscow and been granted asylum by Russia, Russian state news agencies reported on Sunday, citing a source in the Kremlin.
"Assad and his family members have arrived in Moscow. Russia, guided by humanitarian considerations, has granted them asylum," the source was quoted as saying.
Hours earlier, Russia's foreign ministry said Assad had stepped down and left Syria after talks with participants in the conflict, and had given instructions to hand over power peacefully. It said Russia had not taken part in those negotiations.
The Kremlin source said Russian officials were in contact with representatives of the armed Syrian opposition, whose leaders had guaranteed the security of Russian military bases and diplomatic missions in the country.
Opposition fighters entered Damascus early on Sunday, ending more than five decades of rule by the Assad family.
""",
    tail="""
Reporting by Meridian News Service staff; editing by the world desk
Our Standards: The Meridian Trust Principles.
Licensing rights | Terms of use | Cookies
""")

add("c1-copy", "assad-asylum-moscow", "2024-12-09", "en", "Capital Daily Online",
    "exact syndicated copy of c1's body under another site's title and chrome",
    copy_of="c1",
    head="""Capital Daily Online
NEWS  SPORT  BUSINESS  WORLD  LIFESTYLE

Russia grants asylum to Syria's Assad after fall of Damascus

Monday, 9 December 2024 (Meridian News Service)
""",
    body=BY_KEY["c1"]["body"],
    tail="""
Advertisement
More from World
Trump says Russia, Ukraine should agree immediate ceasefire
Comments are closed for this article.
(c) Capital Daily Online 2024
""")

add("c2", "assad-asylum-moscow", "2024-12-09", "ar", "العربي الآن",
    "rewrite (Arabic)",
    head="""العربي الآن
الكرملين يمنح الأسد وعائلته حق اللجوء "لاعتبارات إنسانية"
الاثنين 9 ديسمبر 2024 - 00:35
""",
    body="""
وصل الرئيس السوري المخلوع بشار الأسد برفقة أفراد عائلته إلى العاصمة الروسية موسكو، حيث منحتهم السلطات الروسية حق اللجوء، وفق ما أوردته وكالات أنباء روسية رسمية نقلاً عن مصدر في الكرملين.
وأوضح المصدر أن القرار اتُّخذ انطلاقاً من "اعتبارات إنسانية"، من دون أن يكشف عن مكان إقامة الأسد أو تفاصيل رحلته من دمشق.
وأضاف أن مسؤولين روساً على تواصل مع ممثلين عن المعارضة السورية المسلحة، وأن قادتها تعهدوا بضمان أمن القواعد العسكرية الروسية والبعثات الدبلوماسية على الأراضي السورية.
وكانت وزارة الخارجية الروسية قد أعلنت الأحد أن الأسد قرر التنحي ومغادرة البلاد بعد مفاوضات مع أطراف في النزاع، وأنه أصدر تعليمات بنقل السلطة سلمياً، مؤكدة أن موسكو لم تشارك في تلك المفاوضات.
ويأتي ذلك بعد ساعات من دخول فصائل المعارضة إلى دمشق فجر الأحد الثامن من ديسمبر.
""",
    tail="""
اقرأ أيضا:
من هو أحمد الشرع؟
كيف احتفل السوريون في ساحة الأمويين
تابعوا العربي الآن على يوتيوب
جميع الحقوق محفوظة
""")

add("c3", "assad-asylum-moscow", "2024-12-09", "ar", "مرآة الشام",
    "rewrite (Arabic), feature angle",
    head="""مرآة الشام
تقارير
من دمشق إلى موسكو: أين انتهى المطاف ببشار الأسد؟
9 كانون الأول 2024
""",
    body="""
حسمت موسكو الجدل حول مصير بشار الأسد، بعد ساعات من التكهنات التي رافقت اختفاءه عن المشهد فجر الأحد: الرئيس الذي حكم سوريا 24 عاماً بات لاجئاً في روسيا.
فقد نقلت وكالتا تاس وريا نوفوستي عن مصدر في الكرملين قوله إن الأسد وعائلته وصلوا إلى موسكو، وإن روسيا قررت إيواءهم لأسباب إنسانية.
المصدر الروسي أشار أيضاً إلى قنوات اتصال مفتوحة مع المعارضة المسلحة، قال إنها قدمت ضمانات بعدم المساس بالقواعد العسكرية الروسية ولا بالسفارة الروسية في دمشق.
وكانت الخارجية الروسية قد أكدت في بيان يوم الأحد أن الأسد غادر منصبه والأراضي السورية، بعدما أعطى توجيهات بتسليم السلطة بشكل سلمي.
وبذلك يُطوى حكم عائلة الأسد الذي بدأ عام 1970 مع وصول حافظ الأسد إلى السلطة.
""",
    tail="""
شارك
واتساب  تلغرام  فيسبوك
قد يعجبك أيضاً
هذا الموقع يستخدم الكوكيز لتحسين تجربتك. موافق
""")

add("c4", "assad-asylum-moscow", "2024-12-09", "fr", "Le Courrier du Levant",
    "rewrite (French)",
    head="""Le Courrier du Levant
Accueil > Monde > Syrie

Bachar al-Assad a trouvé refuge à Moscou avec sa famille

Publié le 9 décembre 2024 à 07h12
""",
    body="""
Bachar al-Assad est à Moscou. Le président syrien déchu et sa famille y sont arrivés et ont obtenu l'asile, ont rapporté dimanche soir les agences de presse russes, citant une source au Kremlin.
La Russie a pris cette décision « pour des raisons humanitaires », selon cette source, qui affirme par ailleurs que Moscou est en contact avec des représentants de l'opposition armée syrienne, laquelle aurait garanti la sécurité des bases militaires et des représentations diplomatiques russes.
Plus tôt dans la journée, la diplomatie russe avait indiqué que M. Assad avait quitté ses fonctions et le pays après des négociations avec des parties au conflit, en donnant des instructions pour une passation pacifique du pouvoir.
Les rebelles sont entrés dans Damas à l'aube dimanche, mettant fin à plus de cinquante ans de pouvoir du clan Assad.
""",
    tail="""
Lire aussi : Qui sont les rebelles de Hayat Tahrir al-Cham ?
Partager cet article
© Le Courrier du Levant 2024 - Tous droits réservés
""")

# ============================================================================ morocco-quake-2023
add("d1", "morocco-quake-2023", "2023-09-09", "ar", "وكالة الأطلس للأنباء",
    "agency-style original (Arabic); has an exact copy and a near copy",
    head="""وكالة الأطلس للأنباء
الرئيسية | وطني | جهات | دولي | رياضة
ارتفاع حصيلة زلزال الحوز إلى 2012 قتيلا و2059 جريحا
الرباط - السبت 9 شتنبر 2023
""",
    body="""
أعلنت وزارة الداخلية المغربية، مساء اليوم السبت، أن الحصيلة المؤقتة للزلزال الذي ضرب المملكة ليلة الجمعة بلغت 2012 حالة وفاة و2059 إصابة، بينها 1404 إصابات بليغة.
وأوضحت الوزارة في بلاغ أن أكبر عدد من الوفيات سُجل في إقليم الحوز، يليه إقليم تارودانت، إضافة إلى أقاليم شيشاوة وورزازات ومراكش وأزيلال.
وبلغت قوة الزلزال 7 درجات على سلم ريشتر وفق المعهد الوطني للجيوفيزياء، فيما قدرتها هيئة المسح الجيولوجي الأمريكية بـ6.8 درجات، وحُدد مركزه في جماعة إغيل بإقليم الحوز، على بعد نحو 70 كيلومترا جنوب غرب مراكش.
ووقعت الهزة في حدود الساعة الحادية عشرة و11 دقيقة ليلا بالتوقيت المحلي، وشعر بها سكان عدد من المدن من بينها الرباط والدار البيضاء وأكادير.
وقرر الملك محمد السادس إعلان حداد وطني لمدة ثلاثة أيام، مع تنكيس الأعلام فوق جميع المباني العمومية.
وتواصل السلطات عمليات البحث والإنقاذ في المناطق الجبلية المتضررة، حيث تعيق الطرق المقطوعة وصول فرق الإغاثة إلى عدد من الدواوير.
""",
    sep="\n",
    tail="""
كلمات مفتاحية: زلزال، الحوز، وزارة الداخلية
© وكالة الأطلس للأنباء - جميع الحقوق محفوظة
""")

add("d1-copy", "morocco-quake-2023", "2023-09-09", "ar", "مغرب بريس 24",
    "exact syndicated copy of d1's body under another site's title and chrome",
    copy_of="d1",
    head="""مغرب بريس 24
زلزال الحوز: الداخلية تعلن 2012 وفاة وأزيد من ألفي جريح

مغرب بريس 24 - متابعة

السبت 9 سبتمبر 2023 - 22:47

0 تعليق
""",
    body=BY_KEY["d1"]["body"],
    tail="""
تابعوا مغرب بريس 24 على غوغل نيوز
اقرأ أيضاً
أسعار المحروقات في المغرب هذا الأسبوع
المنتخب الوطني يواجه ليبيريا في تصفيات كأس إفريقيا

جميع الحقوق محفوظة © مغرب بريس 24
""")

add("d1-near", "morocco-quake-2023", "2023-09-10", "ar", "صوت الجنوب",
    "near copy of d1: first paragraph replaced by a differently worded intro, last paragraph removed",
    copy_of="d1",
    head="""صوت الجنوب
فاجعة الحوز.. الحصيلة الرسمية تتجاوز ألفي وفاة
الأحد 10 سبتمبر 2023
""",
    body=["في آخر المستجدات المتعلقة بالفاجعة التي هزت المغرب، كشفت وزارة الداخلية أن عدد ضحايا الزلزال ارتفع إلى 2012 وفاة، فيما بلغ عدد المصابين 2059 شخصاً، من بينهم 1404 في حالة خطيرة.", *BY_KEY["d1"]["body"][1:-1]],
    tail="""
شارك المقال على فيسبوك | واتساب
مقالات ذات صلة
حملة للتبرع بالدم في مراكز تحاقن الدم
صوت الجنوب - كل الحقوق محفوظة 2023
""")

add("d2", "morocco-quake-2023", "2023-09-10", "ar", "أصداء المغرب",
    "rewrite (Arabic)",
    head="""أصداء المغرب
أكثر من ألفي قتيل في أعنف زلزال يضرب المغرب منذ عقود
نشر بتاريخ: الأحد 10 سبتمبر 2023 - 10:30
""",
    body="""
يعيش المغرب على وقع صدمة كبيرة بعد الزلزال العنيف الذي ضرب منطقة الأطلس الكبير ليل الجمعة إلى السبت، مخلفاً 2012 قتيلاً حسب آخر أرقام وزارة الداخلية.
كما أصيب 2059 شخصاً، حالة 1404 منهم حرجة، وفق الأرقام ذاتها التي أشارت إلى أن إقليمي الحوز وتارودانت سجلا العدد الأكبر من الضحايا.
مركز الهزة كان في منطقة إغيل الجبلية، على مسافة سبعين كيلومتراً تقريباً من مراكش، وقدرت قوتها بـ6.8 درجات بحسب المعهد الأمريكي للمسح الجيولوجي.
ويُعد هذا الزلزال الأقوى في تاريخ المملكة الحديث، والأكثر حصداً للأرواح منذ زلزال أكادير عام 1960.
وأعلن الديوان الملكي الحداد الوطني ثلاثة أيام، فيما عرضت دول عدة إرسال فرق إنقاذ ومساعدات.
""",
    tail="""
شاركها
فيسبوك تويتر واتساب
اقرأ أيضا: طقس الأحد.. أجواء حارة بعدد من مناطق المملكة
نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. قبول
""")

add("d3", "morocco-quake-2023", "2023-09-10", "fr", "Maghreb Hebdo",
    "rewrite (French)",
    head="""MAGHREB HEBDO
Maroc | Algérie | Tunisie | Économie | Sport

Séisme au Maroc : le bilan dépasse les 2 000 morts

Par la rédaction - 10 septembre 2023
""",
    body="""
Le bilan du tremblement de terre qui a frappé le Maroc dans la nuit de vendredi à samedi s'élève à 2 012 morts et 2 059 blessés, dont 1 404 grièvement, selon un décompte du ministère de l'Intérieur publié samedi soir.
La province d'Al-Haouz, où se trouvait l'épicentre, près de la commune d'Ighil, à environ 70 km au sud-ouest de Marrakech, est la plus touchée, devant celle de Taroudant.
D'une magnitude de 6,8 selon l'institut américain de géophysique USGS, la secousse s'est produite à 23h11 heure locale. Elle a été ressentie jusqu'à Rabat, Casablanca et Agadir.
Le roi Mohammed VI a décrété un deuil national de trois jours. Dans les villages de montagne, les secouristes peinent à atteindre les zones isolées.
""",
    tail="""
À lire aussi
Marrakech : la médina sous le choc

Suivez-nous sur Facebook et Instagram
© Maghreb Hebdo 2023
""")

add("d4", "morocco-quake-2023", "2023-09-10", "en", "Gulf Courier",
    "rewrite (English)",
    head="""GULF COURIER | World

Morocco earthquake: death toll climbs past 2,000 as rescuers reach mountain villages

September 10, 2023 | 4 min read
""",
    body="""
The death toll from the powerful earthquake that struck Morocco late on Friday has risen to 2,012, the interior ministry said, with another 2,059 people injured, 1,404 of them critically.
Most of the victims were in Al Haouz province, around the epicentre in the High Atlas, and in neighbouring Taroudant.
The US Geological Survey put the magnitude at 6.8, with the epicentre near the village of Ighil, some 70km south-west of Marrakesh. It is the deadliest quake in Morocco since the 1960 Agadir disaster.
King Mohammed VI declared three days of national mourning. In the old city of Marrakesh, a Unesco world heritage site, residents spent a second night outdoors.
""",
    tail="""
Share this article

Most read
Saudi Arabia, UAE send rescue teams to Morocco

Get the Gulf Courier app
Copyright © 2023 Gulf Courier. All rights reserved. | Privacy | Cookie settings
""")

# ============================================================================ egypt-fuel-oct-2024
add("e1", "egypt-fuel-oct-2024", "2024-10-18", "ar", "وكالة النيل للأنباء",
    "agency-style original (Arabic); has an exact syndicated copy",
    head="""وكالة النيل للأنباء
اقتصاد
لجنة التسعير ترفع أسعار البنزين والسولار في مصر
القاهرة - الجمعة 18 أكتوبر 2024 - 09:12
""",
    body="""
قررت لجنة التسعير التلقائي للمنتجات البترولية في مصر، صباح اليوم الجمعة، رفع أسعار البنزين بأنواعه الثلاثة والسولار، ويبدأ تطبيق الأسعار الجديدة فوراً.
وبموجب القرار، ارتفع سعر لتر بنزين 80 أوكتان إلى 13.75 جنيه بدلاً من 12.25 جنيه، وبنزين 92 أوكتان إلى 17.25 جنيه بدلاً من 15.25 جنيه.
كما زاد سعر لتر بنزين 95 أوكتان إلى 19 جنيهاً بدلاً من 17 جنيهاً، ولتر السولار إلى 13.50 جنيه مقابل 11.50 جنيه.
وأوضحت وزارة البترول والثروة المعدنية أن القرار يأتي في إطار خطة الحكومة لخفض فاتورة دعم المواد البترولية، في ظل ارتفاع تكلفة الإنتاج والاستيراد.
وأضافت أن اللجنة قررت تثبيت الأسعار الجديدة لمدة ستة أشهر على الأقل.
وهذه هي الزيادة الثالثة في أسعار الوقود خلال عام 2024.
""",
    tail="""
شارك
© وكالة النيل للأنباء 2024
""")

add("e1-copy", "egypt-fuel-oct-2024", "2024-10-18", "ar", "القاهرة 360",
    "exact syndicated copy of e1's body under another site's title and chrome",
    copy_of="e1",
    head="""القاهرة 360
أخبار مصر | اقتصاد | رياضة | فن | حوادث
رسمياً.. أسعار البنزين والسولار الجديدة اليوم الجمعة
الجمعة، 18 أكتوبر 2024 11:40 ص
كتب: محرر القاهرة 360
""",
    body=BY_KEY["e1"]["body"],
    sep="\n",
    tail="""
اقرأ أيضا:
سعر الذهب اليوم الجمعة في محلات الصاغة
حالة الطقس غدا السبت
اشترك في قناة القاهرة 360 على يوتيوب
جميع الحقوق محفوظة لموقع القاهرة 360 © 2024
""")

add("e2", "egypt-fuel-oct-2024", "2024-10-18", "ar", "مال وأعمال مصر",
    "rewrite (Arabic)",
    head="""مال وأعمال مصر
السولار بـ13.5 جنيه.. زيادة جديدة في أسعار الوقود هي الثالثة هذا العام

الجمعة 18 أكتوبر 2024

شارك على: فيسبوك تويتر لينكدإن
""",
    body="""
للمرة الثالثة منذ مطلع 2024، تحركت أسعار الوقود في السوق المصرية صعوداً، بعدما أعلنت لجنة التسعير التلقائي صباح الجمعة قائمة أسعار جديدة.
وصعد السولار، الأكثر استخداماً في النقل والزراعة، بمقدار جنيهين دفعة واحدة ليبلغ 13.50 جنيه للتر بعد أن كان 11.50 جنيه.
أما بنزين 92 فأصبح بـ17.25 جنيه للتر (مقابل 15.25)، وبنزين 80 بـ13.75 جنيه (مقابل 12.25)، في حين بلغ بنزين 95 نحو 19 جنيهاً بعد أن كان 17 جنيهاً.
وتقول الحكومة إنها تسعى للوصول إلى استرداد تكلفة الوقود بالكامل، ضمن التزاماتها في برنامج الإصلاح المدعوم من صندوق النقد الدولي.
ومن المتوقع أن تنعكس الزيادة على تعريفة المواصلات وأسعار السلع، وهو ما دفع محافظات عدة إلى الإعلان عن مراجعة أجرة النقل.
""",
    tail="""
اقرأ أيضاً
البنك المركزي يثبت أسعار الفائدة
البورصة المصرية تربح 12 مليار جنيه في ختام التعاملات

النشرة الاقتصادية اليومية - اشترك الآن
""")

add("e3", "egypt-fuel-oct-2024", "2024-10-19", "ar", "صدى الشارع",
    "rewrite (Arabic), consumer angle, next day",
    head="""صدى الشارع
زيادة أسعار البنزين والسولار: كيف تتأثر الأجرة وأسعار السلع؟
السبت 19 أكتوبر 2024 - 08:00 ص
""",
    body="""
استيقظ المصريون صباح الجمعة على زيادة جديدة في أسعار الوقود، أقرتها لجنة التسعير التلقائي للمنتجات البترولية، وشملت كل أنواع البنزين إلى جانب السولار.
الزيادة تراوحت بين جنيه ونصف وجنيهين للتر الواحد: بنزين 80 صار بـ13.75 جنيه، و92 بـ17.25 جنيه، و95 بـ19 جنيهاً، والسولار بـ13.50 جنيه.
وسارعت عدة محافظات إلى إعلان تعريفة جديدة لوسائل النقل الجماعي، فيما طالب سائقون بزيادات أكبر.
وتؤكد وزارة البترول أن الأسعار الجديدة ستبقى ثابتة لستة أشهر، وأن الدولة لا تزال تتحمل جزءاً من تكلفة السولار.
""",
    tail="""
#أسعار_البنزين #السولار
تعليقات الفيسبوك
حمل تطبيق صدى الشارع
""")

# ============================================================================ saudi-2034-world-cup
add("g1", "saudi-2034-world-cup", "2024-12-11", "ar", "الرياضية اليوم",
    "original (Arabic); has a near copy",
    head="""الرياضية اليوم
كرة القدم العالمية
رسمياً.. السعودية تستضيف كأس العالم 2034
الأربعاء 11 ديسمبر 2024 - 18:25
""",
    body="""
أعلن الاتحاد الدولي لكرة القدم (فيفا)، اليوم الأربعاء، منح المملكة العربية السعودية حق تنظيم نهائيات كأس العالم 2034، خلال الجمعية العمومية الاستثنائية التي عُقدت عبر الاتصال المرئي.
وجاء الإعلان بعد أن كان الملف السعودي هو الوحيد المقدم لاستضافة نسخة 2034، إثر انسحاب أستراليا من السباق في أكتوبر 2023.
وصادقت الجمعية العمومية في الجلسة ذاتها على إسناد تنظيم مونديال 2030 إلى الملف المشترك بين المغرب وإسبانيا والبرتغال، مع إقامة ثلاث مباريات افتتاحية في الأوروغواي والأرجنتين وباراغواي احتفالاً بمئوية البطولة.
وأعلن رئيس فيفا جياني إنفانتينو النتيجة بعد تصويت بالتزكية من الاتحادات الأعضاء.
وستكون السعودية ثاني دولة عربية تستضيف المونديال بعد قطر التي نظمت نسخة 2022.
""",
    tail="""
شارك الخبر
تابع الرياضية اليوم على إكس
نتائج مباريات اليوم
© الرياضية اليوم 2024
""")

add("g1-near", "saudi-2034-world-cup", "2024-12-12", "ar", "ستاد الخليج",
    "near copy of g1: different intro line (first paragraph reworded), rest verbatim",
    copy_of="g1",
    head="""ستاد الخليج
مونديال 2034 سعودي بالإجماع
الخميس 12 ديسمبر 2024
ستاد الخليج - الرياض
""",
    body=["في يوم تاريخي للرياضة السعودية، أكد الاتحاد الدولي لكرة القدم (فيفا) منح المملكة العربية السعودية حق تنظيم نهائيات كأس العالم 2034، خلال جمعيته العمومية الاستثنائية التي عُقدت عن بعد أمس الأربعاء.", *BY_KEY["g1"]["body"][1:]],
    sep="\n",
    tail="""
اقرأ أيضا: الهلال يواصل صدارة دوري روشن
حمل تطبيق ستاد الخليج
هذا الموقع يستخدم ملفات الكوكيز. موافق
""")

add("g2", "saudi-2034-world-cup", "2024-12-11", "ar", "أخبار الملاعب",
    "rewrite (Arabic)",
    head="""أخبار الملاعب
فيفا يعتمد الملف السعودي بالتزكية.. ومونديال 2034 في المملكة
11-12-2024
""",
    body="""
صار حلم استضافة كأس العالم حقيقة بالنسبة إلى السعودية، بعدما اعتمد كونغرس فيفا الاستثنائي ملفها لتنظيم نسخة 2034 بالتزكية.
الملف السعودي خاض السباق منفرداً منذ أن قررت أستراليا في أكتوبر من العام الماضي عدم التقدم بطلب الترشح.
وفي التصويت نفسه، حُسم أمر مونديال 2030 الذي ستتقاسمه المغرب وإسبانيا والبرتغال، على أن تحتضن الأوروغواي والأرجنتين وباراغواي ثلاث مباريات في افتتاح البطولة بمناسبة مرور مئة عام على أول نسخة.
وتعد المملكة بإقامة المباريات في 15 ملعباً موزعة على خمس مدن، بينها الرياض وجدة.
""",
    tail="""
مشاركة: واتساب | تلغرام | إكس
أخبار ذات صلة
الاتحاد الآسيوي يعلن مواعيد دوري النخبة
جميع الحقوق محفوظة لأخبار الملاعب
""")

add("g3", "saudi-2034-world-cup", "2024-12-11", "en", "Gulf Courier",
    "rewrite (English)",
    head="""GULF COURIER | Sport

Saudi Arabia confirmed as 2034 World Cup host

December 11, 2024 | 3 min read
""",
    body="""
FIFA on Wednesday confirmed Saudi Arabia as host of the 2034 men's World Cup, rubber-stamping the kingdom's unopposed bid at a virtual extraordinary congress.
Member associations backed the decision by acclamation, FIFA President Gianni Infantino announced. The same vote awarded the 2030 edition to Morocco, Spain and Portugal, with three centenary matches to be played in Uruguay, Argentina and Paraguay.
Saudi Arabia was the only candidate for 2034 after Australia decided in October 2023 not to bid.
The kingdom has proposed 15 stadiums across five cities. Human rights groups have criticised the bid over the treatment of migrant workers.
""",
    tail="""
Share this article

Most read
Gold hits two-week high on rate-cut bets

Get the Gulf Courier app
Copyright © 2024 Gulf Courier. All rights reserved. | Privacy | Cookie settings
""")

# ============================================================================ singletons (hard negatives)
add("n-putin2023", "putin-assad-kremlin-2023", "2023-03-16", "ar", "المرصد العربي",
    "singleton; hard negative for putin-assad-kremlin-2024 (same leaders and venue, 16 months earlier)",
    head="""المرصد العربي
بوتين يستقبل الأسد في الكرملين بعد أسابيع على الزلزال المدمر
الخميس 16 مارس 2023 - 10:05
""",
    body="""
استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري بشار الأسد في الكرملين يوم الأربعاء، في زيارة رسمية تزامنت مع الذكرى الثانية عشرة لاندلاع النزاع في سوريا.
وأشاد بوتين خلال اللقاء بما وصفه بالدور الحاسم للقوات المسلحة الروسية في إعادة الاستقرار إلى سوريا، مشيراً إلى أن بلاده قدمت مساعدات إنسانية عاجلة بعد الزلزال الذي ضرب البلاد في السادس من فبراير.
من جهته، أكد الأسد دعم دمشق لموسكو، معتبراً أن العلاقات بين البلدين تمر بمرحلة مهمة في ظل التحولات الدولية.
وتناولت المحادثات، بحسب الكرملين، ملفات التعاون الاقتصادي وإعادة الإعمار، إضافة إلى مسار التقارب بين دمشق وأنقرة الذي ترعاه موسكو.
وهذه أول زيارة للأسد إلى روسيا منذ سبتمبر 2021، حين التقى بوتين في الكرملين أيضاً.
""",
    tail="""
اقرأ أيضا
أردوغان: قد ألتقي الأسد في إطار مسار السلام
شارك على فيسبوك | تويتر
© المرصد العربي 2023
""")

add("n-lb2021", "lebanon-blackout-2021", "2021-10-09", "fr", "Beyrouth Express",
    "singleton; hard negative for lebanon-blackout-2024 (same plants, same kind of event, ~3 years earlier)",
    head="""Beyrouth Express
Liban : le réseau électrique totalement à l'arrêt, Zahrani et Deir Ammar à court de carburant
Publié le 9 octobre 2021
""",
    body="""
Le réseau électrique libanais s'est totalement effondré samedi après l'arrêt des deux principales centrales du pays, Deir Ammar et Zahrani, qui ont épuisé leurs réserves de fioul, selon une source gouvernementale.
La panne pourrait durer plusieurs jours, a prévenu cette source, en attendant qu'une solution soit trouvée pour approvisionner les centrales.
L'armée libanaise a annoncé dans la soirée qu'elle fournirait une quantité de gasoil à Électricité du Liban pour permettre une reprise partielle de la production.
Le pays traverse une crise économique sans précédent, qui a entraîné une grave pénurie de carburant et des coupures de courant pouvant atteindre vingt heures par jour.
""",
    sep="\n",
    tail="""
Partager sur Facebook
Lire aussi : Les files d'attente reviennent devant les stations-service
Beyrouth Express © 2021
""")

add("n-lbjordan", "lebanon-jordan-power-deal-2022", "2022-01-26", "ar", "المدار اللبناني",
    "singleton; hard negative for lebanon-blackout-2024 (Lebanese electricity, minister Walid Fayad, different topic)",
    head="""المدار اللبناني
توقيع اتفاقية استجرار الكهرباء من الأردن إلى لبنان عبر سوريا

الأربعاء 26 كانون الثاني 2022
""",
    body="""
وقع لبنان والأردن وسوريا، اليوم الأربعاء في بيروت، اتفاقية لاستجرار الطاقة الكهربائية من الأردن إلى لبنان عبر الأراضي السورية، بهدف تخفيف أزمة التقنين الحادة التي يعيشها اللبنانيون.
ووقع الاتفاقية عن الجانب اللبناني وزير الطاقة والمياه وليد فياض، بحضور وزيرة الطاقة والثروة المعدنية الأردنية هالة زواتي ووزير الكهرباء السوري غسان الزامل.
وبموجب الاتفاقية، يحصل لبنان على نحو 250 ميغاواط من الكهرباء، على أن يتم تمويل الصفقة بقرض من البنك الدولي لا يزال بانتظار الموافقة النهائية.
وقال فياض إن الخطوة ستتيح زيادة ساعات التغذية لدى مؤسسة كهرباء لبنان، إلى جانب مشروع استيراد الغاز المصري عبر خط الغاز العربي.
""",
    tail="""
شارك الخبر
الأكثر مشاهدة
سعر صفيحة البنزين اليوم
© جميع الحقوق محفوظة - المدار اللبناني
""")

add("n-egyjul", "egypt-fuel-jul-2024", "2024-07-25", "ar", "مال وأعمال مصر",
    "singleton; months-apart hard negative for egypt-fuel-oct-2024 (same committee and products, "
    "85 days earlier; shares the figures 12.25, 15.25, 17 and 11.50)",
    head="""مال وأعمال مصر
مصر ترفع أسعار الوقود: بنزين 92 بـ15.25 جنيه والسولار بـ11.50

الخميس 25 يوليو 2024

شارك على: فيسبوك تويتر لينكدإن
""",
    body="""
أعلنت لجنة التسعير التلقائي للمنتجات البترولية، الخميس، زيادة أسعار البنزين والسولار وأسطوانة البوتاجاز، في ثاني تحريك للأسعار خلال العام الجاري.
وارتفع سعر لتر بنزين 80 إلى 12.25 جنيه بدلاً من 11 جنيهاً، وبنزين 92 إلى 15.25 جنيه بدلاً من 13.75 جنيه، وبنزين 95 إلى 17 جنيهاً بدلاً من 15 جنيهاً.
كما زاد سعر لتر السولار إلى 11.50 جنيه مقابل 10 جنيهات، وأسطوانة البوتاجاز المنزلية إلى 150 جنيهاً بدلاً من 100 جنيه.
وكانت الحكومة قد أعلنت في وقت سابق أنها ستعمل على رفع أسعار المنتجات البترولية تدريجياً حتى تصل إلى مستوى التكلفة.
""",
    tail="""
اقرأ أيضاً
سعر الدولار اليوم في البنوك المصرية

النشرة الاقتصادية اليومية - اشترك الآن
""")

add("n-jeddah", "assad-jeddah-summit-2023", "2023-05-19", "ar", "العربي الآن",
    "singleton; months-apart pair with assad-riyadh-summit-2023 (Assad at a summit in Saudi Arabia, 176 days apart)",
    head="""العربي الآن
الأسد في قمة جدة.. أول مشاركة سورية في القمم العربية منذ 2010
الجمعة 19 مايو 2023 - 14:50
""",
    body="""
شارك الرئيس السوري بشار الأسد، اليوم الجمعة، في أعمال القمة العربية الثانية والثلاثين في مدينة جدة السعودية، في أول حضور له في قمة عربية منذ تعليق عضوية سوريا في جامعة الدول العربية عام 2011.
واستقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الأسد لدى وصوله إلى مقر القمة، وسط اهتمام إعلامي واسع.
ودعا الأسد في كلمته إلى تعزيز العمل العربي المشترك ورفض التدخلات الخارجية في شؤون الدول العربية.
وكانت الجامعة العربية قد قررت في السابع من مايو استعادة سوريا مقعدها، بعد أكثر من أحد عشر عاماً من التعليق.
""",
    tail="""
اقرأ أيضا:
نص البيان الختامي لقمة جدة
تابعوا العربي الآن على يوتيوب
جميع الحقوق محفوظة
""")

add("n-riyadh", "assad-riyadh-summit-2023", "2023-11-11", "ar", "مرآة الشام",
    "singleton; months-apart pair with assad-jeddah-summit-2023",
    head="""مرآة الشام
سياسة
الأسد يشارك في القمة العربية الإسلامية الطارئة بالرياض حول غزة
11 تشرين الثاني 2023
""",
    body="""
وصل الرئيس السوري بشار الأسد، اليوم السبت، إلى العاصمة السعودية الرياض للمشاركة في القمة العربية الإسلامية المشتركة غير العادية، المخصصة لبحث الحرب الإسرائيلية على قطاع غزة.
وترأس ولي العهد السعودي الأمير محمد بن سلمان أعمال القمة، التي دُمجت فيها قمتان كانتا مقررتين لجامعة الدول العربية ومنظمة التعاون الإسلامي، بمشاركة الرئيس الإيراني إبراهيم رئيسي.
وقال الأسد في كلمته إن أي خطوات لا تستند إلى أدوات ضغط حقيقية ستبقى بلا أثر، داعياً إلى مواقف عملية لوقف الحرب.
وطالب البيان الختامي بوقف فوري لإطلاق النار ورفع الحصار عن غزة، ورفض وصف الحرب بأنها دفاع عن النفس.
""",
    tail="""
شارك
واتساب  تلغرام  فيسبوك
قد يعجبك أيضاً
هذا الموقع يستخدم الكوكيز لتحسين تجربتك. موافق
""")

add("n-aleppoquake", "aleppo-earthquake-2023", "2023-02-06", "ar", "نبض حلب",
    "singleton; hard negative for aleppo-offensive-2024 (Aleppo, its citadel) and morocco-quake-2023 (earthquake toll)",
    head="""نبض حلب
زلزال بقوة 7.8 درجات يهز حلب.. انهيار مبان وعشرات الضحايا في المدينة
الاثنين 6 شباط 2023
""",
    body="""
ضرب زلزال بقوة 7.8 درجات فجر الاثنين جنوب تركيا وشمال سوريا، وكان مركزه في ولاية كهرمان مرعش التركية، وشعر به سكان حلب بقوة.
وانهارت عشرات المباني في أحياء عدة من مدينة حلب، ولا سيما في الأحياء الشرقية التي كانت متضررة أصلاً من سنوات الحرب، فيما تواصل فرق الإنقاذ البحث عن ناجين تحت الأنقاض.
وأعلنت السلطات السورية أن عدد الضحايا في المناطق الحكومية تجاوز المئات، بينهم عدد كبير في محافظة حلب، في حصيلة غير نهائية.
وأفادت المديرية العامة للآثار والمتاحف بأن أجزاء من قلعة حلب الأثرية تعرضت لأضرار، بينها تصدع في بعض الأبراج والأسوار.
وفي شمال غرب البلاد الخاضع لسيطرة فصائل المعارضة، أعلن الدفاع المدني حالة الطوارئ.
""",
    sep="\n",
    tail="""
أرقام الطوارئ في حلب
تابعونا على فيسبوك
نبض حلب 2023
""")

add("n-haouz", "al-haouz-one-year-on", "2024-09-08", "ar", "أصداء المغرب",
    "singleton; hard negative for morocco-quake-2023 (same place and event referenced, one year later, different event)",
    head="""أصداء المغرب
سنة على زلزال الحوز.. أين وصلت عملية إعادة الإعمار؟
نشر بتاريخ: الأحد 8 سبتمبر 2024 - 09:00
""",
    body="""
تحل اليوم الذكرى الأولى لزلزال الثامن من سبتمبر 2023 الذي ضرب إقليم الحوز ومناطق أخرى من الأطلس الكبير، وخلف 2960 قتيلا وأضرارا واسعة في آلاف المنازل.
وبحسب معطيات رسمية، استفادت عشرات الآلاف من الأسر المتضررة من دعم شهري قدره 2500 درهم، إلى جانب مساعدات مالية مباشرة لإعادة بناء المساكن أو ترميمها.
غير أن عدداً من سكان الدواوير الجبلية ما زالوا يقيمون في خيام ومساكن مؤقتة، ويشتكون من بطء الأشغال وتعقيد المساطر الإدارية.
وتؤكد السلطات أن برنامج إعادة البناء يسير وفق الجدول المحدد، وأن آلاف المنازل أنجزت أو توجد في طور الإنجاز.
""",
    tail="""
شاركها
فيسبوك تويتر واتساب
نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. قبول
""")

add("n-asiancup", "asian-cup-2027-saudi", "2023-02-01", "ar", "أخبار الملاعب",
    "singleton; hard negative for saudi-2034-world-cup (Saudi Arabia awarded a football tournament, sole bidder)",
    head="""أخبار الملاعب
السعودية تفوز بحق استضافة كأس آسيا 2027
01-02-2023
""",
    body="""
أعلن الاتحاد الآسيوي لكرة القدم، اليوم الأربعاء، منح المملكة العربية السعودية حق استضافة نهائيات كأس آسيا 2027، وذلك خلال اجتماع الجمعية العمومية للاتحاد في العاصمة البحرينية المنامة.
وكان الملف السعودي هو الوحيد المتبقي في السباق بعد انسحاب الهند من المنافسة.
وستكون هذه المرة الأولى التي تستضيف فيها المملكة البطولة القارية، التي فاز منتخبها بلقبها ثلاث مرات.
ورحب الاتحاد السعودي لكرة القدم بالقرار، مؤكداً جاهزية المملكة لتنظيم نسخة استثنائية.
""",
    tail="""
مشاركة: واتساب | تلغرام | إكس
جميع الحقوق محفوظة لأخبار الملاعب
""")

add("n-asma", "asma-divorce-denial", "2024-12-23", "en", "Eurasia Desk",
    "singleton; hard negative for assad-asylum-moscow (Assad family in Moscow, two weeks later, different event)",
    head="""EURASIA DESK
World  Russia  Middle East  Opinion

Kremlin denies reports Asma al-Assad has filed for divorce

MOSCOW, December 23, 2024
""",
    body="""
The Kremlin on Monday dismissed media reports that Asma al-Assad, the wife of ousted Syrian leader Bashar al-Assad, was seeking a divorce and wanted to leave Moscow for London.
Asked about the reports, Kremlin spokesman Dmitry Peskov told reporters they "do not correspond to reality".
Turkish and Arab media had reported that Asma al-Assad, who holds British and Syrian citizenship, had applied to a Russian court for a divorce.
Assad flew to Russia as opposition fighters swept into Damascus on December 8, and the Kremlin has said he was granted asylum.
""",
    tail="""
Related: Russia's military footprint in Syria, explained

Follow Eurasia Desk on Telegram

© Eurasia Desk 2024
This site uses cookies. By continuing to browse you agree to our use of cookies.
""")

add("n-tunisia", "tunisia-saied-reelected", "2024-10-07", "fr", "Maghreb Hebdo",
    "singleton; unrelated control article",
    head="""MAGHREB HEBDO
Maroc | Algérie | Tunisie | Économie | Sport

Tunisie : Kaïs Saïed réélu avec 90,69 % des voix

Par la rédaction - 7 octobre 2024
""",
    body="""
Le président sortant Kaïs Saïed a été réélu dès le premier tour de la présidentielle du 6 octobre avec 90,69 % des suffrages, a annoncé lundi soir l'Instance supérieure indépendante pour les élections (ISIE).
Son principal adversaire, Ayachi Zammel, incarcéré pendant la campagne, a obtenu 7,35 % des voix, et Zouhair Maghzaoui 1,97 %, selon les résultats préliminaires présentés par le président de l'ISIE, Farouk Bouasker.
Le taux de participation s'est établi à 28,8 %, le plus bas pour une présidentielle depuis la révolution de 2011.
L'opposition, dont plusieurs figures sont emprisonnées, a dénoncé un scrutin verrouillé.
""",
    tail="""
À lire aussi
Algérie : Tebboune entame son second mandat

Suivez-nous sur Facebook et Instagram
© Maghreb Hebdo 2024
""")

# ============================================================================ issue 8 additions
# Added to measure cross-language story linking on articles written before the method was tuned:
# cross-language rewrites of existing stories, two new stories told in two languages each, and hard
# negatives that share people, places, topic words or figures with a story of the same week.
# They are numbered after the first batch (049 on), so the earlier files keep their names.
BATCH = 2

add("x-tn-ar", "tunisia-saied-reelected", "2024-10-08", "ar", "الخضراء نيوز",
    "rewrite (Arabic) of the French report, published the next morning",
    head="""الخضراء نيوز
الرئيسية / تونس / سياسة
هيئة الانتخابات: قيس سعيد يفوز بولاية ثانية بـ90.69 بالمئة من الأصوات
الثلاثاء 8 أكتوبر 2024 - 07:30
""",
    body="""
أعلنت الهيئة العليا المستقلة للانتخابات في تونس، مساء الاثنين، فوز الرئيس قيس سعيد بولاية رئاسية ثانية من الدور الأول، بعد حصوله على 90.69 بالمئة من أصوات الناخبين وفق النتائج الأولية.
وقال رئيس الهيئة فاروق بوعسكر في مؤتمر صحفي إن المرشح العياشي زمال، الموقوف في السجن منذ أسابيع، حل ثانياً بنسبة 7.35 بالمئة، فيما نال زهير المغزاوي، أمين عام حركة الشعب، 1.97 بالمئة.
وبلغت نسبة المشاركة 28.8 بالمئة، وهي الأدنى في انتخابات رئاسية منذ ثورة 2011.
وكانت أحزاب معارضة قد دعت إلى مقاطعة الاقتراع، معتبرة أن المنافسة غابت عنه بعد استبعاد عدد من المرشحين وسجن آخرين.
ويحق للمرشحين الطعن في النتائج الأولية أمام المحكمة الإدارية قبل الإعلان عن النتائج النهائية.
""",
    tail="""
اقرأ أيضاً: أسعار الخضر والغلال في سوق بئر القصعة
تابعونا على فيسبوك
الخضراء نيوز © 2024 جميع الحقوق محفوظة
""")

add("x-eg-en", "egypt-fuel-oct-2024", "2024-10-18", "en", "Nile Business Review",
    "rewrite (English)",
    head="""NILE BUSINESS REVIEW
Markets | Energy | Banking | Real estate

Egypt raises fuel prices for third time this year

Cairo, Friday 18 October 2024
By our economics desk
""",
    body="""
Egypt raised the prices of petrol and diesel by up to 17% on Friday, the third increase this year, as the government presses on with cuts to costly fuel subsidies under its IMF-backed reform programme.
The automatic fuel pricing committee said a litre of 92-octane petrol would now cost 17.25 Egyptian pounds, up from 15.25, while 95-octane rose to 19 pounds from 17 and 80-octane to 13.75 pounds from 12.25.
Diesel, the most widely used fuel and a key driver of transport and food costs, went up to 13.50 pounds a litre from 11.50.
The petroleum ministry said the committee would not change prices again for at least six months.
Annual urban inflation stood at 26.4% in September, and economists expect the new prices to add to pressure on household budgets in the coming months.
""",
    tail="""
Newsletter: the week in Egyptian markets, every Sunday
Related: Central bank holds rates steady
© 2024 Nile Business Review. All rights reserved.
""")

add("x-lb-en", "lebanon-blackout-2024", "2024-08-17", "en", "Cedar Wire",
    "rewrite (English)",
    head="""CEDAR WIRE
Home > Lebanon > Economy

Lebanon plunged into total blackout as last power plant runs dry

BEIRUT, August 17, 2024 (updated 19:40)
""",
    body="""
Lebanon's state electricity provider cut power across the entire country on Saturday after its last operating plant, in Zahrani, ran out of fuel oil.
Electricite du Liban (EDL) said the shutdown left essential facilities without state power, including Beirut's Rafic Hariri International Airport, the port, water pumping stations, sewage networks and prisons.
The Deir Ammar plant in the north had already stopped for lack of fuel, leaving Zahrani to supply a few hours a day before it too went offline.
EDL relies largely on fuel oil supplied by Iraq under an agreement between the two governments and said supply would resume once a new shipment is unloaded.
Most Lebanese households already depend on private neighbourhood generators, whose monthly bills have soared since the economic collapse that began in 2019.
""",
    tail="""
Share on X | Facebook | WhatsApp
Read next: Parliament fails again to elect a president
Cedar Wire uses cookies to improve your experience. Accept
""")

add("x-alep-fr", "aleppo-offensive-2024", "2024-11-30", "fr", "Le Courrier du Levant",
    "rewrite (French)",
    head="""Le Courrier du Levant
International > Proche-Orient

Syrie : les rebelles s'emparent de l'essentiel d'Alep

Publié le 30 novembre 2024 à 17h05
""",
    body="""
Les rebelles syriens emmenés par le groupe islamiste Hayat Tahrir al-Cham (HTC) contrôlent désormais la majeure partie d'Alep, deuxième ville du pays, a indiqué samedi l'Observatoire syrien des droits de l'homme.
Lancée mercredi 27 novembre depuis la campagne à l'ouest de la ville, l'offensive baptisée « Dissuasion de l'agression » a permis aux insurgés d'atteindre le centre-ville et les abords de la citadelle en moins de trois jours.
L'armée syrienne a reconnu la mort de dizaines de soldats et annoncé un « redéploiement » de ses troupes en vue d'une contre-offensive. L'aéroport international d'Alep est également tombé aux mains des rebelles.
Des avions russes ont bombardé plusieurs quartiers et les routes d'accès à la ville, selon des témoins.
Les forces du régime de Bachar al-Assad avaient repris le contrôle total d'Alep fin 2016, avec l'appui de Moscou et de Téhéran.
""",
    tail="""
Lire aussi : Liban, le cessez-le-feu fragilisé par de nouvelles frappes
Abonnez-vous à notre lettre d'information
© Le Courrier du Levant 2024 - Tous droits réservés
""")

add("x-bb-en", "eu-ministers-damascus-2025", "2025-01-03", "en", "Levant Monitor",
    "rewrite (English); hard negative for assad-last-days (Syria, Damascus, Assad's fall, Russia's bases; "
    "1-2 days apart)",
    head="""LEVANT MONITOR
Syria | Lebanon | Iraq | Jordan | Gulf

German and French foreign ministers meet Syria's new leader in Damascus

January 3, 2025 - 18:20
""",
    body="""
Germany's Annalena Baerbock and France's Jean-Noel Barrot met Syria's de facto leader Ahmed al-Sharaa in Damascus on Friday, the first visit by European Union ministers since rebels ousted Bashar al-Assad on December 8.
Speaking on behalf of the EU, Baerbock said Europe wanted to help Syria make a fresh start but would not become "a financier of new Islamist structures", and called for a political process that includes all of the country's ethnic and religious groups.
Barrot said France would stand by a peaceful transition and urged the new authorities to reach a settlement with the Kurdish-led forces in the north-east.
Footage of the meeting showed Sharaa greeting Barrot with a handshake and Baerbock with a hand on his chest, which drew wide comment online.
Before leaving, the two ministers visited Sednaya prison north of the capital, where thousands of detainees were held under Assad. Baerbock also said it was time for Russia to leave its military bases at Hmeimim and Tartus.
""",
    tail="""
Related: Who is Ahmed al-Sharaa?
Sign up for the Levant Monitor daily briefing
(c) 2025 Levant Monitor
""")

add("x-bb-ar", "eu-ministers-damascus-2025", "2025-01-04", "ar", "دمشق الآن",
    "rewrite (Arabic); hard negative for assad-last-days (same days, Syria, Damascus, Assad)",
    head="""دمشق الآن
أخبار محلية | عربي ودولي | اقتصاد
الشرع يستقبل بيربوك وبارو في أول زيارة أوروبية رفيعة منذ سقوط الأسد
السبت 4 كانون الثاني 2025
""",
    body="""
استقبل قائد الإدارة السورية الجديدة أحمد الشرع في قصر الشعب بدمشق، أمس الجمعة، وزيرة الخارجية الألمانية أنالينا بيربوك ونظيرها الفرنسي جان نويل بارو، في أول زيارة لوزيرين من الاتحاد الأوروبي منذ سقوط نظام بشار الأسد.
وقالت بيربوك إن أوروبا مستعدة لدعم سوريا في مرحلتها الجديدة، لكنها لن تمول "هياكل إسلامية جديدة"، مشددة على ضرورة مشاركة جميع مكونات المجتمع السوري في العملية السياسية.
من جهته، أكد بارو دعم فرنسا لانتقال سلمي للسلطة، ودعا إلى حل سياسي مع قوات سوريا الديمقراطية في شمال شرق البلاد.
وتداول ناشطون مقطعاً يظهر الشرع وهو يكتفي بوضع يده على صدره لتحية بيربوك، بينما صافح بارو، ما أثار جدلاً واسعاً على مواقع التواصل.
وزار الوزيران سجن صيدنايا قرب العاصمة، قبل أن يغادرا دمشق في ختام زيارة استمرت ساعات.
""",
    tail="""
شارك الخبر
الأكثر مشاهدة: سعر الليرة السورية أمام الدولار اليوم
جميع الحقوق محفوظة © دمشق الآن 2025
""")

add("x-derna-en", "libya-derna-floods-2023", "2023-09-12", "en", "North Africa Post Wire",
    "rewrite (English); hard negative for morocco-quake-2023 (death toll in the thousands, rescuers, "
    "North Africa, 2-3 days apart; '2,000' in both)",
    head="""NORTH AFRICA POST WIRE
Libya | Tunisia | Algeria | Morocco | Egypt

Libya floods: thousands dead in Derna after dams burst

September 12, 2023 | 14:05 GMT
""",
    body="""
More than 5,300 people are feared dead and about 10,000 are missing in the eastern Libyan city of Derna after Storm Daniel burst two dams upstream and sent a torrent through the city, officials said on Tuesday.
The interior ministry of the eastern-based administration gave the new toll a day after its prime minister, Osama Hamad, said more than 2,000 people were believed to have died.
Tamer Ramadan of the International Federation of Red Cross and Red Crescent Societies said the number of missing stood at 10,000 and warned that it could rise.
Entire neighbourhoods along Wadi Derna were swept into the sea when the dams gave way late on Sunday. Roads into the city were cut, and rescuers from Benghazi struggled to reach survivors.
The storm also hit Al-Bayda, Shahat and Al-Marj. Libya has been split between rival governments in Tripoli and the east for nearly a decade.
""",
    tail="""
More on this story: how Storm Daniel formed over the Mediterranean
Follow the wire on X
North Africa Post Wire (c) 2023. All rights reserved.
""")

add("x-derna-ar", "libya-derna-floods-2023", "2023-09-12", "ar", "ليبيا الحدث",
    "rewrite (Arabic); hard negative for morocco-quake-2023 (death toll, rescue, same week)",
    head="""ليبيا الحدث
الرئيسية | أخبار ليبيا | عاجل
ارتفاع حصيلة ضحايا الإعصار دانيال في درنة إلى أكثر من 5300 قتيل
الثلاثاء 12 سبتمبر 2023
""",
    body="""
أعلنت وزارة الداخلية في الحكومة المكلفة من مجلس النواب، الثلاثاء، ارتفاع عدد ضحايا الفيضانات التي اجتاحت مدينة درنة إلى أكثر من 5300 قتيل، في حصيلة غير نهائية.
وقالت الوزارة إن آلاف الأشخاص ما زالوا في عداد المفقودين، فيما قدر الاتحاد الدولي لجمعيات الصليب الأحمر والهلال الأحمر عدد المفقودين بنحو عشرة آلاف شخص.
وكانت العاصفة دانيال قد ضربت الشرق الليبي مساء الأحد، وتسببت في انهيار سدين على وادي درنة، فجرفت المياه أحياء كاملة نحو البحر.
وأعلن رئيس الحكومة أسامة حماد الحداد ثلاثة أيام، بينما تواصل فرق الإنقاذ القادمة من بنغازي ومدن أخرى البحث عن ناجين تحت الأنقاض وفي البحر.
وطالت الأضرار أيضاً مدن البيضاء وشحات والمرج، وسط انقطاع الطرق والاتصالات عن عدد من المناطق.
""",
    tail="""
تابع آخر التطورات على قناتنا في تلغرام
اقرأ أيضاً: الهلال الأحمر الليبي يطلق نداء للتبرع بالدم
ليبيا الحدث © 2023
""")

add("x-doha-en", "doha-trio-syria-2024", "2024-12-07", "en", "Gulf Courier",
    "rewrite (English); hard negative for bloomberg-russia-no-plan (Russia, Lavrov, Assad, Homs, a day later) "
    "and assad-asylum-moscow (a day earlier)",
    head="""GULF COURIER | World

Russia, Iran and Turkey call for end to fighting in Syria after Doha talks

December 7, 2024 | 4 min read
""",
    body="""
The foreign ministers of Russia, Iran and Turkey called on Saturday for an immediate end to hostilities in Syria and for talks between the government and the opposition, as rebels closed in on Homs.
Sergei Lavrov, Abbas Araghchi and Hakan Fidan met on the sidelines of the Doha Forum in the Astana format, joined later by officials from Qatar, Saudi Arabia, Egypt, Iraq and Jordan.
Lavrov told the forum it was "unacceptable" to allow a terrorist group to take control of Syrian territory, and said Moscow was doing everything to prevent it.
Araghchi said Tehran's support for Bashar al-Assad would continue, while Fidan said Ankara wanted a political settlement based on UN resolution 2254.
Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, said he was surprised that Assad had not used the lull of recent years to start a dialogue with his people.
""",
    tail="""
Share this article

Most read
Gold hits record as investors seek safety

Copyright © 2024 Gulf Courier. All rights reserved. | Privacy | Cookie settings
""")

add("x-doha-ar", "doha-trio-syria-2024", "2024-12-07", "ar", "شبكة الشمال الإخبارية",
    "rewrite (Arabic); hard negative for bloomberg-russia-no-plan (Lavrov, Russia, Assad, Homs, a day later)",
    head="""شبكة الشمال الإخبارية
اجتماع ثلاثي في الدوحة: روسيا وإيران وتركيا تدعو إلى وقف القتال في سوريا

السبت، 7 ديسمبر 2024 - 16:10

مشاركة
""",
    body="""
دعا وزراء خارجية روسيا وإيران وتركيا، السبت، إلى وقف فوري للأعمال القتالية في سوريا وبدء حوار سياسي بين الحكومة والمعارضة، وذلك في ختام اجتماع عقدوه في الدوحة على هامش منتدى الدوحة ضمن صيغة أستانا.
وشارك في الاجتماع سيرغي لافروف وعباس عراقجي وهاكان فيدان، قبل أن ينضم إليهم وزراء ومسؤولون من قطر والسعودية ومصر والعراق والأردن.
وقال لافروف إنه "من غير المقبول" السماح لجماعة إرهابية بالسيطرة على أراض سورية، بينما أكد عراقجي استمرار دعم طهران للحكومة السورية.
أما فيدان فشدد على ضرورة التوصل إلى تسوية سياسية وفق قرار مجلس الأمن 2254.
وقال رئيس الوزراء القطري الشيخ محمد بن عبد الرحمن آل ثاني إنه فوجئ بأن الأسد لم يستغل سنوات الهدوء لإطلاق حوار مع شعبه.
""",
    tail="""
اقرأ أيضا
فصائل المعارضة على أبواب حمص
تابعونا على تلغرام
© شبكة الشمال الإخبارية
""")

add("x-golan-fr", "israel-buffer-zone-2024", "2024-12-09", "fr", "Le Courrier du Levant",
    "singleton (French); hard negative for assad-asylum-moscow (Assad's fall, Syria, Damascus, same days)",
    head="""Le Courrier du Levant
International > Proche-Orient

Après la chute d'Assad, Israël frappe la Syrie et entre dans la zone tampon du Golan

Publié le 9 décembre 2024 à 12h40
""",
    body="""
L'armée israélienne a mené lundi de nouvelles frappes contre des sites militaires en Syrie, au lendemain de la chute de Bachar al-Assad, visant des dépôts d'armes, des bases aériennes et des centres de recherche soupçonnés d'abriter des armes chimiques.
Dimanche, Benyamin Nétanyahou avait déclaré que l'accord de désengagement de 1974 entre les deux pays s'était « effondré » et ordonné aux soldats de prendre position dans la zone tampon démilitarisée du plateau du Golan.
Des troupes israéliennes ont également pris le contrôle du versant syrien du mont Hermon, selon l'armée.
Le ministre de la Défense, Israël Katz, a dit vouloir empêcher que l'arsenal de l'ancien régime ne tombe entre les mains de groupes armés.
L'ONU a rappelé que la zone tampon, surveillée par la Force des Nations unies chargée d'observer le dégagement (FNUOD), ne devait accueillir aucune force militaire.
""",
    tail="""
Lire aussi : Liban, le cessez-le-feu fragilisé par de nouvelles frappes
Abonnez-vous à notre lettre d'information
© Le Courrier du Levant 2024 - Tous droits réservés
""")

add("x-nabatieh-ar", "nabatieh-strike-2024", "2024-08-17", "ar", "صدى بيروت",
    "singleton (Arabic); hard negative for lebanon-blackout-2024 (Lebanon, same day, same outlet as a2)",
    head="""صدى بيروت
عشرة قتلى سوريين في غارة إسرائيلية على وادي الكفور قرب النبطية

17 آب 2024
""",
    body="""
قتل عشرة أشخاص من الجنسية السورية، بينهم امرأة وطفلاها، وأصيب خمسة آخرون، في غارة شنتها مسيّرة إسرائيلية ليل الجمعة على مبنى في منطقة وادي الكفور قرب مدينة النبطية في جنوب لبنان.
وقال مركز عمليات طوارئ الصحة العامة التابع لوزارة الصحة اللبنانية إن فرق الإسعاف انتشلت الضحايا من تحت الركام، فيما نقل الجرحى إلى مستشفيات النبطية.
وأفادت مصادر محلية بأن المبنى المستهدف كان يؤوي عمالاً سوريين وعائلاتهم يعملون في الزراعة.
وقال الجيش الإسرائيلي إنه استهدف مستودعاً لأسلحة حزب الله في المنطقة.
وتأتي الغارة في ظل تصعيد متواصل على الحدود الجنوبية منذ الثامن من تشرين الأول الماضي.
""",
    tail="""
#لبنان #الجنوب
0 تعليقات
اشترك في النشرة البريدية لصدى بيروت
""")

# Pairs a story detector should keep apart (different stories), listed for error analysis.
HARD_NEGATIVES = [
    ("seed003", "n-putin2023", "months-apart", "Putin receives Assad in the Kremlin: July 2024 vs March 2023"),
    ("s2-en", "n-putin2023", "months-apart", "Putin receives Assad in the Kremlin: July 2024 vs March 2023"),
    ("n-egyjul", "e1", "months-apart", "Egyptian fuel price rise: July vs October 2024, shared figures"),
    ("n-egyjul", "e2", "months-apart", "Egyptian fuel price rise: July vs October 2024, same outlet and layout"),
    ("n-jeddah", "n-riyadh", "months-apart", "Assad at a summit in Saudi Arabia, May vs November 2023"),
    ("a1", "n-lb2021", "months-apart", "Lebanese total blackout, Zahrani/Deir Ammar out of fuel: 2024 vs 2021"),
    ("a3", "n-lb2021", "months-apart", "same, both in French"),
    ("d1", "n-haouz", "months-apart", "Al Haouz earthquake: toll report vs one-year-on reconstruction"),
    ("a2", "n-lbjordan", "same-entities-other-event", "Lebanese electricity, another topic (Jordan import deal)"),
    ("b1", "n-aleppoquake", "same-entities-other-event", "Aleppo and its citadel: 2024 offensive vs 2023 earthquake"),
    ("d2", "n-aleppoquake", "same-topic-other-event", "earthquake death toll in another country"),
    ("c1", "n-asma", "same-entities-other-event", "Assad family in Moscow, asylum, two weeks apart"),
    ("c2", "seed004", "same-entities-other-event", "Russia and Assad's fate, 3 days apart (Bloomberg report vs asylum)"),
    ("c3", "seed000", "same-entities-other-event", "Assad's last days and flight to Moscow: asylum news vs Saqr interview"),
    ("b2", "seed004", "same-entities-other-event", "opposition advance on Aleppo/Hama/Homs, a week apart"),
    ("g1", "n-asiancup", "same-topic-other-event", "Saudi Arabia awarded a football tournament as sole bidder"),
    # issue 8 additions: other stories in the same days, in another language than some of the story's articles
    ("x-bb-en", "seed000", "same-entities-other-event", "Syria after Assad's fall, Damascus, Russia's bases: "
     "EU ministers' visit vs Saqr interview, 1-2 days apart, English vs Arabic"),
    ("x-bb-ar", "s1-en", "same-entities-other-event", "same, Arabic vs English"),
    ("x-derna-en", "d1", "same-topic-other-event", "disaster death toll in the thousands in North Africa, "
     "3 days apart, English vs Arabic"),
    ("x-derna-ar", "d4", "same-topic-other-event", "same, Arabic vs English"),
    ("x-doha-en", "seed004", "same-entities-other-event", "Russia, Lavrov, Assad, Homs: Doha meeting vs Bloomberg "
     "report a day earlier, English vs Arabic"),
    ("x-doha-ar", "c1", "same-entities-other-event", "Russia and Assad: Doha meeting vs asylum a day later"),
    ("x-golan-fr", "c1", "same-entities-other-event", "Assad's fall, Syria: Israeli strikes vs asylum, same days, "
     "French vs English"),
    ("x-nabatieh-ar", "a3", "same-entities-other-event", "Lebanon, same day: Israeli strike vs blackout, "
     "Arabic vs French"),
]


def main():
    RAW.mkdir(parents=True, exist_ok=True)
    for old in RAW.glob("*.txt"):
        old.unlink()

    number = 5
    for batch, shuffle_seed in ((1, 20250105), (2, 20250108)):
        order = [a for a in ARTICLES if a["raw"] is not None and a["batch"] == batch]
        random.Random(shuffle_seed).shuffle(order)
        for art in order:
            digest = hashlib.sha1(f"newsclean-stories/{art['key']}".encode()).hexdigest()[:16]
            art["file"] = f"{number:03d}_{digest}.txt"
            number += 1

    for art in ARTICLES:
        data = art["raw_bytes"] if art["raw"] is None else art["raw"].encode("utf-8")
        (RAW / art["file"]).write_bytes(data)

    fname = {a["key"]: a["file"] for a in ARTICLES}
    for a in ARTICLES:
        if a["copy_of"]:
            orig = BY_KEY[a["copy_of"]]
            assert orig["copy_of"] is None and orig["published"] <= a["published"], a["key"]
            assert orig["story"] == a["story"], a["key"]

    records = []
    for a in sorted(ARTICLES, key=lambda a: a["file"]):
        note = a["note"] if a["outlet"] is None else f"{a['note']}; outlet: {a['outlet']}"
        records.append({"file": a["file"], "story": a["story"],
                        "copy_of": fname[a["copy_of"]] if a["copy_of"] else None,
                        "published": a["published"], "language": a["language"], "note": note})
    used = {a["story"] for a in ARTICLES}
    assert used == set(STORIES), used ^ set(STORIES)
    labels = {
        "articles": records,
        "stories": STORIES,
        "hard_negatives": [{"a": fname[x], "b": fname[y], "kind": kind, "why": why}
                           for x, y, kind, why in HARD_NEGATIVES],
    }
    LABELS.write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(ARTICLES)} raw files to {RAW} and {LABELS}")


if __name__ == "__main__":
    main()
