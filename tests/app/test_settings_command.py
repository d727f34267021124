"""`bestellkompass settings`: show and change shop, closing days, products, categories and calendar
options on a copy of the demo bakery; bad input names the problem and changes nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from forecasting.policy.economics import SERVICE_SETTINGS
from forecasting.store.calendar_options import stored_calendar_options
from forecasting.store.file import Shop
from forecasting.store.products import product_by_name
from forecasting.store.service_levels import load_category_levels
from forecasting.store.settings import load_closing_days, load_settings
from tests.app.conftest import KEEP


def _run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--shop", str(path), "settings", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _snapshot(path: Path) -> dict[str, Any]:
    """Everything the command could change, plus the data version and the change log length."""
    from app.commands.settings_show import settings_json

    with Shop.open(path) as shop:
        state = settings_json(shop)
        state["data_version"] = shop.data_version()
        state["log"] = shop._conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    return state


def test_show_table_in_german_and_english(shop_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, de, _ = _run(capsys, shop_path)  # no action: show
    assert code == 0
    assert "== Laden ==" in de
    assert "Bäckerei Sonnenkorn" in de
    baguette = next(line for line in de.splitlines() if line.startswith("Baguette"))
    assert "1,90" in baguette
    assert "0,45" in baguette
    assert "nach Preis und Kosten" in baguette
    code, en, _ = _run(capsys, shop_path, "show", "--lang", "en")
    assert code == 0
    assert "== Products ==" in en
    baguette = next(line for line in en.splitlines() if line.startswith("Baguette"))
    assert "1.90" in baguette
    assert "from price and cost" in baguette


def test_show_json_matches_the_shop_file(shop_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, shop_path, "show", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {p["name"] for p in data["products"]} == set(KEEP)
    with Shop.open(shop_path) as shop:
        settings = load_settings(shop)
    assert data["shop"]["state"] == settings.state
    assert data["shop"]["opening_days"] == list(settings.opening_days)
    assert data["calendar"]["observe_ramadan"] is False


def test_shop_postal_code_sets_the_state_and_only_given_fields_change(
        shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Shop.open(shop_path) as shop:
        before, version = load_settings(shop), shop.data_version()
    code, out, _ = _run(capsys, shop_path, "shop", "--postal-code", "80331",
                        "--opening-days", "Mo-Sa", "--name", "Backstube Süd")
    assert code == 0
    assert "BY" in out
    assert "Gespeichert." in out
    with Shop.open(shop_path) as shop:
        after = load_settings(shop)
        assert shop.data_version() == version + 1
        logged = shop._conn.execute(
            "SELECT details FROM change_log WHERE action = 'settings.saved' ORDER BY id DESC"
        ).fetchone()
    assert (after.name, after.postal_code, after.state) == ("Backstube Süd", "80331", "BY")
    assert after.opening_days == (0, 1, 2, 3, 4, 5)
    assert after.opening_hours == before.opening_hours
    assert after.language == before.language
    # issue 15: the postal code brings its coordinates (for the weather), as it brings the state
    assert (after.latitude, after.longitude) == pytest.approx((48.13, 11.57), abs=0.05)
    assert json.loads(logged[0])["state"] == "BY"


def test_shop_explicit_state_wins_over_the_postal_code(
        shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, shop_path, "shop", "--postal-code", "80331", "--state", "bw",
                      "--language", "en", "--opening-days", "Mon,Wed,Sa", "--latitude", "48,1")
    assert code == 0
    with Shop.open(shop_path) as shop:
        after = load_settings(shop)
    assert (after.state, after.postal_code, after.language) == ("BW", "80331", "en")
    assert after.opening_days == (0, 2, 5)
    assert after.latitude == pytest.approx(48.1)


def test_closing_day_add_and_remove(shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    christmas = dt.date(2026, 12, 24)
    code, out, _ = _run(capsys, shop_path, "closing-day", "add", "24.12.2026",
                        "--reason", "Betriebsferien")
    assert code == 0
    assert "24.12.2026" in out
    with Shop.open(shop_path) as shop:
        assert load_closing_days(shop) == {christmas: "Betriebsferien"}
    code, out, _ = _run(capsys, shop_path, "--lang", "en", "closing-day", "remove", "2026-12-24")
    assert code == 0
    assert "2026-12-24 removed" in out
    with Shop.open(shop_path) as shop:
        assert load_closing_days(shop) == {}


def test_product_changes_only_given_fields(shop_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with Shop.open(shop_path) as shop:
        before = product_by_name(shop, "Laugenbrezel")
    code, _, _ = _run(capsys, shop_path, "product", "Laugenbrezel", "--price", "0,95",
                      "--salvage", "0.1", "--pack-size", "10", "--shelf-life", "2",
                      "--supplier", "Brezelei", "--service-level", "90 %", "--inactive")
    assert code == 0
    with Shop.open(shop_path) as shop:
        after = product_by_name(shop, "Laugenbrezel")
    assert (after.price, after.salvage_value, after.pack_size) == (0.95, 0.1, 10)
    assert (after.shelf_life_days, after.supplier, after.active) == (2, "Brezelei", False)
    assert after.service_level == pytest.approx(0.9)
    assert (after.unit_cost, after.min_order, after.lead_time_days, after.category) == (
        before.unit_cost, before.min_order, before.lead_time_days, before.category)
    # a plain setting (also in German words), then back to "from price and cost", active again
    _run(capsys, shop_path, "product", "Laugenbrezel", "--service-level", "nie ausverkauft")
    with Shop.open(shop_path) as shop:
        assert product_by_name(shop, "Laugenbrezel").service_level == (
            SERVICE_SETTINGS["never_sold_out"])
    _run(capsys, shop_path, "product", "Laugenbrezel", "--service-level", "auto", "--active")
    with Shop.open(shop_path) as shop:
        again = product_by_name(shop, "Laugenbrezel")
    assert again.service_level is None
    assert again.active is True


def test_category_service_level_set_and_cleared(shop_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, shop_path, "category", "Brot", "--service-level", "rarely_sold_out")
    assert code == 0
    with Shop.open(shop_path) as shop:
        assert load_category_levels(shop) == {"Brot": SERVICE_SETTINGS["rarely_sold_out"]}
    _run(capsys, shop_path, "category", "Brot", "--service-level", "auto")
    with Shop.open(shop_path) as shop:
        assert load_category_levels(shop) == {}


def test_calendar_options(shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, shop_path, "calendar", "--salary-days", "last,15", "--ramadan",
                      "--carnival-region", "nein")
    assert code == 0
    with Shop.open(shop_path) as shop:
        options = stored_calendar_options(shop)
    assert options.paydays.salary_days == ("last", 15)
    assert options.observe_ramadan is True
    assert options.carnival_region is False
    assert options.catholic_region is None
    _run(capsys, shop_path, "calendar", "--no-ramadan", "--salary-days", "none")
    with Shop.open(shop_path) as shop:
        options = stored_calendar_options(shop)
    assert (options.observe_ramadan, options.paydays.salary_days) == (False, ())
    assert options.paydays.kindergeld is True
    _run(capsys, shop_path, "calendar", "--no-kindergeld", "--no-pensions", "--salary-days", "1")
    with Shop.open(shop_path) as shop:
        rules = stored_calendar_options(shop).paydays
    assert (rules.salary_days, rules.pensions, rules.buergergeld, rules.kindergeld) == (
        (1,), False, True, False)
    code, out, _ = _run(capsys, shop_path, "show")
    assert code == 0
    assert "Zahltage Kindergeld" in out


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (("product", "Brezel", "--price", "1"), "Das Produkt „Brezel“ gibt es in diesem Laden nicht",
         "There is no product “Brezel” in this shop"),
        (("shop", "--state", "XX", "--name", "Neu"), "„XX“ ist kein Bundesland-Kürzel",
         "“XX” is not a German state code"),
        (("closing-day", "add", "31.02.2026"), "„31.02.2026“ ist kein Datum",
         "“31.02.2026” is not a date"),
        (("closing-day", "remove", "2026-12-25"), "Der 25.12.2026 ist kein geplanter Schließtag",
         "2026-12-25 is not a planned closing day"),
        (("shop", "--postal-code", "8033"), "„8033“ ist keine Postleitzahl",
         "“8033” is not a postal code"),
        (("shop", "--opening-days", "Mo,Xy"), "„Mo,Xy“ sind keine Wochentage",
         "“Mo,Xy” are not weekdays"),
        (("product", "Baguette", "--price", "2", "--pack-size", "2,5"),
         "--pack-size: „2,5“ ist keine ganze Zahl", "--pack-size: “2,5” is not a whole number"),
        (("product", "Baguette", "--service-level", "99"), "„99“ ist kein Servicegrad",
         "“99” is not a service level"),
        (("category", "Bier", "--service-level", "balanced"), "Die Warengruppe „Bier“",
         "There is no category “Bier”"),
        (("calendar", "--ramadan", "--salary-days", "7"), "„7“ sind keine Gehaltstage",
         "“7” are not salary days"),
    ],
)
def test_bad_input_says_what_is_wrong_and_changes_nothing(
        shop_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], german: str,
        english: str) -> None:
    before = _snapshot(shop_path)
    code, out, err = _run(capsys, shop_path, *args)
    assert (code, out) == (2, "")
    assert german in err
    code, _, err = _run(capsys, shop_path, *args, "--lang", "en")
    assert code == 2
    assert english in err
    assert _snapshot(shop_path) == before


def test_nothing_given_changes_nothing(shop_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(shop_path)
    code, out, _ = _run(capsys, shop_path, "product", "Baguette")
    assert (code, out.strip()) == (0, "Nichts geändert.")
    assert _snapshot(shop_path) == before


# -- the trade-off per area (issue 19) and German setting words (issue 16) ---------------------
def test_area_preview_then_change_moves_the_suggestions(
        planned_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from forecasting.plan_inputs import read_plan_inputs
    from forecasting.policy.plan import plan_order
    from forecasting.store.service_levels import load_area_levels
    from tests.app.conftest import ORDER_DAY

    day = ORDER_DAY.isoformat()
    code, out, _ = _run(capsys, planned_path, "area", "Backstube", "--date", day)
    assert code == 0
    assert out.startswith("Backstube: lieber Reste oder lieber ausverkauft? Vorschau für 4 "
                          "Wochen ab 26.11.2026")
    rows = {line.split("  ")[0].strip(): line for line in out.splitlines()[2:]}
    assert "nach Preis und Kosten (empfohlen, jetzt)" in rows
    assert "reicht an 19 von 20 Tagen" in rows["nie ausverkauft"]
    with Shop.open(planned_path) as shop:
        before = plan_order(read_plan_inputs(shop, ORDER_DAY))
    code, out, _ = _run(capsys, planned_path, "area", "Backstube", "--service-level",
                        "lieber-Reste", "--preview", "--date", day)
    assert code == 0
    assert out.splitlines()[0] == ("Backstube: jetzt „nie ausverkauft“ (Servicegrad 97 %). Die "
                                   "Vorschläge werden neu berechnet.")
    assert any(line.startswith("nie ausverkauft (jetzt)") for line in out.splitlines())
    with Shop.open(planned_path) as shop:
        assert load_area_levels(shop) == {"Backstube": 0.97}
        after = plan_order(read_plan_inputs(shop, ORDER_DAY))
    raised = [line.product for line in after.lines if line.supplier == "Backstube"
              and line.suggestion > before.line(line.product).suggestion]
    assert raised
    assert all(line.suggestion == before.line(line.product).suggestion
               for line in after.lines if line.supplier != "Backstube")
    code, out, _ = _run(capsys, planned_path, "area", "Backstube", "--service-level", "auto",
                        "--lang", "en")
    assert out.strip() == ("Backstube: now “from price and cost” (service level per product). "
                           "The suggestions will be recomputed.")


@pytest.mark.parametrize(
    ("args", "german", "english"),
    [
        (("area", "Metzgerei", "--service-level", "ausgewogen"),
         "Den Lieferanten / Bereich „Metzgerei“ gibt es", "There is no supplier / area"),
        (("area", "Backstube", "--service-level", "99"),
         "„99“ ist keine Einstellung (möglich: auto, lieber ausverkauft als Reste, eher wenig "
         "Reste, ausgewogen", "“99” is not a setting (choose auto, rather sold out than "
         "leftovers, few leftovers, balanced"),
        (("product", "Baguette", "--service-level", "immer"),
         "möglich: auto, lieber ausverkauft als Reste, eher wenig Reste, ausgewogen, selten "
         "ausverkauft, nie ausverkauft", "choose auto, rather sold out than leftovers"),
        (("area", "--service-level", "ausgewogen"),
         "Für welchen Lieferanten / Bereich? Bitte den Namen angeben (vorhanden: Backstube, ",
         "For which supplier / area?"),
        (("category", "Brot", "--service-level", "immer"),
         "möglich: auto, lieber ausverkauft als Reste", "choose auto, rather sold out"),
    ],
)
def test_setting_words_in_errors_are_the_users(
        shop_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], german: str,
        english: str) -> None:
    before = _snapshot(shop_path)
    code, out, err = _run(capsys, shop_path, *args)
    assert (code, out) == (2, "")
    assert german in err
    assert "sellout_ok" not in err
    code, _, err = _run(capsys, shop_path, *args, "--lang", "en")
    assert code == 2
    assert english in err
    assert _snapshot(shop_path) == before


def test_help_lists_german_setting_words_and_english_codes_still_work(
        shop_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("product", "category", "area"):
        with pytest.raises(SystemExit):
            main(["settings", action, "--help"])
        shown = " ".join(capsys.readouterr().out.split())
        assert "selten ausverkauft, nie ausverkauft" in shown
        assert "never_sold_out" not in shown
    code, _, _ = _run(capsys, shop_path, "product", "Baguette", "--service-level",
                      "rarely_sold_out")
    assert code == 0
    code, _, _ = _run(capsys, shop_path, "area", "Backstube", "--service-level", "never_sold_out")
    assert code == 0
    code, out, _ = _run(capsys, shop_path, "show")
    assert "== Servicegrad je Lieferant / Bereich ==" in out
    assert "Backstube" in out.split("Lieferant / Bereich ==")[1].split("==")[0]
