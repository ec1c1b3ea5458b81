"""evaluation.analytics: the one source of truth for pre/post statistics (pure Python).

Views, exports and the `prepost_report` command all call these functions. Inputs are plain
sequences; outputs are frozen dataclasses. Formulas and references: docs/analytics.md.
"""

from evaluation.analytics.items import ItemAnalysis, ItemStatistics, item_analysis, item_analysis_from_counts
from evaluation.analytics.paired import (
    HAKE_HIGH,
    HAKE_LOW,
    HAKE_MEDIUM,
    PairedSummary,
    hake_band,
    holm_adjust,
    mcnemar_exact,
    paired_summary,
    paired_summary_from_counts,
    wilcoxon_signed_rank,
)

__all__ = [
    "HAKE_HIGH",
    "HAKE_LOW",
    "HAKE_MEDIUM",
    "ItemAnalysis",
    "ItemStatistics",
    "PairedSummary",
    "hake_band",
    "holm_adjust",
    "item_analysis",
    "item_analysis_from_counts",
    "mcnemar_exact",
    "paired_summary",
    "paired_summary_from_counts",
    "wilcoxon_signed_rank",
]
