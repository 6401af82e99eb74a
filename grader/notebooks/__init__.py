"""Jupyter notebooks and nbgrader: `layout` (exercises as notebook cells), `source` (an
assignment as nbgrader source notebooks), `cell` (what their test cells call), `gradebook`
(scores into nbgrader's gradebook.db)."""
