"""The names of the Wagtail hooks assessments calls (`wagtail.hooks.get_hooks`); higher layers
register functions under them in their `wagtail_hooks.py`, so assessments never imports them.

- `POST_TEST_OPENER`: `opener(user, test) -> bool`, True when the trainer has opened a post-test for
  the user's room (training).
- `TEST_CLOSER`: `closer(user, test) -> str | None`, a translated reason that keeps a test closed until
  the trainer opens it for the room (training).
- `ROSTER_PROVIDER`: `provider(trainer, test, session_code) -> list[User] | None`, the participants of
  that trainer's session who may take `test` on a shared phone, or None when the trainer may not
  (training); the first non-None answer counts.
- `SESSION_ROSTER`: `provider(code) -> (module ids, participant user ids) | None`, the modules and
  roster of the training session with that code (upper case), None when there is none; for
  `manage.py import_responses --session` (training).
- `SUBMISSION_LISTENER`: `listener(attempt_id) -> None`, called after the commit of a submission
  (certificates).
- `RESULT_PANEL`: `panel(request, attempt) -> str | None`, ready HTML shown under a passed post-test's
  result: the next step (certificates: the certificate, or that it is being prepared).
- `POST_TEST_PANEL`: `panel(request, attempt) -> str | None`, ready HTML shown under any handed-in
  post-test's result, passed or not (evaluation: the reaction questionnaire).
"""

POST_TEST_OPENER = "assessments_post_test_opener"
TEST_CLOSER = "assessments_test_closer"
ROSTER_PROVIDER = "assessments_roster_provider"
SESSION_ROSTER = "assessments_session_roster"
SUBMISSION_LISTENER = "assessments_submission_listener"
RESULT_PANEL = "assessments_result_panel"
POST_TEST_PANEL = "assessments_post_test_panel"
