"""The status site in a real headless Chromium (Playwright), from file:// and from a loopback server.

Checks what only a browser can: no console errors or CSP violations, the
filter box hides rows, header buttons sort, the hostile commitment opens no
dialog, nothing is fetched from anywhere but the site itself, and the page
works with JavaScript off. Screenshots (light, dark, phone) go to
``test-artifacts/`` at the repository root.

Needs Debian's ``chromium`` (apt-get install chromium) and ``playwright`` in the
venv (no ``playwright install``: the system browser is used). Missing either
skips these tests, except under CI (``CI=true``), where it fails them.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_report import TODAY, seed
from tracker.config import Config
from tracker.db import make_engine
from tracker.report import build_site

CHROMIUM = os.environ.get("TRACKER_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Recorded inside the page before any of its own code runs (init scripts are not subject to the page's CSP).
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""

pytestmark = pytest.mark.slow


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed in the venv (.venv/bin/pip install playwright)"
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser():
    problem = _missing()
    if problem:
        if IN_CI:
            pytest.fail(f"{problem}: CI requires the browser tests")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    engine = seed(make_engine(f"sqlite:///{root / 'tracker.db'}"))
    build_site(engine, Config(), root / "site", TODAY)
    engine.dispose()
    return root / "site"


@pytest.fixture(scope="module")
def server(site) -> Iterator[str]:
    """The site over HTTP on loopback, as a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output clean
        pass


class Watched:
    """A page with everything that must not happen recorded: errors, dialogs, foreign requests."""

    def __init__(self, page, allowed_prefix: str):
        self.page, self.errors, self.dialogs, self.foreign = page, [], [], []
        page.add_init_script(WATCH_CSP)
        page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: None if r.url.startswith(allowed_prefix) else self.foreign.append(r.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        return self.page

    def assert_clean(self) -> None:
        assert self.page.evaluate("window.__csp") == []
        assert self.errors == [] and self.dialogs == [] and self.foreign == []


@pytest.fixture(params=["file", "http"])
def base(request, site) -> str:
    return site.as_uri() if request.param == "file" else request.getfixturevalue("server")


@pytest.fixture
def watched(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(page, base), base
    context.close()


def _visible_rows(page) -> int:
    return page.locator("table#commitments tbody tr:visible").count()


def test_index_loads_without_errors_and_filters(watched):
    w, base = watched
    page = w.open(f"{base}/index.html")
    assert page.title().startswith("Were the promises kept?")
    assert _visible_rows(page) == 11
    box = page.locator("[data-filter-for=commitments]")
    assert box.is_visible()  # the script revealed it
    box.locator("input[name=q]").fill("glasswing")
    assert _visible_rows(page) == 3
    assert box.locator("output").inner_text() == "3 of 11 shown"
    box.locator("input[name=q]").fill("glasswing fares")
    assert _visible_rows(page) == 1
    box.locator("input[name=q]").fill("")
    box.locator("select[name=status]").select_option("pending")
    assert _visible_rows(page) == 3
    box.locator("select[name=actor]").select_option("Pellucid Software")
    assert _visible_rows(page) == 1
    box.locator("select[name=status]").select_option("")
    assert _visible_rows(page) == 4
    w.assert_clean()


def test_index_sorts_by_column(watched):
    w, base = watched
    page = w.open(f"{base}/index.html")
    table = page.locator("table#commitments")

    def column(n: int) -> list[str]:
        return table.locator(f"tbody tr td:nth-child({n})").all_inner_texts()

    days_header = table.locator("thead th", has_text="Days").locator("button.sort")
    days_header.click()
    assert table.locator("thead th", has_text="Days").get_attribute("aria-sort") == "ascending"
    days = column(5)
    assert days[0] == "152 days late" and days[-1] in ("no deadline", "—")
    days_header.click()
    assert column(5)[0] == "213 days left"
    table.locator("thead th", has_text="Actor").locator("button.sort").click()
    actors = column(1)
    assert actors == sorted(actors, key=str.lower)
    table.locator("thead th", has_text="Deadline").locator("button.sort").click()
    assert column(3)[0].startswith("30 Sep 2025")
    w.assert_clean()


def test_url_parameters_preset_the_filter(watched):
    w, base = watched
    page = w.open(f"{base}/index.html?status=kept_late")
    assert _visible_rows(page) == 1
    w.assert_clean()


def test_hostile_commitment_runs_nothing(watched):
    w, base = watched
    for path in ("c/11.html", "index.html", "a/4-script-alert-actor-script-holdings.html", "s/pending.html"):
        page = w.open(f"{base}/{path}")
        page.mouse.move(300, 300)
        for link in page.locator(".nolink").all():
            link.hover()
        assert page.locator("img").count() == 0
    page = w.open(f"{base}/c/11.html")
    assert page.locator("h1").inner_text() == '<img src=x onerror=alert("what")> build a bridge'
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator(".unlinked").first.click()  # plain text: clicking it goes nowhere
    assert page.url.endswith("c/11.html")
    w.assert_clean()


def test_commitment_page_links_and_anchors(watched):
    w, base = watched
    page = w.open(f"{base}/c/1.html")
    page.locator("table.history a", has_text="evidence #").first.click()
    assert page.url.split("#")[1].startswith("e")
    page.locator("nav.crumbs a", has_text="Glasswing Transit").click()
    assert page.locator("h1").inner_text() == "Glasswing Transit"
    w.assert_clean()


def test_works_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.as_uri()}/index.html")
    assert page.locator("[data-filter-for=commitments]").is_hidden()
    assert _visible_rows(page) == 11
    page.locator(".scoreboard a", has_text="Pending").click()
    assert page.url.endswith("s/pending.html") and _visible_rows(page) == 3
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width,label", [(1280, "wide"), (390, "phone")])
def test_screenshots(browser, site, scheme, width, label):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    w = Watched(page, site.as_uri())
    for path in ("index.html", "c/1.html", "c/11.html", "a/1-glasswing-transit.html", "methodology.html"):
        w.open(f"{site.as_uri()}/{path}")
        name = path.replace("/", "-").removesuffix(".html")
        page.screenshot(path=str(ARTIFACTS / f"report-{name}-{scheme}-{label}.png"), full_page=True)
        if label == "phone":  # nothing may stick out sideways on a phone
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")
    w.assert_clean()
    context.close()


def test_print_stylesheet_shows_link_addresses(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site.as_uri()}/c/1.html")
    page.emulate_media(media="print")
    assert page.locator("header.site nav").is_hidden()
    after = page.evaluate("getComputedStyle(document.querySelector('a.ext'), '::after').content")
    assert "https://courier.example.org" in after
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "report-c-1-print.pdf"))
    context.close()



def _one_actor_site(root: Path) -> Path:
    """A site with a single actor: the bar chart has one row (it used to lose its bar to an only-child rule)."""
    from tracker.db import upgrade, write_session
    from tracker.store import NewCommitment, add_commitment
    from tracker.status import StatusRules

    engine = make_engine(f"sqlite:///{root / 'one.db'}")
    upgrade(engine)
    with write_session(engine) as session:
        for text, due in (("open the ferry terminal", TODAY.replace(year=TODAY.year + 1)),
                          ("repave the harbour road", TODAY.replace(year=TODAY.year - 1))):
            add_commitment(session, NewCommitment("Harbour Council", text, TODAY.replace(year=TODAY.year - 2),
                                                  due_latest=due), by="test", today=TODAY, rules=StatusRules())
    build_site(engine, Config(), root / "site", TODAY)
    engine.dispose()
    return root / "site"


@pytest.mark.parametrize("width", [1280, 390])
def test_single_actor_bar_chart_keeps_label_bar_and_total_in_a_row(browser, tmp_path, width):
    site = _one_actor_site(tmp_path)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site.as_uri()}/index.html")
    boxes = page.evaluate("""() => [...document.querySelectorAll('ul.bars li')].map(li =>
        ['.bar-label', 'svg.bar', '.bar-total'].map(s => { const r = li.querySelector(s).getBoundingClientRect();
                                                         return [r.left, r.right, r.top, r.width, r.bottom]; }))""")
    assert len(boxes) == 1
    (label, bar, total), = boxes
    assert bar[3] > 0.3 * min(width, 960), f"bar squeezed to {bar[3]}px"
    assert bar[1] <= total[0]  # the total beside its bar
    if width > 640:
        assert label[1] <= bar[0]  # label, bar and total side by side
    else:
        assert label[4] <= bar[2] + 1  # on a phone the label sits above its bar
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_commitment_page_at_390px_has_a_readable_timeline(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in ("c/1.html", "c/3.html"):
        page.goto(f"{site.as_uri()}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path  # no sideways scrolling
        chart = page.locator("svg.life").bounding_box()
        assert chart["x"] >= 0 and chart["x"] + chart["width"] <= 390
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg.life text')]
                                   .map(t => t.getBoundingClientRect().height)""")
        assert sizes and min(sizes) >= 10, f"{path}: timeline labels {min(sizes):.1f}px high"
        cells = page.evaluate("""() => [...document.querySelectorAll('table.history td')]
                                   .map(td => td.getBoundingClientRect().width)""")
        assert cells and min(cells) >= 150, f"{path}: history cells squeezed to {min(cells):.0f}px"
    context.close()
