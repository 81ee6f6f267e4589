// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The server's request-head parser and answer writer (src/server/HttpMessage): what is accepted,
// what is refused with which status, and random bytes that must never crash it.

#include "HttpMessage.h"

#include <QRandomGenerator>
#include <QTest>

using namespace checkin;
using namespace Qt::StringLiterals;

class tst_HttpMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void segmentsDecoded();
    void keepAlive_data();
    void keepAlive();
    void refused_data();
    void refused();
    void limits();
    void answers();
    void loggableText();
    void randomBytes();
};

void tst_HttpMessage::accepted()
{
    HttpRequest request;
    HttpFailure failure;
    QVERIFY(parseRequestHead("POST /api/v1/events/e1/checkins?x=1&y=%20 HTTP/1.1\r\nHost: a\r\n"
                             "Content-Length: 12\r\nAuthorization:  Bearer t  \r\nX-Empty:\r\n"
                             "Expect: 100-Continue",
                             {}, &request, &failure));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.rawPath, QByteArray("/api/v1/events/e1/checkins"));
    QCOMPARE(request.rawQuery, QByteArray("x=1&y=%20"));
    QCOMPARE(request.path(), QStringLiteral("/api/v1/events/e1/checkins"));
    QCOMPARE(request.contentLength, 12);
    QCOMPARE(request.header("authorization"), QByteArray("Bearer t"));
    QCOMPARE(request.header("x-empty"), QByteArray());
    QVERIFY(request.expectContinue);
    QVERIFY(request.keepAlive);
    QCOMPARE(request.minorVersion, 1);
}

void tst_HttpMessage::segmentsDecoded()
{
    HttpRequest request;
    HttpFailure failure;
    QVERIFY(parseRequestHead("GET /a/b%2Fc/%C3%A4/ HTTP/1.1\r\nHost: a", {}, &request, &failure));
    QCOMPARE(request.segments, (QStringList{u"a"_s, u"b/c"_s, u"ä"_s, QString()}));
    QVERIFY(parseRequestHead("GET / HTTP/1.1\r\nHost: a", {}, &request, &failure));
    QCOMPARE(request.segments, QStringList{QString()});
}

void tst_HttpMessage::keepAlive_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\nHost: a") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close") << false;
    QTest::newRow("1.1 close in a list")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: te, close") << false;
    QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive") << true;
}

void tst_HttpMessage::keepAlive()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, keepAlive);
    HttpRequest request;
    HttpFailure failure;
    QVERIFY2(parseRequestHead(head, {}, &request, &failure), qPrintable(failure.message));
    QCOMPARE(request.keepAlive, keepAlive);
}

void tst_HttpMessage::refused_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    const QByteArray post = "POST /x HTTP/1.1\r\nHost: a\r\n";
    QTest::newRow("empty") << QByteArray() << 400;
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("no version") << QByteArray("GET /") << 400;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: a") << 400;
    QTest::newRow("http/1.2") << QByteArray("GET / HTTP/1.2\r\nHost: a") << 505;
    QTest::newRow("http/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a") << 505;
    QTest::newRow("options") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: a") << 501;
    QTest::newRow("lower-case method") << QByteArray("get / HTTP/1.1\r\nHost: a") << 501;
    QTest::newRow("method with a slash") << QByteArray("G/ET / HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("absolute form") << QByteArray("GET http://a/ HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("fragment") << QByteArray("GET /a#b HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("raw utf-8 in target") << QByteArray("GET /\xc3\xa4 HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("not utf-8 once decoded") << QByteArray("GET /%C3 HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("nul once decoded") << QByteArray("GET /a%00 HTTP/1.1\r\nHost: a") << 400;
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1") << 400;
    QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nhost: b") << 400;
    QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\tb") << 400;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A b") << 400;
    QTest::newRow("space in name") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX A: b") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a") << 400;
    QTest::newRow("bare lf") << QByteArray("GET / HTTP/1.1\r\nHost: a\nX-A: b") << 400;
    QTest::newRow("bare cr") << QByteArray("GET / HTTP/1.1\r\nHost: a\rX-A: b") << 400;
    QTest::newRow("nul in value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: b") + '\0' + "c" << 400;
    QTest::newRow("two lengths") << post + "Content-Length: 1\r\nContent-Length: 1" << 400;
    QTest::newRow("length list") << post + "Content-Length: 1, 1" << 400;
    QTest::newRow("negative length") << post + "Content-Length: -1" << 400;
    QTest::newRow("plus length") << post + "Content-Length: +1" << 400;
    QTest::newRow("empty length") << post + "Content-Length:" << 400;
    QTest::newRow("huge length") << post + "Content-Length: 9999999999999999" << 400;
    QTest::newRow("chunked") << post + "Transfer-Encoding: chunked" << 501;
    QTest::newRow("expect other") << post + "Expect: something" << 417;
}

void tst_HttpMessage::refused()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    HttpRequest request;
    HttpFailure failure;
    QVERIFY(!parseRequestHead(head, {}, &request, &failure));
    QCOMPARE(failure.status, status);
    QVERIFY(!failure.code.isEmpty());
    QVERIFY(!failure.message.isEmpty());
}

void tst_HttpMessage::limits()
{
    HttpLimits limits;
    limits.maxTargetBytes = 10;
    limits.maxHeaderCount = 2;
    HttpRequest request;
    HttpFailure failure;
    QVERIFY(parseRequestHead("GET /123456789 HTTP/1.1\r\nHost: a", limits, &request, &failure));
    QVERIFY(!parseRequestHead("GET /1234567890 HTTP/1.1\r\nHost: a", limits, &request, &failure));
    QCOMPARE(failure.status, 414);
    QVERIFY(parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\nA: 1", limits, &request, &failure));
    QVERIFY(!parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2", limits, &request, &failure));
    QCOMPARE(failure.status, 431);
}

void tst_HttpMessage::answers()
{
    HttpResponse response{201, "application/json", "{}", {{"X-A", "1"}}};
    QCOMPARE(serializeResponse(response, true, false, false),
             QByteArray("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\nX-A: "
                        "1\r\n\r\n{}"));
    QCOMPARE(
        serializeResponse(response, false, false, true),
        QByteArray("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\nX-A: 1\r\n"
                   "Connection: close\r\n\r\n"));
    QVERIFY(serializeResponse(response, true, true, false).contains("Connection: keep-alive\r\n"));
    QCOMPARE(reasonPhrase(413), QByteArray("Content Too Large"));
}

void tst_HttpMessage::loggableText()
{
    QCOMPARE(loggable("/a%0Ab"), QStringLiteral("/a%0Ab"));
    QCOMPARE(loggable("a\nb\r\\c\x1b"), QStringLiteral("a\\x0ab\\x0d\\x5cc\\x1b"));
    QCOMPARE(loggable("\xc3\xa4"), QStringLiteral("\\xc3\\xa4"));
    QCOMPARE(loggable(QByteArray(300, 'a'), 10), QStringLiteral("aaaaaaaaaa…"));
}

// Random heads, and valid ones with random bytes changed: the parser answers every one, true or a
// status in 400..505, and never reads outside what it is given (run under the sanitizers too).
void tst_HttpMessage::randomBytes()
{
    QRandomGenerator random(20261206);
    const QByteArray valid = "POST /api/v1/events/e/checkins?a=b HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                             "Connection: keep-alive\r\nAuthorization: Bearer abc";
    static const char alphabet[] = " \r\n:/%?0123456789AaZz\t\x7f\x80\xff-,";
    for (int i = 0; i < 20'000; ++i) {
        QByteArray head = valid;
        const int changes = 1 + int(random.bounded(6));
        for (int c = 0; c < changes; ++c) {
            const int at = int(random.bounded(head.size()));
            const char ch = random.bounded(2) ? alphabet[random.bounded(int(sizeof(alphabet) - 1))]
                                              : char(random.bounded(256));
            switch (random.bounded(3)) {
            case 0:
                head[at] = ch;
                break;
            case 1:
                head.insert(at, ch);
                break;
            default:
                head.remove(at, 1);
            }
        }
        HttpRequest request;
        HttpFailure failure;
        if (!parseRequestHead(head, {}, &request, &failure)) {
            QVERIFY2(failure.status >= 400 && failure.status <= 505, head.toPercentEncoding().constData());
        } else {
            QVERIFY(request.contentLength >= 0);
            QVERIFY(!request.method.isEmpty());
            for (const auto &[name, value] : request.headers) {
                QVERIFY(!name.contains('\r') && !name.contains('\n') && !value.contains('\n') &&
                        !value.contains('\r'));
            }
        }
    }
}

QTEST_APPLESS_MAIN(tst_HttpMessage)
#include "tst_httpmessage.moc"
