#!/usr/bin/env bash
# Install the unpacked Bestellkompass folder for this user (no root): a `bestellkompass` command in
# ~/.local/bin, the menu entry, the icon and the .bkshop file type. Run it from the unpacked folder:
#
#   ./install.sh             install (the program stays where this folder is: move it first)
#   ./install.sh --uninstall remove the menu entry, command, icon and file type again
#
# The shop files (~/.local/share/Bestellkompass) are never touched.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="${BESTELLKOMPASS_BIN_DIR:-$HOME/.local/bin}"

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$BIN/bestellkompass" "$DATA/applications/bestellkompass.desktop" \
        "$DATA/icons/hicolor/scalable/apps/bestellkompass.svg" \
        "$DATA/mime/packages/bestellkompass-mime.xml"
    refresh
    echo "Bestellkompass removed from the menu. Your shop files stay in $DATA/Bestellkompass."
    exit 0
fi
if [ $# -gt 0 ]; then
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

[ -x "$HERE/bestellkompass" ] || { echo "install.sh: $HERE/bestellkompass not found" >&2; exit 1; }
mkdir -p "$BIN" "$DATA/applications" "$DATA/icons/hicolor/scalable/apps" "$DATA/mime/packages"
ln -sfn "$HERE/bestellkompass" "$BIN/bestellkompass"
sed "s|^Exec=bestellkompass|Exec=\"$HERE/bestellkompass\"|; s|^TryExec=bestellkompass|TryExec=$HERE/bestellkompass|" \
    "$HERE/share/bestellkompass.desktop" > "$DATA/applications/bestellkompass.desktop"
cp "$HERE/share/bestellkompass.svg" "$DATA/icons/hicolor/scalable/apps/bestellkompass.svg"
cp "$HERE/share/bestellkompass-mime.xml" "$DATA/mime/packages/bestellkompass-mime.xml"
refresh
echo "Bestellkompass installed: menu entry, command $BIN/bestellkompass, .bkshop files open in it."
