from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_section_draft_omitted_editions"),
        ("performance", "0012_priorities_to_plan"),
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="section",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                help_text="For a section about one of the partnership's priorities.",
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to="plans.priority",
            ),
        ),
    ]
