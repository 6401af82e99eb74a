"""Serving the quiz bank: choose items, show them, score the answers (`grade quiz`).

Everything here reads the public bank only (`.edrill/quiz/` of a workspace, or
`exercises/.edrill/quiz/` of the course): no solution is needed or run. Code items serve
the proven answer and three proven distractors from three different equivalence classes
(up to two of the course quiz's own distractors, the rest drawn from every class); numeric
items draw fresh numbers and compute every choice with the bank's verified formulas.

A drill is a list of `Question`s made by `make_drill`; `History` is the hook for a
progress store (`grade quiz --review`): it weights the items to draw and is told every
answer. The default `NoHistory` draws uniformly and keeps nothing.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from grader.course import CourseError
from grader.i18n import Text, pick, tr
from grader.quiz import numeric
from grader.quiz.bank import BANK_FORMAT, BLANK_LABEL

LABELS = ("A", "B", "C", "D")
QUIZ_FIRST = 2  # the course quiz's own distractors served first, at most this many


class History(Protocol):
    """What a progress store gives the drill (issue 6 item 4 plugs in here)."""

    def weights(self, keys: list[str]) -> dict[str, float]:
        """A weight per item key (missing keys weigh 1): weak topics weigh more."""
        ...

    def record(self, result: Answered) -> None:
        """Called once per answered question."""
        ...


class NoHistory:
    def weights(self, keys: list[str]) -> dict[str, float]:
        return {}

    def record(self, result: Answered) -> None:
        pass


@dataclass
class Question:
    key: str  # "gru_update:1" (a blank) or "numeric:conv_output_size"
    type: str  # "code" or "numeric"
    exercise: str
    day: int
    topic: Text
    title: Text
    prompt: Text  # the question line
    code: str  # the code with the blank (code items), "" for numeric ones
    choices: list[str]  # in the order shown, A to D
    answer: int  # index into choices
    explain_right: Text
    explain_wrong: list[Text | None]  # per choice: why it is wrong (None for the answer)
    caught_by: list[dict | None] = field(default_factory=list)  # per choice, code items

    def as_json(self, lang: str, with_answer: bool) -> dict:
        out = {"key": self.key, "type": self.type, "exercise": self.exercise,
               "day": self.day, "topic": pick(self.topic, lang),
               "title": pick(self.title, lang), "question": pick(self.prompt, lang),
               "code": self.code,
               "choices": [{"label": LABELS[k], "text": t} for k, t in enumerate(self.choices)]}
        if with_answer:
            out["answer"] = LABELS[self.answer]
            out["explanation"] = pick(self.explain_right, lang)
            out["wrong_choices"] = [
                {"label": LABELS[k], "why": pick(w, lang),
                 **({"caught_by": _caught_json(self.caught_by[k], lang)}
                    if k < len(self.caught_by) and self.caught_by[k] else {})}
                for k, w in enumerate(self.explain_wrong) if w is not None]
        return out


@dataclass
class Answered:
    question: Question
    chosen: int | None  # None: skipped

    @property
    def correct(self) -> bool:
        return self.chosen == self.question.answer


def _caught_json(c: dict, lang: str) -> dict:
    return {"check": c["name"], "kind": c.get("kind", ""), "title": pick(c["title"], lang),
            "message": pick(c["message"], lang)}


# --------------------------------------------------------------------------- the bank


@dataclass
class Bank:
    folder: Path
    exercises: list[dict]  # the per-exercise files, in course order when known
    numeric: list[dict]  # the numeric kinds

    def code_items(self) -> list[tuple[dict, dict]]:
        return [(ex, item) for ex in self.exercises for item in ex["items"]]


def load_bank(folder: Path, order: list[str] | None = None) -> Bank:
    """Read a bank folder; a missing or damaged one is a CourseError naming the fix."""
    if not folder.is_dir() or not any(folder.glob("*.json")):
        raise CourseError(tr("there is no quiz bank in {dir}: in the course repository run "
                             "`grader build`; a workspace made before quizzes existed needs "
                             "a new `grade init DIR`", dir=str(folder)))
    exercises, kinds = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise CourseError(tr("{path} cannot be read ({err}): rebuild the bank with "
                                 "`grader build`", path=str(path), err=str(err))) from None
        if path.name == numeric.BANK_FILE:
            if data.get("format") != numeric.NUMERIC_FORMAT:
                raise CourseError(tr("{path} was made by another version of edrill: rebuild "
                                     "the bank with `grader build`", path=str(path)))
            known = {k.key for k in numeric.KINDS}
            kinds = [k for k in data.get("kinds", []) if k.get("key") in known]
        else:
            if data.get("format") != BANK_FORMAT:
                raise CourseError(tr("{path} was made by another version of edrill: rebuild "
                                     "the bank with `grader build`", path=str(path)))
            exercises.append(data)
    if order:
        rank = {ex_id: k for k, ex_id in enumerate(order)}
        exercises.sort(key=lambda d: rank.get(d["exercise"], len(rank)))
    return Bank(folder, exercises, kinds)


def matches(topic: str, ex_id: str, texts: list[Text]) -> bool:
    needle = unicodedata.normalize("NFKC", topic).casefold().strip()
    hay = [ex_id, *(v for t in texts for v in t.values())]
    return any(needle in unicodedata.normalize("NFKC", h).casefold() for h in hay)


# --------------------------------------------------------------------------- making a drill


def _code_question(ex: dict, item: dict, rng: random.Random) -> Question:
    pool = list(item["distractors"])
    rng.shuffle(pool)
    chosen, used = [], set()
    # up to QUIZ_FIRST of the course quiz's own distractors, then any: one per class
    for d in [d for d in pool if d.get("source") == "quiz"][:QUIZ_FIRST] + pool:
        if d["class"] not in used:
            chosen.append(d)
            used.add(d["class"])
        if len(chosen) == 3:
            break
    if len(chosen) < 3:
        raise CourseError(tr("the quiz bank item {key} has fewer than three distinct "
                             "distractors: rebuild the bank with `grader build`",
                             key=item["key"]))
    entries = [None, *chosen]
    rng.shuffle(entries)
    answer = entries.index(None)
    answer_info = item["answer"]
    bullet = {"ja": "・", "en": "- "}
    hints = {lang: "".join(f"\n{bullet[lang]}{pick(h, lang)}" for h in ex["hints"])
             for lang in bullet}
    right = tr("It passes all {n} checks of the exercise {id}. {hints}",
               n=answer_info["checks"], id=ex["exercise"], hints=hints)
    return Question(
        key=item["key"], type="code", exercise=ex["exercise"], day=ex["day"],
        topic=ex["topic"], title=ex["title"],
        prompt=tr("Which choice goes into the blank {label} of this code?", label=BLANK_LABEL),
        code=item["code"],
        choices=[answer_info["text"] if e is None else e["text"] for e in entries],
        answer=answer, explain_right=right,
        explain_wrong=[None if e is None else e["why"] for e in entries],
        caught_by=[None if e is None else e["caught_by"] for e in entries])


def _numeric_question(kind: dict, rng: random.Random, titles: dict[str, Text]) -> Question:
    q = numeric.make_question(kind, rng)
    if q is None:
        raise CourseError(tr("cannot draw four different answers for {key}: rebuild the "
                             "bank with `grader build`", key=kind["key"]))
    entries = [None, *q["distractors"]]
    rng.shuffle(entries)
    answer = entries.index(None)
    right = tr("{formula} = {value}, the formula of the solution of {id}, verified against "
               "it on {n} random cases.", formula=q["answer"]["formula"],
               value=q["answer"]["text"], id=kind["exercise"], n=kind["verified_cases"])
    return Question(
        key=f"numeric:{kind['key']}", type="numeric", exercise=kind["exercise"],
        day=kind["day"], topic=kind["topic"], title=titles.get(kind["exercise"], kind["topic"]),
        prompt=q["question"], code="",
        choices=[q["answer"]["text"] if e is None else e["text"] for e in entries],
        answer=answer, explain_right=right,
        explain_wrong=[None if e is None else {
            lang: f"{e['formula']} = {e['text']}: {pick(e['why'], lang)}"
            for lang in ("ja", "en")} for e in entries])


def make_drill(bank: Bank, *, count: int, seed: int, day: int | None = None,
               topic: str | None = None, kinds: str = "all",
               history: History | None = None) -> list[Question]:
    """`count` questions drawn with `seed`; weak items first when `history` says so."""
    history = history or NoHistory()
    rng = random.Random(seed)
    titles = {ex["exercise"]: ex["title"] for ex in bank.exercises}
    pool: list[tuple[str, object]] = []
    if kinds in ("all", "code"):
        for ex, item in bank.code_items():
            if day is not None and ex["day"] != day:
                continue
            if topic and not matches(topic, ex["exercise"], [ex["topic"], ex["title"]]):
                continue
            pool.append((item["key"], ("code", ex, item)))
    if kinds in ("all", "numeric"):
        for kind in bank.numeric:
            if day is not None and kind["day"] != day:
                continue
            if topic and not matches(topic, kind["exercise"],
                                     [kind["topic"], titles.get(kind["exercise"], {}),
                                      {"en": kind["key"]}]):
                continue
            pool.append((f"numeric:{kind['key']}", ("numeric", kind)))
    if not pool:
        raise CourseError(tr("no quiz item matches: try another --day or --topic (a topic is "
                             "a word of an exercise's id, title or topic, e.g. GRU)"))
    weights = history.weights([key for key, _ in pool])
    # weighted sampling without replacement (Efraimidis–Spirakis keys)
    keyed = sorted(pool, key=lambda e: -rng.random() ** (1.0 / max(weights.get(e[0], 1.0),
                                                                   1e-9)))
    picked = keyed[:count]
    numeric_entries = [e for e in pool if e[1][0] == "numeric"]
    while len(picked) < count and numeric_entries:  # fresh numbers make new questions
        picked.append(rng.choice(numeric_entries))
    questions = []
    for _key, entry in picked:
        if entry[0] == "code":
            questions.append(_code_question(entry[1], entry[2], rng))
        else:
            questions.append(_numeric_question(entry[1], rng, titles))
    return questions


# --------------------------------------------------------------------------- answers


def parse_choice(text: str) -> int | None:
    """A choice label typed by a student: A–D (any case, full width too) or 1–4."""
    t = unicodedata.normalize("NFKC", text).strip().upper()
    if t in LABELS:
        return LABELS.index(t)
    if t in ("1", "2", "3", "4"):
        return int(t) - 1
    return None


def parse_answers(text: str, n: int) -> list[int | None]:
    """`--answers B,A,-,D`: one label per question, `-` skips one."""
    parts = [p.strip() for p in unicodedata.normalize("NFKC", text).split(",")]
    if len(parts) != n:
        raise ValueError(tr("--answers gives {got} answer(s) for {n} question(s): give one "
                            "label (A-D, or - to skip) per question, separated by commas",
                            got=len(parts), n=n))
    out: list[int | None] = []
    for k, p in enumerate(parts, 1):
        if p == "-":
            out.append(None)
            continue
        choice = parse_choice(p)
        if choice is None:
            raise ValueError(tr("--answers: {text!r} (question {k}) is not a choice: give "
                                "A, B, C or D (or - to skip)", text=p, k=k))
        out.append(choice)
    return out


def summary(results: list[Answered]) -> dict:
    """Score and the per-topic tally, weakest topics first."""
    topics: dict[str, dict] = {}
    for r in results:
        t = topics.setdefault(r.question.exercise, {"exercise": r.question.exercise,
                                                    "topic": r.question.topic,
                                                    "day": r.question.day,
                                                    "right": 0, "asked": 0})
        t["asked"] += 1
        t["right"] += r.correct
    ordered = sorted(topics.values(), key=lambda t: (t["right"] / t["asked"], -t["asked"]))
    return {"right": sum(r.correct for r in results), "asked": len(results),
            "topics": ordered}
