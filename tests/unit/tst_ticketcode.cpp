// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Ticket codes: what a scanner sends is cleaned, and hashed as docs/protocol.md says.
#include "Attendee.h"
#include "TicketCode.h"

#include <QCryptographicHash>
#include <QTest>

using namespace checkin;

class TestTicketCode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hashIsSha256OfSaltColonCode()
    {
        const QByteArray expected =
            QCryptographicHash::hash(QByteArrayLiteral("salt123:ABC-42"), QCryptographicHash::Sha256).toHex();
        QCOMPARE(TicketCode::hash(u"salt123", u"ABC-42"), QString::fromLatin1(expected));
        QCOMPARE(TicketCode::hash(u"salt123", u"  ABC-42\r\n"), QString::fromLatin1(expected));
        QVERIFY(TicketCode::hash(u"other", u"ABC-42") != QString::fromLatin1(expected));
        // Codes are case-sensitive secrets: nothing is folded.
        QVERIFY(TicketCode::hash(u"salt123", u"abc-42") != QString::fromLatin1(expected));
    }

    void knownVector()
    {
        // Computed independently: printf 'demo-salt:K7Q2M9XP4TRD' | sha256sum
        QCOMPARE(TicketCode::hash(u"demo-salt", u"K7Q2M9XP4TRD"),
                 QStringLiteral("86b1fc9447d512d0eb940e1eaae35eb9cc35c8d94bd514d46bb8bd1f0f4981db"));
    }

    void cleanRemovesScannerNoise()
    {
        QCOMPARE(TicketCode::clean(u"\x02 CODE 7\t\x03\n"), QStringLiteral("CODE 7"));
        QCOMPARE(TicketCode::clean(u"   "), QString());
    }

    void otherKeyboardLayoutReading()
    {
        // checkinctl demo-data's codes hold Y: a US scanner on a German kiosk types Z.
        QCOMPARE(TicketCode::otherLayoutReading(u"QZ7NBGBE8TR8"), QStringLiteral("QY7NBGBE8TR8"));
        QCOMPARE(TicketCode::otherLayoutReading(u"Y3NWRBN9SHLM\r\n"), QStringLiteral("Z3NWRBN9SHLM"));
        QCOMPARE(TicketCode::otherLayoutReading(u"ab\u00DFyz?1"), QStringLiteral("ab-zy_1"));
        QCOMPARE(TicketCode::otherLayoutReading(u"T/42"), QStringLiteral("T-42"));
        QCOMPARE(TicketCode::otherLayoutReading(u"ABC-42"), QString()); // reads the same
    }

    void saltsAreRandomHex()
    {
        const QString a = TicketCode::newSalt();
        QCOMPARE(a.size(), 32);
        QVERIFY(a != TicketCode::newSalt());
        for (QChar c : a)
            QVERIFY((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'));
    }

    void attendeeNamesAndStatus()
    {
        Attendee a;
        a.firstName = QStringLiteral("Anna");
        QCOMPARE(a.displayName(), QStringLiteral("Anna"));
        a.lastName = QStringLiteral("Müller");
        QCOMPARE(a.displayName(), QStringLiteral("Anna Müller"));
        QCOMPARE(a.shortName(), QStringLiteral("Anna M."));
        a.lastName = QStringLiteral(" Ölz ");
        QCOMPARE(a.shortName(), QStringLiteral("Anna Ö."));
        a.lastName = QString::fromUtf8("\xF0\x9D\x90\x80"
                                       "bc"); // a character outside the BMP
        QCOMPARE(a.shortName(), QString::fromUtf8("Anna \xF0\x9D\x90\x80."));
        a.firstName.clear();
        a.lastName = QStringLiteral("Müller");
        QCOMPARE(a.shortName(), QStringLiteral("M."));
        a.lastName.clear();
        a.firstName = QStringLiteral("Anna");
        QCOMPARE(a.shortName(), QStringLiteral("Anna"));
        TicketStatus s;
        QVERIFY(parseTicketStatus(u"cancelled", &s));
        QCOMPARE(s, TicketStatus::Cancelled);
        QCOMPARE(ticketStatusName(s), QStringLiteral("cancelled"));
        QVERIFY(!parseTicketStatus(u"storniert", &s)); // protocol words only; CSV maps the rest
    }
};

QTEST_GUILESS_MAIN(TestTicketCode)
#include "tst_ticketcode.moc"
