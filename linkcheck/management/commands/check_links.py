from django.core.management.base import BaseCommand

from linkcheck import checker


class Command(BaseCommand):
    help = "Sjekker lenkene på alle publiserte sider og lagrer de som er brutte."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=checker.TIMEOUT_SECONDS)
        parser.add_argument("--workers", type=int, default=checker.WORKERS)
        parser.add_argument(
            "--no-external",
            action="store_true",
            help="Bare lenker innenfor nettstedet (sider, dokumenter, bilder).",
        )

    def handle(self, *args, timeout, workers, no_external, **options):
        summary = checker.run(timeout=timeout, workers=workers, external=not no_external)
        self.stdout.write(
            f"Sjekket {summary.links} lenker på {summary.pages} sider: {summary.broken} brutte."
        )
