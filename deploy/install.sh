#!/bin/sh
# Installs chitieu from this unpacked tarball, or upgrades an installed one (run as root):
#   /opt/chitieu            the program (bin/) and what it ships (share/)
#   /etc/systemd/system     chitieu.service, chitieu-backup.service, chitieu-backup.timer
#   /usr/local/bin/chitieu-admin  chitieu's commands on the service's database, as its user
#   /etc/chitieu/chitieu.env settings, written only when missing (an upgrade keeps yours)
#   /var/lib/chitieu        the database and backups (created by systemd, owned by chitieu)
# and restarts the service, whose start brings the database to this release's schema.
# DESTDIR=DIR installs under DIR without touching users or systemd (the package check).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
root="${DESTDIR:-}"
prefix="$root/opt/chitieu"
if [ -z "$root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "Cần quyền root: chạy «sudo ./install.sh»." >&2
  exit 1
fi
mkdir -p "$root/opt"
# The new copy is complete before it replaces the old one.
rm -rf "$prefix.new"
mkdir -p "$prefix.new"
cp -R "$here/bin" "$here/share" "$here/README.md" "$here/VERSION" "$prefix.new/"
if [ -d "$prefix" ]; then
  rm -rf "$prefix.old"
  mv "$prefix" "$prefix.old"
fi
mv "$prefix.new" "$prefix"
rm -rf "$prefix.old"
for unit in chitieu.service chitieu-backup.service chitieu-backup.timer; do
  mkdir -p "$root/etc/systemd/system"
  cp "$here/systemd/$unit" "$root/etc/systemd/system/$unit"
  chmod 0644 "$root/etc/systemd/system/$unit"
done
mkdir -p "$root/usr/local/bin"
ln -sf /opt/chitieu/share/chitieu-admin "$root/usr/local/bin/chitieu-admin"
if [ ! -f "$root/etc/chitieu/chitieu.env" ]; then
  mkdir -p "$root/etc/chitieu"
  cp "$here/share/chitieu.env" "$root/etc/chitieu/chitieu.env"
  chmod 0640 "$root/etc/chitieu/chitieu.env"
fi
echo "Đã cài chitieu $(cat "$here/VERSION") vào $prefix."
[ -n "$root" ] && exit 0

if ! id chitieu >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/chitieu --no-create-home --shell /usr/sbin/nologin chitieu
fi
chgrp chitieu /etc/chitieu/chitieu.env
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl enable --quiet chitieu.service chitieu-backup.timer
  systemctl restart chitieu.service
  systemctl start chitieu-backup.timer
  echo "Đã khởi động (lại) dịch vụ chitieu: xem «systemctl status chitieu» và «journalctl -u chitieu»."
else
  echo "Không thấy systemd: chạy chương trình bằng tay (xem README.md, mục Triển khai)."
fi
