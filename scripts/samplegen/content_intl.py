"""French, Japanese and German partner deliverables.

Section headings carry the template's English section name in brackets, as partners working
from the English POE template usually do.
"""

from __future__ import annotations

from .content_en import day
from .model import Report, bullets, section, table
from .people import blur


def hokuto_copilot_ja() -> Report:
    return Report(
        title="Copilot for Microsoft 365 ワークショップ 実施報告書",
        subtitle="北斗精機株式会社 様",
        facts=(
            ("お客様", "北斗精機株式会社（長野県諏訪市）"),
            ("実施日", "2026年10月7日・8日（本社会議室およびオンライン）"),
            (
                "実施パートナー",
                "株式会社サクラデジタルソリューションズ（Sakura Digital Solutions K.K.）",
            ),
            ("報告書作成日", "2026年10月14日"),
        ),
        sections=(
            section(
                "エグゼクティブサマリー (Executive Summary)",
                "北斗精機株式会社様は、精密部品の設計・製造を行う従業員約850名の企業です。"
                "営業部門と品質保証部門では、見積書や不具合報告書の作成、会議の議事録作成に多くの時間を"
                "費やしており、若手社員への技術ノウハウの継承も課題となっています。本ワークショップでは、"
                "Copilot for Microsoft 365 を業務にどのように活用できるかを検討し、テナントの準備状況を"
                "確認したうえで、40名規模のパイロット導入計画を合意しました。",
                "特に効果が大きいと判断されたのは、品質保証部門における不具合報告書の作成支援と、"
                "営業部門における顧客との打ち合わせ内容の要約です。両部門の部長からパイロットへの"
                "参加について了承をいただきました。",
            ),
            section(
                "参加者",
                table(
                    ["氏名", "役職", "所属"],
                    [
                        ["小林 誠", "情報システム部 部長", "北斗精機株式会社"],
                        ["山口 美穂", "品質保証部 課長", "北斗精機株式会社"],
                        ["中村 翔太", "営業部 主任", "北斗精機株式会社"],
                        ["高橋 直子", "総務部 係長", "北斗精機株式会社"],
                        [
                            "佐藤 陽翔",
                            "プリンシパルコンサルタント",
                            "サクラデジタルソリューションズ",
                        ],
                        ["伊藤 彩", "コンサルタント", "サクラデジタルソリューションズ"],
                    ],
                    widths=(1.5, 2.5, 2.5),
                ),
            ),
            section(
                "Copilot 活用シナリオ (Copilot Scenarios)",
                bullets(
                    "品質保証：Word の Copilot で、検査データと過去の報告書をもとに不具合報告書（8D レポート）"
                    "の初稿を作成する。",
                    "営業：Teams 会議の要約機能で、顧客との仕様打ち合わせの決定事項と宿題を自動で整理する。",
                    "総務：社内規程に関する問い合わせに、SharePoint の規程集をもとに回答するエージェントを作成する。",
                    "技術伝承：ベテラン技術者の作業手順書を Copilot で要約し、若手向けの教育資料を作成する。",
                ),
            ),
            section(
                "準備状況の評価 (Readiness Assessment)",
                "Microsoft 365 E3 ライセンスは全社員に付与済みで、Copilot の前提条件を満たしています。"
                "一方で、SharePoint の共有設定を確認した結果、全社員に公開されているサイトが47件あり、"
                "そのうち3件には人事評価に関する文書が含まれていました。パイロット開始前に、これらの"
                "アクセス権を見直し、秘密度ラベルを適用することを推奨します。",
                bullets(
                    "ライセンス：E3 全社員付与済み、Copilot アドオン40ライセンスを追加予定",
                    "データ保護：秘密度ラベルは未展開。人事・設計図面ライブラリから適用を開始",
                    "利用環境：Teams・Outlook は最新チャネル、デスクトップ版 Office に更新が必要な端末は12台",
                ),
            ),
            section(
                "導入計画 (Adoption Plan)",
                table(
                    ["時期", "内容", "担当"],
                    [
                        [
                            "2026年11月",
                            "アクセス権の見直し、秘密度ラベルの適用、推進担当者の任命",
                            "情報システム部",
                        ],
                        [
                            "2026年12月〜2027年2月",
                            "40名でのパイロット、週次のプロンプト勉強会",
                            "サクラデジタル／各部門",
                        ],
                        [
                            "2027年3月",
                            "効果測定（作業時間の削減、利用状況）と全社展開の判断",
                            "情報システム部 部長",
                        ],
                    ],
                    widths=(1.8, 4, 1.8),
                ),
                "パイロットの効果測定では、不具合報告書1件あたりの作成時間を現状の約3時間から1時間半に"
                "短縮することを目標とします。",
            ),
        ),
        author="伊藤 彩",
        company="Sakura Digital Solutions",
        when=day("2026-10-14", 10),
        lang="ja",
        footer="株式会社サクラデジタルソリューションズ　社外秘",
    )


def minato_copilot_ja() -> Report:
    return Report(
        title="Copilot for Microsoft 365 ワークショップ 報告書",
        subtitle="株式会社みなと物流 様",
        facts=(
            ("お客様", "株式会社みなと物流（神奈川県横浜市）"),
            ("実施日", "2026年10月20日・21日"),
            ("実施パートナー", "株式会社サクラデジタルソリューションズ"),
        ),
        sections=(
            section(
                "エグゼクティブサマリー (Executive Summary)",
                "株式会社みなと物流様は、横浜港を拠点に倉庫保管と国内配送を手がける従業員約420名の"
                "物流企業です。配車担当者は荷主からの依頼メールを読み込み、手作業で配車表に転記しており、"
                "繁忙期には残業が月40時間を超えています。ワークショップでは、Copilot によるメール要約と"
                "配車連絡の下書き作成を中心に活用方法を検討しました。",
            ),
            section(
                "アジェンダと参加者",
                table(
                    ["日時", "内容"],
                    [
                        ["10月20日 10:00", "キックオフ、Copilot for Microsoft 365 の概要とデモ"],
                        ["10月20日 13:30", "業務ヒアリング（配車、営業、安全管理、経理）"],
                        ["10月21日 10:00", "活用シナリオの優先順位付けと準備状況の確認"],
                        ["10月21日 14:00", "導入計画の策定とまとめ"],
                    ],
                    widths=(1.6, 5),
                ),
                table(
                    ["氏名", "役職", "所属"],
                    [
                        ["渡辺 健二", "業務改革推進室 室長", "株式会社みなと物流"],
                        ["松本 由紀", "配車課 課長", "株式会社みなと物流"],
                        ["井上 大輔", "営業部 主任", "株式会社みなと物流"],
                        [
                            "佐藤 陽翔",
                            "プリンシパルコンサルタント",
                            "サクラデジタルソリューションズ",
                        ],
                    ],
                    widths=(1.5, 2.5, 2.5),
                ),
            ),
            section(
                "Copilot 活用シナリオ (Copilot Scenarios)",
                bullets(
                    "配車：荷主からの依頼メールを Outlook の Copilot で要約し、配車表への入力項目を抽出する。",
                    "営業：荷主向けの月次報告書を Excel の集計結果から Word で自動作成する。",
                    "安全管理：ヒヤリハット報告を Teams で集約し、傾向を Copilot で分析する。",
                    "経理：請求書の照合作業で、差異の説明文を下書きする。",
                ),
            ),
            section(
                "準備状況の評価 (Readiness Assessment)",
                "Microsoft 365 Business Premium を利用しており、Copilot の導入に必要な条件は満たして"
                "います。ただし、共有メールボックスの権限が広く設定されているため、パイロット前に"
                "整理が必要です。また、配車担当者の多くはスマートフォンで業務を行っているため、"
                "モバイル版 Teams での利用方法も検証します。",
            ),
            section(
                "導入計画 (Adoption Plan)",
                bullets(
                    "2026年11月：共有メールボックスの権限整理、パイロット対象者15名の選定",
                    "2026年12月〜2027年1月：配車チームと営業チームでパイロットを実施",
                    "2027年2月：残業時間とメール処理時間を測定し、全社展開を判断",
                ),
            ),
        ),
        author="佐藤 陽翔",
        company="Sakura Digital Solutions",
        when=day("2026-10-27", 11),
        lang="ja",
        footer="株式会社サクラデジタルソリューションズ",
    )


def val_serein_ammp_fr() -> Report:
    return Report(
        title="Rapport de fin de projet – Modernisation du portail des usagers",
        subtitle="Communauté d'agglomération du Val-Sérein | AMMP App/Data Modernization (Small)",
        facts=(
            ("Client", "Communauté d'agglomération du Val-Sérein (collectivité territoriale)"),
            ("Partenaire", "Lumière Conseil SAS, Lyon"),
            ("Période", "21 septembre – 30 octobre 2026"),
            ("Version", "1.0 du 4 novembre 2026, validée par la DSI"),
        ),
        sections=(
            section(
                "Contexte et objectifs",
                "La Communauté d'agglomération du Val-Sérein regroupe 27 communes et 96 000 "
                "habitants. Son portail des usagers permet de payer la redevance d'eau, "
                "d'inscrire les enfants aux activités périscolaires et de demander des bacs de "
                "collecte. L'application, développée en PHP 5.6, et sa base MySQL étaient "
                "hébergées sur deux serveurs physiques arrivés en fin de garantie. La DSI a "
                "confié à Lumière Conseil l'évaluation des applications, la construction d'une "
                "zone d'atterrissage Azure conforme aux exigences de sécurité d'une collectivité "
                "et la migration du portail.",
                table(
                    ["Nom", "Fonction", "Organisation", "Courriel"],
                    [
                        [
                            "Nathalie Girard",
                            "Directrice des systèmes d'information",
                            "Val-Sérein",
                            blur("nathalie.girard@val-serein.fr"),
                        ],
                        [
                            "Olivier Lefèvre",
                            "Responsable infrastructures",
                            "Val-Sérein",
                            blur("olivier.lefevre@val-serein.fr"),
                        ],
                        [
                            "Sandrine Petit",
                            "Cheffe de service Relation usagers",
                            "Val-Sérein",
                            blur("sandrine.petit@val-serein.fr"),
                        ],
                        ["Camille Moreau", "Directrice de projet", "Lumière Conseil", ""],
                        ["Hugo Marchand", "Architecte cloud", "Lumière Conseil", ""],
                    ],
                    widths=(1.6, 2.4, 1.4, 2.2),
                ),
            ),
            section(
                "Évaluation de la compatibilité des applications (Application Compatibility "
                "Assessment)",
                bullets(
                    "Portail des usagers (PHP 5.6) : migration vers PHP 8.2 nécessaire ; 63 "
                    "fonctions obsolètes corrigées, puis hébergement sur Azure App Service Linux.",
                    "Base MySQL 5.5 (38 Go) : compatible avec Azure Database for MySQL serveur "
                    "flexible après conversion des tables MyISAM en InnoDB.",
                    "Module de paiement en ligne : interface avec le prestataire de paiement de "
                    "la DGFiP conservée, nouvelle adresse IP sortante déclarée.",
                    "Logiciel de gestion des déchets (éditeur tiers) : hors périmètre, reste en "
                    "mode SaaS chez l'éditeur.",
                ),
            ),
            section(
                "Zone d'atterrissage (Landing Zone)",
                "La zone d'atterrissage a été déployée en région France Central avec la "
                "réplication des sauvegardes en France South, afin de garder toutes les données "
                "des usagers en France.",
                bullets(
                    "Réseau en étoile avec pare-feu Azure et VPN vers le siège de l'agglomération.",
                    "Stratégies Azure Policy : régions autorisées, étiquetage obligatoire, "
                    "chiffrement et Defender for Cloud.",
                    "Journalisation centralisée dans Log Analytics, conservée un an "
                    "conformément à la politique de sécurité de la collectivité.",
                ),
            ),
            section(
                "Déploiement (Deployment)",
                "La bascule en production a eu lieu dans la nuit du 27 au 28 octobre 2026, avec "
                "une interruption de service de 45 minutes annoncée aux usagers. Depuis la "
                "mise en service, le portail a traité 5 300 paiements de redevance d'eau sans "
                "incident. Le temps de chargement des pages est passé de 3,4 à 1,2 seconde.",
                "Les équipes de la DSI ont été formées à l'exploitation (sauvegardes, mise à "
                "l'échelle, supervision) les 29 et 30 octobre. Prochaine étape : "
                "décommissionner les serveurs physiques en décembre 2026.",
            ),
        ),
        author="Hugo Marchand",
        company="Lumière Conseil",
        when=day("2026-11-04", 15),
        lang="fr",
        footer="Lumière Conseil SAS – document confidentiel",
    )


def berthelot_d365_fr(customer: str = "Maison Berthelot") -> Report:
    return Report(
        title="Évaluation des besoins Dynamics 365 Sales",
        subtitle=f"{customer} – restitution de l'atelier",
        facts=(
            ("Client", f"{customer}, Reims (Champagne)"),
            ("Atelier", "13 au 15 octobre 2026, dans les locaux du client"),
            ("Partenaire", "Lumière Conseil SAS"),
        ),
        sections=(
            section(
                "Participants",
                table(
                    ["Nom", "Fonction", "Organisation"],
                    [
                        ["Élodie Berthelot", "Directrice commerciale", customer],
                        ["Pierre Lambert", "Responsable export", customer],
                        ["Claire Dubois", "Contrôleuse de gestion", customer],
                        ["Julien Roussel", "Responsable informatique", customer],
                        ["Camille Moreau", "Directrice de projet", "Lumière Conseil"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Revue des processus commerciaux (Business Process Review)",
                f"{customer} commercialise ses champagnes auprès de 1 400 cavistes, "
                "restaurants et importateurs dans 31 pays. Les commerciaux suivent leurs "
                "comptes dans des fichiers Excel et le service export saisit les commandes dans "
                "l'ERP à partir de courriels. La direction n'a aucune vision consolidée du "
                "pipeline ni des prévisions de ventes par marché.",
                bullets(
                    "Prospection et gestion des comptes : fichiers Excel par commercial, "
                    "pas d'historique partagé des visites.",
                    "Offres et tarifs : grilles tarifaires par pays envoyées en PDF, "
                    "remises validées par téléphone.",
                    "Prévisions : consolidées une fois par trimestre à la main par le "
                    "contrôle de gestion.",
                ),
            ),
            section(
                "Adéquation de la solution (Solution Fit)",
                "Dynamics 365 Sales couvre 85 % des besoins exprimés sans développement "
                "spécifique : gestion des comptes et des contacts, opportunités, devis avec "
                "listes de prix par marché et prévisions. L'intégration avec l'ERP Sage X3 pour "
                "les commandes et les stocks nécessitera un connecteur. L'application mobile "
                "permettra aux commerciaux de préparer leurs visites chez les cavistes.",
            ),
            section(
                "Feuille de route (Roadmap)",
                bullets(
                    "Phase 1 (janvier – mars 2027) : comptes, contacts, opportunités pour "
                    "l'équipe France.",
                    "Phase 2 (avril – juin 2027) : devis et listes de prix export, "
                    "intégration Sage X3.",
                    "Phase 3 (second semestre 2027) : prévisions et Copilot pour les "
                    "résumés de comptes.",
                ),
            ),
        ),
        author="Camille Moreau",
        company="Lumière Conseil",
        when=day("2026-10-21", 16),
        lang="fr",
        footer="Lumière Conseil SAS",
    )


def hafenkontor_de() -> Report:
    return Report(
        title="Collaborative Apps Workshop – Ergebnisbericht",
        subtitle="Hafenkontor Logistik GmbH",
        facts=(
            ("Kunde", "Hafenkontor Logistik GmbH, Hamburg"),
            ("Workshop", "20. Oktober 2026, Büro des Kunden in der Speicherstadt"),
            ("Partner", "Nordlicht IT GmbH – Jonas Becker, Lea Hoffmann"),
            ("Stand", "23. Oktober 2026"),
        ),
        sections=(
            section(
                "Zusammenfassung (Executive Summary)",
                "Die Hafenkontor Logistik GmbH organisiert den Containervorlauf und die "
                "Zollabwicklung für Importeure im Hamburger Hafen. Die Disponenten koordinieren "
                "Lkw, Zollanmeldungen und Terminal-Slots per E-Mail und Telefon, und die "
                "Statusinformationen liegen in drei verschiedenen Systemen. Im Workshop haben "
                "wir gemeinsam ermittelt, welche Abläufe als kollaborative Apps in Microsoft "
                "Teams abgebildet werden können, und uns auf eine erste App für die Disposition "
                "geeinigt.",
                table(
                    ["Name", "Funktion", "Unternehmen"],
                    [
                        ["Katrin Vogel", "Leiterin Operations", "Hafenkontor Logistik"],
                        ["Stefan Krüger", "IT-Leiter", "Hafenkontor Logistik"],
                        ["Mehmet Yilmaz", "Teamleiter Disposition", "Hafenkontor Logistik"],
                        ["Jonas Becker", "Senior Consultant", "Nordlicht IT"],
                        ["Lea Hoffmann", "Power-Platform-Entwicklerin", "Nordlicht IT"],
                    ],
                    widths=(2, 2.5, 2.5),
                ),
            ),
            section(
                "Anwendungsszenarien (App Scenarios)",
                bullets(
                    "Dispositionstafel in Teams: eine Power-Apps-Anwendung im Kanal der "
                    "Disposition, die alle Container des Tages mit Terminal-Slot, Lkw und "
                    "Zollstatus zeigt.",
                    "Zollfreigaben: Genehmigungen in Teams für Zollanmeldungen über 50.000 Euro "
                    "Warenwert, mit Freigabe durch den Zollsachbearbeiter.",
                    "Adaptive Karten im Chat mit Slot-Änderungen aus dem Hafen-Community-System, "
                    "damit die Disponenten das Portal nicht mehr manuell prüfen müssen.",
                    "Loop-Komponenten für die tägliche Schichtübergabe zwischen Früh- und "
                    "Spätschicht.",
                ),
            ),
            section(
                "Nächste Schritte (Next Steps)",
                bullets(
                    "Nordlicht IT erstellt bis zum 20. November 2026 einen Prototyp der "
                    "Dispositionstafel auf Dataverse for Teams.",
                    "Stefan Krüger klärt den Zugang zur Schnittstelle des Hafen-Community-Systems.",
                    "Pilotbetrieb mit dem sechsköpfigen Dispositionsteam im Dezember 2026, "
                    "danach Entscheidung über den Rollout.",
                ),
            ),
        ),
        author="Lea Hoffmann",
        company="Nordlicht IT",
        when=day("2026-10-23", 10),
        lang="de",
        footer="Nordlicht IT GmbH | Vertraulich",
    )
