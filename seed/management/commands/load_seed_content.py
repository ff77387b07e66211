"""Builds the page tree from seed/content.py.

It runs once per site: when a home page exists, nothing is touched, so a second run changes
nothing and editors' edits, renames, moves and deletions stand. `make run` and `make serve` can
therefore call it every time. The English versions (seed/translations.py) are made the same way,
once: when an English home page exists, none is made again.
"""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from pages.models import (
    ContentOwner,
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
from seed import translations
from seed.images import render_png

PAGE_TYPES = {
    "definition": DefinitionPage,
    "principles": PrinciplesPage,
    "content": ContentPage,
}


class Command(BaseCommand):
    help = "Laster inn startinnholdet. Eksisterende sider, bilder og innstillinger røres ikke."

    def handle(self, *args, **options):
        self.created = []
        with transaction.atomic():
            if HomePage.objects.filter(locale=Locale.get_default()).exists():
                self.stdout.write("Innholdet finnes allerede.")
            else:
                self.create_bokmal_tree()
            english = Locale.objects.get_or_create(language_code="en")[0]
            if HomePage.objects.filter(locale=english).exists():
                self.stdout.write("Den engelske versjonen finnes allerede.")
            else:
                self.create_english(english)
        if self.created:
            self.stdout.write(f"Opprettet: {', '.join(self.created)}")
        else:
            self.stdout.write("Ingenting ble endret.")

    def create_bokmal_tree(self):
        self.owner = ContentOwner.objects.get_or_create(
            name=seed.CONTENT_OWNER["name"], defaults={"email": seed.CONTENT_OWNER["email"]}
        )[0]
        home = self.create_home()
        sections = [self.create_page(home, PAGE_TYPES[kind], data) for kind, data in seed.TOP_LEVEL]
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
        language = self.create_page(home, ContentPage, translations.NYNORSK)
        home.save_revision().publish()
        self.ensure_site_settings(home, privacy, language)

    def create_english(self, locale):
        """English translations of the pages in seed/translations.py, linked to their Bokmål
        sources as Wagtail's translation workflow links them, each in its parent's English
        version (the order of ENGLISH is the tree's)."""
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            return
        sources = {"": home}
        sources.update(
            (page.slug, page.specific)
            for page in home.get_descendants().filter(slug__in=list(translations.ENGLISH))
        )
        made = {}
        for slug, data in translations.ENGLISH.items():
            source = sources.get(slug)
            if source is None:
                continue
            page = self.translate(source, locale, data["slug"], made.get(source.get_parent().pk))
            for field, value in self.fields(type(page), data).items():
                setattr(page, field, value)
            if isinstance(page, PrinciplesPage):
                page.principles = self.principles(data)
                page.sources = self.sources(data)
            page.save_revision().publish()
            made[source.pk] = page
            self.created.append(page.url)
        english_home = made.get(home.pk)
        if english_home is None:
            return
        # The copied entry points lead to the Bokmål pages: each English card goes to the
        # English page, and one with no English page is left out.
        english_home.entry_points = [
            HomeEntryPoint(page=made[entry.page_id], sort_order=entry.sort_order)
            for entry in home.entry_points.all()
            if entry.page_id in made
        ]
        english_home.save_revision().publish()
        for slug, path in translations.ENGLISH_VANITY_PATHS.items():
            if slug in sources and sources[slug].pk in made:
                self.ensure_vanity_redirect(path, made[sources[slug].pk])

    def translate(self, source, locale, slug, parent):
        """A draft copy of `source` in `locale`, linked to it as Wagtail's translation workflow
        links it, under `parent` (the root for a home page). The slug is set on the copy, so
        Wagtail makes no redirect from the copied Bokmål slug."""
        parent = parent or source.get_parent()
        return source.copy(
            to=parent,
            update_attrs={"locale": locale, "slug": slug},
            copy_revisions=False,
            keep_live=False,
            reset_translation_key=False,
            log_action="wagtail.copy_for_translation",
        ).specific

    def create_home(self):
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = HomePage(
            slug="forside",
            show_in_menus=False,
            content_owner=self.owner,
            **self.fields(HomePage, seed.HOME),
        )
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
            slug=data["slug"],
            show_in_menus=data.get("show_in_menus", model is not ProgramPage),
            content_owner=self.owner,
        )
        for field, value in self.fields(model, data).items():
            setattr(page, field, value)
        if model is PrinciplesPage:
            page.principles = self.principles(data)
            page.sources = self.sources(data)
        if audiences:
            page.audiences = audiences
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page.url)
        return page

    def principles(self, data):
        return [
            Principle(title=title, text=text, sort_order=order)
            for order, (title, text) in enumerate(data["principles"])
        ]

    def sources(self, data):
        return [
            PrinciplesSource(sort_order=order, **source)
            for order, source in enumerate(data["sources"])
        ]

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

    def ensure_site_settings(self, home, privacy_page, language_page):
        site = home.get_site()
        if SiteSettings.objects.filter(site=site).exists():
            return
        SiteSettings.objects.create(
            site=site,
            default_share_image=self.ensure_image(seed.HOME["image"]),
            privacy_page=privacy_page,
            footer_links=[("link", {"page": language_page, "url": "", "text": ""})],
            **seed.SITE_SETTINGS,
        )
        self.created.append("Innstillinger for nettstedet")
