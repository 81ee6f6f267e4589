// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SearchModel: results as you type, the answers to older queries dropped, roles, who is inside.
#include "CheckInDesk.h"
#include "SearchModel.h"
#include "StoreFixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::SearchModel;

class TestSearchModel : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    SearchModel *model = nullptr;
    QAbstractItemModelTester *tester = nullptr;

    QStringList names() const
    {
        QStringList list;
        for (int row = 0; row < model->rowCount(); ++row)
            list << model->data(model->index(row), SearchModel::NameRole).toString();
        return list;
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        model = new SearchModel(f->store.get());
        tester = new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        delete tester;
        delete model;
        delete f;
    }

    void resultsAsYouType()
    {
        QSignalSpy ready(model, &SearchModel::resultsReady);
        QSignalSpy count(model, &SearchModel::countChanged);
        model->setQuery(QStringLiteral("anna"));
        QVERIFY(model->searching());
        QVERIFY(ready.wait());
        QVERIFY(!model->searching());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(count.size(), 1);
        QVERIFY(names().contains(QStringLiteral("Anna Müller")));

        const QModelIndex anna = model->index(int(names().indexOf(QStringLiteral("Anna Müller"))));
        QCOMPARE(model->data(anna, SearchModel::CompanyRole).toString(), QStringLiteral("Siemens AG"));
        QCOMPARE(model->data(anna, SearchModel::TicketTypeRole).toString(),
                 QStringLiteral("Full conference"));
        QVERIFY(!model->data(anna, SearchModel::AttendeeIdRole).toString().isEmpty());
        QCOMPARE(model->data(anna, SearchModel::InsideRole).toBool(), false);
        const QVariantMap map = model->get(anna.row());
        QCOMPARE(map.value(QStringLiteral("name")).toString(), QStringLiteral("Anna Müller"));
        QCOMPARE(map.value(QStringLiteral("company")).toString(), QStringLiteral("Siemens AG"));
        QVERIFY(model->get(99).isEmpty());
        QCOMPARE(model->roleNames().value(SearchModel::TicketTypeRole), QByteArray("ticketType"));
    }

    void folds()
    {
        QSignalSpy ready(model, &SearchModel::resultsReady);
        model->setQuery(QStringLiteral("mul"));
        QVERIFY(ready.wait());
        QCOMPARE(names().size(), 2); // Müller and Mueller
    }

    void olderAnswersAreDropped()
    {
        QSignalSpy ready(model, &SearchModel::resultsReady);
        // Typed fast: the store answers all three in order; only the last may show.
        model->setQuery(QStringLiteral("a"));
        model->setQuery(QStringLiteral("an"));
        model->setQuery(QStringLiteral("pet"));
        QVERIFY(ready.wait());
        QCOMPARE(names(), QStringList{QStringLiteral("Peter Mueller")});
        QTest::qWait(100);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(names(), QStringList{QStringLiteral("Peter Mueller")});
    }

    void emptyQueryClears()
    {
        QSignalSpy ready(model, &SearchModel::resultsReady);
        model->setQuery(QStringLiteral("anna"));
        QVERIFY(ready.wait());
        model->setQuery(QStringLiteral("  "));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->searching());
        model->setQuery(QStringLiteral("zzzz"));
        QVERIFY(ready.wait());
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(model->error().isEmpty());
    }

    void refreshShowsWhoIsInside()
    {
        QSignalSpy ready(model, &SearchModel::resultsReady);
        model->setQuery(QStringLiteral("peter"));
        QVERIFY(ready.wait());
        CheckInDesk desk(f->store.get());
        QCOMPARE(await(desk.scan(QStringLiteral("CODE-PETER"))).verdict, Verdict::Admitted);
        model->refresh();
        QVERIFY(ready.wait());
        QCOMPARE(model->data(model->index(0), SearchModel::InsideRole).toBool(), true);
    }

    void selfServiceShowsLittleAndNeedsThreeLetters()
    {
        QSignalSpy ready(model, &SearchModel::resultsReady);
        QSignalSpy mode(model, &SearchModel::selfServiceChanged);
        CheckInDesk desk(f->store.get());
        QCOMPARE(await(desk.scan(QStringLiteral("CODE-ANNA"))).verdict, Verdict::Admitted);
        model->setSelfService(true);
        QCOMPARE(mode.size(), 1);
        QCOMPARE(model->minimumLetters(), 3);

        model->setQuery(QStringLiteral("an"));
        QVERIFY(model->tooShort());
        QVERIFY(!model->searching()); // not even asked
        QCOMPARE(model->rowCount(), 0);
        model->setQuery(QStringLiteral("12 34")); // digits are not letters
        QVERIFY(model->tooShort());
        QCOMPARE(model->rowCount(), 0);
        model->setQuery(QStringLiteral("a n n")); // three letters, but not in one word
        QVERIFY(model->tooShort());
        QCOMPARE(model->rowCount(), 0);
        model->setQuery(QStringLiteral("siemens")); // a company is not a name
        QVERIFY(ready.wait());
        QCOMPARE(model->rowCount(), 0);

        model->setQuery(QStringLiteral("ann"));
        QVERIFY(!model->tooShort());
        QVERIFY(ready.wait());
        QStringList shown = names();
        shown.sort();
        QCOMPARE(shown, (QStringList{QStringLiteral("Anna M."), QStringLiteral("Anna S.")}));
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex i = model->index(row);
            QVERIFY(model->data(i, SearchModel::CompanyRole).toString().isEmpty());
            QCOMPARE(model->data(i, SearchModel::InsideRole).toBool(), false); // Anna M. is inside
        }
        QVERIFY(!model->truncated());

        // Back to volunteer mode: the same query shows everything again.
        model->setSelfService(false);
        QVERIFY(ready.wait());
        QVERIFY(names().contains(QStringLiteral("Anna Müller")));
    }

    void selfServiceShowsAFewAndSaysThereAreMore()
    {
        QList<AttendeeCsv::Row> rows;
        for (int i = 0; i < SearchModel::SelfServiceLimit + 3; ++i)
            rows << StoreFixture::row(100 + i, QStringLiteral("Maria"), QStringLiteral("Muster%1").arg(i),
                                      QStringLiteral("CODE-MARIA-%1").arg(i));
        QVERIFY(await(f->store->importAttendees(rows)).error.isEmpty());
        QSignalSpy ready(model, &SearchModel::resultsReady);
        model->setSelfService(true);
        model->setQuery(QStringLiteral("maria"));
        QVERIFY(ready.wait());
        QCOMPARE(model->rowCount(), SearchModel::SelfServiceLimit);
        QVERIFY(model->truncated());
        model->setQuery(QStringLiteral("maria muster3"));
        QVERIFY(ready.wait());
        QCOMPARE(names(), QStringList{QStringLiteral("Maria M.")});
        QVERIFY(!model->truncated());
    }
};

QTEST_GUILESS_MAIN(TestSearchModel)
#include "tst_searchmodel.moc"
