"""What every app's services share when they change a record."""

from collections.abc import Mapping, Sequence

from django.db import models


def model_update(*, instance: models.Model, fields: Sequence[str], data: Mapping[str, object]) -> list[str]:
    """Set ``fields`` of a saved record from ``data``, validate it, and save the fields whose
    values changed, and only those. Returns the names of the changed fields, in the order of
    ``fields``. A field missing from ``data`` is left as it is.

    A value counts as changed when it reads differently, as field history (auditlog) compares
    them: a target of 25 written as 25.000 is a change, so what is saved and what the record's
    history shows always agree. Related records are compared by their keys.

    When every value is as it was, nothing is validated or saved (there is nothing new to
    check). Otherwise validation (``full_clean``) runs before anything is saved: on a
    ValidationError the row in the database is unchanged."""
    model_fields = [instance._meta.get_field(name) for name in fields if name in data]
    for field in model_fields:
        if not field.concrete or field.many_to_many:
            raise ValueError(f"model_update cannot set {field.name}: it is not a column of the record.")
    before = {field.name: _as_text(instance, field) for field in model_fields}
    for field in model_fields:
        setattr(instance, field.name, data[field.name])
    if all(_as_text(instance, field) == before[field.name] for field in model_fields):
        return []
    instance.full_clean()
    # Compared again once cleaned: a position given as "03" for a stored 3 is no change.
    changed = [field.name for field in model_fields if _as_text(instance, field) != before[field.name]]
    if changed:
        instance.save(update_fields=changed)
    return changed


def _as_text(instance: models.Model, field: models.Field) -> str:
    return str(getattr(instance, field.attname))
