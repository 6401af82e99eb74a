"""`grader sandbox setup|check`: build the sandbox's runtime, and say what the host lacks.

    grader sandbox setup [--runtime DIR]   build/refresh the world-readable runtime
    grader sandbox check [--runtime DIR]   each requirement ✔/✘ with its fix; exit 0 only
                                           when the bwrap sandbox is usable
"""

from __future__ import annotations

import argparse
from pathlib import Path

from grader.cli.common import EXIT_NOT_PASSED, EXIT_OK

EXIT_INTERNAL = 3


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sandbox", help="the Linux sandbox of `grader batch`: build its runtime "
                       "(setup) or check the host (check)")
    actions = p.add_subparsers(dest="sandbox_command", required=True, metavar="ACTION")
    for name, text in (("setup", "build the world-readable runtime (a venv from the system "
                        "Python with numpy, a read-only copy of the grader package)"),
                       ("check", "report each requirement with its fix; exit 0 only when "
                        "the bwrap sandbox is usable")):
        a = actions.add_parser(name, help=text)
        a.add_argument("--runtime", metavar="DIR", type=Path, default=None,
                       help="the runtime directory (default /opt/edrill-runtime)")


def cmd_sandbox(args: argparse.Namespace) -> int:
    from grader.sandbox import runtime as rt  # noqa: PLC0415 - imports numpy

    runtime = (args.runtime or rt.DEFAULT_RUNTIME).absolute()
    if args.sandbox_command == "setup":
        try:
            for line in rt.setup(runtime):
                print(f"- {line}")
        except (RuntimeError, OSError) as err:
            print(f"✘ setup failed: {err}")
            return EXIT_INTERNAL
        print(f"✔ runtime ready in {runtime}")
        return EXIT_OK
    from grader.sandbox.check import bwrap_usable, run_checks  # noqa: PLC0415

    found = run_checks(runtime)
    for f in found:
        mark = "✔" if f.ok else ("✘" if f.required else "!")
        print(f"{mark} {f.name}: {f.detail}")
        if not f.ok and f.fix:
            print(f"    fix: {f.fix}")
    usable = bwrap_usable(found)
    print("bwrap sandbox: usable" if usable else
          "bwrap sandbox: NOT usable (grader batch refuses; --sandbox unshare|none are "
          "weaker)")
    return EXIT_OK if usable else EXIT_NOT_PASSED


COMMANDS = {"sandbox": cmd_sandbox}
