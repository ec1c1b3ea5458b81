"""Page behaviour shared by the apps' page models: routing and view restrictions in fewer queries.

Wagtail resolves `/fr/modules/module/lesson/` one level at a time (two queries a level) and checks
view restrictions with two more. Lessons are the most visited pages on slow connections, so the home
page resolves the whole path at once from `url_path`, and our pages look up restrictions of their
ancestors by path, in one query. Behaviour is Wagtail's: the same page, 404 when nothing is live.
"""

from django.http import Http404
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult


class RouteByUrlPathMixin:
    """Resolve a descendant from the full remaining path in one query (plus one for `.specific`)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        url_path = self.url_path + "/".join(path_components) + "/"
        page = Page.objects.filter(url_path=url_path).specific().first()
        if page is None:
            raise Http404
        if not page.live:
            raise Http404
        return RouteResult(page)


class RestrictionsByPathMixin:
    """View restrictions of this page and its ancestors, found from the tree path in one query.

    Unlike Wagtail's own lookup this does not follow aliases of ancestors; course pages are not
    aliased.
    """

    def get_view_restrictions(self):
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)
