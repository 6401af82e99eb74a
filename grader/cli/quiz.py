"""`grade quiz`: the exam drill in the terminal (or as JSON, or answered from --answers).

    grade quiz [--day N] [--topic WORD] [--count N] [--seed N] [--kind all|code|numeric]
               [--review] [--answers A,B,...] [--json] [--lang ja|en] [--workspace DIR]

Interactive: each question, the student types A–D (or 1–4; q stops), then the verdict and
the explanation. `--answers` answers every question at once (one label per question, `-`
skips), for tests and scripts; answers are read from stdin lines when stdin is not a
terminal. `--json` prints the questions as JSON (without answers), or with `--answers` the
graded drill with the explanations and the score.

In a workspace every answer is kept in `.edrill/progress.sqlite` (`grade progress`);
`--review` draws the weakest topics first (grader.progress.ReviewHistory).
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import sys
from pathlib import Path

from grader.cli.common import EXIT_OK, UsageError, add_lang, lang_of
from grader.course import CourseError, find_course, find_workspace
from grader.i18n import pick, tr
from grader.quiz import BANK_DIR
from grader.quiz.drill import (
    LABELS,
    Answered,
    Question,
    load_bank,
    make_drill,
    parse_answers,
    parse_choice,
    summary,
)


def add_arguments(p: argparse.ArgumentParser, _) -> None:
    p.add_argument("--day", type=int, choices=(1, 2, 3, 4), default=None,
                   help=_("only questions of this day"))
    p.add_argument("--topic", metavar="WORD", default=None,
                   help=_("only questions whose exercise id, title or topic contains WORD "
                          "(e.g. GRU, 畳み込み, conv)"))
    p.add_argument("--count", type=int, default=10, metavar="N",
                   help=_("how many questions (default 10)"))
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help=_("the same seed gives the same questions (default: a new drill "
                          "each time; the seed is shown)"))
    p.add_argument("--kind", choices=("all", "code", "numeric"), default="all",
                   help=_("code: fill the blank of exercise code; numeric: 確認テスト-style "
                          "calculations with fresh numbers (default: both)"))
    p.add_argument("--review", action="store_true",
                   help=_("draw from your weakest topics first (your progress in this "
                          "workspace: gradings and earlier answers)"))
    p.add_argument("--answers", metavar="A,B,...", default=None,
                   help=_("answer every question at once, one label per question (- skips; "
                          "write --answers=-,B,... when the first is skipped)"))
    p.add_argument("--json", action="store_true",
                   help=_("print the questions as JSON (with --answers: the graded drill)"))
    p.add_argument("--workspace", "-w", type=Path, default=None, metavar="DIR",
                   help=_("the workspace (default: the one around the current folder)"))
    add_lang(p, _("language of every message: ja or en (default: from the locale or "
                  "EDRILL_LANG)"))


def bank_folder(workspace: Path | None) -> tuple[Path, list[str] | None]:
    """The workspace's bank, else the course's public bank (no solutions needed)."""
    if workspace is not None and not workspace.is_dir():
        raise UsageError(tr("--workspace {dir}: no such folder", dir=str(workspace)))
    ws = find_workspace(workspace or Path.cwd())
    if ws is not None and (ws.meta_dir / BANK_DIR).is_dir():
        order = [e["id"] for e in ws.manifest()["exercises"]]
        return ws.meta_dir / BANK_DIR, order
    try:
        course = find_course(workspace or Path.cwd())
    except CourseError:
        if ws is not None:
            return ws.meta_dir / BANK_DIR, None  # load_bank names the fix
        raise
    return course.public_dir / BANK_DIR, course.exercise_ids()


def progress_history(args: argparse.Namespace, bank, seed: int, lang: str):
    """The drill's History: the workspace's progress file (none outside a workspace)."""
    from grader.progress import ProgressStore, ReviewHistory

    ws = find_workspace(args.workspace or Path.cwd())
    item_exercise = {item["key"]: ex["exercise"] for ex, item in bank.code_items()}
    item_exercise.update({f"numeric:{k['key']}": k["exercise"] for k in bank.numeric})
    detail = {"seed": seed, "lang": lang, "review": bool(args.review),
              **{k: getattr(args, k) for k in ("day", "topic", "count", "kind")}}
    if ws is None:
        if args.review:
            raise UsageError(tr("--review needs your progress, kept in a workspace: run it "
                                "inside one (made by `grade init DIR`) or name one with "
                                "--workspace DIR"))
        return ReviewHistory(None, item_exercise, None, review=False)
    manifest = ws.manifest()
    return ReviewHistory(ProgressStore.of(ws), item_exercise, manifest, review=args.review,
                         detail=detail)


def show_question(q: Question, number: int, total: int, lang: str) -> str:
    lines = [pick(tr("Question {k}/{n}  Day {day} · {topic}  [{id}]", k=number, n=total,
                     day=q.day, topic=q.topic, id=q.exercise), lang),
             pick(q.prompt, lang)]
    if q.code:
        lines += ["", *("    " + ln for ln in q.code.split("\n"))]
    lines.append("")
    for k, text in enumerate(q.choices):
        rows = text.split("\n")
        lines.append(f"  {LABELS[k]}. {rows[0]}")
        lines += [f"     {row}" for row in rows[1:]]
    return "\n".join(lines)


def show_verdict(q: Question, chosen: int | None, lang: str) -> str:
    right = f"{LABELS[q.answer]}. {' ⏎ '.join(q.choices[q.answer].split(chr(10)))}"
    if chosen == q.answer:
        head = "✔ " + pick(tr("Right: {choice}", choice=right), lang)
    elif chosen is None:
        head = "- " + pick(tr("Skipped. The answer: {choice}", choice=right), lang)
    else:
        head = "✘ " + pick(tr("Wrong. The answer: {choice}", choice=right), lang)
    lines = [head, *("  " + ln.rstrip() for ln in pick(q.explain_right, lang).split("\n"))]
    for k, why in enumerate(q.explain_wrong):
        if why is None:
            continue
        mark = "→" if k == chosen else " "
        text = " ⏎ ".join(q.choices[k].split("\n"))
        lines.append(f" {mark}{LABELS[k]}. {text}")
        lines.append(f"     {pick(why, lang)}")
        caught = q.caught_by[k] if k < len(q.caught_by) else None
        if caught:
            lines.append("     " + pick(tr("caught by the check [{kind}] {title}: {message}",
                                            kind=caught.get("kind", ""), title=caught["title"],
                                            message=caught["message"]), lang))
    return "\n".join(lines)


def same_drill(args: argparse.Namespace, seed: int) -> str:
    """The command that makes this drill again."""
    words = ["grade", "quiz"]
    for option in ("day", "topic", "count", "kind"):
        value = getattr(args, option)
        if value is not None and not (option == "kind" and value == "all"):
            words += [f"--{option}", shlex.quote(str(value))]
    if getattr(args, "review", False):
        words.append("--review")
    return " ".join([*words, "--seed", str(seed)])


def show_summary(results: list[Answered], lang: str, again: str) -> str:
    s = summary(results)
    pct = round(100 * s["right"] / s["asked"]) if s["asked"] else 0
    lines = ["", pick(tr("Score: {right}/{asked} ({pct}%)", right=s["right"],
                         asked=s["asked"], pct=pct), lang)]
    weak = [t for t in s["topics"] if t["right"] < t["asked"]]
    if weak:
        lines.append(pick(tr("Weakest topics:"), lang))
        for t in weak[:5]:
            lines.append(f"  {t['right']}/{t['asked']}  Day {t['day']} · "
                         f"{pick(t['topic'], lang)}  [{t['exercise']}]")
    lines.append(pick(tr("The same drill again: {command}", command=again), lang))
    return "\n".join(lines)


def cmd_quiz(args: argparse.Namespace) -> int:
    lang = lang_of(args)
    if args.count < 1:
        raise UsageError(tr("--count {n}: give a number of questions of at least 1",
                            n=args.count))
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(10**6)
    folder, order = bank_folder(args.workspace)
    bank = load_bank(folder, order)
    history = progress_history(args, bank, seed, lang)
    questions = make_drill(bank, count=args.count, seed=seed, day=args.day,
                           topic=args.topic, kinds=args.kind, history=history)
    if args.review and not history.met_any:
        print(pick(tr("Nothing to review yet (no weak topic recorded in this workspace): "
                      "this is an ordinary drill."), lang), file=sys.stderr)
    answers: list[int | None] | None = None
    if args.answers is not None:
        try:
            answers = parse_answers(args.answers, len(questions))
        except ValueError as err:
            raise UsageError(err.args[0]) from None
    if args.json:
        out = {"seed": seed, "lang": lang, "count": len(questions)}
        if answers is None:
            out["questions"] = [q.as_json(lang, with_answer=False) for q in questions]
        else:
            results = [Answered(q, a) for q, a in zip(questions, answers, strict=True)]
            for r in results:
                history.record(r)
            out["questions"] = [dict(q.as_json(lang, with_answer=True),
                                     chosen=LABELS[a] if a is not None else None,
                                     correct=a == q.answer)
                                for q, a in zip(questions, answers, strict=True)]
            s = summary(results)
            out["score"] = {"right": s["right"], "asked": s["asked"]}
            out["weakest"] = [{"exercise": t["exercise"], "topic": pick(t["topic"], lang),
                               "right": t["right"], "asked": t["asked"]}
                              for t in s["topics"] if t["right"] < t["asked"]]
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(pick(tr("{n} questions (seed {seed}). Answer A-D (or 1-4); q stops.",
                  n=len(questions), seed=seed), lang))
    results: list[Answered] = []
    for k, q in enumerate(questions):
        print("\n" + "─" * 60)
        print(show_question(q, k + 1, len(questions), lang))
        if answers is not None:
            chosen = answers[k]
            print(pick(tr("Answer: {label}", label=LABELS[chosen] if chosen is not None
                          else "-"), lang))
        else:
            chosen = ask(lang)
            if chosen == "quit":
                break
        results.append(Answered(q, chosen))
        history.record(results[-1])
        print(show_verdict(q, chosen, lang))
    print(show_summary(results, lang, same_drill(args, seed)))
    return EXIT_OK


def ask(lang: str):
    prompt = pick(tr("Your answer (A-D, q stops): "), lang)
    while True:
        try:
            text = input(prompt)
        except EOFError:
            print()
            return "quit"
        if text.strip().lower() in ("q", "quit", "exit"):
            return "quit"
        if not sys.stdin.isatty() and not text.strip():
            continue
        choice = parse_choice(text)
        if choice is not None:
            return choice
        print(pick(tr("{text!r} is not a choice: type A, B, C or D (or q to stop)",
                      text=text.strip()), lang))
