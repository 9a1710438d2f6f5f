import django.db.models.deletion
from django.db import migrations, models


def reminders_recorded(apps, schema_editor):
    """Each return's last reminder becomes a reminder record, which the cycle's page now reads."""
    Return = apps.get_model("section11", "Return")
    Reminder = apps.get_model("notifications", "Reminder")
    ContentType = apps.get_model("contenttypes", "ContentType")
    reminded = list(
        Return.objects.filter(reminded_at__isnull=False).values_list("pk", "reminded_at", "cycle__lead_partnership_id")
    )
    if not reminded:
        return
    return_type, _ = ContentType.objects.get_or_create(app_label="section11", model="return")
    for pk, reminded_at, partnership_id in reminded:
        reminder, _ = Reminder.objects.get_or_create(
            target_type=return_type,
            target_id=str(pk),
            sent_on=reminded_at.date(),
            defaults={"partnership_id": partnership_id},
        )
        Reminder.objects.filter(pk=reminder.pk).update(sent_at=reminded_at)


class Migration(migrations.Migration):
    dependencies = [
        ("section11", "0003_cycle_version"),
        ("notifications", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(reminders_recorded, migrations.RunPython.noop),
        migrations.RemoveField(model_name="return", name="reminded_at"),
        migrations.AddField(
            model_name="evidencefile",
            name="message",
            field=models.ForeignKey(
                blank=True,
                help_text="The answer to a challenge the file came with, if it did.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="files",
                to="section11.challengemessage",
            ),
        ),
    ]
