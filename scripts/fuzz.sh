#!/usr/bin/env bash
# Fuzzes with libFuzzer (swiftc -sanitize=fuzzer) and AddressSanitizer.
#   scripts/fuzz.sh extract [SECONDS]   the extractor, seeded with the dev corpus texts
#   scripts/fuzz.sh numbers [SECONDS]   the number parser, limits and spreadsheet cells
# (default 300 s). Inputs that crash are written to .build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?extract or numbers}
seconds=${2:-300}
case "$target" in
  extract) source=Fuzz/ExtractFuzzer.swift; modules=(ChiTieuCore ChiTieuExtract) ;;
  numbers) source=Fuzz/NumberFuzzer.swift; modules=(ChiTieuCore) ;;
  *) echo "unknown fuzz target: $target (extract or numbers)" >&2; exit 2 ;;
esac
out=.build-fuzz/release
swift build -c release --scratch-path .build-fuzz --target "${modules[-1]}" -Xswiftc -sanitize=fuzzer,address >/dev/null
objects=()
for m in "${modules[@]}"; do objects+=("$out/$m.build"/*.o); done
swiftc -O -sanitize=fuzzer,address -parse-as-library -I "$out/Modules" "$source" "${objects[@]}" \
  -o ".build-fuzz/$target-fuzzer"
corpus=".build-fuzz/corpus-$target"
mkdir -p "$corpus" .build-fuzz/crashes
if [ "$target" = extract ]; then
  cp ../shared/corpus/dev/*.txt "$corpus"/ 2>/dev/null || true
else
  printf '%s' '4.790,86' >"$corpus/a"; printf '%s' '-1,7e308' >"$corpus/b"; printf '%s' 'hơn 10.040' >"$corpus/c"
  printf '%s' '999.999.999.999.999.999.999' >"$corpus/d"; printf '%s' '=HYPERLINK("x")' >"$corpus/e"
fi
exec ".build-fuzz/$target-fuzzer" "$corpus" -max_total_time="$seconds" -max_len=65536 \
  -artifact_prefix=.build-fuzz/crashes/ -print_final_stats=1
