# ruff: noqa: RUF012 - Django's migration attributes
"""This installation's random id, made once here so that it travels with the data (a dump and
restore keeps it, a fresh installation gets its own). FHIR ids and calendar UIDs include it."""

import uuid

from django.db import migrations, models


def make_installation(apps: object, schema_editor: object) -> None:
    installation = apps.get_model("web", "Installation")  # type: ignore[attr-defined]
    if not installation.objects.exists():
        installation.objects.create(uid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("web", "0006_practitioners_clients_prescriptions")]

    operations = [
        migrations.CreateModel(
            name="Installation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
        ),
        migrations.RunPython(make_installation, migrations.RunPython.noop),
    ]
