"""docker-compose.yml: nginx in front of two app instances that share PostgreSQL and Redis, a
scheduler and a one-shot migration job. No Docker engine runs here, so the file is read as
YAML; `docker compose config` checks it where Compose is installed."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / "deploy" / "compose.env.example"


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load(COMPOSE.read_text())["services"]


def test_compose_runs_the_whole_stack(services):
    assert set(services) == {"nginx", "app1", "app2", "postgres", "redis", "scheduler", "migrate"}


def test_only_nginx_publishes_a_port(services):
    assert [name for name, service in services.items() if "ports" in service] == ["nginx"]
    assert services["nginx"]["build"]["dockerfile"] == "deploy/nginx/Dockerfile"
    assert (ROOT / services["nginx"]["build"]["dockerfile"]).exists()


def test_both_app_instances_share_one_database_one_redis_and_the_upstream_name(services):
    upstream_host = services["nginx"]["environment"]["NGINX_UPSTREAM"].split(":")[0]
    for name in ("app1", "app2"):
        app = services[name]
        assert app["build"] == "."
        assert app["env_file"] == "deploy/compose.env"
        assert app["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert upstream_host in app["networks"]["default"]["aliases"]
        assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "command" not in app, "the image's gunicorn command"
    env = dict(
        line.split("=", 1)
        for line in ENV_EXAMPLE.read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert "@postgres:5432/" in env["DATABASE_URL"]
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"} <= set(env)
    assert env["SECRET_KEY"] == "change-me"


def test_the_jobs_migrate_once_and_publish_every_five_minutes(services):
    migrate = " ".join(services["migrate"]["command"])
    assert "manage.py migrate --no-input" in migrate
    assert "manage.py createcachetable" in migrate
    assert services["migrate"]["restart"] == "no"
    scheduler = " ".join(services["scheduler"]["command"])
    assert "manage.py publish_scheduled" in scheduler
    assert "sleep ${PUBLISH_INTERVAL:-300}" in scheduler
    assert "manage.py check_links &" in scheduler
    for job in ("migrate", "scheduler"):
        assert services[job]["healthcheck"] == {"disable": True}, "no web server to check"


def test_the_real_env_file_stays_out_of_git_and_the_image():
    for ignore in (".gitignore", ".dockerignore"):
        assert "deploy/compose.env" in (ROOT / ignore).read_text().splitlines()


def test_backups_and_the_local_database_stay_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    for path in ("backups", "db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm", ".dev-secret-key"):
        assert path in ignored


def test_nginx_learns_which_load_balancer_to_trust(services):
    assert "NGINX_TRUSTED_PROXIES" in services["nginx"]["environment"]


def _compose_installed():
    docker = shutil.which("docker")
    return (
        bool(docker)
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    )


@pytest.mark.skipif(not _compose_installed(), reason="Docker Compose is not installed")
def test_docker_compose_accepts_the_file(tmp_path):
    env_file = ROOT / "deploy" / "compose.env"
    created = not env_file.exists()
    if created:
        shutil.copy(ENV_EXAMPLE, env_file)
    try:
        result = subprocess.run(
            ["docker", "compose", "config", "--quiet"], cwd=ROOT, capture_output=True, text=True
        )
    finally:
        if created:
            env_file.unlink()
    assert result.returncode == 0, result.stderr


def test_the_scheduler_deletes_old_feedback_every_round(services):
    """The privacy page's retention periods hold only if the command runs: inside the loop,
    before its sleep, not once at start."""
    loop = " ".join(services["scheduler"]["command"]).split("while true; do", 1)[1]
    assert "manage.py delete_old_feedback;" in loop.split("sleep 300")[0]
