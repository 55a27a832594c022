"""The Django web app: atlas pages, safe routine, guided session player, pain diary, API.

Settings live in :mod:`acupressure.web.settings` and read the environment through the typed
helpers of :mod:`acupressure.records.env`. Start it with ``acupressure serve``.
"""
