"""Each page type can be created only where it belongs in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import ContentPage, DefinitionPage, HomePage, PrinciplesPage
from programs.models import ProgramIndexPage, ProgramPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_top_of_the_tree_only(self):
        self.assertCanCreateAt(Page, HomePage)
        for parent in (HomePage, ContentPage, ProgramIndexPage, ProgramPage):
            self.assertCanNotCreateAt(parent, HomePage)

    def test_section_pages_sit_under_the_home_page(self):
        for child in (DefinitionPage, PrinciplesPage, ContentPage, ProgramIndexPage):
            self.assertCanCreateAt(HomePage, child)
            self.assertCanNotCreateAt(ProgramPage, child)

    def test_programs_sit_only_under_the_program_index(self):
        self.assertCanCreateAt(ProgramIndexPage, ProgramPage)
        for parent in (Page, HomePage, ContentPage, DefinitionPage, PrinciplesPage, ProgramPage):
            self.assertCanNotCreateAt(parent, ProgramPage)

    def test_program_index_sits_only_under_the_home_page(self):
        for parent in (Page, ContentPage, DefinitionPage, PrinciplesPage):
            self.assertCanNotCreateAt(parent, ProgramIndexPage)

    def test_content_pages_can_nest_for_deeper_sections(self):
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanCreateAt(DefinitionPage, ContentPage)
        self.assertCanCreateAt(PrinciplesPage, ContentPage)
        self.assertCanNotCreateAt(ProgramIndexPage, ContentPage)

    def test_editors_can_add_exactly_the_section_types_under_the_home_page(self):
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {DefinitionPage, PrinciplesPage, ContentPage, ProgramIndexPage},
        )
