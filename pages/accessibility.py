"""Accessibility rules shared by the browser tests and the Wagtail admin's checker.

The site holds itself to WCAG 2.2 level AA (Norwegian law requires 2.1 AA). axe-core runs with
exactly these tags, so a rule the tests enforce is a rule editors are warned about, and the other
way round.
"""

# axe-core tags for WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no WCAG 2.2 level-A rule).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Advice beyond WCAG: reported, never failing.
BEST_PRACTICE_TAGS = ["best-practice"]
