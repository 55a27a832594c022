# ruff: noqa: RUF012 - a migration
"""A records version per person (records/records_version.py), and a trigger that draws a new one
whenever the access log gains a row for them or a row moves to them: the log is written in
one statement per request (access.log_each), which a second statement would double."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SQLITE = [
    """
    CREATE TRIGGER web_access_new_version AFTER INSERT ON web_diaryaccess
    BEGIN
        INSERT OR REPLACE INTO web_recordsversion (owner_id, number)
        VALUES (NEW.owner_id, abs(random() % 4611686018427387904));
    END
    """,
    """
    CREATE TRIGGER web_access_moved_version AFTER UPDATE OF owner_id ON web_diaryaccess
    BEGIN
        INSERT OR REPLACE INTO web_recordsversion (owner_id, number)
        VALUES (NEW.owner_id, abs(random() % 4611686018427387904));
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS web_access_new_version",
    "DROP TRIGGER IF EXISTS web_access_moved_version",
]
POSTGRES = [
    """
    CREATE FUNCTION web_access_version() RETURNS trigger AS $$
    BEGIN
        INSERT INTO web_recordsversion (owner_id, number)
        VALUES (NEW.owner_id, floor(random() * 4611686018427387904)::bigint)
        ON CONFLICT (owner_id) DO UPDATE SET number = excluded.number;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER web_access_version AFTER INSERT OR UPDATE OF owner_id ON web_diaryaccess
    FOR EACH ROW EXECUTE FUNCTION web_access_version()
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS web_access_version ON web_diaryaccess",
    "DROP FUNCTION IF EXISTS web_access_version()",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("web", "0010_practitioner_link_client_timezone"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecordsVersion",
            fields=[
                (
                    "owner",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        db_constraint=False,
                        serialize=False,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                ("number", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
