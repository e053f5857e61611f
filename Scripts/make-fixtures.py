#!/usr/bin/env python3
"""Generate the bad-input and legacy-encoding HTML fixtures in Fixtures/pages/.

Standard library only, deterministic: running it twice produces byte-identical
files. The seed-*.html pages in the same folder are hand-written and are NOT
produced by this script; it never touches them.

Usage:
    python3 Scripts/make-fixtures.py            # writes into <repo>/Fixtures/pages
    python3 Scripts/make-fixtures.py --out DIR  # writes into DIR instead

The ~20 MB page is deliberately not generated here (it would bloat the repo);
see Scripts/make-large-fixture.sh, which writes it to Fixtures/generated/.
"""

import argparse
import os
import random
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "Fixtures", "pages")


# --------------------------------------------------------------------------
# bg-windows-1251-meta.html / bg-windows-1251-no-meta.html
# --------------------------------------------------------------------------

BG_TITLE = "Клъстерният форум на Южен централен регион събра над 120 участници в Пловдив"
BG_DATE = "15 март 2024 г."
BG_PARAGRAPHS = [
    "На 15 март 2024 г. в Пловдив се проведе годишният форум на клъстерите от "
    "Южен централен регион. В събитието участваха над 120 представители на малки "
    "и средни предприятия, университети, общини и неправителствени организации.",

    "Основна тема на форума беше дигиталната трансформация на производството. "
    "Лекторите представиха успешни примери за въвеждане на роботизирани линии, "
    "системи за предиктивна поддръжка и решения за енергийна ефективност, "
    "финансирани по програма „Конкурентоспособност и иновации в предприятията“.",

    "В края на деня бяха подписани три споразумения за сътрудничество между "
    "клъстери от България, Румъния и Гърция. Организаторите обявиха, че "
    "следващото издание ще се състои през октомври – този път в Стара Загора.",
]


def bg_page(with_meta):
    head_meta = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">\n'
        if with_meta else ""
    )
    paras = "\n".join("<p>%s</p>" % p for p in BG_PARAGRAPHS)
    text = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="bg">\n'
        "<head>\n"
        + head_meta +
        "<title>%s | Новини | Клъстер Мехатроника</title>\n"
        '<link rel="stylesheet" type="text/css" href="/css/style.css" />\n'
        "</head>\n"
        "<body>\n"
        '<div id="header"><a href="/"><img src="/img/logo.gif" alt="Клъстер Мехатроника" /></a></div>\n'
        '<div id="menu"><a href="/">Начало</a> | <a href="/za-nas.php">За нас</a> | '
        '<a href="/novini.php">Новини</a> | <a href="/kontakti.php">Контакти</a></div>\n'
        '<div id="content">\n'
        '<h1>%s</h1>\n'
        '<div class="date">%s</div>\n'
        "%s\n"
        "</div>\n"
        '<div id="footer">&copy; 2024 Клъстер Мехатроника. Всички права запазени.</div>\n'
        "</body>\n"
        "</html>\n"
    ) % (BG_TITLE, BG_TITLE, BG_DATE, paras)
    return text.encode("windows-1251")  # strict: fails loudly on unmappable chars


# --------------------------------------------------------------------------
# utf8-meta-says-latin1.html
# --------------------------------------------------------------------------

UK_TITLE = "Українські кластери на економічному форумі у Жешуві"
UK_PARAGRAPHS = [
    "Делегація Українського кластерного альянсу взяла участь у міжнародному "
    "економічному форумі в місті Rzeszów. Партнерами заходу виступили "
    "Підкарпатський технологічний кластер та місцева торгово-промислова палата.",

    "Під час панельної дискусії пані Małgorzata Wójcik, координаторка польської "
    "сторони, наголосила на важливості спільних проєктів у сфері енергоефективності "
    "та відбудови. Її колега Grzegorz Łęcki представив ґрунтовний аналіз досвіду "
    "кластерів з Łódź та Kraków.",

    "Наступна зустріч запланована на осінь у Львові. Учасники домовилися "
    "підготувати спільну заявку до програми Interreg NEXT «Польща – Україна» "
    "та залучити до неї щонайменше десять підприємств з обох країн. "
    "Пан Paweł Żółtowski запросив українських партнерів відвідати Łańcut.",
]


def utf8_latin1_page():
    paras = "\n".join("    <p>%s</p>" % p for p in UK_PARAGRAPHS)
    text = (
        "<!DOCTYPE html>\n"
        '<html lang="uk">\n'
        "<head>\n"
        '  <meta charset="iso-8859-1">\n'
        "  <title>%s</title>\n"
        '  <meta property="og:title" content="%s">\n'
        "</head>\n"
        "<body>\n"
        '  <nav class="menu"><a href="/">Головна</a> <a href="/news/">Новини</a> '
        '<a href="/contacts/">Контакти</a></nav>\n'
        "  <article>\n"
        "    <h1>%s</h1>\n"
        '    <p class="date">12.06.2024</p>\n'
        "%s\n"
        "  </article>\n"
        "  <footer>&copy; 2024 Український кластерний альянс</footer>\n"
        "</body>\n"
        "</html>\n"
    ) % (UK_TITLE, UK_TITLE, UK_TITLE, paras)
    return text.encode("utf-8")


# --------------------------------------------------------------------------
# pl-iso-8859-2.html
# --------------------------------------------------------------------------

PL_TITLE = "Zielona transformacja łańcuchów dostaw: spotkanie klastrów w Łodzi"
PL_PARAGRAPHS = [
    "W środę w Łodzi odbyło się spotkanie przedstawicieli dwunastu klastrów z "
    "całej Polski. Gośćmi byli również eksperci z Gdańska, Wrocławia i Zielonej "
    "Góry, którzy opowiedzieli o wdrażaniu gospodarki o obiegu zamkniętym w małych "
    "i średnich przedsiębiorstwach.",

    "Dyskusja dotyczyła przede wszystkim źródeł finansowania, współpracy z "
    "uczelniami oraz sposobów ograniczania śladu węglowego. Uczestnicy zwrócili "
    "uwagę, że wiele firm nie ma jeszcze pełnej wiedzy o nowych obowiązkach "
    "sprawozdawczych, dlatego klastry powinny organizować więcej szkoleń i warsztatów.",

    # ISO-8859-2 has no typographic quotes, so the page uses numeric entities
    # for them, as legacy Polish sites did.
    "Na zakończenie podpisano list intencyjny o wspólnym przygotowaniu projektu "
    "&#8222;Zielony Łańcuch&#8221;. Kolejne spotkanie zaplanowano na jesień w "
    "Bielsku-Białej, a jego gospodarzem będzie Śląski Klaster Przemysłowy. Wśród "
    "zaproszonych gości znaleźli się także przedsiębiorcy z Kalisza i Łomży.",
]


def pl_latin2_page():
    paras = "\n".join("<p>%s</p>" % p for p in PL_PARAGRAPHS)
    text = (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
        '"http://www.w3.org/TR/html4/loose.dtd">\n'
        '<html lang="pl">\n'
        "<head>\n"
        '<meta charset="iso-8859-2">\n'
        "<title>%s - Aktualności</title>\n"
        "</head>\n"
        "<body>\n"
        '<table width="100%%" border="0"><tr><td class="menu">'
        '<a href="/">Strona główna</a> | <a href="/aktualnosci/">Aktualności</a> | '
        '<a href="/kontakt/">Kontakt</a></td></tr></table>\n'
        '<div class="tresc">\n'
        "<h1>%s</h1>\n"
        '<p class="data">Dodano: 22.05.2024</p>\n'
        "%s\n"
        "</div>\n"
        '<div class="stopka">&copy; 2024 Łódzki Klaster Przemysłowy &bull; '
        "Wszelkie prawa zastrzeżone</div>\n"
        "</body>\n"
        "</html>\n"
    ) % (PL_TITLE, PL_TITLE, paras)
    return text.encode("iso-8859-2")  # strict


# --------------------------------------------------------------------------
# empty.html, binary-garbage.html
# --------------------------------------------------------------------------

def binary_garbage():
    rng = random.Random(2026)
    data = bytes(rng.getrandbits(8) for _ in range(4096))
    assert len(data) == 4096 and b"\x00" in data
    return data


# --------------------------------------------------------------------------
# nested-divs.html
# --------------------------------------------------------------------------

NEST_DEPTH = 10000


def nested_divs():
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Nested divs</title>\n</head>\n<body>\n"
    ]
    for i in range(NEST_DEPTH):
        parts.append("<div>")
        if i % 100 == 99:
            parts.append("\n")
    parts.append("<p>Deeply nested content survives.</p>")
    for i in range(NEST_DEPTH):
        parts.append("</div>")
        if i % 100 == 99:
            parts.append("\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts).encode("utf-8")


# --------------------------------------------------------------------------
# unclosed-tags.html
# --------------------------------------------------------------------------

UNCLOSED = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv=Content-Type content=text/html;charset=utf-8>
<title>Members Newsletter - Spring 2024</title>
<link rel=stylesheet href=/style.css type=text/css>
<body bgcolor=#ffffff leftmargin=0 topmargin=0>
<div id=wrap class=page>
<div id=top><a href=/><img src=/img/logo.gif border=0 alt=Logo></a>
<div id=menu><a href=/ class=sel>Home</a> | <a href=/news.html>News</a> | <a href=/members.html>Members</a>
<h1 class=title>Members Newsletter: Spring 2024</h1>
<div class=content>
<p>Welcome to the spring edition of our members newsletter. <b>Registration is now open</b> for the annual general meeting, which will take place on 24 April in the conference hall of the regional chamber of commerce.
<p>This issue covers three topics: the new training programme, the study visit to Valencia and the results of the member survey.</span>
<div class=section>
<p><b>Training programme.
From April onwards we offer six practical workshops for member companies. Each workshop lasts one day and is limited to fifteen participants, so early registration is recommended.
<ul class=list>
<li>Energy audits for small production plants
<li>Digital twins in practice
<li><b>Export readiness</b> for first-time exporters
<li>Writing successful project applications
</ul>
<p>The study visit to Valencia brought together <i>eleven member companies</i> and two universities. Participants toured a logistics hub, a textile recycling plant and a regional innovation agency.</span></span>
<div class=section>
<p><b>Member survey results
<table border=1 cellpadding=4 cellspacing=0 width=60%>
<tr><th align=left>Question<th>Result
<tr><td>Members surveyed<td align=right>84
<tr><td>Response rate<td align=right>61%
<tr><td>Satisfied with services<td align=right>78%
</table>
<p>Most respondents asked for more networking events and shorter online webinars. The board will discuss the proposals at its May meeting.
<p>Questions and suggestions are welcome at <a href=mailto:office@cluster.example>office@cluster.example</a>.
<div id=footer>Copyright 2024 Regional Industry Cluster. All rights reserved.</span>
"""


def unclosed_tags():
    return UNCLOSED.encode("utf-8")


# --------------------------------------------------------------------------

FILES = [
    ("bg-windows-1251-meta.html", lambda: bg_page(True)),
    ("bg-windows-1251-no-meta.html", lambda: bg_page(False)),
    ("utf8-meta-says-latin1.html", utf8_latin1_page),
    ("pl-iso-8859-2.html", pl_latin2_page),
    ("empty.html", lambda: b""),
    ("binary-garbage.html", binary_garbage),
    ("nested-divs.html", nested_divs),
    ("unclosed-tags.html", unclosed_tags),
]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for name, make in FILES:
        data = make()
        path = os.path.join(args.out, name)
        with open(path, "wb") as f:
            f.write(data)
        print("%8d  %s" % (len(data), os.path.relpath(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
