"""The explorer in a real headless browser (Debian's chromium + chromium-driver via selenium).

What a new user does: search "Twente" and reach its deal page; go from a deal to an opgave and back
through "is opgave van"; fill a query form and download its xlsx; break a SPARQL query and see the
error with the query kept; switch to English and stay English; get English from Accept-Language.
A screenshot of each page type is saved under ``tests/artefacts/screenshots/`` (or
``$RDGRAPH_ARTEFACTS``), and axe-core (vendored in tests/vendor/axe-core) reports no serious or
critical accessibility violations on the home, deal and query pages. Skipped when chromium is not
installed locally; a failure under CI=true (where .ci/run installs it from .ci/apt-packages.txt).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from servers import CHROMEDRIVER, CHROMIUM, need_browser
from test_server import start_server, stop_server

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe-core" / "axe.min.js"
SHOTS = Path(os.environ.get("RDGRAPH_ARTEFACTS", HERE / "artefacts")) / "screenshots"




@pytest.fixture(scope="module")
def site():
    need_browser()
    s = start_server("--timeout", "5", "--workers", "1")
    yield s
    stop_server(s)


def _driver(lang: str, downloads: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rdgraph-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1280,1000", f"--lang={lang}"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"intl.accept_languages": lang,
                                           "download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)  # no driver download
    driver.set_page_load_timeout(30)
    return driver, profile


@pytest.fixture(scope="module")
def downloads():
    d = Path(tempfile.mkdtemp(prefix="rdgraph-downloads-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(site, downloads):
    driver, profile = _driver("nl", downloads)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait_for(browser, url_end: str | None = None, css: str | None = None):
    """Wait (at most 15 s) until navigation reached a URL ending so, or an element shows up."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 15)
    if url_end:
        wait.until(lambda d: d.current_url.split("?")[0].endswith(url_end) and
                   d.execute_script("return document.readyState") == "complete")
    if css:
        return wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))
    return None


def _shot(browser, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{name}.png"))


def _axe(browser) -> list[dict]:
    """Serious and critical axe-core violations of the current page."""
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done([{id: "
        "'axe', impact: 'critical', help: String(e), nodes: []}]));")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n.get("target") for n in v.get("nodes", [])][:5]}
            for v in result if v.get("impact") in ("serious", "critical")]


def test_search_twente_reaches_its_deal(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(site.url + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    header = browser.find_element(By.CSS_SELECTOR, "header.top")  # the stylesheet applies (served locally)
    assert header.value_of_css_property("background-color") in ("rgba(1, 104, 155, 1)", "rgb(1, 104, 155)")
    _shot(browser, "home")
    assert _axe(browser) == []
    box = browser.find_element(By.ID, "home-q")
    box.send_keys("Twente", Keys.ENTER)
    _wait_for(browser, "/search", "ol.hits")
    _shot(browser, "search")
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits li a")
    assert hits[0].text == "Twente"  # the exact name first, before "Twente II" and documents
    hits[0].click()
    _wait_for(browser, "/doc/regiodeal/twente", "#summary")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Twente"
    summary = browser.find_element(By.ID, "summary").text
    assert "Tranche 2" in summary and "Twente II" in summary  # tranche and successor on the card


def test_deal_to_opgave_and_back(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/doc/regiodeal/noordoost-brabant")
    _wait_for(browser, None, "#summary")
    _shot(browser, "deal")
    assert _axe(browser) == []
    card = browser.find_element(By.ID, "summary")
    assert "Tranche 3" in card.text
    # the type list does not open with prov:Activity, and reification nodes are footnotes, not rows
    assert "Activity" not in browser.find_element(By.CSS_SELECTOR, "p.kind").text
    assert not browser.find_elements(By.XPATH, "//section[@id='incoming']//small[text()='rdf:subject']")
    card.find_element(By.LINK_TEXT, "Aanpakken van criminaliteit").click()
    _wait_for(browser, "/doc/opgave/9", "#incoming")
    _shot(browser, "opgave")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Aanpakken van criminaliteit"
    row = browser.find_element(By.XPATH, "//section[@id='incoming']//tr[th[starts-with(normalize-space(.), "
                                         "'is opgave van')]]")
    row.find_element(By.LINK_TEXT, "Noordoost-Brabant").click()
    _wait_for(browser, "/doc/regiodeal/noordoost-brabant", "#summary")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Noordoost-Brabant"


def test_query_form_and_xlsx_download(site, browser, downloads):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(site.url + "/queries/opgaven-per-tranche")
    _wait_for(browser, None, "form.query-form")
    Select(browser.find_element(By.ID, "p-lang")).select_by_value("en")
    before = browser.find_element(By.TAG_NAME, "html")  # the page shows an answer already (the defaults)
    browser.find_element(By.CSS_SELECTOR, "form.query-form button[type=submit]").click()
    # wait for the page the form leads to (the old one gone, the new one loaded), however slow the machine
    WebDriverWait(browser, 60).until(ec.staleness_of(before))
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert "lang=en" in browser.current_url  # the permalink carries the parameters
    table = browser.find_element(By.CSS_SELECTOR, "table.results.sortable")  # the answer (not the chart's data)
    assert "Tackling crime" in table.text
    assert table.find_elements(By.CSS_SELECTOR, "td.num")  # numbers right-aligned
    # the report's chart of this query, drawn (an image that loaded), its data beside it as text
    chart = browser.find_element(By.CSS_SELECTOR, "figure.report-chart img")
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart))
    assert chart.get_attribute("alt").startswith("Public records: deals per opgave and tranche")
    assert "Tackling crime" in browser.find_element(By.ID, "chart-heat-public-data").text
    _shot(browser, "query")
    assert _axe(browser) == []
    browser.find_element(By.LINK_TEXT, "XLSX").click()
    deadline = time.monotonic() + 60  # the file appears when the download finished (polled, not slept on)
    while time.monotonic() < deadline and not list(downloads.glob("*.xlsx")):
        time.sleep(0.2)
    files = list(downloads.glob("*.xlsx"))
    assert files, "no xlsx downloaded"
    from openpyxl import load_workbook

    ws = load_workbook(files[0]).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("domain", "domainLabel", "opgave") and any("Tackling crime" in str(r) for r in rows)


def test_broken_sparql_keeps_the_query_and_shows_the_error(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/sparql")
    _wait_for(browser, None, ".CodeMirror")
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()  # the example query
    _wait_for(browser, None, ".yasr table.dataTable")
    _shot(browser, "sparql")
    assert _axe(browser) == []  # the editor and its answer (labels and contrast added by sparql.js, style.css)
    broken = "SELECT * WHERE { ?s ?p }"
    browser.execute_script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", broken)
    browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    err = _wait_for(browser, None, "#editor-error")
    said = {"nl": "SPARQL-syntaxfout", "en": "SPARQL syntax error"}[
        browser.find_element(By.TAG_NAME, "html").get_attribute("lang")]
    assert "1:" in err.text and err.text.startswith(said)  # the server's words, in the page's language
    kept = browser.execute_script("return document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert kept == broken
    assert browser.find_elements(By.CSS_SELECTOR, ".sparql-error-mark")  # marked at its position
    assert _axe(browser) == []  # the editor with its error too (labels and contrast added by sparql.js, style.css)
    # without JavaScript (the plain form's HTML answer) the query is kept too, with a caret at the position
    import urllib.parse

    browser.get(site.url + "/sparql?format=html&query=" + urllib.parse.quote(broken))
    _wait_for(browser, None, "#sparql-error")
    assert browser.find_element(By.CSS_SELECTOR, "pre.position").get_attribute("data-line") == "1"
    assert browser.find_element(By.ID, "query").get_attribute("value") == broken


def test_english_stays_english(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/doc/opgave/9?lang=nl")  # an explicit choice, remembered like the switch
    browser.find_element(By.CSS_SELECTOR, "a.lang-switch").click()
    _wait_for(browser, None, "html[lang=en] #incoming")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tackling crime"
    for target in ("header.top nav a[href='/']", "#facet-tranches a[href='/doc/tranche/3']",
                   "#summary a[href='/doc/regiodeal/noordoost-brabant']"):
        browser.find_element(By.CSS_SELECTOR, target).click()
        _wait_for(browser, None, "footer.site")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", target
        if "tranche" in target:
            _shot(browser, "tranche")
    browser.find_element(By.CSS_SELECTOR, "a.lang-switch").click()  # and back to Dutch
    _wait_for(browser, None, "html[lang=nl] footer.site")


def test_accept_language_en_gets_english(site, downloads):
    from selenium.webdriver.common.by import By

    driver, profile = _driver("en", downloads)
    try:
        driver.get(site.url + "/doc/opgave/9")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        assert driver.find_element(By.TAG_NAME, "h1").text == "Tackling crime"
        driver.get(site.url + "/provinces")
        _shot(driver, "provinces")
        # the table sorts by a column (numbers as numbers), keyboard-operable buttons in the headers
        money = driver.find_elements(By.CSS_SELECTOR, "table.sortable thead th button.sort")[-1]
        money.click()
        money.click()  # descending
        cells = [c.get_attribute("data-sort") for c in driver.find_elements(By.CSS_SELECTOR,
                                                                            "table.sortable tbody tr td:last-child")]
        values = [float(c) for c in cells]
        assert values == sorted(values, reverse=True) and values[0] > 0
        driver.get(site.url + "/def/regiodeals")
        _shot(driver, "ontology")
        assert driver.find_element(By.CSS_SELECTOR, "#RegioDeal h3").text.startswith("Regio Deal")
        driver.get(site.url + "/api/docs")
        _wait_for(driver, None, ".swagger-ui .opblock")
        _shot(driver, "apidocs")
        driver.set_window_size(390, 844)  # a phone
        driver.get(site.url + "/doc/regiodeal/noordoost-brabant")
        _shot(driver, "deal-phone")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, f"the deal page is {width}px wide at phone width"
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_id_iri_redirects_in_browser(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/id/tranche/3?lang=nl")
    _wait_for(browser, "/doc/tranche/3", "h1")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tranche 3"
    browser.get(site.url + "/doc/regiodeal/nergens")
    assert "Niet gevonden" in browser.find_element(By.TAG_NAME, "h1").text


HEADINGS_IN_ORDER = """
const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(h => h.offsetParent !== null);
const out = []; let prev = 0;
for (const h of hs) { const n = +h.tagName[1]; if (n > prev + 1) out.push(h.tagName + ' after h' + prev + ': '
  + h.textContent.trim().slice(0, 60)); prev = n; }
if (document.querySelectorAll('h1').length !== 1) out.push('h1 count ' + document.querySelectorAll('h1').length);
return out;"""
UNREACHABLE = """
return [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
  .filter(e => e.offsetParent !== null && e.tabIndex < 0)
  .map(e => e.outerHTML.slice(0, 80));"""


@pytest.mark.parametrize("path", ["/", "/doc/regiodeal/noordoost-brabant", "/queries/money-per-province", "/sparql",
                                  "/queries/evaluaties?tranche=3", "/provinces", "/sparql?format=html&query="
                                  "SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"])
def test_quality_of_a_public_site(site, browser, path):
    """Headings in order, every control reachable by keyboard (the skip link first), no serious axe
    violation, a print view without the site's chrome, and no sideways scrolling at phone width."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(1280, 1000)
    browser.get(site.url + path)
    _wait_for(browser, None, "footer.site")
    assert browser.execute_script(HEADINGS_IN_ORDER) == [], path
    assert browser.execute_script(UNREACHABLE) == [], path
    assert _axe(browser) == [], path
    # keyboard: from the top of the page, the first Tab reaches the skip link, which moves the focus to the content
    # (the focus starts at the top: the SPARQL editor takes it when it starts)
    browser.execute_script("document.body.tabIndex = -1; document.body.focus(); "
                           "document.body.removeAttribute('tabindex'); window.scrollTo(0, 0);")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.get_attribute("class") == "skip"
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.switch_to.active_element.get_attribute("id") == "main")
    # print: the content without navigation, search and forms
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.find_element(By.CSS_SELECTOR, "header.top").value_of_css_property("display") == "none"
        assert browser.find_element(By.TAG_NAME, "main").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # a phone: nothing wider than the screen (wide tables scroll inside their own box)
    browser.set_window_size(390, 844)
    try:
        browser.get(site.url + path)
        _wait_for(browser, None, "footer.site")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= browser.execute_script("return window.innerWidth") + 1, f"{path} is {width}px wide"
    finally:
        browser.set_window_size(1280, 1000)
