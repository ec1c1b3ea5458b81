"""Responses shared by every app's downloads."""

from django.http import HttpResponse


def file_response(data: bytes, *, content_type: str, filename: str, attachment: bool = True) -> HttpResponse:
    """A generated file (PDF, CSV, XLSX, zip) that names itself and is never kept by a cache: it
    may hold personal data, and a shared phone's browser must not keep a copy."""
    response = HttpResponse(data, content_type=content_type)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
