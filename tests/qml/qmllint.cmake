# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# qmllint on every QML file of the Kiosk module, through the kiosk_ui_qmllint target that
# qt_add_qml_module makes (it knows the module's types and resources). Passes only when qmllint
# says nothing at all: no warning and no info (such as an unused import).
# Usage: cmake -DBUILD_DIR=<build directory> -P qmllint.cmake
execute_process(
    COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target kiosk_ui_qmllint
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output
    RESULT_VARIABLE result)
string(REGEX MATCHALL "(Warning|Info|Error): [^\n]*" findings "${output}")
list(LENGTH findings count)
if(NOT result EQUAL 0 OR count GREATER 0)
    message(FATAL_ERROR "qmllint: ${count} finding(s), exit ${result}\n${output}")
endif()
message(STATUS "qmllint: every QML file of the Kiosk module is clean")
