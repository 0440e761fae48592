#!/usr/bin/env bash
# Makes sure the browser of the page tests (SelfHelpPageIT) is there: Debian's chromium and its
# driver, at /usr/bin/chromium and /usr/bin/chromedriver, the paths the tests use (they never let
# Selenium download a browser or a driver of its own). Does nothing when both are installed;
# otherwise installs them with apt-get, as root or through sudo.
#
#   install-chromium.sh
#
# Run by `mvn verify` in arquillian-tests (phase pre-integration-test), so a fresh machine gets
# them too. Re-runnable.
set -euo pipefail

browser=/usr/bin/chromium
driver=/usr/bin/chromedriver

if [ -x "$browser" ] && [ -x "$driver" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium.sh: $browser or $driver is missing and there is no apt-get to install them:" \
    "install Chromium and its ChromeDriver at those paths" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-chromium.sh: $browser or $driver is missing; installing them needs root:" \
    "run 'apt-get install chromium chromium-driver' as root (or give this user sudo without a password)" >&2
  exit 1
fi

echo "Installing Debian's chromium and chromium-driver (for the page tests)"
# ${as_root[@]+...}: an empty array is "unbound" to set -u in bash before 4.4
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver

for f in "$browser" "$driver"; do
  if [ ! -x "$f" ]; then
    echo "install-chromium.sh: installed chromium and chromium-driver, but $f is still missing" >&2
    exit 1
  fi
done
