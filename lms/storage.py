"""Static files: fingerprinted names (cached for a year by browsers) wherever collectstatic has run.

WhiteNoise's manifest storage renames each file after its content (`site.3f9a….css`) and serves such
files with a far-future `Cache-Control: immutable`, so a phone downloads each version once. It needs
the manifest that `collectstatic` writes; without one (a fresh clone's `make test`, a developer's
runserver) it would refuse to render any page. This storage then falls back to the plain names, which
the development and test servers serve from the apps' folders.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name: str) -> str:
        if not self.hashed_files:  # no manifest: collectstatic has not run here
            return name
        return super().stored_name(name)
