# Sourced by ./start and ./test: make .venv and install the project into it, every
# dependency at the version pinned in requirements.lock (used as a constraints file).
# Usage: setup_venv [extras]   (e.g. setup_venv workbook,classroom,test)
setup_venv() {
    local extras="${1:-}"
    local spec="."
    [ -n "$extras" ] && spec=".[${extras}]"
    if ! python3 -c "import sys; sys.exit(sys.version_info < (3, 11))" 2>/dev/null; then
        echo "partybook needs Python 3.11 or newer; python3 is $(python3 --version 2>&1)." >&2
        echo "（partybook 需要 Python 3.11 或更新版本。）" >&2
        exit 1
    fi
    if [ ! -x .venv/bin/python ]; then
        # Debian's own python3 ships venv/ensurepip in a separate package.
        if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
            if [ "$(id -u)" = 0 ]; then
                apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
            else
                echo "partybook: python3 cannot create virtual environments; run: sudo apt-get install python3-venv" >&2
                echo "（请先安装 python3-venv：sudo apt-get install python3-venv）" >&2
                exit 1
            fi
        fi
        echo "partybook: creating .venv …"
        python3 -m venv .venv
    fi
    # editable_mode=compat installs a plain .pth path: no import-hook finder to load at
    # every start of the partybook command.
    # Reinstall only when pyproject.toml or the lock changed or an extra not yet installed
    # is wanted. The stamp holds "<hash of pyproject.toml + lock> <extras installed>"; an
    # install for ./test (all extras) serves ./start too.
    local hash
    hash="$(cat pyproject.toml requirements.lock | sha256sum | cut -c1-16)"
    local stamp=.venv/.partybook-installed
    local have_hash="" have_extras="" extra needed=0
    [ -f "$stamp" ] && read -r have_hash have_extras < "$stamp" || true
    [ "$have_hash" = "$hash" ] || needed=1
    for extra in ${extras//,/ }; do
        [[ ",$have_extras," == *",$extra,"* ]] || needed=1
    done
    if [ "$needed" = 1 ]; then
        echo "partybook: installing dependencies into .venv (the first run takes a few minutes) …"
        # (this machine's pip config names local mirrors that may be absent: drop that noise)
        .venv/bin/python -m pip install -q --disable-pip-version-check --config-settings editable_mode=compat \
            -c requirements.lock -e "$spec" \
            2> >(grep -v "^WARNING: Location '" >&2)
        echo "$hash $extras" > "$stamp"
    fi
}
