"""Red-team attack `read_via_proc_ppid_cwd` on conv_output_size. Reaches the grader's files
through /proc: the cwd and root links of its ancestors (/proc/<ppid>/cwd, ...) and of every
visible process, and the PYTHONPATH/PWD in their environ, then reads solutions/<id>.py, the
hidden suite or the gradebook there and runs the reference instead of its wrong code. In the
sandbox (its own PID namespace) no process of the host is visible: score 0. Without a
sandbox it scores full marks.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

"""畳み込みの出力サイズ / The output size of a convolution.

日本語
------
高さ H の入力に、上下それぞれ P 行のパディングを付け、高さ FH のフィルタを
ストライド S でずらしていくときの出力の高さ OH:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ は切り捨て。幅も同じ式（W, FW）で求まる。
例: (H, FH, P, S) = (5, 3, 1, 2) → 3、(6, 2, 1, 1) → 7、(28, 5, 0, 1) → 24。

引数と戻り値: H, FH, P, S はいずれも Python の int（スカラー）、戻り値 OH も int。
H, FH, P が負、S < 1、またはフィルタがパディング後の入力より大きい（FH > H + 2P）
ときは ValueError。

English
-------
The output height OH when a filter of height FH slides with stride S over an input of
height H padded with P rows on top and P rows at the bottom:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ rounds down. The width follows the same formula (W, FW).
Examples: (H, FH, P, S) = (5, 3, 1, 2) → 3, (6, 2, 1, 1) → 7, (28, 5, 0, 1) → 24.

Arguments and result: H, FH, P, S are Python ints (scalars); the result OH is an int.
A negative H, FH or P, S < 1, or a filter larger than the padded input (FH > H + 2P)
raises ValueError.
"""


def conv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    if FH > H + 2 * P:
        raise ValueError(
            f"the filter (FH={FH}) is larger than the padded input (H + 2*P = {H + 2 * P})"
        )
    return (H + 2*P - FH) / S + 1


if __name__ == "__main__":
    print(conv_output_size(5, 3, 1, 2))  # 3
    print(conv_output_size(6, 2, 1, 1))  # 7
    print(conv_output_size(28, 5, 0, 1))  # 24

import os

_ID = "conv_output_size"


def _proc_roots():
    """The cwd and root of every process we can see, our ancestors first."""
    seen, order = set(), []
    pid = os.getpid()
    for _ in range(8):
        try:
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
        if pid <= 0:
            break
        order.append(pid)
    try:
        order += sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
    except OSError:
        pass
    for pid in order:
        for link in ("cwd", "root"):
            try:
                path = os.readlink(f"/proc/{pid}/{link}")
            except OSError:
                continue
            base = f"/proc/{pid}/{link}"
            if (base, path) not in seen:
                seen.add((base, path))
                yield base, path
        try:  # PYTHONPATH and friends name the grader's checkout
            with open(f"/proc/{pid}/environ", "rb") as f:
                for item in f.read().split(b"\0"):
                    if item.startswith((b"PYTHONPATH=", b"PWD=", b"HOME=")):
                        for p in item.split(b"=", 1)[1].decode(errors="replace").split(":"):
                            if p:
                                yield p, p
        except OSError:
            pass


def _steal():
    for base, _real in _proc_roots():
        d = base
        for _ in range(4):
            for rel in (f"solutions/{_ID}.py", f"tests/suites/test_{_ID}.py", "grades.sqlite"):
                path = os.path.join(d, rel)
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except OSError:
                    continue
                print(f"PROC-ESCAPE read {path}")
                if rel.startswith("solutions/"):
                    namespace = {"__name__": "stolen"}
                    try:
                        exec(compile(data, path, "exec"), namespace)
                        return namespace
                    except Exception:
                        pass
            d = os.path.join(d, "..")
    return None


_stolen = _steal()

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    if _stolen is not None:
        return _stolen['conv_output_size'](*args, **kwargs)
    return _edrill_original(*args, **kwargs)
