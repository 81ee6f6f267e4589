// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CsvReader.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace checkin;
using namespace Qt::StringLiterals;

// Encoding detection, delimiter detection and RFC 4180 parsing with the leniency real files need.
class TestCsvReader : public QObject
{
    Q_OBJECT

private:
    static CsvReader::Table readOk(const QByteArray &bytes)
    {
        CsvReader::Table table;
        QString error;
        const bool ok = CsvReader::read(bytes, &table, &error);
        if (!ok)
            qWarning() << "unexpected error:" << error;
        return ok ? table : CsvReader::Table{};
    }

    // The streaming read(), collecting the records it passes on.
    static bool readStreaming(const QByteArray &bytes, QList<CsvReader::Record> *records,
                              CsvReader::Table *info, QString *error)
    {
        return CsvReader::read(
            bytes,
            [records](CsvReader::Record &&record) {
                records->append(std::move(record));
                return true;
            },
            info, error);
    }

private Q_SLOTS:
    void decodeUtf8()
    {
        QString encoding;
        QCOMPARE(CsvReader::decode("M\xc3\xbcller;Stra\xc3\x9f"
                                   "e",
                                   &encoding),
                 u"Müller;Straße"_s);
        QCOMPARE(encoding, u"UTF-8"_s);
        QCOMPARE(CsvReader::decode("plain ascii", &encoding), u"plain ascii"_s);
        QCOMPARE(encoding, u"UTF-8"_s);
    }

    void decodeUtf8Bom()
    {
        QString encoding;
        const QString text = CsvReader::decode("\xef\xbb\xbfVorname;\xc3\x84rger", &encoding);
        QCOMPARE(text, u"Vorname;Ärger"_s);
        QCOMPARE(encoding, u"UTF-8 (BOM)"_s);
    }

    void decodeWindows1252_data()
    {
        QTest::addColumn<QByteArray>("byte");
        QTest::addColumn<int>("codePoint");
        QTest::newRow("0x80 euro") << QByteArray("\x80") << 0x20AC;
        QTest::newRow("0x81 undefined") << QByteArray("\x81") << 0x0081;
        QTest::newRow("0x84 low quote") << QByteArray("\x84") << 0x201E;
        QTest::newRow("0x85 ellipsis") << QByteArray("\x85") << 0x2026;
        QTest::newRow("0x8a S caron") << QByteArray("\x8a") << 0x0160;
        QTest::newRow("0x8c OE") << QByteArray("\x8c") << 0x0152;
        QTest::newRow("0x8e Z caron") << QByteArray("\x8e") << 0x017D;
        QTest::newRow("0x93 left quote") << QByteArray("\x93") << 0x201C;
        QTest::newRow("0x94 right quote") << QByteArray("\x94") << 0x201D;
        QTest::newRow("0x96 en dash") << QByteArray("\x96") << 0x2013;
        QTest::newRow("0x97 em dash") << QByteArray("\x97") << 0x2014;
        QTest::newRow("0x99 trade mark") << QByteArray("\x99") << 0x2122;
        QTest::newRow("0x9d undefined") << QByteArray("\x9d") << 0x009D;
        QTest::newRow("0x9f Y diaeresis") << QByteArray("\x9f") << 0x0178;
        QTest::newRow("0xa0 nbsp") << QByteArray("\xa0") << 0x00A0;
        QTest::newRow("0xc4 A umlaut") << QByteArray("\xc4") << 0x00C4;
        QTest::newRow("0xdf sharp s") << QByteArray("\xdf") << 0x00DF;
        QTest::newRow("0xfc u umlaut") << QByteArray("\xfc") << 0x00FC;
        QTest::newRow("0xff y diaeresis") << QByteArray("\xff") << 0x00FF;
    }

    void decodeWindows1252()
    {
        QFETCH(QByteArray, byte);
        QFETCH(int, codePoint);
        QString encoding;
        const QString text = CsvReader::decode("a" + byte + "b", &encoding);
        QCOMPARE(encoding, u"Windows-1252"_s);
        QCOMPARE(text.size(), 3);
        QCOMPARE(int(text.at(1).unicode()), codePoint);
    }

    void decodeInvalidUtf8FallsBackToWindows1252_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("latin umlaut") << QByteArray("J\xe4ger");
        QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf");
        QTest::newRow("lone continuation") << QByteArray("a\x80z");
        QTest::newRow("truncated sequence at end") << QByteArray("M\xc3");
        QTest::newRow("surrogate half") << QByteArray("\xed\xa0\x80");
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
        QTest::newRow("valid then invalid") << QByteArray("M\xc3\xbcller;J\xe4ger");
    }

    void decodeInvalidUtf8FallsBackToWindows1252()
    {
        QFETCH(QByteArray, bytes);
        QString encoding;
        const QString text = CsvReader::decode(bytes, &encoding);
        QCOMPARE(encoding, u"Windows-1252"_s);
        QCOMPARE(text.size(), bytes.size()); // one character per byte
    }

    void decodeUtf16()
    {
        const QString original = u"Vorname\tNachname\r\nŁukasz\tWiśniewski 🎉\r\n"_s;
        QByteArray le("\xff\xfe");
        QByteArray be("\xfe\xff");
        for (const QChar c : original) {
            const char16_t u = c.unicode();
            le.append(char(u & 0xff)).append(char(u >> 8));
            be.append(char(u >> 8)).append(char(u & 0xff));
        }
        QString encoding;
        QCOMPARE(CsvReader::decode(le, &encoding), original);
        QCOMPARE(encoding, u"UTF-16LE"_s);
        QCOMPARE(CsvReader::decode(be, &encoding), original);
        QCOMPARE(encoding, u"UTF-16BE"_s);
        // a truncated file loses its last odd byte, nothing more
        QCOMPARE(CsvReader::decode(le.chopped(1), &encoding), original.chopped(1));
    }

    void detectDelimiter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("expected");
        QTest::newRow("comma") << u"a,b,c\n1,2,3\n4,5,6\n"_s << QChar(u',');
        QTest::newRow("semicolon") << u"Vorname;Nachname;Firma\nAnna;Müller;Müller, Söhne & Co\n"_s
                                   << QChar(u';');
        QTest::newRow("tab") << u"First\tLast\tCompany\nAnna\tSmith\tAcme, Inc.\n"_s << QChar(u'\t');
        QTest::newRow("quoted commas ignored")
            << u"Name;Firma\n\"Müller, Anna\";\"A, B, C\"\n\"Schmidt, Hans\";X\n"_s << QChar(u';');
        QTest::newRow("quoted line break") << u"a;b\n\"x,\ny,z\";1\n"_s << QChar(u';');
        QTest::newRow("single column, commas in data")
            << u"Name\nMüller, Anna\nSchmidt, Hans\nCher\n"_s << QChar(u';');
        QTest::newRow("single column, semicolons in data") << u"Name\nA; B\nC; D\n"_s << QChar(u',');
        QTest::newRow("consistent beats frequent")
            << u"Name, Vorname;Firma;Code\nMüller, Anna;X;1\nSchmidt;Y, Z, W;2\n"_s << QChar(u';');
        QTest::newRow("excel sep line") << u"sep=,\na;b,c\n"_s << QChar(u',');
        QTest::newRow("CRLF") << u"a;b\r\n1;2\r\n"_s << QChar(u';');
        QTest::newRow("empty") << QString() << QChar(u',');
    }

    void detectDelimiter()
    {
        QFETCH(QString, text);
        QFETCH(QChar, expected);
        QCOMPARE(CsvReader::detectDelimiter(text), expected);
    }

    void readQuotedFields()
    {
        const auto table =
            readOk("Name,Firma,Notiz\r\n"
                   "\"Robert \"\"Bob\"\" Miller\",\"Smith, Jones & Partners\",\"Line one\r\nLine two\"\r\n"
                   ",,\r\n"
                   "Anna \"Annie\" Weber,\"\",last\r\n");
        QCOMPARE(table.delimiter, QChar(u','));
        QCOMPARE(table.records.size(), 4);
        QCOMPARE(
            table.records[1].fields,
            QStringList({u"Robert \"Bob\" Miller"_s, u"Smith, Jones & Partners"_s, u"Line one\nLine two"_s}));
        QCOMPARE(table.records[2].fields, QStringList({QString(), QString(), QString()}));
        // a quote inside an unquoted value is just a character
        QCOMPARE(table.records[3].fields, QStringList({u"Anna \"Annie\" Weber"_s, QString(), u"last"_s}));
    }

    void readRowNumbersCountRecordsNotLines()
    {
        const auto table = readOk("a,b\n\"multi\nline\nvalue\",1\n\nx,2\n");
        QCOMPARE(table.records.size(), 4);
        QCOMPARE(table.records[0].row, 1);
        QCOMPARE(table.records[1].row, 2);
        QCOMPARE(table.records[2].row, 3); // the blank line is a record of one empty field
        QCOMPARE(table.records[2].fields, QStringList({QString()}));
        QCOMPARE(table.records[3].row, 4);
        QCOMPARE(table.records[3].fields, QStringList({u"x"_s, u"2"_s}));
    }

    void readLineEndings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("LF") << QByteArray("a;b\n1;2\n3;4\n");
        QTest::newRow("CRLF") << QByteArray("a;b\r\n1;2\r\n3;4\r\n");
        QTest::newRow("CR") << QByteArray("a;b\r1;2\r3;4\r");
        QTest::newRow("mixed") << QByteArray("a;b\r\n1;2\n3;4\r");
        QTest::newRow("no final line break") << QByteArray("a;b\n1;2\n3;4");
    }

    void readLineEndings()
    {
        QFETCH(QByteArray, bytes);
        const auto table = readOk(bytes);
        QCOMPARE(table.records.size(), 3);
        QCOMPARE(table.records[2].fields, QStringList({u"3"_s, u"4"_s}));
        QCOMPARE(table.records[2].row, 3);
    }

    void readTrailingDelimiterGivesEmptyField()
    {
        const auto table = readOk("a,b,\n1,2,");
        QCOMPARE(table.records.size(), 2);
        QCOMPARE(table.records[0].fields.size(), 3);
        QCOMPARE(table.records[1].fields, QStringList({u"1"_s, u"2"_s, QString()}));
    }

    void readLenientQuotes()
    {
        // spaces before an opening quote, text after a closing quote
        const auto table = readOk("a,b,c\nx, \"y, z\",\"ab\"cd\n");
        QCOMPARE(table.records[1].fields, QStringList({u"x"_s, u"y, z"_s, u"abcd"_s}));
    }

    void readSepLine()
    {
        const auto table = readOk("sep=;\r\nVorname;Nachname\r\nAnna;M\xfcller\r\n");
        QCOMPARE(table.delimiter, QChar(u';'));
        QCOMPARE(table.encoding, u"Windows-1252"_s);
        QCOMPARE(table.records.size(), 2);
        QCOMPARE(table.records[0].row, 1); // Excel hides the sep line: the header is row 1
        QCOMPARE(table.records[1].fields, QStringList({u"Anna"_s, u"Müller"_s}));
    }

    void readUnterminatedQuote()
    {
        CsvReader::Table table;
        QString error;
        QVERIFY(!CsvReader::read("a,b\n\"two\nlines\",1\nc,d\n\"open,2\ne,f\n", &table, &error));
        QCOMPARE(table.errorRow, 4);
        QVERIFY2(error.contains(u"row 4 (line 5"_s), qPrintable(error));
        QVERIFY(error.contains(u"never closed"_s));
        QVERIFY(table.records.isEmpty());
        // Excel's hidden "sep=" line counts as a line of the file but not as a row
        QVERIFY(!CsvReader::read("sep=;\nA;B\n\"x;1\n", &table, &error));
        QCOMPARE(table.errorRow, 2);
        QVERIFY2(error.contains(u"row 2 (line 3"_s), qPrintable(error));
    }

    void readBinary()
    {
        CsvReader::Table table;
        QString error;
        QVERIFY(!CsvReader::read(QByteArray("Name\nAnna\nB\0b\n", 14), &table, &error));
        QCOMPARE(table.errorRow, 3);
        QVERIFY2(error.contains(u"binary"_s) && error.contains(u"line 3"_s), qPrintable(error));
        QVERIFY(!CsvReader::read(QByteArray("PK\x03\x04\x14\0\x06\0", 8), &table, &error));
        QVERIFY2(error.contains(u"workbook"_s), qPrintable(error));
        QVERIFY(!CsvReader::read(QByteArray("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), &table, &error));
        QVERIFY2(error.contains(u"workbook"_s), qPrintable(error));
    }

    void readEmpty()
    {
        const auto table = readOk(QByteArray());
        QVERIFY(table.records.isEmpty());
    }

    void readUtf16Fixture()
    {
        const auto table = readOk(test::readFixture(u"csv/excel_unicode_text_utf16.txt"_s));
        QCOMPARE(table.encoding, u"UTF-16LE"_s);
        QCOMPARE(table.delimiter, QChar(u'\t'));
        QCOMPARE(table.records.size(), 6);
        QCOMPARE(table.records[4].fields[2], u"🎉 Events & Co"_s);
        QCOMPARE(table.records[5].fields[2], u"Tab\there Ltd"_s);
    }

    void readManyRows()
    {
        QByteArray csv = "Vorname;Nachname;Code\r\n";
        for (int i = 0; i < 100000; ++i)
            csv += "Anna;\"M\xc3\xbcller; " + QByteArray::number(i) + "\";C" + QByteArray::number(i) + "\r\n";
        const auto table = readOk(csv);
        QCOMPARE(table.records.size(), 100001);
        QCOMPARE(table.records.last().row, 100001);
        QCOMPARE(table.records.last().fields, QStringList({u"Anna"_s, u"Müller; 99999"_s, u"C99999"_s}));
    }

    void streamingReadMatchesRead_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(test::dataDir());
        QDirIterator it(dir.filePath(u"csv"_s), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files.append(dir.relativeFilePath(it.next()));
        files.sort();
        QVERIFY(files.size() >= 25);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void streamingReadMatchesRead()
    {
        QFETCH(QString, file);
        const QByteArray bytes = test::readFixture(file);
        CsvReader::Table table;
        QString tableError;
        const bool tableOk = CsvReader::read(bytes, &table, &tableError);
        QList<CsvReader::Record> records;
        CsvReader::Table info;
        QString error;
        QCOMPARE(readStreaming(bytes, &records, &info, &error), tableOk);
        QVERIFY(info.records.isEmpty());
        QCOMPARE(info.delimiter, table.delimiter);
        QCOMPARE(info.encoding, table.encoding);
        QCOMPARE(info.errorRow, table.errorRow);
        QCOMPARE(error, tableError);
        if (!tableOk)
            return;
        QCOMPARE(records.size(), table.records.size());
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(records[i].row, table.records[i].row);
            QCOMPARE(records[i].fields, table.records[i].fields);
        }
    }

    void streamingReadErrorAfterRecords()
    {
        QList<CsvReader::Record> records;
        CsvReader::Table info;
        QString error;
        QVERIFY(!readStreaming("a,b\n\"two\nlines\",1\nc,d\n\"open,2\ne,f\n", &records, &info, &error));
        QCOMPARE(info.errorRow, 4);
        QVERIFY2(error.contains(u"row 4 (line 5"_s), qPrintable(error));
        QCOMPARE(records.size(), 3); // the records before the problem were passed on
        QCOMPARE(records[1].fields, QStringList({u"two\nlines"_s, u"1"_s}));
        QCOMPARE(records[2].row, 3);
        // a file-level problem is found before any record
        records.clear();
        QVERIFY(!readStreaming(QByteArray("Name\nAnna\nB\0b\n", 14), &records, &info, &error));
        QCOMPARE(info.errorRow, 3);
        QVERIFY(records.isEmpty());
    }

    void streamingReadSinkCanStop()
    {
        int calls = 0;
        bool infoFirst = true;
        CsvReader::Table info;
        QString error;
        // the unterminated quote further down is never reached
        const bool ok = CsvReader::read(
            "sep=;\nA;B\n1;2\n3;4\n\"open;5\n",
            [&](CsvReader::Record &&record) {
                ++calls;
                // delimiter and encoding are known before the first record arrives
                infoFirst = infoFirst && info.delimiter == QChar(u';') && info.encoding == u"UTF-8"_s &&
                            record.row == calls;
                return calls < 2;
            },
            &info, &error);
        QVERIFY(ok);
        QVERIFY(infoFirst);
        QCOMPARE(calls, 2);
        QCOMPARE(info.delimiter, QChar(u';'));
        QCOMPARE(info.errorRow, 0);
    }

    void streamingReadWithoutInfo()
    {
        QStringList last;
        const auto keepLast = [&last](CsvReader::Record &&record) {
            last = std::move(record.fields);
            return true;
        };
        QVERIFY(CsvReader::read("a\tb\r\n1\t\"x\"\"y\"\r\n", keepLast, nullptr, nullptr));
        QCOMPARE(last, QStringList({u"1"_s, u"x\"y"_s}));
        QVERIFY(!CsvReader::read("\"open", keepLast, nullptr, nullptr));
    }

    void streamingReadManyRows()
    {
        QByteArray csv = "Vorname;Nachname;Code\r\n";
        for (int i = 0; i < 100000; ++i)
            csv += "Anna;\"M\xc3\xbcller; " + QByteArray::number(i) + "\";C" + QByteArray::number(i) + "\r\n";
        int count = 0;
        CsvReader::Record last;
        QVERIFY(CsvReader::read(
            csv,
            [&](CsvReader::Record &&record) {
                ++count;
                if (record.row != count)
                    return false;
                last = std::move(record); // taking the record's list is allowed
                return true;
            },
            nullptr, nullptr));
        QCOMPARE(count, 100001);
        QCOMPARE(last.row, 100001);
        QCOMPARE(last.fields, QStringList({u"Anna"_s, u"Müller; 99999"_s, u"C99999"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
