"""The public face of the package is exactly what ``__all__`` says."""

from __future__ import annotations

import subprocess
import sys

import flow


def test_all_lists_the_public_names() -> None:
    public = {name for name in dir(flow) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(flow, name)).__name__ == "module"}
    assert set(flow.__all__) == public - modules - {"annotations", "import_module", "TYPE_CHECKING", "Any"}


def test_every_exported_name_resolves_and_has_a_docstring() -> None:
    missing = [name for name in flow.__all__ if not (getattr(flow, name).__doc__ or "").strip()]
    assert missing == []


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        flow.Engin  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as e:
        assert "no attribute 'Engin'" in str(e)  # noqa: PT017
    else:
        raise AssertionError("flow.Engin resolved")


def test_importing_the_package_loads_no_heavy_dependency() -> None:
    heavy = "('pydantic', 'jinja2', 'transitions', 'yaml')"
    probe = f"import sys, flow; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
