"""Every sentence the core can say to a user, keyed by a stable code: the English source here, the
German in the gettext catalog resources/locale/de/LC_MESSAGES/bestellkompass.po (msgctxt = code).

The core returns codes and numbers; this is the one place that turns them into words, shared by the
command line and the app. A new code goes into ENGLISH (in the section of its topic); run
resources/locale/update_catalogs.py and translate its entry in the .po. Parameters are filled with str.format; numbers are formatted by the caller
with `format_number` so that German text gets German digits.
"""

from __future__ import annotations

from typing import Any

from calendars.catalog import with_translations
from calendars.texts import (
    Counted,
    Message,
    Words,
    format_date,
    format_number,
    format_signed,
    parse_number,
    render_from,
)

__all__ = ["ENGLISH", "MESSAGES", "Counted", "Message", "Words", "format_date", "format_number", "format_signed", "parse_number", "render"]

LANGUAGES = ("de", "en")

ENGLISH: dict[str, Message] = {
    "shop.not_found": {
        "en": "The shop file {path} does not exist.",
    },
    "shop.not_a_shop": {
        "en": "{path} is not a Bestellkompass shop file. The file was not changed.",
    },
    "shop.newer_version": {
        "en": (
            "{path} was written by a newer Bestellkompass (format {found}; this version knows up "
            "to {supported}). Please update Bestellkompass. The file was not changed."
        ),
    },
    "shop.damaged": {
        "en": (
            "The shop file {path} is damaged and cannot be read. It was not changed. To see its "
            "backups: bestellkompass backup list --shop \"{path}\""
        ),
    },
    "shop.read_only": {
        "en": (
            "The shop file {path} cannot be opened because the file or its folder ({folder}) is "
            "write-protected. Please copy it to a folder you can write to (e.g. Documents) and "
            "open it there."
        ),
    },
    "shop.busy": {
        "en": (
            "Another Bestellkompass program is writing to {path} right now. Please try again in a "
            "moment; nothing was changed."
        ),
    },
    "shop.cannot_open": {
        "en": "The shop file {path} cannot be opened ({detail}). It was not changed.",
    },
    "edit.changed_elsewhere": {
        "en": (
            "“{name}” for {date} was changed elsewhere in the meantime (for example on the command "
            "line). So that nothing is overwritten, your change was not saved; the view now "
            "shows what is stored."
        ),
    },
    "settings.changed_elsewhere": {
        "en": (
            "These settings were changed elsewhere in the meantime ({fields}). So that nothing is "
            "overwritten, nothing was saved. Please close the dialog, open it again and make the "
            "change once more."
        ),
    },
    "shop.open_elsewhere": {
        "en": (
            "{path} is already open in another Bestellkompass window. Please continue there or "
            "close that window first."
        ),
    },
    "shop.exists": {
        "en": "{path} already exists; please choose another name.",
    },
    "shop.unknown_product": {
        "en": "There is no product “{name}” in this shop.",
    },
    "shop.bad_state": {
        "en": "“{state}” is not a German state code (e.g. NW, BY, SH).",
    },
    "cli.bad_date": {
        "en": "“{value}” is not a date (expected e.g. 2026-11-26 or 26.11.2026).",
    },
    # -- stock.* / cli.stock.*: stock counts (forecasting/stock_counts.py, app/commands/stock.py)
    "stock.unknown_product": {
        "en": "“{name}” is not a product of this shop. Products: {names}.",
    },
    "stock.bad_amount": {
        "en": "“{value}” is not a valid stock amount for “{name}” (expected a number from 0).",
    },
    "stock.file_columns": {
        "en": (
            "{file}: no columns for product and stock found (found: {found}). The first row "
            "needs e.g. “product,on hand,on order”."
        ),
    },
    "stock.file_empty": {
        "en": "{file} is empty.",
    },
    "stock.file_refused": {
        "en": ("{file}: {count} row is not right; nothing was saved.",
               "{file}: {count} rows are not right; nothing was saved."),
    },
    "stock.file_where": {"en": "row {row}, column {column}"},
    "stock.file_unknown_product": {
        "en": "“{value}” is not a product of this shop",
    },
    "stock.file_twice": {
        "en": "“{value}” is in the list twice",
    },
    "stock.file_bad_amount": {
        "en": "“{value}” is not an amount from 0",
    },
    "cli.stock.imported": {
        "en": ("Stock on {date} saved for {count} product from {file}.",
               "Stock on {date} saved for {count} products from {file}."),
    },
    "cli.stock.set": {
        "en": "Stock of “{name}” on {date}: {on_hand} {unit} on hand, {on_order} {unit} on order.",
    },
    "cli.stock.keeps_one_day": {
        "en": (
            "Note: “{name}” keeps one day only and is planned day by day; its stock does not "
            "change the suggestion."
        ),
    },
    "cli.stock.cleared": {
        "en": "Count of “{name}” on {date} deleted.",
    },
    "cli.stock.not_counted": {
        "en": "“{name}” has no count on {date}.",
    },
    "cli.stock.title": {
        "en": "Stock for orders on {date}",
    },
    "cli.stock.col.product": {"en": "Product"},
    "cli.stock.col.counted": {"en": "counted on"},
    "cli.stock.col.on_hand": {"en": "On hand"},
    "cli.stock.col.on_order": {"en": "On order"},
    "cli.stock.col.expected": {"en": "Expected now"},
    "cli.stock.col.sell_by": {"en": "Oldest until"},
    "cli.stock.expected_note": {
        "en": ("'On hand': counted on the day of the count. 'Expected now': what should be on the "
               "shelf at the start of the day (deliveries in, sales and write-offs out, expired "
               "goods gone); 'On order': open orders; 'Oldest until': the last day the oldest "
               "goods can be sold."),
    },
    "cli.stock.never": {"en": "never counted"},
    "cli.stock.none": {
        "en": "This shop has no goods that keep for several days.",
    },
    # -- cli.order.*: `bestellkompass order` (app/commands/order.py) -------------------------
    "cli.order.no_plan": {
        "en": (
            "No order suggestions are stored for {date} yet. Please run "
            "“bestellkompass suggest --date {iso}” first (or open the day in the app)."
        ),
    },
    "cli.order.stale": {
        "en": (
            "Note: the data changed since the suggestions were computed ({when}); they are "
            "recomputed now. To store them: bestellkompass suggest --date {iso}"
        ),
    },
    "cli.order.unknown_product": {
        "en": "“{name}” is not on the order list for {date}. Products: {names}.",
    },
    "cli.order.bad_quantity": {
        "en": "“{value}” is not a valid quantity (expected a number from 0, e.g. 120 or 2.5).",
    },
    "cli.order.reason_needed": {
        "en": (
            "{quantity} differs from the suggestion {suggestion} for “{name}”: please give a "
            "reason, --reason {codes}."
        ),
    },
    "cli.order.bad_reason": {
        "en": "Unknown reason “{value}” (choose one of {codes}).",
    },
    "cli.order.note_needed": {
        "en": "With the reason “other” please say why in a few words with --note.",
    },
    "cli.order.exported_per_supplier": {
        "en": "Order lists per supplier saved in {folder}: {files}",
    },
    "cli.order.bad_export": {
        "en": "“{path}”: the order list can be saved as .csv, .xlsx or .pdf.",
    },
    "cli.order.reason.event": {
        "en": "An event I know about",
    },
    "cli.order.reason.supplier_limit": {
        "en": "Supplier limit",
    },
    "cli.order.reason.promotion": {"en": "Promotion"},
    "cli.order.reason.weather": {"en": "Weather looks different"},
    "cli.order.reason.other": {"en": "Other"},
    "cli.order.state.open": {"en": "open"},
    "cli.order.state.accepted": {"en": "accepted"},
    "cli.order.state.changed": {"en": "changed"},
    "cli.order.col.state": {"en": "State"},
    "cli.order.col.final": {"en": "Order"},
    "cli.order.col.reason": {"en": "Reason for the change"},
    "cli.order.col.decided": {"en": "Decided"},
    "cli.order.summary": {
        "en": "{decided} of {total} lines decided; open: {open}",
    },
    "cli.order.none_open": {"en": "none"},
    "cli.order.accepted": {
        "en": "Suggestions accepted for {date}: {count}.",
    },
    "cli.order.set": {
        "en": "“{name}” on {date}: ordering {quantity} {unit} (suggestion {suggestion}).",
    },
    "cli.order.cleared": {
        "en": "Decision for “{name}” on {date} undone.",
    },
    "cli.order.not_decided": {
        "en": "There is no decision for “{name}” on {date}; nothing changed.",
    },
    "cli.order.exported": {
        "en": "Order list saved: {path}",
    },
    # -- backup.*: automatic backups (forecasting/backups.py, app/commands/backup.py) ----------
    "backup.kind.daily": {"en": "daily"},
    "backup.kind.before-import": {"en": "before import"},
    "backup.kind.before-migration": {"en": "before upgrade"},
    "backup.kind.before-restore": {"en": "before restore"},
    "backup.kind.manual": {"en": "manual"},
    "backup.kind.file": {"en": "file"},
    "backup.summary": {
        "en": "{sales} sales rows up to {last}, {decisions} decisions",
    },
    "backup.summary_no_sales": {
        "en": "no sales, {decisions} decisions",
    },
    "backup.detail.unreadable": {
        "en": "it cannot be read as a database",
    },
    "backup.detail.malformed": {
        "en": "its content is broken (the database check fails)",
    },
    "backup.detail.foreign": {
        "en": "it is not a Bestellkompass shop file",
    },
    "backup.detail.newer": {
        "en": "it was written by a newer Bestellkompass",
    },
    "backup.detail.missing": {"en": "it is missing"},
    "backup.detail.itself": {
        "en": "it is the shop file itself",
    },
    "backup.check_ok": {"en": "checked"},
    "backup.check_bad": {"en": "DAMAGED"},
    "backup.list_title": {
        "en": "Backups of {path} (newest first):",
    },
    "backup.list_columns": {
        "en": "No.|Date/time|Kind|Content|Size|Check",
    },
    "backup.list_folders": {"en": "Folder: {folders}"},
    "backup.list_hint": {
        "en": "To restore: bestellkompass --shop \"{path}\" backup restore NO",
    },
    "backup.none": {
        "en": "There is no backup of {path} yet (folder: {folder}).",
    },
    "backup.created": {
        "en": "Backup written and checked: {path} ({size}; {summary}).",
    },
    "backup.restored": {
        "en": "Restored: the backup of {when} ({kind}; {summary}).",
    },
    "backup.restored_before": {
        "en": "The previous state is backed up in {path}.",
    },
    "backup.restored_aside": {
        "en": "The damaged file was not deleted; it is kept as {path}.",
    },
    "backup.damaged": {
        "en": "The shop file {path} is damaged: {detail}.",
    },
    "backup.damaged_during_backup": {
        "en": "The backup taken before the change showed it; the backup was deleted and nothing "
        "was changed.",
    },
    "backup.damaged_offer": {
        "en": "The newest good backup is from {when} ({kind}; {summary}). Restore it with:",
    },
    "backup.damaged_kept": {
        "en": "The damaged file is not deleted but kept aside.",
    },
    "backup.damaged_no_backup": {
        "en": "There is no good backup of it. Please do not delete the file; get a copy from "
        "another backup (e.g. a USB stick).",
    },
    "backup.busy": {
        "en": "Another program has been writing to the shop file for a long time; please try "
        "again shortly. Nothing was changed.",
    },
    "backup.write_failed": {
        "en": "The backup could not be written ({reason}). Please free some space or move the "
        "shop file to a writable folder. Nothing was changed.",
    },
    "backup.unknown": {
        "en": "“{value}” is not a backup: please give a number from “bestellkompass backup "
        "list” (1 to {count}) or the path of a backup file.",
    },
    "backup.unusable": {
        "en": "{path} cannot be restored: {detail}. Nothing was changed.",
    },
    "backup.target_foreign": {
        "en": "{path} is not a Bestellkompass shop file; a backup is not written over it. "
        "Nothing was changed.",
    },
    "backup.restore_failed": {
        "en": "After the restore {path} fails the check: {detail}. The previous state is in "
        "{before}.",
    },
    # -- review.*: `bestellkompass review` (app/commands/review.py, forecasting/review.py) ------
    "review.title": {"en": "Review {start} to {end}"},
    "review.none": {
        "en": "There are no stored decisions from {start} to {end}.",
    },
    "review.bad_range": {
        "en": "The date range ends ({end}) before it starts ({start}).",
    },
    "review.bad_weeks": {
        "en": "“{value}” is not a valid number of weeks (expected 1 to 520).",
    },
    "review.col.date": {"en": "Date"},
    "review.col.product": {"en": "Product"},
    "review.col.suggested": {"en": "Suggestion"},
    "review.col.final": {"en": "Ordered"},
    "review.col.sold": {"en": "Sold"},
    "review.col.sold_out": {"en": "Sold out"},
    "review.col.final_effect": {"en": "With your quantity"},
    "review.col.suggested_effect": {"en": "With the suggestion"},
    "review.col.closer": {"en": "Closer"},
    "review.col.reason": {"en": "Reason"},
    "review.col.overrides": {"en": "Changes"},
    "review.col.owner": {"en": "You closer"},
    "review.col.suggestion": {"en": "Suggestion closer"},
    "review.col.equal": {"en": "same"},
    "review.col.open": {"en": "open"},
    "review.col.leftover": {"en": "Leftovers ±"},
    "review.col.sellouts": {"en": "Sold out ±"},
    "review.yes": {"en": "yes"},
    "review.closer.owner": {"en": "you"},
    "review.closer.suggestion": {"en": "suggestion"},
    "review.closer.equal": {"en": "same"},
    "review.closer.open": {"en": "open"},
    "review.status.no_sales": {"en": "no sales figures yet"},
    "review.status.accepted": {"en": "accepted"},
    "review.reason.none": {"en": "no reason"},
    "review.by_reason": {"en": "Changes by reason:"},
    "review.all_reasons": {"en": "all changes"},
    "review.effect.left": {"en": "{n} left over"},
    "review.effect.left_at_most": {"en": "at most {n} left over"},
    "review.effect.short": {"en": "{n} short"},
    "review.effect.short_at_least": {"en": "at least {n} short"},
    "review.effect.sold_out": {"en": "sold out"},
    "review.effect.exact": {"en": "exactly all sold"},
    "review.summary.lines": {
        "en": (
            "{decided} decided lines: {accepted} suggestions accepted, {overrides} changed, "
            "{no_sales} without sales figures yet."
        ),
    },
    "review.summary.closer": {
        "en": (
            "Of the {overrides} changes, your number was closer to the sales {owner} times, the "
            "suggestion {suggestion} times; {equal} times the same, {open} times open."
        ),
    },
    "review.summary.leftover_fewer": {
        "en": "Your changes left {n} fewer units over",
    },
    "review.summary.leftover_more": {
        "en": "Your changes left {n} more units over",
    },
    "review.summary.leftover_same": {
        "en": "Your changes left as many units over",
    },
    "review.summary.sellout_more": {
        "en": " and sold out on {n} more.",
    },
    "review.summary.sellout_fewer": {
        "en": " and sold out on {n} fewer.",
    },
    "review.summary.sellout_same": {
        "en": " and sold out as often.",
    },
    "review.days.one": {"en": "1 day"},
    "review.days.many": {"en": "{n} days"},
    "review.summary.unknown": {
        "en": "{n} changes on sold-out days cannot be counted there.",
    },
    "review.summary.unknown_one": {
        "en": "1 change on a sold-out day cannot be counted there.",
    },
    "review.note": {
        "en": (
            "Sold out: demand was at least the sales. There it says “at least … short”, and "
            "which number was closer is only certain when the midpoint between your quantity and "
            "the suggestion lies below the sales (then the larger one), else “open”."
        ),
    },
    "demo.bad_kind": {
        "en": "Unknown demo kind “{kind}” (choose bakery or deli).",
    },
    # -- failure.*: errors of the file system and the database (issue 14) ---------------------
    "failure.busy": {
        "en": (
            "Another Bestellkompass program is writing to this shop file right now; please try "
            "again in a moment."
        ),
    },
    "failure.read_only": {
        "en": (
            "The shop file {path} is read-only, so nothing was saved; please remove the "
            "write protection (the file's properties) and try again."
        ),
    },
    "failure.folder_read_only": {
        "en": (
            "Bestellkompass may not write in the folder {folder}, so the shop file cannot be "
            "opened or saved there; please copy the file to a folder you may write in (e.g. "
            "Documents) and open it there."
        ),
    },
    "failure.read_only_drive": {
        "en": (
            "The drive of {path} is write-protected; please choose another place or remove the "
            "write protection (e.g. on the USB stick)."
        ),
    },
    "failure.moved": {
        "en": (
            "The shop file {path} was moved or deleted while Bestellkompass had it open, so "
            "nothing was saved; please open the file again where it is now."
        ),
    },
    "failure.disk_full": {
        "en": "The disk is full; please make room (e.g. delete old files) and try again.",
    },
    "failure.damaged": {
        "en": (
            "The shop file {path} is damaged; please restore a backup (“bestellkompass backup "
            "list” shows them; in the app: File > Restore backup…)."
        ),
    },
    "failure.no_shop_row": {
        "en": (
            "The shop file {path} lacks the shop's own details (name, state); please restore a "
            "backup (File > Restore backup…, “bestellkompass backup list”)."
        ),
    },
    "failure.cannot_open": {
        "en": (
            "The shop file {path} cannot be opened; please check that its drive (e.g. a USB "
            "stick or network drive) is still connected, and try again."
        ),
    },
    "failure.io": {
        "en": (
            "The disk reports an error reading or writing {path}; please check that the drive "
            "is still connected, and try again."
        ),
    },
    "failure.memory": {
        "en": "There is not enough memory for this; please close other programs and try again.",
    },
    "failure.permission": {
        "en": (
            "Bestellkompass may not open or write {path}; is the file open in another program "
            "(e.g. Excel)? Please close it there or choose another place."
        ),
    },
    "failure.not_found": {
        "en": "{path} does not exist (any more); please check the place or choose another.",
    },
    "failure.is_folder": {
        "en": "{path} is a folder; please give a file name.",
    },
    "failure.bad_name": {
        "en": (
            "“{path}” cannot be used as a file name (too long, or characters such as : * ? \" < "
            "> |); please choose another name."
        ),
    },
    "failure.os": {
        "en": "{path} cannot be accessed ({reason}); please check the place and try again.",
    },
    "failure.unexpected": {
        "en": (
            "An unexpected error occurred ({error}); the details are in the log {log}, please "
            "send it along when you report the error."
        ),
    },
    # -- operations (issue 16): what the window and the command line are refused alike ------
    "settings.unknown_supplier": {
        "en": "No supplier “{name}” found. Known from the products: {known}.",
    },
    "settings.bad_supplier_columns": {
        "en": "“{value}” is not a column order. Possible, separated by commas and each at most "
              "once: {choices}.",
    },
    "settings.supplier_changed": {
        "en": "Supplier “{name}” saved: customer number {number}, columns {columns}.",
    },
    "order.whole_pieces": {
        "en": "“{name}” is counted in {unit}: {value} is not possible, please give a whole number.",
    },
    "order.too_precise": {
        "en": "“{name}” is ordered in {unit}: {value} has too many decimals (at most {decimals}).",
    },
    "order.reason_needed": {
        "en": "“{name}” differs from the suggestion: please give a reason.",
    },
    "settings.out_of_range": {
        "en": "“{value}” does not fit {field}: allowed is {low} to {high}.",
    },
    "settings.bad_postal_code_value": {
        "en": "“{value}” is not a German postal code (five digits, e.g. 24103).",
    },
    "event.bad_name": {
        "en": "“{name}” cannot be the name of an event (empty, too long or with control characters).",
    },
    "event.bad_kind": {
        "en": "Unknown kind of event “{kind}” (possible: {kinds}).",
    },
    "event.ends_before_start": {
        "en": "“{name}” ends ({end}) before it starts ({start}).",
    },
    "event.product_only_promotion": {
        "en": "“{name}”: only an own promotion can be for a single product.",
    },
    "event.unknown_id": {
        "en": "There is no event with the number {id}.",
    },
    "weather.no_location": {
        "en": (
            "The weather forecast needs the shop's location (postal code or latitude/longitude in "
            "the settings). The weather can also be typed in by hand."
        ),
    },
    # -- settings.*: `bestellkompass settings` (app/commands/settings.py) ----------------------
    "settings.bad_number": {
        "en": "{option}: “{value}” is not a number between {low} and {high}.",
    },
    "settings.bad_whole_number": {
        "en": "{option}: “{value}” is not a whole number between {low} and {high}.",
    },
    "settings.bad_postal_code": {
        "en": "“{value}” is not a postal code (five digits, e.g. 50667).",
    },
    "settings.bad_weekdays": {
        "en": "“{value}” are not weekdays (e.g. Mon,Tue,Wed,Thu,Fri,Sat or Mon-Sat).",
    },
    "settings.unknown_holiday": {
        "en": "“{name}” is not a public holiday in {state}. Public holidays: {known}.",
    },
    "settings.bad_language": {
        "en": "“{value}” is not a language of the app (choose de or en).",
    },
    "settings.empty_name": {
        "en": "The shop name must not be empty.",
    },
    "settings.bad_service_level": {
        "en": "“{value}” is not a service level (choose {choices} or a percentage from {low} "
        "to {high}).",
    },
    "settings.bad_category_setting": {
        "en": "“{value}” is not a service setting for categories (choose {choices}).",
    },
    "settings.unknown_category": {
        "en": "There is no category “{name}” in this shop (there are: {known}).",
    },
    "settings.not_closing_day": {
        "en": "{date} is not a planned closing day; nothing changed.",
    },
    "settings.bad_salary_days": {
        "en": "“{value}” are not salary days (choose last, 1, 15, separated by commas, or none).",
    },
    "settings.bad_choice": {
        "en": "{option}: “{value}” is not possible (choose {choices}).",
    },
    "settings.state_from_postal_code": {
        "en": "State {state} taken from the postal code {postal_code} – please check.",
    },
    "settings.saved": {"en": "Saved."},
    "settings.unchanged": {"en": "Nothing changed."},
    "settings.closing_day_set": {
        "en": "Closing day {date} set.",
    },
    "settings.closing_day_removed": {
        "en": "Closing day {date} removed.",
    },
    "settings.show.shop": {"en": "Shop"},
    "settings.show.name": {"en": "Name"},
    "settings.show.state": {"en": "State"},
    "settings.show.postal_code": {"en": "Postal code"},
    "settings.show.opening_days": {"en": "Opening days"},
    "settings.show.open_on_holidays": {
        "en": "Open on public holidays",
    },
    "settings.show.holiday_exceptions": {
        "en": "Public holidays that differ",
    },
    "settings.show.location": {"en": "Location (latitude, longitude)"},
    "settings.show.language": {"en": "Language"},
    "settings.show.closing_days": {"en": "Closing days"},
    "settings.show.calendar": {"en": "Calendar"},
    "settings.show.salary_days": {"en": "Salary days"},
    "settings.show.salary.last": {"en": "last banking day"},
    "settings.show.salary.day": {"en": "day {day} of the month"},
    "settings.show.pensions": {"en": "Pension payday"},
    "settings.show.buergergeld": {"en": "Bürgergeld payday"},
    "settings.show.kindergeld": {"en": "Kindergeld paydays"},
    "settings.show.ramadan": {"en": "Observe Ramadan"},
    "settings.show.carnival": {"en": "Carnival region"},
    "settings.show.catholic": {"en": "Catholic region"},
    "settings.show.typical_weather": {
        "en": "Fill missing weather with typical values",
    },
    "settings.show.categories": {
        "en": "Service level per category",
    },
    "settings.show.products": {"en": "Products"},
    "settings.show.none": {"en": "none"},
    "settings.show.unknown": {"en": "unknown"},
    "settings.show.yes": {"en": "yes"},
    "settings.show.no": {"en": "no"},
    "settings.show.auto": {"en": "by state ({value})"},
    "settings.col.product": {"en": "Product"},
    "settings.col.category": {"en": "Category"},
    "settings.col.unit": {"en": "Unit"},
    "settings.col.price": {"en": "Price €"},
    "settings.col.unit_cost": {"en": "Cost €"},
    "settings.col.salvage": {"en": "Unsold €"},
    "settings.col.pack_size": {"en": "Pack size"},
    "settings.col.min_order": {"en": "Min. order"},
    "settings.col.shelf_life": {"en": "Shelf (d)"},
    "settings.col.lead_time": {"en": "Lead (d)"},
    "settings.col.supplier": {"en": "Supplier / area"},
    "settings.col.service": {"en": "Service level"},
    "settings.col.active": {"en": "active"},
    # -- policy.*: order suggestions and their reasons (forecasting/policy/explain_text.py) ------
    "policy.weekday.0": {"en": "Monday"},
    "policy.weekday.1": {"en": "Tuesday"},
    "policy.weekday.2": {"en": "Wednesday"},
    "policy.weekday.3": {"en": "Thursday"},
    "policy.weekday.4": {"en": "Friday"},
    "policy.weekday.5": {"en": "Saturday"},
    "policy.weekday.6": {"en": "Sunday"},
    "policy.step.baseline": {"en": "usual"},
    "policy.step.baseline_weekday": {"en": "usual on a {weekday}"},
    "policy.step.baseline_days": {
        "en": "usual for {days} sales days",
    },
    "policy.step.weekday": {"en": "{weekday}"},
    "policy.step.weekdays": {"en": "weekdays"},
    "policy.step.season": {"en": "time of year"},
    "policy.step.holiday": {"en": "public holiday"},
    "policy.step.school_holiday": {"en": "school holidays"},
    "policy.step.payday": {"en": "payday"},
    "policy.step.weather_temperature": {"en": "temperature"},
    "policy.step.weather_warm": {"en": "warm ({value} °C)"},
    "policy.step.weather_cold": {"en": "cold ({value} °C)"},
    "policy.step.weather_mild": {"en": "mild ({value} °C)"},
    "policy.step.weather_rain": {"en": "rain"},
    "policy.step.weather_wet": {"en": "rain ({value} mm)"},
    "policy.step.weather_dry": {"en": "dry"},
    "policy.step.weather_sunshine": {"en": "sunshine"},
    "policy.step.weather_typical": {
        "en": "typical weather assumed",
    },
    "policy.step.weather_assumed": {
        "en": "{label}, typical weather assumed",
    },
    "policy.step.weather_sunny": {"en": "sunny"},
    "policy.step.weather_cloudy": {"en": "little sun"},
    "policy.step.event": {"en": "local event"},
    "policy.step.no_event": {"en": "no local event"},
    "policy.step.no_holiday": {"en": "no public holiday"},
    "policy.step.no_school_holiday": {"en": "no school holidays"},
    "policy.step.no_payday": {"en": "no payday"},
    "policy.step.no_special_day": {"en": "no special day"},
    "policy.step.special_day": {"en": "special day"},
    "policy.step.recent_up": {"en": "selling more lately"},
    "policy.step.recent_down": {"en": "selling less lately"},
    "policy.step.sellouts": {"en": "sold out lately"},
    "policy.step.sellouts_1": {
        "en": "sold out once last week",
    },
    "policy.step.sellouts_2": {
        "en": "sold out twice last week",
    },
    "policy.step.sellouts_n": {
        "en": "sold out {count} times last week",
    },
    "policy.step.promotion": {"en": "promotion"},
    "policy.step.other": {"en": "other"},
    "policy.reason.as_the_day": {"en": "as the whole day"},
    "policy.day_reason": {"en": "{label} ({percent} % overall)"},
    "policy.day_reasons": {"en": "For the whole day: {reasons}"},
    "policy.step.safety": {"en": "service level {level} %"},
    "policy.step.safety_days": {"en": "enough on {enough} of {days} days"},
    "policy.risk_words": {"en": "enough on {enough} of {days} days, mostly {low}–{high} left"},
    "policy.step.rounding": {"en": "rounded to whole units"},
    "policy.step.rounding_tray": {"en": "to trays of {pack}"},
    "policy.step.rounding_pack": {"en": "to packs of {pack}"},
    "policy.step.min_order": {"en": "minimum order {min}"},
    "policy.step.below_min_order": {
        "en": "below minimum order {min}: none",
    },
    "policy.step.stock_on_hand": {"en": "in stock"},
    "policy.step.on_order": {"en": "already ordered"},
    "policy.step.spoilage": {"en": "will spoil first"},
    "policy.step.stock_covers": {"en": "stock is enough"},
    "policy.reason.usual": {"en": "as usual"},
    "policy.total.forecast": {"en": "forecast"},
    "policy.total.suggestion": {"en": "suggestion"},
    "policy.status.closed": {"en": "closed"},
    "policy.status.not_sold_weekday": {
        "en": "not sold on this weekday",
    },
    "policy.status.no_delivery": {
        "en": "no order today (next delivery {date})",
    },
    "policy.status.not_sold": {"en": "not on sale"},
    "policy.status.no_history": {
        "en": "no sales yet – please estimate yourself",
    },
    "policy.note.stock_unrecorded": {
        "plural_by": "days",
        "en": (
            "Stock counted on {date}; the sales of {days} day since are missing and not "
            "taken off: the suggestion is rather too low",
            "Stock counted on {date}; the sales of {days} days since are missing and not "
            "taken off: the suggestion is rather too low",
        ),
    },
    "policy.note.thin_history": {
        "en": "Only {days} days of sales so far: the suggestion is still uncertain.",
    },
    "policy.note.borrowed_from": {
        "en": "It rests mainly on similar products of the group “{category}”.",
    },
    "policy.note.borrowed_shop": {
        "en": "It rests mainly on similar products of the shop.",
    },
    "policy.note.own_average": {
        "en": "It rests on the average of the days so far.",
    },
    "policy.setting.auto": {"en": "from price and cost"},
    "policy.setting.sellout_ok": {
        "en": "rather sold out than leftovers",
    },
    "policy.setting.few_leftovers": {"en": "few leftovers"},
    "policy.setting.balanced": {"en": "balanced"},
    "policy.setting.rarely_sold_out": {"en": "rarely sold out"},
    "policy.setting.never_sold_out": {"en": "never sold out"},
    "policy.title": {
        "en": "Order suggestions for {weekday}, {date}",
    },
    "policy.stale_sales": {
        "en": "Note: the latest sales are from {date}; {days} sales days since then are missing. "
              "The suggestions do not know those days – please import the new sales first.",
    },
    "policy.closed_day": {
        "en": "Closed on {date} ({reason}): nothing to order.",
    },
    "policy.col.product": {"en": "Product"},
    "policy.col.forecast": {"en": "Forecast"},
    "policy.col.suggestion": {"en": "Suggestion"},
    "policy.col.unit": {"en": "Unit"},
    "policy.col.sellout": {"en": "Sell-out"},
    "policy.col.leftover": {"en": "Leftover"},
    "policy.col.margin": {"en": "margin €"},
    "policy.col.reasons": {"en": "Reasons"},
    "policy.group.none": {"en": "no supplier"},
    "policy.no_products": {
        "en": "No products in the shop – import sales first.",
    },
    "policy.stale": {
        "en": "Saved for data version {version}.",
    },
    # -- import (issue 3): forecasting/importing ---------------------------------------------
    "import.file_not_found": {
        "en": "The file {file} does not exist.",
    },
    "import.empty": {
        "en": "{file} contains no data.",
    },
    "import.not_a_table": {
        "en": "{file} cannot be read as a table (CSV/text or Excel) ({detail}).",
    },
    "import.unreadable": {
        "en": "{file} cannot be read ({detail}).",
    },
    "import.bad_mapping": {
        "en": "The mapping {file} is not valid: {detail}",
    },
    "import.bad_encoding": {
        "en": "{file}, row {row}: the file is not written in the {encoding} encoding. Please "
        "choose another encoding in the mapping (e.g. cp1252).",
    },
    "import.bad_csv": {
        "en": "{file}, row {row}: the row cannot be read ({detail}).",
    },
    "import.xlsx_unreadable": {
        "en": "{file} cannot be opened as an Excel workbook (.xlsx/.xls).",
    },
    "import.other_spreadsheet": {
        "en": "{file} is an OpenDocument or Numbers spreadsheet. Please save it as an Excel "
        "file (.xlsx) or as CSV in LibreOffice or Numbers and import that.",
    },
    "import.xlsx_sheet": {
        "en": "{file} has no sheet “{sheet}” (there are: {sheets}).",
    },
    "import.unknown_column": {
        "en": "{file} has no column “{column}” (there are: {columns}).",
    },
    "import.no_date_column": {
        "en": "No date column was found in {file}; please set “date_column” in the mapping.",
    },
    "import.no_quantity_column": {
        "en": "No quantity column was found in {file}; please set “quantity_column” in the "
        "mapping (or “product_columns” for a table with one column per product).",
    },
    "import.need_start_date": {
        "en": "{file} has no date column. Please set “start_date” in the mapping (the date of "
        "the first data row, e.g. 2016-01-02); every following row is the next day.",
    },
    "import.ambiguous_dates": {
        "en": "{file}, column “{column}”: for dates like {value} (row {row}) it is unclear "
        "whether the day or the month comes first. Please choose --date-order DMY (day/month) "
        "or MDY (month/day).",
    },
    "import.mixed_date_orders": {
        "en": "{file}, column “{column}”: the dates mix day/month ({value_a}, row {row_a}) and "
        "month/day ({value_b}, row {row_b}). Please check the file.",
    },
    "import.invalid_date": {
        "en": "{file}, row {row}, column “{column}”: {value} is not a valid date in the chosen "
        "order.",
    },
    "import.several_branches": {
        "en": "{file} holds several branches (column “{column}”: {branches}). Please choose one "
        "with --branch.",
    },
    "import.unknown_branch": {
        "en": "{file} has no branch “{branch}” (there are: {branches}).",
    },
    "import.rejected_rows": {
        "en": ("{file}: {count} row rejected, e.g. row {row}, column “{column}”: "
               "{reason_en} (“{value}”). Nothing was imported. Correct the file or import without "
               "this row using --accept-rejects.",
               "{file}: {count} rows rejected, e.g. row {row}, column “{column}”: "
               "{reason_en} (“{value}”). Nothing was imported. Correct the file or import without "
               "these rows using --accept-rejects."),
    },
    "import.conflicts": {
        "en": ("{file}: {count} day is already in the shop with a different quantity, e.g. "
               "{product} on {date}: {in_shop} in the shop, {in_file} in the file. Nothing was "
               "imported. Please choose --on-conflict keep (keep the shop's) or replace (take the "
               "file's).",
               "{file}: {count} days are already in the shop with a different quantity, e.g. "
               "{product} on {date}: {in_shop} in the shop, {in_file} in the file. Nothing was "
               "imported. Please choose --on-conflict keep (keep the shop's) or replace (take the "
               "file's)."),
    },
    "import.bad_on_conflict": {
        "en": "“{value}” is not a conflict choice (keep or replace).",
    },
    "import.nothing": {
        "en": "{file} contains no rows that can be imported.",
    },
    "import.not_reconciled": {
        "en": "{file}: the totals after reading do not match the file. Nothing was imported; "
        "please send the file to support.",
    },
    "import.number_too_long": {
        "en": "{file} contains numbers with too many digits to add them up exactly.",
    },
    "import.cancelled": {
        "en": "Import cancelled; the shop file is unchanged.",
    },
    "import.reason.not_a_number": {"en": "not a number"},
    "import.reason.empty_quantity": {"en": "quantity missing"},
    "import.reason.not_a_date": {"en": "not a date"},
    "import.reason.empty_date": {"en": "date missing"},
    "import.reason.empty_product": {"en": "product missing"},
    "import.reason.not_a_time": {"en": "not a time of day"},
    "import.reason.too_many_fields": {
        "en": "more fields than columns (check separator or quotes)",
    },
    "import.report.title": {"en": "Import from {file}"},
    "import.report.rows": {
        "en": "Rows read: {read} = imported {imported} + rejected {rejected} + header {header} + "
        "blank {blank} + skipped {other}",
    },
    "import.report.rejected_row": {
        "en": "Row {row}, column “{column}”: {reason} (“{value}”)",
    },
    "import.report.footer_row": {
        "en": "Row {row}: footer line skipped (“{value}”)",
    },
    "import.report.more": {
        "en": "... and {count} more (all in --report-json)",
    },
    "import.report.days": {
        "en": "Product-days: new {new}, unchanged {unchanged}, replaced {replaced}, kept {kept} "
        "(conflicts: {conflicts})",
    },
    "import.report.merged": {
        "en": ("Note: {count} product-day appears in several rows and was added up, e.g. "
               "{product} on {date} ({rows} rows).",
               "Note: {count} product-days appear in several rows and were added up, e.g. "
               "{product} on {date} ({rows} rows)."),
    },
    "import.report.conflict": {
        "en": "Conflict: {product} on {date}: shop {in_shop}, file {in_file}",
    },
    "import.report.created": {"en": "New products: {names}"},
    "import.report.totals_header": {
        "en": "Totals per product (file / in the shop after the import):",
    },
    "import.report.total": {
        "en": "{product}: {in_file} / {imported} ({days} days)",
    },
    "import.report.reconciled": {
        "en": "Every row is accounted for; the totals reconcile exactly.",
    },
    "import.report.not_reconciled": {
        "en": "WARNING: rows or totals do not reconcile.",
    },
    "import.report.dry_run": {
        "en": "Dry run: nothing was written.",
    },
    "import.report.written": {
        "en": "Written to the shop file.",
    },
    # -- sanity.*: implausible input (issue 14) ---------------------------------------------------
    "sanity.date_outside": {
        "en": "date outside the plausible range",
    },
    "sanity.quantity_too_large": {
        "en": "more than 10,000,000 in one day",
    },
    "sanity.quantity_negative": {"en": "negative quantity"},
    "sanity.quantity_not_finite": {"en": "not a finite number"},
    "sanity.name_control": {
        "en": "name with control characters",
    },
    "sanity.name_bidi": {
        "en": "name with characters that reverse the text direction",
    },
    "sanity.name_too_long": {
        "en": "name longer than 200 characters",
    },
    "sanity.refused_date": {
        "en": ("{file}: {count} row with an implausible date, e.g. row {row}, column "
               "“{column}”: {value} is not between {first} and {last}. Nothing was imported. "
               "Correct the file, allow another range with --allow-dates FROM..TO, or import "
               "without this row using --accept-rejects.",
               "{file}: {count} rows with an implausible date, e.g. row {row}, column "
               "“{column}”: {value} is not between {first} and {last}. Nothing was imported. "
               "Correct the file, allow another range with --allow-dates FROM..TO, or import "
               "without these rows using --accept-rejects."),
    },
    "sanity.refused_quantity": {
        "en": ("{file}: {count} row with an implausible value, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without this row using --accept-rejects.",
               "{file}: {count} rows with implausible values, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without these rows using --accept-rejects."),
    },
    "sanity.refused_name": {
        "en": ("{file}: {count} row with a name that is not allowed, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without this row using --accept-rejects.",
               "{file}: {count} rows with a name that is not allowed, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without these rows using --accept-rejects."),
    },
    "sanity.day_total": {
        "en": "{file}: {product} on {date}: {total} in one day, more than 10,000,000. Nothing was "
        "imported.",
    },
    "sanity.header_name": {
        "en": "{file}, row {row}, column “{column}”: {reason_en} (“{value}”). Nothing was "
        "imported.",
    },
    "sanity.mapping_name": {
        "en": "The mapping for {file} names a name that is not allowed in “{field}”: {reason_en} "
        "(“{value}”).",
    },
    "sanity.report_rows": {
        "en": "Of these implausible (date, quantity or name): {count}",
    },
    "sanity.stock_amount": {
        "en": "“{value}” is more than 10,000,000",
    },
    "sanity.stock_name": {
        "en": "“{value}” is not allowed as a name (control characters or longer than 200 "
        "characters)",
    },
    "policy.note.sales_outside_window": {
        "en": ("{count} sales day with an implausible date (e.g. {date}) is left out; remove "
               "it with “bestellkompass sales remove”.",
               "{count} sales days with an implausible date (e.g. {date}) are left out; remove "
               "them with “bestellkompass sales remove”."),
    },
    "sanity.calendar_outside": {
        "en": "Note: {events}, {weather} and {closing} lie outside {first} to {last} and are left "
        "out of the forecast.",
    },
    "sanity.sales_outside": {
        "en": ("Note: {count} sales day with an implausible date (e.g. {date}) is left out of "
               "the forecast. Remove it with “bestellkompass sales remove --from DATE --to DATE”.",
               "Note: {count} sales days with an implausible date (e.g. {date}) are left out of "
               "the forecast. Remove them with “bestellkompass sales remove --from DATE --to "
               "DATE”."),
    },
    "sanity.bad_window": {
        "en": "“{value}” is not a date range (expected e.g. 1990-01-01..2030-12-31, within 1700 "
        "to 2199).",
    },
    "sanity.remove_needs_range": {
        "en": "Please say with --from and/or --to which days to remove.",
    },
    "sanity.remove_row": {
        "en": "  {product}  {date}  {quantity}",
    },
    "sanity.remove_more": {
        "en": "  … and {count} more",
    },
    "sanity.removed": {
        "en": ("{count} sales day removed.", "{count} sales days removed."),
    },
    "sanity.remove_dry_run": {
        "en": ("Dry run: {count} sales day would be removed; nothing was changed.",
               "Dry run: {count} sales days would be removed; nothing was changed."),
    },
    "sanity.remove_nothing": {
        "en": "No sales days in this range; nothing was changed.",
    },
    # -- demo.*: the demo shop generator (forecasting/demo/, app/commands/demo.py) -------------
    "demo.exists": {
        "en": "{path} already exists. Use --force to replace it.",
    },
    "demo.written": {
        "en": "Demo shop ({kind}) with history up to the day before {end} written to {path} "
        "(seed {seed}).",
    },
    "backtest.no_file": {
        "en": "The file {path} does not exist.",
    },
    "backtest.bad_sales": {
        "en": ("{path}: column {columns} missing (expected: date,product,quantity).",
               "{path}: columns {columns} missing (expected: date,product,quantity)."),
    },
    "backtest.bad_value": {
        "en": "{path}, row {row}: “{value}” in column {column} is not a valid value.",
    },
    "backtest.no_data": {
        "en": "There are no sales before {start}; the backtest needs history.",
    },
    # forecasting/models/occasions.py: the explanation group of "same occasion last time"
    "forecast.train": {"en": "Training the models …"},
    "forecast.read": {"en": "Reading the sales …"},
    "forecast.models": {"en": "Computing the forecasts …"},
    "forecast.done": {"en": "Forecasts ready"},
    "forecast.features": {"en": "Computing the features …"},
    "forecast.lightgbm": {"en": "Training LightGBM …"},
    "forecast.ets": {"en": "Fitting ETS per product …"},
    "forecast.calibrate": {"en": "Calibrating the forecast ranges …"},
    "import.read": {"en": "Reading the file …"},
    "import.check": {"en": "Checking the data …"},
    "import.write": {"en": "Saving the data …"},
    "import.done": {"en": "Import done"},
    "policy.step.occasion": {"en": "same occasion last time"},
    "policy.step.no_occasion": {"en": "no special occasion"},
    "policy.step.occasion_named": {
        "en": "as last time: {names}",
    },
    # -- reason.name.*: the override reasons as the owner types them (issue 16, translation) --
    # `--reason Wetter` and `--reason weather` are the same (operations/decisions.reason_code)
    "reason.name.event": {"en": "event"},
    "reason.name.supplier_limit": {"en": "supplier_limit"},
    "reason.name.promotion": {"en": "promotion"},
    "reason.name.weather": {"en": "weather"},
    "reason.name.other": {"en": "other"},
    # -- count.*: a number with its noun, for messages that count several things (Counted) ------
    "count.event": {"en": ("{count} event", "{count} events")},
    "count.weather_day": {"en": ("{count} weather day", "{count} weather days")},
    "count.closing_day": {"en": ("{count} closing day", "{count} closing days")},
    # --- issue 15: DSFinV-K --- the till's tax export (forecasting/importing/dsfinvk*.py)
    "dsfinvk.not_an_export": {
        "en": "{file} is not a DSFinV-K export of the till: {missing} is missing. Please choose "
        "the whole export (zip file or folder with index.xml, transactions.csv and lines.csv).",
    },
    "dsfinvk.bad_zip": {
        "en": "{file} cannot be opened as a zip file ({detail}).",
    },
    "dsfinvk.bad_index": {
        "en": "{file} cannot be read ({detail}); it describes the tables of the export.",
    },
    "dsfinvk.missing_column": {
        "en": "{file}: the column {column} is missing (found: {columns}).",
    },
    "dsfinvk.no_header": {
        "en": "{file} has no row with column names, and index.xml does not describe the "
        "columns.",
    },
    "import.reason.dsfinvk_no_receipt": {
        "en": "no receipt for it in transactions.csv",
    },
    "import.reason.dsfinvk_no_time": {
        "en": "receipt without a valid time (BON_ENDE) in transactions.csv",
    },
    "import.reason.dsfinvk_bad_factor": {
        "en": "FAKTOR is not a number above 0",
    },
    "import.report.left_out": {
        "en": "No sales, left out: {count} rows ({kinds})",
    },
    "import.report.export": {
        "en": "DSFinV-K export: registers {registers}; {closings} daily closings; receipts: "
        "{receipts}",
    },
    "import.left_out.receipt": {"en": "receipt type {value}"},
    "import.left_out.business": {"en": "business case {value}"},
    # --- issue 15: imports, facts, stale history ---
    "import.money_column": {
        "en": "{file}: the column “{column}” holds money, not quantities. Nothing was imported. "
              "With --unit EUR the products are planned and shown in euros; or choose a column "
              "with quantities with --quantity-column (with --unit Stück if “{column}” does count "
              "pieces).",
    },
    "import.unit_mismatch": {
        "en": "{file}: “{product}” is kept in {unit} in the shop, the file brings {file_unit}. "
              "Nothing was imported: euros and pieces must not mix (give the --unit that fits "
              "the shop, or choose another quantity column).",
    },
    "facts.need_state": {
        "en": "A new shop needs its federal state. Please give --state (e.g. --state SH) or "
              "--postal-code (e.g. --postal-code 24103): holidays, school holidays and weather "
              "depend on it, so it is never guessed.",
    },
    "facts.unknown_postal_code": {
        "en": "“{value}” is not a German postal code (five digits, e.g. 24103).",
    },
    "facts.bad_state": {
        "en": "“{value}” is not a federal state code; possible are {states}.",
    },
    "facts.title": {
        "en": "Inferred from the data (change with “bestellkompass settings shop”):",
    },
    "facts.location_postal_code": {
        "en": "Federal state: {state} (from the postal code {postal_code} {place}); coordinates "
              "{latitude}, {longitude} for the weather",
    },
    "facts.location_state": {
        "en": "Federal state: {state} (as given); no weather without a postal code: add it with "
              "“bestellkompass settings shop --postal-code …”",
    },
    "facts.weekday": {
        "en": "Open on {plural}: {answer}, {n} {plural} with sales",
    },
    "facts.holidays": {
        "en": "Open on public holidays: {answer}, {n} of {seen} public holidays with sales",
    },
    "facts.holidays_open_except": {
        "en": "except on these public holidays, when it opens: {names}",
    },
    "facts.holidays_closed_except": {
        "en": "except on these public holidays, when it is closed: {names}",
    },
    "facts.holiday_sales": {
        "en": "{name} ({n} of {seen} with sales)",
    },
    "facts.yes": {"en": "yes"},
    "facts.no": {"en": "no"},
    "facts.adverbs": {
        "en": "Mondays,Tuesdays,Wednesdays,Thursdays,Fridays,Saturdays,Sundays",
    },
    "facts.plurals": {
        "en": "Mondays,Tuesdays,Wednesdays,Thursdays,Fridays,Saturdays,Sundays",
    },
    "policy.stale_history": {
        "en": "sales data only up to {date} ({age} old)",
    },
    "policy.stale_history.weeks": {"en": "{n} weeks"},
    "policy.stale_history.months": {"en": "{n} months"},
    "policy.stale_history.years": {"en": "{n} years"},
    "policy.step.recent_up_until": {"en": "selling more up to {date}"},
    "policy.step.recent_down_until": {"en": "selling less up to {date}"},
    "policy.step.sellouts_until": {"en": "sold out in the week up to {date}"},
    "launch.missing_libraries": {
        "en": "Bestellkompass cannot open its window: this system lacks libraries Qt needs for "
              "X11: {libraries}. On Debian/Ubuntu install them with: sudo apt install {packages}",
    },
    # --- issue 21: open orders, goods receipt, batches, the delivery window ---
    "policy.step.sold_before_delivery": {"en": "sold before the delivery"},
    "policy.note.stock_age_assumed": {
        "en": "Age of {quantity} {unit} of the count on {date} unknown: taken as old as they "
              "can plausibly be",
    },
    "policy.delivery.when": {"en": "delivery {date}"},
    "policy.delivery.empty_from": {"en": "until then likely sold out from {day}"},
    "policy.delivery.left": {"en": "about {quantity} {unit} left by then"},
    "policy.delivery.covers": {"en": "covers {days}"},
    "stock.receipt_bad_date": {
        "en": "“{name}”: a goods receipt on {date} is in the future; book it once the goods "
              "have come.",
    },
    "stock.receipt_nothing": {
        "en": "Nothing to book: please enter what came for at least one product.",
    },
    "cli.stock.received": {
        "en": "Goods receipt “{name}” on {date}: {quantity} {unit} (ordered: {ordered} {unit}).",
    },
    "cli.stock.written_off": {
        "en": "Write-off “{name}” on {date}: {quantity} {unit} ({reason}).",
    },
    "stock.reason.expired": {"en": "expired"},
    "stock.reason.damaged": {"en": "damaged"},
    "stock.reason.other": {"en": "other"},
    # the Rückblick of goods that keep: an order judged over the days it served
    "review.window.head": {
        "en": "Order of {date} (delivery {delivery}, covers {days})",
    },
    "review.window.ordered": {"en": "{n} ordered"},
    "review.window.ordered_together": {
        "en": " ({n} with the other orders for this delivery)",
    },
    "review.window.delivered": {"en": "{n} delivered"},
    "review.window.sold": {"en": "{n} sold"},
    "review.window.sold_so_far": {"en": "{n} sold so far (sales up to {day} still missing)"},
    "review.window.written_off": {"en": "{n} written off"},
    "review.window.sold_out_one": {"en": "sold out on 1 day"},
    "review.window.sold_out_many": {"en": "sold out on {n} days"},
    "review.window.never_sold_out": {"en": "never sold out"},
    "review.window.section": {
        "en": "Goods that keep, judged over the days a delivery covers:",
    },
    "review.window.note": {
        "en": "For goods that keep, “Sold” and “Sold out” count over all days the delivery "
              "covers (from the delivery to the next one), not just the order day.",
    },
    # (end of section: issue 21 A)
    # --- issue 21: suppliers and units the owner keeps ---
    "policy.status.supplier_closed": {
        "en": "the supplier does not deliver on this day",
    },
    "suppliers.bad_cutoff": {
        "en": "“{value}” is no time for the order cut-off: please give e.g. 10:30.",
    },
    "suppliers.below_minimum": {
        "en": "Minimum order value {minimum} € not reached: this order {value} €.",
    },
    "suppliers.show.title": {"en": "Suppliers"},
    "suppliers.show.customer_number": {"en": "customer number {number}"},
    "suppliers.show.delivers": {"en": "delivers {days}"},
    "suppliers.show.lead_time": {"en": "lead time {days} days"},
    "suppliers.show.cutoff": {"en": "order by {time}"},
    "suppliers.show.no_delivery": {"en": "no delivery on {days}"},
    "suppliers.show.minimum": {"en": "minimum order value {value} €"},
    "suppliers.empty_unit": {
        "en": "“{name}”: please give a unit (Stück, kg or l).",
    },
    # (end of section: issue 21 B)
    # --- issue 15: products that come and go (seasonal, discontinued, new) ---
    "policy.status.out_of_season": {"en": "not on offer (out of season)"},
    "settings.bad_season": {
        "en": "“{value}” is not a season: auto, year, or from–to as DD.MM-DD.MM "
              "(e.g. 01.10-31.01)",
    },
    # (end of section: issue 15 C)
    # --- issue 15: the first-run flow ---
    # the Rückblick's leftover sentence when products are planned in euros (never "Stück")
    "review.summary.leftover_amounts": {
        "en": "Your changes left {changes} over",
    },
    "review.leftover.pieces_fewer": {"en": "{n} fewer units"},
    "review.leftover.pieces_more": {"en": "{n} more units"},
    "review.leftover.money_fewer": {"en": "€{n} less"},
    "review.leftover.money_more": {"en": "€{n} more"},
    "review.and": {"en": " and "},
    # (end of section: issue 15 D)
    # --- issue 19: lieber Reste / lieber ausverkauft ---
    "settings.unknown_area": {
        "en": "There is no supplier / area “{name}” in this shop (there are: {known}).",
    },
    "settings.bad_area_level": {
        "en": "“{value}” is not a service level for an area (choose {low} to {high} %).",
    },
    "settings.bad_tradeoff": {
        "en": "“{value}” is not a setting (choose {choices} or a percentage from {low} to "
              "{high}).",
    },
    "settings.area_saved": {
        "en": "{area}: now “{setting}” (service level {level}). The suggestions will be "
              "recomputed.",
    },
    "settings.area_needed": {
        "en": "For which supplier / area? Please give its name (there are: {known}).",
    },
    "settings.area_auto": {
        "en": "{area}: now “from price and cost” (service level per product). The suggestions "
              "will be recomputed.",
    },
    "settings.show.areas": {"en": "Service level per supplier / area"},
    "tradeoff.more_leftovers": {"en": "rather leftovers"},
    "tradeoff.more_sellouts": {"en": "rather sold out"},
    "tradeoff.recommended": {"en": "recommended (from price and cost)"},
    "tradeoff.waste": {
        "en": "Leftovers in {weeks} weeks: about {units} {unit}",
    },
    "tradeoff.waste_euros": {
        "en": "Leftovers in {weeks} weeks: about {units} {unit} (about €{euros} at cost)",
    },
    "tradeoff.unit.pieces": {"en": "pieces"},
    "tradeoff.unit.units": {"en": "units"},
    "tradeoff.sellouts": {
        "en": "Sold out: each product on about {days} of {open} opening days – enough on "
              "{enough} of {of} days",
    },
    "tradeoff.precise": {
        "en": "Service level {level}: expected {units} {unit} left over and {days} sold-out "
              "product-days of {product_days} ({products} products, {open} opening days from "
              "{start})",
    },
    "tradeoff.mixed": {"en": "per product (from price and cost)"},
    "tradeoff.fixed_products": {
        "en": "Keep their own setting: {names}",
    },
    "tradeoff.stocked": {
        "en": "Not in the preview (goods that keep without a forecast): {names}",
    },
    "tradeoff.written_off": {
        "en": "Written off in {weeks} weeks: about {units} {unit}",
    },
    "tradeoff.written_off_euros": {
        "en": "Written off in {weeks} weeks: about {units} {unit} (about €{euros} at cost)",
    },
    "tradeoff.stock": {
        "en": "On the shelf: on average {days} days of stock (about {units} {unit})",
    },
    "tradeoff.kept_summary": {
        "en": "about {units} {unit} written off, sold out on about {sellouts} days, on average "
              "{days} days of stock",
    },
    "tradeoff.kept_precise": {
        "en": "Goods that keep: {orders} orders played with delivery days, lead time and shelf "
              "life (from an empty shelf {warmup} days before); on the shelf on average "
              "{units} {unit}, {days} days of stock",
    },
    "tradeoff.kept_played": {
        "en": "Goods that keep: played order by order; what expires before it sells is "
              "written off.",
    },
    "tradeoff.col.stock_days": {"en": "Stock (days)"},
    "tradeoff.col.written_off": {"en": "Written off"},
    "tradeoff.nothing": {
        "en": "No preview: this area has no suggestions with a forecast.",
    },
    "tradeoff.title": {
        "en": "{area}: rather leftovers or rather sold out? Preview for {weeks} weeks from {start}",
    },
    "tradeoff.col.setting": {"en": "Setting"},
    "tradeoff.col.level": {"en": "Service level"},
    "tradeoff.col.waste": {"en": "Leftovers"},
    "tradeoff.col.euros": {"en": "Cost €"},
    "tradeoff.col.sellouts": {"en": "sold out (days per product)"},
    "tradeoff.col.words": {"en": "in words"},
    "tradeoff.mark.current": {"en": "now"},
    "tradeoff.mark.recommended": {"en": "recommended"},
    "tradeoff.no_areas": {
        "en": "No products with a supplier / area: enter it under Settings > Products.",
    },
    # (end of section: issue 19 E)
    # --- issue 17: workshop mode ---
    "workshop.no_sales": {
        "en": "The shop has no sales; no workshop can be made for {first} to {last}.",
    },
    "workshop.bad_period": {
        "en": "Period {first} to {last}: a workshop covers 1 to {most} days, and its end does "
              "not lie before its start.",
    },
    "workshop.after_history": {
        "en": "The workshop ends on {last}, but the sales end on {known}.",
    },
    "workshop.short_history": {
        "en": "Too little history before {first} (sales from {begins}); the suggestions need at "
              "least a year before it.",
    },
    "workshop.unknown_product": {
        "en": "The shop has no product \"{product}\".",
    },
    "workshop.stock_reason": {
        "en": "Serves the sales up to {until}: about {expected} expected; on the shelf "
              "{shelf}, on order {on_order}.",
    },
    "workshop.too_many_products": {
        "en": "{count} products chosen; a workshop has at most {most}.",
    },
    "workshop.missing_file": {
        "en": "{path}: file not found.",
    },
    "workshop.missing_folder": {
        "en": "{path}: this folder does not exist; please create it or choose another.",
    },
    "workshop.damaged": {
        "en": "{path}: the file is damaged or was changed ({detail}); it is not used.",
    },
    "workshop.wrong_kind": {
        "en": "{path}: this is a workshop file of kind \"{kind}\", expected \"{expected}\".",
    },
    "workshop.newer_file": {
        "en": "{path}: the file comes from another version of Bestellkompass.",
    },
    "workshop.orders_columns": {
        "en": "{path}: line 1: the columns {columns} are missing (expected: "
              "date,product,quantity).",
    },
    "workshop.orders_bad_date": {
        "en": "{path}: line {row}, column {column}: \"{value}\" is not a date (2026-11-26 or "
              "26.11.2026).",
    },
    "workshop.orders_day_outside": {
        "en": "{path}: line {row}, column {column}: {value} is not a day of this workshop "
              "(open days from {first} to {last}).",
    },
    "workshop.orders_unknown_product": {
        "en": "{path}: line {row}, column {column}: this workshop has no product \"{value}\".",
    },
    "workshop.orders_bad_quantity": {
        "en": "{path}: line {row}, column {column}: \"{value}\" is not a quantity (a number of "
              "0 or more).",
    },
    "workshop.orders_twice": {
        "en": "{path}: line {row}, column {column}: \"{value}\" is already ordered for this day "
              "in line {earlier}.",
    },
    "workshop.orders_no_delivery": {
        "en": "{path}: line {row}, column {column}: on {value} no delivery of \"{product}\" can "
              "come (it keeps and is ordered for the delivery days only: {days}).",
    },
    "workshop.orders_missing": {
        "en": "{path}: {count} orders are missing, first \"{product}\" on {date} (enter 0 to "
              "order nothing).",
    },
    "workshop.no_results": {
        "en": "No result files given.",
    },
    "workshop.other_scenario": {
        "en": "{path}: this result belongs to another workshop than {first}; nothing is merged.",
    },
    "workshop.participant_twice": {
        "en": "{path}: \"{participant}\" already has a result in {first}; nothing is merged.",
    },
    "workshop.note.true_demand": {
        "en": "Scored against the demo shop's true demand.",
    },
    "workshop.note.estimated": {
        "en": "Estimated: a real shop knows only its sales. On sold-out days customers wanted "
              "more; units short and sell-out days are lower bounds, waste an upper bound.",
    },
    "workshop.forecasting": {
        "en": "Forecasting as on each evening, run {step} …",
    },
    "workshop.created": {
        "en": "Workshop written: {path} ({products} products, {days} days, {first} to {last}).",
    },
    "workshop.played": {
        "en": "Result of {participant} written: {path}. Waste {waste}, sold out on "
              "{sellout_days} product-days, margin EUR {margin}.",
    },
    "workshop.reported": {
        "en": "Report of {count} participants written: {path}.",
    },
    "workshop.rounds_bad_part": {
        "en": "--rounds: \"{part}\" is not a round; expected days and what is shown, e.g. "
              "{example}.",
    },
    "workshop.rounds_open_end": {
        "en": "--rounds: \"{part}\": only the last round may have an open end (6-:with).",
    },
    "workshop.rounds_bad_range": {
        "en": "--rounds: \"{part}\": days count from 1, and the end does not lie before the "
              "start.",
    },
    "workshop.rounds_bad_word": {
        "en": "--rounds: in \"{part}\", \"{word}\" is unknown (allowed: {words}).",
    },
    "workshop.rounds_gap": {
        "en": "--rounds: \"{part}\" starts with day {start}, day {expected} is expected: the "
              "rounds cover the days in order without a gap.",
    },
    "workshop.rounds_beyond": {
        "en": "--rounds: \"{part}\" reaches day {end}, but the workshop has only {days} open "
              "days.",
    },
    "workshop.rounds_short": {
        "en": "--rounds: the rounds end with day {end}, the workshop has {days} open days; the "
              "last days need a round too (e.g. 6-:with).",
    },
    "workshop.bad_reveal": {
        "en": "--reveal: \"{value}\" is unknown (allowed: daily, end, täglich, ende).",
    },
    "workshop.rounds_made": {
        "en": "Rounds: {rounds}; results {reveal}.",
    },
    "workshop.reveal.daily": {"en": "after each day"},
    "workshop.reveal.end": {"en": "only at the end"},
    "workshop.weather_made": {
        "en": "Weather on the order sheets: the forecast of the evening before on {forecast} "
              "days, only the observation (shown as observed) on {observed}, none on {none}.",
    },
    "workshop.occasion.holiday": {"en": "public holiday and the days around it"},
    "workshop.occasion.event": {"en": "market, festival or event"},
    "workshop.occasion.weather": {"en": "rain, frost or heat"},
    "workshop.occasion.school_holiday": {"en": "school holidays"},
    "workshop.occasion.payday": {"en": "payday"},
    "workshop.occasion.weekend": {"en": "Saturday or Sunday"},
    "workshop.occasion.normal": {"en": "normal weekday"},
    "workshop.occasion_on.holiday": {"en": "On public holidays and the days around them"},
    "workshop.occasion_on.event": {"en": "On days with a market, festival or event"},
    "workshop.occasion_on.weather": {"en": "On days of rain, frost or heat"},
    "workshop.occasion_on.school_holiday": {"en": "In the school holidays"},
    "workshop.occasion_on.payday": {"en": "On paydays"},
    "workshop.occasion_on.weekend": {"en": "On Saturdays and Sundays"},
    "workshop.occasion_on.normal": {"en": "On normal weekdays"},
    # (end of section: issue 17 F)
    # --- issue 18: association contributions and priors ---
    "association.no_file": {"en": "The file {path} does not exist."},
    "association.bad.not_zip": {
        "en": "{path} is not a readable {kind} file: not a zip archive. Nothing was changed.",
    },
    "association.bad.part": {
        "en": "{path} is not a readable {kind} file: unexpected or too large part {part}. Nothing was changed.",
    },
    "association.bad.missing": {
        "en": "{path} is not a readable {kind} file: {part} is missing. Nothing was changed.",
    },
    "association.bad.json": {
        "en": "{path} is not a readable {kind} file: {part} is not valid JSON ({detail}). Nothing was changed.",
    },
    "association.bad.foreign": {
        "en": "{path} is not a readable {kind} file: not a Bestellkompass file. Nothing was changed.",
    },
    "association.bad.kind": {
        "en": "{path} is not a readable {kind} file: a file of kind {found}. Nothing was changed.",
    },
    "association.bad.checksum": {
        "en": "{path} is not a readable {kind} file: {part} does not match the checksum in the manifest (damaged or altered). Nothing was changed.",
    },
    "association.bad.model": {
        "en": "{path} is not a readable {kind} file: {part} is not a LightGBM text model. Nothing was changed.",
    },
    "association.manifest.models": {
        "en": "{models} LightGBM models (text format, {trees} trees together) whose predictions "
              "are averaged; they predict ratios (sales divided by the product's own usual "
              "amount); every leaf averages at least {leaf} product-days",
    },
    "association.too_little": {
        "en": "Too few sales before {until} for a contribution: {days} days with sales, at "
              "least {minimum} needed.",
    },
    "association.no_contributions": {
        "en": "No contributions given: a prior needs at least one contribution.",
    },
    "association.mixed_versions": {
        "en": "{path} was made with another model version ({found}, expected {expected}). "
              "Nothing was built.",
    },
    "association.shop_or_sales": {
        "en": "Please give either --shop or --sales with --state.",
    },
    "association.written": {"en": "{path} written ({size} kB)."},
    "policy.step.association": {"en": "the association's experience"},
    "policy.step.association_named": {"en": "the association's experience: {names}"},
    "association.manifest.title": {"en": "What is shared?"},
    "association.manifest.contribution": {
        "en": "Contribution of a shop in {state}: {weeks} weeks of sales up to {until}, "
              "{products} products in {categories} categories.",
    },
    "association.manifest.prior": {
        "en": "Association prior from {shops} contributions, Bundesländer: {states}; {weeks} "
              "weeks of sales together.",
    },
    "association.manifest.inside": {"en": "Inside:"},
    "association.manifest.model": {
        "en": "a LightGBM model (text format, {trees} trees) that predicts ratios (sales "
              "divided by the product's own usual amount); every leaf averages at least {leaf} "
              "product-days",
    },
    "association.manifest.distilled": {
        "en": "one LightGBM model (text format, {trees} trees) condensed from the {models} "
              "models of the contributions (each of their leaves averages at least {leaf} "
              "product-days): it predicts their weighted mean ratio (sales divided by the "
              "product's own usual amount), learned on {rows} made-up product-days, not on sales",
    },
    "association.manifest.effects": {
        "en": "effects per category as ratios: weekday shape, holidays and the days before "
              "and after, school holidays, paydays, weather, festivals; every value averages "
              "at least {cell} product-days",
    },
    "association.manifest.shared_model": {
        "en": "a model of the effects shops share, per category ({categories} categories, "
              "{factors} factors: weekday, season, holidays and the days around them, school "
              "holidays, paydays, weather, events, promotions), as ratios; every factor rests on "
              "at least {cell} product-days; the products' own amounts stay in the shop",
    },
    "association.manifest.categories": {"en": "categories: {names}"},
    "association.manifest.names": {"en": "product names (allowed by the owner): {names}"},
    "association.manifest.outside": {"en": "Not inside:"},
    "association.manifest.no_amounts": {
        "en": "no sales quantities, no days with amounts, no turnover",
    },
    "association.manifest.no_names": {"en": "no product names"},
    "association.manifest.no_prices": {
        "en": "no prices, costs, suppliers, address, postal code or shop name",
    },
    "association.manifest.no_shops": {
        "en": "nothing saying which shops contributed",
    },
    "association.used": {
        "en": "Association prior from {shops} shops ({states}) stored with the shop; the next "
              "forecast uses it.",
    },
    "association.progress.read": {"en": "Reading the sales …"},
    "association.progress.fit": {
        "en": "Fitting the model on ratios (a few seconds) …",
    },
    "association.cancelled": {"en": "Cancelled. Nothing was written."},
    "association.removed": {
        "en": "Association prior removed from the shop; the next forecast uses the shop's own "
              "sales only.",
    },
    "association.none_in_use": {
        "en": "The shop keeps no association prior. Nothing was changed.",
    },
    # (end of section: issue 18 G)
    # -- export.*: the words of the order list files (CSV, XLSX, per supplier; issue 16) -----
    "export.col.area": {"en": "Area"},
    "export.col.product": {"en": "Product"},
    "export.col.quantity": {"en": "Quantity"},
    "export.col.unit": {"en": "Unit"},
    "export.col.suggestion": {"en": "Suggestion"},
    "export.col.confirmed": {"en": "Confirmed"},
    "export.col.reason": {"en": "Reason"},
    "export.yes": {"en": "yes"},
    "export.no": {"en": "no"},
    "export.list_col.article_number": {"en": "Item no."},
    "export.list_col.product": {"en": "Product"},
    "export.list_col.quantity": {"en": "Quantity"},
    "export.list_col.unit": {"en": "Unit"},
    "export.list_col.note": {"en": "Note"},
    "export.list_title": {"en": "Order list"},
    "export.order": {"en": "Order"},
    # (end of section: issue 16 export)
}

# What render() reads: the English above with each catalog language's translation added.
MESSAGES: dict[str, Message] = with_translations(ENGLISH)


def render(code: str, lang: str = "de", **params: Any) -> str:
    """The message for `code` in `lang`, falling back to English, then to the code itself."""
    return render_from(MESSAGES, code, lang, **params)
