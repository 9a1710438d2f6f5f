"""The scorecard's priorities become the business plan's (plans.Priority): each priority is
copied with the same id into a plan of its partnership, so the scorecard lines and the report
sections pointing at it keep pointing at the same priority once their foreign keys move."""

from django.core.management.color import no_style
from django.db import migrations, models


def copy_priorities_to_plans(apps, schema_editor):
    OldPriority = apps.get_model("performance", "Priority")
    Plan = apps.get_model("plans", "Plan")
    Priority = apps.get_model("plans", "Priority")
    plans = {}
    for old in OldPriority.objects.order_by("partnership_id", "position", "pk"):
        plan = plans.get(old.partnership_id)
        if plan is None:
            plan = Plan.objects.create(partnership_id=old.partnership_id, title="Business plan", period="")
            plans[old.partnership_id] = plan
        Priority.objects.create(
            pk=old.pk,
            plan=plan,
            partnership_id=old.partnership_id,
            title=old.title,
            description=old.description,
            position=old.position,
        )
    # Rows written with their own ids leave PostgreSQL's sequence behind: the next priority
    # added in the plan would otherwise take an id already used.
    connection = schema_editor.connection
    statements = connection.ops.sequence_reset_sql(no_style(), [Priority])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0011_exception_report_one_per_meeting"),
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="priority",
            name="partnership",
            field=models.ForeignKey(
                on_delete=models.deletion.CASCADE, related_name="+", to="partnerships.partnership"
            ),
        ),
        # Backwards, 0014 copies the plan's priorities back before the foreign keys return.
        migrations.RunPython(copy_priorities_to_plans, migrations.RunPython.noop),
    ]
