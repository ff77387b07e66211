"""The site's starting content: the project's own data, loaded by `load_seed_content`.

Every heading, paragraph and list item of the seed document is here, placed where a reader would
look for it. Text marked "(added)" is ours, not the seed's. Every added fact has its source next to
it (address and quote). What we could not source is not published: it goes into the page's
`facts_to_confirm`, which only editors see.
"""

WHITE_PAPER_URL = "https://www.regjeringen.no/no/dokumenter/meld.-st.-30-20192020/id2715113/"
# Chapter 3 holds section 3.1.1: "I denne meldingen er OECDs definisjon utgangspunktet, og
# innovasjon i offentlig sektor er definert slik: Innovasjon i offentlig sektor kan være …"
WHITE_PAPER_DEFINITION_URL = WHITE_PAPER_URL + "?ch=3"
OECD_DECLARATION_URL = "https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0450"
INNOVATION_BAROMETER_URL = "https://www.digdir.no/innovasjon/innovasjonsbarometeret/2300"
# Digdir's entry in Enhetsregisteret (org. no. 991825827),
# https://data.brreg.no/enhetsregisteret/api/enheter/991825827: "epostadresse":
# "postmottak@digdir.no", "telefon": "22 45 10 00", postal address "Postboks 1382 Vika", "0114"
# "OSLO".
DIGDIR_EMAIL = "postmottak@digdir.no"

# Every seeded page's owner until editors name the team that writes it: Digdir, whose public
# address (above) is the one contact the seed can source.
CONTENT_OWNER = {"name": "Digitaliseringsdirektoratet", "email": DIGDIR_EMAIL}

SITE_SETTINGS = {
    "organisation_name": "Digitaliseringsdirektoratet (Digdir)",
    "contact_email": DIGDIR_EMAIL,
    "contact_phone": "22 45 10 00",
    "postal_address": "Postboks 1382 Vika, 0114 Oslo",
    # No accessibility statement address: the site has none on uustatus.no yet, and a link to
    # uustatus's list of every statement would pass for ours. Editors set it once it is published
    # (docs/tilgjengelighetserklaering.md is the draft); the dashboard says it is missing.
}

HOME = {
    "title": "Innovasjon i offentlig sektor",
    "seo_title": "Innovasjon i offentlig sektor",
    "search_description": (
        "Hva innovasjon i offentlig sektor er, prinsippene fra stortingsmeldingen "
        "En innovativ offentlig sektor, og virkemidlene som hjelper virksomheter med å innovere."
    ),
    "lead": (
        "Offentlig sektor må i framtiden levere bedre tjenester for færre kroner. Da er "
        "innovasjon avgjørende, og utgangspunktet for omstilling ligger i bruker- og "
        "samfunnsbehov."
    ),
    "image": "home",
    # What seed/images.py draws, and nothing it does not.
    "image_alt_text": (
        "Illustrasjon: tre ringer i blått, grønt og mørkeblått som overlapper hverandre, på "
        "lyseblå bakgrunn med en blå stripe nederst."
    ),
}

DEFINITION = {
    "slug": "hva-er-innovasjon",
    "title": "Hva er innovasjon i offentlig sektor?",
    "menu_title": "Hva er innovasjon?",
    "search_description": (
        "Definisjonen av innovasjon i offentlig sektor fra stortingsmeldingen En innovativ "
        "offentlig sektor, som bygger på OECDs definisjon."
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
    # The Norwegian wording is the white paper's own (section 3.1.1); the OECD Declaration on
    # Public Sector Innovation (2019) has five principles and no such definition.
    "source_organisation": "Kommunal- og moderniseringsdepartementet",
    "source_title": "Meld. St. 30 (2019–2020) En innovativ offentlig sektor, punkt 3.1.1",
    "source_url": WHITE_PAPER_DEFINITION_URL,
    "body": [
        {
            "type": "text",
            "value": (
                # (added) Source: WHITE_PAPER_DEFINITION_URL, section 3.1.1: "I denne meldingen
                # er OECDs definisjon utgangspunktet".
                "<p>Ordlyden er stortingsmeldingens egen, i punkt 3.1.1 i Meld. St. 30 "
                "(2019–2020) En innovativ offentlig sektor. Meldingen tar OECDs definisjon som "
                "utgangspunkt.</p>"
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
                # (added) The seed announces this list without its items. Each item is its
                # chapter's own words, with its source:
                # - ch. 9: Innst. 191 S (2020–2021), the committee's summary of the white paper,
                #   https://stortinget.no/no/Saker-og-publikasjoner/Publikasjoner/Innstillinger/
                #   Stortinget/2020-2021/inns-202021-191s?all=true : "I meldingens kapittel 9
                #   vises det til hvordan forsøk og eksperimentering i offentlig sektor kan bidra
                #   til innovasjon."
                # - ch. 10: the same: "I meldingens kapittel 10 beskrives viktigheten av
                #   samarbeid med andre aktører for å kunne tenke annerledes, benytte muligheter
                #   og finne nye løsninger på små og store utfordringer."
                # - ch. 11: its title, WHITE_PAPER_URL + "?ch=11": "11 Innovative anskaffelser
                #   og partnerskap med næringslivet".
                # - ch. 13: its first section, WHITE_PAPER_URL + "?ch=13": "13.1
                #   Gevinstrealisering".
                "<ul>"
                "<li>Forsøk og eksperimentering (kapittel 9 i meldingen)</li>"
                "<li>Samarbeid med andre aktører (kapittel 10)</li>"
                "<li>Innovative anskaffelser og partnerskap med næringslivet (kapittel 11)</li>"
                "<li>Gevinstrealisering (kapittel 13)</li>"
                "</ul>"
            ),
        }
    ],
    "facts_to_confirm": (
        "Listen over arbeidsmetoder er vår egen: seeden varsler listen, men har ikke "
        "punktene. Hvert punkt bruker kapitlets egne ord i Meld. St. 30 (2019–2020): kapittel "
        "9 og 10 slik Innst. 191 S (2020–2021) beskriver dem, kapittel 11 med sin tittel og "
        "kapittel 13 med tittelen på punkt 13.1. Tjenestedesign og smidig utvikling sto også i "
        "listen. De er tatt ut til noen har kontrollert mot meldingens tekst at meldingen "
        "trekker dem fram som arbeidsmetoder."
    ),
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
    # Not "tilbyr" for all three: StartOff has ended.
    "search_description": (
        "Stimulab og Innovasjonsnettverket, og det avsluttede programmet StartOff: virkemidler "
        "for innovasjon i offentlig sektor."
    ),
    "lead": "Digdir har flere ordninger som tilbyr råd, finansiering og samarbeid:",
}

# Sources for the programs' added facts:
# Stimulab
#   https://doga.no/Aktiviteter/design-og-innovasjon/innovasjon-i-offentlig-sektor/stimulab/dette-er-stimulab/
#     "StimuLab er et samarbeid mellom Digitaliseringsdirektoratet (DigDir) og DOGA"
#   https://www.digdir.no/stimulab/hvordan-bli-med-i-stimulab/787
#     "Både statlige virksomheter og kommuner kan søke om å bli med i Stimulab." / "For å bli
#     med i Stimulab må virksomheten beskrive sin utfordring/problemstilling i en søknad. Det
#     kan gjerne stå flere virksomheter bak en søknad. Man søker ikke om en bestemt sum." /
#     "Meld deg på vårt nyhetsbrev for informasjon om kommende utlysninger."
#   https://www.digdir.no/stimulab/tilskuddsregelverk-stimulab/1545
#     "Støtten er todelt og omfatter både økonomiske midler og tverrfaglig veiledning" / "De
#     økonomiske midlene skal i sin helhet skal gå til anskaffelse av kompetanse i markedet,
#     innen tjenestedesign" / "Digitaliseringsdirektoratet forvalter ordningen"
# StartOff: https://www.anskaffelser.no/nb/innovasjon/startoff
#     "StartOff var et program for innovative anskaffelser, hvor offentlige oppdragsgivere fikk
#     utviklet løsninger på sine behov, gjennom en prosess spesialtilpasset oppstartsselskaper.
#     Programmet er nå avsluttet, men denne innovative anskaffelsesmetodikken kan fortsatt
#     benyttes." / "Programmet var et samarbeid mellom Direktoratet for forvaltning og
#     økonomistyring (DFØ), Digitaliseringsdirektoratet (Digdir) og Leverandørutviklingsprogrammet
#     (LUP). Ordningen var administrert av DFØ." / "I statsbudsjettet for 2024 besluttet
#     regjeringen å avvikle ordningen, men fire prosjekter vil sluttføres i 2024. I løpet av
#     levetiden til programmet ble 21 prosjekter gjennomført, for både statlige og kommunale
#     offentlige virksomheter." / "StartOff-teamet bisto med en egen prosjektleder […], en
#     behovsekspert […], kontrakts- og jussekspertise på innovative anskaffelser, en
#     startup-ekspert […]"
# Innovasjonsnettverket: no public source found beyond the seed; see its facts_to_confirm.
# Who each program is for, as the filter on the program list offers it: from each program's
# "Hvem det er for" above (Stimulab: "Statlige virksomheter og kommuner"; StartOff: "Statlige og
# kommunale virksomheter", and the seed's "kobler oppdragsgiver og startups sammen").
# Innovasjonsnettverket has none: who can join is not confirmed.
AUDIENCES = [
    {
        "slug": "statlige-virksomheter",
        "name": "Statlige virksomheter",
        "name_en": "Government agencies",
    },
    {"slug": "kommuner", "name": "Kommuner", "name_en": "Municipalities"},
    {"slug": "oppstartsselskaper", "name": "Oppstartsselskaper", "name_en": "Start-ups"},
]

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
        "audiences": ["statlige-virksomheter", "kommuner"],
        "offer": (
            "Tverrfaglig veiledning fra Stimulab og midler til å kjøpe kompetanse i markedet, "
            "for eksempel innen tjenestedesign."
        ),
        "how_to_take_part": (
            "Virksomheten søker når ordningen lyses ut, og beskriver i søknaden utfordringen den "
            "vil løse. Man søker ikke om en bestemt sum."
        ),
        "responsible_organisation": (
            "Digitaliseringsdirektoratet (Digdir) og Design og arkitektur Norge (DOGA)"
        ),
        "status": "running",
        # Digdir administers the grants (tilskuddsregelverk above); its registered address.
        "contact_email": DIGDIR_EMAIL,
        # The newest call we found: https://www.digdir.no/stimulab/los-samfunnsfloker-med-hjelp-fra-stimulab/5283
        # "11. desember 2023": "Digdir og DOGA deler ut ca. 5 millioner kroner til prosjekter
        # som skal løse tverrgående problemstillinger [...] 15. februar er fristen for å søke
        # Stimulab-ordningen." The page before it, .../hvordan-bli-med-i-stimulab/787, is the
        # 2022 call ("Fristen for å søke var 28. februar 2022"). See facts_to_confirm.
        "more_info_url": (
            "https://www.digdir.no/stimulab/los-samfunnsfloker-med-hjelp-fra-stimulab/5283"
        ),
        "more_info_text": "Utlysningen av Stimulab fra desember 2023 (digdir.no)",
        "vanity_path": "/stimulab",
        "image": "stimulab",
        "image_alt_text": (
            "Illustrasjon: en gul lyspære over to blå figurer med en grønn strek mellom seg."
        ),
        "facts_to_confirm": (
            "Kontakt-e-post er Digdirs postmottak (fra Enhetsregisteret). Sjekk om Stimulab "
            "har en egen adresse for henvendelser.\n"
            "«Slik deltar du» bygger på siden «Hvordan bli med i Stimulab» på digdir.no, som "
            "gjelder utlysningen for 2022. Sjekk at søknadsprosessen fortsatt er slik.\n"
            "Lenken «Les mer» går til den nyeste utlysningen vi fant: «Løs samfunnsfloker med "
            "hjelp fra Stimulab» på digdir.no, 11. desember 2023, med frist 15. februar 2024. "
            "Sjekk om det finnes en nyere utlysning eller en fast side om Stimulab, og bytt "
            "lenken og lenketeksten."
        ),
    },
    {
        "slug": "startoff",
        "title": "StartOff",
        "name": "StartOff",
        # Everything but the seed's description speaks in the past tense: the program has ended.
        "summary": (
            "Et program for innovative anskaffelser der offentlige oppdragsgivere fikk utviklet "
            "løsninger på sine behov sammen med oppstartsselskaper."
        ),
        "description": (
            "Oppstartsselskaper kan ofte sitte på den innovative løsningen som svarer på et "
            "offentlig behov. StartOff kobler oppdragsgiver og startups sammen – og følger "
            "partene gjennom hele innkjøpsprosessen."
        ),
        "target_audience": "Statlige og kommunale virksomheter.",
        "audiences": ["statlige-virksomheter", "kommuner", "oppstartsselskaper"],
        "offer": (
            "En egen prosjektleder, en behovsekspert, kontrakts- og jussekspertise på "
            "innovative anskaffelser og en startup-ekspert."
        ),
        "how_to_take_part": (
            "Programmet er avsluttet og tar ikke inn nye prosjekter. Metodikken kan fortsatt "
            "brukes i innovative anskaffelser."
        ),
        "responsible_organisation": "Direktoratet for forvaltning og økonomistyring (DFØ)",
        "status": "ended",
        "ended_year": 2024,
        "end_note": "Regjeringen besluttet i statsbudsjettet for 2024 å avvikle ordningen.",
        "more_info_url": "https://www.anskaffelser.no/nb/innovasjon/startoff",
        "more_info_text": "StartOff på anskaffelser.no",
        "body": [
            {
                "type": "text",
                "value": (
                    "<p>StartOff var et samarbeid mellom Direktoratet for forvaltning og "
                    "økonomistyring (DFØ), Digitaliseringsdirektoratet (Digdir) og "
                    "Leverandørutviklingsprogrammet (LUP). Ordningen var administrert av "
                    "DFØ.</p>"
                    "<p>I løpet av programmets levetid ble 21 prosjekter gjennomført, for både "
                    "statlige og kommunale virksomheter.</p>"
                ),
            }
        ],
        "vanity_path": "/startoff",
        "image": "startoff",
        "image_alt_text": "Illustrasjon: en rakett som tar av fra en bygning med søyler.",
        "facts_to_confirm": (
            "Avslutningsdato: ingen kilde oppgir en eksakt dato. anskaffelser.no sier at "
            "regjeringen besluttet å avvikle ordningen i statsbudsjettet for 2024, og at fire "
            "prosjekter skulle sluttføres i 2024. Siden sier derfor bare «avsluttet i 2024». "
            "Bekreft at de fire prosjektene ble sluttført i 2024.\n"
            "Kontakt: DFØ administrerte ordningen, men vi har ikke funnet en adresse for "
            "spørsmål om StartOff. Fyll ut Kontakt-e-post når den er bekreftet."
        ),
    },
    {
        "slug": "innovasjonsnettverket",
        "title": "Nettverk for innovasjon",
        "name": "Innovasjonsnettverket",
        # Only what the seed says; the rest waits in facts_to_confirm.
        "summary": (
            "En arena der offentlige virksomheter kan dele og utvikle ny kunnskap og finne "
            "muligheter for samarbeid på tvers av sektorer."
        ),
        "description": (
            "Innovasjonsnettverket er en arena der offentlige virksomheter kan dele og utvikle "
            "ny kunnskap, drøfte aktuelle problemstillinger og finne muligheter for "
            "tverrsektorielt samarbeid."
        ),
        "status": "running",
        "vanity_path": "/innovasjonsnettverket",
        "image": "nettverk",
        "image_alt_text": (
            "Illustrasjon: fem grønne punkter som alle er koblet sammen med blå linjer."
        ),
        "facts_to_confirm": (
            "Vi har ikke funnet noen offentlig kilde for dette, så det står ikke på siden:\n"
            "- Hvem som driver nettverket (seeden nevner det under «Digdir har flere ordninger», "
            "men sier ikke hvem som driver det). Fyll ut Ansvarlig organisasjon.\n"
            "- Hvem som kan bli med. Fyll ut Hvem det er for.\n"
            "- Hva nettverket gir deltakerne utover det seeden sier. Fyll ut Hva det tilbyr.\n"
            "- Hvordan man blir med, og hvem man kontakter. Fyll ut Slik deltar du og "
            "Kontakt-e-post.\n"
            "- At nettverket fortsatt finnes. Status «Pågår» bygger bare på at seeden omtaler "
            "det i presens."
        ),
    },
]

# (added) Linked from the footer: what the site stores about readers, why, on what basis and for
# how long. Each statement is the code's behaviour, and each period is enforced:
# - Feedback (feedback/models.py, feedback/views.py): the answer, the page and the time; a "no"
#   may get a comment, masked by feedback/masking.py (e-mail addresses, fødselsnummer/D-nummer,
#   phone numbers; not names). Deleted after a year: feedback.models.RETENTION, by
#   `delete_old_feedback`, which the scheduler runs every round (docker-compose.yml).
# - The throttle (feedback/throttle.py): an HMAC of the day and the client address, as a key in
#   the security counters; it expires when its clock hour ends and `delete_old_feedback` deletes
#   expired rows (at most about ten minutes later: the scheduler's round is five minutes plus
#   its commands).
# - Request log (core/logs.py, gunicorn.conf.py, deploy/nginx/nginx.conf.template): method,
#   path without query string, status, size, duration, request id; no client address. nginx's
#   error log (level warn) names the client's address in its lines. Retention is the operator's:
#   nothing in this code keeps or deletes logs, which go to stderr/stdout.
# - Sentry (core/monitoring.py, innovasjon/settings/production.py): only with SENTRY_DSN; no IP,
#   cookies, request body, query strings (the Referer's too) or local variables; headers such as
#   User-Agent are sent. Retention is set in the Sentry project, not here.
# Legal basis: GDPR art. 6(1)(e), in Norwegian law by personopplysningsloven (LOV-2018-06-15-38)
# § 1, which makes the regulation Norwegian law. Datatilsynet, "Om personopplysningsloven med
# forordning og når den gjelder",
# https://www.datatilsynet.no/regelverk-og-verktoy/lover-og-regler/personvernregelverket/om-personopplysningsloven-og-nar-den-gjelder/
# : "Personopplysningsloven sier blant annet at forordningen gjelder som norsk lov." Datatilsynet,
# "Nødvendig for å utføre en oppgave i offentlig interesse eller utøve offentlig myndighet",
# https://www.datatilsynet.no/regelverk-og-skjema/veiledere/veileder-om-behandlingsgrunnlag/nodvendig-for-a-utfore-en-oppgave-i-offentlig-interesse-eller-utove-offentlig-myndighet/
# : "Begge alternativene henviser først og fremst til offentlige myndigheters behandling av
# personopplysninger" / "I begge tilfellene må behandlingen også ha hjemmel i lov eller
# forskrift." Art. 6(1)(f) (legitimate interests) "shall not apply to processing carried out by
# public authorities in the performance of their tasks" (art. 6(1), second subparagraph). The
# supplementary basis in Norwegian law is for the controller to name: see facts_to_confirm.
# Complaints: GDPR art. 77, to Datatilsynet, the Norwegian supervisory authority.
PRIVACY = {
    "slug": "personvern",
    "title": "Personvern og informasjonskapsler",
    "show_in_menus": False,
    "search_description": (
        "Hva nettstedet lagrer når du leser og svarer på «Var denne siden nyttig?», hvorfor, og "
        "hvor lenge det lagres."
    ),
    "lead": (
        "Nettstedet bruker ingen informasjonskapsler eller analyseverktøy. Her står hva vi "
        "likevel lagrer, hvorfor, og hvor lenge."
    ),
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
                "<p>Det du søker etter, blir ikke lagret sammen med noe om deg. Søk som ikke "
                "gir treff, telles per dag, slik at redaktørene ser hvilke ord de bør legge til. "
                "Da lagrer vi bare ordene, med e-postadresser og tall skjult, og tellingene "
                "slettes etter 90 dager.</p>"
                "<h2>«Var denne siden nyttig?»</h2>"
                "<p>Når du svarer, lagrer vi svaret (ja eller nei), hvilken side det gjelder, og "
                "når du svarte. Svarer du nei, kan du skrive hva du savnet. Vi ber deg om ikke å "
                "skrive personopplysninger. E-postadresser, telefonnumre og fødselsnumre blir "
                "skjult før kommentaren lagres, men andre opplysninger, for eksempel et navn, "
                "blir lagret slik du skrev dem.</p>"
                "<p>Redaktørene bruker svarene til å forbedre sidene. Svarene og kommentarene "
                "slettes etter ett år.</p>"
                "<p>For å hindre at noen sender svært mange svar, teller vi svarene fra hver "
                "IP-adresse. Selve adressen lagres ikke, bare en kode som er regnet ut fra den "
                "(en hash) og som endres hver dag. Koden slettes senest ti minutter etter at "
                "timen du svarte i, er omme.</p>"
                "<h2>Logger</h2>"
                "<p>Webserveren logger hver side som blir hentet: tidspunkt, adressen til siden "
                "uten søkeord, svarkoden, størrelsen og hvor lang tid svaret tok. Loggen har "
                "ikke IP-adressen din. Feilmeldingene fra webserveren kan likevel inneholde "
                "IP-adressen, for eksempel når en forespørsel blir avvist. Vi bruker loggene "
                "til å finne og rette feil og til å oppdage angrep på nettstedet.</p>"
                "<p>Hvor lenge loggene oppbevares, bestemmes i driften av nettstedet, ikke av "
                "nettstedet selv.</p>"
                "<h2>Feilrapporter</h2>"
                "<p>Når feilrapportering er slått på, sender nettstedet en rapport til "
                "tjenesten Sentry hver gang det oppstår en feil på serveren. Rapporten har "
                "adressen til siden og til siden du kom fra, begge uten søkeord, og tekniske "
                "opplysninger om nettleseren, som navn og versjon. Den har ikke IP-adressen "
                "din, informasjonskapsler eller "
                "det du har skrevet i skjemaer. Hvor lenge rapportene oppbevares, er også "
                "bestemt i driften.</p>"
                "<h2>Behandlingsgrunnlag</h2>"
                "<p>Vi behandler disse opplysningene fordi det er nødvendig for å drive et "
                "sikkert og nyttig nettsted, som er en del av Digitaliseringsdirektoratets "
                "oppgaver. Grunnlaget er personvernforordningen artikkel 6 nr. 1 bokstav e: "
                "behandlingen er nødvendig for å utføre en oppgave i allmennhetens interesse. "
                "Forordningen gjelder som norsk lov etter personopplysningsloven § 1.</p>"
                "<h2>Spørsmål og klage</h2>"
                "<p>Digitaliseringsdirektoratet er behandlingsansvarlig. Spørsmål om personvern "
                f"kan sendes til {DIGDIR_EMAIL}. Du kan be om innsyn, retting eller sletting. "
                "Mener du at vi behandler personopplysninger i strid med regelverket, kan du "
                "klage til Datatilsynet.</p>"
            ),
        }
    ],
    "facts_to_confirm": (
        "Hvor lenge serverloggene og feilrapportene i Sentry oppbevares, står ikke i koden: "
        "det bestemmes i driften. Skriv inn tidene på siden når driften har bekreftet dem.\n"
        "Behandlingsgrunnlaget (artikkel 6 nr. 1 bokstav e) krever også et grunnlag i norsk lov "
        "eller forskrift for oppgaven. La personvernombudet bekrefte grunnlaget, og om siden "
        "skal nevne det.\n"
        "Svarene på «Var denne siden nyttig?» slettes etter ett år av en planlagt jobb. "
        "Endrer dere tiden på siden, må utviklerne endre jobben også."
    ),
}

# Top-level pages in menu order, with the home page's entry points in the same order.
TOP_LEVEL = [
    ("definition", DEFINITION),
    ("principles", PRINCIPLES),
    ("content", COMPETENCE),
    ("content", LEEWAY),
]
