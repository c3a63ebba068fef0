"""``dateline eval``: accuracy against real gold data, with floors pinned in a baseline file.

Each evaluation is a click command registered in :data:`EVAL_COMMANDS` as ``"module:attribute"``.
Every command prints its figures and can check them against ``eval/baseline.json`` with
``--check-baseline`` (see :mod:`dateline.eval.gate`).
"""

from __future__ import annotations

#: name of the ``dateline eval`` subcommand -> "module:click command"
EVAL_COMMANDS: dict[str, str] = {}
EVAL_COMMANDS["geo"] = "dateline.eval.geo:command"
EVAL_COMMANDS["quotes"] = "dateline.eval.quotes:command"
EVAL_COMMANDS["acled"] = "dateline.eval.acled:command"
EVAL_COMMANDS["gtd"] = "dateline.eval.gtd:command"
EVAL_COMMANDS["time"] = "dateline.eval.time:command"
