#include "AdminPin.h"

#include "QmlServices.h"
#include "WallClock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>

namespace checkin::ui {

Q_LOGGING_CATEGORY(lcAdmin, "kiosk.admin")

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
    m_lockTick.setInterval(1000);
    connect(&m_lockTick, &QTimer::timeout, this, [this] {
        if (!locked())
            m_lockTick.stop();
        Q_EMIT lockChanged();
        Q_EMIT messageChanged();
    });
    load();
}

AdminPin *AdminPin::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<AdminPin>(engine);
}

void AdminPin::load()
{
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

bool AdminPin::save(const QByteArray &salt, const QByteArray &hash, int iterations)
{
    QJsonObject o;
    o.insert(QStringLiteral("kdf"), QStringLiteral("pbkdf2-sha256"));
    o.insert(QStringLiteral("iterations"), iterations);
    o.insert(QStringLiteral("salt"), QString::fromLatin1(salt.toHex()));
    o.insert(QStringLiteral("hash"), QString::fromLatin1(hash.toHex()));
    o.insert(QStringLiteral("failures"), m_failures);
    o.insert(QStringLiteral("lockedUntilMs"), m_lockedUntilMs);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(o).toJson()) < 0 || !file.commit()) {
        setMessage([path = QDir::toNativeSeparators(m_path), why = file.errorString()] {
            return tr("Cannot save the PIN in %1: %2. Check that the data directory is writable.")
                .arg(path, why);
        });
        qCWarning(lcAdmin).noquote() << m_message.toString();
        return false;
    }
    return true;
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

bool AdminPin::matches(const QString &pin) const
{
    return hasPin() && sameBytes(derive(pin, m_salt, m_iterations), m_hash);
}

bool AdminPin::verify(const QString &pin)
{
    watchLock();
    if (locked())
        return false;
    if (!hasPin()) {
        setMessage([] { return tr("No admin PIN is set yet."); });
        return false;
    }
    if (!matches(pin)) {
        wrongTry();
        return false;
    }
    if (m_failures != 0) {
        m_failures = 0;
        save(m_salt, m_hash, m_iterations);
    }
    setMessage(QString());
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
    save(m_salt, m_hash, m_iterations);
    watchLock();
}

bool AdminPin::setPin(const QString &oldPin, const QString &newPin)
{
    if (hasPin() && !verify(oldPin))
        return false;
    if (!wellFormed(newPin)) {
        setMessage([] { return tr("The PIN must be %1 to %2 digits.").arg(MinLength).arg(MaxLength); });
        return false;
    }
    // The salt must be unpredictable, so it comes from the system's generator, not a seeded one.
    QByteArray salt(SaltBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), SaltBytes / 4);
    const QByteArray hash = derive(newPin, salt, Iterations);
    m_failures = 0;
    m_lockedUntilMs = 0;
    if (!save(salt, hash, Iterations))
        return false;
    m_salt = salt;
    m_hash = hash;
    m_iterations = Iterations;
    setMessage(QString());
    Q_EMIT pinChanged();
    watchLock();
    return true;
}

void AdminPin::clearMessage()
{
    setMessage(QString());
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
