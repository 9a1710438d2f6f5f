"""Evidence of impact now lives with the business plan's yearly review (0005)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_evidence_to_plan_reviews"),
    ]

    operations = [
        migrations.DeleteModel(name="Evidence"),
    ]
