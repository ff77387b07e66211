"""The one gunicorn configuration, used by the Docker image and by `make serve` alike."""

import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
wsgi_app = "innovasjon.wsgi:application"
accesslog = "-"
errorlog = "-"
timeout = 30
graceful_timeout = 20
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No client address and no query string: neither visitors nor their search terms are logged.
access_log_format = '"%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
