from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "Nyhetsstrømmer og kalendere"

    def ready(self):
        from feeds import deadlines

        deadlines.connect()
