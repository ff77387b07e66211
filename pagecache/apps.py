from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Sidebuffer"

    def ready(self):
        from pagecache import invalidation

        invalidation.connect()
