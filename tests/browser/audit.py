"""Accessibility audit of rendered pages: axe-core, keyboard focus, reflow, headings, assets.

`audit_page(page, url)` checks one URL in a Playwright page and returns a plain dict;
`failures(result)` turns it into readable messages per check. `crawl_and_audit` runs the audit on
every page reachable from the home page (links and GET forms), at each width and colour scheme.
A test for one new page (with the `browser` and `live_site` fixtures from conftest.py):

    page = browser.new_page()
    for width in (audit.DESKTOP, audit.MOBILE):
        for scheme in ("light", "dark"):
            result = audit.audit_page(page, live_site.url + "/sok/?q=innovasjon",
                                      width=width, scheme=scheme)
            assert not audit.failures(result), audit.failures(result)

The WCAG tags come from pages/accessibility.py, which the Wagtail admin's checker uses too.
"""

import contextlib
import functools
import json
import time
import urllib.error
import urllib.request
import weakref
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # conftest.py skips (or fails) the browser tests with a reason
    PlaywrightError = Exception

from pages.accessibility import BEST_PRACTICE_TAGS, WCAG_TAGS
from tests.weight import wire_bytes

ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"

DESKTOP, MOBILE = 1280, 320
VIEWPORT_HEIGHT = 800
# Every page is audited at each of these. Dark switches the colour scheme of the page just
# audited in light (no reload) and runs axe again: the keyboard checks do not depend on colour.
VARIANTS = [
    {"width": DESKTOP, "scheme": "light", "best_practice": True, "weight": True},
    {"width": DESKTOP, "scheme": "dark", "reuse": True, "focus": False},
    {"width": MOBILE, "scheme": "light", "best_practice": True},
    {"width": MOBILE, "scheme": "dark", "reuse": True, "focus": False},
]
# One full-page screenshot per page type at these.
SCREENSHOT_VARIANTS = {(DESKTOP, "light"), (DESKTOP, "dark"), (MOBILE, "light")}

# English lives under /en/; every other page's interface is Bokmål.
SKIP_LINK_TEXT = {"nb": "Hopp til hovedinnhold", "en": "Skip to main content"}


def interface_language(url):
    return "en" if urlsplit(url).path.startswith("/en/") else "nb"


# Not pages: never crawled.
NOT_PAGES = ("/admin/", "/static/", "/media/", "/dokumenter/", "/helse/")
MISSING_PATH = "/finnes-ikke-tilgjengelighetstest/"
MAX_PAGES = 300

PAGE_TYPE_NAMES = {
    "homepage": "home",
    "definitionpage": "definition",
    "principlespage": "principles",
    "contentpage": "content",
    "programindexpage": "program-index",
    "programpage": "program",
}

# Lines for the terminal summary (printed by conftest.py).
SUMMARY = []

_DESCRIBE_JS = """
window.__a11yDescribe = (el) => {
  if (!el || !el.tagName) return String(el);
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (typeof el.className === 'string' && el.className.trim())
    s += '.' + el.className.trim().split(/\\s+/).join('.');
  const href = el.getAttribute('href');
  if (href) s += `[href="${href}"]`;
  const text = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
  if (text) s += ` "${text.slice(0, 50)}"`;
  return s;
};
"""

_STRUCTURE_JS = """
() => {
  const d = document.documentElement;
  const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')]
    .filter(el => el.checkVisibility() && !el.closest('[aria-hidden=true]'))
    .map(el => ({
      level: el.hasAttribute('aria-level') ? Number(el.getAttribute('aria-level'))
        : /^H[1-6]$/.test(el.tagName) ? Number(el.tagName[1]) : 2,
      text: el.textContent.trim().replace(/\\s+/g, ' ').slice(0, 80),
    }));
  const cw = d.clientWidth;
  const overflowing = d.scrollWidth > cw;
  const offenders = overflowing
    ? [...document.body.querySelectorAll('*')]
        .filter(el => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > cw + 0.5;
        })
        .slice(0, 8).map(window.__a11yDescribe)
    : [];
  const links = [...document.querySelectorAll('a[href], area[href]')].map(a => a.href);
  const forms = [...document.querySelectorAll('form')]
    .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
    .map(f => f.action);
  return {
    lang: d.getAttribute('lang'),
    title: document.title,
    headings,
    overflow: {scrollWidth: d.scrollWidth, clientWidth: cw, offenders},
    links: [...links, ...forms],
  };
}
"""

_AXE_JS = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target.join(' '), html: n.html.slice(0, 200),
      summary: (n.failureSummary || '').slice(0, 400),
    })),
  }));
}
"""

_FOCUS_BASELINE_JS = """
() => {
  const props = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow'];
  window.__a11yFocusProps = props;
  window.__a11yBaseline = new Map();
  window.__a11yIds = new WeakMap();
  window.__a11yCounter = 0;
  const sel = 'a[href], area[href], button, input, select, textarea, summary, iframe, '
    + '[tabindex], [contenteditable]:not([contenteditable=false])';
  for (const el of document.querySelectorAll(sel)) {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    window.__a11yBaseline.set(el, {
      style: Object.fromEntries(props.map(p => [p, cs.getPropertyValue(p)])),
      area: r.width * r.height,
    });
  }
  return window.__a11yBaseline.size;
}
"""

# Records each element as it receives focus; the keyboard presses come from Playwright.
_FOCUS_RECORDER_JS = """
() => {
  window.__a11yStops = [];
  document.addEventListener('focusin', () => window.__a11yStops.push(window.__a11yFocusStep()));
  const candidates = [...window.__a11yBaseline.keys()]
    .filter(el => el.tabIndex >= 0 && !el.disabled && el.checkVisibility());
  return candidates.length;
}
"""

_FOCUS_STEP_JS = """
window.__a11yFocusStep = () => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (!window.__a11yIds.has(el)) window.__a11yIds.set(el, ++window.__a11yCounter);
  const props = window.__a11yFocusProps;
  const cs = getComputedStyle(el);
  const now = Object.fromEntries(props.map(p => [p, cs.getPropertyValue(p)]));
  const base = window.__a11yBaseline.get(el);
  const r = el.getBoundingClientRect();
  const transparent = c => c === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(c);
  const hasOutline = now['outline-style'] !== 'none' && parseFloat(now['outline-width']) >= 1
    && !transparent(now['outline-color']);
  const outlineChanged = !base || ['outline-style', 'outline-width', 'outline-color']
    .some(p => base.style[p] !== now[p]);
  const hasShadow = now['box-shadow'] !== 'none';
  const shadowChanged = !base || base.style['box-shadow'] !== now['box-shadow'];
  const appeared = !!base && base.area <= 1 && r.width * r.height > 1;
  const reasons = [];
  if (hasOutline && outlineChanged) reasons.push('outline');
  if (hasShadow && shadowChanged) reasons.push('box-shadow');
  if (appeared) reasons.push('appears');
  return {
    key: String(window.__a11yIds.get(el)),
    element: window.__a11yDescribe(el),
    indicator: reasons,
    visible: r.width * r.height > 1,
    isSkipLink: el.matches('a.ds-skip-link'),
    skipLinkText: el.textContent.trim(),
    href: el.getAttribute('href'),
    before: base ? base.style : null,
    focused: now,
  };
};
"""

_SETTLE_JS = """
async () => {
  document.activeElement && document.activeElement.blur();
  window.scrollTo(0, 0);
  await new Promise(requestAnimationFrame);
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}
"""

_LOAD_LAZY_IMAGES_JS = """
async () => {
  const lazy = [...document.querySelectorAll('img[loading=lazy]')];
  lazy.forEach(img => { img.loading = 'eager'; });
  await Promise.all([...document.images].map(img => img.complete ? null
    : new Promise(done => { img.onload = img.onerror = done; setTimeout(done, 3000); })));
  await document.fonts.ready;
}
"""

# The page has loaded, its web fonts are in and every image it shows has arrived (or failed):
# only then is it what a reader sees. Lazy images far below the fold have not started.
_SETTLED_JS = """
() => document.readyState === 'complete' && document.fonts.status === 'loaded'
  && [...document.images].every(img => img.complete
    || (img.loading === 'lazy' && img.getBoundingClientRect().top > innerHeight))
"""

# Resource types a page cannot do without: a failure to load one fails the audit.
NEEDED_RESOURCES = {"document", "stylesheet", "script", "font", "image"}

WEIGHT_CATEGORIES = {
    "document": "html",
    "stylesheet": "css",
    "font": "fonts",
    "script": "js",
    "image": "images",
}


def _failed_request(request, error):
    return {"url": request.url, "type": request.resource_type, "error": error}


def needed_request_failed(failure):
    """A resource the page needs that did not load. An aborted request of another kind (a
    beacon, a prefetch) is the browser's business."""
    return failure["type"] in NEEDED_RESOURCES or not failure["error"].startswith(
        "net::ERR_ABORTED"
    )


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# Registered before any page script runs: every Content-Security-Policy violation the page causes
# (an inline script or style, a source the policy does not allow) is kept for `failures()`.
_CSP_LISTENER_JS = """
if (!window.__cspViolations) {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push({
    directive: e.effectiveDirective, blocked: e.blockedURI,
    source: `${e.sourceFile || e.documentURI}:${e.lineNumber}`, sample: e.sample,
  }));
}
"""
_PAGES_WITH_CSP_LISTENER = weakref.WeakSet()


@functools.cache
def axe_source():
    return AXE_PATH.read_text()


def listen_for_csp_violations(page):
    """From the next navigation on; the audit runs under the site's real policy (no bypass)."""
    if page not in _PAGES_WITH_CSP_LISTENER:
        page.add_init_script(_CSP_LISTENER_JS)
        _PAGES_WITH_CSP_LISTENER.add(page)


def audit_page(
    page,
    url,
    *,
    width=DESKTOP,
    scheme="light",
    expect_status=200,
    best_practice=False,
    focus=True,
    weight=False,
    screenshot=None,
    reuse=None,
):
    """Loads `url` in `page` at `width` CSS px and colour `scheme`, and runs every check.

    Returns a dict (JSON-serialisable) with what each check found; `failures()` judges it.
    `reuse`: the result of the previous audit of the same URL and width in this page; the page
    is then not reloaded, only switched to `scheme` (for a second colour scheme).
    """
    started = time.monotonic()
    timings = {}

    def lap(stage):
        nonlocal started
        now = time.monotonic()
        timings[stage] = round(now - started, 3)
        started = now

    origin = origin_of(url)
    requested, failed, responses = [], [], []

    def on_request(request):
        requested.append(request)

    def on_response(response):
        responses.append(response)
        if response.status >= 400 and response.request.resource_type != "document":
            failed.append(_failed_request(response.request, f"HTTP {response.status}"))

    def on_request_failed(request):
        # A request the previous page left unfinished is cancelled when this one navigates;
        # it says nothing about this page.
        if request in requested:
            failed.append(_failed_request(request, request.failure))

    reload = reuse is None or page.url.split("#")[0] != url or reuse["width"] != width
    listen_for_csp_violations(page)
    page.set_viewport_size({"width": width, "height": VIEWPORT_HEIGHT})
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    try:
        if reload:
            response = page.goto(url, wait_until="load")
            status = response.status if response else None
            html = response.text() if response else ""
            page.evaluate(_DESCRIBE_JS)
        else:
            status, html = reuse["status"], reuse["html"]
            page.evaluate(_SETTLE_JS)
        page.wait_for_function(_SETTLED_JS)
        lap("load")
        result = {
            "url": url,
            "path": urlsplit(url).path,
            "width": width,
            "scheme": scheme,
            "status": status,
            "expected_status": expect_status,
            "html": html,
        }
        result.update(page.evaluate(_STRUCTURE_JS))
        if weight:
            result["weight"] = page_weight(responses)
        lap("structure")
        if not page.evaluate("typeof window.axe === 'object'"):
            # Evaluated through the DevTools protocol, which the page's CSP does not govern;
            # a <script> tag would be an inline script the policy blocks.
            page.evaluate(axe_source())
        result["violations"] = page.evaluate(_AXE_JS, WCAG_TAGS)
        lap("axe")
        if best_practice:
            result["best_practice"] = page.evaluate(_AXE_JS, BEST_PRACTICE_TAGS)
            lap("best_practice")
        if focus:
            result["focus"] = check_focus(page)
            lap("focus")
        if screenshot:
            page.evaluate(_LOAD_LAZY_IMAGES_JS)
            page.evaluate("document.activeElement && document.activeElement.blur()")
            page.evaluate("window.scrollTo(0, 0)")
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=True)
            result["screenshot"] = str(Path(screenshot).relative_to(ROOT))
            lap("screenshot")
        # Every request this page started has its answer (or its failure) before we stop
        # listening, so a failure seen later can only be one the test caused by moving on.
        # (Not `response.finished()`: it never returns for a request that fails after its
        # headers, as Chromium's cancelled 404 stylesheet does.)
        for request in requested:
            request.response()
        result["csp_violations"] = page.evaluate("(window.__cspViolations || []).splice(0)")
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("response", on_response)
        page.remove_listener("requestfailed", on_request_failed)
    requests = [request.url for request in requested]
    result["requests"] = len(requests)
    result["third_party"] = sorted(
        {u for u in requests if u.startswith(("http:", "https:", "ws:", "wss:"))}
        - {u for u in requests if origin_of(u) == origin}
    )
    result["failed_requests"] = failed
    result["timings"] = timings
    result["seconds"] = round(sum(timings.values()), 2)
    return result


def check_focus(page, max_steps=400):
    """Tabs through the page from the top: the first stop must be the skip link, and every stop
    must look different from its unfocused self (outline or box-shadow, or appearing). Then
    Enter on the skip link must move focus to <main id="main">."""
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate(_FOCUS_BASELINE_JS)
    page.evaluate(_FOCUS_STEP_JS)
    batch = page.evaluate(_FOCUS_RECORDER_JS) + 3
    presses, wrapped = 0, False
    # Tab until focus leaves the page or comes round again.
    while not wrapped and presses < max_steps:
        for _ in range(batch):
            page.keyboard.press("Tab")
        presses += batch
        stops, seen = [], set()
        for stop in page.evaluate("window.__a11yStops"):
            if stop is None or stop["key"] in seen:
                wrapped = True
                break
            seen.add(stop["key"])
            stops.append(stop)
        wrapped = wrapped or page.evaluate(
            "!document.activeElement || document.activeElement === document.body"
        )
    first = stops[0] if stops else None
    skip = {
        "first_stop": first["element"] if first else None,
        "first_is_skip_link": bool(
            first
            and first["isSkipLink"]
            and first["skipLinkText"] == SKIP_LINK_TEXT[interface_language(page.url)]
            and first["href"] == "#main"
        ),
    }
    if page.locator("a.ds-skip-link").count():
        page.evaluate("window.scrollTo(0, 0)")
        page.locator("a.ds-skip-link").first.focus()
        page.keyboard.press("Enter")
        # A page whose skip link works passes at once; only a broken one waits the whole
        # timeout (a short one would fail a working link on a busy machine).
        with contextlib.suppress(PlaywrightError):
            page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
        skip["after_enter"] = page.evaluate(
            "(() => { const el = document.activeElement;"
            " return {tag: el.tagName.toLowerCase(), id: el.id,"
            " tabindex: el.getAttribute('tabindex'), hash: location.hash}; })()"
        )
    else:
        skip["after_enter"] = None
    skip["moves_to_main"] = skip["after_enter"] == {
        "tag": "main",
        "id": "main",
        "tabindex": "-1",
        "hash": "#main",
    }
    return {
        "stops": len(stops),
        "skip_link": skip,
        "missing_indicator": [
            {"element": s["element"], "unfocused": s["before"], "focused": s["focused"]}
            for s in stops
            if not s["indicator"] or not s["visible"]
        ],
    }


def page_weight(responses):
    """Bytes per kind, as a server that gzips text (and only text) would send them."""
    totals = dict.fromkeys([*WEIGHT_CATEGORIES.values(), "other"], 0)
    raw_total, files = 0, []
    for response in responses:
        is_document = response.request.resource_type == "document"
        if not (200 <= response.status < 300 or is_document):
            continue
        try:
            body = response.body()
        except Exception:
            continue
        size = wire_bytes(body, response.headers.get("content-type", ""))
        kind = WEIGHT_CATEGORIES.get(response.request.resource_type, "other")
        totals[kind] += size
        raw_total += len(body)
        files.append({"url": urlsplit(response.url).path, "kind": kind, "bytes": size})
    return {
        **totals,
        "total": sum(totals.values()),
        "uncompressed_total": raw_total,
        "files": files,
    }


def heading_problems(result):
    problems, previous = [], None
    headings = result.get("headings", [])
    h1s = [h for h in headings if h["level"] == 1]
    if len(h1s) != 1:
        problems.append(f"{len(h1s)} h1 elements (want exactly one): {[h['text'] for h in h1s]}")
    for heading in headings:
        if previous is None and heading["level"] != 1:
            problems.append(f"first heading is h{heading['level']} «{heading['text']}», not h1")
        elif previous is not None and heading["level"] > previous + 1:
            problems.append(
                f"h{previous} → h{heading['level']} skips a level at «{heading['text']}»"
            )
        previous = heading["level"]
    return problems


def failures(result):
    """Readable failures per check for one audit result: {check: [message, ...]}."""
    out = {}
    if result["status"] != result["expected_status"]:
        out["status"] = [f"HTTP {result['status']}, expected {result['expected_status']}"]
    out["axe"] = [
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(f"{n['target']}: {n['summary']}" for n in v["nodes"][:5])
        for v in result.get("violations", [])
    ]
    focus = result.get("focus")
    if focus:
        skip = focus["skip_link"]
        out["skip_link"] = []
        if not skip["first_is_skip_link"]:
            out["skip_link"].append(
                f"first Tab focuses {skip['first_stop']}, not the skip link "
                f"«{SKIP_LINK_TEXT[interface_language(result['url'])]}»"
            )
        if not skip["moves_to_main"]:
            out["skip_link"].append(
                f"Enter on the skip link leaves focus on {skip['after_enter']}, not main#main"
            )
        out["focus_indicator"] = [
            f"no visible focus indicator on {m['element']} "
            f"(unfocused {m['unfocused']}, focused {m['focused']})"
            for m in focus["missing_indicator"]
        ]
    if result["width"] <= MOBILE:
        overflow = result["overflow"]
        if overflow["scrollWidth"] > overflow["clientWidth"]:
            out["reflow"] = [
                f"scrolls sideways: scrollWidth {overflow['scrollWidth']} > clientWidth "
                f"{overflow['clientWidth']}; too wide: {overflow['offenders']}"
            ]
    out["structure"] = heading_problems(result)
    expected_lang = interface_language(result["url"])
    if result.get("lang") != expected_lang:
        out["structure"].append(f'html[lang] is {result.get("lang")!r}, expected "{expected_lang}"')
    out["assets"] = [f"third-party request: {u}" for u in result["third_party"]] + [
        f"failed request ({f['type']}): {f['error']} {f['url']}"
        for f in result["failed_requests"]
        if needed_request_failed(f)
    ]
    out["csp"] = [
        f"Content-Security-Policy blocked {v['blocked']} ({v['directive']}) at {v['source']}"
        + (f": {v['sample']}" if v["sample"] else "")
        for v in result.get("csp_violations", [])
    ]
    return {check: messages for check, messages in out.items() if messages}


def label(result):
    return f"{result['path']} @ {result['width']}px {result['scheme']}"


def format_failures(results, check):
    lines = []
    for result in results:
        for message in failures(result).get(check, []):
            lines.append(f"- {label(result)}: {message}")
    return "\n".join(lines)


def normalise(url, base_url):
    """Same-origin page URL without fragment, or None for other sites and non-pages."""
    parts = urlsplit(urljoin(base_url, url))
    if parts.scheme not in ("http", "https") or origin_of(url) != origin_of(base_url):
        return None
    path = parts.path or "/"
    if path.startswith(NOT_PAGES):
        return None
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def probe(url):
    """(status, final URL, content type), following redirects, without the browser."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.geturl(), response.headers.get("content-type", "")
    except urllib.error.HTTPError as error:
        return error.code, url, error.headers.get("content-type", "")


def page_types_by_path():
    """{path: page type} for every live public Wagtail page (needs database access)."""
    from wagtail.models import Page

    types = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            name = type(page)._meta.model_name
            types[urlsplit(url).path] = PAGE_TYPE_NAMES.get(name, name)
    return types


def unlinked_paths():
    """Public pages that no link leads to in the seed: a page links its change history only
    once it has a public change note, and the seed has none. The home page's, in each language
    (needs database access)."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    paths = []
    for page in Page.objects.live().public().filter(depth=2).select_related("locale"):
        with translation.override(page.locale.language_code):
            paths.append(reverse("change_history", args=[page.pk]))
    return paths


def guess_page_type(path):
    if path.rstrip("/") == "/sok":
        return "search"
    if path.startswith(("/endringer/", "/en/changes/")):
        return "change-history"
    return "other"


def crawl_and_audit(
    browser, base_url, *, page_type, screenshot_dir=None, variants=VARIANTS, also=()
):
    """Audits every page reachable from `base_url` + "/" or the paths `also`, and the 404 page,
    at every variant."""
    base_url = base_url.rstrip("/")
    starts = [normalise(base_url + path, base_url) for path in ("/", *also)]
    queue, seen = deque((start, None) for start in starts), set(starts)
    report = {
        "base_url": base_url,
        "results": [],
        "broken_links": [],
        "pages": [],
    }
    shot_types = set()

    def audit_all(url, kind, expect_status=200):
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            results = []
            for variant in variants:
                shot = None
                if screenshot_dir and kind not in shot_types:
                    key = (variant["width"], variant["scheme"])
                    if key in SCREENSHOT_VARIANTS:
                        shot = Path(screenshot_dir) / f"{kind}-{key[0]}-{key[1]}.png"
                result = audit_page(
                    page,
                    url,
                    width=variant["width"],
                    scheme=variant["scheme"],
                    expect_status=expect_status,
                    best_practice=variant.get("best_practice", False),
                    focus=variant.get("focus", True),
                    weight=variant.get("weight", False),
                    screenshot=shot,
                    reuse=results[-1] if variant.get("reuse") and results else None,
                )
                result["page_type"] = kind
                results.append(result)
            shot_types.add(kind)
            report["results"].extend(results)
            report["pages"].append({"url": url, "path": urlsplit(url).path, "type": kind})
            return results
        finally:
            context.close()

    while queue and len(report["pages"]) < MAX_PAGES:
        url, referrer = queue.popleft()
        status, final, content_type = probe(url)
        final = normalise(final, base_url)
        if final is None:
            continue
        if final != url:
            if final not in seen:
                seen.add(final)
                queue.append((final, url))
            continue
        path = urlsplit(url).path
        if status >= 400:
            report["broken_links"].append({"url": url, "status": status, "linked_from": referrer})
            continue
        if not content_type.startswith("text/html"):
            continue
        results = audit_all(url, page_type(path))
        for link in results[0]["links"]:
            link = normalise(link, base_url)
            if link and link not in seen:
                seen.add(link)
                queue.append((link, url))

    audit_all(base_url + MISSING_PATH, "404", expect_status=404)
    return report


def write_reports(report):
    """test-artifacts/: the full report, best-practice findings and page weights."""
    ARTIFACTS.mkdir(exist_ok=True)
    results = report["results"]
    slim = [{k: v for k, v in r.items() if k not in ("links", "html")} for r in results]
    (ARTIFACTS / "a11y-report.json").write_text(
        json.dumps({**report, "results": slim}, indent=2, ensure_ascii=False)
    )

    by_rule = {}
    for result in results:
        for finding in result.get("best_practice", []):
            rule = by_rule.setdefault(
                finding["id"],
                {
                    "impact": finding["impact"],
                    "help": finding["help"],
                    "helpUrl": finding["helpUrl"],
                    "pages": [],
                },
            )
            rule["pages"].append(
                {"page": label(result), "targets": [n["target"] for n in finding["nodes"]]}
            )
    (ARTIFACTS / "axe-best-practice.json").write_text(
        json.dumps({"tags": BEST_PRACTICE_TAGS, "rules": by_rule}, indent=2, ensure_ascii=False)
    )

    weights = {}
    for result in results:
        if "weight" in result and result["page_type"] not in weights:
            weights[result["page_type"]] = {"url": result["path"], **result["weight"]}
    (ARTIFACTS / "page-weight.json").write_text(
        json.dumps(
            {
                "note": "Bytes on the wire at 1280 px, first load, no cache: text gzip -9, "
                "binary files as they are. Lazy images below the fold are not loaded.",
                "pages": weights,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    SUMMARY.clear()
    kinds = ["html", "css", "fonts", "js", "images", "other", "total"]
    SUMMARY.append(f"{'page type':<14}" + "".join(f"{k:>9}" for k in kinds) + "   (KB)")
    for kind, weight in weights.items():
        SUMMARY.append(f"{kind:<14}" + "".join(f"{weight[k] / 1024:>9.1f}" for k in kinds))
    return weights
