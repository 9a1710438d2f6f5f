"""Whether this installation of Assure can do its work, for the proxy in front of it and for
monitoring: the database answers, every migration is applied, and the task worker keeps up.

Nothing here names a person or a partnership: the answer is read by machines that are not
signed in.

The database task worker (django-tasks-db) records no heartbeat of its own, only the tasks it
claims. So it counts as behind when a task has been ready to run for longer than
``WORKER_BEHIND_AFTER`` without being claimed; with nothing waiting it cannot be told apart from a
stopped worker, and is reported as "unknown" (with when it last started a task), which does not
fail the check.
"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

WORKER_BEHIND_AFTER = timedelta(minutes=30)
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _migrations() -> str:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if not plan else "not applied"


def _worker() -> dict[str, str | None]:
    if settings.TASKS["default"]["BACKEND"] != DATABASE_TASKS:
        # Tasks run inside the request (development, tests): there is no worker to wait for.
        return {"status": "not used", "last_started": None}
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    cutoff = now - WORKER_BEHIND_AFTER
    results = DBTaskResult.objects.all()
    last = results.exclude(started_at=None).order_by("-started_at").values_list("started_at", flat=True).first()
    last_started = last.isoformat() if last else None
    # Ready to run since before the cutoff: enqueued then, and not held back until after it.
    waiting = results.ready().filter(enqueued_at__lt=cutoff).exclude(run_after__range=(cutoff, now))
    if waiting.exists():
        return {"status": "behind", "last_started": last_started}
    if last and last >= cutoff:
        return {"status": "ok", "last_started": last_started}
    return {"status": "unknown", "last_started": last_started}


def installation_health() -> tuple[bool, dict]:
    """Whether the installation is healthy, and what was checked (status words and times only)."""
    checks: dict = {}
    try:
        checks["database"] = _database()
    except DatabaseError:
        checks["database"] = "unreachable"
        return False, {"status": "unhealthy", "checks": checks}
    try:
        checks["migrations"] = _migrations()
        checks["worker"] = _worker()
    except DatabaseError:
        checks.setdefault("migrations", "unknown")
        checks["worker"] = {"status": "unknown", "last_started": None}
        healthy = False
    else:
        healthy = checks["migrations"] == "ok" and checks["worker"]["status"] != "behind"
    return healthy, {"status": "healthy" if healthy else "unhealthy", "checks": checks}
