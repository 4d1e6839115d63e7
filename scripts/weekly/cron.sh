#!/usr/bin/env bash
# Weekly Glue sync from any machine with git, Python 3.11 and credentials to push.
# crontab -e:   0 6 * * 1  /opt/g2l/cron.sh >> /var/log/g2l-sync.log 2>&1
# Set the forge's token (GITHUB_TOKEN, GITLAB_TOKEN or AZURE_DEVOPS_TOKEN) in the environment, or in
# /etc/g2l-sync.env (mode 600), which this script reads.
set -euo pipefail
DBX_CLONE=${DBX_CLONE:-/var/lib/g2l/risk-engine-dbx}   # a clone of the Databricks repository, kept here
VENV=${VENV:-/opt/g2l/venv}
[ -f /etc/g2l-sync.env ] && . /etc/g2l-sync.env
[ -x "$VENV/bin/git-g2l-sync" ] || { python3.11 -m venv "$VENV" && "$VENV/bin/pip" install -q g2l-merge; }
export PATH="$VENV/bin:$PATH"
cd "$DBX_CLONE"
git fetch -q --prune origin
target=$(python3.11 -c 'import tomllib; print(tomllib.load(open("g2l.toml", "rb")).get("target", {}).get("branch", "main"))')
git checkout -q -B "$target" "origin/$target"
exec git g2l-sync sync --pr --report "$DBX_CLONE/../g2l-report-$(date +%Y-%m-%d).json"
