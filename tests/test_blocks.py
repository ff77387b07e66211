"""The block library: every block renders accessibly; bodies keep their headings in order."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue

from pages.blocks import BodyBlock, FigureBlock
from tests.conftest import soup_of, visible_text
from tests.factories import make_all_blocks_page, make_image


@pytest.fixture
def all_blocks_page(seeded):
    return make_all_blocks_page(seeded)


def test_a_page_with_every_block_renders_each_of_them(client, all_blocks_page):
    response = client.get(all_blocks_page.url)
    assert response.status_code == 200
    soup = soup_of(response)
    article = soup.find("article")
    assert any("Om eksempelet" in h2.get_text() for h2 in article.find_all("h2"))
    assert article.select_one("figure.figure picture img")
    assert article.select_one('.ds-alert[data-color="info"]')
    assert article.select_one('.ds-alert[data-color="warning"]')
    assert article.select_one("details.ds-details summary").get_text() == "Hvem kan søke?"
    table = article.select_one("table.ds-table")
    assert table.caption.get_text() == "Virkemidler"
    assert [th["scope"] for th in table.select("thead th")] == ["col", "col"]
    assert article.select_one("figure.quote blockquote")
    assert article.select_one("a.ds-button").get_text() == "Søk nå"
    assert article.select_one(".link-list a")["href"] == "/hva-er-innovasjon/"
    assert article.select_one(".related .card")["href"] == "/hva-er-innovasjon/"
    contact = article.select_one(".contact")
    assert contact.select_one('a[href="mailto:kari@example.no"]')
    assert contact.select_one('a[href="tel:22451000"]')
    text = visible_text(response.content.decode())
    assert "årsrapporten (PDF, 1,2 MB)" in text


def test_every_block_has_an_admin_preview(client, seeded):
    make_image()
    client.force_login(User.objects.create_superuser("admin", "a@example.invalid", "x"))
    for name, block in BodyBlock().child_blocks.items():
        assert block.is_previewable, name
        assert block.meta.description, name
        response = client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        assert "designsystemet" in response.content.decode(), name


def _body(*children):
    block = BodyBlock()
    return block, StreamValue(block, list(children), is_lazy=True)


def test_a_body_cannot_contain_an_h1():
    block, value = _body({"type": "text", "value": "<h1>To overskrifter</h1><p>Tekst</p>"})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert "eneste H1" in str(error.value.block_errors[0])


def test_a_heading_cannot_skip_a_level():
    block, value = _body(
        {"type": "heading", "value": {"text": "Del", "level": "h2"}},
        {"type": "heading", "value": {"text": "Detalj", "level": "h4"}},
    )
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    assert 1 in error.value.block_errors
    assert "hopper over" in str(error.value.block_errors[1])


def test_a_rich_text_heading_counts_in_the_order():
    block, value = _body(
        {"type": "text", "value": "<h3>Starter for dypt</h3>"},
    )
    with pytest.raises(ValidationError):
        block.clean(value)
    block, value = _body(
        {"type": "heading", "value": {"text": "Del", "level": "h2"}},
        {"type": "text", "value": "<h3>Underdel</h3><h4>Detalj</h4><h2>Ny del</h2>"},
        {"type": "heading", "value": {"text": "Ny underdel", "level": "h3"}},
    )
    block.clean(value)


def test_image_without_alt_text_or_decorative_choice_is_refused(db):
    image = make_image()
    block = FigureBlock()
    value = block.to_python({"image": image.pk, "alt_text": "", "decorative": False})
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    message = str(error.value.block_errors["alt_text"])
    assert "alternativ tekst" in message
    assert "dekorativt" in message


def test_decorative_image_renders_empty_alt(db):
    image = make_image()
    block = FigureBlock()
    value = block.clean(
        block.to_python({"image": image.pk, "alt_text": "Blir borte", "decorative": True})
    )
    html = block.render(value)
    img = soup_of_html(html).find("img")
    assert img["alt"] == ""


def test_rendered_images_carry_srcset_sizes_dimensions_and_modern_formats(db):
    image = make_image()
    block = FigureBlock()
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "Et bilde"}))
    soup = soup_of_html(block.render(value))
    img = soup.find("img")
    assert img["alt"] == "Et bilde"
    assert img["width"] and img["height"]
    assert "480w" in img["srcset"] and "1200w" in img["srcset"]
    assert img["sizes"]
    assert img["loading"] == "lazy"
    assert {s["type"] for s in soup.find_all("source")} == {"image/avif", "image/webp"}


def soup_of_html(html):
    return BeautifulSoup(html, "html.parser")
