"""Prefect flows: orchestration only; the cleaning lives in the newsclean package."""
