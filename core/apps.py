from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from core import checks  # noqa: F401  (registers the system checks)
        from core.admin_labels import label_unlabelled_admin_fields
        from core.spreadsheets import use_local_times

        use_local_times()
        label_unlabelled_admin_fields()
