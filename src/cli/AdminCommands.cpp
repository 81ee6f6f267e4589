// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AdminCommands.h"

#include "Cli.h"
#include "Exporter.h"
#include "ListCommands.h"
#include "Protocol.h"
#include "QrCode.h"
#include "ServerClient.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <unistd.h>

namespace checkin::cli {

namespace {

const char *const adminUsage =
    "usage: checkinctl admin --server URL [--token-file FILE] COMMAND\n"
    "  event create NAME | events | attendees import EVENT FILE | lists EVENT | lists import EVENT FILE\n"
    "  enrol EVENT [--qr] | devices EVENT\n"
    "  revoke DEVICE | stats EVENT | conflicts EVENT | export EVENT FILE.csv|FILE.json";

QString when(const QJsonValue &iso)
{
    qint64 ms = 0;
    if (!iso.isString() || !Protocol::parseIsoTime(iso.toString(), &ms))
        return QStringLiteral("never");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

class Admin
{
public:
    Admin(const Context &ctx, const QUrl &server, const QString &token)
        : m_ctx(ctx)
        , m_client(&m_network, server)
    {
        m_client.setToken(token);
        m_client.setPin(ctx.parser.value(QStringLiteral("pin")));
    }

    // Runs a request; on failure prints the server's sentence and returns false.
    bool call(QFuture<ServerClient::Reply> future, ServerClient::Reply *reply)
    {
        *reply = await(future);
        if (reply->ok())
            return true;
        m_ctx.fail(reply->error.toString());
        if (reply->json.isObject() && reply->json.object().contains(QStringLiteral("errors"))) {
            for (const QJsonValue &e : reply->json.object().value(QStringLiteral("errors")).toArray()) {
                const QJsonObject o = e.toObject();
                std::fprintf(stderr, "  row %d: %s\n", o.value(QStringLiteral("row")).toInt(),
                             qPrintable(o.value(QStringLiteral("message")).toString()));
            }
        }
        return false;
    }

    ServerClient &client() { return m_client; }

private:
    const Context &m_ctx;
    QNetworkAccessManager m_network;
    ServerClient m_client;
};

// A QR code for the terminal: two rows of modules per line in half blocks, dark on light with a
// quiet zone (a phone or the kiosk's scanner reads it off the screen). On a terminal the colours are
// set, so a dark theme does not invert it.
QString terminalQr(const QrCode &qr, bool colour)
{
    constexpr int Quiet = 2;
    auto dark = [&](int row, int column) {
        return row >= 0 && row < qr.size && column >= 0 && column < qr.size && qr.rows[row][column] == '1';
    };
    QString out;
    for (int row = -Quiet; row < qr.size + Quiet; row += 2) {
        if (colour)
            out += QStringLiteral("\x1b[30;107m");
        for (int column = -Quiet; column < qr.size + Quiet; ++column) {
            const bool top = dark(row, column);
            const bool bottom = dark(row + 1, column);
            out += top && bottom ? QChar(0x2588) : top ? QChar(0x2580) : bottom ? QChar(0x2584) : QChar(u' ');
        }
        if (colour)
            out += QStringLiteral("\x1b[0m");
        out += QLatin1Char('\n');
    }
    return out;
}

QString path(const QString &pattern, const QString &id)
{
    return pattern.arg(QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

} // namespace

int adminCommand(const Context &ctx)
{
    const QString serverText = ctx.parser.isSet(QStringLiteral("server"))
                                   ? ctx.parser.value(QStringLiteral("server"))
                                   : qEnvironmentVariable("CHECKIN_SERVER");
    const QUrl server(serverText, QUrl::StrictMode);
    if (serverText.isEmpty() || !server.isValid() || server.host().isEmpty() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https")))
        return ctx.fail(QStringLiteral("--server takes the server's URL, e.g. http://127.0.0.1:8080\n%1")
                            .arg(QLatin1String(adminUsage)));
    QString token = qEnvironmentVariable("CHECKIN_ADMIN_TOKEN");
    if (ctx.parser.isSet(QStringLiteral("token-file"))) {
        QFile file(ctx.parser.value(QStringLiteral("token-file")));
        if (!file.open(QIODevice::ReadOnly))
            return ctx.fail(QStringLiteral("Cannot read the token file %1: %2.")
                                .arg(file.fileName(), file.errorString()));
        token = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (token.isEmpty())
        return ctx.fail(
            QStringLiteral("No admin token: give --token-file FILE (the server prints where it keeps one) or "
                           "set CHECKIN_ADMIN_TOKEN."));

    const QStringList a = ctx.args;
    const QString cmd = a.value(0);
    Admin admin(ctx, server, token);
    ServerClient &client = admin.client();
    ServerClient::Reply r;
    auto usage = [&] { return ctx.fail(QLatin1String(adminUsage)); };

    if (cmd == QLatin1String("event") && a.value(1) == QLatin1String("create") && a.size() == 3) {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("name"), a[2]}}).toJson();
        if (!admin.call(client.post(QStringLiteral("/api/v1/events"), body), &r))
            return UsageOrDataError;
        const QJsonObject e = r.json.object();
        ctx.print(e, QStringLiteral("Created event \"%1\" with id %2.")
                         .arg(e.value(QStringLiteral("name")).toString(),
                              e.value(QStringLiteral("id")).toString()));
        return Done;
    }
    if (cmd == QLatin1String("events") && a.size() == 1) {
        if (!admin.call(client.get(QStringLiteral("/api/v1/events")), &r))
            return UsageOrDataError;
        const QJsonArray events = r.json.object().value(QStringLiteral("events")).toArray();
        QStringList lines;
        for (const QJsonValue &v : events)
            lines << QStringLiteral("%1  %2").arg(v[QStringLiteral("id")].toString(),
                                                  v[QStringLiteral("name")].toString());
        ctx.print(events, lines.isEmpty()
                              ? QStringLiteral("No events yet: checkinctl admin event create NAME")
                              : lines.join(QLatin1Char('\n')));
        return Done;
    }
    if (cmd == QLatin1String("attendees") && a.value(1) == QLatin1String("import") && a.size() == 4) {
        QFile file(a[3]);
        if (!file.open(QIODevice::ReadOnly))
            return ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(a[3], file.errorString()));
        const QByteArray bytes = file.readAll();
        const bool json = a[3].endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
        QUrlQuery doorColumns;
        for (const AttendeeCsv::DoorColumn &column : ctx.importOptions().doorColumns)
            doorColumns.addQueryItem(
                column.attention ? QStringLiteral("attention") : QStringLiteral("door_note"), column.header);
        if (json && !doorColumns.isEmpty())
            return ctx.fail(QStringLiteral("--attention and --door-note choose columns of a CSV file; a JSON "
                                           "file gives each attendee's \"notes\" itself."));
        const QString query =
            doorColumns.isEmpty() ? QString() : u'?' + doorColumns.query(QUrl::FullyEncoded);
        if (!admin.call(
                client.post(path(QStringLiteral("/api/v1/events/%1/attendees"), a[2]) + query, bytes,
                            json ? QByteArrayLiteral("application/json") : QByteArrayLiteral("text/csv")),
                &r))
            return UsageOrDataError;
        const QJsonObject o = r.json.object();
        ctx.print(o, QStringLiteral("Imported %1 into %2: %3 new, %4 updated, %5 unchanged.")
                         .arg(a[3], a[2])
                         .arg(o.value(QStringLiteral("inserted")).toInt())
                         .arg(o.value(QStringLiteral("updated")).toInt())
                         .arg(o.value(QStringLiteral("unchanged")).toInt()));
        return Done;
    }
    if (cmd == QLatin1String("lists") && a.size() == 2) {
        if (!admin.call(client.get(path(QStringLiteral("/api/v1/events/%1/lists"), a[1])), &r))
            return UsageOrDataError;
        const QJsonObject o = r.json.object();
        QList<CheckInList> lists;
        for (const QJsonValue &v : o.value(QStringLiteral("lists")).toArray()) {
            CheckInList l;
            QString why;
            if (Protocol::fromJson(v.toObject(), &l, &why))
                lists << l;
        }
        const QString zone = o.value(QStringLiteral("timezone")).toString();
        ctx.print(o,
                  listLines(lists, {}) +
                      QStringLiteral("\nTimes are %1.")
                          .arg(zone.isEmpty() ? QStringLiteral("UTC (the event has no time zone)") : zone));
        return Done;
    }
    if (cmd == QLatin1String("lists") && a.value(1) == QLatin1String("import") && a.size() == 4) {
        QList<CheckInList> lists;
        if (!readListFile(ctx, a[3], &lists))
            return UsageOrDataError;
        QJsonArray json;
        for (const CheckInList &l : std::as_const(lists))
            json.append(Protocol::toJson(l));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("lists"), json}}).toJson();
        if (!admin.call(client.post(path(QStringLiteral("/api/v1/events/%1/lists"), a[2]), body), &r))
            return UsageOrDataError;
        const QJsonObject o = r.json.object();
        QString human =
            QStringLiteral("Lists of %1 from %2: %3 new, %4 changed, %5 unchanged; %6 check-in(s) "
                           "classified anew by the new rules.")
                .arg(a[2], a[3])
                .arg(o.value(QStringLiteral("inserted")).toInt())
                .arg(o.value(QStringLiteral("updated")).toInt())
                .arg(o.value(QStringLiteral("unchanged")).toInt())
                .arg(o.value(QStringLiteral("reclassified")).toInt());
        for (const QJsonValue &w : o.value(QStringLiteral("warnings")).toArray())
            human += QStringLiteral("\nWarning: %1").arg(w.toString());
        ctx.print(o, human);
        return Done;
    }
    if (cmd == QLatin1String("enrol") && a.size() == 2) {
        if (!admin.call(client.post(path(QStringLiteral("/api/v1/events/%1/enrolment-codes"), a[1]), {}), &r))
            return UsageOrDataError;
        const QJsonObject o = r.json.object();
        QString text =
            QStringLiteral("Enrolment code: %1  (one device, valid until %2)")
                .arg(o.value(QStringLiteral("code")).toString(), when(o.value(QStringLiteral("expires_at"))));
        if (ctx.parser.isSet(QStringLiteral("qr"))) {
            const QString payload = o.value(QStringLiteral("payload")).toString();
            const QrCode qr = QrCode::encode(payload.toUtf8());
            if (qr.isNull())
                return ctx.fail(QStringLiteral("The server sent no enrolment payload to draw; update it."));
            // The text made safe here, the code's colours (escape sequences) added after.
            text =
                terminalSafe(text + QStringLiteral("\nScan this with the kiosk's scanner on its setup screen "
                                                   "(or run checkin-kiosk --enrol '%1'):\n\n")
                                        .arg(payload)) +
                terminalQr(qr, ::isatty(STDOUT_FILENO) != 0);
            ctx.print(o, text, true);
            return Done;
        }
        ctx.print(o, text);
        return Done;
    }
    if (cmd == QLatin1String("devices") && a.size() == 2) {
        if (!admin.call(client.get(path(QStringLiteral("/api/v1/events/%1/devices"), a[1])), &r))
            return UsageOrDataError;
        const QJsonArray devices = r.json.object().value(QStringLiteral("devices")).toArray();
        QStringList lines;
        for (const QJsonValue &v : devices)
            lines << QStringLiteral("%1  %2  last seen %3, queue %4%5")
                         .arg(v[QStringLiteral("id")].toString(), v[QStringLiteral("name")].toString(),
                              when(v[QStringLiteral("last_seen")]))
                         .arg(v[QStringLiteral("queue")].toInt())
                         .arg(v[QStringLiteral("revoked")].toBool() ? QStringLiteral("  [revoked]")
                                                                    : QString());
        ctx.print(devices, lines.isEmpty()
                               ? QStringLiteral("No devices enrolled yet: checkinctl admin enrol EVENT")
                               : lines.join(QLatin1Char('\n')));
        return Done;
    }
    if (cmd == QLatin1String("revoke") && a.size() == 2) {
        if (!admin.call(client.remove(path(QStringLiteral("/api/v1/devices/%1"), a[1])), &r))
            return UsageOrDataError;
        ctx.print(r.json.object(),
                  QStringLiteral("Revoked device %1: its next request is refused.").arg(a[1]));
        return Done;
    }
    if (cmd == QLatin1String("stats") && a.size() == 2) {
        if (!admin.call(client.get(path(QStringLiteral("/api/v1/events/%1/stats"), a[1])), &r))
            return UsageOrDataError;
        const QJsonObject s = r.json.object();
        QString human = QStringLiteral("%1: %2 attendees (%3 walk-ins, %4 cancelled), %5 inside; %6 entries, "
                                       "%7 duplicates, %8 conflicts, %9 rejected")
                            .arg(s[QStringLiteral("event")][QStringLiteral("name")].toString())
                            .arg(s[QStringLiteral("attendees")].toInt())
                            .arg(s[QStringLiteral("walk_ins")].toInt())
                            .arg(s[QStringLiteral("cancelled")].toInt())
                            .arg(s[QStringLiteral("inside")].toInt())
                            .arg(s[QStringLiteral("entries")].toInt())
                            .arg(s[QStringLiteral("duplicates")].toInt())
                            .arg(s[QStringLiteral("conflicts")].toInt())
                            .arg(s[QStringLiteral("rejected")].toInt());
        for (const QJsonValue &v : s[QStringLiteral("devices")].toArray())
            human += QStringLiteral("\n  %1: last seen %2, %3 queued, version %4")
                         .arg(v[QStringLiteral("name")].toString(), when(v[QStringLiteral("last_seen")]))
                         .arg(v[QStringLiteral("queue")].toInt())
                         .arg(v[QStringLiteral("version")].toString());
        const QJsonArray lists = s[QStringLiteral("lists")].toArray();
        if (lists.size() > 1) { // one list: the totals above are its counts
            human += QStringLiteral("\nBy check-in list:");
            for (const QJsonValue &v : lists)
                human += QStringLiteral("\n  %1 (%2): %3 people, %4 entries, %5 duplicates, %6 conflicts")
                             .arg(v[QStringLiteral("name")].toString(), v[QStringLiteral("id")].toString())
                             .arg(v[QStringLiteral("people")].toInt())
                             .arg(v[QStringLiteral("entries")].toInt())
                             .arg(v[QStringLiteral("duplicates")].toInt())
                             .arg(v[QStringLiteral("conflicts")].toInt());
        }
        ctx.print(s, human);
        return Done;
    }
    if (cmd == QLatin1String("conflicts") && a.size() == 2) {
        if (!admin.call(client.get(path(QStringLiteral("/api/v1/events/%1/conflicts"), a[1])), &r))
            return UsageOrDataError;
        const QJsonArray list = r.json.object().value(QStringLiteral("conflicts")).toArray();
        QStringList lines;
        for (const QJsonValue &v : list)
            lines << QStringLiteral("%1  %2 %3 at %4 (%5)%6%7")
                         .arg(when(v[QStringLiteral("at")]), v[QStringLiteral("status")].toString(),
                              v[QStringLiteral("attendee")].toString() +
                                  (v[QStringLiteral("walk_in")].toBool() ? QStringLiteral(" (walk-in)")
                                                                         : QString()),
                              v[QStringLiteral("device")].toString(), v[QStringLiteral("reason")].toString(),
                              v[QStringLiteral("forced")].toBool() ? QStringLiteral(", by override")
                                                                   : QString(),
                              v[QStringLiteral("note")].toString().isEmpty()
                                  ? QString()
                                  : QStringLiteral(": \"%1\"").arg(v[QStringLiteral("note")].toString()));
        ctx.print(list,
                  lines.isEmpty() ? QStringLiteral("Nothing to review.") : lines.join(QLatin1Char('\n')));
        return Done;
    }
    if (cmd == QLatin1String("export") && a.size() == 3) {
        Exporter::Format format;
        QString error;
        if (!Exporter::formatFor(a[2], &format, &error))
            return ctx.fail(error);
        // Page through the event's change feed: attendees (for names) and every check-in.
        QHash<QString, QString> names;
        QHash<QString, QString> deviceNames; // the recording devices' names, from the feed
        QSet<QString> registering;           // the entries that registered walk-ins
        QList<CheckInRecord> log;
        QString cursor;
        // The server may hold changes back for a moment (committed, not yet readable in order, on
        // PostgreSQL) or be busy: it says when to ask again (Retry-After), and so it is asked, for two
        // minutes at most; the file is written only once the feed has been read to its end.
        constexpr int MaxPages = 100'000;
        // (CHECKIN_EXPORT_MAX_WAIT_MS shortens the two minutes for the tests.)
        const qint64 MaxWaitMs = qEnvironmentVariableIsSet("CHECKIN_EXPORT_MAX_WAIT_MS")
                                     ? qEnvironmentVariableIntValue("CHECKIN_EXPORT_MAX_WAIT_MS")
                                     : 120'000;
        qint64 waitedMs = 0;
        bool complete = false;
        for (int page = 0; page < MaxPages; ++page) {
            r = await(client.get(path(QStringLiteral("/api/v1/events/%1/changes?limit=5000&after="), a[1]) +
                                 QString::fromLatin1(QUrl::toPercentEncoding(cursor))));
            if ((r.status == 503 || r.status == 429) && r.retryAfter > 0 && waitedMs < MaxWaitMs) {
                const int waitMs = std::min(r.retryAfter, 10) * 1000;
                QThread::msleep(ulong(waitMs));
                waitedMs += waitMs;
                --page;
                continue;
            }
            if (!r.ok()) {
                ctx.fail(r.error.toString() + QStringLiteral(" Nothing was written."));
                return UsageOrDataError;
            }
            Protocol::FeedPage feed;
            Protocol::PageProblem problem = Protocol::PageProblem::None;
            if (!Protocol::fromJson(r.json.object(), &feed, &problem, &error))
                return ctx.fail(
                    QStringLiteral("The server's change feed cannot be read (%1); nothing was written.")
                        .arg(error));
            deviceNames.insert(feed.deviceNames);
            for (const Attendee &at : std::as_const(feed.attendees)) {
                names.insert(at.id, at.displayName());
                if (at.isWalkIn())
                    registering.insert(at.walkInCheckIn);
            }
            for (qsizetype i = 0; i < feed.checkIns.size(); ++i) {
                CheckInRecord rec;
                rec.checkIn = feed.checkIns.at(i);
                rec.classification = feed.classifications.at(i);
                rec.delivered = true;
                log << rec;
            }
            const bool moved = feed.cursor != cursor;
            cursor = feed.cursor;
            if (!feed.more) {
                complete = true;
                break;
            }
            if (r.retryAfter > 0 && !moved) {
                if (waitedMs >= MaxWaitMs)
                    break;
                const int waitMs = std::min(r.retryAfter, 10) * 1000;
                QThread::msleep(ulong(waitMs));
                waitedMs += waitMs;
            }
        }
        if (!complete)
            return ctx.fail(
                QStringLiteral("The server kept saying there is more of %1's feed (waited %2 s); nothing "
                               "was written. Try again in a minute, or ask the server's operator.")
                    .arg(a[1])
                    .arg(waitedMs / 1000));
        for (CheckInRecord &rec : log) {
            rec.attendeeName = names.value(rec.checkIn.attendeeId);
            rec.deviceName = deviceNames.value(rec.checkIn.deviceId);
            rec.walkIn = registering.contains(rec.checkIn.id);
        }
        std::sort(log.begin(), log.end(), [](const CheckInRecord &x, const CheckInRecord &y) {
            return precedes(x.checkIn, y.checkIn);
        });
        if (!Exporter::writeCheckIns(a[2], log, &error))
            return ctx.fail(error);
        ctx.print(QJsonObject{{QStringLiteral("file"), a[2]}, {QStringLiteral("checkins"), log.size()}},
                  QStringLiteral("Wrote %1 check-ins of %2 to %3.").arg(log.size()).arg(a[1], a[2]));
        return Done;
    }
    return usage();
}

} // namespace checkin::cli
