"""app/selftest.py: `bestellkompass --selftest` passes on a real start and names a failed step."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.selftest import run

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_a_missing_shop_fails_naming_the_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone.bkshop"
    code = run(argparse.Namespace(shop=str(missing), lang="de", selftest=True, screenshot=None))
    assert code == 1
    err = capsys.readouterr().err
    assert "selftest FAILED at step 'demo shop'" in err
    assert "gone.bkshop" in err
    assert not missing.exists()


@pytest.mark.slow
def test_selftest_passes_from_the_source_tree_writing_only_to_the_user_data_dir(
    tmp_path: Path,
) -> None:
    env = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("QT_QPA_PLATFORM", None)  # the selftest must set it itself
    result = subprocess.run([sys.executable, "-m", "app", "--selftest"], cwd=REPO_ROOT, env=env,
                            capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    steps = [line.split(" ok ")[0] for line in result.stdout.splitlines()
             if line.startswith("selftest: ")]
    assert steps == [
        "selftest: user data directory", "selftest: demo shop", "selftest: Qt application",
        "selftest: translations", "selftest: main window", "selftest: order sheet visible",
        "selftest: suggestions", "selftest: order sheet filled", "selftest: product view",
        "selftest: order list PDF", "selftest: about dialog", "selftest: app modules",
        "selftest: selftest passed",
    ]
    assert list((tmp_path / "data" / "Bestellkompass" / "demo").glob("*.bkshop"))
