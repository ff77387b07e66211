"""No layout shift from late assets (issue 10: Lighthouse's CLS 0): a font that comes after the
first paint, the images and the stylesheets move nothing on any page type, on a phone or a
desktop."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/",
    "/hva-er-innovasjon/",
    "/prinsipper/",
    "/kompetanse/",
    "/virkemidler/",
    "/virkemidler/stimulab/",
    "/sok/?q=innovasjon",
]
VIEWPORTS = [{"width": 375, "height": 740}, {"width": 1280, "height": 800}]
# Before any of the page's own work: every shift from the first paint on, as Lighthouse counts.
OBSERVE_SHIFTS = """
window.__shifts = [];
window.__shiftObserver = new PerformanceObserver((list) => {
  window.__shifts.push(...list.getEntries());
});
window.__shiftObserver.observe({type: "layout-shift", buffered: true});
"""
SETTLED = """() => document.readyState === "complete"
  && document.fonts.status === "loaded"
  && [...document.images].every((image) => image.loading === "lazy" || image.complete)"""
# Two frames after settling, every shift so far has been rendered; takeRecords() holds the ones
# not yet handed to the callback.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
  const total = () => {
    const shifts = [...window.__shifts, ...window.__shiftObserver.takeRecords()];
    window.__shifts = shifts;
    return shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);
  };
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(total())));
})"""


FIRST_CONTENTFUL_PAINT = """() =>
  performance.getEntriesByName("first-contentful-paint").length > 0"""


def _settled_page(browser, url, viewport):
    """The page once everything has come, its fonts held back until after the first paint: the
    worst a slow connection can do to a font swap."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(OBSERVE_SHIFTS)
    page = context.new_page()
    held, painted = [], False

    def hold_until_painted(route):
        if painted:
            route.continue_()
        else:
            held.append(route)

    page.route("**/*.woff2", hold_until_painted)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_function(FIRST_CONTENTFUL_PAINT)
    painted = True
    for route in held:
        route.continue_()
    page.wait_for_function(SETTLED)
    return context, page


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: f"{v['width']}px")
@pytest.mark.parametrize("path", PAGES)
def test_late_fonts_images_and_styles_shift_nothing(live_site, browser, path, viewport):
    context, page = _settled_page(browser, live_site.url + path, viewport)
    try:
        assert page.evaluate(LAYOUT_SHIFT) == 0
    finally:
        context.close()


def test_the_measure_sees_a_banner_that_pushes_the_page_down(live_site, browser):
    # The negative control: content inserted above the fold after the first paint is a shift.
    context, page = _settled_page(browser, live_site.url + "/", VIEWPORTS[0])
    try:
        page.evaluate(
            """() => {
              const banner = document.createElement("div");
              banner.style.height = "200px";
              document.body.prepend(banner);
            }"""
        )
        assert page.evaluate(LAYOUT_SHIFT) > 0
    finally:
        context.close()
