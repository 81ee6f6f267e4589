# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later

# Every source file of the project (C++, QML, CMake, shell, Python) says its licence in an SPDX
# header within its first five lines; the licence itself is LICENSE at the top.
# Usage: cmake -DSOURCE_DIR=<source directory> -P spdx-headers.cmake
set(patterns *.cpp *.h *.qml *.cmake CMakeLists.txt *.sh *.py)
set(files ${SOURCE_DIR}/CMakeLists.txt ${SOURCE_DIR}/.ci/run)
foreach(dir src qml tests installers resources)
    foreach(pattern IN LISTS patterns)
        file(GLOB_RECURSE found ${SOURCE_DIR}/${dir}/${pattern})
        list(APPEND files ${found})
    endforeach()
endforeach()
list(REMOVE_DUPLICATES files)
set(missing)
foreach(file IN LISTS files)
    file(STRINGS ${file} head LIMIT_COUNT 5)
    if(NOT head MATCHES "SPDX-License-Identifier: GPL-3.0-or-later")
        list(APPEND missing ${file})
    endif()
endforeach()
list(LENGTH files total)
if(missing)
    list(JOIN missing "\n  " list)
    message(FATAL_ERROR "No SPDX licence header in:\n  ${list}")
endif()
if(NOT EXISTS ${SOURCE_DIR}/LICENSE)
    message(FATAL_ERROR "LICENSE is missing")
endif()
message(STATUS "SPDX headers: all ${total} source files")
