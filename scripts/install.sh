#!/bin/sh
# The one install command, run by CI (.ci/run) and by the Dockerfile, so the
# image installs exactly as the tested checkout does.
#
# Why `npm install` and not `npm ci`: `npm ci` refuses a lock file that does
# not list every platform's optional binaries (@next/swc-darwin-*,
# @napi-rs/canvas-android-arm64, …) with EUSAGE "package.json and
# package-lock.json are not in sync", on any machine. The registry this
# project is developed against does not serve those other platforms'
# packages, so the lock cannot list them. `npm install` installs the locked
# versions all the same (it only adds the missing optional entries) and runs
# the postinstall step (`prisma generate`, offline).
set -eu
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund
