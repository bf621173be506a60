"""The customer is not the partner itself, a partner affiliate, or the vendor."""

from __future__ import annotations

import unicodedata

from checks._parties import (
    alike_as_initials,
    clean_domain,
    company_similarity,
    contains_company,
    email_domain,
    is_free_mail,
    normalise_company,
    organisation_domain,
    same_organisation_domain,
)
from workbench.check_api import (
    Check,
    CheckContext,
    ClaimView,
    Evidence,
    ExampleCase,
    Result,
    Status,
)

VENDOR = "Microsoft"
VENDOR_WORDS = frozenset({"microsoft"})
# The vendor's name in scripts without word breaks (日本マイクロソフト株式会社, 微软中国).
VENDOR_FORMS = ("マイクロソフト", "微软", "微軟", "마이크로소프트")
# Companies Microsoft owns outright: activity for them may well have Microsoft as the end
# customer, which a reviewer confirms. By their domains' labels and the words of their names
# ("Nuance" alone is too common a word; Nuance Communications is not).
VENDOR_SUBSIDIARY_DOMAINS = frozenset(
    {"github", "linkedin", "nuance", "activision", "blizzard", "mojang", "zenimax", "bethesda"}
)
VENDOR_SUBSIDIARY_NAMES = (
    ("github",), ("linkedin",), ("nuance", "communications"), ("activision",), ("mojang",),
    ("zenimax",), ("bethesda", "softworks"),
)  # fmt: skip
# Names this alike (0-100), once legal forms are stripped, are the same company.
SAME_COMPANY = 90

RULE = (
    "Partners are not eligible for incentives for activity connected to a customer that is a "
    "partner affiliate, or where the partner itself or the vendor (Microsoft) is the end "
    "customer; such a claim is rejected."
)


def _vendor_name(name: str | None) -> bool:
    if VENDOR_WORDS & set(normalise_company(name).split()):
        return True
    # NFKC turns half-width katakana into the full-width forms listed.
    text = unicodedata.normalize("NFKC", name or "")
    return any(form in text for form in VENDOR_FORMS)


def _vendor_subsidiary(name: str | None, domains: tuple[str | None, ...]) -> str | None:
    """The customer's name or domain when it is a company Microsoft owns, else None."""
    words = normalise_company(name).split()
    for parts in VENDOR_SUBSIDIARY_NAMES:
        if any(tuple(words[i : i + len(parts)]) == parts for i in range(len(words))):
            return name
    for domain in domains:
        if domain and organisation_domain(domain).split(".")[0] in VENDOR_SUBSIDIARY_DOMAINS:
            return domain
    return None


def _mailbox(address: str | None) -> str:
    return (address or "").strip().casefold()


def _vendor_domain(domain: str) -> bool:
    return organisation_domain(domain).split(".")[0] in VENDOR_WORDS


class Affiliate(Check):
    id = "affiliate"
    version = "8"
    title = "Customer is not the partner, an affiliate or Microsoft"
    description = (
        "Compares the customer's name and domains (the domain ID and the contact's e-mail) with "
        "the partner's name and its contact's e-mail domain, and with Microsoft: activity for "
        "the partner itself, an affiliate or the vendor is not eligible; a company Microsoft "
        "owns (GitHub, LinkedIn ...) warns."
    )
    reads_matches = False

    def run(self, claim: ClaimView, context: CheckContext) -> Result:
        customer, partner = claim.customer, claim.partner
        id_domain = clean_domain(customer.id) if customer.id_type == "domain" else None
        contact_domain = email_domain(customer.contact_email)
        partner_domain = email_domain(partner.contact_email)
        records = [
            Evidence("claim record", "customer name", customer.name),
            Evidence("claim record", "partner name", partner.name),
        ]
        if id_domain:
            records.append(Evidence("claim record", "customer ID (domain)", id_domain))
        if contact_domain:
            records.append(Evidence("claim record", "customer contact domain", contact_domain))
        if partner_domain:
            records.append(Evidence("claim record", "partner contact domain", partner_domain))

        # The vendor as the end customer.
        if _vendor_name(customer.name):
            return Result.failed(f"The customer, {customer.name}, is {VENDOR}. {RULE}", records)
        for label, domain in (("domain", id_domain), ("contact's e-mail domain", contact_domain)):
            if domain and _vendor_domain(domain):
                return Result.failed(
                    f"The customer's {label} {domain} is {VENDOR}'s. {RULE}", records
                )

        subsidiary = _vendor_subsidiary(customer.name, (id_domain, contact_domain))
        if subsidiary:
            return Result.warning(
                f"The customer ({subsidiary}) is a company {VENDOR} owns: confirm {VENDOR} is "
                f"not the end customer. {RULE}",
                records,
            )

        # The partner itself.
        score = company_similarity(customer.name, partner.name)
        # Many names share three initials ("HCL", Hamilton City Library): alike only so, the
        # names are a coincidence as often as the partner itself, and the domains decide.
        initials_only = alike_as_initials(customer.name, partner.name)
        if score >= SAME_COMPANY and not initials_only:
            return Result.failed(
                f"The customer, {customer.name}, is the partner {partner.name} itself "
                f"(names {score:.0f}% alike). {RULE}",
                records,
            )
        if id_domain and same_organisation_domain(id_domain, partner_domain):
            return Result.failed(
                f"The customer's domain {id_domain} is the partner's own ({partner.name}, "
                f"contact at {partner_domain}). {RULE}",
                records,
            )
        # The partner's name as written: "FridayINC" stripped of a glued "inc" would be
        # "friday", which an unrelated friday.co.uk also carries.
        partner_key = normalise_company(partner.name).replace(" ", "")
        # A shared free mailbox provider says nothing, but the very same mailbox does.
        same_mailbox = bool(contact_domain) and _mailbox(customer.contact_email) == _mailbox(
            partner.contact_email
        )
        if same_mailbox or (
            contact_domain and same_organisation_domain(contact_domain, partner_domain)
        ):
            reason = customer.domain_mismatch_reason
            message = (
                f"The customer contact's e-mail is at {contact_domain}, the partner's own domain "
                f"({partner.name})"
                if not same_mailbox
                else f"The customer contact's e-mail is the partner contact's own mailbox "
                f"({partner.name}, at {contact_domain})"
            )
            if reason:
                return Result.warning(
                    f"{message}; the partner explained: \u201c{reason}\u201d. Confirm the customer "
                    "is not the partner or an affiliate.",
                    records,
                )
            return Result.failed(f"{message}. {RULE}", records)

        # The partner group's domain in another country: fridayinc.com for FridayINC UK Ltd at
        # fridayinc.co.uk.
        partner_label = (
            organisation_domain(partner_domain).split(".")[0]
            if partner_domain and not is_free_mail(partner_domain)
            else ""
        )
        for domain in (id_domain, contact_domain):
            label = organisation_domain(domain).split(".")[0] if domain else ""
            if not domain or is_free_mail(domain):
                continue
            if len(partner_key) >= 4 and label.replace("-", "") == partner_key:
                return Result.failed(
                    f"The customer's domain {domain} carries the partner's name, "
                    f"{partner.name}. {RULE}",
                    records,
                )
            if len(partner_label) >= 4 and label == partner_label:
                return Result.failed(
                    f"The customer's domain {domain} is the partner's own name under another "
                    f"ending ({partner.name}, contact at {partner_domain}): the same group. "
                    f"{RULE}",
                    records,
                )
        if initials_only:
            return Result.warning(
                f"The customer's name, {customer.name}, and the partner's, {partner.name}, are "
                "alike only as initials: is the customer the partner or a partner affiliate?",
                records,
            )
        # One name inside the other: an affiliate, or a coincidence a reviewer settles.
        if contains_company(customer.name, partner.name):
            return Result.warning(
                f"The customer's name, {customer.name}, contains the partner's, {partner.name} "
                "(or the other way round): is the customer a partner affiliate?",
                records,
            )
        shown = id_domain or contact_domain
        where = f", at {shown}," if shown else ""
        partner_where = f", at {partner_domain}," if partner_domain else ""
        return Result.passed(
            f"The customer {customer.name}{where} is neither the partner {partner.name}"
            f"{partner_where} nor an affiliate of it, nor {VENDOR}.",
            records,
        )

    examples = (
        ExampleCase("an unrelated customer", lambda c: c.view(), Status.PASS),
        ExampleCase(
            "customer on the partner's domain",
            lambda c: c.view(
                customer={
                    "name": "Friday Labs",
                    "id": "fridayinc.com",
                    "contact_email": "ops@fridayinc.com",
                }
            ),
            Status.FAIL,
        ),
        ExampleCase(
            "Microsoft as the customer",
            lambda c: c.view(
                customer={
                    "name": "Microsoft Corporation",
                    "id": "microsoft.com",
                    "contact_email": "someone@microsoft.com",
                }
            ),
            Status.FAIL,
        ),
    )
