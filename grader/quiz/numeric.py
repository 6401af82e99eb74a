"""確認テスト-style numeric questions with fresh numbers: the formulas are the course's own.

Each kind of question names an exercise. Its correct formula is that exercise's solution
blank (the conv output size formula of `conv_output_size`, say) and its distractors are the
exercise's recorded wrong answers that are plain arithmetic (forgetting the + 1, padding
once instead of twice, the bias forgotten), each with the course's own explanation. Two
kinds have no blank of their own: the parameter counts of an LSTM and of a GRU layer,
whose formulas are written here and verified against what the solutions' backward passes
return (one gradient per parameter: the count is the number of their entries).

`grader build` verifies every formula against the solution code on many random cases (the
same sampler the drill uses, seeded), keeps only distractors that give a wrong number on
at least one case, and writes `exercises/.edrill/quiz/numeric.json`: the formulas as text,
the explanations, the number of cases verified and the digest of what was verified. A
student machine evaluates those formulas with `evaluate` (arithmetic, `sum`, `len`,
`round` only; nothing else is ever run), on numbers drawn fresh for each question, and
re-draws until the four choices are four different numbers.
"""

from __future__ import annotations

import ast
import hashlib
import json
import operator
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from grader.course import Course
from grader.i18n import Text
from grader.quiz import BANK_DIR

BANK_FILE = "numeric.json"
NUMERIC_FORMAT = 1
VERIFY_CASES = 400

# --------------------------------------------------------------------------- evaluating

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv,
           ast.Mod: operator.mod, ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_CALLS: dict[str, Callable] = {"sum": sum, "len": len, "round": round}


class FormulaError(ValueError):
    """A formula outside the arithmetic `evaluate` accepts."""


def evaluate(formula: str, values: dict[str, object]) -> int | float:
    """The value of an arithmetic formula: numbers, the names in `values`, + - * / // % **,
    and sum/len/round calls. Anything else is refused (the bank is data, not code)."""
    try:
        tree = ast.parse(formula.strip(), mode="eval")
    except SyntaxError as err:
        raise FormulaError(f"{formula!r} is not an expression: {err.msg}") from None

    def ev(node: ast.AST):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in values:
                raise FormulaError(f"{formula!r} uses {node.id!r}, which is not a question "
                                   "variable")
            return values[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            left, right = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Pow) and (not isinstance(right, int) or right > 64):
                raise FormulaError(f"{formula!r}: only small whole powers")
            return _BINARY[type(node.op)](left, right)
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            return _UNARY[type(node.op)](ev(node.operand))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in _CALLS and not node.keywords and len(node.args) == 1):
            return _CALLS[node.func.id](ev(node.args[0]))
        raise FormulaError(f"{formula!r}: {type(node).__name__} is not allowed in a formula")

    return ev(tree)


def same_number(a: object, b: object) -> bool:
    try:
        return bool(np.isclose(float(a), float(b), rtol=1e-12, atol=1e-12))
    except (TypeError, ValueError):
        return False


def show_number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


# --------------------------------------------------------------------------- the kinds


@dataclass(frozen=True)
class Kind:
    key: str
    exercise: str  # the exercise whose topic and day the question belongs to
    question: Text  # a template over the variables
    sample: Callable[[random.Random], dict]  # fresh variables
    blank: int | None = None  # the solution blank that is the formula
    function: str = ""  # the solution function the formula is verified against
    formula: str = ""  # for kinds without a blank: the formula, verified by `verify`
    distractors: tuple[tuple[str, Text], ...] = ()  # for kinds without a blank
    verify: Callable | None = None  # (module, values) -> the solution's number

    def call(self, module, values: dict):
        if self.verify is not None:
            return self.verify(module, values)
        return getattr(module, self.function)(**values)


def _conv_size(rng: random.Random) -> dict:
    while True:
        v = {"H": rng.choice([5, 6, 7, 8, 10, 12, 14, 16, 28, 32, 56, 64, 224, 227]),
             "FH": rng.choice([1, 2, 3, 3, 5, 5, 7, 11]), "P": rng.choice([0, 0, 1, 1, 2, 3]),
             "S": rng.choice([1, 1, 2, 2, 3, 4])}
        if v["FH"] <= v["H"] + 2 * v["P"]:
            return v


def _deconv_size(rng: random.Random) -> dict:
    while True:
        v = {"H": rng.choice([2, 3, 4, 5, 7, 8, 14, 16, 28, 32]),
             "FH": rng.choice([2, 3, 4, 5]), "P": rng.choice([0, 0, 1, 1, 2]),
             "S": rng.choice([1, 2, 2, 2, 3, 4])}
        if (v["H"] - 1) * v["S"] - 2 * v["P"] + v["FH"] >= 1:
            return v


def _conv_params(rng: random.Random) -> dict:
    size = rng.choice([1, 3, 3, 5, 7, 11])
    fw = size if rng.random() < 0.8 else rng.choice([1, 3, 5])
    return {"FN": rng.choice([6, 8, 16, 32, 64, 96, 128, 256]),
            "C": rng.choice([1, 3, 3, 16, 32, 64, 96]), "FH": size, "FW": fw}


def _separable(rng: random.Random) -> dict:
    return {"C": rng.choice([3, 8, 16, 32, 64, 128, 256]), "K": rng.choice([3, 3, 5, 7]),
            "M": rng.choice([16, 32, 64, 128, 256, 512])}


def _receptive(rng: random.Random) -> dict:
    k = rng.choice([2, 2, 3, 3, 4])
    layers = rng.randint(2, 10)
    dilations = [2 ** level for level in range(layers)]
    if rng.random() < 0.3:
        dilations = dilations * 2  # two stacks, as WaveNet repeats them
    return {"kernel_size": k, "dilations": dilations}


def _recurrent(rng: random.Random) -> dict:
    return {"D": rng.choice([3, 8, 10, 16, 32, 50, 64, 100, 128]),
            "H": rng.choice([4, 8, 16, 20, 32, 64, 100, 128, 256])}


def _lstm_count(module, v: dict) -> int:
    """Entries of the parameter gradients the solution's lstm_cell_backward returns."""
    rng = np.random.default_rng(0)
    n, d, h = 2, v["D"], v["H"]
    x, hp, c = rng.standard_normal((n, d)), rng.standard_normal((n, h)), \
        rng.standard_normal((n, h))
    W, U, b = (0.1 * rng.standard_normal((4 * h, d)), 0.1 * rng.standard_normal((4 * h, h)),
               np.zeros(4 * h))
    c_next, h_next = module.lstm_cell(x, hp, c, W, U, b)
    assert c_next.shape == h_next.shape == (n, h)
    grads = module.lstm_cell_backward(np.ones((n, h)), np.ones((n, h)), x, hp, c, W, U, b)
    dW, dU, db = grads[3:]
    assert dW.shape == W.shape and dU.shape == U.shape and db.shape == b.shape
    return int(dW.size + dU.size + db.size)


def _gru_count(module, v: dict) -> int:
    """Entries of the parameter gradients the solution's gru_backward returns (no biases)."""
    rng = np.random.default_rng(0)
    n, d, h = 2, v["D"], v["H"]
    x, hp = rng.standard_normal((n, d)), rng.standard_normal((n, h))
    weights = [0.1 * rng.standard_normal((h, d if k % 2 == 0 else h)) for k in range(6)]
    assert module.gru(x, hp, *weights).shape == (n, h)
    grads = module.gru_backward(np.ones((n, h)), x, hp, *weights)
    assert all(g.shape == w.shape for g, w in zip(grads[2:], weights, strict=True))
    return int(sum(g.size for g in grads[2:]))


KINDS: tuple[Kind, ...] = (
    Kind("conv_output_size", "conv_output_size", blank=1, function="conv_output_size",
         sample=_conv_size, question={
             "ja": "高さ {H}・幅 {H} の入力に、{FH}×{FH} のフィルタで、パディング {P}、"
                   "ストライド {S} の畳み込みを行う。出力の高さはいくつか。",
             "en": "A {H}×{H} input is convolved with a {FH}×{FH} filter, padding {P} and "
                   "stride {S}. What is the output height?"}),
    Kind("conv_params", "conv_params", blank=1, function="conv_params",
         sample=_conv_params, question={
             "ja": "入力 {C} チャンネルに {FH}×{FW} のフィルタを {FN} 枚使う畳み込み層"
                   "（フィルタごとにバイアス 1 つ）のパラメータ数はいくつか。",
             "en": "A convolution layer has {FN} filters of size {FH}×{FW} over {C} input "
                   "channels, and one bias per filter. How many parameters does it have?"}),
    Kind("separable_conv_params", "separable_conv_params", blank=1,
         function="separable_conv_params", sample=_separable, question={
             "ja": "入力 {C} チャンネル、{K}×{K} のフィルタ、出力 {M} チャンネルの "
                   "Depthwise Separable Convolution（depthwise + pointwise、バイアスは数えない）"
                   "の重みの数はいくつか。",
             "en": "A depthwise separable convolution (depthwise then pointwise) has {C} input "
                   "channels, {K}×{K} filters and {M} output channels. How many weights does "
                   "it have (biases not counted)?"}),
    Kind("receptive_field", "causal_dilated_conv", blank=3, function="receptive_field",
         sample=_receptive, question={
             "ja": "カーネルサイズ {kernel_size} の因果的畳み込みを、dilation {dilations} "
                   "で重ねた（WaveNet）。最上層の 1 出力の受容野は何時刻分か。",
             "en": "Causal convolutions of kernel size {kernel_size} are stacked with "
                   "dilations {dilations} (WaveNet). How many time steps does the receptive "
                   "field of one output of the top layer span?"}),
    Kind("deconv_output_size", "deconv_output_size", blank=1, function="deconv_output_size",
         sample=_deconv_size, question={
             "ja": "高さ {H} の入力に、{FH}×{FH} のフィルタ、ストライド {S}、パディング {P} "
                   "の転置畳み込みを行う。出力の高さはいくつか。",
             "en": "A transposed convolution with a {FH}×{FH} filter, stride {S} and "
                   "padding {P} is applied to an input of height {H}. What is the output "
                   "height?"}),
    Kind("lstm_params", "lstm_cell", sample=_recurrent, verify=_lstm_count,
         formula="4 * (H * (D + H) + H)", question={
             "ja": "入力 {D} 次元、隠れ状態 {H} 次元の LSTM 層（入力の候補と入力・忘却・出力の "
                   "3 ゲート、それぞれに入力の重み・隠れ状態の重み・バイアス）のパラメータ数は"
                   "いくつか。",
             "en": "An LSTM layer has input size {D} and hidden size {H} (the candidate input "
                   "and the input, forget and output gates, each with input weights, "
                   "recurrent weights and a bias). How many parameters does it have?"},
         distractors=(
             ("3 * (H * (D + H) + H)", {
                 "ja": "3 組は GRU の数です。LSTM は入力の候補 a と入力・忘却・出力の 3 ゲートで"
                       " 4 組の重みを持ちます（W は (4H, D)）。",
                 "en": "Three blocks is a GRU. An LSTM has four: the candidate a and the "
                       "input, forget and output gates (W is (4H, D))."}),
             ("4 * H * (D + H)", {
                 "ja": "バイアスが抜けています。4 つのブロックそれぞれに H 個、合わせて 4H 個の"
                       "バイアスがあります。",
                 "en": "The biases are missing: each of the four blocks has H of them, 4H "
                       "in all."}),
             ("4 * (H * D + H)", {
                 "ja": "隠れ状態の重み U（4H × H）が抜けています。前の隠れ状態 h もゲートに"
                       "入ります。",
                 "en": "The recurrent weights U (4H × H) are missing: the previous hidden "
                       "state h feeds every gate too."}),
             ("H * (D + H) + H", {
                 "ja": "1 組分しか数えていません。LSTM は入力の候補と 3 つのゲートの 4 組です。",
                 "en": "Only one block is counted; an LSTM has four (the candidate and three "
                       "gates)."}),
             ("4 * (H * D * H + H)", {
                 "ja": "入力の重みと隠れ状態の重みは掛け合わせず、H·D と H·H を足します。",
                 "en": "The input and recurrent weights are added (H·D + H·H), not "
                       "multiplied."}),
         )),
    Kind("gru_params", "gru_update", sample=_recurrent, verify=_gru_count,
         formula="3 * H * (D + H)", question={
             "ja": "入力 {D} 次元、隠れ状態 {H} 次元の GRU 層（この講座の形: リセットゲート・"
                   "更新ゲート・候補の 3 組、それぞれ入力の重みと隠れ状態の重み、バイアスなし）"
                   "のパラメータ数はいくつか。",
             "en": "A GRU layer has input size {D} and hidden size {H} (the course's form: "
                   "reset gate, update gate and candidate, each with input weights and "
                   "recurrent weights, no biases). How many parameters does it have?"},
         distractors=(
             ("4 * H * (D + H)", {
                 "ja": "4 組は LSTM の数です。GRU はリセットゲート・更新ゲート・候補 h̃ の 3 組"
                       "です。",
                 "en": "Four blocks is an LSTM. A GRU has three: the reset gate, the update "
                       "gate and the candidate h̃."}),
             ("2 * H * (D + H)", {
                 "ja": "候補 h̃ の重み W, U が抜けています。ゲート 2 つと候補で 3 組です。",
                 "en": "The candidate's weights W and U are missing: two gates plus the "
                       "candidate make three blocks."}),
             ("3 * (H * (D + H) + H)", {
                 "ja": "この講座の GRU にはバイアスがありません（Keras などはバイアスを持つので"
                       "数が変わります）。",
                 "en": "The course's GRU has no biases (Keras and others add them, which "
                       "changes the count)."}),
             ("3 * H * D", {
                 "ja": "隠れ状態の重み U_r, U_z, U（それぞれ H × H）が抜けています。",
                 "en": "The recurrent weights U_r, U_z, U (H × H each) are missing."}),
             ("3 * H * D * H", {
                 "ja": "入力の重みと隠れ状態の重みは掛け合わせず、H·D と H·H を足します。",
                 "en": "The input and recurrent weights are added (H·D + H·H), not "
                       "multiplied."}),
         )),
)


def kind_of(key: str) -> Kind:
    return next(k for k in KINDS if k.key == key)


# --------------------------------------------------------------------------- build side


def bank_path(course: Course) -> Path:
    return course.public_dir / BANK_DIR / BANK_FILE


def digest(course: Course) -> str:
    h = hashlib.sha256(f"edrill-numeric-{NUMERIC_FORMAT}-{VERIFY_CASES}".encode())
    h.update(Path(__file__).read_bytes())
    for ex_id in sorted({k.exercise for k in KINDS}):
        h.update((course.solutions_dir / f"{ex_id}.py").read_bytes())
    return h.hexdigest()[:32]


def is_stale(course: Course) -> bool:
    try:
        data = json.loads(bank_path(course).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return True
    return data.get("format") != NUMERIC_FORMAT or data.get("digest") != digest(course)


class VerifyError(Exception):
    """A formula disagrees with the solution: the message names the case."""


def verify_kind(course: Course, kind: Kind, cases: int = VERIFY_CASES) -> dict:
    """Check the formula against the solution on `cases` random cases; prove distractors."""
    from grader.reference import reference_module
    from grader.trial import find_exercise

    ex = find_exercise(course, kind.exercise)
    module = reference_module(course.solutions_dir / f"{ex.id}.py", ex.id)
    if kind.blank is not None:
        formula = ex.blanks[kind.blank - 1].answer
        candidates = [(w.answer, w.why) for w in ex.wrong if w.blank == kind.blank]
    else:
        formula, candidates = kind.formula, list(kind.distractors)
    usable = []
    for text, why in candidates:
        try:
            evaluate(text, kind.sample(random.Random(0)))
        except (FormulaError, TypeError, ValueError, ZeroDivisionError):
            continue  # not plain arithmetic (np.…, a shape): not a numeric distractor
        usable.append((text, why))
    rng = random.Random(f"verify-{kind.key}")
    wrong_somewhere = {text: False for text, _ in usable}
    for _ in range(cases):
        values = kind.sample(rng)
        want = kind.call(module, dict(values))
        got = evaluate(formula, values)
        if type(want) is not int or type(got) is not int or got != want:
            raise VerifyError(f"{kind.key}: the formula {formula!r} gives {got!r} but the "
                              f"solution gives {want!r} for {values}: fix the formula")
        for text, _ in usable:
            if not wrong_somewhere[text]:
                try:
                    wrong_somewhere[text] = not same_number(evaluate(text, values), want)
                except (ArithmeticError, ValueError, TypeError):
                    wrong_somewhere[text] = True
    distractors = [{"formula": text, "why": why} for text, why in usable
                   if wrong_somewhere[text]]
    if len(distractors) < 3:
        raise VerifyError(f"{kind.key}: only {len(distractors)} distractor formulas are "
                          "proven wrong; record more arithmetic wrong answers")
    return {"key": kind.key, "exercise": ex.id, "day": ex.day, "section": ex.section,
            "topic": ex.topic, "formula": formula, "distractors": distractors,
            "verified_cases": cases}


def make_bank(course: Course) -> dict:
    return {"format": NUMERIC_FORMAT, "digest": digest(course),
            "kinds": [verify_kind(course, kind) for kind in KINDS]}


def write_bank(course: Course) -> Path:
    path = bank_path(course)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(make_bank(course), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    return path


# --------------------------------------------------------------------------- drill side


def make_question(entry: dict, rng: random.Random, tries: int = 200) -> dict | None:
    """A question of the bank entry `entry` with fresh numbers: four different numbers,
    the correct one computed by the verified formula. None if no draw gives four."""
    kind = kind_of(entry["key"])
    for _ in range(tries):
        values = kind.sample(rng)
        answer = evaluate(entry["formula"], values)
        pool = list(entry["distractors"])
        rng.shuffle(pool)
        chosen: list[tuple[dict, object]] = []
        for d in pool:
            try:
                value = evaluate(d["formula"], values)
            except (ArithmeticError, ValueError, TypeError):
                continue
            if value <= 0 or same_number(value, answer) or any(
                    same_number(value, v) for _, v in chosen):
                continue
            chosen.append((d, value))
            if len(chosen) == 3:
                break
        if len(chosen) == 3:
            shown = {k: (", ".join(map(str, v)) if isinstance(v, list) else v)
                     for k, v in values.items()}
            return {"values": values, "question": {lang: t.format(**shown) for lang, t in
                                                   kind.question.items()},
                    "answer": {"text": show_number(answer), "formula": entry["formula"]},
                    "distractors": [{"text": show_number(v), "formula": d["formula"],
                                     "why": d["why"]} for d, v in chosen]}
    return None
