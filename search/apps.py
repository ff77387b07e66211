from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = "Søk"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished

        from search import vocabulary

        # The vocabulary follows the search index, which publishing, unpublishing and deleting
        # change.
        page_published.connect(vocabulary.refresh, dispatch_uid="search-vocabulary-published")
        page_unpublished.connect(vocabulary.refresh, dispatch_uid="search-vocabulary-unpublished")
        post_delete.connect(
            lambda sender, **kwargs: issubclass(sender, Page) and vocabulary.refresh(),
            weak=False,
            dispatch_uid="search-vocabulary-deleted",
        )
        # Search results are cached by the content's generation (search/views.py); editors'
        # promotions are not content the page cache knows of, so they move it on themselves.
        for model in (SearchPromotion, Query):
            for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
                signal.connect(
                    _promotions_changed,
                    sender=model,
                    dispatch_uid=f"search-{model.__name__}-{name}",
                )


def _promotions_changed(sender, raw=False, **kwargs):
    from core import caching

    if not raw:
        caching.content_changed()
