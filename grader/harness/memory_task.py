"""Convergence harness for recurrent cells: a memory task an LSTM or GRU learns, a plain RNN not.

The task: a sequence of ``T`` steps, each with ``D = 3`` input features
``[value, marker, 1]``. Every value is a random bit (+1 or -1). At one step, drawn uniformly
from ``0 .. MAX_BIT_POSITION``, the marker is 1: that step's value is the bit to remember;
all other values are distractors and their marker is 0. The third feature is always 1: the
course GRU has no bias terms, and this input lets its gates learn one. The target is the
marked bit, read from the last hidden state only: ``1`` for +1, ``0`` for -1. Chance is
50 %. To answer, a model must store the bit when the marker says so and keep it through at
least ``T - 1 - MAX_BIT_POSITION`` steps of distractors: a gated cell (LSTM, GRU) learns
this, a plain tanh RNN trained with the same budget does not (it cannot gate its input, and
its gradient through time vanishes).

Training (the same for the three models):

- forward the model over a fresh seeded batch of ``BATCH_SIZE`` sequences, one call of the
  cell per time step, vectorised over the batch;
- a linear readout of the final hidden state, ``logit = h_T W_out^T + b_out``, and the
  logistic (binary cross-entropy) loss;
- full backpropagation through time, one call of the cell's backward per time step;
- an Adam step (the book form, written out in ``Adam``);
- at most ``ITERATIONS`` times, stopping as soon as the task is learnt: ``LEARNED_BATCHES``
  fresh batches in a row all recalled with a loss below ``LEARNED_LOSS`` (``Learned``;
  checked before the backward pass, so the weights returned are those that recalled them).

The cells get read-only views of their inputs, so a cell that writes into its arguments
cannot corrupt the stored states (called in-process it fails with numpy's "read-only"
error; through the proxy its changes are not copied back into a read-only array).

Measured with the defaults below (reference cells, ``OPENBLAS_NUM_THREADS=1``, 1000 held-out
sequences from ``make_data(10_000, ...)``), over training seeds 0..99: the LSTM learns the
task and stops after 48.8 iterations on average (25..71), reaching >= 0.95 for 99 seeds
(seed 75 is still on its plateau after 100 iterations); the GRU stops after 41.4 (19..91)
and reaches >= 0.95 for all 100 (the lowest 0.957); the RNN trains the full 100 iterations
and stays <= 0.70 for 97 (not for seeds 9, which learns it and stops after 66, 31 and 50):
train with fixed seeds and keep the held-out data secret. With seed 0 a training run takes
about 0.23 s (LSTM, 47 iterations), 0.08 s (GRU, 34) and 0.09 s (RNN, 100); without the
stopping rule the LSTM and GRU took 0.5 s and 0.3 s, with the same figures for >= 0.95.

In grading, the training runs in the worker beside the student's module (``trace``: the
cells under test, a student's ``lstm_cell``/``gru`` and their backward functions, are
called there up to 2 800 times without crossing the process boundary) and hands back every output
of the cells; the trusted process runs the training again with those outputs (``replay``)
and ``grader.verify`` checks each of them against direct calls of the student's cells, so a
module that replaces this code gains nothing. The module imports only numpy and the
standard library and does not contain the cells' formulas (students may read it). The
trained weights are judged with ``accuracy`` on held-out data (``make_data`` with another
seed), calling the cell once per time step through the proxy.

Cell interfaces (column form: weights are ``(out, in)``, inputs are rows):

- LSTM: ``lstm_cell(x, h, c, W, U, b) -> (c_next, h_next)`` with ``x (N, D)``,
  ``h, c (N, H)``, ``W (4H, D)``, ``U (4H, H)``, ``b (4H,)``, gate order a, i, f, o; and
  ``lstm_cell_backward(dc_next, dh_next, x, h, c, W, U, b) -> (dx, dh, dc, dW, dU, db)``.
- GRU (course form, no biases): ``gru(x, h, W_r, U_r, W_z, U_z, W, U) -> h_new`` with
  ``W_* (H, D)``, ``U_* (H, H)``; and
  ``gru_backward(dh_new, x, h, W_r, U_r, W_z, U_z, W, U) -> (dx, dh, dW_r, dU_r, dW_z,
  dU_z, dW, dU)``.
- plain RNN (the control, defined here): ``rnn_cell(x, h, W_x, W_h, b) -> h_next``,
  ``h_next = tanh(x W_x^T + h W_h^T + b)``, ``W_x (H, D)``, ``W_h (H, H)``, ``b (H,)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from grader.harness import curves

SEQ_LEN = 14  # T
MAX_BIT_POSITION = 5
"""The bit to remember sits at a step drawn uniformly from ``0 .. MAX_BIT_POSITION``."""
DISTRACTING_STEPS = SEQ_LEN - 1 - MAX_BIT_POSITION  # at least this many steps follow the bit
INPUT_SIZE = 3  # D: [value, marker, 1]
HIDDEN_SIZE = 12  # H
BATCH_SIZE = 32  # N
ITERATIONS = 100
"""The most training iterations; training stops earlier once the task is learnt."""
LEARNED_BATCHES = 5
LEARNED_LOSS = 0.05
"""Training stops once ``LEARNED_BATCHES`` fresh batches in a row are all recalled with a
loss below ``LEARNED_LOSS`` (see ``Learned``)."""
LEARNING_RATE = 0.04
FORGET_BIAS = 2.0
"""Initial bias of the LSTM forget gate (the other LSTM biases start at 0)."""

BETA1 = 0.9
BETA2 = 0.999
ADAM_EPS = 1e-7

Weights = dict[str, np.ndarray]


# --------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------


def make_data(seed: int, n: int, T: int = SEQ_LEN) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` sequences of the memory task.

    Args:
        seed: seeds ``np.random.default_rng``.
        n: number of sequences.
        T: sequence length.

    Returns:
        xs: inputs, shape ``(n, T, 3)``, float64. ``xs[:, t, 0]`` is the value at step
            ``t`` (+1 or -1), ``xs[:, t, 1]`` the marker (1 at the one step whose value is
            to be remembered, else 0), ``xs[:, t, 2]`` the constant 1.
        ts: targets, shape ``(n,)``, float64: 1.0 where the marked bit is +1, else 0.0.
    """
    rng = np.random.default_rng(seed)
    return _draw(rng, n, T)


def _draw(rng: np.random.Generator, n: int, T: int) -> tuple[np.ndarray, np.ndarray]:
    """Draw a batch from ``rng``; see ``make_data``."""
    if not 0 < MAX_BIT_POSITION < T:
        raise ValueError(f"T must exceed {MAX_BIT_POSITION}, got {T}")
    values = rng.choice([-1.0, 1.0], size=(n, T))  # (n, T) random bits
    position = rng.integers(0, MAX_BIT_POSITION + 1, size=n)  # (n,) where the bit is
    rows = np.arange(n)
    xs = np.zeros((n, T, INPUT_SIZE))  # (n, T, D)
    xs[:, :, 0] = values
    xs[rows, position, 1] = 1.0
    xs[:, :, 2] = 1.0
    ts = (values[rows, position] > 0).astype(np.float64)  # (n,)
    return xs, ts


# --------------------------------------------------------------------------------------
# checking what the cells under test return
# --------------------------------------------------------------------------------------


def _check_array(
    value: object, shape: tuple[int, ...], what: str, *, finite: bool = True
) -> np.ndarray:
    """Return ``value`` as float64 after checking it is a float array of ``shape``.

    With ``finite=True`` it must also be free of nan and inf. (During training the
    finiteness is checked once per iteration, on the final state and on the summed
    gradients, where any non-finite value returned by a cell ends up; see
    ``_check_finite``.)

    Raises:
        ValueError: naming ``what`` and the problem.
    """
    if not isinstance(value, np.ndarray):
        raise ValueError(f"{what} must be a numpy array, got {type(value).__name__}")
    if value.shape != shape:
        raise ValueError(f"{what} must have shape {shape}, got {value.shape}")
    if value.dtype.kind != "f":
        raise ValueError(f"{what} must be a float array, got dtype {value.dtype}")
    if finite and not np.isfinite(value).all():
        raise ValueError(f"{what} contains non-finite values (nan or inf)")
    return np.asarray(value, dtype=np.float64)


def _check_tuple(
    value: object,
    shapes: Sequence[tuple[int, ...]],
    names: Sequence[str],
    where: str,
    *,
    finite: bool = True,
) -> list[np.ndarray]:
    """Check the tuple of arrays returned by ``where`` against ``shapes``."""
    if not isinstance(value, (tuple, list)) or len(value) != len(shapes):
        got = f"{len(value)} values" if isinstance(value, (tuple, list)) else type(value).__name__
        raise ValueError(
            f"{where} must return {len(shapes)} arrays ({', '.join(names)}), got {got}"
        )
    return [
        _check_array(v, s, f"{name} returned by {where}", finite=finite)
        for v, s, name in zip(value, shapes, names, strict=True)
    ]


def _check_finite(arrays: dict[str, np.ndarray], where: str, iteration: int) -> None:
    """Raise ``ValueError`` if any of ``arrays`` (named by their keys) is not finite."""
    for name, arr in arrays.items():
        if not np.isfinite(arr).all():
            raise ValueError(
                f"{where} returned non-finite values (nan or inf): {name} is not finite "
                f"in training iteration {iteration}"
            )


def _frozen(arr: np.ndarray) -> np.ndarray:
    """A read-only view of ``arr``: a cell that writes into its inputs fails loudly."""
    view = arr.view()
    view.flags.writeable = False
    return view


# --------------------------------------------------------------------------------------
# model pieces shared by the three models
# --------------------------------------------------------------------------------------


def _xavier(rng: np.random.Generator, n_out: int, n_in: int) -> np.ndarray:
    """Course Xavier initialisation in column form: ``randn(n_out, n_in) / sqrt(n_in)``."""
    return rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)


def _readout_init(rng: np.random.Generator, H: int) -> Weights:
    """Readout weights: ``W_out (1, H)``, ``b_out (1,)``."""
    return {"W_out": _xavier(rng, 1, H), "b_out": np.zeros(1)}


def _readout_loss(
    h: np.ndarray, ts: np.ndarray, W_out: np.ndarray, b_out: np.ndarray
) -> tuple[float, bool, np.ndarray, np.ndarray, np.ndarray]:
    """Logistic loss of the linear readout of the final hidden state, and its gradients.

    ``logit = h W_out^T + b_out``, ``loss = mean(log(1 + exp(logit)) - t * logit)``
    (the binary cross-entropy of ``sigmoid(logit)``), ``dloss/dlogit = (sigmoid(logit) - t) / N``.

    Args:
        h: final hidden state, shape ``(N, H)``.
        ts: targets in {0, 1}, shape ``(N,)``.
        W_out: ``(1, H)``; b_out: ``(1,)``.

    Returns:
        loss: the mean binary cross-entropy.
        recalled: whether every sequence's bit is predicted right (``logit > 0`` for +1).
        dh: gradient with respect to ``h``, ``(N, H)``.
        dW_out: ``(1, H)``; db_out: ``(1,)``.
    """
    N = h.shape[0]
    logit = (h @ W_out.T + b_out)[:, 0]  # (N,)
    loss = float(np.mean(np.logaddexp(0.0, logit) - ts * logit))
    recalled = bool(np.all((logit > 0) == (ts > 0.5)))
    p = 0.5 * (1.0 + np.tanh(0.5 * logit))  # sigmoid(logit) without overflow (N,)
    dlogit = ((p - ts) / N)[:, None]  # (N, 1)
    return loss, recalled, dlogit @ W_out, dlogit.T @ h, dlogit.sum(axis=0)


class Learned:
    """When a training may stop: the task is learnt once ``LEARNED_BATCHES`` batches in a
    row are all recalled with a loss below ``LEARNED_LOSS``.

    Every batch is fresh (drawn, never trained on, before its forward pass), so a run of
    them is held-out evidence. The check comes between a batch's forward pass and its
    backward pass: training stops with the very weights that recalled the last batch (no
    update after it). A model that never gets there trains for the full ``ITERATIONS``.
    Measured (reference cells, seeds 0..99, 1000 held-out sequences): see the module's
    docstring.
    """

    def __init__(self, batches: int = LEARNED_BATCHES, loss: float = LEARNED_LOSS) -> None:
        self.batches = batches
        self.loss = loss
        self.streak = 0

    def after(self, loss: float, recalled: bool) -> bool:
        """Count one batch's forward pass; True when training may stop here."""
        self.streak = self.streak + 1 if recalled and loss < self.loss else 0
        return self.streak >= self.batches


class Adam:
    """Adam in the form of *Deep Learning from Scratch*.

    ``lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)``, ``m += (1 - beta1) (g - m)``,
    ``v += (1 - beta2) (g^2 - v)``, ``p -= lr_t m / (sqrt(v) + 1e-7)``.
    """

    def __init__(self, lr: float, beta1: float = BETA1, beta2: float = BETA2) -> None:
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m: Weights = {}
        self.v: Weights = {}

    def update(self, params: Weights, grads: Weights) -> None:
        """Update ``params`` in place with ``grads`` (same keys and shapes)."""
        if not self.m:
            for key, val in params.items():
                self.m[key] = np.zeros_like(val)
                self.v[key] = np.zeros_like(val)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            self.m[key] += (1.0 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1.0 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + ADAM_EPS)


# --------------------------------------------------------------------------------------
# LSTM
# --------------------------------------------------------------------------------------

LSTM_KEYS = ("W", "U", "b", "W_out", "b_out")


def init_lstm(seed: int, hidden: int = HIDDEN_SIZE, forget_bias: float = FORGET_BIAS) -> Weights:
    """Initial LSTM weights.

    ``W (4H, D)`` and ``U (4H, H)`` course Xavier, ``b (4H,)`` zero except the forget-gate
    block (the third of the gate order a, i, f, o), which starts at ``forget_bias``; plus
    the readout ``W_out (1, H)``, ``b_out (1,)``.
    """
    rng = np.random.default_rng(seed)
    H, D = hidden, INPUT_SIZE
    b = np.zeros(4 * H)
    b[2 * H : 3 * H] = forget_bias
    params = {"W": _xavier(rng, 4 * H, D), "U": _xavier(rng, 4 * H, H), "b": b}
    return params | _readout_init(rng, H)


def train_lstm(
    cell: Callable[..., object],
    cell_backward: Callable[..., object],
    *,
    seed: int = 0,
    T: int = SEQ_LEN,
    hidden: int = HIDDEN_SIZE,
    batch_size: int = BATCH_SIZE,
    iterations: int = ITERATIONS,
    lr: float = LEARNING_RATE,
    forget_bias: float = FORGET_BIAS,
) -> Weights:
    """Train an LSTM built from ``cell`` and ``cell_backward`` on the memory task.

    Args:
        cell: ``lstm_cell(x, h, c, W, U, b) -> (c_next, h_next)``.
        cell_backward: ``lstm_cell_backward(dc_next, dh_next, x, h, c, W, U, b)
            -> (dx, dh, dc, dW, dU, db)``.
        seed: seeds the initialisation and the training batches.
        T, hidden, batch_size, iterations, lr, forget_bias: the training budget (at most
            ``iterations``: it stops earlier once the task is learnt, see ``Learned``).

    Returns:
        The trained weights ``W (4H, D)``, ``U (4H, H)``, ``b (4H,)``, ``W_out (1, H)``,
        ``b_out (1,)``, float64.

    Raises:
        ValueError: if ``cell`` or ``cell_backward`` returns something other than a tuple of
            float arrays of the expected shapes, or non-finite values.
    """
    params = init_lstm(seed, hidden, forget_bias)
    rng = np.random.default_rng([seed, 1])  # the batches: a stream apart from the init
    optimizer = Adam(lr)
    learned = Learned()
    H, D, N = hidden, INPUT_SIZE, batch_size
    state_shapes = [(N, H), (N, H)]
    grad_shapes = [(N, D), (N, H), (N, H), (4 * H, D), (4 * H, H), (4 * H,)]
    losses = curves.track("loss", ja="学習バッチの交差エントロピー損失",
                          en="training batch cross-entropy loss")
    for iteration in range(iterations):
        xs, ts = _draw(rng, N, T)  # (N, T, D), (N,)
        W, U, b = (_frozen(params[key]) for key in ("W", "U", "b"))

        # forward; keep each step's inputs (x_t, h_{t-1}, c_{t-1}) for the backward pass
        h = _frozen(np.zeros((N, H)))  # h_0 (N, H)
        c = _frozen(np.zeros((N, H)))  # c_0 (N, H)
        inputs = []
        for t in range(T):
            x = _frozen(xs[:, t])  # (N, D)
            inputs.append((x, h, c))
            out = cell(x, h, c, W, U, b)
            c, h = (
                _frozen(a)
                for a in _check_tuple(
                    out, state_shapes, ["c_next", "h_next"], "lstm_cell", finite=False
                )
            )
        _check_finite({"the final h": h, "the final c": c}, "lstm_cell", iteration)
        loss, recalled, dh, dW_out, db_out = _readout_loss(h, ts, params["W_out"],
                                                           params["b_out"])
        losses.append(loss)
        if learned.after(loss, recalled):
            break  # these weights recalled the last batches: no backward pass, no update

        # backward through time
        grads = {"W": np.zeros_like(W), "U": np.zeros_like(U), "b": np.zeros_like(b)}
        dc = np.zeros((N, H))  # (N, H)
        for t in reversed(range(T)):
            x, h_prev, c_prev = inputs[t]
            out = cell_backward(_frozen(dc), _frozen(dh), x, h_prev, c_prev, W, U, b)
            _, dh, dc, dW, dU, db = _check_tuple(
                out,
                grad_shapes,
                ["dx", "dh", "dc", "dW", "dU", "db"],
                "lstm_cell_backward",
                finite=False,
            )
            grads["W"] += dW
            grads["U"] += dU
            grads["b"] += db
        summed = {f"the summed d{key}": grads[key] for key in ("W", "U", "b")}
        _check_finite(summed, "lstm_cell_backward", iteration)
        grads["W_out"] = dW_out
        grads["b_out"] = db_out
        optimizer.update(params, grads)
    return params


# --------------------------------------------------------------------------------------
# GRU
# --------------------------------------------------------------------------------------

GRU_KEYS = ("W_r", "U_r", "W_z", "U_z", "W", "U", "W_out", "b_out")
_GRU_CELL_KEYS = GRU_KEYS[:6]


def init_gru(seed: int, hidden: int = HIDDEN_SIZE) -> Weights:
    """Initial GRU weights: ``W_r, W_z, W (H, D)`` and ``U_r, U_z, U (H, H)`` course Xavier,
    plus the readout ``W_out (1, H)``, ``b_out (1,)``."""
    rng = np.random.default_rng(seed)
    H, D = hidden, INPUT_SIZE
    params = {key: _xavier(rng, H, D if key.startswith("W") else H) for key in _GRU_CELL_KEYS}
    return params | _readout_init(rng, H)


def train_gru(
    cell: Callable[..., object],
    cell_backward: Callable[..., object],
    *,
    seed: int = 0,
    T: int = SEQ_LEN,
    hidden: int = HIDDEN_SIZE,
    batch_size: int = BATCH_SIZE,
    iterations: int = ITERATIONS,
    lr: float = LEARNING_RATE,
) -> Weights:
    """Train a GRU built from ``cell`` and ``cell_backward`` on the memory task.

    Args:
        cell: ``gru(x, h, W_r, U_r, W_z, U_z, W, U) -> h_new``.
        cell_backward: ``gru_backward(dh_new, x, h, W_r, U_r, W_z, U_z, W, U)
            -> (dx, dh, dW_r, dU_r, dW_z, dU_z, dW, dU)``.
        seed: seeds the initialisation and the training batches.
        T, hidden, batch_size, iterations, lr: the training budget (at most ``iterations``:
            it stops earlier once the task is learnt, see ``Learned``).

    Returns:
        The trained weights ``W_r, W_z, W (H, D)``, ``U_r, U_z, U (H, H)``,
        ``W_out (1, H)``, ``b_out (1,)``, float64.

    Raises:
        ValueError: if ``cell`` or ``cell_backward`` returns something other than a float
            array (or a tuple of them) of the expected shapes, or non-finite values.
    """
    params = init_gru(seed, hidden)
    rng = np.random.default_rng([seed, 1])  # the batches: a stream apart from the init
    optimizer = Adam(lr)
    learned = Learned()
    H, D, N = hidden, INPUT_SIZE, batch_size
    keys = _GRU_CELL_KEYS
    grad_shapes = [(N, D), (N, H)] + [params[key].shape for key in keys]
    grad_names = ["dx", "dh"] + ["d" + key for key in keys]
    losses = curves.track("loss", ja="学習バッチの交差エントロピー損失",
                          en="training batch cross-entropy loss")
    for iteration in range(iterations):
        xs, ts = _draw(rng, N, T)  # (N, T, D), (N,)
        weights = [_frozen(params[key]) for key in keys]

        # forward; keep each step's inputs (x_t, h_{t-1}) for the backward pass
        h = _frozen(np.zeros((N, H)))  # h_0 (N, H)
        inputs = []
        for t in range(T):
            x = _frozen(xs[:, t])  # (N, D)
            inputs.append((x, h))
            out = cell(x, h, *weights)
            h = _frozen(_check_array(out, (N, H), "h_new returned by gru", finite=False))
        _check_finite({"the final h": h}, "gru", iteration)
        loss, recalled, dh, dW_out, db_out = _readout_loss(h, ts, params["W_out"],
                                                           params["b_out"])
        losses.append(loss)
        if learned.after(loss, recalled):
            break  # these weights recalled the last batches: no backward pass, no update

        # backward through time
        grads = {key: np.zeros_like(params[key]) for key in keys}
        for t in reversed(range(T)):
            x, h_prev = inputs[t]
            out = cell_backward(_frozen(dh), x, h_prev, *weights)
            _, dh, *dweights = _check_tuple(
                out, grad_shapes, grad_names, "gru_backward", finite=False
            )
            for key, dw in zip(keys, dweights, strict=True):
                grads[key] += dw
        summed = {f"the summed d{key}": grads[key] for key in keys}
        _check_finite(summed, "gru_backward", iteration)
        grads["W_out"] = dW_out
        grads["b_out"] = db_out
        optimizer.update(params, grads)
    return params


# --------------------------------------------------------------------------------------
# plain tanh RNN (the control)
# --------------------------------------------------------------------------------------

RNN_KEYS = ("W_x", "W_h", "b", "W_out", "b_out")
_RNN_CELL_KEYS = RNN_KEYS[:3]


def rnn_cell(
    x: np.ndarray, h: np.ndarray, W_x: np.ndarray, W_h: np.ndarray, b: np.ndarray
) -> np.ndarray:
    """One step of a plain tanh RNN, column form.

    ``h_next = tanh(x W_x^T + h W_h^T + b)`` with ``x (N, D)``, ``h (N, H)``,
    ``W_x (H, D)``, ``W_h (H, H)``, ``b (H,)``; returns ``h_next (N, H)``.
    """
    return np.tanh(x @ W_x.T + h @ W_h.T + b)


def rnn_cell_backward(
    dh_next: np.ndarray,
    x: np.ndarray,
    h: np.ndarray,
    W_x: np.ndarray,
    W_h: np.ndarray,
    b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Backward of ``rnn_cell``: returns ``(dx (N, D), dh (N, H), dW_x, dW_h, db)``."""
    h_next = rnn_cell(x, h, W_x, W_h, b)  # (N, H)
    da = dh_next * (1.0 - h_next**2)  # through tanh (N, H)
    return da @ W_x, da @ W_h, da.T @ x, da.T @ h, da.sum(axis=0)


def init_rnn(seed: int, hidden: int = HIDDEN_SIZE) -> Weights:
    """Initial RNN weights: ``W_x (H, D)``, ``W_h (H, H)`` course Xavier, ``b (H,)`` zero,
    plus the readout ``W_out (1, H)``, ``b_out (1,)``."""
    rng = np.random.default_rng(seed)
    H, D = hidden, INPUT_SIZE
    params = {"W_x": _xavier(rng, H, D), "W_h": _xavier(rng, H, H), "b": np.zeros(H)}
    return params | _readout_init(rng, H)


def train_rnn(
    *,
    seed: int = 0,
    T: int = SEQ_LEN,
    hidden: int = HIDDEN_SIZE,
    batch_size: int = BATCH_SIZE,
    iterations: int = ITERATIONS,
    lr: float = LEARNING_RATE,
) -> Weights:
    """Train the plain tanh RNN (the control) on the memory task: same data, budget, stopping
    rule and optimizer as ``train_lstm`` and ``train_gru``.

    Returns:
        The trained weights ``W_x (H, D)``, ``W_h (H, H)``, ``b (H,)``, ``W_out (1, H)``,
        ``b_out (1,)``, float64.
    """
    params = init_rnn(seed, hidden)
    rng = np.random.default_rng([seed, 1])  # the batches: a stream apart from the init
    optimizer = Adam(lr)
    learned = Learned()
    H, N = hidden, batch_size
    keys = _RNN_CELL_KEYS
    losses = curves.track("loss", ja="学習バッチの交差エントロピー損失",
                          en="training batch cross-entropy loss")
    for _ in range(iterations):
        xs, ts = _draw(rng, N, T)  # (N, T, D), (N,)
        weights = [params[key] for key in keys]

        # forward; keep each step's inputs (x_t, h_{t-1}) for the backward pass
        h = np.zeros((N, H))  # h_0 (N, H)
        inputs = []
        for t in range(T):
            x = xs[:, t]  # (N, D)
            inputs.append((x, h))
            h = rnn_cell(x, h, *weights)
        loss, recalled, dh, dW_out, db_out = _readout_loss(h, ts, params["W_out"],
                                                           params["b_out"])
        losses.append(loss)
        if learned.after(loss, recalled):
            break  # these weights recalled the last batches: no backward pass, no update

        # backward through time
        grads = {key: np.zeros_like(params[key]) for key in keys}
        for t in reversed(range(T)):
            x, h_prev = inputs[t]
            _, dh, *dweights = rnn_cell_backward(dh, x, h_prev, *weights)
            for key, dw in zip(keys, dweights, strict=True):
                grads[key] += dw
        grads["W_out"] = dW_out
        grads["b_out"] = db_out
        optimizer.update(params, grads)
    return params


# --------------------------------------------------------------------------------------
# a traced training: run in the worker, replayed and checked in the trusted process
# --------------------------------------------------------------------------------------
# Through the proxy the training costs a round trip per cell call (up to 2 800). Instead
# the worker runs it (``trace``) keeping every output of the cells, and the trusted process
# runs the same training again with those outputs handed back in order (``replay``): its
# own code makes every input, its own Adam makes every weight. What is left is a claim per
# call, "the cell gave this for these inputs", and the calls of one iteration share their
# weights, so grader.verify checks all of them with two direct calls per iteration, the
# rows of the iteration's time steps stacked into one batch (cells are row-wise).

TRAIN: dict[str, Callable[..., Weights]] = {"lstm": train_lstm, "gru": train_gru}
STACKING = {
    # (the leading arguments that are rows of the batch, the leading outputs that are rows;
    # the other arguments are the weights the calls of an iteration share, the other
    # outputs weight gradients, summed over the batch)
    "lstm": {"forward": (3, 2), "backward": (5, 3)},
    "gru": {"forward": (2, 1), "backward": (3, 2)},
}


class _Recorder:
    """The cell under test, keeping what each call returned (worker side)."""

    def __init__(self, fn: Callable[..., object]) -> None:
        self.fn = fn
        self.outputs: list = []

    def __call__(self, *args: np.ndarray) -> object:
        out = self.fn(*args)
        self.outputs.append(out)
        return out


def _stack(outputs: list) -> tuple[np.ndarray, ...]:
    """Per position of the outputs, every call's array stacked: (calls, ...)."""
    rows = [out if isinstance(out, tuple | list) else (out,) for out in outputs]
    return tuple(np.stack([np.asarray(row[k]) for row in rows]) for k in range(len(rows[0])))


def trace(kind: str, cell: Callable[..., object], cell_backward: Callable[..., object], *,
          seed: int = 0) -> dict[str, tuple[np.ndarray, ...]]:
    """Train ``kind`` ("lstm" or "gru") with the cells (worker side); every output of
    ``cell`` and ``cell_backward``, in call order, stacked per position."""
    forward, backward = _Recorder(cell), _Recorder(cell_backward)
    TRAIN[kind](forward, backward, seed=seed)
    return {"forward": _stack(forward.outputs), "backward": _stack(backward.outputs)}


class _Replayer:
    """Hands back the claimed outputs in call order and keeps a copy of each call's
    arguments: ``calls[k] = (row arguments, shared weights)``, the weights one tuple shared
    by the consecutive calls that got the very same weight arrays (Adam later changes those
    arrays in place, so they are copied when first seen)."""

    def __init__(self, claimed: object, single: bool, what: str, rows: int) -> None:
        if not (isinstance(claimed, tuple | list) and claimed
                and all(type(a) is np.ndarray for a in claimed)
                and len({len(a) for a in claimed}) == 1):
            raise ValueError(f"the trace of {what} is not a tuple of stacked arrays")
        self.claimed = claimed
        self.single = single
        self.what = what
        self.rows = rows
        self.calls: list[tuple[tuple, tuple]] = []
        self._seen: tuple = ()  # the weight arrays of the previous call (the originals)

    def __call__(self, *args: np.ndarray) -> object:
        k = len(self.calls)
        if k >= len(self.claimed[0]):
            raise ValueError(f"the trace holds fewer calls of {self.what} than the training "
                             "makes")
        shared = args[self.rows:]
        if not (self.calls and len(shared) == len(self._seen)
                and all(a is b for a, b in zip(shared, self._seen, strict=True))):
            self._seen = shared
            weights = tuple(np.array(a, copy=True) for a in shared)
        else:
            weights = self.calls[-1][1]
        self.calls.append((tuple(np.array(a, copy=True) for a in args[:self.rows]), weights))
        out = tuple(a[k] for a in self.claimed)
        return out[0] if self.single else out

    def complete(self) -> None:
        if len(self.calls) != len(self.claimed[0]):
            raise ValueError(f"the trace holds more calls of {self.what} than the training "
                             "makes")


def replay(kind: str, traced: object, *, seed: int = 0) -> tuple[Weights, _Replayer, _Replayer]:
    """The training of ``kind`` run here with the traced outputs (trusted side): the trained
    weights and the replayers, whose ``calls`` are what each claim must be checked against.

    Raises ValueError when the trace is malformed or its outputs cannot serve the training
    (the same checks as for the cells themselves)."""
    if type(traced) is not dict or set(traced) != {"forward", "backward"}:
        raise ValueError("the trace is not a dict of forward and backward outputs")
    names = {"lstm": ("lstm_cell", "lstm_cell_backward"), "gru": ("gru", "gru_backward")}[kind]
    forward = _Replayer(traced["forward"], kind == "gru", names[0],
                        STACKING[kind]["forward"][0])
    backward = _Replayer(traced["backward"], False, names[1], STACKING[kind]["backward"][0])
    weights = TRAIN[kind](forward, backward, seed=seed)
    forward.complete()
    backward.complete()
    return weights, forward, backward


def stacked_calls(calls: list[tuple[tuple, tuple]]) -> list[tuple[list[int], tuple]]:
    """A replayer's calls grouped by the weights they share (one iteration's time steps),
    each group as (its call indexes, the arguments of one call whose row arguments are the
    group's rows stacked along the batch axis)."""
    groups: list[tuple[list[int], tuple]] = []
    start = 0
    for k in range(1, len(calls) + 1):
        if k < len(calls) and calls[k][1] is calls[start][1]:
            continue
        members = list(range(start, k))
        rows = tuple(np.concatenate([calls[m][0][j] for m in members])
                     for j in range(len(calls[start][0])))
        groups.append((members, rows + calls[start][1]))
        start = k
    return groups


# --------------------------------------------------------------------------------------
# evaluation (runs in the trusted process, where ``step`` may be a proxy to the worker)
# --------------------------------------------------------------------------------------

_KEYS = {"lstm": LSTM_KEYS, "gru": GRU_KEYS, "rnn": RNN_KEYS}


def _weight_shapes(kind: str, H: int, D: int) -> dict[str, tuple[int, ...]]:
    """The shape of every weight of a ``kind`` model with hidden size ``H``, input size ``D``."""
    readout = {"W_out": (1, H), "b_out": (1,)}
    if kind == "lstm":
        return {"W": (4 * H, D), "U": (4 * H, H), "b": (4 * H,)} | readout
    if kind == "gru":
        cell = {key: (H, D) if key.startswith("W") else (H, H) for key in _GRU_CELL_KEYS}
        return cell | readout
    return {"W_x": (H, D), "W_h": (H, H), "b": (H,)} | readout


def accuracy(
    weights: Weights, step: Callable[..., object], xs: np.ndarray, ts: np.ndarray, kind: str
) -> float:
    """Fraction of sequences whose marked bit the trained model recalls.

    Runs ``T`` calls of ``step``, each on the whole batch, then the readout; the model
    predicts +1 where ``logit > 0``.

    Args:
        weights: trained weights as returned by ``train_lstm``, ``train_gru`` or
            ``train_rnn``.
        step: one time step of the model: ``lstm_cell`` for ``"lstm"``, ``gru`` for
            ``"gru"``, this module's ``rnn_cell`` for ``"rnn"``.
        xs: inputs, ``(n, T, D)``; ts: targets in {0, 1}, ``(n,)`` (from ``make_data``).
        kind: ``"lstm"``, ``"gru"`` or ``"rnn"``.

    Returns:
        The accuracy, a float in [0, 1].

    Raises:
        ValueError: on an unknown ``kind``, a missing or non-finite weight, or a ``step``
            result that is not a finite float array of the expected shape.
    """
    if kind not in _KEYS:
        raise ValueError(f"kind must be one of {sorted(_KEYS)}, got {kind!r}")
    n, T, D = xs.shape
    W_out = weights.get("W_out")
    if not isinstance(W_out, np.ndarray) or W_out.ndim != 2 or W_out.shape[0] != 1:
        raise ValueError(f"the {kind} weight 'W_out' must be an array of shape (1, H)")
    H = W_out.shape[1]
    for key, shape in _weight_shapes(kind, H, D).items():
        if key not in weights:
            raise ValueError(f"the {kind} weights lack {key!r}")
        _check_array(weights[key], shape, f"the {kind} weight {key!r}")
    h = np.zeros((n, H))  # h_0 (n, H)
    if kind == "lstm":
        c = np.zeros((n, H))  # c_0 (n, H)
        W, U, b = weights["W"], weights["U"], weights["b"]
        for t in range(T):
            out = step(xs[:, t], h, c, W, U, b)
            c, h = _check_tuple(out, [(n, H), (n, H)], ["c_next", "h_next"], "lstm_cell")
    else:
        cell_keys = _GRU_CELL_KEYS if kind == "gru" else _RNN_CELL_KEYS
        args = [weights[key] for key in cell_keys]
        name = "gru" if kind == "gru" else "rnn_cell"
        for t in range(T):
            h = _check_array(step(xs[:, t], h, *args), (n, H), f"the output of {name}")
    logit = (h @ weights["W_out"].T + weights["b_out"])[:, 0]  # (n,)
    return float(np.mean((logit > 0) == (ts > 0.5)))
