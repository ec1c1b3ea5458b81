"""Administrators set the programme's targets and the region coordinators in Django's admin."""

from django.contrib import admin

from training.models import Coordinator, ProgrammeTarget


@admin.register(ProgrammeTarget)
class ProgrammeTargetAdmin(admin.ModelAdmin):
    list_display = ["measure", "value"]


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "region"]
    raw_id_fields = ["user"]
