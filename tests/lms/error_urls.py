"""The site's URLs plus one view that breaks, to see the 500 page as a visitor does (tests only)."""

from django.urls import path

from lms.urls import handler403, handler404, handler500  # noqa: F401
from lms.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
