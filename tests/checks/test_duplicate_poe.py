"""duplicate-poe: no POE document is a copy of one in another claim or of a template example."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from checks.duplicate_poe import DuplicatePoe, describe
from workbench.check_api import DocumentMatch, Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.testing import (
    ClaimBuilder,
    default_documents,
    docx_document,
    pptx_document,
    raw_document,
    write_bundle,
)

REPO = Path(__file__).resolve().parents[2]
SLIDES = [
    ("Executive Summary", "Contoso Ltd runs 42 stores with 900 frontline staff on rotating "
     "shifts; managers plan rosters in spreadsheets and share news through personal apps."),
    ("Frontline Scenarios", "Shift scheduling in Teams Shifts, task publishing to every store, "
     "and Walkie Talkie for the warehouse team were shown on the customer's own tenant."),
    ("Next Steps", "Pilot Teams Shifts in three stores by December, then review the results "
     "with the operations board before the wider rollout in the first quarter."),
]  # fmt: skip
DECK = pptx_document("workshop-report.pptx", SLIDES)


def match(similarity=0.92, *, claim_id="3100004", file_name="findings.pptx", kind="poe",
          identical=False, source="claim"):  # fmt: skip
    return DocumentMatch(claim_id, file_name, kind, similarity, identical, source)


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, matches=None, documents=None, **settings):
    claim = claims.view(documents=documents or [DECK], matches=matches or {})
    results = run_check_here(DuplicatePoe(), claim, claims.context(**settings))
    return overall_status(r["status"] for r in results), results


def test_no_matches_pass(claims):
    status, results = run(claims)
    assert status == Status.PASS
    assert "workshop-report.pptx" in results[0]["message"]


def test_near_copy_of_another_claim_fails_naming_it(claims):
    status, results = run(claims, {"workshop-report.pptx": [match(0.92)]})
    assert status == Status.FAIL
    assert results[0]["message"] == (
        "workshop-report.pptx is 92% the same text as findings.pptx of claim 3100004."
    )
    assert results[0]["evidence"] == [
        {
            "document": "workshop-report.pptx",
            "location": "claim 3100004, findings.pptx",
            "excerpt": "92% of the text is the same (customer and partner names masked)",
        }
    ]


def test_identical_file_fails(claims):
    status, results = run(claims, {"workshop-report.pptx": [match(1.0, identical=True)]})
    assert status == Status.FAIL
    assert "the very same file as findings.pptx of claim 3100004" in results[0]["message"]


def test_template_example_fails_even_at_the_lower_similarity(claims):
    template = match(0.82, claim_id=None, file_name="example-workshop-report.pptx",
                     kind="template", source="template")  # fmt: skip
    status, results = run(claims, {"workshop-report.pptx": [template]})
    assert status == Status.FAIL
    assert (
        "82% the same text as the template example example-workshop-report.pptx"
        in (results[0]["message"])
    )


def test_similar_below_fail_at_warns(claims):
    status, results = run(claims, {"workshop-report.pptx": [match(0.82, file_name="deck.pdf")]})
    assert status == Status.WARN
    assert "82% the same text as deck.pdf of claim 3100004" in results[0]["message"]
    assert "below the 85%" in results[0]["message"]


def test_fail_at_is_a_setting(claims):
    status, _ = run(claims, {"workshop-report.pptx": [match(0.82)]}, fail_at=0.82)
    assert status == Status.FAIL
    status, _ = run(claims, {"workshop-report.pptx": [match(0.92)]}, fail_at=0.95)
    assert status == Status.WARN
    status, _ = run(claims, {"workshop-report.pptx": [match(0.92)]}, fail_at="nonsense")
    assert status == Status.FAIL


def test_percent_is_floored_so_it_never_reads_as_the_threshold():
    assert describe(match(0.899)).startswith("89%")


def test_several_matches_copy_first(claims):
    matches = [match(0.85, claim_id="3100009"), match(0.95, claim_id="3100010"),
               match(0.81, claim_id="3100011"), match(0.83, claim_id="3100012")]  # fmt: skip
    status, results = run(claims, {"workshop-report.pptx": matches})
    assert status == Status.FAIL
    message = results[0]["message"]
    assert message.startswith(
        "workshop-report.pptx is 95% the same text as findings.pptx of claim 3100010"
    )
    assert message.endswith("(and 1 more).")
    assert len(results[0]["evidence"]) == 4


def test_other_claims_invoices_are_not_this_checks_business(claims):
    status, _ = run(claims, {"workshop-report.pptx": [match(0.95, kind="invoice")]})
    assert status == Status.PASS


def test_this_claims_invoice_is_not_checked(claims):
    documents = default_documents()
    status, results = run(
        claims, {"invoice.docx": [match(1.0, kind="invoice", identical=True)]}, documents
    )
    assert status == Status.PASS
    assert "invoice.docx" not in results[0]["message"]


def test_one_result_per_copied_document(claims):
    documents = [DECK, docx_document("notes.docx", [" ".join(text for _, text in SLIDES)])]
    matches = {
        "workshop-report.pptx": [match(0.92)],
        "notes.docx": [match(0.83, file_name="n.docx")],
    }
    status, results = run(claims, matches, documents)
    assert status == Status.FAIL
    assert [r["status"] for r in results] == ["fail", "warn"]


def test_too_little_text_gets_no_opinion(claims):
    cover = docx_document("cover.docx", ["Workshop report", "Contoso Ltd"])
    status, results = run(claims, documents=[cover])
    assert status == Status.SKIP
    assert "No POE document has enough text to compare (cover.docx)" in results[0]["message"]

    status, results = run(claims, documents=[DECK, cover])
    assert status == Status.PASS
    assert "too little text to compare: cover.docx" in results[0]["message"]


def test_unreadable_document_is_an_error_unless_it_is_an_identical_file(claims):
    broken = raw_document("report.pdf", b"%PDF-1.4\n%broken")
    status, results = run(claims, documents=[broken])
    assert status == Status.ERROR
    assert results[0]["message"].startswith("Could not compare report.pdf with other claims:")

    status, _ = run(claims, {"report.pdf": [match(1.0, identical=True)]}, [broken])
    assert status == Status.FAIL


@pytest.mark.parametrize("example", DuplicatePoe.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    results = run_check_here(DuplicatePoe(), example.build(claims), claims.context())
    assert overall_status(r["status"] for r in results) == example.expected


# --- through the engine: what the near-duplicate index finds, the check reports -------------


def pdf_of_slides(file_name: str, slides, customer: str):
    """The same deck "saved as PDF", with another customer's name, as partners do."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for title, body in slides:
        y = 760
        page.drawString(72, y, title)
        words = body.replace("Contoso Ltd", customer).split()
        for start in range(0, len(words), 12):
            y -= 18
            page.drawString(72, y, " ".join(words[start : start + 12]))
        page.showPage()
    page.save()
    return raw_document(file_name, buffer.getvalue())


def check_results(runner, claim_id):
    result = runner.invoke(args=["checks", "run", claim_id, "--json"])
    assert result.exit_code == 0, result.output
    return [r for r in json.loads(result.output)["results"] if r["check"] == "duplicate-poe"]


def test_same_deck_saved_as_pdf_in_another_claim_is_found(runner, session, tmp_path):
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    invoice = default_documents("3200001")[0]
    write_bundle(tmp_path / "a", claim_id="3200001", documents=[invoice, DECK])
    write_bundle(
        tmp_path / "b", claim_id="3200002",
        customer={"name": "Fabrikam Inc", "id": "fabrikam.com", "contact_email": "li@fabrikam.com"},
        documents=[invoice, pdf_of_slides("Fabrikam_report.pdf", SLIDES, "Fabrikam Inc")],
    )  # fmt: skip
    for name in ("a", "b"):
        assert runner.invoke(args=["import", str(tmp_path / name)]).exit_code == 0

    results = check_results(runner, "3200002")
    assert [r["status"] for r in results] == ["fail"]
    assert "Fabrikam_report.pdf is" in results[0]["message"]
    assert "the same text as workshop-report.pptx of claim 3200001" in results[0]["message"]
    # The original is flagged too once its results are refreshed.
    assert [r["status"] for r in check_results(runner, "3200001")] == ["fail"]


def test_copy_of_the_template_example_is_found(runner, session, tmp_path):
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    example = (
        REPO / "workbench/data/poe_examples/enable-frontline-workshop/example-workshop-report.pptx"
    )
    folder = write_bundle(
        tmp_path / "t", claim_id="3200003", documents=[default_documents("3200003")[0]]
    )
    shutil.copyfile(example, folder / "report.pptx")
    claim = json.loads((folder / "claim.json").read_text())
    claim["documents"].append({"file": "report.pptx", "kind": "poe"})
    (folder / "claim.json").write_text(json.dumps(claim))
    assert runner.invoke(args=["import", str(folder)]).exit_code == 0

    results = check_results(runner, "3200003")
    assert [r["status"] for r in results] == ["fail"]
    assert (
        "the very same file as the template example example-workshop-report.pptx"
        in (results[0]["message"])
    )


def _import(runner, tmp_path, name, claim_id, documents, customer=None):
    folder = write_bundle(
        tmp_path / name,
        claim_id=claim_id,
        documents=documents,
        **({"customer": customer} if customer else {}),
    )
    result = runner.invoke(args=["import", str(folder)])
    assert result.exit_code == 0, result.output


REPORT = [
    ("Executive Summary", "Contoso Retail Ltd runs 42 stores with 900 frontline staff on "
     "rotating shifts; managers plan rosters in spreadsheets and share news through apps."),
    ("Current State", "Store managers at Contoso Retail Ltd spend four hours a week on rosters "
     "and call in cover by phone; the warehouse team relies on radios bought in 2014."),
    ("Frontline Scenarios", "Shift scheduling in Teams Shifts, task publishing to every store, "
     "and Walkie Talkie for the warehouse team were shown on the customer's own tenant."),
    ("Findings", "Rosters are rebuilt weekly from a master sheet; swaps are agreed in group "
     "chats the store managers cannot see; new tasks reach stores by e-mail a day late."),
    ("Next Steps", "Pilot Teams Shifts in three stores by December, then review the results "
     "with the operations board before the wider rollout in the first quarter."),
]  # fmt: skip
FABRIKAM = {"name": "Northwind Traders Inc", "id": "northwind.com",
            "contact_email": "li@northwind.com"}  # fmt: skip


def test_a_copy_cut_short_for_another_customer_fails(runner, session, tmp_path):
    """Three of five slides, another customer of another name length and legal form."""
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    invoice = default_documents("3200011")[0]
    _import(runner, tmp_path, "a", "3200011", [invoice, pptx_document("report.pptx", REPORT)])
    cut = [(t, b.replace("Contoso Retail Ltd", "Northwind Traders Inc")) for t, b in REPORT[:3]]
    _import(runner, tmp_path, "b", "3200012", [invoice, pptx_document("nw.pptx", cut)], FABRIKAM)

    results = check_results(runner, "3200012")
    assert [r["status"] for r in results] == ["fail"]
    assert "the same text as report.pptx of claim 3200011" in results[0]["message"]


def test_filled_in_disclosures_of_one_form_are_not_copies(runner, session, tmp_path):
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])

    def disclosure(customer: str, signer: str) -> object:
        return docx_document("psd.docx", [
            "Public Sector Disclosure",
            f"{customer} acknowledges that FridayINC receives an incentive payment from "
            "Microsoft for delivering the Enable Frontline Workshop described in this claim. "
            "This disclosure is made so that the public sector entity can confirm that the "
            "payment is permitted under its procurement and ethics rules, and that no "
            "official received any benefit. The customer may ask for the amount of the fee.",
            f"Signed: {signer}, for {customer}, on 12 October 2026",
        ])  # fmt: skip

    invoice, deck = default_documents("3200021")
    disclosure("Contoso Ltd", "Ann Lee").write(tmp_path / "psd.docx")
    contoso_psd = raw_document("psd.docx", (tmp_path / "psd.docx").read_bytes())
    _import(runner, tmp_path, "a", "3200021", [invoice, deck, contoso_psd])
    other_deck = pptx_document("deck.pptx", REPORT)
    _import(runner, tmp_path, "b", "3200022",
            [invoice, other_deck, disclosure("Northwind Traders Inc", "Bo Chan")], FABRIKAM)  # fmt: skip
    assert [r["status"] for r in check_results(runner, "3200022")] == ["pass"]

    # The very same disclosure file is still a copy.
    own_deck = pptx_document("own.pptx", [
        ("Migration Readiness", "Forty line-of-business applications were assessed for a move "
         "to Azure App Service; twelve need code changes to their session handling first."),
        ("Data Estate", "Three SQL Server 2012 instances hold the order history; Azure SQL "
         "Managed Instance keeps the cross-database queries the finance team depends on."),
    ])  # fmt: skip
    _import(runner, tmp_path, "c", "3200023", [invoice, own_deck, contoso_psd], FABRIKAM)
    results = check_results(runner, "3200023")
    assert [r["status"] for r in results] == ["fail"]
    assert "psd.docx is the very same file as psd.docx of claim 3200021" in results[0]["message"]


def test_a_copied_deck_that_carries_a_disclosure_slide_is_still_a_copy(claims):
    deck = pptx_document(
        "poe.pptx",
        [("Executive Summary", "Frontline workshop for the public works crews on 6 October."),
         ("Frontline Scenarios", "Shift scheduling for 40 crews and depot inspections."),
         ("Next Steps", "Pilot Teams Shifts in three depots by December."),
         ("Public Sector Disclosure",
          "FridayINC discloses to the City of Riverton, a government entity, that Microsoft "
          "will pay FridayINC an incentive for delivering the Enable Frontline Workshop.")],
    )  # fmt: skip
    claim = claims.view(
        customer={"public_sector": True, "name": "City of Riverton", "country": "US"},
        documents=[deck],
        matches={"poe.pptx": [DocumentMatch("3100004", "findings.pptx", "poe", 0.95, False)]},
    )
    results = run_check_here(DuplicatePoe(), claim, claims.context())
    assert overall_status(r["status"] for r in results) == Status.FAIL
    assert "95% the same text as findings.pptx of claim 3100004" in results[0]["message"]


def test_the_candidates_words_are_fetched_in_one_query(runner, session, tmp_path, monkeypatch):
    """A deck like many others costs one lookup of their words, not one per candidate."""
    from workbench.engine import snapshot

    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    customers = ["Northwind Traders Inc", "Tailspin Toys Ltd", "Adatum Corporation"]

    def deck(name):  # the same report, made out to each customer: files of their own
        title, text = REPORT[0]
        return pptx_document("report.pptx", [(title, f"{text} Prepared for {name}."), *REPORT[1:]])

    for number, name in enumerate(customers, start=3200031):
        customer = {"name": name, "id": f"c{number}.com", "contact_email": f"li@c{number}.com"}
        _import(runner, tmp_path, str(number), str(number),
                [default_documents(str(number))[0], deck(name)], customer)  # fmt: skip
    asked = []
    original = snapshot.word_hashes_of
    monkeypatch.setattr(
        snapshot,
        "word_hashes_of",
        lambda s, digests: asked.append(set(digests)) or original(s, digests),
    )
    _import(runner, tmp_path, "last", "3200034",
            [default_documents("3200034")[0], deck("Contoso Retail Ltd")])  # fmt: skip
    # The new claim and, as related claims, the three others: each asks once, for the other
    # decks.
    asked = [digests for digests in asked if digests]
    assert len(asked) == 4 and all(len(digests) >= 3 for digests in asked)
    assert [r["status"] for r in check_results(runner, "3200034")] == ["fail"]


SUMMARY = (
    "Enable Frontline Workshop delivered by FridayINC on site for the store operations team of "
    "{customer}, with shift scheduling and task management shown on the tenant."
)
OWN_DECK = [
    ("Executive Summary", "Northwind Traders Inc is a hospital group with 2,300 nurses and porters "
     "in four hospitals; handover notes are written on paper at every ward change."),
    ("Frontline Scenarios", "Ward handover in Lists on a bedside tablet, and porter dispatch from a "
     "Power Apps form to the nearest free porter through Walkie Talkie."),
    ("Next Steps", "Build the cardiology ward's handover list by 20 November; trial porter dispatch "
     "on the night shift from 1 December; review with the chief nursing officer in January."),
]  # fmt: skip


def test_a_two_sentence_summary_alike_in_two_claims_warns_not_fails(runner, session, tmp_path):
    """27 words, the same for every customer once the names are masked: not a copied POE."""
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    invoice = default_documents("3200031")[0]
    ours = docx_document("summary.docx", [SUMMARY.format(customer="Contoso Ltd")])
    _import(runner, tmp_path, "a", "3200031", [invoice, ours, DECK])
    theirs = docx_document("summary.docx", [SUMMARY.format(customer="Northwind Traders Inc")])
    own = pptx_document("deck.pptx", OWN_DECK)
    _import(runner, tmp_path, "b", "3200032", [invoice, theirs, own], FABRIKAM)

    results = check_results(runner, "3200032")
    assert [r["status"] for r in results] == ["warn"]
    assert results[0]["message"].startswith(
        "summary.docx is 100% the same text as summary.docx of claim 3200031, but it has fewer "
        "than 30 words: too short to call a copy"
    )

    # The very same short file is still a copy.
    ours.write(tmp_path / "summary.docx")
    same = raw_document("summary.docx", (tmp_path / "summary.docx").read_bytes())
    _import(runner, tmp_path, "c", "3200033", [invoice, same], FABRIKAM)
    results = check_results(runner, "3200033")
    assert [r["status"] for r in results] == ["fail"]
    assert (
        "summary.docx is the very same file as summary.docx of claim 3200031"
        in (results[0]["message"])
    )


def test_under_30_words_a_near_copy_warns_from_30_it_fails(claims):
    summary = docx_document("summary.docx", [SUMMARY.format(customer="Contoso Ltd")])  # 27 words
    status, results = run(claims, {"summary.docx": [match(1.0)]}, [summary])
    assert status == Status.WARN
    assert "fewer than 30 words: too short to call a copy" in results[0]["message"]
    # Four slides of a line each (41 words) like another claim's are its POE.
    deck = default_documents()[1]
    status, results = run(claims, {"workshop-report.pptx": [match(0.92)]}, [deck])
    assert status == Status.FAIL
    assert results[0]["message"] == (
        "workshop-report.pptx is 92% the same text as findings.pptx of claim 3100004."
    )


def facts_deck(customer: str, f: dict) -> list[tuple[str, str]]:
    return [
        ("Executive Summary", f"{customer} runs {f['stores']} stores with {f['staff']} frontline "
         f"workers on rotating shifts. Store managers build rosters in spreadsheets every week, "
         f"about {f['hours']} hours per store. On {f['date']} FridayINC ran the workshop with "
         f"{f['people']} people from operations, HR and IT; the operations director approved a "
         f"pilot of Teams Shifts in {f['pilot']} stores with a budget of ${f['budget']:,}."),
        ("Frontline Scenarios", f"Shift management: publish schedules and approve swaps in Shifts "
         f"for {f['staff']} workers, and export worked hours to payroll every {f['payday']} days. "
         f"Task management: the weekly planogram tasks from head office to all {f['stores']} "
         f"stores. Walkie Talkie on {f['devices']} shared devices in the warehouse."),
        ("Envisioning Session", f"Shift swaps came first: {f['swaps']} swap requests a month are "
         f"handled by phone today. The customer has {f['licences']} F3 licences and "
         f"{f['devices']} shared Android devices; Wi-Fi in the back rooms and sign-in on shared "
         "devices were the concerns raised."),
        ("Next Steps", f"Assign {f['licences']} F3 licences by {f['d1']} (owner: IT manager). "
         f"Enrol {f['devices']} devices in Intune by {f['d2']}. Pilot Shifts in {f['pilot']} "
         f"stores from {f['d3']} and review the results with the sponsor on {f['d4']}."),
    ]  # fmt: skip


CONTOSO_FACTS = dict(
    date="2 October 2026", stores=42, staff=900, hours=4, people=11, pilot=3, budget=18000,
    payday=14, devices=60, swaps=350, licences=900, d1="15 October 2026", d2="30 October 2026",
    d3="2 November 2026", d4="14 December 2026",
)  # fmt: skip
NORTHWIND_FACTS = dict(
    date="19 October 2026", stores=17, staff=430, hours=6, people=8, pilot=2, budget=9500,
    payday=7, devices=25, swaps=120, licences=430, d1="28 October 2026", d2="9 November 2026",
    d3="16 November 2026", d4="18 January 2027",
)  # fmt: skip


def test_a_copy_with_its_dates_counts_and_amounts_changed_fails(runner, session, tmp_path):
    """Every figure of the deck changed (close to a third of its 3-word runs hold one), the
    text kept."""
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    invoice = default_documents("3200041")[0]
    original = pptx_document("report.pptx", facts_deck("Contoso Retail Ltd", CONTOSO_FACTS))
    _import(runner, tmp_path, "a", "3200041", [invoice, original])
    copy = facts_deck("Northwind Traders Inc", NORTHWIND_FACTS)
    _import(
        runner, tmp_path, "b", "3200042", [invoice, pdf_of_slides("nw.pdf", copy, "")], FABRIKAM
    )

    results = check_results(runner, "3200042")
    assert [r["status"] for r in results] == ["fail"]
    assert "the same text as report.pptx of claim 3200041" in results[0]["message"]

    # Two readiness forms of "label: figure" lines alike only in their labels are not copies.
    def readiness(seed: int) -> object:
        lines = [f"{label}: {(seed * (n + 3) * 37) % 4999}" for n, label in enumerate(LABELS)]
        return docx_document("readiness.docx", ["Windows Readiness Report", *lines])

    _import(runner, tmp_path, "c", "3200043", [invoice, readiness(3)])
    _import(runner, tmp_path, "d", "3200044", [invoice, readiness(8)], FABRIKAM)
    assert [r["status"] for r in check_results(runner, "3200044")] == ["pass"]


LABELS = [
    "Devices assessed", "Windows 11 capable devices", "Devices needing a TPM upgrade",
    "Devices with unsupported CPU", "Devices below 8 GB RAM", "Applications inventoried",
    "Applications compatible", "Applications needing remediation", "Drivers flagged",
    "Devices enrolled in Intune", "Devices co-managed", "Average device age in months",
    "Devices due for replacement", "Autopilot profiles created", "Feature update rings defined",
    "Pilot devices upgraded", "Upgrade success rate percent", "Median upgrade time in minutes",
    "Help desk tickets raised", "Users trained",
]  # fmt: skip


def _set_status(session, claim_id: str, status: str) -> None:
    from sqlalchemy import select

    from workbench.domain.enums import ClaimStatus
    from workbench.models import Claim

    session.scalars(select(Claim).where(Claim.claim_id == claim_id)).one().status = ClaimStatus(
        status
    )
    session.commit()


@pytest.mark.parametrize(
    "earlier", ["Post submission claim expired", "Cancelled", "Rejected final"]
)
def test_the_same_customers_reclaim_after_an_unpaid_claim_warns(runner, session, tmp_path, earlier):
    """The guide's "reclaim ... after a claim has expired, been cancelled, or been rejected":
    the new claim carries the POE of the same work, which is no copy of another's."""
    runner.invoke(args=["catalog", "load", str(REPO / "workbench/data/catalog.json")])
    invoice = default_documents("3200051")[0]
    _import(runner, tmp_path, "a", "3200051", [invoice, DECK])
    _set_status(session, "3200051", earlier)
    _import(runner, tmp_path, "b", "3200052", [invoice, DECK])

    results = check_results(runner, "3200052")
    assert [r["status"] for r in results] == ["warn"]
    assert results[0]["message"] == (
        "workshop-report.pptx is the very same file as workshop-report.pptx of claim 3200051. "
        f"Claim 3200051 was for the same customer and engagement and is {earlier}: a reclaim "
        "reuses the POE of the same work. Confirm that the earlier claim was not paid and that "
        "the POE is current."
    )
    copy = "workshop-report.pptx is the very same file as workshop-report.pptx of claim 3200051"
    # Another customer's claim, or this customer's for another engagement, copies it.
    _import(runner, tmp_path, "c", "3200053", [invoice, DECK], FABRIKAM)
    folder = write_bundle(tmp_path / "d", claim_id="3200054", documents=[invoice, DECK],
                          engagement_id="collaborative-apps-workshop")  # fmt: skip
    assert runner.invoke(args=["import", str(folder)]).exit_code == 0
    for claim_id in ("3200053", "3200054"):
        results = check_results(runner, claim_id)
        assert [r["status"] for r in results] == ["fail"]
        assert results[0]["message"].startswith(copy)
    # Once the earlier claim is paid, or while it is still open, it is a second claim.
    for status in ("Approved", "Under review"):
        _set_status(session, "3200051", status)
        results = check_results(runner, "3200052")
        assert [r["status"] for r in results] == ["fail"]
        assert results[0]["message"].startswith(copy)
