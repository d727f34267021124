<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/about_dialog.py" line="41"/>
        <location filename="../../app/about_dialog.py" line="42"/>
        <source>About Bestellkompass</source>
        <translation>Über Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="45"/>
        <source>&amp;Program</source>
        <translation>&amp;Programm</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="46"/>
        <source>&amp;Components</source>
        <translation>&amp;Komponenten</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="47"/>
        <source>&amp;Qt</source>
        <translation>&amp;Qt</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="48"/>
        <source>&amp;Data sources</source>
        <translation>&amp;Datenquellen</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="58"/>
        <source>Portable mode: settings, shop files and logs are kept in %1.</source>
        <translation>Portabler Modus: Einstellungen, Laden-Dateien und Protokolle liegen in %1.</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="60"/>
        <source>Your shop files: %1</source>
        <translation>Ihre Laden-Dateien: %1</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="63"/>
        <source>Order suggestions for bakeries and delis: demand forecasts with reasons, offline.</source>
        <translation>Bestellvorschläge für Bäckereien und Feinkostläden: Absatzprognosen mit Begründung, ohne Internet.</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="65"/>
        <source>Python %1, Qt %2, PySide6 %3, on %4</source>
        <translation>Python %1, Qt %2, PySide6 %3, auf %4</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="71"/>
        <source>Log files: %1</source>
        <translation>Protokolldateien: %1</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="72"/>
        <source>Bestellkompass works without an internet connection. The licences of the components it is built from are in the other tabs.</source>
        <translation>Bestellkompass arbeitet ohne Internetverbindung. Die Lizenzen der Bestandteile, aus denen es gebaut ist, stehen auf den anderen Reitern.</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="79"/>
        <source>Program version and folders</source>
        <translation>Programmversion und Ordner</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="86"/>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="86"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="86"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="87"/>
        <source>Bundled components and their licences</source>
        <translation>Mitgelieferte Komponenten und ihre Lizenzen</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="105"/>
        <source>Licence text of the chosen component</source>
        <translation>Lizenztext der gewählten Komponente</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="117"/>
        <source>Python is distributed under the Python Software Foundation License: https://docs.python.org/3/license.html</source>
        <translation>Python wird unter der Python Software Foundation License weitergegeben: https://docs.python.org/3/license.html</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="125"/>
        <source>Part of Qt for Python: see the Qt tab.</source>
        <translation>Teil von Qt for Python: siehe Reiter „Qt“.</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="126"/>
        <source>No licence text included; licence: %1, see %2</source>
        <translation>Kein Lizenztext mitgeliefert; Lizenz: %1, siehe %2</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="132"/>
        <source>Bestellkompass uses the Qt libraries (Qt %1) through Qt for Python (PySide6 %2), © The Qt Company Ltd. and other contributors, under the GNU Lesser General Public License version 3 (LGPLv3). Its text follows below, together with the GNU General Public License version 3 it builds on. The Qt libraries are separate files in the program folder: you may replace them with a compatible version of your own. The complete source code of Qt is available at %3 (and %4), that of Qt for Python at %5.</source>
        <translation>Bestellkompass verwendet die Qt-Bibliotheken (Qt %1) über Qt for Python (PySide6 %2), © The Qt Company Ltd. und weitere Mitwirkende, unter der GNU Lesser General Public License Version 3 (LGPLv3). Ihr Text folgt unten, zusammen mit der GNU General Public License Version 3, auf der sie aufbaut. Die Qt-Bibliotheken sind eigene Dateien im Programmordner: Sie dürfen sie durch eine eigene, kompatible Version ersetzen. Der vollständige Quelltext von Qt ist unter %3 (und %4) erhältlich, der von Qt for Python unter %5.</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="148"/>
        <source>Text of the GNU LGPL version 3</source>
        <translation>Text der GNU LGPL Version 3</translation>
    </message>
    <message>
        <location filename="../../app/about_dialog.py" line="158"/>
        <source>Data sources and their attributions</source>
        <translation>Datenquellen und ihre Quellenangaben</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../app/controller.py" line="111"/>
        <source>Your shop is ready. The first suggestions are being computed…</source>
        <translation>Ihr Laden ist angelegt. Die ersten Vorschläge werden berechnet…</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../app/backup_dialog.py" line="84"/>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="84"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="84"/>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="84"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="85"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../app/backup_dialog.py" line="273"/>
        <source>Shop file damaged</source>
        <translation>Laden-Datei beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="281"/>
        <source>The newest good backup is from %1 (%2; %3). Restore it now? The damaged file is not deleted but kept aside.</source>
        <translation>Die neueste gute Sicherung ist vom %1 (%2; %3). Jetzt wiederherstellen? Die beschädigte Datei wird nicht gelöscht, sondern beiseitegelegt.</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="285"/>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="287"/>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="333"/>
        <source>Daily backup saved: %1</source>
        <translation>Tägliche Sicherung gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="347"/>
        <source>Daily backup…</source>
        <translation>Tägliche Sicherung…</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="366"/>
        <source>Restoring backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../app/calendar_view.py" line="200"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="200"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="200"/>
        <source>What is special</source>
        <translation>Besonderheiten</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="200"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="201"/>
        <source>Weather</source>
        <translation>Wetter</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="212"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="212"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="212"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="212"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="212"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="213"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="223"/>
        <source>&amp;New event…</source>
        <translation>&amp;Neues Ereignis…</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="224"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="225"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="226"/>
        <source>Enter &amp;weather…</source>
        <translation>&amp;Wetter eintragen…</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="227"/>
        <source>&amp;Fetch weather forecast (internet)</source>
        <translation>Wettervorhersage &amp;abrufen (Internet)</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="228"/>
        <source>Uses the internet only when you press this</source>
        <translation>Nutzt das Internet nur, wenn Sie hier klicken</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="242"/>
        <source>Current and coming events of the shop</source>
        <translation>Aktuelle und kommende Ereignisse</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="253"/>
        <source>The coming weeks</source>
        <translation>Die nächsten Wochen</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="299"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="313"/>
        <source>Weather forecast</source>
        <translation>Wettervorhersage</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="368"/>
        <source>Event saved: %1</source>
        <translation>Ereignis gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="382"/>
        <source>Event deleted: %1</source>
        <translation>Ereignis gelöscht: %1</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="400"/>
        <source>Weather forecast saved for %1.</source>
        <translation>Wettervorhersage für %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="409"/>
        <source>To fetch the forecast the shop needs its location (postal code in the settings). You can always type the weather in by hand.</source>
        <translation>Zum Abrufen der Vorhersage braucht der Laden seinen Standort (Postleitzahl bzw. Koordinaten in den Einstellungen). Das Wetter können Sie jederzeit von Hand eintragen.</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="420"/>
        <location filename="../../app/calendar_view.py" line="421"/>
        <source>Fetching the weather forecast…</source>
        <translation>Wettervorhersage wird abgerufen…</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="425"/>
        <source>Weather forecast fetched: %1 days.</source>
        <translation>Wettervorhersage abgerufen: %1 Tage.</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="431"/>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Abgebrochen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="446"/>
        <source>Import weather file</source>
        <translation>Wetterdatei importieren</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="447"/>
        <source>Weather files (*.csv *.txt);;All files (*)</source>
        <translation>Wetterdateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="459"/>
        <source>Importing weather…</source>
        <translation>Wetter wird importiert…</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="463"/>
        <source>%1 weather days imported.</source>
        <translation>%1 Wettertage importiert.</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="469"/>
        <source>Import events</source>
        <translation>Ereignisse importieren</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="470"/>
        <source>Calendars (*.ics *.csv);;All files (*)</source>
        <translation>Kalender (*.ics *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="474"/>
        <source>Importing events…</source>
        <translation>Ereignisse werden importiert…</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="479"/>
        <source>%1 events imported.</source>
        <translation>%1 Ereignisse importiert.</translation>
    </message>
</context>
<context>
    <name>CollectView</name>
    <message>
        <location filename="../../app/workshop_view.py" line="342"/>
        <source>Workshop results: %1</source>
        <translation>Workshop-Ergebnisse: %1</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="351"/>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="352"/>
        <source>C&amp;harts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="356"/>
        <source>R&amp;ounds</source>
        <translation>R&amp;unden</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="361"/>
        <source>&amp;Read the folder again</source>
        <translation>Ordner &amp;neu einlesen</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="381"/>
        <source>Reading the results…</source>
        <translation>Ergebnisse werden gelesen…</translation>
    </message>
</context>
<context>
    <name>ContributionDialog</name>
    <message>
        <location filename="../../app/association_dialog.py" line="99"/>
        <source>Association contribution</source>
        <translation>Verbandsbeitrag</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="101"/>
        <source>Your shop shares what it has learned with the association, not its sales. First the contribution is computed (a few seconds); then you see what is inside before anything is written.</source>
        <translation>Ihr Laden teilt mit dem Verband, was er gelernt hat, nicht seine Verkäufe. Zuerst wird der Beitrag berechnet (einige Sekunden); dann sehen Sie, was darin steht, bevor etwas geschrieben wird.</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="110"/>
        <source>Share the product &amp;names as well (only if you allow it)</source>
        <translation>Produkt&amp;namen mitteilen (nur wenn Sie es erlauben)</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="113"/>
        <source>Save &amp;as:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="115"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="117"/>
        <source>&amp;Save contribution</source>
        <translation>Beitrag &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="119"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="148"/>
        <source>association-contribution</source>
        <translation>verbandsbeitrag</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="155"/>
        <location filename="../../app/association_dialog.py" line="162"/>
        <source>Computing the contribution…</source>
        <translation>Beitrag wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="177"/>
        <source>Nothing has been written yet. Choose where to save it and confirm with “Save contribution”.</source>
        <translation>Noch ist nichts geschrieben. Wählen Sie, wo der Beitrag gespeichert wird, und bestätigen Sie mit „Beitrag speichern“.</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="198"/>
        <source>File size: %1 kB</source>
        <translation>Dateigröße: %1 kB</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="208"/>
        <location filename="../../app/association_dialog.py" line="246"/>
        <source>Save contribution</source>
        <translation>Beitrag speichern</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="209"/>
        <source>Association contribution (*.bkcontrib)</source>
        <translation>Verbandsbeitrag (*.bkcontrib)</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="226"/>
        <source>Please choose where to save the contribution.</source>
        <translation>Bitte wählen Sie, wo der Beitrag gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="239"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="247"/>
        <source>%1 exists already. Replace it?</source>
        <translation>%1 gibt es schon. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>DayCard</name>
    <message>
        <location filename="../../app/day_strip.py" line="45"/>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../app/import_wizard.py" line="784"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="795"/>
        <source>Importing… You can keep working meanwhile.</source>
        <translation>Import läuft… Sie können währenddessen weiterarbeiten.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="821"/>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="825"/>
        <source>Creating the shop and importing the sales…</source>
        <translation>Der Laden wird angelegt, die Verkäufe werden importiert…</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="836"/>
        <source>Creating the shop…</source>
        <translation>Laden wird angelegt…</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="852"/>
        <source>%1 rows imported.</source>
        <translation>%1 Zeilen importiert.</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../app/import_wizard.py" line="97"/>
        <source>Drop your file here
(CSV, TXT or Excel from the till or a spreadsheet, or the till&apos;s DSFinV-K export as .zip or folder)</source>
        <translation>Datei hier ablegen
(CSV, TXT oder Excel aus der Kasse oder einer Tabelle, oder der DSFinV-K-Export der Kasse als ZIP oder Ordner)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../app/error_dialog.py" line="58"/>
        <source>Something unexpected went wrong (%1). Please press “Copy details” and send them along when you report the error.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen (%1). Bitte „Details kopieren“ drücken und die Details beim Melden des Fehlers mitschicken.</translation>
    </message>
    <message>
        <location filename="../../app/error_dialog.py" line="81"/>
        <source>Bestellkompass</source>
        <translation>Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/error_dialog.py" line="99"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../app/error_dialog.py" line="100"/>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../app/error_dialog.py" line="118"/>
        <source>Details copied</source>
        <translation>Details kopiert</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../app/calendar_view.py" line="74"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="75"/>
        <source>Edit event</source>
        <translation>Ereignis bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="91"/>
        <source>smaller than usual</source>
        <translation>kleiner als sonst</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="92"/>
        <source>as usual</source>
        <translation>wie üblich</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="93"/>
        <source>bigger than usual</source>
        <translation>größer als sonst</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="94"/>
        <source>much bigger than usual</source>
        <translation>viel größer als sonst</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="101"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="102"/>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="103"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="104"/>
        <source>&amp;To</source>
        <translation>&amp;Bis</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="106"/>
        <source>All products</source>
        <translation>Alle Produkte</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="113"/>
        <source>Only a promotion can be for a single product; it then changes only that product&apos;s forecast.</source>
        <translation>Nur eine Aktion kann für ein einzelnes Produkt gelten; sie verändert dann nur die Prognose dieses Produkts.</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="115"/>
        <source>&amp;Product</source>
        <translation>&amp;Produkt</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="116"/>
        <source>&amp;Size</source>
        <translation>&amp;Größe</translation>
    </message>
</context>
<context>
    <name>FactsPage</name>
    <message>
        <location filename="../../app/import_wizard.py" line="560"/>
        <source>Check what was read from your data</source>
        <translation>Prüfen Sie, was aus Ihren Daten gelesen wurde</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="561"/>
        <source>Correct what is wrong. Nothing is written before “Create shop and import”.</source>
        <translation>Korrigieren Sie, was nicht stimmt. Geschrieben wird erst mit „Laden anlegen und importieren“.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="564"/>
        <source>&amp;Create shop and import</source>
        <translation>Laden &amp;anlegen und importieren</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="581"/>
        <source>pieces</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="582"/>
        <source>euros</source>
        <translation>Euro</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="592"/>
        <source>Shop na&amp;me</source>
        <translation>Name des &amp;Ladens</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="595"/>
        <source>&amp;State (Bundesland)</source>
        <translation>&amp;Bundesland</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="599"/>
        <source>Weather</source>
        <translation>Wetter</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="600"/>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="601"/>
        <source>Each public &amp;holiday</source>
        <translation>&amp;Feiertage einzeln</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="604"/>
        <source>Quantities &amp;in</source>
        <translation>Mengen &amp;in</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="731"/>
        <source>%1 holds turnover: the products are planned and shown in euros</source>
        <translation>%1 enthält Umsatz: die Produkte werden in Euro geplant und angezeigt</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="734"/>
        <source>%1 counts pieces</source>
        <translation>%1 zählt Stück</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="642"/>
        <source>1 product with sales from %2 to %3.</source>
        <translation>1 Produkt mit Verkäufen vom %2 bis %3.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="643"/>
        <source>%1 products with sales from %2 to %3.</source>
        <translation>%1 Produkte mit Verkäufen vom %2 bis %3.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="656"/>
        <source>from the postal code %1 %2</source>
        <translation>aus der Postleitzahl %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="659"/>
        <source>chosen by you (the postal code %1 lies in %2)</source>
        <translation>von Ihnen gewählt (die Postleitzahl %1 liegt in %2)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="663"/>
        <source>chosen by you</source>
        <translation>von Ihnen gewählt</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="665"/>
        <source>known: %1 at %2, %3 (from the postal code)</source>
        <translation>bekannt: %1, Koordinaten %2, %3 (aus der Postleitzahl)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="670"/>
        <source>unknown without a postal code (add it later in the settings)</source>
        <translation>ohne Postleitzahl unbekannt (später in den Einstellungen nachtragen)</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../app/import_wizard.py" line="118"/>
        <location filename="../../app/import_wizard.py" line="180"/>
        <source>Choose a file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="119"/>
        <source>Nothing is written to your shop before the last step.</source>
        <translation>Vor dem letzten Schritt wird nichts in Ihren Laden geschrieben.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="122"/>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="123"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Datei wählen…</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="124"/>
        <source>Choose f&amp;older…</source>
        <translation>&amp;Ordner wählen…</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="125"/>
        <source>An unpacked DSFinV-K export of the till</source>
        <translation>Ein entpackter DSFinV-K-Export der Kasse</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="132"/>
        <source>&amp;Sales history</source>
        <translation>&amp;Verkaufszahlen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="132"/>
        <source>&amp;Weather</source>
        <translation>W&amp;etter</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="133"/>
        <source>&amp;Events (ICS or CSV)</source>
        <translation>E&amp;reignisse (ICS oder CSV)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="144"/>
        <source>What is in the file?</source>
        <translation>Was steht in der Datei?</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="181"/>
        <source>Data files (*.csv *.txt *.xlsx *.xls *.zip *.ics);;All files (*)</source>
        <translation>Datendateien (*.csv *.txt *.xlsx *.xls *.zip *.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="186"/>
        <source>Choose the export folder</source>
        <translation>Ordner des Exports wählen</translation>
    </message>
</context>
<context>
    <name>GoodsReceiptDialog</name>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="111"/>
        <source>Goods received</source>
        <translation>Lieferung erhalten</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="112"/>
        <source>&amp;Delivery day</source>
        <translation>&amp;Liefertag</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="116"/>
        <source>Confirm or correct what really came for the orders due that day: prefilled with what was ordered. A short or extra delivery changes the stock from that day on. A product that came without an order: choose it below and add it.</source>
        <translation>Bestätigen oder korrigieren Sie, was für die an diesem Tag fälligen Bestellungen wirklich kam: vorausgefüllt mit der bestellten Menge. Eine Minder- oder Mehrlieferung ändert den Bestand ab diesem Tag. Ein Produkt, das ohne Bestellung kam: unten auswählen und hinzufügen.</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="130"/>
        <source>&amp;Other product</source>
        <translation>&amp;Weiteres Produkt</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="132"/>
        <source>Add &amp;product</source>
        <translation>Produkt &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="140"/>
        <source>&amp;Book receipt</source>
        <translation>Wareneingang &amp;buchen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="141"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="162"/>
        <source>%1 (ordered %2 %3)</source>
        <translation>%1 (bestellt %2 %3)</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="167"/>
        <source>No orders are due on this day.</source>
        <translation>Für diesen Tag ist keine Bestellung fällig.</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="202"/>
        <source>%1 (not ordered, in %2)</source>
        <translation>%1 (nicht bestellt, in %2)</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="223"/>
        <source>Goods received %1</source>
        <translation>Lieferung erhalten %1</translation>
    </message>
</context>
<context>
    <name>GroupModel</name>
    <message>
        <location filename="../../app/workshop_view.py" line="301"/>
        <source>Bestellkompass</source>
        <translation>Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="302"/>
        <source>Same as last week</source>
        <translation>Wie letzte Woche</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="315"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="315"/>
        <source>Waste</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="315"/>
        <source>Short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="315"/>
        <source>Sold-out days</source>
        <translation>Ausverkauft-Tage</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="316"/>
        <source>Margin EUR</source>
        <translation>Marge €</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/import_wizard.py" line="81"/>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Abgebrochen. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="880"/>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="881"/>
        <source>New shop: %1</source>
        <translation>Neuer Laden: %1</translation>
    </message>
</context>
<context>
    <name>JobBar</name>
    <message>
        <location filename="../../app/jobs.py" line="176"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/jobs.py" line="212"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../app/launch.py" line="184"/>
        <source>%1 is already open in Bestellkompass; that window was brought to the front.</source>
        <translation>%1 ist schon in Bestellkompass geöffnet; jenes Fenster wurde nach vorne geholt.</translation>
    </message>
    <message>
        <location filename="../../app/launch.py" line="191"/>
        <source>%1 is already open in another Bestellkompass window (process %2 on computer %3). Please continue there, or close that window first.</source>
        <translation>%1 ist schon in einem anderen Bestellkompass-Fenster geöffnet (Prozess %2 auf Rechner %3). Bitte dort weiterarbeiten oder jenes Fenster zuerst schließen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="74"/>
        <source>Bestellkompass</source>
        <translation>Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="84"/>
        <source>&amp;Order sheet</source>
        <translation>&amp;Bestellung</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="85"/>
        <source>&amp;Calendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="87"/>
        <source>&amp;Review</source>
        <translation>&amp;Rückblick</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="111"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="112"/>
        <source>&amp;Open shop file…</source>
        <translation>Laden-Datei &amp;öffnen…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="113"/>
        <source>&amp;New shop…</source>
        <translation>&amp;Neuer Laden…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="114"/>
        <source>Start your own shop and import your sales</source>
        <translation>Eigenen Laden anlegen und Verkaufszahlen importieren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="115"/>
        <source>&amp;Import sales history…</source>
        <translation>Verkaufszahlen &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="116"/>
        <source>Bring in your own till data</source>
        <translation>Eigene Kassendaten übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="117"/>
        <source>Restore &amp;backup…</source>
        <translation>Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="118"/>
        <source>Go back to an earlier state of the shop</source>
        <translation>Zu einem früheren Stand des Ladens zurückkehren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="121"/>
        <source>&amp;Print order list…</source>
        <translation>Bestellliste &amp;drucken…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="122"/>
        <source>Print pre&amp;view…</source>
        <translation>Druck&amp;vorschau…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="123"/>
        <source>See the printed order list before printing</source>
        <translation>Die Bestellliste ansehen, wie sie gedruckt wird</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="124"/>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="125"/>
        <source>Export as &amp;Excel (XLSX)…</source>
        <translation>Als &amp;Excel (XLSX) exportieren…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="127"/>
        <source>Order lists per &amp;supplier…</source>
        <translation>Bestelllisten je &amp;Lieferant…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="128"/>
        <source>One PDF and one CSV per supplier or area, in a folder you choose</source>
        <translation>Je Lieferant oder Bereich ein PDF und eine CSV, in einem Ordner Ihrer Wahl</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="129"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="132"/>
        <source>Recen&amp;t shops</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="143"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="144"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="146"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="148"/>
        <source>Accept &amp;all suggestions</source>
        <translation>&amp;Alle Vorschläge übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="150"/>
        <source>Accept this &amp;line</source>
        <translation>Diese &amp;Zeile übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="152"/>
        <source>Product &amp;details…</source>
        <translation>Produkt&amp;details…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="163"/>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="165"/>
        <source>Import &amp;weather file…</source>
        <translation>&amp;Wetterdatei importieren…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="167"/>
        <source>Import &amp;events (ICS/CSV)…</source>
        <translation>&amp;Ereignisse importieren (ICS/CSV)…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="169"/>
        <source>Import stock &amp;list (inventory)…</source>
        <translation>&amp;Bestandsliste (Inventur) importieren…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="172"/>
        <source>Goods &amp;received…</source>
        <translation>Lieferung e&amp;rhalten…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="173"/>
        <source>Confirm or correct what really came for the day&apos;s open orders</source>
        <translation>Bestätigen oder korrigieren, was für die offenen Bestellungen des Tages wirklich kam</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="175"/>
        <source>Book write-&amp;off…</source>
        <translation>&amp;Abschrift buchen…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="176"/>
        <source>Goods taken off the shelf unsold: expired or damaged</source>
        <translation>Unverkauft aus dem Regal genommene Ware: abgelaufen oder beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="182"/>
        <source>Association contri&amp;bution…</source>
        <translation>&amp;Verbandsbeitrag erstellen…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="183"/>
        <source>See what your shop would share with its association, then save it</source>
        <translation>Sehen, was Ihr Laden mit dem Verband teilen würde, dann speichern</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="185"/>
        <source>Load association &amp;prior…</source>
        <translation>Verbandswissen &amp;laden…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="186"/>
        <source>Let the forecast lean on what many shops learned together</source>
        <translation>Die Vorhersage auf das stützen, was viele Läden gemeinsam gelernt haben</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="190"/>
        <source>&amp;Settings…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="192"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="193"/>
        <source>&amp;Larger text</source>
        <translation>Schrift &amp;größer</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="195"/>
        <source>&amp;Smaller text</source>
        <translation>Schrift &amp;kleiner</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="197"/>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normale Schriftgröße</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="210"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="211"/>
        <source>&amp;About Bestellkompass…</source>
        <translation>Ü&amp;ber Bestellkompass…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="215"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="237"/>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="239"/>
        <source>(no other shops yet)</source>
        <translation>(noch keine anderen Läden)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="273"/>
        <source>Import stock list</source>
        <translation>Bestandsliste importieren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="274"/>
        <source>Lists (*.csv *.xlsx *.xls);;All files (*)</source>
        <translation>Listen (*.csv *.xlsx *.xls);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="290"/>
        <source>Importing stock list…</source>
        <translation>Bestandsliste wird importiert…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="364"/>
        <source>Open shop file</source>
        <translation>Laden-Datei öffnen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="365"/>
        <source>Shop files (*.bkshop);;All files (*)</source>
        <translation>Laden-Dateien (*.bkshop);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="387"/>
        <source>order</source>
        <translation>bestellung</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="394"/>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="394"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="422"/>
        <source>Folder for the order lists</source>
        <translation>Ordner für die Bestelllisten</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="433"/>
        <source>Saved %1 files in %2</source>
        <translation>%1 Dateien gespeichert in %2</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="440"/>
        <source>Order lists saved</source>
        <translation>Bestelllisten gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="441"/>
        <source>%1 files saved in %2.</source>
        <translation>%1 Dateien gespeichert in %2.</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="443"/>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="315"/>
        <location filename="../../app/main_window.py" line="456"/>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="402"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="119"/>
        <source>Export order list as P&amp;DF…</source>
        <translation>Bestellliste als &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="154"/>
        <source>Re&amp;compute suggestions</source>
        <translation>Vorschläge neu &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="199"/>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="284"/>
        <source>Stock list saved: 1 product for %2.</source>
        <translation>Bestandsliste gespeichert: 1 Produkt für %2.</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="285"/>
        <source>Stock list saved: %1 products for %2.</source>
        <translation>Bestandsliste gespeichert: %1 Produkte für %2.</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="402"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="410"/>
        <source>Export Excel</source>
        <translation>Excel exportieren</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="410"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="476"/>
        <source>Print preview: %1</source>
        <translation>Druckvorschau: %1</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="477"/>
        <source>Print preview of the order list</source>
        <translation>Druckvorschau der Bestellliste</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="489"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/main_window.py" line="495"/>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Abgebrochen. Es wurde nichts verändert.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../app/import_wizard.py" line="202"/>
        <source>Check the columns</source>
        <translation>Spalten prüfen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="203"/>
        <source>Bestellkompass guessed how the file is built. Correct the columns if a guess is wrong.</source>
        <translation>Bestellkompass hat erkannt, wie die Datei aufgebaut ist. Korrigieren Sie die Spalten, falls etwas falsch erkannt wurde.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="213"/>
        <source>one row per day and product</source>
        <translation>eine Zeile je Tag und Produkt</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="214"/>
        <source>one row per sale (receipts)</source>
        <translation>eine Zeile je Verkauf (Bons)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="215"/>
        <source>one column per product</source>
        <translation>eine Spalte je Produkt</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="221"/>
        <source>detect</source>
        <translation>erkennen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="222"/>
        <source>day.month (31.12.)</source>
        <translation>Tag.Monat (31.12.)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="223"/>
        <source>month/day (12/31)</source>
        <translation>Monat/Tag (12/31)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="228"/>
        <source>(please choose)</source>
        <translation>(bitte wählen)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="229"/>
        <source>pieces</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="230"/>
        <source>euros (turnover)</source>
        <translation>Euro (Umsatz)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="236"/>
        <source>&amp;Layout</source>
        <translation>&amp;Aufbau</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="237"/>
        <source>&amp;Date column</source>
        <translation>&amp;Datumsspalte</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="238"/>
        <source>&amp;Product column</source>
        <translation>&amp;Produktspalte</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="239"/>
        <source>&amp;Quantity column</source>
        <translation>&amp;Mengenspalte</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="240"/>
        <source>Product columns</source>
        <translation>Produktspalten</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="241"/>
        <source>Date &amp;order</source>
        <translation>Datums&amp;reihenfolge</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="242"/>
        <source>&amp;Encoding</source>
        <translation>Zeichen&amp;satz</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="243"/>
        <source>Quantities &amp;count</source>
        <translation>Mengen zähl&amp;en</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="287"/>
        <source>Detected: %1, encoding %2, separator %3, decimal %4, header in row %5.</source>
        <translation>Erkannt: %1, Zeichensatz %2, Trennzeichen %3, Dezimalzeichen %4, Überschrift in Zeile %5.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="297"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="342"/>
        <source>The column “%1” looks like money (turnover), not pieces. Choose what it counts: in euros the products are planned and shown in euros.</source>
        <translation>Die Spalte „%1“ sieht nach Geld (Umsatz) aus, nicht nach Stückzahlen. Wählen Sie, was sie zählt: in Euro werden die Artikel in Euro geplant und angezeigt.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="362"/>
        <source>DSFinV-K export of the till. Counted are the lines of receipts of type Beleg with business case Umsatz (MENGE × FAKTOR, cancellations and returns as booked, all registers and daily closings); training, aborted and other receipts are left out. The next step shows every line&apos;s place.</source>
        <translation>DSFinV-K-Export der Kasse. Gezählt werden die Zeilen von Bons vom Typ Beleg mit Vorgang (GV_TYP) Umsatz (MENGE × FAKTOR, Stornos und Rücknahmen wie gebucht, alle Kassen und Tagesabschlüsse); Training, Abbrüche und andere Vorgänge bleiben außen vor. Der nächste Schritt zeigt, wohin jede Zeile gegangen ist.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="373"/>
        <source>Weather file: %1 days from %2 to %3.</source>
        <translation>Wetterdatei: %1 Tage vom %2 bis %3.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="380"/>
        <source>Events file: %1 events.</source>
        <translation>Ereignisdatei: %1 Ereignisse.</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="434"/>
        <source>Choose what the quantities count: pieces or euros.</source>
        <translation>Wählen Sie, was die Mengen zählen: Stück oder Euro.</translation>
    </message>
</context>
<context>
    <name>NewShopDialog</name>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="56"/>
        <location filename="../../app/new_shop_dialog.py" line="112"/>
        <source>New shop</source>
        <translation>Neuer Laden</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="58"/>
        <source>Your own shop gets its own file. The demo bakery stays as it is.</source>
        <translation>Ihr eigener Laden bekommt eine eigene Datei. Die Demo-Bäckerei bleibt, wie sie ist.</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="65"/>
        <source>(please choose, or give the postal code)</source>
        <translation>(bitte wählen oder die Postleitzahl angeben)</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="69"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="73"/>
        <source>Shop &amp;name</source>
        <translation>Name des &amp;Ladens</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="74"/>
        <source>&amp;Postal code</source>
        <translation>&amp;Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="75"/>
        <source>&amp;Bundesland</source>
        <translation>&amp;Bundesland</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="76"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="91"/>
        <source>Next: &amp;import sales…</source>
        <translation>Weiter: &amp;Verkäufe importieren…</translation>
    </message>
    <message>
        <location filename="../../app/new_shop_dialog.py" line="113"/>
        <source>Shop files (*.bkshop)</source>
        <translation>Laden-Dateien (*.bkshop)</translation>
    </message>
</context>
<context>
    <name>OrderListPrint</name>
    <message>
        <location filename="../../app/pdf_export.py" line="84"/>
        <source>Item no.</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="85"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="86"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="87"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="88"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="102"/>
        <source>Customer number %1</source>
        <translation>Kundennummer %1</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="106"/>
        <source>Delivery %1</source>
        <translation>Lieferung %1</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="109"/>
        <source>order by %1</source>
        <translation>Bestellschluss %1</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="55"/>
        <source>suggestion only</source>
        <translation>nur Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/pdf_export.py" line="56"/>
        <source>Other products</source>
        <translation>Weitere Produkte</translation>
    </message>
</context>
<context>
    <name>OrderPlanModel</name>
    <message>
        <location filename="../../app/order_model.py" line="65"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="66"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="67"/>
        <source>In stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="68"/>
        <source>On order</source>
        <translation>schon bestellt</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="69"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="70"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="71"/>
        <source>Your order</source>
        <translation>Ihre Bestellung</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="72"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="73"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="77"/>
        <source>Ticked lines are decided and saved</source>
        <translation>Abgehakte Zeilen sind entschieden und gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="79"/>
        <source>Goods that keep: what is on the shelf now (type the count, Enter)</source>
        <translation>Ware, die sich hält: was jetzt im Regal liegt (Zählung eintippen, Enter)</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="80"/>
        <source>Ordered earlier and not delivered yet</source>
        <translation>Früher bestellt und noch nicht geliefert</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="81"/>
        <source>Expected sales (median): of the day, or for goods that keep summed over the days the order covers</source>
        <translation>Erwartete Verkäufe (Median): des Tages, bei haltbarer Ware summiert über die Tage, die die Bestellung deckt</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="83"/>
        <source>What Bestellkompass suggests to bake or order</source>
        <translation>Was Bestellkompass zu backen oder zu bestellen vorschlägt</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="84"/>
        <source>Type your quantity and press Enter</source>
        <translation>Menge eintippen und Enter drücken</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="85"/>
        <source>Your order minus the suggestion</source>
        <translation>Ihre Bestellung minus Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="86"/>
        <source>What moved the suggestion most</source>
        <translation>Was den Vorschlag am meisten bewegt hat</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="180"/>
        <source>%1: forecast %2, suggestion %3, %4. Why: %5</source>
        <translation>%1: Prognose %2, Vorschlag %3, %4. Warum: %5</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="182"/>
        <source>not decided yet</source>
        <translation>noch nicht entschieden</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="184"/>
        <source>your order %1</source>
        <translation>Ihre Bestellung %1</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="192"/>
        <source>%1 decided</source>
        <translation>%1 entschieden</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="193"/>
        <source>%1 not decided</source>
        <translation>%1 nicht entschieden</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="195"/>
        <source>Order for %1: %2</source>
        <translation>Bestellung für %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="197"/>
        <source>Stock of %1: %2</source>
        <translation>Bestand von %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="198"/>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="211"/>
        <source>Expected sales (median) summed over the days the order covers, %1 to %2. %3</source>
        <translation>Erwartete Verkäufe (Median), summiert über die Tage, die die Bestellung deckt: %1 bis %2. %3</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="219"/>
        <source>Not decided yet: the suggestion is shown</source>
        <translation>Noch nicht entschieden: der Vorschlag wird angezeigt</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="222"/>
        <source>Not counted: the suggestion assumes the shelf is empty. Type what is there to order only what is missing.</source>
        <translation>Nicht gezählt: Der Vorschlag geht von einem leeren Regal aus. Tippen Sie ein, was da ist, dann wird nur bestellt, was fehlt.</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="224"/>
        <source>Counted on %1, less what sold since. The suggestion covers the demand until the next delivery, minus this stock and what is on order.</source>
        <translation>Gezählt am %1, abzüglich der Verkäufe seitdem. Der Vorschlag deckt den Bedarf bis zur nächsten Lieferung, abzüglich dieses Bestands und der offenen Bestellungen.</translation>
    </message>
</context>
<context>
    <name>OrderSheetView</name>
    <message>
        <location filename="../../app/order_sheet.py" line="184"/>
        <source>Orders for</source>
        <translation>Bestellung für</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="192"/>
        <source>Previous day (Alt+Left)</source>
        <translation>Vorheriger Tag (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="196"/>
        <source>Next day (Alt+Right)</source>
        <translation>Nächster Tag (Alt+Rechts)</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="198"/>
        <source>&amp;Accept all suggestions</source>
        <translation>&amp;Alle Vorschläge übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="199"/>
        <source>Take the suggestion for every open line</source>
        <translation>Für jede offene Zeile den Vorschlag übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="200"/>
        <source>&amp;Recompute</source>
        <translation>Neu &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="201"/>
        <source>Compute the suggestions again from the latest data</source>
        <translation>Vorschläge mit den neuesten Daten neu berechnen</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="213"/>
        <source>This is a demo shop with invented numbers. Try everything; your own shop gets its own file.</source>
        <translation>Dies ist ein Demo-Laden mit erfundenen Zahlen. Probieren Sie alles aus; Ihr eigener Laden bekommt eine eigene Datei.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="216"/>
        <source>Start my &amp;own shop and import my sales…</source>
        <translation>&amp;Eigenen Laden anlegen und Verkaufszahlen importieren…</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="225"/>
        <source>Reasons for the whole day</source>
        <translation>Gründe für den ganzen Tag</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="296"/>
        <source>Other products</source>
        <translation>Weitere Produkte</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="306"/>
        <source>Order list: %1</source>
        <translation>Bestellliste: %1</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="308"/>
        <source>One line per product: forecast, suggestion, your order and why. Type a quantity and press Enter; Space ticks a line.</source>
        <translation>Eine Zeile je Produkt: Prognose, Vorschlag, Ihre Bestellung und warum. Menge eingeben und Eingabetaste drücken; die Leertaste hakt eine Zeile ab.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="364"/>
        <source>Computing the suggestions… The window stays usable meanwhile.</source>
        <translation>Die Vorschläge werden berechnet… Das Fenster bleibt währenddessen bedienbar.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="366"/>
        <source>No suggestions yet for this day. Press &quot;Recompute&quot;, or import your own sales history.</source>
        <translation>Für diesen Tag gibt es noch keine Vorschläge. Klicken Sie auf „Neu berechnen“ oder importieren Sie Ihre eigenen Verkaufszahlen.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="374"/>
        <source>Progress of the suggestions</source>
        <translation>Fortschritt der Vorschläge</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="377"/>
        <source>&amp;Import my own data…</source>
        <translation>Eigene Daten &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="393"/>
        <source>Computing the suggestions…</source>
        <translation>Die Vorschläge werden berechnet…</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="395"/>
        <source>No suggestions computed for this day yet.</source>
        <translation>Für diesen Tag wurden noch keine Vorschläge berechnet.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="399"/>
        <source>Suggestions computed %1.</source>
        <translation>Vorschläge berechnet %1.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="401"/>
        <source>Suggestions are up to date (computed %1).</source>
        <translation>Die Vorschläge sind aktuell (berechnet %1).</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="403"/>
        <source>Data changed since the suggestions were computed (%1): please recompute.</source>
        <translation>Die Daten haben sich seit der Berechnung geändert (%1): bitte neu berechnen.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="410"/>
        <source>%1 of %2 lines decided.</source>
        <translation>%1 von %2 Zeilen entschieden.</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="436"/>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="448"/>
        <source>Change order %1</source>
        <translation>Bestellung ändern: %1</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="460"/>
        <source>Stock %1</source>
        <translation>Bestand %1</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="468"/>
        <source>Reopen %1</source>
        <translation>Wieder öffnen: %1</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="473"/>
        <source>Accept %1</source>
        <translation>Übernehmen: %1</translation>
    </message>
    <message>
        <location filename="../../app/order_sheet.py" line="474"/>
        <source>Accept all</source>
        <translation>Alle übernehmen</translation>
    </message>
</context>
<context>
    <name>PlayDayModel</name>
    <message>
        <location filename="../../app/workshop_view.py" line="71"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="71"/>
        <source>Sold a week ago</source>
        <translation>Verkauft vor einer Woche</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="71"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="72"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="72"/>
        <source>Your order</source>
        <translation>Ihre Bestellung</translation>
    </message>
</context>
<context>
    <name>PlayDayView</name>
    <message>
        <location filename="../../app/workshop_view.py" line="146"/>
        <source>&amp;Close the day and see what happened</source>
        <translation>Tag &amp;abschließen und sehen, was geschah</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="147"/>
        <source>&amp;Close the day</source>
        <translation>Tag &amp;abschließen</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="150"/>
        <source>What happened on %1</source>
        <translation>Was am %1 geschah</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="169"/>
        <source>Your orders are in. What happened you will see after the last day.</source>
        <translation>Ihre Bestellung ist notiert. Was geschah, sehen Sie nach dem letzten Tag.</translation>
    </message>
</context>
<context>
    <name>PriorDialog</name>
    <message>
        <location filename="../../app/association_dialog.py" line="272"/>
        <source>Association prior</source>
        <translation>Verbandswissen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="274"/>
        <source>An association prior holds what many shops have learned together, without their sales. The forecast uses it as one more voice, most where your own history is thin. Before you use one you see what it rests on.</source>
        <translation>Verbandswissen enthält, was viele Läden gemeinsam gelernt haben, ohne ihre Verkäufe. Die Vorhersage nutzt es als eine Stimme mehr, am meisten dort, wo Ihre eigene Geschichte dünn ist. Bevor Sie es übernehmen, sehen Sie, worauf es beruht.</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="280"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="283"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="285"/>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="289"/>
        <source>&amp;Use this prior</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="290"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="317"/>
        <source>Looking for the prior in use…</source>
        <translation>Suche nach dem Verbandswissen in Gebrauch…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="329"/>
        <source>Reading the prior in use…</source>
        <translation>Verbandswissen in Gebrauch lesen…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="336"/>
        <source>No association prior is in use: the forecast rests on this shop&apos;s own sales.</source>
        <translation>Kein Verbandswissen in Gebrauch: Die Vorhersage beruht auf den eigenen Verkäufen dieses Ladens.</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="338"/>
        <source>In use: %1</source>
        <translation>In Gebrauch: %1</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="351"/>
        <source>prior from 1 shop in %2, %3 categories</source>
        <translation>Verbandswissen aus 1 Laden in %2, %3 Warengruppen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="352"/>
        <source>prior from %1 shops in %2, %3 categories</source>
        <translation>Verbandswissen aus %1 Läden in %2, %3 Warengruppen</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="361"/>
        <source>Load association prior</source>
        <translation>Verbandswissen laden</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="362"/>
        <source>Association prior (*.bkprior);;All files (*)</source>
        <translation>Verbandswissen (*.bkprior);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="373"/>
        <location filename="../../app/association_dialog.py" line="375"/>
        <source>Checking the file…</source>
        <translation>Datei wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="384"/>
        <source>What does it rest on?</source>
        <translation>Worauf beruht es?</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="386"/>
        <source>The file is fine: %1. Nothing has changed yet; “Use this prior” keeps it with the shop.</source>
        <translation>Die Datei ist in Ordnung: %1. Noch ist nichts geändert; „Übernehmen“ speichert es im Laden.</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="402"/>
        <source>Saving the prior with the shop…</source>
        <translation>Verbandswissen wird im Laden gespeichert…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="409"/>
        <source>Saving the prior…</source>
        <translation>Verbandswissen speichern…</translation>
    </message>
    <message>
        <location filename="../../app/association_dialog.py" line="423"/>
        <location filename="../../app/association_dialog.py" line="429"/>
        <source>Removing the prior…</source>
        <translation>Verbandswissen wird entfernt…</translation>
    </message>
</context>
<context>
    <name>ProductView</name>
    <message>
        <location filename="../../app/product_view.py" line="75"/>
        <source>%1 – why this number</source>
        <translation>%1 – warum diese Zahl</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="111"/>
        <source>&amp;Replay the last 4 weeks (takes a while)</source>
        <translation>&amp;Letzte 4 Wochen nachrechnen (dauert etwas)</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="112"/>
        <source>Computes, day by day, what Bestellkompass would have suggested and compares it with the sales</source>
        <translation>Rechnet Tag für Tag nach, was Bestellkompass vorgeschlagen hätte, und vergleicht es mit dem Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="117"/>
        <source>The replay covers goods sold on the day they are made</source>
        <translation>Das Nachrechnen gibt es für Ware, die am Tag der Herstellung verkauft wird</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="130"/>
        <source>Why this number</source>
        <translation>Warum diese Zahl</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="135"/>
        <source>How good were past suggestions?</source>
        <translation>Wie gut lagen die bisherigen Vorschläge?</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="163"/>
        <source>For %1: forecast %2, suggestion %3 %4.</source>
        <translation>Für %1: Prognose %2, Vorschlag %3 %4.</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="155"/>
        <source>Chance to sell out: %1 %. Expected leftover: %2.</source>
        <translation>Wahrscheinlichkeit, auszuverkaufen: %1 %. Erwartete Reste: %2.</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="174"/>
        <source>Expected margin: %1 €.</source>
        <translation>Erwartete Marge: %1 €.</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="192"/>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="198"/>
        <source>left over</source>
        <translation>übrig</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="202"/>
        <source>sold out</source>
        <translation>ausverkauft</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="248"/>
        <source>forecast per sales day (average over %1 days, band: 80 %)</source>
        <translation>Prognose je Verkaufstag (Mittel über %1 Tage, Band: 80 %)</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="255"/>
        <source>forecast (band: 80 %)</source>
        <translation>Prognose (Band: 80 %)</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="221"/>
        <source>suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="295"/>
        <location filename="../../app/product_view.py" line="306"/>
        <source>= forecast</source>
        <translation>= Prognose</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="307"/>
        <source>= suggestion</source>
        <translation>= Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="335"/>
        <location filename="../../app/product_view.py" line="340"/>
        <source>Replaying the last 4 weeks…</source>
        <translation>Die letzten 4 Wochen werden nachgerechnet…</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="361"/>
        <source>Not enough sales in the last weeks to replay.</source>
        <translation>Zu wenige Verkäufe in den letzten Wochen zum Nachrechnen.</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="364"/>
        <source>Last %1 days: our suggestions missed the sales by %2 on average, left at most %3 over and sold out on %4 days. &quot;Same as last week&quot;: %5 off, at most %6 left over, sold out on %7 days.</source>
        <translation>Letzte %1 Tage: unsere Vorschläge lagen im Mittel %2 neben dem Verkauf, höchstens %3 Reste, an %4 Tagen ausverkauft. „Wie letzte Woche“: %5 daneben, höchstens %6 Reste, an %7 Tagen ausverkauft.</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="379"/>
        <source>No earlier suggestions for this product are stored yet. After a few days of ordering with Bestellkompass this shows how close they were.</source>
        <translation>Für dieses Produkt sind noch keine früheren Vorschläge gespeichert. Nach ein paar Tagen Bestellen mit Bestellkompass steht hier, wie nah sie lagen.</translation>
    </message>
    <message>
        <location filename="../../app/product_view.py" line="383"/>
        <source>Last %1 days with a suggestion: on average %2 %3 away from what was sold (average sales %4). Leftover from the suggestions: %5; sold out on %6 days.</source>
        <translation>Letzte %1 Tage mit Vorschlag: im Mittel %2 %3 neben dem Verkauf (Verkauf im Mittel %4). Reste nach den Vorschlägen: %5; an %6 Tagen ausverkauft.</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <location filename="../../app/workshop_view.py" line="186"/>
        <source>Workshop: projector view</source>
        <translation>Workshop: Beamer-Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="224"/>
        <source>Bestellkompass: %1 left over, sold out %2 times</source>
        <translation>Bestellkompass: %1 übrig, %2-mal ausverkauft</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="226"/>
        <source>Same as last week: %1 left over, sold out %2 times</source>
        <translation>Wie letzte Woche: %1 übrig, %2-mal ausverkauft</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="232"/>
        <source>Highest margin: %1, %2 EUR</source>
        <translation>Höchste Marge: %1, %2 €</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="234"/>
        <source>Least waste: %1, %2 left over</source>
        <translation>Wenigste Reste: %1, %2 übrig</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="237"/>
        <source>%1 of %2 earned more than Bestellkompass</source>
        <translation>%1 von %2 verdienten mehr als Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/workshop_view.py" line="255"/>
        <source>Round %1, %2: per day %3 left over, margin %4 EUR (Bestellkompass: %5 left over, %6 EUR)</source>
        <translation>Runde %1, %2: je Tag %3 übrig, Marge %4 € (Bestellkompass: %5 übrig, %6 €)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/order_model.py" line="264"/>
        <source>An event I know about</source>
        <translation>Ein Ereignis, von dem ich weiß</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="265"/>
        <source>Supplier limit</source>
        <translation>Lieferant liefert nicht mehr</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="266"/>
        <source>Promotion</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="267"/>
        <source>Weather looks different</source>
        <translation>Das Wetter wird anders</translation>
    </message>
    <message>
        <location filename="../../app/order_model.py" line="268"/>
        <source>Other</source>
        <translation>Anderes</translation>
    </message>
    <message>
        <location filename="../../app/reason_dialog.py" line="31"/>
        <source>Why a different quantity?</source>
        <translation>Warum eine andere Menge?</translation>
    </message>
    <message>
        <location filename="../../app/reason_dialog.py" line="33"/>
        <source>%1: suggested %2, you order %3.</source>
        <translation>%1: Vorschlag %2, Sie bestellen %3.</translation>
    </message>
    <message>
        <location filename="../../app/reason_dialog.py" line="48"/>
        <source>A few words (optional, needed for &quot;Other&quot;)</source>
        <translation>Ein paar Worte (freiwillig, bei „Anderes“ nötig)</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../app/import_wizard.py" line="457"/>
        <source>Check the result before importing</source>
        <translation>Ergebnis vor dem Import prüfen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="459"/>
        <source>&amp;Import now</source>
        <translation>Jetzt &amp;importieren</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="462"/>
        <source>Keep the days already in the shop</source>
        <translation>Tage behalten, die schon im Laden sind</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="463"/>
        <source>Replace them with the file&apos;s numbers</source>
        <translation>Durch die Zahlen aus der Datei ersetzen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="465"/>
        <source>Import anyway and leave out the rejected rows</source>
        <translation>Trotzdem importieren und die abgelehnten Zeilen weglassen</translation>
    </message>
    <message>
        <location filename="../../app/import_wizard.py" line="502"/>
        <location filename="../../app/import_wizard.py" line="524"/>
        <source>Checking the file…</source>
        <translation>Datei wird geprüft…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../app/backup_dialog.py" line="114"/>
        <location filename="../../app/backup_dialog.py" line="191"/>
        <source>Restore backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="116"/>
        <source>Backups of %1, newest first. Bestellkompass backs up the shop file once a day when it is opened and before every import, update and restore; every backup was checked when it was written.</source>
        <translation>Sicherungen von %1, die neueste zuerst. Bestellkompass sichert die Laden-Datei einmal am Tag beim Öffnen und vor jedem Import, jeder Umstellung und jeder Wiederherstellung; jede Sicherung wurde beim Schreiben geprüft.</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="135"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="136"/>
        <source>Back up &amp;now</source>
        <translation>&amp;Jetzt sichern</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="162"/>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="164"/>
        <source>There is no backup yet.</source>
        <translation>Es gibt noch keine Sicherung.</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="192"/>
        <source>Replace the shop file with the backup of %1 (%2)?</source>
        <translation>Die Laden-Datei durch die Sicherung vom %1 (%2) ersetzen?</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="195"/>
        <source>The backup holds %1. Everything entered since then (sales, orders, settings) will no longer be in the shop file. The current state is backed up first, so you can go back to it.</source>
        <translation>Die Sicherung enthält %1. Alles, was seitdem eingetragen wurde (Verkäufe, Bestellungen, Einstellungen), ist danach nicht mehr in der Laden-Datei. Der jetzige Stand wird vorher gesichert, so dass Sie zu ihm zurückkehren können.</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="198"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="217"/>
        <source>Restoring…</source>
        <translation>Wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="219"/>
        <source>Restoring backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../../app/backup_dialog.py" line="241"/>
        <location filename="../../app/backup_dialog.py" line="243"/>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../app/review_view.py" line="78"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="78"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="78"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="79"/>
        <source>Your order</source>
        <translation>Ihre Bestellung</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="79"/>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="79"/>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="80"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="80"/>
        <source>Closer</source>
        <translation>Näher dran</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="81"/>
        <source>Over the delivery window</source>
        <translation>Über das Lieferfenster</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="83"/>
        <source>Whose number was closer to what sold. On a sold-out day demand was at least the sales: then it is only decided when both numbers lie well below the sales, else &quot;open&quot;.</source>
        <translation>Wessen Zahl näher am Verkauf lag. An einem ausverkauften Tag war die Nachfrage mindestens so hoch wie der Verkauf: dann steht es nur fest, wenn beide Zahlen deutlich unter dem Verkauf lagen, sonst „offen“.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="87"/>
        <source>Goods that keep: the order judged over the days its delivery covered (from the delivery to the next one): ordered, sold, written off, days sold out.</source>
        <translation>Ware mit Haltbarkeit: die Bestellung über die Tage beurteilt, die ihre Lieferung deckte (von der Lieferung bis zur nächsten): bestellt, verkauft, abgeschrieben, Tage ausverkauft.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="107"/>
        <location filename="../../app/review_view.py" line="110"/>
        <source>With your order: %1</source>
        <translation>Mit Ihrer Bestellung: %1</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="114"/>
        <source>With the suggestion: %1</source>
        <translation>Mit dem Vorschlag: %1</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="129"/>
        <source>no sales figures yet</source>
        <translation>noch keine Verkaufszahlen</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="134"/>
        <source>sold out</source>
        <translation>ausverkauft</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="139"/>
        <source>accepted</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="143"/>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="143"/>
        <source>suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="144"/>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="144"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../app/review_view.py" line="160"/>
        <source>last %1 weeks</source>
        <translation>letzte %1 Wochen</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="162"/>
        <source>&amp;Period</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="183"/>
        <source>Sold out means demand was at least the sales: what the other number would have left over or sold there is not known, so such days count as &quot;open&quot; unless both numbers lie well below the sales. Hover over a line for the leftovers and shortfalls of both numbers.</source>
        <translation>Ausverkauft heißt: Die Nachfrage war mindestens so hoch wie der Verkauf. Was die andere Zahl dort übrig gelassen oder verkauft hätte, weiß niemand; solche Tage zählen als „offen“, außer beide Zahlen lagen deutlich unter dem Verkauf. Zeigen Sie mit der Maus auf eine Zeile, um Reste und Fehlmengen beider Zahlen zu sehen.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="228"/>
        <source>Goods that keep are judged over the days their delivery covered: sold and sold out count over those days, not just the order day.</source>
        <translation>Ware mit Haltbarkeit wird über die Tage beurteilt, die ihre Lieferung deckt: Verkauft und Ausverkauft zählen über diese Tage, nicht nur den Bestelltag.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="239"/>
        <source>No decisions in the last %1 weeks yet. Decisions you make in the order sheet appear here once the sales of the day are in.</source>
        <translation>In den letzten %1 Wochen gibt es noch keine Entscheidungen. Was Sie in der Bestellung entscheiden, erscheint hier, sobald die Verkaufszahlen des Tages da sind.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="243"/>
        <source>In the last %1 weeks you accepted all %2 scored suggestions.</source>
        <translation>In den letzten %1 Wochen haben Sie alle %2 ausgewerteten Vorschläge übernommen.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="246"/>
        <source>In the last %1 weeks %2 changes: %3 times you were closer, %4 times the suggestion.</source>
        <translation>In den letzten %1 Wochen %2 Änderungen: %3-mal lagen Sie näher, %4-mal der Vorschlag.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="251"/>
        <source>%1 times the same, %2 times open (sold out).</source>
        <translation>%1-mal gleich, %2-mal offen (ausverkauft).</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="255"/>
        <source>1 line has no sales figures yet.</source>
        <translation>1 Zeile hat noch keine Verkaufszahlen.</translation>
    </message>
    <message>
        <location filename="../../app/review_view.py" line="257"/>
        <source>%1 lines have no sales figures yet.</source>
        <translation>%1 Zeilen haben noch keine Verkaufszahlen.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/settings_dialog.py" line="110"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="118"/>
        <source>&amp;Shop</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="119"/>
        <source>&amp;Products</source>
        <translation>&amp;Produkte</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="120"/>
        <source>S&amp;uppliers</source>
        <translation>Lie&amp;feranten</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="121"/>
        <source>&amp;Language and display</source>
        <translation>&amp;Sprache und Anzeige</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="124"/>
        <source>Leftovers or sold &amp;out</source>
        <translation>Reste oder ausverkauf&amp;t</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="164"/>
        <location filename="../../app/settings_dialog.py" line="559"/>
        <source>Open on public holidays</source>
        <translation>An Feiertagen geöffnet</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="168"/>
        <source>Each public &amp;holiday…</source>
        <translation>&amp;Feiertage einzeln…</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="182"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="196"/>
        <source>Reason, e.g. holiday</source>
        <translation>Grund, z. B. Urlaub</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="197"/>
        <source>&amp;Add closing day</source>
        <translation>Schließtag &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="198"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="204"/>
        <source>Shop &amp;name</source>
        <translation>Name des &amp;Ladens</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="205"/>
        <source>&amp;Postal code</source>
        <translation>&amp;Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="206"/>
        <source>&amp;Bundesland</source>
        <translation>&amp;Bundesland</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="208"/>
        <location filename="../../app/settings_dialog.py" line="558"/>
        <source>Opening days</source>
        <translation>Öffnungstage</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="211"/>
        <source>Location (latitude, longitude)</source>
        <translation>Standort (Breite, Länge)</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="212"/>
        <source>Closing days</source>
        <translation>Schließtage</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="214"/>
        <source>Paydays</source>
        <translation>Zahltage</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="216"/>
        <source>Many customers observe Ramadan (Ramadan and Eid al-Fitr in the calendar)</source>
        <translation>Viele Kundinnen und Kunden fasten im Ramadan (Ramadan und Zuckerfest im Kalender)</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="219"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="221"/>
        <source>Carnival (Weiberfastnacht, Rosenmontag)</source>
        <translation>Karneval (Weiberfastnacht, Rosenmontag)</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="223"/>
        <source>Holidays kept only in Catholic municipalities: Assumption Day (Bavaria), Corpus Christi (parts of Saxony and Thuringia)</source>
        <translation>Feiertage nur in katholischen Gemeinden: Mariä Himmelfahrt (Bayern), Fronleichnam (Teile von Sachsen und Thüringen)</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="226"/>
        <source>Catholic municipality</source>
        <translation>Katholische Gemeinde</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="234"/>
        <source>salaries on the last banking day</source>
        <translation>Gehälter am letzten Bankarbeitstag</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="235"/>
        <source>on the 15th</source>
        <translation>am 15.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="235"/>
        <source>on the 1st</source>
        <translation>am 1.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="248"/>
        <source>pensions</source>
        <translation>Renten</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="249"/>
        <source>Bürgergeld</source>
        <translation>Bürgergeld</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="250"/>
        <source>Kindergeld</source>
        <translation>Kindergeld</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="261"/>
        <source>as usual in the Bundesland</source>
        <translation>wie im Bundesland üblich</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="262"/>
        <source>yes, here</source>
        <translation>ja, hier</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="262"/>
        <source>no, not here</source>
        <translation>nein, hier nicht</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="285"/>
        <source>Taken from the postal code – please check.</source>
        <translation>Aus der Postleitzahl übernommen – bitte prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="316"/>
        <source>Prices in euro per unit. &quot;Unsold value&quot; is what a unit left over still brings (day-old sale; 0 if thrown away).</source>
        <translation>Preise in Euro je Einheit. „Restwert“ ist, was eine übrig gebliebene Einheit noch bringt (Verkauf vom Vortag; 0, wenn sie weggeworfen wird).</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="322"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="322"/>
        <source>Price €</source>
        <translation>Preis €</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="322"/>
        <source>Cost €</source>
        <translation>Kosten €</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="322"/>
        <source>Unsold value €</source>
        <translation>Restwert €</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="323"/>
        <location filename="../../app/settings_dialog.py" line="564"/>
        <source>Pack size</source>
        <translation>Packungsgröße</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="323"/>
        <source>Shelf life (days)</source>
        <translation>Haltbarkeit (Tage)</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="323"/>
        <location filename="../../app/settings_dialog.py" line="566"/>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="324"/>
        <source>Supplier / area</source>
        <translation>Lieferant / Bereich</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="324"/>
        <location filename="../../app/settings_dialog.py" line="566"/>
        <source>Article no.</source>
        <translation>Art.-Nr.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="324"/>
        <location filename="../../app/settings_dialog.py" line="567"/>
        <location filename="../../app/settings_dialog.py" line="568"/>
        <source>Delivery days</source>
        <translation>Liefertage</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="325"/>
        <location filename="../../app/settings_dialog.py" line="565"/>
        <source>Service level</source>
        <translation>Servicegrad</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="328"/>
        <source>Weekdays this product is delivered, e.g. Di, Fr; empty: the supplier&apos;s days</source>
        <translation>Wochentage, an denen dieses Produkt geliefert wird, z. B. Di, Fr; leer: die Tage des Lieferanten</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="363"/>
        <source>as the supplier</source>
        <translation>wie der Lieferant</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="431"/>
        <source>A product takes its supplier&apos;s delivery days and lead time unless it has its own (Products tab). On a day without delivery the delivery moves to the next possible day. Below the minimum order value the list shows a hint; the order is not changed.</source>
        <translation>Ein Produkt übernimmt Liefertage und Vorlauf seines Lieferanten, wenn es keine eigenen hat (Reiter Produkte). An einem Tag ohne Lieferung rückt die Lieferung auf den nächsten möglichen Tag. Unter dem Mindestbestellwert zeigt die Liste einen Hinweis; die Bestellung wird nicht geändert.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="440"/>
        <source>Suppliers</source>
        <translation>Lieferanten</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="448"/>
        <source>No product names a supplier yet: enter one on the Products tab and save.</source>
        <translation>Noch kein Produkt nennt einen Lieferanten: bitte im Reiter Produkte eintragen und speichern.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="466"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="467"/>
        <source>Text size: View menu, or Ctrl+Plus / Ctrl+Minus (for projectors).</source>
        <translation>Schriftgröße: Menü Ansicht oder Strg+Plus / Strg+Minus (für Beamer).</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="490"/>
        <source>Open on which public holidays?</source>
        <translation>An welchen Feiertagen geöffnet?</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="506"/>
        <source>Ticked: the shop opens on this public holiday.</source>
        <translation>Angehakt: An diesem Feiertag ist der Laden geöffnet.</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="557"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="557"/>
        <source>State</source>
        <translation>Bundesland</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="558"/>
        <source>Postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="560"/>
        <source>Public holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="561"/>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="562"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="562"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="563"/>
        <source>Unit cost</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="563"/>
        <source>Salvage value</source>
        <translation>Restwert</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="564"/>
        <source>Shelf life</source>
        <translation>Haltbarkeit</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="565"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="569"/>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="570"/>
        <source>Lead time (days)</source>
        <translation>Vorlauf (Tage)</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="570"/>
        <source>Order by</source>
        <translation>Bestellschluss</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="571"/>
        <source>No delivery on</source>
        <translation>Keine Lieferung am</translation>
    </message>
    <message>
        <location filename="../../app/settings_dialog.py" line="572"/>
        <source>Minimum order €</source>
        <translation>Mindestbestellwert €</translation>
    </message>
</context>
<context>
    <name>ShopSession</name>
    <message>
        <location filename="../../app/session.py" line="190"/>
        <source>Computing suggestions…</source>
        <translation>Vorschläge werden berechnet…</translation>
    </message>
</context>
<context>
    <name>SupplierTableModel</name>
    <message>
        <location filename="../../app/supplier_table.py" line="69"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="69"/>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="69"/>
        <source>Delivery days</source>
        <translation>Liefertage</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="70"/>
        <location filename="../../app/supplier_table.py" line="128"/>
        <source>Lead time (days)</source>
        <translation>Vorlauf (Tage)</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="70"/>
        <source>Order by</source>
        <translation>Bestellschluss</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="71"/>
        <source>No delivery on</source>
        <translation>Keine Lieferung am</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="71"/>
        <location filename="../../app/supplier_table.py" line="144"/>
        <source>Minimum order €</source>
        <translation>Mindestbestellwert €</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="73"/>
        <source>The shop&apos;s customer number at this supplier</source>
        <translation>Die Kundennummer des Ladens bei diesem Lieferanten</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="74"/>
        <source>Weekdays the supplier delivers, e.g. Di, Fr; empty: each product&apos;s own days</source>
        <translation>Wochentage, an denen der Lieferant liefert, z. B. Di, Fr; leer: die eigenen Tage jedes Produkts</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="76"/>
        <source>Days from order to delivery; empty: each product&apos;s own</source>
        <translation>Tage von der Bestellung bis zur Lieferung; leer: der eigene Vorlauf jedes Produkts</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="77"/>
        <source>Latest time of day to order, e.g. 10:30</source>
        <translation>Späteste Uhrzeit für die Bestellung, z. B. 10:30</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="78"/>
        <source>Dates the supplier does not deliver (holidays, its own holidays): the delivery moves to the next possible day</source>
        <translation>Tage, an denen der Lieferant nicht liefert (Feiertage, Betriebsferien): die Lieferung rückt auf den nächsten möglichen Tag</translation>
    </message>
    <message>
        <location filename="../../app/supplier_table.py" line="80"/>
        <source>The smallest order the supplier takes; the list says when an order is below it</source>
        <translation>Die kleinste Bestellung, die der Lieferant annimmt; die Liste sagt, wenn eine Bestellung darunter liegt</translation>
    </message>
</context>
<context>
    <name>TradeoffPanel</name>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="145"/>
        <source>Per supplier or area: rather some leftovers, or rather sold out now and then? The figures are what the suggestions are expected to bring over the next 4 weeks.</source>
        <translation>Je Lieferant oder Bereich: lieber etwas Reste oder lieber ab und zu ausverkauft? Die Zahlen sagen, was die Vorschläge in den nächsten 4 Wochen voraussichtlich bringen.</translation>
    </message>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="171"/>
        <source>being computed…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="175"/>
        <source>The preview appears once suggestions have been computed.</source>
        <translation>Die Vorschau erscheint, sobald die Vorschläge berechnet sind.</translation>
    </message>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="187"/>
        <source>Computing the preview…</source>
        <translation>Vorschau wird berechnet…</translation>
    </message>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="206"/>
        <source>The preview was stopped; open the settings again to compute it.</source>
        <translation>Die Vorschau wurde abgebrochen; öffnen Sie die Einstellungen erneut, um sie zu berechnen.</translation>
    </message>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="208"/>
        <source>The preview could not be computed: %1</source>
        <translation>Die Vorschau konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/tradeoff_panel.py" line="259"/>
        <source>Recommended</source>
        <translation>Empfohlen</translation>
    </message>
</context>
<context>
    <name>WeatherDialog</name>
    <message>
        <location filename="../../app/calendar_view.py" line="163"/>
        <source>Weather forecast</source>
        <translation>Wettervorhersage</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="174"/>
        <source>dry</source>
        <translation>trocken</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="175"/>
        <source>some rain</source>
        <translation>etwas Regen</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="176"/>
        <source>rainy day</source>
        <translation>Regentag</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="177"/>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="178"/>
        <source>&amp;Highest temperature</source>
        <translation>&amp;Höchsttemperatur</translation>
    </message>
    <message>
        <location filename="../../app/calendar_view.py" line="179"/>
        <source>&amp;Rain</source>
        <translation>&amp;Regen</translation>
    </message>
</context>
<context>
    <name>WorkshopCharts</name>
    <message>
        <location filename="../../app/workshop_charts.py" line="151"/>
        <source>Bestellkompass</source>
        <translation>Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="151"/>
        <source>Same as last week</source>
        <translation>Wie letzte Woche</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="156"/>
        <source>Waste (units)</source>
        <translation>Reste (Stück)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="156"/>
        <source>Sold-out days</source>
        <translation>Ausverkauft-Tage</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="157"/>
        <source>Margin (EUR)</source>
        <translation>Marge (€)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="158"/>
        <source>Margin (no prices in this scenario)</source>
        <translation>Marge (keine Preise in diesem Workshop)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="163"/>
        <source>Margin day by day (EUR)</source>
        <translation>Marge Tag für Tag (€)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_charts.py" line="164"/>
        <source>Waste day by day (units)</source>
        <translation>Reste Tag für Tag (Stück)</translation>
    </message>
</context>
<context>
    <name>WorkshopHandout</name>
    <message>
        <location filename="../../app/workshop_handout.py" line="49"/>
        <source>Orders other than the suggestion</source>
        <translation>Anders bestellt als vorgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="51"/>
        <source>How often each participant ordered more or less than Bestellkompass suggested, and what it did to the margin on those days (small: at most one tray or 10 %).</source>
        <translation>Wie oft jede Person mehr oder weniger bestellt hat, als Bestellkompass vorschlug, und was das an diesen Tagen an der Marge änderte (ein wenig: höchstens ein Blech bzw. eine Packung oder 10 %).</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="53"/>
        <source>more, a little</source>
        <translation>mehr, ein wenig</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="54"/>
        <source>more, a lot</source>
        <translation>mehr, viel</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="55"/>
        <source>less, a little</source>
        <translation>weniger, ein wenig</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="56"/>
        <source>less, a lot</source>
        <translation>weniger, viel</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="57"/>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="58"/>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="59"/>
        <source>Waste</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="60"/>
        <source>Short</source>
        <translation>Fehlmenge</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="61"/>
        <source>Sold-out days</source>
        <translation>Ausverkauft-Tage</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="62"/>
        <source>Margin EUR</source>
        <translation>Marge €</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="63"/>
        <source>Bestellkompass</source>
        <translation>Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="64"/>
        <source>Same as last week</source>
        <translation>Wie letzte Woche</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="65"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="66"/>
        <source>Ordering workshop: what happened</source>
        <translation>Bestell-Workshop: was geschah</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="67"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="68"/>
        <source>Day by day: waste / sold-out products</source>
        <translation>Tag für Tag: Reste / ausverkaufte Artikel</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="69"/>
        <source>Waste: units baked or ordered but not sold. Short: units customers wanted that were not there. Sold-out days: products that ran out, counted per day.</source>
        <translation>Reste: gebacken oder bestellt, aber nicht verkauft. Fehlmenge: von Kunden gewünscht, aber nicht mehr da. Ausverkauft-Tage: ausverkaufte Artikel, je Tag gezählt.</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="70"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="71"/>
        <source>Waste (units)</source>
        <translation>Reste (Stück)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="72"/>
        <source>Round by round: waste / margin EUR</source>
        <translation>Runde für Runde: Reste / Marge €</translation>
    </message>
    <message>
        <location filename="../../app/workshop_handout.py" line="73"/>
        <source>Round %1: %2 (days %3 to %4)</source>
        <translation>Runde %1: %2 (%3 bis %4)</translation>
    </message>
</context>
<context>
    <name>WorkshopMenu</name>
    <message>
        <location filename="../../app/workshop_menu.py" line="40"/>
        <source>&amp;Workshop</source>
        <translation>&amp;Workshop</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="41"/>
        <source>&amp;Play workshop…</source>
        <translation>Workshop &amp;spielen…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="42"/>
        <source>A participant orders day by day and saves a result file</source>
        <translation>Eine Teilnehmerin bestellt Tag für Tag und speichert eine Ergebnisdatei</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="44"/>
        <source>&amp;Collect results…</source>
        <translation>&amp;Ergebnisse sammeln…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="45"/>
        <source>The group&apos;s results from a folder or stick</source>
        <translation>Die Ergebnisse der Gruppe aus einem Ordner oder vom Stick</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="46"/>
        <source>P&amp;rojector view</source>
        <translation>&amp;Beamer-Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="47"/>
        <source>The debrief in large type, one screen per message</source>
        <translation>Die Auswertung in großer Schrift, eine Aussage pro Bild</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="49"/>
        <source>&amp;Handout as PDF…</source>
        <translation>&amp;Handout als PDF…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="50"/>
        <source>The debrief as an A4 PDF</source>
        <translation>Die Auswertung als A4-PDF</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="83"/>
        <source>Open workshop</source>
        <translation>Workshop öffnen</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="85"/>
        <source>Workshops (*.bkworkshop);;All files (*)</source>
        <translation>Workshops (*.bkworkshop);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="91"/>
        <source>Play workshop</source>
        <translation>Workshop spielen</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="91"/>
        <source>Your name:</source>
        <translation>Ihr Name:</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="98"/>
        <source>Opening the workshop…</source>
        <translation>Workshop wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="110"/>
        <source>Folder with the results (.bkresult)</source>
        <translation>Ordner mit den Ergebnissen (.bkresult)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="141"/>
        <source>Reading the results…</source>
        <translation>Ergebnisse werden gelesen…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="163"/>
        <source>Save handout</source>
        <translation>Handout speichern</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="164"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_menu.py" line="176"/>
        <source>Saved %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>WorkshopPlayer</name>
    <message>
        <location filename="../../app/workshop_player.py" line="50"/>
        <source>Workshop: %1</source>
        <translation>Workshop: %1</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="56"/>
        <source>What happened in total</source>
        <translation>Was insgesamt geschah</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="61"/>
        <source>&amp;Next day</source>
        <translation>&amp;Nächster Tag</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="64"/>
        <source>&amp;Save result…</source>
        <translation>Ergebnis &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="98"/>
        <source>%1 · day %2 of %3</source>
        <translation>%1 · Tag %2 von %3</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="112"/>
        <source>That was the last day. Save your result for the trainer.</source>
        <translation>Das war der letzte Tag. Speichern Sie Ihr Ergebnis für die Kursleitung.</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="126"/>
        <source>Adding up…</source>
        <translation>Wird zusammengezählt…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="137"/>
        <source>All days</source>
        <translation>Alle Tage</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="156"/>
        <source>Save workshop result</source>
        <translation>Workshop-Ergebnis speichern</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="157"/>
        <source>Workshop results (*.bkresult)</source>
        <translation>Workshop-Ergebnisse (*.bkresult)</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="166"/>
        <source>Saving the result…</source>
        <translation>Ergebnis wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../app/workshop_player.py" line="173"/>
        <source>Saved in %1. In total: %2 left over, sold out %3 times, margin %4 EUR.</source>
        <translation>Gespeichert in %1. Insgesamt: %2 übrig, %3-mal ausverkauft, Marge %4 €.</translation>
    </message>
</context>
<context>
    <name>WorkshopRounds</name>
    <message>
        <location filename="../../app/workshop_rounds.py" line="25"/>
        <source>with suggestion</source>
        <translation>mit Vorschlag</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="26"/>
        <source>without suggestion – by gut feeling</source>
        <translation>ohne Vorschlag – nach Gefühl</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="27"/>
        <source>, without calendar</source>
        <translation>, ohne Kalender</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="32"/>
        <source>Round %1 of %2: %3</source>
        <translation>Runde %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="38"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="38"/>
        <source>Bestellkompass</source>
        <translation>Bestellkompass</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="39"/>
        <source>Same as last week</source>
        <translation>Wie letzte Woche</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="46"/>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="46"/>
        <location filename="../../app/workshop_rounds.py" line="100"/>
        <source>Waste</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="46"/>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="46"/>
        <location filename="../../app/workshop_rounds.py" line="101"/>
        <source>Margin EUR</source>
        <translation>Marge €</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="100"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="100"/>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="100"/>
        <source>Sold-out days</source>
        <translation>Ausverkauft-Tage</translation>
    </message>
    <message>
        <location filename="../../app/workshop_rounds.py" line="101"/>
        <source>Margin against Bestellkompass</source>
        <translation>Marge gegenüber Bestellkompass</translation>
    </message>
</context>
<context>
    <name>WriteoffDialog</name>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="232"/>
        <source>Book write-off</source>
        <translation>Abschrift buchen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="244"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="244"/>
        <source>damaged</source>
        <translation>beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="245"/>
        <source>other</source>
        <translation>anderes</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="247"/>
        <source>&amp;Product</source>
        <translation>&amp;Produkt</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="247"/>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="248"/>
        <source>&amp;Quantity</source>
        <translation>&amp;Menge</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="249"/>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="255"/>
        <source>&amp;Book</source>
        <translation>&amp;Buchen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="256"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="267"/>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="268"/>
        <source>in %1, with decimals</source>
        <translation>in %1, mit Nachkommastellen</translation>
    </message>
    <message>
        <location filename="../../app/stock_moves_dialog.py" line="283"/>
        <source>Write-off %1</source>
        <translation>Abschrift %1</translation>
    </message>
</context>
</TS>
