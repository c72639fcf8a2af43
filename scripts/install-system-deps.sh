#!/usr/bin/env bash
# Installs, from Debian's packages, the system tools the test suite uses when they
# are missing: LibreOffice (headless, for .docx and .xlsx → PDF), poppler (pdftoppm), the
# Liberation fonts (metric-compatible with Times New Roman), Graphviz (the handbook's
# diagrams, drawn at build time), Chromium (browser tests of the handbook) and the Russian
# hunspell dictionary with libenchant (spelling in rsnms lint). Does nothing when everything
# is present.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)   # the matrix .xlsx → PDF
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -q "Liberation Serif" || need+=(fonts-liberation2)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/hunspell/ru_RU.dic ] || need+=(hunspell-ru)
ldconfig -p 2>/dev/null | grep -q libenchant-2 || need+=(libenchant-2-2)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Устанавливаются системные пакеты: ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
