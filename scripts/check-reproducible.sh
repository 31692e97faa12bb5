#!/usr/bin/env bash
# `npm run zip:check`: are the store zips reproducible? Builds and zips twice and compares the
# SHA-256 of every zip, then builds the Firefox zip again from the sources zip alone, in an empty
# directory, as an AMO reviewer would, and compares that too. Three builds, a few minutes: `npm test`
# runs it before the e2e suite, which then uses the zips' builds.
set -euo pipefail
cd "$(dirname "$0")/.."

# This version's zips, as WXT names them: .output may still hold zips of earlier versions.
version=$(node -p "require('./package.json').version")
zips=("clyde-$version-chrome.zip" "clyde-$version-firefox.zip" "clyde-$version-sources.zip")
sums() { (cd .output && sha256sum "${zips[@]}"); }

npm run zip >/dev/null
first=$(sums)
npm run zip >/dev/null
second=$(sums)
echo "$first"
if [ "$first" != "$second" ]; then
  echo "Two builds of the same tree gave different zips:" >&2
  diff <(echo "$first") <(echo "$second") >&2 || true
  exit 1
fi

# From the sources zip: node_modules hard-linked from here (what `npm ci` would install from the
# same package-lock.json), without this tree's tests, fixtures or untracked files.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
unzip -q ".output/${zips[2]}" -d "$dir"
cp -al node_modules "$dir/node_modules"
(cd "$dir" && npx wxt zip -b firefox --mv3 >/dev/null)
if ! cmp -s ".output/${zips[1]}" "$dir/.output/${zips[1]}"; then
  echo "The Firefox zip built from ${zips[2]} differs from .output/${zips[1]}." >&2
  exit 1
fi
echo "Reproducible: two builds gave the same zips, and the sources zip rebuilds the same Firefox zip."
