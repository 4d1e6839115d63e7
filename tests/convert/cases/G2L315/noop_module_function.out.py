# g2l: converted from jobs/noop_module_function.py
import flatten


def flat(df):
    return flatten.unnest(df)
