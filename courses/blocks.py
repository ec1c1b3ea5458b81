"""StreamField blocks of a lesson.

Media never load by themselves: audio and video sit behind a tap (a <details> element, so no
JavaScript is needed) and show their size first; images render as small renditions for phones.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

LESSON_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"), help_text=_("What the image shows, for people who cannot see it.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class AudioDocumentChooserBlock(DocumentChooserBlock):
    """A document that must be a short audio clip (courses.audio): format by content, size capped."""

    def clean(self, value):
        from courses.audio import document_clip_check  # courses.audio needs the models this module builds

        value = super().clean(value)
        if value is not None:
            document_clip_check(value)
        return value


class AudioClipBlock(blocks.StructBlock):
    language = SnippetChooserBlock("courses.AudioLanguage", label=_("Language"))
    file = AudioDocumentChooserBlock(label=_("Audio file (MP3, OGG, M4A or WAV)"))
    transcript = blocks.TextBlock(label=_("Transcript (in French)"), required=False)


class ShortClipBlock(blocks.StructBlock):
    """A clip that reads aloud text shown beside it: no transcript of its own."""

    language = SnippetChooserBlock("courses.AudioLanguage", label=_("Language"))
    file = AudioDocumentChooserBlock(label=_("Audio file (MP3, OGG, M4A or WAV)"))


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    clips = blocks.ListBlock(AudioClipBlock(), label=_("Clips, one per language"))

    class Meta:
        icon = "media"
        label = _("Audio in national languages")
        template = "courses/blocks/audio.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    file = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(label=_("Captions (WebVTT)"), required=False)
    transcript = blocks.TextBlock(label=_("Transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        template = "courses/blocks/document.html"


class H5PRequiredBlock(blocks.ChoiceBlock):
    """Whether an activity must be passed: "auto" (the default) means "if its package reports a score".

    Lessons saved before this choice hold True or False; True was only ever the default, so it reads
    as "auto", and False as "no". Saving the page again stores the choice.
    """

    AUTO, YES, NO = "auto", "yes", "no"

    def __init__(self, **kwargs):
        choices = [
            (self.AUTO, _("Automatic: required if the activity gives a score")),
            (self.YES, _("Required")),
            (self.NO, _("Optional")),
        ]
        super().__init__(choices=choices, default=self.AUTO, **kwargs)

    def to_python(self, value):
        if isinstance(value, bool):
            return self.AUTO if value else self.NO
        return value or self.AUTO


class H5PValue(blocks.StructValue):
    @property
    def is_required(self) -> bool:
        """Whether the trainee must reach the pass mark: never for a package that reports no score."""
        package = self.get("package")
        scored = package is not None and package.reports_score
        return scored and self.get("required") != H5PRequiredBlock.NO


class H5PBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    package = SnippetChooserBlock("courses.H5PPackage", label=_("H5P package"))
    required = H5PRequiredBlock(
        label=_("Required to complete the lesson"),
        help_text=_(
            "The trainee must reach the pass mark before the lesson counts as completed. Only for activities "
            "that give a score: an accordion or dialog cards never do, and count as done once opened."
        ),
    )
    pass_percentage = blocks.IntegerBlock(label=_("Pass mark (%)"), min_value=0, max_value=100, default=50)

    def clean(self, value):
        value = super().clean(value)
        package = value.get("package")
        if value.get("required") == H5PRequiredBlock.YES and package is not None and not package.reports_score:
            # Refused rather than silently switched off: the editor decides, knowing why.
            message = _(
                "“%(package)s” never reports a score, so it can never be passed: choose “Automatic” or "
                "“Optional”. It will count as done once the trainee opens the lesson."
            ) % {"package": package.title}
            raise StructBlockValidationError(block_errors={"required": ErrorList([ValidationError(message)])})
        return value

    class Meta:
        icon = "pick"
        label = _("H5P activity")
        value_class = H5PValue
        template = "courses/blocks/h5p.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(label=_("Story"), features=LESSON_RICH_TEXT_FEATURES)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Question")), label=_("Questions for reflection"))

    class Meta:
        icon = "group"
        label = _("Case study")
        template = "courses/blocks/case_study.html"


class KeyPointsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("Point")), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Key points")
        template = "courses/blocks/key_points.html"


class KeyPointBlock(blocks.StructBlock):
    """One key point, with the same point read aloud in national languages."""

    text = blocks.TextBlock(label=_("Key point"))
    clips = blocks.ListBlock(ShortClipBlock(), label=_("Clips, one per language"), required=False, default=[])

    class Meta:
        icon = "pick"
        label = _("Key point with audio")
        template = "courses/blocks/key_point.html"


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"))
    definition = blocks.TextBlock(label=_("Definition"))

    class Meta:
        icon = "help"
        label = _("Glossary term")
        template = "courses/blocks/glossary_term.html"


class ReferenceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Citation"))
    url = blocks.URLBlock(label=_("Link"), required=False)


class ReferencesBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ReferenceBlock(), **kwargs)

    class Meta:
        icon = "link"
        label = _("References")
        template = "courses/blocks/references.html"


class LessonBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=LESSON_RICH_TEXT_FEATURES, template="courses/blocks/rich_text.html"
    )
    image = ImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    document = DocumentBlock()
    h5p = H5PBlock()
    case_study = CaseStudyBlock()
    key_points = KeyPointsBlock()
    key_point = KeyPointBlock()
    glossary_term = GlossaryTermBlock()
    references = ReferencesBlock()


class ObjectivesBlock(blocks.StreamBlock):
    objective = blocks.CharBlock(label=_("Learning objective"))
