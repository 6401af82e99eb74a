"""Sandboxes for grading untrusted submissions (`grader batch`)."""
