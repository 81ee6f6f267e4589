<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttendeeCsv</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more problems not listed here. Fix the ones above and import the file again to see the rest.</source>
        <translation>
            <numerusform>... and %n more problem not listed here. Fix the ones above and import the file again to see the rest.</numerusform>
            <numerusform>... and %n more problems not listed here. Fix the ones above and import the file again to see the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) on a waiting list were imported as not admitted (cancelled).</source>
        <translation>
            <numerusform>%n attendee on a waiting list was imported as not admitted (cancelled).</numerusform>
            <numerusform>%n attendees on a waiting list were imported as not admitted (cancelled).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) have no ticket code; they can only be checked in by name search.</source>
        <translation>
            <numerusform>%n attendee has no ticket code and can only be checked in by name search.</numerusform>
            <numerusform>%n attendees have no ticket code; they can only be checked in by name search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) have not paid yet (a pending or unpaid status): the door asks before letting them in.</source>
        <translation>
            <numerusform>%n attendee has not paid yet (a pending or unpaid status): the door asks before letting them in.</numerusform>
            <numerusform>%n attendees have not paid yet (a pending or unpaid status): the door asks before letting them in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message numerus="yes">
        <source>Check in together: %n ticket(s) of one order</source>
        <translation>
            <numerusform>Check in together: %n ticket of one order</numerusform>
            <numerusform>Check in together: %n tickets of one order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Check in %n</source>
        <translation>
            <numerusform>Check in %n</numerusform>
            <numerusform>Check in %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListChoiceBar</name>
    <message numerus="yes">
        <source>This event has %n check-in list(s). Which one does this door admit to?</source>
        <translation>
            <numerusform>This event has %n check-in list. Which one does this door admit to?</numerusform>
            <numerusform>This event has %n check-in lists. Which one does this door admit to?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeersCard</name>
    <message numerus="yes">
        <source>%L1 of this door&apos;s %Ln check-in(s) are held by at least one other door.</source>
        <translation>
            <numerusform>%L1 of this door&apos;s %Ln check-in is held by at least one other door.</numerusform>
            <numerusform>%L1 of this door&apos;s %Ln check-ins are held by at least one other door.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>holds %Ln of this door&apos;s check-ins</source>
        <translation>
            <numerusform>holds %Ln of this door&apos;s check-ins</numerusform>
            <numerusform>holds %Ln of this door&apos;s check-ins</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>PIN, %n digit(s) entered</source>
        <translation>
            <numerusform>PIN, %n digit entered</numerusform>
            <numerusform>PIN, %n digits entered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message numerus="yes">
        <source>%Ln found: scroll for more.</source>
        <translation>
            <numerusform>%Ln found: scroll for more.</numerusform>
            <numerusform>%Ln found: scroll for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hold your ticket&apos;s code under the scanner, or type at least %n letters of your name.</source>
        <translation>
            <numerusform>Hold your ticket&apos;s code under the scanner, or type at least %n letter of your name.</numerusform>
            <numerusform>Hold your ticket&apos;s code under the scanner, or type at least %n letters of your name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Type at least %n letters of your name.</source>
        <translation>
            <numerusform>Type at least %n letter of your name.</numerusform>
            <numerusform>Type at least %n letters of your name.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n other door(s)</source>
        <translation>
            <numerusform>%n other door</numerusform>
            <numerusform>%n other doors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncCard</name>
    <message numerus="yes">
        <source>%Ln check-in(s)</source>
        <translation>
            <numerusform>%Ln check-in</numerusform>
            <numerusform>%Ln check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) from the server since the app started</source>
        <translation>
            <numerusform>%Ln change from the server since the app started</numerusform>
            <numerusform>%Ln changes from the server since the app started</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message numerus="yes">
        <source>An order of %n ticket(s)</source>
        <extracomment>the headline when an order&apos;s code was scanned: how many tickets it holds</extracomment>
        <translation>
            <numerusform>An order of %n ticket</numerusform>
            <numerusform>An order of %n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::CheckInDesk</name>
    <message numerus="yes">
        <source>An order of %n ticket(s): choose who is here to check them in together.</source>
        <translation>
            <numerusform>An order of %n ticket: choose who is here to check them in together.</numerusform>
            <numerusform>An order of %n tickets: choose who is here to check them in together.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::SyncEngine</name>
    <message numerus="yes">
        <source>The server no longer accepts this device (revoked, or its token is not valid). It stops syncing and keeps its %n undelivered check-in(s): enrol it again with a new code, or export them.</source>
        <translation>
            <numerusform>The server no longer accepts this device (revoked, or its token is not valid). It stops syncing and keeps its %n undelivered check-in: enrol it again with a new code, or export it.</numerusform>
            <numerusform>The server no longer accepts this device (revoked, or its token is not valid). It stops syncing and keeps its %n undelivered check-ins: enrol it again with a new code, or export them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::print::BadgePrinter</name>
    <message numerus="yes">
        <source>The printer “%1” did not print the badge within %n seconds.</source>
        <translation>
            <numerusform>The printer “%1” did not print the badge within %n second.</numerusform>
            <numerusform>The printer “%1” did not print the badge within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::ui::AdminController</name>
    <message numerus="yes">
        <source>%Ln check-in(s) exported to %1</source>
        <translation>
            <numerusform>%Ln check-in exported to %1</numerusform>
            <numerusform>%Ln check-ins exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s) have not reached the server yet. Sync first, or export the check-in log and keep the file; then wipe.</source>
        <translation>
            <numerusform>%Ln check-in has not reached the server yet. Sync first, or export the check-in log and keep the file; then wipe.</numerusform>
            <numerusform>%Ln check-ins have not reached the server yet. Sync first, or export the check-in log and keep the file; then wipe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s) that have not reached the server belong to another event on this kiosk and are not in the export. Keep this kiosk as it is until they are delivered.</source>
        <translation>
            <numerusform>%Ln check-in that has not reached the server belongs to another event on this kiosk and is not in the export. Keep this kiosk as it is until it is delivered.</numerusform>
            <numerusform>%Ln check-ins that have not reached the server belong to another event on this kiosk and are not in the export. Keep this kiosk as it is until they are delivered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::ui::AdminPin</name>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::ui::AttendeeDetailModel</name>
    <message numerus="yes">
        <source>Badge printed %n times, last %1 at %2</source>
        <translation>
            <numerusform>Badge printed %n time, last %1 at %2</numerusform>
            <numerusform>Badge printed %n times, last %1 at %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>checkin::ui::SetupController</name>
    <message numerus="yes">
        <source>Ready: %Ln change(s) loaded from %1.</source>
        <translation>
            <numerusform>Ready: %Ln change loaded from %1.</numerusform>
            <numerusform>Ready: %Ln changes loaded from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more.</source>
        <translation>
            <numerusform>… and %Ln more.</numerusform>
            <numerusform>… and %Ln more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln attendee(s) into “%1”.</source>
        <translation>
            <numerusform>Imported %Ln attendee into “%1”.</numerusform>
            <numerusform>Imported %Ln attendees into “%1”.</numerusform>
        </translation>
    </message>
</context>
</TS>
