#!/usr/bin/env python3
"""The HTML report in real headless Chromium (Debian `chromium` + `chromium-driver`).

    python3 Tests/Browser/check_report.py [path/to/coauthor] [--data Data]

Runs `coauthor run --timeline` on the data folder into a temporary folder, opens
report.html through file://, and checks that it loads without console errors, that the
search box finds "Wei Hu", that the wheel zooms and a drag pans (the SVG viewBox
changes), that a hover shows the card, that clicking a node shows its ego network, that a
table sorts, that the timeline slider changes the frame, that the CSP refuses an inline
script without our hash, and that a full-page screenshot is not empty. Screenshots are
saved to a temporary folder and their paths printed. Ends with `N passed, M failed`; the
exit status is 1 when anything failed (2 when Chromium or selenium is missing).
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"  # the system driver, never a downloaded one

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
except ImportError:
    print("browser check skipped: python3 selenium not found (pip install selenium)")
    sys.exit(2)

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok)))
    print(("PASS " if ok else "FAIL ") + name + (f": {detail}" if detail else ""))
    return ok


def severe(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def viewbox(driver, svg_id):
    return driver.execute_script(
        "return document.getElementById(arguments[0]).getAttribute('viewBox')", svg_id)


def full_page_png(driver, path):
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    data = base64.b64decode(shot["data"])
    with open(path, "wb") as f:
        f.write(data)
    return data


def main():
    args = sys.argv[1:]
    coauthor = args[0] if args and not args[0].startswith("--") else shutil.which("coauthor")
    data = args[args.index("--data") + 1] if "--data" in args else "Data"
    if not coauthor or not os.path.exists(coauthor):
        print("browser check: no coauthor executable given or found")
        return 1
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        print("browser check skipped: chromium or /usr/bin/chromedriver missing "
              "(apt-get install -y chromium chromium-driver)")
        return 2
    started = time.time()
    work = tempfile.mkdtemp(prefix="coauthor-browser-")
    shots = tempfile.mkdtemp(prefix="coauthor-screens-")
    out = os.path.join(work, "out")
    run = subprocess.run([coauthor, "run", "--data", data, "--output", out, "--timeline", "--quiet"],
                         capture_output=True, text=True)
    if not check("coauthor run writes report.html", run.returncode == 0
                 and os.path.exists(os.path.join(out, "report.html")), run.stderr[-400:]):
        return finish(started)
    report = os.path.join(out, "report.html")
    html = open(report, encoding="utf-8").read()
    check("figures are inline SVG, not <img> data URIs",
          "<svg id=\"svg-coauthor-network\"" in html and "data:image/svg" not in html)
    check("no script or event attribute inside the figures",
          html.count("<script") == html.count("<script type=\"application/json\"") + 1
          and " onload=" not in html and " onclick=" not in html)
    print(f"run: {time.time() - started:.1f} s")

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,1000", "--hide-scrollbars", "--allow-file-access-from-files"]:
        options.add_argument(a)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get("file://" + report)
        ready = driver.execute_script("return document.documentElement.getAttribute('data-ready')")
        check("the page loads and its script runs", driver.title == "Coauthor network report" and ready == "1",
              f"title={driver.title!r} ready={ready!r}")
        errors = severe(driver)
        check("no console errors", not errors, json.dumps(errors)[:600])
        blocks = driver.execute_script(
            "return Array.from(document.querySelectorAll('script[type=\"application/json\"]'))"
            ".map(s => JSON.parse(s.textContent).nodes.length)")
        check("every figure's data block parses", blocks and all(n > 0 for n in blocks), str(blocks))

        # Search: "Wei Hu" highlighted in the coauthor figure.
        box = driver.find_element(By.ID, "search")
        box.send_keys("Wei Hu")
        hits = driver.find_elements(By.CSS_SELECTOR, '#svg-coauthor-network g.node.match[data-name="Wei Hu"]')
        check("search finds Wei Hu and highlights the node", len(hits) == 1,
              driver.find_element(By.ID, "search-result").text)
        box.send_keys(Keys.ENTER)
        time.sleep(0.8)
        driver.save_screenshot(os.path.join(shots, "search-wei-hu.png"))

        # Zoom (wheel) and pan (drag) change the viewBox.
        svg = driver.find_element(By.ID, "svg-coauthor-network")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
        before = viewbox(driver, "svg-coauthor-network")
        ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(svg), 0, -300).perform()
        time.sleep(0.2)
        zoomed = viewbox(driver, "svg-coauthor-network")
        w0, w1 = float(before.split()[2]), float(zoomed.split()[2])
        check("the wheel zooms (viewBox narrower)", w1 < w0, f"{before} -> {zoomed}")
        ActionChains(driver).move_to_element_with_offset(svg, -300, -200).click_and_hold() \
            .move_by_offset(120, 80).release().perform()
        panned = viewbox(driver, "svg-coauthor-network")
        check("a drag pans (viewBox origin moves)", panned.split()[:2] != zoomed.split()[:2],
              f"{zoomed} -> {panned}")
        driver.find_element(By.CSS_SELECTOR, '#fig-coauthor-network [data-zoom="reset"]').click()

        # Hover card and ego network of Wei Hu.
        node = driver.find_element(By.CSS_SELECTOR, '#svg-coauthor-network g.node[data-name="Wei Hu"]')
        shape = node.find_element(By.CSS_SELECTOR, "polygon, ellipse, path")
        ActionChains(driver).move_to_element(shape).perform()
        time.sleep(0.2)
        card = driver.find_element(By.ID, "card")
        check("hovering a node shows its card", card.is_displayed() and "Wei Hu" in card.text
              and "betweenness" in card.text, card.text[:200].replace("\n", " | "))
        ActionChains(driver).click(shape).perform()
        time.sleep(0.3)
        state = driver.execute_script("""
            const svg = document.getElementById('svg-coauthor-network');
            const c = svg.querySelector('g.node.center');
            if (!c) return null;
            const block = JSON.parse(document.querySelector('script[data-network="coauthor-network"]').textContent);
            const i = Number(c.getAttribute('data-node'));
            return {focus: svg.classList.contains('focus'), name: c.getAttribute('data-name'),
                    hl: svg.querySelectorAll('g.node.hl').length, expected: block.nodes[i].neighbors.length + 1,
                    edges: svg.querySelectorAll('g.edge.hl').length};""")
        check("clicking a node shows its ego network (neighbours highlighted, the rest dimmed)",
              state and state["focus"] and state["hl"] == state["expected"] and state["edges"] > 0, str(state))
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(shots, "ego-network.png"))

        # A table sorts.
        driver.execute_script("document.getElementById('people-table').scrollIntoView({block: 'center'})")
        th = driver.find_element(By.XPATH, "//table[@id='people-table']/thead/tr/th[text()='degree']")
        column = 3

        def values():
            return driver.execute_script(
                "return Array.from(document.querySelectorAll('#people-table tbody tr'))"
                f".map(r => Number(r.cells[{column - 1}].getAttribute('data-v')))")
        th.click()
        desc = values()
        th.click()
        asc = values()
        check("a table sorts by a column, both ways",
              desc == sorted(desc, reverse=True) and asc == sorted(asc) and desc != asc, f"{desc[:5]} / {asc[:5]}")

        # Timeline slider.
        if driver.find_elements(By.ID, "timeline"):
            shown = driver.execute_script("""
                const s = document.getElementById('timeline');
                s.value = 0; s.dispatchEvent(new Event('input'));
                const visible = Array.from(document.querySelectorAll('.frames > .frame')).filter(f => !f.hidden);
                return [visible.length, visible[0].getAttribute('data-year'), document.getElementById('timeline-year').textContent];""")
            check("the timeline slider shows one frame per year", shown[0] == 1 and shown[1] == shown[2], str(shown))

        # Screenshots: sections, then the whole page with every view reset.
        driver.execute_script(
            "document.querySelectorAll('[data-zoom=reset]').forEach(b => b.click());"
            "const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input'));"
            "const t = document.getElementById('timeline'); if (t) { t.value = t.max; t.dispatchEvent(new Event('input')); }")
        for section in ["fig-topic-network", "fig-author-topic-network", "timeline-section", "people"]:
            found = driver.find_elements(By.ID, section)
            if found:
                driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", found[0])
                time.sleep(0.2)
                driver.save_screenshot(os.path.join(shots, f"section-{section}.png"))
        driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.2)
        driver.save_screenshot(os.path.join(shots, "report-top.png"))
        path = os.path.join(shots, "report-full.png")
        png = full_page_png(driver, path)
        check("a full-page screenshot is not empty", png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000,
              f"{len(png)} bytes")
        late = severe(driver)
        check("no console errors after interaction", not late, json.dumps(late)[:600])

        # CSP: an inline script without our hash is refused, ours still runs.
        injected = os.path.join(out, "report-injected.html")
        with open(injected, "w", encoding="utf-8") as f:
            f.write(html.replace("</main>", "<script>window.__injected = 1;</script></main>", 1))
        driver.get("file://" + injected)
        ran = driver.execute_script("return window.__injected === 1")
        ours = driver.execute_script("return document.documentElement.getAttribute('data-ready')")
        refused = [e for e in severe(driver) if "Content Security Policy" in e.get("message", "")]
        check("the CSP blocks an injected inline script without our hash",
              not ran and ours == "1" and refused, (refused[0]["message"][:160] if refused else "no CSP report"))
        driver.execute_script(
            "const s = document.createElement('script'); s.textContent = 'window.__dom = 1';"
            "document.body.appendChild(s);")
        check("the CSP blocks a script added to the DOM", not driver.execute_script("return window.__dom === 1"))
    finally:
        driver.quit()
    for name in sorted(os.listdir(shots)):
        print("screenshot:", os.path.join(shots, name))
    shutil.rmtree(work, ignore_errors=True)
    return finish(started)


def finish(started):
    passed = sum(ok for _, ok in results)
    failed = len(results) - passed
    print(f"browser check: {time.time() - started:.1f} s")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
