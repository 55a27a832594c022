"""Every person's records and the services that change them: a Django app below the web.

The models and migrations (app label ``web``, kept from when they lived in the web package,
so existing databases migrate with nothing renamed), the diary, programs, practitioners and
their clients, consent and the one access decision (:mod:`.access`), the access log, sign-in
tokens, the installation's id, and the reminders' store and worker (:mod:`.reminders`).
The web app (``acupressure.web``) and the terminal (``acupressure.cli``) both sit on top;
neither is imported here. Set up with :func:`acupressure.records.store.setup`.
"""
