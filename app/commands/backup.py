"""`bestellkompass backup`: list, take and restore backups of the shop file.

    bestellkompass --shop PATH backup list    [--check] [--format table|json]
    bestellkompass --shop PATH backup create
    bestellkompass --shop PATH backup restore NUMBER|FILE

The app backs up on its own (daily when it opens a shop, before every import, schema migration and
restore; forecasting/backups.py); `create` takes a manual one. `restore` first backs up the current
state, then writes the backup into the shop file through SQLite, so it is safe while the app or
another command has the file open; a damaged shop file is kept aside, never deleted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli_text import _
from app.commands.args import add_action, shop_and_lang
from forecasting.operations import backups
from forecasting.operations.shop import default_shop_path
from forecasting.texts import render


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions list, create and restore."""
    shop_and_lang(parser)
    actions = parser.add_subparsers(dest="action", metavar=_("<action>"), required=True)
    show = add_action(actions, "list", _("the backups, newest first, with what they hold"))
    shop_and_lang(show)
    show.add_argument("--check", action="store_true",
                      help=_("run the full integrity check on every backup (slower)"))
    show.add_argument("--format", choices=["table", "json"], default="table",
                        help=_("form of the output (default: table)"))
    create = add_action(actions, "create", _("back up the shop file now"))
    shop_and_lang(create)
    restore = add_action(actions, "restore",
                     _("replace the shop's content with a backup (the current state is saved)"))
    shop_and_lang(restore)
    restore.add_argument("backup", metavar=_("BACKUP"),
                         help=_("number from `backup list` (1 = newest) or path of a backup file"))


def shop_path(args: argparse.Namespace) -> Path:
    """The shop file a command works on: --shop, else the default one."""
    value = getattr(args, "import_shop", None) or getattr(args, "shop", None)
    if value:
        return Path(value)

    return default_shop_path()


def run(args: argparse.Namespace) -> int:
    """Do the action and print what was done."""
    lang = getattr(args, "lang", None) or "de"
    path = shop_path(args)
    if args.action == "list":
        text = list_text(path, lang, full=args.check, as_json=args.format == "json")
    elif args.action == "create":
        made = backups.create_backup(path)
        text = render("backup.created", lang, path=str(made.path), size=made.size_text(lang),
                      summary=made.summary(lang))
    else:
        text = backups.restore_backup(path, backups.resolve(path, args.backup))[0].message(lang)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def list_text(path: Path, lang: str, *, full: bool = False, as_json: bool = False) -> str:
    """The backups as a table (numbers as `restore` takes them) or as JSON."""
    found = backups.list_backups(path, full=full)
    if as_json:
        return json.dumps([{
            "number": number, "path": str(b.path), "kind": b.kind, "taken": b.taken.isoformat(),
            "size": b.size, "version": b.version, "sales_rows": b.sales_rows,
            "decisions": b.decisions, "last_sale": b.last_sale.isoformat() if b.last_sale else None,
            "ok": b.ok, "problem": b.problem,
        } for number, b in enumerate(found, start=1)], ensure_ascii=False, indent=2)
    if not found:
        return render("backup.none", lang, path=str(path), folder=str(backups.folder_of(path)))
    header = render("backup.list_columns", lang).split("|")
    rows = [[str(number), b.when(lang), b.kind_text(lang), b.summary(lang), b.size_text(lang),
             render("backup.check_ok" if b.ok else "backup.check_bad", lang)]
            for number, b in enumerate(found, start=1)]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    numeric = {0, 4}
    lines = [render("backup.list_title", lang, path=str(path))]
    for row in [header, *rows]:
        lines.append("  ".join(cell.rjust(w) if i in numeric else cell.ljust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
                     .rstrip())
    shown = sorted({str(b.path.parent) for b in found})
    lines += ["", render("backup.list_folders", lang, folders=", ".join(shown)),
              render("backup.list_hint", lang, path=str(path))]
    return "\n".join(lines)


def damaged_error(args: argparse.Namespace, exc: BaseException) -> backups.ShopDamagedError | None:
    """For the command line's error handler: the damaged-file message offering the newest good
    backup when `exc` comes from a damaged shop file (see forecasting.backups.diagnose)."""
    return backups.diagnose(shop_path(args), exc)
