#!/usr/bin/env bash
# Installs what the build and the tests need, once: Debian packages and the npm packages of the
# committed lock file. Quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(cmake ninja-build g++ emscripten nlohmann-json3-dev googletest chromium awscli python3-boto3)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.lock-installed; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.lock-installed
fi

# Dear ImGui for the page's heat view, from Debian's source package (not committed).
bash scripts/fetch_imgui.sh
