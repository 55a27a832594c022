"""The reminders' pages: "Remind me on this device", the devices on /privacy/, the sign-in
link by email, open sign-up, a practitioner's invitation, one-click unsubscribe.

What is stored and sent (models, store, channels, the worker) is
:mod:`acupressure.records.reminders`.
"""
