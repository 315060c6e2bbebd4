"""Where a ``code`` exercise's answer comes from: the variable the student's code sets.

``ex.check("q5.3")`` reads ``answer_q5_3`` from the kernel's namespace (IPython's user
namespace, else ``__main__``). The kind itself (its spec, check and widget) is in
``kinds/code.py``; ``medialit grade`` runs the notebook to get the value (see ``coderun.py``).

>>> read_variable(type("E", (), {"data": {"variable": "x"}})(), {"x": 3})
3
"""
from __future__ import annotations

import sys
from typing import Any, Mapping

MISSING = object()


# --- the notebook's namespace ------------------------------------------------------------------

def user_namespace() -> Mapping[str, Any]:
    """IPython's user namespace when running in a kernel, else the ``__main__`` module's globals."""
    ipython_module = sys.modules.get("IPython")
    if ipython_module is not None:
        shell = ipython_module.get_ipython()
        if shell is not None:
            return shell.user_ns
    main = sys.modules.get("__main__")
    return vars(main) if main is not None else {}


def read_variable(exercise, namespace: Mapping[str, Any] | None = None) -> Any:
    """The value the student's code gave the exercise's variable, or :data:`MISSING`.

    ``None`` and ``...`` (placeholders in a scaffold cell) count as not answered yet.
    """
    ns = user_namespace() if namespace is None else namespace
    value = ns.get(exercise.data["variable"], MISSING)
    return MISSING if value is None or value is Ellipsis else value
