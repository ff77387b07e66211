"""English versions of the main pages, and the site's Nynorsk page: our own text, loaded by
`load_seed_content`.

The English pages translate the Bokmål pages in seed/content.py and say nothing they do not;
where the Bokmål page has an added fact, its source is the one given there. Where a Bokmål text
quotes the white paper, the English page uses the wording of its official English version (below).
Program names and organisation names stay as they are in Norwegian, with an English gloss where a
reader needs one. English slugs, so an English link reads as English.

Terms, the same everywhere in English (the interface's too, locale/en): «virkemiddel» is a
"scheme"; «program» (StartOff called itself one) is a "programme"; «e-post» is "email".
"""

from seed import content as seed

# The white paper's official English version: Meld. St. 30 (2019–2020) "An innovative public
# sector — Culture, leadership and competence", Ministry of Local Government and Modernisation.
# Chapter 1 (WHITE_PAPER_EN_URL + "?ch=1"): "Politicians and public authorities need to grant
# freedom of action and provide incentives for innovation." / "Leaders must develop a culture of
# and competence in innovation, where people have the courage to think differently and learn from
# mistakes and successes." / "Public agencies must seek new forms of collaboration."
# Section 3.1.1 (WHITE_PAPER_EN_DEFINITION_URL), "Definition of public sector innovation": "In
# this report, we use the OECD's definition as our point of departure, where public sector
# innovation is defined as follows: Public sector innovation can be a new or significantly
# improved service, product, process, organisation or form of communication. That the innovation
# is new means that it is new to the organisation in question; it may nonetheless be known to and
# implemented by other organisations."
WHITE_PAPER_EN_URL = "https://www.regjeringen.no/en/dokumenter/meld.-st.-30-20192020/id2715113/"
WHITE_PAPER_EN_DEFINITION_URL = WHITE_PAPER_EN_URL + "?ch=3"
WHITE_PAPER_EN_TITLE = "Meld. St. 30 (2019–2020) An innovative public sector"
MINISTRY_EN = "Ministry of Local Government and Modernisation"

# Keyed by the Bokmål page's slug ("" for the home page); each value holds the English page's
# fields. Only these pages get an English version: the others link to the Bokmål page.
ENGLISH = {
    "": {
        "slug": "home",
        "title": "Innovation in the public sector",
        "seo_title": "Innovation in the Norwegian public sector",
        "search_description": (
            "What innovation in the public sector is, the principles from the white paper An "
            "innovative public sector, and the schemes that help public bodies innovate."
        ),
        "lead": (
            "In the future, the public sector must deliver better services for less money. "
            "That makes innovation essential, and change starts from the needs of users and "
            "of society."
        ),
        "image_alt_text": (
            "Illustration: three overlapping rings in blue, green and dark blue on a light blue "
            "background with a blue stripe at the bottom."
        ),
    },
    seed.DEFINITION["slug"]: {
        "slug": "what-is-innovation",
        "title": "What is innovation in the public sector?",
        "menu_title": "What is innovation?",
        "search_description": (
            "The definition of public sector innovation in the Norwegian white paper An "
            "innovative public sector, which builds on the OECD's definition."
        ),
        "lead": (
            "In the future, the public sector must deliver better services for less money. "
            "That makes innovation essential, and change starts from the needs of users and "
            "of society."
        ),
        "definition_heading": "Definition of public sector innovation",
        "term": "Public sector innovation",
        "introduction": (
            "The Organisation for Economic Co-operation and Development (OECD) understands "
            "innovation in the public sector as follows:"
        ),
        "definition": (
            "Public sector innovation can be a new or significantly improved service, product, "
            "process, organisation or form of communication. That the innovation is new means "
            "that it is new to the organisation in question; it may nonetheless be known to and "
            "implemented by other organisations."
        ),
        "source_organisation": MINISTRY_EN,
        "source_title": WHITE_PAPER_EN_TITLE + ", section 3.1.1",
        "source_url": WHITE_PAPER_EN_DEFINITION_URL,
        "body": [
            {
                "type": "text",
                "value": (
                    "<p>The wording is that of the white paper's official English version, in "
                    "section 3.1.1 of Meld. St. 30 (2019–2020) An innovative public sector. The "
                    "white paper uses the OECD's definition as its point of departure.</p>"
                    "<p>In the future, the public sector must deliver better services in new, "
                    "smarter ways – facing tighter budgets and changes in society such as "
                    "climate change, an ageing population and the coronavirus pandemic.</p>"
                ),
            }
        ],
    },
    seed.PRINCIPLES["slug"]: {
        "slug": "principles",
        "title": (
            "Innovation requires us to develop culture, competence, leadership and new forms of "
            "collaboration"
        ),
        "menu_title": "Principles",
        "search_description": (
            "The three main principles for innovation in the public sector from the Norwegian "
            "white paper An innovative public sector (2020)."
        ),
        "lead": (
            "So what must we do differently? The 2020 white paper An innovative public sector "
            "sets out three main principles for innovation in the public sector."
        ),
        "list_introduction": (
            "The principles are inspired by the OECD's declaration on innovation and by input "
            "to the work on the white paper:"
        ),
        "principles": [
            # The official English wording (WHITE_PAPER_EN_URL, chapter 1, above).
            (
                "Freedom of action and incentives",
                "Politicians and public authorities need to grant freedom of action and provide "
                "incentives for innovation.",
            ),
            (
                "Culture and competence",
                "Leaders must develop a culture of and competence in innovation, where people "
                "have the courage to think differently and learn from mistakes and successes.",
            ),
            (
                "New forms of collaboration",
                "Public agencies must seek new forms of collaboration.",
            ),
        ],
        "sources": [
            {
                "title": WHITE_PAPER_EN_TITLE + " – Culture, leadership and competence",
                "publisher": MINISTRY_EN,
                "year": 2020,
                "url": WHITE_PAPER_EN_URL,
            },
            {
                "title": "Declaration on Public Sector Innovation",
                "publisher": "OECD",
                "year": 2019,
                "url": seed.OECD_DECLARATION_URL,
            },
        ],
    },
    seed.PROGRAM_INDEX["slug"]: {
        # The slug stays: addresses under /en/programmes/ are already out there.
        "slug": "programmes",
        "title": "Schemes and new partnerships for innovation in the public sector",
        "menu_title": "Schemes",
        "search_description": (
            "Stimulab and Innovasjonsnettverket, and the programme StartOff, which has ended: "
            "schemes for innovation in the public sector."
        ),
        "lead": "Digdir has several schemes that offer advice, funding and collaboration:",
    },
    "stimulab": {
        "slug": "stimulab",
        "title": "Stimulab",
        "name": "Stimulab",
        "summary": (
            "Guidance and funding for innovative development projects that start from the "
            "users' needs."
        ),
        "description": (
            "Stimulab aims to stimulate public sector innovation from the users' perspective. "
            "We offer cross-disciplinary guidance and funding for innovative development "
            "projects. The goal is seamless services for users and a more efficient public "
            "administration."
        ),
        "target_audience": "Government agencies and municipalities, alone or several together.",
        "offer": (
            "Cross-disciplinary guidance from Stimulab and funding to buy expertise in the "
            "market, for example in service design."
        ),
        "how_to_take_part": (
            "An organisation applies when a call is announced, describing the challenge it "
            "wants to solve. Applicants do not apply for a set amount."
        ),
        "responsible_organisation": (
            "The Norwegian Digitalisation Agency (Digdir) and Design and Architecture Norway (DOGA)"
        ),
        "more_info_text": "Stimulab's call of December 2023 (digdir.no, in Norwegian)",
        "image_alt_text": (
            "Illustration: a yellow light bulb above two blue figures with a green line between "
            "them."
        ),
    },
    "startoff": {
        "slug": "startoff",
        "title": "StartOff",
        "name": "StartOff",
        "summary": (
            "A programme for innovative procurement in which public buyers had solutions to "
            "their needs developed together with start-ups."
        ),
        "description": (
            "Start-ups often have the innovative solution that meets a public need. StartOff "
            "brings public buyers and start-ups together – and follows both parties through the "
            "whole procurement process."
        ),
        "target_audience": "Government agencies and municipalities.",
        "offer": (
            "A dedicated project manager, a needs expert, contract and legal expertise in "
            "innovative procurement, and a start-up expert."
        ),
        "how_to_take_part": (
            "The programme has ended and takes no new projects. Its method can still be used "
            "in innovative procurement."
        ),
        "responsible_organisation": (
            "The Norwegian Agency for Public and Financial Management (DFØ)"
        ),
        "end_note": "In the 2024 state budget, the government decided to wind up the scheme.",
        "more_info_text": "StartOff on anskaffelser.no (in Norwegian)",
        "body": [
            {
                "type": "text",
                "value": (
                    "<p>StartOff was a collaboration between the Norwegian Agency for Public "
                    "and Financial Management (DFØ), the Norwegian Digitalisation Agency "
                    "(Digdir) and the National Programme for Supplier Development (LUP). The "
                    "scheme was administered by DFØ.</p>"
                    "<p>During the programme's lifetime, 21 projects were carried out, for both "
                    "government agencies and municipalities.</p>"
                ),
            }
        ],
        "image_alt_text": "Illustration: a rocket taking off from a building with columns.",
    },
    "innovasjonsnettverket": {
        "slug": "innovation-network",
        "title": "Network for innovation",
        "name": "Innovasjonsnettverket",
        "summary": (
            "A forum where public bodies can share and develop new knowledge and find "
            "opportunities to collaborate across sectors."
        ),
        "description": (
            "Innovasjonsnettverket (the innovation network) is a forum where public bodies can "
            "share and develop new knowledge, discuss current issues and find opportunities for "
            "collaboration across sectors."
        ),
        "image_alt_text": (
            "Illustration: five green dots, all connected to each other by blue lines."
        ),
    },
}

# English vanity addresses: the Bokmål ones under /en/.
ENGLISH_VANITY_PATHS = {
    program["slug"]: "/en" + program["vanity_path"] for program in seed.PROGRAMS
}

# Source: Språkrådet, "Reglar for sentrale statsorgan",
# https://sprakradet.no/spraklova/norsk-sprak/bruk-av-bokmal-og-nynorsk-i-det-offentlege/reglar-for-statsorgan/reglar-for-sentrale-statsorgan/
#   "Sentrale statsorgan skal sørge for at det er minst 25 % av kvart skriftspråk i allment
#   tilgjengelege dokument. Sjå språklova paragraf 13 første leddet." / "«Allment tilgjengelege
#   dokument» er til dømes nettsidetekst" / "Det skal ikkje lagast parallelle versjonar av til
#   dømes nettsider."
# The law itself, språklova (LOV-2021-05-21-42) § 13 first paragraph, "Veksling mellom bokmål og
# nynorsk i allment tilgjengelege dokument", https://www.sprakradet.no/spraklov/paragrafsider/
# -13-veksling-mellom-bokmal-og-nynorsk-i-allment-tilgjengelege-dokument/ : "Sentrale
# statsorgan skal over tid bruke minst 25 prosent av både bokmål og nynorsk i allment
# tilgjengelege dokument."
LANGUAGE_RULES_URL = (
    "https://sprakradet.no/spraklova/norsk-sprak/bruk-av-bokmal-og-nynorsk-i-det-offentlege/"
    "reglar-for-statsorgan/reglar-for-sentrale-statsorgan/"
)

# (added) Written in Nynorsk: a page of its own, not a copy of a Bokmål page, as the rules ask.
NYNORSK = {
    "slug": "sprak",
    "title": "Språket på nettstaden",
    "menu_title": "Språk",
    "show_in_menus": False,
    "written_standard": "nn",
    "search_description": (
        "Kvifor nokre sider er på nynorsk og andre på bokmål, og kva for sider som finst på "
        "engelsk."
    ),
    "lead": (
        "Sidene her er skrivne på bokmål eller nynorsk. Dei viktigaste sidene finst også på "
        "engelsk."
    ),
    "body": [
        {
            "type": "text",
            "value": (
                "<h2>Bokmål og nynorsk</h2>"
                "<p>Sentrale statsorgan skal sørgje for at det er minst 25 prosent av kvart "
                "skriftspråk i allment tilgjengelege dokument, og tekst på nettsider er slike "
                "dokument. Det står i første ledd i paragraf 13 i språklova.</p>"
                # The count of Norwegian pages the seed makes (Rapporter → Målform counts them):
                # ten in Bokmål and this one; English pages are in neither written standard.
                "<p>Førebels er berre éi av dei 11 sidene på norsk skriven på nynorsk, nemleg "
                "denne. Nettstaden oppfyller difor ikkje kravet enno. Kvar side finst berre på "
                "den eine målforma: Det skal ikkje lagast parallelle versjonar av nettsider.</p>"
                f'<p>Les meir i <a href="{LANGUAGE_RULES_URL}">Reglar for sentrale statsorgan'
                "</a> hos Språkrådet.</p>"
                "<h2>Engelsk</h2>"
                "<p>Forsida, sida om kva innovasjon i offentleg sektor er, prinsippa og sidene "
                "om verkemidla finst også på engelsk, for partnarar og oppstartsselskap som "
                "ikkje les norsk. Bruk språkvalet øvst på sida.</p>"
            ),
        }
    ],
}
