#!/usr/bin/env bash
# Makes sure the openssl command is there: LicenseFileIT checks license files' CMS signatures with
# `openssl cms -verify`, as an enterprise would. Run by `mvn verify` in arquillian-tests (phase
# pre-integration-test), so a fresh machine gets it too.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../install-debian-packages.sh" "the license files' CMS check" \
  /usr/bin/openssl -- openssl
