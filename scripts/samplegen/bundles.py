"""The sample claims: who, what, when, which documents, and the verdicts each was made to show."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from . import content_en as en
from . import content_intl as intl
from . import surveys
from .documents import Doc, Sheet, copy_doc, invoice_doc, msg_doc, report_doc, xls_doc, xlsx_doc
from .model import Invoice, InvoiceLine, replace_text
from .msg import MAPI_CC, Attachment, Email, Recipient
from .people import (
    ADRIATICA,
    BLUESTEM,
    CARIBE,
    FALCON,
    FRIDAY,
    INDUS,
    IPE,
    LUMIERE,
    MAPLE,
    MERLION,
    NORDLICHT,
    SAKURA,
    Customer,
    Partner,
)
from .render import report_to_pdf

CHECK_IDS = (
    "completeness",
    "file-types",
    "invoice-claim-id",
    "invoice-amount",
    "invoice-partner-name",
    "language",
    "psd",
    "survey-signature",
    "duplicate-poe",
    "deadline",
    "invoice-unique",
    "pii-visible",
    "affiliate",
)

BILL_TO_MS = (
    "Microsoft Corporation",
    "Attn: Partner Incentives – MCI Engagements",
    "One Microsoft Way",
    "Redmond, WA 98052, United States",
)
BILL_TO_MS_IE = (
    "Microsoft Ireland Operations Limited",
    "Partner Incentives – MCI Engagements",
    "One Microsoft Place, South County Business Park",
    "Leopardstown, Dublin 18, D18 P521, Ireland",
)
BILL_TO_MS_SG = (
    "Microsoft Regional Sales Pte. Ltd.",
    "Partner Incentives – MCI Engagements",
    "182 Cecil Street, #13-01 Frasers Tower",
    "Singapore 069547",
)


@dataclass
class Claim:
    claim_id: str
    slug: str
    engagement_id: str
    partner: Partner
    customer: Customer
    created: str
    consent: str
    submitted: str  # ISO timestamp, Z
    deal_size: int
    docs: list[Doc]
    customer_survey: dict
    partner_survey: dict
    purpose: str
    checks: dict[str, str] = field(default_factory=dict)  # verdicts other than the default
    comments: list[dict] = field(default_factory=list)
    requested_hours: int | None = None
    name: str | None = None

    @property
    def folder(self) -> str:
        return f"{self.claim_id}-{self.slug}"


def ts(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def inv(
    partner: Partner,
    number: str,
    issued: str,
    claim_id: str | None,
    engagement: str,
    customer: str,
    amount: float,
    money: str,
    desc: str,
    *,
    lang: str = "en",
    bill_to=BILL_TO_MS,
    seller: str | None = None,
    seller_lines=None,
    vat=None,
    vat_label="VAT",
    terms=(),
    notes=(),
    qty="1",
    currency_note=None,
    po=None,
) -> Invoice:
    lines = (InvoiceLine(desc, qty, amount if qty == "1" else amount / float(qty), amount),)
    if seller_lines is None:
        seller_lines = (*partner.address, partner.tax_id, f"billing@{partner.domain}")
    default_notes = {
        "en": (
            "Payment by bank transfer to the account registered in the partner's payment "
            "profile. Please quote the invoice number with your payment. This invoice "
            "covers the incentive earned for the engagement delivered to the customer named "
            "above and is issued once, for this claim only.",
        ),
        "fr": (
            "Paiement par virement sur le compte enregistré dans le profil de paiement du "
            "partenaire. Merci de rappeler le numéro de facture lors du règlement. Cette "
            "facture couvre l'incitation due pour l'engagement réalisé chez le client "
            "indiqué ci-dessus ; elle est émise une seule fois, pour cette demande "
            "uniquement.",
        ),
        "ja": (
            "お支払いは、パートナーの支払プロファイルに登録された口座へのお振込みでお願いいたします。"
            "本請求書は、上記のお客様に対して実施したエンゲージメントのインセンティブに関するもので、"
            "本クレームに対して一度のみ発行するものです。",
        ),
    }[lang]
    return Invoice(
        number=number,
        issued=ts(issued),
        due="Net 30"
        if lang == "en"
        else {"fr": "30 jours fin de mois", "ja": "請求日より30日以内"}[lang],
        seller=seller or partner.legal_name,
        seller_lines=tuple(seller_lines),
        bill_to=bill_to,
        claim_id=claim_id,
        engagement=engagement,
        customer=customer,
        lines=lines,
        money=money,
        vat_rate=vat,
        vat_label=vat_label,
        lang=lang,
        payment_terms=tuple(terms),
        extra_notes=tuple(notes) + default_notes,
        currency_note=currency_note
        or {
            "en": "All amounts are in US dollars (USD).",
            "fr": "Montants exprimés en dollars américains (USD).",
            "ja": "金額はすべて米ドル（USD）建てです。All amounts in USD.",
        }[lang],
        po_reference=po,
    )


def build_claims() -> list[Claim]:
    claims: list[Claim] = []
    add = claims.append

    # 3100001 -----------------------------------------------------------------------------
    contoso = Customer(
        "Contoso Ltd",
        "domain",
        "contoso.com",
        "US",
        False,
        "Susie Jones",
        "susie@contoso.com",
        "IT Systems Administrator",
        "contoso.com",
    )
    inventory = [
        Sheet(
            "Application inventory",
            [en.CONTOSO_INVENTORY_HEADER, *en.CONTOSO_INVENTORY],
            [24, 14, 24, 22, 8, 20, 40, 22, 10],
        ),
        Sheet("Notes", [[line] for line in en.contoso_inventory_notes()], [110]),
    ]
    add(
        Claim(
            "3100001",
            "contoso-ammp-small",
            "ammp-app-data-modernization-small",
            FRIDAY,
            contoso,
            "2026-09-02",
            "2026-09-08",
            "2026-10-30T15:12:00Z",
            48000,
            docs=[
                invoice_doc(
                    "INV-FRI-2026-0417.pdf",
                    inv(
                        FRIDAY,
                        "FRI-2026-0417",
                        "2026-10-27T09:00:00Z",
                        "3100001",
                        "AMMP App/Data Modernization (Small)",
                        "Contoso Ltd",
                        15000,
                        "usd_suffix",
                        "Incentive fee – AMMP App/Data Modernization (Small), OrderHub migration to "
                        "Azure for Contoso Ltd (claim 3100001)",
                    ),
                    "pdf",
                ),
                report_doc(
                    "Contoso_AMMP_Modernization_Report_v1.2.docx", en.contoso_ammp(), "docx"
                ),
                xlsx_doc(
                    "Contoso_Application_Inventory.xlsx",
                    inventory,
                    "Tom Alvarez",
                    ("OrderHub", "DealerLink", "Assessment notes"),
                    ts("2026-10-26T16:00:00Z"),
                ),
            ],
            customer_survey=surveys.customer(
                "2026-10-28T17:20:00Z",
                "FridayINC",
                "Susie Jones, Contoso Ltd, IT Systems Administrator",
                "OrderHub now runs on Azure and the nightly invoice batch finishes in an hour.",
            ),
            partner_survey=surveys.partner(
                "2026-10-29T10:05:00Z",
                "14 September – 23 October 2026",
                4,
                "Azure App Service, Azure SQL Managed Instance, Azure Migrate",
                "Yes – DealerLink re-platform planned for Q1 2027",
                FRIDAY.signature(),
            ),
            comments=[
                {
                    "author": "partner",
                    "at": "2026-10-30T15:10:00Z",
                    "body": "Application inventory attached as a separate workbook.",
                }
            ],
            purpose="Clean claim, market A (US): PDF invoice '$15,000.00 USD', DOCX report and "
            "XLSX inventory, e-mails blurred.",
        )
    )

    # 3100002 -----------------------------------------------------------------------------
    hokuto = Customer(
        "北斗精機株式会社 (Hokuto Seiki Co., Ltd.)",
        "tenant_id",
        "6f1c2d9e-4b7a-4e19-9c35-8a2f0d6b7e41",
        "JP",
        False,
        "小林 誠 (Makoto Kobayashi)",
        "m.kobayashi@hokuto-seiki.co.jp",
        "情報システム部 部長 (General Manager, IT)",
        "hokuto-seiki.co.jp",
    )
    add(
        Claim(
            "3100002",
            "hokuto-seiki-copilot",
            "gsi-copilot-m365-workshop",
            SAKURA,
            hokuto,
            "2026-09-10",
            "2026-09-16",
            "2026-10-22T01:30:00Z",
            52000,
            docs=[
                invoice_doc(
                    "SDS-INV-2026-1022.pdf",
                    inv(
                        SAKURA,
                        "SDS-2026-1022",
                        "2026-10-21T00:00:00Z",
                        "3100002",
                        "GSI Copilot for Microsoft 365 Workshop",
                        "北斗精機株式会社 (Hokuto Seiki Co., Ltd.)",
                        6000,
                        "usd_prefix",
                        "Copilot for Microsoft 365 ワークショップ実施 インセンティブ (GSI Copilot for Microsoft 365 "
                        "Workshop incentive)",
                        lang="ja",
                        seller=f"{SAKURA.legal_name}（株式会社サクラデジタルソリューションズ）",
                        terms=(
                            "振込先：三井住友銀行 丸の内支店 普通預金 7214583 "
                            "カ）サクラデジタルソリューションズ",
                            "お支払期限までに上記口座へお振込みください。振込手数料は貴社にてご負担くださいますよう"
                            "お願い申し上げます。ご不明な点がございましたら、経理部までお問い合わせください。",
                        ),
                        notes=(
                            "本件は2026年10月7日・8日に北斗精機株式会社様に対して実施した Copilot for "
                            "Microsoft 365 ワークショップに関するご請求です。",
                        ),
                    ),
                    "pdf",
                ),
                report_doc("北斗精機様_Copilot実施報告書.pdf", intl.hokuto_copilot_ja(), "pdf"),
            ],
            customer_survey=surveys.customer(
                "2026-10-20T06:40:00Z",
                "Sakura Digital Solutions",
                "小林 誠, 北斗精機株式会社, 情報システム部 部長",
                "不具合報告書の作成時間を短縮できる見込みが立ったこと。",
            ),
            partner_survey=surveys.partner(
                "2026-10-21T02:15:00Z",
                "2026-10-07, 2026-10-08",
                4,
                "Copilot for Microsoft 365, Microsoft Purview sensitivity labels",
                "Yes – 40-user pilot from December 2026",
                SAKURA.signature(),
            ),
            purpose="Clean claim, market A (JP): Japanese PDF report with an embedded IPA font, "
            "bilingual invoice 'USD 6,000', Japanese file name and survey answers.",
        )
    )

    # 3100003 -----------------------------------------------------------------------------
    riverton = Customer(
        "City of Riverton – Department of Public Works",
        "domain",
        "rivertonwy.gov",
        "US",
        True,
        "Angela Whitfield",
        "awhitfield@rivertonwy.gov",
        "Director of Public Works",
        "rivertonwy.gov",
    )
    add(
        Claim(
            "3100003",
            "riverton-frontline",
            "enable-frontline-workshop",
            FRIDAY,
            riverton,
            "2026-09-15",
            "2026-09-22",
            "2026-11-02T16:45:00Z",
            22000,
            docs=[
                invoice_doc(
                    "FridayINC_Invoice_3100003.docx",
                    inv(
                        FRIDAY,
                        "FRI-2026-0431",
                        "2026-10-29T09:00:00Z",
                        "3100003",
                        "Enable Frontline Workshop",
                        riverton.name,
                        5000,
                        "usd_suffix",
                        "Enable Frontline Workshop delivered on 13 October 2026 – partner incentive",
                    ),
                    "docx",
                ),
                report_doc(
                    "Riverton_Enable_Frontline_Workshop_Report.pptx",
                    en.riverton_frontline(),
                    "pptx",
                ),
                report_doc(
                    "Public_Sector_Disclosure_City_of_Riverton.docx", en.riverton_psd(), "docx"
                ),
            ],
            customer_survey=surveys.customer(
                "2026-10-27T15:00:00Z",
                "FridayINC",
                "Angela Whitfield, City of Riverton, Director of Public Works",
                "A pilot for digital work orders that our water crews asked for.",
            ),
            partner_survey=surveys.partner(
                "2026-10-28T18:30:00Z",
                "13 October 2026",
                5,
                "Microsoft Teams (Shifts, Walkie Talkie, Approvals), Microsoft 365 F3",
                "Yes – six-week pilot with two water crews",
                FRIDAY.signature(),
            ),
            purpose="US public-sector customer WITH a Public Sector Disclosure (DOCX); DOCX invoice "
            "with the amount in a table; PPTX report.",
        )
    )

    # 3100004 -----------------------------------------------------------------------------
    val = Customer(
        "Communauté d'agglomération du Val-Sérein",
        "domain",
        "val-serein.fr",
        "FR",
        True,
        "Nathalie Girard",
        "nathalie.girard@val-serein.fr",
        "Directrice des systèmes d'information",
        "val-serein.fr",
    )
    add(
        Claim(
            "3100004",
            "val-serein-ammp-small",
            "ammp-app-data-modernization-small",
            LUMIERE,
            val,
            "2026-09-03",
            "2026-09-11",
            "2026-11-09T14:20:00Z",
            61000,
            docs=[
                invoice_doc(
                    "Facture_LC-2026-118.pdf",
                    inv(
                        LUMIERE,
                        "LC-2026-118",
                        "2026-11-05T09:00:00Z",
                        "3100004",
                        "AMMP App/Data Modernization (Small)",
                        val.name,
                        15000,
                        "fr",
                        "Incitation AMMP App/Data Modernization (Small) – migration du portail des "
                        "usagers vers Azure",
                        lang="fr",
                        bill_to=BILL_TO_MS_IE,
                        vat=0.20,
                        vat_label="TVA",
                    ),
                    "pdf",
                ),
                report_doc(
                    "Val-Serein_Rapport_Modernisation_Portail.docx",
                    intl.val_serein_ammp_fr(),
                    "docx",
                ),
            ],
            customer_survey=surveys.customer(
                "2026-11-06T10:30:00Z",
                "Lumière Conseil",
                "Nathalie Girard, Communauté d'agglomération du Val-Sérein, Directrice des "
                "systèmes d'information",
                "Le portail des usagers est hébergé en France sur Azure et plus rapide.",
            ),
            partner_survey=surveys.partner(
                "2026-11-06T16:00:00Z",
                "21 septembre – 30 octobre 2026",
                3,
                "Azure App Service, Azure Database for MySQL",
                "Oui – décommissionnement en décembre 2026",
                LUMIERE.signature(),
            ),
            purpose="French POE, public-sector customer in FR (no PSD needed); invoice with a "
            "correct pre-tax subtotal '15 000,00 USD', TVA 20 % and a larger total.",
        )
    )

    # 3100005 -----------------------------------------------------------------------------
    wwi = Customer(
        "Wide World Importers LLC",
        "tpid",
        "14839021",
        "AE",
        False,
        "Layla Mansour",
        "layla.mansour@wideworldimporters.ae",
        "Chief Information Security Officer",
        "wideworldimporters.ae",
    )
    add(
        Claim(
            "3100005",
            "wide-world-importers-siem-xdr",
            "defend-threats-siem-xdr-workshop",
            FALCON,
            wwi,
            "2026-09-07",
            "2026-09-14",
            "2026-10-28T07:50:00Z",
            35000,
            docs=[
                invoice_doc(
                    "FCS-INV-26-0931.xlsx",
                    inv(
                        FALCON,
                        "FCS-26-0931",
                        "2026-10-26T06:00:00Z",
                        "3100005",
                        "Defend Against Threats with SIEM Plus XDR Workshop",
                        wwi.name,
                        4000,
                        "usd_prefix_cents",
                        "SIEM + XDR workshop delivered 5–16 October 2026 – "
                        "incentive (claim 3100005)",
                    ),
                    "xlsx",
                ),
                report_doc("WWI_SIEM_XDR_Workshop_Results.pptx", en.wwi_defend_threats(), "pptx"),
            ],
            customer_survey=surveys.customer(
                "2026-10-26T09:10:00Z",
                "Falcon Cloud Services",
                "Layla Mansour, Wide World Importers LLC, Chief Information Security Officer",
                "We found three compromised accounts we did not know about.",
            ),
            partner_survey=surveys.partner(
                "2026-10-26T12:00:00Z",
                "5 – 16 October 2026",
                3,
                "Microsoft Sentinel, Microsoft Defender XDR",
                "Yes – MDR proposal requested",
                FALCON.signature(),
            ),
            purpose="Clean claim, market B (AE): XLSX invoice with the amount as numbers in cells, "
            "PPTX report.",
        )
    )

    # 3100006 -----------------------------------------------------------------------------
    navapur = Customer(
        "Navapur Municipal Corporation",
        "domain",
        "navapurmc.gov.in",
        "IN",
        True,
        "Sunil Deshmukh",
        "sunil.deshmukh@navapurmc.gov.in",
        "Deputy Commissioner (IT)",
        "navapurmc.gov.in",
    )
    navapur_invoice = invoice_doc(
        "ITW-INV-2026-0288.pdf",
        inv(
            INDUS,
            "ITW/2026-27/0288",
            "2026-10-30T06:00:00Z",
            "3100006",
            "NextGen Windows Workshop",
            navapur.name,
            1750,
            "us_dollar",
            "NextGen Windows Workshop – Windows 11 readiness assessment (claim 3100006)",
        ),
        "pdf",
    )
    navapur_report = report_doc(
        "Navapur_Windows11_Readiness_Report.docx", en.navapur_windows(), "docx"
    )
    add(
        Claim(
            "3100006",
            "navapur-nextgen-windows",
            "nextgen-windows-workshop",
            INDUS,
            navapur,
            "2026-09-21",
            "2026-09-28",
            "2026-11-05T05:40:00Z",
            18000,
            docs=[
                navapur_invoice,
                navapur_report,
                xls_doc(
                    "Navapur_Device_Inventory.xls",
                    [
                        Sheet("Devices", en.NAVAPUR_DEVICES, [14, 16, 24, 22, 9, 6, 11, 20, 26]),
                        Sheet(
                            "About",
                            [
                                [
                                    "This workbook is the device inventory collected by Indus Techworks for "
                                    "the Navapur Municipal Corporation Windows 11 readiness assessment in "
                                    "October 2026. It lists a sample of devices from headquarters and the six "
                                    "ward offices with the hardware facts that decide whether each one can be "
                                    "upgraded, and the action recommended for it. The full list of 1,284 "
                                    "devices is kept in the corporation's Configuration Manager database."
                                ]
                            ],
                            [110],
                        ),
                    ],
                    ("NMC-HQ-0012", "Ring 1 upgrade", "Navapur Municipal Corporation"),
                ),
            ],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-10-29T07:00:00Z",
                "14 October 2026",
                3,
                "Windows 11, Intune, Windows Autopatch",
                "Yes – ring deployment from December 2026",
                INDUS.signature(),
            ),
            purpose="Public-sector customer in IN WITHOUT the Public Sector Disclosure; legacy .xls "
            "device inventory (xlwt). Its report and invoice are copied byte for byte by "
            "claim 3100022, so duplicate-poe and invoice-unique flag this side of the pair "
            "too.",
            checks={"psd": "fail", "duplicate-poe": "fail", "invoice-unique": "fail"},
        )
    )

    # 3100007 -----------------------------------------------------------------------------
    serra = Customer(
        "Cooperativa Agrícola Serra Verde",
        "domain",
        "coopserraverde.com.br",
        "BR",
        False,
        "Helena Castro",
        "helena.castro@coopserraverde.com.br",
        "IT Coordinator",
        "coopserraverde.com.br",
    )
    add(
        Claim(
            "3100007",
            "serra-verde-ammp-small",
            "ammp-app-data-modernization-small",
            IPE,
            serra,
            "2026-09-08",
            "2026-09-18",
            "2026-11-13T12:25:00Z",
            27000,
            docs=[
                invoice_doc(
                    "IPE-FAT-2026-0153.pdf",
                    inv(
                        IPE,
                        "IPE-2026-0153",
                        "2026-11-11T12:00:00Z",
                        "3100007",
                        "AMMP App/Data Modernization (Small)",
                        serra.name,
                        7500,
                        "us_dollar",
                        "Incentive – AMMP App/Data Modernization (Small): member portal and harvest "
                        "database moved to Azure",
                    ),
                    "pdf",
                ),
                report_doc("SerraVerde_AMMP_Final_Report.doc", en.serra_verde_ammp(), "doc"),
            ],
            customer_survey=surveys.customer(
                "2026-11-12T13:00:00Z",
                "Ipê Tecnologia",
                "Helena Castro, Cooperativa Agrícola Serra Verde, IT Coordinator",
                "Members can book deliveries again without outages during the harvest.",
            ),
            partner_survey=surveys.partner(
                "2026-11-12T19:30:00Z",
                "28 September – 6 November 2026",
                3,
                "Azure App Service, Azure SQL Database Hyperscale, Azure Front Door",
                "Yes – Power BI for the quality laboratory",
                IPE.signature(),
            ),
            purpose="Clean claim, market C (BR): legacy Word 97 .doc report (LibreOffice), invoice "
            "'US$ 7,500.00'.",
        )
    )

    # 3100008 -----------------------------------------------------------------------------
    fabrikam = Customer(
        "Fabrikam Asia Pte. Ltd.",
        "domain",
        "fabrikam.com",
        "SG",
        False,
        "Michelle Goh",
        "michelle.goh@fabrikam.com",
        "Head of Retail Operations",
        "fabrikam.com",
    )
    add(
        Claim(
            "3100008",
            "fabrikam-asia-frontline",
            "enable-frontline-workshop",
            MERLION,
            fabrikam,
            "2026-09-09",
            "2026-09-15",
            "2026-10-19T03:15:00Z",
            31000,
            docs=[
                invoice_doc(
                    "MS-INV-000812.docx",
                    inv(
                        MERLION,
                        "MS-000812",
                        "2026-10-16T02:00:00Z",
                        "3100008",
                        "Enable Frontline Workshop",
                        fabrikam.name,
                        4000,
                        "usd_prefix_cents",
                        "Enable Frontline Workshop – 6 October 2026 – incentive",
                        bill_to=BILL_TO_MS_SG,
                    ),
                    "docx",
                ),
                report_doc(
                    "Fabrikam_Enable_Frontline_Workshop.pptx", en.fabrikam_frontline(), "pptx"
                ),
            ],
            customer_survey=surveys.customer(
                "2026-10-15T08:00:00Z",
                "Merlion Systems",
                "Michelle Goh, Fabrikam Asia Pte. Ltd., Head of Retail Operations",
                "A clear pilot plan for store task management.",
            ),
            partner_survey=surveys.partner(
                "2026-10-15T09:30:00Z",
                "6 October 2026",
                4,
                "Microsoft Teams frontline, Microsoft 365 F3",
                "Yes – six-store pilot",
                MERLION.signature(),
            ),
            purpose="Original of the near-copy pair: claim 3100016's deck is this deck with only "
            "the customer name changed, so duplicate-poe flags both claims.",
            checks={"duplicate-poe": "fail"},
        )
    )

    # 3100009 -----------------------------------------------------------------------------
    hafen = Customer(
        "Hafenkontor Logistik GmbH",
        "domain",
        "hafenkontor-logistik.de",
        "DE",
        False,
        "Katrin Vogel",
        "k.vogel@hafenkontor-logistik.de",
        "Head of Operations",
        "hafenkontor-logistik.de",
    )
    hafen_invoice = invoice_doc(
        "NIT-RE-2026-0447.pdf",
        inv(
            NORDLICHT,
            "NIT-2026-0447",
            "2026-10-28T08:00:00Z",
            "3100009",
            "Collaborative Apps Workshop",
            hafen.name,
            4000,
            "usd_prefix_cents",
            "Collaborative Apps Workshop, 20 October 2026 – partner incentive",
            bill_to=BILL_TO_MS_IE,
        ),
        "pdf",
    )
    add(
        Claim(
            "3100009",
            "hafenkontor-collab-apps",
            "collaborative-apps-workshop",
            NORDLICHT,
            hafen,
            "2026-09-24",
            "2026-10-01",
            "2026-11-03T09:05:00Z",
            15000,
            docs=[
                hafen_invoice,
                report_doc(
                    "Hafenkontor_Collaborative_Apps_Workshop_Ergebnisbericht.docx",
                    intl.hafenkontor_de(),
                    "docx",
                ),
            ],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-10-29T13:00:00Z",
                "20 October 2026",
                3,
                "Microsoft Teams, Power Apps, Dataverse for Teams",
                "Yes – dispatch board prototype",
                NORDLICHT.signature(),
            ),
            purpose="POE report in German (unsupported language): demo puts it in Action required; "
            "_followups holds the resubmittal with an English version.",
            checks={"language": "fail"},
        )
    )

    # 3100010 -----------------------------------------------------------------------------
    vega = Customer(
        "Municipio de Vega Clara",
        "domain",
        "vegaclara.pr.gov",
        "PR",
        True,
        "Carmen Ortiz",
        "cortiz@vegaclara.pr.gov",
        "Finance Director",
        "vegaclara.pr.gov",
    )
    add(
        Claim(
            "3100010",
            "vega-clara-migration-xs",
            "azure-migration-xs",
            CARIBE,
            vega,
            "2026-09-16",
            "2026-09-23",
            "2026-11-06T13:35:00Z",
            24000,
            docs=[
                invoice_doc(
                    "CCP-INV-1107.pdf",
                    inv(
                        CARIBE,
                        "CCP-1107",
                        "2026-11-04T13:00:00Z",
                        "3100010",
                        "Azure Migrate and Modernize (XS)",
                        vega.name,
                        4000,
                        "usd_prefix",
                        "Azure Migrate and Modernize (XS) – migration of four municipal servers",
                    ),
                    "pdf",
                ),
                report_doc(
                    "VegaClara_Azure_Migration_Summary.ppt", en.vega_clara_migration(), "ppt"
                ),
                xlsx_doc(
                    "VegaClara_Workload_Inventory.xlsx",
                    [
                        Sheet(
                            "Workloads",
                            en.VEGA_CLARA_INVENTORY,
                            [11, 34, 22, 6, 12, 10, 10, 18, 28, 22],
                        ),
                        Sheet(
                            "Notes",
                            [
                                [
                                    "Workload inventory for the Municipio de Vega Clara migration to Azure, "
                                    "prepared by Caribe Cloud Partners from the Azure Migrate discovery in "
                                    "October 2026. Every server listed here was migrated on 24 October 2026 "
                                    "and is protected by Azure Backup and Azure Site Recovery. Dependencies "
                                    "come from the agentless dependency analysis run for fourteen days before "
                                    "the migration."
                                ]
                            ],
                            [110],
                        ),
                    ],
                    "Andrés Figueroa",
                    ("VC-FIN01", "Standard_D4s_v5"),
                    ts("2026-11-03T15:00:00Z"),
                ),
                report_doc("VegaClara_Public_Sector_Disclosure.pdf", en.vega_clara_psd(), "pdf"),
            ],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-11-05T14:00:00Z",
                "5 – 30 October 2026",
                2,
                "Azure Migrate, Azure Files, Azure Backup, Azure Site Recovery",
                "Yes – permits application modernization in 2027",
                CARIBE.signature(),
            ),
            purpose="PR public-sector customer WITH a PDF Public Sector Disclosure; legacy .ppt "
            "migration summary (LibreOffice, outline text for catppt); XLSX inventory.",
            checks={"psd": "pass"},
        )
    )

    # 3100011 -----------------------------------------------------------------------------
    maple_ms = Customer(
        "Maple Bridge Managed Services Ltd.",
        "domain",
        "maplebridgetech.ca",
        "CA",
        False,
        "Nathan Roy",
        "nroy@maplebridgetech.ca",
        "Service Desk Manager",
        "maplebridgetech.ca",
    )
    maple_invoice = invoice_doc(
        "MBT-INV-2026-072.pdf",
        inv(
            MAPLE,
            "MBT-2026-072",
            "2026-10-28T14:00:00Z",
            "3100011",
            "Rapidly Build Apps in a Day",
            maple_ms.name,
            3000,
            "usd_suffix",
            "Rapidly Build Apps in a Day – session of 22 October 2026",
            seller_lines=(*MAPLE.address, MAPLE.tax_id),
        ),
        "pdf",
    )
    maple_report = report_doc("Apps_in_a_Day_Session_Report.pptx", en.maple_apps_in_a_day(), "pptx")
    add(
        Claim(
            "3100011",
            "maple-bridge-apps-in-a-day",
            "rapidly-build-apps-in-a-day",
            MAPLE,
            maple_ms,
            "2026-10-01",
            "2026-10-05",
            "2026-11-02T20:10:00Z",
            9000,
            docs=[maple_invoice, maple_report],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-10-30T15:00:00Z",
                "22 October 2026",
                11,
                "Power Apps, Power Automate, Dataverse",
                "Yes – follow-up session on 12 November",
                MAPLE.signature(),
            ),
            purpose="Affiliate: the customer's domain is the partner's own e-mail domain. Demo "
            "rejects it; _followups holds the partner's dispute.",
            checks={"affiliate": "fail"},
        )
    )

    # 3100012 -----------------------------------------------------------------------------
    lakewood = Customer(
        "Lakewood Unified School District",
        "domain",
        "lakewoodusd.org",
        "US",
        True,
        "Dr. Karen Mitchell",
        "karen.mitchell@lakewoodusd.org",
        "Chief Technology Officer",
        "lakewoodusd.org",
    )
    attendance_pdf = report_to_pdf(en.lakewood_attendance())
    sign_off = Email(
        subject="RE: Copilot workshop – attendance and sign-off",
        sender_name="Dr. Karen Mitchell",
        sender_email="karen.mitchell@lakewoodusd.org",
        recipients=(
            Recipient("Marcus Reed", "mreed@bluestemconsulting.com"),
            Recipient("Hannah Cole", "hcole@bluestemconsulting.com", MAPI_CC),
            Recipient("Steven Ruiz", "steven.ruiz@lakewoodusd.org", MAPI_CC),
        ),
        body=(
            "Hi Marcus,\r\n\r\n"
            "Thank you and Hannah for the two days with our team. I confirm that Bluestem "
            "Consulting delivered the Copilot for Microsoft 365 workshop at the District Office "
            "on October 21 and 22, 2026, and that the attendance sheet you sent matches who was "
            "in the room. We agree with the readiness findings, especially the oversharing on "
            "the special education sites, and we approve the 60-seat pilot plan for December.\r\n"
            "\r\nSteven Ruiz will be our day-to-day contact for the pilot, and Tyler Nguyen will "
            "own the SharePoint clean-up in November.\r\n\r\n"
            "Best regards,\r\nKaren\r\n\r\n"
            "Dr. Karen Mitchell | Chief Technology Officer | Lakewood Unified School District\r\n"
            "\r\n-----Original Message-----\r\n"
            "From: Marcus Reed <mreed@bluestemconsulting.com>\r\n"
            "Sent: Friday, October 23, 2026 9:12 AM\r\n"
            "To: karen.mitchell@lakewoodusd.org\r\n"
            "Cc: steven.ruiz@lakewoodusd.org; angela.brooks@lakewoodusd.org; "
            "tyler.nguyen@lakewoodusd.org; monica.alvarez@lakewoodusd.org\r\n"
            "Subject: Copilot workshop – attendance and sign-off\r\n\r\n"
            "Hi Karen,\r\n\r\nPlease find attached the attendance sheet for the Copilot "
            "workshop. Could you confirm the attendance and the pilot plan by reply?\r\n\r\n"
            "Thanks,\r\nMarcus\r\n"
        ),
        sent_at=ts("2026-10-23T21:42:00Z"),
        message_id="<BY5PR11MB4021C2A1D7E9F0A3B6@BY5PR11MB4021.namprd11.prod.outlook.com>",
        attachments=(
            Attachment("Copilot_Workshop_Attendance_Sheet.pdf", attendance_pdf, "application/pdf"),
        ),
        in_reply_to="<SA1PR04MB8830E4F2@SA1PR04MB8830.namprd04.prod.outlook.com>",
    )
    add(
        Claim(
            "3100012",
            "lakewood-usd-copilot",
            "gsi-copilot-m365-workshop",
            BLUESTEM,
            lakewood,
            "2026-09-28",
            "2026-10-02",
            "2026-11-06T22:05:00Z",
            41000,
            docs=[
                invoice_doc(
                    "BSC-INV-2026-0914.pdf",
                    inv(
                        BLUESTEM,
                        "BSC-2026-0914",
                        "2026-11-04T15:00:00Z",
                        "3100012",
                        "GSI Copilot for Microsoft 365 Workshop",
                        lakewood.name,
                        6000,
                        "usd_suffix",
                        "Copilot for Microsoft 365 Workshop, October 21–22, 2026",
                    ),
                    "pdf",
                ),
                report_doc(
                    "Lakewood_USD_Copilot_Workshop_Report.docx", en.lakewood_copilot(), "docx"
                ),
                msg_doc("RE Copilot workshop - attendance and sign-off.msg", sign_off),
            ],
            customer_survey=surveys.customer(
                "2026-11-03T16:00:00Z",
                "Bluestem Consulting",
                "Karen Mitchell, Lakewood Unified School District, Chief Technology Officer",
                "Finding the oversharing problem before turning Copilot on.",
            ),
            partner_survey=surveys.partner(
                "2026-11-04T19:00:00Z",
                "October 21–22, 2026",
                5,
                "Copilot for Microsoft 365, SharePoint Advanced Management, Microsoft Purview",
                "Yes – 60-seat pilot",
                BLUESTEM.signature(),
            ),
            purpose="US public-sector customer WITHOUT a Public Sector Disclosure; customer e-mail "
            "addresses readable in the report and in an Outlook .msg sign-off (with a PDF "
            "attachment).",
            checks={"psd": "fail", "pii-visible": "warn"},
        )
    )

    # 3100013 -----------------------------------------------------------------------------
    proseware = Customer(
        "Proseware Retail India Private Limited",
        "opportunity_id",
        "7-3KQ9Z1B4MT",
        "IN",
        False,
        "Rohan Mehta",
        "rohan.mehta@prosewareretail.in",
        "Head of Supply Chain",
        "prosewareretail.in",
    )
    add(
        Claim(
            "3100013",
            "proseware-envisioning-variable",
            "pre-sales-variable-envisioning-workshop",
            INDUS,
            proseware,
            "2026-10-05",
            "2026-10-09",
            "2026-11-09T06:30:00Z",
            120000,
            requested_hours=20,
            docs=[
                invoice_doc(
                    "ITW-INV-2026-0301.xlsx",
                    inv(
                        INDUS,
                        "ITW/2026-27/0301",
                        "2026-11-07T06:00:00Z",
                        "3100013",
                        "Pre-Sales Envisioning Workshop (variable payout)",
                        proseware.name,
                        1960,
                        "us_dollar",
                        "Envisioning workshop – 20 hours at the engagement hourly rate",
                        qty="20",
                    ),
                    "xlsx",
                ),
                report_doc(
                    "Proseware_Envisioning_Workshop.pptx", en.proseware_envisioning(), "pptx"
                ),
            ],
            customer_survey=surveys.customer(
                "2026-11-05T09:30:00Z",
                "Indus Techworks",
                "Rohan Mehta, Proseware Retail India Private Limited, Head of Supply Chain",
                "A business case for demand forecasting that our CFO accepted.",
            ),
            partner_survey=surveys.partner(
                "2026-11-06T08:00:00Z",
                "27 October 2026 (plus preparation and business case)",
                3,
                "Azure AI, Microsoft Fabric, Power Apps",
                "Yes – proof of concept in December",
                INDUS.signature(),
            ),
            purpose="Variable payout: 20 requested hours x market C rate $98 = proposed payout "
            "$1,960; XLSX invoice shows it.",
        )
    )

    # 3100014 -----------------------------------------------------------------------------
    lucerna = Customer(
        "Lucerna Arredamenti S.p.A.",
        "subscription_id",
        "9b2e6a14-3c5d-4f1e-8a7b-2d4c6e8f0a13",
        "IT",
        False,
        "Paolo Bianchi",
        "paolo.bianchi@lucerna-arredamenti.it",
        "CIO",
        "lucerna-arredamenti.it",
    )
    add(
        Claim(
            "3100014",
            "lucerna-ammp-small",
            "ammp-app-data-modernization-small",
            ADRIATICA,
            lucerna,
            "2026-09-11",
            "2026-09-25",
            "2026-11-13T10:50:00Z",
            39000,
            docs=[
                invoice_doc(
                    "AD-FATT-2026-0219.pdf",
                    inv(
                        ADRIATICA,
                        "AD-2026/0219",
                        "2026-11-10T09:00:00Z",
                        "3100014",
                        "AMMP App/Data Modernization (Small)",
                        lucerna.name,
                        12000,
                        "de",
                        "Incentive AMMP App/Data Modernization (Small) – dealer ordering platform",
                        bill_to=BILL_TO_MS_IE,
                    ),
                    "pdf",
                ),
                report_doc("Lucerna_Dealer_Platform_Modernization.pptx", en.lucerna_ammp(), "pptx"),
            ],
            customer_survey=surveys.customer(
                "2026-11-11T15:20:00Z",
                "Adriatica Digitale",
                "Paolo Bianchi, Lucerna Arredamenti S.p.A.",
                "The Oracle renewal is no longer needed.",
            ),
            partner_survey=surveys.partner(
                "2026-11-12T08:40:00Z",
                "1 October – 6 November 2026",
                3,
                "Azure App Service, Azure Database for PostgreSQL, Azure Container Apps",
                "Yes",
                ADRIATICA.signature(),
            ),
            purpose="Market B (IT) invoice in '12.000,00 USD' format (correct); the customer "
            "survey signature has no title.",
            checks={"survey-signature": "fail"},
        )
    )

    # 3100015 -----------------------------------------------------------------------------
    fourth = Customer(
        "Fourth Coffee",
        "domain",
        "fourthcoffee.com",
        "US",
        False,
        "Tanya Brooks",
        "tanya.brooks@fourthcoffee.com",
        "VP Store Operations",
        "fourthcoffee.com",
    )
    template_copy = en.frontline_template("Fourth Coffee", "3 November 2026")
    add(
        Claim(
            "3100015",
            "fourth-coffee-frontline",
            "enable-frontline-workshop",
            FRIDAY,
            fourth,
            "2026-10-06",
            "2026-10-13",
            "2026-11-12T18:00:00Z",
            14000,
            docs=[
                invoice_doc(
                    "INV-FRI-2026-0452.pdf",
                    inv(
                        FRIDAY,
                        "FRI-2026-0452",
                        "2026-11-10T09:00:00Z",
                        "3100015",
                        "Enable Frontline Workshop",
                        "Fourth Coffee",
                        5000,
                        "usd_suffix",
                        "Enable Frontline Workshop delivered on 3 November 2026 – partner incentive",
                    ),
                    "pdf",
                ),
                replace(
                    report_doc(
                        "FourthCoffee_Frontline_Workshop_Report.pptx", template_copy, "pptx"
                    ),
                    near_copy_of="template",
                ),
            ],
            customer_survey=surveys.customer(
                "2026-11-10T20:00:00Z",
                "FridayINC",
                "Tanya Brooks, Fourth Coffee, VP Store Operations",
                "Ideas for barista scheduling.",
                satisfaction="Satisfied",
                adopt="Likely",
            ),
            partner_survey=surveys.partner(
                "2026-11-11T17:00:00Z",
                "3 November 2026",
                4,
                "Microsoft Teams frontline",
                "Under discussion",
                FRIDAY.signature("Jordan Blake", "Modern Work Consultant"),
            ),
            purpose="POE is the engagement's template example with only the customer name and "
            "the workshop date filled in (placeholders and guidance text left as they are).",
            checks={"duplicate-poe": "fail"},
        )
    )

    # 3100016 -----------------------------------------------------------------------------
    wingtip = Customer(
        "Wingtip Toys Pte. Ltd.",
        "domain",
        "wingtiptoys.com",
        "SG",
        False,
        "Jasmine Koh",
        "jasmine.koh@wingtiptoys.com",
        "Director of Retail",
        "wingtiptoys.com",
    )
    near_copy = replace_text(en.fabrikam_frontline(), "Fabrikam Asia", "Wingtip Toys")
    add(
        Claim(
            "3100016",
            "wingtip-toys-frontline",
            "enable-frontline-workshop",
            MERLION,
            wingtip,
            "2026-10-08",
            "2026-10-14",
            "2026-11-13T04:20:00Z",
            26000,
            docs=[
                invoice_doc(
                    "MS-INV-000851.docx",
                    inv(
                        MERLION,
                        "MS-000851",
                        "2026-11-11T02:00:00Z",
                        None,
                        "Enable Frontline Workshop",
                        wingtip.name,
                        4000,
                        "usd_prefix_cents",
                        "Enable Frontline Workshop – 4 November 2026 – incentive",
                        bill_to=BILL_TO_MS_SG,
                    ),
                    "docx",
                ),
                replace(
                    report_doc("Wingtip_Enable_Frontline_Workshop.pptx", near_copy, "pptx"),
                    near_copy_of="3100008/Fabrikam_Enable_Frontline_Workshop.pptx",
                ),
            ],
            customer_survey=surveys.customer(
                "2026-11-11T06:00:00Z",
                "Merlion Systems",
                "Jasmine Koh, Wingtip Toys Pte. Ltd., Director of Retail",
                "Shift planning for the holiday season.",
            ),
            partner_survey=surveys.partner(
                "2026-11-11T07:30:00Z",
                "4 November 2026",
                4,
                "Microsoft Teams frontline",
                "Yes – pilot",
                MERLION.signature(),
            ),
            purpose="Near copy: the deck is claim 3100008's with only the customer name changed "
            "(blurred e-mails still @fabrikam.com); the DOCX invoice has no claim ID.",
            checks={"duplicate-poe": "fail", "invoice-claim-id": "fail"},
        )
    )

    # 3100017 -----------------------------------------------------------------------------
    minato = Customer(
        "株式会社みなと物流 (Minato Logistics Co., Ltd.)",
        "tenant_id",
        "2d8e4f61-9a3b-47c2-b5e0-7f1a9c3d5e28",
        "JP",
        False,
        "渡辺 健二 (Kenji Watanabe)",
        "k.watanabe@minato-butsuryu.co.jp",
        "業務改革推進室 室長 (Head of Business Transformation)",
        "minato-butsuryu.co.jp",
    )
    add(
        Claim(
            "3100017",
            "minato-logistics-copilot",
            "gsi-copilot-m365-workshop",
            SAKURA,
            minato,
            "2026-09-18",
            "2026-09-29",
            "2026-11-05T02:10:00Z",
            30000,
            docs=[
                invoice_doc(
                    "SDS-INV-2026-1107.pdf",
                    inv(
                        SAKURA,
                        "SDS-2026-1107",
                        "2026-11-04T00:00:00Z",
                        "3100017",
                        "GSI Copilot for Microsoft 365 Workshop",
                        "Minato Logistics Co., Ltd.",
                        4800,
                        "usd_prefix",
                        "GSI Copilot for Microsoft 365 Workshop incentive – 20–21 October 2026",
                    ),
                    "pdf",
                ),
                report_doc("Minato_Copilot_Workshop_Report.pptx", intl.minato_copilot_ja(), "pptx"),
            ],
            customer_survey=surveys.customer(
                "2026-11-02T03:00:00Z",
                "Sakura Digital Solutions",
                SAKURA.signature(),
                "配車業務のメール処理時間を削減する見込みが立ったこと。",
            ),
            partner_survey=surveys.partner(
                "2026-11-04T01:00:00Z",
                "2026-10-20, 2026-10-21",
                4,
                "Copilot for Microsoft 365",
                "Yes – pilot with 15 users",
                SAKURA.signature(),
            ),
            purpose="Japanese PPTX; invoice amount 'USD 4,800' is the market B rate, not the market "
            "A rate $6,000; the customer survey was signed by the partner's own consultant "
            "(same signature as the partner survey).",
            checks={"invoice-amount": "fail", "survey-signature": "warn"},
        )
    )

    # 3100018 -----------------------------------------------------------------------------
    berthelot = Customer(
        "Maison Berthelot",
        "domain",
        "maison-berthelot.fr",
        "FR",
        False,
        "Élodie Berthelot",
        "elodie@maison-berthelot.fr",
        "Directrice commerciale",
        "maison-berthelot.fr",
    )
    berthelot_report = intl.berthelot_d365_fr()
    berthelot_deck = report_doc(
        "Berthelot_Evaluation_Besoins_D365_Sales.pptx", berthelot_report, "pptx"
    )
    add(
        Claim(
            "3100018",
            "maison-berthelot-d365-assessment",
            "needs-assessment-d365-sales",
            LUMIERE,
            berthelot,
            "2026-09-22",
            "2026-09-30",
            "2026-10-30T16:40:00Z",
            85000,
            docs=[
                invoice_doc(
                    "Facture_LC-2026-121.pdf",
                    inv(
                        LUMIERE,
                        "LC-2026-121",
                        "2026-10-26T09:00:00Z",
                        "3100018",
                        "Needs Assessment – Dynamics 365 Sales",
                        berthelot.name,
                        4500,
                        "eur_fr",
                        "Atelier d'évaluation des besoins Dynamics 365 Sales (13–15 octobre 2026)",
                        lang="fr",
                        bill_to=BILL_TO_MS_IE,
                        currency_note="Montants exprimés en euros (EUR). Autoliquidation de la TVA – "
                        "article 283-2 du CGI.",
                    ),
                    "pdf",
                ),
                berthelot_deck,
            ],
            customer_survey=surveys.customer(
                "2026-10-27T09:00:00Z",
                "Lumière Conseil",
                "Élodie Berthelot, Maison Berthelot, Directrice commerciale",
                "Une feuille de route claire pour le CRM.",
            ),
            partner_survey=surveys.partner(
                "2026-10-28T10:00:00Z",
                "13 – 15 octobre 2026",
                4,
                "Dynamics 365 Sales",
                "Oui – phase 1 en janvier 2027",
                LUMIERE.signature(),
            ),
            purpose="French PPTX; the invoice is in EUR ('4 500,00 EUR'), not USD. Claim 3100021 "
            "uploads this deck saved as PDF, so duplicate-poe flags this side too.",
            checks={"invoice-amount": "fail", "duplicate-poe": "fail"},
        )
    )

    # 3100019 -----------------------------------------------------------------------------
    al_noor = Customer(
        "Al Noor Hospitality Group",
        "opportunity_id",
        "7-2XKQ9B1M4T",
        "AE",
        False,
        "Hassan Al Mazrouei",
        "h.almazrouei@alnoorhospitality.ae",
        "Director of IT",
        "alnoorhospitality.ae",
    )
    al_noor_report = en.al_noor_poc()
    pdf_as_pptx = report_doc("AlNoor_PoC_Closure_Report.pptx", al_noor_report, "pdf")
    add(
        Claim(
            "3100019",
            "al-noor-innovate-poc",
            "azure-innovate-variable-poc",
            FALCON,
            al_noor,
            "2026-09-14",
            "2026-09-21",
            "2026-11-16T08:25:00Z",
            95000,
            requested_hours=40,
            docs=[
                invoice_doc(
                    "DST-INV-5581.pdf",
                    inv(
                        FALCON,
                        "DST-5581",
                        "2026-11-12T06:00:00Z",
                        "3100019",
                        "Azure Innovate PoC (variable payout)",
                        al_noor.name,
                        5600,
                        "usd_prefix_cents",
                        "Azure Innovate proof of concept – 40 hours, guest service assistant",
                        qty="40",
                        seller="Desert Stack Technologies LLC",
                        seller_lines=(
                            "Office 2207, Al Khatem Tower, ADGM Square",
                            "Al Maryah Island, Abu Dhabi, United Arab Emirates",
                            "TRN 100577216400003",
                            "accounts@desertstack.ae",
                        ),
                    ),
                    "pdf",
                ),
                pdf_as_pptx,
            ],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-11-12T07:00:00Z",
                "5 October – 6 November 2026",
                2,
                "Azure OpenAI, Azure AI Search, Azure Container Apps",
                "Yes – production design review",
                FALCON.signature(),
            ),
            comments=[
                {
                    "author": "partner",
                    "at": "2026-11-16T08:20:00Z",
                    "body": "The PoC was delivered with our subcontractor Desert Stack.",
                }
            ],
            purpose="Variable payout (40 h x $140 = $5,600); invoice issued by a subcontractor, not "
            "the partner; the 'deck' named .pptx is really a PDF.",
            checks={"invoice-partner-name": "fail", "file-types": "fail"},
        )
    )

    # 3100020 -----------------------------------------------------------------------------
    girassol = Customer(
        "Lojas Girassol S.A.",
        "domain",
        "lojasgirassol.com.br",
        "BR",
        False,
        "Marcos Oliveira",
        "marcos.oliveira@lojasgirassol.com.br",
        "IT Manager",
        "lojasgirassol.com.br",
    )
    girassol_mail = Email(
        subject="RE: NextGen Windows workshop on 22 September – attendees",
        sender_name="Marcos Oliveira",
        sender_email="marcos.oliveira@lojasgirassol.com.br",
        recipients=(Recipient("Rafael Souza", "rsouza@ipetecnologia.com.br"),),
        body=(
            "Hello Rafael,\r\n\r\nConfirmed for Tuesday, 22 September, 9:00 in the Campinas "
            "office. These are the people who will attend from Lojas Girassol:\r\n\r\n"
            "- Marcos Oliveira, IT Manager – marcos.oliveira@lojasgirassol.com.br\r\n"
            "- Fernanda Ribeiro, Store Systems Coordinator – "
            "fernanda.ribeiro@lojasgirassol.com.br\r\n"
            "- Thiago Martins, Support Analyst – thiago.martins@lojasgirassol.com.br\r\n\r\n"
            "Please bring the readiness script so we can run it on two store PCs during the "
            "session. We would also like to discuss the kiosks that still run Windows 10 LTSC "
            "and the options for the devices that cannot be upgraded.\r\n\r\n"
            "Thank you,\r\nMarcos Oliveira\r\nIT Manager | Lojas Girassol S.A.\r\n"
        ),
        sent_at=ts("2026-09-17T18:05:00Z"),
        message_id="<CP4P284MB1921A7C3@CP4P284MB1921.BRAP284.PROD.OUTLOOK.COM>",
    )
    add(
        Claim(
            "3100020",
            "lojas-girassol-nextgen-windows",
            "nextgen-windows-workshop",
            IPE,
            girassol,
            "2026-09-01",
            "2026-09-04",
            "2026-11-10T11:30:00Z",
            12000,
            docs=[
                invoice_doc(
                    "IPE-FAT-2026-0171.pdf",
                    inv(
                        IPE,
                        "IPE-2026-0171",
                        "2026-10-01T12:00:00Z",
                        "3100020",
                        "NextGen Windows Workshop",
                        girassol.name,
                        1750,
                        "us_dollar",
                        "NextGen Windows Workshop – 22 September 2026",
                    ),
                    "pdf",
                ),
                report_doc("Girassol_NextGen_Windows_Report.docx", en.girassol_windows(), "docx"),
                msg_doc(
                    "RE NextGen Windows workshop on 22 September - attendees.msg", girassol_mail
                ),
            ],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-10-02T14:00:00Z",
                "22 September 2026",
                3,
                "Windows 11, Intune, Windows Autopatch",
                "Yes",
                "Rafael",
            ),
            purpose="Submitted 67 days after consent, past the 60-day assessment deadline; the "
            "partner survey is signed with a first name only; an Outlook .msg (no "
            "attachment) lists customer e-mail addresses in clear.",
            checks={"deadline": "fail", "survey-signature": "fail", "pii-visible": "warn"},
        )
    )

    # 3100021 -----------------------------------------------------------------------------
    delaunay = Customer(
        "Champagne Delaunay Frères",
        "domain",
        "delaunay-freres.fr",
        "FR",
        False,
        "Antoine Delaunay",
        "antoine@delaunay-freres.fr",
        "Directeur général",
        "delaunay-freres.fr",
    )
    add(
        Claim(
            "3100021",
            "delaunay-d365-assessment",
            "needs-assessment-d365-sales",
            LUMIERE,
            delaunay,
            "2026-10-12",
            "2026-10-16",
            "2026-11-17T15:10:00Z",
            60000,
            docs=[
                invoice_doc(
                    "Facture_LC-2026-127.pdf",
                    inv(
                        LUMIERE,
                        "LC-2026-127",
                        "2026-11-16T09:00:00Z",
                        "3100021",
                        "Needs Assessment – Dynamics 365 Sales",
                        delaunay.name,
                        4500,
                        "fr",
                        "Atelier d'évaluation des besoins Dynamics 365 Sales",
                        lang="fr",
                        bill_to=BILL_TO_MS_IE,
                    ),
                    "pdf",
                ),
                replace(
                    report_doc(
                        "Delaunay_Evaluation_Besoins_D365.pdf", berthelot_report, "pptx-pdf"
                    ),
                    near_copy_of=f"3100018/{berthelot_deck.file}",
                ),
            ],
            customer_survey=surveys.customer(
                "2026-11-14T10:00:00Z",
                "Lumière Conseil",
                "Antoine Delaunay, Champagne Delaunay Frères, Directeur général",
                "Une première vision de Dynamics 365 Sales.",
            ),
            partner_survey=surveys.sent(),
            purpose="POE is claim 3100018's PPTX saved as PDF (same content, other format, other "
            "customer's name inside); the partner survey was sent but never completed.",
            checks={"completeness": "fail", "duplicate-poe": "fail"},
        )
    )

    # 3100022 -----------------------------------------------------------------------------
    trey = Customer(
        "Trey Research India Private Limited",
        "domain",
        "treyresearch.in",
        "IN",
        False,
        "Meera Pillai",
        "meera.pillai@treyresearch.in",
        "IT Director",
        "treyresearch.in",
    )
    add(
        Claim(
            "3100022",
            "trey-research-nextgen-windows",
            "nextgen-windows-workshop",
            INDUS,
            trey,
            "2026-10-06",
            "2026-10-09",
            "2026-11-16T07:45:00Z",
            16000,
            docs=[
                copy_doc("ITW-INV-2026-0288.pdf", navapur_invoice, "3100006"),
                copy_doc("Navapur_Windows11_Readiness_Report.docx", navapur_report, "3100006"),
                xls_doc(
                    "TreyResearch_Device_Inventory.xls",
                    [
                        Sheet("Devices", en.TREY_DEVICES, [14, 14, 26, 22, 9, 8, 16, 26]),
                        Sheet("Notes", [[en.TREY_NOTES]], [110]),
                    ],
                    ("TRI-BLR-L001", "Trey Research India"),
                ),
            ],
            customer_survey=surveys.not_initiated(),
            partner_survey=surveys.partner(
                "2026-11-13T09:00:00Z",
                "27 October 2026",
                4,
                "Windows 11, Intune",
                "Yes",
                INDUS.signature(),
            ),
            purpose="Partner re-uploaded claim 3100006's files: the invoice (showing claim 3100006) "
            "and the readiness report are exact byte copies; only the .xls is new.",
            checks={"duplicate-poe": "fail", "invoice-unique": "fail", "invoice-claim-id": "fail"},
        )
    )
    return claims
