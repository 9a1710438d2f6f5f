"""Production: PostgreSQL from DATABASE_URL, the database task worker, HTTPS everywhere.

`DJANGO_SETTINGS_MODULE=config.settings.production python manage.py check --deploy` is clean.
"""

import os

from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS

from .base import *  # noqa: F403
from .base import LOGGING, STORAGES

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of at least 50 characters.")
DEBUG = False

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mails link to the site people reach Assure at: ASSURE_SITE_URL, or the first of the allowed
# host names over HTTPS. A plain-HTTP address would send people's sign-in over the network in the
# clear, so it is refused.
ASSURE_SITE_URL = os.environ.get("ASSURE_SITE_URL") or f"https://{ALLOWED_HOSTS[0]}"  # noqa: F405
if not ASSURE_SITE_URL.startswith("https://"):
    raise ImproperlyConfigured("Set ASSURE_SITE_URL to the site's https:// address, e.g. https://assure.example.org.")

SECURE_SSL_REDIRECT = os.environ.get("ASSURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxy's health check may ask over plain HTTP on the private side; it gets its answer, not a
# redirect. It carries nothing secret (assure/core/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# Stored files (evidence, statistics uploads, report documents) go to an S3-compatible object
# store when ASSURE_S3_BUCKET names a bucket, so that several application servers share them;
# otherwise to the folder ASSURE_PRIVATE_FILES. Objects are private and never overwritten, and no
# page links to the bucket: every download goes through a view that checks permission first.
# Credentials come from boto3's own sources: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the
# server's role. The other AWS_S3_* variables are django-storages' settings of the same names, for
# a store other than Amazon's (MinIO, say).
if os.environ.get("ASSURE_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["ASSURE_S3_BUCKET"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }

# Static assets are served by the application itself, compressed and with far-future caching.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405

# Logs are one JSON object a line, for whatever collects them. The same records and filters as
# elsewhere (base.py: nothing personal), in the same fields; a request object that Django attaches
# to some records is left out rather than written as its text.
LOGGING = {
    **LOGGING,
    "formatters": {
        **LOGGING["formatters"],
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "reserved_attrs": [*RESERVED_ATTRS, "request"],
        },
    },
    "handlers": {name: {**handler, "formatter": "json"} for name, handler in LOGGING["handlers"].items()},
}

# Password-reset e-mail goes by SMTP: ASSURE_SMTP_HOST (and _PORT, _USER, _PASSWORD, _TLS), or a
# mail server on this machine. An installation tried out without a mail server (and the test of
# docs/deployment.md) names a folder in ASSURE_MAIL_FOLDER instead, where every message is written
# as a file; both at once would leave it unclear whether mail is sent, so that is refused.
if os.environ.get("ASSURE_MAIL_FOLDER"):
    if os.environ.get("ASSURE_SMTP_HOST"):
        raise ImproperlyConfigured("Set ASSURE_SMTP_HOST or ASSURE_MAIL_FOLDER, not both.")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": os.environ["ASSURE_MAIL_FOLDER"]},
        }
    }
elif not os.environ.get("ASSURE_SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25},
        }
    }
