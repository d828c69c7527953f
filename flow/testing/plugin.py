"""The pytest plugin that tactful installs: conversation steps and fixtures for pytest-bdd."""

from __future__ import annotations
