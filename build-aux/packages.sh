# Debian packages SahelBrief needs, and a function that installs the missing
# ones. Sourced by build-aux/run, build-aux/check and .ci/run.

# To build and run: the last line is what the running app needs that the
# libraries only recommend (SVG icons, https and its certificates).
SB_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libshumate-dev libsoup-3.0-dev libjson-glib-dev libsqlite3-dev
  libxml2-dev libpoppler-glib-dev
  desktop-file-utils appstream
  librsvg2-common glib-networking ca-certificates
)

SB_TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 at-spi2-core
  libgtk-4-bin python3 python3-jsonschema python3-gi gir1.2-atspi-2.0 python3-pyatspi
  locales poppler-utils libcairo2-dev
)

# The locales the translation tests run in (tests/test-format.c,
# tests/test-l10n.c); they skip those that are missing.
SB_TEST_LOCALES=(nl_NL.UTF-8 fr_FR.UTF-8)

# Prints a command that generates each of SB_TEST_LOCALES not yet there.
sb_locales_script () {
  local locale
  for locale in "${SB_TEST_LOCALES[@]}"; do
    echo "locale -a | grep -qix '${locale%%.*}.utf-\?8' || localedef -i ${locale%%.*} -f UTF-8 $locale;"
  done
}

sb_missing_packages () {
  local package status
  for package in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
      echo "$package"
    fi
  done
}

# Installs what is missing with apt (through sudo when not root); does
# nothing when everything is there.
sb_ensure_packages () {
  local missing
  mapfile -t missing < <(sb_missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi

  echo "Installing: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}
