from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from core import checks  # noqa: F401  (registers the system checks)
        from core.admin_labels import (
            compare_dates_as_editors_read_them,
            label_unlabelled_admin_fields,
            name_the_page_search_results,
        )
        from core.spreadsheets import use_local_times

        use_local_times()
        label_unlabelled_admin_fields()
        name_the_page_search_results()
        compare_dates_as_editors_read_them()
