"""Convergence harness for gradient clipping: an exploding ReLU RNN trained with a given clip.

The network is a one-layer ReLU RNN in the row form of *Deep Learning from Scratch*
(``x (N, D) @ Wx (D, H)``), initialised so that it explodes: the recurrent matrix is
``1.5 * I`` plus a little noise, so its spectral radius is about 1.5 and both the hidden
states and the gradients of backpropagation through time grow like ``1.5 ** T``.

Task: read a sequence of ``T`` numbers drawn uniformly from ``[-1, 1]`` and output their sum,
scaled to unit variance. A ReLU RNN can represent it exactly (one unit carries the positive
part of the running sum, another the negative part), so the loss can go far below the loss
of the best constant prediction.

Every training step is full-batch gradient descent on one fixed, seeded batch:

1. forward the RNN over the batch (vectorised over the batch, a loop over time);
2. backpropagate through time;
3. flatten all parameter gradients, in the order ``Wx, Wh, b, Wy, by``, into one 1-D
   vector ``g``;
4. call ``g = clip(g, threshold)`` exactly once (``clip=None`` means no clipping);
5. check what ``clip`` returned, unflatten it and take a plain SGD step
   ``param -= lr * grad``.

The very first gradient has a norm in the thousands. Without clipping (or with a wrong one)
the first steps throw the weights so far that the loss explodes; with norm clipping every
step is at most ``lr * threshold`` long, the recurrent weights shrink back to a stable size
and the network learns the sum. Training stops early, without calling ``clip`` again, as
soon as it has diverged.

Measured with the constants below (in-process clip, ``OPENBLAS_NUM_THREADS=1``): a correct
norm clip converges for 998 of the seeds 0..999 (all of 0..317; not 318 and 661, which end
at 0.4 and 11 times the baseline loss) and ``clip=None`` diverges for all 1000, at the first
update. One run takes about 0.07 s plus the cost of the 200 ``clip`` calls.

This module contains no part of any exercise's answer: the ``clip`` under test comes in
as an argument.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from grader.harness import curves

ClipFn = Callable[[np.ndarray, float], np.ndarray]

THRESHOLD = 2.5
"""Default clipping threshold (deliberately not 1.0, so that ``g / threshold`` is not ``g``)."""

LEARNING_RATE = 0.04
STEPS = 200
BATCH_SIZE = 32  # N
TIME_STEPS = 12  # T
INPUT_SIZE = 1  # D
HIDDEN_SIZE = 16  # H
SPECTRAL_RADIUS = 1.5  # Wh starts as SPECTRAL_RADIUS * I + RECURRENT_NOISE * N(0, 1/H)
RECURRENT_NOISE = 0.1

FINAL_WINDOW = 10
"""The final loss is the mean loss of the last ``FINAL_WINDOW`` steps."""

DIVERGENCE_FACTOR = 1e6
"""A run has diverged once a loss exceeds ``DIVERGENCE_FACTOR`` times the initial loss.

Large on purpose: with a correct clip the loss may still jump a few thousand times above a
small initial loss on the way (the cliff that clipping steps over); without clipping the
loss is more than 1e9 times the initial loss after the first update (every seed tried)."""

CONVERGED_FRACTION_OF_INITIAL = 0.1
CONVERGED_FRACTION_OF_BASELINE = 0.25

PARAM_NAMES = ("Wx", "Wh", "b", "Wy", "by")
"""The order in which the parameter gradients are flattened into ``g``."""


@dataclass(frozen=True)
class TrainResult:
    """The outcome of one training run.

    Attributes:
        losses: the loss of every step that was taken, shape ``(steps_taken,)``; shorter
            than ``STEPS`` when the run stopped early because it diverged.
        initial_loss: the loss before the first update.
        final_loss: the mean loss of the last ``FINAL_WINDOW`` recorded steps (``inf`` or
            ``nan`` after a divergence).
        baseline_loss: the loss of the best constant prediction (half the variance of the
            targets), the level a network that learned nothing would reach.
        diverged: a loss or the gradient stopped being finite, or a loss exceeded
            ``DIVERGENCE_FACTOR`` times the initial loss.
        converged: not diverged and the final loss is below both
            ``CONVERGED_FRACTION_OF_INITIAL`` times the initial loss and
            ``CONVERGED_FRACTION_OF_BASELINE`` times the baseline loss.
        criterion: the convergence criterion in English, with this run's numbers.
    """

    losses: np.ndarray
    initial_loss: float
    final_loss: float
    baseline_loss: float
    diverged: bool
    converged: bool
    criterion: str
    params: dict[str, np.ndarray]


def make_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Draw the training batch: sequences of uniform numbers and their scaled sums.

    Returns:
        xs: inputs, shape ``(N, T, D)`` with ``D = 1``, uniform in ``[-1, 1]``.
        ts: targets, shape ``(N, 1)``: ``sum_t xs[:, t, 0] / sqrt(T / 3)`` (unit variance).
    """
    xs = rng.uniform(-1.0, 1.0, size=(BATCH_SIZE, TIME_STEPS, INPUT_SIZE))  # (N, T, D)
    ts = xs.sum(axis=(1, 2))[:, None] / np.sqrt(TIME_STEPS / 3.0)  # (N, 1)
    return xs, ts


def init_params(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Initialise the RNN so that it explodes (recurrent spectral radius about 1.5)."""
    H = HIDDEN_SIZE
    return {
        "Wx": rng.normal(0.0, 1.0, size=(INPUT_SIZE, H)),  # (D, H)
        "Wh": SPECTRAL_RADIUS * np.eye(H)
        + RECURRENT_NOISE * rng.normal(0.0, 1.0, size=(H, H)) / np.sqrt(H),  # (H, H)
        "b": np.zeros(H),  # (H,)
        "Wy": rng.normal(0.0, 1.0, size=(H, 1)) / np.sqrt(H),  # (H, 1)
        "by": np.zeros(1),  # (1,)
    }


def forward(params: dict[str, np.ndarray], xs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Run the ReLU RNN over a batch of sequences.

    ``h_t = relu(x_t Wx + h_{t-1} Wh + b)`` for ``t = 1 .. T`` with ``h_0 = 0``, and
    ``y = h_T Wy + by``. The input term ``x_t Wx + b`` does not depend on the recurrence, so
    it is computed for all steps at once; the loop over time does the rest.

    Args:
        params: the parameters (see ``init_params`` for their shapes).
        xs: inputs, shape ``(N, T, D)``.

    Returns:
        hs: the hidden states ``h_0 .. h_T``, shape ``(N, T + 1, H)``.
        y: the outputs, shape ``(N, 1)``.
    """
    N, T, _ = xs.shape
    Wh = params["Wh"]
    xw = xs @ params["Wx"] + params["b"]  # x_t Wx + b for every t (N, T, H)
    hs = np.zeros((N, T + 1, Wh.shape[0]))  # hs[:, 0] = h_0 = 0 (N, T + 1, H)
    for t in range(T):
        a = xw[:, t] + hs[:, t] @ Wh  # (N, H)
        hs[:, t + 1] = np.maximum(a, 0.0)  # (N, H)
    y = hs[:, T] @ params["Wy"] + params["by"]  # (N, 1)
    return hs, y


def backward(
    params: dict[str, np.ndarray], xs: np.ndarray, hs: np.ndarray, dy: np.ndarray
) -> dict[str, np.ndarray]:
    """Backpropagation through time for ``forward``.

    The loop over time carries ``dL/dh_t`` back and stores ``dL/da_t`` (the gradient at the
    ReLU's input) for every step; the weight gradients are then sums over the batch and over
    time, each computed with one matrix product.

    Args:
        params: the parameters used in the forward pass.
        xs: inputs, shape ``(N, T, D)``.
        hs: the hidden states returned by ``forward``, shape ``(N, T + 1, H)``.
        dy: the gradient of the loss with respect to ``y``, shape ``(N, 1)``.

    Returns:
        The gradient of the loss with respect to every parameter, same keys and shapes.
    """
    N, T, D = xs.shape
    H = hs.shape[2]
    Wh = params["Wh"]
    das = np.empty((N, T, H))  # dL/da_t for every step (N, T, H)
    dh = dy @ params["Wy"].T  # dL/dh_T (N, H)
    for t in reversed(range(T)):
        da = dh * (hs[:, t + 1] > 0)  # through the ReLU (N, H)
        das[:, t] = da
        dh = da @ Wh.T  # dL/dh_{t-1} (N, H)
    das_flat = das.reshape(N * T, H)  # (N*T, H)
    return {
        "Wx": xs.reshape(N * T, D).T @ das_flat,  # sum over n, t of x_t^T da_t (D, H)
        "Wh": hs[:, :T].reshape(N * T, H).T @ das_flat,  # sum of h_{t-1}^T da_t (H, H)
        "b": das_flat.sum(axis=0),  # (H,)
        "Wy": hs[:, T].T @ dy,  # (H, 1)
        "by": dy.sum(axis=0),  # (1,)
    }


def flatten(grads: dict[str, np.ndarray]) -> np.ndarray:
    """Concatenate the gradients, in the order of ``PARAM_NAMES``, into one 1-D vector."""
    return np.concatenate([grads[name].ravel() for name in PARAM_NAMES])


def unflatten(g: np.ndarray, params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Split a flat vector made by ``flatten`` back into arrays shaped like ``params``."""
    out = {}
    offset = 0
    for name in PARAM_NAMES:
        shape = params[name].shape
        size = params[name].size
        out[name] = g[offset : offset + size].reshape(shape)
        offset += size
    return out


def _checked_clip_result(result: object, g: np.ndarray, step: int) -> np.ndarray:
    """Return ``clip``'s result as float64 after checking it; raise ``ValueError`` if bad."""
    where = f"at training step {step}, clip(g, threshold) with g of shape {g.shape}"
    if type(result) is not np.ndarray:
        raise ValueError(f"{where} returned {type(result).__name__}, not a numpy array")
    if result.shape != g.shape:
        raise ValueError(f"{where} returned an array of shape {result.shape}, not {g.shape}")
    if result.dtype.kind != "f":
        raise ValueError(f"{where} returned an array of dtype {result.dtype}, not a float array")
    if not np.all(np.isfinite(result)):
        raise ValueError(f"{where} returned an array with non-finite values (nan or inf)")
    return result.astype(np.float64)


def _criterion(initial_loss: float, baseline_loss: float) -> str:
    """The convergence criterion in English, with the numbers of one run."""
    return (
        f"the mean loss of the last {FINAL_WINDOW} of {STEPS} steps must be finite, below "
        f"{CONVERGED_FRACTION_OF_INITIAL:g} x the initial loss "
        f"({CONVERGED_FRACTION_OF_INITIAL * initial_loss:.4g}) and below "
        f"{CONVERGED_FRACTION_OF_BASELINE:g} x the loss of the best constant prediction "
        f"({CONVERGED_FRACTION_OF_BASELINE * baseline_loss:.4g}); the run counts as diverged "
        f"if a loss or the gradient becomes non-finite or a loss exceeds "
        f"{DIVERGENCE_FACTOR:g} x the initial loss"
    )


def train(clip: ClipFn | None, *, seed: int = 0, threshold: float = THRESHOLD) -> TrainResult:
    """Train the exploding ReLU RNN with ``clip`` applied to the flat gradient every step.

    Args:
        clip: ``clip(g, threshold) -> g_clipped``, called exactly once per step with the
            flat gradient ``g`` (1-D float64, parameters in the order of ``PARAM_NAMES``);
            ``None`` trains without clipping. In grading it is the student's function.
        seed: seeds the initialisation and the training batch.
        threshold: passed to ``clip`` as its second argument.

    Returns:
        A ``TrainResult``.

    Raises:
        ValueError: if ``threshold`` is not a positive number, or ``clip`` returned
            something other than a finite 1-D float numpy array of the shape of ``g``
            (the message names the step and the problem).
    """
    threshold = float(threshold)
    if not (np.isfinite(threshold) and threshold > 0):
        raise ValueError(f"threshold must be a positive number, got {threshold}")

    rng = np.random.default_rng(seed)
    params = init_params(rng)
    xs, ts = make_data(rng)  # (N, T, D), (N, 1)
    N = xs.shape[0]
    baseline_loss = 0.5 * float(np.var(ts))

    # the loss of every step, tracked for the feedback page (grader.harness.curves)
    losses = curves.track("loss", ja="学習データの二乗誤差損失", en="training squared-error loss")
    diverged = False
    # Overflow is the expected outcome of a diverging run: detect it, do not warn about it.
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(STEPS):
            hs, y = forward(params, xs)
            loss = 0.5 * float(np.sum((y - ts) ** 2)) / N
            losses.append(loss)
            if not np.isfinite(loss) or loss > DIVERGENCE_FACTOR * losses[0]:
                diverged = True
                break

            dy = (y - ts) / N  # (N, 1)
            g = flatten(backward(params, xs, hs, dy))  # (P,)
            if not np.all(np.isfinite(g)):
                diverged = True
                break

            if clip is not None:
                g = _checked_clip_result(clip(g, threshold), g, step)

            for name, grad in unflatten(g, params).items():
                params[name] = params[name] - LEARNING_RATE * grad

        loss_array = np.array(losses)
        loss_array.flags.writeable = False  # the result is frozen, its array too
        initial_loss = float(loss_array[0])
        final_loss = float(np.mean(loss_array[-FINAL_WINDOW:]))

    converged = (
        not diverged
        and np.isfinite(final_loss)
        and final_loss < CONVERGED_FRACTION_OF_INITIAL * initial_loss
        and final_loss < CONVERGED_FRACTION_OF_BASELINE * baseline_loss
    )
    return TrainResult(
        losses=loss_array,
        initial_loss=initial_loss,
        final_loss=final_loss,
        baseline_loss=baseline_loss,
        diverged=diverged,
        converged=bool(converged),
        criterion=_criterion(initial_loss, baseline_loss),
        params=params,
    )


HELD_OUT_SEED = 1_000_003
"""Seeds the held-out batch on which the trusted process judges trained parameters."""

HELD_OUT_FRACTION_OF_BASELINE = 0.25


def train_weights(clip: ClipFn, *, seed: int = 0,
                  threshold: float = THRESHOLD) -> dict[str, np.ndarray]:
    """Train inside the worker; return the final parameters and the losses, plain arrays.

    The trusted process does not take the worker's word for convergence: it judges the
    returned parameters on a held-out batch with ``held_out_loss``.
    """
    result = train(clip, seed=seed, threshold=threshold)
    return {"losses": result.losses, **result.params}


def held_out_loss(params: dict[str, np.ndarray]) -> tuple[float, float]:
    """The loss of ``params`` on a held-out batch, and that batch's baseline loss.

    Raises ``ValueError`` when ``params`` lacks a parameter or has one of the wrong shape.
    """
    reference = init_params(np.random.default_rng(0))
    for name, value in reference.items():
        got = params.get(name)
        if type(got) is not np.ndarray or got.shape != value.shape or got.dtype.kind != "f":
            raise ValueError(f"the trained parameter {name} is missing or not a float array "
                             f"of shape {value.shape}")
    xs, ts = make_data(np.random.default_rng(HELD_OUT_SEED))
    with np.errstate(over="ignore", invalid="ignore"):
        _, y = forward(params, xs)
        loss = 0.5 * float(np.sum((y - ts) ** 2)) / xs.shape[0]
    return loss, 0.5 * float(np.var(ts))
