"""Generate the sample claim bundles in ``sample_poe/`` and the POE template example.

Running ``.venv/bin/python scripts/generate_sample_poe.py`` wipes ``sample_poe/`` and writes:

- 22 claim bundles ``sample_poe/<claim_id>-<slug>/`` (``claim.json`` in the CONTRACT section 1
  format plus the partner's invoice and POE documents: .pdf, .docx, .pptx, .xlsx, .msg, .doc,
  .xls, .ppt; English, French, Japanese and one German report);
- ``sample_poe/EXPECTED.json``: the check verdicts each bundle was made to show;
- ``sample_poe/demo-scenario.json``: the review steps ``workbench demo`` applies after import;
- ``sample_poe/_followups/``: the resubmittal of the Action-required claim and the dispute of
  the rejected one (not imported by ``workbench import sample_poe``);
- ``sample_poe/README.md``: what each bundle demonstrates;
- ``workbench/data/poe_examples/enable-frontline-workshop/example-workshop-report.pptx``: the
  engagement's template example that the catalog references.

Every file is read back with its real reader (pypdf, python-docx, python-pptx, openpyxl, xlrd,
extract-msg and olefile, catdoc/catppt and LibreOffice for .doc/.ppt) and the run fails if a
read-back lacks the expected text, a language is detected wrongly, or a bundle's intended
verdict contradicts its facts. Dates, document properties and zip entry times are fixed, so
reruns give the same bytes.

Needs, in the venv: reportlab, xlwt, python-docx, python-pptx, openpyxl, pypdf, xlrd,
extract-msg, olefile, langdetect. Debian packages: libreoffice-writer-nogui,
libreoffice-impress-nogui (headless .doc/.ppt conversion), catdoc (catdoc/catppt),
fonts-ipafont-gothic (Japanese font embedded in the PDFs).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import unicodedata
from datetime import date
from pathlib import Path

from samplegen import verify
from samplegen.bundles import CHECK_IDS, Claim, build_claims, ts
from samplegen.content_en import frontline_template, hafenkontor_en
from samplegen.documents import Doc, report_doc
from samplegen.people import market
from samplegen.render import report_to_pptx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "sample_poe"
CATALOG = ROOT / "workbench" / "data" / "catalog.json"
TEMPLATE = (
    ROOT
    / "workbench"
    / "data"
    / "poe_examples"
    / "enable-frontline-workshop"
    / "example-workshop-report.pptx"
)
TODAY = date(2026, 11, 25)
MAX_FILE = 2 * 1024 * 1024
MAX_TOTAL = 6 * 1024 * 1024
SUPPORTED_LANGUAGES = {"en", "fr", "ja"}
# days after consent before a claim not yet submitted expires (DOMAIN.md)
SUBMIT_DEADLINE = {
    "assessment": 60,
    "standard": 90,
    "xs": 120,
    "small": 120,
    "medium": 200,
    "large": 260,
    "xl": 260,
    "xxl": 260,
}
TEAM = "Workshops - POE Validation Team"


def load_catalog() -> dict[str, dict]:
    return {e["id"]: e for e in json.loads(CATALOG.read_text("utf-8"))["engagements"]}


def expected_payout(claim: Claim, engagement: dict) -> int:
    mk = market(claim.partner.country)
    if engagement["payout_type"] == "variable":
        return claim.requested_hours * engagement["hourly_rates_usd"][mk]
    return engagement["rates_usd"][mk]


def claim_json(claim: Claim, engagement: dict, docs: list[Doc] | None = None, **extra) -> dict:
    p, c = claim.partner, claim.customer
    variable = engagement["payout_type"] == "variable"
    data = {
        "claim_id": claim.claim_id,
        "claim_name": claim.name or f"{c.name} - {engagement['name']}",
        "engagement_id": claim.engagement_id,
        "status": "Submitted",
        "created_at": claim.created,
        "consent_date": claim.consent,
        "submitted_at": claim.submitted,
        "partner": {
            "partner_id": p.partner_id,
            "name": p.name,
            "location": p.location,
            "country": p.country,
            "contact_name": p.contact_name,
            "contact_email": p.contact_email,
        },
        "customer": {
            "name": c.name,
            "id_type": c.id_type,
            "id": c.id,
            "country": c.country,
            "public_sector": c.public_sector,
            "contact_name": c.contact_name,
            "contact_email": c.contact_email,
            "contact_title": c.contact_title,
            "domain_mismatch_reason": c.domain_mismatch_reason,
        },
        "deal_size_usd": claim.deal_size,
        "requested_hours": claim.requested_hours if variable else None,
        "proposed_payout_usd": expected_payout(claim, engagement) if variable else None,
        "documents": [{"file": d.file, "kind": d.kind} for d in (docs or claim.docs)],
        "surveys": {"customer": claim.customer_survey, "partner": claim.partner_survey},
        "comments": claim.comments,
    }
    data.update(extra)
    return data


# -- verdicts the facts imply ---------------------------------------------------------------


def fold(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch)
    )


def signature_complete(signature: str | None) -> bool:
    parts = [x.strip() for x in (signature or "").split(",")]
    return len(parts) >= 3 and all(parts) and len(parts[0].split()) >= 2


def copies(claims: list[Claim]) -> dict[str, set[str]]:
    """Map a claim id to the kinds of its documents that another claim copied."""
    out: dict[str, set[str]] = {}
    for claim in claims:
        for doc in claim.docs:
            for ref in (doc.source, doc.near_copy_of):
                if ref and ref != "template":
                    out.setdefault(ref.split("/")[0], set()).add(doc.kind)
    return out


def implied_verdicts(
    claim: Claim, engagement: dict, texts: dict[str, str], copied_from: dict[str, set[str]]
) -> dict[str, str]:
    """Verdicts that follow from the claim's facts; the declared ones must agree."""
    out: dict[str, str] = {}
    invoices = [d for d in claim.docs if d.kind == "invoice"]
    surveys = claim.customer_survey, claim.partner_survey
    complete = (
        len(invoices) == 1
        and any(d.kind == "poe" for d in claim.docs)
        and claim.partner_survey["status"] == "completed"
        and (
            not engagement["customer_survey_required"]
            or claim.customer_survey["status"] == "completed"
        )
    )
    out["completeness"] = "pass" if complete else "fail"
    out["file-types"] = (
        "pass" if all(Path(d.file).suffix[1:].lower() == d.content for d in claim.docs) else "fail"
    )
    inv = invoices[0].invoice
    out["invoice-claim-id"] = "pass" if inv.claim_id == claim.claim_id else "fail"
    usd = not inv.money.startswith("eur")
    out["invoice-amount"] = (
        "pass" if usd and inv.subtotal == expected_payout(claim, engagement) else "fail"
    )
    out["invoice-partner-name"] = "pass" if fold(claim.partner.name) in fold(inv.seller) else "fail"
    out["language"] = "pass" if all(d.lang in SUPPORTED_LANGUAGES for d in claim.docs) else "fail"
    c = claim.customer
    psd_docs = [
        d for d in claim.docs if d.kind == "poe" and "Public Sector Disclosure" in texts[d.file]
    ]
    if c.public_sector and c.country in {"US", "IN", "PR"}:
        out["psd"] = "pass" if psd_docs else "fail"
    else:
        out["psd"] = "skip"
    signed = [s["signature"] for s in surveys if s["status"] == "completed"]
    if not all(signature_complete(s) for s in signed):
        out["survey-signature"] = "fail"
    elif len(signed) == 2 and signed[0] == signed[1]:
        out["survey-signature"] = "warn"
    else:
        out["survey-signature"] = "pass"
    days = (ts(claim.submitted).date() - date.fromisoformat(claim.consent)).days
    out["deadline"] = "pass" if days <= SUBMIT_DEADLINE[engagement["activity_type"]] else "fail"
    copied = copied_from.get(claim.claim_id, set())
    out["duplicate-poe"] = (
        "fail"
        if "poe" in copied
        or any(d.kind == "poe" and (d.source or d.near_copy_of) for d in claim.docs)
        else "pass"
    )
    out["invoice-unique"] = (
        "fail"
        if "invoice" in copied or any(d.source and d.kind == "invoice" for d in claim.docs)
        else "pass"
    )
    clear = re.compile(r"\b[\w.+-]+@" + re.escape(c.domain) + r"\b", re.I)
    readable = any(clear.search(texts[d.file]) for d in claim.docs if d.kind == "poe")
    out["pii-visible"] = "warn" if readable else "pass"
    partner_domain = claim.partner.domain.lower()
    out["affiliate"] = "fail" if c.domain.lower() == partner_domain else "pass"
    return out


# -- writing -----------------------------------------------------------------------------------


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def verify_doc(label: str, doc: Doc, data: bytes) -> str:
    real = verify.sniff(data)
    if real != doc.content:
        raise verify.ReadBackError(f"{label}: content is {real}, expected {doc.content}")
    if len(data) > MAX_FILE:
        raise verify.ReadBackError(f"{label}: {len(data)} bytes is over 2 MB")
    if doc.content in ("doc", "ppt"):
        text = verify.verify_legacy(label, data, doc.content, doc.expect)
    else:
        text = verify.text_of(data, doc.content)
        verify.check_text(label, text, doc.expect)
    if doc.content == "msg":
        verify.verify_msg_structure(label, data, doc.attachments)
    if doc.lang:
        found = verify.language(text)
        if found != doc.lang:
            raise verify.ReadBackError(f"{label}: language detected {found}, written {doc.lang}")
    if doc.prose and verify.word_count(text) < 150:
        raise verify.ReadBackError(f"{label}: only {verify.word_count(text)} words")
    if doc.lang == "ja" and not re.search(r"[\u3040-\u30ff]", text):
        raise verify.ReadBackError(f"{label}: no Japanese text read back")
    return text


def build_bundle(claim: Claim, engagement: dict, registry: dict, folder: Path) -> dict:
    folder.mkdir(parents=True)
    texts: dict[str, str] = {}
    for doc in claim.docs:
        data = doc.make(registry)
        registry[(claim.claim_id, doc.file)] = data
        (folder / doc.file).write_bytes(data)
        texts[doc.file] = verify_doc(f"{claim.claim_id}/{doc.file}", doc, data)
    write_json(folder / "claim.json", claim_json(claim, engagement))
    return texts


def check_dates(claim: Claim) -> None:
    created, consent = date.fromisoformat(claim.created), date.fromisoformat(claim.consent)
    submitted = ts(claim.submitted)
    assert date(2026, 9, 1) <= created <= consent <= submitted.date() < date(2026, 11, 20), (
        claim.claim_id
    )
    assert (consent - created).days <= 30, f"{claim.claim_id}: consent too late"
    for survey in (claim.customer_survey, claim.partner_survey):
        if survey["completed_at"]:
            done = ts(survey["completed_at"])
            assert consent <= done.date() and done <= submitted, f"{claim.claim_id}: survey date"
    assert re.fullmatch(r"31000\d\d", claim.claim_id)


def demo_scenario() -> dict:
    language = (
        "Dear Partner,\n\nAt this time the Workshops POE review process supports documentation "
        "in English, French and Japanese only. We are unable to review your claim, because the "
        "following documentation is not presented in a supported language:\n\n"
        "Hafenkontor_Collaborative_Apps_Workshop_Ergebnisbericht.docx\n\n"
        "You must take the following actions to continue processing your claim:\n"
        "- Upload a version of the documentation above in English, French or Japanese.\n"
        "- Add additional comments (optional).\n"
        "- Resubmit your claim (status will then change to Under Review).\n\n"
        "As a reminder, we cannot take any action on your claim while it is in Action Required "
        "status. If your claim is not completed and approved within 120 days of customer "
        f"consent, the system will automatically reject your claim.\n\nBest regards,\n\n{TEAM}"
    )
    affiliate = (
        "Dear Partner,\n\nAs per Microsoft policies, Partners and Partner affiliate entities are "
        "not eligible to receive or retain incentives for activity connected to a customer that "
        "is a partner affiliate, a customer that the partner owes agency or fiduciary duty, or "
        "for any services where the Partner themselves or Microsoft is the end customer. The "
        "customer on this claim, Maple Bridge Managed Services Ltd., uses the partner's own "
        "domain maplebridgetech.ca. Please note your claim has been rejected.\n\nIf additional "
        "assistance is needed, you can create a support ticket within the Incentives Online "
        f"Support Experience on Partner Center.\n\nBest regards,\n\n{TEAM}"
    )
    steps = [
        ("3100001", "pick_up", "reviewer", "2026-11-04T09:10:00Z", None),
        ("3100001", "approve", "reviewer", "2026-11-04T10:25:00Z", None),
        ("3100005", "pick_up", "reviewer2", "2026-11-05T08:40:00Z", None),
        ("3100005", "approve", "reviewer2", "2026-11-05T09:30:00Z", None),
        ("3100009", "pick_up", "reviewer2", "2026-11-10T10:00:00Z", None),
        ("3100009", "request_action", "reviewer2", "2026-11-10T10:20:00Z", language),
        ("3100011", "pick_up", "reviewer", "2026-11-16T13:00:00Z", None),
        ("3100011", "reject", "reviewer", "2026-11-16T13:45:00Z", affiliate),
        ("3100003", "pick_up", "reviewer", "2026-11-20T09:00:00Z", None),
        ("3100014", "pick_up", "reviewer2", "2026-11-24T14:05:00Z", None),
    ]
    return {
        "steps": [
            {"claim_id": c, "action": a, "by": b, "at": t, "comment": m} for c, a, b, t, m in steps
        ]
    }


def followups(claims: dict[str, Claim], catalog: dict, registry: dict) -> list[str]:
    base = OUT / "_followups"
    made = []
    # resubmittal of the Action-required claim: the German report replaced by an English one
    claim = claims["3100009"]
    folder = base / f"{claim.claim_id}-resubmittal"
    folder.mkdir(parents=True)
    english = report_doc(
        "Hafenkontor_Collaborative_Apps_Workshop_Report_EN.docx", hafenkontor_en(), "docx"
    )
    invoice = claim.docs[0]
    data = english.make(registry)
    (folder / english.file).write_bytes(data)
    verify_doc(f"resubmittal/{english.file}", english, data)
    (folder / invoice.file).write_bytes(registry[(claim.claim_id, invoice.file)])
    comments = [
        *claim.comments,
        {
            "author": "partner",
            "at": "2026-11-21T08:35:00Z",
            "body": "As requested, we uploaded an English version of the workshop report "
            "(Hafenkontor_Collaborative_Apps_Workshop_Report_EN.docx). The content is the "
            "same as the German report. Thank you for the review.",
        },
    ]
    data_json = claim_json(
        claim,
        catalog[claim.engagement_id],
        [invoice, english],
        submitted_at="2026-11-21T08:40:00Z",
        comments=comments,
    )
    write_json(folder / "claim.json", data_json)
    made.append(folder.name)
    # dispute of the rejected affiliate claim
    claim = claims["3100011"]
    folder = base / f"{claim.claim_id}-dispute"
    folder.mkdir(parents=True)
    for doc in claim.docs:
        (folder / doc.file).write_bytes(registry[(claim.claim_id, doc.file)])
    comments = [
        *claim.comments,
        {
            "author": "partner",
            "at": "2026-11-21T15:00:00Z",
            "body": "We dispute this rejection. Maple Bridge Managed Services Ltd. is a separately "
            "incorporated company (Ontario corporation 2849117) with its own management and "
            "its own Microsoft 365 tenant; it only shares our e-mail domain for historical "
            "reasons. Its service desk team attended the session as a customer would, and "
            "we did not charge them. Please review the claim again.",
        },
    ]
    data_json = claim_json(
        claim,
        catalog[claim.engagement_id],
        submitted_at="2026-11-21T15:05:00Z",
        comments=comments,
        is_dispute=True,
    )
    write_json(folder / "claim.json", data_json)
    made.append(folder.name)
    return made


README_HEAD = """# Sample claim bundles

Realistic partner claims for the POE validation workbench. Each folder `<claim_id>-<slug>/`
is a claim bundle in the format of CONTRACT section 1 (`claim.json` plus the partner's
documents), with status `Submitted`. `workbench demo` and `workbench import sample_poe` load
them; folders starting with `_` are not imported.

All companies, people, addresses and identifiers are fictitious.

- `EXPECTED.json`: for every bundle, the verdict each check was meant to give (check ids of
  CONTRACT section 4 plus `deadline`, `invoice-unique`, `pii-visible`, `affiliate`). Where one
  claim copies another's document, the duplicate checks flag both sides of the pair.
- `demo-scenario.json`: review steps `workbench demo` applies after importing, so the demo
  shows claims Approved (3100001, 3100005), Rejected (3100011), Action required (3100009),
  Under review (3100003, 3100014) and Submitted (the rest).
- `_followups/3100009-resubmittal/`: the partner's resubmittal after Action required (English
  report under a new file name, a partner comment, a later `submitted_at`).
- `_followups/3100011-dispute/`: the partner's dispute of the rejection (`"is_dispute": true`).

## Bundles

| Claim | Engagement | Partner (market) | Customer | Documents | What it demonstrates |
| --- | --- | --- | --- | --- | --- |
"""

README_TAIL = """
## Regenerating

```
.venv/bin/python scripts/generate_sample_poe.py
```

The script wipes `sample_poe/` and writes everything again, together with the template example
`workbench/data/poe_examples/enable-frontline-workshop/example-workshop-report.pptx`. Every file
is read back with its real reader (pypdf, python-docx, python-pptx, openpyxl, xlrd, extract-msg,
olefile, catdoc/catppt and LibreOffice) and the run fails if a read-back or a detected language
does not match, or if a bundle's intended verdicts contradict its facts. Outputs are byte-for-byte
reproducible.

Requirements: in the venv `reportlab`, `xlwt` (plus the workbench's `python-docx`,
`python-pptx`, `openpyxl`, `pypdf`, `xlrd`, `extract-msg`, `olefile`, `langdetect`); Debian
packages `libreoffice-writer-nogui`, `libreoffice-impress-nogui`, `catdoc`,
`fonts-ipafont-gothic`.

The `.msg` files are written by `scripts/samplegen/msg.py` on a small compound-file writer
(`scripts/samplegen/cfb.py`, CFB version 3 with a mini stream), since no Python library writes
Outlook messages. The `.doc` and `.ppt` files are LibreOffice conversions; the `.ppt` also gets
its placeholder text written into the SlideListWithText, as PowerPoint does, so that catppt and
other outline readers see it.
"""


def readme(claims: list[Claim], catalog: dict) -> str:
    rows = []
    for claim in claims:
        eng = catalog[claim.engagement_id]
        mk = market(claim.partner.country)
        docs = ", ".join(f"`{d.file}`" for d in claim.docs)
        purpose = claim.purpose.replace("|", "/")
        rows.append(
            f"| {claim.claim_id} | {eng['name']} | {claim.partner.name}, "
            f"{claim.partner.country} ({mk}) | {claim.customer.name}, "
            f"{claim.customer.country}{' (public sector)' if claim.customer.public_sector else ''}"
            f" | {docs} | {purpose} |"
        )
    return README_HEAD + "\n".join(rows) + "\n" + README_TAIL


def main() -> int:
    verify.tools_present()
    catalog = load_catalog()
    claims = build_claims()
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()

    template = frontline_template()
    template_doc = report_doc(TEMPLATE.name, template, "pptx")
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(report_to_pptx(template))
    verify_doc("template example", template_doc, TEMPLATE.read_bytes())
    assert (
        "poe_examples/enable-frontline-workshop/example-workshop-report.pptx"
        in catalog["enable-frontline-workshop"]["poe_template"]["example_files"]
    )
    for section in template.sections:
        assert (
            section.title
            in catalog["enable-frontline-workshop"]["poe_template"]["required_sections"]
        )

    registry: dict = {}
    expected = {}
    copied_from = copies(claims)
    seen_ids = set()
    seen_consent = set()
    for claim in claims:
        assert claim.claim_id not in seen_ids
        seen_ids.add(claim.claim_id)
        key = (claim.engagement_id, claim.customer.id)
        assert key not in seen_consent, f"{claim.claim_id}: engagement + customer ID reused"
        seen_consent.add(key)
        check_dates(claim)
        engagement = catalog[claim.engagement_id]
        texts = build_bundle(claim, engagement, registry, OUT / claim.folder)
        implied = implied_verdicts(claim, engagement, texts, copied_from)
        verdicts = {check: claim.checks.get(check, implied[check]) for check in CHECK_IDS}
        mismatch = {k: (verdicts[k], implied[k]) for k in CHECK_IDS if verdicts[k] != implied[k]}
        if mismatch:
            raise SystemExit(f"{claim.claim_id}: declared vs implied verdicts differ: {mismatch}")
        unknown = set(claim.checks) - set(CHECK_IDS)
        assert not unknown, unknown
        for section in engagement["poe_template"]["required_sections"]:
            reports = [d for d in claim.docs if d.prose and d.kind == "poe"]
            if not any(section in " ".join(d.expect) for d in reports):
                raise SystemExit(f"{claim.claim_id}: no POE heading for {section!r}")
        expected[claim.claim_id] = {"purpose": claim.purpose, "checks": verdicts}
        print(f"{claim.folder}: {len(claim.docs)} documents verified")

    write_json(OUT / "EXPECTED.json", expected)
    scenario = demo_scenario()
    by_id = {c.claim_id: c for c in claims}
    for step in scenario["steps"]:
        claim = by_id[step["claim_id"]]
        assert ts(claim.submitted) < ts(step["at"]) < ts("2026-11-25T00:00:00Z")
        assert step["action"] in ("pick_up", "approve", "request_action", "reject")
        if step["action"] in ("request_action", "reject"):
            assert step["comment"] and step["comment"].endswith(TEAM)
    write_json(OUT / "demo-scenario.json", scenario)
    for name in followups(by_id, catalog, registry):
        print(f"_followups/{name}: written")
    (OUT / "README.md").write_text(readme(claims, catalog), "utf-8")

    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    if total > MAX_TOTAL:
        raise SystemExit(f"sample_poe/ is {total} bytes, over {MAX_TOTAL}")
    print(f"{len(claims)} bundles, {total / 1024:.0f} KiB in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
