"""Links that never break, sections that can be linked to, and pages that describe themselves."""

import json
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from pages.models import ContentPage
from programs.models import ProgramIndexPage, ProgramPage
from tests.conftest import public_pages, soup_of
from tests.factories import make_all_blocks_page


def _section_headings(soup):
    """h2 and h3 in the article, leaving out card titles (headings inside a link)."""
    article = soup.find("article")
    return [h for h in article.find_all(["h2", "h3"]) if h.find_parent("a") is None]


def _redirects_to(client, old, new):
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    assert response["Location"].endswith(new), (old, response["Location"])


def test_renaming_a_page_redirects_its_old_urls_and_its_childrens(
    client, seeded, django_capture_on_commit_callbacks
):
    index = ProgramIndexPage.objects.get(locale__language_code="nb")
    with django_capture_on_commit_callbacks(execute=True):
        index.slug = "ordninger"
        index.save_revision().publish()
    _redirects_to(client, "/virkemidler/", "/ordninger/")
    _redirects_to(client, "/virkemidler/stimulab/", "/ordninger/stimulab/")
    assert client.get("/ordninger/stimulab/").status_code == 200


def test_moving_a_page_redirects_its_old_urls_and_its_childrens(client, seeded):
    section = ContentPage.objects.get(slug="kompetanse")
    child = ContentPage(title="Metoder", slug="metoder", lead="Arbeidsmetoder.")
    section.add_child(instance=child)
    child.save_revision().publish()
    new_parent = ContentPage.objects.get(slug="handlingsrom")
    section.move(new_parent, pos="last-child")
    _redirects_to(client, "/kompetanse/", "/handlingsrom/kompetanse/")
    _redirects_to(client, "/kompetanse/metoder/", "/handlingsrom/kompetanse/metoder/")


@pytest.mark.parametrize(
    ("vanity", "target"),
    [
        ("/stimulab/", "/virkemidler/stimulab/"),
        ("/startoff/", "/virkemidler/startoff/"),
        ("/innovasjonsnettverket/", "/virkemidler/innovasjonsnettverket/"),
    ],
)
def test_vanity_urls_redirect_to_their_programs(client, seeded, vanity, target):
    _redirects_to(client, vanity, target)


def test_vanity_url_follows_its_program_when_it_moves(
    client, seeded, django_capture_on_commit_callbacks
):
    program = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    with django_capture_on_commit_callbacks(execute=True):
        program.slug = "stimulab-ny"
        program.save_revision().publish()
    _redirects_to(client, "/stimulab/", "/virkemidler/stimulab-ny/")


def test_permalink_follows_a_page_through_two_moves(client, seeded):
    page = ContentPage.objects.get(slug="kompetanse")
    permalink = f"/s/{page.pk}/"
    assert client.get(permalink)["Location"] == "/kompetanse/"
    page.move(ContentPage.objects.get(slug="handlingsrom"), pos="last-child")
    assert client.get(permalink)["Location"] == "/handlingsrom/kompetanse/"
    page.refresh_from_db()
    page.move(
        ProgramIndexPage.objects.get(locale__language_code="nb").get_parent(), pos="first-child"
    )
    response = client.get(permalink)
    assert response.status_code == 302
    assert response["Location"] == "/kompetanse/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("page_id", ["999999", "0", "99999999999999999999", "-1", "abc"])
def test_unknown_permalinks_answer_404(client, seeded, page_id):
    response = client.get(f"/s/{page_id}/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_permalinks_of_unpublished_and_root_pages_answer_404(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    page.unpublish()
    assert client.get(f"/s/{page.pk}/").status_code == 404
    assert client.get(f"/s/{Page.get_first_root_node().pk}/").status_code == 404


def test_share_area_shows_the_permalink_and_a_qr_code(client, seeded):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="startoff")
    soup = soup_of(client.get("/virkemidler/startoff/"))
    share = soup.select_one("aside.share")
    assert share.find("h2").get_text(strip=True) == "Del denne siden"
    link = share.select_one("#permalink")
    assert link["href"] == f"http://testserver/s/{page.pk}/"
    svg = share.select_one("svg[role=img]")
    assert "QR-kode" in svg["aria-label"]
    assert svg.find("path")
    button = share.select_one("button[data-copy]")
    assert button.has_attr("hidden"), "the copy button appears only with JavaScript"


def test_editors_see_the_permalink_in_the_admin(client, seeded, admin_user):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/s/{page.pk}/" in html


def test_every_h2_and_h3_on_every_seeded_page_has_a_unique_id(client, seeded):
    make_all_blocks_page(seeded)
    for page in public_pages():
        soup = soup_of(client.get(page.url))
        main = soup.find("main")
        headings = [h for h in main.find_all(["h2", "h3"]) if h.find_parent("a") is None]
        ids = [h.get("id") for h in headings]
        assert all(ids), (page.url, ids)
        all_ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(all_ids) == len(set(all_ids)), page.url


def test_section_ids_are_readable_and_handle_norwegian_letters(client, seeded):
    soup = soup_of(client.get(make_all_blocks_page(seeded).url))
    ids = [h.get("id") for h in _section_headings(soup)]
    assert "om-eksempelet" in ids
    assert "lenker-og-dokumenter" in ids
    link = soup.select_one("#om-eksempelet a.anchor-link")
    assert link["href"] == "#om-eksempelet"
    assert "Lenke til seksjonen" in link.get_text()


def test_section_ids_do_not_change_when_text_above_them_changes(client, seeded):
    page = make_all_blocks_page(seeded)
    before = [h["id"] for h in _section_headings(soup_of(client.get(page.url)))]
    page.body[0].value["text"] = "Et helt nytt navn på første del"
    page.lead = "En annen ingress."
    page.save_revision().publish()
    after = [h["id"] for h in _section_headings(soup_of(client.get(page.url)))]
    assert after[0] != before[0]
    assert after[1:] == before[1:]


def test_pages_with_three_or_more_h2_get_a_table_of_contents(client, seeded):
    page = make_all_blocks_page(seeded)
    toc = soup_of(client.get(page.url)).select_one("nav.toc")
    assert toc is not None
    targets = [a["href"] for a in toc.find_all("a")]
    assert "#om-eksempelet" in targets
    assert soup_of(client.get("/handlingsrom/")).select_one("nav.toc") is None


def test_every_public_page_has_canonical_description_open_graph_and_json_ld(client, seeded):
    for page in public_pages():
        soup = soup_of(client.get(page.url))
        head = soup.find("head")
        assert head.find("link", rel="canonical")["href"] == page.full_url
        assert head.find("meta", attrs={"name": "description"})["content"].strip()
        for prop in ("og:title", "og:description", "og:url", "og:image", "og:type"):
            assert head.find("meta", property=prop)["content"].strip(), (page.url, prop)
        assert head.find("meta", attrs={"name": "twitter:card"})
        data = json.loads(head.find("script", type="application/ld+json").string)
        types = {item["@type"] for item in data["@graph"]}
        assert {"Organization", "WebSite", "WebPage"} <= types
        if page.depth > 2:
            assert "BreadcrumbList" in types
        if isinstance(page, ProgramPage):
            assert "GovernmentService" in types
        last_updated = "Last updated" if page.locale.language_code == "en" else "Sist oppdatert"
        assert last_updated in soup.get_text()


def test_json_ld_cannot_be_broken_out_of(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    page.search_description = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get("/handlingsrom/").content.decode()
    assert "<script>alert(1)" not in html
    soup = soup_of(client.get("/handlingsrom/"))
    data = json.loads(soup.find("script", type="application/ld+json").string)
    web_page = next(item for item in data["@graph"] if item["@type"] == "WebPage")
    assert "alert(1)" in web_page["description"]


def test_sitemap_lists_exactly_the_live_public_pages_with_lastmod(client, seeded):
    draft = ContentPage(title="Utkast", slug="utkast", lead="Ikke publisert.", live=False)
    seeded.add_child(instance=draft)
    draft.save_revision()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {url.find("s:loc", ns).text: url.find("s:lastmod", ns) for url in root}
    expected = {page.full_url for page in public_pages()}
    assert set(listed) == expected
    assert all(lastmod is not None and lastmod.text for lastmod in listed.values())


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out(client, seeded):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Disallow: /sok/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_api_lists_programs_with_their_typed_fields(client, seeded):
    response = client.get("/api/v2/pages/", {"type": "programs.ProgramPage", "fields": "*"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["name"] for item in items] == ["Stimulab", "StartOff", "Innovasjonsnettverket"]
    startoff = items[1]
    assert startoff["status"] == "ended"
    assert startoff["ended_year"] == 2024
    assert startoff["end_note"]
    assert (
        startoff["responsible_organisation"]
        == "Direktoratet for forvaltning og økonomistyring (DFØ)"
    )
    assert startoff["target_audience"]


def test_api_never_shows_drafts_or_unpublished_changes(client, seeded):
    page = ProgramPage.objects.get(locale__language_code="nb", slug="stimulab")
    published_summary = page.summary
    page.summary = "Et utkast som ikke er godkjent."
    page.save_revision()
    hidden = ContentPage(title="Hemmelig utkast", slug="hemmelig", lead="x", live=False)
    seeded.add_child(instance=hidden)
    hidden.save_revision()

    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["summary"] == published_summary
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    listing = json.dumps(client.get("/api/v2/pages/", {"fields": "*"}).json())
    assert "Hemmelig utkast" not in listing
    assert "ikke er godkjent" not in listing


def test_api_is_read_only(client, seeded):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_the_admin_refuses_slugs_with_letters_outside_ascii(client, seeded, admin_user):
    from tests.test_editorial_workflow import _edit

    page = ContentPage.objects.get(slug="handlingsrom")
    client.force_login(admin_user)
    response = _edit(client, page, {"slug": "søknad"}, "action-publish")
    assert response.status_code == 200
    assert "Bruk bare små bokstaver a–z" in response.content.decode()
    page.refresh_from_db()
    assert page.slug == "handlingsrom"


def test_a_heading_never_takes_an_id_the_page_chrome_uses(client, seeded):
    page = ContentPage.objects.get(slug="handlingsrom")
    page.body = [
        {"type": "heading", "value": {"text": "Main", "level": "h2"}},
        {"type": "heading", "value": {"text": "Permalink", "level": "h2"}},
    ]
    page.save_revision().publish()
    soup = soup_of(client.get("/handlingsrom/"))
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert soup.find(id="main").name == "main"


@pytest.mark.parametrize(
    "params",
    [
        {"offset": "99999999999999999999"},
        {"offset": "-1"},
        {"limit": "abc"},
        {"limit": "1000"},
        {"first_published_at": "x"},
        {"type": "programs.ProgramPage", "applications_close_on": "notadate"},
        {"type": "programs.ProgramPage", "ended_year": "totusen"},
        {"type": "finnes.Ikke"},
        {"fields": "nonsense"},
        {"order": "xyz"},
        {"search": "stimulab"},
        {"child_of": "abc"},
    ],
)
def test_api_answers_bad_parameters_with_400_and_a_norwegian_message(client, seeded, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400, (params, response.status_code)
    assert response.json()["message"]


def test_api_unknown_page_answers_404(client, seeded):
    response = client.get("/api/v2/pages/999999999999/")
    assert response.status_code == 404
    assert response.json()["message"] == "Fant ikke siden."


def test_documents_are_not_served_from_media_bypassing_their_privacy(client, seeded):
    from tests.factories import make_document

    document = make_document(title="Intern rapport", size=10)
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(document.url).status_code == 200
    assert client.get("/media/../manage.py").status_code in (400, 404)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Kompetanse og ledelse", "kompetanse-og-ledelse"),
        ("Økt gjennomføringsevne", "okt-gjennomforingsevne"),
        ("Å søke om midler", "a-soke-om-midler"),
        ("Særlige behov – tjenester for ÆØÅ", "saerlige-behov-tjenester-for-aeoa"),
        ("Großes Straßenprojekt", "grosses-strassenprojekt"),  # kept, not dropped
        ("«»", "seksjon"),
    ],
)
def test_section_ids_spell_letters_in_ascii(heading, expected):
    from pages.headings import section_id

    assert section_id(heading) == expected


def test_section_ids_stay_unique_when_a_heading_looks_like_a_numbered_repeat():
    from pages.headings import SectionIds

    ids = SectionIds()
    assert [ids.take(t) for t in ("Mål", "Mål", "Mål 2", "Ærlig talt")] == [
        "mal",
        "mal-2",
        "mal-2-2",
        "aerlig-talt",
    ]
