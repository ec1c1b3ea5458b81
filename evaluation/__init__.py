"""The evaluator's pre/post report: filters, SQL selectors, charts, exports, synthetic data.

The statistics themselves live in evaluation.analytics (pure); this package reads the database
(selectors), draws (charts) and writes files (exports). See docs/analytics.md.
"""
