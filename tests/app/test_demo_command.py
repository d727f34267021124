"""`bestellkompass demo`: writes a shop file, refuses to overwrite unless --force."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from app.commands import demo
from forecasting.errors import UserError
from forecasting.store.file import Shop
from forecasting.store.settings import load_settings


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    demo.add_arguments(parser)
    args = parser.parse_args(argv)
    args.lang = "en"
    return args


def test_demo_writes_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    out = tmp_path / "deli.bkshop"
    assert demo.run(_args("--kind", "deli", "--end", "01.03.2025", "--out", str(out))) == 0
    assert str(out) in capsys.readouterr().out
    with Shop.open(out) as shop:
        assert load_settings(shop).name == "Feinkost am Markt"
    before = out.read_bytes()
    with pytest.raises(UserError) as caught:
        demo.run(_args("--kind", "deli", "--end", "2025-03-01", "--out", str(out)))
    assert caught.value.code == "demo.exists"
    assert out.read_bytes() == before
    args = _args("--kind", "bakery", "--end", "2025-03-01", "--out", str(out), "--force",
                 "--seed", "3")
    assert demo.run(args) == 0
    with Shop.open(out) as shop:
        assert load_settings(shop).name == "Bäckerei Sonnenkorn"


def test_demo_rejects_a_bad_date() -> None:
    with pytest.raises(SystemExit):
        _args("--kind", "deli", "--end", "31.02.2025", "--out", "x.bkshop")
