"""Form widgets every app's forms share."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's own date picker (`<input type="date">`), which sends YYYY-MM-DD in any language."""

    input_type = "date"
