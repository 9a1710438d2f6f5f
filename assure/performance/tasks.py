"""Background tasks of the performance app (Django's tasks framework: the immediate backend in
development and tests, django_tasks_db's database worker in production)."""

from django.tasks import task


@task
def import_job_run(job_id: int) -> None:
    """Import the file of a queued ImportJob (see imports/jobs.py)."""
    from .imports.jobs import import_job_execute

    import_job_execute(job_id=job_id)
