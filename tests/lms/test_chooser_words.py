"""A StreamField's snippet chooser speaks the language of the page drawing it, not of the first
editor who opened an editor in this process (Wagtail words it once: lms/chooser_words.py)."""

from django.utils import translation

from courses.blocks import H5PBlock


def test_the_h5p_package_chooser_is_worded_in_each_drawing_language():
    block = H5PBlock()
    block.set_name("h5p")
    chooser = block.child_blocks["package"]
    with translation.override("en"):
        english = chooser.widget.render_html("package", None, attrs={"id": "package"})
    with translation.override("fr"):
        french = chooser.widget.render_html("package", None, attrs={"id": "package"})
    with translation.override("en"):
        english_again = chooser.widget.render_html("package", None, attrs={"id": "package"})
    assert "Choose H5P package" in english and english_again == english
    assert "Choisir" in french and "Choose" not in french
