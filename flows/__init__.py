"""Prefect flows: orchestration only; the cleaning lives in the newsclean package."""

import os

# Prefect reads its settings from the environment when it is imported, so these are set here, before any flow
# module imports it; a value the user exported wins.
PREFECT_DEFAULTS = {
    # no usage beacon: the machines this runs on are often offline
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Without PREFECT_API_URL a run starts Prefect's temporary server. Its first start on a new PREFECT_HOME
    # creates and migrates the database, which takes longer than Prefect's 20 s default on a busy 2-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}

for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)
