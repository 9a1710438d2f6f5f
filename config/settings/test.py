"""Tests: fast password hashing; the database comes from DATABASE_URL like everywhere else."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# Evidence files that tests upload go to a scratch folder of their own, never into var/private.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="assure-test-files-"))

# Tests keep the cache in memory: the autouse fixture that empties it before and after every test
# runs for tests without a database too, and each test worker then has a cache of its own. The
# shared database cache of the other settings has its own test (accounts/tests/test_throttling.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# On PostgreSQL, a test's commit does not wait for the disk: the test database is thrown away, and
# the suite's transactional tests (the browser journeys, the shared demo region) commit and flush
# thousands of times.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
