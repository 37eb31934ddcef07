#!/usr/bin/env bash
# Cold install time: a fresh `git clone` of this repository (committed HEAD only, not the working
# tree) into a temporary directory, then `npm ci` with an empty npm cache, so every package is
# downloaded and every install script runs. Prints seconds; writes .bench/npm-ci.json.
# Takes minutes and uses the network (the npm registry). Extra arguments go to `npm ci`.
#   bash bench/npm-ci.sh [npm ci flags...]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
cache="$(mktemp -d)"
trap 'rm -rf "$work" "$cache"' EXIT

git clone --quiet --no-local "$repo" "$work/fortytwo"
commit="$(git -C "$work/fortytwo" rev-parse --short HEAD)"
cd "$work/fortytwo"

echo "npm ci in a fresh clone of $commit (npm $(npm -v), node $(node -v)), empty cache $cache ..."
start="$(date +%s.%N)"
if ! timeout 1800 npm ci --cache "$cache" "$@" >"$work/npm-ci.log" 2>&1; then
  tail -n 40 "$work/npm-ci.log" >&2
  echo "npm ci failed (log above)" >&2
  exit 1
fi
end="$(date +%s.%N)"
seconds="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')"
packages="$(npm ls --all --parseable 2>/dev/null | sort -u | wc -l || true)"
size_mib="$(du -sm node_modules | cut -f1)"

printf '\n%-28s %s\n' 'npm ci (cold cache)' "${seconds} s"
printf '%-28s %s\n' 'node_modules' "${size_mib} MiB, ${packages} installed packages"
printf '%-28s %s\n' 'commit' "$commit"

mkdir -p "$repo/.bench"
cat >"$repo/.bench/npm-ci.json" <<JSON
{
  "seconds": $seconds,
  "commit": "$commit",
  "npm": "$(npm -v)",
  "node": "$(node -v)",
  "cpus": $(nproc),
  "nodeModulesMiB": $size_mib,
  "installedPackages": $packages,
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
}
JSON
echo "wrote .bench/npm-ci.json"
