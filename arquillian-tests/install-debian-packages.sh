#!/usr/bin/env bash
# Makes sure Debian packages the integration tests need are there: does nothing when every PATH
# exists; otherwise installs the PACKAGEs with apt-get, as root or through sudo (without a password),
# and checks the PATHs again. Re-runnable. The install-*.sh scripts beside it name what they need.
#
#   install-debian-packages.sh PURPOSE PATH... -- PACKAGE...
set -euo pipefail

purpose="$1"
shift
paths=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  paths+=("$1")
  shift
done
shift
packages=("$@")

missing() {
  for p in "${paths[@]}"; do
    [ -e "$p" ] || return 0
  done
  return 1
}

if ! missing; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$(basename "$0"): ${paths[*]} missing and there is no apt-get to install them: install ${packages[*]} ($purpose)" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "$(basename "$0"): ${paths[*]} missing; installing them needs root:" \
    "run 'apt-get install ${packages[*]}' as root (or give this user sudo without a password)" >&2
  exit 1
fi

echo "Installing Debian's ${packages[*]} ($purpose)"
# ${as_root[@]+...}: an empty array is "unbound" to set -u in bash before 4.4
if ! ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"; then
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update
  ${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"
fi

if missing; then
  echo "$(basename "$0"): installed ${packages[*]}, but one of ${paths[*]} is still missing" >&2
  exit 1
fi
