"""A new reviewer's day, in a real browser, on the demo data."""

import re

from playwright.sync_api import expect


def log_in(page, base, logins, username="reviewer"):
    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile(r"/login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(logins[username])
    page.get_by_role("button", name="Log in").click()


def test_filter_take_next_open_evidence_request_action(live_server, page, screenshots):
    base, logins = live_server
    log_in(page, base, logins)
    expect(page).to_have_url(re.compile(r"/queue"))

    # Filter in place: htmx swaps the table and keeps the filter in the URL.
    page.get_by_label("Check outcome").select_option("has_fail")
    expect(page).to_have_url(re.compile(r"outcome=has_fail"))
    rows = page.locator("[data-row]")
    expect(rows.first).to_be_visible()
    page.screenshot(path=str(screenshots / "queue.png"))
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"outcome=has_fail"))

    # Next claim: the oldest unassigned one (3100008), now Under review for this reviewer.
    page.get_by_role("button", name=re.compile("Next claim")).click()
    expect(page).to_have_url(re.compile(r"/claims/3100008"))
    expect(page.locator(".claim-header .status")).to_have_text("Under review")
    page.screenshot(path=str(screenshots / "claim.png"))

    # A failed check's evidence opens the document at what it cites (here: the other claim).
    page.locator("#checks .result-fail .evidence a").first.click()
    expect(page.locator(".preview h1")).to_contain_text("Fabrikam")
    expect(page.locator("#highlight")).to_contain_text("claim 3100016")
    page.go_back()

    comment = page.locator("#decision-comment")
    expect(comment).to_contain_text("duplicated POE (from another claim")
    expect(comment).not_to_contain_text("3100016")
    expect(comment).to_contain_text("Workshops - POE Validation Team")
    page.get_by_role("button", name="Request action").click()
    expect(page.get_by_text("Claim 3100008: Action required.")).to_be_visible()
    expect(page.locator(".claim-header .status")).to_have_text("Action required")
    outbox = page.locator("#notifications")
    expect(outbox).to_contain_text("Additional proof of execution details needed for")
