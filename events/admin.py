"""Administrators set the programme's targets per indicator and region in Django's admin."""

from django.contrib import admin

from events.models import IndicatorTarget


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "natural_region", "administrative_region", "value"]
    list_filter = ["indicator"]
