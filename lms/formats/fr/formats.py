"""French dates: Django's French formats, plus the day of a session in a button. French abbreviations
are lower case with a full stop ("dim. 6 décembre"), not Django's title-cased "dim 6 Déc"."""

WEEKDAY_DATE_FORMAT = "D. j F"
