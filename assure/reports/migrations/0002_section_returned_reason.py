from django.db import migrations, models


def copy_last_reason(apps, schema_editor):
    """A section waiting to be written again takes the reason it was last sent back for from the
    trail, where it was kept until now."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Event = apps.get_model("audit", "Event")
    Section = apps.get_model("reports", "Section")
    section_type = ContentType.objects.filter(app_label="reports", model="section").first()
    if section_type is None:
        return
    seen = set()
    returned = Event.objects.filter(target_type=section_type, verb="reports.section_returned")
    for event in returned.order_by("-occurred_at", "-pk"):
        if event.target_id in seen:
            continue
        seen.add(event.target_id)
        Section.objects.filter(pk=event.target_id).update(returned_reason=(event.data or {}).get("reason", ""))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="section",
            name="returned_reason",
            field=models.TextField(
                blank=True, help_text="Why the business unit last sent the section back to the agency lead."
            ),
        ),
        migrations.RunPython(copy_last_reason, migrations.RunPython.noop),
    ]
