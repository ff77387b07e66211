"""The judged queries (fixtures/judged_queries.json), measured on PostgreSQL: issue 23's figures.

The issue's targets: the right page first for at least 90 %, every typo found among the first
three, at most one query without hits; and nDCG@3 at the level reached, so a change that makes
search worse fails here.
"""

import pytest
from django.db import connection

from tests.search_quality import judged_queries, measure, ndcg_at_3, result_urls

# Before issue 23: 41 of 86 first right (47.7 %), 0 of 13 typos, 31 without hits, nDCG@3 0.517.
# With the ranking (point 1): 57 of 86 (66.3 %), 0 of 13, 28, 0.645.
# With the fallbacks (point 2): 74 of 86 (86.0 %), 12 of 13, 9, 0.842.
# With compounds (point 3): 76 of 86 (88.4 %), 12 of 13, 7, 0.866.
# With synonyms (point 4): 77 of 86 (89.5 %), 12 of 13, 6, 0.877.
# Corrections by edits, compounds split, English across, OR: 85 of 86 (98.8 %), 13 of 13, 0,
# 0.960; with ten more queries, 92 of 96 (95.8 %), 15 of 15, 1, 0.926.
FIRST_RIGHT_PERCENT_AT_LEAST = 90
ZERO_HITS_AT_MOST = 1
NDCG3_AT_LEAST = 0.92


def test_the_judged_list_covers_what_the_issue_asks_for():
    queries = judged_queries()
    kinds = {judged["kind"] for judged in queries}
    assert len(queries) >= 60
    assert {"intent", "typo", "compound", "nynorsk", "english", "organisation"} <= kinds
    assert all(judged["want"] and judged["site"] in {"nb", "en"} for judged in queries)


def test_ndcg_at_3_rewards_wanted_pages_near_the_top():
    assert ndcg_at_3(["/a/", "/b/", "/c/"], {"/a/"}) == 1
    assert ndcg_at_3(["/b/", "/a/"], {"/a/"}) == pytest.approx(0.631, abs=0.001)
    assert ndcg_at_3(["/b/", "/c/", "/d/", "/a/"], {"/a/"}) == 0
    assert ndcg_at_3([], {"/a/"}) == 0
    assert ndcg_at_3(["/a/", "/b/"], {"/a/", "/b/"}) == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the figures are PostgreSQL's, where the site runs"
)
def test_judged_queries_find_their_pages_on_postgresql(client, seeded):
    figures = measure(lambda judged: result_urls(client, judged), judged_queries())
    print(figures.report())
    assert figures.first_right_percent >= FIRST_RIGHT_PERCENT_AT_LEAST, figures.report()
    assert figures.typos_found == figures.typos, figures.report()
    assert figures.zero_hits <= ZERO_HITS_AT_MOST, figures.report()
    assert figures.ndcg3 >= NDCG3_AT_LEAST, figures.report()
