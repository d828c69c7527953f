"""The Gherkin specification in ``features/``, run with tactful's own step library."""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios(".")
