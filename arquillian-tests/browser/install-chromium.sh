#!/usr/bin/env bash
# Makes sure the browser of the page tests (SelfHelpPageIT) is there: Debian's chromium and its
# driver, at /usr/bin/chromium and /usr/bin/chromedriver, the paths the tests use (they never let
# Selenium download a browser or a driver of its own). Run by `mvn verify` in arquillian-tests
# (phase pre-integration-test), so a fresh machine gets them too.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/../install-debian-packages.sh" "the page tests" \
  /usr/bin/chromium /usr/bin/chromedriver -- chromium chromium-driver
