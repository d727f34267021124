"""Every sentence the core can say to a user, in German and English, keyed by a stable code.

The core returns codes and numbers; this is the one place that turns them into words, shared by the
command line and the app. Parameters are filled with str.format; numbers are formatted by the caller
with `format_number` so that German text gets German digits.
"""

from __future__ import annotations

from typing import Any

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

__all__ = ["MESSAGES", "Counted", "Message", "Words", "format_date", "format_number", "format_signed", "parse_number", "render"]

LANGUAGES = ("de", "en")

MESSAGES: dict[str, Message] = {
    "shop.not_found": {
        "de": "Die Laden-Datei {path} gibt es nicht.",
        "en": "The shop file {path} does not exist.",
    },
    "shop.not_a_shop": {
        "de": "{path} ist keine Bestellkompass-Laden-Datei. Die Datei wurde nicht verändert.",
        "en": "{path} is not a Bestellkompass shop file. The file was not changed.",
    },
    "shop.newer_version": {
        "de": (
            "{path} wurde mit einer neueren Bestellkompass-Version angelegt (Format {found}, "
            "diese Version kennt bis {supported}). Bitte Bestellkompass aktualisieren. "
            "Die Datei wurde nicht verändert."
        ),
        "en": (
            "{path} was written by a newer Bestellkompass (format {found}; this version knows up "
            "to {supported}). Please update Bestellkompass. The file was not changed."
        ),
    },
    "shop.damaged": {
        "de": (
            "Die Laden-Datei {path} ist beschädigt und kann nicht gelesen werden. Sie wurde nicht "
            "verändert. Eine Sicherung zeigt: bestellkompass backup list --shop \"{path}\""
        ),
        "en": (
            "The shop file {path} is damaged and cannot be read. It was not changed. To see its "
            "backups: bestellkompass backup list --shop \"{path}\""
        ),
    },
    "shop.read_only": {
        "de": (
            "Die Laden-Datei {path} kann nicht geöffnet werden, weil die Datei oder ihr Ordner "
            "({folder}) schreibgeschützt ist. Bitte die Datei in einen Ordner kopieren, in dem Sie "
            "schreiben dürfen (z. B. Dokumente), und dort öffnen."
        ),
        "en": (
            "The shop file {path} cannot be opened because the file or its folder ({folder}) is "
            "write-protected. Please copy it to a folder you can write to (e.g. Documents) and "
            "open it there."
        ),
    },
    "shop.busy": {
        "de": (
            "Ein anderes Bestellkompass-Programm schreibt gerade in {path}. Bitte gleich noch "
            "einmal versuchen; es wurde nichts verändert."
        ),
        "en": (
            "Another Bestellkompass program is writing to {path} right now. Please try again in a "
            "moment; nothing was changed."
        ),
    },
    "shop.cannot_open": {
        "de": "Die Laden-Datei {path} kann nicht geöffnet werden ({detail}). Sie wurde nicht verändert.",
        "en": "The shop file {path} cannot be opened ({detail}). It was not changed.",
    },
    "edit.changed_elsewhere": {
        "de": (
            "„{name}“ für den {date} wurde inzwischen an anderer Stelle geändert (zum Beispiel "
            "über die Kommandozeile). Damit nichts überschrieben wird, wurde Ihre Änderung "
            "nicht gespeichert; die Ansicht zeigt jetzt den gespeicherten Stand."
        ),
        "en": (
            "“{name}” for {date} was changed elsewhere in the meantime (for example on the command "
            "line). So that nothing is overwritten, your change was not saved; the view now "
            "shows what is stored."
        ),
    },
    "settings.changed_elsewhere": {
        "de": (
            "Diese Einstellungen wurden inzwischen an anderer Stelle geändert ({fields}). Damit "
            "nichts überschrieben wird, wurde nichts gespeichert. Bitte den Dialog schließen, "
            "neu öffnen und die Änderung noch einmal machen."
        ),
        "en": (
            "These settings were changed elsewhere in the meantime ({fields}). So that nothing is "
            "overwritten, nothing was saved. Please close the dialog, open it again and make the "
            "change once more."
        ),
    },
    "shop.open_elsewhere": {
        "de": (
            "{path} ist schon in einem anderen Bestellkompass-Fenster geöffnet. Bitte dort "
            "weiterarbeiten oder jenes Fenster zuerst schließen."
        ),
        "en": (
            "{path} is already open in another Bestellkompass window. Please continue there or "
            "close that window first."
        ),
    },
    "shop.exists": {
        "de": "{path} gibt es schon; bitte einen anderen Namen wählen.",
        "en": "{path} already exists; please choose another name.",
    },
    "shop.unknown_product": {
        "de": "Das Produkt „{name}“ gibt es in diesem Laden nicht.",
        "en": "There is no product “{name}” in this shop.",
    },
    "shop.bad_state": {
        "de": "„{state}“ ist kein Bundesland-Kürzel (z. B. NW, BY, SH).",
        "en": "“{state}” is not a German state code (e.g. NW, BY, SH).",
    },
    "cli.bad_date": {
        "de": "„{value}“ ist kein Datum (erwartet z. B. 2026-11-26 oder 26.11.2026).",
        "en": "“{value}” is not a date (expected e.g. 2026-11-26 or 26.11.2026).",
    },
    # -- stock.* / cli.stock.*: stock counts (forecasting/stock_counts.py, app/commands/stock.py)
    "stock.unknown_product": {
        "de": "„{name}“ ist kein Produkt dieses Ladens. Produkte: {names}.",
        "en": "“{name}” is not a product of this shop. Products: {names}.",
    },
    "stock.bad_amount": {
        "de": "„{value}“ ist kein gültiger Bestand für „{name}“ (erwartet eine Zahl ab 0).",
        "en": "“{value}” is not a valid stock amount for “{name}” (expected a number from 0).",
    },
    "stock.file_columns": {
        "de": (
            "{file}: Spalten für Produkt und Bestand nicht gefunden (gefunden: {found}). "
            "Die erste Zeile braucht z. B. „Produkt;Bestand;bestellt“."
        ),
        "en": (
            "{file}: no columns for product and stock found (found: {found}). The first row "
            "needs e.g. “product,on hand,on order”."
        ),
    },
    "stock.file_empty": {
        "de": "{file} ist leer.",
        "en": "{file} is empty.",
    },
    "stock.file_refused": {
        "de": ("{file}: {count} Zeile ist nicht in Ordnung; es wurde nichts gespeichert.",
               "{file}: {count} Zeilen sind nicht in Ordnung; es wurde nichts gespeichert."),
        "en": ("{file}: {count} row is not right; nothing was saved.",
               "{file}: {count} rows are not right; nothing was saved."),
    },
    "stock.file_where": {"de": "Zeile {row}, Spalte {column}", "en": "row {row}, column {column}"},
    "stock.file_unknown_product": {
        "de": "„{value}“ ist kein Produkt dieses Ladens",
        "en": "“{value}” is not a product of this shop",
    },
    "stock.file_twice": {
        "de": "„{value}“ steht zweimal in der Liste",
        "en": "“{value}” is in the list twice",
    },
    "stock.file_bad_amount": {
        "de": "„{value}“ ist keine Menge ab 0",
        "en": "“{value}” is not an amount from 0",
    },
    "cli.stock.imported": {
        "de": ("Bestand am {date} für {count} Produkt aus {file} gespeichert.",
               "Bestand am {date} für {count} Produkte aus {file} gespeichert."),
        "en": ("Stock on {date} saved for {count} product from {file}.",
               "Stock on {date} saved for {count} products from {file}."),
    },
    "cli.stock.set": {
        "de": "Bestand „{name}“ am {date}: {on_hand} {unit} da, {on_order} {unit} schon bestellt.",
        "en": "Stock of “{name}” on {date}: {on_hand} {unit} on hand, {on_order} {unit} on order.",
    },
    "cli.stock.keeps_one_day": {
        "de": (
            "Hinweis: „{name}“ hält nur einen Tag und wird jeden Tag neu geplant; "
            "der Bestand ändert den Vorschlag nicht."
        ),
        "en": (
            "Note: “{name}” keeps one day only and is planned day by day; its stock does not "
            "change the suggestion."
        ),
    },
    "cli.stock.cleared": {
        "de": "Zählung „{name}“ vom {date} gelöscht.",
        "en": "Count of “{name}” on {date} deleted.",
    },
    "cli.stock.not_counted": {
        "de": "Für „{name}“ gibt es am {date} keine Zählung.",
        "en": "“{name}” has no count on {date}.",
    },
    "cli.stock.title": {
        "de": "Bestand für Bestellungen am {date}",
        "en": "Stock for orders on {date}",
    },
    "cli.stock.col.product": {"de": "Produkt", "en": "Product"},
    "cli.stock.col.counted": {"de": "gezählt am", "en": "counted on"},
    "cli.stock.col.on_hand": {"de": "Bestand", "en": "On hand"},
    "cli.stock.col.on_order": {"de": "schon bestellt", "en": "On order"},
    "cli.stock.col.expected": {"de": "jetzt erwartet", "en": "Expected now"},
    "cli.stock.col.sell_by": {"de": "Ältestes bis", "en": "Oldest until"},
    "cli.stock.expected_note": {
        "de": ("„Bestand“: gezählt am Tag der Zählung. „jetzt erwartet“: was zu Beginn des Tages im "
               "Regal sein sollte (Lieferungen dazu, Verkäufe und Abschriften ab, Abgelaufenes "
               "weg); „schon bestellt“: offene Bestellungen; „Ältestes bis“: der letzte "
               "Verkaufstag der ältesten Ware."),
        "en": ("'On hand': counted on the day of the count. 'Expected now': what should be on the "
               "shelf at the start of the day (deliveries in, sales and write-offs out, expired "
               "goods gone); 'On order': open orders; 'Oldest until': the last day the oldest "
               "goods can be sold."),
    },
    "cli.stock.never": {"de": "noch nie gezählt", "en": "never counted"},
    "cli.stock.none": {
        "de": "Dieser Laden hat keine Waren, die mehrere Tage halten.",
        "en": "This shop has no goods that keep for several days.",
    },
    # -- cli.order.*: `bestellkompass order` (app/commands/order.py) -------------------------
    "cli.order.no_plan": {
        "de": (
            "Für {date} sind noch keine Bestellvorschläge gespeichert. Bitte zuerst "
            "„bestellkompass suggest --date {iso}“ ausführen (oder den Tag in der App öffnen)."
        ),
        "en": (
            "No order suggestions are stored for {date} yet. Please run "
            "“bestellkompass suggest --date {iso}” first (or open the day in the app)."
        ),
    },
    "cli.order.stale": {
        "de": (
            "Hinweis: Die Daten haben sich seit der Berechnung der Vorschläge ({when}) geändert; "
            "die Vorschläge werden neu berechnet. Zum Speichern: bestellkompass suggest --date {iso}"
        ),
        "en": (
            "Note: the data changed since the suggestions were computed ({when}); they are "
            "recomputed now. To store them: bestellkompass suggest --date {iso}"
        ),
    },
    "cli.order.unknown_product": {
        "de": "„{name}“ steht nicht auf der Bestellliste für {date}. Produkte: {names}.",
        "en": "“{name}” is not on the order list for {date}. Products: {names}.",
    },
    "cli.order.bad_quantity": {
        "de": "„{value}“ ist keine gültige Menge (erwartet eine Zahl ab 0, z. B. 120 oder 2,5).",
        "en": "“{value}” is not a valid quantity (expected a number from 0, e.g. 120 or 2.5).",
    },
    "cli.order.reason_needed": {
        "de": (
            "{quantity} weicht vom Vorschlag {suggestion} für „{name}“ ab: bitte einen Grund "
            "angeben, --reason {codes}."
        ),
        "en": (
            "{quantity} differs from the suggestion {suggestion} for “{name}”: please give a "
            "reason, --reason {codes}."
        ),
    },
    "cli.order.bad_reason": {
        "de": "Unbekannter Grund „{value}“ (möglich: {codes}).",
        "en": "Unknown reason “{value}” (choose one of {codes}).",
    },
    "cli.order.note_needed": {
        "de": "Beim Grund „Anderes“ bitte mit --note in ein paar Worten sagen, warum.",
        "en": "With the reason “other” please say why in a few words with --note.",
    },
    "cli.order.exported_per_supplier": {
        "de": "Bestelllisten je Lieferant gespeichert in {folder}: {files}",
        "en": "Order lists per supplier saved in {folder}: {files}",
    },
    "cli.order.bad_export": {
        "de": "„{path}“: Die Bestellliste kann als .csv, .xlsx oder .pdf gespeichert werden.",
        "en": "“{path}”: the order list can be saved as .csv, .xlsx or .pdf.",
    },
    "cli.order.reason.event": {
        "de": "Ein Ereignis, von dem ich weiß", "en": "An event I know about",
    },
    "cli.order.reason.supplier_limit": {
        "de": "Lieferant liefert nicht mehr", "en": "Supplier limit",
    },
    "cli.order.reason.promotion": {"de": "Aktion", "en": "Promotion"},
    "cli.order.reason.weather": {"de": "Das Wetter wird anders", "en": "Weather looks different"},
    "cli.order.reason.other": {"de": "Anderes", "en": "Other"},
    "cli.order.state.open": {"de": "offen", "en": "open"},
    "cli.order.state.accepted": {"de": "übernommen", "en": "accepted"},
    "cli.order.state.changed": {"de": "geändert", "en": "changed"},
    "cli.order.col.state": {"de": "Status", "en": "State"},
    "cli.order.col.final": {"de": "Bestellung", "en": "Order"},
    "cli.order.col.reason": {"de": "Grund der Änderung", "en": "Reason for the change"},
    "cli.order.col.decided": {"de": "Entschieden", "en": "Decided"},
    "cli.order.summary": {
        "de": "{decided} von {total} Zeilen entschieden; offen: {open}",
        "en": "{decided} of {total} lines decided; open: {open}",
    },
    "cli.order.none_open": {"de": "keine", "en": "none"},
    "cli.order.accepted": {
        "de": "Vorschläge übernommen am {date}: {count}.",
        "en": "Suggestions accepted for {date}: {count}.",
    },
    "cli.order.set": {
        "de": "„{name}“ am {date}: {quantity} {unit} bestellt (Vorschlag {suggestion}).",
        "en": "“{name}” on {date}: ordering {quantity} {unit} (suggestion {suggestion}).",
    },
    "cli.order.cleared": {
        "de": "Entscheidung für „{name}“ am {date} zurückgenommen.",
        "en": "Decision for “{name}” on {date} undone.",
    },
    "cli.order.not_decided": {
        "de": "Für „{name}“ am {date} gibt es keine Entscheidung; nichts geändert.",
        "en": "There is no decision for “{name}” on {date}; nothing changed.",
    },
    "cli.order.exported": {
        "de": "Bestellliste gespeichert: {path}",
        "en": "Order list saved: {path}",
    },
    # -- backup.*: automatic backups (forecasting/backups.py, app/commands/backup.py) ----------
    "backup.kind.daily": {"de": "täglich", "en": "daily"},
    "backup.kind.before-import": {"de": "vor Import", "en": "before import"},
    "backup.kind.before-migration": {"de": "vor Umstellung", "en": "before upgrade"},
    "backup.kind.before-restore": {"de": "vor Wiederherstellung", "en": "before restore"},
    "backup.kind.manual": {"de": "von Hand", "en": "manual"},
    "backup.kind.file": {"de": "Datei", "en": "file"},
    "backup.summary": {
        "de": "{sales} Verkaufszeilen bis {last}, {decisions} Entscheidungen",
        "en": "{sales} sales rows up to {last}, {decisions} decisions",
    },
    "backup.summary_no_sales": {
        "de": "keine Verkäufe, {decisions} Entscheidungen",
        "en": "no sales, {decisions} decisions",
    },
    "backup.detail.unreadable": {
        "de": "sie lässt sich nicht als Datenbank lesen",
        "en": "it cannot be read as a database",
    },
    "backup.detail.malformed": {
        "de": "ihr Inhalt ist fehlerhaft (die Datenbank-Prüfung schlägt fehl)",
        "en": "its content is broken (the database check fails)",
    },
    "backup.detail.foreign": {
        "de": "sie ist keine Bestellkompass-Laden-Datei",
        "en": "it is not a Bestellkompass shop file",
    },
    "backup.detail.newer": {
        "de": "sie stammt aus einer neueren Bestellkompass-Version",
        "en": "it was written by a newer Bestellkompass",
    },
    "backup.detail.missing": {"de": "sie fehlt", "en": "it is missing"},
    "backup.detail.itself": {
        "de": "sie ist die Laden-Datei selbst",
        "en": "it is the shop file itself",
    },
    "backup.check_ok": {"de": "geprüft", "en": "checked"},
    "backup.check_bad": {"de": "BESCHÄDIGT", "en": "DAMAGED"},
    "backup.list_title": {
        "de": "Sicherungen von {path} (neueste zuerst):",
        "en": "Backups of {path} (newest first):",
    },
    "backup.list_columns": {
        "de": "Nr.|Datum/Uhrzeit|Art|Inhalt|Größe|Prüfung",
        "en": "No.|Date/time|Kind|Content|Size|Check",
    },
    "backup.list_folders": {"de": "Ordner: {folders}", "en": "Folder: {folders}"},
    "backup.list_hint": {
        "de": "Wiederherstellen: bestellkompass --shop \"{path}\" backup restore NR",
        "en": "To restore: bestellkompass --shop \"{path}\" backup restore NO",
    },
    "backup.none": {
        "de": "Von {path} gibt es noch keine Sicherung (Ordner: {folder}).",
        "en": "There is no backup of {path} yet (folder: {folder}).",
    },
    "backup.created": {
        "de": "Sicherung angelegt und geprüft: {path} ({size}; {summary}).",
        "en": "Backup written and checked: {path} ({size}; {summary}).",
    },
    "backup.restored": {
        "de": "Wiederhergestellt: die Sicherung vom {when} ({kind}; {summary}).",
        "en": "Restored: the backup of {when} ({kind}; {summary}).",
    },
    "backup.restored_before": {
        "de": "Der vorige Stand ist gesichert in {path}.",
        "en": "The previous state is backed up in {path}.",
    },
    "backup.restored_aside": {
        "de": "Die beschädigte Datei ist nicht gelöscht, sie liegt unter {path}.",
        "en": "The damaged file was not deleted; it is kept as {path}.",
    },
    "backup.damaged": {
        "de": "Die Laden-Datei {path} ist beschädigt: {detail}.",
        "en": "The shop file {path} is damaged: {detail}.",
    },
    "backup.damaged_during_backup": {
        "de": "Das hat die Sicherung vor der Änderung gezeigt; die Sicherung wurde gelöscht, und "
        "es wurde nichts geändert.",
        "en": "The backup taken before the change showed it; the backup was deleted and nothing "
        "was changed.",
    },
    "backup.damaged_offer": {
        "de": "Die neueste gute Sicherung ist vom {when} ({kind}; {summary}). Wiederherstellen mit:",
        "en": "The newest good backup is from {when} ({kind}; {summary}). Restore it with:",
    },
    "backup.damaged_kept": {
        "de": "Die beschädigte Datei wird dabei nicht gelöscht, sondern beiseitegelegt.",
        "en": "The damaged file is not deleted but kept aside.",
    },
    "backup.damaged_no_backup": {
        "de": "Es gibt keine gute Sicherung davon. Bitte die Datei nicht löschen und eine Kopie "
        "aus einer anderen Datensicherung (z. B. USB-Stick) holen.",
        "en": "There is no good backup of it. Please do not delete the file; get a copy from "
        "another backup (e.g. a USB stick).",
    },
    "backup.busy": {
        "de": "Ein anderes Programm schreibt gerade lange in die Laden-Datei; bitte gleich noch "
        "einmal versuchen. Es wurde nichts geändert.",
        "en": "Another program has been writing to the shop file for a long time; please try "
        "again shortly. Nothing was changed.",
    },
    "backup.write_failed": {
        "de": "Die Sicherung konnte nicht geschrieben werden ({reason}). Bitte Platz schaffen "
        "oder die Laden-Datei in einen beschreibbaren Ordner legen. Es wurde nichts geändert.",
        "en": "The backup could not be written ({reason}). Please free some space or move the "
        "shop file to a writable folder. Nothing was changed.",
    },
    "backup.unknown": {
        "de": "„{value}“ ist keine Sicherung: bitte eine Nummer aus „bestellkompass backup "
        "list“ (1 bis {count}) oder den Pfad einer Sicherungsdatei angeben.",
        "en": "“{value}” is not a backup: please give a number from “bestellkompass backup "
        "list” (1 to {count}) or the path of a backup file.",
    },
    "backup.unusable": {
        "de": "{path} lässt sich nicht wiederherstellen: {detail}. Es wurde nichts geändert.",
        "en": "{path} cannot be restored: {detail}. Nothing was changed.",
    },
    "backup.target_foreign": {
        "de": "{path} ist keine Bestellkompass-Laden-Datei; eine Sicherung wird nicht darüber "
        "geschrieben. Es wurde nichts geändert.",
        "en": "{path} is not a Bestellkompass shop file; a backup is not written over it. "
        "Nothing was changed.",
    },
    "backup.restore_failed": {
        "de": "Nach der Wiederherstellung besteht {path} die Prüfung nicht: {detail}. Der vorige "
        "Stand liegt in {before}.",
        "en": "After the restore {path} fails the check: {detail}. The previous state is in "
        "{before}.",
    },
    # -- review.*: `bestellkompass review` (app/commands/review.py, forecasting/review.py) ------
    "review.title": {"de": "Rückblick {start} bis {end}", "en": "Review {start} to {end}"},
    "review.none": {
        "de": "Von {start} bis {end} gibt es keine gespeicherten Entscheidungen.",
        "en": "There are no stored decisions from {start} to {end}.",
    },
    "review.bad_range": {
        "de": "Der Zeitraum endet ({end}) vor seinem Anfang ({start}).",
        "en": "The date range ends ({end}) before it starts ({start}).",
    },
    "review.bad_weeks": {
        "de": "„{value}“ ist keine gültige Zahl von Wochen (erwartet 1 bis 520).",
        "en": "“{value}” is not a valid number of weeks (expected 1 to 520).",
    },
    "review.col.date": {"de": "Datum", "en": "Date"},
    "review.col.product": {"de": "Produkt", "en": "Product"},
    "review.col.suggested": {"de": "Vorschlag", "en": "Suggestion"},
    "review.col.final": {"de": "Bestellt", "en": "Ordered"},
    "review.col.sold": {"de": "Verkauft", "en": "Sold"},
    "review.col.sold_out": {"de": "Ausverkauft", "en": "Sold out"},
    "review.col.final_effect": {"de": "Mit Ihrer Menge", "en": "With your quantity"},
    "review.col.suggested_effect": {"de": "Mit dem Vorschlag", "en": "With the suggestion"},
    "review.col.closer": {"de": "Näher dran", "en": "Closer"},
    "review.col.reason": {"de": "Grund", "en": "Reason"},
    "review.col.overrides": {"de": "Änderungen", "en": "Changes"},
    "review.col.owner": {"de": "Sie näher", "en": "You closer"},
    "review.col.suggestion": {"de": "Vorschlag näher", "en": "Suggestion closer"},
    "review.col.equal": {"de": "gleich", "en": "same"},
    "review.col.open": {"de": "offen", "en": "open"},
    "review.col.leftover": {"de": "Reste ±", "en": "Leftovers ±"},
    "review.col.sellouts": {"de": "Ausverkauft ±", "en": "Sold out ±"},
    "review.yes": {"de": "ja", "en": "yes"},
    "review.closer.owner": {"de": "Sie", "en": "you"},
    "review.closer.suggestion": {"de": "Vorschlag", "en": "suggestion"},
    "review.closer.equal": {"de": "gleich", "en": "same"},
    "review.closer.open": {"de": "offen", "en": "open"},
    "review.status.no_sales": {"de": "noch keine Verkaufszahlen", "en": "no sales figures yet"},
    "review.status.accepted": {"de": "übernommen", "en": "accepted"},
    "review.reason.none": {"de": "ohne Grund", "en": "no reason"},
    "review.by_reason": {"de": "Änderungen nach Grund:", "en": "Changes by reason:"},
    "review.all_reasons": {"de": "alle Änderungen", "en": "all changes"},
    "review.effect.left": {"de": "{n} übrig", "en": "{n} left over"},
    "review.effect.left_at_most": {"de": "höchstens {n} übrig", "en": "at most {n} left over"},
    "review.effect.short": {"de": "{n} zu wenig", "en": "{n} short"},
    "review.effect.short_at_least": {"de": "mind. {n} zu wenig", "en": "at least {n} short"},
    "review.effect.sold_out": {"de": "ausverkauft", "en": "sold out"},
    "review.effect.exact": {"de": "genau alles verkauft", "en": "exactly all sold"},
    "review.summary.lines": {
        "de": (
            "{decided} entschiedene Zeilen: {accepted} Vorschläge übernommen, {overrides} "
            "geändert, {no_sales} noch ohne Verkaufszahlen."
        ),
        "en": (
            "{decided} decided lines: {accepted} suggestions accepted, {overrides} changed, "
            "{no_sales} without sales figures yet."
        ),
    },
    "review.summary.closer": {
        "de": (
            "Bei den {overrides} Änderungen lagen Sie {owner}-mal näher am Verkauf, der Vorschlag "
            "{suggestion}-mal; {equal}-mal gleich, {open}-mal offen."
        ),
        "en": (
            "Of the {overrides} changes, your number was closer to the sales {owner} times, the "
            "suggestion {suggestion} times; {equal} times the same, {open} times open."
        ),
    },
    "review.summary.leftover_fewer": {
        "de": "Ihre Änderungen brachten {n} Stück weniger Reste",
        "en": "Your changes left {n} fewer units over",
    },
    "review.summary.leftover_more": {
        "de": "Ihre Änderungen brachten {n} Stück mehr Reste",
        "en": "Your changes left {n} more units over",
    },
    "review.summary.leftover_same": {
        "de": "Ihre Änderungen brachten gleich viele Reste",
        "en": "Your changes left as many units over",
    },
    "review.summary.sellout_more": {
        "de": " und {n} mehr ausverkauft.",
        "en": " and sold out on {n} more.",
    },
    "review.summary.sellout_fewer": {
        "de": " und {n} weniger ausverkauft.",
        "en": " and sold out on {n} fewer.",
    },
    "review.summary.sellout_same": {
        "de": " und gleich oft ausverkauft.",
        "en": " and sold out as often.",
    },
    "review.days.one": {"de": "1 Tag", "en": "1 day"},
    "review.days.many": {"de": "{n} Tage", "en": "{n} days"},
    "review.summary.unknown": {
        "de": "{n} Änderungen an ausverkauften Tagen lassen sich dabei nicht zählen.",
        "en": "{n} changes on sold-out days cannot be counted there.",
    },
    "review.summary.unknown_one": {
        "de": "1 Änderung an einem ausverkauften Tag lässt sich dabei nicht zählen.",
        "en": "1 change on a sold-out day cannot be counted there.",
    },
    "review.note": {
        "de": (
            "Ausverkauft: die Nachfrage war mindestens so hoch wie der Verkauf. Dort heißt es "
            "„mind. … zu wenig“, und wer näher lag, steht nur fest, wenn die Mitte zwischen Ihrer "
            "Menge und dem Vorschlag unter dem Verkauf lag (dann die größere Menge), sonst „offen“."
        ),
        "en": (
            "Sold out: demand was at least the sales. There it says “at least … short”, and "
            "which number was closer is only certain when the midpoint between your quantity and "
            "the suggestion lies below the sales (then the larger one), else “open”."
        ),
    },
    "demo.bad_kind": {
        "de": "Unbekannte Demo-Art „{kind}“ (möglich: bakery, deli).",
        "en": "Unknown demo kind “{kind}” (choose bakery or deli).",
    },
    # -- failure.*: errors of the file system and the database (issue 14) ---------------------
    "failure.busy": {
        "de": (
            "Eine andere Bestellkompass-Anwendung schreibt gerade in diese Laden-Datei; bitte "
            "gleich noch einmal versuchen."
        ),
        "en": (
            "Another Bestellkompass program is writing to this shop file right now; please try "
            "again in a moment."
        ),
    },
    "failure.read_only": {
        "de": (
            "Die Laden-Datei {path} ist schreibgeschützt, deshalb wurde nichts gespeichert; bitte "
            "den Schreibschutz aufheben (Eigenschaften der Datei) und es noch einmal versuchen."
        ),
        "en": (
            "The shop file {path} is read-only, so nothing was saved; please remove the "
            "write protection (the file's properties) and try again."
        ),
    },
    "failure.folder_read_only": {
        "de": (
            "Im Ordner {folder} darf Bestellkompass nicht schreiben, deshalb lässt sich die "
            "Laden-Datei dort nicht öffnen oder speichern; bitte die Datei in einen Ordner "
            "kopieren, in dem Sie schreiben dürfen (z. B. Dokumente), und dort öffnen."
        ),
        "en": (
            "Bestellkompass may not write in the folder {folder}, so the shop file cannot be "
            "opened or saved there; please copy the file to a folder you may write in (e.g. "
            "Documents) and open it there."
        ),
    },
    "failure.read_only_drive": {
        "de": (
            "Das Laufwerk von {path} ist schreibgeschützt; bitte einen anderen Ort wählen oder "
            "den Schreibschutz (z. B. am USB-Stick) aufheben."
        ),
        "en": (
            "The drive of {path} is write-protected; please choose another place or remove the "
            "write protection (e.g. on the USB stick)."
        ),
    },
    "failure.moved": {
        "de": (
            "Die Laden-Datei {path} wurde verschoben oder gelöscht, während Bestellkompass sie "
            "offen hatte, deshalb wurde nichts gespeichert; bitte die Datei an ihrem neuen Ort "
            "wieder öffnen."
        ),
        "en": (
            "The shop file {path} was moved or deleted while Bestellkompass had it open, so "
            "nothing was saved; please open the file again where it is now."
        ),
    },
    "failure.disk_full": {
        "de": (
            "Der Datenträger ist voll; bitte Platz schaffen (z. B. alte Dateien löschen) und es "
            "noch einmal versuchen."
        ),
        "en": "The disk is full; please make room (e.g. delete old files) and try again.",
    },
    "failure.damaged": {
        "de": (
            "Die Laden-Datei {path} ist beschädigt; bitte eine Sicherung wiederherstellen "
            "(„bestellkompass backup list“ zeigt sie, in der App: Datei > Sicherung "
            "wiederherstellen…)."
        ),
        "en": (
            "The shop file {path} is damaged; please restore a backup (“bestellkompass backup "
            "list” shows them; in the app: File > Restore backup…)."
        ),
    },
    "failure.no_shop_row": {
        "de": (
            "In der Laden-Datei {path} fehlen die Angaben zum Laden selbst (Name, Bundesland); "
            "bitte eine Sicherung wiederherstellen (Datei > Sicherung wiederherstellen…, "
            "„bestellkompass backup list“)."
        ),
        "en": (
            "The shop file {path} lacks the shop's own details (name, state); please restore a "
            "backup (File > Restore backup…, “bestellkompass backup list”)."
        ),
    },
    "failure.cannot_open": {
        "de": (
            "Die Laden-Datei {path} lässt sich nicht öffnen; bitte prüfen, ob das Laufwerk "
            "(z. B. USB-Stick oder Netzlaufwerk) noch verbunden ist, und es noch einmal versuchen."
        ),
        "en": (
            "The shop file {path} cannot be opened; please check that its drive (e.g. a USB "
            "stick or network drive) is still connected, and try again."
        ),
    },
    "failure.io": {
        "de": (
            "Beim Lesen oder Schreiben von {path} meldet der Datenträger einen Fehler; bitte "
            "prüfen, ob das Laufwerk noch verbunden ist, und es noch einmal versuchen."
        ),
        "en": (
            "The disk reports an error reading or writing {path}; please check that the drive "
            "is still connected, and try again."
        ),
    },
    "failure.memory": {
        "de": (
            "Der Arbeitsspeicher reicht dafür nicht; bitte andere Programme schließen und es "
            "noch einmal versuchen."
        ),
        "en": "There is not enough memory for this; please close other programs and try again.",
    },
    "failure.permission": {
        "de": (
            "Bestellkompass darf {path} nicht öffnen oder schreiben; ist die Datei vielleicht in "
            "einem anderen Programm (z. B. Excel) geöffnet? Bitte dort schließen oder einen "
            "anderen Ort wählen."
        ),
        "en": (
            "Bestellkompass may not open or write {path}; is the file open in another program "
            "(e.g. Excel)? Please close it there or choose another place."
        ),
    },
    "failure.not_found": {
        "de": "{path} gibt es nicht (mehr); bitte den Ort prüfen oder einen anderen wählen.",
        "en": "{path} does not exist (any more); please check the place or choose another.",
    },
    "failure.is_folder": {
        "de": "{path} ist ein Ordner; bitte einen Dateinamen angeben.",
        "en": "{path} is a folder; please give a file name.",
    },
    "failure.bad_name": {
        "de": (
            "„{path}“ ist als Dateiname nicht möglich (zu lang oder mit Zeichen wie : * ? \" < > "
            "|); bitte einen anderen Namen wählen."
        ),
        "en": (
            "“{path}” cannot be used as a file name (too long, or characters such as : * ? \" < "
            "> |); please choose another name."
        ),
    },
    "failure.os": {
        "de": (
            "Auf {path} lässt sich nicht zugreifen ({reason}); bitte den Ort prüfen und es noch "
            "einmal versuchen."
        ),
        "en": "{path} cannot be accessed ({reason}); please check the place and try again.",
    },
    "failure.unexpected": {
        "de": (
            "Ein unerwarteter Fehler ist aufgetreten ({error}); die Einzelheiten stehen im "
            "Protokoll {log}, bitte es beim Melden des Fehlers mitschicken."
        ),
        "en": (
            "An unexpected error occurred ({error}); the details are in the log {log}, please "
            "send it along when you report the error."
        ),
    },
    # -- operations (issue 16): what the window and the command line are refused alike ------
    "settings.unknown_supplier": {
        "de": "Keinen Lieferanten „{name}“ gefunden. Bekannt aus den Produkten: {known}.",
        "en": "No supplier “{name}” found. Known from the products: {known}.",
    },
    "settings.bad_supplier_columns": {
        "de": "„{value}“ ist keine Spaltenfolge. Möglich sind, durch Komma getrennt und jede "
              "höchstens einmal: {choices}.",
        "en": "“{value}” is not a column order. Possible, separated by commas and each at most "
              "once: {choices}.",
    },
    "settings.supplier_changed": {
        "de": "Lieferant „{name}“ gespeichert: Kundennummer {number}, Spalten {columns}.",
        "en": "Supplier “{name}” saved: customer number {number}, columns {columns}.",
    },
    "order.whole_pieces": {
        "de": "„{name}“ wird in {unit} gezählt: {value} geht nicht, bitte eine ganze Zahl angeben.",
        "en": "“{name}” is counted in {unit}: {value} is not possible, please give a whole number.",
    },
    "order.too_precise": {
        "de": "„{name}“ wird in {unit} bestellt: {value} hat zu viele Nachkommastellen "
              "(höchstens {decimals}).",
        "en": "“{name}” is ordered in {unit}: {value} has too many decimals (at most {decimals}).",
    },
    "order.reason_needed": {
        "de": "„{name}“ weicht vom Vorschlag ab: bitte einen Grund angeben.",
        "en": "“{name}” differs from the suggestion: please give a reason.",
    },
    "settings.out_of_range": {
        "de": "„{value}“ passt nicht für {field}: erlaubt ist {low} bis {high}.",
        "en": "“{value}” does not fit {field}: allowed is {low} to {high}.",
    },
    "settings.bad_postal_code_value": {
        "de": "„{value}“ ist keine Postleitzahl (fünf Ziffern, z. B. 24103).",
        "en": "“{value}” is not a German postal code (five digits, e.g. 24103).",
    },
    "event.bad_name": {
        "de": "„{name}“ geht nicht als Name eines Ereignisses (leer, zu lang oder mit Steuerzeichen).",
        "en": "“{name}” cannot be the name of an event (empty, too long or with control characters).",
    },
    "event.bad_kind": {
        "de": "Ereignisart „{kind}“ unbekannt (möglich: {kinds}).",
        "en": "Unknown kind of event “{kind}” (possible: {kinds}).",
    },
    "event.ends_before_start": {
        "de": "„{name}“ endet ({end}) vor seinem Beginn ({start}).",
        "en": "“{name}” ends ({end}) before it starts ({start}).",
    },
    "event.product_only_promotion": {
        "de": "„{name}“: nur eine eigene Aktion kann für ein einzelnes Produkt gelten.",
        "en": "“{name}”: only an own promotion can be for a single product.",
    },
    "event.unknown_id": {
        "de": "Ein Ereignis mit der Nummer {id} gibt es nicht.",
        "en": "There is no event with the number {id}.",
    },
    "weather.no_location": {
        "de": (
            "Für den Wetterbericht fehlt der Standort des Ladens (Postleitzahl oder Breite/Länge in "
            "den Einstellungen). Das Wetter lässt sich auch von Hand eintragen."
        ),
        "en": (
            "The weather forecast needs the shop's location (postal code or latitude/longitude in "
            "the settings). The weather can also be typed in by hand."
        ),
    },
    # -- settings.*: `bestellkompass settings` (app/commands/settings.py) ----------------------
    "settings.bad_number": {
        "de": "{option}: „{value}“ ist keine Zahl zwischen {low} und {high}.",
        "en": "{option}: “{value}” is not a number between {low} and {high}.",
    },
    "settings.bad_whole_number": {
        "de": "{option}: „{value}“ ist keine ganze Zahl zwischen {low} und {high}.",
        "en": "{option}: “{value}” is not a whole number between {low} and {high}.",
    },
    "settings.bad_postal_code": {
        "de": "„{value}“ ist keine Postleitzahl (fünf Ziffern, z. B. 50667).",
        "en": "“{value}” is not a postal code (five digits, e.g. 50667).",
    },
    "settings.bad_weekdays": {
        "de": "„{value}“ sind keine Wochentage (z. B. Mo,Di,Mi,Do,Fr,Sa oder Mo-Sa).",
        "en": "“{value}” are not weekdays (e.g. Mon,Tue,Wed,Thu,Fri,Sat or Mon-Sat).",
    },
    "settings.unknown_holiday": {
        "de": "„{name}“ ist kein Feiertag in {state}. Feiertage: {known}.",
        "en": "“{name}” is not a public holiday in {state}. Public holidays: {known}.",
    },
    "settings.bad_language": {
        "de": "„{value}“ ist keine Sprache der App (möglich: de, en).",
        "en": "“{value}” is not a language of the app (choose de or en).",
    },
    "settings.empty_name": {
        "de": "Der Name des Ladens darf nicht leer sein.",
        "en": "The shop name must not be empty.",
    },
    "settings.bad_service_level": {
        "de": "„{value}“ ist kein Servicegrad (möglich: {choices} oder ein Prozentwert "
        "von {low} bis {high}).",
        "en": "“{value}” is not a service level (choose {choices} or a percentage from {low} "
        "to {high}).",
    },
    "settings.bad_category_setting": {
        "de": "„{value}“ ist kein Servicegrad für Warengruppen (möglich: {choices}).",
        "en": "“{value}” is not a service setting for categories (choose {choices}).",
    },
    "settings.unknown_category": {
        "de": "Die Warengruppe „{name}“ gibt es in diesem Laden nicht (vorhanden: {known}).",
        "en": "There is no category “{name}” in this shop (there are: {known}).",
    },
    "settings.not_closing_day": {
        "de": "Der {date} ist kein geplanter Schließtag; nichts geändert.",
        "en": "{date} is not a planned closing day; nothing changed.",
    },
    "settings.bad_salary_days": {
        "de": "„{value}“ sind keine Gehaltstage (möglich: last, 1, 15, durch Kommas getrennt, "
        "oder none).",
        "en": "“{value}” are not salary days (choose last, 1, 15, separated by commas, or none).",
    },
    "settings.bad_choice": {
        "de": "{option}: „{value}“ ist nicht möglich (möglich: {choices}).",
        "en": "{option}: “{value}” is not possible (choose {choices}).",
    },
    "settings.state_from_postal_code": {
        "de": "Bundesland {state} aus der Postleitzahl {postal_code} übernommen – bitte prüfen.",
        "en": "State {state} taken from the postal code {postal_code} – please check.",
    },
    "settings.saved": {"de": "Gespeichert.", "en": "Saved."},
    "settings.unchanged": {"de": "Nichts geändert.", "en": "Nothing changed."},
    "settings.closing_day_set": {
        "de": "Schließtag {date} eingetragen.",
        "en": "Closing day {date} set.",
    },
    "settings.closing_day_removed": {
        "de": "Schließtag {date} entfernt.",
        "en": "Closing day {date} removed.",
    },
    "settings.show.shop": {"de": "Laden", "en": "Shop"},
    "settings.show.name": {"de": "Name", "en": "Name"},
    "settings.show.state": {"de": "Bundesland", "en": "State"},
    "settings.show.postal_code": {"de": "Postleitzahl", "en": "Postal code"},
    "settings.show.opening_days": {"de": "Öffnungstage", "en": "Opening days"},
    "settings.show.open_on_holidays": {
        "de": "An Feiertagen geöffnet",
        "en": "Open on public holidays",
    },
    "settings.show.holiday_exceptions": {
        "de": "Feiertage, an denen es anders ist",
        "en": "Public holidays that differ",
    },
    "settings.show.location": {"de": "Lage (Breite, Länge)", "en": "Location (latitude, longitude)"},
    "settings.show.language": {"de": "Sprache", "en": "Language"},
    "settings.show.closing_days": {"de": "Schließtage", "en": "Closing days"},
    "settings.show.calendar": {"de": "Kalender", "en": "Calendar"},
    "settings.show.salary_days": {"de": "Gehaltstage", "en": "Salary days"},
    "settings.show.salary.last": {"de": "letzter Bankarbeitstag", "en": "last banking day"},
    "settings.show.salary.day": {"de": "am {day}.", "en": "day {day} of the month"},
    "settings.show.pensions": {"de": "Zahltag Renten", "en": "Pension payday"},
    "settings.show.buergergeld": {"de": "Zahltag Bürgergeld", "en": "Bürgergeld payday"},
    "settings.show.kindergeld": {"de": "Zahltage Kindergeld", "en": "Kindergeld paydays"},
    "settings.show.ramadan": {"de": "Ramadan beachten", "en": "Observe Ramadan"},
    "settings.show.carnival": {"de": "Karnevalsregion", "en": "Carnival region"},
    "settings.show.catholic": {"de": "Katholische Region", "en": "Catholic region"},
    "settings.show.typical_weather": {
        "de": "Fehlendes Wetter mit typischen Werten füllen",
        "en": "Fill missing weather with typical values",
    },
    "settings.show.categories": {
        "de": "Servicegrad je Warengruppe",
        "en": "Service level per category",
    },
    "settings.show.products": {"de": "Produkte", "en": "Products"},
    "settings.show.none": {"de": "keine", "en": "none"},
    "settings.show.unknown": {"de": "unbekannt", "en": "unknown"},
    "settings.show.yes": {"de": "ja", "en": "yes"},
    "settings.show.no": {"de": "nein", "en": "no"},
    "settings.show.auto": {"de": "nach Bundesland ({value})", "en": "by state ({value})"},
    "settings.col.product": {"de": "Produkt", "en": "Product"},
    "settings.col.category": {"de": "Warengruppe", "en": "Category"},
    "settings.col.unit": {"de": "Einheit", "en": "Unit"},
    "settings.col.price": {"de": "Preis €", "en": "Price €"},
    "settings.col.unit_cost": {"de": "Kosten €", "en": "Cost €"},
    "settings.col.salvage": {"de": "Restwert €", "en": "Unsold €"},
    "settings.col.pack_size": {"de": "Packungsgröße", "en": "Pack size"},
    "settings.col.min_order": {"de": "Mindestm.", "en": "Min. order"},
    "settings.col.shelf_life": {"de": "Haltbar (T)", "en": "Shelf (d)"},
    "settings.col.lead_time": {"de": "Vorlauf (T)", "en": "Lead (d)"},
    "settings.col.supplier": {"de": "Lieferant / Bereich", "en": "Supplier / area"},
    "settings.col.service": {"de": "Servicegrad", "en": "Service level"},
    "settings.col.active": {"de": "aktiv", "en": "active"},
    # -- policy.*: order suggestions and their reasons (forecasting/policy/explain_text.py) ------
    "policy.weekday.0": {"de": "Montag", "en": "Monday"},
    "policy.weekday.1": {"de": "Dienstag", "en": "Tuesday"},
    "policy.weekday.2": {"de": "Mittwoch", "en": "Wednesday"},
    "policy.weekday.3": {"de": "Donnerstag", "en": "Thursday"},
    "policy.weekday.4": {"de": "Freitag", "en": "Friday"},
    "policy.weekday.5": {"de": "Samstag", "en": "Saturday"},
    "policy.weekday.6": {"de": "Sonntag", "en": "Sunday"},
    "policy.step.baseline": {"de": "üblich", "en": "usual"},
    "policy.step.baseline_weekday": {"de": "üblich am {weekday}", "en": "usual on a {weekday}"},
    "policy.step.baseline_days": {
        "de": "üblich für {days} Verkaufstage",
        "en": "usual for {days} sales days",
    },
    "policy.step.weekday": {"de": "{weekday}", "en": "{weekday}"},
    "policy.step.weekdays": {"de": "Wochentage", "en": "weekdays"},
    "policy.step.season": {"de": "Jahreszeit", "en": "time of year"},
    "policy.step.holiday": {"de": "Feiertag", "en": "public holiday"},
    "policy.step.school_holiday": {"de": "Schulferien", "en": "school holidays"},
    "policy.step.payday": {"de": "Zahltag", "en": "payday"},
    "policy.step.weather_temperature": {"de": "Temperatur", "en": "temperature"},
    "policy.step.weather_warm": {"de": "warm ({value} °C)", "en": "warm ({value} °C)"},
    "policy.step.weather_cold": {"de": "kalt ({value} °C)", "en": "cold ({value} °C)"},
    "policy.step.weather_mild": {"de": "mild ({value} °C)", "en": "mild ({value} °C)"},
    "policy.step.weather_rain": {"de": "Regen", "en": "rain"},
    "policy.step.weather_wet": {"de": "Regen ({value} mm)", "en": "rain ({value} mm)"},
    "policy.step.weather_dry": {"de": "trocken", "en": "dry"},
    "policy.step.weather_sunshine": {"de": "Sonne", "en": "sunshine"},
    "policy.step.weather_typical": {
        "de": "typisches Wetter angenommen",
        "en": "typical weather assumed",
    },
    "policy.step.weather_assumed": {
        "de": "{label}, typisches Wetter angenommen",
        "en": "{label}, typical weather assumed",
    },
    "policy.step.weather_sunny": {"de": "sonnig", "en": "sunny"},
    "policy.step.weather_cloudy": {"de": "wenig Sonne", "en": "little sun"},
    "policy.step.event": {"de": "Ereignis", "en": "local event"},
    "policy.step.no_event": {"de": "kein Ereignis", "en": "no local event"},
    "policy.step.no_holiday": {"de": "kein Feiertag", "en": "no public holiday"},
    "policy.step.no_school_holiday": {"de": "keine Schulferien", "en": "no school holidays"},
    "policy.step.no_payday": {"de": "kein Zahltag", "en": "no payday"},
    "policy.step.no_special_day": {"de": "kein besonderer Tag", "en": "no special day"},
    "policy.step.special_day": {"de": "besonderer Tag", "en": "special day"},
    "policy.step.recent_up": {"de": "zuletzt mehr verkauft", "en": "selling more lately"},
    "policy.step.recent_down": {"de": "zuletzt weniger verkauft", "en": "selling less lately"},
    "policy.step.sellouts": {"de": "zuletzt ausverkauft", "en": "sold out lately"},
    "policy.step.sellouts_1": {
        "de": "letzte Woche einmal ausverkauft",
        "en": "sold out once last week",
    },
    "policy.step.sellouts_2": {
        "de": "letzte Woche zweimal ausverkauft",
        "en": "sold out twice last week",
    },
    "policy.step.sellouts_n": {
        "de": "letzte Woche {count}-mal ausverkauft",
        "en": "sold out {count} times last week",
    },
    "policy.step.promotion": {"de": "Aktion", "en": "promotion"},
    "policy.step.other": {"de": "Sonstiges", "en": "other"},
    "policy.reason.as_the_day": {"de": "wie der ganze Tag", "en": "as the whole day"},
    "policy.day_reason": {"de": "{label} (insgesamt {percent} %)",
                          "en": "{label} ({percent} % overall)"},
    "policy.day_reasons": {"de": "Für den ganzen Tag: {reasons}",
                           "en": "For the whole day: {reasons}"},
    "policy.step.safety": {"de": "Servicegrad {level} %", "en": "service level {level} %"},
    "policy.step.safety_days": {"de": "damit es an {enough} von {days} Tagen reicht",
                                "en": "enough on {enough} of {days} days"},
    "policy.risk_words": {"de": "reicht an {enough} von {days} Tagen, meist {low}–{high} übrig",
                          "en": "enough on {enough} of {days} days, mostly {low}–{high} left"},
    "policy.step.rounding": {"de": "auf ganze {unit} gerundet", "en": "rounded to whole units"},
    "policy.step.rounding_tray": {"de": "auf Blech zu {pack}", "en": "to trays of {pack}"},
    "policy.step.rounding_pack": {"de": "auf Packung zu {pack}", "en": "to packs of {pack}"},
    "policy.step.min_order": {"de": "Mindestmenge {min}", "en": "minimum order {min}"},
    "policy.step.below_min_order": {
        "de": "unter Mindestmenge {min}: nichts",
        "en": "below minimum order {min}: none",
    },
    "policy.step.stock_on_hand": {"de": "noch da", "en": "in stock"},
    "policy.step.on_order": {"de": "schon bestellt", "en": "already ordered"},
    "policy.step.spoilage": {"de": "verdirbt vorher", "en": "will spoil first"},
    "policy.step.stock_covers": {"de": "Vorrat reicht", "en": "stock is enough"},
    "policy.reason.usual": {"de": "wie üblich", "en": "as usual"},
    "policy.total.forecast": {"de": "Prognose", "en": "forecast"},
    "policy.total.suggestion": {"de": "Vorschlag", "en": "suggestion"},
    "policy.status.closed": {"de": "geschlossen", "en": "closed"},
    "policy.status.not_sold_weekday": {
        "de": "an diesem Wochentag nicht im Verkauf",
        "en": "not sold on this weekday",
    },
    "policy.status.no_delivery": {
        "de": "heute keine Bestellung (nächste Lieferung {date})",
        "en": "no order today (next delivery {date})",
    },
    "policy.status.not_sold": {"de": "nicht im Sortiment", "en": "not on sale"},
    "policy.status.no_history": {
        "de": "noch keine Verkaufszahlen – bitte selbst schätzen",
        "en": "no sales yet – please estimate yourself",
    },
    "policy.note.stock_unrecorded": {
        "plural_by": "days",
        "de": (
            "Bestand gezählt am {date}; von {days} Verkaufstag seitdem fehlen die Zahlen, "
            "sie sind nicht abgezogen: der Vorschlag ist eher zu niedrig",
            "Bestand gezählt am {date}; von {days} Verkaufstagen seitdem fehlen die Zahlen, "
            "sie sind nicht abgezogen: der Vorschlag ist eher zu niedrig",
        ),
        "en": (
            "Stock counted on {date}; the sales of {days} day since are missing and not "
            "taken off: the suggestion is rather too low",
            "Stock counted on {date}; the sales of {days} days since are missing and not "
            "taken off: the suggestion is rather too low",
        ),
    },
    "policy.note.thin_history": {
        "de": "Erst {days} Tage Verkaufszahlen: der Vorschlag ist noch unsicher.",
        "en": "Only {days} days of sales so far: the suggestion is still uncertain.",
    },
    "policy.note.borrowed_from": {
        "de": "Er stützt sich vor allem auf ähnliche Produkte der Gruppe „{category}“.",
        "en": "It rests mainly on similar products of the group “{category}”.",
    },
    "policy.note.borrowed_shop": {
        "de": "Er stützt sich vor allem auf ähnliche Produkte des Ladens.",
        "en": "It rests mainly on similar products of the shop.",
    },
    "policy.note.own_average": {
        "de": "Er stützt sich auf den Durchschnitt der bisherigen Tage.",
        "en": "It rests on the average of the days so far.",
    },
    "policy.setting.auto": {"de": "nach Preis und Kosten", "en": "from price and cost"},
    "policy.setting.sellout_ok": {
        "de": "lieber ausverkauft als Reste",
        "en": "rather sold out than leftovers",
    },
    "policy.setting.few_leftovers": {"de": "eher wenig Reste", "en": "few leftovers"},
    "policy.setting.balanced": {"de": "ausgewogen", "en": "balanced"},
    "policy.setting.rarely_sold_out": {"de": "selten ausverkauft", "en": "rarely sold out"},
    "policy.setting.never_sold_out": {"de": "nie ausverkauft", "en": "never sold out"},
    "policy.title": {
        "de": "Bestellvorschlag für {weekday}, {date}",
        "en": "Order suggestions for {weekday}, {date}",
    },
    "policy.stale_sales": {
        "de": "Achtung: die letzten Verkaufszahlen sind vom {date}; {days} Verkaufstage danach "
              "fehlen. Die Vorschläge kennen diese Tage nicht – bitte zuerst die neuen "
              "Verkaufszahlen importieren.",
        "en": "Note: the latest sales are from {date}; {days} sales days since then are missing. "
              "The suggestions do not know those days – please import the new sales first.",
    },
    "policy.closed_day": {
        "de": "Am {date} ist geschlossen ({reason}): nichts bestellen.",
        "en": "Closed on {date} ({reason}): nothing to order.",
    },
    "policy.col.product": {"de": "Produkt", "en": "Product"},
    "policy.col.forecast": {"de": "Prognose", "en": "Forecast"},
    "policy.col.suggestion": {"de": "Vorschlag", "en": "Suggestion"},
    "policy.col.unit": {"de": "Einheit", "en": "Unit"},
    "policy.col.sellout": {"de": "ausverkauft", "en": "Sell-out"},
    "policy.col.leftover": {"de": "Reste", "en": "Leftover"},
    "policy.col.margin": {"de": "Marge €", "en": "margin €"},
    "policy.col.reasons": {"de": "Gründe", "en": "Reasons"},
    "policy.group.none": {"de": "ohne Lieferant", "en": "no supplier"},
    "policy.no_products": {
        "de": "Keine Produkte im Laden – erst Verkäufe importieren.",
        "en": "No products in the shop – import sales first.",
    },
    "policy.stale": {
        "de": "Gespeichert für Datenstand {version}.",
        "en": "Saved for data version {version}.",
    },
    # -- import (issue 3): forecasting/importing ---------------------------------------------
    "import.file_not_found": {
        "de": "Die Datei {file} gibt es nicht.",
        "en": "The file {file} does not exist.",
    },
    "import.empty": {
        "de": "{file} enthält keine Daten.",
        "en": "{file} contains no data.",
    },
    "import.not_a_table": {
        "de": "{file} lässt sich nicht als Tabelle (CSV/Text oder Excel) lesen ({detail}).",
        "en": "{file} cannot be read as a table (CSV/text or Excel) ({detail}).",
    },
    "import.unreadable": {
        "de": "{file} lässt sich nicht lesen ({detail}).",
        "en": "{file} cannot be read ({detail}).",
    },
    "import.bad_mapping": {
        "de": "Die Zuordnung {file} ist fehlerhaft: {detail}",
        "en": "The mapping {file} is not valid: {detail}",
    },
    "import.bad_encoding": {
        "de": "{file}, Zeile {row}: Die Datei ist nicht in der Kodierung {encoding} geschrieben. "
        "Bitte in der Zuordnung eine andere Kodierung wählen (z. B. cp1252).",
        "en": "{file}, row {row}: the file is not written in the {encoding} encoding. Please "
        "choose another encoding in the mapping (e.g. cp1252).",
    },
    "import.bad_csv": {
        "de": "{file}, Zeile {row}: Die Zeile lässt sich nicht lesen ({detail}).",
        "en": "{file}, row {row}: the row cannot be read ({detail}).",
    },
    "import.xlsx_unreadable": {
        "de": "{file} lässt sich nicht als Excel-Datei (.xlsx/.xls) öffnen.",
        "en": "{file} cannot be opened as an Excel workbook (.xlsx/.xls).",
    },
    "import.other_spreadsheet": {
        "de": "{file} ist eine OpenDocument- oder Numbers-Tabelle. Bitte in LibreOffice bzw. "
        "Numbers als Excel-Datei (.xlsx) oder als CSV speichern und diese Datei importieren.",
        "en": "{file} is an OpenDocument or Numbers spreadsheet. Please save it as an Excel "
        "file (.xlsx) or as CSV in LibreOffice or Numbers and import that.",
    },
    "import.xlsx_sheet": {
        "de": "{file} hat kein Blatt „{sheet}“ (vorhanden: {sheets}).",
        "en": "{file} has no sheet “{sheet}” (there are: {sheets}).",
    },
    "import.unknown_column": {
        "de": "{file} hat keine Spalte „{column}“ (vorhanden: {columns}).",
        "en": "{file} has no column “{column}” (there are: {columns}).",
    },
    "import.no_date_column": {
        "de": "In {file} wurde keine Datumsspalte gefunden; bitte in der Zuordnung "
        "„date_column“ angeben.",
        "en": "No date column was found in {file}; please set “date_column” in the mapping.",
    },
    "import.no_quantity_column": {
        "de": "In {file} wurde keine Mengenspalte gefunden; bitte in der Zuordnung angeben "
        "(„quantity_column“ oder bei Tabellen mit einer Spalte je Produkt „product_columns“).",
        "en": "No quantity column was found in {file}; please set “quantity_column” in the "
        "mapping (or “product_columns” for a table with one column per product).",
    },
    "import.need_start_date": {
        "de": "{file} hat keine Datumsspalte. Bitte in der Zuordnung „start_date“ (Datum der "
        "ersten Datenzeile, z. B. 2016-01-02) angeben; jede weitere Zeile ist der nächste Tag.",
        "en": "{file} has no date column. Please set “start_date” in the mapping (the date of "
        "the first data row, e.g. 2016-01-02); every following row is the next day.",
    },
    "import.ambiguous_dates": {
        "de": "{file}, Spalte „{column}“: Bei Daten wie {value} (Zeile {row}) ist unklar, ob "
        "zuerst der Tag oder der Monat steht. Bitte mit --date-order DMY (Tag/Monat) oder MDY "
        "(Monat/Tag) festlegen.",
        "en": "{file}, column “{column}”: for dates like {value} (row {row}) it is unclear "
        "whether the day or the month comes first. Please choose --date-order DMY (day/month) "
        "or MDY (month/day).",
    },
    "import.mixed_date_orders": {
        "de": "{file}, Spalte „{column}“: Die Daten mischen Tag/Monat ({value_a}, Zeile {row_a}) "
        "und Monat/Tag ({value_b}, Zeile {row_b}). Bitte die Datei prüfen.",
        "en": "{file}, column “{column}”: the dates mix day/month ({value_a}, row {row_a}) and "
        "month/day ({value_b}, row {row_b}). Please check the file.",
    },
    "import.invalid_date": {
        "de": "{file}, Zeile {row}, Spalte „{column}“: {value} ist in der gewählten Reihenfolge "
        "kein gültiges Datum.",
        "en": "{file}, row {row}, column “{column}”: {value} is not a valid date in the chosen "
        "order.",
    },
    "import.several_branches": {
        "de": "{file} enthält mehrere Filialen (Spalte „{column}“: {branches}). Bitte eine mit "
        "--branch wählen.",
        "en": "{file} holds several branches (column “{column}”: {branches}). Please choose one "
        "with --branch.",
    },
    "import.unknown_branch": {
        "de": "{file} enthält keine Filiale „{branch}“ (vorhanden: {branches}).",
        "en": "{file} has no branch “{branch}” (there are: {branches}).",
    },
    "import.rejected_rows": {
        "de": ("{file}: {count} Zeile abgelehnt, z. B. Zeile {row}, Spalte „{column}“: "
               "{reason_de} („{value}“). Nichts wurde importiert. Datei korrigieren oder mit "
               "--accept-rejects ohne diese Zeile importieren.",
               "{file}: {count} Zeilen abgelehnt, z. B. Zeile {row}, Spalte „{column}“: "
               "{reason_de} („{value}“). Nichts wurde importiert. Datei korrigieren oder mit "
               "--accept-rejects ohne diese Zeilen importieren."),
        "en": ("{file}: {count} row rejected, e.g. row {row}, column “{column}”: "
               "{reason_en} (“{value}”). Nothing was imported. Correct the file or import without "
               "this row using --accept-rejects.",
               "{file}: {count} rows rejected, e.g. row {row}, column “{column}”: "
               "{reason_en} (“{value}”). Nothing was imported. Correct the file or import without "
               "these rows using --accept-rejects."),
    },
    "import.conflicts": {
        "de": ("{file}: {count} Tag steht schon mit anderer Menge im Laden, z. B. {product} am "
               "{date}: im Laden {in_shop}, in der Datei {in_file}. Nichts wurde importiert. Bitte "
               "--on-conflict keep (Laden behalten) oder replace (Datei übernehmen) wählen.",
               "{file}: {count} Tage stehen schon mit anderer Menge im Laden, z. B. {product} am "
               "{date}: im Laden {in_shop}, in der Datei {in_file}. Nichts wurde importiert. Bitte "
               "--on-conflict keep (Laden behalten) oder replace (Datei übernehmen) wählen."),
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
        "de": "„{value}“ ist keine Wahl bei Konflikten (keep oder replace).",
        "en": "“{value}” is not a conflict choice (keep or replace).",
    },
    "import.nothing": {
        "de": "{file} enthält keine importierbaren Zeilen.",
        "en": "{file} contains no rows that can be imported.",
    },
    "import.not_reconciled": {
        "de": "{file}: Die Summen stimmen nach dem Einlesen nicht mit der Datei überein. Nichts "
        "wurde importiert; bitte die Datei an den Support schicken.",
        "en": "{file}: the totals after reading do not match the file. Nothing was imported; "
        "please send the file to support.",
    },
    "import.number_too_long": {
        "de": "{file} enthält Zahlen mit zu vielen Stellen, um sie exakt zu summieren.",
        "en": "{file} contains numbers with too many digits to add them up exactly.",
    },
    "import.cancelled": {
        "de": "Import abgebrochen; die Laden-Datei ist unverändert.",
        "en": "Import cancelled; the shop file is unchanged.",
    },
    "import.reason.not_a_number": {"de": "keine Zahl", "en": "not a number"},
    "import.reason.empty_quantity": {"de": "Menge fehlt", "en": "quantity missing"},
    "import.reason.not_a_date": {"de": "kein Datum", "en": "not a date"},
    "import.reason.empty_date": {"de": "Datum fehlt", "en": "date missing"},
    "import.reason.empty_product": {"de": "Produkt fehlt", "en": "product missing"},
    "import.reason.not_a_time": {"de": "keine Uhrzeit", "en": "not a time of day"},
    "import.reason.too_many_fields": {
        "de": "mehr Felder als Spalten (Trennzeichen oder Anführungszeichen prüfen)",
        "en": "more fields than columns (check separator or quotes)",
    },
    "import.report.title": {"de": "Import aus {file}", "en": "Import from {file}"},
    "import.report.rows": {
        "de": "Zeilen gelesen: {read} = importiert {imported} + abgelehnt {rejected} + Kopf "
        "{header} + leer {blank} + übergangen {other}",
        "en": "Rows read: {read} = imported {imported} + rejected {rejected} + header {header} + "
        "blank {blank} + skipped {other}",
    },
    "import.report.rejected_row": {
        "de": "Zeile {row}, Spalte „{column}“: {reason} („{value}“)",
        "en": "Row {row}, column “{column}”: {reason} (“{value}”)",
    },
    "import.report.footer_row": {
        "de": "Zeile {row}: Fußzeile übergangen („{value}“)",
        "en": "Row {row}: footer line skipped (“{value}”)",
    },
    "import.report.more": {
        "de": "... und {count} weitere (alle in --report-json)",
        "en": "... and {count} more (all in --report-json)",
    },
    "import.report.days": {
        "de": "Produkttage: neu {new}, unverändert {unchanged}, ersetzt {replaced}, behalten "
        "{kept} (Konflikte: {conflicts})",
        "en": "Product-days: new {new}, unchanged {unchanged}, replaced {replaced}, kept {kept} "
        "(conflicts: {conflicts})",
    },
    "import.report.merged": {
        "de": ("Hinweis: {count} Produkttag steht in mehreren Zeilen und wurde addiert, z. B. "
               "{product} am {date} ({rows} Zeilen).",
               "Hinweis: {count} Produkttage stehen in mehreren Zeilen und wurden addiert, z. B. "
               "{product} am {date} ({rows} Zeilen)."),
        "en": ("Note: {count} product-day appears in several rows and was added up, e.g. "
               "{product} on {date} ({rows} rows).",
               "Note: {count} product-days appear in several rows and were added up, e.g. "
               "{product} on {date} ({rows} rows)."),
    },
    "import.report.conflict": {
        "de": "Konflikt: {product} am {date}: Laden {in_shop}, Datei {in_file}",
        "en": "Conflict: {product} on {date}: shop {in_shop}, file {in_file}",
    },
    "import.report.created": {"de": "Neue Produkte: {names}", "en": "New products: {names}"},
    "import.report.totals_header": {
        "de": "Summen je Produkt (Datei / im Laden nach dem Import):",
        "en": "Totals per product (file / in the shop after the import):",
    },
    "import.report.total": {
        "de": "{product}: {in_file} / {imported} ({days} Tage)",
        "en": "{product}: {in_file} / {imported} ({days} days)",
    },
    "import.report.reconciled": {
        "de": "Jede Zeile ist zugeordnet, die Summen stimmen exakt.",
        "en": "Every row is accounted for; the totals reconcile exactly.",
    },
    "import.report.not_reconciled": {
        "de": "ACHTUNG: Zeilen oder Summen stimmen nicht überein.",
        "en": "WARNING: rows or totals do not reconcile.",
    },
    "import.report.dry_run": {
        "de": "Probelauf: nichts wurde geschrieben.",
        "en": "Dry run: nothing was written.",
    },
    "import.report.written": {
        "de": "In die Laden-Datei geschrieben.",
        "en": "Written to the shop file.",
    },
    # -- sanity.*: implausible input (issue 14) ---------------------------------------------------
    "sanity.date_outside": {
        "de": "Datum außerhalb des plausiblen Zeitraums",
        "en": "date outside the plausible range",
    },
    "sanity.quantity_too_large": {
        "de": "mehr als 10.000.000 an einem Tag",
        "en": "more than 10,000,000 in one day",
    },
    "sanity.quantity_negative": {"de": "negative Menge", "en": "negative quantity"},
    "sanity.quantity_not_finite": {"de": "keine endliche Zahl", "en": "not a finite number"},
    "sanity.name_control": {
        "de": "Name mit Steuerzeichen",
        "en": "name with control characters",
    },
    "sanity.name_bidi": {
        "de": "Name mit Zeichen, die die Schreibrichtung umkehren",
        "en": "name with characters that reverse the text direction",
    },
    "sanity.name_too_long": {
        "de": "Name länger als 200 Zeichen",
        "en": "name longer than 200 characters",
    },
    "sanity.refused_date": {
        "de": ("{file}: {count} Zeile mit unplausiblem Datum, z. B. Zeile {row}, Spalte "
               "„{column}“: {value} liegt nicht zwischen {first} und {last}. Nichts wurde "
               "importiert. Datei korrigieren, einen anderen Zeitraum mit --allow-dates VON..BIS "
               "erlauben oder mit --accept-rejects ohne diese Zeile importieren.",
               "{file}: {count} Zeilen mit unplausiblem Datum, z. B. Zeile {row}, Spalte "
               "„{column}“: {value} liegt nicht zwischen {first} und {last}. Nichts wurde "
               "importiert. Datei korrigieren, einen anderen Zeitraum mit --allow-dates VON..BIS "
               "erlauben oder mit --accept-rejects ohne diese Zeilen importieren."),
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
        "de": ("{file}: {count} Zeile mit unplausiblem Wert, z. B. Zeile {row}, Spalte "
               "„{column}“: {reason_de} („{value}“). Nichts wurde importiert. Datei korrigieren "
               "oder mit --accept-rejects ohne diese Zeile importieren.",
               "{file}: {count} Zeilen mit unplausiblen Werten, z. B. Zeile {row}, Spalte "
               "„{column}“: {reason_de} („{value}“). Nichts wurde importiert. Datei korrigieren "
               "oder mit --accept-rejects ohne diese Zeilen importieren."),
        "en": ("{file}: {count} row with an implausible value, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without this row using --accept-rejects.",
               "{file}: {count} rows with implausible values, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without these rows using --accept-rejects."),
    },
    "sanity.refused_name": {
        "de": ("{file}: {count} Zeile mit unzulässigem Namen, z. B. Zeile {row}, Spalte "
               "„{column}“: {reason_de} („{value}“). Nichts wurde importiert. Datei korrigieren "
               "oder mit --accept-rejects ohne diese Zeile importieren.",
               "{file}: {count} Zeilen mit unzulässigem Namen, z. B. Zeile {row}, Spalte "
               "„{column}“: {reason_de} („{value}“). Nichts wurde importiert. Datei korrigieren "
               "oder mit --accept-rejects ohne diese Zeilen importieren."),
        "en": ("{file}: {count} row with a name that is not allowed, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without this row using --accept-rejects.",
               "{file}: {count} rows with a name that is not allowed, e.g. row {row}, column "
               "“{column}”: {reason_en} (“{value}”). Nothing was imported. Correct the file or "
               "import without these rows using --accept-rejects."),
    },
    "sanity.day_total": {
        "de": "{file}: {product} am {date}: zusammen {total} an einem Tag, mehr als 10.000.000. "
        "Nichts wurde importiert.",
        "en": "{file}: {product} on {date}: {total} in one day, more than 10,000,000. Nothing was "
        "imported.",
    },
    "sanity.header_name": {
        "de": "{file}, Zeile {row}, Spalte „{column}“: {reason_de} („{value}“). Nichts wurde "
        "importiert.",
        "en": "{file}, row {row}, column “{column}”: {reason_en} (“{value}”). Nothing was "
        "imported.",
    },
    "sanity.mapping_name": {
        "de": "Die Zuordnung für {file} nennt in „{field}“ einen unzulässigen Namen: {reason_de} "
        "(„{value}“).",
        "en": "The mapping for {file} names a name that is not allowed in “{field}”: {reason_en} "
        "(“{value}”).",
    },
    "sanity.report_rows": {
        "de": "Davon unplausibel (Datum, Menge oder Name): {count}",
        "en": "Of these implausible (date, quantity or name): {count}",
    },
    "sanity.stock_amount": {
        "de": "„{value}“ ist mehr als 10.000.000",
        "en": "“{value}” is more than 10,000,000",
    },
    "sanity.stock_name": {
        "de": "„{value}“ ist als Name nicht zulässig (Steuerzeichen oder länger als 200 Zeichen)",
        "en": "“{value}” is not allowed as a name (control characters or longer than 200 "
        "characters)",
    },
    "policy.note.sales_outside_window": {
        "de": ("{count} Verkaufstag mit unplausiblem Datum (z. B. {date}) wird nicht "
               "verwendet; entfernen mit „bestellkompass sales remove“.",
               "{count} Verkaufstage mit unplausiblem Datum (z. B. {date}) werden nicht "
               "verwendet; entfernen mit „bestellkompass sales remove“."),
        "en": ("{count} sales day with an implausible date (e.g. {date}) is left out; remove "
               "it with “bestellkompass sales remove”.",
               "{count} sales days with an implausible date (e.g. {date}) are left out; remove "
               "them with “bestellkompass sales remove”."),
    },
    "sanity.calendar_outside": {
        "de": "Achtung: {events}, {weather} und {closing} liegen außerhalb {first} bis {last} und "
        "werden in der Prognose nicht verwendet.",
        "en": "Note: {events}, {weather} and {closing} lie outside {first} to {last} and are left "
        "out of the forecast.",
    },
    "sanity.sales_outside": {
        "de": ("Achtung: {count} Verkaufstag mit unplausiblem Datum (z. B. {date}) wird in "
               "der Prognose nicht verwendet. Entfernen mit „bestellkompass sales remove --from "
               "DATUM --to DATUM“.",
               "Achtung: {count} Verkaufstage mit unplausiblem Datum (z. B. {date}) werden in "
               "der Prognose nicht verwendet. Entfernen mit „bestellkompass sales remove --from "
               "DATUM --to DATUM“."),
        "en": ("Note: {count} sales day with an implausible date (e.g. {date}) is left out of "
               "the forecast. Remove it with “bestellkompass sales remove --from DATE --to DATE”.",
               "Note: {count} sales days with an implausible date (e.g. {date}) are left out of "
               "the forecast. Remove them with “bestellkompass sales remove --from DATE --to "
               "DATE”."),
    },
    "sanity.bad_window": {
        "de": "„{value}“ ist kein Zeitraum (erwartet z. B. 1990-01-01..2030-12-31, innerhalb "
        "1700 bis 2199).",
        "en": "“{value}” is not a date range (expected e.g. 1990-01-01..2030-12-31, within 1700 "
        "to 2199).",
    },
    "sanity.remove_needs_range": {
        "de": "Bitte mit --from und/oder --to angeben, welche Tage entfernt werden sollen.",
        "en": "Please say with --from and/or --to which days to remove.",
    },
    "sanity.remove_row": {
        "de": "  {product}  {date}  {quantity}",
        "en": "  {product}  {date}  {quantity}",
    },
    "sanity.remove_more": {
        "de": "  … und {count} weitere",
        "en": "  … and {count} more",
    },
    "sanity.removed": {
        "de": ("{count} Verkaufstag entfernt.", "{count} Verkaufstage entfernt."),
        "en": ("{count} sales day removed.", "{count} sales days removed."),
    },
    "sanity.remove_dry_run": {
        "de": ("Probelauf: {count} Verkaufstag würde entfernt; nichts wurde geändert.",
               "Probelauf: {count} Verkaufstage würden entfernt; nichts wurde geändert."),
        "en": ("Dry run: {count} sales day would be removed; nothing was changed.",
               "Dry run: {count} sales days would be removed; nothing was changed."),
    },
    "sanity.remove_nothing": {
        "de": "Keine Verkaufstage in diesem Zeitraum; nichts wurde geändert.",
        "en": "No sales days in this range; nothing was changed.",
    },
    # -- demo.*: the demo shop generator (forecasting/demo/, app/commands/demo.py) -------------
    "demo.exists": {
        "de": "{path} gibt es schon. Mit --force wird die Datei ersetzt.",
        "en": "{path} already exists. Use --force to replace it.",
    },
    "demo.written": {
        "de": "Demo-Laden ({kind}) mit Verlauf bis zum Vortag von {end} geschrieben: {path} "
        "(Zufallswert {seed}).",
        "en": "Demo shop ({kind}) with history up to the day before {end} written to {path} "
        "(seed {seed}).",
    },
    "backtest.no_file": {
        "de": "Die Datei {path} gibt es nicht.",
        "en": "The file {path} does not exist.",
    },
    "backtest.bad_sales": {
        "de": ("{path}: Spalte {columns} fehlt (erwartet: date,product,quantity).",
               "{path}: Spalten {columns} fehlen (erwartet: date,product,quantity)."),
        "en": ("{path}: column {columns} missing (expected: date,product,quantity).",
               "{path}: columns {columns} missing (expected: date,product,quantity)."),
    },
    "backtest.bad_value": {
        "de": "{path}, Zeile {row}: „{value}“ in Spalte {column} ist kein gültiger Wert.",
        "en": "{path}, row {row}: “{value}” in column {column} is not a valid value.",
    },
    "backtest.no_data": {
        "de": "Vor dem {start} gibt es keine Verkaufszahlen; der Backtest braucht Vorgeschichte.",
        "en": "There are no sales before {start}; the backtest needs history.",
    },
    # forecasting/models/occasions.py: the explanation group of "same occasion last time"
    "forecast.train": {"de": "Modelle werden trainiert …", "en": "Training the models …"},
    "forecast.read": {"de": "Verkaufszahlen werden gelesen …", "en": "Reading the sales …"},
    "forecast.models": {"de": "Prognosen werden berechnet …", "en": "Computing the forecasts …"},
    "forecast.done": {"de": "Prognosen fertig", "en": "Forecasts ready"},
    "forecast.features": {"de": "Merkmale werden berechnet …", "en": "Computing the features …"},
    "forecast.lightgbm": {"de": "LightGBM wird trainiert …", "en": "Training LightGBM …"},
    "forecast.ets": {"de": "ETS wird je Artikel geschätzt …",
                     "en": "Fitting ETS per product …"},
    "forecast.calibrate": {"de": "Prognosebänder werden kalibriert …",
                           "en": "Calibrating the forecast ranges …"},
    "import.read": {"de": "Datei wird gelesen …", "en": "Reading the file …"},
    "import.check": {"de": "Daten werden geprüft …", "en": "Checking the data …"},
    "import.write": {"de": "Daten werden gespeichert …", "en": "Saving the data …"},
    "import.done": {"de": "Import fertig", "en": "Import done"},
    "policy.step.occasion": {"de": "gleicher Anlass zuletzt", "en": "same occasion last time"},
    "policy.step.no_occasion": {"de": "kein besonderer Anlass", "en": "no special occasion"},
    "policy.step.occasion_named": {
        "de": "wie zuletzt: {names}",
        "en": "as last time: {names}",
    },
    # -- reason.name.*: the override reasons as the owner types them (issue 16, translation) --
    # `--reason Wetter` and `--reason weather` are the same (operations/decisions.reason_code)
    "reason.name.event": {"de": "Ereignis", "en": "event"},
    "reason.name.supplier_limit": {"de": "Lieferant", "en": "supplier_limit"},
    "reason.name.promotion": {"de": "Aktion", "en": "promotion"},
    "reason.name.weather": {"de": "Wetter", "en": "weather"},
    "reason.name.other": {"de": "Anderes", "en": "other"},
    # -- count.*: a number with its noun, for messages that count several things (Counted) ------
    "count.event": {"de": ("{count} Ereignis", "{count} Ereignisse"),
                    "en": ("{count} event", "{count} events")},
    "count.weather_day": {"de": ("{count} Wettertag", "{count} Wettertage"),
                          "en": ("{count} weather day", "{count} weather days")},
    "count.closing_day": {"de": ("{count} Schließtag", "{count} Schließtage"),
                          "en": ("{count} closing day", "{count} closing days")},
    # --- issue 15: DSFinV-K --- the till's tax export (forecasting/importing/dsfinvk*.py)
    "dsfinvk.not_an_export": {
        "de": "{file} ist kein DSFinV-K-Export der Kasse: {missing} fehlt. Bitte den ganzen "
        "Export (ZIP-Datei oder Ordner mit index.xml, transactions.csv und lines.csv) wählen.",
        "en": "{file} is not a DSFinV-K export of the till: {missing} is missing. Please choose "
        "the whole export (zip file or folder with index.xml, transactions.csv and lines.csv).",
    },
    "dsfinvk.bad_zip": {
        "de": "{file} lässt sich nicht als ZIP-Datei öffnen ({detail}).",
        "en": "{file} cannot be opened as a zip file ({detail}).",
    },
    "dsfinvk.bad_index": {
        "de": "{file} lässt sich nicht lesen ({detail}); die Tabellen des Exports sind darin "
        "beschrieben.",
        "en": "{file} cannot be read ({detail}); it describes the tables of the export.",
    },
    "dsfinvk.missing_column": {
        "de": "{file}: Die Spalte {column} fehlt (vorhanden: {columns}).",
        "en": "{file}: the column {column} is missing (found: {columns}).",
    },
    "dsfinvk.no_header": {
        "de": "{file} hat keine Zeile mit Spaltennamen, und index.xml beschreibt die Spalten "
        "nicht.",
        "en": "{file} has no row with column names, and index.xml does not describe the "
        "columns.",
    },
    "import.reason.dsfinvk_no_receipt": {
        "de": "kein Bon dazu in transactions.csv",
        "en": "no receipt for it in transactions.csv",
    },
    "import.reason.dsfinvk_no_time": {
        "de": "Bon ohne gültige Zeit (BON_ENDE) in transactions.csv",
        "en": "receipt without a valid time (BON_ENDE) in transactions.csv",
    },
    "import.reason.dsfinvk_bad_factor": {
        "de": "FAKTOR ist keine Zahl größer 0",
        "en": "FAKTOR is not a number above 0",
    },
    "import.report.left_out": {
        "de": "Keine Verkäufe, ausgelassen: {count} Zeilen ({kinds})",
        "en": "No sales, left out: {count} rows ({kinds})",
    },
    "import.report.export": {
        "de": "DSFinV-K-Export: Kassen {registers}; {closings} Tagesabschlüsse; Bons: {receipts}",
        "en": "DSFinV-K export: registers {registers}; {closings} daily closings; receipts: "
        "{receipts}",
    },
    "import.left_out.receipt": {"de": "Bontyp {value}", "en": "receipt type {value}"},
    "import.left_out.business": {"de": "Vorgang {value}", "en": "business case {value}"},
    # --- issue 15: imports, facts, stale history ---
    "import.money_column": {
        "de": "{file}: Die Spalte „{column}“ enthält Geldbeträge, keine Stückzahlen. Nichts wurde "
              "importiert. Mit --unit EUR werden die Artikel in Euro geplant und angezeigt; oder "
              "wählen Sie mit --quantity-column eine Spalte mit Stückzahlen (mit --unit Stück, "
              "wenn „{column}“ doch Stück zählt).",
        "en": "{file}: the column “{column}” holds money, not quantities. Nothing was imported. "
              "With --unit EUR the products are planned and shown in euros; or choose a column "
              "with quantities with --quantity-column (with --unit Stück if “{column}” does count "
              "pieces).",
    },
    "import.unit_mismatch": {
        "de": "{file}: „{product}“ wird im Laden in {unit} geführt, die Datei bringt {file_unit}. "
              "Nichts wurde importiert: Euro und Stück dürfen sich nicht mischen (--unit "
              "angeben, das zum Laden passt, oder eine andere Mengenspalte wählen).",
        "en": "{file}: “{product}” is kept in {unit} in the shop, the file brings {file_unit}. "
              "Nothing was imported: euros and pieces must not mix (give the --unit that fits "
              "the shop, or choose another quantity column).",
    },
    "facts.need_state": {
        "de": "Für einen neuen Laden fehlt das Bundesland. Bitte --state (z. B. --state SH) oder "
              "--postal-code (z. B. --postal-code 24103) angeben: davon hängen Feiertage, "
              "Schulferien und Wetter ab, deshalb wird es nicht geraten.",
        "en": "A new shop needs its federal state. Please give --state (e.g. --state SH) or "
              "--postal-code (e.g. --postal-code 24103): holidays, school holidays and weather "
              "depend on it, so it is never guessed.",
    },
    "facts.unknown_postal_code": {
        "de": "„{value}“ ist keine deutsche Postleitzahl (fünf Ziffern, z. B. 24103).",
        "en": "“{value}” is not a German postal code (five digits, e.g. 24103).",
    },
    "facts.bad_state": {
        "de": "„{value}“ ist kein Bundesland-Kürzel; möglich sind {states}.",
        "en": "“{value}” is not a federal state code; possible are {states}.",
    },
    "facts.title": {
        "de": "Aus den Daten abgeleitet (ändern mit „bestellkompass settings shop“):",
        "en": "Inferred from the data (change with “bestellkompass settings shop”):",
    },
    "facts.location_postal_code": {
        "de": "Bundesland: {state} (aus der Postleitzahl {postal_code} {place}); Koordinaten "
              "{latitude}, {longitude} für das Wetter",
        "en": "Federal state: {state} (from the postal code {postal_code} {place}); coordinates "
              "{latitude}, {longitude} for the weather",
    },
    "facts.location_state": {
        "de": "Bundesland: {state} (angegeben); ohne Postleitzahl kein Wetter: mit "
              "„bestellkompass settings shop --postal-code …“ nachtragen",
        "en": "Federal state: {state} (as given); no weather without a postal code: add it with "
              "“bestellkompass settings shop --postal-code …”",
    },
    "facts.weekday": {
        "de": "{adverb} geöffnet: {answer}, {n} {plural} mit Verkäufen",
        "en": "Open on {plural}: {answer}, {n} {plural} with sales",
    },
    "facts.holidays": {
        "de": "An Feiertagen geöffnet: {answer}, {n} von {seen} Feiertagen mit Verkäufen",
        "en": "Open on public holidays: {answer}, {n} of {seen} public holidays with sales",
    },
    "facts.holidays_open_except": {
        "de": "außer an diesen Feiertagen geöffnet: {names}",
        "en": "except on these public holidays, when it opens: {names}",
    },
    "facts.holidays_closed_except": {
        "de": "außer an diesen Feiertagen geschlossen: {names}",
        "en": "except on these public holidays, when it is closed: {names}",
    },
    "facts.holiday_sales": {
        "de": "{name} ({n} von {seen} mit Verkäufen)",
        "en": "{name} ({n} of {seen} with sales)",
    },
    "facts.yes": {"de": "ja", "en": "yes"},
    "facts.no": {"de": "nein", "en": "no"},
    "facts.adverbs": {
        "de": "Montags,Dienstags,Mittwochs,Donnerstags,Freitags,Samstags,Sonntags",
        "en": "Mondays,Tuesdays,Wednesdays,Thursdays,Fridays,Saturdays,Sundays",
    },
    "facts.plurals": {
        "de": "Montage,Dienstage,Mittwoche,Donnerstage,Freitage,Samstage,Sonntage",
        "en": "Mondays,Tuesdays,Wednesdays,Thursdays,Fridays,Saturdays,Sundays",
    },
    "policy.stale_history": {
        "de": "Verkaufszahlen nur bis {date} ({age} alt)",
        "en": "sales data only up to {date} ({age} old)",
    },
    "policy.stale_history.weeks": {"de": "{n} Wochen", "en": "{n} weeks"},
    "policy.stale_history.months": {"de": "{n} Monate", "en": "{n} months"},
    "policy.stale_history.years": {"de": "{n} Jahre", "en": "{n} years"},
    "policy.step.recent_up_until": {"de": "bis {date} mehr verkauft",
                                    "en": "selling more up to {date}"},
    "policy.step.recent_down_until": {"de": "bis {date} weniger verkauft",
                                      "en": "selling less up to {date}"},
    "policy.step.sellouts_until": {"de": "in der Woche bis {date} ausverkauft",
                                   "en": "sold out in the week up to {date}"},
    "launch.missing_libraries": {
        "de": "Bestellkompass kann kein Fenster öffnen: diesem System fehlen Bibliotheken, die Qt "
              "für X11 braucht: {libraries}. Unter Debian/Ubuntu installieren mit: sudo apt "
              "install {packages}",
        "en": "Bestellkompass cannot open its window: this system lacks libraries Qt needs for "
              "X11: {libraries}. On Debian/Ubuntu install them with: sudo apt install {packages}",
    },
    # --- issue 21: open orders, goods receipt, batches, the delivery window ---
    "policy.step.sold_before_delivery": {"de": "bis zur Lieferung verkauft",
                                         "en": "sold before the delivery"},
    "policy.note.stock_age_assumed": {
        "de": "Alter von {quantity} {unit} aus der Zählung am {date} unbekannt: als so alt "
              "angenommen, wie sie höchstens sein können",
        "en": "Age of {quantity} {unit} of the count on {date} unknown: taken as old as they "
              "can plausibly be",
    },
    "policy.delivery.when": {"de": "Lieferung {date}", "en": "delivery {date}"},
    "policy.delivery.empty_from": {"de": "bis dahin voraussichtlich ausverkauft ab {day}",
                                   "en": "until then likely sold out from {day}"},
    "policy.delivery.left": {"de": "bis dahin voraussichtlich {quantity} {unit} übrig",
                             "en": "about {quantity} {unit} left by then"},
    "policy.delivery.covers": {"de": "deckt {days}", "en": "covers {days}"},
    "stock.receipt_bad_date": {
        "de": "„{name}“: ein Wareneingang am {date} liegt in der Zukunft; erst buchen, wenn die "
              "Ware da ist.",
        "en": "“{name}”: a goods receipt on {date} is in the future; book it once the goods "
              "have come.",
    },
    "stock.receipt_nothing": {
        "de": "Nichts zu buchen: bitte bei mindestens einem Produkt eintragen, was kam.",
        "en": "Nothing to book: please enter what came for at least one product.",
    },
    "cli.stock.received": {
        "de": "Wareneingang „{name}“ am {date}: {quantity} {unit} (bestellt: {ordered} {unit}).",
        "en": "Goods receipt “{name}” on {date}: {quantity} {unit} (ordered: {ordered} {unit}).",
    },
    "cli.stock.written_off": {
        "de": "Abschrift „{name}“ am {date}: {quantity} {unit} ({reason}).",
        "en": "Write-off “{name}” on {date}: {quantity} {unit} ({reason}).",
    },
    "stock.reason.expired": {"de": "abgelaufen", "en": "expired"},
    "stock.reason.damaged": {"de": "beschädigt", "en": "damaged"},
    "stock.reason.other": {"de": "anderes", "en": "other"},
    # the Rückblick of goods that keep: an order judged over the days it served
    "review.window.head": {
        "de": "Bestellung vom {date} (Lieferung {delivery}, deckt {days})",
        "en": "Order of {date} (delivery {delivery}, covers {days})",
    },
    "review.window.ordered": {"de": "{n} bestellt", "en": "{n} ordered"},
    "review.window.ordered_together": {
        "de": " (mit den anderen Bestellungen für diese Lieferung {n})",
        "en": " ({n} with the other orders for this delivery)",
    },
    "review.window.delivered": {"de": "{n} geliefert", "en": "{n} delivered"},
    "review.window.sold": {"de": "{n} verkauft", "en": "{n} sold"},
    "review.window.sold_so_far": {"de": "bisher {n} verkauft (Verkaufszahlen bis {day} fehlen "
                                        "noch)",
                                  "en": "{n} sold so far (sales up to {day} still missing)"},
    "review.window.written_off": {"de": "{n} abgeschrieben", "en": "{n} written off"},
    "review.window.sold_out_one": {"de": "an 1 Tag ausverkauft", "en": "sold out on 1 day"},
    "review.window.sold_out_many": {"de": "an {n} Tagen ausverkauft",
                                    "en": "sold out on {n} days"},
    "review.window.never_sold_out": {"de": "nie ausverkauft", "en": "never sold out"},
    "review.window.section": {
        "de": "Ware mit Haltbarkeit, über die Tage beurteilt, die eine Lieferung deckt:",
        "en": "Goods that keep, judged over the days a delivery covers:",
    },
    "review.window.note": {
        "de": "Bei Ware mit Haltbarkeit zählen „Verkauft“ und „Ausverkauft“ über alle Tage, die "
              "die Lieferung deckt (von der Lieferung bis zur nächsten), nicht nur den Bestelltag.",
        "en": "For goods that keep, “Sold” and “Sold out” count over all days the delivery "
              "covers (from the delivery to the next one), not just the order day.",
    },
    # (end of section: issue 21 A)
    # --- issue 21: suppliers and units the owner keeps ---
    "policy.status.supplier_closed": {
        "de": "der Lieferant liefert an diesem Tag nicht",
        "en": "the supplier does not deliver on this day",
    },
    "suppliers.bad_cutoff": {
        "de": "„{value}“ ist keine Uhrzeit für den Bestellschluss: bitte z. B. 10:30 angeben.",
        "en": "“{value}” is no time for the order cut-off: please give e.g. 10:30.",
    },
    "suppliers.below_minimum": {
        "de": "Mindestbestellwert {minimum} € nicht erreicht: diese Bestellung {value} €.",
        "en": "Minimum order value {minimum} € not reached: this order {value} €.",
    },
    "suppliers.show.title": {"de": "Lieferanten", "en": "Suppliers"},
    "suppliers.show.customer_number": {"de": "Kundennummer {number}",
                                       "en": "customer number {number}"},
    "suppliers.show.delivers": {"de": "liefert {days}", "en": "delivers {days}"},
    "suppliers.show.lead_time": {"de": "Vorlauf {days} Tage", "en": "lead time {days} days"},
    "suppliers.show.cutoff": {"de": "Bestellschluss {time}", "en": "order by {time}"},
    "suppliers.show.no_delivery": {"de": "keine Lieferung am {days}",
                                   "en": "no delivery on {days}"},
    "suppliers.show.minimum": {"de": "Mindestbestellwert {value} €",
                               "en": "minimum order value {value} €"},
    "suppliers.empty_unit": {
        "de": "„{name}“: bitte eine Einheit angeben (Stück, kg oder l).",
        "en": "“{name}”: please give a unit (Stück, kg or l).",
    },
    # (end of section: issue 21 B)
    # --- issue 15: products that come and go (seasonal, discontinued, new) ---
    "policy.status.out_of_season": {"de": "nicht im Angebot (außerhalb der Saison)",
                                    "en": "not on offer (out of season)"},
    "settings.bad_season": {
        "de": "„{value}“ ist keine Saison: auto, ganzjährig oder von–bis als TT.MM-TT.MM "
              "(z. B. 01.10-31.01)",
        "en": "“{value}” is not a season: auto, year, or from–to as DD.MM-DD.MM "
              "(e.g. 01.10-31.01)",
    },
    # (end of section: issue 15 C)
    # --- issue 15: the first-run flow ---
    # the Rückblick's leftover sentence when products are planned in euros (never "Stück")
    "review.summary.leftover_amounts": {
        "de": "Ihre Änderungen brachten {changes} Reste",
        "en": "Your changes left {changes} over",
    },
    "review.leftover.pieces_fewer": {"de": "{n} Stück weniger", "en": "{n} fewer units"},
    "review.leftover.pieces_more": {"de": "{n} Stück mehr", "en": "{n} more units"},
    "review.leftover.money_fewer": {"de": "{n} € weniger", "en": "€{n} less"},
    "review.leftover.money_more": {"de": "{n} € mehr", "en": "€{n} more"},
    "review.and": {"de": " und ", "en": " and "},
    # (end of section: issue 15 D)
    # --- issue 19: lieber Reste / lieber ausverkauft ---
    "settings.unknown_area": {
        "de": "Den Lieferanten / Bereich „{name}“ gibt es in diesem Laden nicht (vorhanden: "
              "{known}).",
        "en": "There is no supplier / area “{name}” in this shop (there are: {known}).",
    },
    "settings.bad_area_level": {
        "de": "„{value}“ ist kein Servicegrad für einen Bereich (möglich: {low} bis {high} %).",
        "en": "“{value}” is not a service level for an area (choose {low} to {high} %).",
    },
    "settings.bad_tradeoff": {
        "de": "„{value}“ ist keine Einstellung (möglich: {choices} oder ein Prozentwert von {low} "
              "bis {high}).",
        "en": "“{value}” is not a setting (choose {choices} or a percentage from {low} to "
              "{high}).",
    },
    "settings.area_saved": {
        "de": "{area}: jetzt „{setting}“ (Servicegrad {level}). Die Vorschläge werden neu "
              "berechnet.",
        "en": "{area}: now “{setting}” (service level {level}). The suggestions will be "
              "recomputed.",
    },
    "settings.area_needed": {
        "de": "Für welchen Lieferanten / Bereich? Bitte den Namen angeben (vorhanden: {known}).",
        "en": "For which supplier / area? Please give its name (there are: {known}).",
    },
    "settings.area_auto": {
        "de": "{area}: jetzt „nach Preis und Kosten“ (Servicegrad je Produkt). Die Vorschläge "
              "werden neu berechnet.",
        "en": "{area}: now “from price and cost” (service level per product). The suggestions "
              "will be recomputed.",
    },
    "settings.show.areas": {"de": "Servicegrad je Lieferant / Bereich",
                            "en": "Service level per supplier / area"},
    "tradeoff.more_leftovers": {"de": "lieber Reste", "en": "rather leftovers"},
    "tradeoff.more_sellouts": {"de": "lieber ausverkauft", "en": "rather sold out"},
    "tradeoff.recommended": {"de": "empfohlen (nach Preis und Kosten)",
                             "en": "recommended (from price and cost)"},
    "tradeoff.waste": {
        "de": "Reste in {weeks} Wochen: etwa {units} {unit}",
        "en": "Leftovers in {weeks} weeks: about {units} {unit}",
    },
    "tradeoff.waste_euros": {
        "de": "Reste in {weeks} Wochen: etwa {units} {unit} (rund {euros} € Kosten)",
        "en": "Leftovers in {weeks} weeks: about {units} {unit} (about €{euros} at cost)",
    },
    "tradeoff.unit.pieces": {"de": "Stück", "en": "pieces"},
    "tradeoff.unit.units": {"de": "Einheiten", "en": "units"},
    "tradeoff.sellouts": {
        "de": "Ausverkauft: je Produkt an etwa {days} von {open} Öffnungstagen – reicht an "
              "{enough} von {of} Tagen",
        "en": "Sold out: each product on about {days} of {open} opening days – enough on "
              "{enough} of {of} days",
    },
    "tradeoff.precise": {
        "de": "Servicegrad {level}: erwartet {units} {unit} Reste und {days} ausverkaufte "
              "Produkttage von {product_days} ({products} Produkte, {open} Öffnungstage ab "
              "{start})",
        "en": "Service level {level}: expected {units} {unit} left over and {days} sold-out "
              "product-days of {product_days} ({products} products, {open} opening days from "
              "{start})",
    },
    "tradeoff.mixed": {"de": "je nach Produkt (nach Preis und Kosten)",
                       "en": "per product (from price and cost)"},
    "tradeoff.fixed_products": {
        "de": "Eigene Einstellung behalten: {names}",
        "en": "Keep their own setting: {names}",
    },
    "tradeoff.stocked": {
        "de": "Nicht in der Vorschau (Ware mit Vorrat ohne Prognose): {names}",
        "en": "Not in the preview (goods that keep without a forecast): {names}",
    },
    "tradeoff.written_off": {
        "de": "Abgeschrieben in {weeks} Wochen: etwa {units} {unit}",
        "en": "Written off in {weeks} weeks: about {units} {unit}",
    },
    "tradeoff.written_off_euros": {
        "de": "Abgeschrieben in {weeks} Wochen: etwa {units} {unit} (rund {euros} € Kosten)",
        "en": "Written off in {weeks} weeks: about {units} {unit} (about €{euros} at cost)",
    },
    "tradeoff.stock": {
        "de": "Im Regal: im Schnitt {days} Tage Vorrat (etwa {units} {unit})",
        "en": "On the shelf: on average {days} days of stock (about {units} {unit})",
    },
    "tradeoff.kept_summary": {
        "de": "etwa {units} {unit} abgeschrieben, an etwa {sellouts} Tagen ausverkauft, im "
              "Schnitt {days} Tage Vorrat",
        "en": "about {units} {unit} written off, sold out on about {sellouts} days, on average "
              "{days} days of stock",
    },
    "tradeoff.kept_precise": {
        "de": "Ware mit Vorrat: {orders} Bestellungen mit Liefertagen, Vorlaufzeit und "
              "Haltbarkeit durchgespielt (ab {warmup} Tage vorher mit leerem Regal); im Regal "
              "im Schnitt {units} {unit}, {days} Tage Vorrat",
        "en": "Goods that keep: {orders} orders played with delivery days, lead time and shelf "
              "life (from an empty shelf {warmup} days before); on the shelf on average "
              "{units} {unit}, {days} days of stock",
    },
    "tradeoff.kept_played": {
        "de": "Ware mit Vorrat: Bestellung für Bestellung durchgespielt; abgeschrieben wird, "
              "was vor dem Verkauf abläuft.",
        "en": "Goods that keep: played order by order; what expires before it sells is "
              "written off.",
    },
    "tradeoff.col.stock_days": {"de": "Vorrat (Tage)", "en": "Stock (days)"},
    "tradeoff.col.written_off": {"de": "Abschrift", "en": "Written off"},
    "tradeoff.nothing": {
        "de": "Keine Vorschau: für diesen Bereich gibt es keine Vorschläge mit Prognose.",
        "en": "No preview: this area has no suggestions with a forecast.",
    },
    "tradeoff.title": {
        "de": "{area}: lieber Reste oder lieber ausverkauft? Vorschau für {weeks} Wochen ab {start}",
        "en": "{area}: rather leftovers or rather sold out? Preview for {weeks} weeks from {start}",
    },
    "tradeoff.col.setting": {"de": "Einstellung", "en": "Setting"},
    "tradeoff.col.level": {"de": "Servicegrad", "en": "Service level"},
    "tradeoff.col.waste": {"de": "Reste", "en": "Leftovers"},
    "tradeoff.col.euros": {"de": "Kosten €", "en": "Cost €"},
    "tradeoff.col.sellouts": {"de": "ausverkauft (Tage je Produkt)",
                              "en": "sold out (days per product)"},
    "tradeoff.col.words": {"de": "in Worten", "en": "in words"},
    "tradeoff.mark.current": {"de": "jetzt", "en": "now"},
    "tradeoff.mark.recommended": {"de": "empfohlen", "en": "recommended"},
    "tradeoff.no_areas": {
        "de": "Keine Produkte mit Lieferant / Bereich: tragen Sie ihn unter Einstellungen > "
              "Produkte ein.",
        "en": "No products with a supplier / area: enter it under Settings > Products.",
    },
    # (end of section: issue 19 E)
    # --- issue 17: workshop mode ---
    "workshop.no_sales": {
        "de": "Der Laden hat keine Verkäufe; für {first} bis {last} lässt sich kein Workshop machen.",
        "en": "The shop has no sales; no workshop can be made for {first} to {last}.",
    },
    "workshop.bad_period": {
        "de": "Zeitraum {first} bis {last}: ein Workshop umfasst 1 bis {most} Tage, und das Ende "
              "liegt nicht vor dem Anfang.",
        "en": "Period {first} to {last}: a workshop covers 1 to {most} days, and its end does "
              "not lie before its start.",
    },
    "workshop.after_history": {
        "de": "Der Workshop endet am {last}, die Verkäufe aber schon am {known}.",
        "en": "The workshop ends on {last}, but the sales end on {known}.",
    },
    "workshop.short_history": {
        "de": "Vor dem {first} liegt zu wenig Geschichte (Verkäufe ab {begins}); die Vorschläge "
              "brauchen mindestens ein Jahr davor.",
        "en": "Too little history before {first} (sales from {begins}); the suggestions need at "
              "least a year before it.",
    },
    "workshop.unknown_product": {
        "de": "Den Artikel „{product}“ gibt es in diesem Laden nicht.",
        "en": "The shop has no product \"{product}\".",
    },
    "workshop.keeps_stock": {
        "de": "„{product}“ hält länger und wird auf Vorrat bestellt; ein Workshop spielt nur "
              "Ware, die für einen Tag bestellt wird.",
        "en": "\"{product}\" keeps and is ordered for stock; a workshop plays only goods "
              "ordered for one day.",
    },
    "workshop.too_many_products": {
        "de": "{count} Artikel gewählt; ein Workshop hat höchstens {most}.",
        "en": "{count} products chosen; a workshop has at most {most}.",
    },
    "workshop.missing_file": {
        "de": "{path}: Datei nicht gefunden.",
        "en": "{path}: file not found.",
    },
    "workshop.missing_folder": {
        "de": "{path}: diesen Ordner gibt es nicht; bitte anlegen oder einen anderen wählen.",
        "en": "{path}: this folder does not exist; please create it or choose another.",
    },
    "workshop.damaged": {
        "de": "{path}: die Datei ist beschädigt oder wurde verändert ({detail}); sie wird nicht "
              "verwendet.",
        "en": "{path}: the file is damaged or was changed ({detail}); it is not used.",
    },
    "workshop.wrong_kind": {
        "de": "{path}: das ist eine Workshop-Datei der Art „{kind}“, erwartet wird „{expected}“.",
        "en": "{path}: this is a workshop file of kind \"{kind}\", expected \"{expected}\".",
    },
    "workshop.newer_file": {
        "de": "{path}: die Datei stammt aus einer anderen Version von Bestellkompass.",
        "en": "{path}: the file comes from another version of Bestellkompass.",
    },
    "workshop.orders_columns": {
        "de": "{path}: Zeile 1: es fehlen die Spalten {columns} (erwartet: date,product,quantity).",
        "en": "{path}: line 1: the columns {columns} are missing (expected: "
              "date,product,quantity).",
    },
    "workshop.orders_bad_date": {
        "de": "{path}: Zeile {row}, Spalte {column}: „{value}“ ist kein Datum (2026-11-26 oder "
              "26.11.2026).",
        "en": "{path}: line {row}, column {column}: \"{value}\" is not a date (2026-11-26 or "
              "26.11.2026).",
    },
    "workshop.orders_day_outside": {
        "de": "{path}: Zeile {row}, Spalte {column}: {value} ist kein Tag dieses Workshops "
              "(geöffnete Tage vom {first} bis {last}).",
        "en": "{path}: line {row}, column {column}: {value} is not a day of this workshop "
              "(open days from {first} to {last}).",
    },
    "workshop.orders_unknown_product": {
        "de": "{path}: Zeile {row}, Spalte {column}: den Artikel „{value}“ gibt es in diesem "
              "Workshop nicht.",
        "en": "{path}: line {row}, column {column}: this workshop has no product \"{value}\".",
    },
    "workshop.orders_bad_quantity": {
        "de": "{path}: Zeile {row}, Spalte {column}: „{value}“ ist keine Menge (eine Zahl ab 0).",
        "en": "{path}: line {row}, column {column}: \"{value}\" is not a quantity (a number of "
              "0 or more).",
    },
    "workshop.orders_twice": {
        "de": "{path}: Zeile {row}, Spalte {column}: „{value}“ steht für diesen Tag schon in "
              "Zeile {earlier}.",
        "en": "{path}: line {row}, column {column}: \"{value}\" is already ordered for this day "
              "in line {earlier}.",
    },
    "workshop.orders_missing": {
        "de": "{path}: {count} Bestellungen fehlen, zuerst „{product}“ am {date} (0 eintragen, "
              "wenn nichts bestellt wird).",
        "en": "{path}: {count} orders are missing, first \"{product}\" on {date} (enter 0 to "
              "order nothing).",
    },
    "workshop.no_results": {
        "de": "Keine Ergebnisdateien angegeben.",
        "en": "No result files given.",
    },
    "workshop.other_scenario": {
        "de": "{path}: dieses Ergebnis gehört zu einem anderen Workshop als {first}; es wird "
              "nichts zusammengeführt.",
        "en": "{path}: this result belongs to another workshop than {first}; nothing is merged.",
    },
    "workshop.participant_twice": {
        "de": "{path}: „{participant}“ hat schon ein Ergebnis in {first}; es wird nichts "
              "zusammengeführt.",
        "en": "{path}: \"{participant}\" already has a result in {first}; nothing is merged.",
    },
    "workshop.note.true_demand": {
        "de": "Gezählt gegen die wahre Nachfrage des Demo-Ladens.",
        "en": "Scored against the demo shop's true demand.",
    },
    "workshop.note.estimated": {
        "de": "Geschätzt: ein echter Laden kennt nur seine Verkäufe. An ausverkauften Tagen "
              "wollten Kunden mehr; Fehlmengen und Ausverkauft-Tage sind untere Grenzen, Reste "
              "obere.",
        "en": "Estimated: a real shop knows only its sales. On sold-out days customers wanted "
              "more; units short and sell-out days are lower bounds, waste an upper bound.",
    },
    "workshop.created": {
        "de": "Workshop geschrieben: {path} ({products} Artikel, {days} Tage, {first} bis {last}).",
        "en": "Workshop written: {path} ({products} products, {days} days, {first} to {last}).",
    },
    "workshop.played": {
        "de": "Ergebnis von {participant} geschrieben: {path}. Reste {waste}, ausverkauft an "
              "{sellout_days} Artikel-Tagen, Marge {margin} €.",
        "en": "Result of {participant} written: {path}. Waste {waste}, sold out on "
              "{sellout_days} product-days, margin EUR {margin}.",
    },
    "workshop.reported": {
        "de": "Auswertung von {count} Teilnehmenden geschrieben: {path}.",
        "en": "Report of {count} participants written: {path}.",
    },
    "workshop.rounds_bad_part": {
        "de": "--rounds: „{part}“ ist keine Runde; erwartet Tage und was zu sehen ist, z. B. "
              "{example}.",
        "en": "--rounds: \"{part}\" is not a round; expected days and what is shown, e.g. "
              "{example}.",
    },
    "workshop.rounds_open_end": {
        "de": "--rounds: „{part}“: nur die letzte Runde darf offen enden (6-:mit).",
        "en": "--rounds: \"{part}\": only the last round may have an open end (6-:with).",
    },
    "workshop.rounds_bad_range": {
        "de": "--rounds: „{part}“: die Tage zählen ab 1, und das Ende liegt nicht vor dem Anfang.",
        "en": "--rounds: \"{part}\": days count from 1, and the end does not lie before the "
              "start.",
    },
    "workshop.rounds_bad_word": {
        "de": "--rounds: in „{part}“ ist „{word}“ unbekannt (erlaubt: {words}).",
        "en": "--rounds: in \"{part}\", \"{word}\" is unknown (allowed: {words}).",
    },
    "workshop.rounds_gap": {
        "de": "--rounds: „{part}“ beginnt mit Tag {start}, erwartet ist Tag {expected}: die "
              "Runden decken die Tage der Reihe nach ohne Lücke ab.",
        "en": "--rounds: \"{part}\" starts with day {start}, day {expected} is expected: the "
              "rounds cover the days in order without a gap.",
    },
    "workshop.rounds_beyond": {
        "de": "--rounds: „{part}“ reicht bis Tag {end}, der Workshop hat aber nur {days} "
              "geöffnete Tage.",
        "en": "--rounds: \"{part}\" reaches day {end}, but the workshop has only {days} open "
              "days.",
    },
    "workshop.rounds_short": {
        "de": "--rounds: die Runden enden mit Tag {end}, der Workshop hat {days} geöffnete Tage; "
              "auch die letzten Tage brauchen eine Runde (z. B. 6-:mit).",
        "en": "--rounds: the rounds end with day {end}, the workshop has {days} open days; the "
              "last days need a round too (e.g. 6-:with).",
    },
    "workshop.bad_reveal": {
        "de": "--reveal: „{value}“ ist unbekannt (erlaubt: täglich, ende, daily, end).",
        "en": "--reveal: \"{value}\" is unknown (allowed: daily, end, täglich, ende).",
    },
    "workshop.rounds_made": {
        "de": "Runden: {rounds}; Ergebnis {reveal}.",
        "en": "Rounds: {rounds}; results {reveal}.",
    },
    "workshop.reveal.daily": {"de": "nach jedem Tag", "en": "after each day"},
    "workshop.reveal.end": {"de": "erst am Ende", "en": "only at the end"},
    # (end of section: issue 17 F)
    # --- issue 18: association contributions and priors ---
    "association.no_file": {"de": "Die Datei {path} gibt es nicht.",
                            "en": "The file {path} does not exist."},
    "association.bad.not_zip": {
        "de": "{path} ist keine lesbare {kind}-Datei: kein ZIP-Archiv. Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: not a zip archive. Nothing was changed.",
    },
    "association.bad.part": {
        "de": "{path} ist keine lesbare {kind}-Datei: unerwarteter oder zu großer Teil {part}. Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: unexpected or too large part {part}. Nothing was changed.",
    },
    "association.bad.missing": {
        "de": "{path} ist keine lesbare {kind}-Datei: {part} fehlt. Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: {part} is missing. Nothing was changed.",
    },
    "association.bad.json": {
        "de": "{path} ist keine lesbare {kind}-Datei: {part} ist kein gültiges JSON ({detail}). Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: {part} is not valid JSON ({detail}). Nothing was changed.",
    },
    "association.bad.foreign": {
        "de": "{path} ist keine lesbare {kind}-Datei: keine Datei von Bestellkompass. Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: not a Bestellkompass file. Nothing was changed.",
    },
    "association.bad.kind": {
        "de": "{path} ist keine lesbare {kind}-Datei: eine Datei der Art {found}. Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: a file of kind {found}. Nothing was changed.",
    },
    "association.bad.checksum": {
        "de": "{path} ist keine lesbare {kind}-Datei: {part} passt nicht zur Prüfsumme im Inhaltsverzeichnis (beschädigt oder verändert). Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: {part} does not match the checksum in the manifest (damaged or altered). Nothing was changed.",
    },
    "association.bad.model": {
        "de": "{path} ist keine lesbare {kind}-Datei: {part} ist kein LightGBM-Textmodell. Nichts wurde geändert.",
        "en": "{path} is not a readable {kind} file: {part} is not a LightGBM text model. Nothing was changed.",
    },
    "association.manifest.models": {
        "de": "{models} LightGBM-Modelle (Textformat, zusammen {trees} Bäume), deren "
              "Vorhersagen gemittelt werden; sie sagen Verhältnisse voraus (Verkauf geteilt durch "
              "die eigene übliche Menge des Produkts); jedes Blatt mittelt mindestens {leaf} "
              "Produkt-Tage",
        "en": "{models} LightGBM models (text format, {trees} trees together) whose predictions "
              "are averaged; they predict ratios (sales divided by the product's own usual "
              "amount); every leaf averages at least {leaf} product-days",
    },
    "association.too_little": {
        "de": "Zu wenige Verkäufe vor {until} für einen Beitrag: {days} Tage mit Verkäufen, "
              "mindestens {minimum} nötig.",
        "en": "Too few sales before {until} for a contribution: {days} days with sales, at "
              "least {minimum} needed.",
    },
    "association.no_contributions": {
        "de": "Keine Beiträge angegeben: ein Verbandswissen braucht mindestens einen Beitrag.",
        "en": "No contributions given: a prior needs at least one contribution.",
    },
    "association.mixed_versions": {
        "de": "{path} wurde mit einer anderen Modellversion erstellt ({found}, erwartet "
              "{expected}). Nichts wurde gebaut.",
        "en": "{path} was made with another model version ({found}, expected {expected}). "
              "Nothing was built.",
    },
    "association.shop_or_sales": {
        "de": "Bitte entweder --shop oder --sales mit --state angeben.",
        "en": "Please give either --shop or --sales with --state.",
    },
    "association.written": {"de": "{path} geschrieben ({size} kB).",
                            "en": "{path} written ({size} kB)."},
    "policy.step.association": {"de": "Erfahrung des Verbands",
                                "en": "the association's experience"},
    "association.manifest.title": {"de": "Was wird geteilt?", "en": "What is shared?"},
    "association.manifest.contribution": {
        "de": "Beitrag eines Ladens in {state}: {weeks} Wochen Verkäufe bis {until}, {products} "
              "Produkte in {categories} Warengruppen.",
        "en": "Contribution of a shop in {state}: {weeks} weeks of sales up to {until}, "
              "{products} products in {categories} categories.",
    },
    "association.manifest.prior": {
        "de": "Verbandswissen aus {shops} Beiträgen, Bundesländer: {states}; zusammen {weeks} "
              "Wochen Verkäufe.",
        "en": "Association prior from {shops} contributions, Bundesländer: {states}; {weeks} "
              "weeks of sales together.",
    },
    "association.manifest.inside": {"de": "Enthalten:", "en": "Inside:"},
    "association.manifest.model": {
        "de": "ein LightGBM-Modell (Textformat, {trees} Bäume), das Verhältnisse vorhersagt "
              "(Verkauf geteilt durch die eigene übliche Menge des Produkts); jedes Blatt "
              "mittelt mindestens {leaf} Produkt-Tage",
        "en": "a LightGBM model (text format, {trees} trees) that predicts ratios (sales "
              "divided by the product's own usual amount); every leaf averages at least {leaf} "
              "product-days",
    },
    "association.manifest.effects": {
        "de": "Effekte je Warengruppe als Verhältnisse: Wochentagsform, Feiertage und Tage "
              "davor und danach, Schulferien, Zahltage, Wetter, Feste; jeder Wert mittelt "
              "mindestens {cell} Produkt-Tage",
        "en": "effects per category as ratios: weekday shape, holidays and the days before "
              "and after, school holidays, paydays, weather, festivals; every value averages "
              "at least {cell} product-days",
    },
    "association.manifest.categories": {"de": "Warengruppen: {names}",
                                        "en": "categories: {names}"},
    "association.manifest.names": {"de": "Produktnamen (vom Inhaber freigegeben): {names}",
                                   "en": "product names (allowed by the owner): {names}"},
    "association.manifest.outside": {"de": "Nicht enthalten:", "en": "Not inside:"},
    "association.manifest.no_amounts": {
        "de": "keine Verkaufsmengen, keine Tage mit Mengen, kein Umsatz",
        "en": "no sales quantities, no days with amounts, no turnover",
    },
    "association.manifest.no_names": {"de": "keine Produktnamen", "en": "no product names"},
    "association.manifest.no_prices": {
        "de": "keine Preise, Kosten, Lieferanten, Adresse, Postleitzahl oder Name des Ladens",
        "en": "no prices, costs, suppliers, address, postal code or shop name",
    },
    "association.manifest.no_shops": {
        "de": "keine Angabe, welche Läden beigetragen haben",
        "en": "nothing saying which shops contributed",
    },
    "association.used": {
        "de": "Verbandswissen aus {shops} Läden ({states}) im Laden gespeichert; es fließt in "
              "die nächste Vorhersage ein.",
        "en": "Association prior from {shops} shops ({states}) stored with the shop; the next "
              "forecast uses it.",
    },
    "association.progress.read": {"de": "Verkäufe lesen …", "en": "Reading the sales …"},
    "association.progress.fit": {
        "de": "Modell auf Verhältnisse anpassen (einige Sekunden) …",
        "en": "Fitting the model on ratios (a few seconds) …",
    },
    "association.cancelled": {"de": "Abgebrochen. Nichts wurde geschrieben.",
                              "en": "Cancelled. Nothing was written."},
    "association.removed": {
        "de": "Verbandswissen aus dem Laden entfernt; die nächste Vorhersage rechnet wieder nur "
              "mit den eigenen Verkäufen.",
        "en": "Association prior removed from the shop; the next forecast uses the shop's own "
              "sales only.",
    },
    "association.none_in_use": {
        "de": "Im Laden ist kein Verbandswissen gespeichert. Nichts wurde geändert.",
        "en": "The shop keeps no association prior. Nothing was changed.",
    },
    # (end of section: issue 18 G)
}



def render(code: str, lang: str = "de", **params: Any) -> str:
    """The message for `code` in `lang`, falling back to English, then to the code itself."""
    return render_from(MESSAGES, code, lang, **params)
