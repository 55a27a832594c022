# ruff: noqa: RUF012 - a migration
"""The access log's owner is found through ``access_owner_at`` (owner, at) alone: the foreign
key's own index on the owner repeated its first column and only made each row cost more to
write (a practitioner's list writes 50 a view, the CSV 1,000). Dropped by name, not by
Django's AlterField: on SQLite that remakes the table, and the remade table would lose the
access log's triggers (0011, 0014)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INDEX = "web_diaryaccess_owner_id_cf9b2dde"  # the name Django gave the foreign key's index


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0014_access_version_per_statement"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="diaryaccess",
                    name="owner",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="diary_accesses",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {INDEX}",
                    f'CREATE INDEX {INDEX} ON "web_diaryaccess" ("owner_id")',
                ),
            ],
        ),
    ]
