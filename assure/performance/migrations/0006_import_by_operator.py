import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("performance", "0005_observation_import_writes_less"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="corrections",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Each earlier figure this file replaced: indicator, period, area, before and after.",
            ),
        ),
        migrations.AlterField(
            model_name="importjob",
            name="partnership",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="import_jobs",
                to="partnerships.partnership",
            ),
        ),
    ]
