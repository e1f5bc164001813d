#!/usr/bin/env bash
# `chitieu extract --out DIR` as a user runs it, over 1.300 and 26.000 files of real size (the
# dev corpus's texts, copied round-robin into a scratch folder that is removed afterwards), on
# one core, release build; beside `grep -c` over the same bytes. Prints MB/s, time per file and
# the ratio of the time per file at 26.000 to that at 1.300 (1,00 = linear in the number of files).
# By hand, not in CI: bash scripts/bench-extract-cli.sh [corpus] [counts…]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/dev}
shift || true
counts=("${@:-1300 26000}")
read -r -a counts <<<"${counts[*]}"
swift build -c release --static-swift-stdlib --product chitieu 2>&1 | tail -1
binary=$(swift build -c release --static-swift-stdlib --show-bin-path)/chitieu
scratch=$(mktemp -d)
# Outputs on tmpfs when there is one, so the figure is the command's, not the disk's.
outputs=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$scratch" "$outputs"' EXIT

python3 - "$corpus" "$scratch" "${counts[@]}" <<'PY'
import glob, os, sys
corpus, scratch, counts = sys.argv[1], sys.argv[2], [int(c) for c in sys.argv[3:]]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(corpus, "*.txt")))]
for n in counts:
    folder = os.path.join(scratch, str(n))
    os.makedirs(folder)
    for i in range(n):
        with open(os.path.join(folder, f"bao-cao-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(texts[i % len(texts)])
PY

first="$scratch/first-per-file"
for n in "${counts[@]}"; do
    folder="$scratch/$n"
    bytes=$(cat "$folder"/*.txt | wc -c)
    start=$(date +%s.%N)
    taskset -c 0 "$binary" extract --out "$outputs/$n" "$folder"/*.txt 2>/dev/null
    end=$(date +%s.%N)
    gstart=$(date +%s.%N)
    taskset -c 0 grep -c "tỷ đồng" "$folder"/*.txt >/dev/null || true
    gend=$(date +%s.%N)
    written=$(find "$outputs/$n" -name '*.json' | wc -l)
    python3 - "$n" "$bytes" "$start" "$end" "$gstart" "$gend" "$written" "$first" <<'PY'
import os, sys
n, size, s, e, gs, ge, written, first = sys.argv[1:]
n, size, written = int(n), int(size), int(written)
took, grep = float(e) - float(s), float(ge) - float(gs)
per_file = took / n * 1000
line = (f"{n} files, {size / 1e6:.1f} MB: chitieu extract {took:.2f} s, {size / 1e6 / took:.2f} MB/s, "
        f"{per_file:.3f} ms per file, {written} JSON written; grep -c {grep:.2f} s, {size / 1e6 / grep:.0f} MB/s")
if os.path.exists(first):
    line += f"; time per file × {per_file / float(open(first).read()):.2f} of the first count's"
else:
    open(first, "w").write(str(per_file))
print(line)
PY
done
