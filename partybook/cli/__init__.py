"""The ``partybook`` command. Each sub-command is a module ``cmd_<name>.py`` exposing
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; a module imports only
argparse at load time and everything else inside ``run`` so start-up stays fast.

Exit codes: 0 success, 1 checks found errors, 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

# sub-command → module, in the order ``--help`` lists them
COMMANDS: dict[str, str] = {
    "new": "partybook.cli.cmd_new",
    "genres": "partybook.cli.cmd_genres",
    "check": "partybook.cli.cmd_check",
    "fix": "partybook.cli.cmd_fix",
    "import": "partybook.cli.cmd_import",
    "export": "partybook.cli.cmd_export",
    "anonymize": "partybook.cli.cmd_anonymize",
    "showcase": "partybook.cli.cmd_showcase",
    "class-report": "partybook.cli.cmd_class_report",
    "class-export": "partybook.cli.cmd_class_export",
    "lab": "partybook.cli.cmd_lab",
    "history": "partybook.cli.cmd_history",
}


class _ChineseFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法：")


class _ChineseParser(argparse.ArgumentParser):
    """argparse with every string a user reads in Chinese (usage, section titles, -h, errors)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _ChineseFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:  # argparse exits 2 on usage errors, as we want
        self.print_usage(sys.stderr)
        self.exit(
            2,
            f"{self.prog}: 用法错误：{_zh_usage(message)}\n请运行 {self.prog} --help 查看用法。\n",
        )


_USAGE_ZH = {
    "the following arguments are required": "缺少必填参数",
    "unrecognized arguments": "无法识别的参数",
    "invalid choice": "无效的选项",
    "expected one argument": "需要一个值",
    "choose from": "可选",
    "not allowed with argument": "不能与以下参数同时使用",
    "ambiguous option": "有歧义的选项",
    "could match": "可能是",
    "invalid float value": "应为数字",
    "invalid int value": "应为整数",
    "argument ": "参数 ",
}


def _zh_usage(message: str) -> str:
    for en, zh in _USAGE_ZH.items():
        message = message.replace(en, zh)
    return message


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseParser(
        prog="partybook",
        description="partybook：党性分析等自我剖析材料的起草、检查、导入与导出工具。",
    )
    from .. import __version__

    parser.add_argument(
        "--version", action="version", version=f"partybook {__version__}", help="显示版本号并退出"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_ChineseParser)
    for name, module_name in COMMANDS.items():
        # a command module imports only argparse at load time, so it always loads: an
        # optional dependency missing is reported when the command runs, never by hiding it
        module = importlib.import_module(module_name)
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # pydantic looks up plugins through importlib.metadata on first model build (~20 ms of
    # a short-lived command); partybook uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from ..errors import PartybookError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args))
    except PartybookError as err:
        print(f"错误：{err}", file=sys.stderr)
        return err.exit_code
    except ModuleNotFoundError as err:  # an optional extra that is not installed
        from ..extras import missing_message

        message = missing_message(err)
        if message is None:
            raise
        print(f"错误：{message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
