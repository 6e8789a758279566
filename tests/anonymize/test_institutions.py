"""An institution named after a protected site (井冈山大学, 延安大学, 遵义医科大学附属医院)
is an organisation, replaced whole; the site itself, written as a word of its own or in
the name of a spirit, meeting or base (井冈山精神, 井冈山革命根据地), stays public."""

from __future__ import annotations

import pytest

from partybook.anonymizer import anonymize
from partybook.draft import Draft, Meta


def _example(text: str, **meta: str) -> str:
    draft = Draft(meta=Meta(**meta), sections={"opening": [text]})
    example, _ = anonymize(draft)
    return example.sections["opening"][0]


def test_the_authors_university_named_after_a_red_site_is_replaced() -> None:
    text = (
        "我在井冈山大学任教，多次带学生到井冈山学习井冈山精神，"
        "参观井冈山革命根据地。我毕业于井冈山大学。"
    )
    out = _example(text, author="邝雨桐", unit="井冈山大学马克思主义学院")
    assert out == (
        "我在某大学任教，多次带学生到井冈山学习井冈山精神，参观井冈山革命根据地。我毕业于某大学。"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我毕业于延安大学，常去宝塔山。", "我毕业于某大学，常去宝塔山。"),
        ("我爱人在遵义医科大学附属医院上班。", "我爱人在某医院上班。"),
        ("我在井冈山大学读书时学习了井冈山精神。", "我在某大学读书时学习了井冈山精神。"),
    ],
)
def test_institutions_built_on_a_site_or_city_name_are_replaced_whole(
    text: str, expected: str
) -> None:
    assert _example(text, author="邝雨桐", unit="某县委党校") == expected


@pytest.mark.parametrize(
    "text",
    [
        "我到中国井冈山干部学院参加培训，重温井冈山精神。",
        "在延安干部学院学习期间，我们参观了杨家岭和枣园。",
        "我们在遵义会议会址学习遵义会议精神。",
    ],
)
def test_national_cadre_colleges_and_sites_stay(text: str) -> None:
    assert _example(text, author="邝雨桐", unit="某县委党校") == text
