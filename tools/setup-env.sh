# Sourced by ./start and ./test: make .venv and install the project into it.
# Usage: setup_venv [extras]   (e.g. setup_venv test)
setup_venv() {
    local extras="${1:-}"
    local spec="."
    [ -n "$extras" ] && spec=".[${extras}]"
    if [ ! -x .venv/bin/python ]; then
        echo "partybook: creating .venv …"
        python3 -m venv .venv
    fi
    # Reinstall only when pyproject.toml or the extras changed: a stamp holds their hash.
    local want
    want="$(sha256sum pyproject.toml | cut -c1-16)-${extras}"
    local stamp=.venv/.partybook-installed
    if [ ! -f "$stamp" ] || ! grep -qx -- "$want" "$stamp"; then
        echo "partybook: installing dependencies into .venv (first run takes a few minutes) …"
        .venv/bin/python -m pip install -q --upgrade pip >/dev/null
        .venv/bin/python -m pip install -q -e "$spec"
        echo "$want" > "$stamp"
    fi
}
