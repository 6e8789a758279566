"""The fonts of the exported documents, read from ``templates/layout/fonts.yaml``.

That file is the one place where a unit changes 仿宋_GB2312 to 仿宋, 方正小标宋简体 to
方正小标宋_GBK, and so on; the .docx, PDF and HTML exporters all read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ExportError
from ..paths import templates_dir

ROLES = ("title", "body", "heading1", "heading2", "heading3", "heading4", "signoff", "page_number")


@dataclass(frozen=True, slots=True)
class RoleFont:
    east_asia: str
    latin: str
    size: float  # points
    bold: bool = False

    @property
    def half_points(self) -> int:
        return round(self.size * 2)


@dataclass(frozen=True, slots=True)
class Substitute:
    family: str
    weight: str = ""


@dataclass(frozen=True, slots=True)
class FontConfig:
    latin: str
    roles: tuple[tuple[str, RoleFont], ...]
    substitutes: tuple[tuple[str, Substitute], ...]
    css: tuple[tuple[str, str], ...]

    def role(self, name: str) -> RoleFont:
        return dict(self.roles)[name]

    def css_stack(self, name: str) -> str:
        return dict(self.css).get(name, "serif")

    def east_asia_names(self) -> list[str]:
        """Every East Asian font name the documents ask for, in role order, once each."""
        seen: list[str] = []
        for _, f in self.roles:
            for name in (f.east_asia, f.latin):
                if name not in seen:
                    seen.append(name)
        return seen


def fonts_file() -> Path:
    return templates_dir() / "layout" / "fonts.yaml"


@lru_cache(maxsize=4)
def load_fonts(path: str | None = None) -> FontConfig:
    """The font configuration (cached per process)."""
    from ..datafile import read_yaml

    p = Path(path) if path else fonts_file()
    data = read_yaml(p, "字体配置文件", ExportError)
    if not isinstance(data, dict) or not isinstance(data.get("roles"), dict):
        raise ExportError(f"字体配置文件 {p} 格式不对：缺少 roles。")
    latin = str(data.get("latin") or "Times New Roman")
    roles: list[tuple[str, RoleFont]] = []
    for name in ROLES:
        entry = data["roles"].get(name)
        if not isinstance(entry, dict) or not entry.get("east_asia"):
            raise ExportError(f"字体配置文件 {p} 缺少 roles.{name}.east_asia。")
        try:
            size = float(entry.get("size", 16))
        except (TypeError, ValueError):
            raise ExportError(f"字体配置文件 {p} 中 roles.{name}.size 应为数字（磅）。") from None
        roles.append(
            (
                name,
                RoleFont(
                    str(entry["east_asia"]),
                    str(entry.get("latin") or latin),
                    size,
                    bool(entry.get("bold", False)),
                ),
            )
        )
    subs = tuple(
        (str(k), Substitute(str(v.get("family", "")), str(v.get("weight", ""))))
        for k, v in (data.get("substitutes") or {}).items()
        if isinstance(v, dict) and v.get("family")
    )
    css = tuple((str(k), str(v)) for k, v in (data.get("css") or {}).items())
    return FontConfig(latin, tuple(roles), subs, css)
