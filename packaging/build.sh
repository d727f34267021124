#!/usr/bin/env bash
# Build the one-folder Bestellkompass bundle for the platform this runs on (Linux, macOS, or
# Windows under Git Bash). Needs only python3 with pip and venv; see packaging/README.md.
#
#   packaging/build.sh                 dedicated venv in packaging/build/venv (made on first run)
#   packaging/build.sh --python PY     use PY's environment instead (e.g. the current venv)
#   packaging/build.sh --archive       also pack the bundle (.tar.xz on Linux/macOS, .zip on Windows)
#   packaging/build.sh --selftest      run the bundled `--selftest` after the build
#   packaging/build.sh --clean         forget PyInstaller's cache and the previous bundle first
#
# Output: packaging/dist/bestellkompass/ (on macOS also packaging/dist/Bestellkompass.app).
# Intermediate files: packaging/build/. Both are git-ignored.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SPEC="$HERE/bestellkompass.spec"
DIST="$HERE/dist"
WORK="$HERE/build"
VENV="$WORK/venv"

PYTHON=""
ARCHIVE=0
SELFTEST=0
CLEAN=0

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --python) PYTHON="$2"; shift 2 ;;
        --python=*) PYTHON="${1#--python=}"; shift ;;
        --archive) ARCHIVE=1; shift ;;
        --selftest) SELFTEST=1; shift ;;
        --clean) CLEAN=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "build.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

venv_python() {
    if [ -x "$1/bin/python" ]; then echo "$1/bin/python"; else echo "$1/Scripts/python.exe"; fi
}

if [ -z "$PYTHON" ]; then
    if [ ! -d "$VENV" ]; then
        echo "== creating the build venv in $VENV"
        python3 -m venv "$VENV"
    fi
    PYTHON="$(venv_python "$VENV")"
fi
echo "== Python: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"

# The project itself (once) and the `packaging` extra (PyInstaller), both from pyproject.toml.
if ! "$PYTHON" -c 'import importlib.metadata as m; m.version("bestellkompass")' 2>/dev/null; then
    echo "== installing bestellkompass[packaging]"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check -e "${REPO}[packaging]"
else
    # shellcheck disable=SC2207 # requirement strings have no spaces
    EXTRA=($("$PYTHON" "$HERE/bundle_contents.py" packaging-requirements))
    echo "== installing the packaging extra: ${EXTRA[*]}"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check "${EXTRA[@]}"
fi

eval "$("$PYTHON" "$HERE/bundle_contents.py" metadata)"  # sets APP_NAME, APP_DISPLAY_NAME, APP_VERSION
echo "== building $APP_DISPLAY_NAME $APP_VERSION"

CLEAN_FLAG=""
if [ "$CLEAN" = 1 ]; then
    rm -rf "${DIST:?}/$APP_NAME" "$DIST/$APP_DISPLAY_NAME.app"
    CLEAN_FLAG="--clean"
fi
START=$SECONDS
# shellcheck disable=SC2086 # CLEAN_FLAG is empty or one word
"$PYTHON" -m PyInstaller --noconfirm $CLEAN_FLAG --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" "$SPEC"
BUNDLE="$DIST/$APP_NAME"
echo "== built $BUNDLE in $((SECONDS - START)) s"
# For the installer recipes (macos/build_dmg.sh): what was built, as shell assignments.
"$PYTHON" "$HERE/bundle_contents.py" metadata > "$DIST/build-info.env"

if [ "$(uname -s)" = "Linux" ]; then
    # menu entry, icon and .bkshop file type for ./install.sh in the unpacked folder
    mkdir -p "$BUNDLE/share"
    cp "$HERE/linux/bestellkompass.desktop" "$HERE/linux/bestellkompass-mime.xml" \
        "$REPO/resources/icons/bestellkompass.svg" "$BUNDLE/share/"
    cp "$HERE/linux/install.sh" "$BUNDLE/install.sh"
fi

EXE="$BUNDLE/$APP_NAME"
[ -x "$EXE" ] || EXE="$BUNDLE/$APP_NAME-cli"
[ -x "$EXE" ] || EXE="$BUNDLE/$APP_NAME-cli.exe"
echo "== size unpacked: $(du -sh "$BUNDLE" | cut -f1)"

if [ "$SELFTEST" = 1 ]; then
    echo "== $EXE --selftest"
    "$EXE" --selftest
fi

if [ "$ARCHIVE" = 1 ]; then
    ARCHIVE_BASE="$DIST/$APP_NAME-$APP_VERSION-$("$PYTHON" -c 'import sys; print(sys.platform)')"
    if command -v xz >/dev/null 2>&1 && command -v tar >/dev/null 2>&1; then
        tar -C "$DIST" -cf - "$APP_NAME" | xz -T0 -6 > "$ARCHIVE_BASE.tar.xz"
        echo "== archive: $ARCHIVE_BASE.tar.xz $(du -h "$ARCHIVE_BASE.tar.xz" | cut -f1)"
    else
        "$PYTHON" -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2], sys.argv[3])' \
            "$ARCHIVE_BASE" "$DIST" "$APP_NAME"
        echo "== archive: $ARCHIVE_BASE.zip $(du -h "$ARCHIVE_BASE.zip" | cut -f1)"
    fi
fi
