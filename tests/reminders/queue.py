"""Run what the web pages enqueued for the worker, here and now (as `acupressure worker` would)."""

from __future__ import annotations

from django_tasks_db.models import DBTaskResult


def run_enqueued(task_path: str) -> list[object]:
    """Run every waiting task of ``task_path`` once, in order; returns their results."""
    results = []
    for row in DBTaskResult.objects.filter(task_path=task_path, status="READY").order_by(
        "enqueued_at", "id"
    ):
        results.append(row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"]))
        row.delete()
    return results
