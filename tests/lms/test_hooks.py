"""The Wagtail hooks between layers (docs/architecture.md): every name a lower app calls has the
functions the apps above it register, in INSTALLED_APPS order, and no two names collide."""

from importlib import import_module

from wagtail import hooks

HOOK_MODULES = ["lms.hooks", "courses.hooks", "assessments.hooks", "training.hooks", "certificates.hooks"]


def _names() -> dict[str, str]:
    """{constant's dotted path: hook name} for every upper-case string constant of the hooks modules."""
    found = {}
    for module_name in HOOK_MODULES:
        module = import_module(module_name)
        for attribute, value in vars(module).items():
            if attribute.isupper() and isinstance(value, str):
                found[f"{module_name}.{attribute}"] = value
    return found


def _registered(name: str) -> list[str]:
    return [f"{function.__module__}.{function.__name__}" for function in hooks.get_hooks(name)]


def test_every_hook_name_is_unique_and_has_what_the_apps_register():
    names = _names()
    # the twelve former lists, the staff condition, the session roster, the result panel, the workspace,
    # the metrics, the post-test panel
    assert len(names) == 18
    assert len(set(names.values())) == len(names), "two constants name the same hook"
    empty = [constant for constant, name in names.items() if not hooks.get_hooks(name)]
    assert empty == []


def test_the_registrations_are_the_ones_the_layers_above_make_in_app_order():
    from assessments.hooks import POST_TEST_PANEL, RESULT_PANEL, SESSION_ROSTER, SUBMISSION_LISTENER
    from certificates.hooks import ATTENDANCE_RATE_PROVIDER
    from courses.hooks import COURSE_PANEL, DASHBOARD_PANEL, LESSON_GATE
    from training.hooks import PROGRAMME_COUNTER

    assert _registered(LESSON_GATE) == ["assessments.access.pre_test_gate"]
    assert _registered(COURSE_PANEL) == ["assessments.access.course_panel", "certificates.access.course_panel"]
    assert _registered(DASHBOARD_PANEL) == [
        "training.access.dashboard_panel",
        "training.followup.dashboard_panel",
        "evaluation.reaction.access.dashboard_panel",
        "certificates.access.dashboard_panel",
        "events.access.dashboard_panel",
    ]
    assert _registered(PROGRAMME_COUNTER) == [
        "certificates.sessions.programme_counters",
        "events.dashboard.programme_counters",
    ]
    assert _registered(SUBMISSION_LISTENER) == ["certificates.services.on_submission"]
    assert _registered(RESULT_PANEL) == ["certificates.access.result_panel"]
    assert _registered(POST_TEST_PANEL) == ["evaluation.reaction.access.post_test_panel"]
    assert _registered(ATTENDANCE_RATE_PROVIDER) == ["training.selectors.attendance_rate"]
    assert _registered(SESSION_ROSTER) == ["training.selectors.session_modules_and_roster"]
    from lms.hooks import WORKSPACE

    assert _registered(WORKSPACE) == [
        "courses.wagtail_hooks.modules_workspace",
        "training.wagtail_hooks.sessions_workspace",
        "events.wagtail_hooks.programme_workspace",
    ]
    from lms.hooks import METRIC

    assert _registered(METRIC) == ["certificates.wagtail_hooks.certificates_issued_metric"]


def test_only_hooks_replaces_a_registration_and_puts_it_back():
    from assessments.hooks import SUBMISSION_LISTENER
    from tests.hook_registry import only_hooks

    heard = []
    with only_hooks(SUBMISSION_LISTENER, heard.append):
        assert hooks.get_hooks(SUBMISSION_LISTENER) == [heard.append]
    assert _registered(SUBMISSION_LISTENER) == ["certificates.services.on_submission"]
