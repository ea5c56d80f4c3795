#!/usr/bin/env bash
# The stand-in's one step: see action.yml.
set -euo pipefail
: "${HAKUSHO_ARTIFACTS:?the runner sets HAKUSHO_ARTIFACTS, the folder artifacts are kept in}"
dest="$HAKUSHO_ARTIFACTS/$NAME"
if [ -e "$dest" ] && [ "$OVERWRITE" != "true" ]; then
  echo "::error::an artifact named $NAME already exists"
  exit 1
fi
rm -rf "$dest" "$dest.files"
mkdir -p "$dest"
shopt -s globstar nullglob
found=0
while IFS= read -r pattern; do
  pattern="${pattern#"${pattern%%[![:space:]]*}"}"      # the input's lines, as YAML left them
  pattern="${pattern%"${pattern##*[![:space:]]}"}"
  [ -n "$pattern" ] || continue
  for match in $pattern; do
    found=1
    cp -a --parents "${match%/}" "$dest/"
    if [ -d "$match" ]; then (cd "$dest" && find "${match%/}" -type f) ; else echo "${match%/}"; fi >> "$dest.files"
  done
done <<< "$PATHS"
if [ "$found" = 0 ]; then
  case "$IF_NONE" in
    error) echo "::error::No files were found with the provided path: $PATHS. No artifacts will be uploaded."; exit 1 ;;
    warn) echo "::warning::No files were found with the provided path: $PATHS. No artifacts will be uploaded." ;;
  esac
  exit 0
fi
echo "artifact $NAME: $(wc -l < "$dest.files") files kept in $dest"
