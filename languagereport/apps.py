from django.apps import AppConfig


class LanguageReportConfig(AppConfig):
    name = "languagereport"
    verbose_name = "Målformrapport"
