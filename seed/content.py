"""The site's starting content: the project's own data, loaded by `load_seed_content`.

Every heading, paragraph and list item of the seed document is here, placed where a reader would
look for it. Text marked "(added)" is ours, not the seed's: facts the page types need (program
audiences, offers, contacts) and the list of working methods the seed announces but does not
contain, written from Meld. St. 30 (2019–2020) *En innovativ offentlig sektor*.
"""

from datetime import date

WHITE_PAPER_URL = "https://www.regjeringen.no/no/dokumenter/meld.-st.-30-20192020/id2715113/"
OECD_DECLARATION_URL = "https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0450"
INNOVATION_BAROMETER_URL = "https://www.digdir.no/innovasjon/innovasjonsbarometeret/2300"
DIGDIR_EMAIL = "postmottak@digdir.no"

SITE_SETTINGS = {
    "organisation_name": "Digitaliseringsdirektoratet (Digdir)",
    "contact_email": DIGDIR_EMAIL,
    "contact_phone": "22 45 10 00",
    "postal_address": "Postboks 1382 Vika, 0114 Oslo",
    # Placeholder until the statement is published on uustatus.no; editors set the real one.
    "accessibility_statement_url": "https://uustatus.no/nb/erklaringer",
}

HOME = {
    "title": "Innovasjon i offentlig sektor",
    "seo_title": "Innovasjon i offentlig sektor",
    "search_description": (
        "Hva innovasjon i offentlig sektor er, prinsippene fra stortingsmeldingen "
        "En innovativ offentlig sektor, og virkemidlene som hjelper virksomheter å innovere."
    ),
    "lead": (
        "Offentlig sektor må i framtiden levere bedre tjenester for færre kroner. Da er "
        "innovasjon avgjørende, og utgangspunktet for omstilling ligger i bruker- og "
        "samfunnsbehov."
    ),
    "image": "home",
    "image_alt_text": (
        "Illustrasjon: tre sammenkoblede sirkler i blått og grønt som står for bruker, "
        "virksomhet og samarbeid."
    ),
}

DEFINITION = {
    "slug": "hva-er-innovasjon",
    "title": "Hva er innovasjon i offentlig sektor?",
    "menu_title": "Hva er innovasjon?",
    "search_description": (
        "OECDs definisjon av innovasjon i offentlig sektor: en ny eller vesentlig endret "
        "tjeneste, produkt, prosess, organisering eller kommunikasjonsmåte."
    ),
    "lead": (
        "Offentlig sektor må i framtiden levere bedre tjenester for færre kroner. Da er "
        "innovasjon avgjørende, og utgangspunktet for omstilling ligger i bruker- og "
        "samfunnsbehov."
    ),
    "definition_heading": "Definisjon på innovasjon i offentlig sektor",
    "term": "Innovasjon i offentlig sektor",
    "introduction": (
        "Organisasjonen for økonomisk samarbeid og utvikling (OECD) forstår innovasjon i "
        "offentlig sektor slik:"
    ),
    "definition": (
        "Innovasjon i offentlig sektor kan være en ny eller vesentlig endret tjeneste, produkt, "
        "prosess, organisering eller kommunikasjonsmåte. At innovasjonen er ny, betyr at den er "
        "ny for den aktuelle virksomheten, den kan likevel være kjent for og iverksatt i andre "
        "virksomheter."
    ),
    "source_organisation": "OECD",
    "source_title": "Declaration on Public Sector Innovation",
    "source_url": OECD_DECLARATION_URL,
    "body": [
        {
            "type": "text",
            "value": (
                "<p>I framtiden må offentlig sektor levere bedre tjenester på nye, smartere "
                "måter – i møte med strammere økonomiske rammer, og samfunnsendringer som "
                "klimaendring, eldrebølgen og coronasituasjonen.</p>"
            ),
        }
    ],
}

PRINCIPLES = {
    "slug": "prinsipper",
    "title": "Innovasjon krever at vi utvikler kultur, kompetanse, ledelse og nye samarbeid",
    "menu_title": "Prinsipper",
    "search_description": (
        "De tre hovedprinsippene for innovasjon i offentlig sektor fra stortingsmeldingen "
        "En innovativ offentlig sektor (2020)."
    ),
    "lead": (
        "Hva må vi så gjøre annerledes? Stortingsmeldingen En innovativ offentlig sektor fra "
        "2020 presenterer her tre hovedprinsipper for innovasjon i offentlig sektor."
    ),
    "list_introduction": (
        "Prinsippene er inspirert av OECDs erklæring for innovasjon og innspill i meldingsarbeidet:"
    ),
    "principles": [
        (
            "Handlingsrom og insentiver",
            "Politikere og offentlige myndigheter må gi handlingsrom og insentiver til å innovere.",
        ),
        (
            "Kultur og kompetanse",
            "Ledere må utvikle kultur og kompetanse for innovasjon, der man har mot til å tenke "
            "nytt og lærer av feil og suksesser.",
        ),
        (
            "Nye former for samarbeid",
            "Offentlige virksomheter må søke nye former for samarbeid.",
        ),
    ],
    "sources": [
        {
            "title": "Meld. St. 30 (2019–2020) En innovativ offentlig sektor – Kultur, ledelse "
            "og kompetanse",
            "publisher": "Kommunal- og moderniseringsdepartementet",
            "year": 2020,
            "url": WHITE_PAPER_URL,
        },
        {
            "title": "Declaration on Public Sector Innovation",
            "publisher": "OECD",
            "year": 2019,
            "url": OECD_DECLARATION_URL,
        },
    ],
}

COMPETENCE = {
    "slug": "kompetanse",
    "title": "Kompetanse som fremmer innovasjon",
    "menu_title": "Kompetanse",
    "search_description": (
        "Hvilken kompetanse offentlig sektor trenger for å innovere, og arbeidsmetoder som "
        "fremmer innovasjon."
    ),
    "lead": (
        "Riktig kompetanse bidrar til at offentlig sektor kan innovere og omstille seg. Og her "
        "trengs både kunnskap om hvilken kompetanse som trengs i den enkelte virksomhet, og i "
        "hvilke situasjoner det er nyttig."
    ),
    "body": [
        {
            "type": "text",
            "value": (
                "<p>Stortingsmeldingen om innovasjon i offentlig sektor trekker fram noen "
                "eksempler på arbeidsmetoder som kan bidra til å fremme innovasjon:</p>"
                # (added) The seed announces this list without its items.
                "<ul>"
                "<li>Tjenestedesign, der brukernes behov er utgangspunktet for nye løsninger.</li>"
                "<li>Smidig utvikling, med korte runder, testing og justering underveis.</li>"
                "<li>Eksperimentering og utprøving i liten skala før noe settes i drift.</li>"
                "<li>Innovative anskaffelser, der virksomheten beskriver behovet og lar "
                "markedet foreslå løsningen.</li>"
                "<li>Gevinstrealisering, slik at gevinstene av endringen blir planlagt, målt og "
                "hentet ut.</li>"
                "<li>Samskaping med innbyggere, næringsliv, frivillig sektor og forskning.</li>"
                "</ul>"
            ),
        }
    ],
}

LEEWAY = {
    "slug": "handlingsrom",
    "title": "Innovasjon krever handlingsrom",
    "menu_title": "Handlingsrom",
    "search_description": (
        "Innovative prosesser er sjelden lineære. Virksomheten må tåle risiko og akseptere at "
        "ting kan feile."
    ),
    "lead": (
        "Gjennom innovativ tjenesteutvikling kan vi generere nye ideer, bidra til å effektivisere "
        "og forbedre prosesser, og gi bedre tjenester for brukerne."
    ),
    "body": [
        {
            "type": "text",
            "value": (
                "<p>Men innovative prosesser er sjelden lineære:</p>"
                "<ul>"
                "<li>Innovasjonsprosesser kan oppleves kaotiske og risikable</li>"
                "<li>Virksomheten må tåle risiko og akseptere at ting kan feile</li>"
                "</ul>"
                "<p>Til gjengjeld kan vi få tydeligere bilder av sluttbrukeres og egne ansattes "
                "behov, og hva som skal til for at tjenester fungerer og kan driftes på en "
                "hensiktsmessig måte.</p>"
                "<p>Du kan lese mer om hvordan innovasjon foregår i staten i "
                f'<a href="{INNOVATION_BAROMETER_URL}">Innovasjonsbarometeret</a>.</p>'
            ),
        }
    ],
}

PROGRAM_INDEX = {
    "slug": "virkemidler",
    "title": "Virkemidler og nye samarbeid for innovasjon i offentlig sektor",
    "menu_title": "Virkemidler",
    "search_description": (
        "Stimulab, StartOff og Innovasjonsnettverket: ordninger som tilbyr råd, finansiering og "
        "samarbeid for innovasjon i offentlig sektor."
    ),
    "lead": "Digdir har flere ordninger som tilbyr råd, finansiering og samarbeid:",
}

PROGRAMS = [
    {
        "slug": "stimulab",
        "title": "Stimulab",
        "name": "Stimulab",
        "summary": (
            "Veiledning og midler til innovative utviklingsprosjekter, med brukernes behov som "
            "utgangspunkt."
        ),
        "description": (
            "Stimulab skal stimulere til offentlig innovasjon fra brukernes perspektiv. Vi "
            "tilbyr tverrfaglig veiledning og midler til innovative utviklingsprosjekter. Målet "
            "er helthetlige tjenester for brukerne og en mer effektiv forvaltning."
        ),
        "target_audience": "Statlige virksomheter og kommuner, alene eller flere sammen.",
        "offer": (
            "Tverrfaglig veiledning fra Stimulab og midler til å kjøpe kompetanse i markedet, "
            "for eksempel innen tjenestedesign."
        ),
        "how_to_take_part": (
            "Virksomheten søker når ordningen lyses ut, og beskriver utfordringen den vil løse. "
            "Man søker ikke om en bestemt sum."
        ),
        "responsible_organisation": "Digitaliseringsdirektoratet (Digdir)",
        "status": "running",
        "contact_email": DIGDIR_EMAIL,
        "more_info_url": "https://www.digdir.no/stimulab/hvordan-bli-med-i-stimulab/787",
        "more_info_text": "Hvordan bli med i Stimulab (digdir.no)",
        "vanity_path": "/stimulab",
        "image": "stimulab",
        "image_alt_text": "Illustrasjon: en lyspære over to figurer som arbeider sammen.",
    },
    {
        "slug": "startoff",
        "title": "StartOff",
        "name": "StartOff",
        "summary": (
            "Et program for innovative anskaffelser der offentlige oppdragsgivere fikk løst behov "
            "sammen med oppstartsselskaper."
        ),
        "description": (
            "Oppstartsselskaper kan ofte sitte på den innovative løsningen som svarer på et "
            "offentlig behov. StartOff kobler oppdragsgiver og startups sammen – og følger "
            "partene gjennom hele innkjøpsprosessen."
        ),
        "target_audience": (
            "Statlige og kommunale oppdragsgivere med et behov som oppstartsselskaper kan løse."
        ),
        "offer": (
            "Prosjektleder, behovsekspert, kontrakts- og jusekspertise på innovative "
            "anskaffelser og en startup-ekspert gjennom hele anskaffelsen."
        ),
        "how_to_take_part": (
            "Programmet tar ikke inn nye prosjekter. Metoden kan fortsatt brukes i innovative "
            "anskaffelser."
        ),
        "responsible_organisation": (
            "Direktoratet for forvaltning og økonomistyring (DFØ), med Digdir og "
            "Leverandørutviklingsprogrammet"
        ),
        "status": "ended",
        "ended_on": date(2024, 12, 31),
        "contact_email": DIGDIR_EMAIL,
        "more_info_url": "https://www.anskaffelser.no/nb/innovasjon/startoff",
        "more_info_text": "StartOff på anskaffelser.no",
        "vanity_path": "/startoff",
        "image": "startoff",
        "image_alt_text": "Illustrasjon: en rakett som tar av fra en bygning med søyler.",
    },
    {
        "slug": "innovasjonsnettverket",
        "title": "Nettverk for innovasjon",
        "name": "Innovasjonsnettverket",
        "summary": (
            "En arena der offentlige virksomheter deler og utvikler ny kunnskap om innovasjon."
        ),
        "description": (
            "Innovasjonsnettverket er en arena der offentlige virksomheter kan dele og utvikle "
            "ny kunnskap, drøfte aktuelle problemstillinger og finne muligheter for "
            "tverrsektorielt samarbeid."
        ),
        "target_audience": (
            "Ansatte i statlige og kommunale virksomheter som jobber med innovasjon."
        ),
        "offer": (
            "Samlinger og en arena for å dele erfaringer, drøfte problemstillinger og finne "
            "samarbeidspartnere på tvers av sektorer."
        ),
        "how_to_take_part": "Ta kontakt med Digdir for å bli med i nettverket.",
        "responsible_organisation": "Digitaliseringsdirektoratet (Digdir)",
        "status": "running",
        "contact_email": DIGDIR_EMAIL,
        "vanity_path": "/innovasjonsnettverket",
        "image": "nettverk",
        "image_alt_text": "Illustrasjon: fem punkter koblet sammen i et nettverk.",
    },
]

# (added) Linked from the footer; says what the site does, and does not do, with personal data.
PRIVACY = {
    "slug": "personvern",
    "title": "Personvern og informasjonskapsler",
    "show_in_menus": False,
    "search_description": "Nettstedet bruker ingen informasjonskapsler eller analyseverktøy.",
    "lead": "Dette nettstedet samler ikke inn personopplysninger om deg som leser det.",
    "body": [
        {
            "type": "text",
            "value": (
                "<h2>Informasjonskapsler</h2>"
                "<p>Nettstedet setter ingen informasjonskapsler hos besøkende. Bare redaktører "
                "som logger inn i publiseringsløsningen, får en informasjonskapsel for "
                "innloggingen.</p>"
                "<h2>Analyse og sporing</h2>"
                "<p>Vi bruker ingen analyseverktøy. Sidene henter ikke skrifter, skript eller "
                "annet innhold fra andre nettsteder.</p>"
                "<h2>Søk</h2>"
                "<p>Det du søker etter, blir ikke lagret.</p>"
                "<h2>Logger</h2>"
                "<p>Webserveren logger hvilke adresser som blir hentet, uten IP-adresse og uten "
                "søkeord, slik at vi kan finne og rette feil.</p>"
                "<h2>Spørsmål</h2>"
                f"<p>Spørsmål om personvern kan sendes til {DIGDIR_EMAIL}.</p>"
            ),
        }
    ],
}

# Top-level pages in menu order, with the home page's entry points in the same order.
TOP_LEVEL = [
    ("definition", DEFINITION),
    ("principles", PRINCIPLES),
    ("content", COMPETENCE),
    ("content", LEEWAY),
]
