"""Background tasks of reports (Django's tasks framework: the immediate backend in development
and tests, django_tasks_db's database worker in production)."""

from django.tasks import task


@task
def rendering_task(rendering_id: int) -> None:
    """Generate a queued Rendering (see services/rendering.py)."""
    from .services.rendering import rendering_run

    rendering_run(rendering_id)
