"""The association's user actions (issue 18): write a shop's contribution, combine contributions
into a prior, keep a prior with the shop; and read the stored prior for the forecast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from calendars.features import build_features
from calendars.weather_files import read_weather_file
from forecasting.association import files
from forecasting.association.contribution import ShopHistory, build_contribution
from forecasting.association.files import Bundle
from forecasting.association.prior import Prior, build_prior
from forecasting.errors import UserError
from forecasting.models.sales_csv import read_sales_csv
from forecasting.plan_inputs import read_plan_inputs
from forecasting.progress import NullProgress, Progress
from forecasting.shop_calendar import features_of
from forecasting.store import association as store
from forecasting.store.file import Shop


def contribution_of_shop(shop: Shop, until: dt.date | None = None, *,
                         share_names: bool = False, progress: Progress | None = None) -> Bundle:
    """The contribution of a shop file from its sales before `until` (nothing is written)."""
    progress = progress or NullProgress()
    progress.report(0.0, "association.progress.read")
    day = until or dt.date.today()
    inputs = read_plan_inputs(shop, day)
    sales = inputs.sales
    first = sales["date"].min().date() if len(sales) else day
    last = sales["date"].max().date() if len(sales) else day
    features = features_of(inputs.calendar, first, max(first, last))
    categories = {p.name: p.category or "" for p in inputs.products}
    if progress.cancelled():
        raise UserError("association.cancelled")
    progress.report(0.15, "association.progress.fit")
    bundle = build_contribution(ShopHistory(sales, features, inputs.settings.state, categories),
                                until, share_names=share_names)
    progress.report(1.0, "association.progress.fit")
    return bundle


def contribution_of_files(sales_path: str | Path, state: str,
                          weather_path: str | Path | None = None,
                          until: dt.date | None = None, *, share_names: bool = False) -> Bundle:
    """The contribution of a SALES.csv (and WEATHER.csv) as the backtest contract reads them."""
    sales = read_sales_csv(sales_path)
    weather = read_weather_file(weather_path) if weather_path else None
    first = sales["date"].min().date() if len(sales) else (until or dt.date.today())
    last = sales["date"].max().date() if len(sales) else first
    features = build_features(state, first, max(first, last), weather=weather)
    return build_contribution(ShopHistory(sales, features, state, {}), until,
                              share_names=share_names)


def write_file(bundle: Bundle, out: str | Path) -> int:
    """Write a contribution or prior; its size in bytes."""
    return files.write(bundle, out)


def file_size(bundle: Bundle) -> int:
    """The bytes the file would have, so the owner sees it before anything is written."""
    return len(files.to_bytes(bundle))


def read_prior(path: str | Path) -> Bundle:
    """A `.bkprior` file, checked (UserError naming what is wrong); nothing is changed."""
    return files.read(path, "prior")


def build_prior_from_files(paths: Sequence[str | Path]) -> Bundle:
    """The prior of the contribution files; every file is checked first, so one bad file stops it
    before anything is built."""
    return build_prior([files.read(p, "contribution") for p in paths])


def use_prior(shop: Shop, path: str | Path) -> Bundle:
    """Keep the prior file with the shop (checked first; a bad file changes nothing); the next
    forecast uses it."""
    data = Path(path).read_bytes() if Path(path).is_file() else b""
    bundle = files.read(path, "prior")
    with shop.transaction():
        store.save_prior(shop, data)
        shop.mark_data_changed()
        shop.log("association.prior_used", {"shops": bundle.manifest.get("shops"),
                                            "states": bundle.manifest.get("states")})
    return bundle


def remove_prior(shop: Shop) -> bool:
    """Forget the shop's prior; the next forecast is the shop's own again. Whether there was one
    (if not, nothing changes)."""
    with shop.transaction():
        if not store.remove_prior(shop):
            return False
        shop.mark_data_changed()
        shop.log("association.prior_removed", {})
    return True


def prior_in_use(shop: Shop) -> Bundle | None:
    """The prior kept with the shop as a checked file (its manifest says what it rests on); None
    if there is none."""
    data = store.load_prior(shop)
    return None if data is None else files.from_bytes(data, "prior", "shop")


def shop_prior(shop: Shop) -> Prior | None:
    """The prior kept with the shop, loaded; None if there is none."""
    data = store.load_prior(shop)
    if data is None:
        return None
    return Prior.from_bundle(files.from_bytes(data, "prior", "shop"))
