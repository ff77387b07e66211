"""How well the site search answers the judged queries in fixtures/judged_queries.json.

The figures issue 23 asks for: the share of queries whose first result is a wanted page, the typos
that find their page among the first three, the queries that find nothing, and nDCG@3 with every
wanted page counted as relevant (gain 1).
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import soup_of

JUDGED_QUERIES = Path(__file__).parent / "fixtures" / "judged_queries.json"
SEARCH_PATHS = {"nb": "/sok/", "en": "/en/search/"}


def judged_queries():
    return json.loads(JUDGED_QUERIES.read_text())["queries"]


def ndcg_at_3(urls, wanted):
    """Normalised discounted cumulative gain of the first three results."""
    dcg = sum(1 / math.log2(rank + 2) for rank, url in enumerate(urls[:3]) if url in wanted)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(wanted), 3)))
    return dcg / ideal


@dataclass
class Figures:
    queries: int
    first_right: int
    typos: int
    typos_found: int
    zero_hits: int
    ndcg3: float
    misses: list

    @property
    def first_right_percent(self):
        return round(100 * self.first_right / self.queries, 1)

    def report(self):
        lines = [
            f"first right: {self.first_right} of {self.queries} ({self.first_right_percent} %)",
            f"typos found: {self.typos_found} of {self.typos}",
            f"zero hits: {self.zero_hits} of {self.queries}",
            f"nDCG@3: {self.ndcg3:.3f}",
            "not first:",
            *(f"  {miss}" for miss in self.misses),
        ]
        return "\n".join(lines)


def measure(results_for, queries):
    """Figures for `queries`, with `results_for(query)` giving the result URLs in order."""
    first_right = typos = typos_found = zero_hits = 0
    gains = []
    misses = []
    for judged in queries:
        urls = results_for(judged)
        wanted = set(judged["want"])
        first_right += bool(urls) and urls[0] in wanted
        zero_hits += not urls
        if judged["kind"] == "typo":
            typos += 1
            typos_found += bool(wanted.intersection(urls[:3]))
        gains.append(ndcg_at_3(urls, wanted))
        if not urls or urls[0] not in wanted:
            misses.append(f"{judged['site']} {judged['query'][:40]!r}: {urls[:3]}")
    return Figures(
        queries=len(queries),
        first_right=first_right,
        typos=typos,
        typos_found=typos_found,
        zero_hits=zero_hits,
        ndcg3=sum(gains) / len(gains),
        misses=misses,
    )


def result_urls(client, judged):
    """The URLs on the first page of results for a judged query, through the real view."""
    response = client.get(SEARCH_PATHS[judged["site"]], {"q": judged["query"]})
    assert response.status_code == 200, judged
    return [link["href"] for link in soup_of(response).select(".search-result h2 a")]
