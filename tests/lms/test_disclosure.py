"""lms.disclosure.suppressed_rows: small rows hidden, then the smallest others while the hidden rows
add up to 1 to min_group - 1."""

from lms.disclosure import suppressed_rows


def test_one_small_row_takes_the_smallest_shown_row_with_it():
    assert suppressed_rows({"a": 9, "b": 6, "c": 1, "d": 0}, min_group=5) == {"c", "b"}


def test_small_rows_adding_up_to_min_group_need_no_secondary():
    assert suppressed_rows({"a": 9, "b": 3, "c": 2}, min_group=5) == {"b", "c"}


def test_people_on_no_row_count_as_hidden_and_empty_rows_protect_nothing():
    assert suppressed_rows({"a": 9, "b": 6, "c": 0}, min_group=5, unlisted=2) == {"b"}
    assert suppressed_rows({"a": 9, "b": 6}, min_group=5) == set()


def test_left_replaces_the_sum_where_rows_overlap():
    # Rows of 3 (hidden) and 7, overlapping by 2: the total minus the shown row leaves 1 person.
    assert suppressed_rows({"a": 7, "b": 3}, min_group=5, left=lambda hidden: 1 if hidden == {"b"} else 8) == {"a", "b"}
