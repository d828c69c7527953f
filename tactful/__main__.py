"""``python -m tactful`` runs the ``tactful`` command."""

from __future__ import annotations

from flow.cli import main

raise SystemExit(main())
