"""A contribution holds what its manifest says and nothing a shop keeps to itself."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from forecasting.association import files
from forecasting.association.contribution import (
    build_contribution,
    facts_of,
    manifest_text,
    with_names,
)
from forecasting.association.portable import MIN_CELL, MIN_LEAF
from forecasting.errors import UserError
from tests.forecasting.association.conftest import UNTIL, history_of


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist()}


def test_the_manifest_matches_what_the_file_holds(contributions, members, tmp_path) -> None:
    for bundle, member in zip(contributions, members, strict=True):
        path = tmp_path / f"{member.shop.name}.bkcontrib"
        files.write(bundle, path)
        parts = _parts(path.read_bytes())
        manifest = json.loads(parts["manifest.json"])
        effects = json.loads(parts["effects.json"])
        models = [text for name, text in parts.items() if name.startswith("models/")]
        # the parts are exactly the ones the manifest lists, with their checksums
        assert sorted(manifest["parts"]) == sorted(n for n in parts if n != "manifest.json")
        assert all(files.digest(parts[n]) == d for n, d in manifest["parts"].items())
        # what the owner reads is made from the parts themselves, not from claims
        read = files.read(path, "contribution")
        for lang in ("de", "en"):
            assert manifest["text"][lang] == manifest_text(read, lang)
        facts = facts_of(read)
        assert facts["trees"] == sum(t.count("\nTree=") + t.startswith("Tree=") for t in models)
        assert facts["categories"] == sorted(effects["categories"]) == manifest["categories"]
        assert sorted(set(member.categories.values())) == facts["categories"]
        assert facts["min_leaf"] == MIN_LEAF
        assert f"{MIN_LEAF} Produkt-Tage" in manifest["text"]["de"]
        assert f"{facts['trees']} Bäume" in manifest["text"]["de"]
        assert manifest["state"] == member.shop.state
        assert manifest["until"] == UNTIL.isoformat()
        assert "keine Produktnamen" in manifest["text"]["de"]
        assert "no product names" in manifest["text"]["en"]
        shared = effects["shared_model"]["categories"]
        assert facts["shared_categories"] == len(shared) > 0
        assert facts["shared_factors"] == sum(len(e["coef"]) for e in shared.values())
        assert (f"({len(shared)} Warengruppen, {facts['shared_factors']} Faktoren"
                in manifest["text"]["de"])
        assert f"({len(shared)} categories, {facts['shared_factors']} factors" in (
            manifest["text"]["en"])


def test_a_contribution_names_no_product_and_no_day_and_no_price(contributions, members) -> None:
    for bundle, member in zip(contributions, members, strict=True):
        text = "\n".join(_parts(files.to_bytes(bundle)).values())
        for name in member.categories:
            assert name not in text, name
        dates = set(re.findall(r"\d{4}-\d{2}-\d{2}", text))
        assert dates == {UNTIL.isoformat()}  # the only day in it: the cut the owner chose
        keys = set(re.findall(r'"([a-z_]+)":', text))
        assert not keys & {"price", "unit_cost", "salvage_value", "supplier", "name", "quantity"}
        assert not re.search(rf"\b{re.escape(member.history.world.spec.name)}\b", text)
        # as a number of its own (the digits may occur inside a model's floats by chance)
        code = re.escape(member.history.world.spec.postal_code)
        assert not re.search(rf"(?<![\d.]){code}(?!\d)", text)


def test_every_leaf_and_every_effect_rests_on_many_product_days(contributions) -> None:
    for bundle in contributions:
        for model in bundle.models:
            counts = [int(x) for line in model.splitlines() if line.startswith("leaf_count=")
                      for x in line.split("=")[1].split()]
            assert counts
            assert min(counts) >= MIN_LEAF
        for entry in bundle.effects["categories"].values():
            cells = [c for c in entry["weekday"] if c] + list(entry["calendar"].values())
            cells += list(entry["weather"].values())
            assert cells
            assert all(c["n"] >= MIN_CELL for c in cells)
        shared = bundle.effects["shared_model"]
        for entry in [*shared["categories"].values(), shared["all"]]:
            assert entry["columns"]
            assert min(entry["n"]) >= MIN_CELL
            assert set(entry) == {"columns", "coef", "n", "product_days", "shape"}  # no level


def test_names_are_shared_only_when_the_owner_allows_it(members) -> None:
    member = members[0]
    bundle = build_contribution(history_of(member), UNTIL, share_names=True)
    sales = member.sales
    names = sorted(set(sales.loc[sales["date"] < str(UNTIL), "product"]))
    assert bundle.manifest["product_names"] == names
    assert facts_of(bundle)["product_names"] == names
    assert "Produktnamen (vom Inhaber freigegeben)" in bundle.manifest["text"]["de"]
    assert "keine Produktnamen" not in bundle.manifest["text"]["de"]


def test_taking_the_names_out_leaves_the_same_contribution_without_them(members,
                                                                       contributions) -> None:
    named = build_contribution(history_of(members[0]), UNTIL, share_names=True)
    plain = with_names(named, False)
    # the window fits once and shows either: without names it is the file `contribute` writes
    assert files.to_bytes(plain) == files.to_bytes(contributions[0])
    assert "product_categories" not in plain.effects
    assert "keine Produktnamen" in plain.manifest["text"]["de"]
    assert named.manifest["product_names"]  # the named one is left as it was
    assert with_names(named, True).manifest["text"] == named.manifest["text"]


def test_too_little_history_is_refused_with_the_numbers(members) -> None:
    member = members[0]
    first = member.sales["date"].min().date()
    with pytest.raises(UserError) as caught:
        build_contribution(history_of(member), first.replace(day=first.day + 10))
    assert caught.value.code == "association.too_little"
    assert "mindestens 28" in caught.value.message("de")
