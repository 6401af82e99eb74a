"""The course's helper functions, for students to use in their own experiments.

`from grader.common import functions` (or `from grader.common.functions import sigmoid`)
gives the helpers in the Rabbit Challenge's own style — loss helpers take the teacher label
first, `(d, y)` — with the known bugs of the widely copied versions corrected.
"""
