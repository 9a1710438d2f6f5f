# Computed figures: counted from Assure's own records, with their provenance.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("performance", "0007_local_import"),
    ]

    operations = [
        migrations.AlterField(
            model_name="observation",
            name="source",
            field=models.CharField(
                choices=[
                    ("agency_return", "Agency return"),
                    ("local_import", "Local import"),
                    ("publication", "DfE publication"),
                    ("computed", "Computed from Assure's records"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="observation",
            name="provenance",
            field=models.CharField(
                blank=True,
                help_text="What a computed figure was counted from, and when: 'computed from 23 Section 11 returns "
                "on 6 December 2026'.",
                max_length=300,
            ),
        ),
        migrations.AddField(
            model_name="observation",
            name="computed_at",
            field=models.DateTimeField(blank=True, help_text="When a computed figure last changed.", null=True),
        ),
        migrations.AddConstraint(
            model_name="observation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("source", "computed")),
                fields=("indicator", "period", "partnership"),
                name="observation_computed_unique",
            ),
        ),
    ]
