# ruff: noqa: RUF012 - a migration
"""The check-ins' creation limit counts a person's rows made or changed in its window
(records/creation.py, and PostgreSQL's one statement in records/checkins.py): an index on
(owner, updated_at) finds them, where the count read every row of the person (or of the
table: PostgreSQL chose a sequential scan). The foreign key's own index on the owner goes:
both indexes of the table lead with it. Dropped by name, as 0015 does (Django's AlterField
would remake the table on SQLite)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INDEX = "web_checkin_owner_id_752a0f24"  # the name Django gave the foreign key's index


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0015_access_owner_one_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="checkin",
            index=models.Index(fields=["owner", "updated_at"], name="checkin_owner_updated"),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="checkin",
                    name="owner",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="check_ins",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {INDEX}",
                    f'CREATE INDEX {INDEX} ON "web_checkin" ("owner_id")',
                ),
            ],
        ),
    ]
