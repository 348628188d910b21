#!/usr/bin/env bash
# Runs a command against a private, unlocked, throwaway gnome-keyring on its own D-Bus session bus,
# so keychain tests never see (or write to) the keyring of the person running them.
# Usage: scripts/with-keyring.sh <command> [args...]
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 64
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "$0: '$tool' is missing. Install it: apt-get install -y --no-install-recommends dbus gnome-keyring" >&2
    exit 69
  fi
done

session_dir=$(mktemp -d "${TMPDIR:-/tmp}/wxacode-keyring.XXXXXX")
trap 'rm -rf "$session_dir"' EXIT
mkdir -m 700 "$session_dir/runtime" "$session_dir/keyrings"

export XDG_RUNTIME_DIR="$session_dir/runtime"
export KEYRING_PASSWORD="${KEYRING_PASSWORD:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
export WXACODE_KEYRING_HOME="$session_dir/keyrings"

# The daemon runs in the foreground of this session so it can be stopped when the command ends
# (daemonized, it outlives the bus). XDG_DATA_HOME is overridden for the daemon only: that is where
# it creates the login keyring it unlocks, which must be the throwaway one, not ~/.local/share.
# Waiting for the bus name matters: a client that asks earlier makes D-Bus start a second, locked
# daemon on its own.
set +e
dbus-run-session -- bash -c '
  printf %s "$KEYRING_PASSWORD" |
    XDG_DATA_HOME="$WXACODE_KEYRING_HOME" gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
  keyring=$!
  unset KEYRING_PASSWORD WXACODE_KEYRING_HOME
  # Keychain tests refuse to run without this, so they never write to a real keyring.
  export WXACODE_THROWAWAY_KEYRING=1
  trap "kill $keyring 2>/dev/null; wait $keyring 2>/dev/null" EXIT
  for _ in $(seq 200); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      "$@"
      exit
    fi
    kill -0 "$keyring" 2>/dev/null || break
    sleep 0.05
  done
  echo "with-keyring: gnome-keyring-daemon did not start its Secret Service" >&2
  exit 70
' with-keyring "$@"
status=$?
set -e
exit "$status"
