"""Reminders that reach people: Web Push and email, sent on time, exactly once.

- ``models``: who wants which reminders (settings, push subscriptions) and every reminder as
  a row with a unique key (program, slot, kind, channel).
- ``mailconf``: SMTP settings from ACUPRESSURE_SMTP_URL.
- ``vapid``: the server's VAPID key pair, made once and kept 0600 in the data folder.
- ``store``: makes a program's reminder rows, claims due ones, records what happened.
- ``channels``: sends one reminder by email or Web Push.
- ``tasks``: the django-tasks task the workers run; ``worker``: `acupressure worker`.
The timing and wording are acupressure.reminders (pure); the pages are
acupressure.web.reminders.
"""
