"""The HTML report in a real headless browser (Debian's chromium + chromium-driver via selenium): no chart label
is cut - every <text> of every SVG lies inside the SVG's viewBox and inside its box on the page - and the page
prints to A4. Screenshots of every chart and the printed PDF are saved under ``tests/artefacts/report/`` (or
``$RDGRAPH_ARTEFACTS/report``). Skipped when chromium is not installed locally; a failure under CI=true.
"""

from __future__ import annotations

import base64
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import rdgraph
from rdgraph.report import build_report, render_html
from servers import CHROMEDRIVER, CHROMIUM, need_browser

HERE = Path(__file__).resolve().parent
ART = Path(os.environ.get("RDGRAPH_ARTEFACTS", HERE / "artefacts")) / "report"

CUT_TEXT_JS = """
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const vb = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  for (const t of svg.querySelectorAll('text')) {
    if (!t.textContent.trim()) continue;
    const b = t.getBBox();
    // the text's box in the SVG's own units (through its transforms) must lie inside the viewBox
    const m = t.getCTM(), root = svg.getCTM().inverse();
    const pts = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m).matrixTransform(root));
    const xs = pts.map(p => p.x), ys = pts.map(p => p.y);
    const tol = 0.5;
    const inView = Math.min(...xs) >= vb.x - tol && Math.max(...xs) <= vb.x + vb.width + tol &&
                   Math.min(...ys) >= vb.y - tol && Math.max(...ys) <= vb.y + vb.height + tol;
    const r = t.getBoundingClientRect();
    const onPage = r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 &&
                   r.bottom <= box.bottom + 1;
    if (!inView || !onPage) out.push([svg.id, t.textContent.slice(0, 60), inView, onPage]);
  }
}
return out;
"""




@pytest.fixture(scope="module")
def driver():
    need_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rdgraph-report-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1100,1000"):
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    d.set_page_load_timeout(60)
    try:
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def kg():
    return rdgraph.load()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_chart_label_is_cut(driver, kg, lang, tmp_path):
    page = tmp_path / f"report-{lang}.html"
    page.write_text(render_html(build_report(kg, lang)), encoding="utf-8")
    driver.get(page.as_uri())
    svgs = driver.find_elements("css selector", "figure svg")
    assert len(svgs) >= 5
    ART.mkdir(parents=True, exist_ok=True)
    for fig in driver.find_elements("css selector", "figure"):
        driver.execute_script("arguments[0].scrollIntoView()", fig)
        fig.screenshot(str(ART / f"{lang}-{fig.get_attribute('id')}.png"))
    cut = driver.execute_script(CUT_TEXT_JS)
    assert cut == [], cut
    # the legend names what is unknown, and the not-coded and partly-coded marks are there
    texts = driver.execute_script("return [...document.querySelectorAll('#heat-public-svg text')]"
                                  ".map(t => t.textContent).join(' | ')")
    assert ("not coded" if lang == "en" else "niet gecodeerd") in texts and "T6*" in texts


def test_the_page_prints_to_a4(driver, kg, tmp_path):
    page = tmp_path / "report-en.html"
    page.write_text(render_html(build_report(kg, "en")), encoding="utf-8")
    driver.get(page.as_uri())
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                     "preferCSSPageSize": True, "printBackground": True})
    data = base64.b64decode(pdf["data"])
    ART.mkdir(parents=True, exist_ok=True)
    (ART / "report-en.pdf").write_bytes(data)
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert data.startswith(b"%PDF") and pages >= 10
    # in print, every section starts on a new page and charts shrink to the page width
    widths = driver.execute_script(
        "return [...document.querySelectorAll('figure svg')].map(s => s.getBoundingClientRect().width)")
    assert all(w <= 1100 for w in widths)
