# ruff: noqa: RUF012 - the shape Django expects of a migration
"""The reminders' tasks moved from acupressure.web.reminders to acupressure.records.reminders:
tasks already queued (django-tasks-db keeps each one's import path) point at the new module,
so a worker of the new release runs them instead of failing on a path that no longer exists.
Reversible: going back rewrites the paths the old release knows."""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Replace

OLD = "acupressure.web.reminders.tasks."
NEW = "acupressure.records.reminders.tasks."


def rename(old: str, new: str) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        tasks = apps.get_model("django_tasks_database", "DBTaskResult")
        tasks.objects.filter(task_path__startswith=old).update(
            task_path=Replace("task_path", Value(old), Value(new))
        )

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_reminders_push_email"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(rename(OLD, NEW), rename(NEW, OLD))]
