#!/usr/bin/env bash
# Fetches Dear ImGui 1.86 from Debian's source package into third_party/imgui-1.86 (not
# committed), for the page's heat view. Uses a private apt sources list derived from the
# machine's own, so the machine's apt configuration is untouched (shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
target=third_party/imgui-1.86
[ -f "$target/imgui.cpp" ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/parts" "$work/lists/partial" "$work/download"
sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$work/parts/src.sources"
apt_options=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/parts"
             -o "Dir::State::Lists=$work/lists")
apt-get "${apt_options[@]}" update -qq 2>/dev/null
(cd "$work/download" && apt-get "${apt_options[@]}" source --download-only imgui >/dev/null 2>&1)
mkdir -p third_party
tar -xf "$work"/download/imgui_1.86+ds.orig.tar.xz -C third_party
[ -f "$target/imgui.cpp" ] || { echo "fetch_imgui: imgui sources not found after download" >&2; exit 1; }
echo "fetch_imgui: Dear ImGui 1.86 in $target"
