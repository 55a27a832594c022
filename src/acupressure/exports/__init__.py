"""Exports: files made from the models (iCalendar for programs, PDF handouts).

Optional extra ``exports`` (icalendar, segno, weasyprint); nothing here imports Django.
"""
