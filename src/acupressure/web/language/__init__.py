"""The page language: browser (Accept-Language), the switcher's cookie, a signed-in person's
stored choice; sets both Django's language and the core's (acupressure.i18n)."""
