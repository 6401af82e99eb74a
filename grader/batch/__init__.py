"""`grader batch`: grade a folder of untrusted submissions into a SQLite results store.

discover (what to grade) -> store (what is already graded; the one writer's transactions)
-> runner (sandbox slots in parallel) -> progress (the bar on stderr).
"""
