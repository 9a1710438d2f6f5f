from django.db import migrations, models

ENCODINGS = [
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8 with a byte order mark"),
    ("utf-16-le", "UTF-16 (little-endian, with a byte order mark)"),
    ("utf-16-be", "UTF-16 (big-endian, with a byte order mark)"),
    ("cp1252", "Windows-1252"),
]
HELP = "How the file's text was encoded; empty for a file imported before Assure recorded it."


class Migration(migrations.Migration):
    dependencies = [("performance", "0008_computed_observations")]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="encoding",
            field=models.CharField(blank=True, choices=ENCODINGS, help_text=HELP, max_length=10),
        ),
        migrations.AddField(
            model_name="localimport",
            name="encoding",
            field=models.CharField(blank=True, choices=ENCODINGS, help_text=HELP, max_length=10),
        ),
    ]
