// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <concepts>
#include <functional>
#include <utility>

namespace checkin {

// A text for the screen kept as the way to write it (tr() and its arguments) instead of the words,
// so that it is written again in the language of the moment each time it is read: a view model
// keeps one, reads it when QML asks, and re-emits its NOTIFY signal on QEvent::LanguageChange.
// Words that arrive finished (a server's message, a path) are kept as they came. The sync engine's
// problems are made this way too, so a screen that shows one follows a change of language.
class LiveText
{
public:
    LiveText() = default;
    // Finished words: shown as they are, in whatever language they were written.
    LiveText(const QString &words)
    {
        if (!words.isEmpty())
            m_write = [words] { return words; };
    }
    // A recipe, e.g. [n] { return tr("%n check-ins", nullptr, n); }
    template<typename Write>
    requires std::invocable<Write> && std::convertible_to<std::invoke_result_t<Write>, QString>
    LiveText(Write write)
        : m_write(std::move(write))
    {}

    bool operator==(const LiveText &other) const { return toString() == other.toString(); }

    QString toString() const { return m_write ? m_write() : QString(); }
    bool isEmpty() const { return !m_write; }

private:
    std::function<QString()> m_write;
};

} // namespace checkin
