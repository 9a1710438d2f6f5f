"""Background tasks of the performance app (Django's tasks framework: the immediate backend in
development and tests, django_tasks_db's database worker in production)."""

from django.tasks import task


@task
def import_job_run(job_id: int) -> None:
    """Import the file of a queued ImportJob (see imports/jobs.py)."""
    from .imports.jobs import import_job_execute

    import_job_execute(job_id=job_id)


@task
def local_import_run(local_import_id: int) -> None:
    """Import the file of a queued LocalImport: a partnership's own figures (see imports/local.py)."""
    from .imports.local import local_import_execute

    local_import_execute(local_import_id=local_import_id)
