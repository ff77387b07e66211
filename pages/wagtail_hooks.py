from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem

from pages.accessibility import ALT_TEXT_PATTERN, WCAG_TAGS, axe_locale
from pages.guide import EditorGuideView
from pages.models import SiteSettings
from pages.workflow_comments import show_requested_changes

# Rules whose messages axe-core's Bokmål (locales/nb.json in axe-core 4.14) lacks.
BOKMAL_MESSAGES = {
    "aria-braille-equivalent": _(
        "ARIA-attributter for punktskrift må ha en vanlig tekst ved siden av"
    ),
    "aria-command-name": _("ARIA-kommandoer må ha et tilgjengelig navn"),
    "aria-conditional-attr": _("ARIA-attributter må brukes slik rollen til elementet tillater"),
    "aria-deprecated-role": _("Utgåtte ARIA-roller skal ikke brukes"),
    "aria-meter-name": _("ARIA-målere må ha et tilgjengelig navn"),
    "aria-progressbar-name": _("ARIA-fremdriftsindikatorer må ha et tilgjengelig navn"),
    "aria-prohibited-attr": _("Elementer skal bare ha ARIA-attributter som er tillatt for dem"),
    "aria-tab-name": _("ARIA-faner må ha et tilgjengelig navn"),
    "aria-tooltip-name": _("ARIA-verktøytips må ha et tilgjengelig navn"),
    "empty-table-header": _("En tabelloverskrift er tom"),
    "frame-focusable-content": _("Rammer med innhold som kan få fokus, skal ikke ha tabindex=-1"),
    "nested-interactive": _("Interaktive elementer skal ikke ligge inni hverandre"),
    "no-autoplay-audio": _("Lyd og video skal ikke spilles av automatisk"),
    "select-name": _("Nedtrekkslister må ha et tilgjengelig navn"),
    "summary-name": _("Summary-elementer må ha en tekst"),
    "svg-img-alt": _("SVG-bilder må ha alternativ tekst"),
    "target-size": _("Klikkflater må være minst 24 × 24 piksler, eller ha nok avstand rundt seg"),
}


class SiteAccessibilityChecker(ContentCheckerItem):
    """The userbar's checker: the WCAG 2.2 AA rules of our browser tests and Wagtail's content
    rules, whose tags are not WCAG's, with axe's messages in Bokmål."""

    axe_run_only = WCAG_TAGS
    # A rule named here runs whatever its tags (and p-as-heading although axe calls it
    # experimental); these are the rules Wagtail's own checker runs.
    axe_rules = {rule: {"enabled": True} for rule in ContentCheckerItem.axe_run_only}
    axe_custom_checks = [
        *(
            {**check, "options": {"pattern": ALT_TEXT_PATTERN}}
            if check["id"] == "check-image-alt-text"
            else check
            for check in ContentCheckerItem.axe_custom_checks
        ),
        # axe's margins (bold with italic or a larger size, italic with a larger size, or a much
        # larger size), and bold alone: a short bold paragraph above a longer one is the fake
        # heading editors make most.
        {
            "id": "p-as-heading",
            "options": {
                "margins": [
                    {"weight": 150},
                    {"weight": 150, "italic": True},
                    {"weight": 150, "size": 1.15},
                    {"italic": True, "size": 1.15},
                    {"size": 1.4},
                ],
                "passLength": 1,
                "failLength": 0.5,
            },
        },
    ]
    axe_messages = {
        **{rule: {"error_name": name} for rule, name in BOKMAL_MESSAGES.items()},
        **ContentCheckerItem.axe_messages,
        "alt-text-quality": {
            "error_name": _("Den alternative teksten beskriver ikke bildet"),
            "help_text": _(
                "Beskriv hva bildet viser. Ikke bruk filnavnet, og ikke begynn med «Bilde av»: "
                "skjermleseren sier allerede at det er et bilde."
            ),
        },
    }

    def get_axe_spec(self, request):
        spec = super().get_axe_spec(request)
        locale = axe_locale(translation.get_language() or "")
        return {**spec, "locale": locale} if locale else spec


@hooks.register("construct_wagtail_userbar")
def use_wcag_checker(request, items, page):
    items[:] = [
        SiteAccessibilityChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem)
        else item
        for item in items
    ]


hooks.register("before_edit_page", show_requested_changes)


@hooks.register("register_admin_urls")
def editor_guide_url():
    return [path("veiledning/", EditorGuideView.as_view(), name="editor_guide")]


@hooks.register("construct_help_menu")
def help_in_norwegian(request, menu_items):
    """Our guide instead of Wagtail's, and no "What's new in Wagtail": both are English pages
    about Wagtail in general."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.append(
        MenuItem(_("Redaktørveiledning"), reverse("editor_guide"), icon_name="help", order=1100)
    )


class MissingSiteFactsPanel(Component):
    """On the dashboard, what the site must have and does not: today the accessibility
    statement's address, without which the footer shows no such link."""

    name = "missing_site_facts"
    template_name = "pages/admin/missing_site_facts_panel.html"
    order = 50

    def __init__(self, settings, can_edit):
        self.settings = settings
        self.can_edit = can_edit

    def get_context_data(self, parent_context=None):
        site_pk = self.settings.site_id
        return {
            "edit_url": reverse("wagtailsettings:edit", args=["pages", "sitesettings", site_pk])
            if self.can_edit
            else "",
        }


@hooks.register("construct_homepage_panels")
def show_missing_site_facts(request, panels):
    settings = SiteSettings.for_request(request)
    if not settings.accessibility_statement_url:
        can_edit = request.user.has_perm("pages.change_sitesettings")
        panels.append(MissingSiteFactsPanel(settings, can_edit))
