from partybook.assemble import assemble


def test_example_assembles_with_title_first(example_draft, genre):
    text = assemble(example_draft, genre)
    assert text.splitlines()[0] == genre.section("title").example
    assert (
        text.index("一、基本情况")
        < text.index("二、存在的问题和不足")
        < text.index("三、问题和原因分析")
        < text.index("四、整改措施")
    )
