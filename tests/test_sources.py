"""Reading announcements: bad input gets one clear line and a non-zero exit, nothing stored."""

from __future__ import annotations

import pytest

from tests.clihelp import ok, run
from tracker.errors import InputError
from tests.feedserver import feed_server  # noqa: F401 - pytest fixture
from tracker.sources import parse_text_file, read_source

GOOD = ("date: 2025-05-06\nsource: Valley Times\ntitle: Bridge plan\n\n"
        "The Valley Roads Agency will reopen the old river bridge to cyclists by the end of 2026, "
        "its director said on Monday. The agency also plans to repaint the railings next spring.\n")


def test_header_lines_give_date_publisher_and_title():
    src = parse_text_file(GOOD, "bridge.txt")
    assert str(src.published) == "2025-05-06"
    assert (src.publisher, src.title) == ("Valley Times", "Bridge plan")
    assert src.text.startswith("The Valley Roads Agency will reopen")


def test_text_without_header_is_all_body():
    src = parse_text_file("The Valley Roads Agency will reopen the bridge by June.", "x")
    assert src.published is None and src.text.startswith("The Valley")


@pytest.mark.parametrize("content,message", [
    (b"", "no text to read"),
    (b"   \n\n  ", "no text to read"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
    ("Le ministère ouvrira la nouvelle ligne de tramway avant la fin de l'année prochaine, a déclaré "
     "la ministre lors d'une conférence de presse à Lyon mercredi matin.".encode(), "does not look like English"),
    (b"\xff\xfe\xfa not utf8 \xff text here", "not UTF-8"),
    (b"<!doctype html><html><body><nav>Home | About</nav></body></html>", "no article text"),
])
def test_unreadable_files_are_refused(tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_source(str(path))


@pytest.mark.parametrize("text,language", [
    # German shares "will", "in", "an", "was" with English: it used to pass the English test
    ("Die Firma will in Berlin ein Werk bauen. Sie will es im Jahr 2027 eröffnen, was die Stadt begrüßt. "
     "Das Werk soll an der Spree stehen.", "German"),
    ("Het bedrijf zal in 2027 een nieuwe fabriek in Utrecht openen, zei de directeur op maandag. De gemeente "
     "is blij met het plan.", "Dutch"),
    ("La empresa abrirá una nueva fábrica en Sevilla antes de 2027, dijo el director el lunes. El alcalde "
     "está contento con el plan.", "Spanish"),
])
def test_other_languages_are_refused_and_named(text, language):
    """Issue 14: German text was not refused as non-English."""
    with pytest.raises(InputError, match=f"does not look like English \\(it looks like {language}\\)"):
        parse_text_file(text, "x")


def test_english_naming_foreign_places_and_firms_is_still_english():
    src = parse_text_file("Banco de la Nación will open a branch in Madrid by March 2027, and Der Spiegel "
                          "reported that the Stadtwerke Nord plant will close in 2028, the firms said.", "x")
    assert src.text.startswith("Banco")


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    with pytest.raises(InputError, match="too large"):
        read_source(str(path))


def test_missing_file_says_what_to_give(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))


def test_cli_bad_input_exits_non_zero_and_stores_nothing(tmp_path):
    ok("db", "upgrade")
    (tmp_path / "empty.txt").write_text("")
    result = run("extract", str(tmp_path / "empty.txt"), "--save")
    assert result.exit_code == 2 and "no text to read" in result.output
    assert "Traceback" not in result.output
    assert ok("list", "--format", "json").strip() == "[]"


ARTICLE = """<!doctype html><html><head><title>Bridge plan | Valley Times</title>
<meta property="article:published_time" content="2025-05-06T08:00:00Z">
<meta property="og:site_name" content="Valley Times"></head>
<body><nav>Home · Roads · Weather</nav><article><h1>Roads agency sets bridge date</h1>
<p>The Valley Roads Agency will reopen the old river bridge to cyclists by the end of 2026, its director
said on Monday. Engineers finished a survey of the piers last month and found them sound.</p>
<p>The agency also plans to repaint the railings next spring, once the weather allows the work.</p>
</article><footer>© Valley Times</footer></body></html>"""


def test_url_article_text_and_date_from_page_metadata(feed_server):
    from tests.feedserver import Reply

    feed_server.set_route("/bridge.html", Reply(200, ARTICLE.encode(), {"Content-Type": "text/html; charset=utf-8"}))
    src = read_source(feed_server.url("/bridge.html"))
    assert str(src.published) == "2025-05-06" and src.publisher == "Valley Times"
    assert "reopen the old river bridge" in src.text and "Home · Roads" not in src.text
    out = ok("extract", feed_server.url("/bridge.html"), "--format", "json")
    import json

    found = json.loads(out)
    assert any(f["due_latest"] == "2026-12-31" for f in found)


def test_url_errors_are_one_line_failures(feed_server):
    missing = run("extract", feed_server.url("/status/404"))
    assert missing.exit_code == 1 and "404" in missing.output and "Traceback" not in missing.output


def test_url_that_times_out(feed_server, tmp_path):
    (tmp_path / "t.toml").write_text("[fetch]\ntotal_timeout = 1.0\nconnect_timeout = 1.0\n")
    result = run("--config", str(tmp_path / "t.toml"), "extract", feed_server.url("/slow/headers?seconds=5"))
    assert result.exit_code == 1 and "timed out" in result.output
