"""China's administrative divisions (province → city → county → town) from the dataset
shipped by jionlp (``jionlp/dictionary/china_location.zip``), read directly so that jionlp's
own heavy import is not needed. Villages are not loaded: a village is found by its suffix."""

from __future__ import annotations

import importlib.util
import json
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import PartybookError

DATA_FILE = "dictionary/china_location.zip"
LEVELS = ("province", "city", "county", "town")


@dataclass
class Divisions:
    """``full`` maps a full name (河南省, 林州市, 播州区, 石桥镇) to its level's placeholder
    key; ``alias`` maps a province's or city's bare name (河南, 杭州) likewise."""

    full: dict[str, str]
    alias: dict[str, str]
    data_date: str
    max_len: int


def data_path() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise PartybookError(
            "找不到行政区划数据（jionlp 软件包）。请运行 pip install jionlp 后重试。"
        )
    return Path(list(spec.submodule_search_locations)[0]) / DATA_FILE


def _key(level: int, name: str) -> str:
    """The placeholder key of a division by its level and suffix (某省/某市/某区/某县/某镇…)."""
    if level == 0:
        return "city" if name.endswith("市") else "province"
    for suffix, key in (("街道", "subdistrict"), ("镇", "town"), ("乡", "township")):
        if name.endswith(suffix):
            return key
    for suffix, key in (("区", "district"), ("县", "county"), ("旗", "county"), ("市", "city")):
        if name.endswith(suffix):
            return key
    return ("province", "city", "county", "town")[level] if level < 4 else "town"


def _cache_file(path: Path) -> Path | None:
    """A parsed copy in the user's cache folder, named by the data file's size and time
    (a new jionlp version gets a new copy). JSON, so reading it runs no code."""
    try:
        from platformdirs import user_cache_dir

        st = path.stat()
        return Path(user_cache_dir("partybook")) / f"divisions-{st.st_size}-{st.st_mtime_ns}.json"
    except (ImportError, OSError):
        return None


@lru_cache(maxsize=1)
def load_divisions() -> Divisions:
    path = data_path()
    cache = _cache_file(path)
    if cache is not None:
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
            return Divisions(data["full"], data["alias"], data["data_date"], data["max_len"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or a broken one: parse the dataset
    divisions = _parse(path)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(divisions.__dict__, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home: parse again next time
    return divisions


def _parse(path: Path) -> Divisions:
    with zipfile.ZipFile(path) as archive:
        info = archive.infolist()[0]
        raw = archive.read(info).decode("utf-8")
    full: dict[str, str] = {}
    alias: dict[str, str] = {}
    for line in raw.split("\n"):
        if line.startswith("\t\t\t\t") or not line.strip():
            continue  # villages and blank lines
        level = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        name = parts[0]
        if level == 3 and not name.endswith(("镇", "乡", "街道")):
            continue  # 开发区 / 农场 entries are not towns
        key = _key(level, name)
        full.setdefault(name, key)
        if level <= 1 and len(parts) >= 3 and len(parts[2]) >= 2 and parts[2] != name:
            alias.setdefault(parts[2], key)
    year, month, day = info.date_time[:3]
    return Divisions(full, alias, f"{year:04d}-{month:02d}-{day:02d}", max(map(len, full)))
