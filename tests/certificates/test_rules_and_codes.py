"""The pure parts: eligibility rules and verification codes."""

import random

import pytest

from certificates import codes, rules

ALL_DONE = rules.Facts(
    has_pre_test=True,
    pre_test_taken=True,
    has_post_test=True,
    post_test_percent=85.0,
    lessons_completed=True,
    through_session=False,
    attendance_percent=None,
)


def test_everything_done_earns_a_completion_certificate():
    assert rules.decide(rules.Rule(), ALL_DONE) == rules.Decision(kind="completion")


def test_a_low_post_test_says_the_score_and_the_minimum():
    facts = rules.Facts(**{**ALL_DONE.__dict__, "post_test_percent": 62.4})
    decision = rules.decide(rules.Rule(min_post_test_percent=70), facts)
    assert decision.kind is None
    assert decision.reasons == ["post-test 62 % < 70 %"]


@pytest.mark.usefixtures("english")
def test_every_missing_condition_is_listed():
    facts = rules.Facts(
        has_pre_test=True,
        pre_test_taken=False,
        has_post_test=True,
        post_test_percent=None,
        lessons_completed=False,
        through_session=False,
        attendance_percent=None,
    )
    assert rules.decide(rules.Rule(), facts).reasons == [
        "pre-test not taken",
        "required lessons not completed",
        "post-test not taken",
    ]


@pytest.mark.usefixtures("english")
def test_attendance_applies_only_to_session_enrolments_with_attendance_data():
    rule = rules.Rule(min_attendance_percent=80)
    assert rules.decide(rule, ALL_DONE).kind == "completion"  # self-enrolled
    no_data = rules.Facts(**{**ALL_DONE.__dict__, "through_session": True})
    assert rules.decide(rule, no_data).kind == "completion"  # no sessions app: not applicable
    low = rules.Facts(**{**ALL_DONE.__dict__, "through_session": True, "attendance_percent": 50.0})
    assert rules.decide(rule, low).reasons == ["attendance 50 % < 80 %"]


def test_attended_but_failed_earns_participation_when_the_rule_allows_it():
    facts = rules.Facts(
        **{**ALL_DONE.__dict__, "through_session": True, "attendance_percent": 90.0, "post_test_percent": 40.0}
    )
    assert rules.decide(rules.Rule(min_attendance_percent=80), facts).kind is None
    decision = rules.decide(rules.Rule(min_attendance_percent=80, participation=True), facts)
    assert decision.kind == "participation"
    assert decision.reasons == ["post-test 40 % < 70 %"]


def test_a_rule_without_post_test_minimum_ignores_the_post_test():
    facts = rules.Facts(**{**ALL_DONE.__dict__, "post_test_percent": None})
    assert rules.decide(rules.Rule(min_post_test_percent=None), facts).kind == "completion"


def test_codes_carry_65_random_bits_and_a_check_symbol():
    code = codes.new_code()
    assert len(code) == 14
    assert codes.normalise(code) == code
    assert len({codes.new_code() for _ in range(2000)}) == 2000


def test_codes_are_grouped_by_four():
    assert codes.grouped("7KQ4M2XD9BWEH3") == "7KQ4-M2XD-9BWE-H3"


def test_typing_errors_in_case_o_and_i_l_are_forgiven():
    data = "01" * 6 + "1"
    code = data + codes._check_symbol(data)
    typed = code.lower().replace("0", "o").replace("1", "l", 3).replace("1", "I")
    typed = "-".join(typed[i : i + 4] for i in range(0, 14, 4))
    assert codes.normalise(typed) == code
    assert codes.normalise(f"  {code[:7]} {code[7:]} ") == code


@pytest.mark.parametrize("position", [0, 5, 12])
def test_a_changed_symbol_fails_the_check(position):
    code = codes.new_code()
    replacement = "A" if code[position] != "A" else "B"
    assert codes.normalise(code[:position] + replacement + code[position + 1 :]) is None


def test_a_swapped_pair_fails_the_check():
    data = "ABCDEFGHJKMNP"
    code = data + codes._check_symbol(data)
    assert codes.normalise("BACDEFGHJKMNP" + code[-1]) is None


def test_every_check_character_is_a_letter_or_digit_of_the_alphabet():
    """Crockford's `* ~ $ =` were hard to type on a phone (about 11 % of codes ended in one)."""
    checks = {codes.new_code()[-1] for _ in range(3000)}
    assert checks <= set(codes.ALPHABET)


def test_every_single_mistyped_character_at_every_position_is_caught():
    for _ in range(200):
        code = codes.new_code()
        for position in range(len(code)):
            for char in codes.ALPHABET:
                if char != code[position]:
                    assert codes.normalise(code[:position] + char + code[position + 1 :]) is None


def test_earlier_codes_still_verify_with_or_without_their_symbol():
    data_with_symbol = next(
        data
        for data in ("".join(random.choice(codes.ALPHABET) for _ in range(13)) for _ in range(10_000))
        if codes._legacy_check_symbol(data) in "*~$=U"
    )
    earlier = data_with_symbol + codes._legacy_check_symbol(data_with_symbol)
    assert codes.read(earlier) == earlier
    assert codes.read(codes.grouped(data_with_symbol).lower()) == earlier  # the symbol left out
    data_with_letter = next(
        data
        for data in ("".join(random.choice(codes.ALPHABET) for _ in range(13)) for _ in range(10_000))
        if codes._legacy_check_symbol(data) != codes._check_symbol(data)
        and codes._legacy_check_symbol(data) in codes.ALPHABET
    )
    earlier = data_with_letter + codes._legacy_check_symbol(data_with_letter)
    assert codes.normalise(earlier) is None  # today's check stays strict ...
    assert codes.read(earlier) == earlier  # ... and the certificate issued before is still found
