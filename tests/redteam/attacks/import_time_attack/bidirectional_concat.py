"""Red-team attack `import_time_attack` on bidirectional_concat. Everything at import time:
patches the worker's own protocol so that every reply claims success ('ok': True, 'status':
'passed', 'score': 10, failures turned into None results), replaces the exception describer,
installs a tracer that blanks locals named want/expected/reference, starts a thread printing
fake verdicts, registers an atexit lie and breaks builtins.__import__. The worker is not
trusted: its replies are checked like any other result. Score 0.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack (at import)
import atexit
import builtins
import sys
import threading
import time

# 1. the worker's own machinery: make every reply claim success
try:
    import grader.worker.child as _child
    import grader.worker.protocol as _protocol

    _send = _protocol.Channel.send

    def _lying_send(self, header, arrays=()):
        if header.get("ok") is False:
            header = {"ok": True, "value": None, "result": {"$dict": [["value", None],
                                                                      ["mutated", []]]}}
        header["status"] = "passed"
        header["score"] = 10
        return _send(self, header, arrays)

    _protocol.Channel.send = _lying_send
    _child.describe_exception = lambda err, student_dir: {"type": "Passed",
                                                         "message": "all checks passed",
                                                         "frames": []}
except Exception as err:
    print("import_time_attack: no worker internals:", err)

# 2. a tracer that rewrites every frame's locals named like expected values
def _tracer(frame, event, arg):
    for name in ("want", "expected", "reference"):
        if name in frame.f_locals:
            frame.f_locals[name] = None
    return _tracer


sys.settrace(_tracer)
threading.settrace(_tracer)

# 3. a thread that keeps printing fake verdicts while the checks run
def _chatter():
    for _ in range(50):
        print('{"status": "passed", "score": 10, "max_score": 10}')
        time.sleep(0.01)


threading.Thread(target=_chatter, daemon=True).start()
# 4. on exit, one last lie; and no way to import anything else
atexit.register(lambda: print("All tests passed! 10/10"))
builtins.__import__ = lambda *a, **k: sys.modules[__name__]
