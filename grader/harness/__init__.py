"""Training harnesses for the convergence checks (check kind C).

Each module trains a small numpy model with a function under test passed in as an argument
(a student's gradient clipping, LSTM cell, optimizer, training step, …) and reports what
happened, so a grading suite can judge behaviour over many steps. They import only numpy
and the standard library and contain no exercise's answer: students may read them.

Their loops run in the trusted process, calling the student's code through the ``student``
proxy once per step: a harness run inside the worker shares the process with the student's
module, which could replace it, so only what ``grader.verify`` checks against direct calls
(numeric gradients, the memory task's traced training) and the makers of inputs run there.
The fork-server still preloads them all:

- ``exploding_rnn``: a ReLU RNN whose gradients explode trains only with gradient clipping.
- ``memory_task``: an LSTM or GRU learns to remember a bit over many steps; a plain tanh RNN
  with the same budget does not.
- ``optimizer_task``: an optimizer class minimises a quadratic whose optimum is away from 0.
- ``narrow_valley``: the book's ill-conditioned valley, where Momentum, AdaGrad, RMSProp and
  Adam reach the optimum in a budget in which SGD at its best learning rate does not.
- ``deep_net``: a badly initialized 8-layer ReLU net that learns only with batch norm.
- ``digits``: a two-layer net trained on real handwritten digits (``grader/data``).
- ``binary_addition``: the course's simple RNN learning 8-bit binary addition.
- ``rl_task``: Q-learning on a small chain MDP whose Q* is known.
- ``two_layer``: the exact loss of a small two-layer net, for gradient checks.
- ``validate``: checks that what a student's step returns is still finite float arrays.
- ``gradcheck``: numeric gradients (by a function's argument, or by a method's argument of
  a freshly made object such as a layer's ``forward(x)``), one round trip each, run in the
  worker and spot-checked by ``grader.verify``.
- ``functions``: named test functions and seeded generators, made in the worker and handed
  back as handles for direct calls (numerical_gradient, minibatch, dropout, weight_init).

``judge`` judges what the trainings return.
"""
