// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// VerdictSound: a sound of its own for every verdict kind, real WAV files in the resources, and
// nothing played when the sound is off.
#include "VerdictSound.h"

#include <QFile>
#include <QSet>
#include <QTest>

using checkin::ui::VerdictSound;

class TestVerdictSound : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKindHasADistinctWaveFile()
    {
        QSet<QByteArray> seen;
        for (const QString &kind : VerdictSound::kinds()) {
            const QUrl url = VerdictSound::source(kind);
            QFile file(QLatin1Char(':') + url.path());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(url.toString()));
            const QByteArray bytes = file.readAll();
            QVERIFY2(bytes.size() > 44, qPrintable(kind));
            QCOMPARE(bytes.left(4), QByteArray("RIFF"));
            QCOMPARE(bytes.mid(8, 4), QByteArray("WAVE"));
            QVERIFY2(!seen.contains(bytes),
                     qPrintable(kind + QStringLiteral(" sounds like another verdict")));
            seen.insert(bytes);
        }
        QCOMPARE(seen.size(), VerdictSound::kinds().size());
    }

    void anUnknownKindSoundsLikeAnError()
    {
        QCOMPARE(VerdictSound::source(QStringLiteral("something_new")),
                 VerdictSound::source(QStringLiteral("error")));
    }

    void offMeansSilent()
    {
        VerdictSound sound;
        sound.play(QStringLiteral("admitted"));
        QCOMPARE(sound.lastPlayed(), QStringLiteral("admitted"));
        sound.setEnabled(false);
        sound.play(QStringLiteral("cancelled"));
        QVERIFY(sound.lastPlayed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVerdictSound)
#include "tst_verdictsound.moc"
