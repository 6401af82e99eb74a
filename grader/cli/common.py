"""What both commands share: exit codes, the language option, turning errors into messages."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable

from grader.assignment import AssignmentError
from grader.course import CourseError
from grader.i18n import LANGS, default_lang, pick, tr
from grader.solution import SolutionFormatError

EXIT_OK, EXIT_NOT_PASSED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """Bad usage or input: exit status 2, with a message that says how to fix it."""


def add_lang(parser: argparse.ArgumentParser, help_text: str | None = None) -> None:
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help=help_text or "language of every message: ja or en (default: "
                                          "from the locale or EDRILL_LANG)")


def lang_of(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or default_lang()


def configure_stdout() -> None:
    """Never die on a console that cannot show a character (cp932, ascii): readable
    stand-ins (✔ → ○, ✘ → ×, · → ・; grader.console), else "?"."""
    from grader.console import install

    install((sys.stdout, sys.stderr))


def run_main(body: Callable[[], int], lang: Callable[[], str]) -> int:
    """Run a command body; map the known kinds of failure to exit statuses."""
    configure_stdout()
    try:
        return body()
    except BrokenPipeError:  # `grade | head`: the reader left; nothing more to say
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the final flush
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        print(pick(tr("interrupted"), lang()), file=sys.stderr)
        return 130
    except (UsageError, CourseError, AssignmentError, SolutionFormatError) as err:
        message = err.args[0] if err.args else ""
        label = pick(tr("error:"), lang())
        print(f"{label} {pick(message, lang()) if isinstance(message, dict) else err}",
              file=sys.stderr)
        return EXIT_USAGE
    except Exception:  # a bug of ours: say so, keep the traceback for the report
        print(pick(tr("internal error in edrill (please report it with this output):"),
                   lang()), file=sys.stderr)
        traceback.print_exc()
        return EXIT_INTERNAL
