"""Training harnesses for the convergence checks (check kind C).

Each module trains a small numpy model with a function under test passed in as an argument
(a student's gradient clipping, LSTM cell, GRU cell) and reports what happened, so a grading
suite can judge behaviour over many steps. They import only numpy and the standard library
and contain no exercise's answer: students may read them.

- ``exploding_rnn``: a ReLU RNN whose gradients explode trains only with gradient clipping.
- ``memory_task``: an LSTM or GRU learns to remember a bit over many steps; a plain tanh RNN
  with the same budget does not.
"""
