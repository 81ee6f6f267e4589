// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Qt Quick Test runner for the tst_*.qml files here, on the real Kiosk QML module.
#include "QmlTestSetup.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, QmlTestSetup)
