"""The two commands: `grade` (students, grader.cli.grade) and `grader` (instructors)."""
