#!/usr/bin/env bash
# Build Bestellkompass.app (PyInstaller, windowed) and pack it into a compressed .dmg with hdiutil.
# Runs on macOS only; options are passed on to packaging/build.sh (e.g. --python PY, --clean).
#   packaging/macos/build_dmg.sh        ->  packaging/dist/Bestellkompass-<version>.dmg
# Signing: ad-hoc by default (runs on the building Mac, Gatekeeper asks elsewhere); set
# MACOS_SIGN_IDENTITY="Developer ID Application: ..." to sign for distribution (then notarize,
# see packaging/README.md).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PACKAGING="$(cd "$HERE/.." && pwd)"
DIST="$PACKAGING/dist"

if [ "$(uname -s)" != "Darwin" ]; then
    echo "build_dmg.sh needs macOS (hdiutil, codesign); on this system use packaging/build.sh" >&2
    exit 2
fi

"$PACKAGING/build.sh" --selftest "$@"
# shellcheck source=/dev/null
source "$DIST/build-info.env"  # APP_NAME, APP_DISPLAY_NAME, APP_VERSION

APP="$DIST/$APP_DISPLAY_NAME.app"
[ -d "$APP" ] || { echo "$APP was not built" >&2; exit 1; }
"$APP/Contents/MacOS/$APP_NAME-cli" --selftest

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
codesign --force --deep --options runtime --sign "${MACOS_SIGN_IDENTITY:--}" \
    "$STAGE/$APP_DISPLAY_NAME.app"

DMG="$DIST/$APP_DISPLAY_NAME-$APP_VERSION.dmg"
# ULMO = LZMA-compressed image (macOS 10.15+): the smallest download.
hdiutil create -volname "$APP_DISPLAY_NAME $APP_VERSION" -srcfolder "$STAGE" -ov -format ULMO "$DMG"
echo "== $DMG $(du -h "$DMG" | cut -f1)"
