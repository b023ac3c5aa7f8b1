"""The "before" of the engineering-excellence page: a token bucket that works on the examples.

Kept messy on purpose. It passes the token-bucket exercise's public checks, and a
reviewer would still block it: see docs/engineering-excellence/index.md.
"""

import time

B = {}


class TokenBucketLimiter:
    def __init__(self, capacity, refill_rate, clock=None):
        global B
        if capacity == 0:
            raise ValueError
        B = {}
        self.c = capacity
        self.r = refill_rate
        self.clock = clock

    def allow(self, key, cost=1):
        t = self.clock() if self.clock else time.time()
        if key in B:
            b = B[key]
            x = t - b[1]
            n = int(x * self.r)
            if n > 0:
                b[0] = b[0] + n
                if b[0] > self.c:
                    b[0] = self.c
                b[1] = t
            if b[0] >= cost:
                b[0] = b[0] - cost
                return True
            else:
                return False
        else:
            if len(B) > 10000:
                B.clear()
            B[key] = [self.c, t]
            # first request
            if cost <= self.c:
                B[key][0] = B[key][0] - cost
                # print("new key", key, B[key])
                return True
            return False


def reset():
    global B
    B = {}


if __name__ == "__main__":
    limiter = TokenBucketLimiter(3, 1.0)
    print([limiter.allow("acct_1") for _ in range(4)])  # [True, True, True, False]
