"""The linked-data pages in a real headless browser (Debian's chromium + chromium-driver via selenium).

Opens the index, follows the link to the Noordoost-Brabant deal, then from the deal page to one of
its opgaven, and checks what a person would read there. Skipped when chromium is not installed
locally; a failure under CI=true (where .ci/run installs it from .ci/apt-packages.txt).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from test_server import start_server, stop_server

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _need_browser():
    if CHROMIUM and Path(CHROMEDRIVER).exists():
        return
    reason = "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + ", but CI must run this test")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site():
    _need_browser()
    s = start_server("--timeout", "5", "--workers", "1")
    yield s
    stop_server(s)


@pytest.fixture(scope="module")
def browser(site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rdgraph-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1280,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)  # no driver download
    driver.set_page_load_timeout(30)
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


def test_index_to_deal_to_opgave(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/")
    assert browser.title.startswith("Regio Deals")
    headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h2")]
    assert "Opgaven (rode draden)" in headings and "Regio Deals per tranche" in headings
    # the stylesheet is applied (served by the server itself, nothing external)
    header = browser.find_element(By.CSS_SELECTOR, "header.top")
    assert header.value_of_css_property("background-color") in ("rgba(1, 104, 155, 1)", "rgb(1, 104, 155)")

    # index -> deal (listed under its tranche)
    tranche3 = browser.find_element(By.XPATH, "//div[@class='tranche'][.//a[@href='/doc/tranche/3']]")
    tranche3.find_element(By.LINK_TEXT, "Noordoost-Brabant").click()
    _wait_for(browser, "/doc/regiodeal/noordoost-brabant", "#incoming")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Noordoost-Brabant"
    props = browser.find_element(By.ID, "properties")
    row = props.find_element(By.XPATH, ".//tr[.//small[text()='rdg:tranche']]")
    assert "Tranche 3" in row.text
    incoming = browser.find_element(By.ID, "incoming").text
    assert "Zesde rapportage" in incoming  # "what links here": the evaluation that evaluates the deal

    # deal -> opgave 9 (Aanpakken van criminaliteit), which it addresses
    opgaven = props.find_element(By.XPATH, ".//tr[.//small[text()='rdg:addressesOpgave']]")
    opgaven.find_element(By.LINK_TEXT, "Aanpakken van criminaliteit").click()
    _wait_for(browser, "/doc/opgave/9", "#incoming")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Aanpakken van criminaliteit"
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Tackling crime" in body                 # the English label beside the Dutch one
    assert "Veiligheid en justitie" in body         # its domain, by label
    links_here = browser.find_element(By.ID, "incoming")
    assert links_here.find_elements(By.LINK_TEXT, "Noordoost-Brabant")  # the deal links here

    # the same page in English
    browser.find_element(By.LINK_TEXT, "English").click()
    _wait_for(browser, None, "html[lang=en] #incoming")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tackling crime"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_id_iri_redirects_in_browser(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/id/tranche/3")
    _wait_for(browser, "/doc/tranche/3", "h1")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tranche 3"
    browser.get(site.url + "/doc/regiodeal/nergens")
    assert "Niet gevonden" in browser.find_element(By.TAG_NAME, "h1").text


def test_sparql_form_without_javascript(site, browser):
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/sparql")
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()  # the example query, as HTML
    table = _wait_for(browser, None, "table.results")
    assert "Noordoost-Brabant" in table.text
    assert len(table.find_elements(By.TAG_NAME, "tr")) == 15  # header + the 14 deals of tranche 3
