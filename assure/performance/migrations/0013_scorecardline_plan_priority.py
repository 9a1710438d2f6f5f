from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0012_priorities_to_plan"),
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="scorecardline",
            name="priority",
            field=models.ForeignKey(
                on_delete=models.deletion.RESTRICT, related_name="lines", to="plans.priority"
            ),
        ),
    ]
