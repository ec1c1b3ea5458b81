"""Django's LocaleMiddleware, minus its 404 redirect on the language-neutral API paths."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Paths outside i18n_patterns whose 404s are answers (an unknown attempt, a missing H5P file), not
# URLs a language prefix would fix. Wagtail's catch-all page route makes every prefixed path look
# valid, so Django's middleware would turn each of these 404s into a redirect to /fr/….
LANGUAGE_NEUTRAL_PREFIXES = ("/api/", "/h5p/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)
