#!/usr/bin/env bash
# Kept for the README's earlier command: scripts/fuzz.sh extract [SECONDS].
exec "$(dirname "$0")/fuzz.sh" extract "$@"
