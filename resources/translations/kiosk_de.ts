<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>Zurück zum Check-in</translation>
    </message>
    <message>
        <source>Close the check-in app…</source>
        <translation>Check-in-App schließen…</translation>
    </message>
    <message>
        <source>Close the app? This door stops checking people in until it is started again.</source>
        <translation>App schließen? An diesem Eingang wird dann niemand eingecheckt, bis sie wieder gestartet ist.</translation>
    </message>
    <message>
        <source>Close the app</source>
        <translation>App schließen</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Geöffnet lassen</translation>
    </message>
</context>
<context>
    <name>AdmitAnywayDialog</name>
    <message>
        <source>Admit %1 anyway</source>
        <translation>%1 trotzdem einlassen</translation>
    </message>
    <message>
        <source>Admit %1 anyway?</source>
        <translation>%1 trotzdem einlassen?</translation>
    </message>
    <message>
        <source>Say why in a few words, for the event lead (required).</source>
        <translation>Kurz den Grund nennen, für die Veranstaltungsleitung (Pflicht).</translation>
    </message>
    <message>
        <source>e.g. left for lunch, exit was not scanned</source>
        <translation>z. B. in der Mittagspause raus, Ausgang nicht gescannt</translation>
    </message>
    <message>
        <source>Note: why this person is admitted</source>
        <translation>Notiz: warum diese Person eingelassen wird</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Admit with note</source>
        <translation>Mit Notiz einlassen</translation>
    </message>
</context>
<context>
    <name>AttendeeCard</name>
    <message>
        <source>Ticket cancelled</source>
        <translation>Ticket storniert</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Bereits eingecheckt</translation>
    </message>
    <message>
        <source>Not checked in yet</source>
        <translation>Noch nicht eingecheckt</translation>
    </message>
    <message>
        <source>Selected attendee: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Einchecken</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Auschecken</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Trotzdem einlassen…</translation>
    </message>
    <message>
        <source>Admit anyway, with a note</source>
        <translation>Trotzdem einlassen, mit Notiz</translation>
    </message>
    <message>
        <source>Check-ins: none yet.</source>
        <translation>Check-ins: noch keine.</translation>
    </message>
    <message>
        <source>No badge yet</source>
        <translation>Noch kein Namensschild</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Namensschild drucken</translation>
    </message>
    <message>
        <source>Print the badge again for %1</source>
        <translation>Namensschild für %1 erneut drucken</translation>
    </message>
    <message>
        <source>Print the badge for %1</source>
        <translation>Namensschild für %1 drucken</translation>
    </message>
    <message>
        <source>Not paid yet: the door asks before checking in.</source>
        <translation>Noch nicht bezahlt: Der Eingang fragt vor dem Check-in nach.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>AttendeeCsv</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problems not listed here. Fix the ones above and import the file again to see the rest.</source>
        <translation>
            <numerusform>... und %n weiteres Problem, hier nicht aufgeführt. Beheben Sie die obigen und importieren Sie die Datei erneut, um den Rest zu sehen.</numerusform>
            <numerusform>... und %n weitere Probleme, hier nicht aufgeführt. Beheben Sie die obigen und importieren Sie die Datei erneut, um den Rest zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is empty. Export the attendee list again, with a header row and one row per attendee.</source>
        <translation>Die Datei ist leer. Exportieren Sie die Teilnehmerliste erneut, mit einer Kopfzeile und einer Zeile pro Person.</translation>
    </message>
    <message>
        <source>This header has no name column, but every attendee needs a name. Found: %1. Add a column &quot;Name&quot;, or &quot;First name&quot; and &quot;Last name&quot; (&quot;Vorname&quot;, &quot;Nachname&quot;).</source>
        <translation>Diese Kopfzeile hat keine Namensspalte, aber alle Teilnehmenden brauchen einen Namen. Gefunden: %1. Fügen Sie eine Spalte „Name“ hinzu, oder „Vorname“ und „Nachname“ („First name“, „Last name“).</translation>
    </message>
    <message>
        <source>This does not look like a header row we understand. Found: %1. Columns we understand: %2. Add a header row or rename the columns.</source>
        <translation>Diese Kopfzeile wird nicht verstanden. Gefunden: %1. Bekannte Spalten: %2. Fügen Sie eine Kopfzeile hinzu oder benennen Sie die Spalten um.</translation>
    </message>
    <message>
        <source>Column &quot;%1&quot; is read as the last name, because there is a first-name column &quot;%2&quot;.</source>
        <translation>Die Spalte „%1“ wird als Nachname gelesen, weil es eine Vornamensspalte „%2“ gibt.</translation>
    </message>
    <message>
        <source>These columns are not used: %1.</source>
        <translation>Diese Spalten werden nicht verwendet: %1.</translation>
    </message>
    <message>
        <source>The file has no ticket code column (such as &quot;Ticket code&quot;, &quot;Barcode&quot;, &quot;Secret&quot; or &quot;Ticket-Nr.&quot;): attendees will be checked in by name search.</source>
        <translation>Die Datei hat keine Spalte mit Ticket-Codes (etwa „Ticket-Nr.“, „Barcode“, „Secret“ oder „Ticket code“): Teilnehmende werden über die Namenssuche eingecheckt.</translation>
    </message>
    <message>
        <source>This row has %1 values but the header has %2 columns. A value probably contains an unquoted %3 (for example in a company name): put that value in quotes, or remove the extra %3.</source>
        <translation>Diese Zeile hat %1 Werte, die Kopfzeile aber %2 Spalten. Vermutlich enthält ein Wert ein %3 ohne Anführungszeichen (etwa in einem Firmennamen): Setzen Sie diesen Wert in Anführungszeichen oder entfernen Sie das überzählige %3.</translation>
    </message>
    <message>
        <source>This row has no name. Fill in a first or last name: the door finds attendees by name.</source>
        <translation>Diese Zeile hat keinen Namen. Tragen Sie einen Vor- oder Nachnamen ein: Am Eingang werden Teilnehmende über den Namen gefunden.</translation>
    </message>
    <message>
        <source>Ticket code %1 is also on row %2. Each ticket code may appear only once: remove the duplicate row or correct one of the codes.</source>
        <translation>Ticket-Code %1 steht auch in Zeile %2. Jeder Ticket-Code darf nur einmal vorkommen: Entfernen Sie die doppelte Zeile oder korrigieren Sie einen der Codes.</translation>
    </message>
    <message>
        <source>Status &quot;%1&quot; is not a status we know. Use a word for valid (valid, paid, bezahlt, attending, confirmed, bestätigt, angemeldet, registered, pending) or for cancelled (cancelled, storniert, abgemeldet, refunded, not attending, deleted, expired, Warteliste); an empty status counts as valid.</source>
        <translation>Der Status „%1“ ist unbekannt. Verwenden Sie ein Wort für gültig (bezahlt, bestätigt, angemeldet, valid, paid, attending, confirmed, registered, pending) oder für storniert (storniert, abgemeldet, Warteliste, cancelled, refunded, not attending, deleted, expired); ein leerer Status gilt als gültig.</translation>
    </message>
    <message>
        <source>The rows above the header (row %1) were skipped.</source>
        <translation>Die Zeilen über der Kopfzeile (Zeile %1) wurden übersprungen.</translation>
    </message>
    <message>
        <source>The file has a header row but no attendees below it.</source>
        <translation>Die Datei hat eine Kopfzeile, aber darunter keine Teilnehmenden.</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) on a waiting list were imported as not admitted (cancelled).</source>
        <translation>
            <numerusform>%n Person auf der Warteliste wurde als nicht zugelassen (storniert) importiert.</numerusform>
            <numerusform>%n Personen auf der Warteliste wurden als nicht zugelassen (storniert) importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) have no ticket code; they can only be checked in by name search.</source>
        <translation>
            <numerusform>%n Person hat keinen Ticket-Code und kann nur über die Namenssuche eingecheckt werden.</numerusform>
            <numerusform>%n Personen haben keinen Ticket-Code und können nur über die Namenssuche eingecheckt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The value in column &quot;%1&quot; has %2 characters; a note for the door may have at most %3. Shorten it.</source>
        <translation>Der Wert in der Spalte „%1“ hat %2 Zeichen; ein Hinweis für den Eingang darf höchstens %3 haben. Kürzen Sie ihn.</translation>
    </message>
    <message>
        <source>%1 columns were chosen for the door; at most %2 can be shown. Choose fewer.</source>
        <translation>%1 Spalten wurden für den Eingang gewählt; höchstens %2 können angezeigt werden. Wählen Sie weniger.</translation>
    </message>
    <message>
        <source>There is no column &quot;%1&quot; to show at the door. The columns are: %2.</source>
        <translation>Es gibt keine Spalte „%1“, die am Eingang gezeigt werden könnte. Die Spalten sind: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) have not paid yet (a pending or unpaid status): the door asks before letting them in.</source>
        <translation>
            <numerusform>%n Person hat noch nicht bezahlt (Status ausstehend oder unbezahlt): Der Eingang fragt nach, bevor sie eingelassen wird.</numerusform>
            <numerusform>%n Personen haben noch nicht bezahlt (Status ausstehend oder unbezahlt): Der Eingang fragt nach, bevor sie eingelassen werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BadgeCard</name>
    <message>
        <source>Badges</source>
        <translation>Namensschilder</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Drucker</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>PDF files</source>
        <translation>PDF-Dateien</translation>
    </message>
    <message>
        <source>No printer is set up on this device. Add the label printer in the system&apos;s printer settings (CUPS), then open this area again.</source>
        <translation>Auf diesem Gerät ist kein Drucker eingerichtet. Richten Sie den Etikettendrucker in den Druckereinstellungen des Systems (CUPS) ein und öffnen Sie diesen Bereich dann erneut.</translation>
    </message>
    <message>
        <source>Badges are saved as PDF files in %1.</source>
        <translation>Namensschilder werden als PDF-Dateien in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Print a badge at every check-in</source>
        <translation>Bei jedem Check-in ein Namensschild drucken</translation>
    </message>
    <message>
        <source>Otherwise “Print badge” on a person&apos;s card prints one. A printer that fails never holds up a check-in: the warning shows under the status bar.</source>
        <translation>Sonst druckt „Namensschild drucken“ auf der Karte einer Person eines. Ein Drucker mit Störung hält nie einen Check-in auf: Die Warnung erscheint unter der Statusleiste.</translation>
    </message>
    <message>
        <source>Print a test badge</source>
        <translation>Test-Namensschild drucken</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Wird gedruckt …</translation>
    </message>
</context>
<context>
    <name>CameraCard</name>
    <message>
        <source>Reading tickets</source>
        <translation>Tickets lesen</translation>
    </message>
    <message>
        <source>Scanner only</source>
        <translation>Nur Scanner</translation>
    </message>
    <message>
        <source>Back camera</source>
        <translation>Rückkamera</translation>
    </message>
    <message>
        <source>Front camera</source>
        <translation>Frontkamera</translation>
    </message>
    <message>
        <source>A barcode scanner (or typing the code) reads tickets.</source>
        <translation>Ein Barcode-Scanner (oder das Eintippen des Codes) liest die Tickets.</translation>
    </message>
    <message>
        <source>Home shows the camera&apos;s picture while nobody is being searched for; a code held in the frame checks in as a scan does. A barcode scanner works as well.</source>
        <translation>Der Startbildschirm zeigt das Kamerabild, solange niemand gesucht wird; ein Code im Rahmen checkt ein wie ein Scan. Ein Barcode-Scanner funktioniert weiterhin.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>This is a spreadsheet workbook (Excel .xlsx/.xls or a zip file), not a CSV text file. Open it in Excel or LibreOffice and save it as &quot;CSV UTF-8&quot;, then import that file.</source>
        <translation>Das ist eine Arbeitsmappe (Excel .xlsx/.xls oder eine ZIP-Datei), keine CSV-Textdatei. Öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie als „CSV UTF-8“ und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>A quoted value that starts in row %1 (line %2 of the file) is never closed, so everything after it would run together into one cell. Add the missing closing &quot; or remove the stray &quot; in row %1.</source>
        <translation>Ein Wert in Anführungszeichen, der in Zeile %1 (Dateizeile %2) beginnt, wird nie geschlossen; alles danach liefe in eine Zelle. Ergänzen Sie das fehlende schließende &quot; oder entfernen Sie das überzählige &quot; in Zeile %1.</translation>
    </message>
    <message>
        <source>The file contains binary data (a NUL character in line %1), so it is not a CSV text file. Export the attendee list again as CSV and import that file.</source>
        <translation>Die Datei enthält Binärdaten (ein NUL-Zeichen in Zeile %1) und ist daher keine CSV-Textdatei. Exportieren Sie die Teilnehmerliste erneut als CSV und importieren Sie diese Datei.</translation>
    </message>
</context>
<context>
    <name>DemoProgress</name>
    <message>
        <source>The demo could not start</source>
        <translation>Die Demo konnte nicht starten</translation>
    </message>
    <message>
        <source>Preparing the demo</source>
        <translation>Demo wird vorbereitet</translation>
    </message>
    <message>
        <source>Demo preparation progress</source>
        <translation>Fortschritt der Demo-Vorbereitung</translation>
    </message>
</context>
<context>
    <name>EnrolCard</name>
    <message>
        <source>Enrol again</source>
        <translation>Neu anmelden</translation>
    </message>
    <message>
        <source>Enrol with a server</source>
        <translation>Bei einem Server anmelden</translation>
    </message>
    <message>
        <source>Enrolled with %1. A new code from the event lead replaces this enrolment.</source>
        <translation>Angemeldet bei %1. Ein neuer Code der Veranstaltungsleitung ersetzt diese Anmeldung.</translation>
    </message>
    <message>
        <source>Not enrolled: enter the server and a one-time code from the event lead.</source>
        <translation>Nicht angemeldet: Geben Sie den Server und einen Einmal-Code der Veranstaltungsleitung ein.</translation>
    </message>
</context>
<context>
    <name>EnrolForm</name>
    <message>
        <source>Server address (several: separate with commas)</source>
        <translation>Serveradresse (mehrere: mit Kommas trennen)</translation>
    </message>
    <message>
        <source>One-time enrolment code</source>
        <translation>Einmal-Anmeldecode</translation>
    </message>
    <message>
        <source>From the event lead</source>
        <translation>Von der Veranstaltungsleitung</translation>
    </message>
    <message>
        <source>Name of this kiosk</source>
        <translation>Name dieses Kiosks</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Wird angemeldet…</translation>
    </message>
    <message>
        <source>Enrol and preload</source>
        <translation>Anmelden und laden</translation>
    </message>
    <message>
        <source>Preload</source>
        <translation>Liste laden</translation>
    </message>
    <message>
        <source>Preloading the attendee list: %1</source>
        <translation>Teilnehmerliste wird geladen: %1</translation>
    </message>
    <message>
        <source>Preload progress</source>
        <translation>Ladefortschritt</translation>
    </message>
</context>
<context>
    <name>EnrolmentPayload</name>
    <message>
        <source>This is not an enrolment code from the event lead&apos;s console (it should start with &quot;checkin:enrol?&quot;).</source>
        <translation>Das ist kein Anmeldecode aus der Konsole der Veranstaltungsleitung (er beginnt mit &quot;checkin:enrol?&quot;).</translation>
    </message>
    <message>
        <source>The enrolment code has no version; make a new one on the console.</source>
        <translation>Der Anmeldecode hat keine Version; erstellen Sie in der Konsole einen neuen.</translation>
    </message>
    <message>
        <source>The enrolment code was made by a newer server (format %1); update this app, or type the server address and code by hand.</source>
        <translation>Der Anmeldecode stammt von einem neueren Server (Format %1); aktualisieren Sie diese App oder tippen Sie Serveradresse und Code von Hand ein.</translation>
    </message>
    <message>
        <source>The enrolment code carries no one-time code; make a new one on the console.</source>
        <translation>Der Anmeldecode enthält keinen Einmalcode; erstellen Sie in der Konsole einen neuen.</translation>
    </message>
    <message>
        <source>The enrolment code names a server address that is not an http(s) URL: %1</source>
        <translation>Der Anmeldecode nennt eine Serveradresse, die keine http(s)-Adresse ist: %1</translation>
    </message>
    <message>
        <source>The enrolment code names no server; make a new one on the console.</source>
        <translation>Der Anmeldecode nennt keinen Server; erstellen Sie in der Konsole einen neuen.</translation>
    </message>
    <message>
        <source>The enrolment code&apos;s certificate pin is damaged; make a new one on the console.</source>
        <translation>Der Zertifikats-Pin im Anmeldecode ist beschädigt; erstellen Sie in der Konsole einen neuen.</translation>
    </message>
</context>
<context>
    <name>ExportCard</name>
    <message>
        <source>Check-in log</source>
        <translation>Check-in-Protokoll</translation>
    </message>
    <message>
        <source>Save every check-in of this kiosk as a CSV file in its data folder.</source>
        <translation>Alle Check-ins dieses Kiosks als CSV-Datei in seinem Datenordner speichern.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Export check-in log</source>
        <translation>Protokoll exportieren</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Cannot write %1: %2. Choose another place or free some space.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Wählen Sie einen anderen Ort oder schaffen Sie Platz.</translation>
    </message>
    <message>
        <source>Cannot tell the format of %1: name the file with .csv or .json.</source>
        <translation>Das Format von %1 ist unklar: Benennen Sie die Datei mit .csv oder .json.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Ticket cancelled</source>
        <translation>Ticket storniert</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Bereits eingecheckt</translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation>Noch nicht bezahlt</translation>
    </message>
    <message numerus="yes">
        <source>Check in together: %n ticket(s) of one order</source>
        <translation>
            <numerusform>Gemeinsam einchecken: %n Ticket einer Bestellung</numerusform>
            <numerusform>Gemeinsam einchecken: %n Tickets einer Bestellung</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Yes</source>
        <extracomment>a person&apos;s answer to the list&apos;s question in a group check-in: ticked is yes</extracomment>
        <translation>%1 Ja</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Check in %n</source>
        <translation>
            <numerusform>%n einchecken</numerusform>
            <numerusform>%n einchecken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryRow</name>
    <message>
        <source>duplicate</source>
        <translation>doppelt</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>override</source>
        <translation>Ausnahme</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>rückgängig</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <extracomment>the answer recorded with a check-in to its list&apos;s question</extracomment>
        <translation>Antwort: %1</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Scan your ticket or type your name</source>
        <translation>Scannen Sie Ihr Ticket oder tippen Sie Ihren Namen</translation>
    </message>
    <message>
        <source>First or last name, e.g. “ann mül”</source>
        <translation>Vor- oder Nachname, z. B. „ann mül“</translation>
    </message>
    <message>
        <source>Search by name or type a ticket code</source>
        <translation>Nach Namen suchen oder Ticket-Code eingeben</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Tap a name,
then “Check in”</source>
        <translation>Namen antippen,
dann „Einchecken“</translation>
    </message>
    <message>
        <source>Welcome! Scan your ticket or type your name</source>
        <translation>Willkommen! Scannen Sie Ihr Ticket oder tippen Sie Ihren Namen</translation>
    </message>
    <message>
        <source>Your first or last name</source>
        <translation>Ihr Vor- oder Nachname</translation>
    </message>
    <message>
        <source>Tap your name</source>
        <translation>Tippen Sie auf Ihren Namen</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche löschen</translation>
    </message>
</context>
<context>
    <name>HomeToolbar</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>Letzten Check-in zurücknehmen</translation>
    </message>
    <message>
        <source>Walk-in…</source>
        <translation>Spontangast…</translation>
    </message>
    <message>
        <source>Register a walk-in: somebody who is not on the list</source>
        <translation>Spontangast erfassen: jemand, der nicht auf der Liste steht</translation>
    </message>
    <message>
        <source>Hide the on-screen keyboard</source>
        <translation>Bildschirmtastatur ausblenden</translation>
    </message>
    <message>
        <source>Show the on-screen keyboard</source>
        <translation>Bildschirmtastatur einblenden</translation>
    </message>
    <message>
        <source>Demo server…</source>
        <translation>Demo-Server…</translation>
    </message>
    <message>
        <source>Stop demo server</source>
        <translation>Demo-Server stoppen</translation>
    </message>
    <message>
        <source>Start demo server</source>
        <translation>Demo-Server starten</translation>
    </message>
    <message>
        <source>The demo server is running: stop it</source>
        <translation>Der Demo-Server läuft: stoppen</translation>
    </message>
    <message>
        <source>The demo server is stopped: start it</source>
        <translation>Der Demo-Server ist gestoppt: starten</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Admin area</source>
        <translation>Admin-Bereich</translation>
    </message>
    <message>
        <source>Lead&apos;s console</source>
        <translation>Konsole der Leitung</translation>
    </message>
    <message>
        <source>Open the event lead&apos;s console in the browser</source>
        <translation>Die Konsole der Veranstaltungsleitung im Browser öffnen</translation>
    </message>
    <message>
        <source>Token copied: paste it</source>
        <translation>Admin-Token kopiert: einfügen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
</context>
<context>
    <name>ImportForm</name>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Event name (optional)</source>
        <translation>Name der Veranstaltung (optional)</translation>
    </message>
    <message>
        <source>e.g. Summer conference 2026</source>
        <translation>z. B. Sommerkonferenz 2026</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>LanguageCard</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>LanguageSection</name>
    <message>
        <source>The language of every screen of this kiosk.</source>
        <translation>Die Sprache aller Bildschirme dieses Kiosks.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <extracomment>%1 the system&apos;s language, named in its own words (&quot;English&quot;, &quot;Deutsch&quot;)</extracomment>
        <translation>Systemsprache (%1)</translation>
    </message>
</context>
<context>
    <name>ListCard</name>
    <message>
        <source>Check-in list</source>
        <translation>Check-in-Liste</translation>
    </message>
    <message>
        <source>This door admits by the list chosen here: its ticket types, its times and how often each person may come in. Who is inside is counted for each list apart.</source>
        <translation>Dieser Eingang lässt nach der hier gewählten Liste ein: ihre Ticketarten, ihre Zeiten und wie oft jede Person hinein darf. Wer drinnen ist, wird für jede Liste getrennt gezählt.</translation>
    </message>
    <message>
        <source>The event has one check-in list. The event lead can add more (a day, a room, the dinner) on the server; they show here after the next sync.</source>
        <translation>Die Veranstaltung hat eine Check-in-Liste. Die Veranstaltungsleitung kann auf dem Server weitere anlegen (einen Tag, einen Raum, das Abendessen); sie erscheinen hier nach dem nächsten Abgleich.</translation>
    </message>
    <message>
        <source>%1 (this door)</source>
        <translation>%1 (dieser Eingang)</translation>
    </message>
</context>
<context>
    <name>ListChoiceBar</name>
    <message numerus="yes">
        <source>This event has %n check-in list(s). Which one does this door admit to?</source>
        <translation>
            <numerusform>Diese Veranstaltung hat %n Check-in-Liste. Nach welcher lässt dieser Eingang ein?</numerusform>
            <numerusform>Diese Veranstaltung hat %n Check-in-Listen. Nach welcher lässt dieser Eingang ein?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Check-in: %1</source>
        <translation>Check-in: %1</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>The database cannot be read: %1. Check the data directory or restore a backup.</source>
        <translation>Die Datenbank kann nicht gelesen werden: %1. Prüfen Sie das Datenverzeichnis oder spielen Sie eine Sicherung ein.</translation>
    </message>
    <message>
        <source>This data directory was written by a newer version of the kiosk (schema %1; this program knows up to %2). Install the newer version; nothing was changed.</source>
        <translation>Dieses Datenverzeichnis stammt von einer neueren Kiosk-Version (Schema %1; dieses Programm kennt bis %2). Installieren Sie die neuere Version; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1 (%2) failed: %3. The database is unchanged at schema %4; free disk space or check permissions, then start again.</source>
        <translation>Die Aktualisierung der Datenbank auf Schema %1 (%2) ist fehlgeschlagen: %3. Die Datenbank ist unverändert auf Schema %4; schaffen Sie Speicherplatz oder prüfen Sie die Berechtigungen und starten Sie erneut.</translation>
    </message>
</context>
<context>
    <name>ModeCard</name>
    <message>
        <source>Who uses this kiosk</source>
        <translation>Wer diesen Kiosk benutzt</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Helfende</translation>
    </message>
    <message>
        <source>Search the whole list, check in and out, undo, admit anyway, register walk-ins.</source>
        <translation>Ganze Liste durchsuchen, ein- und auschecken, rückgängig machen, trotzdem einlassen, Spontangäste erfassen.</translation>
    </message>
    <message>
        <source>Attendees (self-service)</source>
        <translation>Teilnehmende (Selbstbedienung)</translation>
    </message>
    <message>
        <source>Scan a ticket or type at least 3 letters; names show as “Anna M.”; back to the start after 20 seconds without a touch.</source>
        <translation>Ticket scannen oder mindestens 3 Buchstaben tippen; Namen erscheinen als „Anna M.“; nach 20 Sekunden ohne Berührung zurück zum Anfang.</translation>
    </message>
    <message>
        <source>Self-service needs an admin PIN: set one first, so that attendees cannot open this area.</source>
        <translation>Selbstbedienung braucht eine Admin-PIN: Legen Sie zuerst eine fest, damit Teilnehmende diesen Bereich nicht öffnen können.</translation>
    </message>
    <message>
        <source>Sound for every verdict</source>
        <translation>Ton bei jedem Ergebnis</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play the check-in sound</source>
        <translation>Den Check-in-Ton abspielen</translation>
    </message>
    <message>
        <source>No speaker found: verdicts are only shown.</source>
        <translation>Kein Lautsprecher gefunden: Ergebnisse werden nur angezeigt.</translation>
    </message>
    <message>
        <source>On-screen keyboard</source>
        <translation>Bildschirmtastatur</translation>
    </message>
    <message>
        <source>Without a keyboard</source>
        <translation>Ohne Tastatur</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>A hardware keyboard (or a scanner) is attached.</source>
        <translation>Eine Tastatur (oder ein Scanner) ist angeschlossen.</translation>
    </message>
    <message>
        <source>No hardware keyboard is attached.</source>
        <translation>Keine Tastatur angeschlossen.</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Groß</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Größer</translation>
    </message>
</context>
<context>
    <name>PeersCard</name>
    <message>
        <source>Other doors</source>
        <translation>Andere Eingänge</translation>
    </message>
    <message>
        <source>Off: this door does not talk to the other doors.</source>
        <translation>Aus: Dieser Eingang spricht nicht mit den anderen Eingängen.</translation>
    </message>
    <message>
        <source>No check-ins at this door yet.</source>
        <translation>Noch keine Check-ins an diesem Eingang.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of this door&apos;s %Ln check-in(s) are held by at least one other door.</source>
        <translation>
            <numerusform>%L1 von %Ln Check-in dieses Eingangs liegt auch bei mindestens einem anderen Eingang.</numerusform>
            <numerusform>%L1 von %Ln Check-ins dieses Eingangs liegen auch bei mindestens einem anderen Eingang.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other door heard yet. Doors of the same event find each other on the same network (this one listens on port %1).</source>
        <translation>Noch kein anderer Eingang gehört. Eingänge derselben Veranstaltung finden sich im selben Netzwerk (dieser hört auf Port %1).</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgewiesen: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Last heard %1</source>
        <translation>Zuletzt gehört %1</translation>
    </message>
    <message numerus="yes">
        <source>holds %Ln of this door&apos;s check-ins</source>
        <translation>
            <numerusform>hat %Ln Check-in dieses Eingangs</numerusform>
            <numerusform>hat %Ln Check-ins dieses Eingangs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinCard</name>
    <message>
        <source>Admin PIN</source>
        <translation>Admin-PIN</translation>
    </message>
    <message>
        <source>In kiosk mode and in self-service a PIN guards this area and leaving kiosk mode. Outside them the window can be closed anyway, so this area opens without it.</source>
        <translation>Im Kiosk-Modus und in der Selbstbedienung schützt eine PIN diesen Bereich und das Verlassen des Kiosk-Modus. Sonst lässt sich das Fenster ohnehin schließen, daher öffnet sich dieser Bereich ohne PIN.</translation>
    </message>
    <message>
        <source>No PIN is set: in kiosk mode anyone can open this area. Set one now.</source>
        <translation>Keine PIN gesetzt: Im Kiosk-Modus kann jeder diesen Bereich öffnen. Legen Sie jetzt eine fest.</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>PIN ändern</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN festlegen</translation>
    </message>
    <message>
        <source>The new PIN is saved.</source>
        <translation>Die neue PIN ist gespeichert.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>PIN, %n digit(s) entered</source>
        <translation>
            <numerusform>PIN, %n Ziffer eingegeben</numerusform>
            <numerusform>PIN, %n Ziffern eingegeben</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter PIN</source>
        <translation>PIN eingeben</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Confirm the PIN</source>
        <translation>PIN bestätigen</translation>
    </message>
    <message>
        <source>Checking the PIN</source>
        <translation>PIN wird geprüft</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>PinPrompt</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PrintWarningBar</name>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>RefusalBar</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Trotzdem einlassen…</translation>
    </message>
    <message>
        <source>Admit %1 anyway, with a note</source>
        <translation>%1 trotzdem einlassen, mit Notiz</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ResultRow</name>
    <message>
        <source>checked in</source>
        <translation>eingecheckt</translation>
    </message>
    <message>
        <source>ticket cancelled</source>
        <translation>Ticket storniert</translation>
    </message>
    <message>
        <source>✕ Cancelled</source>
        <translation>✕ Storniert</translation>
    </message>
    <message>
        <source>✓ Inside</source>
        <translation>✓ Anwesend</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>More people match. Type more of your name.</source>
        <translation>Es passen mehr Personen. Tippen Sie mehr von Ihrem Namen.</translation>
    </message>
    <message>
        <source>Only the first %L1 are shown. Type more to narrow it down.</source>
        <translation>Nur die ersten %L1 werden gezeigt. Tippen Sie weiter, um einzugrenzen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln found: scroll for more.</source>
        <translation>
            <numerusform>%Ln gefunden: scrollen für mehr.</numerusform>
            <numerusform>%Ln gefunden: scrollen für mehr.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold your ticket&apos;s code under the scanner, or type at least %n letters of your name.</source>
        <translation>
            <numerusform>Halten Sie den Code Ihres Tickets unter den Scanner oder tippen Sie mindestens %n Buchstaben Ihres Namens.</numerusform>
            <numerusform>Halten Sie den Code Ihres Tickets unter den Scanner oder tippen Sie mindestens %n Buchstaben Ihres Namens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hold the ticket&apos;s code under the scanner, or type the first letters of a first or last name.</source>
        <translation>Halten Sie den Code Ihres Tickets unter den Scanner oder tippen Sie die ersten Buchstaben Ihres Vor- oder Nachnamens.</translation>
    </message>
    <message numerus="yes">
        <source>Type at least %n letters of your name.</source>
        <translation>
            <numerusform>Tippen Sie mindestens %n Buchstaben Ihres Namens.</numerusform>
            <numerusform>Tippen Sie mindestens %n Buchstaben Ihres Namens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody found for “%1”.
Try your last name, or ask at the registration desk.</source>
        <translation>Niemand gefunden für „%1“.
Versuchen Sie Ihren Nachnamen oder fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>Nobody found for “%1”.
Try the last name, or fewer letters.</source>
        <translation>Niemand gefunden für „%1“.
Versuchen Sie den Nachnamen oder weniger Buchstaben.</translation>
    </message>
    <message>
        <source>Register as a walk-in…</source>
        <translation>Als Spontangast erfassen…</translation>
    </message>
    <message>
        <source>Register “%1” as a walk-in</source>
        <translation>„%1“ als Spontangast erfassen</translation>
    </message>
</context>
<context>
    <name>ReviewCard</name>
    <message>
        <source>To review: %L1</source>
        <translation>Zu prüfen: %L1</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Duplicates (the same ticket at two doors), conflicts (let in while the ticket was cancelled), rejected check-ins and volunteers&apos; overrides, newest first.</source>
        <translation>Doppelte (dasselbe Ticket an zwei Eingängen), Konflikte (eingelassen, obwohl das Ticket storniert war), abgelehnte Check-ins und Ausnahmen der Helfenden, die neuesten zuerst.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doppelte</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Admitted anyway</source>
        <translation>Trotzdem eingelassen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Reading the check-ins…</source>
        <translation>Check-ins werden gelesen…</translation>
    </message>
    <message>
        <source>Nothing to review: no duplicates, conflicts, rejected check-ins or overrides so far.</source>
        <translation>Nichts zu prüfen: bisher keine Doppelten, Konflikte, abgelehnten Check-ins oder Ausnahmen.</translation>
    </message>
    <message>
        <source>No duplicates so far.</source>
        <translation>Bisher keine Doppelten.</translation>
    </message>
    <message>
        <source>No conflicts so far.</source>
        <translation>Bisher keine Konflikte.</translation>
    </message>
    <message>
        <source>Nobody was admitted anyway so far.</source>
        <translation>Bisher wurde niemand trotzdem eingelassen.</translation>
    </message>
    <message>
        <source>No rejected check-ins so far.</source>
        <translation>Bisher keine abgelehnten Check-ins.</translation>
    </message>
    <message>
        <source>Showing the newest %L1 of %L2. The check-in log export has them all.</source>
        <translation>Die neuesten %L1 von %L2. Der Export des Check-in-Protokolls enthält alle.</translation>
    </message>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 an %2</translation>
    </message>
    <message>
        <source>undone afterwards</source>
        <translation>danach zurückgenommen</translation>
    </message>
    <message>
        <source>not yet sent to the server</source>
        <translation>noch nicht an den Server gesendet</translation>
    </message>
    <message>
        <source>Note: “%1”</source>
        <translation>Notiz: „%1“</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>Duplicate</source>
        <translation>Doppelt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Admitted anyway</source>
        <translation>Trotzdem eingelassen</translation>
    </message>
    <message>
        <source>Attendee without a name</source>
        <translation>Teilnehmende Person ohne Namen</translation>
    </message>
    <message>
        <source>Unknown ticket code</source>
        <translation>Unbekannter Ticketcode</translation>
    </message>
    <message>
        <source>Attendee not on this kiosk&apos;s list</source>
        <translation>Person nicht auf der Liste dieses Kiosks</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintritt</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Check-out</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Zurücknahme</translation>
    </message>
    <message>
        <source>an unknown door</source>
        <translation>einem unbekannten Eingang</translation>
    </message>
    <message>
        <source>Last check-out: %1 at %2</source>
        <translation>Letzter Check-out: %1 an %2</translation>
    </message>
    <message>
        <source>First undo: %1 at %2</source>
        <translation>Erste Zurücknahme: %1 an %2</translation>
    </message>
    <message>
        <source>First entry: %1 at %2</source>
        <translation>Erster Eintritt: %1 an %2</translation>
    </message>
    <message>
        <source>A volunteer checked them out by override; it counts as a normal check-out.</source>
        <translation>Eine helfende Person hat sie per Ausnahme ausgecheckt; das zählt als normaler Check-out.</translation>
    </message>
    <message>
        <source>A volunteer admitted them by override; it counts as a normal entry.</source>
        <translation>Eine helfende Person hat sie per Ausnahme eingelassen; das zählt als normaler Eintritt.</translation>
    </message>
    <message>
        <source>A volunteer admitted them anyway although the ticket is not on the attendee list; it is kept for audit and does not count.</source>
        <translation>Eine helfende Person hat sie trotzdem eingelassen, obwohl das Ticket nicht auf der Teilnehmendenliste steht; das wird zur Nachprüfung aufbewahrt und zählt nicht.</translation>
    </message>
    <message>
        <source>Checked out while not inside.</source>
        <translation>Ausgecheckt, ohne drinnen zu sein.</translation>
    </message>
    <message>
        <source>Undone a second time.</source>
        <translation>Ein zweites Mal zurückgenommen.</translation>
    </message>
    <message>
        <source>Entered again while already inside: the ticket had been let in and had not checked out.</source>
        <translation>Erneut eingetreten, obwohl schon drinnen: Das Ticket war eingelassen und nicht ausgecheckt.</translation>
    </message>
    <message>
        <source>Let in after the ticket was cancelled (at %1).</source>
        <translation>Eingelassen, nachdem das Ticket storniert wurde (um %1).</translation>
    </message>
    <message>
        <source>Let in although the ticket was cancelled.</source>
        <translation>Eingelassen, obwohl das Ticket storniert war.</translation>
    </message>
    <message>
        <source>It undoes a check-in that is not in the log.</source>
        <translation>Es nimmt einen Check-in zurück, der nicht im Protokoll steht.</translation>
    </message>
    <message>
        <source>The ticket code is not on the attendee list.</source>
        <translation>Der Ticketcode steht nicht auf der Teilnehmendenliste.</translation>
    </message>
    <message>
        <source>The attendee is not on this kiosk&apos;s list.</source>
        <translation>Die Person steht nicht auf der Liste dieses Kiosks.</translation>
    </message>
    <message>
        <source>It counts as a normal check-in.</source>
        <translation>Das zählt als normaler Check-in.</translation>
    </message>
    <message>
        <source>A volunteer&apos;s override is always recorded with its note; the same rules as for every scan then decide how it counts.</source>
        <translation>Eine Ausnahme wird immer mit ihrer Notiz gespeichert; wie sie zählt, entscheiden dieselben Regeln wie bei jedem Scan.</translation>
    </message>
    <message>
        <source>A check-out counts only while the person is inside; any other is a duplicate and changes nothing.</source>
        <translation>Ein Check-out zählt nur, solange die Person drinnen ist; jeder andere ist doppelt und ändert nichts.</translation>
    </message>
    <message>
        <source>A check-in is undone once: the first undo counts, a later one is a duplicate.</source>
        <translation>Ein Check-in wird einmal zurückgenommen: Die erste Zurücknahme zählt, eine spätere ist doppelt.</translation>
    </message>
    <message>
        <source>Every kiosk orders check-ins by scan time the same way: the earliest entry counts, and a later entry before a check-out is a duplicate.</source>
        <translation>Jeder Kiosk ordnet Check-ins gleich nach Scanzeit: Der früheste Eintritt zählt, ein späterer vor einem Check-out ist doppelt.</translation>
    </message>
    <message>
        <source>An entry after the ticket was cancelled still counts, because it happened, but every kiosk marks it as a conflict for the event lead.</source>
        <translation>Ein Eintritt nach der Stornierung zählt trotzdem, weil er stattfand, aber jeder Kiosk markiert ihn als Konflikt für die Veranstaltungsleitung.</translation>
    </message>
    <message>
        <source>An undo changes something only when the check-in it undoes is in the log; otherwise it is kept for audit.</source>
        <translation>Eine Zurücknahme ändert nur etwas, wenn der zurückgenommene Check-in im Protokoll steht; sonst wird sie zur Nachprüfung aufbewahrt.</translation>
    </message>
    <message>
        <source>A check-in whose ticket matches nobody on the attendee list is kept for audit but does not count.</source>
        <translation>Ein Check-in, dessen Ticket zu niemandem auf der Teilnehmendenliste passt, wird zur Nachprüfung aufbewahrt, zählt aber nicht.</translation>
    </message>
    <message>
        <source>Every kiosk and the server classify check-ins by the same rules.</source>
        <translation>Alle Kiosks und der Server ordnen Check-ins nach denselben Regeln ein.</translation>
    </message>
    <message>
        <source>A volunteer checked them out anyway although they were not inside; who is inside did not change.</source>
        <translation>Eine helfende Person hat sie trotzdem ausgecheckt, obwohl sie nicht drinnen waren; wer drinnen ist, hat sich nicht geändert.</translation>
    </message>
    <message>
        <source>A volunteer admitted them anyway although they were already inside; they count once among those inside.</source>
        <translation>Eine helfende Person hat sie trotzdem eingelassen, obwohl sie schon drinnen waren; sie zählen einmal zu denen, die drinnen sind.</translation>
    </message>
    <message>
        <source>A volunteer admitted them anyway although the ticket was cancelled; they count as inside.</source>
        <translation>Eine helfende Person hat sie trotzdem eingelassen, obwohl das Ticket storniert war; sie zählen als drinnen.</translation>
    </message>
    <message>
        <source>A volunteer admitted them anyway although the check-in list&apos;s entry for this ticket was used; it counts as a second entry.</source>
        <translation>Eine Hilfskraft hat die Person trotzdem eingelassen, obwohl der Einlass dieses Tickets auf der Check-in-Liste schon genutzt war; es zählt als zweiter Einlass.</translation>
    </message>
    <message>
        <source>A volunteer checked them out anyway on a check-in list that does not record exits; it changes nothing.</source>
        <translation>Eine Hilfskraft hat die Person trotzdem ausgecheckt, auf einer Check-in-Liste, die keine Ausgänge erfasst; das ändert nichts.</translation>
    </message>
    <message>
        <source>A volunteer admitted them anyway although the check-in list does not admit this ticket then; they count as inside.</source>
        <translation>Eine Hilfskraft hat die Person trotzdem eingelassen, obwohl die Check-in-Liste dieses Ticket zu der Zeit nicht einlässt; sie zählt als drinnen.</translation>
    </message>
    <message>
        <source>Entered again although the check-in list admits each person once.</source>
        <translation>Erneut eingelassen, obwohl die Check-in-Liste jede Person einmal einlässt.</translation>
    </message>
    <message>
        <source>Entered again the same day although the check-in list admits each person once a day.</source>
        <translation>Am selben Tag erneut eingelassen, obwohl die Check-in-Liste jede Person einmal am Tag einlässt.</translation>
    </message>
    <message>
        <source>Let in although the check-in list does not admit this ticket type.</source>
        <translation>Eingelassen, obwohl die Check-in-Liste diese Ticketart nicht einlässt.</translation>
    </message>
    <message>
        <source>Let in while the check-in list was closed.</source>
        <translation>Eingelassen, als die Check-in-Liste geschlossen war.</translation>
    </message>
    <message>
        <source>Let in at a time this ticket type is not valid on the check-in list.</source>
        <translation>Zu einer Zeit eingelassen, zu der diese Ticketart auf der Check-in-Liste nicht gilt.</translation>
    </message>
    <message>
        <source>Checked out on a check-in list that does not record exits; it changes nothing.</source>
        <translation>Auf einer Check-in-Liste ausgecheckt, die keine Ausgänge erfasst; das ändert nichts.</translation>
    </message>
    <message>
        <source>On a check-in list that admits each person once (or once a day), every kiosk counts the earliest entry; a later one is a duplicate.</source>
        <translation>Auf einer Check-in-Liste, die jede Person einmal (oder einmal am Tag) einlässt, zählt jeder Kiosk den frühesten Einlass; ein späterer ist ein Duplikat.</translation>
    </message>
    <message>
        <source>An entry the check-in list&apos;s rules refuse still counts when somebody was let in (by override, or by the rules a door had before they changed), but every kiosk marks it as a conflict for the event lead.</source>
        <translation>Ein Einlass, den die Regeln der Check-in-Liste ablehnen, zählt trotzdem, wenn jemand eingelassen wurde (per Ausnahme oder nach den Regeln, die ein Eingang vor ihrer Änderung hatte), aber jeder Kiosk markiert ihn als Konflikt für die Veranstaltungsleitung.</translation>
    </message>
</context>
<context>
    <name>RuleBook</name>
    <message>
        <source>Entrance</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>A ticket without a type</source>
        <translation>Ein Ticket ohne Ticketart</translation>
    </message>
    <message>
        <source>%1 is not admitted at %2.</source>
        <extracomment>%1 ticket type, %2 check-in list name</extracomment>
        <translation>%1 hat an %2 keinen Zutritt.</translation>
    </message>
    <message>
        <source>%1 is open %2 — now it is %3.</source>
        <extracomment>%1 list name, %2 its opening times, %3 the date and time now</extracomment>
        <translation>%1 ist geöffnet %2 — jetzt ist %3.</translation>
    </message>
    <message>
        <source>%1 is valid %2 — now it is %3.</source>
        <extracomment>%1 ticket type, %2 when it is valid, %3 the date and time now</extracomment>
        <translation>%1 gilt %2 — jetzt ist %3.</translation>
    </message>
    <message>
        <source>%1 does not record exits.</source>
        <translation>%1 erfasst keine Ausgänge.</translation>
    </message>
    <message>
        <source>every ticket type</source>
        <translation>jede Ticketart</translation>
    </message>
    <message>
        <source>open %1</source>
        <translation>geöffnet %1</translation>
    </message>
    <message>
        <source>one entry</source>
        <translation>ein Einlass</translation>
    </message>
    <message>
        <source>one entry a day</source>
        <translation>ein Einlass pro Tag</translation>
    </message>
    <message>
        <source>no exits</source>
        <translation>ohne Ausgänge</translation>
    </message>
    <message>
        <source>asks: %1</source>
        <translation>fragt: %1</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>stillgelegt</translation>
    </message>
</context>
<context>
    <name>SelfServiceCard</name>
    <message>
        <source>Is this you? %1</source>
        <translation>Sind Sie das? %1</translation>
    </message>
    <message>
        <source>Is this you?</source>
        <translation>Sind Sie das?</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Ja, einchecken</translation>
    </message>
    <message>
        <source>No, that is not me</source>
        <translation>Nein, das bin ich nicht</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>Kiosk einrichten</translation>
    </message>
    <message>
        <source>This kiosk is set up already. A new code from the event lead replaces its enrolment; or go back to check-in as it is.</source>
        <translation>Dieser Kiosk ist schon eingerichtet. Ein neuer Code der Veranstaltungsleitung ersetzt seine Anmeldung; oder gehen Sie zurück zum Check-in, wie er ist.</translation>
    </message>
    <message>
        <source>It has no attendee list yet. Enrol it with the event&apos;s server, or import a CSV file if there is no server.</source>
        <translation>Er hat noch keine Teilnehmerliste. Melden Sie ihn beim Server der Veranstaltung an oder importieren Sie eine CSV-Datei, wenn es keinen Server gibt.</translation>
    </message>
    <message>
        <source>Enrol with a server</source>
        <translation>Bei einem Server anmelden</translation>
    </message>
    <message>
        <source>Check-ins are shared with the other doors.</source>
        <translation>Check-ins werden mit den anderen Eingängen geteilt.</translation>
    </message>
    <message>
        <source>Import a CSV file</source>
        <translation>CSV-Datei importieren</translation>
    </message>
    <message>
        <source>Without a server: this kiosk works on its own.</source>
        <translation>Ohne Server: Dieser Kiosk arbeitet für sich allein.</translation>
    </message>
    <message>
        <source>Back to check-in</source>
        <translation>Zurück zum Check-in</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <source>This kiosk only (no server)</source>
        <translation>Nur dieser Kiosk (kein Server)</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%L1 waiting to sync</source>
        <translation>%L1 noch zu senden</translation>
    </message>
    <message>
        <source>All delivered</source>
        <translation>Alles übertragen</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Abgleich: %1</translation>
    </message>
    <message>
        <source>Checked in %L1 / %L2</source>
        <translation>Eingecheckt %L1 / %L2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n other door(s)</source>
        <translation>
            <numerusform>%n anderer Eingang</numerusform>
            <numerusform>%n andere Eingänge</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 waiting to sync, %L2 also at another door</source>
        <translation>%L1 warten auf Sync, %L2 auch an einem anderen Eingang</translation>
    </message>
</context>
<context>
    <name>SyncCard</name>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Noch zu senden</translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s)</source>
        <translation>
            <numerusform>%Ln Check-in</numerusform>
            <numerusform>%Ln Check-ins</numerusform>
        </translation>
    </message>
    <message>
        <source>None: all delivered</source>
        <translation>Keine: alles übertragen</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzter Abgleich</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Letztes Problem</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>None (not enrolled)</source>
        <translation>Keiner (nicht angemeldet)</translation>
    </message>
    <message>
        <source>in use; answered last, %1</source>
        <translation>in Gebrauch; zuletzt geantwortet, %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Gebrauch</translation>
    </message>
    <message>
        <source>answered last, %1</source>
        <translation>zuletzt geantwortet, %1</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Noch nichts</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) from the server since the app started</source>
        <translation>
            <numerusform>%Ln Änderung vom Server seit dem Start der App</numerusform>
            <numerusform>%Ln Änderungen vom Server seit dem Start der App</numerusform>
        </translation>
    </message>
    <message>
        <source>No changes since the app started</source>
        <translation>Keine Änderungen seit dem Start der App</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>Fehlversuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
</context>
<context>
    <name>SyncSettings</name>
    <message>
        <source>Cannot write %1: %2. Check that the data directory is writable.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Prüfen Sie, ob das Datenverzeichnis beschreibbar ist.</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2. Check the data directory&apos;s permissions.</source>
        <translation>%1 kann nicht gelöscht werden: %2. Prüfen Sie die Berechtigungen des Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>%1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is damaged (%2): enrol this device again.</source>
        <translation>%1 ist beschädigt (%2): Melden Sie dieses Gerät neu an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address: use http://HOST:PORT or https://HOST:PORT.</source>
        <translation>„%1“ ist keine Serveradresse: Verwenden Sie http://HOST:PORT oder https://HOST:PORT.</translation>
    </message>
    <message>
        <source>No server address given: use --server http://HOST:PORT.</source>
        <translation>Keine Serveradresse angegeben: Verwenden Sie --server http://HOST:PORT.</translation>
    </message>
</context>
<context>
    <name>VerdictScreen</name>
    <message>
        <source>Back to the search</source>
        <translation>Zurück zur Suche</translation>
    </message>
    <message>
        <source>Inside since %1 · %2</source>
        <translation>Anwesend seit %1 · %2</translation>
    </message>
    <message>
        <source>Tap anywhere to continue</source>
        <translation>Zum Fortfahren irgendwo tippen</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Trotzdem einlassen…</translation>
    </message>
    <message>
        <source>Admit %1 anyway, with a note</source>
        <translation>%1 trotzdem einlassen, mit Notiz</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Used at %1 · %2</source>
        <translation>Eingelassen um %1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>a door note: %1 its column (&quot;Allergies&quot;), %2 its text (&quot;nuts&quot;)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Yes: %1</source>
        <translation>Ja: %1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No: %1</source>
        <translation>Nein: %1</translation>
    </message>
    <message>
        <source>Check in anyway</source>
        <translation>Trotzdem einchecken</translation>
    </message>
    <message>
        <source>Check %1 in anyway, not paid yet</source>
        <translation>%1 trotzdem einchecken, noch nicht bezahlt</translation>
    </message>
    <message>
        <source>Choose who is here…</source>
        <translation>Wählen, wer da ist …</translation>
    </message>
    <message>
        <source>Check in all %1 of this order…</source>
        <translation>Alle %1 dieser Bestellung einchecken …</translation>
    </message>
    <message>
        <source>Tap anywhere to go back without checking in</source>
        <translation>Irgendwo tippen, um ohne Check-in zurückzugehen</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <source>Not recorded</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Admitted by override</source>
        <translation>Eingelassen (Ausnahme)</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Ausgecheckt</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Bereits eingecheckt</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Nicht eingecheckt</translation>
    </message>
    <message>
        <source>Ticket cancelled</source>
        <translation>Ticket storniert</translation>
    </message>
    <message>
        <source>Ticket not found</source>
        <translation>Ticket nicht gefunden</translation>
    </message>
    <message>
        <source>Wrong event</source>
        <translation>Falsche Veranstaltung</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Zurückgenommen</translation>
    </message>
    <message>
        <source>Registered and checked in</source>
        <translation>Erfasst und eingecheckt</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>Bereits genutzt</translation>
    </message>
    <message>
        <source>Not admitted here</source>
        <translation>Hier kein Zutritt</translation>
    </message>
    <message>
        <source>Not paid yet</source>
        <translation>Noch nicht bezahlt</translation>
    </message>
    <message numerus="yes">
        <source>An order of %n ticket(s)</source>
        <extracomment>the headline when an order&apos;s code was scanned: how many tickets it holds</extracomment>
        <translation>
            <numerusform>Eine Bestellung mit %n Ticket</numerusform>
            <numerusform>Eine Bestellung mit %n Tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Viewfinder</name>
    <message>
        <source>Turn the light off</source>
        <translation>Licht ausschalten</translation>
    </message>
    <message>
        <source>Turn the light on</source>
        <translation>Licht einschalten</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Register a walk-in</source>
        <translation>Spontangast erfassen</translation>
    </message>
    <message>
        <source>For somebody who is not on the list: they are added to the event and checked in.</source>
        <translation>Für jemanden, der nicht auf der Liste steht: Die Person wird der Veranstaltung hinzugefügt und eingecheckt.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company (optional)</source>
        <translation>Firma (optional)</translation>
    </message>
    <message>
        <source>Ticket type (optional)</source>
        <translation>Ticketart (optional)</translation>
    </message>
    <message>
        <source>Pick one below or type it</source>
        <translation>Unten wählen oder eintippen</translation>
    </message>
    <message>
        <source>Ticket types of this event</source>
        <translation>Ticketarten dieser Veranstaltung</translation>
    </message>
    <message>
        <source>Ticket type %1, chosen</source>
        <translation>Ticketart %1, gewählt</translation>
    </message>
    <message>
        <source>Ticket type %1</source>
        <translation>Ticketart %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Wird erfasst…</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Erfassen und einchecken</translation>
    </message>
</context>
<context>
    <name>WipeCard</name>
    <message>
        <source>Wipe this kiosk</source>
        <translation>Kiosk zurücksetzen</translation>
    </message>
    <message>
        <source>After the event: delete the attendee list, the check-ins and the enrolment from this kiosk before it is handed back.</source>
        <translation>Nach der Veranstaltung: Teilnehmerliste, Check-ins und Anmeldung von diesem Kiosk löschen, bevor er zurückgegeben wird.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Wipe…</source>
        <translation>Zurücksetzen…</translation>
    </message>
</context>
<context>
    <name>WipeConfirm</name>
    <message>
        <source>Wipe this kiosk?</source>
        <translation>Kiosk zurücksetzen?</translation>
    </message>
    <message>
        <source>Wiping…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Wipe everything</source>
        <translation>Alles löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>checkin::CheckInDesk</name>
    <message>
        <source>A forced admission needs a note saying why (for the event lead&apos;s review).</source>
        <translation>Ein Einlass als Ausnahme braucht eine Notiz mit dem Grund (zur Prüfung durch die Veranstaltungsleitung).</translation>
    </message>
    <message>
        <source>The note is too long: keep it under %L1 characters.</source>
        <translation>Die Notiz ist zu lang: höchstens %L1 Zeichen.</translation>
    </message>
    <message>
        <source>Use undo with a check-in&apos;s id to undo it.</source>
        <translation>Zum Zurücknehmen die ID eines Check-ins angeben.</translation>
    </message>
    <message>
        <source>Nothing to undo: give the id of a check-in.</source>
        <translation>Nichts zurückzunehmen: Geben Sie die ID eines Check-ins an.</translation>
    </message>
    <message>
        <source>Nothing to undo: this desk has not checked anybody in yet.</source>
        <translation>Nichts zurückzunehmen: Hier wurde noch niemand eingecheckt.</translation>
    </message>
    <message>
        <source>Unknown ticket</source>
        <translation>Unbekanntes Ticket</translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>after a name: the ticket type in brackets, e.g. &quot; (Speaker)&quot;</extracomment>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Admitted by override: %1%2.</source>
        <translation>Als Ausnahme eingelassen: %1%2.</translation>
    </message>
    <message>
        <source>Admitted: %1%2.</source>
        <translation>Eingelassen: %1%2.</translation>
    </message>
    <message>
        <source>Checked out: %1%2.</source>
        <translation>Ausgecheckt: %1%2.</translation>
    </message>
    <message>
        <source>another door</source>
        <translation>anderer Eingang</translation>
    </message>
    <message>
        <source>Already checked in: %1%2 since %3 at %4. Ask whether they left and came back; admit by override if so.</source>
        <extracomment>%3 a time of day, %4 the door (device) that checked them in</extracomment>
        <translation>Bereits eingecheckt: %1%2 seit %3 (%4). Fragen Sie, ob die Person zwischendurch gegangen ist; dann als Ausnahme einlassen.</translation>
    </message>
    <message>
        <source>Not checked in: %1%2 is not inside, so there is nothing to check out.</source>
        <translation>Nicht eingecheckt: %1%2 ist nicht anwesend, es gibt nichts auszuchecken.</translation>
    </message>
    <message>
        <source>Ticket cancelled: %1%2. Send the person to the info desk.</source>
        <translation>Ticket storniert: %1%2. Bitte die Person zum Info-Schalter schicken.</translation>
    </message>
    <message>
        <source>Unknown ticket code. Check that the ticket is for this event, or search by name.</source>
        <translation>Unbekannter Ticket-Code. Prüfen Sie, ob das Ticket für diese Veranstaltung gilt, oder suchen Sie nach dem Namen.</translation>
    </message>
    <message>
        <source>Wrong event: this ticket (%1) is for %2.</source>
        <extracomment>%1 the person, %2 the other event&apos;s name</extracomment>
        <translation>Falsche Veranstaltung: Dieses Ticket (%1) gilt für %2.</translation>
    </message>
    <message>
        <source>an unknown ticket</source>
        <translation>ein unbekanntes Ticket</translation>
    </message>
    <message>
        <source>Undone: the entry of %1 no longer counts.</source>
        <translation>Zurückgenommen: Der Eintritt von %1 zählt nicht mehr.</translation>
    </message>
    <message>
        <source>Undone: the exit of %1 no longer counts.</source>
        <translation>Zurückgenommen: Der Austritt von %1 zählt nicht mehr.</translation>
    </message>
    <message>
        <source>Undone: the undo of %1 no longer counts.</source>
        <translation>Zurückgenommen: Die Rücknahme für %1 zählt nicht mehr.</translation>
    </message>
    <message>
        <source>Registered as a walk-in and admitted: %1%2.</source>
        <translation>Als Spontangast erfasst und eingelassen: %1%2.</translation>
    </message>
    <message>
        <source>Already used today: %1%2 came in at %3 at %4, and %5 admits each person once a day.</source>
        <extracomment>%3 a time of day, %4 the door (device), %5 the check-in list</extracomment>
        <translation>Heute bereits genutzt: %1%2 kam um %3 an %4 herein, und %5 lässt jede Person einmal am Tag ein.</translation>
    </message>
    <message>
        <source>Already used: %1%2 came in at %3 at %4, and %5 admits each person once.</source>
        <translation>Bereits genutzt: %1%2 kam um %3 an %4 herein, und %5 lässt jede Person einmal ein.</translation>
    </message>
    <message>
        <source>Not admitted here: %1%2. %3</source>
        <extracomment>%1 the person, %2 their ticket type, %3 the rule that refused them in words</extracomment>
        <translation>Hier kein Zutritt: %1%2. %3</translation>
    </message>
    <message>
        <source>Paper list</source>
        <translation>Papierliste</translation>
    </message>
    <message>
        <source>The answer is too long: keep it under %L1 characters.</source>
        <translation>Die Antwort ist zu lang: Bleiben Sie unter %L1 Zeichen.</translation>
    </message>
    <message>
        <source>Not paid yet: the payment for %1%2 is still pending. Check in anyway, or send the person to the info desk to pay.</source>
        <translation>Noch nicht bezahlt: Die Zahlung für %1%2 steht noch aus. Trotzdem einchecken oder die Person zum Bezahlen an den Infostand schicken.</translation>
    </message>
    <message>
        <source>%1 Ask %2%3 and record the answer; the entry is recorded with it.</source>
        <extracomment>%1 the list&apos;s question, %2 the person, %3 their ticket type</extracomment>
        <translation>%1 Fragen Sie %2%3 und erfassen Sie die Antwort; der Einlass wird mit ihr gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>An order of %n ticket(s): choose who is here to check them in together.</source>
        <translation>
            <numerusform>Eine Bestellung mit %n Ticket: Wählen Sie, wer da ist, um gemeinsam einzuchecken.</numerusform>
            <numerusform>Eine Bestellung mit %n Tickets: Wählen Sie, wer da ist, um gemeinsam einzuchecken.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::FeedPull</name>
    <message>
        <source>The server sent an attendee this kiosk cannot read: %1</source>
        <translation>Der Server schickte eine Person, die dieser Kiosk nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The server sent a check-in this kiosk cannot read: %1</source>
        <translation>Der Server schickte einen Check-in, den dieser Kiosk nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The server&apos;s change feed answered something that is not a page of changes. Is the address that of a checkin-server?</source>
        <translation>Der Server lieferte statt einer Seite mit Änderungen etwas anderes. Ist das die Adresse eines checkin-servers?</translation>
    </message>
    <message>
        <source>The server sent a badge print this kiosk cannot read: %1</source>
        <translation>Der Server schickte einen Namensschild-Druck, den dieser Kiosk nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The server sent a check-in list this kiosk cannot read: %1</source>
        <translation>Der Server schickte eine Check-in-Liste, die dieser Kiosk nicht lesen kann: %1</translation>
    </message>
</context>
<context>
    <name>checkin::OutboxDelivery</name>
    <message>
        <source>The server answered the upload without a result for every check-in; they stay queued.</source>
        <translation>Der Server hat nicht zu jedem übertragenen Check-in ein Ergebnis geliefert; sie bleiben in der Warteschlange.</translation>
    </message>
</context>
<context>
    <name>checkin::PeerLink</name>
    <message>
        <source>no hello within %1 s</source>
        <translation>keine Begrüßung innerhalb von %1 s</translation>
    </message>
    <message>
        <source>not heard from for %1 s</source>
        <translation>seit %1 s nichts gehört</translation>
    </message>
    <message>
        <source>it has the event&apos;s key of generation %1, not this door&apos;s %2: it was revoked, or has not heard of a revocation yet (then it must reach the server once)</source>
        <translation>er hat den Veranstaltungsschlüssel der Generation %1, nicht die %2 dieses Eingangs: Er wurde gesperrt oder weiß noch nichts von einer Sperrung (dann muss er einmal den Server erreichen)</translation>
    </message>
    <message>
        <source>the encrypted handshake failed: it does not have this event&apos;s key of now (not enrolled for the event, revoked, or it has not heard of a revocation yet)</source>
        <translation>der verschlüsselte Verbindungsaufbau ist gescheitert: Er hat den aktuellen Schlüssel dieser Veranstaltung nicht (nicht für die Veranstaltung angemeldet, gesperrt oder weiß noch nichts von einer Sperrung)</translation>
    </message>
    <message>
        <source>it refused the connection</source>
        <translation>er hat die Verbindung abgelehnt</translation>
    </message>
</context>
<context>
    <name>checkin::PeerService</name>
    <message>
        <source>“%1” is no door&apos;s address: write host:port, e.g. 192.168.1.20:%2.</source>
        <translation>„%1“ ist keine Adresse eines Eingangs: Schreiben Sie host:port, z. B. 192.168.1.20:%2.</translation>
    </message>
    <message>
        <source>No key for the other doors yet: this door must reach the server once after enrolment.</source>
        <translation>Noch kein Schlüssel für die anderen Eingänge: Dieser Eingang muss nach der Anmeldung einmal den Server erreichen.</translation>
    </message>
    <message>
        <source>The other doors cannot connect: port %1 cannot be used (%2).</source>
        <translation>Die anderen Eingänge können sich nicht verbinden: Port %1 ist nicht nutzbar (%2).</translation>
    </message>
    <message>
        <source>it has another generation of the event&apos;s key (%1; this door has %2): the door with the older key must reach the server once</source>
        <translation>er hat eine andere Generation des Veranstaltungsschlüssels (%1; dieser Eingang hat %2): Der Eingang mit dem älteren Schlüssel muss einmal den Server erreichen</translation>
    </message>
    <message>
        <source>It belongs to another event.</source>
        <translation>Er gehört zu einer anderen Veranstaltung.</translation>
    </message>
    <message>
        <source>Door “%1” runs an app too old to exchange check-ins with this one (app %2, peer protocol %3; this door needs at least %4): update it.</source>
        <translation>Eingang „%1“ hat eine zu alte App, um mit diesem Check-ins auszutauschen (App %2, Protokoll %3; dieser Eingang braucht mindestens %4): Aktualisieren Sie sie.</translation>
    </message>
    <message>
        <source>of unknown version</source>
        <translation>unbekannter Version</translation>
    </message>
    <message>
        <source>It sent something this door cannot read: %1</source>
        <translation>Er hat etwas gesendet, das dieser Eingang nicht lesen kann: %1</translation>
    </message>
</context>
<context>
    <name>checkin::ServerClient</name>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Der Server %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1 (%2). Check the address and that the server is running.</source>
        <translation>Der Server %1 ist nicht erreichbar (%2). Prüfen Sie die Adresse und ob der Server läuft.</translation>
    </message>
    <message>
        <source>The server answered %1 %2.</source>
        <translation>Der Server antwortete %1 %2.</translation>
    </message>
    <message>
        <source>The server at %1 showed another certificate than the one this device trusts (its pin). If the server has a new certificate, enrol this device again with a new code.</source>
        <translation>Der Server unter %1 zeigte ein anderes Zertifikat als das, dem dieses Gerät vertraut (sein Pin). Hat der Server ein neues Zertifikat, melden Sie dieses Gerät mit einem neuen Code erneut an.</translation>
    </message>
</context>
<context>
    <name>checkin::StoreWorker</name>
    <message>
        <source>looking up the attendee</source>
        <translation>beim Nachschlagen der Person</translation>
    </message>
    <message>
        <source>reading the attendee&apos;s check-ins</source>
        <translation>beim Lesen der Check-ins der Person</translation>
    </message>
    <message>
        <source>recording the check-in</source>
        <translation>beim Speichern des Check-ins</translation>
    </message>
    <message>
        <source>classifying check-ins</source>
        <translation>beim Einordnen der Check-ins</translation>
    </message>
    <message>
        <source>updating the attendee</source>
        <translation>beim Aktualisieren der Person</translation>
    </message>
    <message>
        <source>recording the refused scan</source>
        <translation>beim Speichern des abgewiesenen Scans</translation>
    </message>
    <message>
        <source>No event on this device yet: import an attendee list (checkinctl import FILE) or preload an event first.</source>
        <translation>Noch keine Veranstaltung auf diesem Gerät: Importieren Sie zuerst eine Teilnehmerliste (checkinctl import DATEI) oder laden Sie eine Veranstaltung.</translation>
    </message>
    <message>
        <source>Nothing to check in: scan a ticket code or choose an attendee.</source>
        <translation>Nichts einzuchecken: Scannen Sie einen Ticket-Code oder wählen Sie eine Person.</translation>
    </message>
    <message>
        <source>An undo refers to a check-in: use undo with the check-in&apos;s id.</source>
        <translation>Eine Rücknahme bezieht sich auf einen Check-in: Geben Sie dessen ID an.</translation>
    </message>
    <message>
        <source>There is no attendee with id %1 in %2.</source>
        <translation>In %2 gibt es keine Person mit der ID %1.</translation>
    </message>
    <message>
        <source>No event on this device yet: there is nothing to undo.</source>
        <translation>Noch keine Veranstaltung auf diesem Gerät: Es gibt nichts zurückzunehmen.</translation>
    </message>
    <message>
        <source>looking up the check-in</source>
        <translation>beim Nachschlagen des Check-ins</translation>
    </message>
    <message>
        <source>There is no check-in with id %1 in %2: copy the id from `checkinctl export` or the check-in&apos;s verdict.</source>
        <translation>In %2 gibt es keinen Check-in mit der ID %1: Kopieren Sie die ID aus `checkinctl export` oder aus der Meldung zum Check-in.</translation>
    </message>
    <message>
        <source>Check-in %1 is itself an undo and cannot be undone: check the person in again instead.</source>
        <translation>Check-in %1 ist selbst eine Rücknahme und kann nicht zurückgenommen werden: Checken Sie die Person stattdessen neu ein.</translation>
    </message>
    <message>
        <source>Check-in %1 was already undone.</source>
        <translation>Check-in %1 wurde bereits zurückgenommen.</translation>
    </message>
    <message>
        <source>Row %1: the id %2 is also on row %3. Give every attendee a unique id, or remove the id column; nothing was imported.</source>
        <translation>Zeile %1: Die ID %2 steht auch in Zeile %3. Geben Sie allen Teilnehmenden eine eigene ID oder entfernen Sie die ID-Spalte; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>reading the current attendee list</source>
        <translation>beim Lesen der bisherigen Teilnehmerliste</translation>
    </message>
    <message>
        <source>importing row %1</source>
        <translation>beim Importieren von Zeile %1</translation>
    </message>
    <message>
        <source>Event</source>
        <comment>the name of an event imported without one</comment>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>The file has errors; nothing was imported.</source>
        <translation>Die Datei hat Fehler; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>loading names for search</source>
        <translation>beim Laden der Namen für die Suche</translation>
    </message>
    <message>
        <source>searching</source>
        <translation>bei der Suche</translation>
    </message>
    <message>
        <source>counting attendees</source>
        <translation>beim Zählen der Teilnehmenden</translation>
    </message>
    <message>
        <source>counting check-ins</source>
        <translation>beim Zählen der Check-ins</translation>
    </message>
    <message>
        <source>counting undelivered check-ins</source>
        <translation>beim Zählen der nicht übertragenen Check-ins</translation>
    </message>
    <message>
        <source>counting refused scans</source>
        <translation>beim Zählen der abgewiesenen Scans</translation>
    </message>
    <message>
        <source>reading the check-in log</source>
        <translation>beim Lesen des Check-in-Protokolls</translation>
    </message>
    <message>
        <source>reading attendees</source>
        <translation>beim Lesen der Teilnehmenden</translation>
    </message>
    <message>
        <source>reading the check-ins to deliver</source>
        <translation>beim Lesen der zu übertragenden Check-ins</translation>
    </message>
    <message>
        <source>marking check-ins as delivered</source>
        <translation>beim Markieren der Check-ins als übertragen</translation>
    </message>
    <message>
        <source>No event on this device: enrol it first.</source>
        <translation>Keine Veranstaltung auf diesem Gerät: Melden Sie es zuerst an.</translation>
    </message>
    <message>
        <source>finding check-ins to re-derive</source>
        <translation>beim Suchen neu einzuordnender Check-ins</translation>
    </message>
    <message>
        <source>storing the event</source>
        <translation>beim Speichern der Veranstaltung</translation>
    </message>
    <message>
        <source>taking the device id from the server</source>
        <translation>beim Übernehmen der Geräte-ID vom Server</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2. Check the data directory&apos;s permissions.</source>
        <translation>%1 kann nicht gelöscht werden: %2. Prüfen Sie die Berechtigungen des Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1: check the path and its permissions.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden: Prüfen Sie den Pfad und seine Berechtigungen.</translation>
    </message>
    <message>
        <source>The SQLite driver for Qt is missing: install the package libqt6sql6-sqlite.</source>
        <translation>Der SQLite-Treiber für Qt fehlt: Installieren Sie das Paket libqt6sql6-sqlite.</translation>
    </message>
    <message>
        <source>opening the database</source>
        <translation>beim Öffnen der Datenbank</translation>
    </message>
    <message>
        <source>The database at %1 cannot use write-ahead logging (is it on a network drive?). Use a data directory on a local disk.</source>
        <translation>Die Datenbank %1 kann kein Write-Ahead-Logging verwenden (liegt sie auf einem Netzlaufwerk?). Verwenden Sie ein Datenverzeichnis auf einem lokalen Datenträger.</translation>
    </message>
    <message>
        <source>preparing queries</source>
        <translation>beim Vorbereiten der Abfragen</translation>
    </message>
    <message>
        <source>The disk is full while %1: nothing was recorded. Everything recorded before is safe. Free some space on this device, then try again.</source>
        <translation>Der Speicher ist voll (%1): Nichts wurde gespeichert. Alles bisher Gespeicherte ist sicher. Schaffen Sie Platz auf diesem Gerät und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database %1 is read-only while %2: nothing was recorded. Check the permissions of the data directory and its files.</source>
        <translation>Die Datenbank %1 ist schreibgeschützt (%2): Nichts wurde gespeichert. Prüfen Sie die Berechtigungen des Datenverzeichnisses und seiner Dateien.</translation>
    </message>
    <message>
        <source>The database %1 is locked by another program while %2: nothing was recorded. Close other check-in programs on this data directory and try again.</source>
        <translation>Die Datenbank %1 ist von einem anderen Programm gesperrt (%2): Nichts wurde gespeichert. Schließen Sie andere Check-in-Programme auf diesem Datenverzeichnis und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). Stop using this device for check-in, keep the data directory for recovery, and use another device.</source>
        <translation>Die Datenbank %1 ist beschädigt (%2). Verwenden Sie dieses Gerät nicht mehr für den Check-in, bewahren Sie das Datenverzeichnis zur Wiederherstellung auf und nehmen Sie ein anderes Gerät.</translation>
    </message>
    <message>
        <source>%1 is not a kiosk database (it is damaged or some other file). Move it out of the data directory, or use another data directory with --data-dir.</source>
        <translation>%1 ist keine Kiosk-Datenbank (beschädigt oder eine andere Datei). Verschieben Sie sie aus dem Datenverzeichnis oder verwenden Sie mit --data-dir ein anderes.</translation>
    </message>
    <message>
        <source>The disk could not be read or written while %1 (%2): nothing was recorded. Check the storage of this device (is it full, removed or failing?) and try again.</source>
        <translation>Der Speicher konnte nicht gelesen oder beschrieben werden (%1; %2): Nichts wurde gespeichert. Prüfen Sie den Speicher dieses Geräts (voll, entfernt oder defekt?) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The database failed while %1: %2.</source>
        <translation>Fehler der Datenbank (%1): %2.</translation>
    </message>
    <message>
        <source>running &quot;%1&quot;</source>
        <translation>beim Ausführen von „%1“</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>beim Speichern</translation>
    </message>
    <message>
        <source>saving settings</source>
        <translation>beim Speichern der Einstellungen</translation>
    </message>
    <message>
        <source>creating the event</source>
        <translation>beim Anlegen der Veranstaltung</translation>
    </message>
    <message>
        <source>No event on this device yet: import an attendee list or preload an event before registering walk-ins.</source>
        <translation>Noch keine Veranstaltung auf diesem Gerät: Importieren Sie eine Teilnehmendenliste oder laden Sie eine Veranstaltung, bevor Sie Spontangäste erfassen.</translation>
    </message>
    <message>
        <source>The walk-in&apos;s entry was not recorded (%1); nothing was saved.</source>
        <translation>Der Eintritt des Spontangasts wurde nicht gespeichert (%1); es wurde nichts gesichert.</translation>
    </message>
    <message>
        <source>counting the check-ins to review</source>
        <translation>beim Zählen der zu prüfenden Check-ins</translation>
    </message>
    <message>
        <source>reading the check-ins to review</source>
        <translation>beim Lesen der zu prüfenden Check-ins</translation>
    </message>
    <message>
        <source>registering the walk-in</source>
        <translation>beim Erfassen des Spontangasts</translation>
    </message>
    <message>
        <source>reading the ticket types</source>
        <translation>beim Lesen der Ticketarten</translation>
    </message>
    <message>
        <source>No event on this device yet.</source>
        <translation>Noch keine Veranstaltung auf diesem Gerät.</translation>
    </message>
    <message>
        <source>logging the badge print</source>
        <translation>beim Protokollieren des Namensschild-Drucks</translation>
    </message>
    <message>
        <source>reading the print log</source>
        <translation>beim Lesen des Druckprotokolls</translation>
    </message>
    <message>
        <source>marking badge prints as delivered</source>
        <translation>beim Markieren der Drucke als übertragen</translation>
    </message>
    <message>
        <source>saving badge prints from the server</source>
        <translation>beim Speichern der Drucke vom Server</translation>
    </message>
    <message>
        <source>reading the check-in lists</source>
        <translation>beim Lesen der Check-in-Listen</translation>
    </message>
    <message>
        <source>No event on this device yet: there are no check-in lists to choose from.</source>
        <translation>Noch keine Veranstaltung auf diesem Gerät: Es gibt keine Check-in-Listen zur Auswahl.</translation>
    </message>
    <message>
        <source>%1 has no check-in list &quot;%2&quot;.</source>
        <translation>%1 hat keine Check-in-Liste „%2“.</translation>
    </message>
    <message>
        <source>The check-in list %1 is retired: choose another.</source>
        <translation>Die Check-in-Liste %1 ist stillgelegt: Wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>No event on this device yet: import an attendee list first, then its check-in lists.</source>
        <translation>Noch keine Veranstaltung auf diesem Gerät: Importieren Sie zuerst eine Teilnehmerliste, dann ihre Check-in-Listen.</translation>
    </message>
    <message>
        <source>storing the check-in lists</source>
        <translation>beim Speichern der Check-in-Listen</translation>
    </message>
    <message>
        <source>reading who has check-ins</source>
        <translation>beim Lesen, wer Check-ins hat</translation>
    </message>
    <message>
        <source>reading the check-ins</source>
        <translation>beim Lesen der Check-ins</translation>
    </message>
    <message>
        <source>There is no time zone &quot;%1&quot;: give one such as Europe/Berlin.</source>
        <translation>Es gibt keine Zeitzone „%1“: Geben Sie eine wie Europe/Berlin an.</translation>
    </message>
    <message>
        <source>looking up the order</source>
        <translation>beim Nachschlagen der Bestellung</translation>
    </message>
    <message>
        <source>A paper check-in needs the time it was ticked, and that time cannot be in the future.</source>
        <translation>Ein Check-in von der Papierliste braucht die Zeit, zu der er abgehakt wurde, und diese Zeit kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>reading what this door holds</source>
        <translation>beim Lesen, was dieser Eingang hat</translation>
    </message>
    <message>
        <source>reading the doors heard</source>
        <translation>beim Lesen der gehörten Eingänge</translation>
    </message>
    <message>
        <source>counting the check-ins other doors hold</source>
        <translation>beim Zählen der Check-ins, die andere Eingänge haben</translation>
    </message>
    <message>
        <source>reading check-ins for another door</source>
        <translation>beim Lesen von Check-ins für einen anderen Eingang</translation>
    </message>
    <message>
        <source>registering another door&apos;s walk-in</source>
        <translation>beim Registrieren der Spontangäste eines anderen Eingangs</translation>
    </message>
    <message>
        <source>storing another door&apos;s check-ins</source>
        <translation>beim Speichern der Check-ins eines anderen Eingangs</translation>
    </message>
    <message>
        <source>keeping the doors heard</source>
        <translation>beim Festhalten der gehörten Eingänge</translation>
    </message>
    <message>
        <source>creating the encrypted database</source>
        <translation>beim Anlegen der verschlüsselten Datenbank</translation>
    </message>
    <message>
        <source>%1 is not a kiosk database this device can read: it was made with another key than this device&apos;s (%2), or it is damaged or some other file. Restore the key it was made with, or move it out of the data directory and enrol this device again.</source>
        <translation>%1 ist keine Kiosk-Datenbank, die dieses Gerät lesen kann: Sie wurde mit einem anderen Schlüssel als dem dieses Geräts (%2) angelegt, oder sie ist beschädigt oder eine andere Datei. Stellen Sie den Schlüssel wieder her, mit dem sie angelegt wurde, oder verschieben Sie sie aus dem Datenverzeichnis und melden Sie dieses Gerät neu an.</translation>
    </message>
    <message>
        <source>The database %1 cannot be read: check the permissions of the data directory and its files.</source>
        <translation>Die Datenbank %1 kann nicht gelesen werden: Prüfen Sie die Berechtigungen des Datenverzeichnisses und seiner Dateien.</translation>
    </message>
    <message>
        <source>encrypting the database</source>
        <translation>beim Verschlüsseln der Datenbank</translation>
    </message>
    <message>
        <source>The database could not be encrypted: %1</source>
        <translation>Die Datenbank konnte nicht verschlüsselt werden: %1</translation>
    </message>
    <message>
        <source>The database %1 could not be encrypted: another program still has it open. Close it and start again.</source>
        <translation>Die Datenbank %1 konnte nicht verschlüsselt werden: Ein anderes Programm hat sie noch geöffnet. Schließen Sie es und starten Sie erneut.</translation>
    </message>
    <message>
        <source>The database %1 could not be replaced by its encrypted copy. Check the permissions of the data directory.</source>
        <translation>Die Datenbank %1 konnte nicht durch ihre verschlüsselte Kopie ersetzt werden. Prüfen Sie die Berechtigungen des Datenverzeichnisses.</translation>
    </message>
    <message>
        <source>A page of the database %1 does not decrypt with this device&apos;s key (%2) while %3: it is damaged, or was changed outside this program. Stop using this device for check-in, keep the data directory for recovery, and use another device.</source>
        <translation>Eine Seite der Datenbank %1 lässt sich mit dem Schlüssel dieses Geräts (%2) nicht entschlüsseln (%3): Sie ist beschädigt oder wurde außerhalb dieses Programms verändert. Verwenden Sie dieses Gerät nicht mehr für den Check-in, bewahren Sie das Datenverzeichnis zur Wiederherstellung auf und nehmen Sie ein anderes Gerät.</translation>
    </message>
</context>
<context>
    <name>checkin::SyncEngine</name>
    <message>
        <source>Sync was stopped.</source>
        <translation>Der Abgleich wurde beendet.</translation>
    </message>
    <message>
        <source>This device is not enrolled with a server yet: enrol it with a code from the event lead.</source>
        <translation>Dieses Gerät ist noch bei keinem Server angemeldet: Melden Sie es mit einem Code der Veranstaltungsleitung an.</translation>
    </message>
    <message>
        <source>No server address given.</source>
        <translation>Keine Serveradresse angegeben.</translation>
    </message>
    <message>
        <source>The server did not accept the code: %1</source>
        <translation>Der Server hat den Code nicht angenommen: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the enrolment is incomplete.</source>
        <translation>Die Antwort des Servers auf die Anmeldung ist unvollständig.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the enrolment is incomplete: %1.</source>
        <translation>Die Antwort des Servers auf die Anmeldung ist unvollständig: %1.</translation>
    </message>
    <message>
        <source>No event on this device: enrol it first.</source>
        <translation>Keine Veranstaltung auf diesem Gerät: Melden Sie es zuerst an.</translation>
    </message>
    <message numerus="yes">
        <source>The server no longer accepts this device (revoked, or its token is not valid). It stops syncing and keeps its %n undelivered check-in(s): enrol it again with a new code, or export them.</source>
        <translation>
            <numerusform>Der Server nimmt dieses Gerät nicht mehr an (gesperrt oder ungültiges Token). Es beendet den Abgleich und behält seinen %n nicht übertragenen Check-in: Melden Sie es mit einem neuen Code neu an oder exportieren Sie ihn.</numerusform>
            <numerusform>Der Server nimmt dieses Gerät nicht mehr an (gesperrt oder ungültiges Token). Es beendet den Abgleich und behält seine %n nicht übertragenen Check-ins: Melden Sie es mit einem neuen Code neu an oder exportieren Sie sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not accept this enrolment code: it is unknown, used already or expired. Ask the event lead for a new one.</source>
        <translation>Der Server hat diesen Anmeldecode nicht angenommen: Er ist unbekannt, schon benutzt oder abgelaufen. Bitten Sie die Veranstaltungsleitung um einen neuen.</translation>
    </message>
</context>
<context>
    <name>checkin::print</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Badge: %1</source>
        <translation>Namensschild: %1</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>A6 card (105 × 148 mm)</source>
        <translation>A6-Karte (105 × 148 mm)</translation>
    </message>
    <message>
        <source>Brother QL 62 mm (62 × 100 mm)</source>
        <translation>Brother QL 62 mm (62 × 100 mm)</translation>
    </message>
    <message>
        <source>DYMO 99012 (89 × 36 mm)</source>
        <translation>DYMO 99012 (89 × 36 mm)</translation>
    </message>
    <message>
        <source>✓ already in since %1</source>
        <translation>✓ schon drin seit %1</translation>
    </message>
    <message>
        <source>€ not paid yet: ask at the desk</source>
        <translation>€ noch nicht bezahlt: am Infostand fragen</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Bestellung %1</translation>
    </message>
    <message>
        <source>%1 people on this list. Not on it: %2 with a cancelled ticket or a ticket this list does not admit.</source>
        <translation>%1 Personen auf dieser Liste. Nicht darauf: %2 mit storniertem Ticket oder einem Ticket, das diese Liste nicht einlässt.</translation>
    </message>
    <message>
        <source>%1 people on this list.</source>
        <translation>%1 Personen auf dieser Liste.</translation>
    </message>
    <message>
        <source>Paper list: %1</source>
        <translation>Papierliste: %1</translation>
    </message>
    <message>
        <source>Paper list: %1 · %2</source>
        <translation>Papierliste: %1 · %2</translation>
    </message>
    <message>
        <source>Printed %1. Tick the box of each person you let in and write the time next to it. Afterwards, enter the ticks (checkinctl checkin CODE --at TIME, or a CSV of codes and times: checkinctl paper FILE.csv).</source>
        <translation>Gedruckt %1. Haken Sie jede eingelassene Person ab und schreiben Sie die Uhrzeit daneben. Erfassen Sie die Haken danach (checkinctl checkin CODE --at ZEIT oder eine CSV-Datei mit Codes und Zeiten: checkinctl paper DATEI.csv).</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Drin</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Know at the door</source>
        <translation>Am Eingang wissen</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>checkin::print::BadgePrinter</name>
    <message>
        <source>out of paper or labels</source>
        <translation>Papier oder Etiketten leer</translation>
    </message>
    <message>
        <source>paper jam</source>
        <translation>Papierstau</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>Abdeckung offen</translation>
    </message>
    <message>
        <source>out of ink or toner</source>
        <translation>Tinte oder Toner leer</translation>
    </message>
    <message>
        <source>There is no printer “%1” on this device.</source>
        <translation>Auf diesem Gerät gibt es keinen Drucker „%1“.</translation>
    </message>
    <message>
        <source>The printer “%1” does not accept jobs.</source>
        <translation>Der Drucker „%1“ nimmt keine Aufträge an.</translation>
    </message>
    <message>
        <source>The printer “%1” does not accept jobs (%2).</source>
        <translation>Der Drucker „%1“ nimmt keine Aufträge an (%2).</translation>
    </message>
    <message>
        <source>The printer “%1” is stopped.</source>
        <translation>Der Drucker „%1“ ist angehalten.</translation>
    </message>
    <message>
        <source>The printer “%1” is stopped (%2).</source>
        <translation>Der Drucker „%1“ ist angehalten (%2).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the badges.</source>
        <translation>Der Ordner %1 für die Namensschilder kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The printer “%1” could not start the badge.</source>
        <translation>Der Drucker „%1“ konnte das Namensschild nicht beginnen.</translation>
    </message>
    <message>
        <source>The badge could not be sent to the printer “%1”.</source>
        <translation>Das Namensschild konnte nicht an den Drucker „%1“ gesendet werden.</translation>
    </message>
    <message>
        <source>The printer “%1” did not take the badge.</source>
        <translation>Der Drucker „%1“ hat das Namensschild nicht angenommen.</translation>
    </message>
    <message>
        <source>%1, job %2</source>
        <translation>%1, Auftrag %2</translation>
    </message>
    <message>
        <source>The printer “%1” dropped the badge.</source>
        <translation>Der Drucker „%1“ hat das Namensschild verworfen.</translation>
    </message>
    <message>
        <source>The printer “%1” stopped the badge.</source>
        <translation>Der Drucker „%1“ hat das Namensschild angehalten.</translation>
    </message>
    <message numerus="yes">
        <source>The printer “%1” did not print the badge within %n seconds.</source>
        <translation>
            <numerusform>Der Drucker „%1“ hat das Namensschild nicht innerhalb von %n Sekunde gedruckt.</numerusform>
            <numerusform>Der Drucker „%1“ hat das Namensschild nicht innerhalb von %n Sekunden gedruckt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The printer “%1” did not print the badge (%2).</source>
        <translation>Der Drucker „%1“ hat das Namensschild nicht gedruckt (%2).</translation>
    </message>
    <message>
        <source>The app closed before the printer “%1” had the badge done.</source>
        <translation>Die App wurde beendet, bevor der Drucker „%1“ das Namensschild fertig hatte.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::AdminController</name>
    <message>
        <source>This kiosk is not enrolled, so there is no server to sync with. Enrol it below, with a code from the event lead.</source>
        <translation>Dieser Kiosk ist nicht angemeldet, es gibt also keinen Server zum Abgleich. Melden Sie ihn unten mit einem Code der Veranstaltungsleitung an.</translation>
    </message>
    <message>
        <source>The server no longer accepts this kiosk. Enrol it again with a new code.</source>
        <translation>Der Server nimmt diesen Kiosk nicht mehr an. Melden Sie ihn mit einem neuen Code neu an.</translation>
    </message>
    <message>
        <source>Sync requested.</source>
        <translation>Abgleich angefordert.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s) exported to %1</source>
        <translation>
            <numerusform>%Ln Check-in exportiert nach %1</numerusform>
            <numerusform>%Ln Check-ins exportiert nach %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s) have not reached the server yet. Sync first, or export the check-in log and keep the file; then wipe.</source>
        <translation>
            <numerusform>%Ln Check-in ist noch nicht beim Server angekommen. Erst abgleichen oder das Protokoll exportieren und die Datei aufbewahren; dann zurücksetzen.</numerusform>
            <numerusform>%Ln Check-ins sind noch nicht beim Server angekommen. Erst abgleichen oder das Protokoll exportieren und die Datei aufbewahren; dann zurücksetzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are check-ins newer than the last export, and not all have reached the server. Export the check-in log again; then wipe.</source>
        <translation>Es gibt Check-ins nach dem letzten Export, und nicht alle sind beim Server angekommen. Exportieren Sie das Protokoll erneut; dann zurücksetzen.</translation>
    </message>
    <message>
        <source>This deletes the attendee list, every check-in, the device token and the server settings from this kiosk. Exports in %1 stay. It cannot be undone.</source>
        <translation>Das löscht die Teilnehmerliste, alle Check-ins, das Geräte-Token und die Servereinstellungen von diesem Kiosk. Exporte in %1 bleiben erhalten. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Wiping…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for exports. Check that the data directory is writable.</source>
        <translation>Der Ordner %1 für Exporte kann nicht angelegt werden. Prüfen Sie, ob das Datenverzeichnis beschreibbar ist.</translation>
    </message>
    <message>
        <source>The check-in log could not be saved as %1: %2. Nothing was written. Free some space on this device (or check the data directory), then export again.</source>
        <translation>Das Check-in-Protokoll konnte nicht als %1 gespeichert werden: %2. Es wurde nichts geschrieben. Geben Sie Speicherplatz auf diesem Gerät frei (oder prüfen Sie das Datenverzeichnis) und exportieren Sie erneut.</translation>
    </message>
    <message>
        <source> (it could not be noted for a wipe after a restart: %1)</source>
        <translation> (für ein Löschen nach einem Neustart konnte es nicht vermerkt werden: %1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s) that have not reached the server belong to another event on this kiosk and are not in the export. Keep this kiosk as it is until they are delivered.</source>
        <translation>
            <numerusform>%Ln Check-in, der den Server noch nicht erreicht hat, gehört zu einer anderen Veranstaltung auf diesem Kiosk und ist nicht im Export. Lassen Sie diesen Kiosk, wie er ist, bis er zugestellt ist.</numerusform>
            <numerusform>%Ln Check-ins, die den Server noch nicht erreicht haben, gehören zu einer anderen Veranstaltung auf diesem Kiosk und sind nicht im Export. Lassen Sie diesen Kiosk, wie er ist, bis sie zugestellt sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>The event lead revoked this kiosk: it deletes its data as soon as nothing would be lost.</source>
        <translation>Die Veranstaltungsleitung hat diesen Kiosk gesperrt: Er löscht seine Daten, sobald dabei nichts verloren geht.</translation>
    </message>
    <message>
        <source>The event is over: this kiosk deletes its data as soon as nothing would be lost.</source>
        <translation>Die Veranstaltung ist vorbei: Dieser Kiosk löscht seine Daten, sobald dabei nichts verloren geht.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::AdminPin</name>
    <message>
        <source>Cannot save the PIN in %1: %2. Check that the data directory is writable.</source>
        <translation>Die PIN kann nicht in %1 gespeichert werden: %2. Prüfen Sie, ob das Datenverzeichnis beschreibbar ist.</translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in %1 s.</source>
        <translation>Zu viele Fehlversuche. Erneut möglich in %1 s.</translation>
    </message>
    <message>
        <source>No admin PIN is set yet.</source>
        <translation>Es ist noch keine Admin-PIN festgelegt.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before it locks for a minute.</source>
        <translation>Falsche PIN. Noch 1 Versuch, dann eine Minute Sperre.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>Falsche PIN. Noch %n Versuch.</numerusform>
            <numerusform>Falsche PIN. Noch %n Versuche.</numerusform>
        </translation>
    </message>
    <message>
        <source>The PIN must be %1 to %2 digits.</source>
        <translation>Die PIN muss %1 bis %2 Ziffern haben.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::AttendeeDetailModel</name>
    <message>
        <source>Ticket cancelled</source>
        <translation>Ticket storniert</translation>
    </message>
    <message>
        <source>Not checked in yet</source>
        <translation>Noch nicht eingecheckt</translation>
    </message>
    <message>
        <source>Not inside</source>
        <translation>Nicht anwesend</translation>
    </message>
    <message>
        <source>another door</source>
        <translation>anderer Eingang</translation>
    </message>
    <message>
        <source>Inside (checked in at %1)</source>
        <translation>Anwesend (eingecheckt: %1)</translation>
    </message>
    <message>
        <source>Inside since %1 at %2</source>
        <translation>Anwesend seit %1 (%2)</translation>
    </message>
    <message>
        <source>d MMM</source>
        <extracomment>the day of an earlier check-in, in QDate::toString() form: &quot;3 Nov&quot;</extracomment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>%1 the day (&quot;3 Nov&quot;), %2 the time (&quot;09:12&quot;)</extracomment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintritt</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Austritt</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rücknahme</translation>
    </message>
    <message>
        <source>Badge printed %1 at %2</source>
        <translation>Namensschild gedruckt um %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Badge printed %n times, last %1 at %2</source>
        <translation>
            <numerusform>Namensschild %n-mal gedruckt, zuletzt um %1 (%2)</numerusform>
            <numerusform>Namensschild %n-mal gedruckt, zuletzt um %1 (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::ui::BadgeDesk</name>
    <message>
        <source>No badge printer is chosen: choose one in the admin area.</source>
        <translation>Kein Drucker für Namensschilder gewählt: Wählen Sie einen im Admin-Bereich.</translation>
    </message>
    <message>
        <source>The badge was not printed: this person is not on this device.</source>
        <translation>Das Namensschild wurde nicht gedruckt: Diese Person ist nicht auf diesem Gerät.</translation>
    </message>
    <message>
        <source>The badge was not printed: %1</source>
        <translation>Das Namensschild wurde nicht gedruckt: %1</translation>
    </message>
    <message>
        <source>Test Badge</source>
        <translation>Test-Namensschild</translation>
    </message>
    <message>
        <source>Check-in kiosk</source>
        <translation>Check-in-Kiosk</translation>
    </message>
    <message>
        <source>Full conference</source>
        <translation>Ganze Konferenz</translation>
    </message>
    <message>
        <source>Badge for %1 not printed: %2</source>
        <translation>Namensschild für %1 nicht gedruckt: %2</translation>
    </message>
    <message>
        <source>Badge for %1 printed.</source>
        <translation>Namensschild für %1 gedruckt.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::CameraScanner</name>
    <message>
        <source>Scan with the scanner or search by name.</source>
        <translation>Scannen Sie mit dem Scanner oder suchen Sie nach dem Namen.</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Kamera wird gestartet …</translation>
    </message>
    <message>
        <source>Hold the ticket&apos;s code in the frame.</source>
        <translation>Halten Sie den Code des Tickets in den Rahmen.</translation>
    </message>
    <message>
        <source>No camera found on this device.</source>
        <translation>Auf diesem Gerät wurde keine Kamera gefunden.</translation>
    </message>
    <message>
        <source>This app may not use the camera (permission denied).</source>
        <translation>Diese App darf die Kamera nicht verwenden (keine Berechtigung).</translation>
    </message>
    <message>
        <source>The camera sends no picture.</source>
        <translation>Die Kamera liefert kein Bild.</translation>
    </message>
    <message>
        <source>The camera did not start (%1).</source>
        <translation>Die Kamera ist nicht gestartet (%1).</translation>
    </message>
</context>
<context>
    <name>checkin::ui::DemoServer</name>
    <message>
        <source>Cannot start %1: %2.</source>
        <translation>%1 kann nicht gestartet werden: %2.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::DemoSetup</name>
    <message>
        <source>Loading the attendee list onto this kiosk: %L1 of %L2</source>
        <translation>Teilnehmerliste wird auf diesen Kiosk geladen: %L1 von %L2</translation>
    </message>
    <message>
        <source>Starting a local checkin-server</source>
        <translation>Lokaler checkin-server wird gestartet</translation>
    </message>
    <message>
        <source>Creating the demo event failed: %1</source>
        <translation>Anlegen der Demo-Veranstaltung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Importing %L1 generated attendees on the server</source>
        <translation>%L1 erzeugte Teilnehmende werden auf dem Server importiert</translation>
    </message>
    <message>
        <source>Importing the demo attendees failed: %1</source>
        <translation>Import der Demo-Teilnehmenden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Enrolling this kiosk</source>
        <translation>Dieser Kiosk wird angemeldet</translation>
    </message>
    <message>
        <source>Getting an enrolment code failed: %1</source>
        <translation>Abruf eines Anmeldecodes fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Enrolling the kiosk failed: %1</source>
        <translation>Anmelden des Kiosks fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Loading the attendee list onto this kiosk</source>
        <translation>Teilnehmerliste wird auf diesen Kiosk geladen</translation>
    </message>
    <message>
        <source>Preloading failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Creating the event “%1”</source>
        <translation>Veranstaltung „%1“ wird angelegt</translation>
    </message>
    <message>
        <source>Setting the demo&apos;s check-in lists failed: %1</source>
        <translation>Die Check-in-Listen der Demo konnten nicht gesetzt werden: %1</translation>
    </message>
    <message>
        <source>Waiting for the first door</source>
        <translation>Warten auf den ersten Eingang</translation>
    </message>
</context>
<context>
    <name>checkin::ui::DoorController</name>
    <message>
        <source>another door</source>
        <translation>anderer Eingang</translation>
    </message>
    <message>
        <source>Please ask at the registration desk.</source>
        <translation>Bitte fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>Your check-in could not be recorded. %1</source>
        <translation>Ihr Check-in konnte nicht gespeichert werden. %1</translation>
    </message>
    <message>
        <source>Welcome! Enjoy the event.</source>
        <translation>Willkommen! Viel Freude bei der Veranstaltung.</translation>
    </message>
    <message>
        <source>You are checked out. See you soon!</source>
        <translation>Sie sind ausgecheckt. Bis bald!</translation>
    </message>
    <message>
        <source>This ticket is already checked in. If that was not you, please ask at the registration desk.</source>
        <translation>Dieses Ticket ist schon eingecheckt. Falls das nicht Sie waren, fragen Sie bitte am Empfang.</translation>
    </message>
    <message>
        <source>This ticket is not checked in.</source>
        <translation>Dieses Ticket ist nicht eingecheckt.</translation>
    </message>
    <message>
        <source>This ticket has been cancelled. %1</source>
        <translation>Dieses Ticket wurde storniert. %1</translation>
    </message>
    <message>
        <source>We could not find this ticket. Try again, type your name instead, or ask at the registration desk.</source>
        <translation>Wir finden dieses Ticket nicht. Versuchen Sie es noch einmal, tippen Sie stattdessen Ihren Namen oder fragen Sie am Empfang.</translation>
    </message>
    <message>
        <source>This ticket is for another event: %1. %2</source>
        <translation>Dieses Ticket gilt für eine andere Veranstaltung: %1. %2</translation>
    </message>
    <message>
        <source>The last check-in was undone.</source>
        <translation>Der letzte Check-in wurde rückgängig gemacht.</translation>
    </message>
    <message>
        <source>This ticket has already been used here. %1</source>
        <translation>Dieses Ticket wurde hier bereits genutzt. %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 the rule in words (&quot;Day pass Friday is valid Fri 5 Jun 06:00–23:59 — now it is ...&quot;), %2 where to go</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Not paid yet: checked in at the door.</source>
        <translation>Noch nicht bezahlt: am Eingang eingecheckt.</translation>
    </message>
    <message>
        <source>Your ticket is not paid yet. %1</source>
        <translation>Ihr Ticket ist noch nicht bezahlt. %1</translation>
    </message>
    <message>
        <source>Please answer to finish your check-in.</source>
        <translation>Bitte antworten Sie, um den Check-in abzuschließen.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::KioskPreferences</name>
    <message>
        <source>Unknown mode “%1”.</source>
        <translation>Unbekannter Modus „%1“.</translation>
    </message>
    <message>
        <source>The setting could not be saved (%1); it holds until the app is closed. Free some disk space, then choose it again.</source>
        <translation>Die Einstellung konnte nicht gespeichert werden (%1); sie gilt, bis die App beendet wird. Schaffen Sie Speicherplatz und wählen Sie sie dann erneut.</translation>
    </message>
    <message>
        <source>Unknown keyboard setting “%1”.</source>
        <translation>Unbekannte Tastatureinstellung „%1“.</translation>
    </message>
    <message>
        <source>Set an admin PIN first: at a self-service screen, attendees could otherwise open the admin area.</source>
        <translation>Legen Sie zuerst eine Admin-PIN fest: An einem Selbstbedienungs-Bildschirm könnten Teilnehmende sonst den Admin-Bereich öffnen.</translation>
    </message>
    <message>
        <source>Unknown text size “%1”.</source>
        <translation>Unbekannte Schriftgröße „%1“.</translation>
    </message>
    <message>
        <source>Unknown camera setting “%1”.</source>
        <translation>Unbekannte Kameraeinstellung „%1“.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::PinFlow</name>
    <message>
        <source>Admin PIN</source>
        <translation>Admin-PIN</translation>
    </message>
    <message>
        <source>Enter the current PIN</source>
        <translation>Aktuelle PIN eingeben</translation>
    </message>
    <message>
        <source>Choose a new PIN</source>
        <translation>Neue PIN wählen</translation>
    </message>
    <message>
        <source>Enter the new PIN again</source>
        <translation>Neue PIN wiederholen</translation>
    </message>
    <message>
        <source>Enter the admin PIN to open the admin area.</source>
        <translation>Admin-PIN eingeben, um den Admin-Bereich zu öffnen.</translation>
    </message>
    <message>
        <source>Enter the admin PIN to close the check-in app.</source>
        <translation>Admin-PIN eingeben, um die Check-in-App zu beenden.</translation>
    </message>
    <message>
        <source>4 to 8 digits. Keep it to the event team.</source>
        <translation>4 bis 8 Ziffern. Nur für das Veranstaltungsteam.</translation>
    </message>
    <message>
        <source>The same digits once more, to be sure.</source>
        <translation>Dieselben Ziffern noch einmal, zur Sicherheit.</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose the new PIN again.</source>
        <translation>Die beiden PINs sind verschieden. Bitte neue PIN erneut wählen.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::ReviewModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>checkin::ui::ScanRouter</name>
    <message>
        <source>Scanning is paused while this form is open. Finish or cancel it, then scan again.</source>
        <translation>Scannen ist angehalten, solange dieses Formular offen ist. Schließen Sie es ab oder brechen Sie ab, dann erneut scannen.</translation>
    </message>
    <message>
        <source>Scanning is paused here. Go back to check-in, then scan again.</source>
        <translation>Scannen ist hier angehalten. Zurück zum Check-in, dann erneut scannen.</translation>
    </message>
    <message>
        <source>Tickets are checked in once this kiosk is set up. To enrol it, scan the enrolment QR code from the event lead&apos;s console.</source>
        <translation>Tickets werden eingecheckt, sobald dieser Kiosk eingerichtet ist. Scannen Sie zum Anmelden den Anmelde-QR-Code aus der Konsole der Veranstaltungsleitung.</translation>
    </message>
</context>
<context>
    <name>checkin::ui::SelfTest</name>
    <message>
        <source>The disk is full: nothing was recorded. Free some space and scan again.</source>
        <translation>Der Speicher ist voll: Nichts wurde gespeichert. Schaffen Sie Platz und scannen Sie erneut.</translation>
    </message>
    <message>
        <source>The server did not answer. Check the network; the kiosk keeps checking people in and delivers them later.</source>
        <translation>Der Server hat nicht geantwortet. Prüfen Sie das Netz; der Kiosk checkt weiter ein und überträgt später.</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergien</translation>
    </message>
    <message>
        <source>nuts, carries an EpiPen</source>
        <translation>Nüsse, hat einen EpiPen dabei</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>speaker dinner on Friday</source>
        <translation>Referentenessen am Freitag</translation>
    </message>
    <message>
        <source>Photo consent?</source>
        <translation>Einverständnis für Fotos?</translation>
    </message>
</context>
<context>
    <name>checkin::ui::SetupController</name>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://checkin.example.org.</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://checkin.example.org.</translation>
    </message>
    <message>
        <source>Enter the one-time enrolment code from the event lead&apos;s server.</source>
        <translation>Geben Sie den Einmal-Anmeldecode vom Server der Veranstaltungsleitung ein.</translation>
    </message>
    <message>
        <source>Enrolled, but preloading did not finish: %1 Press “Preload” to try again.</source>
        <extracomment>%1 a sentence saying why</extracomment>
        <translation>Angemeldet, aber das Laden wurde nicht fertig: %1 Tippen Sie auf „Liste laden“, um es erneut zu versuchen.</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %Ln change(s) loaded from %1.</source>
        <translation>
            <numerusform>Bereit: %Ln Änderung von %1 geladen.</numerusform>
            <numerusform>Bereit: %Ln Änderungen von %1 geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the path of the CSV file, e.g. /media/usb/attendees.csv.</source>
        <translation>Geben Sie den Pfad der CSV-Datei ein, z. B. /media/usb/teilnehmende.csv.</translation>
    </message>
    <message>
        <source>There is no file %1. Check the path, and that the USB stick is mounted.</source>
        <translation>Die Datei %1 gibt es nicht. Prüfen Sie den Pfad und ob der USB-Stick eingebunden ist.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the path, and that the USB stick is mounted.</source>
        <translation>%1 kann nicht gelesen werden: %2. Prüfen Sie den Pfad und ob der USB-Stick eingebunden ist.</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… und %Ln weiterer.</numerusform>
            <numerusform>… und %Ln weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <extracomment>%1 the row number in the spreadsheet, %2 what is wrong there</extracomment>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The file has errors, so nothing was imported. Fix them in the spreadsheet and import it again.</source>
        <translation>Die Datei hat Fehler, daher wurde nichts importiert. Beheben Sie sie in der Tabelle und importieren Sie sie erneut.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln attendee(s) into “%1”.</source>
        <translation>
            <numerusform>%Ln Person in „%1“ importiert.</numerusform>
            <numerusform>%Ln Personen in „%1“ importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 / %L2 (%L3/s)</source>
        <extracomment>preload progress: changes loaded / all changes (changes per second)</extracomment>
        <translation>%L1 / %L2 (%L3/s)</translation>
    </message>
    <message>
        <source>%L1 (%L2/s)</source>
        <translation>%L1 (%L2/s)</translation>
    </message>
</context>
<context>
    <name>checkin::ui::StatusModel</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 Min.</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min ago</source>
        <translation>vor %1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>in %1 s</source>
        <translation>in %1 s</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 Min.</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <source>server unreachable</source>
        <translation>Server nicht erreichbar</translation>
    </message>
    <message>
        <source>server not answering in time</source>
        <translation>Server antwortet nicht rechtzeitig</translation>
    </message>
    <message>
        <source>server overloaded</source>
        <translation>Server überlastet</translation>
    </message>
    <message>
        <source>device revoked</source>
        <translation>Gerät gesperrt</translation>
    </message>
    <message>
        <source>server refused the data</source>
        <translation>Server hat die Daten abgelehnt</translation>
    </message>
    <message>
        <source>local storage problem</source>
        <translation>Problem mit dem lokalen Speicher</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>Serverfehler</translation>
    </message>
    <message>
        <source>A door</source>
        <translation>Ein Eingang</translation>
    </message>
</context>
<context>
    <name>checkin::ui::SyncDetail</name>
    <message>
        <source>Receiving changes: %L1 of %L2</source>
        <translation>Änderungen werden empfangen: %L1 von %L2</translation>
    </message>
    <message>
        <source>Receiving changes: %L1</source>
        <translation>Änderungen werden empfangen: %L1</translation>
    </message>
</context>
<context>
    <name>checkin::ui::WalkInForm</name>
    <message>
        <source>Enter a first or last name.</source>
        <translation>Geben Sie einen Vor- oder Nachnamen ein.</translation>
    </message>
    <message>
        <source>The first name is too long: at most %1 characters.</source>
        <translation>Der Vorname ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The first name cannot contain line breaks or tabs.</source>
        <translation>Der Vorname darf keine Zeilenumbrüche oder Tabulatoren enthalten.</translation>
    </message>
    <message>
        <source>The last name is too long: at most %1 characters.</source>
        <translation>Der Nachname ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The last name cannot contain line breaks or tabs.</source>
        <translation>Der Nachname darf keine Zeilenumbrüche oder Tabulatoren enthalten.</translation>
    </message>
    <message>
        <source>The company is too long: at most %1 characters.</source>
        <translation>Der Firmenname ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The company cannot contain line breaks or tabs.</source>
        <translation>Der Firmenname darf keine Zeilenumbrüche oder Tabulatoren enthalten.</translation>
    </message>
    <message>
        <source>The ticket type is too long: at most %1 characters.</source>
        <translation>Die Ticketart ist zu lang: höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The ticket type cannot contain line breaks or tabs.</source>
        <translation>Die Ticketart darf keine Zeilenumbrüche oder Tabulatoren enthalten.</translation>
    </message>
</context>
</TS>
