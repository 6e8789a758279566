#!/usr/bin/env bash
# Install the Fandol 仿宋 (FandolFang) and 楷体 (FandolKai) faces for PDF export, from
# Debian's texlive-lang-chinese package, without TeX: the package (49 MB) is downloaded
# with apt, only the two .otf files (15 MB) are kept in /usr/local/share/fonts/fandol.
# Run as root (./test does, when the faces are missing). License: GPL with the font
# exception (see /usr/share/doc/texlive-lang-chinese/copyright in the package).
set -euo pipefail
dest=/usr/local/share/fonts/fandol
if fc-list : family | grep -q "^FandolFang" && fc-list : family | grep -q "^FandolKai"; then
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"  # apt's download user must be able to write here
cd "$work"
apt-get download -qq texlive-lang-chinese 2>/dev/null || { apt-get update -qq && apt-get download -qq texlive-lang-chinese; }
dpkg-deb -x texlive-lang-chinese_*.deb root
mkdir -p "$dest"
for face in FandolFang-Regular FandolKai-Regular; do
    install -m 0644 "root/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/$face.otf" "$dest/"
done
fc-cache -f "$dest" >/dev/null
echo "partybook: installed FandolFang and FandolKai into $dest"
