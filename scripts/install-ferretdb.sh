#!/usr/bin/env bash
# Builds FerretDB 1.24.2 (MongoDB wire-compatible, SQLite backend) from the Go module registry into
# .cache/bin/ferretdb. The published module lacks build/version/version.txt, which `go install`
# needs, so the source is copied out of the module cache and the file is written before building.
set -euo pipefail
VERSION="v1.24.2"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FERRETDB_BIN:-$root/.cache/bin/ferretdb}"
if [ -x "$out" ] && "$out" --version >/dev/null 2>&1; then exit 0; fi
command -v go >/dev/null || { echo "Go is needed to build FerretDB (or set MONGODB_URI)" >&2; exit 1; }
export GOFLAGS="-mod=mod -buildvcs=false"
modcache="$(go env GOMODCACHE)"
src="$modcache/github.com/!ferret!d!b/!ferret!d!b@$VERSION"
[ -d "$src" ] || go mod download "github.com/FerretDB/FerretDB@$VERSION"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src/." "$work/"
chmod -R u+w "$work"
echo "$VERSION" > "$work/build/version/version.txt"
mkdir -p "$(dirname "$out")"
(cd "$work" && go build -trimpath -o "$out" ./cmd/ferretdb)
"$out" --version
