"""Hypothesis settings for the suite: bounded and reproducible in CI, longer on request.

``HYPOTHESIS_PROFILE=thorough pytest ...`` runs many more examples and shrinks what fails to its
shortest form, for a local hunt. The default ``ci`` profile keeps every property test within a few
seconds on two cores: its examples are the same on every run, and a failure is reported as found,
without the minutes shrinking can take. Neither profile keeps an example database, so a test run
leaves nothing behind in the working tree.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

CI = "ci"
THOROUGH = "thorough"

settings.register_profile(
    CI,
    max_examples=25,
    stateful_step_count=30,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    THOROUGH,
    parent=settings.get_profile(CI),
    max_examples=500,
    stateful_step_count=60,
    derandomize=False,
    phases=list(Phase),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", CI))
