"""Accessibility rules shared by the browser tests and the Wagtail admin's checker.

The site promises WCAG 2.1 level AA (the level Norwegian law requires). axe-core runs with exactly
these tags, so a rule the tests enforce is a rule editors are warned about, and the other way round.
"""

# axe-core tags for WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Advice beyond WCAG: reported, never failing.
BEST_PRACTICE_TAGS = ["best-practice"]
