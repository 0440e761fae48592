#!/usr/bin/env bash
# Makes sure the hardware-key tests' PKCS#11 module is there: Debian's SoftHSM2, whose module is
# /usr/lib/softhsm/libsofthsm2.so and whose tool softhsm2-util makes the tests' tokens (HardwareKeyIT).
# Does nothing when both are installed; otherwise installs softhsm2 with apt-get, as root or through sudo.
#
#   install-softhsm.sh
#
# Run by `mvn verify` in arquillian-tests (phase pre-integration-test), so a fresh machine gets it
# too. Re-runnable.
set -euo pipefail

module=/usr/lib/softhsm/libsofthsm2.so

if [ -f "$module" ] && command -v softhsm2-util >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-softhsm.sh: $module or softhsm2-util is missing and there is no apt-get to install them:" \
    "install SoftHSM2 (package softhsm2)" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-softhsm.sh: SoftHSM2 is missing; installing it needs root:" \
    "run 'apt-get install softhsm2' as root (or give this user sudo without a password)" >&2
  exit 1
fi

echo "Installing Debian's softhsm2 (for the hardware-key tests)"
# ${as_root[@]+...}: an empty array is "unbound" to set -u in bash before 4.4
if ! ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y softhsm2; then
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y softhsm2
fi

if [ ! -f "$module" ]; then
  echo "install-softhsm.sh: installed softhsm2, but $module is still missing" >&2
  exit 1
fi
