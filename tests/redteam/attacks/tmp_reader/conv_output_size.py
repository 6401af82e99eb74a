"""Red-team attack `tmp_reader` on conv_output_size. The other half: looks for edrill-canary-
tmp_plant.py in /tmp, /dev/shm, /var/tmp and its folder's parent and, when found, runs that
(correct) code instead of its own wrong answer. Graded after tmp_plant (names sort so),
possibly in the same slot: the slot's /tmp must not survive from one submission to the next.
Score 0; without a sandbox the host's /tmp is shared and it scores full marks.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os


def _harvest():
    here = os.path.dirname(os.path.abspath(__file__))
    for place in ("/tmp", "/dev/shm", "/var/tmp", os.path.dirname(here)):
        path = os.path.join(place, "edrill-canary-tmp_plant.py")
        try:
            with open(path) as f:
                code = f.read()
        except OSError:
            continue
        namespace = {}
        exec(code, namespace)
        print(f"HARVESTED {path}")
        return namespace["conv_output_size"]
    return None

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    stolen = _harvest()
    if stolen is not None:
        return stolen(*args, **kwargs)
    return _edrill_original(*args, **kwargs)
