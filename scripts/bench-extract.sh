#!/usr/bin/env bash
# Extraction throughput in a release build, on one core: the dev corpus repeated to 50 MB,
# then single documents of 1, 4 and 16 MB to show the time grows linearly with length.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/dev}
swift build -c release --static-swift-stdlib --product extract-benchmark >/dev/null
exec taskset -c 0 .build/release/extract-benchmark "$corpus" "${2:-50}" Sources/ChiTieuStore/Resources/catalogue.json
