#!/usr/bin/env python3
"""Drives `conduct-audit serve` in headless Chromium as a reviewer would.

Usage: review-in-browser.py URL SCREENSHOT_FOLDER

Opens the printed address, filters the findings by rule, opens an incident, dismisses a finding
with a reason, reads the audit log and writes the sealed evidence folder, taking a screenshot of
each page. Prints one JSON line: the finding dismissed, its incident and the reason. Exits
non-zero (with the reason on standard error) when a step does not behave as a reviewer expects.
Run by Tests/ConductAuditServerTests/BrowserReviewTests.swift; needs chromium, chromedriver and
Python's selenium, and fetches nothing from the network.
"""
import http.client
import json
import os
import shutil
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

REASON = "Posted from a timer app at 07:00, checked with the staff member"
REVIEWER = "J. Smith (HR)"


def fail(message):
    print("browser check failed: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    url, shots = sys.argv[1], sys.argv[2]
    os.makedirs(shots, exist_ok=True)
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1700",
                     "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=options)
    driver.set_page_load_timeout(120)
    try:
        return review(driver, url, shots)
    finally:
        driver.quit()


def navigate(driver, element):
    """Clicks a link or submit button and waits until the next page has replaced this one, so
    that what follows reads the new page, never the old one still on screen."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))


def shot(driver, shots, name):
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1280, max(900, min(height + 120, 6000)))
    driver.save_screenshot(os.path.join(shots, name + ".png"))


def review(driver, url, shots):
    driver.get(url)
    if "Social media conduct audit" not in driver.title:
        fail("the summary did not open: title %r" % driver.title)
    if "token=" in driver.current_url:
        fail("the token stayed in the address bar: " + driver.current_url)
    shot(driver, shots, "1-summary")

    # Incidents, filtered by rule.
    navigate(driver, driver.find_element(By.LINK_TEXT, "Incidents and findings"))
    Select(driver.find_element(By.NAME, "rule")).select_by_value("pupil-contact")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    if "rule=pupil-contact" not in driver.current_url:
        fail("filtering did not change the address: " + driver.current_url)
    count = driver.find_element(By.ID, "match-count").text
    rules = {cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.pick td:nth-child(4)")}
    if rules != {"pupil-contact"}:
        fail("the rule filter let through %r (%s)" % (rules, count))
    shot(driver, shots, "2-incidents-filtered")

    # An incident, and a decision on one of its findings.
    link = driver.find_element(By.CSS_SELECTOR, "table.pick td:nth-child(2) a")
    incident = link.text
    navigate(driver, link)
    if incident not in driver.title:
        fail("the incident page did not open: " + driver.title)
    box = driver.find_element(By.CSS_SELECTOR, "#finding-decisions input[name=finding]")
    finding = box.get_attribute("value")
    if not box.is_selected():
        box.click()
    for other in driver.find_elements(By.CSS_SELECTOR, "#finding-decisions input[name=finding]")[1:]:
        if other.is_selected():
            other.click()
    shot(driver, shots, "3-incident")
    driver.find_element(By.CSS_SELECTOR, "input[name=decision][value=dismiss]").click()
    driver.find_element(By.NAME, "reason").send_keys(REASON)
    reviewer = driver.find_element(By.NAME, "reviewer")
    reviewer.clear()
    reviewer.send_keys(REVIEWER)
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "#finding-decisions button[type=submit]"))
    if not driver.current_url.endswith("/case/%s/incident.html" % incident):
        fail("the decision did not return to the incident: %s: %s"
             % (driver.current_url, driver.find_element(By.TAG_NAME, "body").text[:400]))
    notice = driver.find_element(By.CLASS_NAME, "notice").text
    if finding not in notice or "dismissed" not in notice:
        fail("the page does not say what was recorded: " + notice)
    row = driver.find_element(By.ID, "pick-" + finding).find_element(By.XPATH, "./ancestor::tr")
    if "dismissed" not in row.text:
        fail("the finding's row does not show the decision: " + row.text)
    shot(driver, shots, "4-incident-decided")

    # The audit log shows the decision with the reviewer's name.
    navigate(driver, driver.find_element(By.LINK_TEXT, "Audit log"))
    if "%s marked %s dismissed" % (REVIEWER, finding) not in driver.page_source.replace("&amp;", "&"):
        fail("the audit log does not show the decision")
    shot(driver, shots, "5-audit-log")

    # The sealed evidence folder.
    navigate(driver, driver.find_element(By.LINK_TEXT, "Write the sealed evidence folder"))
    shot(driver, shots, "6-evidence-form")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/evidence'] button[type=submit]"))
    written = driver.find_element(By.ID, "written").text
    shot(driver, shots, "7-evidence-written")

    # A page of another site reaching the server through DNS rebinding is refused.
    address = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.request("GET", "/case/index.html", headers={"Host": "evil.example:%d" % address.port})
    if connection.getresponse().status != 403:
        fail("a request for Host evil.example was not refused")

    print(json.dumps({"finding": finding, "incident": incident, "reason": REASON,
                      "reviewer": REVIEWER, "written": written}))


if __name__ == "__main__":
    main()
