from django.apps import AppConfig


class InnovasjonConfig(AppConfig):
    name = "innovasjon"
    verbose_name = "Innovasjon i offentlig sektor"

    def ready(self):
        from innovasjon import checks  # noqa: F401  (registers the system checks)
