"""English dates as read in Guinea: day before month ("6 December 2026", "06/12/2026"), never the
American month-first order. What is not set here falls back to Django's English formats."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
# A day of a session, in a button: "Sun 6 Dec".
WEEKDAY_DATE_FORMAT = "D j M"
FIRST_DAY_OF_WEEK = 1  # Monday
# What a typed date is read as: ISO (the date pickers) first, then day/month/year.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"]
