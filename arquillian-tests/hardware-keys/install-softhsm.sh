#!/usr/bin/env bash
# Makes sure the hardware-key tests' PKCS#11 module is there: Debian's SoftHSM2, whose module is
# /usr/lib/softhsm/libsofthsm2.so and whose softhsm2-util makes the tests' tokens (HardwareKeyIT,
# SeatClusterIT). Run by `mvn verify` in arquillian-tests (phase pre-integration-test), so a fresh
# machine gets it too.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../install-debian-packages.sh" "the hardware-key tests" \
  /usr/lib/softhsm/libsofthsm2.so /usr/bin/softhsm2-util -- softhsm2
