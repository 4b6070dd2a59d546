"""The entry form in a real headless browser (Debian chromium + chromium-driver via selenium, as in
tests/test_browser.py): a steward records a deal, sees a finding next to the field it is about while
typing, fixes it, downloads the file, and ``rdgraph validate`` / ``rdgraph add --dry-run`` accept it.
The server writes nothing."""

from __future__ import annotations

import time
from pathlib import Path

from test_browser import _axe, _shot, _wait_for, browser, downloads, site  # noqa: F401  (fixtures)
from test_cli_entries import run

SOURCE = "bron:web-rijksoverheid-nl-c057efff"


def _type(driver, name: str, text: str) -> None:
    from selenium.webdriver.common.by import By

    el = driver.find_element(By.ID, f"f-{name}")
    el.clear()
    el.send_keys(text)


def _settled(driver, timeout: float = 30.0) -> str:
    """Wait until the live check answered (the status shows a result, not 'checking')."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout).until(
        lambda d: d.find_element(By.ID, "entry-status").get_attribute("data-conforms") in ("true", "false"))
    return driver.find_element(By.ID, "entry-status").text


def test_entry_form_round_trip(site, browser, downloads):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.get(site.url + "/new-deal")
    _wait_for(browser, "/new-deal", "#entry-form")
    _type(browser, "name", "Regio Deal Testkust")
    _type(browser, "municipalities", "oostzaan, beverwijkk")
    _type(browser, "signatories", "ministerie-vro")
    _type(browser, "rijksbijdrage", "7,5 miljoen")
    _type(browser, "source", SOURCE)
    _settled(browser)
    # the findings stand next to their fields, in Dutch, with the fix in the hint
    time.sleep(0.5)
    muni = browser.find_element(By.ID, "p-municipalities").text
    assert "gemeente:beverwijkk" in muni and "gemeente:beverwijk (Beverwijk)" in muni, muni
    money = browser.find_element(By.ID, "p-rijksbijdrage").text
    assert '"7500000"^^xsd:decimal' in money, money
    assert browser.find_element(By.ID, "p-name").text == ""
    _shot(browser, "new-deal-findings")
    assert _axe(browser) == []
    # fix both: the findings go, the status says the entry is fine
    _type(browser, "municipalities", "oostzaan, beverwijk")
    _type(browser, "rijksbijdrage", "7500000")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status = _settled(browser)
        if "Geen fouten gevonden" in status:
            break
        time.sleep(0.3)
    assert "Geen fouten gevonden" in status, status
    assert browser.find_element(By.ID, "p-municipalities").text == ""
    turtle = browser.find_element(By.ID, "entry-turtle").text
    assert "deal:testkust a rdg:RegioDeal" in turtle and "gemeente:beverwijk" in turtle
    # download the file and hand it to rdgraph
    for old in downloads.glob("testkust*.ttl"):
        old.unlink()
    browser.find_element(By.ID, "download").click()
    path = None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and path is None:
        hits = [p for p in downloads.glob("testkust*.ttl") if p.stat().st_size > 0]
        path = hits[0] if hits else None
        time.sleep(0.2)
    assert path is not None, list(downloads.iterdir())
    assert Path(path).read_text(encoding="utf-8").strip() == turtle.strip()
    v = run(["validate", str(path)])
    assert v.returncode == 0 and "Geen fouten gevonden" in v.stdout, v.stdout + v.stderr
    a = run(["add", "--dry-run", str(path)])
    assert a.returncode == 0 and "+++ b/data/deals/testkust.ttl" in a.stdout, a.stdout + a.stderr
