"""The autograded test cells of the benchmark's nbgrader course: the edrill suites' checks.

One test cell per `@check` of `tests/suites/test_<exercise>.py` for the six core exercises,
with the same points, the same inputs (the suites' own input helpers, read from the
suites), the same known values and tolerances, the reference's values computed here from
`solutions/<exercise>.py` and written in as literals, the same gradient checks
(`grader.harness.gradcheck`) and the same convergence runs (`grader.harness.exploding_rnn`,
`grader.harness.memory_task`), which the notebook imports as an nbgrader course imports its
trusted helpers. The controls (`@control`) are the instructor's, not every student's: none
here.

Then one hidden test cell per `@check` of `tests/hidden/test_<exercise>.py` (the five
exercises that have a hidden suite), because `grader batch` runs the hidden suites too: with
them both graders do the same work and a notebook's max score is edrill's max score for the
exercise. Each is written as an nbgrader instructor writes hidden tests, the check between
`### BEGIN HIDDEN TESTS` / `### END HIDDEN TESTS` (`generate_assignment` saves the whole
cell in the gradebook, then removes that region from the student's copy; `autograde`
restores the cell from the gradebook). The same points, the same student calls, sizes,
kinds of inputs and tolerances as the hidden check; its inputs are drawn from a fixed seed
(edrill's `rng` for a student of seed HIDDEN_SEED: a native notebook has no per-student
seed, nor the live reference at grading time), and the reference's outputs on them are
computed here and written in as literals. Grade ids are `<exercise>-<check name>`.

Each cell is self-contained (a small prelude of assertion helpers, then the exercise's input
helpers, then the check), so one failing or timed-out cell cannot take the others with it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from string import Template
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from grader.hidden import check_entropy  # noqa: E402
from grader.reference import load_module  # noqa: E402

PRELUDE = '''\
import numpy as np


def _array(got, name, shape=None, kind="f"):
    assert type(got) is np.ndarray, f"{name}: expected a numpy.ndarray, got {type(got).__name__}"
    assert shape is None or got.shape == tuple(shape), \\
        f"{name}: expected shape {tuple(shape)}, got {got.shape}"
    assert got.dtype.kind in {"f": "f", "i": "iu"}[kind], f"{name}: unexpected dtype {got.dtype}"
    assert got.dtype.kind != "f" or np.all(np.isfinite(got)), f"{name}: NaN or infinite entries"
    return got


def _same(got, want, name, rtol=1e-6, atol=1e-9):
    want = np.asarray(want)
    _array(got, name, want.shape, "f" if want.dtype.kind == "f" else "i")
    assert np.allclose(got, want, rtol=rtol, atol=atol, equal_nan=False), \\
        f"{name}: values differ from the expected ones"
    return got


def _int(got, want, name):
    assert type(got) is int, f"{name}: expected a Python int, got {type(got).__name__}"
    assert got == want, f"{name}: expected {want}, got {got}"


def _tuple(got, name, n):
    assert type(got) is tuple and len(got) == n, f"{name}: expected a tuple of {n} values"
    return got


def _raises(exc, call, name):
    try:
        call()
    except exc:
        return
    raise AssertionError(f"{name}: expected {exc.__name__} to be raised")
'''

SUITES = ROOT / "tests" / "suites"
HIDDEN = ROOT / "tests" / "hidden"


def suite_source(path: Path, names: list[str]) -> str:
    """The top-level definitions `names` (functions, constants) of the suite at `path`, as
    written there (read, not imported): the notebook's input helpers are the suite's own,
    so the two cannot drift apart."""
    source = path.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            keys = [node.name]
        elif isinstance(node, ast.Assign):
            keys = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        else:
            continue
        for key in keys:
            if key in names:
                found[key] = ast.get_source_segment(source, node) or ""
    missing = [name for name in names if name not in found]
    if missing:
        raise SystemExit(f"{path}: no top-level {', '.join(missing)}; the benchmark's "
                         "notebooks take their input helpers from there")
    return "".join(f"\n{code}\n\n" for code in dict.fromkeys(found[n] for n in names))


# The input helpers of each public suite (the same inputs, the same seeds), then what the
# notebook needs beyond them; also executed here to compute the reference values written
# into the test cells.
PUBLIC_HELPERS = {
    "conv_output_size": [],
    "gradient_clipping": ["big_gradients"],
    "lstm_cell": ["make_inputs", "logit"],
    "gru_update": ["WEIGHTS", "make_inputs"],
    "bidirectional_concat": ["N", "T", "D", "H", "inputs", "with_halves"],
    "embedding": ["encode_inputs"],
}
PUBLIC_ADAPTERS = {
    # the suite builds these inputs inside its check
    "gru_update": '''
def extreme_inputs(z_in):
    x, h, W_r, U_r, _, _, W, U = make_inputs(2, N=3, D=3, H=4)
    x[:, 0] = 1.0
    W_z, U_z = np.zeros((4, 3)), np.zeros((4, 4))
    W_z[:, 0] = z_in
    return [x, h, W_r, U_r, W_z, U_z, W, U]
''',
    # the suite's takes the student's module; the notebook's `Embedding` is the student's
    "embedding": '''
def backward_dW(W, idx, dout):
    layer = Embedding(W)
    layer.forward(idx)
    layer.backward(dout)
    return layer.grads[0]
''',
}
HELPERS = {ex: suite_source(SUITES / f"test_{ex}.py", names) + PUBLIC_ADAPTERS.get(ex, "")
           for ex, names in PUBLIC_HELPERS.items()}

# (check name as in the edrill suite, points, body); $name is a literal computed here.
TESTS: dict[str, list[tuple[str, int, str]]] = {
    "conv_output_size": [
        ("test_course_values", 3, '''
for args, want in [((5, 3, 1, 2), 3), ((6, 2, 1, 1), 7), ((28, 5, 0, 1), 24)]:
    _int(conv_output_size(*args), want, f"conv_output_size{args}")
'''),
        ("test_floor_when_stride_does_not_divide", 2, '''
for args, want in [((10, 3, 0, 2), 4), ((224, 11, 2, 4), 55), ((7, 2, 0, 3), 2)]:
    _int(conv_output_size(*args), want, f"conv_output_size{args}")
'''),
        ("test_grid_against_reference", 3, '''
grid = $grid
want = $grid_want
for args, expected in zip(grid, want, strict=True):
    _int(conv_output_size(*args), expected, f"conv_output_size{args}")
'''),
        ("test_boundary_and_invalid_sizes", 2, '''
_int(conv_output_size(3, 5, 1, 1), 1, "conv_output_size(3, 5, 1, 1)")
_int(conv_output_size(4, 4, 0, 3), 1, "conv_output_size(4, 4, 0, 3)")
for args in [(3, 6, 1, 1), (5, 3, 0, 0), (5, 3, 1, -1), (-1, 3, 1, 1), (5, -3, 1, 1),
             (5, 3, -1, 1)]:
    _raises(ValueError, lambda a=args: conv_output_size(*a), f"conv_output_size{args}")
'''),
    ],
    "gradient_clipping": [
        ("test_known_values", 2, '''
_same(gradient_clipping(np.array([3.0, 4.0]), 2.0), np.array([1.2, 1.6]), "clip([3, 4], 2)")
_same(gradient_clipping(np.array([3.0, 4.0]), 0.5), np.array([0.3, 0.4]), "clip([3, 4], 0.5)")
'''),
        ("test_shape_and_dtype", 1, '''
got = _array(gradient_clipping(np.arange(12.0).reshape(3, 4), 2.5), "clip(grad (3, 4))", (3, 4))
assert got.dtype == np.float64, f"expected float64, got {got.dtype}"
'''),
        ("test_norm_equals_threshold_direction_kept", 2, '''
for grad in big_gradients():
    for threshold in (0.5, 2.5, 7.0):
        name = f"gradient_clipping(grad {grad.shape}, {threshold})"
        got = _array(gradient_clipping(grad.copy(), threshold), name, grad.shape)
        norm = float(np.linalg.norm(got))
        assert np.isfinite(norm) and np.isclose(norm, threshold, rtol=1e-9, atol=1e-12), name
        _same(got, grad * (threshold / np.linalg.norm(grad)), name)
'''),
        ("test_small_gradients_untouched", 2, '''
grad = np.array([3.0, 4.0])
got = gradient_clipping(grad.copy(), 2.0)
assert isinstance(got, np.ndarray) and np.linalg.norm(got) < 5.0 - 1e-9, "must shrink"
for threshold in (5.0, 6.0, 100.0):
    _same(gradient_clipping(grad.copy(), threshold), grad, f"clip([3, 4], {threshold})")
'''),
        ("test_exploding_rnn_trains", 3, '''
from grader.harness import exploding_rnn

params = exploding_rnn.train_weights(gradient_clipping, seed=0)
assert type(params) is dict, "training did not give back a dict of parameters"
loss, baseline = exploding_rnn.held_out_loss(params)
limit = exploding_rnn.HELD_OUT_FRACTION_OF_BASELINE * baseline
assert np.isfinite(loss) and loss < limit, f"held-out loss {loss:.4g} (below {limit:.4g} needed)"
'''),
    ],
    "lstm_cell": [
        ("test_shapes", 1, '''
args = make_inputs(1, N=3, D=5, H=4)
copies = [a.copy() for a in args]
got = _tuple(lstm_cell(*args), "lstm_cell(x, h, c, W, U, b)", 2)
for name, value in zip(("c_next", "h_next"), got, strict=True):
    _array(value, name, (3, 4))
    assert value.dtype == np.float64, f"{name}: expected float64, got {value.dtype}"
for name, before, after in zip(("x", "h", "c", "W", "U", "b"), copies, args, strict=True):
    assert np.array_equal(before, after), f"lstm_cell changed its argument {name} in place"
'''),
        ("test_gate_order_known_values", 2, '''
a = np.array([0.5, -0.8])
i = np.array([0.5, 0.75])
f = np.array([0.75, 0.25])
o = np.array([0.25, 0.8])
b = np.concatenate([np.arctanh(a), logit(i), logit(f), logit(o)])
x, h = np.ones((2, 3)), np.full((2, 2), 0.5)
c = np.array([[1.0, 2.0], [-1.0, 0.4]])
W, U = np.zeros((8, 3)), np.zeros((8, 2))
c_next, h_next = _tuple(lstm_cell(x, h, c, W, U, b), "lstm_cell(x, h, c, W, U, b)", 2)
_same(c_next, np.array([[1.0, -0.1], [-0.5, -0.5]]), "c_next")
_same(h_next, np.array([[0.1903985389889412, -0.07973439569996472],
                        [-0.11552928931500243, -0.36969372580800786]]), "h_next")
'''),
        ("test_random_against_reference", 2, '''
for seed, (c_want, h_want) in [(2, $ref_2), (3, $ref_3)]:
    args = make_inputs(seed, N=4, D=3, H=5)
    c_next, h_next = _tuple(lstm_cell(*args), "lstm_cell(x, h, c, W, U, b)", 2)
    _same(c_next, np.array(c_want), "c_next")
    _same(h_next, np.array(h_want), "h_next")
'''),
        ("test_numeric_gradient", 2, '''
from grader.harness import gradcheck

N, D, H = 2, 3, 2
args = list(make_inputs(4, N, D, H))
rng = np.random.default_rng(5)
Rc, Rh = rng.standard_normal((N, H)), rng.standard_normal((N, H))
c_next, h_next = _tuple(lstm_cell(*args), "lstm_cell(x, h, c, W, U, b)", 2)
_array(c_next, "c_next", (N, H))
_array(h_next, "h_next", (N, H))
grads = _tuple(lstm_cell_backward(Rc, Rh, *args), "lstm_cell_backward(...)", 6)
for k, name in [(0, "dx"), (1, "dh"), (2, "dc"), (3, "dW")]:
    given = _array(grads[k], name, args[k].shape)
    numeric = gradcheck.numeric_gradient(lstm_cell, args, k, [Rc, Rh])
    _same(numeric, given, name, rtol=1e-5, atol=1e-8)
'''),
        ("test_memory_task", 3, '''
from grader.harness import memory_task

weights = memory_task.train_lstm(lstm_cell, lstm_cell_backward, seed=0)
assert type(weights) is dict, "training did not give back a dict of weights"
xs, ts = memory_task.make_data(7, 256)
accuracy = memory_task.accuracy(weights, lstm_cell, xs, ts, "lstm")
assert accuracy >= 0.95, f"accuracy {accuracy:.1%} (at least 95 % needed)"
'''),
    ],
    "gru_update": [
        ("test_shapes", 1, '''
args = make_inputs(1, N=3, D=5, H=4)
copies = [a.copy() for a in args]
h_new = _array(gru(*args), "h_new", (3, 4))
assert h_new.dtype == np.float64, f"h_new: expected float64, got {h_new.dtype}"
for name, before, after in zip(("x", "h", *WEIGHTS), copies, args, strict=True):
    assert np.array_equal(before, after), f"gru changed its argument {name} in place"
'''),
        ("test_update_gate_extremes", 2, '''
for z_in, label, want in [(-40.0, "z = 0", None), (40.0, "z = 1", $ref_z1)]:
    args = extreme_inputs(z_in)
    expected = args[1].copy() if want is None else np.array(want)
    _same(gru(*args), expected, f"h_new ({label})")
'''),
        ("test_random_against_reference", 2, '''
for seed, want in [(3, $ref_3), (4, $ref_4)]:
    _same(gru(*make_inputs(seed, N=4, D=3, H=5)), np.array(want), "h_new")
'''),
        ("test_numeric_gradient", 2, '''
from grader.harness import gradcheck

N, D, H = 2, 3, 2
args = make_inputs(5, N, D, H)
R = np.random.default_rng(6).standard_normal((N, H))
_array(gru(*args), "h_new", (N, H))
grads = _tuple(gru_backward(R, *args), "gru_backward(...)", 8)
for k, name in [(1, "dh"), (0, "dx"), (2, "dW_r"), (4, "dW_z"), (6, "dW"), (7, "dU")]:
    given = _array(grads[k], name, args[k].shape)
    numeric = gradcheck.numeric_gradient(gru, args, k, [R])
    _same(numeric, given, name, rtol=1e-5, atol=1e-8)
'''),
        ("test_memory_task", 3, '''
from grader.harness import memory_task

weights = memory_task.train_gru(gru, gru_backward, seed=0)
assert type(weights) is dict, "training did not give back a dict of weights"
xs, ts = memory_task.make_data(7, 256)
accuracy = memory_task.accuracy(weights, gru, xs, ts, "gru")
assert accuracy >= 0.95, f"accuracy {accuracy:.1%} (at least 95 % needed)"
'''),
    ],
    "bidirectional_concat": [
        ("test_shape", 2, '''
for n, t, d, h in [(N, T, D, H), (3, 5, 2, 2)]:
    _array(bidirectional_states(*inputs(1, n, t, d, h)), f"hs (N={n}, T={t}, H={h})",
           (n, t, 2 * h))
'''),
        ("test_states_against_reference", 3, '''
_same(bidirectional_states(*inputs(2)), np.array($ref_states), "hs")
'''),
        ("test_network_output", 1, '''
V = np.random.default_rng(3).standard_normal((2, 2 * H))
_same(bidirectional_rnn_net(*inputs(3), V), np.array($ref_net), "ys")
'''),
        ("test_time_alignment", 3, '''
xs, *weights = inputs(4)
base = _array(bidirectional_states(xs, *weights), "hs", (N, T, 2 * H))
moved_f = np.zeros((T, T), dtype=int)
moved_b = np.zeros((T, T), dtype=int)
for k in range(T):
    changed = xs.copy()
    changed[:, k] += 1.0
    hs = _array(bidirectional_states(changed, *weights), f"hs with x[:, {k}] changed",
                (N, T, 2 * H))
    diff = np.abs(hs - base).max(axis=0)
    moved_f[k] = diff[:, :H].max(axis=1) > 1e-12
    moved_b[k] = diff[:, H:].max(axis=1) > 1e-12
assert np.array_equal(moved_f, np.triu(np.ones((T, T), dtype=int))), "forward half misaligned"
assert np.array_equal(moved_b, np.tril(np.ones((T, T), dtype=int))), "backward half misaligned"
'''),
        ("test_memoryless_halves_agree", 1, '''
xs, W, _, _, _ = inputs(5)
U = np.zeros((H, H))
hs = _array(bidirectional_states(xs, W, U, W, U), "hs", (N, T, 2 * H))
_same(hs, with_halves(hs, hs[..., :H], hs[..., :H]), "hs (backward half = forward half)")
'''),
    ],
    "embedding": [
        ("test_encode", 2, '''
for (seed, V, D_e, H, ids), want in zip([(0, 3, 3, 3, [2, 0, 2]), (1, 6, 3, 4, [4, 1, 5, 1])],
                                        [$ref_enc_0, $ref_enc_1], strict=True):
    words, *weights = encode_inputs(seed, V, D_e, H, ids)
    _same(encode(words, *weights), np.array(want), f"encode (V={V}, D_e={D_e}, H={H})")
    _same(encode(list(words), *weights), np.array(want), f"encode with a list (V={V})")
'''),
        ("test_forward_shape", 2, '''
W = np.random.default_rng(2).standard_normal((4, 5))
for idx in [np.array([3, 0, 3, 1]), np.array([[1, 3, 3], [2, 0, 1]])]:
    _array(Embedding(W).forward(idx), f"forward(idx of shape {idx.shape})", idx.shape + (5,))
'''),
        ("test_forward_values", 2, '''
W = np.arange(20.0).reshape(4, 5)
_same(Embedding(W).forward(np.array([2, 0, 2, 3])),
      np.array([[10.0, 11, 12, 13, 14], [0, 1, 2, 3, 4], [10, 11, 12, 13, 14],
                [15, 16, 17, 18, 19]]), "forward([2, 0, 2, 3])")
W = np.random.default_rng(3).standard_normal((5, 4))
_same(Embedding(W).forward(np.array([[0, 3, 3], [4, 0, 1]])), np.array($ref_fwd),
      "forward(idx (2, 3))")
'''),
        ("test_backward_values", 2, '''
W = np.random.default_rng(4).standard_normal((4, 3))
dout = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
_same(backward_dW(W, np.array([2, 0, 2]), dout),
      np.array([[4.0, 5, 6], [0, 0, 0], [8, 10, 12], [0, 0, 0]]), "dW for idx [2, 0, 2]")
rng = np.random.default_rng(5)
W, dout = rng.standard_normal((6, 3)), rng.standard_normal((2, 3, 3))
_same(backward_dW(W, np.array([[3, 1, 3], [5, 3, 0]]), dout), np.array($ref_bwd),
      "dW for idx [[3, 1, 3], [5, 3, 0]]")
'''),
        ("test_numeric_gradient", 2, '''
from grader.harness import gradcheck

rng = np.random.default_rng(6)
W = rng.standard_normal((4, 3))
idx = np.array([[1, 3, 1], [3, 1, 0]])
R = rng.standard_normal((2, 3, 3))
_array(Embedding(W).forward(idx), "forward(idx (2, 3))", R.shape)
numeric = gradcheck.numeric_gradient(Embedding, [W], 0, [R], then="forward", then_args=[idx])
_same(backward_dW(W, idx, R), numeric, "dW", rtol=1e-5, atol=1e-8)
'''),
    ],
}

# The hidden checks (`tests/hidden/test_<exercise>.py`), as an nbgrader instructor writes
# hidden tests: the cell's check between `### BEGIN HIDDEN TESTS` / `### END HIDDEN TESTS`.
# edrill draws their inputs from the `rng` fixture, seeded per student; a native nbgrader
# notebook cannot, and cannot call the reference at grading time either, so each cell draws
# from a fixed seed, the very Generator edrill hands the check for a student whose seed is
# HIDDEN_SEED (`grader.plugin`: default_rng([seed, check_entropy(check name)])), the same
# draws in the same order, and compares with the reference's outputs on those inputs,
# computed here and written in as literals. The same student calls, sizes and tolerances.
HIDDEN_SEED = 2026

# The input makers of each hidden suite, then the notebook's form of what calls the student's
# code there (the notebook's assertion prelude, its own `Embedding`).
HIDDEN_MAKERS = {
    "gradient_clipping": ["random_gradient", "threshold_between"],
    "lstm_cell": ["random_inputs"],
    "gru_update": ["random_inputs"],
    "bidirectional_concat": ["random_inputs"],
    "embedding": ["repeated_ids"],
}
HIDDEN_ADAPTERS = {
    "lstm_cell": """
def outputs(got, N, H):
    c_next, h_next = _tuple(got, "lstm_cell(x, h, c, W, U, b)", 2)
    return _array(c_next, "c_next", (N, H)), _array(h_next, "h_next", (N, H))
""",
    "embedding": PUBLIC_ADAPTERS["embedding"],
}
HIDDEN_HELPERS = {ex: suite_source(HIDDEN / f"test_{ex}.py", names)
                  + HIDDEN_ADAPTERS.get(ex, "") for ex, names in HIDDEN_MAKERS.items()}

# (check name as in the hidden suite, points, body): $rng is the check's Generator, $want the
# reference's outputs on its draws (one per student call compared with the reference).
HIDDEN_TESTS: dict[str, list[tuple[str, int, str]]] = {
    "conv_output_size": [],  # no hidden suite
    "gradient_clipping": [
        ("test_hidden_random_clipped", 2, """
rng = $rng
for want in $want:
    grad = random_gradient(rng)
    threshold = threshold_between(rng, np.linalg.norm(grad), 0.1, 0.8)
    _same(gradient_clipping(grad.copy(), threshold), np.array(want),
          f"gradient_clipping(grad {grad.shape}, {threshold:.4g})")
"""),
        ("test_hidden_norm_and_untouched", 1, """
rng = $rng
for _ in range(4):
    grad = random_gradient(rng)
    norm = np.linalg.norm(grad)
    threshold = threshold_between(rng, norm, 0.1, 0.8)
    name = f"gradient_clipping(grad {grad.shape}, {threshold:.4g})"
    got = _array(gradient_clipping(grad.copy(), threshold), name, grad.shape)
    got_norm = float(np.linalg.norm(got))
    assert np.isfinite(got_norm) and np.isclose(got_norm, threshold, rtol=1e-9, atol=1e-12), \\
        f"norm of {name}: expected {threshold:.6g}, got {got_norm:.6g}"
    threshold = threshold_between(rng, norm, 1.2, 3.0)
    _same(gradient_clipping(grad.copy(), threshold), grad,
          f"gradient_clipping(grad {grad.shape}, {threshold:.4g})")
"""),
    ],
    "lstm_cell": [
        ("test_hidden_random_sizes", 2, """
rng = $rng
for c_want, h_want in $want:
    N, D, H = (int(n) for n in rng.integers(1, 7, size=3))
    args = random_inputs(rng, N, D, H)
    c_next, h_next = outputs(lstm_cell(*args), N, H)
    _same(c_next, np.array(c_want), f"c_next (N={N}, D={D}, H={H})")
    _same(h_next, np.array(h_want), f"h_next (N={N}, D={D}, H={H})")
"""),
        ("test_hidden_unrolled_sequence", 1, """
rng = $rng
N, D, H = 3, 4, 5
x, h, c, W, U, b = random_inputs(rng, N, D, H)
xs = rng.standard_normal((8, N, D))
c_ref, h_ref = $want
for t in range(8):
    c, h = outputs(lstm_cell(xs[t], h, c, W, U, b), N, H)
_same(c, np.array(c_ref), "c after 8 steps")
_same(h, np.array(h_ref), "h after 8 steps")
"""),
    ],
    "gru_update": [
        ("test_hidden_random_sizes", 2, """
rng = $rng
for want in $want:
    N, D, H = (int(n) for n in rng.integers(1, 7, size=3))
    args = random_inputs(rng, N, D, H)
    got = _array(gru(*args), "h_new", (N, H))
    _same(got, np.array(want), f"h_new (N={N}, D={D}, H={H})")
"""),
        ("test_hidden_unrolled_sequence", 1, """
rng = $rng
N, D, H = 3, 4, 5
x, h, *weights = random_inputs(rng, N, D, H)
xs = rng.standard_normal((8, N, D))
h_ref = $want
for t in range(8):
    h = _array(gru(xs[t], h, *weights), "h_new", (N, H))
_same(h, np.array(h_ref), "h after 8 steps")
"""),
    ],
    "bidirectional_concat": [
        ("test_hidden_random_states", 2, """
rng = $rng
for want in $want:
    (N, T, H), args = random_inputs(rng)
    got = _array(bidirectional_states(*args), f"hs (N={N}, T={T}, H={H})", (N, T, 2 * H))
    _same(got, np.array(want), f"hs (N={N}, T={T}, H={H})")
"""),
        ("test_hidden_random_network", 1, """
rng = $rng
(N, T, H), args = random_inputs(rng)
V = rng.standard_normal((int(rng.integers(1, 4)), 2 * H))
got = _array(bidirectional_rnn_net(*args, V), "ys", (N, T, V.shape[0]))
_same(got, np.array($want), f"ys (N={N}, T={T}, O={V.shape[0]})")
"""),
    ],
    "embedding": [
        ("test_hidden_random_encode", 1, """
rng = $rng
V, D_e, H, T = (int(n) for n in rng.integers(2, 7, size=4))
E = rng.standard_normal((D_e, V))
W, U, b = (rng.standard_normal((H, D_e)), 0.5 * rng.standard_normal((H, H)),
           rng.standard_normal(H))
words = np.eye(V)[rng.integers(0, V, size=T)]
_same(encode(words, E, W, U, b), np.array($want), f"encode (V={V}, D_e={D_e}, H={H})")
"""),
        ("test_hidden_random_forward", 1, """
rng = $rng
for want in $want:
    V, D = (int(n) for n in rng.integers(2, 8, size=2))
    W = rng.standard_normal((V, D))
    idx = repeated_ids(rng, V, tuple(int(n) for n in rng.integers(1, 5, size=2)))
    _same(Embedding(W).forward(idx), np.array(want), f"forward(idx {idx.shape}), W ({V}, {D})")
"""),
        ("test_hidden_random_backward", 2, """
rng = $rng
for want in $want:
    V, D = (int(n) for n in rng.integers(2, 8, size=2))
    W = rng.standard_normal((V, D))
    idx = repeated_ids(rng, V, tuple(int(n) for n in rng.integers(1, 5, size=2)))
    dout = rng.standard_normal(idx.shape + (D,))
    _same(backward_dW(W, idx, dout), np.array(want), f"dW for idx {idx.shape}, W ({V}, {D})")
"""),
    ],
}


def lit(value: Any) -> str:
    """A Python literal of an array (nested lists of exact float reprs) or tuple of arrays."""
    if isinstance(value, tuple):
        return "(" + ", ".join(lit(v) for v in value) + ",)"
    if isinstance(value, np.ndarray):
        return repr(value.tolist())
    return repr(value)


def reference_values(ex_id: str) -> dict[str, str]:
    """The reference's values the suite compares against, as literals for the test cells."""
    ref = load_module(ROOT / "solutions" / f"{ex_id}.py", f"_bench_ref_{ex_id}")
    ns: dict[str, Any] = {"np": np}
    exec(HELPERS[ex_id], ns)  # the very helpers the test cells run
    if ex_id == "conv_output_size":
        grid = [(H, FH, P, S) for H in (1, 4, 7, 12) for FH in (1, 3, 4) for P in (0, 1)
                for S in (1, 2) if FH <= H + 2 * P]
        return {"grid": lit(grid), "grid_want": lit([ref.conv_output_size(*a) for a in grid])}
    if ex_id == "gradient_clipping":
        return {}
    if ex_id == "lstm_cell":
        return {f"ref_{s}": lit(ref.lstm_cell(*ns["make_inputs"](s, N=4, D=3, H=5)))
                for s in (2, 3)}
    if ex_id == "gru_update":
        out = {f"ref_{s}": lit(ref.gru(*ns["make_inputs"](s, N=4, D=3, H=5))) for s in (3, 4)}
        out["ref_z1"] = lit(ref.gru(*ns["extreme_inputs"](40.0)))
        return out
    if ex_id == "bidirectional_concat":
        V = np.random.default_rng(3).standard_normal((2, 2 * ns["H"]))
        return {"ref_states": lit(ref.bidirectional_states(*ns["inputs"](2))),
                "ref_net": lit(ref.bidirectional_rnn_net(*ns["inputs"](3), V))}
    if ex_id == "embedding":
        enc = [ref.encode(*ns["encode_inputs"](*case)) for case in
               [(0, 3, 3, 3, [2, 0, 2]), (1, 6, 3, 4, [4, 1, 5, 1])]]
        W = np.random.default_rng(3).standard_normal((5, 4))
        fwd = ref.Embedding(W).forward(np.array([[0, 3, 3], [4, 0, 1]]))
        rng = np.random.default_rng(5)
        W, dout = rng.standard_normal((6, 3)), rng.standard_normal((2, 3, 3))
        layer = ref.Embedding(W)
        layer.forward(np.array([[3, 1, 3], [5, 3, 0]]))
        layer.backward(dout)
        return {"ref_enc_0": lit(enc[0]), "ref_enc_1": lit(enc[1]), "ref_fwd": lit(fwd),
                "ref_bwd": lit(layer.grads[0])}
    raise KeyError(ex_id)


def hidden_rng(check: str) -> tuple[str, np.random.Generator]:
    """The check's Generator (edrill's for a student of seed HIDDEN_SEED): its literal for the
    cell, and a fresh one to draw the same inputs here."""
    seed = [HIDDEN_SEED, check_entropy(check)]
    return f"np.random.default_rng({seed!r})", np.random.default_rng(seed)


def hidden_reference_values(ex_id: str) -> dict[str, dict[str, str]]:
    """Check name -> {"rng": the cell's Generator, "want": the reference's outputs on the
    inputs the cell draws from it}, as literals. The draws are the cells' (and the hidden
    suite's), in the same order; a correct student gets full marks only if they match."""
    if not HIDDEN_TESTS[ex_id]:
        return {}
    ref = load_module(ROOT / "solutions" / f"{ex_id}.py", f"_bench_ref_{ex_id}")
    ns: dict[str, Any] = {"np": np, "_tuple": lambda got, name, n: got,
                          "_array": lambda got, name, shape=None, kind="f": got}
    if ex_id == "embedding":
        ns["Embedding"] = ref.Embedding
    exec(HIDDEN_HELPERS[ex_id], ns)  # the very helpers the hidden cells run
    out: dict[str, dict[str, str]] = {}

    def draws(check: str) -> np.random.Generator:
        cell_rng, rng = hidden_rng(check)
        out[check] = {"rng": cell_rng}
        return rng

    def want(check: str, value: Any) -> None:  # a list: one value per call, in order
        out[check]["want"] = ("[" + ", ".join(map(lit, value)) + "]" if isinstance(value, list)
                              else lit(value))

    if ex_id == "gradient_clipping":
        rng, wants = draws("test_hidden_random_clipped"), []
        for _ in range(6):
            grad = ns["random_gradient"](rng)
            threshold = ns["threshold_between"](rng, np.linalg.norm(grad), 0.1, 0.8)
            wants.append(ref.gradient_clipping(grad.copy(), threshold))
        want("test_hidden_random_clipped", wants)
        draws("test_hidden_norm_and_untouched")  # no reference: the norm and the identity
    elif ex_id in ("lstm_cell", "gru_update"):
        step = ref.lstm_cell if ex_id == "lstm_cell" else ref.gru
        rng, wants = draws("test_hidden_random_sizes"), []
        for _ in range(4):
            N, D, H = (int(n) for n in rng.integers(1, 7, size=3))
            wants.append(step(*ns["random_inputs"](rng, N, D, H)))
        want("test_hidden_random_sizes", wants)
        rng = draws("test_hidden_unrolled_sequence")
        x, h, *rest = ns["random_inputs"](rng, 3, 4, 5)
        xs = rng.standard_normal((8, 3, 4))
        if ex_id == "lstm_cell":
            c, W, U, b = rest
            for t in range(8):
                c, h = ref.lstm_cell(xs[t], h, c, W, U, b)
            want("test_hidden_unrolled_sequence", (c, h))
        else:
            for t in range(8):
                h = ref.gru(xs[t], h, *rest)
            want("test_hidden_unrolled_sequence", h)
    elif ex_id == "bidirectional_concat":
        rng = draws("test_hidden_random_states")
        want("test_hidden_random_states",
             [ref.bidirectional_states(*ns["random_inputs"](rng)[1]) for _ in range(4)])
        rng = draws("test_hidden_random_network")
        (_, _, H), args = ns["random_inputs"](rng)
        V = rng.standard_normal((int(rng.integers(1, 4)), 2 * H))
        want("test_hidden_random_network", ref.bidirectional_rnn_net(*args, V))
    elif ex_id == "embedding":
        rng = draws("test_hidden_random_encode")
        V, D_e, H, T = (int(n) for n in rng.integers(2, 7, size=4))
        E = rng.standard_normal((D_e, V))
        W, U, b = (rng.standard_normal((H, D_e)), 0.5 * rng.standard_normal((H, H)),
                   rng.standard_normal(H))
        words = np.eye(V)[rng.integers(0, V, size=T)]
        want("test_hidden_random_encode", ref.encode(words, E, W, U, b))
        for check in ("test_hidden_random_forward", "test_hidden_random_backward"):
            rng, wants = draws(check), []
            for _ in range(3):
                V, D = (int(n) for n in rng.integers(2, 8, size=2))
                W = rng.standard_normal((V, D))
                idx = ns["repeated_ids"](rng, V, tuple(int(n) for n in rng.integers(1, 5, size=2)))
                if check == "test_hidden_random_forward":
                    wants.append(ref.Embedding(W).forward(idx))
                else:
                    wants.append(ns["backward_dW"](W, idx, rng.standard_normal(idx.shape + (D,))))
            want(check, wants)
    else:
        raise KeyError(ex_id)
    return out


def hidden_cell(body: str, points: int) -> str:
    """A hidden test cell's code: what nbgrader leaves of it in the student's copy (a comment),
    then the check between the markers, which it removes there and restores at autograde."""
    return (f"# a hidden test ({points} point{'s' if points != 1 else ''}): it runs when your "
            "work is graded\n### BEGIN HIDDEN TESTS\n" + body.strip() + "\n### END HIDDEN TESTS")


def test_cells(ex_id: str) -> list[tuple[str, int, str]]:
    """(grade id, points, source) of the exercise's autograded test cells: the public suite's
    checks, then the hidden suite's, as edrill's `grader batch` runs them."""
    values = reference_values(ex_id)
    cells = []
    for name, points, body in TESTS[ex_id]:
        source = PRELUDE + HELPERS[ex_id] + "\n" + Template(body).substitute(values).strip()
        cells.append((f"{ex_id}-{name}", points, source + "\n"))
    hidden = hidden_reference_values(ex_id)
    for name, points, body in HIDDEN_TESTS[ex_id]:
        code = HIDDEN_HELPERS[ex_id] + "\n" + Template(body).substitute(hidden[name]).strip()
        cells.append((f"{ex_id}-{name}", points, PRELUDE + "\n" + hidden_cell(code, points) + "\n"))
    names = [grade_id for grade_id, _, _ in cells]
    assert len(set(names)) == len(names), f"{ex_id}: repeated grade ids"
    return cells
