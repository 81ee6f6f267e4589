// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CipherVfs.h"
#include "KioskLogging.h"

#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QUrl>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <new>

#include <unistd.h>

namespace checkin::CipherVfs {

namespace {

constexpr int NonceSize = 12;
constexpr int TagSize = 16;
constexpr int Sealed = PageSize - Reserve; // the encrypted part of a page
constexpr int WalHeader = 32;
constexpr int FrameHeader = 24;
constexpr int Frame = FrameHeader + PageSize;
static_assert(NonceSize + TagSize <= Reserve);

std::atomic<quint64> keySerials{0};

struct Keys
{
    quint64 serial = ++keySerials; // tells the per-thread key schedules below apart
    std::array<unsigned char, 32> page{};
    std::array<unsigned char, 32> temp{};
    ~Keys()
    {
        OPENSSL_cleanse(page.data(), page.size());
        OPENSSL_cleanse(temp.data(), temp.size());
    }
};

QMutex keyMutex;
std::shared_ptr<const Keys> currentKeys;
std::atomic<int> failures{0};
sqlite3_vfs cipherVfs;
sqlite3_vfs *root = nullptr;

std::shared_ptr<const Keys> keys()
{
    QMutexLocker lock(&keyMutex);
    return currentKeys;
}

// Each purpose its own key: HMAC-SHA256 of a label under the device's key.
void derive(const QByteArray &key, const char *label, std::array<unsigned char, 32> &out)
{
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(label),
         std::strlen(label), out.data(), &size);
}

struct CipherDeleter
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};

EVP_CIPHER_CTX *context()
{
    thread_local std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter> own(EVP_CIPHER_CTX_new());
    return own.get();
}

const EVP_CIPHER *gcm();

// A GCM context per thread and direction with the page key already set up: a page then only sets
// its nonce (setting up the key and the cipher for every page cost a tenth of an import's CPU).
EVP_CIPHER_CTX *pageContext(const Keys &key, bool encrypt)
{
    struct Ready
    {
        std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter> context{EVP_CIPHER_CTX_new()};
        quint64 serial = 0;
    };
    thread_local Ready ready[2];
    Ready &r = ready[encrypt ? 1 : 0];
    if (!r.context || !gcm())
        return nullptr;
    if (r.serial != key.serial) {
        if (EVP_CipherInit_ex2(r.context.get(), gcm(), key.page.data(), nullptr, encrypt ? 1 : 0, nullptr) !=
            1)
            return nullptr;
        r.serial = key.serial;
    }
    return r.context.get();
}

const EVP_CIPHER *gcm()
{
    static EVP_CIPHER *cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    return cipher;
}

const EVP_CIPHER *ctr()
{
    static EVP_CIPHER *cipher = EVP_CIPHER_fetch(nullptr, "AES-256-CTR", nullptr);
    return cipher;
}

// The associated data: where the page lives (its offset in the file) and in which kind of file.
std::array<unsigned char, 9> placeOf(sqlite3_int64 offset, unsigned char kind)
{
    std::array<unsigned char, 9> aad{};
    for (int i = 0; i < 8; ++i)
        aad[size_t(i)] = static_cast<unsigned char>(quint64(offset) >> (56 - 8 * i));
    aad[8] = kind;
    return aad;
}

// Encrypts page[0, Sealed) in place; nonce and tag go into the page's reserved bytes.
bool seal(const Keys &key, sqlite3_int64 offset, unsigned char kind, unsigned char *page)
{
    unsigned char *nonce = page + Sealed;
    unsigned char *tag = nonce + NonceSize;
    if (RAND_bytes(nonce, NonceSize) != 1)
        return false;
    std::memset(tag + TagSize, 0, size_t(Reserve - NonceSize - TagSize));
    EVP_CIPHER_CTX *c = pageContext(key, true);
    const auto aad = placeOf(offset, kind);
    int length = 0;
    return c && EVP_EncryptInit_ex2(c, nullptr, nullptr, nonce, nullptr) == 1 &&
           EVP_EncryptUpdate(c, nullptr, &length, aad.data(), int(aad.size())) == 1 &&
           EVP_EncryptUpdate(c, page, &length, page, Sealed) == 1 && length == Sealed &&
           EVP_EncryptFinal_ex(c, page + Sealed, &length) == 1 &&
           EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, TagSize, tag) == 1;
}

// Decrypts and checks a sealed page in place; its reserved bytes read as zeros afterwards.
bool unseal(const Keys &key, sqlite3_int64 offset, unsigned char kind, unsigned char *page)
{
    std::array<unsigned char, Reserve> reserved;
    std::memcpy(reserved.data(), page + Sealed, Reserve);
    EVP_CIPHER_CTX *c = pageContext(key, false);
    const auto aad = placeOf(offset, kind);
    int length = 0;
    const bool ok = c && EVP_DecryptInit_ex2(c, nullptr, nullptr, reserved.data(), nullptr) == 1 &&
                    EVP_DecryptUpdate(c, nullptr, &length, aad.data(), int(aad.size())) == 1 &&
                    EVP_DecryptUpdate(c, page, &length, page, Sealed) == 1 &&
                    EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, TagSize, reserved.data() + NonceSize) == 1 &&
                    EVP_DecryptFinal_ex(c, page + Sealed, &length) == 1;
    std::memset(page + Sealed, 0, Reserve);
    return ok;
}

bool allZero(const unsigned char *data, int size)
{
    return std::all_of(data, data + size, [](unsigned char b) { return b == 0; });
}

enum class Kind : unsigned char { MainDb = 0, Wal = 1, Temp = 2, Journal = 3 };

struct CipherFile
{
    sqlite3_file base; // first: SQLite sees this
    sqlite3_file *real = nullptr;
    Kind kind = Kind::MainDb;
    std::shared_ptr<const Keys> keys;
    std::array<unsigned char, 8> tempNonce{};
    quint32 framePage = 0; // the page number of the WAL frame whose header was written last
};

constexpr int alignedFileSize = int((sizeof(CipherFile) + 15) / 16 * 16);

CipherFile *cipherFile(sqlite3_file *file)
{
    return reinterpret_cast<CipherFile *>(file);
}

// A page that SQLite is about to write must keep the reserved bytes free and be PageSize long.
bool headerFits(const unsigned char *page1)
{
    const int size = (page1[16] << 8) | page1[17];
    return size == PageSize && page1[20] == Reserve;
}

int refuse(const char *what)
{
    qCCritical(lcStore) << "encrypted database:" << what << "- refused, nothing was written in the clear";
    return SQLITE_IOERR_WRITE;
}

// AES-256-CTR over any range of a temporary file: the key stream at the byte's offset.
bool streamAt(const CipherFile &f, sqlite3_int64 offset, const unsigned char *in, unsigned char *out,
              int size)
{
    std::array<unsigned char, 16> iv{};
    std::memcpy(iv.data(), f.tempNonce.data(), 8);
    const quint64 block = quint64(offset) / 16;
    for (int i = 0; i < 8; ++i)
        iv[size_t(8 + i)] = static_cast<unsigned char>(block >> (56 - 8 * i));
    const int skip = int(offset % 16);
    EVP_CIPHER_CTX *c = context();
    std::array<unsigned char, 16> discard{};
    int length = 0;
    return c && ctr() && EVP_EncryptInit_ex2(c, ctr(), f.keys->temp.data(), iv.data(), nullptr) == 1 &&
           (skip == 0 || EVP_EncryptUpdate(c, discard.data(), &length, discard.data(), skip) == 1) &&
           EVP_EncryptUpdate(c, out, &length, in, size) == 1;
}

// --- the main database: whole pages -------------------------------------------------------------

int readMain(CipherFile &f, unsigned char *out, int amount, sqlite3_int64 offset)
{
    std::array<unsigned char, PageSize> page;
    for (int done = 0; done < amount;) {
        const sqlite3_int64 at = offset + done;
        const sqlite3_int64 start = at - at % PageSize;
        const int within = int(at - start);
        const int take = std::min(amount - done, PageSize - within);
        const int rc = f.real->pMethods->xRead(f.real, page.data(), PageSize, start);
        if (rc == SQLITE_IOERR_SHORT_READ) { // beyond the end (a page cut short counts as missing)
            std::memset(out + done, 0, size_t(amount - done));
            return SQLITE_IOERR_SHORT_READ;
        }
        if (rc != SQLITE_OK)
            return rc;
        if (!allZero(page.data(), PageSize) && !unseal(*f.keys, start, uchar(Kind::MainDb), page.data())) {
            if (failures.fetch_add(1) == 0)
                qCCritical(lcStore) << "encrypted database: a page does not decrypt with this device's key";
            return SQLITE_IOERR_DATA;
        }
        std::memcpy(out + done, page.data() + within, size_t(take));
        done += take;
    }
    return SQLITE_OK;
}

int writeMain(CipherFile &f, const unsigned char *in, int amount, sqlite3_int64 offset)
{
    if (offset % PageSize != 0 || amount % PageSize != 0)
        return refuse("a write that is not whole pages");
    std::array<unsigned char, PageSize> page;
    for (int done = 0; done < amount; done += PageSize) {
        std::memcpy(page.data(), in + done, PageSize);
        if (offset + done == 0 && !headerFits(page.data()))
            return refuse("page 1 without the reserved bytes");
        if (!seal(*f.keys, offset + done, uchar(Kind::MainDb), page.data()))
            return refuse("encryption failed");
        if (const int rc = f.real->pMethods->xWrite(f.real, page.data(), PageSize, offset + done);
            rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

// --- the WAL: a clear header, then frames of a clear frame header and a sealed page --------------

struct Piece
{
    sqlite3_int64 at;
    int size;
    bool page;               // a page image (else header bytes, clear)
    sqlite3_int64 pageStart; // where that page image starts
};

// The piece of the WAL that holds the byte at `at`, up to `end`.
Piece walPiece(sqlite3_int64 at, sqlite3_int64 end)
{
    if (at < WalHeader)
        return {at, int(std::min<sqlite3_int64>(end, WalHeader) - at), false, 0};
    const sqlite3_int64 frameStart = WalHeader + (at - WalHeader) / Frame * Frame;
    const sqlite3_int64 pageStart = frameStart + FrameHeader;
    if (at < pageStart)
        return {at, int(std::min(end, pageStart) - at), false, 0};
    return {at, int(std::min(end, pageStart + PageSize) - at), true, pageStart};
}

int readWal(CipherFile &f, unsigned char *out, int amount, sqlite3_int64 offset)
{
    std::array<unsigned char, PageSize> page;
    for (int done = 0; done < amount;) {
        const Piece piece = walPiece(offset + done, offset + amount);
        int rc = SQLITE_OK;
        if (!piece.page) {
            rc = f.real->pMethods->xRead(f.real, out + done, piece.size, piece.at);
        } else {
            rc = f.real->pMethods->xRead(f.real, page.data(), PageSize, piece.pageStart);
            // A frame that does not decrypt was torn by a crash or is left over: it reads as zeros,
            // and SQLite's frame checksum then ends the log there.
            if (rc == SQLITE_OK && !allZero(page.data(), PageSize) &&
                !unseal(*f.keys, piece.pageStart, uchar(Kind::Wal), page.data()))
                page.fill(0);
            if (rc == SQLITE_OK)
                std::memcpy(out + done, page.data() + (piece.at - piece.pageStart), size_t(piece.size));
        }
        if (rc == SQLITE_IOERR_SHORT_READ) {
            std::memset(out + done, 0, size_t(amount - done));
            return rc;
        }
        if (rc != SQLITE_OK)
            return rc;
        done += piece.size;
    }
    return SQLITE_OK;
}

int writeWal(CipherFile &f, const unsigned char *in, int amount, sqlite3_int64 offset)
{
    std::array<unsigned char, PageSize> page;
    for (int done = 0; done < amount;) {
        const Piece piece = walPiece(offset + done, offset + amount);
        int rc = SQLITE_OK;
        if (!piece.page) {
            if (piece.at == 0 && piece.size >= 12) {
                const quint32 size = quint32(in[done + 8]) << 24 | quint32(in[done + 9]) << 16 |
                                     quint32(in[done + 10]) << 8 | in[done + 11];
                if (size != PageSize)
                    return refuse("a WAL of another page size");
            }
            if (piece.at >= WalHeader && (piece.at - WalHeader) % Frame == 0 && piece.size >= 4)
                f.framePage = quint32(in[done]) << 24 | quint32(in[done + 1]) << 16 |
                              quint32(in[done + 2]) << 8 | in[done + 3];
            rc = f.real->pMethods->xWrite(f.real, in + done, piece.size, piece.at);
        } else {
            if (piece.at != piece.pageStart || piece.size != PageSize)
                return refuse("a part of a page in the WAL");
            std::memcpy(page.data(), in + done, PageSize);
            if (f.framePage == 1 && !headerFits(page.data()))
                return refuse("page 1 without the reserved bytes");
            if (!seal(*f.keys, piece.pageStart, uchar(Kind::Wal), page.data()))
                return refuse("encryption failed");
            rc = f.real->pMethods->xWrite(f.real, page.data(), PageSize, piece.pageStart);
        }
        if (rc != SQLITE_OK)
            return rc;
        done += piece.size;
    }
    return SQLITE_OK;
}

// --- the io methods -------------------------------------------------------------------------------

int xClose(sqlite3_file *file)
{
    CipherFile *f = cipherFile(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    f->~CipherFile();
    return rc;
}

int xRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    CipherFile &f = *cipherFile(file);
    auto *bytes = static_cast<unsigned char *>(out);
    switch (f.kind) {
    case Kind::MainDb:
        return readMain(f, bytes, amount, offset);
    case Kind::Wal:
        return readWal(f, bytes, amount, offset);
    case Kind::Temp: {
        const int rc = f.real->pMethods->xRead(f.real, out, amount, offset);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
            return rc;
        if (!streamAt(f, offset, bytes, bytes, amount))
            return SQLITE_IOERR_READ;
        return rc;
    }
    case Kind::Journal:
        break;
    }
    return f.real->pMethods->xRead(f.real, out, amount, offset);
}

int xWrite(sqlite3_file *file, const void *in, int amount, sqlite3_int64 offset)
{
    CipherFile &f = *cipherFile(file);
    const auto *bytes = static_cast<const unsigned char *>(in);
    switch (f.kind) {
    case Kind::MainDb:
        return writeMain(f, bytes, amount, offset);
    case Kind::Wal:
        return writeWal(f, bytes, amount, offset);
    case Kind::Temp: {
        QByteArray sealed(amount, Qt::Uninitialized);
        auto *to = reinterpret_cast<unsigned char *>(sealed.data());
        if (!streamAt(f, offset, bytes, to, amount))
            return refuse("encryption failed");
        return f.real->pMethods->xWrite(f.real, to, amount, offset);
    }
    case Kind::Journal:
        break;
    }
    return f.real->pMethods->xWrite(f.real, in, amount, offset);
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xTruncate(f.real, size);
}
int xSync(sqlite3_file *file, int flags)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xSync(f.real, flags);
}
int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xFileSize(f.real, size);
}
int xLock(sqlite3_file *file, int level)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xLock(f.real, level);
}
int xUnlock(sqlite3_file *file, int level)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xUnlock(f.real, level);
}
int xCheckReservedLock(sqlite3_file *file, int *out)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xCheckReservedLock(f.real, out);
}
int xFileControl(sqlite3_file *file, int op, void *arg)
{
    CipherFile &f = *cipherFile(file);
    if (op == SQLITE_FCNTL_VFSNAME) {
        *static_cast<char **>(arg) = sqlite3_mprintf("%s", Name);
        return SQLITE_OK;
    }
    return f.real->pMethods->xFileControl(f.real, op, arg);
}
int xSectorSize(sqlite3_file *file)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xSectorSize(f.real);
}
// Power-safe overwrite always: SQLite then never pads the WAL to a sector and never splits a page
// image over two writes (which the sealing could not do).
int xDeviceCharacteristics(sqlite3_file *file)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xDeviceCharacteristics(f.real) | SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}
int xShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xShmMap(f.real, region, size, extend, out);
}
int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xShmLock(f.real, offset, n, flags);
}
void xShmBarrier(sqlite3_file *file)
{
    CipherFile &f = *cipherFile(file);
    f.real->pMethods->xShmBarrier(f.real);
}
int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    CipherFile &f = *cipherFile(file);
    return f.real->pMethods->xShmUnmap(f.real, deleteFlag);
}

// Version 2: the shared-memory index, but no memory-mapped reads (xFetch), which would hand SQLite
// the encrypted bytes.
const sqlite3_io_methods ioMethods = {
    2,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    nullptr,
    nullptr,
};

int xOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = new (file) CipherFile;
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + alignedFileSize);
    f->real->pMethods = nullptr;
    if (flags & SQLITE_OPEN_MAIN_DB)
        f->kind = Kind::MainDb;
    else if (flags & SQLITE_OPEN_WAL)
        f->kind = Kind::Wal;
    else if (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL))
        f->kind = Kind::Journal;
    else
        f->kind = Kind::Temp;
    f->keys = keys();
    int rc = f->keys ? SQLITE_OK : SQLITE_CANTOPEN;
    // A rollback journal holds pages as they were, in the clear; the store is always in WAL mode,
    // so one is only made while a new database is still empty (before its first write).
    if (rc == SQLITE_OK && f->kind == Kind::Journal && name) {
        const QFileInfo database(QString::fromUtf8(sqlite3_filename_database(name)));
        if (database.exists() && database.size() > 0) {
            qCCritical(lcStore)
                << "encrypted database: a rollback journal was refused (it would hold pages in the "
                   "clear)";
            rc = SQLITE_CANTOPEN;
        }
    }
    if (rc == SQLITE_OK && f->kind == Kind::Temp &&
        RAND_bytes(f->tempNonce.data(), int(f->tempNonce.size())) != 1)
        rc = SQLITE_CANTOPEN;
    if (rc == SQLITE_OK)
        rc = root->xOpen(root, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        f->~CipherFile();
        file->pMethods = nullptr;
        return rc;
    }
    f->base.pMethods = &ioMethods;
    return SQLITE_OK;
}

int xDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return root->xDelete(root, name, syncDir);
}
int xAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return root->xAccess(root, name, flags, out);
}
int xFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return root->xFullPathname(root, name, size, out);
}
void *xDlOpen(sqlite3_vfs *, const char *name)
{
    return root->xDlOpen(root, name);
}
void xDlError(sqlite3_vfs *, int size, char *out)
{
    root->xDlError(root, size, out);
}
void (*xDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return root->xDlSym(root, handle, symbol);
}
void xDlClose(sqlite3_vfs *, void *handle)
{
    root->xDlClose(root, handle);
}
int xRandomness(sqlite3_vfs *, int size, char *out)
{
    return root->xRandomness(root, size, out);
}
int xSleep(sqlite3_vfs *, int micro)
{
    return root->xSleep(root, micro);
}
int xCurrentTime(sqlite3_vfs *, double *out)
{
    return root->xCurrentTime(root, out);
}
int xGetLastError(sqlite3_vfs *, int size, char *out)
{
    return root->xGetLastError ? root->xGetLastError(root, size, out) : 0;
}
int xCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return root->xCurrentTimeInt64(root, out);
}

bool registerVfs(QString *error)
{
    static const int rc = [] {
        root = sqlite3_vfs_find("unix");
        if (!root || root->iVersion < 2)
            return SQLITE_ERROR;
        cipherVfs = {};
        cipherVfs.iVersion = 2;
        cipherVfs.szOsFile = alignedFileSize + root->szOsFile;
        cipherVfs.mxPathname = root->mxPathname;
        cipherVfs.zName = Name;
        cipherVfs.xOpen = xOpen;
        cipherVfs.xDelete = xDelete;
        cipherVfs.xAccess = xAccess;
        cipherVfs.xFullPathname = xFullPathname;
        cipherVfs.xDlOpen = xDlOpen;
        cipherVfs.xDlError = xDlError;
        cipherVfs.xDlSym = xDlSym;
        cipherVfs.xDlClose = xDlClose;
        cipherVfs.xRandomness = xRandomness;
        cipherVfs.xSleep = xSleep;
        cipherVfs.xCurrentTime = xCurrentTime;
        cipherVfs.xGetLastError = xGetLastError;
        cipherVfs.xCurrentTimeInt64 = xCurrentTimeInt64;
        return sqlite3_vfs_register(&cipherVfs, 0);
    }();
    if (rc != SQLITE_OK && error)
        *error = QStringLiteral("SQLite refused the encrypting file layer (error %1).").arg(rc);
    return rc == SQLITE_OK && gcm() && ctr();
}

} // namespace

bool install(const QByteArray &key, QString *error)
{
    if (key.size() != KeySize) {
        if (error)
            *error =
                QStringLiteral("The database key must be %1 bytes, not %2.").arg(KeySize).arg(key.size());
        return false;
    }
    if (!registerVfs(error))
        return false;
    auto derived = std::make_shared<Keys>();
    derive(key, "checkin-kiosk database pages v1", derived->page);
    derive(key, "checkin-kiosk temporary files v1", derived->temp);
    QMutexLocker lock(&keyMutex);
    currentKeys = std::move(derived);
    return true;
}

bool installed()
{
    return keys() != nullptr;
}

QString uri(const QString &path)
{
    const QByteArray encoded = QUrl::toPercentEncoding(QFileInfo(path).absoluteFilePath(), "/");
    return QStringLiteral("file:%1?vfs=%2").arg(QString::fromLatin1(encoded), QLatin1String(Name));
}

FileState probe(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return FileState::Missing;
    if (!file.open(QIODevice::ReadOnly))
        return FileState::Unreadable;
    QByteArray first = file.read(PageSize);
    if (first.startsWith(QByteArray("SQLite format 3", 16)))
        return FileState::Clear;
    const auto key = keys();
    if (!key || first.size() != PageSize)
        return FileState::WrongKey;
    return unseal(*key, 0, uchar(Kind::MainDb), reinterpret_cast<unsigned char *>(first.data()))
               ? FileState::Encrypted
               : FileState::WrongKey;
}

bool markWal(const QString &path, QString *error)
{
    const auto key = keys();
    QFile file(path);
    QByteArray page;
    if (key && file.open(QIODevice::ReadWrite))
        page = file.read(PageSize);
    auto *bytes = reinterpret_cast<unsigned char *>(page.data());
    if (page.size() != PageSize || !unseal(*key, 0, uchar(Kind::MainDb), bytes)) {
        if (error)
            *error = QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString());
        return false;
    }
    bytes[18] = 2;
    bytes[19] = 2;
    if (!seal(*key, 0, uchar(Kind::MainDb), bytes) || !file.seek(0) || file.write(page) != PageSize ||
        !file.flush() || ::fsync(file.handle()) != 0) {
        if (error)
            *error = QStringLiteral("%1 cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int authenticationFailures()
{
    return failures.load();
}

} // namespace checkin::CipherVfs
