"""The names of the Wagtail hooks the core calls (`wagtail.hooks.get_hooks`); apps above it register
functions under them in their `wagtail_hooks.py`, so the core never imports them.

- `STAFF_ACCOUNT_CONDITION`: `condition() -> Q` on the user model, what else makes someone staff
  (training: coordinating a region, training a session); `lms.roles.staff_account_condition` ORs them
  with the staff groups and permissions.
- `WORKSPACE`: `workspace(user) -> lms.workspace.Workspace | None`, the page where a role works;
  the person lands on the best-ranked one after login and the header links to it.
- `METRIC`: `metric() -> iterable of prometheus_client metric families`, read at each scrape of
  /metrics/ (`lms.metrics`): a figure the app counts in the database, the same whichever node answers.
"""

STAFF_ACCOUNT_CONDITION = "staff_account_condition"
WORKSPACE = "workspace"
METRIC = "metric"
