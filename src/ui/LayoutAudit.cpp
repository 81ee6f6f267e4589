// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LayoutAudit.h"

#include <QColor>
#include <QQuickItem>
#include <QQuickWindow>

#include <algorithm>
#include <functional>

namespace checkin::ui {

namespace {

constexpr qreal Slack = 1.5; // px: anti-aliased edges and rounding do not count

bool isA(const QQuickItem *item, const char *className)
{
    return item && item->inherits(className);
}

bool hidden(const QQuickItem *item)
{
    for (const QQuickItem *i = item; i; i = i->parentItem()) {
        if (!i->isVisible() || i->opacity() <= 0.01)
            return true;
    }
    return false;
}

bool under(const QQuickItem *item, const QQuickItem *ancestor)
{
    return ancestor && (item == ancestor || ancestor->isAncestorOf(item));
}

QRectF sceneRect(const QQuickItem *item, const QRectF &local)
{
    return item->mapRectToScene(local);
}

// The children in the order they are painted (z, then the order of children).
QList<QQuickItem *> paintOrder(const QQuickItem *item)
{
    QList<QQuickItem *> children = item->childItems();
    std::stable_sort(children.begin(), children.end(),
                     [](const QQuickItem *a, const QQuickItem *b) { return a->z() < b->z(); });
    return children;
}

// A sibling painted over its parent's whole area with an opaque colour (a screen over another), or
// one that takes every tap there (a shade with a MouseArea of its size under a question).
bool opaqueCover(const QQuickItem *child, const QQuickItem *parent)
{
    if (!child->isVisible() || child->opacity() < 0.01)
        return false;
    const QRectF mine = sceneRect(child, child->boundingRect());
    const QRectF theirs = sceneRect(parent, parent->boundingRect());
    if (!mine.adjusted(-Slack, -Slack, Slack, Slack).contains(theirs))
        return false;
    const QList<QQuickItem *> inside = child->childItems();
    for (const QQuickItem *blocker : inside) {
        if (isA(blocker, "QQuickMouseArea") && blocker->isVisible() &&
            blocker->property("enabled").toBool() &&
            sceneRect(blocker, blocker->boundingRect()).adjusted(-Slack, -Slack, Slack, Slack).contains(mine))
            return true;
    }
    return child->opacity() >= 0.99 && isA(child, "QQuickRectangle") &&
           child->property("color").value<QColor>().alphaF() >= 0.99;
}

struct Found
{
    QList<QQuickItem *> controls;
    QList<QQuickItem *> texts;
};

// The items a person can see under `item`: not hidden, not under a disabled parent (a screen that
// is switched off while another covers it), not under an opaque screen painted later.
void collect(QQuickItem *item, const QQuickItem *skip, Found *found)
{
    if (!item->isVisible() || item->opacity() <= 0.01 || item == skip)
        return;
    if (LayoutAudit::isControl(item)) {
        found->controls << item;
        return; // a control's label and background belong to it
    }
    if (isA(item, "QQuickText") && !item->property("text").toString().trimmed().isEmpty())
        found->texts << item;
    const QList<QQuickItem *> children = paintOrder(item);
    qsizetype first = 0;
    for (qsizetype i = children.size() - 1; i >= 0; --i) {
        if (opaqueCover(children[i], item)) {
            first = i;
            break;
        }
    }
    for (qsizetype i = first; i < children.size(); ++i) {
        QQuickItem *child = children[i];
        // A part switched off as a whole (not a disabled button) is covered by something else.
        if (child->isEnabled() || !item->isEnabled() || LayoutAudit::isControl(child))
            collect(child, skip, found);
    }
}

// What of `rect` (scene) a person can see through the boxes it is in: a list or a form that
// scrolls shows the rest when scrolled; any other clipping box cuts it off (`cut` then says so).
QRectF visiblePart(const QQuickItem *item, QRectF rect, bool *cut)
{
    *cut = false;
    for (const QQuickItem *a = item->parentItem(); a; a = a->parentItem()) {
        if (!a->clip())
            continue;
        const QRectF box = sceneRect(a, a->boundingRect());
        const bool scrolls = isA(a, "QQuickFlickable");
        if (!scrolls && !box.adjusted(-Slack, -Slack, Slack, Slack).contains(rect))
            *cut = true;
        rect = rect.intersected(box);
        if (rect.isEmpty())
            return rect;
    }
    return rect;
}

bool overlaps(const QRectF &a, const QRectF &b)
{
    const QRectF both = a.intersected(b);
    return both.width() > Slack && both.height() > Slack;
}

QString where(const QRectF &r)
{
    return QStringLiteral("%1,%2 %3x%4")
        .arg(qRound(r.x()))
        .arg(qRound(r.y()))
        .arg(qRound(r.width()))
        .arg(qRound(r.height()));
}

// The item's own rectangle in the scene (not its painted text, which boundingRect() is for a text).
QRectF itemRect(const QQuickItem *item)
{
    return sceneRect(item, QRectF(0, 0, item->width(), item->height()));
}

// Where something shown is (`whole`; `seen` of it through the boxes it is in): not cut off, inside
// the window, not under the keyboard.
void checkPlace(const QString &name, const QRectF &whole, const QRectF &seen, bool cut, const QRectF &screen,
                const QRectF &keys, QStringList *problems)
{
    if (cut)
        *problems << QStringLiteral("%1 at %2 is cut off by the box it is in").arg(name, where(whole));
    if (!screen.adjusted(-Slack, -Slack, Slack, Slack).contains(seen))
        *problems << QStringLiteral("%1 at %2 is off the window").arg(name, where(seen));
    if (!keys.isEmpty() && overlaps(seen, keys))
        *problems << QStringLiteral("%1 at %2 is under the on-screen keyboard").arg(name, where(seen));
}

} // namespace

bool LayoutAudit::isControl(const QQuickItem *item)
{
    return isA(item, "QQuickAbstractButton") || isA(item, "QQuickTextInput") || isA(item, "QQuickTextEdit");
}

QString LayoutAudit::describe(const QQuickItem *item)
{
    if (!item)
        return QStringLiteral("nothing");
    const QString text = item->property("text").toString().simplified();
    QString what = QString::fromLatin1(item->metaObject()->className()).section(QLatin1Char('_'), 0, 0);
    if (!item->objectName().isEmpty())
        what += QLatin1Char(' ') + item->objectName();
    if (!text.isEmpty())
        what += QStringLiteral(" \"%1\"").arg(text.left(40));
    // An unnamed item is known by where it is.
    for (const QQuickItem *a = item->parentItem(); a && item->objectName().isEmpty() && text.isEmpty();
         a = a->parentItem()) {
        if (!a->objectName().isEmpty())
            return what + QStringLiteral(" in ") + a->objectName();
    }
    return what;
}

QRectF LayoutAudit::keyboardRect(QQuickWindow *window)
{
    QQuickItem *keyboard = window->findChild<QQuickItem *>(QStringLiteral("onScreenKeyboard"));
    if (!keyboard || hidden(keyboard) || !keyboard->property("active").toBool())
        return {};
    const QRectF r = sceneRect(keyboard, keyboard->boundingRect());
    return r.intersected(QRectF(0, 0, window->width(), window->height()));
}

QQuickItem *LayoutAudit::itemAt(QQuickItem *root, const QPointF &scenePoint, const QQuickItem *asIfEnabled)
{
    // As Qt Quick delivers a press: not to hidden or disabled items (transparent ones do get it).
    // (A MouseArea has an `enabled` of its own, apart from the item's.)
    const bool enabled = root->isEnabled() && root->property("enabled").toBool();
    if (!root->isVisible() || (!enabled && !under(root, asIfEnabled)))
        return nullptr;
    const QPointF p = root->mapFromScene(scenePoint);
    if (root->clip() && !root->contains(p))
        return nullptr;
    const QList<QQuickItem *> children = paintOrder(root);
    for (auto it = children.crbegin(); it != children.crend(); ++it) {
        if (QQuickItem *hit = itemAt(*it, scenePoint, asIfEnabled))
            return hit;
    }
    // The overlay passes taps through unless a modal dialog is open, and then its dialog is hit; a
    // text without links takes a press only to let it go on to what is under it.
    if (isA(root, "QQuickOverlay") || isA(root, "QQuickText"))
        return nullptr;
    const bool takesInput =
        root->acceptedMouseButtons() != Qt::NoButton || root->acceptTouchEvents() || isControl(root);
    return takesInput && root->contains(p) ? root : nullptr;
}

QStringList LayoutAudit::check(QQuickWindow *window, const Options &options)
{
    QStringList problems;
    QQuickItem *root = window->contentItem();
    QQuickItem *keyboard = window->findChild<QQuickItem *>(QStringLiteral("onScreenKeyboard"));
    const QRectF keys = keyboardRect(window);
    const QRectF screen(0, 0, window->width(), window->height());

    // The layer on top: an open dialog (the last one opened), else everything.
    // (A dialog's item is a child item of the overlay, and a QObject child of its Popup.)
    QQuickItem *layer = root;
    std::function<void(QQuickItem *)> findDialog = [&](QQuickItem *item) {
        if (isA(item, "QQuickPopupItem") && !hidden(item))
            layer = item;
        const QList<QQuickItem *> children = paintOrder(item);
        for (QQuickItem *child : children)
            findDialog(child);
    };
    findDialog(root);
    Found found;
    collect(layer, keyboard, &found);

    QList<QPair<QQuickItem *, QRectF>> shownControls;
    for (QQuickItem *control : std::as_const(found.controls)) {
        if (under(control, keyboard))
            continue;
        const QRectF whole = itemRect(control);
        bool cut = false;
        const QRectF seen = visiblePart(control, whole, &cut);
        if (seen.isEmpty() || (!cut && (seen.width() < Slack || seen.height() < Slack)))
            continue; // scrolled away (a sliver of a pixel at the edge too)
        const QString name = describe(control);
        shownControls << qMakePair(control, seen);
        checkPlace(name, whole, seen, cut, screen, keys, &problems);
        if (whole.width() + Slack < options.minTouch || whole.height() + Slack < options.minTouch)
            problems << QStringLiteral("%1 is %2 x %3 px, smaller than %4 x %4")
                            .arg(name)
                            .arg(qRound(whole.width()))
                            .arg(qRound(whole.height()))
                            .arg(options.minTouch);
        // A tap at its centre and a little around it reaches it, not something over it.
        const QPointF c = seen.center();
        const qreal dx = seen.width() / 4;
        const qreal dy = seen.height() / 4;
        for (const QPointF &p :
             {c, c + QPointF(-dx, -dy), c + QPointF(dx, -dy), c + QPointF(-dx, dy), c + QPointF(dx, dy)}) {
            QQuickItem *hit = itemAt(root, p, control); // a disabled button is there all the same
            // A list row the view has let go of but not yet deleted (still being created when the
            // model changed: Qt keeps it, unpainted, until it is done) lies exactly under or over
            // the row that replaced it: the same kind of row in the same place is not a cover.
            QQuickItem *hitRow = hit;
            while (hitRow && hitRow->parentItem() != control->parentItem())
                hitRow = hitRow->parentItem();
            if (hitRow && hitRow != control && hitRow->metaObject() == control->metaObject() &&
                itemRect(hitRow) == itemRect(control))
                continue;
            if (!under(hit, control)) {
                problems << QStringLiteral("%1 at %2 is covered by %3 at %4")
                                .arg(name, where(seen), describe(hit),
                                     hit ? where(itemRect(hit)) : QString());
                break;
            }
        }
        if (isA(control, "QQuickAbstractButton") && !isA(control, "QQuickItemDelegate")) {
            auto *label = control->property("contentItem").value<QQuickItem *>();
            if (label && label->property("truncated").toBool())
                problems << QStringLiteral("%1: its label is elided").arg(name);
        }
    }

    QList<QPair<QQuickItem *, QRectF>> shownTexts;
    for (QQuickItem *text : std::as_const(found.texts)) {
        if (under(text, keyboard))
            continue;
        const QRectF painted = sceneRect(text, text->boundingRect());
        bool cut = false;
        const QRectF seen = visiblePart(text, painted, &cut);
        if (seen.isEmpty())
            continue;
        const QString name = describe(text);
        checkPlace(name, painted, seen, cut, screen, keys, &problems);
        bool mayElide = false;
        for (const QQuickItem *a = text; a && !mayElide; a = a->parentItem())
            mayElide = isA(a, "QQuickItemDelegate") || options.mayElideUnder.contains(a->objectName());
        if (!mayElide && text->property("truncated").toBool())
            problems << QStringLiteral("%1 is elided").arg(name);
        // Over another text, or over a control it is not part of.
        for (const auto *shown : {&shownTexts, &shownControls}) {
            for (const auto &[other, rect] : *shown) {
                if (!under(text, other) && !under(other, text) && overlaps(seen, rect))
                    problems << QStringLiteral("%1 at %2 overlaps %3 at %4")
                                    .arg(name, where(seen), describe(other), where(rect));
            }
        }
        shownTexts << qMakePair(text, seen);
    }
    if (!keys.isEmpty())
        checkKeys(keyboard, &problems);
    return problems;
}

void LayoutAudit::checkKeys(QQuickItem *keyboard, QStringList *problems)
{
    // The keyboard's keys (its BaseKey items: a `weight` and a `displayText`) of the layout shown.
    QList<QPair<QQuickItem *, QRectF>> shown;
    std::function<void(QQuickItem *)> find = [&](QQuickItem *item) {
        if (hidden(item))
            return;
        if (item->property("weight").isValid() && item->property("displayText").isValid() &&
            item->width() > 0 && item->height() > 0) {
            shown << qMakePair(item, itemRect(item));
            return;
        }
        const QList<QQuickItem *> children = item->childItems();
        for (QQuickItem *child : children)
            find(child);
    };
    find(keyboard);
    const QRectF whole = itemRect(keyboard).adjusted(-Slack, -Slack, Slack, Slack);
    auto name = [](QQuickItem *key) {
        const QString text = key->property("displayText").toString();
        return QStringLiteral("the keyboard's key %1")
            .arg(text.isEmpty() ? QString::fromLatin1(key->metaObject()->className()) : u'"' + text + u'"');
    };
    // Letter keys are all of one width in every row; one that is not shows a layout left over from
    // another width.
    QList<qreal> letters;
    for (const auto &[key, rect] : std::as_const(shown)) {
        const QString text = key->property("displayText").toString();
        if (text.size() == 1 && text.at(0).isLetter())
            letters << rect.width();
    }
    std::sort(letters.begin(), letters.end());
    const qreal letter = letters.isEmpty() ? 0 : letters.at(letters.size() / 2);
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const auto &[key, rect] = shown.at(i);
        const QString text = key->property("displayText").toString();
        if (text.size() == 1 && text.at(0).isLetter() && qAbs(rect.width() - letter) > 0.15 * letter)
            *problems << QStringLiteral(
                             "%1 is %2 px wide, most letters %3: the keyboard's layout is out of date")
                             .arg(name(key))
                             .arg(qRound(rect.width()))
                             .arg(qRound(letter));
        if (!whole.contains(rect))
            *problems << QStringLiteral("%1 at %2 is outside the keyboard at %3")
                             .arg(name(key), where(rect), where(itemRect(keyboard)));
        for (qsizetype j = i + 1; j < shown.size(); ++j) {
            if (overlaps(rect, shown.at(j).second))
                *problems << QStringLiteral("%1 at %2 overlaps %3 at %4")
                                 .arg(name(key), where(rect), name(shown.at(j).first),
                                      where(shown.at(j).second));
        }
    }
}

} // namespace checkin::ui
