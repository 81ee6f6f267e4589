// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AttendeeCsv.h"
#include "KioskDatabase.h"
#include "LocalStore.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace checkin::test {

// A fresh kiosk data directory with a store on it, and attendee rows to import.
struct StoreFixture
{
    QTemporaryDir dir;
    ManualClock clock{1'780'000'000'000};
    std::unique_ptr<LocalStore> store;

    bool open()
    {
        store = std::make_unique<LocalStore>(dir.path(), &clock);
        const StoreStatus status = await(store->open());
        if (!status.ok())
            qWarning() << status.error;
        return status.ok();
    }
    void reopen()
    {
        store.reset();
        QVERIFY(open());
    }

    static void useKioskDatabase(QSqlDatabase &db, const QString &path, const QString &options = {})
    {
        test::useKioskDatabase(db, path, options);
    }

    // The event a scripted or test server enrols the kiosk for.
    static Event serverEvent()
    {
        Event event;
        event.id = QStringLiteral("evt-1");
        event.name = QStringLiteral("Konferenz");
        event.salt = QStringLiteral("0123456789abcdef0123456789abcdef");
        return event;
    }

    static AttendeeCsv::Row row(int n, const QString &first, const QString &last, const QString &code,
                                const QString &company = {}, TicketStatus status = TicketStatus::Valid)
    {
        AttendeeCsv::Row r;
        r.row = n;
        r.firstName = first;
        r.lastName = last;
        r.ticketCode = code;
        r.company = company;
        r.ticketType = QStringLiteral("Full conference");
        r.status = status;
        return r;
    }

    static QList<AttendeeCsv::Row> people()
    {
        return {row(2, QStringLiteral("Anna"), QStringLiteral("Müller"), QStringLiteral("CODE-ANNA"),
                    QStringLiteral("Siemens AG")),
                row(3, QStringLiteral("Anna"), QStringLiteral("Schmidt"), QStringLiteral("CODE-ANNA-S")),
                row(4, QStringLiteral("Peter"), QStringLiteral("Mueller"), QStringLiteral("CODE-PETER")),
                row(5, QStringLiteral("José"), QStringLiteral("García"), QStringLiteral("CODE-JOSE"),
                    QStringLiteral("Initech")),
                row(6, QStringLiteral("Carla"), QStringLiteral("Storno"), QStringLiteral("CODE-CANCELLED"),
                    {}, TicketStatus::Cancelled),
                row(7, QStringLiteral("Walter"), QStringLiteral("Ohnecode"), QString())};
    }
};

} // namespace checkin::test
