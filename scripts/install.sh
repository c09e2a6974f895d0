#!/bin/sh
# The one install command, run by CI (.ci/run) and by the Dockerfile, so the
# image installs exactly as the tested checkout does.
#
# `npm ci` installs exactly what package-lock.json says and fails when the
# lock and package.json disagree, so an image can never install versions CI
# did not test. The lock lists every platform's optional binaries
# (@next/swc-*, @napi-rs/canvas-*, …) even though only this platform's are
# installed: without those entries `npm ci` refuses the lock on any machine
# ("not in sync … Missing: @napi-rs/canvas-android-arm64"). `npm install`
# writes them; commit the lock it produces. The postinstall step runs
# `prisma generate`, offline.
set -eu
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
