// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AdminPin.h"
#include "UiLogging.h"

#include "Futures.h"
#include "QmlServices.h"
#include "WallClock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

namespace checkin::ui {

const QString AdminPin::FileName = QStringLiteral("admin-pin.json");

namespace {

constexpr int SaltBytes = 16;
constexpr int KeyBytes = 32;

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, iterations,
                                              KeyBytes);
}

// Takes as long for a near miss as for a wrong first digit.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= char(a[i] ^ b[i]);
    return diff == 0;
}

bool wellFormed(const QString &pin)
{
    if (pin.size() < AdminPin::MinLength || pin.size() > AdminPin::MaxLength)
        return false;
    return std::all_of(pin.cbegin(), pin.cend(),
                       [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

} // namespace

AdminPin::AdminPin(const QString &dataDir, const WallClock *clock, QObject *parent)
    : QObject(parent)
    , m_path(QDir(dataDir).filePath(FileName))
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(1);
    m_lockTick.setInterval(1000);
    connect(&m_lockTick, &QTimer::timeout, this, [this] {
        if (!locked())
            m_lockTick.stop();
        Q_EMIT lockChanged();
        Q_EMIT messageChanged();
    });
    load();
}

AdminPin::~AdminPin()
{
    m_pool.waitForDone(); // a PIN on its way to the file gets there
}

AdminPin *AdminPin::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<AdminPin>(engine);
}

void AdminPin::load()
{
    // A few hundred bytes, read once at start, before the window shows.
    QFile file(m_path);
    if (!file.exists())
        return;
    const QJsonObject o =
        file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object() : QJsonObject();
    m_salt = QByteArray::fromHex(o.value(QStringLiteral("salt")).toString().toLatin1());
    m_hash = QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1());
    m_iterations = o.value(QStringLiteral("iterations")).toInt();
    m_failures = o.value(QStringLiteral("failures")).toInt();
    m_lockedUntilMs = o.value(QStringLiteral("lockedUntilMs")).toInteger();
    if (m_salt.isEmpty() || m_hash.size() != KeyBytes || m_iterations < 1) {
        // Whoever can change this file can delete it too: an unreadable one means no PIN, said aloud.
        qCWarning(lcAdmin).noquote() << QStringLiteral("%1 is unreadable: no admin PIN is set. Set one in "
                                                       "the admin area.")
                                            .arg(QDir::toNativeSeparators(m_path));
        m_salt.clear();
        m_hash.clear();
        m_iterations = Iterations;
        m_failures = 0;
        m_lockedUntilMs = 0;
        return;
    }
    watchLock();
}

AdminPin::Stored AdminPin::stored() const
{
    return {m_salt, m_hash, m_iterations, m_failures, m_lockedUntilMs};
}

QString AdminPin::write(const QString &path, const Stored &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("kdf"), QStringLiteral("pbkdf2-sha256"));
    o.insert(QStringLiteral("iterations"), s.iterations);
    o.insert(QStringLiteral("salt"), QString::fromLatin1(s.salt.toHex()));
    o.insert(QStringLiteral("hash"), QString::fromLatin1(s.hash.toHex()));
    o.insert(QStringLiteral("failures"), s.failures);
    o.insert(QStringLiteral("lockedUntilMs"), s.lockedUntilMs);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(o).toJson()) < 0 || !file.commit())
        return tr("Cannot save the PIN in %1: %2. Check that the data directory is writable.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void AdminPin::persist(std::function<void()> next)
{
    deliverLater(onPool<QString>(&m_pool, [path = m_path, s = stored()] { return write(path, s); }), this,
                 [this, next = std::move(next)](const QString &error) {
                     if (!error.isEmpty()) {
                         qCWarning(lcAdmin).noquote() << error;
                         setMessage(error);
                     }
                     next();
                 });
}

bool AdminPin::locked() const
{
    return m_lockedUntilMs > m_clock->nowMs();
}

int AdminPin::lockedSeconds() const
{
    const qint64 left = m_lockedUntilMs - m_clock->nowMs();
    return left > 0 ? int((std::min(left, LockMs) + 999) / 1000) : 0;
}

QString AdminPin::message() const
{
    if (locked())
        return tr("Too many wrong tries. Try again in %1 s.").arg(lockedSeconds());
    return m_message.toString();
}

void AdminPin::watchLock()
{
    // A clock set back must not stretch the lock beyond its minute.
    const qint64 now = m_clock->nowMs();
    if (m_lockedUntilMs - now > LockMs)
        m_lockedUntilMs = now + LockMs;
    if (locked())
        m_lockTick.start();
    Q_EMIT lockChanged();
    Q_EMIT messageChanged();
}

void AdminPin::later(std::function<void()> work)
{
    QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void AdminPin::match(const QString &pin, std::function<void(bool)> next)
{
    const QByteArray salt = m_salt;
    const QByteArray hash = m_hash;
    const int iterations = m_iterations;
    deliverLater(onPool<bool>(&m_pool,
                              [pin, salt, hash, iterations] {
                                  return !hash.isEmpty() && sameBytes(derive(pin, salt, iterations), hash);
                              }),
                 this, std::move(next));
}

bool AdminPin::refuseWhileLocked(void (AdminPin::*finish)(bool))
{
    watchLock();
    if (!locked())
        return false;
    later([this, finish] { (this->*finish)(false); });
    return true;
}

void AdminPin::check(const QString &pin)
{
    if (m_checking)
        return; // one at a time: the count of wrong tries stays exact
    setChecking(true);
    if (refuseWhileLocked(&AdminPin::finishCheck))
        return;
    if (!hasPin()) {
        setMessage([] { return tr("No admin PIN is set yet."); });
        later([this] { finishCheck(false); });
        return;
    }
    // The answer comes once the count of wrong tries (and a lock) is in the file: a restart right
    // after it does not lift the lock.
    match(pin, [this](bool matches) {
        if (!matches) {
            wrongTry();
            persist([this] { finishCheck(false); });
        } else if (rightTry()) {
            persist([this] { finishCheck(true); });
        } else {
            finishCheck(true);
        }
    });
}

void AdminPin::change(const QString &oldPin, const QString &newPin)
{
    if (m_checking)
        return;
    setChecking(true);
    if (!wellFormed(newPin)) {
        setMessage([] { return tr("The PIN must be %1 to %2 digits.").arg(MinLength).arg(MaxLength); });
        later([this] { finishChange(false); });
        return;
    }
    auto save = [this, newPin] {
        // The salt must be unpredictable, so it comes from the system's generator, not a seeded one.
        QByteArray salt(SaltBytes, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltBytes / 4);
        auto work = [path = m_path, newPin, salt] {
            const Stored s{salt, derive(newPin, salt, Iterations), Iterations, 0, 0};
            return Saved{s.hash, write(path, s)};
        };
        deliverLater(onPool<Saved>(&m_pool, work), this, [this, salt](const Saved &saved) {
            if (!saved.error.isEmpty()) {
                qCWarning(lcAdmin).noquote() << saved.error;
                setMessage(saved.error);
                finishChange(false);
                return;
            }
            m_salt = salt;
            m_hash = saved.hash;
            m_iterations = Iterations;
            m_failures = 0;
            m_lockedUntilMs = 0;
            setMessage(QString());
            Q_EMIT pinChanged();
            watchLock();
            finishChange(true);
        });
    };
    if (!hasPin()) {
        save();
        return;
    }
    if (refuseWhileLocked(&AdminPin::finishChange))
        return;
    match(oldPin, [this, save](bool matches) {
        if (!matches) {
            wrongTry();
            persist([this] { finishChange(false); });
            return;
        }
        rightTry(); // the new file has no wrong tries either
        save();
    });
}

void AdminPin::finishCheck(bool accepted)
{
    setChecking(false);
    Q_EMIT checked(accepted);
}

void AdminPin::finishChange(bool saved)
{
    setChecking(false);
    Q_EMIT changeDone(saved);
}

bool AdminPin::rightTry()
{
    setMessage(QString());
    if (m_failures == 0)
        return false;
    m_failures = 0;
    return true;
}

void AdminPin::wrongTry()
{
    ++m_failures;
    if (m_failures >= MaxTries) {
        m_failures = 0;
        m_lockedUntilMs = m_clock->nowMs() + LockMs;
        setMessage(QString());
    } else {
        const int left = MaxTries - m_failures;
        setMessage([left] {
            return left == 1 ? tr("Wrong PIN. 1 try left before it locks for a minute.")
                             : tr("Wrong PIN. %n tries left.", nullptr, left);
        });
    }
    watchLock();
}

void AdminPin::clearMessage()
{
    setMessage(QString());
}

void AdminPin::setChecking(bool checking)
{
    if (checking == m_checking)
        return;
    m_checking = checking;
    Q_EMIT checkingChanged();
}

bool AdminPin::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT messageChanged();
    return QObject::event(event);
}

void AdminPin::setMessage(const LiveText &message)
{
    if (message.isEmpty() && m_message.isEmpty())
        return;
    m_message = message;
    Q_EMIT messageChanged();
}

} // namespace checkin::ui
