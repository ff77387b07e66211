"""Our CSS uses only Designsystemet tokens that exist.

A `var(--ds-…)` the theme does not define makes the whole declaration invalid at computed-value
time, silently: `padding: var(--ds-size-4) var(--ds-size-16)` becomes `padding: 0`. axe cannot
see that (the page is still accessible, just broken), so check it here. No browser needed.
"""

import re

from tests.browser.audit import ROOT

DS_DIST = ROOT / "node_modules" / "@digdir" / "designsystemet-css" / "dist"
SITE_CSS = sorted((ROOT / "static" / "site").glob("*.css"))
DEFINITION = re.compile(r"(--ds-[\w-]+)\s*:")
USE = re.compile(r"var\(\s*(--ds-[\w-]+)")


def test_every_designsystemet_token_we_use_is_defined():
    defined = set()
    for path in [DS_DIST / "theme" / "designsystemet.css", DS_DIST / "src" / "index.css"]:
        defined |= set(DEFINITION.findall(path.read_text()))
    assert len(defined) > 100, "Designsystemet's CSS was not found; run `npm ci`"
    undefined = []
    for path in SITE_CSS:
        text = path.read_text()
        defined_here = set(DEFINITION.findall(text))
        for number, line in enumerate(text.splitlines(), start=1):
            for token in USE.findall(line):
                if token not in defined | defined_here:
                    undefined.append(f"{path.relative_to(ROOT)}:{number}: {token}")
    assert not undefined, "Tokens the theme does not define:\n" + "\n".join(undefined)
