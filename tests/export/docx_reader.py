"""Reading an exported .docx back at the XML level: effective run properties through the
style chain (run → character style → paragraph style → basedOn … → docDefaults)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@dataclass
class RunInfo:
    text: str
    east_asia: str | None
    ascii: str | None
    size_pt: float | None
    lang_east_asia: str | None


class StyleChain:
    def __init__(self, styles_xml: bytes) -> None:
        self.root = etree.fromstring(styles_xml)
        self.by_id = {s.get(q("styleId")): s for s in self.root.iter(q("style"))}
        self.defaults = self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out = []
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            s = self.by_id[style_id]
            out.append(s)
            based = s.find("w:basedOn", NS)
            style_id = based.get(q("val")) if based is not None else None
        return out

    def name(self, style_id: str) -> str:
        return self.by_id[style_id].find("w:name", NS).get(q("val"))

    def ppr_value(self, p: etree._Element, tag: str, attr: str) -> str | None:
        """A paragraph property through direct formatting and the paragraph style chain."""
        ppr = p.find("w:pPr", NS)
        el = ppr.find(f"w:{tag}", NS) if ppr is not None else None
        if el is not None and el.get(q(attr)) is not None:
            return el.get(q(attr))
        style = ppr.find("w:pStyle", NS) if ppr is not None else None
        sid = style.get(q("val")) if style is not None else "Normal"
        for s in self.chain(sid):
            el = s.find(f"w:pPr/w:{tag}", NS)
            if el is not None and el.get(q(attr)) is not None:
                return el.get(q(attr))
        return None

    def run_value(self, p: etree._Element, r: etree._Element, tag: str, attr: str) -> str | None:
        rpr = r.find("w:rPr", NS)
        sources: list[etree._Element] = []
        if rpr is not None:
            sources.append(rpr)
            rstyle = rpr.find("w:rStyle", NS)
            if rstyle is not None:
                sources += [s.find("w:rPr", NS) for s in self.chain(rstyle.get(q("val")))]
        ppr = p.find("w:pPr", NS)
        pstyle = ppr.find("w:pStyle", NS) if ppr is not None else None
        sources += [
            s.find("w:rPr", NS)
            for s in self.chain(pstyle.get(q("val")) if pstyle is not None else "Normal")
        ]
        sources.append(self.defaults)
        for src in sources:
            if src is None:
                continue
            el = src.find(f"w:{tag}", NS)
            if el is not None and el.get(q(attr)) is not None:
                return el.get(q(attr))
        return None

    def runs(self, p: etree._Element) -> list[RunInfo]:
        out = []
        for r in p.findall("w:r", NS):
            text = "".join(t.text or "" for t in r.findall("w:t", NS))
            if not text:
                continue
            size = self.run_value(p, r, "sz", "val")
            out.append(
                RunInfo(
                    text,
                    self.run_value(p, r, "rFonts", "eastAsia"),
                    self.run_value(p, r, "rFonts", "ascii"),
                    int(size) / 2 if size else None,
                    self.run_value(p, r, "lang", "eastAsia"),
                )
            )
        return out


def body_paragraphs(document_xml: bytes) -> list[etree._Element]:
    return etree.fromstring(document_xml).findall("w:body/w:p", NS)


def style_of(p: etree._Element) -> str:
    el = p.find("w:pPr/w:pStyle", NS)
    return el.get(q("val")) if el is not None else "Normal"


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("t")))
