#!/usr/bin/env bash
# Fuzzes the extractor with libFuzzer (swiftc -sanitize=fuzzer) and AddressSanitizer.
#   scripts/fuzz-extract.sh [SECONDS]     (default 300)
# Seeds are the dev corpus texts; inputs that crash are written to .build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
out=.build-fuzz/release
swift build -c release --scratch-path .build-fuzz --target ChiTieuExtract -Xswiftc -sanitize=fuzzer,address >/dev/null
swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$out/Modules" \
  Fuzz/ExtractFuzzer.swift "$out"/ChiTieuCore.build/*.o "$out"/ChiTieuExtract.build/*.o -o .build-fuzz/extract-fuzzer
mkdir -p .build-fuzz/corpus .build-fuzz/crashes
cp ../shared/corpus/dev/*.txt .build-fuzz/corpus/ 2>/dev/null || true
exec .build-fuzz/extract-fuzzer .build-fuzz/corpus -max_total_time="$seconds" -max_len=65536 \
  -artifact_prefix=.build-fuzz/crashes/ -print_final_stats=1
