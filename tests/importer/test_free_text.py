"""Genres without headings (思想汇报): free paragraphs spread over the genre's sections in
order, and the letter's fixed lines recognised from the genre's layout."""

from __future__ import annotations

from types import SimpleNamespace

from partybook.genre import Genre
from partybook.importer.free_text import distribute, fixed_line


def _letter_genre() -> Genre:
    def free(sid: str, guidance: str) -> dict:
        return {"id": sid, "kind": "paragraphs", "guidance": guidance}

    return Genre.model_validate(
        {
            "id": "test-letter",
            "name": "测试汇报",
            "sections": [
                {"id": "title", "kind": "line"},
                free("opening", "交代身份和汇报的时段。"),
                free("study", "写学习理论的体会，读了哪些著作，思想认识上的收获。"),
                free("practice", "写工作岗位上做的具体事情，志愿服务和群众评价。"),
                free("shortcomings", "写自己的不足和差距，以及改进的打算。"),
                free("ending", "结尾表态，请党组织考验和批评指正。"),
                {"id": "signoff", "kind": "signoff"},
            ],
        }
    )


def test_paragraphs_follow_the_sections_in_order():
    paras = [
        "我是一名预备党员，现将本季度情况汇报如下。",
        "这个季度我读了党章和两本理论著作，思想认识上有了收获。",
        "在工作岗位上，我做了三件具体事情，还参加了志愿服务。",
        "我的不足是学习不够系统，和先进同志还有差距，打算改进。",
        "请党组织继续考验我，批评指正。",
    ]
    out = distribute(paras, _letter_genre())
    assert [len(out[s]) for s in ("opening", "study", "practice", "shortcomings", "ending")] == [
        1,
        1,
        1,
        1,
        1,
    ]
    assert sum(out.values(), []) == paras  # nothing lost, order kept


def test_two_paragraphs_stay_in_order():
    out = distribute(["我是预备党员。", "请党组织考验我。"], _letter_genre())
    assert out["opening"][0] == "我是预备党员。"
    assert sum(out.values(), []) == ["我是预备党员。", "请党组织考验我。"]


def test_fixed_letter_lines_come_from_the_layout():
    genre = SimpleNamespace(
        layout=SimpleNamespace(
            salutation="敬爱的党组织：",
            closing=[SimpleNamespace(text="此致"), SimpleNamespace(text="敬礼！")],
        )
    )
    assert fixed_line("敬爱的党组织:", genre) == "称呼"
    assert fixed_line("此致", genre) == "结束语"
    assert fixed_line("此致敬礼！", genre) == "结束语"
    assert fixed_line("敬爱的党组织，我要汇报的是", genre) is None
    assert fixed_line("此致", SimpleNamespace()) is None
