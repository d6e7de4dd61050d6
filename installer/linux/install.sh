#!/usr/bin/env sh
# Add GIS Desk to this user's desktop menu, without root.
#
# Run it from the unpacked bundle (the folder holding the `gisdesk` program):
#     ./install.sh              menu entry, icons, .gdproj file type, ~/.local/bin/gisdesk
#     ./install.sh --uninstall  remove exactly those again (the bundle folder itself stays)
#
# Why per-user under ~/.local/share: city offices rarely give GIS staff root, and the XDG
# directories there are read by every desktop (GNOME, KDE, Xfce). The program is not copied:
# the menu entry points at this folder, so move the folder first if you want it elsewhere
# (then run ./install.sh again).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
EXE="$HERE/gisdesk"
ICONS="$HERE/_internal/resources/icons"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
SIZES="16 24 32 48 64 128 256 512"

refresh() {
  # Each tool is optional: desktops pick the files up at next login anyway.
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$DATA/applications/gisdesk.desktop" "$DATA/mime/packages/gisdesk.xml"
  for n in $SIZES; do
    rm -f "$DATA/icons/hicolor/${n}x${n}/apps/gisdesk.png" \
          "$DATA/icons/hicolor/${n}x${n}/mimetypes/application-x-gisdesk-project.png"
  done
  rm -f "$DATA/icons/hicolor/scalable/apps/gisdesk.svg" \
        "$DATA/icons/hicolor/scalable/mimetypes/application-x-gisdesk-project.svg"
  # Only our own link: a different gisdesk the user put there stays.
  if [ -L "$BIN/gisdesk" ] && [ "$(readlink "$BIN/gisdesk")" = "$EXE" ]; then rm -f "$BIN/gisdesk"; fi
  refresh
  echo "GIS Desk removed from the menu. Delete $HERE to remove the program."
  exit 0
fi

[ -x "$EXE" ] || { echo "install.sh: $EXE not found; run me from the unpacked bundle" >&2; exit 1; }

mkdir -p "$DATA/applications" "$DATA/mime/packages" "$BIN" \
         "$DATA/icons/hicolor/scalable/apps" "$DATA/icons/hicolor/scalable/mimetypes"
for n in $SIZES; do
  mkdir -p "$DATA/icons/hicolor/${n}x${n}/apps" "$DATA/icons/hicolor/${n}x${n}/mimetypes"
  cp "$ICONS/gisdesk-$n.png" "$DATA/icons/hicolor/${n}x${n}/apps/gisdesk.png"
  cp "$ICONS/gisdesk-$n.png" "$DATA/icons/hicolor/${n}x${n}/mimetypes/application-x-gisdesk-project.png"
done
cp "$ICONS/gisdesk.svg" "$DATA/icons/hicolor/scalable/apps/gisdesk.svg"
cp "$ICONS/gisdesk.svg" "$DATA/icons/hicolor/scalable/mimetypes/application-x-gisdesk-project.svg"
cp "$HERE/gisdesk-mime.xml" "$DATA/mime/packages/gisdesk.xml"

# The shipped entry says Exec=gisdesk; point it at this folder so it works without PATH.
# (| as the sed separator: paths contain slashes; a path with | is not supported.)
sed -e "s|^Exec=gisdesk |Exec=\"$EXE\" |" -e "s|^TryExec=gisdesk\$|TryExec=$EXE|" \
    "$HERE/gisdesk.desktop" > "$DATA/applications/gisdesk.desktop"
chmod 644 "$DATA/applications/gisdesk.desktop"

ln -sf "$EXE" "$BIN/gisdesk"
refresh
echo "GIS Desk added to the menu (Science / Geography) and linked as $BIN/gisdesk."
case ":$PATH:" in *":$BIN:"*) ;; *) echo "Note: $BIN is not on your PATH; add it to run 'gisdesk' from a terminal." ;; esac
