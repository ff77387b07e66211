"""Builds the page tree from seed/content.py.

It runs once per site: when a home page exists, nothing is touched, so a second run changes
nothing and editors' edits, renames, moves and deletions stand. `make run` and `make serve` can
therefore call it every time.
"""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from pages.models import (
    ContentPage,
    DefinitionPage,
    HomeEntryPoint,
    HomePage,
    Principle,
    PrinciplesPage,
    PrinciplesSource,
    SiteSettings,
)
from programs.models import Audience, ProgramIndexPage, ProgramPage
from seed import content as seed
from seed.images import render_png

PAGE_TYPES = {
    "definition": DefinitionPage,
    "principles": PrinciplesPage,
    "content": ContentPage,
}


class Command(BaseCommand):
    help = "Laster inn startinnholdet. Eksisterende sider, bilder og innstillinger røres ikke."

    def handle(self, *args, **options):
        if HomePage.objects.exists():
            self.stdout.write("Innholdet finnes allerede. Ingenting ble endret.")
            return
        self.created = []
        with transaction.atomic():
            home = self.create_home()
            sections = [
                self.create_page(home, PAGE_TYPES[kind], data) for kind, data in seed.TOP_LEVEL
            ]
            index = self.create_page(home, ProgramIndexPage, seed.PROGRAM_INDEX)
            audiences = {
                data["slug"]: Audience.objects.get_or_create(slug=data["slug"], defaults=data)[0]
                for data in seed.AUDIENCES
            }
            privacy = self.create_page(home, ContentPage, seed.PRIVACY)
            for data in seed.PROGRAMS:
                program = self.create_page(
                    index,
                    ProgramPage,
                    data,
                    audiences=[audiences[slug] for slug in data.get("audiences", [])],
                )
                self.ensure_vanity_redirect(data["vanity_path"], program)
            for order, page in enumerate([*sections, index]):
                HomeEntryPoint.objects.create(home=home, page=page, sort_order=order)
            home.save_revision().publish()
            self.ensure_site_settings(home, privacy)
        self.stdout.write(f"Opprettet: {', '.join(self.created)}")

    def create_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = HomePage(slug="forside", show_in_menus=False, **self.fields(HomePage, seed.HOME))
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            site = Site(is_default_site=True)
        # The public address comes from the environment, so full URLs (canonical, sharing,
        # sitemap) are right from the first run; editors can change it under Sites.
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's install leaves a plain "Welcome" page that holds no content.
        for placeholder in root.get_children().exact_type(Page):
            if placeholder.numchild == 0:
                placeholder.delete()
        self.created.append(seed.HOME["title"])
        return home

    def create_page(self, parent, model, data, audiences=()):
        page = model(
            slug=data["slug"], show_in_menus=data.get("show_in_menus", model is not ProgramPage)
        )
        for field, value in self.fields(model, data).items():
            setattr(page, field, value)
        if model is PrinciplesPage:
            page.principles = [
                Principle(title=title, text=text, sort_order=order)
                for order, (title, text) in enumerate(data["principles"])
            ]
            page.sources = [
                PrinciplesSource(sort_order=order, **source)
                for order, source in enumerate(data["sources"])
            ]
        if audiences:
            page.audiences = audiences
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page.url)
        return page

    def fields(self, model, data):
        """The seed entry's values for the model's own fields; images become Image objects."""
        names = {field.name for field in model._meta.get_fields()}
        values = {
            key: value
            for key, value in data.items()
            if key in names
            and key not in {"slug", "image", "principles", "sources", "show_in_menus", "audiences"}
        }
        if "image" in data and "image" in names:
            values["image"] = self.ensure_image(data["image"])
        return values

    def ensure_image(self, key):
        image_model = get_image_model()
        title = f"Illustrasjon: {key}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(
                title=title,
                file=ImageFile(io.BytesIO(render_png(key)), name=f"illustrasjon-{key}.png"),
            )
            image.save()
            self.created.append(title)
        return image

    def ensure_vanity_redirect(self, old_path, page):
        path = Redirect.normalise_path(old_path)
        if not Redirect.objects.filter(old_path=path).exists():
            Redirect.objects.create(old_path=path, site=None, redirect_page=page, is_permanent=True)
            self.created.append(f"{old_path}/ -> {page.url}")

    def ensure_site_settings(self, home, privacy_page):
        site = home.get_site()
        if SiteSettings.objects.filter(site=site).exists():
            return
        SiteSettings.objects.create(
            site=site,
            default_share_image=self.ensure_image(seed.HOME["image"]),
            privacy_page=privacy_page,
            **seed.SITE_SETTINGS,
        )
        self.created.append("Innstillinger for nettstedet")
