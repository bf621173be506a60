"""English partner deliverables, one builder per sample claim."""

from __future__ import annotations

from datetime import UTC, datetime

from .model import Report, bullets, section, table
from .people import (
    blur,
)


def day(text: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(text).replace(hour=hour, tzinfo=UTC)


CONFIDENTIAL = "Confidential – prepared for the named customer only"


def contoso_ammp() -> Report:
    return Report(
        title="Application Modernization Report – OrderHub to Azure",
        subtitle="Contoso Ltd | AMMP App/Data Modernization (Small)",
        facts=(
            ("Customer", "Contoso Ltd, Las Vegas, NV"),
            ("Partner", "FridayINC Inc."),
            ("Project window", "14 September – 23 October 2026"),
            ("Prepared by", "Tom Alvarez, Cloud Architect, FridayINC"),
            ("Version", "1.2 – final, accepted by customer on 26 October 2026"),
        ),
        sections=(
            section(
                "Engagement Overview",
                "Contoso Ltd distributes industrial safety equipment to more than 4,000 "
                "contractors in the western United States. Its order management application, "
                "OrderHub, ran on two Windows Server 2012 R2 virtual machines and a SQL Server "
                "2014 instance in the Las Vegas co-location facility whose lease ends in March "
                "2027. Contoso asked FridayINC to assess its line-of-business applications, "
                "build an Azure landing zone and move OrderHub with its database to Azure "
                "platform services before the peak ordering season in November.",
                bullets(
                    "Assess three candidate applications for Azure compatibility",
                    "Design and deploy a landing zone that the Contoso IT team can operate",
                    "Migrate OrderHub and its database, with a tested rollback plan",
                    "Hand over runbooks and train the operations team",
                ),
            ),
            section(
                "Project Plan and Attendees",
                table(
                    ["Date", "Activity", "Contoso participants"],
                    [
                        [
                            "14 Sep 2026",
                            "Kick-off and discovery workshop (on site)",
                            "Daniel Park, Susie Jones, Maria Gonzalez",
                        ],
                        [
                            "16–22 Sep 2026",
                            "Azure Migrate discovery and code scan with .NET Upgrade Assistant",
                            "Susie Jones",
                        ],
                        [
                            "24 Sep 2026",
                            "Compatibility review and target architecture decision",
                            "Daniel Park, Kevin O'Brien",
                        ],
                        [
                            "28 Sep – 9 Oct 2026",
                            "Landing zone build and security baseline",
                            "Susie Jones",
                        ],
                        [
                            "12–20 Oct 2026",
                            "OrderHub migration, test cycles and cutover",
                            "Maria Gonzalez, order desk key users",
                        ],
                        ["23 Oct 2026", "Operations handover and sign-off", "Daniel Park"],
                    ],
                    widths=(1.2, 3, 2),
                ),
                table(
                    ["Name", "Title", "Organization", "Email"],
                    [
                        [
                            "Daniel Park",
                            "Director of IT Applications",
                            "Contoso Ltd",
                            blur("daniel.park@contoso.com"),
                        ],
                        [
                            "Susie Jones",
                            "IT Systems Administrator",
                            "Contoso Ltd",
                            blur("susie@contoso.com"),
                        ],
                        [
                            "Maria Gonzalez",
                            "Database Administrator",
                            "Contoso Ltd",
                            blur("maria.gonzalez@contoso.com"),
                        ],
                        [
                            "Kevin O'Brien",
                            "Finance Systems Analyst",
                            "Contoso Ltd",
                            blur("kevin.obrien@contoso.com"),
                        ],
                        ["Priya Kaur", "Delivery Lead", "FridayINC", "pkaur@fridayinc.com"],
                        ["Tom Alvarez", "Cloud Architect", "FridayINC", "talvarez@fridayinc.com"],
                    ],
                    widths=(1.4, 2, 1.3, 2),
                ),
            ),
            section(
                "Application Compatibility Assessment",
                "We assessed OrderHub, the dealer portal (DealerLink) and the warehouse label "
                "service. Azure Migrate discovered 11 servers; the .NET Upgrade Assistant and the "
                "Data Migration Assistant scanned the three code bases and their four databases. "
                "The detailed inventory is attached as Contoso_Application_Inventory.xlsx.",
                bullets(
                    "OrderHub (.NET Framework 4.6.2, WCF services): compatible with Azure App "
                    "Service for Windows after replacing two calls to the local file share with "
                    "Azure Files; no code rewrite needed.",
                    "OrderHub database (SQL Server 2014, 212 GB): compatible with Azure SQL "
                    "Managed Instance; one cross-database query to the ERP staging database had to "
                    "be replaced by a linked table refresh.",
                    "DealerLink (PHP 7.2): runtime out of support; recommended for a later "
                    "re-platform to PHP 8.2 on App Service, not part of this project.",
                    "Warehouse label service: depends on a USB label printer driver and stays on "
                    "premises until the warehouse printers are replaced.",
                ),
            ),
            section(
                "Landing Zone",
                "The landing zone follows the Cloud Adoption Framework small-enterprise design, "
                "deployed with Bicep from the Contoso Azure DevOps project so the IT team can "
                "redeploy it.",
                bullets(
                    "Hub-and-spoke network in West US 3 with a site-to-site VPN to the Las Vegas "
                    "office (2 x 500 Mbps) and Azure Firewall Standard in the hub.",
                    "Management groups for Platform, Production and Non-production; Azure Policy "
                    "assignments for allowed regions, required tags and Defender for Cloud.",
                    "Microsoft Entra ID groups for the application, database and operations roles; "
                    "Privileged Identity Management for the two subscription owners.",
                    "Log Analytics workspace with 90-day retention, Azure Monitor alerts to the "
                    "Contoso IT on-call mailbox, and Azure Backup for the Managed Instance.",
                ),
            ),
            section(
                "Deployment",
                "OrderHub was deployed to an App Service Premium v3 plan with two instances and "
                "its database to a General Purpose SQL Managed Instance (8 vCores). The database "
                "was seeded with the Managed Instance link and cut over on Saturday 17 October "
                "2026 with 38 minutes of planned downtime. Three test cycles ran with the order "
                "desk key users; 146 of 148 test cases passed and the two failures (report "
                "footer layout) were fixed before go-live.",
                table(
                    ["Measure", "Before (on premises)", "After (Azure)"],
                    [
                        ["Average order entry response", "2.8 s", "0.9 s"],
                        ["Nightly invoice batch", "3 h 10 min", "1 h 05 min"],
                        ["Recovery point objective", "24 h (tape)", "5 min (PITR)"],
                        ["Servers to patch", "3", "0"],
                    ],
                    widths=(2, 1.5, 1.5),
                ),
                "Runbooks for scaling, restore and certificate renewal were walked through with "
                "Susie Jones and Maria Gonzalez on 23 October 2026.",
            ),
            section(
                "Next Steps",
                bullets(
                    "Decommission the two OrderHub virtual machines after the 30-day parallel "
                    "retention period (target 20 November 2026).",
                    "Plan the DealerLink re-platform to PHP 8.2 for Q1 2027.",
                    "Turn on Azure Savings Plan for compute once the first full month of usage "
                    "is known.",
                ),
            ),
        ),
        author="Tom Alvarez",
        company="FridayINC",
        when=day("2026-10-26", 16),
        footer=CONFIDENTIAL,
    )


CONTOSO_INVENTORY_HEADER = [
    "Application",
    "Business owner",
    "Technology",
    "Database",
    "Users",
    "Assessment result",
    "Blockers / remediation",
    "Target",
    "Wave",
]
CONTOSO_INVENTORY = [
    [
        "OrderHub",
        "Order desk",
        ".NET Framework 4.6.2, WCF",
        "SQL Server 2014 (212 GB)",
        180,
        "Ready with conditions",
        "Replace UNC share with Azure Files; remove cross-DB query",
        "App Service + SQL MI",
        "1 (done)",
    ],
    [
        "OrderHub reporting",
        "Finance",
        "SSRS 2014",
        "SQL Server 2014",
        35,
        "Ready",
        "Move reports to Power BI paginated reports",
        "Power BI Premium per user",
        "1 (done)",
    ],
    [
        "DealerLink",
        "Sales",
        "PHP 7.2, Apache",
        "MySQL 5.7 (18 GB)",
        1200,
        "Not ready",
        "PHP runtime out of support; upgrade to 8.2 first",
        "App Service Linux",
        "2 (2027)",
    ],
    [
        "Warehouse label service",
        "Warehouse",
        "VB6 + USB printer driver",
        "Access 2010",
        12,
        "Not ready",
        "Hardware dependency on Zebra USB printers",
        "Stay on premises",
        "-",
    ],
    [
        "ERP staging",
        "Finance",
        "SSIS 2014",
        "SQL Server 2014 (64 GB)",
        4,
        "Ready",
        "Rebuild packages in Azure Data Factory",
        "Data Factory + SQL MI",
        "2 (2027)",
    ],
    [
        "Contractor price lists",
        "Sales",
        "Excel + SharePoint 2013",
        "-",
        60,
        "Ready",
        "Move to SharePoint Online",
        "Microsoft 365",
        "2 (2027)",
    ],
]


def contoso_inventory_notes() -> list[str]:
    return [
        "Assessment notes",
        "This workbook lists the applications that FridayINC assessed for Contoso Ltd during "
        "the AMMP App/Data Modernization project in September and October 2026. Each row shows "
        "the business owner, the current technology and database, the number of users, and the "
        "result of the Azure compatibility assessment made with Azure Migrate, the .NET Upgrade "
        "Assistant and the Data Migration Assistant. Applications marked ready with conditions "
        "need the listed remediation before they move. OrderHub and its reporting were migrated "
        "in wave 1; the other applications are planned for a second wave in 2027 once the "
        "blockers listed here are removed by the Contoso IT team.",
    ]


def riverton_frontline() -> Report:
    return Report(
        title="Enable Frontline Workshop – Findings and Recommendations",
        subtitle="City of Riverton, Department of Public Works",
        facts=(
            ("Customer", "City of Riverton – Department of Public Works, Riverton, WY"),
            ("Workshop date", "13 October 2026, 8:30 am – 3:30 pm (Riverton City Hall)"),
            ("Delivered by", "FridayINC Inc. – Priya Kaur, Jordan Blake"),
            ("Document date", "19 October 2026"),
        ),
        sections=(
            section(
                "Executive Summary",
                "The Department of Public Works employs 164 field staff across streets, water "
                "distribution, fleet and parks. Crews receive work orders on paper at the 6:30 am "
                "muster, call the dispatcher by radio to close them, and supervisors re-key the "
                "results into the asset system at the end of the day. During the workshop the "
                "department's leadership agreed that the biggest cost of this process is the "
                "lag between work done in the field and the information reaching residents and "
                "the council.",
                "We identified three frontline scenarios with a clear owner and a measurable "
                "outcome, and recommend starting with digital work orders for the water "
                "distribution crews in a six-week pilot on the licences the city already owns "
                "through its government agreement.",
            ),
            section(
                "Agenda",
                table(
                    ["Time", "Session", "Lead"],
                    [
                        [
                            "8:30",
                            "Welcome, objectives and introductions",
                            "Director of Public Works",
                        ],
                        [
                            "8:45",
                            "A day in the life: ride-along debrief (street and water crews)",
                            "FridayINC",
                        ],
                        ["10:00", "Frontline scenario mapping", "FridayINC"],
                        [
                            "11:30",
                            "Demonstration: Shifts, Walkie Talkie, Approvals and Lists in Teams",
                            "FridayINC",
                        ],
                        ["12:30", "Working lunch", ""],
                        ["1:15", "Envisioning session and prioritisation", "All"],
                        ["2:45", "Pilot plan, licensing and next steps", "FridayINC"],
                    ],
                    widths=(0.8, 4, 1.6),
                ),
            ),
            section(
                "Attendees",
                table(
                    ["Name", "Title", "Organization", "Email"],
                    [
                        [
                            "Angela Whitfield",
                            "Director of Public Works",
                            "City of Riverton",
                            blur("awhitfield@rivertonwy.gov"),
                        ],
                        [
                            "Luis Herrera",
                            "Water Distribution Superintendent",
                            "City of Riverton",
                            blur("lherrera@rivertonwy.gov"),
                        ],
                        [
                            "Dana Kowalski",
                            "Streets Supervisor",
                            "City of Riverton",
                            blur("dkowalski@rivertonwy.gov"),
                        ],
                        [
                            "Brian Tso",
                            "IT Manager",
                            "City of Riverton",
                            blur("btso@rivertonwy.gov"),
                        ],
                        [
                            "Rachel Moon",
                            "Fleet Coordinator",
                            "City of Riverton",
                            blur("rmoon@rivertonwy.gov"),
                        ],
                        ["Priya Kaur", "Delivery Lead", "FridayINC", ""],
                        ["Jordan Blake", "Modern Work Consultant", "FridayINC", ""],
                    ],
                    widths=(1.5, 2.2, 1.4, 2),
                ),
            ),
            section(
                "Frontline Scenarios",
                bullets(
                    "Digital work orders for water crews: dispatch leak and valve jobs to a "
                    "Teams list on rugged phones, with photos and GPS captured at close-out "
                    "(owner: Luis Herrera).",
                    "Shift and on-call scheduling: replace the whiteboard and the shared "
                    "spreadsheet for winter snow-plough rotations with Shifts, including swap "
                    "requests approved by the supervisor (owner: Dana Kowalski).",
                    "Vehicle pre-trip inspections: a Forms checklist in Teams that raises an "
                    "Approvals request to the fleet coordinator when a defect is reported "
                    "(owner: Rachel Moon).",
                    "Crew communication: Walkie Talkie in Teams on the same devices, to retire "
                    "the 14 ageing analog radios used by the parks team.",
                ),
            ),
            section(
                "Envisioning Session",
                "Participants scored each scenario for value to residents, effort and risk. "
                "Digital work orders scored highest: the water team closes about 310 work orders "
                "a month and supervisors spend roughly nine hours a week re-keying them. Shift "
                "scheduling came second because the snow season starts in November. Brian Tso "
                "confirmed that the city's Microsoft 365 G3 tenant already includes Teams, Shifts "
                "and Approvals, and that 40 frontline F3 licences can be assigned from the existing "
                "agreement without new purchasing.",
                bullets(
                    "Concern raised: coverage on the north-side water routes – the pilot will "
                    "test offline form submission.",
                    "Concern raised: union notice for schedule changes – Shifts will publish "
                    "rotations at least 14 days ahead, as today.",
                ),
            ),
            section(
                "Next Steps",
                table(
                    ["Action", "Owner", "Due"],
                    [
                        [
                            "Assign F3 licences and enrol 20 rugged phones in Intune",
                            "Brian Tso",
                            "30 Oct 2026",
                        ],
                        [
                            "Build the work-order list, close-out form and Power BI dashboard",
                            "FridayINC",
                            "6 Nov 2026",
                        ],
                        [
                            "Six-week pilot with two water crews",
                            "Luis Herrera",
                            "9 Nov – 18 Dec 2026",
                        ],
                        [
                            "Publish the winter on-call rotation in Shifts",
                            "Dana Kowalski",
                            "15 Nov 2026",
                        ],
                        [
                            "Pilot review with the Director of Public Works",
                            "Angela Whitfield",
                            "8 Jan 2027",
                        ],
                    ],
                    widths=(3.5, 1.5, 1.5),
                ),
            ),
        ),
        author="Jordan Blake",
        company="FridayINC",
        when=day("2026-10-19", 14),
        footer="FridayINC | Enable Frontline Workshop | City of Riverton",
    )


def riverton_psd() -> Report:
    return Report(
        title="Public Sector Disclosure",
        subtitle="Disclosure of Microsoft incentive funding to a public sector customer",
        facts=(
            (
                "Public sector customer",
                "City of Riverton – Department of Public Works, Riverton, Wyoming, United States",
            ),
            ("Partner", "FridayINC Inc. (Partner ID 5272302)"),
            ("Engagement", "Enable Frontline Workshop"),
            ("Date of disclosure", "6 October 2026"),
        ),
        sections=(
            section(
                "Disclosure",
                "The City of Riverton is a government entity, a municipal public sector "
                "organization in the United States. FridayINC Inc. is delivering the Enable "
                "Frontline Workshop to the City of Riverton Department of Public Works under the "
                "Microsoft Commerce Incentives (MCI) engagements programme.",
                "FridayINC discloses to the City of Riverton that Microsoft will pay FridayINC "
                "an incentive payment for delivering this engagement. The incentive is paid by "
                "Microsoft to FridayINC, not by the City, and the City will not be charged for "
                "the workshop. The incentive payment was disclosed to the customer before the "
                "workshop, and the City confirms that accepting the engagement does not conflict "
                "with its procurement, ethics or gift rules.",
            ),
            section(
                "Acknowledgement",
                "By signing below, the customer acknowledges that it has received this "
                "disclosure of the incentive payment and that it is permitted under the laws "
                "and regulations that apply to the City of Riverton.",
                table(
                    ["", "Customer", "Partner"],
                    [
                        ["Name", "Angela Whitfield", "Priya Kaur"],
                        ["Title", "Director of Public Works", "Delivery Lead"],
                        ["Organization", "City of Riverton", "FridayINC Inc."],
                        ["Signature", "/s/ Angela Whitfield", "/s/ Priya Kaur"],
                        ["Date", "6 October 2026", "6 October 2026"],
                    ],
                    widths=(1, 2, 2),
                ),
            ),
        ),
        author="Priya Kaur",
        company="FridayINC",
        when=day("2026-10-06", 11),
    )


def wwi_defend_threats() -> Report:
    return Report(
        title="Defend Against Threats with SIEM Plus XDR Workshop",
        subtitle="Wide World Importers LLC – results and recommendations",
        facts=(
            ("Customer", "Wide World Importers LLC, Jebel Ali Free Zone, Dubai"),
            ("Engagement period", "5 – 16 October 2026 (two-week threat exploration)"),
            ("Partner", "Falcon Cloud Services – Omar Haddad, Reem Al Suwaidi"),
            ("Report date", "20 October 2026"),
        ),
        sections=(
            section(
                "Engagement Overview",
                "Wide World Importers runs the regional distribution of consumer electronics "
                "for nine Gulf markets from its Jebel Ali warehouse, with 620 users on Microsoft "
                "365 E3 and a mixed estate of 85 servers. The security team of three relies on "
                "firewall logs and a managed antivirus console and has no central view of "
                "identity or e-mail threats. The workshop connected Microsoft Sentinel and the "
                "Microsoft Defender XDR trial to the production tenant for two weeks to show "
                "what the team was not seeing.",
            ),
            section(
                "Agenda and Attendees",
                table(
                    ["Day", "Session"],
                    [
                        [
                            "5 Oct",
                            "Kick-off, scope and data connectors (Entra ID, Defender for "
                            "Office 365, Azure Activity, FortiGate CEF)",
                        ],
                        ["6–14 Oct", "Threat exploration: data collection and analyst triage"],
                        ["15 Oct", "Threat results presentation and MITRE ATT&CK walkthrough"],
                        ["16 Oct", "Recommendations, cost model and next steps"],
                    ],
                    widths=(1, 5),
                ),
                table(
                    ["Name", "Title", "Organization"],
                    [
                        [
                            "Layla Mansour",
                            "Chief Information Security Officer",
                            "Wide World Importers",
                        ],
                        ["Arjun Menon", "IT Infrastructure Manager", "Wide World Importers"],
                        ["Fatima Rahman", "Security Analyst", "Wide World Importers"],
                        ["Omar Haddad", "Security Practice Lead", "Falcon Cloud Services"],
                        ["Reem Al Suwaidi", "Senior SOC Analyst", "Falcon Cloud Services"],
                    ],
                    widths=(2, 3, 2),
                ),
            ),
            section(
                "Threat Exploration",
                "Over ten days Sentinel ingested 41 GB of logs. The Falcon analysts triaged 57 "
                "incidents; 12 were confirmed as true positives.",
                bullets(
                    "Password spray against 140 accounts from two hosting providers; three "
                    "accounts without MFA were signed in successfully and were reset on day 4.",
                    "Invoice-fraud phishing campaign impersonating a Shenzhen supplier: 23 "
                    "messages delivered, 2 users clicked, no credentials entered (Defender for "
                    "Office 365 detonation).",
                    "Legacy authentication still used by 31 mailboxes (IMAP from handheld "
                    "scanners), bypassing conditional access.",
                    "A domain controller exposing RDP to the warehouse VLAN with 4,900 failed "
                    "logons from one compromised kiosk PC.",
                ),
            ),
            section(
                "Microsoft Sentinel Deployment",
                "The workspace was deployed in UAE North with 90-day interactive retention. "
                "Connectors, analytics rules and automation were left running for the customer "
                "team after the workshop.",
                table(
                    ["Component", "Configuration"],
                    [
                        [
                            "Data connectors",
                            "Entra ID sign-in and audit, Defender XDR, Office 365, "
                            "Azure Activity, FortiGate via AMA/CEF",
                        ],
                        [
                            "Analytics rules",
                            "38 scheduled rules from the Content Hub, 6 tuned for "
                            "the warehouse VLANs",
                        ],
                        [
                            "Automation",
                            "Playbook that disables a user and notifies the CISO on a "
                            "high-severity identity incident",
                        ],
                        ["Workbooks", "Identity and access, Office 365, FortiGate traffic"],
                        [
                            "Estimated cost",
                            "About USD 1,150 per month at 4.1 GB/day with the "
                            "100 GB commitment tier not yet needed",
                        ],
                    ],
                    widths=(1.5, 4),
                ),
            ),
            section(
                "Findings and Recommendations",
                bullets(
                    "Enforce MFA for all users with conditional access and block legacy "
                    "authentication; replace IMAP on the scanners with the modern auth client "
                    "(within 30 days).",
                    "Keep Sentinel in production with the tuned rule set and add the Defender "
                    "for Endpoint connector once the E5 Security add-on is licensed.",
                    "Remove RDP exposure from the warehouse VLAN and isolate kiosk PCs in their "
                    "own segment.",
                    "Run an attack simulation training campaign on supplier-invoice phishing for "
                    "the finance and procurement teams.",
                ),
                "Layla Mansour confirmed the recommendations and asked Falcon Cloud Services for "
                "a proposal for a managed detection and response service starting in January "
                "2027.",
            ),
        ),
        author="Reem Al Suwaidi",
        company="Falcon Cloud Services",
        when=day("2026-10-20", 10),
        footer="Falcon Cloud Services | Confidential",
    )


def navapur_windows() -> Report:
    return Report(
        title="Windows 11 Readiness Assessment Report",
        subtitle="Navapur Municipal Corporation | NextGen Windows Workshop",
        facts=(
            ("Customer", "Navapur Municipal Corporation, Navapur, Maharashtra"),
            ("Workshop", "14 October 2026, Civic Centre conference hall"),
            ("Partner", "Indus Techworks Private Limited"),
            ("Assessment scope", "1,284 devices across 6 ward offices and headquarters"),
        ),
        sections=(
            section(
                "Engagement Overview",
                "Navapur Municipal Corporation provides property tax, water supply, birth and "
                "death registration and building permission services to about 310,000 residents. "
                "Most of its desktops still run Windows 10, which reached end of support in "
                "October 2025, and the corporation pays for extended security updates on 400 of "
                "them. The Commissioner's office asked Indus Techworks to assess readiness for "
                "Windows 11 and to recommend a deployment and management approach that the "
                "small IT cell can run.",
                table(
                    ["Time", "Session"],
                    [
                        ["10:00", "Opening by the Deputy Commissioner (IT)"],
                        ["10:20", "Windows 11 and Windows 365: security and management overview"],
                        ["11:30", "Results of the device assessment"],
                        ["13:30", "Intune and Autopatch demonstration"],
                        ["15:00", "Recommendations and roadmap discussion"],
                    ],
                    widths=(1, 5),
                ),
                table(
                    ["Name", "Title", "Organization"],
                    [
                        [
                            "Sunil Deshmukh",
                            "Deputy Commissioner (IT)",
                            "Navapur Municipal Corporation",
                        ],
                        ["Kavita Patil", "System Administrator", "Navapur Municipal Corporation"],
                        ["Rahul Jadhav", "Network Engineer", "Navapur Municipal Corporation"],
                        ["Ananya Iyer", "Engagement Manager", "Indus Techworks"],
                        ["Vikram Rao", "Endpoint Consultant", "Indus Techworks"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Device Assessment",
                "Device data was collected with the Microsoft Configuration Manager inventory "
                "already in place and a PowerShell hardware readiness script run through group "
                "policy. The device list is attached as a spreadsheet.",
                table(
                    ["Category", "Devices", "Share"],
                    [
                        ["Ready for Windows 11 in place upgrade", "702", "55%"],
                        ["Ready after BIOS update / TPM enablement", "231", "18%"],
                        ["Processor not supported (replace or Windows 365)", "319", "25%"],
                        ["Not reporting", "32", "2%"],
                    ],
                    widths=(4, 1, 1),
                ),
            ),
            section(
                "Windows Readiness Report",
                bullets(
                    "Applications: 46 applications inventoried; the property tax client "
                    "(Java 8) and the GIS viewer passed testing on Windows 11 23H2; the scanner "
                    "driver used at ward counters needs vendor version 5.2.",
                    "Security: BitLocker is enabled on only 12% of laptops; Secure Boot is off "
                    "on 231 devices with a capable TPM.",
                    "Management: devices are domain joined only; no cloud management, and "
                    "monthly patching is done manually by two administrators.",
                    "Connectivity: ward offices have 50–100 Mbps links; feature updates should "
                    "use Delivery Optimization peer caching.",
                ),
            ),
            section(
                "Recommendations",
                bullets(
                    "Co-manage devices with Intune and move patching to Windows Autopatch.",
                    "Upgrade the 933 ready devices in three rings between December 2026 and "
                    "March 2027, headquarters first.",
                    "Replace or move to Windows 365 the 319 unsupported devices, prioritising "
                    "citizen-facing counters.",
                    "Enforce BitLocker and Secure Boot through Intune compliance policies.",
                ),
            ),
        ),
        author="Vikram Rao",
        company="Indus Techworks",
        when=day("2026-10-21", 12),
        footer="Indus Techworks | Prepared for Navapur Municipal Corporation",
    )


NAVAPUR_DEVICES = [
    [
        "Device name",
        "Ward / site",
        "Model",
        "CPU",
        "RAM (GB)",
        "TPM",
        "Secure Boot",
        "Windows 11 ready",
        "Action",
    ],
    [
        "NMC-HQ-0012",
        "Headquarters",
        "Dell OptiPlex 7090",
        "Intel Core i5-10500",
        16,
        "2.0",
        "On",
        "Yes",
        "Ring 1 upgrade",
    ],
    [
        "NMC-HQ-0147",
        "Headquarters",
        "HP ProDesk 400 G4",
        "Intel Core i3-7100",
        8,
        "2.0",
        "Off",
        "No (CPU)",
        "Replace / Windows 365",
    ],
    [
        "NMC-W1-0033",
        "Ward 1 office",
        "Lenovo ThinkCentre M70q",
        "Intel Core i5-10400T",
        8,
        "2.0",
        "Off",
        "After Secure Boot",
        "Enable Secure Boot",
    ],
    [
        "NMC-W2-0008",
        "Ward 2 office",
        "Dell Vostro 3470",
        "Intel Core i3-8100",
        8,
        "2.0",
        "On",
        "Yes",
        "Ring 2 upgrade",
    ],
    [
        "NMC-W3-0051",
        "Ward 3 office",
        "Acer Veriton M200",
        "AMD Ryzen 3 2200G",
        8,
        "1.2",
        "Off",
        "No (TPM 1.2)",
        "Replace",
    ],
    [
        "NMC-W4-0019",
        "Ward 4 office",
        "HP 240 G8 laptop",
        "Intel Core i5-1035G1",
        8,
        "2.0",
        "On",
        "Yes",
        "Ring 2 upgrade",
    ],
    [
        "NMC-W5-0026",
        "Ward 5 office",
        "Lenovo V530",
        "Intel Core i3-8100",
        4,
        "2.0",
        "Off",
        "After RAM + Secure Boot",
        "Add RAM, enable Secure Boot",
    ],
    [
        "NMC-W6-0004",
        "Ward 6 office",
        "Dell OptiPlex 3060",
        "Intel Core i5-8500",
        8,
        "2.0",
        "On",
        "Yes",
        "Ring 3 upgrade",
    ],
]


def serra_verde_ammp() -> Report:
    return Report(
        title="AMMP App/Data Modernization – Final Project Report",
        subtitle="Cooperativa Agrícola Serra Verde | Member portal and harvest data",
        facts=(
            ("Customer", "Cooperativa Agrícola Serra Verde, Patos de Minas – MG, Brazil"),
            ("Partner", "Ipê Tecnologia Ltda."),
            ("Project period", "28 September – 6 November 2026"),
            ("Report version", "Final, 10 November 2026"),
        ),
        sections=(
            section(
                "Engagement Overview",
                "Serra Verde is a coffee and grain cooperative with 2,300 member farmers. Its "
                "member portal, where farmers book deliveries and follow payments, and the "
                "harvest quality database ran on a single ageing server in the Patos de Minas "
                "office. Outages during the 2026 harvest left members unable to book deliveries "
                "for two days. The project assessed the cooperative's applications, deployed an "
                "Azure landing zone and moved the member portal and its data to Azure.",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Helena Castro", "IT Coordinator", "Cooperativa Serra Verde"],
                        ["João Batista Lima", "Member Services Manager", "Cooperativa Serra Verde"],
                        ["Patrícia Nogueira", "Quality Laboratory Lead", "Cooperativa Serra Verde"],
                        ["Rafael Souza", "Cloud Practice Manager", "Ipê Tecnologia"],
                        ["Bruno Almeida", "Solutions Architect", "Ipê Tecnologia"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Application Compatibility Assessment",
                bullets(
                    "Member portal (ASP.NET MVC 5 on .NET Framework 4.8): compatible with Azure "
                    "App Service; session state moved from in-process to Azure Cache for Redis.",
                    "Harvest quality database (SQL Server 2016 Standard, 96 GB): compatible "
                    "with Azure SQL Database Hyperscale after removing one CLR assembly used "
                    "for moisture calculations, rewritten in T-SQL.",
                    "Laboratory instrument import (Windows service reading CSV files from the "
                    "moisture analysers): kept on premises and re-pointed to the cloud database "
                    "through a private endpoint.",
                    "Payroll (third-party SaaS): out of scope.",
                ),
            ),
            section(
                "Landing Zone",
                "A single-subscription landing zone in Brazil South was built from the Azure "
                "landing zone accelerator, sized for a cooperative with a two-person IT team.",
                bullets(
                    "Virtual network with private endpoints for SQL and Redis, VPN gateway "
                    "to the Patos de Minas office.",
                    "Policies for allowed regions (Brazil South, Brazil Southeast for "
                    "backup), mandatory tags and Defender for Cloud foundational CSPM.",
                    "Budgets with alerts at 80% and 100% of BRL 6,500 per month sent to the "
                    "IT coordinator and the financial director.",
                ),
            ),
            section(
                "Deployment",
                "The member portal went live on Azure on 31 October 2026 after two rehearsal "
                "migrations. The cutover took 52 minutes overnight. Since go-live the portal has "
                "handled 9,400 delivery bookings with no unplanned downtime, and page load time "
                "for farmers on rural 4G connections dropped from 6.1 to 2.3 seconds thanks to "
                "Azure Front Door caching.",
                bullets(
                    "Helena Castro's team received training on deployment slots, backups and "
                    "cost management on 5 and 6 November 2026.",
                    "Next step: retire the on-premises server after the January 2027 "
                    "year-end closing and evaluate Power BI for the quality laboratory.",
                ),
            ),
        ),
        author="Bruno Almeida",
        company="Ipê Tecnologia",
        when=day("2026-11-10", 13),
        footer="Ipê Tecnologia | Serra Verde | Final report",
    )


def fabrikam_frontline(customer: str = "Fabrikam Asia") -> Report:
    """Merlion Systems' deck; the near-copy claim reuses it with only the customer changed."""
    return Report(
        title="Enable Frontline Workshop – Workshop Report",
        subtitle=f"{customer} Pte. Ltd. | Retail store operations",
        facts=(
            ("Customer", f"{customer} Pte. Ltd., Singapore"),
            ("Workshop date", "6 October 2026"),
            ("Venue", "Customer head office, Tampines, and store visit at Jurong Point"),
            ("Partner", "Merlion Systems Pte. Ltd."),
        ),
        sections=(
            section(
                "Executive Summary",
                f"{customer} operates 42 home-appliance stores in Singapore and Malaysia with "
                "about 900 store staff working rotating shifts. Store managers plan rosters in "
                "Excel, share promotions through personal messaging apps and collect end-of-day "
                "checklists on paper. The workshop showed how Microsoft Teams for frontline "
                "workers can give store staff one place for shifts, tasks and communication, and "
                "agreed a pilot in six stores.",
            ),
            section(
                "Agenda and Attendees",
                table(
                    ["Time", "Session"],
                    [
                        ["09:30", "Store visit and interviews with two store managers"],
                        ["11:00", "Frontline scenarios and pain points"],
                        ["13:30", "Demo: Shifts, Tasks by Planner, Updates and Walkie Talkie"],
                        ["15:00", "Envisioning session and pilot scope"],
                    ],
                    widths=(1, 5),
                ),
                table(
                    ["Name", "Title", "Email"],
                    [
                        [
                            "Michelle Goh",
                            "Head of Retail Operations",
                            blur("michelle.goh@fabrikam.com"),
                        ],
                        ["Daniel Lim", "Regional Store Manager", blur("daniel.lim@fabrikam.com")],
                        ["Nurul Aisyah", "HR Business Partner", blur("nurul.aisyah@fabrikam.com")],
                        ["Kelvin Ong", "IT Manager", blur("kelvin.ong@fabrikam.com")],
                        ["Wei Ling Tan", "Modern Work Lead, Merlion Systems", ""],
                    ],
                    widths=(2, 3, 2.5),
                ),
            ),
            section(
                "Frontline Scenarios",
                bullets(
                    "Shift rosters and swaps: publish the weekly roster in Shifts, let staff "
                    "swap shifts with manager approval, and export hours to the payroll system.",
                    "Store task execution: push promotion set-up and planogram tasks from head "
                    "office to all stores with Tasks by Planner and track completion per store.",
                    "Store communication: replace personal messaging groups with Teams channels "
                    "per region, and Walkie Talkie on the store floor.",
                    "Opening and closing checklists: digital checklists with photo evidence in "
                    "Updates.",
                ),
            ),
            section(
                "Envisioning Session",
                "The team prioritised task execution first: the last promotion launch took nine "
                "days to be confirmed by all 42 stores. Shift management is second, dependent on "
                "an integration with the payroll provider. Kelvin Ong confirmed 900 Microsoft "
                "365 F3 licences are needed; 120 are available for the pilot.",
            ),
            section(
                "Next Steps",
                bullets(
                    "Pilot in six stores from 2 November 2026 for eight weeks.",
                    "Merlion Systems to configure Tasks by Planner publishing and two "
                    "Updates templates by 30 October 2026.",
                    "Review pilot results with the Head of Retail Operations in January "
                    "2027 and decide on the rollout to all stores.",
                ),
            ),
        ),
        author="Wei Ling Tan",
        company="Merlion Systems",
        when=day("2026-10-09", 15),
        footer="Merlion Systems | Enable Frontline Workshop",
    )


def vega_clara_migration() -> Report:
    return Report(
        title="Azure Migration Summary",
        subtitle="Municipio de Vega Clara | Azure Migrate and Modernize (XS)",
        facts=(
            ("Customer", "Municipio de Vega Clara, Puerto Rico (municipal government)"),
            ("Partner", "Caribe Cloud Partners LLC"),
            ("Migration window", "5 – 30 October 2026"),
            ("Summary date", "3 November 2026"),
        ),
        sections=(
            section(
                "Engagement Overview",
                "The municipality's finance office and permits office used four servers in a "
                "closet at City Hall that was flooded during the September 2025 storm. The "
                "Mayor's office asked Caribe Cloud Partners to move the servers to Azure so that "
                "municipal services can continue during hurricane season.",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Carmen Ortiz", "Finance Director", "Municipio de Vega Clara"],
                        ["Javier Colón", "IT Administrator", "Municipio de Vega Clara"],
                        ["Gabriela Rivera", "Managing Director", "Caribe Cloud Partners"],
                        ["Andrés Figueroa", "Cloud Engineer", "Caribe Cloud Partners"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Workload Inventory",
                "Four virtual machines were discovered with the Azure Migrate appliance; the "
                "full inventory is in the attached workbook.",
                table(
                    ["Server", "Role", "OS", "Size", "Azure target"],
                    [
                        [
                            "VC-FIN01",
                            "Municipal accounting (SQL Server 2017)",
                            "Windows Server 2016",
                            "4 vCPU, 16 GB",
                            "Azure VM D4s v5",
                        ],
                        [
                            "VC-PERM01",
                            "Permits and licences application",
                            "Windows Server 2016",
                            "2 vCPU, 8 GB",
                            "Azure VM B2ms",
                        ],
                        [
                            "VC-FS01",
                            "File server (1.2 TB)",
                            "Windows Server 2012 R2",
                            "2 vCPU, 8 GB",
                            "Azure Files premium",
                        ],
                        [
                            "VC-DC01",
                            "Domain controller",
                            "Windows Server 2016",
                            "2 vCPU, 4 GB",
                            "Azure VM B2s",
                        ],
                    ],
                    widths=(1.2, 2.6, 1.8, 1.4, 1.8),
                ),
            ),
            section(
                "Migration Summary",
                bullets(
                    "Replication with Azure Migrate started on 5 October; test migrations on "
                    "14 and 21 October; production cutover on 24 October 2026.",
                    "The file server was replaced by Azure Files with Azure File Sync, removing "
                    "one server to patch.",
                    "Azure Backup with geo-redundant storage and Azure Site Recovery to East US "
                    "2 protect the accounting and permits servers.",
                    "The finance office closed the October period on Azure with no issues.",
                ),
            ),
        ),
        author="Andrés Figueroa",
        company="Caribe Cloud Partners",
        when=day("2026-11-03", 15),
        footer="Caribe Cloud Partners LLC | Municipio de Vega Clara",
    )


VEGA_CLARA_INVENTORY = [
    [
        "Server",
        "Role",
        "Operating system",
        "vCPU",
        "Memory (GB)",
        "Disk (GB)",
        "Avg CPU %",
        "Dependencies",
        "Azure target",
        "Migration status",
    ],
    [
        "VC-FIN01",
        "Municipal accounting, SQL Server 2017",
        "Windows Server 2016",
        4,
        16,
        600,
        22,
        "VC-DC01, VC-FS01",
        "Standard_D4s_v5",
        "Migrated 24 Oct 2026",
    ],
    [
        "VC-PERM01",
        "Permits and licences web application",
        "Windows Server 2016",
        2,
        8,
        200,
        9,
        "VC-FIN01",
        "Standard_B2ms",
        "Migrated 24 Oct 2026",
    ],
    [
        "VC-FS01",
        "File server, finance and permits shares",
        "Windows Server 2012 R2",
        2,
        8,
        1400,
        4,
        "VC-DC01",
        "Azure Files premium + File Sync",
        "Migrated 24 Oct 2026",
    ],
    [
        "VC-DC01",
        "Active Directory domain controller",
        "Windows Server 2016",
        2,
        4,
        80,
        3,
        "-",
        "Standard_B2s",
        "Migrated 24 Oct 2026",
    ],
]


def vega_clara_psd() -> Report:
    return Report(
        title="Public Sector Disclosure",
        subtitle="Municipio de Vega Clara – Azure Migrate and Modernize (XS)",
        facts=(
            ("Customer", "Municipio de Vega Clara, Puerto Rico"),
            ("Partner", "Caribe Cloud Partners LLC"),
            ("Engagement", "Azure Migrate and Modernize (XS)"),
            ("Date", "25 September 2026"),
        ),
        sections=(
            section(
                "Statement of disclosure",
                "The Municipio de Vega Clara is a public sector entity: a municipal government "
                "of the Commonwealth of Puerto Rico. Caribe Cloud Partners LLC will migrate the "
                "municipality's finance and permits servers to Microsoft Azure as part of the "
                "Azure Migrate and Modernize (XS) engagement of the Microsoft Commerce "
                "Incentives programme.",
                "Caribe Cloud Partners hereby discloses that it expects to receive an incentive "
                "payment from Microsoft for delivering this engagement. The incentive payment "
                "was disclosed to the Municipio de Vega Clara, which confirms that it has been "
                "informed of the incentive, that it is not paying for the services covered by "
                "the incentive, and that receiving these services is consistent with the "
                "procurement and ethics rules that apply to it.",
            ),
            section(
                "Signatures",
                table(
                    ["", "For the Municipio de Vega Clara", "For Caribe Cloud Partners LLC"],
                    [
                        ["Name", "Carmen Ortiz", "Gabriela Rivera"],
                        ["Title", "Finance Director", "Managing Director"],
                        ["Date", "25 September 2026", "25 September 2026"],
                    ],
                    widths=(1, 2.5, 2.5),
                ),
            ),
        ),
        author="Gabriela Rivera",
        company="Caribe Cloud Partners",
        when=day("2026-09-25", 14),
    )


def maple_apps_in_a_day() -> Report:
    return Report(
        title="Rapidly Build Apps in a Day – Session Report",
        subtitle="Maple Bridge Managed Services Ltd.",
        facts=(
            ("Customer", "Maple Bridge Managed Services Ltd., Mississauga, ON"),
            ("Date", "22 October 2026, 9:00 am – 4:30 pm"),
            ("Facilitators", "Ethan Tremblay, Sophie Gagnon (Maple Bridge Technologies)"),
            ("Participants", "11 service desk and field operations staff"),
        ),
        sections=(
            section(
                "Agenda",
                table(
                    ["Time", "Session"],
                    [
                        ["9:00", "Introduction to Power Apps, Dataverse and Copilot in Power Apps"],
                        ["9:45", "Hands-on lab 1: build a canvas app from an Excel table"],
                        ["11:00", "Hands-on lab 2: model-driven app on Dataverse"],
                        ["13:00", "Build your own app: teams of three on a real process"],
                        ["15:30", "Demos of the apps built and feedback"],
                        ["16:15", "Governance, environments and next steps"],
                    ],
                    widths=(1, 5),
                ),
            ),
            section(
                "Participants",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Nathan Roy", "Service Desk Manager", "Maple Bridge Managed Services"],
                        [
                            "Olivia Chen",
                            "Field Operations Coordinator",
                            "Maple Bridge Managed Services",
                        ],
                        [
                            "Liam Bouchard",
                            "Senior Service Desk Analyst",
                            "Maple Bridge Managed Services",
                        ],
                        ["Ava Singh", "Inventory Specialist", "Maple Bridge Managed Services"],
                        ["Ethan Tremblay", "Power Platform Lead", "Maple Bridge Technologies"],
                        ["Sophie Gagnon", "Power Platform Consultant", "Maple Bridge Technologies"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Apps Built",
                bullets(
                    "Laptop loaner tracker: a canvas app on Dataverse that books loaner laptops "
                    "for technicians and sends a Teams reminder when a return is late.",
                    "Site visit checklist: technicians capture photos and a signature at "
                    "customer sites; results flow to SharePoint with Power Automate.",
                    "Spare parts request: a model-driven app with an approval flow for parts "
                    "over CAD 500.",
                ),
                "All three apps were built by the participants themselves, with Copilot "
                "generating the first version of the data tables from a description.",
            ),
            section(
                "Next Steps",
                bullets(
                    "Create a dedicated production environment with a data loss prevention "
                    "policy before publishing the loaner tracker.",
                    "Nominate two makers as Power Platform champions.",
                    "Follow-up session on 12 November 2026 to review the spare parts app.",
                ),
            ),
        ),
        author="Sophie Gagnon",
        company="Maple Bridge Technologies",
        when=day("2026-10-26", 10),
        footer="Maple Bridge Technologies Inc.",
    )


LAKEWOOD_ATTENDEES = [
    [
        "Dr. Karen Mitchell",
        "Chief Technology Officer",
        "Lakewood Unified School District",
        "karen.mitchell@lakewoodusd.org",
    ],
    [
        "Steven Ruiz",
        "Director of Instructional Technology",
        "Lakewood Unified School District",
        "steven.ruiz@lakewoodusd.org",
    ],
    [
        "Angela Brooks",
        "Assistant Superintendent, Business Services",
        "Lakewood Unified School District",
        "angela.brooks@lakewoodusd.org",
    ],
    [
        "Tyler Nguyen",
        "Network and Systems Manager",
        "Lakewood Unified School District",
        "tyler.nguyen@lakewoodusd.org",
    ],
    [
        "Monica Alvarez",
        "Principal, Lakewood High School",
        "Lakewood Unified School District",
        "monica.alvarez@lakewoodusd.org",
    ],
    ["Marcus Reed", "Education Practice Director", "Bluestem Consulting", ""],
    ["Hannah Cole", "Copilot Adoption Specialist", "Bluestem Consulting", ""],
]


def lakewood_copilot() -> Report:
    return Report(
        title="Copilot for Microsoft 365 Workshop – Summary Report",
        subtitle="Lakewood Unified School District",
        facts=(
            ("Customer", "Lakewood Unified School District, Lakewood, Colorado"),
            ("Workshop dates", "21 and 22 October 2026, District Office board room"),
            ("Partner", "Bluestem Consulting LLC"),
            ("Report date", "28 October 2026"),
        ),
        sections=(
            section(
                "Executive Summary",
                "Lakewood Unified serves 14,200 students in 22 schools with 1,900 staff. "
                "District leaders want to reduce the administrative load on principals and the "
                "business office without exposing student records. Over two days we explored "
                "where Copilot for Microsoft 365 can help district staff, checked the tenant's "
                "readiness, and agreed a 60-seat pilot for central office staff and principals. "
                "Student-facing use is explicitly out of scope.",
            ),
            section(
                "Attendees",
                table(
                    ["Name", "Title", "Organization", "Email"],
                    LAKEWOOD_ATTENDEES,
                    widths=(1.6, 2.2, 2, 2.4),
                ),
            ),
            section(
                "Copilot Scenarios",
                bullets(
                    "Board meeting preparation: Copilot in Word drafts board memos from "
                    "budget workbooks and prior memos (business services).",
                    "Principal communications: drafting parent newsletters and summarising "
                    "long e-mail threads in Outlook.",
                    "Meeting follow-up: Teams meeting recap for the weekly cabinet meeting.",
                    "Policy Q&A: a SharePoint-grounded agent on the district policy manual for "
                    "central office staff.",
                ),
            ),
            section(
                "Readiness Assessment",
                bullets(
                    "Licensing: A3 for faculty; Copilot requires the A3/A5 add-on for the pilot "
                    "users.",
                    "Oversharing: 312 SharePoint sites shared with 'Everyone except external "
                    "users', including two with IEP documents; must be fixed before the pilot.",
                    "Sensitivity labels are published but not applied by default; we recommend "
                    "default labelling for the special education library.",
                    "Data residency and FERPA considerations were reviewed with the district's "
                    "counsel on 22 October.",
                ),
            ),
            section(
                "Adoption Plan",
                table(
                    ["Phase", "Dates", "Activities"],
                    [
                        [
                            "Prepare",
                            "Nov 2026",
                            "Fix oversharing, apply labels, restricted "
                            "SharePoint search for the pilot",
                        ],
                        [
                            "Pilot",
                            "Dec 2026 – Feb 2027",
                            "60 users, weekly prompt-a-thons, champions in each school",
                        ],
                        ["Measure", "Mar 2027", "Time-saved survey, usage dashboard, board report"],
                    ],
                    widths=(1, 1.5, 4),
                ),
            ),
        ),
        author="Hannah Cole",
        company="Bluestem Consulting",
        when=day("2026-10-28", 17),
        footer="Bluestem Consulting | Copilot workshop | Lakewood USD",
    )


def lakewood_attendance() -> Report:
    rows = [[*r[:3], "Day 1 and Day 2"] for r in LAKEWOOD_ATTENDEES]
    return Report(
        title="Workshop attendance sheet",
        subtitle="Copilot for Microsoft 365 Workshop – Lakewood Unified School District",
        facts=(("Dates", "21–22 October 2026"), ("Location", "District Office board room")),
        sections=(
            section(
                "Attendance",
                "The people listed below attended the Copilot for Microsoft 365 workshop delivered "
                "by Bluestem Consulting at the Lakewood Unified School District office. Attendance "
                "was recorded by the facilitator at the start of each day and confirmed by the "
                "district's Chief Technology Officer.",
                table(
                    ["Name", "Title", "Organization", "Attended"], rows, widths=(1.6, 2.4, 2, 1.2)
                ),
            ),
        ),
        author="Hannah Cole",
        company="Bluestem Consulting",
        when=day("2026-10-22", 16),
    )


def proseware_envisioning() -> Report:
    return Report(
        title="Pre-Sales Envisioning Workshop – AI for Store Replenishment",
        subtitle="Proseware Retail India Private Limited",
        facts=(
            ("Customer", "Proseware Retail India Pvt. Ltd., Bengaluru"),
            ("Workshop", "27 October 2026, customer office, Whitefield"),
            ("Partner", "Indus Techworks Private Limited"),
            ("Effort", "20 hours: preparation, workshop delivery and business case"),
        ),
        sections=(
            section(
                "Envisioning Session",
                "Proseware runs 118 grocery and pharmacy stores in Karnataka and Tamil Nadu. "
                "Replenishment orders are built by store managers from weekly sales in a legacy "
                "ERP, leading to 7.5% fresh-produce waste and frequent stock-outs of fast "
                "movers. The envisioning session brought together supply chain, store operations "
                "and IT to explore how Azure AI and Microsoft Fabric could forecast demand per "
                "store and item.",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Rohan Mehta", "Head of Supply Chain", "Proseware Retail India"],
                        ["Deepa Krishnan", "Director, Store Operations", "Proseware Retail India"],
                        ["Arvind Shenoy", "Enterprise Architect", "Proseware Retail India"],
                        ["Ananya Iyer", "Engagement Manager", "Indus Techworks"],
                        ["Siddharth Kulkarni", "Data & AI Architect", "Indus Techworks"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
                bullets(
                    "Use case 1: daily demand forecast per store and SKU for fresh produce.",
                    "Use case 2: suggested orders reviewed by store managers in a Power "
                    "Apps screen.",
                    "Use case 3: Copilot-style assistant for category managers to ask "
                    "about promotion effects.",
                ),
            ),
            section(
                "Business Value",
                table(
                    ["Driver", "Baseline", "Target after 12 months", "Annual value"],
                    [
                        ["Fresh-produce waste", "7.5% of fresh sales", "5.0%", "INR 6.8 crore"],
                        ["Stock-outs on top 500 SKUs", "4.2%", "2.5%", "INR 3.1 crore"],
                        [
                            "Manager time on ordering",
                            "6 h/week/store",
                            "2 h/week/store",
                            "27,000 hours",
                        ],
                    ],
                    widths=(2, 1.5, 1.5, 1.5),
                ),
                "The business case assumes a forecast accuracy improvement from 62% to 80% "
                "(weighted MAPE) and was reviewed with the CFO's office on 30 October 2026.",
            ),
            section(
                "Next Steps",
                bullets(
                    "Proof of concept on 12 stores and 400 fresh SKUs using two years of "
                    "sales history in Microsoft Fabric (December 2026).",
                    "Data quality clean-up of store master data by Proseware IT.",
                    "Decision on production rollout at the March 2027 steering committee.",
                ),
            ),
        ),
        author="Siddharth Kulkarni",
        company="Indus Techworks",
        when=day("2026-10-30", 11),
        footer="Indus Techworks | Envisioning workshop | Proseware Retail India",
    )


def lucerna_ammp() -> Report:
    return Report(
        title="Modernization of the Dealer Ordering Platform",
        subtitle="Lucerna Arredamenti S.p.A. | AMMP App/Data Modernization (Small)",
        facts=(
            ("Customer", "Lucerna Arredamenti S.p.A., Lissone (MB), Italy"),
            ("Partner", "Adriatica Digitale S.r.l."),
            ("Project period", "1 October – 6 November 2026"),
            ("Document", "Project closure report, 9 November 2026"),
        ),
        sections=(
            section(
                "Engagement Overview",
                "Lucerna designs and manufactures upholstered furniture sold through 380 "
                "dealers in Europe. Dealers place orders through a Java web portal connected to "
                "an Oracle 11g database that the internal team can no longer patch. The project "
                "assessed the portal and the product configurator, built an Azure landing zone "
                "in Italy North and moved the ordering platform to Azure platform services.",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Paolo Bianchi", "CIO", "Lucerna Arredamenti"],
                        ["Chiara Ferrari", "Application Manager", "Lucerna Arredamenti"],
                        ["Luca Moretti", "Database Administrator", "Lucerna Arredamenti"],
                        ["Giulia Romano", "Cloud Architect", "Adriatica Digitale"],
                        ["Marco Conti", "Java Developer", "Adriatica Digitale"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Application Compatibility Assessment",
                bullets(
                    "Dealer portal (Java 8, Tomcat 8.5): compatible with Azure App Service for "
                    "Java after upgrading to Java 17 and Tomcat 10; 14 javax imports migrated "
                    "to jakarta.",
                    "Oracle 11g database (140 GB): migrated to Azure Database for PostgreSQL "
                    "flexible server with ora2pg; 36 PL/SQL procedures rewritten.",
                    "Product configurator (.NET 6): container-ready, deployed to Azure "
                    "Container Apps.",
                    "Batch price list export to dealers: moved to Azure Functions on a timer.",
                ),
            ),
            section(
                "Landing Zone",
                bullets(
                    "Hub-and-spoke in Italy North with ExpressRoute to the Lissone plant "
                    "(existing circuit re-used).",
                    "Azure Policy for GDPR data location, tagging and Defender for Cloud.",
                    "Key Vault for dealer API keys and certificates; managed identities for "
                    "all application components.",
                ),
            ),
            section(
                "Deployment",
                "Production cutover took place on the weekend of 31 October 2026. Dealers "
                "placed 1,870 orders in the first week with no incidents. Average configurator "
                "response time improved from 4.2 to 1.1 seconds, and the Oracle licence renewal "
                "due in December 2026 is no longer needed.",
            ),
        ),
        author="Giulia Romano",
        company="Adriatica Digitale",
        when=day("2026-11-09", 12),
        footer="Adriatica Digitale S.r.l. | Lucerna Arredamenti",
    )


def al_noor_poc() -> Report:
    return Report(
        title="Azure Innovate Proof of Concept – Guest Service Assistant",
        subtitle="Al Noor Hospitality Group | PoC closure report",
        facts=(
            ("Customer", "Al Noor Hospitality Group, Abu Dhabi"),
            ("Partner", "Falcon Cloud Services"),
            ("PoC period", "5 October – 6 November 2026"),
            ("Effort", "40 hours (architecture, build, testing and read-out)"),
        ),
        sections=(
            section(
                "Participants",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Hassan Al Mazrouei", "Director of IT", "Al Noor Hospitality Group"],
                        ["Noura Al Kaabi", "Guest Relations Manager", "Al Noor Hospitality Group"],
                        ["Prakash Nair", "Applications Manager", "Al Noor Hospitality Group"],
                        ["Omar Haddad", "Security Practice Lead", "Falcon Cloud Services"],
                        [
                            "Karim Saleh",
                            "Solution Architect",
                            "Desert Stack Technologies (subcontractor)",
                        ],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
                table(
                    ["Date", "Milestone"],
                    [
                        [
                            "5 Oct 2026",
                            "Kick-off and success criteria agreed with the Director of IT",
                        ],
                        ["12 Oct 2026", "Architecture review and Azure OpenAI access approved"],
                        ["26 Oct 2026", "First end-to-end test on WhatsApp with guest relations"],
                        ["6 Nov 2026", "Results read-out to Al Noor management"],
                    ],
                    widths=(1.2, 5),
                ),
            ),
            section(
                "Architecture",
                "Al Noor operates seven hotels and serviced apartments in Abu Dhabi and Al Ain. "
                "Guests ask the front desk the same questions many times a day: restaurant "
                "hours, late check-out, airport transfers. The proof of concept built a guest "
                "service assistant in Arabic and English on Azure OpenAI Service, grounded on "
                "the hotels' policies and menus with Azure AI Search, and exposed on WhatsApp "
                "Business through Azure Communication Services.",
                bullets(
                    "Azure OpenAI (GPT-4o) in a private deployment in Sweden Central with "
                    "content filtering and no data retention.",
                    "Azure AI Search index over 640 policy pages, menus and FAQs refreshed "
                    "nightly from SharePoint.",
                    "Azure Container Apps hosting the orchestration API; Azure API "
                    "Management in front of the property management system for read-only "
                    "booking lookups.",
                    "Application Insights dashboards for answer quality and latency.",
                ),
            ),
            section(
                "Proof of Concept Results",
                table(
                    ["Success criterion", "Target", "Result"],
                    [
                        ["Correct answers on 300 test questions", "85%", "91%"],
                        ["Arabic answers rated fluent by guest relations", "80%", "88%"],
                        ["Median response time", "< 4 s", "2.6 s"],
                        ["Requests handed over to staff correctly", "95%", "97%"],
                    ],
                    widths=(3, 1, 1),
                ),
                "Guest relations managers at two hotels tested the assistant for a week; "
                "they estimate that 35–40% of routine WhatsApp questions could be answered "
                "without staff.",
            ),
            section(
                "Next Steps",
                bullets(
                    "Production design review with Al Noor IT security (December 2026).",
                    "Add booking changes through the property management system API.",
                    "Pilot at two hotels in Q1 2027.",
                ),
            ),
        ),
        author="Omar Haddad",
        company="Falcon Cloud Services",
        when=day("2026-11-10", 9),
        footer="Falcon Cloud Services | Al Noor Hospitality Group",
    )


def girassol_windows() -> Report:
    return Report(
        title="NextGen Windows Workshop – Assessment and Recommendations",
        subtitle="Lojas Girassol S.A.",
        facts=(
            ("Customer", "Lojas Girassol S.A., Campinas – SP"),
            ("Workshop", "22 September 2026"),
            ("Partner", "Ipê Tecnologia Ltda."),
            ("Devices assessed", "612 store and office PCs"),
        ),
        sections=(
            section(
                "Agenda and Attendees",
                table(
                    ["Time", "Session"],
                    [
                        ["09:00", "Windows 11 security and management: what changes for stores"],
                        ["10:30", "Readiness script on two store PCs and first results"],
                        ["13:30", "Intune, Autopilot and Windows Autopatch demonstration"],
                        ["15:00", "Kiosks, unsupported devices and next steps"],
                    ],
                    widths=(1, 5),
                ),
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Marcos Oliveira", "IT Manager", "Lojas Girassol"],
                        ["Fernanda Ribeiro", "Store Systems Coordinator", "Lojas Girassol"],
                        ["Thiago Martins", "Support Analyst", "Lojas Girassol"],
                        ["Rafael Souza", "Cloud Practice Manager", "Ipê Tecnologia"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Device Assessment",
                "Lojas Girassol operates 58 home-goods stores. Each store has point-of-sale "
                "back-office PCs, a manager laptop and shared kiosks. The inventory was "
                "collected from Microsoft Intune, which already manages the office laptops, and "
                "from a script run on the store PCs.",
                table(
                    ["Category", "Devices"],
                    [
                        ["Windows 11 ready", "344"],
                        ["Ready after firmware update", "121"],
                        ["Unsupported processor", "139"],
                        ["Unknown (offline during collection)", "8"],
                    ],
                    widths=(4, 1),
                ),
            ),
            section(
                "Windows Readiness Report",
                bullets(
                    "The point-of-sale back-office application was tested on Windows 11 "
                    "24H2 and works with the vendor's October 2026 update.",
                    "Store kiosks run Windows 10 LTSC 2019 and need a decision on Windows 11 "
                    "IoT Enterprise LTSC.",
                    "Only 40% of devices have BitLocker enabled; local administrator rights "
                    "are common on store PCs.",
                ),
            ),
            section(
                "Recommendations",
                bullets(
                    "Move the store PCs to Intune with Autopilot reset and Windows Autopatch.",
                    "Upgrade the 465 ready devices store by store, outside the December sales "
                    "peak.",
                    "Remove local admin rights with Endpoint Privilege Management.",
                    "Replace the 139 unsupported devices in the 2027 hardware budget.",
                ),
            ),
        ),
        author="Rafael Souza",
        company="Ipê Tecnologia",
        when=day("2026-09-29", 15),
        footer="Ipê Tecnologia | Lojas Girassol",
    )


TREY_DEVICES = [
    [
        "Device",
        "Department",
        "Model",
        "Processor",
        "RAM (GB)",
        "TPM 2.0",
        "Windows 11 ready",
        "Planned action",
    ],
    [
        "TRI-BLR-L001",
        "Research",
        "Lenovo ThinkPad T14 Gen 3",
        "Intel Core i7-1255U",
        16,
        "Yes",
        "Yes",
        "Upgrade in ring 1",
    ],
    [
        "TRI-BLR-L014",
        "Research",
        "Dell Latitude 5400",
        "Intel Core i5-8365U",
        8,
        "Yes",
        "Yes",
        "Upgrade in ring 2",
    ],
    [
        "TRI-BLR-D022",
        "Laboratory",
        "HP EliteDesk 800 G3",
        "Intel Core i5-7500",
        8,
        "Yes",
        "No (CPU)",
        "Replace in Q2 2027",
    ],
    [
        "TRI-HYD-L031",
        "Finance",
        "Lenovo ThinkPad E14",
        "AMD Ryzen 5 5500U",
        16,
        "Yes",
        "Yes",
        "Upgrade in ring 2",
    ],
    [
        "TRI-HYD-D040",
        "Administration",
        "Dell OptiPlex 7060",
        "Intel Core i5-8500",
        8,
        "Yes",
        "Yes",
        "Upgrade in ring 3",
    ],
    [
        "TRI-BLR-W052",
        "Laboratory",
        "HP Z2 G4 workstation",
        "Intel Xeon E-2124G",
        32,
        "Yes",
        "Yes",
        "Validate lab software first",
    ],
]

TREY_NOTES = (
    "This device inventory was prepared by Indus Techworks for Trey Research India Private "
    "Limited during the NextGen Windows workshop in October 2026. It lists a sample of the "
    "research, laboratory, finance and administration devices in the Bengaluru and Hyderabad "
    "offices, with the hardware facts that decide whether each device can run Windows 11 and "
    "the action planned for it. The complete export of 486 devices is kept in the customer's "
    "Intune tenant. Laboratory workstations need the instrument software vendors to confirm "
    "support before they are upgraded."
)


def hafenkontor_en() -> Report:
    return Report(
        title="Collaborative Apps Workshop – Results",
        subtitle="Hafenkontor Logistik GmbH | English version",
        facts=(
            ("Customer", "Hafenkontor Logistik GmbH, Hamburg"),
            ("Workshop", "20 October 2026, customer office in the Speicherstadt"),
            ("Partner", "Nordlicht IT GmbH – Jonas Becker, Lea Hoffmann"),
            ("Document", "English translation of the German report of 23 October 2026"),
        ),
        sections=(
            section(
                "Executive Summary",
                "Hafenkontor Logistik handles container pre-carriage and customs documentation "
                "for importers in the Port of Hamburg. Dispatchers coordinate trucks, customs "
                "declarations and terminal slots by e-mail and phone, and status information is "
                "scattered across three systems. In the workshop we identified which processes "
                "can be brought into Microsoft Teams as collaborative apps and agreed on a first "
                "app for dispatch.",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["Katrin Vogel", "Head of Operations", "Hafenkontor Logistik"],
                        ["Stefan Krüger", "IT Manager", "Hafenkontor Logistik"],
                        ["Mehmet Yilmaz", "Dispatch Team Lead", "Hafenkontor Logistik"],
                        ["Jonas Becker", "Senior Consultant", "Nordlicht IT"],
                        ["Lea Hoffmann", "Power Platform Developer", "Nordlicht IT"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "App Scenarios",
                bullets(
                    "Dispatch board in Teams: a Power Apps app in the dispatch channel showing "
                    "all containers of the day with terminal slot, truck and customs status.",
                    "Customs approvals: Approvals in Teams for customs declarations above "
                    "EUR 50,000 goods value, with the customs officer's sign-off.",
                    "Adaptive Cards in the chat with terminal slot changes from the port "
                    "community system, so dispatchers no longer check the portal manually.",
                    "Loop components for the daily shift handover between the early and late "
                    "shifts.",
                ),
            ),
            section(
                "Next Steps",
                bullets(
                    "Nordlicht IT builds a prototype of the dispatch board on Dataverse for "
                    "Teams by 20 November 2026.",
                    "Stefan Krüger clarifies access to the port community system interface.",
                    "Pilot with the dispatch team of six people in December 2026, then a "
                    "decision on the rollout.",
                ),
            ),
        ),
        author="Lea Hoffmann",
        company="Nordlicht IT",
        when=day("2026-11-19", 10),
        footer="Nordlicht IT GmbH | Hafenkontor Logistik",
    )


TEMPLATE_CUSTOMER = "<Customer name>"


def frontline_template(
    customer: str = TEMPLATE_CUSTOMER,
    date: str = "<Workshop date>",
    partner: str = "<Partner name>",
) -> Report:
    """The engagement's POE template example, with its placeholder and guidance text."""
    return Report(
        title="Enable Frontline Workshop – Workshop Report (example)",
        subtitle=customer,
        facts=(
            ("Customer", customer),
            ("Workshop date", date),
            ("Partner", partner),
            ("Template version", "Enable Frontline POE template v3.1 (FY27)"),
        ),
        sections=(
            section(
                "Executive Summary",
                f"Summarise in a few sentences who {customer} is, how many frontline workers it "
                "has and in which roles, and the business problem discussed in the workshop. "
                "Example: the customer employs 1,200 frontline workers in 35 sites; shift "
                "planning is manual and communication with store staff relies on personal "
                "messaging apps.",
                "State the main outcome of the workshop, for example the scenario selected for "
                "a pilot and the decision maker who approved it. Reviewers look for details that "
                "only apply to this customer: numbers of workers and sites, systems in use, and "
                "the names and titles of the people who took part.",
                "Keep this section to half a page. Do not paste marketing text about Microsoft "
                "Teams; describe what the customer told you during the workshop.",
            ),
            section(
                "Frontline Scenarios",
                "List the frontline scenarios identified with the customer, with the business "
                "owner of each, the number of workers concerned and how the work is done today. "
                "Example scenarios:",
                bullets(
                    "Shift management: publish schedules and approve swaps in Shifts, and export "
                    "worked hours to the payroll system.",
                    "Task management: distribute tasks from head office to every location with "
                    "Tasks by Planner and track completion per site.",
                    "Frontline communication: Walkie Talkie on shared devices, Updates for "
                    "opening and closing checklists, and targeted announcements.",
                    "Approvals and forms for daily safety and quality checklists.",
                ),
                "For each scenario, record the current pain point in the customer's own words "
                "and the measure that will show success, for example hours saved per week.",
            ),
            section(
                "Envisioning Session",
                "Describe the envisioning session: the attendees (name and title, with e-mail "
                "addresses blurred, for example j****@customer.com), how the scenarios were "
                "prioritised, the licences and devices available, and the concerns raised by "
                "the customer, such as connectivity, union rules or shared devices.",
                table(
                    ["Name", "Title", "Organization"],
                    [
                        ["<Attendee name>", "<Title>", customer],
                        ["<Attendee name>", "<Title>", customer],
                        ["<Attendee name>", "<Title>", customer],
                        ["<Attendee name>", "<Title>", partner],
                    ],
                    widths=(2, 2, 2),
                ),
                "Add a photo of the whiteboard or the prioritisation matrix if one was used.",
            ),
            section(
                "Next Steps",
                "Give the agreed next steps with owners and dates, for example a pilot with "
                "two sites, licence assignment, device enrolment, and a review meeting with the "
                "executive sponsor. Next steps without an owner or a date are not accepted.",
                bullets(
                    "<Next step 1 – owner – date>",
                    "<Next step 2 – owner – date>",
                    "<Next step 3 – owner – date>",
                ),
            ),
        ),
        author="Microsoft Partner Incentives",
        company="Enable Frontline Workshop",
        when=day("2026-07-01", 9),
        footer="Example POE – replace every placeholder with customer-specific content",
    )
