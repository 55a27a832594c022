# ruff: noqa: RUF012 - a migration
"""PostgreSQL: the access log's trigger (0011) draws the new records versions once per
statement, not once per row: a practitioner's list logs a row for each client shown (50 a
page, 1,000 for the CSV) in one INSERT, and a row trigger ran an upsert for each. The
statement's new rows (a transition table) give the owners, each once. An update of a row
draws its owner a new version whatever column changed (a transition table cannot go with a
column list); the log's rows are only ever moved to another owner. SQLite keeps its row
triggers (it has no statement triggers)."""

from django.db import migrations

POSTGRES = [
    "DROP TRIGGER IF EXISTS web_access_version ON web_diaryaccess",
    """
    CREATE FUNCTION web_access_versions() RETURNS trigger AS $$
    BEGIN
        INSERT INTO web_recordsversion (owner_id, number)
        SELECT owners.owner_id, floor(random() * 4611686018427387904)::bigint
        FROM (SELECT DISTINCT owner_id FROM new_rows) owners
        ON CONFLICT (owner_id) DO UPDATE SET number = excluded.number;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER web_access_versions_on_insert AFTER INSERT ON web_diaryaccess
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION web_access_versions()
    """,
    """
    CREATE TRIGGER web_access_versions_on_update AFTER UPDATE ON web_diaryaccess
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION web_access_versions()
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS web_access_versions_on_insert ON web_diaryaccess",
    "DROP TRIGGER IF EXISTS web_access_versions_on_update ON web_diaryaccess",
    "DROP FUNCTION IF EXISTS web_access_versions()",
    """
    CREATE TRIGGER web_access_version AFTER INSERT OR UPDATE OF owner_id ON web_diaryaccess
    FOR EACH ROW EXECUTE FUNCTION web_access_version()
    """,
]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("web", "0013_list_version")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
