"""Accessibility rules shared by the browser tests and the Wagtail admin's checker.

The site holds itself to WCAG 2.2 level AA (Norwegian law requires 2.1 AA). axe-core runs with
these tags in both, so a rule the tests enforce is a rule editors are warned about. The editors'
checker also runs Wagtail's content rules, which look at what editors write rather than at the
templates: alt text that is a file name, paragraphs styled as headings, an empty description.
"""

import functools
import json
from pathlib import Path

from django.conf import settings

# axe-core tags for WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no WCAG 2.2 level-A rule).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Advice beyond WCAG: reported, never failing.
BEST_PRACTICE_TAGS = ["best-practice"]

# Alt text that names the file or says that it is an image: Wagtail's pattern (a file extension
# at the end, or an underscore), and the Norwegian openings a screen reader would repeat needlessly.
ALT_TEXT_PATTERN = (
    r"\.(avif|gif|jpg|jpeg|png|svg|webp)$|_"
    r"|^\s*(et |en )?(bilde|foto|fotografi|illustrasjon|skjermbilde) (av|som viser)\b"
)


@functools.cache
def axe_locale(language):
    """axe-core's own translation of its rules' names, from its package (package.json), or None
    where it has none for the language. Only the rules: axe compiles the summaries' templates with
    eval, which the Content-Security-Policy forbids, and the checker shows no summary."""
    path = Path(settings.NODE_MODULES) / "axe-core" / "locales" / f"{language}.json"
    if not path.is_file():
        return None
    locale = json.loads(path.read_text(encoding="utf-8"))
    return {"lang": locale["lang"], "rules": locale["rules"]}
