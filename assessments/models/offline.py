"""Offline tests: the key a phone receives when it downloads a test, and short PINs for shared phones."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OfflineDevice(models.Model):
    """A phone that downloaded a test: it proves itself with a random token, of which only the hash is kept.

    The token (not the login session, which may have expired in the village) authenticates the sync of
    the attempts answered on that phone. `user` is the trainee, or the trainer for a shared phone.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    test = models.ForeignKey("assessments.Test", verbose_name=_("test"), on_delete=models.CASCADE, related_name="+")
    # SHA-256 of the token, hex: the token itself is never stored on the server.
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    shared = models.BooleanField(_("shared phone"), default=False)
    created_at = models.DateTimeField(_("downloaded at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))

    class Meta:
        verbose_name = _("offline device")
        verbose_name_plural = _("offline devices")

    def __str__(self) -> str:
        return f"{self.user} – {self.test} ({self.created_at:%Y-%m-%d})"


class OfflinePin(models.Model):
    """A participant's short PIN for answering on a trainer's shared phone (hashed, never readable)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="offline_pin"
    )
    # Django's PBKDF2 format with few iterations, so that a phone can check a PIN without network.
    pin_hash = models.CharField(_("PIN hash"), max_length=128)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("offline PIN")
        verbose_name_plural = _("offline PINs")

    def __str__(self) -> str:
        return str(self.user)
