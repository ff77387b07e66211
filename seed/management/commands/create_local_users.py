"""Local accounts for `make run`: an administrator, a demo editor and a demo approver.

Each password is generated and printed once. Refuses to run unless DEBUG is on, so these
accounts never exist in production.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

LOCAL_USERS = [
    # (username, first name, superuser, group)
    ("admin", "Administrator", True, None),
    ("redaktor", "Demoredaktør", False, "Redaktører"),
    ("godkjenner", "Demogodkjenner", False, "Godkjennere"),
]


class Command(BaseCommand):
    help = "Oppretter lokale brukere for utvikling. Virker bare med DEBUG på."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Lokale brukere lages bare i utvikling (DEBUG=true).")
        user_model = get_user_model()
        for username, first_name, is_superuser, group in LOCAL_USERS:
            if user_model.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=username,
                password=password,
                first_name=first_name,
                email=f"{username}@example.invalid",
                is_staff=is_superuser,
                is_superuser=is_superuser,
            )
            if group:
                user.groups.add(Group.objects.get(name=group))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Opprettet {user.username} med passord {password} "
                    "(vises bare nå; logg inn på /admin/)."
                )
            )
