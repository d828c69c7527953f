"""The public face of the package is exactly what ``__all__`` says."""

from __future__ import annotations

import flow


def test_all_lists_the_public_names() -> None:
    public = {name for name in dir(flow) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(flow, name)).__name__ == "module"}
    assert set(flow.__all__) == public - modules - {"annotations"}


def test_every_exported_name_has_a_docstring() -> None:
    missing = [name for name in flow.__all__ if not (getattr(flow, name).__doc__ or "").strip()]
    assert missing == []
