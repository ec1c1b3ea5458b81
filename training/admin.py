"""Administrators set the programme's targets and the region coordinators in Django's admin."""

from django.contrib import admin

from training.models import Coordinator, ProgrammeTarget, TrainingSession


@admin.register(ProgrammeTarget)
class ProgrammeTargetAdmin(admin.ModelAdmin):
    list_display = ["measure", "value"]


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["user", "region"]
    raw_id_fields = ["user"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(admin.ModelAdmin):
    """For administrators: add a co-trainer, correct a session. Trainers use /sessions/."""

    list_display = ["code", "title", "prefecture", "mode", "start_date", "status"]
    list_filter = ["status", "mode", "prefecture__region"]
    search_fields = ["code", "title"]
    filter_horizontal = ["trainers"]
    raw_id_fields = ["courses"]
