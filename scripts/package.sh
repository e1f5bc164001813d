#!/usr/bin/env bash
# Builds the release tarball an IT officer installs (README, «Triển khai»):
#   out/chitieu-VERSION-linux-x86_64.tar.gz
# holding a release binary with the Swift runtime linked in (--static-swift-stdlib), its
# resource bundles beside it (Bundle.module looks there first), the systemd units, the nginx
# site, the backup script and install.sh. Prints the tarball's path as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"
swift build -c release --static-swift-stdlib --product chitieu
bin_dir="$(swift build -c release --static-swift-stdlib --show-bin-path)"
version="$("$bin_dir/chitieu" --version | awk '{print $2}')"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "unexpected version «$version»" >&2; exit 1; }
arch="$(uname -m)"
name="chitieu-$version-linux-$arch"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/nginx" "$root/systemd"
cp "$bin_dir/chitieu" "$root/bin/"
strip "$root/bin/chitieu" 2>/dev/null || true
for bundle in "$bin_dir"/chitieu_*.resources; do cp -R "$bundle" "$root/bin/"; done
cp deploy/chitieu.service deploy/chitieu-backup.service deploy/chitieu-backup.timer "$root/systemd/"
cp deploy/chitieu-backup deploy/chitieu-admin deploy/chitieu.env deploy/nginx-chitieu.conf "$root/share/"
cp -R deploy/nginx/chitieu-errors "$root/share/nginx/"
cp deploy/install.sh "$root/"
cp README.md "$root/README.md"
echo "$version" >"$root/VERSION"
mkdir -p "$out"
tarball="$(cd "$out" && pwd)/$name.tar.gz"
tar -C "$stage" --owner=0 --group=0 -czf "$tarball" "$name"
echo "$tarball"
