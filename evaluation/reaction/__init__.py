"""The learners' own view: a short reaction questionnaire after the post-test (Kirkpatrick level 1).

Anonymous by construction (docs/data-protection.md, "Reaction questionnaire"): the answer has no link
to a person, a separate receipt records only that someone answered for a module, and answers become
visible in batches of at least MIN_GROUP per session, shuffled and re-keyed when released.

- models.py: the questionnaire (a snippet, French and English wording), its items, answers, receipts
- masking.py: phone numbers and names masked out of free text (pure)
- services.py: reaction_submit (the one write), with the batch release
- selectors.py: what a trainee may answer, and the per-session summaries
- views.py, forms.py, access.py: the thin edges (the trainee's form, the summaries, the panels)
"""
