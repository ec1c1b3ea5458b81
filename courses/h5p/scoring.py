"""Whether a package's main library ever reports a score (an xAPI statement with result.score).

H5P has no manifest field for it. Three signs, strongest first:

1. the machine name is one we know: content types that only show things (Accordion, Dialogcards,
   Agamotto, GreetingCard, AdvancedText, …) never send a scored statement; question types do;
2. the main library depends on H5P.Question, the base of H5P's scored question types;
3. the main library's own scripts define `getMaxScore`, the method of H5P's scoring contract.

A package with none of these signs is treated as not scored: a required activity that can never be
passed would lock its lesson for good, while one treated as not scored merely counts as done once opened.
"""

from __future__ import annotations

from collections.abc import Callable

from .manifests import LibraryManifest

NON_SCORED = frozenset(
    {
        "H5P.Accordion",
        "H5P.AdvancedText",
        "H5P.Agamotto",
        "H5P.Chart",
        "H5P.Collage",
        "H5P.Dialogcards",
        "H5P.DocumentationTool",
        "H5P.GreetingCard",
        "H5P.IFrameEmbed",
        "H5P.ImageHotspots",
        "H5P.ImageSlider",
        "H5P.Image",
        "H5P.Link",
        "H5P.Table",
        "H5P.Timeline",
        "H5P.Video",
    }
)
SCORED = frozenset(
    {
        "H5P.ArithmeticQuiz",
        "H5P.Blanks",
        "H5P.CoursePresentation",
        "H5P.DragQuestion",
        "H5P.DragText",
        "H5P.Essay",
        "H5P.Flashcards",
        "H5P.ImageMultipleHotspotQuestion",
        "H5P.ImagePair",
        "H5P.ImageSequencing",
        "H5P.InteractiveVideo",
        "H5P.MarkTheWords",
        "H5P.MemoryGame",
        "H5P.MultiChoice",
        "H5P.QuestionSet",
        "H5P.SingleChoiceSet",
        "H5P.Summary",
        "H5P.TrueFalse",
    }
)
SCORE_METHOD = b"getMaxScore"


def reports_score(main: LibraryManifest, read: Callable[[str], bytes]) -> bool:
    """Whether the main library reports a score; `read(path)` gives a file of its folder."""
    name = main.ref.machine_name
    if name in NON_SCORED:
        return False
    if name in SCORED:
        return True
    if any(ref.machine_name == "H5P.Question" for ref in main.dependencies):
        return True
    return any(SCORE_METHOD in read(path) for path in main.preloaded_files if path.lower().endswith(".js"))
