from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = "Søk"

    def ready(self):
        from django.db.models.signals import post_delete
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
