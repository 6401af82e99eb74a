"""The exam drill: `grade quiz` and the quiz bank `grader build` proves.

- `grader.quiz.bank`: made where the solutions are. One item per solution blank: the code
  with the blank as (ア), the solution's text as the answer, the recorded wrong answers as
  distractors, each proven wrong by running the exercise's checks on it, with equivalence
  classes so that no two served choices behave alike on the checks.
- `grader.quiz.numeric`: 確認テスト-style numeric questions (conv output size, parameter
  counts, receptive field, transposed-conv output size) with fresh numbers; their formulas
  are the solutions' own code, verified against the solutions at build time.
- `grader.quiz.drill`: serving the bank on a student machine (no solutions needed).
"""

BANK_DIR = "quiz"  # exercises/.edrill/quiz/ and <workspace>/.edrill/quiz/
