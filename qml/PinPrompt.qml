import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Asks for a PIN over the whole window: a title, what it is for, the PIN pad, what went wrong, and
// Cancel. The owner checks the PIN (`checking` while it does: the pad says so and takes no input)
// and sets `message` or closes the prompt.
Rectangle {
    id: prompt
    property string title: ""
    property string subtitle: ""
    property string message: ""
    property bool locked: false
    property bool checking: false
    property bool shown: false
    signal entered(pin: string)
    signal cancelled()

    visible: shown
    color: Theme.background

    function open(heading: string, detail: string) {
        title = heading
        subtitle = detail
        pad.clear()
        shown = true
        pad.forceActiveFocus()
        InputDevices.hideKeyboard() // digits on the pad; no text field here
    }
    function close() {
        pad.clear()
        shown = false
    }

    // Nothing underneath takes a tap while the prompt is up.
    MouseArea {
        anchors.fill: parent
    }

    // A short screen (a small tablet in landscape, larger text): smaller keys, and it scrolls.
    readonly property bool compact: height < 720
    Flickable {
        id: scroller
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 24
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(scroller.width - 2 * Theme.margin, 620)
            x: (scroller.width - width) / 2
            y: Math.max(12, (scroller.height - implicitHeight) / 2)
            spacing: prompt.compact ? 8 : 14

            Text {
                Layout.fillWidth: true
                text: prompt.title
                font.pixelSize: prompt.compact ? Theme.large : Theme.title
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                // Room for a line even when empty, so the pad stays where it was between two steps.
                Layout.minimumHeight: Theme.body * 1.4
                text: prompt.subtitle
                font.pixelSize: Theme.body
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            PinPad {
                id: pad
                Layout.alignment: Qt.AlignHCenter
                enabled: !prompt.locked
                busy: prompt.checking
                compact: prompt.compact
                focus: true
                onSubmitted: (pin) => prompt.entered(pin)
            }
            Text {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.body * 1.4
                text: prompt.checking ? "" : prompt.message
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.stop
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            BigButton {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Cancel")
                filled: false
                onClicked: {
                    prompt.close()
                    prompt.cancelled()
                }
            }
        }
    }
}
