"""The scorecard's own priorities go: the business plan's took their place (0012)."""

from django.core.management.color import no_style
from django.db import migrations


def copy_priorities_back(apps, schema_editor):
    """Backwards only: the plan's priorities become the scorecard's again, with their ids."""
    Priority = apps.get_model("plans", "Priority")
    OldPriority = apps.get_model("performance", "Priority")
    for priority in Priority.objects.order_by("pk"):
        OldPriority.objects.create(
            pk=priority.pk,
            partnership_id=priority.partnership_id,
            title=priority.title,
            description=priority.description,
            position=priority.position,
        )
    connection = schema_editor.connection
    statements = connection.ops.sequence_reset_sql(no_style(), [OldPriority])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0013_scorecardline_plan_priority"),
        ("reports", "0004_section_plan_priority"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, copy_priorities_back),
        migrations.DeleteModel(name="Priority"),
    ]
