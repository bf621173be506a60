"""Partners and customers of the sample claims (all fictitious)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Partner:
    partner_id: str
    name: str  # as registered in the programme
    legal_name: str  # as printed on invoices
    city: str
    country: str
    domain: str
    contact_name: str
    contact_title: str
    address: tuple[str, ...]
    tax_id: str
    invoice_prefix: str

    @property
    def location(self) -> str:
        return f"{self.name}, {self.country}, {self.city}"

    @property
    def contact_email(self) -> str:
        first, _, last = self.contact_name.partition(" ")
        return f"{first[0].lower()}{last.lower().replace(' ', '')}@{self.domain}"

    def signature(self, person: str | None = None, title: str | None = None) -> str:
        return f"{person or self.contact_name}, {self.name}, {title or self.contact_title}"


@dataclass(frozen=True)
class Customer:
    name: str
    id_type: str
    id: str
    country: str
    public_sector: bool
    contact_name: str
    contact_email: str
    contact_title: str
    domain: str
    domain_mismatch_reason: str | None = None


def blur(email: str) -> str:
    """Blur the mailbox of an address, keeping its domain: s****@contoso.com."""
    local, _, domain = email.partition("@")
    return f"{local[0]}****@{domain}"


FRIDAY = Partner(
    "5272302",
    "FridayINC",
    "FridayINC Inc.",
    "Las Vegas",
    "US",
    "fridayinc.com",
    "Priya Kaur",
    "Delivery Lead",
    ("3960 Howard Hughes Pkwy, Suite 500", "Las Vegas, NV 89169", "United States"),
    "EIN 88-4417392",
    "FRI",
)
SAKURA = Partner(
    "6104418",
    "Sakura Digital Solutions",
    "Sakura Digital Solutions K.K.",
    "Tokyo",
    "JP",
    "sakuradigital.co.jp",
    "Haruto Sato",
    "Principal Consultant",
    ("2-7-1 Marunouchi, Chiyoda-ku", "Tokyo 100-0005", "Japan"),
    "Registration No. T4010401198732",
    "SDS",
)
LUMIERE = Partner(
    "6231177",
    "Lumière Conseil",
    "Lumière Conseil SAS",
    "Lyon",
    "FR",
    "lumiere-conseil.fr",
    "Camille Moreau",
    "Directrice de projet",
    ("18 quai Jean Moulin", "69002 Lyon", "France"),
    "SIRET 842 117 530 00021 – TVA FR27842117530",
    "LC",
)
FALCON = Partner(
    "6398820",
    "Falcon Cloud Services",
    "Falcon Cloud Services FZ-LLC",
    "Dubai",
    "AE",
    "falconcloud.ae",
    "Omar Haddad",
    "Security Practice Lead",
    (
        "Office 1104, Building 3, Dubai Internet City",
        "PO Box 502117, Dubai",
        "United Arab Emirates",
    ),
    "TRN 100394827100003",
    "FCS",
)
INDUS = Partner(
    "6450913",
    "Indus Techworks",
    "Indus Techworks Private Limited",
    "Pune",
    "IN",
    "industechworks.in",
    "Ananya Iyer",
    "Engagement Manager",
    ("Unit 602, Panchshil Tech Park, Yerwada", "Pune, Maharashtra 411006", "India"),
    "GSTIN 27AAGCI4821M1Z5",
    "ITW",
)
IPE = Partner(
    "6512204",
    "Ipê Tecnologia",
    "Ipê Tecnologia Ltda.",
    "São Paulo",
    "BR",
    "ipetecnologia.com.br",
    "Rafael Souza",
    "Cloud Practice Manager",
    ("Av. Brigadeiro Faria Lima, 3477 – 9º andar", "São Paulo – SP, 04538-133", "Brazil"),
    "CNPJ 31.442.918/0001-07",
    "IPE",
)
CARIBE = Partner(
    "6577031",
    "Caribe Cloud Partners",
    "Caribe Cloud Partners LLC",
    "San Juan",
    "PR",
    "caribecloud.com",
    "Gabriela Rivera",
    "Managing Director",
    ("1250 Ave. Ponce de León, Suite 801", "San Juan, PR 00907", "Puerto Rico"),
    "EIN 66-0931274",
    "CCP",
)
NORDLICHT = Partner(
    "6603392",
    "Nordlicht IT",
    "Nordlicht IT GmbH",
    "Hamburg",
    "DE",
    "nordlicht-it.de",
    "Jonas Becker",
    "Senior Consultant",
    ("Am Sandtorkai 48", "20457 Hamburg", "Germany"),
    "USt-IdNr. DE318274651",
    "NIT",
)
MERLION = Partner(
    "6648125",
    "Merlion Systems",
    "Merlion Systems Pte. Ltd.",
    "Singapore",
    "SG",
    "merlionsystems.sg",
    "Wei Ling Tan",
    "Modern Work Lead",
    ("80 Robinson Road, #17-02", "Singapore 068898"),
    "UEN 201934562K",
    "MS",
)
MAPLE = Partner(
    "6702246",
    "Maple Bridge Technologies",
    "Maple Bridge Technologies Inc.",
    "Toronto",
    "CA",
    "maplebridgetech.ca",
    "Ethan Tremblay",
    "Power Platform Lead",
    ("200 Bay Street, Suite 2400", "Toronto, ON M5J 2J2", "Canada"),
    "BN 784512309RT0001",
    "MBT",
)
BLUESTEM = Partner(
    "6755480",
    "Bluestem Consulting",
    "Bluestem Consulting LLC",
    "Kansas City",
    "US",
    "bluestemconsulting.com",
    "Marcus Reed",
    "Education Practice Director",
    ("1100 Main Street, Suite 1600", "Kansas City, MO 64105", "United States"),
    "EIN 47-2281936",
    "BSC",
)
ADRIATICA = Partner(
    "6810337",
    "Adriatica Digitale",
    "Adriatica Digitale S.r.l.",
    "Milan",
    "IT",
    "adriaticadigitale.it",
    "Giulia Romano",
    "Cloud Architect",
    ("Via Melchiorre Gioia 8", "20124 Milano MI", "Italy"),
    "P.IVA IT10928370961",
    "AD",
)

# Markets by partner country (DOMAIN.md); every other country is C.
MARKET_A = set(
    [
        "AU",
        "AT",
        "BE",
        "CA",
        "DK",
        "FI",
        "FR",
        "DE",
        "IS",
        "IE",
        "LU",
        "NL",
        "NZ",
        "NO",
        "SE",
        "CH",
        "GB",
        "US",
        "JP",
    ]
)
MARKET_B = set(
    [
        "AE",
        "BS",
        "BH",
        "BA",
        "BN",
        "KY",
        "CI",
        "EE",
        "HK",
        "IT",
        "IL",
        "JO",
        "JM",
        "KW",
        "LB",
        "MU",
        "OM",
        "QA",
        "PR",
        "SA",
        "SN",
        "SG",
        "ES",
        "SI",
    ]
)


def market(country: str) -> str:
    return "A" if country in MARKET_A else "B" if country in MARKET_B else "C"
