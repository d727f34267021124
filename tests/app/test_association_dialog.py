"""The association in the window (issue 18): the contribution is shown ("Was wird geteilt?")
before it is written and written only on confirming; a prior is shown with what it rests on
before the shop uses it; bad files are said in words and change nothing. Real demo shop, real
LightGBM fit on the worker, real files."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n
from app.association_dialog import ContributionDialog, PriorDialog
from app.main_window import MainWindow
from forecasting.association import files
from forecasting.association.prior import build_prior
from forecasting.operations import association
from forecasting.operations.shop import open_shop
from forecasting.plan_inputs import read_plan_inputs
from tests.app.conftest import ORDER_DAY
from tests.app.test_shortcut_letters import clashes, unlinked

SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
               if os.environ.get("BESTELLKOMPASS_DOC_SHOTS")
               else Path(tempfile.gettempdir()) / "bestellkompass-screens")
FIT_MS = 60_000  # the contribution fits LightGBM on the worker: about 2 s here


@pytest.fixture(scope="module")
def prior_path(demo_bakery_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real prior: the demo bakery's contributions up to two days, combined."""
    folder = tmp_path_factory.mktemp("prior")
    with open_shop(demo_bakery_master, read_only=True) as shop:
        parts = [association.contribution_of_shop(shop, day)
                 for day in (dt.date(2026, 6, 1), dt.date(2026, 11, 1))]
    path = folder / "verband.bkprior"
    association.write_file(build_prior(parts), path)
    return path


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    i18n.install_language("en")
    yield
    i18n.install_language("de")


def _bkfiles(*folders: Path) -> list[Path]:
    return sorted(p for f in folders for p in f.rglob("*") if p.suffix in (".bkcontrib", ".part"))


def _computed(qtbot: object, dialog: ContributionDialog) -> None:
    qtbot.waitUntil(lambda: dialog.bundle is not None, timeout=FIT_MS)  # type: ignore[attr-defined]


def _shot(dialog: ContributionDialog | PriorDialog, name: str, shown: str) -> None:
    """The dialog for the docs, with a path as an owner's would read (not the test's temp dir)."""
    real = dialog.path_edit.text()
    dialog.path_edit.setText(shown)
    dialog.resize(820, 540)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / name))
    dialog.path_edit.setText(real)


# -- the contribution ---------------------------------------------------------------------------
def test_the_contribution_is_shown_before_it_is_written(qtbot, session, tmp_path) -> None:
    dialog = ContributionDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()  # nothing to confirm while it is computed
    _computed(qtbot, dialog)
    shown = dialog.view.toPlainText()
    assert dialog.title.text() == "Was wird geteilt?"
    assert "9 Produkte in 5 Warengruppen" in shown
    assert "keine Produktnamen" in shown
    assert "keine Preise" in shown
    assert "keine Verkaufsmengen, keine Tage mit Mengen" in shown
    assert "Baguette" not in shown
    size = dialog.size_label.text()
    assert size.startswith("Dateigröße: ")
    assert "," in size  # German digits
    assert _bkfiles(session.path.parent, tmp_path) == []  # shown, not written
    if os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
        _shot(dialog, "association_contribution_de.png",
              "/home/baeckerei/Dokumente/verbandsbeitrag-2026-11-26.bkcontrib")

    dialog.names_box.setChecked(True)  # the owner allows the names: the manifest says so
    assert "Produktnamen (vom Inhaber freigegeben): Baguette, Belegtes Brötchen Käse" in \
        dialog.view.toPlainText()
    assert dialog.size_label.text() != size
    dialog.names_box.setChecked(False)
    assert dialog.view.toPlainText() == shown

    dialog.path_edit.setText(str(tmp_path / "mein-beitrag"))
    written = dialog.save()
    assert written == tmp_path / "mein-beitrag.bkcontrib"
    bundle = files.read(written, "contribution")
    assert bundle.manifest["product_names"] == []
    assert "product_categories" not in bundle.effects
    # the file says exactly what the owner read before confirming
    assert bundle.manifest["text"]["de"].split("\n", 1)[1].strip("\n") == shown
    assert "geschrieben" in dialog.status.text()
    assert not dialog.save_button.isEnabled()


def test_cancel_writes_nothing(qtbot, session, tmp_path, english) -> None:
    before = _bkfiles(session.path.parent, tmp_path)
    # cancelled while the model is fitted
    early = ContributionDialog(session)
    qtbot.addWidget(early)
    early.show()
    early.reject()
    early.runner.wait()
    qtbot.wait(50)
    assert early.bundle is None
    assert early.job is not None
    assert early.job.progress.cancelled()
    # cancelled after reading what would be shared
    late = ContributionDialog(session)
    qtbot.addWidget(late)
    late.show()
    _computed(qtbot, late)
    assert late.title.text() == "What is shared?"
    assert "no product names" in late.view.toPlainText()
    if os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
        _shot(late, "association_contribution_en.png",
              "/home/bakery/Documents/association-contribution-2026-11-26.bkcontrib")
    late.path_edit.setText(str(tmp_path / "x.bkcontrib"))
    late.close_button.click()
    assert not late.isVisible()
    assert _bkfiles(session.path.parent, tmp_path) == before


def test_a_folder_without_write_access_is_said(qtbot, session, tmp_path) -> None:
    dialog = ContributionDialog(session)
    qtbot.addWidget(dialog)
    _computed(qtbot, dialog)
    blocker = tmp_path / "eine-datei"
    blocker.write_text("x")
    dialog.path_edit.setText(str(blocker / "beitrag.bkcontrib"))  # a file as the folder
    assert dialog.save() is None
    assert "Traceback" not in dialog.status.text()
    assert dialog.status.text()
    assert dialog.save_button.isEnabled()  # the owner can choose another place


# -- the prior ----------------------------------------------------------------------------------
def _read(qtbot: object, dialog: PriorDialog, path: Path) -> None:
    job = dialog.read_file(path)
    qtbot.waitUntil(lambda: job.is_finished, timeout=FIT_MS)  # type: ignore[attr-defined]


def _version(path: Path) -> tuple[int, bytes | None]:
    with open_shop(path, read_only=True) as shop:
        return shop.data_version(), read_plan_inputs(shop, ORDER_DAY).prior


def test_a_prior_is_shown_then_used_and_the_forecast_recomputes(qtbot, session,
                                                                prior_path) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    dialog = window.show_prior()
    qtbot.waitUntil(lambda: dialog.in_use_job.is_finished, timeout=FIT_MS)
    assert dialog.in_use_label.text().startswith("Kein Verbandswissen in Gebrauch")
    assert not dialog.remove_button.isEnabled()
    assert not dialog.use_button.isEnabled()
    _read(qtbot, dialog, prior_path)
    shown = dialog.view.toPlainText()
    assert "Verbandswissen aus 2 Beiträgen, Bundesländer: NW" in shown
    assert "Warengruppen: Brot, Brötchen, Kuchen, Laugengebäck, Snacks" in shown
    assert "Verbandswissen aus 2 Läden in NW, 5 Warengruppen" in dialog.status.text()
    assert _version(session.path)[1] is None  # shown, nothing changed yet
    if os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
        _shot(dialog, "association_prior_de.png",
              "/home/baeckerei/Downloads/verbandswissen-2026.bkprior")

    with qtbot.waitSignal(dialog.changed, timeout=FIT_MS):
        dialog.use_button.click()
    qtbot.waitUntil(lambda: session.plan is not None, timeout=300_000)  # the forecast recomputes
    assert session.lines
    assert _version(session.path)[1] == prior_path.read_bytes()  # as `association use` keeps it
    assert dialog.in_use_label.text().startswith("In Gebrauch: Verbandswissen aus 2 Läden")
    assert "2 Läden (NW) im Laden gespeichert" in window.message.text()
    assert dialog.remove_button.isEnabled()

    session.auto_recompute = False
    version = _version(session.path)[0]
    # (the window's watch may see the commit first: wait for the dialog, not for dataChanged)
    with qtbot.waitSignals([dialog.changed, session.dataChanged], timeout=FIT_MS):
        dialog.remove_button.click()
    assert _version(session.path) == (version + 1, None)
    assert dialog.in_use_label.text().startswith("Kein Verbandswissen")
    assert not dialog.remove_button.isEnabled()


def test_the_prior_in_use_is_shown_in_english(qtbot, session, prior_path, english) -> None:
    with open_shop(session.path) as shop:
        association.use_prior(shop, prior_path)
    dialog = PriorDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.remove_button.isEnabled(), timeout=FIT_MS)
    assert dialog.in_use_label.text() == "In use: prior from 2 shops in NW, 5 categories"
    _read(qtbot, dialog, prior_path)
    assert "Association prior from 2 contributions, Bundesländer: NW" in dialog.view.toPlainText()
    assert dialog.title.text() == "What does it rest on?"
    if os.environ.get("BESTELLKOMPASS_DOC_SHOTS"):
        _shot(dialog, "association_prior_en.png",
              "/home/bakery/Downloads/association-prior-2026.bkprior")


def _broken_manifest(prior: Path, out: Path) -> Path:
    """The prior with its manifest cut in half (a damaged download)."""
    with zipfile.ZipFile(prior) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["manifest.json"] = parts["manifest.json"][: len(parts["manifest.json"]) // 2]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
def test_bad_files_are_said_in_words_and_change_nothing(qtbot, session, prior_path, tmp_path,
                                                        lang) -> None:
    i18n.install_language(lang)
    try:
        not_zip = tmp_path / "notiz.bkprior"
        not_zip.write_text("Liebe Mitglieder, anbei das Verbandswissen.", encoding="utf-8")
        contribution = tmp_path / "beitrag.bkprior"
        with open_shop(session.path, read_only=True) as shop:
            association.write_file(association.contribution_of_shop(shop), contribution)
        damaged = _broken_manifest(prior_path, tmp_path / "kaputt.bkprior")
        expected = {
            "de": {not_zip: "kein ZIP-Archiv", contribution: "eine Datei der Art .bkcontrib",
                   damaged: "manifest.json ist kein gültiges JSON"},
            "en": {not_zip: "not a zip archive", contribution: "a file of kind .bkcontrib",
                   damaged: "manifest.json is not valid JSON"},
        }[lang]
        before = _version(session.path)
        dialog = PriorDialog(session)
        qtbot.addWidget(dialog)
        dialog.show()
        for path, words in expected.items():
            _read(qtbot, dialog, path)
            said = dialog.status.text()
            assert words in said, said
            assert path.name in said
            assert "Traceback" not in said
            assert not dialog.use_button.isEnabled()
            assert dialog.use() is None
        # a good file that goes bad before "Use": the check on using refuses it, nothing changes
        good = tmp_path / "gut.bkprior"
        shutil.copy(prior_path, good)
        _read(qtbot, dialog, good)
        assert dialog.use_button.isEnabled()
        good.write_bytes(not_zip.read_bytes())
        job = dialog.use()
        assert job is not None
        qtbot.waitUntil(lambda: job.is_finished, timeout=FIT_MS)
        assert expected[not_zip] in dialog.status.text()
        assert _version(session.path) == before
    finally:
        i18n.install_language("de")


# -- menus and Alt letters ------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_data_menu_and_the_dialogs_letters(qtbot, session, lang) -> None:
    i18n.install_language(lang)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        data = window.menuBar().actions()[2].menu()
        texts = [a.text() for a in data.actions()]
        wanted = {"de": ["&Verbandsbeitrag erstellen…", "Verbandswissen &laden…"],
                  "en": ["Association contri&bution…", "Load association &prior…"]}[lang]
        assert all(t in texts for t in wanted), texts
        window.prior_action.trigger()
        prior = window.findChild(PriorDialog)
        assert prior is not None
        assert prior.isVisible()
        window.contribution_action.trigger()
        contribution = window.findChild(ContributionDialog)
        assert contribution is not None
        _computed(qtbot, contribution)  # all its controls enabled and shown
        for dialog in (prior, contribution):
            assert clashes(dialog) == []
            assert unlinked(dialog) == []
        contribution.reject()
        prior.accept()
    finally:
        i18n.install_language("de")
