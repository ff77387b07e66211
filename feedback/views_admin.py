"""Reports → Tilbakemeldinger: per page, how many answered and the share who found it useful,
and what those who did not said they missed."""

import django_filters
from django.db.models import (
    Count,
    DateTimeField,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from feedback.models import Answer
from pages.reports import CsvForExcelMixin


def _per_page(aggregate, output_field):
    """`aggregate` over the answers of each page, as a subquery: Answer keeps no reverse name."""
    return Subquery(
        Answer.objects.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(value=aggregate)
        .values("value"),
        output_field=output_field,
    )


def pages_with_answers():
    """The pages that have answers, annotated with their counts, most answers first."""
    return (
        Page.objects.filter(pk__in=Answer.objects.values("page"))
        .annotate(
            answers=_per_page(Count("pk"), IntegerField()),
            yes=_per_page(Count("pk", filter=Q(helpful=True)), IntegerField()),
            comments=_per_page(Count("pk", filter=~Q(comment="")), IntegerField()),
            latest=_per_page(Max("created_at"), DateTimeField()),
        )
        .annotate(share_yes=Cast(F("yes"), FloatField()) * 100 / F("answers"))
        .order_by("-answers", "pk")
    )


class FeedbackFilterSet(WagtailFilterSet):
    comments = django_filters.ChoiceFilter(
        label=_("Kommentarer"),
        choices=[("med", _("Med kommentarer")), ("uten", _("Uten kommentarer"))],
        empty_label=_("Med og uten kommentarer"),
        method="filter_comments",
    )

    class Meta:
        model = Page
        fields = ["comments"]

    def filter_comments(self, queryset, name, value):
        if value == "med":
            return queryset.filter(comments__gt=0)
        if value == "uten":
            return queryset.filter(comments=0)
        return queryset


class FeedbackReportView(CsvForExcelMixin, ReportView):
    page_title = _("Tilbakemeldinger")
    header_icon = "comment"
    results_template_name = "feedback/report_results.html"
    filterset_class = FeedbackFilterSet
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    export_filename = "tilbakemeldinger"
    list_export = ["title", "full_url", "answers", "yes", "share_yes", "comments", "latest"]
    export_headings = {
        "title": _("Side"),
        "full_url": _("Adresse"),
        "answers": _("Svar"),
        "yes": _("Ja"),
        "share_yes": _("Andel ja (%)"),
        "comments": _("Kommentarer"),
        "latest": _("Siste svar"),
    }

    def get_queryset(self):
        return pages_with_answers()


class PageCommentsView(CsvForExcelMixin, ReportView):
    """What the readers of one page said they missed, the newest first."""

    header_icon = "comment"
    results_template_name = "feedback/page_comments_results.html"
    index_url_name = "feedback_page"
    index_results_url_name = "feedback_page_results"
    list_export = ["created_at", "comment"]
    export_headings = {"created_at": _("Tidspunkt"), "comment": _("Hva manglet")}

    @cached_property
    def page(self):
        return get_object_or_404(Page, pk=self.kwargs["page_id"])

    def get_page_title(self):
        return _("Hva manglet på «%(title)s»") % {"title": self.page.title}

    def get_filename(self):
        return f"tilbakemeldinger-{self.page.pk}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("feedback_report"), "label": _("Tilbakemeldinger")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.page.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.page.pk])

    def get_queryset(self):
        return Answer.objects.filter(page=self.page).exclude(comment="").order_by("-created_at")
