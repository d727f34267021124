"""Sales history: imported from a file (into an existing shop, or a new shop that appears only when
the import is complete), and days removed again (e.g. a typo dated 01.01.0001)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from forecasting.importing.dsfinvk import ExportData
from forecasting.importing.engine import (
    FileData,
    ImportOptions,
    ImportReport,
    days_with_sales,
    plan_import,
    read_file,
    write_import,
)
from forecasting.importing.facts import Location, OpeningFacts, opening_facts
from forecasting.importing.mapping import Mapping
from forecasting.operations.changes import Changes
from forecasting.progress import Progress
from forecasting.store import sales
from forecasting.store.backups import before_import
from forecasting.store.create import new_shop_file
from forecasting.store.file import Shop
from forecasting.store.receipts import save_receipt_days
from forecasting.store.settings import load_settings, save_settings
from forecasting.values.sales import RemovedDay


def _changed(report: ImportReport) -> bool:
    return bool(report.days_new or report.days_replaced or report.products_created)


def import_sales(shop: Shop, data: FileData, options: ImportOptions | None = None, *,
                 progress: Progress | None = None) -> tuple[ImportReport, Changes]:
    """Write a file's sales into the shop, all or nothing, after a before-import backup (refused:
    ImportRefusedError with the report, nothing written)."""
    with before_import(shop), shop.transaction():
        report = write_import(data, shop, options, progress=progress)
        if isinstance(data, ExportData):  # DSFinV-K: the receipt times of the export's days
            keep = options is not None and options.on_conflict == "keep"
            written = save_receipt_days(shop, data.receipt_days, replace=not keep)
            shop.log("receipts.imported", {"file": data.path, "days": written})
        if _changed(report):
            shop.mark_data_changed()
    return report, Changes(data=_changed(report))


def import_file(shop: Shop, path: str | Path, mapping: Mapping | None = None,
                options: ImportOptions | None = None, *, progress: Progress | None = None
                ) -> tuple[ImportReport, Changes]:
    """Read a sales file and import it (or only check it, with options.dry_run): the window's
    import wizard and the fuzz corpus use this one call."""
    options = options or ImportOptions()
    data = read_file(path, mapping, progress=progress, window=options.window)
    if options.dry_run:
        return dry_run(shop, data, options), Changes()
    return import_sales(shop, data, options, progress=progress)


def new_shop_facts(data: FileData, location: Location) -> OpeningFacts:
    """The opening weekdays and public holidays a new shop's sales show, for the owner to confirm
    before anything is written."""
    return opening_facts(days_with_sales(data), location.state)


def import_into_new_shop(path: Path, data: FileData, options: ImportOptions | None, *,
                         name: str, location: Location, facts: OpeningFacts | None = None,
                         progress: Progress | None = None) -> tuple[ImportReport, OpeningFacts]:
    """A new shop file at `path` holding the file's sales, located where `location` says and
    open on the weekdays (and public holidays) of `facts` (as the owner confirmed them; default:
    what the sales show): refusals raise before anything is created, and the file appears only
    when the import is complete (a killed import or another import creating the same shop leaves
    no half-made file)."""
    plan_import(data, None, options)
    facts = facts or new_shop_facts(data, location)
    with new_shop_file(path, name=name, state=location.state, postal_code=location.postal_code,
                       latitude=location.latitude, longitude=location.longitude) as shop:
        report, _ = import_sales(shop, data, options, progress=progress)
        settings = dataclasses.replace(load_settings(shop), opening_days=facts.opening_days,
                                       open_on_public_holidays=facts.open_on_public_holidays,
                                       holiday_exceptions=facts.holiday_exceptions)
        save_settings(shop, settings)
    return report, facts


def dry_run(shop: Shop | None, data: FileData, options: ImportOptions | None = None
            ) -> ImportReport:
    """What the import would do, writing nothing (refuses exactly like the real one)."""
    report = plan_import(data, shop, options)
    report.dry_run = True
    return report


def remove_sales(shop: Shop, first: dt.date | None, last: dt.date | None, *,
                 product: str | None = None) -> tuple[list[RemovedDay], Changes]:
    """Delete the sales days from `first` to `last` (inclusive; None = open end), of one product
    or all, in one logged transaction."""
    with shop.transaction():
        removed = sales.remove_sales(shop, first, last, product=product)
        if removed:
            shop.mark_data_changed()
    return removed, Changes(data=bool(removed))


def sales_to_remove(shop: Shop, first: dt.date | None, last: dt.date | None, *,
                    product: str | None = None) -> list[RemovedDay]:
    """What `remove_sales` would remove (a read: nothing is written)."""
    return sales.remove_sales(shop, first, last, product=product, dry_run=True)
