from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _task(**fields) -> DBTaskResult:
    result = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="assure.notifications.tasks.reminders_send",
        backend_name="default",
        run_after=fields.pop("run_after", get_date_max()),
        **fields,
    )
    if "enqueued_at" in fields:
        DBTaskResult.objects.filter(pk=result.pk).update(enqueued_at=fields["enqueued_at"])
    return result


@pytest.mark.django_db
def test_healthy_installation_answers_200_in_status_words_only(client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "status": "healthy",
        "checks": {"database": "ok", "migrations": "ok", "worker": {"status": "not used", "last_started": None}},
    }


def test_healthz_is_at_the_address_proxies_are_told():
    assert reverse("core:healthz") == "/healthz"


@pytest.mark.django_db
def test_unreachable_database_answers_503(client):
    with mock.patch("assure.core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("core:healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "unhealthy", "checks": {"database": "unreachable"}}


@pytest.mark.django_db
def test_migrations_not_applied_answer_503(client):
    with mock.patch("assure.core.health.MigrationExecutor.migration_plan", return_value=[("migration", False)]):
        response = client.get(reverse("core:healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "not applied"


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_worker_with_nothing_to_do_is_unknown_and_does_not_fail(client):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == {"status": "unknown", "last_started": None}


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_worker_that_started_a_task_recently_is_ok(client):
    started = timezone.now() - timedelta(minutes=5)
    _task(status="SUCCESSFUL", started_at=started, finished_at=started)
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
    assert response.json()["checks"]["worker"] == {"status": "ok", "last_started": started.isoformat()}


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_task_waiting_too_long_means_the_worker_is_behind(client):
    _task(enqueued_at=timezone.now() - timedelta(hours=2))
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["status"] == "behind"


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_task_held_back_until_recently_is_not_yet_late(client):
    _task(enqueued_at=timezone.now() - timedelta(hours=2), run_after=timezone.now() - timedelta(minutes=1))
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 200
